"""Metadata that lets Datasette (https://docs.datasette.io/en/stable/metadata.html) show a
project file to a lead in a browser: each table and column described, facets on label,
status and coder, the search index's tables hidden, and canned queries for the questions a
lead asks (spans per label, documents by status, where merged coders disagree).

It lives beside the schema it describes, and is written to its own file rather than into
the project: a project holding anything but our tables is refused, so nothing is added to it.
Datasette should open the project read-only: ``datasette -i coder.db -m metadata.json``
(``-i``, immutable, opens the file without locking it and never writes to it).
"""

from __future__ import annotations

from typing import Any

from annotator.codebook import Codebook

# A document a coder never opened has no status row: it is new.
_STATUS_COUNTS = """\
SELECT c.coder, coalesce(s.status, 'new') AS status, count(*) AS documents
FROM documents d
CROSS JOIN (SELECT DISTINCT coder FROM document_status
            UNION SELECT value FROM meta WHERE key = 'coder') c
LEFT JOIN document_status s ON s.doc_id = d.id AND s.coder = c.coder
GROUP BY c.coder, coalesce(s.status, 'new')
ORDER BY c.coder, status"""

_DOCUMENTS_BY_STATUS = """\
SELECT d.key AS document, d.title, c.coder, coalesce(s.status, 'new') AS status,
       coalesce(s.flagged, 0) AS flagged, coalesce(s.comment, '') AS comment, s.updated
FROM documents d
CROSS JOIN (SELECT DISTINCT coder FROM document_status
            UNION SELECT value FROM meta WHERE key = 'coder') c
LEFT JOIN document_status s ON s.doc_id = d.id AND s.coder = c.coder
WHERE coalesce(s.status, 'new') = :status
ORDER BY c.coder, d.id"""

_SPANS_PER_LABEL = """\
SELECT coder, label, count(*) AS spans, count(DISTINCT doc_id) AS documents
FROM annotations
WHERE deleted = 0
GROUP BY coder, label
ORDER BY coder, label"""

# In a merged file, a coder layer is one merge_sources names; a document counts for the coders
# who marked it done. A span (label and offsets) some of them made and the others did not is a
# disagreement; coders who did not finish the document are not counted against it.
_DISAGREEMENTS = """\
WITH judged AS (
  SELECT doc_id, coder FROM document_status
  WHERE status = 'done' AND coder IN (SELECT coder FROM merge_sources)
), marks AS (
  SELECT a.doc_id, a.label, a."start", a."end", a.text, a.coder
  FROM annotations a JOIN judged j ON j.doc_id = a.doc_id AND j.coder = a.coder
  WHERE a.deleted = 0 AND a.origin != 'suggested'
), grouped AS (
  SELECT doc_id, label, "start", "end", text, group_concat(coder, ', ') AS marked_by,
         count(DISTINCT coder) AS coders
  FROM marks GROUP BY doc_id, label, "start", "end"
)
SELECT d.key AS document, d.title, g.label, g."start", g."end", g.text, g.marked_by,
       (SELECT group_concat(j.coder, ', ') FROM judged j
        WHERE j.doc_id = g.doc_id
          AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.doc_id = g.doc_id AND m.coder = j.coder
                          AND m.label = g.label AND m."start" = g."start" AND m."end" = g."end")) AS not_by
FROM grouped g JOIN documents d ON d.id = g.doc_id
WHERE g.coders < (SELECT count(*) FROM judged j WHERE j.doc_id = g.doc_id)
ORDER BY d.id, g."start", g.label"""

_DOCUMENT_SPANS = """\
SELECT a.coder, a.label, a."start", a."end", a.text, a.attrs, a.origin
FROM annotations a JOIN documents d ON d.id = a.doc_id
WHERE d.key = :document AND a.deleted = 0
ORDER BY a."start", a.coder"""

_CASUALTY_FIGURES = """\
SELECT d.key AS document, a.coder, a.text,
       json_extract(a.attrs, '$.value') AS value, json_extract(a.attrs, '$.status') AS status,
       json_extract(a.attrs, '$.victims') AS victims, json_extract(a.attrs, '$.qualifier') AS qualifier
FROM annotations a JOIN documents d ON d.id = a.doc_id
WHERE a.label = 'CASUALTY' AND a.deleted = 0
ORDER BY d.id, a."start"
"""

QUERIES: dict[str, dict[str, str]] = {
    "spans_per_label": {
        "title": "Spans per label",
        "description": "Live spans of each label in each layer (coder, or gold), and in how many documents.",
        "sql": _SPANS_PER_LABEL,
    },
    "status_counts": {
        "title": "Documents by status",
        "description": "How many documents each coder has new, in progress, done and skipped.",
        "sql": _STATUS_COUNTS,
    },
    "documents_by_status": {
        "title": "Documents with a status",
        "description": "The documents with one status (new, in_progress, done, skipped), per coder.",
        "sql": _DOCUMENTS_BY_STATUS,
    },
    "disagreements": {
        "title": "Disagreements between coders",
        "description": (
            "In a merged file: each span (label and offsets) that some coders who marked the document done "
            "made and others did not. Empty in a coder's own file."
        ),
        "sql": _DISAGREEMENTS,
    },
    "document_spans": {
        "title": "Spans of one document",
        "description": "Every live span of the document with this id, in reading order, in every layer.",
        "sql": _DOCUMENT_SPANS,
    },
    "casualty_figures": {
        "title": "Casualty figures",
        "description": "Every CASUALTY span with its value, status, victims and qualifier.",
        "sql": _CASUALTY_FIGURES,
    },
}

_HIDDEN = ("signatures", "bands", "search", "search_data", "search_idx", "search_docsize", "search_config", "meta")


def _tables(codebook: Codebook) -> dict[str, dict[str, Any]]:
    labels = ", ".join(codebook.label_names)
    return {
        "documents": {
            "description": "One row per article: its text and metadata. Offsets of spans index `text`.",
            "label_column": "key",
            "facets": ["source"],
            "columns": {
                "key": "The document's id (used by every command and export).",
                "title": "Title or headline.",
                "text": "The stored text; span offsets are Unicode code points into it.",
                "source": "Where it came from (file name or outlet).",
                "url": "Its address, when known.",
                "date": "Publication date as given.",
                "meta": "Other metadata, as JSON.",
                "sha256": "Hash of the text; the same text has the same hash in every project.",
                "imported_at": "When it was imported (UTC).",
            },
        },
        "annotations": {
            "title": "spans",
            "description": f"One row per span. Labels: {labels}. Deleted spans stay with deleted = 1 (the history).",
            "facets": ["label", "coder", "origin", "deleted"],
            "columns": {
                "id": "The span's id, stable across exports and merges.",
                "doc_id": "Its document.",
                "coder": "The layer: the coder who made it, or gold (adjudicated).",
                "label": f"The label ({labels}).",
                "start": "First character (code points).",
                "end": "One past the last character.",
                "text": "The words of the span.",
                "attrs": "Attributes as JSON (value, status, victims for CASUALTY; role, kind for ACTOR ...).",
                "origin": "manual, suggested (pending), imported or adjudicated.",
                "provenance": "For gold spans: which coder spans the decision came from.",
                "deleted": "1 when deleted (kept for the history and restore).",
            },
        },
        "document_status": {
            "description": "Each coder's progress on each document; a document without a row is new.",
            "facets": ["status", "coder", "flagged"],
            "columns": {
                "status": "new, in_progress, done or skipped.",
                "flagged": "1 when the coder flagged it for the lead.",
                "comment": "The coder's note on the document.",
            },
        },
        "labels": {
            "description": "The codebook's labels, with their attributes as JSON.",
            "columns": {"attributes": "Each attribute's name, type and choices, as JSON."},
        },
        "events": {
            "description": "Events: frames over spans of one document (their spans in event_slots).",
            "facets": ["type", "coder", "origin"],
        },
        "event_slots": {"description": "Which spans fill each role of an event, in order.", "facets": ["role"]},
        "history": {"description": "Every change of a span, with the span before and after, as JSON."},
        "event_history": {"description": "Every change of an event, before and after, as JSON."},
        "duplicates": {"description": "Near-duplicate document pairs found at import, with their similarity."},
        "rejected_suggestions": {"description": "Suggestions a coder rejected, so they are not proposed again."},
        "merge_sources": {"description": "In a merged file: the coder file each layer came from."},
        "rejections": {"description": "In a merged file: coder spans the lead kept out of gold."},
        **{name: {"hidden": True} for name in _HIDDEN},
    }


def datasette_metadata(database: str, *, title: str, codebook: Codebook) -> dict[str, Any]:
    """The metadata for a project Datasette names ``database`` (its file name without ``.db``)."""
    return {
        "title": title,
        "description": (
            "An annotation project of the Arabic event annotator, read-only. Facets: label, status, coder. "
            "Canned queries: spans per label, documents by status, disagreements between coders."
        ),
        "databases": {
            database: {
                "description": f"Codebook {codebook.name}: labels {', '.join(codebook.label_names)}.",
                "tables": _tables(codebook),
                "queries": QUERIES,
            }
        },
    }
