"""The coder's session: the open project, the current document, its spans and events.

Views never call the core to change something: they ask the session, which
builds an operation (``ui.coder.commands``) and runs it on the one path of
``ui.operations``; the change set that comes back keeps :attr:`EditSession.spans`
and :attr:`EditSession.events` in step and tells every view exactly what changed,
so no view re-reads the world after a small edit.

The current event is the one the role keys fill ("event mode"): starting an
event, choosing one in the event panel or stepping to one makes it current;
leaving it (Esc) gives the keys back to the labels.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator.changes import Changes
from annotator.models import Annotation, Document, Event, Origin, SlotFill, Status
from annotator.spans import prefilled_attributes, selected_span, toggled_proclitic
from annotator.store.project import Project
from annotator.text import resize_span
from ui.coder.commands import AddSpan, ConfirmSpan, DeleteSpan, UpdateSpan
from ui.coder.event_commands import AcceptEventSuggestion, AddEvent, DeleteEvent, DeleteSpanWithSlots, EditEvent
from ui.operations import OperationSession


class EditSession(OperationSession):
    document_changed = Signal(object)  # Document | None
    span_selected = Signal(object)  # str | None
    status_changed = Signal(int)  # document id; from each change set, for views that show statuses
    event_selected = Signal(object)  # str | None: the current event, whose roles the role keys fill

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(project, parent)
        self.document: Document | None = None
        self.spans: dict[str, Annotation] = {}
        self.selected_id: str | None = None
        self.events: dict[str, Event] = {}
        self.current_event_id: str | None = None
        self.first_visit = False  # the open document had never been opened before

    # --- documents ------------------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        if self.document is not None and self.document.id == doc_id:
            return
        document = self.project.document(doc_id)
        self.document = document
        self.spans = {a.id: a for a in self.project.annotations(doc_id, coder=self.project.coder)}
        self.events = {e.id: e for e in self.project.events(doc_id, coder=self.project.coder)}
        self.selected_id = None
        self.current_event_id = None
        self.first_visit = self.project.status(doc_id).status == Status.NEW
        if self.first_visit and not self.project.readonly:
            self.set_status(Status.IN_PROGRESS, doc_id=doc_id)
        self.document_changed.emit(document)

    def set_status(
        self,
        status: str | None = None,
        *,
        flagged: bool | None = None,
        comment: str | None = None,
        doc_id: int | None = None,
    ) -> bool:
        """Status, flag or comment of a document (default: the open one); committed at once, not undone."""
        if doc_id is None:
            if self.document is None:
                return False
            doc_id = self.document.id
        target = doc_id

        def action(changes: Changes) -> None:
            self.project.set_status(target, status, flagged=flagged, comment=comment)
            changes.status(target)

        return self.perform(action)

    # --- edits the views ask for ----------------------------------------------------------

    def add_span(
        self, label: str, start: int, end: int, *, at_cursor: bool = False, attrs: dict[str, Any] | None = None
    ) -> Annotation | None:
        """Tag the selection ``[start, end)`` (code points) with ``label`` (``annotator.spans.selected_span``:
        whole words, the word at the cursor when ``at_cursor``, a proclitic left out only before a name the
        project knows; :meth:`toggle_proclitic` is the coder's key for every other case)."""
        if self.document is None:
            return None
        text = self.document.text
        found = selected_span(text, start, end, at_cursor=at_cursor, known_names=self.project.known_names(label))
        if found is None:
            return None
        start, end = found
        duplicate = next((a for a in self.spans.values() if (a.label, a.start, a.end) == (label, start, end)), None)
        if duplicate is not None and duplicate.origin != Origin.SUGGESTED:
            self.select(duplicate.id)
            return duplicate
        prefill = prefilled_attributes(self.project.codebook, label, text, start, end)
        suggestion = duplicate or next(
            (a for a in self.spans.values() if (a.start, a.end) == (start, end) and a.origin == Origin.SUGGESTED), None
        )
        if suggestion is not None:
            # Tagging where a suggestion lies takes the suggestion: same span, the coder's label.
            kept = suggestion.attrs if suggestion.label == label else prefill
            self.update_span(suggestion.id, self.tr("Accept suggestion"), label=label, origin=Origin.MANUAL,
                             attrs={**kept, **(attrs or {})})
            self.select(suggestion.id)
            return self.spans.get(suggestion.id)
        command = ConfirmSpan(AddSpan(self, self.document.id, label, start, end, {**prefill, **(attrs or {})}))
        if self.run(command) and command.annotation_id:
            self.select(command.annotation_id)
            return self.spans.get(command.annotation_id)
        return None

    def delete_span(self, annotation_id: str, *, with_slots: bool = False) -> None:
        """Delete a span; one that fills slots only ``with_slots`` (it leaves them, and undo puts it
        back): otherwise the core refuses, naming the events (the window asks first)."""
        annotation = self.spans.get(annotation_id)
        if annotation is None:
            return
        following = self._following(annotation, suggestions=annotation.origin == Origin.SUGGESTED)
        if self.run(DeleteSpanWithSlots(self, annotation) if with_slots else DeleteSpan(self, annotation)):
            # The next span of the same kind: a second Delete must not reject a suggestion.
            self.select(following.id if following else None)

    def fills(self, annotation_id: str) -> list[SlotFill]:
        """The slots of the open document's events that the span fills."""
        return [
            SlotFill(event.id, role, spans.index(annotation_id), annotation_id)
            for event in self.events.values()
            for role, spans in event.slots.items()
            if annotation_id in spans
        ]

    def relabel(self, annotation_id: str, label: str) -> None:
        """Another label for a span; it keeps the attributes the new label also has (``Label.carried_attributes``)."""
        annotation = self.spans.get(annotation_id)
        if annotation is None or annotation.label == label:
            return
        attrs = self.project.codebook.label(label).carried_attributes(annotation.attrs)
        self.update_span(annotation_id, self.tr("Relabel"), label=label, attrs=attrs)

    def toggle_proclitic(self, annotation_id: str) -> None:
        """Leave the leading proclitic out of the span, or put it back (و|الباغوز ↔ والباغوز);
        with two readings (وب|القرب or و|بغداد) each press takes the next one."""
        span = self.spans.get(annotation_id)
        if span is None or self.document is None:
            return
        new_start = toggled_proclitic(self.document.text, span.start, span.end)
        if new_start is not None:
            self.update_span(annotation_id, self.tr("Proclitic"), start=new_start)

    def move_edge(self, annotation_id: str, edge: str, unit: str, direction: int) -> None:
        span = self.spans.get(annotation_id)
        if span is None or self.document is None:
            return
        start, end = resize_span(self.document.text, span.start, span.end, edge, unit, direction)
        self.update_span(annotation_id, self.tr("Resize"), start=start, end=end)

    def step(self, direction: int, *, suggestions: bool = False) -> None:
        """Select the next (+1) or previous (-1) confirmed span in reading order, wrapping around;
        ``suggestions``: the next or previous pending suggestion instead."""
        ordered = self._ordered(suggestions=suggestions)
        if not ordered:
            return
        ids = [a.id for a in ordered]
        selected = self.selected
        if self.selected_id in ids:
            index = (ids.index(self.selected_id) + direction) % len(ids)
        elif selected is not None:
            # From a span of the other kind: the nearest one in reading order in that direction.
            key = _order(selected)
            after = [i for i, a in enumerate(ordered) if (_order(a) > key if direction > 0 else _order(a) < key)]
            index = (after[0] if direction > 0 else after[-1]) if after else (0 if direction > 0 else len(ids) - 1)
        else:
            index = 0 if direction > 0 else len(ids) - 1
        self.select(ids[index])

    def _ordered(self, *, suggestions: bool) -> list[Annotation]:
        """The confirmed spans, or the pending suggestions, in reading order."""
        return sorted((a for a in self.spans.values() if (a.origin == Origin.SUGGESTED) == suggestions), key=_order)

    def _following(self, annotation: Annotation, *, suggestions: bool) -> Annotation | None:
        """The span of the kind asked after ``annotation`` in reading order (wrapping), not itself."""
        others = [a for a in self._ordered(suggestions=suggestions) if a.id != annotation.id]
        key = _order(annotation)
        return next((a for a in others if _order(a) > key), others[0] if others else None)

    def next_suggestion_after(self, annotation: Annotation) -> Annotation | None:
        """The pending suggestion to show once ``annotation`` is settled, so Enter, Enter, X walks the queue."""
        return self._following(annotation, suggestions=True)

    def update_span(self, annotation_id: str, text: str = "", **changes: Any) -> None:
        before = self.spans.get(annotation_id)
        if before is None:
            return
        changes = {k: v for k, v in changes.items() if getattr(before, k) != v}
        if not changes:
            return
        command = UpdateSpan(self, before, changes, text)
        # A span that takes a new extent, label or origin may now cover suggestions it settles.
        self.run(ConfirmSpan(command) if changes.keys() & {"label", "start", "end", "origin"} else command)

    def select(self, annotation_id: str | None) -> None:
        if annotation_id is not None and annotation_id not in self.spans:
            annotation_id = None
        if annotation_id != self.selected_id:
            self.selected_id = annotation_id
            self.span_selected.emit(annotation_id)

    @property
    def selected(self) -> Annotation | None:
        return self.spans.get(self.selected_id) if self.selected_id else None

    # --- events ------------------------------------------------------------------------------

    def start_event(self, type_name: str) -> Event | None:
        """A new, empty event of ``type_name`` in the open document, made current."""
        if self.document is None:
            return None
        command = AddEvent(self, self.document.id, type_name)
        if self.run(command) and command.event_id:
            self.select_event(command.event_id)
            return self.events.get(command.event_id)
        return None

    def fill_role(self, role: str, event_id: str | None = None, annotation_id: str | None = None) -> None:
        """Put the selected span in ``role`` of the current event; a span already there leaves it
        (the same key again undoes a slip)."""
        event = self.events.get(event_id or self.current_event_id or "")
        span_id = annotation_id or self.selected_id
        if event is None or span_id is None:
            return
        project = self.project
        if span_id in event.slots.get(role, ()):
            self.run(EditEvent(self, event, self.tr("Clear %s") % role,
                               lambda: project.clear_slot(event.id, role, span_id)))
        else:
            self.run(EditEvent(self, event, self.tr("Fill %s") % role,
                               lambda: project.fill_slot(event.id, role, span_id)))

    def set_event_attrs(self, event_id: str, attrs: dict[str, Any]) -> None:
        event = self.events.get(event_id)
        if event is not None and event.attrs != attrs:
            self.run(EditEvent(self, event, self.tr("Edit %s event") % event.type,
                               lambda: self.project.update_event(event_id, attrs=attrs)))

    def delete_event(self, event_id: str) -> None:
        event = self.events.get(event_id)
        if event is not None:
            self.run(DeleteEvent(self, event))

    def accept_event(self, event_id: str) -> None:
        """A pending suggested event becomes the coder's own."""
        event = self.events.get(event_id)
        if event is not None and event.origin == Origin.SUGGESTED:
            self.run(AcceptEventSuggestion(self, event))

    def reject_event(self, event_id: str) -> None:
        event = self.events.get(event_id)
        if event is not None and event.origin == Origin.SUGGESTED:
            self.run(DeleteEvent(self, event, self.tr("Reject event suggestion")))

    def select_event(self, event_id: str | None) -> None:
        if event_id is not None and event_id not in self.events:
            event_id = None
        if event_id != self.current_event_id:
            self.current_event_id = event_id
            self.event_selected.emit(event_id)

    def step_event(self, direction: int) -> None:
        """Make the next (+1) or previous (-1) event current, in the order made, wrapping around."""
        ids = list(self.events)
        if not ids:
            return
        if self.current_event_id in ids:
            index = (ids.index(self.current_event_id) + direction) % len(ids)
        else:
            index = 0 if direction > 0 else len(ids) - 1
        self.select_event(ids[index])

    @property
    def current_event(self) -> Event | None:
        return self.events.get(self.current_event_id) if self.current_event_id else None

    # --- the one path's hook --------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """Keep :attr:`spans` in step; undo of an edit made in another document first brings that
        document back (its spans are then read as they are now)."""
        touched = changes.touched
        if touched and (self.document is None or self.document.id != touched[0]):
            self.open_document(touched[0])
        for annotation in changes.removed:
            self.spans.pop(annotation.id, None)
            if self.selected_id == annotation.id:
                self.select(None)
        for annotation in changes.added:
            self.spans[annotation.id] = annotation
        for _before, after in changes.updated:
            self.spans[after.id] = after
        for event in changes.events_removed:
            self.events.pop(event.id, None)
            if self.current_event_id == event.id:
                self.select_event(None)
        for event in changes.events_added:
            self.events[event.id] = event
        for _before, event in changes.events_updated:
            self.events[event.id] = event
        self.events = dict(sorted(self.events.items(), key=lambda item: item[0]))

    def publish(self, changes: Changes) -> None:
        super().publish(changes)
        for doc_id in changes.statuses:
            self.status_changed.emit(doc_id)


def _order(annotation: Annotation) -> tuple[int, int, str]:
    return (annotation.start, annotation.end, annotation.id)
