"""Android value resources read back with ElementTree, ``@type/name`` references resolved.

A token's raw value is its resource name; composite tokens are found by the documented
part suffixes (``_color``, ``_width``, ``_0_offset_x``...). Colours are ``#AARRGGBB``,
lengths ``dp``/``sp``, durations and weights ``<integer>``, numbers float ``<item>``s,
families ``<string-array>``s; typography is a ``<style>`` whose ``android:textSize`` is in
sp, ``android:letterSpacing`` in em and ``android:lineHeight`` in sp (size * multiple),
and whose ``android:fontFamily`` can name only one family: the stack's first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tests.support.readback import Col, Qty, ReadError
from tests.support.readback_code import unescape

_CLASS = {"string-array": "array", "item": "dimen"}  # element → R class
_REFERENCE = re.compile(r"@(\w+)/(\w+)\Z")
_LENGTH = re.compile(r"(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(dp|sp|px)\Z")


@dataclass(frozen=True, slots=True)
class Res:
    """A resource to read: its R class and name."""

    kind: str
    name: str


class AndroidResources:
    """The resources of one ``values`` file, by R class and name."""

    def __init__(self, text: str) -> None:
        root = ElementTree.fromstring(text.encode("utf-8"))
        self.table: dict[tuple[str, str], ElementTree.Element] = {}
        for element in root:
            kind = _CLASS.get(element.tag, element.tag)
            if element.tag == "item":
                kind = element.get("type", "dimen")
            self.table[(kind, element.get("name", ""))] = element

    def element(self, kind: str, name: str) -> ElementTree.Element:
        element = self.table.get((kind, name))
        if element is None:
            raise ReadError(f"no resource @{kind}/{name}")
        return element

    def text(self, kind: str, name: str, depth: int = 0) -> str:
        """A resource's text, following ``@kind/name`` references."""
        return self.resolve((self.element(kind, name).text or "").strip(), kind, depth)

    def resolve(self, text: str, kind: str, depth: int = 0) -> str:
        match = _REFERENCE.match(text)
        if match is None:
            return text
        if match.group(1) != kind or depth > 50:
            raise ReadError(f"{text} is not a {kind} resource")
        return self.text(kind, match.group(2), depth + 1)

    def items(self, name: str, kind: str) -> list[str]:
        """An array's items, each resolved as a ``kind`` resource."""
        element = self.element("array", name)
        reference = _REFERENCE.match((element.text or "").strip())
        if reference is not None:  # <string-array> aliasing another
            return self.items(reference.group(2), kind)
        return [self.resolve((item.text or "").strip(), kind) for item in element]

    def has(self, kind: str, name: str) -> bool:
        return (kind, name) in self.table


def android_string(text: str) -> str:
    """A string resource's value: quotes removed, backslash escapes applied."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    return unescape(text)


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ReadError(f"{text!r} is not a number") from None


def _length(text: str) -> Qty:
    match = _LENGTH.match(text)
    if match is None:
        raise ReadError(f"{text!r} is not a dp or sp length")
    return Qty(float(match.group(1)), match.group(2))


class AndroidDecoder:
    """Reads `Res` handles (and plain texts inside arrays and styles)."""

    def __init__(self, resources: AndroidResources) -> None:
        self.res = resources

    def _text(self, raw: Any, kind: str) -> str:
        if isinstance(raw, Res):
            return self.res.text(kind, raw.name)
        return self.res.resolve(str(raw), kind)

    def color(self, raw: Any) -> Col:
        text = self._text(raw, "color")
        if not re.fullmatch(r"#[0-9A-Fa-f]{8}", text):
            raise ReadError(f"{text!r} is not #AARRGGBB")
        return Col.argb(int(text[1:], 16), text)

    def dimension(self, raw: Any) -> Qty:
        if isinstance(raw, Qty):
            return raw
        return _length(self._text(raw, "dimen"))

    def duration(self, raw: Any) -> Qty:
        text = self._text(raw, "integer")
        if not re.fullmatch(r"-?\d+", text):
            raise ReadError(f"{text!r} is not integer milliseconds")
        return Qty(float(text), "ms")

    def number(self, raw: Any) -> float:
        if isinstance(raw, Res):
            element = self.res.element("dimen", raw.name)
            if element.tag != "item" or element.get("format") != "float":
                raise ReadError(f"@dimen/{raw.name} is not a float item")
        return _float(self._text(raw, "dimen"))

    def font_weight(self, raw: Any) -> float:
        text = self._text(raw, "integer")
        if not re.fullmatch(r"-?\d+", text):
            raise ReadError(f"{text!r} is not an integer weight")
        return float(text)

    def font_family(self, raw: Any) -> Any:
        if isinstance(raw, Res):
            return tuple(android_string(item) for item in self.res.items(raw.name, "string"))
        return (android_string(str(raw)),)  # a style's android:fontFamily

    def cubic_bezier(self, raw: Any) -> tuple[float, ...]:
        return tuple(_float(item) for item in self.res.items(raw.name, "dimen"))

    def stroke_style(self, raw: Any) -> str | tuple[list[Any], str]:
        if self.res.has("string", raw.name):
            return android_string(self.res.text("string", raw.name))
        dashes = self.res.items(raw.name, "dimen")
        return dashes, android_string(self.res.text("string", f"{raw.name}_line_cap"))

    def border(self, raw: Any) -> Mapping[str, Any]:
        return {
            "color": Res("color", f"{raw.name}_color"),
            "width": Res("dimen", f"{raw.name}_width"),
            "style": Res("string", f"{raw.name}_style"),
        }

    def transition(self, raw: Any) -> Mapping[str, Any]:
        return {
            "duration": Res("integer", f"{raw.name}_duration"),
            "delay": Res("integer", f"{raw.name}_delay"),
            "timingFunction": Res("array", f"{raw.name}_timing_function"),
        }

    def shadow(self, raw: Any) -> list[Mapping[str, Any]]:
        stems = [raw.name]
        if not self.res.has("color", f"{raw.name}_color"):
            count = 0
            while self.res.has("color", f"{raw.name}_{count}_color"):
                count += 1
            stems = [f"{raw.name}_{i}" for i in range(count)]
        layers: list[Mapping[str, Any]] = []
        for stem in stems:
            inset = self.res.text("bool", f"{stem}_inset")
            if inset not in ("true", "false"):
                raise ReadError(f"@bool/{stem}_inset is {inset!r}")
            layers.append(
                {
                    "color": Res("color", f"{stem}_color"),
                    "offsetX": Res("dimen", f"{stem}_offset_x"),
                    "offsetY": Res("dimen", f"{stem}_offset_y"),
                    "blur": Res("dimen", f"{stem}_blur"),
                    "spread": Res("dimen", f"{stem}_spread"),
                    "inset": inset == "true",
                }
            )
        return layers

    def gradient(self, raw: Any) -> list[tuple[Any, Any]]:
        colors = self.res.items(f"{raw.name}_colors", "color")
        positions = self.res.items(f"{raw.name}_positions", "dimen")
        if len(colors) != len(positions):
            raise ReadError(f"{len(colors)} colours but {len(positions)} positions")
        return list(zip(colors, positions, strict=True))

    def typography(self, raw: Any) -> Mapping[str, Any]:
        style = self.res.element("style", raw.name)
        parent = style.get("parent")
        if parent is not None:  # an alias: the parent style holds the items
            match = _REFERENCE.match(parent)
            if match is None or match.group(1) != "style":
                raise ReadError(f"parent {parent!r} is not a style")
            return self.typography(Res("style", match.group(2)))
        items = {item.get("name"): (item.text or "").strip() for item in style}
        keys = {
            "fontFamily": "android:fontFamily",
            "fontSize": "android:textSize",
            "fontWeight": "android:textFontWeight",
            "letterSpacing": "android:letterSpacing",
            "lineHeight": "android:lineHeight",
        }
        out: dict[str, Any] = {k: items[v] for k, v in keys.items() if v in items}
        if "letterSpacing" in out:
            out["letterSpacing"] = Qty(_float(out["letterSpacing"]), "em")
        return out

    def line_height(self, raw: Any) -> float | Qty:
        return _length(self._text(raw, "dimen"))
