// README: compile-only stub copying Jetpack Compose's public signatures (compose-runtime 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.runtime

import kotlin.reflect.KProperty

@MustBeDocumented
@Retention(AnnotationRetention.BINARY)
@Target(AnnotationTarget.FUNCTION, AnnotationTarget.TYPE)
annotation class DisallowComposableCalls

@Stable
interface State<out T> {
    val value: T
}

inline operator fun <T> State<T>.getValue(thisObj: Any?, property: KProperty<*>): T = value

@Composable
inline fun <T> remember(crossinline calculation: @DisallowComposableCalls () -> T): T =
    calculation()

@Stable
interface MutableState<T> : State<T> {
    override var value: T

    operator fun component1(): T

    operator fun component2(): (T) -> Unit
}

inline operator fun <T> MutableState<T>.setValue(thisObj: Any?, property: KProperty<*>, value: T) {
    this.value = value
}

@Stable
interface FloatState : State<Float> {
    val floatValue: Float

    override val value: Float
        get() = floatValue
}

@Stable
interface MutableFloatState : FloatState, MutableState<Float> {
    override var floatValue: Float

    override var value: Float
        get() = floatValue
        set(value) {
            floatValue = value
        }
}

inline operator fun FloatState.getValue(thisObj: Any?, property: KProperty<*>): Float = floatValue

inline operator fun MutableFloatState.setValue(
    thisObj: Any?,
    property: KProperty<*>,
    value: Float,
) {
    this.floatValue = value
}

private class FloatStateHolder(override var floatValue: Float) : MutableFloatState {
    override fun component1(): Float = floatValue

    override fun component2(): (Float) -> Unit = { floatValue = it }
}

fun mutableFloatStateOf(value: Float): MutableFloatState = FloatStateHolder(value)
