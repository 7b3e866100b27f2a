// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui-geometry 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.ui.geometry

@JvmInline
value class Offset private constructor(private val packedValue: Long) {
    val x: Float
        get() = 0f

    val y: Float
        get() = 0f

    operator fun plus(other: Offset): Offset = this

    operator fun minus(other: Offset): Offset = this

    operator fun times(operand: Float): Offset = this

    operator fun unaryMinus(): Offset = this

    companion object {
        val Zero: Offset = Offset(0L)
        val Infinite: Offset = Offset(1L)
        val Unspecified: Offset = Offset(2L)
    }
}

fun Offset(x: Float, y: Float): Offset = Offset.Zero
