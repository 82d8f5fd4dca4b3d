"""Which documents and which spans an export holds (``--layer``, ``--status``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from annotator.errors import ValidationError
from annotator.models import GOLD, STATUSES, Annotation, Document
from annotator.project import Project


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
        if layer not in coders and layer != GOLD:
            raise ValidationError(f"no layer named {layer!r} in the project (layers: {', '.join(coders)})")
        return layer
    if not single:
        return None
    if GOLD in coders:
        return GOLD
    with_spans = [c for c in coders if project.conn.execute(
        "SELECT 1 FROM annotations WHERE coder = ? AND deleted = 0 LIMIT 1", (c,)).fetchone()]
    if len(with_spans) <= 1:
        return with_spans[0] if with_spans else project.coder
    raise ValidationError(
        f"the project has several coders ({', '.join(with_spans)}) and no gold layer; choose one with --layer"
    )


def select_documents(
    project: Project,
    *,
    layer: str | None,
    status: str | None,
    include_suggestions: bool = False,
) -> Iterator[ExportDocument]:
    """Documents in import order, filtered by the project coder's status, with their spans."""
    if status is not None and status not in STATUSES:
        raise ValidationError(f"unknown status {status!r} (use {', '.join(STATUSES)})")
    status_of = dict(
        project.conn.execute("SELECT doc_id, status FROM document_status WHERE coder = ?", (project.coder,)).fetchall()
    )
    for doc_id in project.document_ids():
        doc_status = status_of.get(doc_id, "new")
        if status is not None and doc_status != status:
            continue
        spans = project.annotations(doc_id, coder=layer, include_suggestions=include_suggestions)
        yield ExportDocument(project.document(doc_id), doc_status, spans)
