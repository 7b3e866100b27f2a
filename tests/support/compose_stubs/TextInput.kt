// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui-text 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
// filter(AnnotatedString): TransformedText is left out: generated code never transforms text.
@file:Suppress("unused")

package androidx.compose.ui.text.input

import androidx.compose.runtime.Immutable

@Immutable
interface VisualTransformation {
    companion object {
        val None: VisualTransformation = object : VisualTransformation {}
    }
}
