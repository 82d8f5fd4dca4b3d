"""The adjudication window's one path for every change (STYLE.md: "one path for every change").

:class:`AdjudicationSession` owns the queue of documents, the open document's
*places* and the current one, and the undo stack. Views ask it for a decision;
it builds one :class:`ui.lead.commands.Decision` (core calls from
``annotator.lead.adjudication`` with their inverses), runs it, and tells the views
what changed through its signals: a decision re-reads the places of one
document, never the whole project.

A *place* is an ``adjudication.Item``: where the finished coders' spans overlap,
with the distinct versions they made and the gold spans there. A gold span no
coder made (the lead added it) is a place of its own with no versions, so every
gold span can be selected, edited or withdrawn.

House rule for decisions: a new gold span (accepted, edited or added) replaces
the gold spans of the same label it overlaps, so pressing 2 after 1 changes the
lead's mind instead of keeping both. Spans of different labels may nest.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.errors import AnnotatorError, ValidationError
from annotator.lead import adjudication
from annotator.lead.adjudication import Item, QueueEntry, Version
from annotator.models import GOLD, Annotation, Document
from annotator.store.project import Project
from annotator.text import snap_to_words
from ui.coder.commands import CoreCommand
from ui.lead.commands import AutoAdjudicate, Decision, NewGold, Reject, Step, Unreject, Withdraw


@dataclass(frozen=True)
class Row:
    """One line of the version list: a coder version (numbered from 1) or a gold span of the place."""

    kind: str  # "version" | "gold"
    number: int
    version: Version | None = None
    gold: Annotation | None = None

    @property
    def label(self) -> str:
        return self.version.label if self.version else self.gold.label  # type: ignore[union-attr]

    @property
    def start(self) -> int:
        return self.version.start if self.version else self.gold.start  # type: ignore[union-attr]

    @property
    def end(self) -> int:
        return self.version.end if self.version else self.gold.end  # type: ignore[union-attr]

    @property
    def text(self) -> str:
        return self.version.text if self.version else self.gold.text  # type: ignore[union-attr]

    @property
    def attrs(self) -> dict[str, Any]:
        return self.version.attrs if self.version else self.gold.attrs  # type: ignore[union-attr]


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


def load_places(project: Project, doc_id: int, coders: list[str]) -> list[Item]:
    """The items of a document, and each gold span outside every item as a place of its own."""
    found = adjudication.items(project, doc_id, coders)
    finished = adjudication.finished_in(project, doc_id, coders)
    alone = [
        Item(doc_id=doc_id, start=g.start, end=g.end, coders=finished, versions=(), gold=(g,))
        for g in project.annotations(doc_id, coder=GOLD, include_suggestions=False)
        if not any(i.start < g.end and g.start < i.end for i in found)
    ]
    return sorted(found + alone, key=lambda p: (p.start, -p.end))


class AdjudicationSession(QObject):
    queue_changed = Signal()  # the queue was read afresh
    entry_changed = Signal(object)  # QueueEntry of one document, after a decision on it
    document_changed = Signal(object)  # Document | None
    places_changed = Signal()  # the open document's places were read afresh
    current_changed = Signal()  # another place or row is current
    status_changed = Signal(int)  # the lead's status of a document changed
    error = Signal(str)
    message = Signal(str)

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.by = project.coder
        self.undo_stack = QUndoStack(self)
        self.coders: list[str] = []
        self.entries: list[QueueEntry] = []
        self.document: Document | None = None
        self.finished: tuple[str, ...] = ()
        self.places: list[Item] = []
        self.gold: list[Annotation] = []
        self.index: int | None = None
        self.row = 0

    # --- the queue and documents -------------------------------------------------------

    def refresh_queue(self) -> None:
        """Read the queue afresh, most open places first (``adjudication.queue``)."""
        self.coders = adjudication.compared_coders(self.project)
        self.entries = adjudication.queue(self.project, self.coders) if self.coders else []
        self.queue_changed.emit()

    def open_document(self, doc_id: int, *, position: int | None = None) -> None:
        if self.document is None or self.document.id != doc_id:
            self.document = self.project.document(doc_id)
            self.finished = adjudication.finished_in(self.project, doc_id, self.coders)
            self.index = None
            self.places, self.gold = [], []
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
        return sum(1 for p in self.places if p.open)

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
        """The place covering a code-point position (the innermost when gold spans nest)."""
        covering = [i for i, p in enumerate(self.places) if p.start <= position < p.end]
        return min(covering, key=lambda i: self.places[i].end - self.places[i].start) if covering else None

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
            self.message.emit(self.tr("Version %1 accepted into gold.").replace("%1", str(row.number)))

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
        ids = set(version.annotation_ids)
        if version.state == "rejected":
            rejection = next(r for r in adjudication.rejections(self.project, self.document.id) if ids & set(r.sources))  # type: ignore[union-attr]
            self._decide(self.tr("Take back rejection"), version.start, [Unreject(rejection)])
            return
        steps: list[Step] = [
            Withdraw(g.id)
            for g in self.gold
            if ids & set((g.provenance or {}).get("sources", []))
            or (g.label, g.start, g.end, g.attrs) == (version.label, version.start, version.end, version.attrs)
        ]
        steps.append(Reject(version.annotation_ids, self.by))
        if self._decide(self.tr("Reject %s") % version.label, version.start, steps, advance=True):
            self.message.emit(self.tr("Version %1 rejected.").replace("%1", str(row.number)))

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
        text = self.document.text
        if start != end:  # a label key alone never tags the word at the cursor here: too easy to hit
            start, end = snap_to_words(text, start, end)
        if start >= end or not text[start:end].strip():
            self.message.emit(self.tr("Select the words of the missing span first, then press its label key."))
            return
        same = next((g for g in self.gold if (g.label, g.start, g.end) == (label, start, end)), None)
        if same is not None:
            self._focus_gold(same.id)
            self.message.emit(self.tr("This span is already in gold."))
            return
        doc_id = self.document.id
        steps = self._replacing(label, start, end)
        steps.append(NewGold(lambda: adjudication.add(self.project, doc_id, label, start, end, by=self.by)))
        command = Decision(self, doc_id, self.tr("Add %s") % label, steps, start)
        if self._run(command) and command.gold_id:
            self._focus_gold(command.gold_id)
            self.message.emit(self.tr("Added to gold. E edits its attributes."))

    def auto(self, strategy: str = "unanimous") -> adjudication.AutoReport | None:
        """Auto-adjudicate the whole project as one undoable step; returns the core's report
        (None on failure). A run that changes nothing leaves no step to undo."""
        command = AutoAdjudicate(self, strategy)
        try:
            command.apply()
        except (AnnotatorError, sqlite3.Error) as exc:
            self.error.emit(str(exc))
            return None
        if command.changed:
            self.undo_stack.push(command)
        return command.report

    # --- called by the commands ----------------------------------------------------------------

    def decided(self, doc_id: int, position: int | None = None) -> None:
        """A decision on ``doc_id`` was made, undone or redone: re-read that document's places,
        settle the lead's status from them, and update its queue row."""
        if self.document is None or self.document.id != doc_id:
            self.open_document(doc_id)
        keep_row = self.row
        self._load_places()
        if position is not None:
            self.select_place(self._nearest(position), keep_row)
        else:
            self.select_place(self.index, keep_row)
        self._settle(doc_id)

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

    def guarded(self, action: Callable[[], Any]) -> Any:
        """Undo/redo run inside ``QUndoStack`` where an exception cannot surface: report it."""
        try:
            return action()
        except (AnnotatorError, sqlite3.Error) as exc:
            self.error.emit(str(exc))
            return None

    # --- helpers ------------------------------------------------------------------------------

    def _settle(self, doc_id: int) -> None:
        before = self.project.status(doc_id).status
        open_now = self.open_count()
        self.guarded(lambda: adjudication.mark_settled(self.project, doc_id, self.coders, open_count=open_now))
        real = [p for p in self.places if p.versions]
        for i, entry in enumerate(self.entries):
            if entry.doc_id == doc_id:
                self.entries[i] = QueueEntry(
                    doc_id=doc_id, key=entry.key, title=entry.title, coders=entry.coders, items=len(real),
                    open=sum(1 for p in real if p.open), unanimous=sum(1 for p in real if p.unanimous),
                )
                self.entry_changed.emit(self.entries[i])
        if self.project.status(doc_id).status != before:
            self.status_changed.emit(doc_id)

    def _decide(self, text: str, position: int, steps: list[Step], *, advance: bool = False) -> bool:
        if self.document is None:
            return False
        done = self._run(Decision(self, self.document.id, text, steps, position))
        if done and advance and self.current is not None and not self.current.open:
            self._advance()
        return done

    def _advance(self) -> None:
        """After settling a place, go on to the next open one (the lead's next question)."""
        if self.open_count():
            self.step_place(1)
        else:
            self.message.emit(self.tr("Every place in this document is settled: Ctrl+Enter for the next document."))

    def _run(self, command: CoreCommand) -> bool:
        try:
            command.apply()
        except (AnnotatorError, sqlite3.Error) as exc:
            self.error.emit(str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def _replacing(self, label: str, start: int, end: int, *, keep: str | None = None) -> list[Step]:
        """Withdraw steps for the gold spans a new ``label`` span over ``[start, end)`` replaces."""
        return [
            Withdraw(g.id)
            for g in self.gold
            if g.label == label and g.start < end and start < g.end and g.id != keep
        ]

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
