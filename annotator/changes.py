"""What one edit changed, as plain data, so each view of the project refreshes only that.

An edit (done, undone or redone) fills one :class:`Changes` as it calls the
core; the window hands it to every view, and a view that shows none of it does
nothing (STYLE.md: "one path for every change", after Anki's ``OpChanges``).
It names spans by value, never by live row: the core's records are copies.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.models import Annotation, Event


@dataclass
class Changes:
    """Spans added, updated (before, after) and removed; documents whose status changed or whose
    spans changed some other way (a decision of the lead); ``everything`` when a whole-project run
    may have changed any document. ``position`` is where in its document the edit was made
    (code points), so undo can show that place again. Events are named the same way, apart
    from spans: a span deleted with its slots names the span removed and the events updated."""

    added: list[Annotation] = field(default_factory=list)
    updated: list[tuple[Annotation, Annotation]] = field(default_factory=list)
    removed: list[Annotation] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    everything: bool = False
    position: int | None = None
    events_added: list[Event] = field(default_factory=list)
    events_updated: list[tuple[Event, Event]] = field(default_factory=list)
    events_removed: list[Event] = field(default_factory=list)

    def add(self, annotation: Annotation) -> None:
        self.added.append(annotation)

    def update(self, before: Annotation, after: Annotation) -> None:
        self.updated.append((before, after))

    def remove(self, annotation: Annotation) -> None:
        self.removed.append(annotation)

    def add_event(self, event: Event) -> None:
        self.events_added.append(event)

    def update_event(self, before: Event, after: Event) -> None:
        self.events_updated.append((before, after))

    def remove_event(self, event: Event) -> None:
        self.events_removed.append(event)

    def status(self, doc_id: int) -> None:
        if doc_id not in self.statuses:
            self.statuses.append(doc_id)

    def touch(self, doc_id: int) -> None:
        if doc_id not in self.documents:
            self.documents.append(doc_id)

    @property
    def spans(self) -> list[Annotation]:
        """Every span named, as it is now (the after side of an update)."""
        return [*self.added, *(after for _, after in self.updated), *self.removed]

    @property
    def events(self) -> list[Event]:
        """Every event named, as it is now (the after side of an update)."""
        return [*self.events_added, *(after for _, after in self.events_updated), *self.events_removed]

    @property
    def touched(self) -> list[int]:
        """Documents whose spans or events changed, in the order the edit met them."""
        out: list[int] = []
        for doc_id in [*(a.doc_id for a in self.spans), *(e.doc_id for e in self.events), *self.documents]:
            if doc_id not in out:
                out.append(doc_id)
        return out

    def __bool__(self) -> bool:
        return bool(
            self.added or self.updated or self.removed or self.statuses or self.documents or self.everything
            or self.events_added or self.events_updated or self.events_removed
        )
