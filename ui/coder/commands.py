"""Undoable edits: one ``QUndoCommand`` per core edit.

Each command calls the core (which commits at once) through the session, so
undo and redo are themselves committed edits: closing the window after an undo
keeps the undone state. A deleted span is soft-deleted in the core, so undoing
an add or redoing a delete restores the very same annotation (same id).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from annotator.models import Annotation
    from ui.coder.session import EditSession


class CoreCommand(QUndoCommand):
    """A command whose first run happens before it is pushed.

    ``QUndoStack.push`` calls ``redo`` and cannot report a failure; the session
    calls :meth:`apply` first (a refused edit raises and is never pushed), and
    the redo that ``push`` makes right after is skipped. Subclasses define
    ``forward`` (do the edit) and ``backward`` (revert it).
    """

    def __init__(self, text: str):
        super().__init__(text)
        self._pushed = False

    def apply(self) -> None:
        self.forward()  # type: ignore[attr-defined]

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # already applied by the session before push
            return
        self.forward()  # type: ignore[attr-defined]

    def undo(self) -> None:
        self.backward()  # type: ignore[attr-defined]


class AddSpan(CoreCommand):
    def __init__(self, session: EditSession, doc_id: int, label: str, start: int, end: int, attrs: dict[str, Any]):
        super().__init__(session.tr("Add %s") % label)
        self.session, self.doc_id = session, doc_id
        self.args = (label, start, end, attrs)
        self.annotation_id: str | None = None

    def forward(self) -> None:
        if self.annotation_id is None:
            label, start, end, attrs = self.args
            self.annotation_id = self.session.core_add(self.doc_id, label, start, end, attrs).id
        else:
            self.session.core_restore(self.annotation_id)

    def backward(self) -> None:
        if self.annotation_id is not None:
            self.session.core_delete(self.annotation_id)


class DeleteSpan(CoreCommand):
    def __init__(self, session: EditSession, annotation: Annotation):
        super().__init__(session.tr("Delete %s") % annotation.label)
        self.session, self.annotation_id = session, annotation.id

    def forward(self) -> None:
        self.session.core_delete(self.annotation_id)

    def backward(self) -> None:
        self.session.core_restore(self.annotation_id)


class UpdateSpan(CoreCommand):
    """Change some fields of a span; undo puts the previous values back."""

    def __init__(self, session: EditSession, before: Annotation, changes: dict[str, Any], text: str = ""):
        super().__init__(text or session.tr("Edit %s") % before.label)
        self.session, self.annotation_id = session, before.id
        self.after = dict(changes)
        self.before = {name: getattr(before, name) for name in changes}

    def forward(self) -> None:
        self.session.core_update(self.annotation_id, self.after)

    def backward(self) -> None:
        self.session.core_update(self.annotation_id, self.before)


class RejectSuggestion(CoreCommand):
    """Reject a pending suggestion: it goes, and is remembered so it does not come back."""

    def __init__(self, session: EditSession, annotation: Annotation):
        super().__init__(session.tr("Reject suggestion"))
        self.session, self.annotation = session, annotation

    def forward(self) -> None:
        self.session.core_reject(self.annotation.id)

    def backward(self) -> None:
        self.session.core_unreject(self.annotation)


class BatchEdit(CoreCommand):
    """Many spans changed by one core call (accept all, tag all occurrences), undone span by span.

    ``first_run`` performs the call and returns ``(before, after)`` pairs; ``before``
    is None for a span the call created.
    """

    def __init__(self, session: EditSession, text: str, first_run: Callable[[], list[tuple[Annotation | None, Annotation]]]):
        super().__init__(text)
        self.session, self.first_run = session, first_run
        self.pairs: list[tuple[Annotation | None, Annotation]] | None = None

    def forward(self) -> None:
        if self.pairs is None:
            self.pairs = self.first_run()
            self.session.arrived_many(self.pairs)
            return
        for before, after in self.pairs:
            if before is None:
                self.session.core_restore(after.id)
            else:
                self.session.core_update(after.id, _fields(after))

    def backward(self) -> None:
        for before, after in reversed(self.pairs or []):
            if before is None:
                self.session.core_delete(after.id)
            else:
                self.session.core_update(after.id, _fields(before))


def _fields(annotation: Annotation) -> dict[str, Any]:
    return {"label": annotation.label, "start": annotation.start, "end": annotation.end, "attrs": annotation.attrs,
            "origin": annotation.origin}
