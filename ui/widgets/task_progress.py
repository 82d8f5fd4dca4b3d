"""The progress of a long operation running on a worker thread, with its Cancel button.

Not a ``QProgressDialog``: a modal one runs the event loop from inside ``setValue``,
the very re-entrancy a worker thread is there to avoid. This dialog only shows what
:class:`ui.tasks.Task` tells it. It blocks input to its window (an import holds the
project's write lock, so an edit made meanwhile would wait on it), while the window
still repaints and the dialog answers its keys. Cancelling asks the operation to
stop; the dialog stays until the operation has undone its work and ended.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget


class TaskProgress(QDialog):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget, title: str, label: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(360)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the operation says how much there is
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.cancelling = False
        self._ended = False

    def show_progress(self, done: int, total: int, text: str) -> None:
        if self.cancelling:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if text:
            self.label.setText(text)

    def reject(self) -> None:
        """Cancel, Escape and the title bar's close all ask the operation to stop; the dialog
        stays, saying so, until the operation has ended."""
        if self._ended or self.cancelling:
            return
        self.cancelling = True
        self.label.setText(self.tr("Cancelling…"))
        self.bar.setRange(0, 0)
        self.buttons.setEnabled(False)
        self.cancel_requested.emit()

    def finish(self) -> None:
        self._ended = True
        self.hide()
        self.deleteLater()
