"""The ``annotator`` program: the core's command line plus the window.

The core (:mod:`annotator.cli.main`) never imports Qt; this module adds the ``gui``
command and the no-argument default on top of it, and imports Qt only when the
window is actually opened, so every other command runs on a headless machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from annotator.cli.main import main as cli


def open_window(project: Path | None) -> int:
    from ui.app import run

    return run(project)


@cli.command()
@click.argument("project", required=False, type=click.Path(dir_okay=False, path_type=Path))
def gui(project: Path | None) -> None:
    """Open the window on PROJECT (default: the last project, or the demo project).

    \b
    Example:
      annotator gui amal.db
    """
    sys.exit(open_window(project))


def main() -> None:
    cli(obj={"open_window": open_window})
