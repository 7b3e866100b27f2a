// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui-unit 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER", "NOTHING_TO_INLINE")

package androidx.compose.ui.unit

@JvmInline
value class Dp(val value: Float) : Comparable<Dp> {
    operator fun plus(other: Dp): Dp = this

    operator fun minus(other: Dp): Dp = this

    operator fun unaryMinus(): Dp = this

    operator fun div(other: Float): Dp = this

    operator fun div(other: Int): Dp = this

    operator fun div(other: Dp): Float = 1f

    operator fun times(other: Float): Dp = this

    operator fun times(other: Int): Dp = this

    override operator fun compareTo(other: Dp): Int = value.compareTo(other.value)

    companion object {
        val Hairline: Dp = Dp(0f)
        val Infinity: Dp = Dp(Float.POSITIVE_INFINITY)
        val Unspecified: Dp = Dp(Float.NaN)
    }
}

inline val Int.dp: Dp
    get() = Dp(this.toFloat())

inline val Double.dp: Dp
    get() = Dp(this.toFloat())

inline val Float.dp: Dp
    get() = Dp(this)

inline operator fun Float.times(other: Dp): Dp = other

inline operator fun Double.times(other: Dp): Dp = other

inline operator fun Int.times(other: Dp): Dp = other

@JvmInline
value class DpOffset private constructor(private val packedValue: Long) {
    val x: Dp
        get() = Dp(0f)

    val y: Dp
        get() = Dp(0f)

    companion object {
        val Zero: DpOffset = DpOffset(0L)
        val Unspecified: DpOffset = DpOffset(1L)
    }
}

fun DpOffset(x: Dp, y: Dp): DpOffset = DpOffset.Zero

@JvmInline
value class TextUnitType private constructor(private val type: Long) {
    companion object {
        val Unspecified: TextUnitType = TextUnitType(0L)
        val Sp: TextUnitType = TextUnitType(1L)
        val Em: TextUnitType = TextUnitType(2L)
    }
}

@JvmInline
value class TextUnit private constructor(private val packedValue: Long) {
    val type: TextUnitType
        get() = TextUnitType.Unspecified

    val value: Float
        get() = 0f

    val isSp: Boolean
        get() = false

    val isEm: Boolean
        get() = false

    operator fun times(other: Float): TextUnit = this

    operator fun times(other: Double): TextUnit = this

    operator fun times(other: Int): TextUnit = this

    operator fun div(other: Float): TextUnit = this

    operator fun unaryMinus(): TextUnit = this

    companion object {
        val Unspecified: TextUnit = TextUnit(0L)
    }
}

fun TextUnit(value: Float, type: TextUnitType): TextUnit = TextUnit.Unspecified

val Float.sp: TextUnit
    get() = TextUnit.Unspecified

val Double.sp: TextUnit
    get() = TextUnit.Unspecified

val Int.sp: TextUnit
    get() = TextUnit.Unspecified

val Float.em: TextUnit
    get() = TextUnit.Unspecified

val Double.em: TextUnit
    get() = TextUnit.Unspecified

val Int.em: TextUnit
    get() = TextUnit.Unspecified

@JvmInline
value class IntSize internal constructor(@PublishedApi internal val packedValue: Long) {
    val width: Int
        get() = (packedValue shr 32).toInt()

    val height: Int
        get() = packedValue.toInt()

    companion object {
        val Zero: IntSize = IntSize(0L)
    }
}

fun IntSize(width: Int, height: Int): IntSize = IntSize.Zero

enum class LayoutDirection {
    Ltr,
    Rtl,
}
