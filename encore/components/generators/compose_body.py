"""The ``@Composable`` function of a component: parameters, KDoc, ``@Deprecated``, the
interaction source and states, and the part tree as ``Row``/``Box``/``BasicText``.

How the component reacts depends on its role: a switch or checkbox with a boolean prop is
``toggleable``; a slider with a ``value`` prop gets progress semantics (``setProgress``),
and with a track part and a change event is drawn and moved as `compose_slider` describes;
any other component with an event is ``clickable`` through its first event.

When the root binds a ``transition``, every colour (``animateColorAsState``) and every
opacity and scale (``animateFloatAsState``) a part draws animates with it, one ``val`` each
at the top of the body, where composable calls belong.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from encore.components.generators.compose_model import (
    COLOR,
    DRAW,
    FOUNDATION,
    INTERACTION_PARAMS,
    SLOT,
    STATEFUL,
    TEXT_ROLES,
    Model,
    Param,
    decorations,
    dim_arguments,
    part_shapes,
    taken_names,
    unique,
)
from encore.components.generators.compose_semantics import ROLES, SEMANTICS, semantics_lines
from encore.components.generators.compose_slider import (
    find_slider,
    input_modifiers,
    leading_modifiers,
    locals_lines,
    pressed_lines,
)
from encore.components.spec import INTERACTION_STATES, Part
from encore.formats.kotlin_common import Imports, kdoc, kotlin_string

ANIMATED: Final = frozenset({"background", "color", "border-color", "opacity", "scale"})


class Writer:
    """Shared state while writing one composable."""

    def __init__(self, model: Model, imports: Imports) -> None:
        self.model = model
        self.imports = imports
        spec = model.spec
        self.toggle = self._toggle_param()
        self.slider = "slider" in spec.accessibility.roles() and model.param("value") is not None
        value = model.param("value")
        roles = set(spec.accessibility.roles())
        self.field = (
            bool(roles & {"searchbox", "textbox"})
            and value is not None
            and value.type == "String"
            and any(e.type == "(String) -> Unit" for e in model.events)
        )
        self.event = model.events[0] if model.events else None
        self.submit = next((e for e in model.events if self.field and e.type == "() -> Unit"), None)
        self.enabled = "disabled" in spec.states or spec.prop("disabled") is not None
        self.interaction = bool(self.event) or any(s in INTERACTION_STATES for s in spec.states)
        self.states = ", ".join(f"{p} = {p}" for _, p in model.states)
        self.colors = f"{model.name.strip('`')}Colors"
        self.defaults = f"{model.name.strip('`')}Defaults"
        self.taken = taken_names(model)
        self.shapes = part_shapes(model, self.static, self.taken)
        self.slider_input = find_slider(model, self.taken) if self.slider else None
        self.transition = self.static(spec.root.name, "transition")
        self.motion = unique("transition", self.taken) if self.transition else ""
        self.animated: dict[tuple[str, str], str] = {}  # part, property → local, as drawn

    def _toggle_param(self) -> Param | None:
        roles = self.model.spec.accessibility.roles()
        if not ({"switch", "checkbox"} & set(roles)) or not self.model.events:
            return None
        return next((p for p in self.model.params if p.type == "Boolean"), None)

    def use(self, qualified: str) -> str:
        return self.imports(qualified)

    def static(self, part: str, prop: str) -> str | None:
        function = self.model.static.get((part, prop))
        if function is None:
            return None
        return f"{self.defaults}.{function}({dim_arguments(self.model.static_dims[function])})"

    def function(self, part: str, prop: str) -> str | None:
        """The colours class function of a part's property."""
        return next((f for p, q, f in self.model.stateful if p == part and q == prop), None)

    def target(self, part: str, prop: str) -> str | None:
        """The colours class call for a part's property in the active states."""
        function = self.function(part, prop)
        return None if function is None else f"colors.{function}({self.states})"

    def stateful(self, part: str, prop: str) -> str | None:
        """What a part draws for a property: the target, or its animated local."""
        function = self.function(part, prop)
        if function is None or not self.transition or prop not in ANIMATED:
            return self.target(part, prop)
        if (part, prop) not in self.animated:
            self.animated[(part, prop)] = unique(function, self.taken)
        return self.animated[(part, prop)]

    def part_modifiers(self, part: str) -> list[str]:
        out: list[str] = []
        shape = self.shapes[part][0] if part in self.shapes else None
        on = f", shape = {shape}" if shape else ""
        opacity = self.stateful(part, "opacity")
        if opacity:
            out.append(f".{self.use(DRAW + '.alpha')}({opacity})")
        focused = dict(self.model.states).get("focus") if self.interaction else None
        values = [self.stateful(part, "scale"), self.stateful(part, "elevation")]
        out += decorations(self.use, shape, values, (self.static(part, "focus-ring"), focused))
        width, color = self.static(part, "border-width"), self.stateful(part, "border-color")
        if width and color:
            border = self.use(FOUNDATION + ".border")
            out.append(f".{border}(width = {width}, color = {color}{on})")
        background = self.stateful(part, "background")
        if background:
            out.append(f".{self.use(FOUNDATION + '.background')}({background}{on})")
        height = self.static(part, "min-height")
        if height:
            out.append(f".{self.use(FOUNDATION + '.layout.heightIn')}(min = {height})")
        for prop in ("width", "height", "size"):
            value = self.static(part, prop)
            if value:
                out.append(f".{self.use(FOUNDATION + '.layout.' + prop)}({value})")
        padding = self.static(part, "padding-inline")
        if padding:
            out.append(f".{self.use(FOUNDATION + '.layout.padding')}(horizontal = {padding})")
        return out


def render_composable(model: Model, models: Mapping[str, Model], imports: Imports) -> list[str]:
    """KDoc, annotations, signature and body of the component's composable."""
    w = Writer(model, imports)
    spec = model.spec
    lines = kdoc(_docs(w), "")
    if spec.deprecation is not None:
        message = spec.deprecation.reason
        if spec.deprecation.migration:
            message += " " + spec.deprecation.migration
        arguments = f"message = {kotlin_string(message)}"
        other = models.get(spec.deprecation.replacement or "")
        if other is not None:
            arguments += f", replaceWith = ReplaceWith({kotlin_string(other.name.strip('`'))})"
        lines.append(f"@Deprecated({arguments})")
    lines += [f"@{w.use('androidx.compose.runtime.Composable')}", f"fun {model.name}("]
    lines += [f"    {p}," for p in _parameters(w)]
    lines += [") {", *_body(w), "}"]
    return lines


def _docs(w: Writer) -> str:
    docs = w.model.spec.docs
    text = docs.summary + (f"\n\n{docs.usage}" if docs.usage else "")
    described = [
        (p.name, docs.of("props", p.prop.name)) for p in [*w.model.events, *w.model.params]
    ]
    tags = [f"@param {name.strip('`')} {doc}" for name, doc in described if doc]
    drawn = [
        p for p in w.model.spec.parts if SLOT not in getattr(w.model.param(p.name), "type", "")
    ]
    if any((p.name, "elevation") in [(q, r) for q, r, _ in w.model.stateful] for p in drawn):
        text += "\n\nCompose draws one platform shadow: the first layer of an elevation token."
    return text + ("\n\n" + "\n".join(tags) if tags else "")


def _parameters(w: Writer) -> list[str]:
    model = w.model
    modifier = w.use("androidx.compose.ui.Modifier")
    out: list[str] = []
    events = list(model.events)
    if w.event is not None:
        out.append(f"{w.event.name}: {w.event.type}")
        events = events[1:]
    slots = [p for p in model.params if SLOT in p.type]
    plain = [p for p in model.params if p not in slots]
    out += [f"{p.name}: {p.type}" for p in plain if p.default is None]
    out.append(f"modifier: {modifier} = {modifier}")
    out += [f"{d.param}: {d.type} = {d.entry(d.default)}" for d in model.dims]
    if w.enabled:
        out.append("enabled: Boolean = true")
    out += [f"{p.name}: {p.type} = {p.default}" for p in plain if p.default is not None]
    out += [f"{e.name}: {e.type} = {{}}" for e in events]
    colors_args = dim_arguments(model.colors_dims)
    out.append(f"colors: {w.colors} = {w.defaults}.colors({colors_args})")
    if w.interaction:
        source = w.use(FOUNDATION + ".interaction.MutableInteractionSource")
        out.append(f"interactionSource: {source}? = null")
    optional = [p for p in slots if p.default is not None]
    out += [f"{p.name}: {p.type} = {p.default}" for p in optional]
    out += [f"{p.name}: {p.type}" for p in slots if p.default is None]
    return out


def _body(w: Writer) -> list[str]:
    lines: list[str] = []
    if w.interaction:
        source = w.use(FOUNDATION + ".interaction.MutableInteractionSource")
        remember = w.use("androidx.compose.runtime.remember")
        lines += [
            '    @Suppress("NAME_SHADOWING")',
            f"    val interactionSource = interactionSource ?: {remember} {{ {source}() }}",
        ]
    own = {p.name for p in [*w.model.params, *w.model.events]} | {"enabled"}
    for state, param in w.model.states:
        if state == "pressed" and w.interaction and w.slider_input is not None:
            lines += pressed_lines(w, w.slider_input, param)
        elif state in INTERACTION_STATES and w.interaction:
            collect = w.use(FOUNDATION + ".interaction." + INTERACTION_PARAMS[state][1])
            w.use("androidx.compose.runtime.getValue")
            lines.append(f"    val {param} by interactionSource.{collect}()")
        elif param not in own:
            lines.append(f"    val {param} = false")
    for local, radius in w.shapes.values():
        shape = w.use(FOUNDATION + ".shape.RoundedCornerShape")
        lines.append(f"    val {local} = {shape}({radius})")
    tree = _slider_tree(w) if w.slider_input is not None else _row_tree(w)
    if w.slider_input is not None:
        tree = [*locals_lines(w, w.slider_input), *tree]
    return [*lines, *_motion(w), *tree]


def _motion(w: Writer) -> list[str]:
    """The root's transition and an animated ``val`` per colour, opacity and scale drawn."""
    if not w.animated:
        return []
    tween = w.use("androidx.compose.animation.core.tween")
    w.use("androidx.compose.runtime.getValue")
    spec = f"{tween}({w.motion}.durationMillis, {w.motion}.delayMillis, {w.motion}.easing)"
    lines = [f"    val {w.motion} = {w.transition}"]
    for (part, prop), local in w.animated.items():
        if STATEFUL[prop][0] == COLOR:
            animate = w.use("androidx.compose.animation.animateColorAsState")
        else:
            animate = w.use("androidx.compose.animation.core.animateFloatAsState")
        lines += [
            f"    val {local} by {animate}(",
            f"        targetValue = {w.target(part, prop)},",
            f"        animationSpec = {spec},",
            f"        label = {kotlin_string(str(w.function(part, prop)))},",
            "    )",
        ]
    return lines


def _row_tree(w: Writer) -> list[str]:
    root = w.model.spec.root
    row = w.use(FOUNDATION + ".layout.Row")
    lines = [f"    {row}(", "        modifier = modifier"]
    lines += [f"            {m}" for m in _root_modifiers(w)]
    lines[-1] += ","
    gap = w.static(root.name, "gap")
    if gap:
        arrangement = w.use(FOUNDATION + ".layout.Arrangement")
        lines.append(f"        horizontalArrangement = {arrangement}.spacedBy({gap}),")
    alignment = w.use("androidx.compose.ui.Alignment")
    lines += [f"        verticalAlignment = {alignment}.CenterVertically,", "    ) {"]
    for child in _children(w, root):
        lines += _part(w, child, "        ")
    return [*lines, "    }"]


def _slider_tree(w: Writer) -> list[str]:
    """A full-width ``Box``: the track with the fill inside, then the thumb beside it."""
    s = w.slider_input
    assert s is not None
    box = w.use(FOUNDATION + ".layout.Box")
    width = w.use(FOUNDATION + ".layout.fillMaxWidth")
    modifiers = [f".{width}()", *_root_modifiers(w), *input_modifiers(w, s)]
    lines = [f"    {box}(", "        modifier = modifier"]
    lines += [f"            {m}" for m in modifiers]
    lines[-1] += ","
    alignment = w.use("androidx.compose.ui.Alignment")
    lines += [f"        contentAlignment = {alignment}.CenterStart,", "    ) {"]
    for child in [*_children(w, w.model.spec.root), *([s.thumb] if s.thumb else [])]:
        lines += _part(w, child, "        ")
    return [*lines, "    }"]


def _root_modifiers(w: Writer) -> list[str]:
    spec = w.model.spec
    out: list[str] = []
    if spec.accessibility.interactive:
        out.append(f".{w.use('androidx.compose.material3.minimumInteractiveComponentSize')}()")
    inactive = ["enabled"] if w.enabled else []
    for state, param in w.model.states:
        if state in spec.accessibility.inactive_states and state != "disabled":
            inactive.append(f"!{param}")
    enabled = f"enabled = {' && '.join(inactive)}, " if inactive else ""
    if w.toggle is not None and w.event is not None:
        toggleable = w.use(FOUNDATION + ".selection.toggleable")
        role = ROLES.get(next(iter(spec.accessibility.roles())), "Switch")
        out.append(
            f".{toggleable}(value = {w.toggle.name}, interactionSource = interactionSource, "
            f"indication = null, {enabled}role = {w.use(SEMANTICS + '.Role')}.{role}, "
            f"onValueChange = {w.event.name})"
        )
    elif w.event is not None and w.event.type == "() -> Unit" and not w.slider:
        clickable = w.use(FOUNDATION + ".clickable")
        out.append(
            f".{clickable}(interactionSource = interactionSource, indication = null, "
            f"{enabled}onClick = {w.event.name})"
        )
    semantics = semantics_lines(w)
    merge = "mergeDescendants = true" if spec.accessibility.name_from_content else ""
    if semantics:
        call = f"({merge}) {{" if merge else " {"
        out.append(f".{w.use(SEMANTICS + '.semantics')}{call}")
        out += [f"    {line}" for line in semantics]
        out.append("}")
    elif merge:
        out.append(f".{w.use(SEMANTICS + '.semantics')}({merge}) {{}}")
    return out + w.part_modifiers(spec.root.name)


def _children(w: Writer, part: Part) -> list[Part]:
    """A part's children; a slider's thumb is drawn beside its track, not in it."""
    thumb = w.slider_input.thumb if w.slider_input is not None else None
    return [p for p in w.model.spec.parts if p.parent == part.name and p is not thumb]


def _part(w: Writer, part: Part, indent: str) -> list[str]:
    param = w.model.param(part.name)
    if part.role in TEXT_ROLES:
        return _text(w, part, indent)
    if param is not None and SLOT in param.type:
        call = f"{param.name}?.invoke()" if param.type.endswith("?") else f"{param.name}()"
        return [indent + call]
    modifiers = w.part_modifiers(part.name)
    if w.slider_input is not None:
        modifiers = [*leading_modifiers(w, w.slider_input, part), *modifiers]
    children = [line for c in _children(w, part) for line in _part(w, c, indent + "    ")]
    if not modifiers and not children:
        return []
    box = w.use(FOUNDATION + ".layout.Box")
    modifier = w.use("androidx.compose.ui.Modifier")
    lines = [f"{indent}{box}(", f"{indent}    modifier = {modifier}"]
    lines += [f"{indent}        {m}" for m in modifiers]
    lines[-1] += ","
    if not children:
        return [*lines, f"{indent}) {{}}"]
    return [*lines, f"{indent}) {{", *children, f"{indent}}}"]


def _text(w: Writer, part: Part, indent: str) -> list[str]:
    param = w.model.param(part.name)
    value = w.model.param("value")
    if part.role == "input" and (param is None or param.type != "String"):
        param = value
    if part.role == "input" and w.field and param is value and value is not None:
        return _field(w, part, value.name, indent)
    if param is None or param.type not in ("String", "String?"):
        return []
    style = w.static(part.name, "text-style")
    if style is None:
        style = w.use("androidx.compose.ui.text.TextStyle") + ".Default"
    color = w.stateful(part.name, "color")
    if color is not None:
        style += f".copy(color = {color})"
    text = w.use(FOUNDATION + ".text.BasicText")
    call = f"{text}(text = {param.name}, style = {style})"
    guards = []
    if param.type == "String?":
        guards.append(f"{param.name} != null")
    if part.role == "placeholder" and value is not None and value.type == "String":
        guards.append(f"{value.name}.isEmpty()")
    if guards:
        return [f"{indent}if ({' && '.join(guards)}) {{", f"{indent}    {call}", f"{indent}}}"]
    return [indent + call]


def _field(w: Writer, part: Part, value: str, indent: str) -> list[str]:
    """The input part of a text field: ``BasicTextField`` sharing the interaction source."""
    change = next(e for e in w.model.events if e.type == "(String) -> Unit")
    field = w.use(FOUNDATION + ".text.BasicTextField")
    style = w.static(part.name, "text-style") or (
        w.use("androidx.compose.ui.text.TextStyle") + ".Default"
    )
    color = w.stateful(part.name, "color")
    if color is not None:
        style += f".copy(color = {color})"
    lines = [
        f"{indent}{field}(",
        f"{indent}    value = {value},",
        f"{indent}    onValueChange = {change.name},",
    ]
    if w.enabled:
        lines.append(f"{indent}    enabled = enabled,")
    lines += [f"{indent}    textStyle = {style},"]
    if w.submit is not None:
        actions = w.use(FOUNDATION + ".text.KeyboardActions")
        submit = f"{{ {w.submit.name}() }}"
        lines.append(
            f"{indent}    keyboardActions = {actions}(onDone = {submit}, onSearch = {submit}),"
        )
    lines += [
        f"{indent}    singleLine = true,",
        f"{indent}    interactionSource = interactionSource,",
        f"{indent})",
    ]
    return lines
