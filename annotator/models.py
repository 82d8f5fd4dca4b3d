"""Plain records the core hands out: documents, annotations, statuses, history.

They are copies, not live rows: changing one changes nothing in the project;
call a :class:`annotator.store.project.Project` method for that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """A document's state for one coder. Members are the strings stored and exported."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


class Origin(StrEnum):
    """Where an annotation came from. Members are the strings stored and exported."""

    MANUAL = "manual"
    SUGGESTED = "suggested"
    IMPORTED = "imported"
    ADJUDICATED = "adjudicated"


# Plain strings, in workflow order: for messages, command-line choices and membership tests.
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
ORIGINS: tuple[str, ...] = tuple(o.value for o in Origin)
GOLD = "gold"


@dataclass(frozen=True)
class Document:
    """A document as stored; ``text`` is the canonical text all offsets index."""

    id: int
    key: str
    title: str
    text: str
    sha256: str
    source: str = ""
    url: str = ""
    date: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    imported_at: str = ""


@dataclass(frozen=True)
class DocumentSummary:
    """One row of a document list: enough for a queue, without the text."""

    id: int
    key: str
    title: str
    status: str
    flagged: bool
    span_count: int
    duplicate_of: str | None = None
    comment: str = ""


@dataclass(frozen=True)
class Annotation:
    """A span ``[start, end)`` in code points of its document's stored text."""

    id: str
    doc_id: int
    coder: str
    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    origin: str = Origin.MANUAL
    created: str = ""
    updated: str = ""
    provenance: dict[str, Any] | None = None


@dataclass(frozen=True)
class DocumentStatus:
    doc_id: int
    coder: str
    status: str = Status.NEW
    flagged: bool = False
    comment: str = ""
    updated: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    """One change to an annotation; ``before``/``after`` are full snapshots (None for none)."""

    id: int
    annotation_id: str
    doc_id: int
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    at: str
