"""The walk every typed-language format shares: a value part is either a reference to the
constant of the token it aliased, or the part's own literal.

A format subclasses `ReferenceWriter` and implements `literal`. Composite literals call
`part` for each field with the field's path inside the token's value, so a shadow whose
colour aliased ``color.black`` prints the constant for ``color.black``. Shadow and gradient
lists that spliced whole tokens in as elements print literals throughout, because the
element indexes no longer match the authored ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from encore.model import Token
from encore.sourcemap import JsonPath
from encore.values.types import Gradient, Shadow, Value


@dataclass
class ReferenceWriter:
    """Prints values, naming referenced constants through ``refs`` (token name → code)."""

    refs: Mapping[str, str]

    def value(self, token: Token) -> str:
        """The code for a token's whole value."""
        return self.part(token, (), token.value)

    def alias(self, token: Token, path: JsonPath) -> str | None:
        """The code naming the token this part aliased, if any and if printable."""
        if (
            path
            and isinstance(token.value, Shadow | Gradient)
            and any(len(key) == 1 and isinstance(key[0], int) for key in token.aliases)
        ):
            return None
        name = token.aliases.get(path)
        return self.refs.get(name) if name is not None else None

    def part(self, token: Token, path: JsonPath, value: Value) -> str:
        """A reference to the aliased constant, or the literal."""
        reference = self.alias(token, path)
        return reference if reference is not None else self.literal(token, path, value)

    def literal(self, token: Token, path: JsonPath, value: Value) -> str:
        """The literal code for ``value``, found at ``path`` inside ``token``'s value."""
        raise NotImplementedError


def field_path(prefix: JsonPath, key: str | int) -> JsonPath:
    """The path of a field inside a (possibly listed) composite part."""
    return (*prefix, key)
