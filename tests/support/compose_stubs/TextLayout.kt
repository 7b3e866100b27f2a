// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui-text 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused")

package androidx.compose.ui.text

class TextLayoutResult internal constructor()
