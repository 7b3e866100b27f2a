"""The component spec model: frozen dataclasses read from ``<id>.component.yaml``.

A `ComponentSpec` is internally consistent once `encore.components.load_specs` returns it
without errors: every part, prop, variant, size and state it names exists. Token names are
checked later, against compiled themes, by `encore.components.validate`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from encore.diagnostics import Origin

LIFECYCLE = (
    "local",
    "proposed",
    "in_review",
    "changes_requested",
    "rejected",
    "withdrawn",
    "alpha",
    "beta",
    "stable",
    "deprecated",
    "removed",
)
DEFAULT_STATE = "default"
INTERACTION_STATES = ("hover", "pressed", "focus")  # driven by the platform, not by a prop
ALL = "all"  # the selector that applies everywhere
INTERACTIVE_ROLES = frozenset(
    {
        "button",
        "checkbox",
        "combobox",
        "gridcell",
        "link",
        "menuitem",
        "option",
        "radio",
        "row",
        "searchbox",
        "slider",
        "switch",
        "tab",
        "textbox",
    }
)


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of the anatomy; ``parent`` is the part it sits on (``None`` for the root)."""

    name: str
    role: str
    parent: str | None
    origin: Origin
    optional: bool = False
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Prop:
    """A prop: its type, whether it is required, its default and (enums) its values."""

    name: str
    type: str
    origin: Origin
    required: bool = False
    default: str | bool | int | float | None = None
    values: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class VariantAxis:
    """A variant axis (``variant: [primary, secondary]``) and its default value."""

    name: str
    values: tuple[str, ...]
    default: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Selector:
    """Where a binding applies: one value per named variant axis, a size, some states.

    ``states`` never holds ``default`` (a binding for the default state applies to every
    state without a binding of its own); the empty selector (``all``) applies everywhere.
    """

    variants: tuple[tuple[str, str], ...] = ()  # (axis, value) in axis order
    size: str | None = None
    states: tuple[str, ...] = ()  # in the spec's state order
    text: str = ALL


@dataclass(frozen=True, slots=True)
class Binding:
    """``part`` x ``property`` x selector → a token name, as written (``literal`` when the
    YAML value was a number rather than a string)."""

    part: str
    property: str
    selector: Selector
    token: str
    origin: Origin
    literal: bool = False


@dataclass(frozen=True, slots=True, order=True)
class Cell:
    """One concrete combination: a value per variant axis, a size and the active states
    (``()`` is the default state)."""

    variants: tuple[tuple[str, str], ...]
    size: str | None
    states: tuple[str, ...]

    def label(self) -> str:
        """``variant=primary, size=small, state=hover``."""
        bits = [f"{axis}={value}" for axis, value in self.variants]
        if self.size is not None:
            bits.append(f"size={self.size}")
        bits.append("state=" + ("+".join(self.states) or DEFAULT_STATE))
        return ", ".join(bits)


@dataclass(frozen=True, slots=True)
class KeyboardInteraction:
    """Keys and what they do."""

    keys: tuple[str, ...]
    action: str


@dataclass(frozen=True, slots=True)
class TokenRef:
    """A token named outside ``tokens:`` (a minimum target, the surface)."""

    token: str
    origin: Origin
    literal: bool = False


@dataclass(frozen=True, slots=True)
class Accessibility:
    """Role, accessible name, minimum target, keyboard and contrast exemptions."""

    role: str | Mapping[str, str]  # one role, or variant value → role
    name_from_content: tuple[str, ...]  # parts whose visible text is the name
    name_from_prop: str | None  # or a prop giving an invisible label
    minimum_target: Mapping[str, TokenRef]  # platform (ios, android, web) → token
    keyboard: tuple[KeyboardInteraction, ...]
    inactive_states: tuple[str, ...]
    surface: TokenRef
    origin: Origin

    def roles(self) -> tuple[str, ...]:
        """Every role the component can take."""
        return (self.role,) if isinstance(self.role, str) else tuple(self.role.values())

    @property
    def interactive(self) -> bool:
        """True when some role is an interactive widget (it then needs a minimum target)."""
        return any(role in INTERACTIVE_ROLES for role in self.roles())


@dataclass(frozen=True, slots=True)
class PlatformNames:
    """The generated component's name per platform."""

    web: str  # custom element tag
    swiftui: str  # View type
    compose: str  # @Composable function


@dataclass(frozen=True, slots=True)
class Docs:
    """Summary and descriptions by kind (``props``, ``variants``, ``sizes``, ``states``)."""

    summary: str
    usage: str | None = None
    descriptions: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def of(self, kind: str, name: str) -> str | None:
        """The description of a prop, variant value, size or state, if written."""
        return self.descriptions.get(kind, {}).get(name)


@dataclass(frozen=True, slots=True)
class Deprecation:
    """Why the component is deprecated, what replaces it and how to migrate."""

    reason: str
    replacement: str | None = None
    migration: str | None = None
    since: str | None = None


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    """One component spec, in source order throughout."""

    id: str
    name: str
    owner: str
    status: str | None
    parts: tuple[Part, ...]
    props: tuple[Prop, ...]
    variants: tuple[VariantAxis, ...]
    sizes: tuple[str, ...]
    default_size: str | None
    states: tuple[str, ...]  # always starts with "default"
    bindings: tuple[Binding, ...]
    accessibility: Accessibility
    platforms: PlatformNames
    docs: Docs
    origin: Origin
    deprecation: Deprecation | None = None
    complete: bool = True  # False when loading left out a broken piece (see load_specs)

    @property
    def root(self) -> Part:
        """The container part every other part sits in."""
        return next(p for p in self.parts if p.parent is None)

    def part(self, name: str) -> Part | None:
        """The part of that name, if any."""
        return next((p for p in self.parts if p.name == name), None)

    def prop(self, name: str) -> Prop | None:
        """The prop of that name, if any."""
        return next((p for p in self.props if p.name == name), None)

    def ancestors(self, part: Part) -> tuple[Part, ...]:
        """The parts under ``part``, from the root inwards (not including ``part``)."""
        chain: list[Part] = []
        current = self.part(part.parent) if part.parent else None
        while current is not None and current not in chain:
            chain.insert(0, current)
            current = self.part(current.parent) if current.parent else None
        return tuple(chain)

    @property
    def deprecated(self) -> bool:
        return self.deprecation is not None
