"""What every list of the windows shares: a model of one object per row, and its table.

The coder's document queue and span list and the lead's queue and version list
each show rows of one kind in named columns and keep a current row in step
with the window: the user's choice is reported, the window's own choice is
shown without being reported back. Each list only says what differs: its
columns, its cells, how a row is found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.codebook import Codebook
from ui.i18n import DIGITS

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table model over ``rows``; subclasses name ``COLUMNS`` and give their cells."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[Any] = []
        DIGITS.changed.connect(self.all_changed)  # numbers in cells follow the preference at once

    # Each model names its translated column titles, in the order of ``COLUMNS`` (a class
    # without them is refused when it is written).
    headers: Callable[[], list[str]]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not callable(getattr(cls, "headers", None)):
            raise TypeError(f"{cls.__name__} is a RowsModel without headers")

    def header_tips(self) -> list[str | None]:
        """A tooltip per column title (none by default)."""
        return [None] * len(self.COLUMNS)

    def row_id(self, row: Any) -> object:
        """What identifies a row across refreshes (a document id, a span id); by default the
        row itself, for models whose rows are replaced whole."""
        return row

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips()[section]
        return None

    def column(self, index: Index) -> str:
        return self.COLUMNS[index.column()]

    def row_of(self, row_id: object) -> int | None:
        return next((i for i, row in enumerate(self.rows) if self.row_id(row) == row_id), None)

    def reset_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_changed(self, row: int) -> None:
        """Every cell of ``row`` may show something new."""
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def all_changed(self) -> None:
        """Every cell may show something new (the digits preference changed)."""
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))

    def replace(self, row_id: object, new: Any) -> int | None:
        """Put ``new`` in place of the row with ``row_id``; its row, or None when it is not shown."""
        row = self.row_of(row_id)
        if row is not None:
            self.rows[row] = new
            self.row_changed(row)
        return row


class RowTable(QTableView):
    """A read-only table of whole rows whose current row the window follows and sets."""

    index_chosen = Signal(QModelIndex)  # the user moved to this row (never the window's own choice)

    def __init__(self, modes: Sequence[QHeaderView.ResizeMode] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self._modes = list(modes)
        self._syncing = False

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802
        super().setModel(model)
        if model is None:
            return
        for column, mode in enumerate(self._modes):
            self.horizontalHeader().setSectionResizeMode(column, mode)
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Changes of the current row made inside are the window's, not the user's: not reported."""
        syncing, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = syncing

    def show_row(self, index: QModelIndex | None) -> None:
        """Make ``index``'s row current and visible (None: no row), without reporting it."""
        with self.quietly():
            if index is None or not index.isValid():
                self.clearSelection()
                return
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.index_chosen.emit(current)


def attrs_text(attrs: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(attrs.items()))


def missing_attributes(codebook: Codebook, label: str, attrs: dict[str, Any]) -> list[str]:
    """The required attributes ``attrs`` lacks (none for a label the codebook does not have)."""
    return codebook.label(label).missing_required(attrs) if codebook.has_label(label) else []


def label_colour(codebook: Codebook, label: str) -> QColor | None:
    return QColor(codebook.label(label).color) if codebook.has_label(label) else None
