// README: compile-only stub copying kotlinx-coroutines-core's public signatures (1.8).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused")

package kotlinx.coroutines

import kotlin.coroutines.CoroutineContext

interface CoroutineScope {
    val coroutineContext: CoroutineContext
}
