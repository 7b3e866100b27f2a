// README: compile-only stub copying Jetpack Compose's public signatures (compose-foundation 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.foundation.interaction

import androidx.compose.runtime.Composable
import androidx.compose.runtime.Stable
import androidx.compose.runtime.State

@Stable
interface InteractionSource

@Stable
interface MutableInteractionSource : InteractionSource

fun MutableInteractionSource(): MutableInteractionSource = object : MutableInteractionSource {}

private class BooleanState(override val value: Boolean) : State<Boolean>

@Composable
fun InteractionSource.collectIsPressedAsState(): State<Boolean> = BooleanState(false)

@Composable
fun InteractionSource.collectIsHoveredAsState(): State<Boolean> = BooleanState(false)

@Composable
fun InteractionSource.collectIsFocusedAsState(): State<Boolean> = BooleanState(false)

@Composable
fun InteractionSource.collectIsDraggedAsState(): State<Boolean> = BooleanState(false)
