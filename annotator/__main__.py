"""``python -m annotator``: the headless command line (no window)."""

from annotator.cli import main

main()
