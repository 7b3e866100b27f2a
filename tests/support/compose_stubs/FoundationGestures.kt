// README: compile-only stub copying Jetpack Compose's public signatures (compose-foundation 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.foundation.gestures

import androidx.compose.foundation.MutatePriority
import androidx.compose.foundation.interaction.MutableInteractionSource
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import kotlinx.coroutines.CoroutineScope

enum class Orientation {
    Vertical,
    Horizontal,
}

interface DragScope {
    fun dragBy(pixels: Float)
}

interface DraggableState {
    suspend fun drag(
        dragPriority: MutatePriority = MutatePriority.Default,
        block: suspend DragScope.() -> Unit,
    )

    fun dispatchRawDelta(delta: Float)
}

private class DefaultDraggableState(val onDelta: (Float) -> Unit) : DraggableState {
    override suspend fun drag(dragPriority: MutatePriority, block: suspend DragScope.() -> Unit) {}

    override fun dispatchRawDelta(delta: Float) = onDelta(delta)
}

fun DraggableState(onDelta: (Float) -> Unit): DraggableState = DefaultDraggableState(onDelta)

@Composable
fun rememberDraggableState(onDelta: (Float) -> Unit): DraggableState =
    DefaultDraggableState(onDelta)

fun Modifier.draggable(
    state: DraggableState,
    orientation: Orientation,
    enabled: Boolean = true,
    interactionSource: MutableInteractionSource? = null,
    startDragImmediately: Boolean = false,
    onDragStarted: suspend CoroutineScope.(startedPosition: Offset) -> Unit = {},
    onDragStopped: suspend CoroutineScope.(velocity: Float) -> Unit = {},
    reverseDirection: Boolean = false,
): Modifier = this
