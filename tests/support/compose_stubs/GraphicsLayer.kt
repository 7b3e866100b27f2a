// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused")

package androidx.compose.ui.graphics

/** The default ambient and spot colour of `Modifier.shadow`. */
val DefaultShadowColor: Color = Color.Black
