// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui, Android 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.ui.input.key

import androidx.compose.ui.Modifier

/** On Android, `android.view.KeyEvent`. */
typealias NativeKeyEvent = Any

@JvmInline
value class KeyEvent(val nativeKeyEvent: NativeKeyEvent)

@JvmInline
value class Key(val keyCode: Long) {
    companion object {
        val Unknown: Key = Key(0L)
        val DirectionUp: Key = Key(19L)
        val DirectionDown: Key = Key(20L)
        val DirectionLeft: Key = Key(21L)
        val DirectionRight: Key = Key(22L)
        val Enter: Key = Key(66L)
        val Spacebar: Key = Key(62L)
        val PageUp: Key = Key(92L)
        val PageDown: Key = Key(93L)
        val MoveHome: Key = Key(122L)
        val MoveEnd: Key = Key(123L)
    }
}

@JvmInline
value class KeyEventType internal constructor(internal val value: Int) {
    companion object {
        val Unknown: KeyEventType = KeyEventType(0)
        val KeyUp: KeyEventType = KeyEventType(1)
        val KeyDown: KeyEventType = KeyEventType(2)
    }
}

val KeyEvent.key: Key
    get() = Key.Unknown

val KeyEvent.type: KeyEventType
    get() = KeyEventType.Unknown

fun Modifier.onKeyEvent(onKeyEvent: (KeyEvent) -> Boolean): Modifier = this

fun Modifier.onPreviewKeyEvent(onPreviewKeyEvent: (KeyEvent) -> Boolean): Modifier = this
