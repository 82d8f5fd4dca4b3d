"""``annotator example``: write the worked example the README's tour runs on."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.example import write_example


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def example(folder: Path) -> None:
    """Write a small worked example into FOLDER (made if missing, refused if not empty).

    Four articles as .txt files, a CSV, a JSONL batch, a brat folder, and two
    coders' project files (amal.db, omar.db) with every document done and a few
    disagreements: what the README's tour of the command line runs on.

    \b
    Example:
      annotator example tour && cd tour
    """
    report = write_example(folder)
    for line in report.lines():
        click.echo(line)
