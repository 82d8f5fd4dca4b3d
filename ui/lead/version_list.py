"""The versions of the current place, numbered as the keys that accept them, and its gold spans.

One row per distinct version (label, extent and attributes) with the coders
who made it, then one row per gold span of the place with its provenance. A
cell whose value differs between the versions is bold, so the lead sees at a
glance whether the coders differ on the label, the extent or an attribute.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from annotator.codebook import Codebook
from annotator.lead.places import Row
from ui.lead.keys import key_action, tab_direction
from ui.lead.view import state_text

Index = QModelIndex | QPersistentModelIndex
STATE_COLOURS = {"open": "#DC2626", "gold": "#059669", "rejected": "#6B7280", "superseded": "#6B7280"}


def attrs_text(attrs: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sorted(attrs.items()))


def decision_text(decision: str) -> str:
    names = {
        "auto": QCoreApplication.translate("VersionList", "automatic (all agreed)"),
        "picked": QCoreApplication.translate("VersionList", "picked"),
        "edited": QCoreApplication.translate("VersionList", "edited"),
        "added": QCoreApplication.translate("VersionList", "added"),
    }
    return names.get(decision, decision or QCoreApplication.translate("VersionList", "imported"))


class VersionListModel(QAbstractTableModel):
    COLUMNS = ("number", "label", "text", "attributes", "coders", "state")

    def __init__(self, codebook: Codebook, parent: QWidget | None = None):
        super().__init__(parent)
        self.codebook = codebook
        self.rows: list[Row] = []
        self.coders: tuple[str, ...] = ()
        self._differs: set[str] = set()

    def reset(self, rows: list[Row], coders: tuple[str, ...]) -> None:
        self.beginResetModel()
        self.rows, self.coders = rows, coders
        versions = [r for r in rows if r.kind == "version"]
        self._differs = set()
        for column, value in (
            ("label", lambda r: r.label),
            ("text", lambda r: (r.start, r.end)),
            ("attributes", lambda r: json.dumps(r.attrs, sort_keys=True)),
            ("coders", lambda r: len(r.version.coders)),
        ):
            if len({value(r) for r in versions}) > 1:
                self._differs.add(column)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Key"), self.tr("Label"), self.tr("Text"), self.tr("Attributes"), self.tr("Coders"),
                    self.tr("State")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        gold = row.gold
        provenance = (gold.provenance or {}) if gold is not None else {}
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "number":
                return str(row.number) if row.kind == "version" else self.tr("gold")
            if column == "label":
                missing = self.codebook.label(row.label).missing_required(row.attrs) if self.codebook.has_label(row.label) else []
                return row.label + (" ⚠" if missing else "")
            if column == "text":
                return row.text
            if column == "attributes":
                return attrs_text(row.attrs)
            if column == "coders":
                if row.version is not None:
                    return ", ".join(row.version.coders)
                agreed = provenance.get("agreed", [])
                return (self.tr("agreed: %s") % ", ".join(agreed)) if agreed else "—"
            if row.version is not None:
                return state_text(row.version.state)
            by = provenance.get("by")
            decided = decision_text(provenance.get("decision", ""))
            return decided + (f" — {by}" if by else "")
        if role == Qt.ItemDataRole.DecorationRole and column == "label" and self.codebook.has_label(row.label):
            return QColor(self.codebook.label(row.label).color)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if row.kind == "version" and column in self._differs:
                font.setBold(True)
            if row.kind == "gold" and column == "number":
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == "state":
            return QColor(STATE_COLOURS.get(row.version.state if row.version else "gold", "#6B7280"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "number":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _tooltip(self, row: Row) -> str:
        lines = [f"{row.label}: {row.text}  [{row.start}, {row.end})"]
        if row.attrs:
            lines.append(attrs_text(row.attrs))
        if row.version is not None:
            missing = [c for c in self.coders if c not in row.version.coders]
            if missing:
                lines.append(self.tr("Not made by: %s") % ", ".join(missing))
        elif row.gold is not None:
            provenance = row.gold.provenance or {}
            if provenance.get("at"):
                lines.append(self.tr("Decided at %s") % provenance["at"])
            missing = self.codebook.label(row.label).missing_required(row.attrs) if self.codebook.has_label(row.label) else []
            if missing:
                lines.append(self.tr("Missing: %s") % ", ".join(missing))
        return "\n".join(lines)


class VersionList(QTableView):
    """The table; its current row is the session's current row, and keys act as in the article."""

    row_chosen = Signal(int)
    action_requested = Signal(str, object)
    open_place_requested = Signal(int)

    def __init__(self, codebook: Codebook, parent: QWidget | None = None):
        super().__init__(parent)
        self.model_ = VersionListModel(codebook, self)
        self.setModel(self.model_)
        self.label_keys = {label.key.lower(): label.name for label in codebook.labels if label.key}
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        header = self.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Interactive,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(column, mode)
        self.setColumnWidth(2, 150)
        self._syncing = False
        self.selectionModel().currentRowChanged.connect(self._row_changed)

    def show_rows(self, rows: list[Row], coders: tuple[str, ...], current: int) -> None:
        self._syncing = True
        try:
            self.model_.reset(rows, coders)
            if rows:
                self.setCurrentIndex(self.model_.index(max(0, min(current, len(rows) - 1)), 0))
        finally:
            self._syncing = False

    def show_current(self, row: int) -> None:
        self._syncing = True
        try:
            if 0 <= row < self.model_.rowCount():
                self.setCurrentIndex(self.model_.index(row, 0))
        finally:
            self._syncing = False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.row_chosen.emit(current.row())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            direction = tab_direction(event)  # type: ignore[arg-type]
            if direction is not None:
                self.open_place_requested.emit(direction)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        action = key_action(event, self.label_keys)
        if action is None or action[0] in ("row", "label"):
            super().keyPressEvent(event)
            return
        self.action_requested.emit(*action)
