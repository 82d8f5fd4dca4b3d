"""What the coder's article and the lead's share: setup, selection in code points, zoom, tooltips.

The coder's :class:`ui.widgets.article_view.ArticleView` is a ``QPlainTextEdit``
and the lead's :class:`ui.lead.view.AdjudicationView` a ``QTextEdit`` (its
layout honours the line distance the coder bands need), so what they share is a
mixin over either. Each view declares its own ``zoom_changed`` signal and the
keymap whose ``zoom_in`` / ``zoom_out`` keys it reads.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFont, QKeyEvent, QTextCursor, QTextOption, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QPlainTextEdit, QTextEdit, QToolTip

from ui.keymap import Keymap
from ui.offsets import OffsetMap
from ui.widgets.span_highlighter import SpanHighlighter
from ui.widgets.zoom import font_of_size, wheel_zoom

ARTICLE_FONT = "Noto Naskh Arabic"  # bundled in resources/fonts, registered at start

if TYPE_CHECKING:
    _View = QAbstractScrollArea  # what QPlainTextEdit and QTextEdit have in common
else:
    _View = object


def prepare_reading_view(view: QPlainTextEdit | QTextEdit) -> SpanHighlighter:
    """What every view of an article shares: read-only, right to left, the bundled font, keyboard
    selection, and the span highlighter (returned)."""
    view.setReadOnly(True)
    view.setFont(QFont(ARTICLE_FONT, 16))
    view.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    option = QTextOption()
    option.setAlignment(Qt.AlignmentFlag.AlignRight)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    view.document().setDefaultTextOption(option)
    view.document().setDocumentMargin(18)
    view.setMouseTracking(True)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return SpanHighlighter(view.document())


# A run of this many characters with no space or line break in it (a pasted URL list, a
# base64 blob, a page of text with its spaces lost) is laid out breaking anywhere: Qt's
# word-boundary wrapping looks for the end of such a word on every line it makes, a cost that
# grows with the square of its length (benchmarks/open_cost.py).
LONG_WORD = 2000
_LONG_WORD = re.compile(rf"\S{{{LONG_WORD}}}")


def fit_wrapping(view: QPlainTextEdit | QTextEdit, text: str) -> None:
    """Wrap ``text`` at word boundaries, or anywhere when it holds a word too long for that."""
    option = view.document().defaultTextOption()
    mode = (
        QTextOption.WrapMode.WrapAnywhere if _LONG_WORD.search(text)
        else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    )
    if option.wrapMode() != mode:
        option.setWrapMode(mode)
        view.document().setDefaultTextOption(option)


class ReadingView(_View):
    """Mixed in before the Qt text view; the view sets ``offsets`` and ``keymap``."""

    offsets: OffsetMap
    keymap: Keymap

    if TYPE_CHECKING:  # given by either text view

        def textCursor(self) -> QTextCursor: ...  # noqa: N802

        def setTextCursor(self, cursor: QTextCursor) -> None: ...  # noqa: N802

    # --- selection in code points -------------------------------------------------------

    def selection(self) -> tuple[int, int]:
        """The text cursor's selection (or its position twice), in code points."""
        cursor = self.textCursor()
        return self.offsets.from_qt(cursor.selectionStart()), self.offsets.from_qt(cursor.selectionEnd())

    def select_text(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    # --- zoom -----------------------------------------------------------------------------

    def set_font_size(self, size: int) -> None:
        font = font_of_size(self.font(), size)
        self.setFont(font)
        self.zoom_changed.emit(font.pointSize())  # type: ignore[attr-defined]

    def zoom(self, steps: int) -> None:
        self.set_font_size(self.font().pointSize() + steps)

    def zoom_key(self, event: QKeyEvent) -> bool:
        """Zoom when the key is a zoom key of the view's keymap (the view may sit in a dialog,
        out of reach of its window's menu shortcuts)."""
        steps = 1 if self.keymap.matches("zoom_in", event) else -1 if self.keymap.matches("zoom_out", event) else 0
        if steps:
            self.zoom(steps)
        return bool(steps)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = wheel_zoom(event)
        if steps:
            self.zoom(steps)
            event.accept()
            return
        super().wheelEvent(event)

    # --- tooltips ---------------------------------------------------------------------------

    def tooltip_at(self, point: QPoint) -> str | None:
        """The tooltip of what lies under a point of the viewport, if anything."""
        return None

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(event.pos())  # type: ignore[attr-defined]
            if tip is not None:
                QToolTip.showText(event.globalPos(), tip, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
