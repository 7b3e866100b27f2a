// README: compile-only stub copying Jetpack Compose's public signatures (compose-ui-graphics 1.7).
// Compiled together with generated code by tests/support/checkers.py, never run; bodies are dummies.
// Note the real package: ColorSpace and ColorSpaces live in ...graphics.colorspace.
@file:Suppress("unused")

package androidx.compose.ui.graphics.colorspace

abstract class ColorSpace internal constructor(val name: String)

class Rgb internal constructor(name: String) : ColorSpace(name)

private class Xyz(name: String) : ColorSpace(name)

private class Lab(name: String) : ColorSpace(name)

private class Oklab(name: String) : ColorSpace(name)

object ColorSpaces {
    val Srgb: Rgb = Rgb("sRGB IEC61966-2.1")
    val LinearSrgb: Rgb = Rgb("sRGB IEC61966-2.1 (Linear)")
    val ExtendedSrgb: Rgb = Rgb("scRGB-nl IEC 61966-2-2:2003")
    val LinearExtendedSrgb: Rgb = Rgb("scRGB IEC 61966-2-2:2003")
    val Bt709: Rgb = Rgb("Rec. ITU-R BT.709-5")
    val Bt2020: Rgb = Rgb("Rec. ITU-R BT.2020-1")
    val DciP3: Rgb = Rgb("SMPTE RP 431-2-2007 DCI (P3)")
    val DisplayP3: Rgb = Rgb("Display P3")
    val Ntsc1953: Rgb = Rgb("NTSC (1953)")
    val SmpteC: Rgb = Rgb("SMPTE-C RGB")
    val AdobeRgb: Rgb = Rgb("Adobe RGB (1998)")
    val ProPhotoRgb: Rgb = Rgb("ROMM RGB ISO 22028-2:2013")
    val Aces: Rgb = Rgb("SMPTE ST 2065-1:2012 ACES")
    val Acescg: Rgb = Rgb("Academy S-2014-004 ACEScg")
    val CieXyz: ColorSpace = Xyz("Generic XYZ")
    val CieLab: ColorSpace = Lab("Generic L*a*b*")
    val Oklab: ColorSpace = Oklab("Oklab")
    val Unspecified: Rgb = Rgb("None")
}
