"""Which documents and which spans an export holds (``--layer``, ``--status``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from annotator.errors import ValidationError
from annotator.models import GOLD, Annotation, Document, Status
from annotator.store.project import Project


@dataclass(frozen=True)
class ExportDocument:
    """A document with the spans an export writes for it, and its status for the project's coder."""

    document: Document
    status: str
    spans: list[Annotation]


def resolve_layer(project: Project, layer: str | None, *, single: bool) -> str | None:
    """The layer to export. Training formats need one (``single``): gold if any, else the only coder."""
    coders = project.coders()
    if layer is not None:
        # gold counts once a span was ever adjudicated (all of them deleted since still names a layer)
        if layer not in coders and not (layer == GOLD and project.has_layer(GOLD)):
            hint = f"; adjudicate first (annotator adjudicate {project.path} --auto)" if layer == GOLD else ""
            raise ValidationError(f"no layer named {layer!r} in the project (layers: {', '.join(coders)}){hint}")
        return layer
    if not single:
        return None
    if GOLD in coders:
        return GOLD
    with_spans = [c for c in coders if project.has_live_spans(c)]
    if len(with_spans) <= 1:
        return with_spans[0] if with_spans else project.coder
    raise ValidationError(
        f"the project has several coders ({', '.join(with_spans)}) and no gold layer; choose one with --layer"
    )


@dataclass(frozen=True)
class Pick:
    """A document chosen for an export, before its text and spans are read.

    ``status`` is the project coder's (written into records); ``judged`` is the status by
    whoever made the exported layer, which ``--status`` filters on.
    """

    doc_id: int
    key: str
    status: str
    judged: str


class SelectedDocuments:
    """The documents of an export, read from the project each time they are walked.

    One document and its spans are in memory at a time, so an archive of any size exports
    in the memory of one article. Walking it twice reads it twice.
    """

    def __init__(self, project: Project, picks: list[Pick], *, layer: str | None, include_suggestions: bool):
        self.project = project
        self.picks = picks
        self.layer = layer
        self.include_suggestions = include_suggestions
        self._span_count: int | None = None

    def __len__(self) -> int:
        return len(self.picks)

    def __bool__(self) -> bool:
        return bool(self.picks)

    def __iter__(self) -> Iterator[ExportDocument]:
        for pick in self.picks:
            spans = self.project.annotations(pick.doc_id, coder=self.layer, include_suggestions=self.include_suggestions)
            yield ExportDocument(self.project.document(pick.doc_id), pick.status, spans)

    def keys(self) -> list[str]:
        return [pick.key for pick in self.picks]

    def subset(self, keys: Iterable[str]) -> SelectedDocuments:
        """These documents in the order of ``keys`` (a split part)."""
        by_key = {pick.key: pick for pick in self.picks}
        return SelectedDocuments(
            self.project, [by_key[key] for key in keys], layer=self.layer, include_suggestions=self.include_suggestions
        )

    def span_count(self) -> int:
        """Spans the export writes, counted by SQLite rather than by reading them; the README
        and the result both ask, and the export reads one snapshot, so it is counted once."""
        if self._span_count is None:
            self._span_count = self._count_spans()
        return self._span_count

    def _count_spans(self) -> int:
        counts = self.project.span_counts(coder=self.layer, include_suggestions=self.include_suggestions)
        return sum(counts.get(pick.doc_id, 0) for pick in self.picks)


def pick_documents(project: Project, judge: str) -> list[Pick]:
    """Every document in import order with its statuses, without reading any text."""
    own = project.statuses_of(project.coder)
    judged = own if judge == project.coder else project.statuses_of(judge)
    return [Pick(doc_id, key, own.get(doc_id, Status.NEW), judged.get(doc_id, Status.NEW)) for doc_id, key in project.document_keys()]
