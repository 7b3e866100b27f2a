// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.ui.layout

import androidx.compose.runtime.Stable
import androidx.compose.ui.Modifier
import androidx.compose.ui.unit.IntSize

@Stable
fun Modifier.onSizeChanged(onSizeChanged: (IntSize) -> Unit): Modifier = this
