"""The versions of the current place, numbered as the keys that accept them, and its gold spans.

One row per distinct version (label, extent and attributes) with the coders
who made it, then one row per gold span of the place with its provenance. A
cell whose value differs between the versions is bold, so the lead sees at a
glance whether the coders differ on the label, the extent or an attribute.
When the versions differ in attributes, their column shows only the attributes
that differ, on a highlighted ground: the ones they share would push the
difference out of a narrow column (the tooltip keeps the whole set).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from annotator.codebook import Codebook
from annotator.lead.places import Row
from ui.i18n import attrs_display_text, interface_language, number_text
from ui.lead.keys import key_action, tab_opens_place
from ui.lead.view import state_text
from ui.widgets.rows import Index, RowsModel, RowTable, attrs_text, label_colour, missing_attributes

DIFFERS_GROUND = QColor("#FEF3C7")  # the attributes the versions disagree on
ABSENT = "—"  # an attribute one version has and another lacks

STATE_COLOURS = {"open": "#DC2626", "gold": "#059669", "rejected": "#6B7280", "superseded": "#6B7280"}


def differing_attributes(rows: list[Row]) -> list[str]:
    """The attribute names whose values are not the same in every version (absent counts as a value)."""
    versions = [r for r in rows if r.kind == "version"]
    names = sorted({name for r in versions for name in r.attrs})
    return [
        name for name in names
        if len({json.dumps(r.attrs.get(name), sort_keys=True) for r in versions}) > 1
    ]


def decision_text(decision: str) -> str:
    names = {
        "auto": QCoreApplication.translate("VersionList", "automatic (all agreed)"),
        "picked": QCoreApplication.translate("VersionList", "picked"),
        "edited": QCoreApplication.translate("VersionList", "edited"),
        "added": QCoreApplication.translate("VersionList", "added"),
    }
    return names.get(decision, decision or QCoreApplication.translate("VersionList", "imported"))


class VersionListModel(RowsModel):
    COLUMNS = ("number", "label", "text", "attributes", "coders", "state")

    def __init__(self, codebook: Codebook, parent: QWidget | None = None):
        super().__init__(parent)
        self.codebook = codebook
        self.rows: list[Row] = []
        self.coders: tuple[str, ...] = ()
        self._differs: set[str] = set()
        self.differing: list[str] = []

    def reset(self, rows: list[Row], coders: tuple[str, ...]) -> None:
        self.coders = coders
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
        self.differing = differing_attributes(rows) if len(versions) > 1 else []
        self.reset_rows(rows)

    def headers(self) -> list[str]:
        return [self.tr("Key"), self.tr("Label"), self.tr("Text"), self.tr("Attributes"), self.tr("Coders"), self.tr("State")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.column(index)
        gold = row.gold
        provenance = (gold.provenance or {}) if gold is not None else {}
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "number":
                return number_text(row.number) if row.kind == "version" else self.tr("gold")
            if column == "label":
                name = self.codebook.display("label", row.label, interface_language())
                return name + (" ⚠" if missing_attributes(self.codebook, row.label, row.attrs) else "")
            if column == "text":
                return row.text
            if column == "attributes":
                if row.kind == "version" and self.differing:
                    return self._attrs_text({name: row.attrs.get(name, ABSENT) for name in self.differing}, row.label)
                return self._attrs_text(row.attrs, row.label)
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
        if role == Qt.ItemDataRole.DecorationRole and column == "label":
            return label_colour(self.codebook, row.label)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if row.kind == "version" and column in self._differs:
                font.setBold(True)
            if row.kind == "gold" and column == "number":
                font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and column == "attributes" and row.kind == "version" and self.differing:
            return DIFFERS_GROUND
        if role == Qt.ItemDataRole.ForegroundRole and column == "attributes" and row.kind == "version" and self.differing:
            return QColor("#1F2937")  # dark on the light ground in a dark theme too
        if role == Qt.ItemDataRole.ForegroundRole and column == "state":
            return QColor(STATE_COLOURS.get(row.version.state if row.version else "gold", "#6B7280"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "number":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _attrs_text(self, attrs: dict[str, Any], label: str) -> str:
        """Names and choices by their display names, numbers in the window's digits."""
        if not self.codebook.has_label(label):
            return attrs_text(attrs)
        return attrs_display_text(self.codebook.label(label).attributes, attrs)

    def _attribute_names(self, names: list[str], label: str) -> str:
        found = self.codebook.label(label) if self.codebook.has_label(label) else None
        shown = [
            attribute.display_name(interface_language()) if found and (attribute := found.attribute(name)) else name
            for name in names
        ]
        return ("، " if interface_language() == "ar" else ", ").join(shown)

    def _tooltip(self, row: Row) -> str:
        name = self.codebook.display("label", row.label, interface_language())
        lines = [f"{name}: {row.text}  [{row.start}, {row.end})"]
        if row.attrs:
            lines.append(self._attrs_text(row.attrs, row.label))
        if row.kind == "version" and self.differing:
            lines.append(self.tr("The versions differ on: %s") % self._attribute_names(self.differing, row.label))
        if row.version is not None:
            missing = [c for c in self.coders if c not in row.version.coders]
            if missing:
                lines.append(self.tr("Not made by: %s") % ", ".join(missing))
        elif row.gold is not None:
            provenance = row.gold.provenance or {}
            if provenance.get("at"):
                lines.append(self.tr("Decided at %s") % provenance["at"])
            missing = missing_attributes(self.codebook, row.label, row.attrs)
            if missing:
                lines.append(self.tr("Missing: %s") % ", ".join(missing))
        return "\n".join(lines)


class VersionList(RowTable):
    """The table; its current row is the session's current row, and keys act as in the article."""

    row_chosen = Signal(int)
    action_requested = Signal(str, object)
    open_place_requested = Signal(int)

    def __init__(self, codebook: Codebook, parent: QWidget | None = None):
        fit, interactive, stretch = (QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Interactive,
                                     QHeaderView.ResizeMode.Stretch)
        # The attributes fit their contents (only the differing ones when versions differ); the
        # text, which the article shows anyway, takes what is left and is elided.
        super().__init__((fit, fit, stretch, fit, interactive, fit), parent)
        self.model_ = VersionListModel(codebook, self)
        self.setModel(self.model_)
        self.label_keys = {label.key.lower(): label.name for label in codebook.labels if label.key}
        self.setWordWrap(False)
        self.setColumnWidth(4, 110)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.index_chosen.connect(lambda index: self.row_chosen.emit(index.row()))

    def show_rows(self, rows: list[Row], coders: tuple[str, ...], current: int) -> None:
        with self.quietly():
            self.model_.reset(rows, coders)
            if rows:
                self.setCurrentIndex(self.model_.index(max(0, min(current, len(rows) - 1)), 0))

    def show_current(self, row: int) -> None:
        if 0 <= row < self.model_.rowCount():
            with self.quietly():
                self.setCurrentIndex(self.model_.index(row, 0))

    def event(self, event: QEvent) -> bool:
        return tab_opens_place(event, self.open_place_requested) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        action = key_action(event, self.label_keys)
        if action is None or action[0] in ("row", "label"):
            super().keyPressEvent(event)
            return
        self.action_requested.emit(*action)
