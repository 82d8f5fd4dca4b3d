"""Status, flag and comment of the open document."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from annotator.models import STATUSES, DocumentStatus
from ui.widgets.document_queue import status_text


class DocumentPanel(QWidget):
    status_chosen = Signal(str)
    flag_toggled = Signal(bool)
    comment_edited = Signal(int, str)  # document id, comment

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.status = QComboBox()
        for status in STATUSES:
            self.status.addItem(status_text(status), status)
        self.status.activated.connect(lambda _i: self.status_chosen.emit(self.status.currentData()))
        self.flag = QCheckBox(self.tr("Flag for the lead"))
        self.flag.clicked.connect(self.flag_toggled.emit)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("Comment on this document (saved when you leave the box)"))
        self.comment.setMaximumHeight(90)
        self._shown_comment = ""
        self.doc_id: int | None = None
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Status")))
        row.addWidget(self.status, 1)
        row.addWidget(self.flag)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.comment)
        self.comment.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.comment and event.type() == QEvent.Type.FocusOut:
            self.commit_comment()
        return super().eventFilter(watched, event)

    def show_status(self, status: DocumentStatus) -> None:
        self.commit_comment()  # the previous document's comment, before it is replaced
        self.doc_id = status.doc_id
        self.status.setCurrentIndex(max(0, self.status.findData(status.status)))
        self.flag.setChecked(status.flagged)
        self._shown_comment = status.comment
        self.comment.setPlainText(status.comment)

    def commit_comment(self) -> None:
        text = self.comment.toPlainText()
        if self.doc_id is not None and text != self._shown_comment:
            self._shown_comment = text
            self.comment_edited.emit(self.doc_id, text)
