"""The command line: parses options and calls the core, nothing more.

Every user-facing failure is an :class:`~annotator.errors.AnnotatorError`,
printed as one line on stderr with exit status 1; ``click`` usage errors exit 2.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import click

from annotator import __version__
from annotator.codebook_reading import default_codebook, load_codebook
from annotator.errors import AnnotatorError
from annotator.export import FORMATS as EXPORT_FORMATS
from annotator.export import ExportOptions, export
from annotator.importing.foreign import LabelMap, parse_label_maps
from annotator.importing.run import FORMATS as IMPORT_FORMATS
from annotator.importing.run import CsvColumns, import_sources
from annotator.models import STATUSES
from annotator.store.project import Project

EXAMPLES = """
\b
Examples:
  annotator init amal.db --coder amal
  annotator import amal.db articles/ reports.csv --text-col article_content
  annotator docs amal.db --search "دير الزور"
  annotator export amal.db --format jsonl --out amal.jsonl
"""


class _Group(click.Group):
    """Turns our errors (and the environment's) into one line and an exit status."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AnnotatorError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            # `annotator export ... --out - | head`: the reader left; not our error.
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
            sys.exit(0)
        except sqlite3.Error as exc:
            click.echo(f"error: the project file could not be read or written ({exc})", err=True)
            sys.exit(1)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"error: {where}{exc.strerror or exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group, invoke_without_command=True, epilog=EXAMPLES)
@click.version_option(__version__, prog_name="annotator")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Annotate Arabic conflict reporting: actors, places and casualty figures.

    With no command, opens the window on the last project (or the demo project).
    """
    if ctx.invoked_subcommand is None:
        open_window = (ctx.obj or {}).get("open_window")
        if open_window is None:
            raise AnnotatorError("the window is not available here; run a command (see annotator --help)")
        sys.exit(open_window(None))


@main.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--coder",
    help="Your name: every span you make carries it (default: your login name). 'gold' is reserved.",
)
@click.option(
    "--codebook",
    "codebook_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A TOML or JSON codebook (default: the built-in conflict-news codebook).",
)
def init(project: Path, coder: str | None, codebook_path: Path | None) -> None:
    """Create a new project file PROJECT for one coder.

    \b
    Example:
      annotator init amal.db --coder amal --codebook my-codebook.toml
    """
    codebook = load_codebook(codebook_path) if codebook_path else default_codebook()
    if coder is None:
        coder = login_name()
    with Project.create(project, coder=coder, codebook=codebook) as created:
        labels = ", ".join(created.codebook.label_names)
        click.echo(f"created {project} for coder {created.coder} (labels: {labels})")


@main.command(name="import")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), help="Override the format guessed from extensions.")
@click.option("--text-col", help="CSV column holding the article text (default: text, article_content, ...).")
@click.option("--id-col", help="CSV column holding the document id (default: id if present).")
@click.option("--title-col", help="CSV column holding the title (default: title if present).")
@click.option("--skip-bad", is_flag=True, help="Import the good files and list the bad ones, instead of importing nothing.")
@click.option(
    "--map-label",
    "map_labels",
    multiple=True,
    metavar="THEIRS=OURS",
    help="Label Studio, doccano, CoNLL: rename their label to the codebook's (LOC=PLACE); THEIRS= drops it. Repeatable.",
)
def import_(
    project: Path,
    sources: tuple[Path, ...],
    fmt: str | None,
    text_col: str | None,
    id_col: str | None,
    title_col: str | None,
    skip_bad: bool,
    map_labels: tuple[str, ...],
) -> None:
    """Import SOURCES (.txt files or folders, CSV, JSONL, brat, Label Studio JSON, doccano JSONL,
    CoNLL) into PROJECT, all or nothing.

    \b
    Example:
      annotator import amal.db articles/ batch2.jsonl
      annotator import amal.db export.csv --text-col article_content --id-col url
      annotator import amal.db label-studio.json --map-label Person=ACTOR --map-label Location=PLACE
      annotator import amal.db anercorp.conll --map-label PERS=ACTOR --map-label LOC=PLACE --map-label MISC=
    """
    renames = parse_label_maps(map_labels)
    with Project.open(project) as opened:
        label_map = LabelMap(renames, known=tuple(opened.codebook.label_names))
        columns = CsvColumns(text_col, id_col, title_col, label_map=label_map)
        report = import_sources(opened, list(sources), fmt=fmt, columns=columns, skip_bad=skip_bad)
    for line in report.lines():
        click.echo(line)
    if report.skipped:
        sys.exit(1 if report.files_read == 0 else 0)


@main.command(name="export")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="The output format.")
@click.option(
    "--out",
    required=True,
    help="Output file or folder; '-' writes to standard output. For --format events, .csv, .jsonl or .parquet.",
)
@click.option("--layer", help="One coder's layer, or 'gold' (default: every layer, each span naming its coder).")
@click.option(
    "--status",
    type=click.Choice((*STATUSES, "all")),
    help="Only documents with this status (default: done for conll, hf and spacy; all for the others).",
)
@click.option("--include-suggestions", is_flag=True, help="Also write pending suggestions (origin 'suggested').")
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A jinja2 template, for --format template.",
)
@click.option("--split", help="Train/dev/test shares, e.g. 80,10,10 (or 90,10 for train/test): writes a folder.")
@click.option("--seed", type=int, help="Seed of the --split shuffle (default 0): same seed, same parts.")
@click.option(
    "--split-clitics", is_flag=True, help="conll/hf/spacy: cut leading proclitics (و ف ب ل ك) off as tokens."
)
@click.option(
    "--layer-per-label", is_flag=True, help="conll/hf: one IOB column per label, so overlapping spans all stay."
)
@click.option("--rows-per-shard", type=int, help="parquet: at most this many rows per file of each table (default 100000).")
def export_(
    project: Path,
    fmt: str,
    out: str,
    layer: str | None,
    status: str | None,
    include_suggestions: bool,
    template: Path | None,
    split: str | None,
    seed: int | None,
    split_clitics: bool,
    layer_per_label: bool,
    rows_per_shard: int | None,
) -> None:
    """Export PROJECT's documents and spans.

    \b
    Example:
      annotator export amal.db --format jsonl --out amal.jsonl --status done
      annotator export merged.db --format jsonl --layer gold --out -
      annotator export merged.db --format hf --out gold-hf --split 80,10,10 --seed 7
      annotator export merged.db --format conll --out gold.conll --layer-per-label
      annotator export amal.db --format html --layer amal --out review.html
      annotator export amal.db --format template --template my.csv.j2 --out spans.csv
      annotator export merged.db --format events --layer gold --out events.parquet
      annotator export amal.db --format label-studio --out review.json
      annotator export merged.db --format parquet --out tables --rows-per-shard 50000
    """
    options = ExportOptions(
        format=fmt, layer=layer, status=status, include_suggestions=include_suggestions, template=template,
        split=split, seed=seed, split_clitics=split_clitics, layer_per_label=layer_per_label,
        rows_per_shard=rows_per_shard,
    )
    with Project.open(project, readonly=True) as opened:
        result = export(opened, options, out)
    if out != "-":
        parts = f" ({', '.join(f'{k} {v}' for k, v in result.parts.items())})" if result.parts else ""
        click.echo(f"wrote {result.documents} document(s) to {out}{parts}", err=True)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)


def login_name() -> str:
    """The name ``init`` gives the coder when ``--coder`` is left out: who is logged in.

    ``getpass.getuser`` reads the environment, then the password database, and fails
    in a container whose user has no entry; a project still needs a name then.
    """
    try:
        name = getpass.getuser().strip()
    except (OSError, KeyError, ImportError):
        name = ""
    return name or "coder"


@main.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document, one per line.")
@click.option("--status", type=click.Choice((*STATUSES, "flagged")), help="Only documents with this status.")
@click.option("--search", help="Only documents containing these words (diacritics, tatweel and proclitics ignored).")
def docs(project: Path, as_json: bool, status: str | None, search: str | None) -> None:
    """List PROJECT's documents: id, status, spans, near-duplicates, title.

    The status is the project's coder's. In a file with several layers (a lead's
    merged file) the spans are counted per layer: "amal 5, omar 4, gold 3".
    A search or status that matches nothing says so on stderr; that is no error
    (exit status 0), as an empty list is a fine answer to a script.

    \b
    Example:
      annotator docs amal.db --search "دير الزور"
    """
    with Project.open(project, readonly=True) as opened:
        others = [c for c in opened.coders() if c != opened.coder]
        per_layer = bool(others)  # a lead's file, or a coder's holding another's layer
        layers = [c for c in opened.coders() if c in others or opened.has_live_spans(c)]
        offset = 0
        listed = 0
        while True:
            page = opened.documents(offset=offset, limit=500, status=status, search=search)
            counts = opened.span_counts_by_layer([doc.id for doc in page]) if per_layer else {}
            for doc in page:
                by_layer = {layer: counts.get(doc.id, {}).get(layer, 0) for layer in layers}
                if as_json:
                    record: dict[str, Any] = {
                        "id": doc.key, "title": doc.title, "status": doc.status, "flagged": doc.flagged,
                        "spans": doc.span_count, "duplicate_of": doc.duplicate_of,
                    }
                    if per_layer:
                        record["spans_per_layer"] = by_layer
                    click.echo(json.dumps(record, ensure_ascii=False))
                else:
                    flags = ("F" if doc.flagged else "-") + ("D" if doc.duplicate_of else "-")
                    dup = f" (near-duplicate of {doc.duplicate_of})" if doc.duplicate_of else ""
                    spans = ", ".join(f"{k} {v}" for k, v in by_layer.items()) if per_layer else str(doc.span_count)
                    click.echo(f"{doc.key}\t{doc.status}\t{flags}\t{spans}\t{doc.title}{dup}")
            listed += len(page)
            if len(page) < 500:
                break
            offset += 500
    if not listed and (search or status):
        asked = " and ".join(x for x in (f"--search «{search}»" if search else "", f"--status {status}" if status else "") if x)
        click.echo(f"no document matches {asked}", err=True)


@main.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(project: Path, as_json: bool) -> None:
    """Counts per label, status and coder.

    \b
    Example:
      annotator stats amal.db --json
    """
    with Project.open(project, readonly=True) as opened:
        figures = opened.stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2, sort_keys=True))
        return
    click.echo(f"{figures['project']}: {figures['documents']} document(s), coder {figures['coder']}")
    click.echo(f"near-duplicate pairs: {figures['near_duplicates']}")
    for coder, counts in figures["status"].items():
        parts = ", ".join(f"{k} {v}" for k, v in counts.items())
        click.echo(f"status [{coder}]: {parts}")
    for coder, labels in figures["spans_per_label"].items():
        parts = ", ".join(f"{k} {v}" for k, v in labels.items())
        click.echo(f"spans [{coder}]: {parts}")
    if figures["pending_suggestions"]:
        click.echo(f"pending suggestions: {figures['pending_suggestions']}")


# Commands defined in their own modules.
from annotator.cli.datasette import datasette_metadata_command  # noqa: E402
from annotator.cli.example import example  # noqa: E402
from annotator.cli.history import history, restore  # noqa: E402
from annotator.cli.lead import adjudicate, agreement, merge  # noqa: E402
from annotator.cli.status import status as status_command  # noqa: E402
from annotator.cli.suggest import suggest as suggest_command  # noqa: E402
from annotator.cli.suggest import train as train_command  # noqa: E402

main.add_command(restore)
main.add_command(history)
main.add_command(merge)
main.add_command(agreement)
main.add_command(adjudicate)
main.add_command(suggest_command)
main.add_command(status_command)
main.add_command(example)
main.add_command(datasette_metadata_command)
main.add_command(train_command)
