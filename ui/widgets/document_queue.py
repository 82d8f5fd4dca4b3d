"""The document queue: every document with its status, paged from the core.

``QAbstractTableModel`` with ``canFetchMore``/``fetchMore``: the view asks for
rows as it scrolls, so a 100,000-document project opens with one page read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QVBoxLayout, QWidget

from annotator.models import DocumentSummary
from annotator.store.project import Project
from ui.i18n import number_text
from ui.widgets.rows import Index, RowsModel, RowTable

PAGE = 200
STATUS_COLOURS = {"new": "#9E9E9E", "in_progress": "#F59E0B", "done": "#10B981", "skipped": "#6B7280"}


class DocumentQueueModel(RowsModel):
    # The marks have a column of their own: at the end of a long title the elided part hid them.
    COLUMNS = ("title", "marks", "status", "spans")

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.status: str | None = None
        self.search: str | None = None
        self.rows: list[DocumentSummary] = []
        self.total = 0
        self.refresh()

    def refresh(self) -> None:
        """Re-read the first page (after a filter change or an import)."""
        self.total = self.project.document_count(status=self.status, search=self.search)
        self.reset_rows(self.project.documents(offset=0, limit=PAGE, status=self.status, search=self.search))

    def set_filter(self, status: str | None, search: str | None) -> None:
        self.status, self.search = status, (search or None)
        self.refresh()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        more = self.project.documents(offset=len(self.rows), limit=PAGE, status=self.status, search=self.search)
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def headers(self) -> list[str]:
        return [self.tr("Document"), "", self.tr("Status"), self.tr("Spans")]

    def row_id(self, row: DocumentSummary) -> int:
        return row.id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        doc = self.rows[index.row()]
        column = self.column(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return doc.title or doc.key
            if column == "marks":
                # ≈ rather than ⧉: the fonts a coder has (and the one we bundle) mostly lack ⧉
                return " ".join(mark for mark, shown in (("⚑", doc.flagged), ("≈", doc.duplicate_of)) if shown)
            if column == "status":
                return status_text(doc.status)
            if doc.suggestion_count:
                return f"{number_text(doc.span_count)} + {number_text(doc.suggestion_count)}"
            return number_text(doc.span_count)
        if role == Qt.ItemDataRole.ToolTipRole and column == "spans":
            return self.tr("%1 span(s), %2 suggestion(s) pending").replace("%1", number_text(doc.span_count)).replace(
                "%2", number_text(doc.suggestion_count))
        if role == Qt.ItemDataRole.ForegroundRole and column == "status":
            return QColor(STATUS_COLOURS.get(doc.status, "#9E9E9E"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "marks":
            marks = [self.tr("Flagged for the lead")] if doc.flagged else []
            if doc.duplicate_of:
                marks.append(self.tr("Near-duplicate of %s") % doc.duplicate_of)
            return "\n".join(marks) or None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [doc.key]
            if doc.duplicate_of:
                lines.append(self.tr("Near-duplicate of %s") % doc.duplicate_of)
            if doc.comment:
                lines.append(doc.comment)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.UserRole:
            return doc.id
        return None

    def refresh_document(self, doc_id: int) -> None:
        if self.row_of(doc_id) is not None:
            self.replace(doc_id, self.project.document_summary(doc_id))


def status_text(status: str) -> str:
    names = {
        "new": QCoreApplication.translate("DocumentQueue", "new"),
        "in_progress": QCoreApplication.translate("DocumentQueue", "in progress"),
        "done": QCoreApplication.translate("DocumentQueue", "done"),
        "skipped": QCoreApplication.translate("DocumentQueue", "skipped"),
    }
    return names.get(status, status)


class DocumentQueue(QWidget):
    """Filter, search box and the table of documents."""

    document_chosen = Signal(int)
    search_applied = Signal(str)  # the words the list is now filtered by ("" for none)
    search_entered = Signal()  # Enter in the search box opened the first hit

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = DocumentQueueModel(project, self)
        self._shown: int | None = None  # the open document
        self.status_filter = QComboBox()
        for value, text in (
            (None, self.tr("All")),
            ("new", self.tr("New")),
            ("in_progress", self.tr("In progress")),
            ("done", self.tr("Done")),
            ("skipped", self.tr("Skipped")),
            ("flagged", self.tr("Flagged")),
        ):
            self.status_filter.addItem(text, value)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search (ignores tashkeel, tatweel, hamza forms)"))
        self.search_box.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_box.returnPressed.connect(self._open_first_hit)
        self.search_box.installEventFilter(self)
        self.status_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        fit = QHeaderView.ResizeMode.ResizeToContents
        self.table = RowTable((QHeaderView.ResizeMode.Stretch, fit, fit, fit))
        self.table.setModel(self.model)
        self.table.index_chosen.connect(lambda index: self.document_chosen.emit(self.model.data(index, Qt.ItemDataRole.UserRole)))
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table)

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.status_filter.currentData(), self.search_box.text().strip())
        # The list is read afresh: the open document, if it is still listed, stays marked as open.
        row = self.model.row_of(self._shown) if self._shown is not None else None
        if row is not None:
            self.table.show_row(self.model.index(row, 0))
        self.search_applied.emit(self.model.search or "")

    def _apply_typed_search(self) -> None:
        """Filter by what the box holds now, not 250 ms from now (once only)."""
        if self._search_timer.isActive() or (self.search_box.text().strip() or None) != self.model.search:
            self._apply_filter()

    def _open_first_hit(self) -> None:
        """Enter in the search box: the list as typed so far, and its first document opened."""
        self._apply_typed_search()
        if self.model.rows:
            self.document_chosen.emit(self.model.rows[0].id)
            self.search_entered.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Down in the search box moves into the list (onto the open document if it is listed,
        else onto the first, which opens it)."""
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self._apply_typed_search()
            if self.model.rows:
                self.table.setFocus()
                row = self.model.row_of(self._shown) if self._shown is not None else None
                if row is not None:
                    self.table.show_row(self.model.index(row, 0))
                else:
                    self.table.setCurrentIndex(self.model.index(0, 0))  # the user's move: it opens
            return True
        return super().eventFilter(watched, event)

    def show_current(self, doc_id: int) -> None:
        self._shown = doc_id
        row = self.model.row_of(doc_id)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(doc_id)
        self.table.show_row(None if row is None else self.model.index(row, 0))

    def neighbour(self, doc_id: int | None, step: int) -> int | None:
        """The document before or after ``doc_id`` in the queue as filtered."""
        row = self.model.row_of(doc_id) if doc_id is not None else None
        target = 0 if row is None else row + step
        if target >= len(self.model.rows) and self.model.canFetchMore():
            self.model.fetchMore()
        if 0 <= target < len(self.model.rows):
            return self.model.rows[target].id
        return None
