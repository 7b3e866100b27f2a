"""SwiftUI generator, the slider: a custom-drawn track, fill and thumb bound to their tokens.

``SwiftUI.Slider`` takes a tint and nothing else, so the track's colour, height and corner,
the thumb's size, colour and shadow could not be applied. Instead the view draws the
track, overlays the fill up to the value and the thumb at it, reads a ``DragGesture``
(its ``@GestureState`` is the pressed state) and stays one accessibility element that
VoiceOver and Full Keyboard Access adjust by one step (``accessibilityAdjustableAction``).
"""

from __future__ import annotations

from encore.components.generators.swiftui_parts import Model, chained, part_modifiers

DRAGGING = "isDragging"  # the @GestureState member; in SLIDER_HELPERS


def _part(model: Model, role: str) -> str | None:
    return next((p.name for p in model.spec.parts if p.role == role), None)


def _upper(model: Model) -> str:
    top = model.prop("max")
    return "1" if top is None else top.member + (" ?? 1" if top.default == "nil" else "")


def _step(model: Model) -> str:
    step = model.prop("step")
    if step is None:
        return "0"
    return f"({step.member} ?? 0)" if step.default == "nil" else step.member


def _value(model: Model) -> str:
    info = model.prop(model.bound or "")
    return f"{info.member}.wrappedValue" if info is not None else "0"


def _assign(model: Model, indent: str) -> list[str]:
    """Store ``snappedValue`` in the bound prop, calling the change event if it changed."""
    info = model.prop(model.bound or "")
    if info is None:
        return []
    change = next((e for e in model.events if e.prop.name == "change"), None)
    out = [f"{indent}guard snappedValue != {info.member}.wrappedValue else {{ return }}"]
    out.append(f"{indent}{info.member}.wrappedValue = snappedValue")
    return out + ([f"{indent}{change.member}?()"] if change else [])


def slider_body(target: str, indent: str) -> list[str]:
    """The start of ``body``: the drawn track under a drag gesture, in a frame of the
    minimum target's height; the caller appends the root's and the view's modifiers."""
    i1, i2, i3 = indent + "    ", indent + "        ", indent + "            "
    return [
        f"{indent}SwiftUI.GeometryReader {{ geometryProxy in",
        f"{i1}trackView(trackWidth: geometryProxy.size.width)",
        f"{i2}.frame(maxWidth: .infinity, maxHeight: .infinity)",
        f"{i2}.contentShape(SwiftUI.Rectangle())",
        f"{i2}.gesture(",
        f"{i3}SwiftUI.DragGesture(minimumDistance: 0)",
        f"{i3}    .updating(${DRAGGING}) {{ _, isActive, _ in isActive = true }}",
        f"{i3}    .onChanged {{ dragValue in",
        f"{i3}        let trackWidth = Swift.max(geometryProxy.size.width, 1)",
        f"{i3}        setValue(Swift.Double(dragValue.location.x / trackWidth) * upperBound)",
        f"{i3}    }}",
        f"{i2})",
        f"{indent}}}",
        f"{indent}.frame(height: {target})",
    ]


def adjustable(indent: str) -> list[str]:
    """VoiceOver's swipe up and down, and Full Keyboard Access, move by one step."""
    return [
        f"{indent}.accessibilityElement()",
        f"{indent}.accessibilityAdjustableAction {{ adjustment in",
        f"{indent}    switch adjustment {{",
        f"{indent}    case .increment: setValue(currentValue + stepSize)",
        f"{indent}    case .decrement: setValue(currentValue - stepSize)",
        f"{indent}    @unknown default: break",
        f"{indent}    }}",
        f"{indent}}}",
    ]


def slider_members(model: Model, indent: str) -> list[str]:
    """The gesture state, the helpers and ``trackView(width:)`` drawing the parts."""
    i1, i2 = indent + "    ", indent + "        "
    track, fill, thumb = _part(model, "track"), _part(model, "fill"), _part(model, "thumb")
    step = _step(model)
    out = [
        f"{indent}@SwiftUI.GestureState private var {DRAGGING}: Swift.Bool = false",
        "",
        f"{indent}private var currentValue: Swift.Double {{ {_value(model)} }}",
        f"{indent}private var upperBound: Swift.Double {{ {_upper(model)} }}",
        "",
        f"{indent}/// One arrow-key or VoiceOver step: the step, or a hundredth of the range.",
        f"{indent}private var stepSize: Swift.Double {{",
        f"{i1}{step} > 0 ? {step} : upperBound / 100",
        f"{indent}}}",
        "",
        f"{indent}/// How far along the range the value is, from 0 to 1.",
        f"{indent}private var fraction: CoreGraphics.CGFloat {{",
        f"{i1}guard upperBound > 0 else {{ return 0 }}",
        f"{i1}return CoreGraphics.CGFloat(Swift.min(Swift.max(currentValue / upperBound, 0), 1))",
        f"{indent}}}",
        "",
        f"{indent}/// Sets the value, snapped to the step and kept in the range.",
        f"{indent}private func setValue(_ proposedValue: Swift.Double) {{",
        f"{i1}let steppedValue = {step} > 0",
        f"{i1}    ? (proposedValue / {step}).rounded() * {step} : proposedValue",
        f"{i1}let snappedValue = Swift.min(Swift.max(steppedValue, 0), upperBound)",
        *_assign(model, i1),
        f"{indent}}}",
        "",
        f"{indent}/// The track, the fill up to the value and the thumb centred on it.",
        f"{indent}private func trackView(trackWidth: CoreGraphics.CGFloat) -> some SwiftUI.View {{",
        f"{i1}let trackOffset = trackWidth * fraction",
    ]
    head = "return SwiftUI.Color.clear"
    out += chained(head, part_modifiers(model, track) if track else [], i1)
    if fill is not None:
        out.append(f"{i2}.overlay(alignment: .leading) {{")
        mods = [".frame(width: trackOffset)", *part_modifiers(model, fill)]
        out += chained("SwiftUI.Color.clear", mods, i2 + "    ")
        out.append(f"{i2}}}")
    if thumb is not None:
        half = model.value(thumb, "size", "0")
        half = (f"({half}) / 2" if "?" in half else f"{half} / 2") if half else "0"
        out.append(f"{i2}.overlay(alignment: .leading) {{")
        mods = [*part_modifiers(model, thumb), f".offset(x: trackOffset - {half})"]
        out += chained("SwiftUI.Color.clear", mods, i2 + "    ")
        out.append(f"{i2}}}")
    out.append(f"{indent}}}")
    return out


__all__ = ["DRAGGING", "adjustable", "slider_body", "slider_members"]
