"""The documents to adjudicate, most open places first (``adjudication.queue``).

A decision changes one row in place (its open count and the lead's status), so
the list never jumps under the lead's hands; F5 reads and sorts it afresh.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from annotator.lead.adjudication import QueueEntry
from annotator.lead.places import queue_counts
from annotator.store.project import Project
from ui.widgets.document_queue import STATUS_COLOURS, status_text

Index = QModelIndex | QPersistentModelIndex


class AdjudicationQueueModel(QAbstractTableModel):
    COLUMNS = ("title", "open", "places", "coders", "status")

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.rows: list[QueueEntry] = []
        self.statuses: dict[int, str] = {}

    def reset(self, entries: list[QueueEntry]) -> None:
        self.beginResetModel()
        self.rows = list(entries)
        self.statuses = {e.doc_id: self.project.status(e.doc_id).status for e in entries}
        self.endResetModel()

    def entry_changed(self, entry: QueueEntry) -> None:
        row = self.row_of(entry.doc_id)
        if row is not None:
            self.rows[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def status_changed(self, doc_id: int) -> None:
        row = self.row_of(doc_id)
        if row is not None:
            self.statuses[doc_id] = self.project.status(doc_id).status
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def row_of(self, doc_id: int) -> int | None:
        return next((i for i, e in enumerate(self.rows) if e.doc_id == doc_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Document"), self.tr("Open"), self.tr("Places"), self.tr("Coders"), self.tr("Status")][section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return [
                None,
                self.tr("Places where the coders still differ"),
                self.tr("Places where any coder made a span"),
                self.tr("Coders who finished the document"),
                self.tr("Your status of the document: done once nothing is open"),
            ][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        status = self.statuses.get(entry.doc_id, "new")
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return entry.title or entry.key
            if column == "open":
                return entry.open if entry.open else "✓"
            if column == "places":
                return entry.items
            if column == "coders":
                return len(entry.coders)
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
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(AdjudicationQueueModel.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self._syncing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_entries(self, entries: list[QueueEntry]) -> None:
        self._syncing = True
        try:
            self.model.reset(entries)
        finally:
            self._syncing = False
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
            .replace("%1", str(counts.open_places))
            .replace("%2", str(counts.open_documents))
            .replace("%3", str(counts.documents))
        )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.document_chosen.emit(self.model.data(current, Qt.ItemDataRole.UserRole))

    def show_current(self, doc_id: int) -> None:
        row = self.model.row_of(doc_id)
        self._syncing = True
        try:
            if row is None:
                self.table.clearSelection()
            else:
                index = self.model.index(row, 0)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
        finally:
            self._syncing = False
