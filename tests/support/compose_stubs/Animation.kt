// README: compile-only stub copying Jetpack Compose's public signatures (compose-animation-core 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused")

package androidx.compose.animation.core

fun interface Easing {
    fun transform(fraction: Float): Float
}

class CubicBezierEasing(
    private val a: Float,
    private val b: Float,
    private val c: Float,
    private val d: Float,
) : Easing {
    override fun transform(fraction: Float): Float = fraction
}

val FastOutSlowInEasing: Easing = CubicBezierEasing(0.4f, 0.0f, 0.2f, 1.0f)

val LinearOutSlowInEasing: Easing = CubicBezierEasing(0.0f, 0.0f, 0.2f, 1.0f)

val FastOutLinearInEasing: Easing = CubicBezierEasing(0.4f, 0.0f, 1.0f, 1.0f)

val LinearEasing: Easing = Easing { fraction -> fraction }

val Ease: Easing = CubicBezierEasing(0.25f, 0.1f, 0.25f, 1.0f)

val EaseIn: Easing = CubicBezierEasing(0.42f, 0.0f, 1.0f, 1.0f)

val EaseOut: Easing = CubicBezierEasing(0.0f, 0.0f, 0.58f, 1.0f)

val EaseInOut: Easing = CubicBezierEasing(0.42f, 0.0f, 0.58f, 1.0f)
