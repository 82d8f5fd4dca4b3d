"""The coder's undoable edits: one :class:`~ui.operations.Operation` per core edit.

Each calls the core (which commits at once), so undo and redo are themselves
committed edits: closing the window after an undo keeps the undone state. A
deleted span is soft-deleted in the core, so undoing an add or redoing a
delete restores the very same annotation (same id).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.changes import Changes
from annotator.models import Annotation, Event
from annotator.suggest.run import resolve_covered
from ui.operations import Operation, OperationSession


class AddSpan(Operation):
    def __init__(self, session: OperationSession, doc_id: int, label: str, start: int, end: int, attrs: dict[str, Any]):
        super().__init__(session, session.tr("Add %s") % session.shown_name("label", label))
        self.doc_id = doc_id
        self.args = (label, start, end, attrs)
        self.annotation_id: str | None = None

    def forward(self, changes: Changes) -> None:
        project = self.session.project
        if self.annotation_id is None:
            label, start, end, attrs = self.args
            made = project.add_annotation(self.doc_id, label, start, end, attrs=attrs)
            self.annotation_id = made.id
        else:
            made = project.restore_annotation(self.annotation_id)
        changes.add(made)

    def backward(self, changes: Changes) -> None:
        if self.annotation_id is not None:
            changes.remove(self.session.project.delete_annotation(self.annotation_id))


class DeleteSpan(Operation):
    def __init__(self, session: OperationSession, annotation: Annotation):
        super().__init__(session, session.tr("Delete %s") % session.shown_name("label", annotation.label))
        self.annotation_id = annotation.id

    def forward(self, changes: Changes) -> None:
        changes.remove(self.session.project.delete_annotation(self.annotation_id))

    def backward(self, changes: Changes) -> None:
        changes.add(self.session.project.restore_annotation(self.annotation_id))


class UpdateSpan(Operation):
    """Change some fields of a span; undo puts the previous values back."""

    def __init__(self, session: OperationSession, before: Annotation, changes: dict[str, Any], text: str = ""):
        super().__init__(session, text or session.tr("Edit %s") % session.shown_name("label", before.label))
        self.annotation_id = before.id
        self.after = dict(changes)
        self.before = {name: getattr(before, name) for name in changes}

    def forward(self, changes: Changes) -> None:
        _update(self.session, changes, self.annotation_id, self.after)

    def backward(self, changes: Changes) -> None:
        _update(self.session, changes, self.annotation_id, self.before)


class ConfirmSpan(Operation):
    """A span the coder confirms (adds, accepts, resizes) and, in the same step, the pending
    suggestions of its label it covers rejected (``annotator.suggest.run.resolve_covered``):
    one undo brings them back with the span as it was."""

    def __init__(self, inner: AddSpan | UpdateSpan):
        super().__init__(inner.session, inner.text())
        self.inner = inner
        self.resolved: list[Annotation] | None = None

    @property
    def annotation_id(self) -> str | None:
        return self.inner.annotation_id

    def forward(self, changes: Changes) -> None:
        self.inner.forward(changes)
        project = self.session.project
        if self.resolved is None:
            self.resolved = resolve_covered(project, self.inner.annotation_id) if self.inner.annotation_id else []
            for gone in self.resolved:
                changes.remove(gone)
        else:
            for gone in self.resolved:
                changes.remove(project.reject_suggestion(gone.id))

    def backward(self, changes: Changes) -> None:
        project = self.session.project
        for gone in reversed(self.resolved or []):
            project.unreject_suggestion(gone)
            changes.add(project.annotation(gone.id))
        self.inner.backward(changes)


class RejectSuggestion(Operation):
    """Reject a pending suggestion: it goes, and is remembered so it does not come back."""

    def __init__(self, session: OperationSession, annotation: Annotation):
        super().__init__(session, session.tr("Reject suggestion"))
        self.annotation = annotation

    def forward(self, changes: Changes) -> None:
        changes.remove(self.session.project.reject_suggestion(self.annotation.id))

    def backward(self, changes: Changes) -> None:
        project = self.session.project
        project.unreject_suggestion(self.annotation)
        changes.add(project.annotation(self.annotation.id))


class BatchEdit(Operation):
    """Many spans (and events) made, changed or removed by one core call (suggest, accept all,
    tag all occurrences), undone one by one.

    ``first_run`` performs the call and returns its :class:`Changes`; redo and undo
    replay them. A call that changed nothing leaves no step.
    """

    def __init__(self, session: OperationSession, text: str, first_run: Callable[[], Changes]):
        super().__init__(session, text)
        self.first_run = first_run
        self.made: Changes | None = None

    @property
    def worth_undoing(self) -> bool:
        return bool(self.made)

    def forward(self, changes: Changes) -> None:
        project = self.session.project
        if self.made is None:
            self.made = self.first_run()
            changes.added += self.made.added
            changes.updated += self.made.updated
            changes.removed += self.made.removed
            changes.events_added += self.made.events_added
            changes.events_updated += self.made.events_updated
            changes.events_removed += self.made.events_removed
            return
        # Events go before the spans they name and come back after them.
        for event in self.made.events_removed:
            changes.remove_event(project.delete_event(event.id))
        for gone in self.made.removed:
            changes.remove(project.delete_annotation(gone.id))
        for _before, after in self.made.updated:
            _update(self.session, changes, after.id, _fields(after))
        for added in self.made.added:
            changes.add(project.restore_annotation(added.id))
        for _before, event in self.made.events_updated:
            _update_event(self.session, changes, event)
        for event in self.made.events_added:
            changes.add_event(project.restore_event(event.id))

    def backward(self, changes: Changes) -> None:
        project = self.session.project
        made = self.made or Changes()
        for event in reversed(made.events_added):
            changes.remove_event(project.delete_event(event.id))
        for before, _after in reversed(made.events_updated):
            _update_event(self.session, changes, before)
        for added in reversed(made.added):
            changes.remove(project.delete_annotation(added.id))
        for before, after in reversed(made.updated):
            _update(self.session, changes, after.id, _fields(before))
        for gone in reversed(made.removed):
            changes.add(project.restore_annotation(gone.id))
        for event in reversed(made.events_removed):
            changes.add_event(project.restore_event(event.id))


def _update(session: OperationSession, changes: Changes, annotation_id: str, fields: dict[str, Any]) -> None:
    before = session.project.annotation(annotation_id)
    changes.update(before, session.project.update_annotation(annotation_id, **fields))


def _update_event(session: OperationSession, changes: Changes, target: Event) -> None:
    """Write an event's attributes, slots and origin back as ``target`` has them."""
    now = session.project.event(target.id)
    changes.update_event(now, session.project.update_event(
        target.id, attrs=target.attrs, slots=target.slots, origin=target.origin))


def _fields(annotation: Annotation) -> dict[str, Any]:
    return {"label": annotation.label, "start": annotation.start, "end": annotation.end, "attrs": annotation.attrs,
            "origin": annotation.origin}
