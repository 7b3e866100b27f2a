"""The Compose slider's input and layout pieces; `compose_body` assembles them around the
track, fill and thumb parts (found by role) of a slider with a ``value`` prop.

Layout: the root is a ``Box`` (full width, minimum target, content centred at the start)
holding the track (full width, its height, clipped) with the fill inside it (the value's
fraction of the width, full height), and the thumb beside the track, not in it, so the clip
spares it: ``BiasAlignment`` places it so that it stays within the track's ends, as
Material's does. A right-to-left layout mirrors all three.

Input: ``draggable`` with ``startDragImmediately``, so a tap or drag sets the value at the
pointer (the thumb's centre follows it), snapped to ``step`` and clamped to 0..max; keys
from the spec's ``accessibility.keyboard`` (arrows a step, Page Up/Down ten, Home/End the
ends) through ``onKeyEvent`` on a ``focusable``; dragging counts as pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from encore.components.generators.compose_model import FOUNDATION, Model, unique
from encore.components.spec import Part
from encore.formats.naming import camel, kotlin_identifier, words

if TYPE_CHECKING:
    from encore.components.generators.compose_body import Writer

GESTURES = FOUNDATION + ".gestures"
KEY = "androidx.compose.ui.input.key"
# spec key → (Compose key, change: +n / -n steps, ±n steps toward the end (mirrored in a
# right-to-left layout), or an end)
KEYS: Final[dict[str, tuple[str, str]]] = {
    "ArrowRight": ("DirectionRight", "forward 1"),
    "ArrowLeft": ("DirectionLeft", "back 1"),
    "ArrowUp": ("DirectionUp", "+ 1"),
    "ArrowDown": ("DirectionDown", "- 1"),
    "PageUp": ("PageUp", "+ 10"),
    "PageDown": ("PageDown", "- 10"),
    "Home": ("MoveHome", "min"),
    "End": ("MoveEnd", "max"),
}


@dataclass(frozen=True)
class Slider:
    """The parts, parameters and the names of the locals of a slider's body."""

    track: Part
    fill: Part | None
    thumb: Part | None
    value: str
    change: str
    top: str  # the max parameter, or 1f
    step: str | None  # the step parameter
    is_pressed: str
    is_dragged: str
    width: str  # the root's measured width, px
    thumb_width: str
    position: str  # the pointer, px from the start edge
    rtl: str
    fraction: str
    snapped: str
    update: str
    drag: str
    drag_state: str
    target: str  # parameter of snapped and update
    at: str  # parameter of drag


def find_slider(model: Model, taken: set[str]) -> Slider | None:
    """The slider of a spec with a track part, a number ``value`` and a ``(Float) -> Unit``
    event; its locals' names are claimed in ``taken``."""
    parts = {p.role: p for p in reversed(model.spec.parts)}
    value, top, step = (model.param(n) for n in ("value", "max", "step"))
    change = next((e for e in model.events if e.type == "(Float) -> Unit"), None)
    if "track" not in parts or value is None or value.type != "Float" or change is None:
        return None
    thumb = parts.get("thumb")
    wanted = [
        "isPressed",
        "isDragged",
        camel([*words(model.spec.root.name), "width"]),
        camel([*words(thumb.name if thumb else "thumb"), "width"]),
        "dragPosition",
        "rtl",
        "fraction",
        "snapped",
        "update",
        "drag",
        "dragState",
        "target",
        "position",
    ]
    names = [unique(kotlin_identifier(name), taken) for name in wanted]
    return Slider(
        parts["track"],
        parts.get("fill"),
        thumb,
        value.name,
        change.name,
        top.name if top is not None and top.type == "Float" else "1f",
        step.name if step is not None and step.type == "Float" else None,
        *names,
    )


def pressed_lines(w: Writer, s: Slider, pressed: str) -> list[str]:
    """``pressed`` while the source reports a press or a drag (a tap starts a drag)."""
    w.use("androidx.compose.runtime.getValue")
    pressing = w.use(FOUNDATION + ".interaction.collectIsPressedAsState")
    dragging = w.use(FOUNDATION + ".interaction.collectIsDraggedAsState")
    return [
        f"    val {s.is_pressed} by interactionSource.{pressing}()",
        f"    val {s.is_dragged} by interactionSource.{dragging}()",
        f"    val {pressed} = {s.is_pressed} || {s.is_dragged}",
    ]


def locals_lines(w: Writer, s: Slider) -> list[str]:
    """The measured widths, the layout direction, the value's fraction and the functions
    that turn a pointer position or a key into a snapped, clamped value."""
    remember = w.use("androidx.compose.runtime.remember")
    state = w.use("androidx.compose.runtime.mutableFloatStateOf")
    w.use("androidx.compose.runtime.getValue")
    w.use("androidx.compose.runtime.setValue")
    local = w.use("androidx.compose.ui.platform.LocalLayoutDirection")
    direction = w.use("androidx.compose.ui.unit.LayoutDirection")
    floats = [s.width, s.position] if s.thumb is None else [s.width, s.thumb_width, s.position]
    lines = [f"    var {name} by {remember} {{ {state}(0f) }}" for name in floats]
    top, value, target, at = s.top, s.value, s.target, s.at
    end = f"{top}.coerceAtLeast(0f)" if top != "1f" else "1f"
    if s.step is not None:
        rounded = f"{w.use('kotlin.math.round')}({target} / {s.step}) * {s.step}"
        stepped = f"(if ({s.step} > 0f && {target} < {top}) {rounded} else {target})"
    else:
        stepped = target
    offset = f"({at} - {s.thumb_width} / 2f)" if s.thumb is not None else at
    travel = f"({s.width} - {s.thumb_width})" if s.thumb is not None else s.width
    scaled = f"{offset} / {travel}.coerceAtLeast(1f)" + (f" * {top}" if top != "1f" else "")
    fraction = f"({value} / {top})" if top != "1f" else value
    fraction = f"{fraction}.coerceIn(0f, 1f)"
    if top != "1f":
        fraction = f"if ({top} > 0f) {fraction} else 0f"
    guard = "enabled && " if w.enabled else ""
    lines += [
        f"    val {s.rtl} = {local}.current == {direction}.Rtl",
        f"    val {s.fraction} = {fraction}",
        f"    fun {s.snapped}({target}: Float): Float =",
        f"        {stepped}.coerceIn(0f, {end})",
        f"    fun {s.update}({target}: Float) {{",
        f"        if ({guard}{s.snapped}({target}) != {value}) {s.change}({s.snapped}({target}))",
        "    }",
        f"    fun {s.drag}({at}: Float) {{",
        f"        {s.position} = {at}",
        f"        {s.update}({scaled})",
        "    }",
        f"    val {s.drag_state} = {w.use(GESTURES + '.rememberDraggableState')} "
        f"{{ {s.drag}({s.position} + it) }}",
    ]
    return lines


def input_modifiers(w: Writer, s: Slider) -> list[str]:
    """The root's size tracking, keys, focus, hover and drag, last in its chain so the
    pointer and the measured width share one box."""
    size = w.use("androidx.compose.ui.layout.onSizeChanged")
    out = [f".{size} {{ {s.width} = it.width.toFloat() }}"]
    keys = _key_branches(w, s)
    if keys:
        kind = w.use(KEY + ".KeyEventType")
        w.use(KEY + ".key")
        w.use(KEY + ".type")
        out += [
            f".{w.use(KEY + '.onKeyEvent')} {{",
            f"    if (it.type != {kind}.KeyDown) return@onKeyEvent false",
            "    when (it.key) {",
            *(f"        {line}" for line in keys),
            "        else -> return@onKeyEvent false",
            "    }",
            "    true",
            "}",
        ]
    enabled = "enabled" if w.enabled else "true"
    focusable = w.use(FOUNDATION + ".focusable")
    out.append(f".{focusable}(enabled = {enabled}, interactionSource = interactionSource)")
    if "hover" in w.model.spec.states:
        hoverable = w.use(FOUNDATION + ".hoverable")
        out.append(f".{hoverable}(interactionSource = interactionSource, enabled = {enabled})")
    start = f"if ({s.rtl}) {s.width} - it.x else it.x"
    out += [
        f".{w.use(GESTURES + '.draggable')}(",
        f"    state = {s.drag_state},",
        f"    orientation = {w.use(GESTURES + '.Orientation')}.Horizontal,",
        f"    enabled = {enabled},",
        "    interactionSource = interactionSource,",
        "    startDragImmediately = true,",
        f"    onDragStarted = {{ {s.drag}({start}) }},",
        f"    reverseDirection = {s.rtl},",
        ")",
    ]
    return out


def _key_branches(w: Writer, s: Slider) -> list[str]:
    """``Key.DirectionRight -> update(...)`` for each key the spec's keyboard lists."""
    listed = [key for entry in w.model.spec.accessibility.keyboard for key in entry.keys]
    step = s.step or f"{s.top} / 100f"
    key = w.use(KEY + ".Key")
    out: list[str] = []
    for name in dict.fromkeys(listed):
        if name not in KEYS:
            continue
        compose, change = KEYS[name]
        kind, _, count = change.partition(" ")
        by = step if count == "1" else f"{step} * {count}"
        if kind in ("forward", "back"):
            sign, other = ("-", "+") if kind == "forward" else ("+", "-")
            target = f"if ({s.rtl}) {s.value} {sign} {by} else {s.value} {other} {by}"
        elif kind in ("+", "-"):
            target = f"{s.value} {kind} {by}"
        else:
            target = "0f" if kind == "min" else s.top
        out.append(f"{key}.{compose} -> {s.update}({target})")
    return out


def leading_modifiers(w: Writer, s: Slider, part: Part) -> list[str]:
    """The layout a part takes before its own look: the track's full width, the fill's
    fraction and the thumb's place and measured width."""
    layout = FOUNDATION + ".layout."
    if part is s.track:
        return [f".{w.use(layout + 'fillMaxWidth')}()"]
    if part is s.fill:
        return [
            f".{w.use(layout + 'fillMaxWidth')}({s.fraction})",
            f".{w.use(layout + 'fillMaxHeight')}()",
        ]
    if part is s.thumb:
        bias = w.use("androidx.compose.ui.BiasAlignment")
        size = w.use("androidx.compose.ui.layout.onSizeChanged")
        return [
            f".align({bias}({s.fraction} * 2f - 1f, 0f))",
            f".{size} {{ {s.thumb_width} = it.width.toFloat() }}",
        ]
    return []
