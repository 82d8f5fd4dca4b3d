"""The article for adjudication: gold spans in the text, each coder's spans as a band under it.

Right to left, in the bundled Arabic font, read-only. Under every line sits one
thin band per coder (top to bottom in the order of the legend); a coder's span
is a segment of that band in its label's colour, right under the words it
covers, so the coders' readings line up with the text and with each other:

- an open version: a solid segment; a settled one (in gold, or the place was
  decided otherwise): faded; a rejected one: hatched;
- a place where the coders still differ: a red zone behind its bands;
- the current place: framed; the selected version: its segments and its words
  outlined;
- gold spans: the label colour behind the text (the selected gold span strong).

Gold spans are drawn by :class:`ui.widgets.span_highlighter.SpanHighlighter`; bands and
frames are painted over the viewport from the text layout, whose glyph runs
give the exact visual extent of a range even across bidi runs (an LTR number
inside Arabic). A ``QTextEdit`` rather than a ``QPlainTextEdit`` because only its
layout honours the extra line distance the bands need. Offsets cross to the
core through :class:`ui.offsets.OffsetMap`, as everywhere in the window.
"""

from __future__ import annotations

import html
from bisect import bisect_left
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from annotator.codebook import Codebook
from annotator.lead.adjudication import Item
from annotator.lead.places import place_rows
from annotator.models import Annotation, Document
from ui.lead.keys import LEAD_KEYS, key_action, tab_opens_place
from ui.offsets import OffsetMap
from ui.widgets.reading_view import ReadingView, fit_wrapping, prepare_reading_view
from ui.widgets.span_highlighter import PaintedSpan

BAND_HEIGHT = 6
BAND_GAP = 3
ROW_NAMES = 34  # the narrowest start margin where each band row is named
OPEN_ZONE = QColor(220, 38, 38, 48)
OPEN_EDGE = QColor(220, 38, 38)


@dataclass(frozen=True)
class Band:
    """One coder's span as painted: UTF-16 positions, the coder's band row, its place and version row."""

    start: int
    end: int
    coder_row: int
    color: str
    state: str
    place: int
    row: int
    tip: str


class AdjudicationView(ReadingView, QTextEdit):
    action_requested = Signal(str, object)  # see ui.lead.keys.key_action; "label" carries (label, start, end)
    open_place_requested = Signal(int)  # +1 / -1: Tab / Shift+Tab
    place_clicked = Signal(int, int)  # place index, version row (-1: the text, not a band)
    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.highlighter = prepare_reading_view(self)
        self.offsets = OffsetMap("")
        self.keymap = LEAD_KEYS
        self.codebook: Codebook | None = None
        self.label_keys: dict[str, str] = {}
        self.coders: list[str] = []
        self.places: list[Item] = []
        self._bands: list[Band] = []
        self._starts: list[int] = []
        self._longest = 0
        self._current: int | None = None
        self._row = 0
        self._hits: list[tuple[QRectF, Band]] = []

    # --- content -------------------------------------------------------------------------

    def set_codebook(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.label_keys = {label.key.lower(): label.name for label in codebook.labels if label.key}

    def show_document(self, document: Document | None, coders: list[str] | tuple[str, ...]) -> None:
        """A new article, with one band row per coder who finished it."""
        self.coders = list(coders)
        self.places, self._bands, self._starts, self._current = [], [], [], None
        text = document.text if document else ""
        self.offsets = OffsetMap(text)
        self.highlighter.selected_id = None
        self.highlighter.set_spans([], redraw=False)
        fit_wrapping(self, text)
        self.setPlainText(text)
        self._make_room()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _make_room(self) -> None:
        """Space under every line for the coder bands.

        The extra line distance follows a paragraph's last line too, so paragraphs need no
        margin of their own; a blank line holds no span and keeps its plain height: with
        band room it made a gap of nearly three lines under the title.
        """
        room = 4 + len(self.coders) * (BAND_HEIGHT + BAND_GAP)
        with_bands = QTextBlockFormat()
        with_bands.setLineHeight(room, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
        with_bands.setBottomMargin(0)
        blank = QTextBlockFormat()
        blank.setLineHeight(0, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
        blank.setBottomMargin(0)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()  # one layout pass for the whole article, however long
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(with_bands)
        block = self.document().begin()
        while block.isValid():
            if not block.text().strip():
                QTextCursor(block).mergeBlockFormat(blank)
            block = block.next()
        cursor.endEditBlock()
        frame = self.document().rootFrame().frameFormat()
        frame.setRightMargin(self.row_names_width())  # the start side of a right-to-left article
        self.document().rootFrame().setFrameFormat(frame)

    def show_places(self, places: list[Item], gold: list[Annotation]) -> None:
        """The places and gold spans of the open document, read afresh after a decision."""
        self.places = places
        bands = []
        for index, place in enumerate(places):
            for row, entry in enumerate(place_rows(place)):
                version = entry.version
                if version is None:
                    continue
                for coder in version.coders:
                    if coder not in self.coders:
                        continue
                    bands.append(
                        Band(
                            start=self.offsets.to_qt(version.start),
                            end=self.offsets.to_qt(version.end),
                            coder_row=self.coders.index(coder),
                            color=self._color(version.label),
                            state=version.state,
                            place=index,
                            row=row,
                            tip=self._tip(coder, entry.number, version.label, version.text, version.attrs, version.state),
                        )
                    )
        self._bands = sorted(bands, key=lambda b: (b.start, b.end))
        self._starts = [b.start for b in self._bands]
        self._longest = max((b.end - b.start for b in self._bands), default=0)
        selected = self.highlighter.selected_id
        self.highlighter.set_spans(
            [
                PaintedSpan(id=g.id, start=self.offsets.to_qt(g.start), end=self.offsets.to_qt(g.end), color=self._color(g.label))
                for g in gold
            ]
        )
        self.highlighter.select(selected if any(g.id == selected for g in gold) else None)
        self.viewport().update()

    def show_current(self, index: int | None, row: int, gold_id: str | None) -> None:
        """Frame the current place, outline its selected row, and bring it into view."""
        moved = index != self._current
        self._current, self._row = index, row
        self.highlighter.select(gold_id)
        if moved and index is not None and index < len(self.places):
            cursor = self.textCursor()
            cursor.setPosition(self.offsets.to_qt(self.places[index].start))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        self.viewport().update()

    def _color(self, label: str) -> str:
        if self.codebook is not None and self.codebook.has_label(label):
            return self.codebook.label(label).color
        return "#888888"

    def _tip(self, coder: str, number: int, label: str, text: str, attrs: dict, state: str) -> str:
        lines = [f"<b>{html.escape(coder)}</b> — {self.tr('version %s') % number}",
                 f"<b>{html.escape(label)}</b> {html.escape(text)}"]
        lines += [f"{html.escape(k)}: {html.escape(str(v))}" for k, v in sorted(attrs.items())]
        lines.append(f"<i>{html.escape(state_text(state))}</i>")
        return "<br>".join(lines)

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self._hits = []
        if not self.coders and not self.places:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        offset = QPointF(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        bottom = self.viewport().height()
        block = self.cursorForPosition(QPoint(0, 0)).block()
        layout = self.document().documentLayout()
        while block.isValid():
            top = layout.blockBoundingRect(block).top() + offset.y()
            if top > bottom:
                break
            self._paint_block(painter, block, offset)
            block = block.next()
        painter.end()

    def _paint_block(self, painter: QPainter, block: QTextBlock, offset: QPointF) -> None:
        start, end = block.position(), block.position() + block.length()
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_left(self._starts, end)
        bands = [b for b in self._bands[low:high] if b.end > start]
        places = [(i, p) for i, p in enumerate(self.places) if self.offsets.to_qt(p.start) < end and self.offsets.to_qt(p.end) > start]
        band_top = 3.0
        band_area = len(self.coders) * (BAND_HEIGHT + BAND_GAP)
        for index, place in places:
            qt_start, qt_end = self.offsets.to_qt(place.start), self.offsets.to_qt(place.end)
            for line_rect, left, right in self._extents(block, qt_start, qt_end, offset):
                if place.open:
                    zone = QRectF(left - 2, line_rect.bottom() + 1, right - left + 4, band_area + band_top)
                    painter.fillRect(zone, OPEN_ZONE)
                    painter.fillRect(QRectF(left - 2, line_rect.bottom() + 1, right - left + 4, 2), OPEN_EDGE)
                if index == self._current:
                    frame = QRectF(left - 4, line_rect.top(), right - left + 8, line_rect.height() + band_area + band_top + 3)
                    painter.setPen(QPen(self.palette().highlight().color(), 2))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(frame, 4, 4)
        if bands:
            self._paint_row_names(painter, block, {b.coder_row for b in bands}, offset, band_top)
        for band in bands:
            selected = band.place == self._current and band.row == self._row
            for line_rect, left, right in self._extents(block, band.start, band.end, offset):
                y = line_rect.bottom() + band_top + band.coder_row * (BAND_HEIGHT + BAND_GAP)
                rect = QRectF(left, y, max(right - left, 3.0), BAND_HEIGHT)
                self._paint_band(painter, rect, band, selected)
                self._hits.append((rect.adjusted(0, -1, 0, 1), band))
        if self._current is not None and self._current < len(self.places):
            row = place_rows(self.places[self._current])
            if 0 <= self._row < len(row):
                chosen = row[self._row]
                pen = QPen(self.palette().text().color(), 1.2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                for line_rect, left, right in self._extents(
                    block, self.offsets.to_qt(chosen.start), self.offsets.to_qt(chosen.end), offset
                ):
                    painter.drawRect(QRectF(left - 1, line_rect.top() + 2, right - left + 2, line_rect.height() - 3))

    def _row_names_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(BAND_HEIGHT + BAND_GAP)
        return font

    def row_names_width(self) -> int:
        """The start margin: wide enough for the longest coder's whole name, so names that share
        their first letters stay told apart."""
        metrics = QFontMetrics(self._row_names_font())
        widest = max((metrics.horizontalAdvance(name) for name in self.coders), default=0)
        return max(ROW_NAMES, widest + 10)

    def _paint_row_names(self, painter: QPainter, block: QTextBlock, rows: set[int], offset: QPointF, band_top: float) -> None:
        """Name the band rows in the start margin, beside the lines that have spans under them."""
        layout = block.layout()
        painter.setFont(self._row_names_font())
        width = self.row_names_width()
        painter.setPen(self.palette().placeholderText().color())
        right = self.viewport().width() - 4
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            bottom = line.rect().translated(layout.position() + offset).bottom()
            for row in sorted(rows):
                y = bottom + band_top + row * (BAND_HEIGHT + BAND_GAP) - BAND_GAP / 2
                name = self.coders[row]
                painter.drawText(QRectF(right - width + 6, y, width - 6, BAND_HEIGHT + BAND_GAP),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)

    def _paint_band(self, painter: QPainter, rect: QRectF, band: Band, selected: bool) -> None:
        color = QColor(band.color)
        if band.state == "rejected":
            faded = QColor(color)
            faded.setAlpha(60)
            painter.fillRect(rect, faded)
            painter.fillRect(rect, QBrush(color, Qt.BrushStyle.BDiagPattern))
        else:
            if band.state != "open":
                color.setAlpha(110)
            painter.fillRect(rect, color)
        if selected:
            painter.setPen(QPen(self.palette().text().color(), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-1, -1, 1, 1))

    def _extents(self, block: QTextBlock, start: int, end: int, offset: QPointF) -> list[tuple[QRectF, float, float]]:
        """The visual pieces of ``[start, end)`` (UTF-16) in a block: each line's rectangle
        (viewport coordinates) with the left and right x of the range on that line."""
        layout = block.layout()
        base = block.position()
        origin = layout.position() + offset
        first, last = max(start, base) - base, min(end, base + block.length() - 1) - base
        out = []
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            a, b = max(first, line.textStart()), min(last, line.textStart() + line.textLength())
            if a >= b:
                continue
            xs = [r.boundingRect() for r in line.glyphRuns(a, b - a)]
            xs = [r for r in xs if r.width() > 0]
            if xs:
                left, right = min(r.left() for r in xs), max(r.right() for r in xs)
            else:
                x1, x2 = line.cursorToX(a)[0], line.cursorToX(b)[0]
                left, right = min(x1, x2), max(x1, x2)
            rect = line.rect().translated(origin)
            out.append((rect, left + origin.x(), right + origin.x()))
        return out

    # --- mouse -----------------------------------------------------------------------------------

    def painted_bands(self) -> list[tuple[QRectF, Band]]:
        """Each band segment painted last, with its rectangle in viewport coordinates."""
        return list(self._hits)

    def _band_at(self, point: QPoint) -> Band | None:
        return next((band for rect, band in self._hits if rect.contains(QPointF(point))), None)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        point = event.position().toPoint()
        band = self._band_at(point)
        if band is not None:
            self.place_clicked.emit(band.place, band.row)
            return
        position = self.offsets.from_qt(self.cursorForPosition(point).position())
        covering = [i for i, p in enumerate(self.places) if p.start <= position < p.end or p.start <= position - 1 < p.end]
        if covering:
            self.place_clicked.emit(min(covering, key=lambda i: self.places[i].end - self.places[i].start), -1)

    def tooltip_at(self, point: QPoint) -> str | None:
        band = self._band_at(point)
        return band.tip if band is not None else None

    # --- keys --------------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        return tab_opens_place(event, self.open_place_requested) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.zoom_key(event):
            return
        if self.keymap.matches("deselect", event):
            self.clear_selection()
            return
        action = key_action(event, self.label_keys, has_selection=self.textCursor().hasSelection())
        if action is None:
            super().keyPressEvent(event)
            return
        name, argument = action
        if name == "label":
            start, end = self.selection()
            self.action_requested.emit("label", (argument, start, end))
            return
        self.action_requested.emit(name, argument)


def state_text(state: str) -> str:
    """A version's state in words (``adjudication.Version.state``)."""
    names = {
        "open": QCoreApplication.translate("AdjudicationView", "open"),
        "gold": QCoreApplication.translate("AdjudicationView", "in gold"),
        "rejected": QCoreApplication.translate("AdjudicationView", "rejected"),
        "superseded": QCoreApplication.translate("AdjudicationView", "settled otherwise"),
    }
    return names.get(state, state)
