// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui-text 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
// Resource fonts (Font(R.font.x)) are not stubbed: they need an app's generated R class.
@file:Suppress("unused")

package androidx.compose.ui.text.font

class FontWeight(val weight: Int) : Comparable<FontWeight> {
    init {
        require(weight in 1..1000) { "Font weight can be in range [1, 1000]. Current value: $weight" }
    }

    override operator fun compareTo(other: FontWeight): Int = weight.compareTo(other.weight)

    companion object {
        val W100: FontWeight = FontWeight(100)
        val W200: FontWeight = FontWeight(200)
        val W300: FontWeight = FontWeight(300)
        val W400: FontWeight = FontWeight(400)
        val W500: FontWeight = FontWeight(500)
        val W600: FontWeight = FontWeight(600)
        val W700: FontWeight = FontWeight(700)
        val W800: FontWeight = FontWeight(800)
        val W900: FontWeight = FontWeight(900)
        val Thin: FontWeight = W100
        val ExtraLight: FontWeight = W200
        val Light: FontWeight = W300
        val Normal: FontWeight = W400
        val Medium: FontWeight = W500
        val SemiBold: FontWeight = W600
        val Bold: FontWeight = W700
        val ExtraBold: FontWeight = W800
        val Black: FontWeight = W900
    }
}

@JvmInline
value class FontStyle(val value: Int) {
    companion object {
        val Normal: FontStyle = FontStyle(0)
        val Italic: FontStyle = FontStyle(1)
    }
}

@JvmInline
value class FontSynthesis private constructor(private val value: Int) {
    companion object {
        val None: FontSynthesis = FontSynthesis(0)
        val All: FontSynthesis = FontSynthesis(1)
        val Weight: FontSynthesis = FontSynthesis(2)
        val Style: FontSynthesis = FontSynthesis(3)
    }
}

sealed class FontFamily {
    companion object {
        val Default: SystemFontFamily = DefaultFontFamily()
        val SansSerif: GenericFontFamily = GenericFontFamily("sans-serif", "FontFamily.SansSerif")
        val Serif: GenericFontFamily = GenericFontFamily("serif", "FontFamily.Serif")
        val Monospace: GenericFontFamily = GenericFontFamily("monospace", "FontFamily.Monospace")
        val Cursive: GenericFontFamily = GenericFontFamily("cursive", "FontFamily.Cursive")
    }
}

sealed class SystemFontFamily : FontFamily()

class GenericFontFamily internal constructor(val name: String, private val fontFamilyName: String) :
    SystemFontFamily()

class DefaultFontFamily internal constructor() : SystemFontFamily()
