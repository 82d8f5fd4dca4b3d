"""The adjudication window's session: the queue, the open document's places and the current one.

Views ask it for a decision; it builds one :class:`ui.lead.commands.Decision`
(core calls from ``annotator.lead.adjudication`` with their inverses) and runs
it on the one path of ``ui.operations``; the change set that comes back names
the document decided on, whose places alone are read again, never the whole
project. What a place is, how its versions are numbered and which gold spans
a decision replaces: ``annotator.lead.places``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator.changes import Changes
from annotator.errors import ValidationError
from annotator.lead import adjudication
from annotator.lead.adjudication import Item, QueueEntry
from annotator.lead.places import (
    EventFrames,
    Row,
    event_frames,
    gold_from,
    load_places,
    place_at,
    place_rows,
    replaced_gold,
    updated_entry,
)
from annotator.models import GOLD, Annotation, Document
from annotator.spans import selected_span
from annotator.store.project import Project
from ui.i18n import number_text
from ui.lead.commands import (
    AcceptEvent,
    AutoAdjudicate,
    Decision,
    NewGold,
    Reject,
    Step,
    Unreject,
    Withdraw,
    WithdrawEvent,
)
from ui.operations import OperationSession


class AdjudicationSession(OperationSession):
    queue_changed = Signal()  # the queue was read afresh
    entry_changed = Signal(object)  # QueueEntry of one document, after a decision on it
    document_changed = Signal(object)  # Document | None
    places_changed = Signal()  # the open document's places were read afresh
    current_changed = Signal()  # another place or row is current
    status_changed = Signal(int)  # the lead's status of a document changed
    message = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(project, parent)
        self.by = project.coder
        self.coders: list[str] = []
        self.entries: list[QueueEntry] = []
        self.agreed_waiting: dict[int, int] = {}  # doc_id: places every coder agreed on, not in gold yet
        self.document: Document | None = None
        self.finished: tuple[str, ...] = ()
        self.places: list[Item] = []
        self.gold: list[Annotation] = []
        self.frames = EventFrames((), ())
        self.index: int | None = None
        self.row = 0

    # --- the queue and documents -------------------------------------------------------

    def refresh_queue(self) -> None:
        """Read the queue afresh, most open places first (``adjudication.queue``)."""
        self.coders = adjudication.compared_coders(self.project)
        self.entries = adjudication.queue(self.project, self.coders) if self.coders else []
        self.agreed_waiting = {
            e.doc_id: agreed_open(adjudication.items(self.project, e.doc_id, self.coders)) for e in self.entries
        }
        self.queue_changed.emit()

    def open_document(self, doc_id: int, *, position: int | None = None) -> None:
        if self.document is None or self.document.id != doc_id:
            self.document = self.project.document(doc_id)
            self.finished = adjudication.finished_in(self.project, doc_id, self.coders)
            self.index = None
            self.places, self.gold = [], []
            self.frames = EventFrames((), ())
            self.document_changed.emit(self.document)
            self._load_places()
        if position is not None:
            self.select_place(self.place_at(position))
        elif self.index is None and self.places:
            first_open = next((i for i, p in enumerate(self.places) if p.open), 0)
            self.select_place(first_open)

    def _load_places(self) -> None:
        assert self.document is not None
        self.places = load_places(self.project, self.document.id, self.coders)
        self.gold = [g for g in self.project.annotations(self.document.id, coder=GOLD, include_suggestions=False)]
        self.frames = event_frames(self.project, self.document.id, self.finished)
        self.places_changed.emit()

    def neighbour(self, step: int, *, open_only: bool) -> int | None:
        """The document ``step`` rows away in the queue (with open places only: the next such, wrapping)."""
        ids = [e.doc_id for e in self.entries]
        if not ids:
            return None
        here = ids.index(self.document.id) if self.document is not None and self.document.id in ids else -1
        if not open_only:
            target = here + step
            return ids[target] if 0 <= target < len(ids) else None
        count = len(ids)
        for offset in range(1, count + 1):
            candidate = self.entries[(here + step * offset) % count]
            if candidate.open and candidate.doc_id != (self.document.id if self.document else None):
                return candidate.doc_id
        return None

    def open_count(self) -> int:
        return adjudication.count(self.places).open

    # --- the current place and row -------------------------------------------------------

    @property
    def current(self) -> Item | None:
        return self.places[self.index] if self.index is not None and self.index < len(self.places) else None

    @property
    def rows(self) -> list[Row]:
        return place_rows(self.current) if self.current is not None else []

    @property
    def current_row(self) -> Row | None:
        rows = self.rows
        return rows[self.row] if 0 <= self.row < len(rows) else None

    def select_place(self, index: int | None, row: int = 0) -> None:
        if index is not None and not 0 <= index < len(self.places):
            index = None
        self.index = index
        self.row = max(0, min(row, len(self.rows) - 1))
        self.current_changed.emit()

    def select_row(self, row: int) -> None:
        if 0 <= row < len(self.rows) and row != self.row:
            self.row = row
            self.current_changed.emit()

    def step_row(self, step: int) -> None:
        if self.rows:
            self.select_row((self.row + step) % len(self.rows))

    def step_place(self, direction: int, *, open_only: bool = True) -> None:
        """The next (+1) or previous (-1) place, wrapping; only open ones unless ``open_only`` is false."""
        count = len(self.places)
        if not count:
            return
        here = self.index if self.index is not None else (-1 if direction > 0 else count)
        for offset in range(1, count + 1):
            candidate = (here + direction * offset) % count
            if not open_only or self.places[candidate].open:
                self.select_place(candidate)
                return
        self.message.emit(self.tr("Every place in this document is settled: Ctrl+Enter for the next document."))

    def place_at(self, position: int) -> int | None:
        return place_at(self.places, position)

    # --- decisions ---------------------------------------------------------------------------

    def accept(self, number: int | None = None) -> None:
        """Accept version ``number`` (1-based) of the current place, or the current row's version."""
        row = self._version_row(number)
        if row is None or row.version is None:
            return
        version = row.version
        if version.state == "gold":
            self.message.emit(self.tr("Version %s is already in gold.") % row.number)
            return
        steps = self._replacing(version.label, version.start, version.end)
        ids = version.annotation_ids
        steps.append(NewGold(lambda: adjudication.accept(self.project, ids, by=self.by)))
        if self._decide(self.tr("Accept %s") % version.label, version.start, steps, advance=True):
            self.message.emit(self.tr("Version %1 accepted into gold.").replace("%1", number_text(row.number)))

    def reject(self, row_index: int | None = None) -> None:
        """Keep the current version out of gold (again: take the rejection back); on a gold row, withdraw it."""
        row = self._row(row_index)
        if row is None:
            return
        if row.kind == "gold":
            self.withdraw(row_index)
            return
        version = row.version
        assert version is not None
        if version.state == "rejected":
            ids = set(version.annotation_ids)
            rejection = next(r for r in adjudication.rejections(self.project, self.document.id) if ids & set(r.sources))  # type: ignore[union-attr]
            self._decide(self.tr("Take back rejection"), version.start, [Unreject(rejection)])
            return
        steps: list[Step] = [Withdraw(g.id) for g in gold_from(self.gold, version)]
        steps.append(Reject(version.annotation_ids, self.by))
        if self._decide(self.tr("Reject %s") % version.label, version.start, steps, advance=True):
            self.message.emit(self.tr("Version %1 rejected.").replace("%1", number_text(row.number)))

    def reject_open(self) -> None:
        """Reject every open version of the current place: nothing there belongs in gold."""
        place = self.current
        if place is None:
            return
        steps: list[Step] = [Reject(v.annotation_ids, self.by) for v in place.versions if v.state == "open"]
        if not steps:
            self.message.emit(self.tr("No open version here."))
            return
        self._decide(self.tr("Reject the place"), place.start, steps, advance=True)

    def withdraw(self, row_index: int | None = None) -> None:
        """Take a gold span out of gold (its coder versions are open again unless decided otherwise)."""
        row = self._row(row_index)
        if row is None or row.gold is None:
            return
        self._decide(self.tr("Withdraw %s") % row.gold.label, row.gold.start, [Withdraw(row.gold.id)])

    def edit(self, row_index: int, label: str, start: int, end: int, attrs: dict[str, Any]) -> None:
        """Put an edited copy of a version (or of a gold span) into gold: decision ``edited``."""
        row = self._row(row_index)
        if row is None:
            return
        unchanged = (label, start, end, attrs) == (row.label, row.start, row.end, row.attrs)
        if row.version is not None:
            if unchanged:
                self.accept(row.number)
                return
            ids = row.version.annotation_ids
            steps = self._replacing(label, start, end)
            steps.append(NewGold(lambda: adjudication.edit(
                self.project, ids, by=self.by, label=label, start=start, end=end, attrs=attrs)))
        else:
            gold = row.gold
            assert gold is not None
            if unchanged:
                return
            sources = [s for s in (gold.provenance or {}).get("sources", []) if self._live(s)]
            steps = [Withdraw(gold.id), *self._replacing(label, start, end, keep=gold.id)]
            if sources:
                steps.append(NewGold(lambda: adjudication.edit(
                    self.project, sources, by=self.by, label=label, start=start, end=end, attrs=attrs)))
            else:
                doc_id = gold.doc_id
                steps.append(NewGold(lambda: adjudication.add(
                    self.project, doc_id, label, start, end, by=self.by, attrs=attrs)))
        self._decide(self.tr("Edit %s") % label, start, steps, advance=True)

    def add(self, label: str, start: int, end: int) -> None:
        """Add a gold span no coder made over ``[start, end)`` (code points, snapped to whole words)."""
        if self.document is None:
            return
        found = selected_span(self.document.text, start, end)  # never the word at the cursor: too easy to hit
        if found is None:
            self.message.emit(self.tr("Select the words of the missing span first, then press its label key."))
            return
        start, end = found
        same = next((g for g in self.gold if (g.label, g.start, g.end) == (label, start, end)), None)
        if same is not None:
            self._focus_gold(same.id)
            self.message.emit(self.tr("This span is already in gold."))
            return
        doc_id = self.document.id
        steps = self._replacing(label, start, end)
        steps.append(NewGold(lambda: adjudication.add(self.project, doc_id, label, start, end, by=self.by)))
        command = Decision(self, doc_id, self.tr("Add %s") % label, steps, start)
        if self.run(command) and command.gold_id:
            self._focus_gold(command.gold_id)
            self.message.emit(self.tr("Added to gold. E edits its attributes."))

    def accept_event(self, event_id: str) -> bool:
        """Copy one coder's event into gold, with the spans its slots need (one undoable decision)."""
        if self.document is None:
            return False
        event = self.project.event(event_id)
        position = min((self.project.annotation(s).start for s in event.span_ids), default=None)
        done = self._decide(self.tr("Accept event %s") % event.type, position, [AcceptEvent(event_id, self.by)])
        if done:
            self.message.emit(self.tr("Event accepted into gold with its spans."))
        return done

    def withdraw_event(self, event_id: str) -> bool:
        """Take a gold event out of gold; its spans stay (withdraw them on their own)."""
        event = self.project.event(event_id)
        position = min((self.project.annotation(s).start for s in event.span_ids), default=None)
        return self._decide(self.tr("Withdraw event %s") % event.type, position, [WithdrawEvent(event_id)])

    @property
    def agreed_count(self) -> int:
        """Places every coder agreed on that are not in gold yet, over the whole queue."""
        return sum(self.agreed_waiting.values())

    def undone_auto(self, strategy: str) -> AutoAdjudicate | None:
        """The run of ``strategy`` just undone, if redo would bring it back: asking for that run again
        redoes it (the core skips spans an earlier run added and that were taken out since)."""
        stack = self.undo_stack
        command = stack.command(stack.index()) if stack.canRedo() else None
        return command if isinstance(command, AutoAdjudicate) and command.strategy == strategy else None

    def auto(self, strategy: str = "unanimous") -> adjudication.AutoReport | None:
        """Auto-adjudicate the whole project as one undoable step; returns the core's report
        (None on failure). A run that changes nothing leaves no step to undo."""
        command = AutoAdjudicate(self, strategy)
        return command.report if self.run(command) else None

    # --- the one path's hook ---------------------------------------------------------------------

    def apply_changes(self, changes: Changes) -> None:
        """After a decision (made, undone or redone) re-read the places of its document and update its
        queue row; after a whole-project run, the queue and the open document."""
        if changes.everything:
            self.reloaded()
            return
        for doc_id in changes.documents:
            self.decided(doc_id, changes.position)

    def publish(self, changes: Changes) -> None:
        super().publish(changes)
        for doc_id in changes.statuses:
            self.status_changed.emit(doc_id)

    def decided(self, doc_id: int, position: int | None = None) -> None:
        """Show ``doc_id`` with its places read afresh, at ``position`` (else the place that was current)."""
        if self.document is None or self.document.id != doc_id:
            self.open_document(doc_id)
        keep_row = self.row
        self._load_places()
        if position is not None:
            self.select_place(self._nearest(position), keep_row)
        else:
            self.select_place(self.index, keep_row)
        for i, entry in enumerate(self.entries):
            if entry.doc_id == doc_id:
                self.agreed_waiting[doc_id] = agreed_open(self.places)
                self.entries[i] = updated_entry(entry, self.places)
                self.entry_changed.emit(self.entries[i])

    def _nearest(self, position: int) -> int | None:
        """The place at ``position``, else the next one after it (a withdrawn added span leaves none)."""
        found = self.place_at(position)
        if found is None and self.places:
            found = next((i for i, p in enumerate(self.places) if p.start >= position), len(self.places) - 1)
        return found

    def reloaded(self) -> None:
        """The whole project changed (auto-adjudication): re-read the queue and the open document."""
        self.refresh_queue()
        if self.document is not None:
            position = self.current.start if self.current is not None else None
            self._load_places()
            self.select_place(self.place_at(position) if position is not None else None, self.row)
            self.status_changed.emit(self.document.id)
        for entry in self.entries:
            self.status_changed.emit(entry.doc_id)

    # --- helpers ------------------------------------------------------------------------------

    def _decide(self, text: str, position: int | None, steps: list[Step], *, advance: bool = False) -> bool:
        if self.document is None:
            return False
        done = self.run(Decision(self, self.document.id, text, steps, position))
        if done and advance and self.current is not None and not self.current.open:
            self._advance()
        return done

    def _advance(self) -> None:
        """After settling a place, go on to the next open one (the lead's next question)."""
        if self.open_count():
            self.step_place(1)
        else:
            self.message.emit(self.tr("Every place in this document is settled: Ctrl+Enter for the next document."))

    def _replacing(self, label: str, start: int, end: int, *, keep: str | None = None) -> list[Step]:
        """Withdraw steps for the gold spans a new ``label`` span over ``[start, end)`` replaces."""
        return [Withdraw(g.id) for g in replaced_gold(self.gold, label, start, end, keep=keep)]

    def _row(self, row_index: int | None) -> Row | None:
        rows = self.rows
        index = self.row if row_index is None else row_index
        return rows[index] if 0 <= index < len(rows) else None

    def _version_row(self, number: int | None) -> Row | None:
        if number is None:
            row = self.current_row
            return row if row is not None and row.kind == "version" else None
        rows = [r for r in self.rows if r.kind == "version" and r.number == number]
        if not rows:
            if self.current is not None:
                self.message.emit(self.tr("This place has no version %s.") % number)
            return None
        self.row = self.rows.index(rows[0])
        return rows[0]

    def _focus_gold(self, gold_id: str) -> None:
        for index, place in enumerate(self.places):
            for row, r in enumerate(place_rows(place)):
                if r.gold is not None and r.gold.id == gold_id:
                    self.select_place(index, row)
                    return

    def _live(self, annotation_id: str) -> bool:
        try:
            self.project.annotation(annotation_id)
        except ValidationError:
            return False
        return True


def agreed_open(places: Iterable[Item]) -> int:
    """The places every coder agreed on that are still open: what "Put unanimous spans into gold" settles."""
    return sum(1 for p in places if p.versions and p.unanimous and p.open)
