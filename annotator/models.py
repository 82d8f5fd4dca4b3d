"""Plain records the core hands out: documents, annotations, events, statuses, history.

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
    suggestion_count: int = 0  # the coder's pending suggestions, beside the confirmed span_count


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
class Event:
    """A frame over spans of one document (DESIGN.md, "Events"): ``slots`` maps each filled role
    to the ids of its spans, in order. The spans are live spans of the event's own layer."""

    id: str
    doc_id: int
    coder: str
    type: str
    attrs: dict[str, Any] = field(default_factory=dict)
    slots: dict[str, tuple[str, ...]] = field(default_factory=dict)
    origin: str = "manual"
    created: str = ""
    updated: str = ""
    provenance: dict[str, Any] | None = None

    @property
    def span_ids(self) -> list[str]:
        """Every span that fills a slot, role by role, without repeats."""
        return list(dict.fromkeys(span for spans in self.slots.values() for span in spans))

    def roles_of(self, annotation_id: str) -> list[str]:
        return [role for role, spans in self.slots.items() if annotation_id in spans]


@dataclass(frozen=True)
class SlotFill:
    """One span in one slot of an event, at ``position`` among the role's spans: what deleting
    the span took out of the event, to be put back exactly by an undo."""

    event_id: str
    role: str
    position: int
    annotation_id: str


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


@dataclass(frozen=True)
class EventHistoryEntry:
    """One change to an event; ``before``/``after`` are full snapshots, slots included (None for none)."""

    id: int
    event_id: str
    doc_id: int
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    at: str
