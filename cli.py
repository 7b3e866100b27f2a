#!/usr/bin/env python3
"""Run Encore from a source checkout without installing it: ``python cli.py build``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from encore.cli import main

if __name__ == "__main__":
    main()
