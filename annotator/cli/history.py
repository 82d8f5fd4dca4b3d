"""Commands that bring work back: ``restore`` (backup copies) and ``history`` (span changes)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli.documents import named_documents
from annotator.errors import AnnotatorError, DamagedProject
from annotator.store.backups import list_backups, restore_over_damaged
from annotator.store.project import Project
from annotator.store.schema import check_header


@click.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("backup", required=False)
@click.option("--list", "list_only", is_flag=True, help="List the backup copies, newest first.")
def restore(project: Path, backup: str | None, list_only: bool) -> None:
    """Bring back a backup copy of PROJECT (by its number in --list, or its file name).

    Copies are made before a schema migration and when a new version of the app
    first opens the file. The state before the restore is itself kept as a copy.

    \b
    Example:
      annotator restore amal.db --list
      annotator restore amal.db 1
    """
    check_header(project)  # the file itself may be too damaged to open: its copies are beside it
    backups = list_backups(project)
    if list_only or backup is None:
        if not backups:
            click.echo("no backup copies")
        for number, item in enumerate(backups, start=1):
            click.echo(f"{number}\t{item.taken:%Y-%m-%d %H:%M:%S} UTC\t{item.reason}\t{item.path.name}")
        return
    chosen = None
    if backup.isdigit() and 1 <= int(backup) <= len(backups):
        chosen = backups[int(backup) - 1].path
    else:
        chosen = next((b.path for b in backups if b.path.name == backup), None)
    if chosen is None:
        raise AnnotatorError(f"no backup {backup!r} (see annotator restore {project} --list)", path=project)
    try:
        with Project.open(project) as opened:
            before = opened.restore(chosen)
    except DamagedProject:
        kept = restore_over_damaged(project, chosen)
        click.echo(f"restored {chosen.name}; the damaged file was kept as {kept.name}")
        return
    click.echo(f"restored {chosen.name}; the state before was kept as {before.name}")


@click.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--doc", "doc_key", help="Only the changes in this document (its id).")
@click.option("--revert", "revert_id", type=int, help="Put a span back as it was before this change.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per change.")
def history(project: Path, doc_key: str | None, revert_id: int | None, as_json: bool) -> None:
    """Every change to a span, oldest first; --revert undoes one, even a delete.

    \b
    Example:
      annotator history amal.db --doc d17
      annotator history amal.db --revert 42
    """
    with Project.open(project, readonly=revert_id is None) as opened:
        if revert_id is not None:
            reverted = opened.revert(revert_id)
            click.echo(f"reverted change {revert_id}: {reverted.label} [{reverted.start}, {reverted.end}) {reverted.text}")
            return
        doc_id = None
        if doc_key is not None:
            doc_id = named_documents(opened, project, (doc_key,))[0][0]
        for entry in opened.history(doc_id=doc_id):
            if as_json:
                click.echo(json.dumps(entry.__dict__, ensure_ascii=False, sort_keys=True))
                continue
            shown = entry.after or entry.before or {}
            click.echo(f"{entry.id}\t{entry.at}\t{entry.action}\t{shown.get('label', '')}\t{shown.get('text', '')}")
