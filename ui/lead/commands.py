"""Undoable adjudication decisions: one :class:`~ui.operations.Operation` per decision of the lead.

A decision is a short list of *steps*, each one call of the core's adjudication
API with its documented inverse (``annotator.lead.adjudication``):

- :class:`NewGold`: ``accept`` / ``edit`` / ``add`` a gold span; undone by
  ``withdraw`` (a soft delete), redone by ``Project.restore_annotation``, so the
  very same gold span (same id, same provenance) comes back;
- :class:`Withdraw`: withdraw a gold span, taking it out of gold events' slots;
  undone by ``restore_annotation`` with those slots;
- :class:`Reject`: ``reject`` coder spans; undone by ``unreject``, redone by
  ``reject`` with the same rejection id and time;
- :class:`Unreject`: the reverse of :class:`Reject`.
- :class:`AcceptEvent`: ``accept_event`` copies a coder's event into gold with
  the spans it needs; undone by ``withdraw_accepted``, redone by
  ``restore_accepted`` (the same gold event and spans come back);
- :class:`WithdrawEvent`: delete a gold event; undone by ``restore_event``.

The steps of one decision run in one transaction (``Project.transaction`` nests),
so a decision that replaces a gold span is never half made. Coder layers are
never touched: every step writes gold or the rejections table only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from annotator.changes import Changes
from annotator.errors import ValidationError
from annotator.lead import adjudication, event_adjudication
from annotator.lead.adjudication import Rejection
from annotator.lead.event_adjudication import AcceptedEvent
from annotator.models import GOLD, Annotation, SlotFill, Status
from annotator.store.project import Project
from ui.operations import Operation

if TYPE_CHECKING:
    from ui.lead.session import AdjudicationSession


class Step(Protocol):
    """One call of the core's adjudication API and its inverse."""

    def do(self, project: Project) -> None: ...

    def undo(self, project: Project) -> None: ...


class NewGold:
    """Write a gold span the first time; bring the same one back on redo."""

    def __init__(self, make: Callable[[], Annotation]):
        self.make = make
        self.gold_id: str | None = None

    def do(self, project: Project) -> None:
        if self.gold_id is None:
            self.gold_id = self.make().id
        else:
            project.restore_annotation(self.gold_id)

    def undo(self, project: Project) -> None:
        if self.gold_id is not None:
            adjudication.withdraw(project, self.gold_id)


class Withdraw:
    """Withdraw a gold span; one that fills slots of gold events leaves them (the lead changed
    their mind on that span), and the undo puts it back in those slots."""

    def __init__(self, gold_id: str):
        self.gold_id = gold_id
        self.fills: list[SlotFill] = []

    def do(self, project: Project) -> None:
        if project.annotation(self.gold_id).coder != GOLD:
            adjudication.withdraw(project, self.gold_id)  # refuses, saying why
        self.fills = project.delete_annotation_detaching(self.gold_id)[1]

    def undo(self, project: Project) -> None:
        project.restore_annotation(self.gold_id, reattach=self.fills)


class Reject:
    def __init__(self, annotation_ids: Sequence[str], by: str):
        self.annotation_ids = tuple(annotation_ids)
        self.by = by
        self.rejection: Rejection | None = None

    def do(self, project: Project) -> None:
        previous = self.rejection
        self.rejection = adjudication.reject(
            project,
            self.annotation_ids,
            by=self.by,
            rejection_id=previous.id if previous else None,
            at=previous.at if previous else None,
        )

    def undo(self, project: Project) -> None:
        if self.rejection is not None:
            adjudication.unreject(project, self.rejection.id)


class Unreject:
    def __init__(self, rejection: Rejection):
        self.rejection = rejection

    def do(self, project: Project) -> None:
        adjudication.unreject(project, self.rejection.id)

    def undo(self, project: Project) -> None:
        r = self.rejection
        adjudication.reject(project, r.sources, by=r.by, rejection_id=r.id, at=r.at)


class AcceptEvent:
    def __init__(self, event_id: str, by: str):
        self.event_id = event_id
        self.by = by
        self.accepted: AcceptedEvent | None = None

    def do(self, project: Project) -> None:
        if self.accepted is None:
            self.accepted = event_adjudication.accept_event(project, self.event_id, by=self.by)
        else:
            event_adjudication.restore_accepted(project, self.accepted)

    def undo(self, project: Project) -> None:
        if self.accepted is not None:
            event_adjudication.withdraw_accepted(project, self.accepted)


class WithdrawEvent:
    def __init__(self, event_id: str):
        self.event_id = event_id

    def do(self, project: Project) -> None:
        if project.event(self.event_id).coder != GOLD:
            raise ValidationError("only a gold event can be withdrawn; coder layers are never changed")
        project.delete_event(self.event_id)

    def undo(self, project: Project) -> None:
        project.restore_event(self.event_id)


class Decision(Operation):
    """One decision on one document: its steps in order, undone in reverse order; the lead's status
    of the document follows its places (``adjudication.mark_settled``) in the same transaction."""

    def __init__(self, session: AdjudicationSession, doc_id: int, text: str, steps: list[Step], position: int | None = None):
        super().__init__(session, text)
        self.doc_id, self.steps = doc_id, steps
        self.coders = list(session.coders)
        self.position = position  # where the decision was made: undo and redo show that place

    def forward(self, changes: Changes) -> None:
        self._perform(changes, self.steps, lambda step, project: step.do(project))

    def backward(self, changes: Changes) -> None:
        self._perform(changes, list(reversed(self.steps)), lambda step, project: step.undo(project))

    def _perform(self, changes: Changes, steps: list[Step], call: Callable[[Step, Project], None]) -> None:
        project = self.session.project
        changes.position = self.position
        with project.transaction():
            for step in steps:
                call(step, project)
            before = project.status(self.doc_id).status
            if adjudication.mark_settled(project, self.doc_id, self.coders) != before:
                changes.status(self.doc_id)
        changes.touch(self.doc_id)

    @property
    def gold_id(self) -> str | None:
        """The gold span this decision wrote, if it wrote one."""
        return next((s.gold_id for s in self.steps if isinstance(s, NewGold)), None)


class AutoAdjudicate(Operation):
    """``auto_adjudicate`` (spans, then events) over the whole project, undone by deleting the
    gold events it added, withdrawing the spans, and putting the lead's statuses back as they were."""

    def __init__(self, session: AdjudicationSession, strategy: str):
        super().__init__(session, QCoreApplication.translate("AdjudicationSession", "Auto-adjudication (%s)") % strategy)
        self.strategy = strategy
        self.by = session.by
        self.report: adjudication.AutoReport | None = None
        self.added: list[str] = []
        self.added_events: list[str] = []
        self.statuses_before: dict[int, str] = {}
        self.statuses_after: dict[int, str] = {}

    def forward(self, changes: Changes) -> None:
        project = self.session.project
        changes.everything = True
        if self.report is None:
            gold_before, events_before = _gold_ids(project), _gold_event_ids(project)
            statuses_before = _statuses(project)
            self.report = event_adjudication.auto_adjudicate(project, strategy=self.strategy, by=self.by)
            self.added = sorted(_gold_ids(project) - gold_before)
            self.added_events = sorted(_gold_event_ids(project) - events_before)
            after = _statuses(project)
            changed = {d for d in after.keys() | statuses_before.keys() if after.get(d) != statuses_before.get(d)}
            self.statuses_before = {d: statuses_before.get(d, Status.NEW) for d in changed}
            self.statuses_after = {d: after.get(d, Status.NEW) for d in changed}
        else:
            with project.transaction():
                for gold_id in self.added:
                    project.restore_annotation(gold_id)
                for event_id in self.added_events:
                    project.restore_event(event_id)
                for doc_id, status in self.statuses_after.items():
                    project.set_status(doc_id, status)
        for doc_id in self.statuses_after:
            changes.status(doc_id)

    @property
    def worth_undoing(self) -> bool:
        return bool(self.added or self.added_events or self.statuses_after)

    def backward(self, changes: Changes) -> None:
        project = self.session.project
        changes.everything = True
        with project.transaction():
            for event_id in self.added_events:
                project.delete_event(event_id)
            for gold_id in self.added:
                adjudication.withdraw(project, gold_id)
            for doc_id, status in self.statuses_before.items():
                project.set_status(doc_id, status)
        for doc_id in self.statuses_before:
            changes.status(doc_id)


def _gold_ids(project: Project) -> set[str]:
    return {a.id for a in project.annotations(coder=GOLD, include_suggestions=False)}


def _gold_event_ids(project: Project) -> set[str]:
    return {e.id for e in project.events(coder=GOLD, include_suggestions=False)}


def _statuses(project: Project) -> dict[int, str]:
    """The lead's status of every document auto-adjudication may settle."""
    finished = adjudication.finished_by(project, adjudication.compared_coders(project))
    return {doc_id: project.status(doc_id).status for doc_id in finished}
