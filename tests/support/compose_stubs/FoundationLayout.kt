// README: compile-only stub copying Jetpack Compose's public signatures (compose-foundation 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.foundation.layout

import androidx.compose.runtime.Composable
import androidx.compose.runtime.Immutable
import androidx.compose.runtime.Stable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.dp

object Arrangement {
    @Stable
    interface Horizontal

    val Start: Horizontal = object : Horizontal {}

    @Stable
    fun spacedBy(space: Dp): Horizontal = Start
}

interface RowScope

@Immutable
interface BoxScope {
    @Stable
    fun Modifier.align(alignment: Alignment): Modifier = this

    @Stable
    fun Modifier.matchParentSize(): Modifier = this
}

@PublishedApi
internal object RowScopeInstance : RowScope

@PublishedApi
internal object BoxScopeInstance : BoxScope

@Composable
inline fun Row(
    modifier: Modifier = Modifier,
    horizontalArrangement: Arrangement.Horizontal = Arrangement.Start,
    verticalAlignment: Alignment.Vertical = Alignment.Top,
    content: @Composable RowScope.() -> Unit,
) {
    RowScopeInstance.content()
}

@Composable
inline fun Box(
    modifier: Modifier = Modifier,
    contentAlignment: Alignment = Alignment.TopStart,
    propagateMinConstraints: Boolean = false,
    content: @Composable BoxScope.() -> Unit,
) {
    BoxScopeInstance.content()
}

@Stable
fun Modifier.heightIn(min: Dp = Dp.Unspecified, max: Dp = Dp.Unspecified): Modifier = this

@Stable
fun Modifier.padding(horizontal: Dp = 0.dp, vertical: Dp = 0.dp): Modifier = this

@Stable
fun Modifier.width(width: Dp): Modifier = this

@Stable
fun Modifier.height(height: Dp): Modifier = this

@Stable
fun Modifier.size(size: Dp): Modifier = this

@Stable
fun Modifier.fillMaxWidth(fraction: Float = 1f): Modifier = this

@Stable
fun Modifier.fillMaxHeight(fraction: Float = 1f): Modifier = this

@Stable
fun Modifier.fillMaxSize(fraction: Float = 1f): Modifier = this
