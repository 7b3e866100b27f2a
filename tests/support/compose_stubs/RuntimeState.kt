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
