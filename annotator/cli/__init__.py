"""The command line: click commands that parse arguments and call the core."""

from annotator.cli.main import main

__all__ = ["main"]
