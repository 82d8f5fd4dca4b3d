"""Importing: store what the readers read, in one transaction.

:mod:`annotator.importing.readers` turns each file into records, :mod:`annotator.importing.prepare`
digests them and checks their spans (for a large import, in worker processes:
:mod:`annotator.importing.workers`), and :func:`import_sources` writes them here, so a
bad file leaves the project as it was (or, with ``skip_bad``, is skipped whole and
reported).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, InputError, ValidationError
from annotator.importing.brat_events import store_brat_events
from annotator.importing.events import store_events
from annotator.importing.foreign import import_notes
from annotator.importing.prepare import PreparedDocument, typed_attrs
from annotator.importing.readers import FORMATS, MAX_TEXT_BYTES, CsvColumns, plan_files, read_brat
from annotator.importing.workers import Event, WorkerFailed, events_from_workers, prepared_events, worth_a_worker
from annotator.models import Annotation, Origin
from annotator.records import SpanRecord
from annotator.store.project import Project
from annotator.store.rows import same_content

SHOWN_DUPLICATES = 20  # near-duplicate pairs a report lists one by one
PROGRESS_EVERY = 250  # documents between two progress calls inside one file

__all__ = ["FORMATS", "MAX_TEXT_BYTES", "CsvColumns", "ImportReport", "import_sources", "read_brat"]


@dataclass
class ImportReport:
    """What an import did, for the command line's summary and the window's dialog."""

    documents_added: int = 0
    documents_existing: int = 0
    spans_added: int = 0
    spans_updated: int = 0
    spans_unchanged: int = 0
    events_added: int = 0
    events_updated: int = 0
    events_unchanged: int = 0
    files_read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"{self.documents_added} document(s) added, {self.documents_existing} already in the project; "
            f"{self.spans_added} span(s) added, {self.spans_updated} updated, {self.spans_unchanged} unchanged"
        ]
        if self.events_added or self.events_updated or self.events_unchanged:
            out.append(f"{self.events_added} event(s) added, {self.events_updated} updated, "
                       f"{self.events_unchanged} unchanged")
        shown = self.near_duplicates[:SHOWN_DUPLICATES]
        out += [f"near-duplicate: {new} repeats {old} (similarity {sim:.2f})" for new, old, sim in shown]
        if len(self.near_duplicates) > len(shown):
            # A templated bulletin repeated all year would otherwise fill the screen: `docs` marks
            # every document that repeats another, and `stats` counts the pairs.
            out.append(f"… and {len(self.near_duplicates) - len(shown):,} more near-duplicate pair(s); "
                       "`annotator docs` marks each document that repeats another")
        out += [f"id {asked} was taken by another text; stored as {stored}" for asked, stored in self.renamed]
        out += [f"skipped {path}: {reason}" for path, reason in self.skipped]
        out += self.notes
        return out



# --- storing -------------------------------------------------------------------------


def import_sources(
    project: Project,
    sources: list[str | Path],
    *,
    fmt: str | None = None,
    columns: CsvColumns | None = None,
    skip_bad: bool = False,
    progress: Callable[[int, int, Path], None] | None = None,
    worker: bool | None = None,
) -> ImportReport:
    """Import every source into ``project`` in one transaction.

    Without ``skip_bad`` the first bad file raises :class:`InputError` and nothing
    is written; with it, each bad file is rolled back alone and listed in the report.
    ``worker`` says whether to read in worker processes (None: when the input is large).
    ``progress(files done, files, file)`` is called as each file starts, every few hundred
    documents within it, and once at the end; it may raise :class:`~annotator.errors.Cancelled`
    to stop, and then nothing is written, whatever ``skip_bad`` says.
    """
    columns = columns or CsvColumns()
    report = ImportReport()
    planned = plan_files(sources, fmt)
    roots = [Path(s) for s in sources if Path(s).is_dir()]
    use_worker = worth_a_worker(planned) if worker is None else worker
    events = (events_from_workers if use_worker else prepared_events)(
        planned, roots, columns, project.codebook, project.coder
    )
    try:
        with project.transaction(), project.adding_many():
            for number, (path, _) in enumerate(planned):
                if progress:
                    progress(number, len(planned), path)
                part = ImportReport()
                documents = _FileDocuments(events)
                try:
                    with project.savepoint("import_file"):
                        for count, prepared in enumerate(documents, start=1):
                            _store(project, prepared, part)
                            store_brat_events(project, prepared, part)
                            if progress and count % PROGRESS_EVERY == 0:
                                progress(number, len(planned), path)  # a window stays responsive in a long file
                except AnnotatorError as exc:
                    if not skip_bad or isinstance(exc, WorkerFailed):
                        raise
                    documents.skip_rest()
                    report.skipped.append((str(path), _why_skipped(exc, path)))
                    continue
                report.files_read += 1
                _add_into(report, part)
            if progress:
                progress(len(planned), len(planned), Path())
    finally:
        events.close()  # stops the workers when a bad file ended the import early
    return report


class _FileDocuments:
    """One file's prepared documents from the event stream; its error is raised where it comes."""

    def __init__(self, events: Iterator[Event]):
        self._events = events
        self._ended = False

    def __iter__(self) -> Iterator[PreparedDocument]:
        for kind, value in self._events:
            if kind == "doc":
                yield value
                continue
            self._ended = True
            if kind == "failed":
                raise value
            return
        self._ended = True

    def skip_rest(self) -> None:
        """Pass over what is left of a file the writer gave up on, up to the next file's events."""
        if not self._ended:
            for kind, _ in self._events:
                if kind != "doc":
                    break
            self._ended = True


def _why_skipped(exc: AnnotatorError, path: Path) -> str:
    """The error without the skipped file's name, which the report puts first; its line kept."""
    if exc.path is None:
        return str(exc)
    where = [exc.path] if exc.path != str(path) else []
    if exc.line is not None:
        where.append(f"line {exc.line}")
    return ": ".join([", ".join(where), exc.problem] if where else [exc.problem])


def _add_into(total: ImportReport, part: ImportReport) -> None:
    for name in ("documents_added", "documents_existing", "spans_added", "spans_updated", "spans_unchanged",
                 "events_added", "events_updated", "events_unchanged"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.near_duplicates += part.near_duplicates
    total.renamed += part.renamed
    total.notes += part.notes


def _store(project: Project, prepared: PreparedDocument, report: ImportReport) -> None:
    record = prepared.record
    report.notes += [note for note in import_notes(record) if note not in report.notes]
    meta = dict(record.meta)
    core = {name: str(meta.pop(name)) for name in ("title", "source", "url", "date") if meta.get(name) is not None}
    try:
        doc, added, duplicates = project.add_document(
            record.text, key=record.key, meta=meta, digested=prepared.digested, **core
        )
        if added:
            report.documents_added += 1
            if record.key and doc.key != record.key:
                report.renamed.append((record.key, doc.key))
            for other_id, similarity in duplicates:
                report.near_duplicates.append((doc.key, project.document(other_id).key, similarity))
            if prepared.problem is not None:
                raise prepared.problem
            project.insert_span_rows(doc.id, prepared.rows, given_ids=prepared.given_ids)
            report.spans_added += len(prepared.rows)
        else:
            report.documents_existing += 1
            _store_spans(project, doc.id, doc.text, prepared.spans(), report)
        if record.events:
            store_events(project, doc.id, record.events, report)
        if record.status is not None:
            project.set_status(doc.id, record.status)
    except ValidationError as exc:
        raise InputError(exc.problem, path=record.path, line=exc.line or record.line) from None


def _store_spans(project: Project, doc_id: int, text: str, spans: list[SpanRecord], report: ImportReport) -> None:
    """Spans of a document the project holds already: a span already there (same id, or same
    content without an id) is updated or left alone, so importing a file twice adds nothing."""
    existing = {a.id: a for a in project.annotations(doc_id)}
    by_content = {(a.coder, a.label, a.start, a.end, json.dumps(a.attrs, sort_keys=True)): a for a in existing.values()}
    new: list[Annotation] = []
    for span in spans:
        try:
            _store_span(project, doc_id, text, span, report, by_content, new)
        except ValidationError as exc:
            raise ValidationError(exc.problem, line=span.line) from None
    project.insert_annotations(new)
    report.spans_added += len(new)


def _store_span(
    project: Project,
    doc_id: int,
    text: str,
    span: SpanRecord,
    report: ImportReport,
    by_content: dict[tuple[Any, ...], Annotation],
    new: list[Annotation],
) -> None:
    """One span of a record: updated when its id is known, left alone when already there, else queued."""
    coder = span.coder or project.coder
    attrs = typed_attrs(project.codebook.label(span.label), span.attrs)
    origin = span.origin or Origin.IMPORTED
    known = _existing_annotation(project, span.id, doc_id) if span.id else None
    if known is not None:
        project.restore_annotation(known.id)
        changed = project.update_annotation(
            known.id, coder=coder, label=span.label, start=span.start, end=span.end, attrs=attrs,
            origin=origin, provenance=span.provenance,
        )
        if not same_content(changed, known):  # (timestamps have seconds: a quick re-import shares one)
            report.spans_updated += 1
        else:
            report.spans_unchanged += 1
        return
    if (
        by_content
        and not span.id
        and (coder, span.label, span.start, span.end, json.dumps(attrs, sort_keys=True)) in by_content
    ):
        report.spans_unchanged += 1
        return
    new.append(project.new_annotation(
        doc_id, span.label, span.start, span.end, attrs=attrs, coder=coder, origin=origin,
        annotation_id=span.id, provenance=span.provenance, text=text,
    ))


def _existing_annotation(project: Project, annotation_id: str, doc_id: int) -> Annotation | None:
    try:
        known = project.annotation(annotation_id, include_deleted=True)
    except ValidationError:
        return None
    if known.doc_id != doc_id:
        raise ValidationError(f"span id {annotation_id} already belongs to another document")
    return known
