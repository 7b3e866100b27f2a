// README: compile-only stub copying Jetpack Compose's public signatures (compose-animation-core 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.animation.core

import androidx.compose.runtime.Composable
import androidx.compose.runtime.Immutable
import androidx.compose.runtime.State
import androidx.compose.runtime.Stable

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

object AnimationConstants {
    const val DefaultDurationMillis: Int = 300

    const val UnspecifiedTime: Long = Long.MIN_VALUE
}

interface AnimationSpec<T>

interface FiniteAnimationSpec<T> : AnimationSpec<T>

interface DurationBasedAnimationSpec<T> : FiniteAnimationSpec<T>

@Immutable
class TweenSpec<T>(
    val durationMillis: Int = AnimationConstants.DefaultDurationMillis,
    val delay: Int = 0,
    val easing: Easing = FastOutSlowInEasing,
) : DurationBasedAnimationSpec<T>

@Stable
fun <T> tween(
    durationMillis: Int = AnimationConstants.DefaultDurationMillis,
    delayMillis: Int = 0,
    easing: Easing = FastOutSlowInEasing,
): TweenSpec<T> = TweenSpec(durationMillis, delayMillis, easing)

@Immutable
class SpringSpec<T>(
    val dampingRatio: Float = 1f,
    val stiffness: Float = 1500f,
    val visibilityThreshold: T? = null,
) : FiniteAnimationSpec<T>

@Stable
fun <T> spring(
    dampingRatio: Float = 1f,
    stiffness: Float = 1500f,
    visibilityThreshold: T? = null,
): SpringSpec<T> = SpringSpec(dampingRatio, stiffness, visibilityThreshold)

private class AnimatedState<T>(override val value: T) : State<T>

@Composable
fun animateFloatAsState(
    targetValue: Float,
    animationSpec: AnimationSpec<Float> = spring(),
    visibilityThreshold: Float = 0.01f,
    label: String = "FloatAnimation",
    finishedListener: ((Float) -> Unit)? = null,
): State<Float> = AnimatedState(targetValue)
