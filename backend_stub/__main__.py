"""``python -m backend_stub``: the same as ``encore serve``."""

from __future__ import annotations

from backend_stub.cli import serve

if __name__ == "__main__":
    serve(prog_name="python -m backend_stub")
