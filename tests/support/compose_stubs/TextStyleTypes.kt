// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui-text 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused")

package androidx.compose.ui.text.style

@JvmInline
value class BaselineShift(val multiplier: Float) {
    companion object {
        val Superscript: BaselineShift = BaselineShift(0.5f)
        val Subscript: BaselineShift = BaselineShift(-0.5f)
        val None: BaselineShift = BaselineShift(0.0f)
    }
}

class TextDecoration internal constructor(private val mask: Int) {
    operator fun plus(decoration: TextDecoration): TextDecoration = this

    companion object {
        val None: TextDecoration = TextDecoration(0x0)
        val Underline: TextDecoration = TextDecoration(0x1)
        val LineThrough: TextDecoration = TextDecoration(0x2)

        fun combine(decorations: List<TextDecoration>): TextDecoration = None
    }
}

@JvmInline
value class TextAlign private constructor(private val value: Int) {
    companion object {
        val Left: TextAlign = TextAlign(1)
        val Right: TextAlign = TextAlign(2)
        val Center: TextAlign = TextAlign(3)
        val Justify: TextAlign = TextAlign(4)
        val Start: TextAlign = TextAlign(5)
        val End: TextAlign = TextAlign(6)
        val Unspecified: TextAlign = TextAlign(Int.MIN_VALUE)
    }
}

@JvmInline
value class TextDirection private constructor(private val value: Int) {
    companion object {
        val Ltr: TextDirection = TextDirection(1)
        val Rtl: TextDirection = TextDirection(2)
        val Content: TextDirection = TextDirection(3)
        val ContentOrLtr: TextDirection = TextDirection(4)
        val ContentOrRtl: TextDirection = TextDirection(5)
        val Unspecified: TextDirection = TextDirection(Int.MIN_VALUE)
    }
}

@JvmInline
value class LineBreak private constructor(private val mask: Int) {
    companion object {
        val Simple: LineBreak = LineBreak(1)
        val Heading: LineBreak = LineBreak(2)
        val Paragraph: LineBreak = LineBreak(3)
        val Unspecified: LineBreak = LineBreak(Int.MIN_VALUE)
    }
}

@JvmInline
value class Hyphens private constructor(private val value: Int) {
    companion object {
        val None: Hyphens = Hyphens(1)
        val Auto: Hyphens = Hyphens(2)
        val Unspecified: Hyphens = Hyphens(Int.MIN_VALUE)
    }
}
