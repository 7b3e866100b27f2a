// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui-graphics 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
// Shape.createOutline is left out: nothing generated implements a shape.
@file:Suppress("unused")

package androidx.compose.ui.graphics

import androidx.compose.runtime.Immutable
import androidx.compose.runtime.Stable

@Immutable
interface Shape

val RectangleShape: Shape = object : Shape {}

@Stable
fun interface ColorProducer {
    operator fun invoke(): Color
}
