// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui-graphics 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
@file:Suppress("unused", "UNUSED_PARAMETER")

package androidx.compose.ui.graphics

import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.colorspace.ColorSpace
import androidx.compose.ui.graphics.colorspace.ColorSpaces

@JvmInline
value class Color(val value: ULong) {
    val colorSpace: ColorSpace
        get() = ColorSpaces.Srgb

    val red: Float
        get() = 0f

    val green: Float
        get() = 0f

    val blue: Float
        get() = 0f

    val alpha: Float
        get() = 1f

    fun copy(
        alpha: Float = this.alpha,
        red: Float = this.red,
        green: Float = this.green,
        blue: Float = this.blue,
    ): Color = this

    fun convert(colorSpace: ColorSpace): Color = this

    companion object {
        val Black: Color = Color(0xFF000000)
        val DarkGray: Color = Color(0xFF444444)
        val Gray: Color = Color(0xFF888888)
        val LightGray: Color = Color(0xFFCCCCCC)
        val White: Color = Color(0xFFFFFFFF)
        val Red: Color = Color(0xFFFF0000)
        val Green: Color = Color(0xFF00FF00)
        val Blue: Color = Color(0xFF0000FF)
        val Yellow: Color = Color(0xFFFFFF00)
        val Cyan: Color = Color(0xFF00FFFF)
        val Magenta: Color = Color(0xFFFF00FF)
        val Transparent: Color = Color(0x00000000)
        val Unspecified: Color = Color(0f, 0f, 0f, 0f, ColorSpaces.Unspecified)
    }
}

fun Color(
    red: Float,
    green: Float,
    blue: Float,
    alpha: Float = 1f,
    colorSpace: ColorSpace = ColorSpaces.Srgb,
): Color = Color(0UL)

fun Color(color: Int): Color = Color(color.toULong() shl 32)

fun Color(color: Long): Color = Color(color.toULong() shl 32)

fun Color(red: Int, green: Int, blue: Int, alpha: Int = 0xFF): Color = Color(0UL)

fun Color.toArgb(): Int = 0

fun lerp(start: Color, stop: Color, fraction: Float): Color = start

@JvmInline
value class TileMode private constructor(private val value: Int) {
    companion object {
        val Clamp: TileMode = TileMode(0)
        val Repeated: TileMode = TileMode(1)
        val Mirror: TileMode = TileMode(2)
        val Decal: TileMode = TileMode(3)
    }
}

@JvmInline
value class StrokeCap private constructor(private val value: Int) {
    companion object {
        val Butt: StrokeCap = StrokeCap(0)
        val Round: StrokeCap = StrokeCap(1)
        val Square: StrokeCap = StrokeCap(2)
    }
}

@JvmInline
value class StrokeJoin private constructor(private val value: Int) {
    companion object {
        val Miter: StrokeJoin = StrokeJoin(0)
        val Round: StrokeJoin = StrokeJoin(1)
        val Bevel: StrokeJoin = StrokeJoin(2)
    }
}

interface PathEffect {
    companion object {
        fun cornerPathEffect(radius: Float): PathEffect = StubPathEffect

        fun dashPathEffect(intervals: FloatArray, phase: Float = 0f): PathEffect = StubPathEffect

        fun chainPathEffect(outer: PathEffect, inner: PathEffect): PathEffect = StubPathEffect
    }
}

private object StubPathEffect : PathEffect

sealed class Brush {
    companion object {
        fun linearGradient(
            vararg colorStops: Pair<Float, Color>,
            start: Offset = Offset.Zero,
            end: Offset = Offset.Infinite,
            tileMode: TileMode = TileMode.Clamp,
        ): Brush = LinearGradient()

        fun linearGradient(
            colors: List<Color>,
            start: Offset = Offset.Zero,
            end: Offset = Offset.Infinite,
            tileMode: TileMode = TileMode.Clamp,
        ): Brush = LinearGradient()

        fun horizontalGradient(
            colors: List<Color>,
            startX: Float = 0.0f,
            endX: Float = Float.POSITIVE_INFINITY,
            tileMode: TileMode = TileMode.Clamp,
        ): Brush = LinearGradient()

        fun horizontalGradient(
            vararg colorStops: Pair<Float, Color>,
            startX: Float = 0.0f,
            endX: Float = Float.POSITIVE_INFINITY,
            tileMode: TileMode = TileMode.Clamp,
        ): Brush = LinearGradient()

        fun verticalGradient(
            colors: List<Color>,
            startY: Float = 0.0f,
            endY: Float = Float.POSITIVE_INFINITY,
            tileMode: TileMode = TileMode.Clamp,
        ): Brush = LinearGradient()

        fun verticalGradient(
            vararg colorStops: Pair<Float, Color>,
            startY: Float = 0f,
            endY: Float = Float.POSITIVE_INFINITY,
            tileMode: TileMode = TileMode.Clamp,
        ): Brush = LinearGradient()

        fun radialGradient(
            vararg colorStops: Pair<Float, Color>,
            center: Offset = Offset.Unspecified,
            radius: Float = Float.POSITIVE_INFINITY,
            tileMode: TileMode = TileMode.Clamp,
        ): Brush = LinearGradient()

        fun radialGradient(
            colors: List<Color>,
            center: Offset = Offset.Unspecified,
            radius: Float = Float.POSITIVE_INFINITY,
            tileMode: TileMode = TileMode.Clamp,
        ): Brush = LinearGradient()

        fun sweepGradient(
            vararg colorStops: Pair<Float, Color>,
            center: Offset = Offset.Unspecified,
        ): Brush = LinearGradient()

        fun sweepGradient(colors: List<Color>, center: Offset = Offset.Unspecified): Brush =
            LinearGradient()
    }
}

class SolidColor(val value: Color) : Brush()

abstract class ShaderBrush : Brush()

class LinearGradient internal constructor() : ShaderBrush()

class Shadow(
    val color: Color = Color(0xFF000000),
    val offset: Offset = Offset.Zero,
    val blurRadius: Float = 0.0f,
) {
    companion object {
        val None: Shadow = Shadow()
    }
}
