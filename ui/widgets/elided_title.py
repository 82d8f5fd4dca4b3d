"""A document's title in at most two lines, cut at its logical end with "…".

A title is the article's first line when it has none of its own (up to 120 characters): wrapped
whole it would take several lines of a narrow pane from the article, and a word wider than the
pane would be clipped at one side. Here the lines are broken at spaces (inside a word only when it alone is too
long), the second line is elided at the end of the text (the left in Arabic), and the whole title
is in the tooltip. The label never asks for width: its pane decides.
"""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MAX_LINES = 2


def _pieces(text: str, metrics: QFontMetrics, width: int) -> list[int]:
    """Where each line starts: greedy at spaces, each line measured alone as it is shown (its own
    paragraph, so its letters take their shapes there); a word wider than a line alone is cut
    between letters, never before a combining mark."""
    starts: list[int] = []
    line_start: int | None = None
    for word in re.finditer(r"\S+", text):
        begin = word.start()
        if line_start is not None and metrics.horizontalAdvance(text[line_start : word.end()]) <= width:
            continue
        line_start = begin
        starts.append(begin)
        while metrics.horizontalAdvance(text[line_start : word.end()]) > width and word.end() - line_start > 1:
            cut = line_start + 1
            while cut < word.end() and metrics.horizontalAdvance(text[line_start : cut + 1]) <= width:
                cut += 1
            while cut < word.end() and unicodedata.combining(text[cut]) and cut > line_start + 1:
                cut -= 1  # a mark stays with its letter
            line_start = cut
            starts.append(cut)
    return starts


def fitted_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """``text`` in lines no wider than ``width``, at most :data:`MAX_LINES`, the last elided."""
    starts = _pieces(text, metrics, width) if width > 0 else []
    if not starts:
        return [text.strip()]
    ends = [*starts[1:], len(text)]
    lines = [text[a:b].strip() for a, b in zip(starts, ends, strict=True)]
    if len(lines) <= MAX_LINES:
        return lines
    rest = text[starts[MAX_LINES - 1] :].strip()
    return [*lines[: MAX_LINES - 1], _elided(rest, metrics, width)]


def _elided(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` elided at its end to fit ``width``. Qt keeps an Arabic letter's joined shape
    before the "…" with a zero-width joiner, which some fonts draw a pixel or two past the width
    Qt was given: it is asked again for less until the line fits."""
    room = width
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    while metrics.horizontalAdvance(elided) > width and room > 0:
        room -= 1
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    return elided


class ElidedTitle(QLabel):
    """A plain-text label showing :func:`fitted_lines` of its text at its current width."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)  # the lines are broken here, so each one is known to fit
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - QLabel's name, so callers set a title as any label's text
        self._full = text
        self.setToolTip(text)
        self._fit()

    def shown_lines(self) -> list[str]:
        return super().text().split("\n")

    def _fit(self) -> None:
        lines = fitted_lines(self._full, QFontMetrics(self.font()), self.contentsRect().width())
        super().setText("\n".join(lines))
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(min(hint.width(), 200), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())
