"""Receiving an upload: a ``multipart/form-data`` body parsed as it arrives, its one file
part written straight to a file on disk, the other parts kept as short text fields.

The size limit holds while reading (413 as soon as the file passes it, or at once when
``Content-Length`` already says so), so nothing large is held in memory and a chunked body
cannot slip past it. On any failure the partial file is removed.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request

from backend_stub.errors import ApiError

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

FIELD_LIMIT = 4096  # bytes in one text field
MAX_PARTS = 16
OVERHEAD = 64 * 1024  # room for part headers and text fields beside the file
_SUFFIX = re.compile(r"\.([A-Za-z0-9]{1,8})\Z")


@dataclass(frozen=True, slots=True)
class Received:
    """A complete upload: its text fields and the file saved at ``path``."""

    fields: dict[str, str]
    path: Path
    filename: str
    size: int


def too_large(limit: int) -> ApiError:
    return ApiError(
        413, f"the upload is larger than the limit of {limit:,} bytes", "upload_too_large"
    )


def _bad(message: str) -> ApiError:
    return ApiError(400, f"malformed multipart body: {message}", "invalid_multipart")


@dataclass(slots=True)
class _Parts:
    """The parser's callbacks: which part is open, its headers, and the file bytes
    waiting to be written."""

    file_field: str
    limit: int
    fields: dict[str, str] = field(default_factory=dict)
    filename: str | None = None
    size: int = 0
    pending: list[bytes] = field(default_factory=list)
    ended: bool = False
    _parts: int = 0
    _header: bytes = b""
    _value: bytes = b""
    _disposition: bytes = b""
    _name: str = ""
    _is_file: bool = False
    _text: bytearray = field(default_factory=bytearray)

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self._begin,
            "on_part_data": self._data,
            "on_part_end": self._end_part,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_done,
            "on_end": self._end,
        }

    def _begin(self) -> None:
        self._parts += 1
        if self._parts > MAX_PARTS:
            raise _bad(f"more than {MAX_PARTS} parts")
        self._disposition, self._text = b"", bytearray()

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        if self._header.lower() == b"content-disposition":
            self._disposition = self._value
        self._header, self._value = b"", b""

    def _headers_done(self) -> None:
        _, options = parse_options_header(self._disposition)
        if b"name" not in options:
            raise _bad("a part has no Content-Disposition name")
        self._name = options[b"name"].decode("utf-8", "replace")
        self._is_file = b"filename" in options
        if self._is_file:
            if self._name != self.file_field or self.filename is not None:
                raise _bad(f"send exactly one file, in the field {self.file_field!r}")
            self.filename = options[b"filename"].decode("utf-8", "replace")
        elif self._name in self.fields or self._name == self.file_field:
            raise _bad(f"the field {self._name!r} is given more than once or is not a file")

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._is_file:
            self.size += end - start
            if self.size > self.limit:
                raise too_large(self.limit)
            self.pending.append(data[start:end])
        else:
            self._text += data[start:end]
            if len(self._text) > FIELD_LIMIT:
                raise _bad(f"the field {self._name!r} is longer than {FIELD_LIMIT} bytes")

    def _end_part(self) -> None:
        if not self._is_file:
            try:
                self.fields[self._name] = self._text.decode("utf-8")
            except UnicodeDecodeError:
                raise _bad(f"the field {self._name!r} is not UTF-8") from None

    def _end(self) -> None:
        self.ended = True


def suffix_of(filename: str) -> str:
    """A safe extension for the stored file (``.bin`` when the name has none)."""
    found = _SUFFIX.search(filename)
    return f".{found[1].lower()}" if found else ".bin"


async def receive(request: Request, file_field: str, target: Path, limit: int) -> Received:
    """Parse the request's multipart body, writing the ``file_field`` part to ``target``;
    400 when malformed, 413 over ``limit`` bytes, 415 when not multipart, 422 when the
    file part is missing."""
    kind, params = parse_options_header(request.headers.get("content-type"))
    if kind != b"multipart/form-data":
        raise ApiError(415, "send the upload as multipart/form-data", "unsupported_media_type")
    if not params.get(b"boundary"):
        raise _bad("the Content-Type has no boundary")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + OVERHEAD:
        raise too_large(limit)
    parts = _Parts(file_field, limit)
    parser = MultipartParser(params[b"boundary"], parts.callbacks())
    target.parent.mkdir(parents=True, exist_ok=True)
    handle: BinaryIO = await run_in_threadpool(target.open, "wb")
    try:
        try:
            read = 0
            async for chunk in request.stream():
                read += len(chunk)
                if read > limit + OVERHEAD:  # whatever the parts are, the body is too big
                    raise too_large(limit)
                parser.write(chunk)
                if parts.pending:
                    data, parts.pending = b"".join(parts.pending), []
                    await run_in_threadpool(handle.write, data)
        except MultipartParseError as exc:
            raise _bad(str(exc) or type(exc).__name__) from None
        except ClientDisconnect:
            raise _bad("the client went away before the end of the body") from None
        if not parts.ended:
            raise _bad("the body ends before its closing boundary")
        if parts.filename is None:
            raise ApiError(422, f"invalid request: {file_field}: a file is required")
        await run_in_threadpool(handle.close)
    except BaseException:
        handle.close()
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return Received(parts.fields, target, parts.filename, parts.size)
