"""The lead's view of one document: its places, the versions of each in the order keys number
them, what they differ on, and the gold spans a decision replaces.

A *place* is an :class:`~annotator.lead.adjudication.Item`: where the finished
coders' spans overlap, with the distinct versions they made and the gold spans
there. A gold span no coder made (the lead added it) is a place of its own
with no versions, so every gold span can be selected, edited or withdrawn.

House rule for decisions: a new gold span (accepted, edited or added) replaces
the gold spans of the same label it overlaps, so pressing 2 after 1 changes the
lead's mind instead of keeping both. Spans of different labels may nest.

A document's events are shown as :class:`EventFrames`: each finished coder's frames
side by side with gold's, the readings every coder made marked.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from annotator.lead import adjudication
from annotator.lead.adjudication import Item, QueueEntry, Version
from annotator.lead.event_adjudication import event_versions
from annotator.models import GOLD, Annotation, Event
from annotator.store.project import Project


@dataclass(frozen=True)
class Row:
    """One line of a place: a coder version (numbered from 1, the key that accepts it) or a gold span."""

    kind: str  # "version" | "gold"
    number: int
    version: Version | None = None
    gold: Annotation | None = None

    @property
    def _span(self) -> Version | Annotation:
        found = self.version or self.gold
        assert found is not None, "a row holds a version or a gold span"
        return found

    @property
    def label(self) -> str:
        return self._span.label

    @property
    def start(self) -> int:
        return self._span.start

    @property
    def end(self) -> int:
        return self._span.end

    @property
    def text(self) -> str:
        return self._span.text

    @property
    def attrs(self) -> dict[str, Any]:
        return self._span.attrs


def ordered_versions(item: Item) -> list[Version]:
    """The versions most coders made first (so 1 is the majority's), then in coder order."""
    order = {coder: i for i, coder in enumerate(item.coders)}
    return sorted(item.versions, key=lambda v: (-len(v.coders), min(order.get(c, 99) for c in v.coders), v.start))


def place_rows(item: Item) -> list[Row]:
    rows = [Row("version", n, version=v) for n, v in enumerate(ordered_versions(item), start=1)]
    return rows + [Row("gold", 0, gold=g) for g in item.gold]


def differences(item: Item) -> list[str]:
    """What the versions of a place differ on: ``label``, ``extent``, ``attributes``, ``missing``."""
    versions = item.versions
    out = []
    if len({v.label for v in versions}) > 1:
        out.append("label")
    if len({(v.start, v.end) for v in versions}) > 1:
        out.append("extent")
    by_place: dict[tuple[str, int, int], set[str]] = {}
    for v in versions:
        by_place.setdefault((v.label, v.start, v.end), set()).add(json.dumps(v.attrs, sort_keys=True))
    if any(len(found) > 1 for found in by_place.values()):
        out.append("attributes")
    if any(item.missing(v) for v in versions):
        out.append("missing")
    return out


def load_places(project: Project, doc_id: int, coders: Sequence[str]) -> list[Item]:
    """The items of a document, and each gold span outside every item as a place of its own."""
    found = adjudication.items(project, doc_id, coders)
    finished = adjudication.finished_in(project, doc_id, coders)
    alone = [
        Item(doc_id=doc_id, start=g.start, end=g.end, coders=finished, versions=(), gold=(g,))
        for g in project.annotations(doc_id, coder=GOLD, include_suggestions=False)
        if not any(i.start < g.end and g.start < i.end for i in found)
    ]
    return sorted(found + alone, key=lambda p: (p.start, -p.end))


def place_at(places: Sequence[Item], position: int) -> int | None:
    """The index of the place covering a code-point position (the innermost when gold spans nest)."""
    covering = [i for i, p in enumerate(places) if p.start <= position < p.end]
    return min(covering, key=lambda i: places[i].end - places[i].start) if covering else None


def replaced_gold(
    gold: Sequence[Annotation], label: str, start: int, end: int, *, keep: str | None = None
) -> list[Annotation]:
    """The gold spans a new ``label`` span over ``[start, end)`` replaces (the house rule above)."""
    return [g for g in gold if g.label == label and g.start < end and start < g.end and g.id != keep]


def gold_from(gold: Sequence[Annotation], version: Version) -> list[Annotation]:
    """The gold spans that stand for ``version``: made from its spans, or identical to it (imported)."""
    ids = set(version.annotation_ids)
    return [
        g
        for g in gold
        if ids & set((g.provenance or {}).get("sources", []))
        or (g.label, g.start, g.end, g.attrs) == (version.label, version.start, version.end, version.attrs)
    ]


@dataclass(frozen=True)
class QueueCounts:
    """The whole queue at a glance: open places, documents with some, documents in all."""

    open_places: int
    open_documents: int
    documents: int

    @property
    def settled_documents(self) -> int:
        return self.documents - self.open_documents


def queue_counts(entries: Sequence[QueueEntry]) -> QueueCounts:
    return QueueCounts(sum(e.open for e in entries), sum(1 for e in entries if e.open), len(entries))


def updated_entry(entry: QueueEntry, places: Sequence[Item]) -> QueueEntry:
    """A queue row counted afresh from a document's places just read, without asking the queue again."""
    counts = adjudication.count(places)
    return replace(entry, items=counts.places, open=counts.open, unanimous=counts.unanimous)


# --- events ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Frame:
    """One event as the lead reads it: its roles with their span texts, whether every finished
    coder made the same reading, and whether that reading is in gold."""

    event: Event
    roles: tuple[tuple[str, tuple[str, ...]], ...]
    unanimous: bool = False
    in_gold: bool = False


@dataclass(frozen=True)
class EventFrames:
    """A document's events side by side: each finished coder's, then gold's."""

    coders: tuple[tuple[str, tuple[Frame, ...]], ...]
    gold: tuple[Frame, ...]


def event_frames(project: Project, doc_id: int, finished: Sequence[str]) -> EventFrames:
    spans = {a.id: a for a in project.annotations(doc_id, include_suggestions=False)}
    versions = {event_id: v for v in event_versions(project, doc_id, finished) for event_id in v.event_ids}
    unanimous_here = len(finished) > 1

    def frame(event: Event) -> Frame:
        version = versions.get(event.id)
        return Frame(
            event=event,
            roles=tuple((role, tuple(spans[s].text for s in ids if s in spans)) for role, ids in event.slots.items()),
            unanimous=unanimous_here and version is not None and set(version.coders) == set(finished),
            in_gold=version is not None and version.state == "gold",
        )

    events = project.events(doc_id, include_suggestions=False)
    return EventFrames(
        coders=tuple((c, tuple(frame(e) for e in events if e.coder == c)) for c in finished),
        gold=tuple(frame(e) for e in events if e.coder == GOLD),
    )
