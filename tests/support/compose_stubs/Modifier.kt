// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.ui

import androidx.compose.runtime.Stable

@Stable
interface Modifier {
    infix fun then(other: Modifier): Modifier = other

    companion object : Modifier {
        override infix fun then(other: Modifier): Modifier = other
    }
}

@Stable
interface Alignment {
    @Stable
    fun interface Vertical {
        fun align(size: Int, space: Int): Int
    }

    companion object {
        val TopStart: Alignment = object : Alignment {}
        val Center: Alignment = object : Alignment {}
        val Top: Vertical = Vertical { _, _ -> 0 }
        val CenterVertically: Vertical = Vertical { _, _ -> 0 }
    }
}
