"""``annotator datasette-metadata``: browse a project in Datasette with labels, facets and queries."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.export.files import write_text
from annotator.store.datasette_metadata import datasette_metadata
from annotator.store.project import Project


@click.command(name="datasette-metadata")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", default="-", show_default=True, help="The metadata file to write (JSON); '-' for standard output.")
def datasette_metadata_command(project: Path, out: str) -> None:
    """Write Datasette metadata for PROJECT: table and column descriptions, facets (label,
    status, coder) and canned queries (spans per label, documents by status, disagreements).

    Datasette is not a dependency of the annotator: install it where you like. Open the project
    immutable (-i), so Datasette never writes to it.

    \b
    Example:
      annotator datasette-metadata merged.db --out metadata.json
      datasette -i merged.db -m metadata.json
    """
    with Project.open(project, readonly=True) as opened:
        metadata = datasette_metadata(
            project.stem, title=f"{project.name}: project of {opened.coder}", codebook=opened.codebook
        )
    write_text(out, lambda handle: handle.write(json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"))
    if out != "-":
        click.echo(f"wrote {out}; browse the project with: datasette -i {project} -m {out}", err=True)
