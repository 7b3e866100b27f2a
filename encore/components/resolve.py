"""The resolved view of a spec: for each part x property x cell (variant values, size,
states), the binding that applies. Generators read this; validation checks every cell.

Precedence, when several bindings of one part and property match a cell:

1. A binding applies to a cell when every variant value, the size and every state of its
   selector are in the cell. A binding without a state (or with ``default``) applies to
   every state; one without a size to every size; one without a variant value to every
   value of that axis; ``all`` (or a plain token name) applies everywhere.
2. Of the matching bindings, the one naming more states wins; then the one whose states
   are listed later in ``states:`` (``disabled`` after ``hover`` overrides it when both
   are active); then the one naming more variant axes (an earlier axis counts more); then
   the one naming a size.

Cells: every combination of variant values and sizes, times the default state, each state
alone, each prop-driven state (``selected``, ``playing``) with each interaction state
(``hover``, ``pressed``, ``focus``), unless it is inactive, and every combination of
states a selector names.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from encore.components.spec import (
    DEFAULT_STATE,
    INTERACTION_STATES,
    Binding,
    Cell,
    ComponentSpec,
)

Score = tuple[int, tuple[int, ...], int, tuple[int, ...], int]


def _score(spec: ComponentSpec, binding: Binding) -> Score:
    selector = binding.selector
    ranks = tuple(sorted((spec.states.index(s) for s in selector.states), reverse=True))
    named = {axis for axis, _ in selector.variants}
    return (
        len(selector.states),
        ranks,
        len(selector.variants),
        tuple(int(axis.name in named) for axis in spec.variants),
        int(selector.size is not None),
    )


def matches(binding: Binding, cell: Cell) -> bool:
    """True when the binding's selector applies to the cell."""
    selector = binding.selector
    if selector.size is not None and selector.size != cell.size:
        return False
    if not set(selector.variants) <= set(cell.variants):
        return False
    return set(selector.states) <= set(cell.states)


def lookup(spec: ComponentSpec, part: str, prop: str, cell: Cell) -> Binding | None:
    """The binding of ``part``'s ``prop`` that applies to ``cell``, if any."""
    candidates = [
        b for b in spec.bindings if b.part == part and b.property == prop and matches(b, cell)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda b: _score(spec, b))


def state_sets(spec: ComponentSpec) -> list[tuple[str, ...]]:
    """The state combinations validation checks and generators resolve, in spec order."""
    order = {state: i for i, state in enumerate(spec.states)}
    inactive = set(spec.accessibility.inactive_states)
    found: list[tuple[str, ...]] = [()]

    def add(states: Iterator[str] | tuple[str, ...]) -> None:
        key = tuple(sorted(set(states), key=order.__getitem__))
        if key not in found:
            found.append(key)

    for state in spec.states[1:]:
        add((state,))
    interaction = [s for s in spec.states if s in INTERACTION_STATES]
    for state in spec.states[1:]:
        if state in INTERACTION_STATES or state in inactive:
            continue
        for other in interaction:
            add((state, other))
    for binding in spec.bindings:
        if len(binding.selector.states) > 1:
            add(binding.selector.states)
    return found


def cells(spec: ComponentSpec) -> list[Cell]:
    """Every cell: variant combinations x sizes x `state_sets`."""
    combos = itertools.product(*[[(axis.name, v) for v in axis.values] for axis in spec.variants])
    sizes: tuple[str | None, ...] = spec.sizes or (None,)
    states = state_sets(spec)
    return [
        Cell(tuple(combo), size, state) for combo in combos for size in sizes for state in states
    ]


@dataclass(frozen=True)
class ResolvedSpec:
    """A spec's bindings resolved for every cell."""

    spec: ComponentSpec

    @cached_property
    def cells(self) -> tuple[Cell, ...]:
        return tuple(cells(self.spec))

    @cached_property
    def properties(self) -> tuple[tuple[str, str], ...]:
        """Every bound (part, property), in source order."""
        seen: dict[tuple[str, str], None] = {}
        for binding in self.spec.bindings:
            seen.setdefault((binding.part, binding.property), None)
        return tuple(seen)

    @cached_property
    def table(self) -> Mapping[tuple[str, str, Cell], Binding]:
        """(part, property, cell) → the binding that applies; unbound cells are absent."""
        out: dict[tuple[str, str, Cell], Binding] = {}
        for part, prop in self.properties:
            for cell in self.cells:
                binding = lookup(self.spec, part, prop, cell)
                if binding is not None:
                    out[part, prop, cell] = binding
        return out

    def token(self, part: str, prop: str, cell: Cell) -> str | None:
        """The token bound to ``part``'s ``prop`` in ``cell``, if any."""
        binding = self.table.get((part, prop, cell))
        if binding is None and cell not in self.cells:
            binding = lookup(self.spec, part, prop, cell)
        return binding.token if binding is not None else None

    def default_cell(self) -> Cell:
        """The cell of the default variant values, the default size and the default state."""
        variants = tuple((axis.name, axis.default) for axis in self.spec.variants)
        return Cell(variants, self.spec.default_size, ())


def resolve(spec: ComponentSpec) -> ResolvedSpec:
    """The resolved view of a spec."""
    return ResolvedSpec(spec)


__all__ = ["DEFAULT_STATE", "ResolvedSpec", "cells", "lookup", "matches", "resolve", "state_sets"]
