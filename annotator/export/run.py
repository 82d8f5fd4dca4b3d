"""The export entry point shared by the command line and the window.

:func:`export` checks the options, picks the layer and the documents
(:mod:`annotator.export.selection`), makes the split, and hands the prepared
:class:`~annotator.export.options.Job` to the format's writer. Every writer
writes atomically (:mod:`annotator.export.files`) and adds to the job's notes
whatever the user must know (documents left out, tokens cut, spans that one
column could not hold); the notes come back in :class:`ExportResult`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from annotator.errors import ValidationError
from annotator.export.brat import write_brat
from annotator.export.conll import write_conll
from annotator.export.events import output_kind, write_events
from annotator.export.files import write_folder, write_text
from annotator.export.hf import write_hf
from annotator.export.html import write_html
from annotator.export.jsonl import write_jsonl
from annotator.export.label_studio import write_label_studio
from annotator.export.options import TRAINING_FORMATS, ExportOptions, ExportResult, Job
from annotator.export.parquet import write_parquet
from annotator.export.readme import write_readme, write_split_list
from annotator.export.selection import SelectedDocuments, pick_documents, resolve_layer
from annotator.export.spacy_docbin import write_spacy
from annotator.export.splits import assign_parts, parse_split
from annotator.export.template import write_template
from annotator.models import GOLD, STATUSES, Status
from annotator.store.project import Project

FORMATS = ("jsonl", "conll", "hf", "spacy", "brat", "html", "template", "events", "label-studio", "parquet")
ALL = "all"
SPLITTABLE = ("jsonl", "conll", "hf", "spacy", "brat")
FOLDER_FORMATS = ("hf", "brat", "parquet")
SUFFIXES = {
    "jsonl": ".jsonl", "conll": ".conll", "spacy": ".spacy", "html": ".html", "events": ".csv", "label-studio": ".json",
}
# Formats that export one layer: gold where there is one, else the only coder, else --layer.
SINGLE_LAYER = (*TRAINING_FORMATS, "events")


def writes_folder(options: ExportOptions) -> bool:
    """Whether the export is a folder (hf, brat, or any format split into parts) rather than one file."""
    return options.format in FOLDER_FORMATS or options.split is not None

__all__ = ["ALL", "FORMATS", "ExportOptions", "ExportResult", "export", "write_text", "writes_folder"]


def _write_jsonl(job: Job, out: str | Path) -> list[str]:
    """Our record, one document a line; with ``--split``, a folder of part files."""
    if job.split is None:
        write_text(out, lambda handle: write_jsonl(job.documents, handle))
        return [str(out)]

    def build(folder: Path) -> None:
        files = []
        for name, docs in job.parts():
            with open(folder / f"{name}.jsonl", "w", encoding="utf-8", newline="\n") as handle:
                write_jsonl(docs, handle)
            files.append(f"`{name}.jsonl`: {len(docs)} document(s), our JSONL record (DESIGN.md), one a line")
        listed = write_split_list(folder, job)
        write_readme(folder, job, title="JSONL export", files=[*files, *([listed] if listed else [])])

    write_folder(out, build)
    return [str(out)]


WRITERS: dict[str, Callable[[Job, str | Path], list[str]]] = {
    "jsonl": _write_jsonl,
    "conll": write_conll,
    "hf": write_hf,
    "spacy": write_spacy,
    "brat": write_brat,
    "html": write_html,
    "template": write_template,
    "events": write_events,
    "label-studio": write_label_studio,
    "parquet": write_parquet,
}


def _check(options: ExportOptions) -> None:
    if options.format not in FORMATS:
        raise ValidationError(f"unknown export format {options.format!r} (use {', '.join(FORMATS)})")
    if options.status is not None and options.status != ALL and options.status not in STATUSES:
        raise ValidationError(f"unknown status {options.status!r} (use {', '.join(STATUSES)} or {ALL})")
    if options.split is not None and options.format not in SPLITTABLE:
        raise ValidationError(f"--split is for {', '.join(SPLITTABLE)}; the {options.format} format takes no split")
    if options.seed is not None and options.split is None:
        raise ValidationError("--seed chooses the documents of each --split part; give --split too")
    if options.template is not None and options.format != "template":
        raise ValidationError("--template goes with --format template")
    if options.format == "template" and options.template is None:
        raise ValidationError("the template format needs --template FILE.j2")
    token_level = options.format in ("conll", "hf", "spacy")
    if options.split_clitics and not token_level:
        raise ValidationError("--split-clitics is for the token-level formats (conll, hf, spacy)")
    if options.layer_per_label and options.format not in ("conll", "hf"):
        raise ValidationError("--layer-per-label is for conll and hf")
    if options.rows_per_shard is not None and options.format != "parquet":
        raise ValidationError("--rows-per-shard is for --format parquet")
    if options.rows_per_shard is not None and options.rows_per_shard < 1:
        raise ValidationError(f"--rows-per-shard must be 1 or more, not {options.rows_per_shard}")


def _status(options: ExportOptions) -> str | None:
    """The status filter: ``done`` by default for training formats, none for the others."""
    if options.status == ALL:
        return None
    if options.status is None:
        return Status.DONE if options.format in TRAINING_FORMATS else None
    return options.status


def export(
    project: Project,
    options: ExportOptions,
    out: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Write ``project`` in ``options.format`` to ``out`` (a file, a folder, or ``-`` for standard output).

    The documents are read as they are written, all from one snapshot of the file.
    ``progress(0, documents)`` is called once they are chosen and again and again while
    they are read, ``progress(documents, documents)`` when they are written; it may raise
    :class:`~annotator.errors.Cancelled` to stop, and a file or folder is written whole or
    not at all.
    """
    _check(options)
    if options.format == "events":
        output_kind(out)  # a wrong suffix is refused before anything is read
    project.check_integrity()  # a damaged file would export what SQLite can still read of it, silently
    with project.snapshot():
        if progress is None:
            return _export(project, options, out, None)
        with project.stoppable_reads(progress) as stoppable:
            return _export(project, options, out, stoppable.report)


def _export(
    project: Project, options: ExportOptions, out: str | Path, progress: Callable[[int, int], None] | None
) -> ExportResult:
    status = _status(options)
    layer = resolve_layer(project, options.layer, single=options.format in SINGLE_LAYER)
    # "done" means done by whoever made the layer: the coder for a coder's layer, the project's
    # own coder (the lead, in a merged file) for gold and for every layer at once.
    judge = layer if layer not in (None, GOLD) and layer != project.coder else project.coder
    picks = pick_documents(project, judge)
    chosen = [pick for pick in picks if status is None or pick.judged == status]
    documents = SelectedDocuments(project, chosen, layer=layer, include_suggestions=options.include_suggestions)
    job = Job(project, options, layer, documents, status)
    left_out = Counter(pick.judged for pick in picks if status is not None and pick.judged != status)
    if left_out:
        kinds = ", ".join(f"{name} {left_out[name]}" for name in STATUSES if left_out[name])
        default = (
            " (the default for training formats; --status all takes every document)" if options.status is None else ""
        )
        job.notes.append(
            f"left out {sum(left_out.values())} of {len(picks)} document(s) not marked {status} "
            f"by {judge} ({kinds}){default}"
        )
    if not job.documents:
        job.notes.append("no document to export: the output holds no document")
    if options.split is not None:
        shares = parse_split(options.split)
        pairs = [(a, b) for a, b, _ in project.duplicates()]
        job.split = assign_parts(job.documents.keys(), pairs, shares, options.seed or 0)
        for name, keys in job.split.parts.items():
            if not keys and job.documents:
                job.notes.append(f"the {name} part is empty: too few documents (or near-duplicate groups) to split")
    if progress is not None:
        progress(0, len(job.documents))
    files = WRITERS[options.format](job, out)
    if progress is not None:
        progress(len(job.documents), len(job.documents))
    return ExportResult(
        documents=len(job.documents),
        spans=job.documents.span_count(),
        notes=job.notes,
        parts={name: len(keys) for name, keys in job.split.parts.items()} if job.split else {},
        files=files,
    )
