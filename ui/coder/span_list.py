"""The spans of the open document as a sortable table, kept in step with the view.

The model changes row by row as the session reports edits (insert, remove,
data changed), so a long list never resets for one edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QHeaderView, QWidget

from annotator.codebook import Codebook
from annotator.models import Annotation, Origin
from ui.i18n import attrs_display_text, interface_language, number_text
from ui.widgets.rows import Index, RowsModel, RowTable, attrs_text, label_colour, missing_attributes
from ui.widgets.suggesters import suggester_name

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # what a column sorts by: the position as a number, whatever its digits


def attributes_text(attrs: dict[str, Any]) -> str:
    """The attributes column's "key=value, key=value". In a right-to-left interface each pair is
    isolated (U+2068 ... U+2069): otherwise the bidi algorithm runs neighbouring pairs together and
    a row reads as mirrored fragments ("=canonical")."""
    if QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return attrs_text(attrs)
    return ", ".join(f"\u2068{attrs_text({key: value})}\u2069" for key, value in sorted(attrs.items()))


class SpanListModel(RowsModel):
    COLUMNS = ("label", "text", "attributes", "position")

    def __init__(self, codebook: Codebook, parent: QWidget | None = None):
        super().__init__(parent)
        self.codebook = codebook
        self.rows: list[Annotation] = []

    def headers(self) -> list[str]:
        return [self.tr("Label"), self.tr("Text"), self.tr("Attributes"), self.tr("Position")]

    def row_id(self, row: Annotation) -> str:
        return row.id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        annotation = self.rows[index.row()]
        column = self.column(index)
        if role == Qt.ItemDataRole.DisplayRole:
            known = self.codebook.has_label(annotation.label)
            if column == "label":
                missing = missing_attributes(self.codebook, annotation.label, annotation.attrs)
                marker = " ⚠" if missing else ""
                name = self.codebook.display("label", annotation.label, interface_language())
                if annotation.origin == Origin.SUGGESTED and _learned(annotation):
                    return self.tr("%1 (learned)").replace("%1", name + marker)
                if annotation.origin == Origin.SUGGESTED:
                    # A word, not "…": an ellipsis reads as text cut short, and no font lacks it.
                    return self.tr("%1 (suggested)").replace("%1", name + marker)
                return name + marker
            if column == "text":
                return annotation.text
            if column == "attributes":
                if not known:
                    return attributes_text(annotation.attrs)
                return attrs_display_text(self.codebook.label(annotation.label).attributes, annotation.attrs)
            return number_text(annotation.start)  # the digits of the rest of the window, not the locale's
        if role == SORT_ROLE:
            return annotation.start if column == "position" else self.data(index)
        if role == Qt.ItemDataRole.DecorationRole and column == "label":
            return label_colour(self.codebook, annotation.label)
        if role == Qt.ItemDataRole.UserRole:
            return annotation.id
        if role == Qt.ItemDataRole.FontRole and annotation.origin == Origin.SUGGESTED:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == "label":
            missing = missing_attributes(self.codebook, annotation.label, annotation.attrs)
            lines = [self.tr("Missing: %s") % ", ".join(missing)] if missing else []
            suggester = suggester_name(annotation)
            if annotation.origin == Origin.SUGGESTED and _learned(annotation):
                lines.append(self.tr("Learned from your finished documents: accept or reject it"))
            elif annotation.origin == Origin.SUGGESTED:
                lines.append(self.tr("A suggestion: accept or reject it"))
                if suggester:
                    lines.append(self.tr("Suggested by: %1").replace("%1", suggester))
            elif suggester:
                # Accepting keeps the suggester in the span's provenance: the lead's agreement report counts it too.
                lines.append(self.tr("An accepted suggestion, made by: %1").replace("%1", suggester))
            return "\n".join(lines) or None
        return None

    def reset(self, annotations: list[Annotation]) -> None:
        self.reset_rows(sorted(annotations, key=lambda a: (a.start, a.end, a.id)))

    def added(self, annotation: Annotation) -> None:
        if self.row_of(annotation.id) is not None:
            self.updated(annotation)
            return
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(annotation)
        self.endInsertRows()

    def updated(self, annotation: Annotation) -> None:
        self.replace(annotation.id, annotation)

    def removed(self, annotation: Annotation) -> None:
        row = self.row_of(annotation.id)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()


class SpanList(RowTable):
    """The table; selecting a row selects the span in the article, and back."""

    span_chosen = Signal(object)  # annotation id

    def __init__(self, codebook: Codebook, parent: QWidget | None = None):
        fit = QHeaderView.ResizeMode.ResizeToContents
        super().__init__((fit, QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Stretch, fit), parent)
        self.source = SpanListModel(codebook, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.setColumnWidth(1, 170)
        self.setWordWrap(False)
        self.index_chosen.connect(lambda index: self.span_chosen.emit(self.proxy.data(index, Qt.ItemDataRole.UserRole)))

    def show_selected(self, annotation_id: str | None) -> None:
        row = self.source.row_of(annotation_id) if annotation_id else None
        self.show_row(None if row is None else self.proxy.mapFromSource(self.source.index(row, 0)))


def _learned(annotation: Annotation) -> bool:
    """Whether the project's recommender, not a list of names, proposed this suggestion."""
    return (annotation.provenance or {}).get("suggester") == "learned"
