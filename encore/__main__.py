"""``python -m encore``."""

from encore.cli import main

main()
