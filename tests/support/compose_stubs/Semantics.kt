// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.ui.semantics

import androidx.compose.ui.Modifier

@JvmInline
value class Role private constructor(private val value: Int) {
    companion object {
        val Button: Role = Role(0)
        val Checkbox: Role = Role(1)
        val Switch: Role = Role(2)
        val RadioButton: Role = Role(3)
        val Tab: Role = Role(4)
        val Image: Role = Role(5)
        val DropdownList: Role = Role(6)
    }
}

@JvmInline
value class LiveRegionMode private constructor(private val value: Int) {
    companion object {
        val Polite: LiveRegionMode = LiveRegionMode(0)
        val Assertive: LiveRegionMode = LiveRegionMode(1)
    }
}

class ProgressBarRangeInfo(
    val current: Float,
    val range: ClosedFloatingPointRange<Float>,
    val steps: Int = 0,
)

interface SemanticsPropertyReceiver

fun Modifier.semantics(
    mergeDescendants: Boolean = false,
    properties: (SemanticsPropertyReceiver.() -> Unit),
): Modifier = this

private fun unsupported(): Nothing = throw UnsupportedOperationException("semantics get")

var SemanticsPropertyReceiver.role: Role
    get() = unsupported()
    set(value) {}

var SemanticsPropertyReceiver.contentDescription: String
    get() = unsupported()
    set(value) {}

var SemanticsPropertyReceiver.stateDescription: String
    get() = unsupported()
    set(value) {}

var SemanticsPropertyReceiver.selected: Boolean
    get() = unsupported()
    set(value) {}

var SemanticsPropertyReceiver.liveRegion: LiveRegionMode
    get() = unsupported()
    set(value) {}

var SemanticsPropertyReceiver.progressBarRangeInfo: ProgressBarRangeInfo
    get() = unsupported()
    set(value) {}

fun SemanticsPropertyReceiver.disabled() {}

fun SemanticsPropertyReceiver.setProgress(
    label: String? = null,
    action: ((targetValue: Float) -> Boolean)?,
) {}
