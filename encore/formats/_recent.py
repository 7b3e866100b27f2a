"""The last few results computed from an object, found again by the object's identity.

Formats of one build ask for the same derived tables of the same token set (Swift, its
themes and the component generators the namespace tree; the ES module and its
declarations the export names). Each entry holds its object, so an id cannot be reused
by another object while it is cached; callers never change what they are given.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from encore import warm

V = TypeVar("V")


class Recent(OrderedDict[tuple[int, Hashable], tuple[object, V]], Generic[V]):
    """A small least-recently-used table keyed by (object identity, key)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size
        warm.cache(self)  # emptied with the other tables by `encore.warm.reset`

    def lookup(self, owner: object, key: Hashable, make: Callable[[], V]) -> V:
        """The value made for ``owner`` and ``key``, made now if it is not held."""
        slot = (id(owner), key)
        found = self.get(slot)
        if found is None or found[0] is not owner:
            found = (owner, make())
            self[slot] = found
            while len(self) > self.size:
                self.popitem(last=False)
        self.move_to_end(slot)
        return found[1]


__all__ = ["Recent"]
