"""The one path every change of both windows takes (STYLE.md: "one path for every change").

In the spirit of Anki's ``CollectionOp``: a view asks its session for an edit;
the session builds an :class:`Operation` (a core call and its inverse) and
:meth:`OperationSession.run` performs it: the core commits it at once, the
operation goes on the undo stack, and one :class:`~annotator.changes.Changes`
goes out on the ``changed`` signal, so each view decides what to refresh.
Undo and redo take the same path, and so do edits that are not undone
(a document's status): :meth:`OperationSession.perform`.

A user's problem (:class:`AnnotatorError`: a rule of the project, a locked or
read-only file; an SQLite error) becomes the ``error`` signal with a message
fit to show; any other exception is a bug and propagates.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.changes import Changes
from annotator.errors import user_facing
from annotator.store.project import Project
from ui.i18n import interface_language

Action = Callable[[Changes], None]


class Operation(QUndoCommand):
    """An undoable core edit: ``forward`` does it, ``backward`` reverts it; each notes in the given
    :class:`Changes` what it changed, as it goes, so a step that fails halfway still reports the
    part that was made.

    The first run happens before the push (``QUndoStack.push`` calls ``redo`` and
    cannot report a failure): a refused edit is never pushed, and the redo that
    ``push`` makes right after is skipped.
    """

    def __init__(self, session: OperationSession, text: str):
        super().__init__(text)
        self.session = session
        self._pushed = False

    # Each operation defines both (a class without them is refused when it is written):
    forward: Action  # do the edit, noting in the Changes what it changed
    backward: Action  # revert it, likewise

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        missing = [name for name in ("forward", "backward") if not callable(getattr(cls, name, None))]
        if missing:
            raise TypeError(f"{cls.__name__} is an Operation without {' and '.join(missing)}")

    @property
    def worth_undoing(self) -> bool:
        """False when the first run changed nothing: no empty step on the stack."""
        return True

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # already performed by OperationSession.run
            return
        self.session.perform(self.forward)

    def undo(self) -> None:
        self.session.perform(self.backward)


class OperationSession(QObject):
    """What the coder's and the lead's sessions share: the project, the undo stack, the one guard
    and the one change signal. Subclasses keep their own state in step in :meth:`apply_changes`."""

    changed = Signal(object)  # Changes, after every edit, undo and redo
    error = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)

    def run(self, operation: Operation) -> bool:
        """Perform ``operation`` and put it on the undo stack; False (and the ``error`` signal) if refused."""
        if not self.perform(operation.forward):
            return False
        if operation.worth_undoing:
            self.undo_stack.push(operation)
        return True

    def perform(self, action: Action) -> bool:
        """Run ``action`` under the one guard, then tell the views what it changed (even when it
        stopped halfway: what was made is in the project)."""
        changes = Changes()
        try:
            action(changes)
        except Exception as exc:
            problem = user_facing(exc, self.project.path)
            if problem is None:
                raise  # a bug, not the user's problem
            self.publish(changes)
            self.error.emit(str(problem))
            return False
        self.publish(changes)
        return True

    def shown_name(self, kind: str, name: str) -> str:
        """A label's or event type's name as the window shows it (undo texts: "Undo Add هجوم")."""
        return self.project.codebook.display(kind, name, interface_language())

    def publish(self, changes: Changes) -> None:
        if changes:
            self.apply_changes(changes)
            self.changed.emit(changes)

    def apply_changes(self, changes: Changes) -> None:
        """Bring the session's own copy of the project in step before the views hear of it."""

