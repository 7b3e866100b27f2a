// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.ui.draw

import androidx.compose.runtime.Stable
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.DefaultShadowColor
import androidx.compose.ui.graphics.RectangleShape
import androidx.compose.ui.graphics.Shape
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.dp

@Stable
fun Modifier.clip(shape: Shape): Modifier = this

@Stable
fun Modifier.scale(scale: Float): Modifier = this

@Stable
fun Modifier.scale(scaleX: Float, scaleY: Float): Modifier = this

@Stable
fun Modifier.shadow(
    elevation: Dp,
    shape: Shape = RectangleShape,
    clip: Boolean = elevation > 0.dp,
    ambientColor: Color = DefaultShadowColor,
    spotColor: Color = DefaultShadowColor,
): Modifier = this
