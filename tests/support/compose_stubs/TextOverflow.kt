// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui-text 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused")

package androidx.compose.ui.text.style

@JvmInline
value class TextOverflow private constructor(internal val value: Int) {
    companion object {
        val Clip: TextOverflow = TextOverflow(1)
        val Ellipsis: TextOverflow = TextOverflow(2)
        val Visible: TextOverflow = TextOverflow(3)
    }
}
