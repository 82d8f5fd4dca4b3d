"""The spans of the open document as a sortable table, kept in step with the view.

The model changes row by row as the session reports edits (insert, remove,
data changed), so a long list never resets for one edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.codebook import Codebook
from annotator.models import Annotation

Index = QModelIndex | QPersistentModelIndex


class SpanListModel(QAbstractTableModel):
    COLUMNS = ("label", "text", "attributes", "position")

    def __init__(self, codebook: Codebook, parent: QWidget | None = None):
        super().__init__(parent)
        self.codebook = codebook
        self.rows: list[Annotation] = []

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Label"), self.tr("Text"), self.tr("Attributes"), self.tr("Position")][section]
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        annotation = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "label":
                missing = self.codebook.label(annotation.label).missing_required(annotation.attrs)
                marker = " ⚠" if missing else ""
                suggestion = " …" if annotation.origin == "suggested" else ""
                return annotation.label + marker + suggestion
            if column == "text":
                return annotation.text
            if column == "attributes":
                return ", ".join(f"{k}={v}" for k, v in sorted(annotation.attrs.items()))
            return annotation.start
        if role == Qt.ItemDataRole.DecorationRole and column == "label":
            return QColor(self.codebook.label(annotation.label).color)
        if role == Qt.ItemDataRole.UserRole:
            return annotation.id
        if role == Qt.ItemDataRole.ToolTipRole and column == "label":
            missing = self.codebook.label(annotation.label).missing_required(annotation.attrs)
            return self.tr("Missing: %s") % ", ".join(missing) if missing else None
        return None

    def reset(self, annotations: list[Annotation]) -> None:
        self.beginResetModel()
        self.rows = sorted(annotations, key=lambda a: (a.start, a.end, a.id))
        self.endResetModel()

    def added(self, annotation: Annotation) -> None:
        if self.row_of(annotation.id) is not None:
            self.updated(annotation)
            return
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(annotation)
        self.endInsertRows()

    def updated(self, annotation: Annotation) -> None:
        row = self.row_of(annotation.id)
        if row is not None:
            self.rows[row] = annotation
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def removed(self, annotation: Annotation) -> None:
        row = self.row_of(annotation.id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def row_of(self, annotation_id: str) -> int | None:
        return next((i for i, a in enumerate(self.rows) if a.id == annotation_id), None)


class SpanList(QTableView):
    """The table; selecting a row selects the span in the article, and back."""

    span_chosen = Signal(object)  # annotation id

    def __init__(self, codebook: Codebook, parent: QWidget | None = None):
        super().__init__(parent)
        self.source = SpanListModel(codebook, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(1, 170)
        self.setWordWrap(False)
        self._syncing = False
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.span_chosen.emit(self.proxy.data(current, Qt.ItemDataRole.UserRole))

    def show_selected(self, annotation_id: str | None) -> None:
        self._syncing = True
        try:
            row = self.source.row_of(annotation_id) if annotation_id else None
            if row is None:
                self.clearSelection()
                return
            index = self.proxy.mapFromSource(self.source.index(row, 0))
            self.setCurrentIndex(index)
            self.scrollTo(index)
        finally:
            self._syncing = False
