// README: compile-only stub copying Jetpack Compose's public signatures (material3 1.3).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused")

package androidx.compose.material3

import androidx.compose.runtime.Stable
import androidx.compose.ui.Modifier

@Stable
fun Modifier.minimumInteractiveComponentSize(): Modifier = this
