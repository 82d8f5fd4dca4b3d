"""The span dock: the selected span's form above the document's span list.

A casualty figure's form is taller than a laptop's dock: laid out plainly it would
take the height and leave the list a row. The form scrolls
instead, and the list keeps room for a few rows; the split between them is the
coder's to drag and does not move when another label's form is shown. A field
reached by its Alt letter is scrolled into view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QSplitter, QWidget

from ui.coder.span_list import SpanList
from ui.widgets.attribute_form import AttributeForm

LIST_ROWS = 4  # the span list's rows however tall the form


class SpanPanel(QSplitter):
    def __init__(self, form: AttributeForm, spans: SpanList, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.form, self.spans = form, spans
        self.scroll = QScrollArea()
        self.scroll.setWidget(form)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addWidget(self.scroll)
        self.addWidget(spans)
        for index in range(2):
            self.setCollapsible(index, False)
        self.setStretchFactor(0, 0)  # a taller dock gives its height to the list
        self.setStretchFactor(1, 1)
        spans.setMinimumHeight(list_height(spans, LIST_ROWS))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def fit_form(self, height: int) -> None:
        """Give the form ``height`` (its tallest label's) if the list keeps its rows, else what is left."""
        self.setSizes([height, self.spans.minimumHeight()])

    def scrollbar_width(self) -> int:
        """What the form loses to its scroll bar: the dock's first width allows for it."""
        return self.scroll.verticalScrollBar().sizeHint().width()

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.form.isAncestorOf(new):
            self.scroll.ensureWidgetVisible(new)


def list_height(spans: SpanList, rows: int) -> int:
    """The height of the list's header, ``rows`` rows and its horizontal scroll bar."""
    return (
        spans.horizontalHeader().sizeHint().height()
        + rows * spans.verticalHeader().defaultSectionSize()
        + spans.horizontalScrollBar().sizeHint().height()
        + 2 * spans.frameWidth()
    )
