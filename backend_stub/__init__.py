"""Encore's reference music-streaming backend.

It consumes the design system's build output and never the other way round: the
toolchain (``encore/``) imports this package only lazily, from ``encore serve``.
Start it with ``python -m backend_stub`` or ``encore serve``.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
