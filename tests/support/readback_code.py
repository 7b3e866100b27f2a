"""Constants in generated code: a small expression model, a tokenizer for Kotlin and
TypeScript text, and an interpreter that resolves references between constants.

Swift (through tree-sitter) and Kotlin both parse into the same `Expr` nodes. The
`Interpreter` evaluates them: numbers, strings, lists, constructor calls as `Obj`,
names the file does not declare (enum cases, imported constants) as `Sym`, and the unit
extensions Kotlin uses (``16.dp``, ``14.sp``, ``1.5.em``, ``150.milliseconds``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from tests.support.readback import Qty, ReadError


@dataclass(frozen=True, slots=True)
class Num:
    value: float
    text: str


@dataclass(frozen=True, slots=True)
class Str:
    value: str


@dataclass(frozen=True, slots=True)
class Bool:
    value: bool


@dataclass(frozen=True, slots=True)
class Name:
    """A dotted name: a constant, a type, or an enum case such as ``StrokeCap.Butt``."""

    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Member:
    target: Expr
    name: str


@dataclass(frozen=True, slots=True)
class Call:
    callee: Expr
    args: tuple[tuple[str | None, Expr], ...]


@dataclass(frozen=True, slots=True)
class Seq:
    items: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Expr


@dataclass(frozen=True, slots=True)
class Implicit:
    """A Swift implicit member: ``.butt``."""

    name: str


Expr: TypeAlias = Num | Str | Bool | Name | Member | Call | Seq | Neg | Implicit


@dataclass(frozen=True, slots=True)
class Obj:
    """A constructed value: its type's qualified name and its (labelled) arguments."""

    type: str
    args: tuple[tuple[str | None, Any], ...]

    def get(self, label: str, index: int | None = None) -> Any:
        """The argument of that label, else the positional argument at ``index``."""
        for name, value in self.args:
            if name == label:
                return value
        if index is not None and index < len(self.args) and self.args[index][0] is None:
            return self.args[index][1]
        raise ReadError(f"{self.type}(...) has no argument {label}")

    def has(self, label: str) -> bool:
        return any(name == label for name, _ in self.args)

    def positional(self) -> list[Any]:
        return [value for name, value in self.args if name is None]


@dataclass(frozen=True, slots=True)
class Sym:
    """A name the file does not declare, with imports expanded."""

    name: str


UNITS = {"dp": "dp", "sp": "sp", "em": "em", "milliseconds": "ms", "seconds": "s"}
_NUMERIC_TYPES = frozenset({"CGFloat", "Double", "Float", "TimeInterval", "toFloat"})


@dataclass
class Interpreter:
    """Evaluates declarations (qualified name → expression), following references."""

    declarations: Mapping[str, Expr]
    imports: Mapping[str, str] = field(default_factory=dict)  # name in code → qualified
    parameters: Mapping[str, list[str]] = field(default_factory=dict)  # type → field names
    _done: dict[str, Any] = field(default_factory=dict)
    _busy: set[str] = field(default_factory=set)

    def value_of(self, name: str) -> Any:
        """The value of a declared constant."""
        if name in self._done:
            return self._done[name]
        if name in self._busy:
            raise ReadError(f"{name} refers to itself")
        self._busy.add(name)
        try:
            value = self.eval(self.declarations[name])
        finally:
            self._busy.discard(name)
        self._done[name] = value
        return value

    def eval(self, expr: Expr) -> Any:
        if isinstance(expr, Num | Str | Bool):
            return expr.value
        if isinstance(expr, Neg):
            operand = self.eval(expr.operand)
            if not isinstance(operand, int | float):
                raise ReadError(f"cannot negate {operand!r}")
            return -operand
        if isinstance(expr, Seq):
            return [self.eval(item) for item in expr.items]
        if isinstance(expr, Implicit):
            return Sym("." + expr.name)
        if isinstance(expr, Name):
            return self.name(expr.parts)
        if isinstance(expr, Member):
            return self.member(self.eval(expr.target), expr.name)
        return self.call(expr)

    def name(self, parts: tuple[str, ...]) -> Any:
        for end in range(len(parts), 0, -1):
            key = ".".join(parts[:end])
            if key in self.declarations:
                value = self.value_of(key)
                for part in parts[end:]:
                    value = self.member(value, part)
                return value
        return Sym(self.qualified(parts))

    def qualified(self, parts: tuple[str, ...]) -> str:
        head = self.imports.get(parts[0], parts[0])
        return ".".join((head, *parts[1:]))

    def member(self, value: Any, name: str) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool) and name in UNITS:
            return Qty(float(value), UNITS[name])
        if isinstance(value, Qty) and name == "value":
            return value.value
        if isinstance(value, Obj):
            fields = self.parameters.get(value.type.rsplit(".", 1)[-1], [])
            index = fields.index(name) if name in fields else None
            return value.get(name, index)
        raise ReadError(f"cannot read .{name} of {value!r}")

    def call(self, expr: Call) -> Any:
        if not isinstance(expr.callee, Name) or ".".join(expr.callee.parts) in self.declarations:
            raise ReadError(f"cannot evaluate the call {expr!r}")
        kind = self.qualified(expr.callee.parts)
        args = tuple((label, self.eval(value)) for label, value in expr.args)
        short = kind.rsplit(".", 1)[-1]
        if short == "listOf":
            return [value for _, value in args]
        if short in _NUMERIC_TYPES and len(args) == 1 and isinstance(args[0][1], int | float):
            return float(args[0][1])
        fields = self.parameters.get(short, [])
        labelled = tuple(
            (fields[i] if label is None and i < len(fields) else label, value)
            for i, (label, value) in enumerate(args)
        )
        return Obj(kind, labelled)


# Kotlin and TypeScript text


_TOKEN = re.compile(
    r"""(?P<space>\s+)
    |(?P<comment>//[^\n]*|/\*.*?\*/)
    |(?P<string>"(?:[^"\\\n]|\\.)*")
    |(?P<number>0[xX][0-9a-fA-F_]+[lLuU]*|(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d+)(?:[eE][+-]?\d+)?[fFlL]?)
    |(?P<ident>`[^`\n]+`|(?:[^\W\d]|\$)[\w$]*)
    |(?P<punct>.)""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "0": "\0", "v": "\v"}


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # string, number, ident, punct
    text: str


def unescape(body: str) -> str:
    """Backslash escapes of Kotlin, Swift and JavaScript strings."""

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u{"):
            return chr(int(code[2:-1], 16))
        if code.startswith("u") and len(code) == 5:
            return chr(int(code[1:], 16))
        return _SIMPLE.get(code, code)

    text = _ESCAPE.sub(one, body)
    return text.encode("utf-16", "surrogatepass").decode("utf-16")  # JS surrogate pairs


def tokenize(text: str) -> list[Token]:
    """Tokens without spaces and comments."""
    out = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        if kind not in ("space", "comment"):
            out.append(Token(kind, match.group()))
    return out


def number(text: str) -> float | int:
    """A Kotlin or JavaScript number literal's value."""
    clean = text.replace("_", "")
    if clean[:2].lower() == "0x":
        return int(clean[2:].rstrip("lLuU"), 16)
    clean = clean.rstrip("fFlL")
    value = float(clean)
    return int(value) if re.fullmatch(r"\d+", clean) else value


class Tokens:
    """A cursor over tokens."""

    def __init__(self, tokens: list[Token]) -> None:
        self.items = tokens
        self.at = 0

    def peek(self, ahead: int = 0) -> Token | None:
        index = self.at + ahead
        return self.items[index] if index < len(self.items) else None

    def is_(self, text: str, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        return token is not None and token.text == text

    def next(self) -> Token:
        token = self.peek()
        if token is None:
            raise ReadError("unexpected end of file")
        self.at += 1
        return token

    def expect(self, text: str) -> Token:
        token = self.next()
        if token.text != text:
            raise ReadError(f"expected {text!r}, found {token.text!r}")
        return token

    def skip_balanced(self) -> None:
        """Skip one token, or a whole bracketed group when it opens one."""
        pairs = {"(": ")", "[": "]", "{": "}", "<": ">"}
        first = self.next()
        if first.text not in pairs:
            return
        depth = [pairs[first.text]]
        while depth:
            token = self.next()
            if token.kind == "punct" and token.text in pairs and token.text != "<":
                depth.append(pairs[token.text])
            elif token.kind == "punct" and token.text == depth[-1]:
                depth.pop()


def identifier(token: Token) -> str:
    """An identifier without Kotlin's or Swift's backticks."""
    if token.kind != "ident":
        raise ReadError(f"expected a name, found {token.text!r}")
    return token.text.strip("`")


def kotlin_expression(cursor: Tokens) -> Expr:
    """One Kotlin expression: literals, names, calls, member access, unary minus."""
    if cursor.is_("-"):
        cursor.next()
        return Neg(kotlin_expression(cursor))
    token = cursor.next()
    expr: Expr
    if token.kind == "number":
        expr = Num(number(token.text), token.text)
    elif token.kind == "string":
        expr = Str(unescape(token.text[1:-1]))
    elif token.text in ("true", "false"):
        expr = Bool(token.text == "true")
    elif token.kind == "ident":
        expr = Name((identifier(token),))
    elif token.text == "(":
        expr = kotlin_expression(cursor)
        cursor.expect(")")
    else:
        raise ReadError(f"unexpected {token.text!r} in an expression")
    while True:
        if cursor.is_("."):
            cursor.next()
            name = identifier(cursor.next())
            expr = Name((*expr.parts, name)) if isinstance(expr, Name) else Member(expr, name)
        elif cursor.is_("("):
            cursor.next()
            expr = Call(expr, tuple(_arguments(cursor)))
        else:
            return expr


def _arguments(cursor: Tokens) -> Iterator[tuple[str | None, Expr]]:
    while not cursor.is_(")"):
        label = None
        token = cursor.peek()
        if token is not None and token.kind == "ident" and cursor.is_("=", 1):
            label = identifier(cursor.next())
            cursor.next()
        yield label, kotlin_expression(cursor)
        if not cursor.is_(")"):
            cursor.expect(",")
    cursor.next()
