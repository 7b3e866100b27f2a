// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.ui

import androidx.compose.runtime.Immutable
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
        val TopStart: Alignment = BiasAlignment(-1f, -1f)
        val Center: Alignment = BiasAlignment(0f, 0f)
        val CenterStart: Alignment = BiasAlignment(-1f, 0f)
        val CenterEnd: Alignment = BiasAlignment(1f, 0f)
        val Top: Vertical = Vertical { _, _ -> 0 }
        val CenterVertically: Vertical = Vertical { _, _ -> 0 }
    }
}

@Immutable
data class BiasAlignment(val horizontalBias: Float, val verticalBias: Float) : Alignment
