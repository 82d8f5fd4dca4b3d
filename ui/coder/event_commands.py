"""The coder's undoable event edits: one :class:`~ui.operations.Operation` per core edit.

Like the span edits (``ui.coder.commands``) each commits at once. An event is
soft-deleted in the core, so undoing its creation and redoing it bring back the
same event (same id); an edit of its slots, attributes or origin is undone by
writing back the whole part it changed, so a redo after an undo is exact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.changes import Changes
from annotator.models import Annotation, Event, SlotFill
from annotator.suggest.events import accept_event_suggestion, event_suggestion_spans, revert_event_acceptance
from ui.operations import Operation, OperationSession


class AddEvent(Operation):
    def __init__(self, session: OperationSession, doc_id: int, type_name: str):
        super().__init__(session, session.tr("New %s event") % session.shown_name("event", type_name))
        self.doc_id = doc_id
        self.type_name = type_name
        self.event_id: str | None = None

    def forward(self, changes: Changes) -> None:
        project = self.session.project
        if self.event_id is None:
            made = project.add_event(self.doc_id, self.type_name)
            self.event_id = made.id
        else:
            made = project.restore_event(self.event_id)
        changes.add_event(made)

    def backward(self, changes: Changes) -> None:
        if self.event_id is not None:
            changes.remove_event(self.session.project.delete_event(self.event_id))


class DeleteEvent(Operation):
    """Delete an event (or reject a pending suggested one): its spans stay."""

    def __init__(self, session: OperationSession, event: Event, text: str = ""):
        super().__init__(session, text or session.tr("Delete %s event") % session.shown_name("event", event.type))
        self.event_id = event.id

    def forward(self, changes: Changes) -> None:
        changes.remove_event(self.session.project.delete_event(self.event_id))

    def backward(self, changes: Changes) -> None:
        changes.add_event(self.session.project.restore_event(self.event_id))


class AcceptEventSuggestion(Operation):
    """A suggested event becomes the coder's own, with the pending spans it proposes
    (:func:`annotator.suggest.events.accept_event_suggestion`); undo makes both suggestions again."""

    def __init__(self, session: OperationSession, event: Event):
        super().__init__(session, session.tr("Accept event suggestion"))
        self.before = event
        self.spans: list[Annotation] | None = None

    def forward(self, changes: Changes) -> None:
        project = self.session.project
        if self.spans is None:
            self.spans = event_suggestion_spans(project, self.before)
        with project.transaction():
            after = accept_event_suggestion(project, self.before.id)
            for span in self.spans:
                changes.update(span, project.annotation(span.id))
        changes.update_event(self.before, after)

    def backward(self, changes: Changes) -> None:
        project = self.session.project
        now = project.event(self.before.id)
        accepted = {span.id: project.annotation(span.id) for span in self.spans or []}
        after = revert_event_acceptance(project, self.before, self.spans or [])
        for span in self.spans or []:
            changes.update(accepted[span.id], project.annotation(span.id))
        changes.update_event(now, after)


class EditEvent(Operation):
    """Change an event's slots, attributes or origin. ``first_run`` makes the change with the
    core's own rule (``fill_slot`` says why a role refuses a span); redo and undo then write the
    parts that changed back whole."""

    def __init__(self, session: OperationSession, before: Event, text: str, first_run: Callable[[], Event]):
        super().__init__(session, text)
        self.before = before
        self.after: Event | None = None
        self.first_run = first_run

    @property
    def worth_undoing(self) -> bool:
        return self.after is not None and _parts(self.after) != _parts(self.before)

    def forward(self, changes: Changes) -> None:
        if self.after is None:
            self.after = self.first_run()
            if _parts(self.after) != _parts(self.before):
                changes.update_event(self.before, self.after)
            return
        self._write(changes, self.after)

    def backward(self, changes: Changes) -> None:
        self._write(changes, self.before)

    def _write(self, changes: Changes, target: Event) -> None:
        project = self.session.project
        now = project.event(target.id)
        after = project.update_event(target.id, **_parts(target))
        changes.update_event(now, after)


class DeleteSpanWithSlots(Operation):
    """Delete a span that fills slots, taking it out of them; undo brings the span back into
    the very slots and positions it left."""

    def __init__(self, session: OperationSession, annotation: Annotation):
        super().__init__(session, session.tr("Delete %s") % session.shown_name("label", annotation.label))
        self.annotation_id = annotation.id
        self.fills: list[SlotFill] = []

    def forward(self, changes: Changes) -> None:
        project = self.session.project
        before = {e.id: e for e in (project.event(i) for i in _event_ids(project.slots_filled_by(self.annotation_id)))}
        annotation, self.fills = project.delete_annotation_detaching(self.annotation_id)
        for event_id, event in before.items():
            changes.update_event(event, project.event(event_id))
        changes.remove(annotation)

    def backward(self, changes: Changes) -> None:
        project = self.session.project
        before = {i: project.event(i) for i in _event_ids(self.fills)}
        changes.add(project.restore_annotation(self.annotation_id, reattach=self.fills))
        for event_id, event in before.items():
            changes.update_event(event, project.event(event_id))


def _parts(event: Event) -> dict[str, Any]:
    return {"attrs": event.attrs, "slots": event.slots, "origin": event.origin}


def _event_ids(fills: list[SlotFill]) -> list[str]:
    return list(dict.fromkeys(fill.event_id for fill in fills))
