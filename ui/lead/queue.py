"""The documents to adjudicate, most open places first (``adjudication.queue``).

A decision changes one row in place (its open count and the lead's status), so
the list never jumps under the lead's hands; F5 reads and sorts it afresh.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from annotator.lead.adjudication import QueueEntry
from annotator.lead.places import queue_counts
from annotator.models import Status
from annotator.store.project import Project
from ui.i18n import DIGITS, number_text
from ui.widgets.document_queue import STATUS_COLOURS, status_text
from ui.widgets.rows import Index, RowsModel, RowTable


class AdjudicationQueueModel(RowsModel):
    COLUMNS = ("title", "open", "places", "coders", "status")

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.rows: list[QueueEntry] = []
        self.statuses: dict[int, str] = {}

    def reset(self, entries: list[QueueEntry]) -> None:
        self.statuses = {e.doc_id: self.project.status(e.doc_id).status for e in entries}
        self.reset_rows(entries)

    def entry_changed(self, entry: QueueEntry) -> None:
        self.replace(entry.doc_id, entry)

    def status_changed(self, doc_id: int) -> None:
        row = self.row_of(doc_id)
        if row is not None:
            self.statuses[doc_id] = self.project.status(doc_id).status
            self.row_changed(row)

    def row_id(self, row: QueueEntry) -> int:
        return row.doc_id

    def headers(self) -> list[str]:
        return [self.tr("Document"), self.tr("Open"), self.tr("Places"), self.tr("Coders"), self.tr("Status")]

    def header_tips(self) -> list[str | None]:
        return [
            None,
            self.tr("Places where the coders still differ"),
            self.tr("Places where any coder made a span"),
            self.tr("Coders who finished the document"),
            self.tr("Your status of the document: done once nothing is open"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        column = self.column(index)
        status = self.statuses.get(entry.doc_id, Status.NEW)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return entry.title or entry.key
            if column == "open":
                return number_text(entry.open) if entry.open else "✓"
            if column == "places":
                return number_text(entry.items)
            if column == "coders":
                return number_text(len(entry.coders))
            return status_text(status)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "open":
                return QColor("#DC2626" if entry.open else "#059669")
            if column == "status":
                return QColor(STATUS_COLOURS.get(status, "#9E9E9E"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != "title":
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.key}\n{', '.join(entry.coders)}"
        if role == Qt.ItemDataRole.UserRole:
            return entry.doc_id
        return None


class AdjudicationQueue(QWidget):
    document_chosen = Signal(int)

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = AdjudicationQueueModel(project, self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        fit = [QHeaderView.ResizeMode.ResizeToContents] * (len(AdjudicationQueueModel.COLUMNS) - 1)
        self.table = RowTable([QHeaderView.ResizeMode.Stretch, *fit])
        self.table.setModel(self.model)
        self.table.index_chosen.connect(lambda index: self.document_chosen.emit(self.model.data(index, Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        DIGITS.changed.connect(self._summarise)

    def show_entries(self, entries: list[QueueEntry]) -> None:
        with self.table.quietly():
            self.model.reset(entries)
        self._summarise()

    def entry_changed(self, entry: QueueEntry) -> None:
        self.model.entry_changed(entry)
        self._summarise()

    def _summarise(self) -> None:
        rows = self.model.rows
        if not rows:
            self.summary.setText(
                self.tr("No document is finished by two or more coders yet. Merge the coders' files "
                        "(Lead > Merge coder files… in the main window), then open the merged project.")
            )
            return
        counts = queue_counts(rows)
        self.summary.setText(
            self.tr("Open places: %1 in %2 of %3 documents.")
            .replace("%1", number_text(counts.open_places))
            .replace("%2", number_text(counts.open_documents))
            .replace("%3", number_text(counts.documents))
        )

    def show_current(self, doc_id: int) -> None:
        row = self.model.row_of(doc_id)
        self.table.show_row(None if row is None else self.model.index(row, 0))
