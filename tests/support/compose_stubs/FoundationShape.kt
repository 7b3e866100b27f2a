// README: compile-only stub copying Jetpack Compose's public signatures (compose-foundation 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
// Only the Dp corner sizes are copied; percentage and pixel sizes are left out.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.foundation.shape

import androidx.compose.runtime.Immutable
import androidx.compose.runtime.Stable
import androidx.compose.ui.graphics.Shape
import androidx.compose.ui.unit.Dp

@Immutable
interface CornerSize

@Stable
fun CornerSize(size: Dp): CornerSize = object : CornerSize {}

abstract class CornerBasedShape(
    val topStart: CornerSize,
    val topEnd: CornerSize,
    val bottomEnd: CornerSize,
    val bottomStart: CornerSize,
) : Shape

class RoundedCornerShape(
    topStart: CornerSize,
    topEnd: CornerSize,
    bottomEnd: CornerSize,
    bottomStart: CornerSize,
) : CornerBasedShape(topStart, topEnd, bottomEnd, bottomStart)

fun RoundedCornerShape(corner: CornerSize): RoundedCornerShape =
    RoundedCornerShape(corner, corner, corner, corner)

fun RoundedCornerShape(size: Dp): RoundedCornerShape = RoundedCornerShape(CornerSize(size))
