// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused")

package androidx.compose.ui.platform

import androidx.compose.runtime.ProvidableCompositionLocal
import androidx.compose.runtime.staticCompositionLocalOf
import androidx.compose.ui.unit.LayoutDirection

val LocalLayoutDirection: ProvidableCompositionLocal<LayoutDirection> =
    staticCompositionLocalOf { LayoutDirection.Ltr }
