"""Draws spans on the article: label colours, nesting, suggestions, the selected span.

A ``QSyntaxHighlighter`` sets character formats block by block, so an edit
re-highlights only the paragraphs it touches, and no ``ExtraSelection`` is ever
made (PySide6 6.12 crashes when thousands of their cursors are assigned; see
PITFALLS.md). Positions here are Qt's UTF-16 units: the view converts once.

Qt asks for every paragraph when a document is shown, so the spans are first cut
into runs of one look each (once per change, not once per paragraph); a paragraph
then only looks up its runs. That took a 20,000-character article with 200 spans
from 4 ms of Python per switch to about 1.

How spans look:
- a confirmed span: its label colour as a light background;
- a span inside another one: the outer background, plus a thick underline in
  the inner span's colour, so both stay visible;
- a suggestion: a dashed underline in its label colour, no background;
- the selected span: a strong background in its label colour and white text;
- the spans of the event under the mouse (or the current event): a line over and
  under them in the text colour, so the spans one event links read as one group;
- the words a document search found: a marker-yellow background over whatever
  else is drawn there, so the coder sees why the article matched.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument


@dataclass(frozen=True)
class PaintedSpan:
    """A span as the view draws it, in UTF-16 positions of the document."""

    id: str
    start: int
    end: int
    color: str
    suggested: bool = False


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, *, dark: bool = False):
        super().__init__(document)
        self._spans: list[PaintedSpan] = []
        self._starts: list[int] = []
        self._longest = 0
        self._selected_id: str | None = None
        self._outlined: frozenset[str] = frozenset()
        self._dark = dark
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}
        # Stretches of text with one look: (start, end, format), in order, not overlapping.
        self._runs: list[tuple[int, int, QTextCharFormat]] = []
        self._run_ends: list[int] = []
        # Search matches: (start, end) in order, not overlapping, and their ends for bisecting.
        self._matches: list[tuple[int, int]] = []
        self._match_ends: list[int] = []

    @property
    def selected_id(self) -> str | None:
        return self._selected_id

    @selected_id.setter
    def selected_id(self, span_id: str | None) -> None:
        """The runs hold the selected span's strong format: a new selection cuts them again."""
        if span_id != self._selected_id:
            self._selected_id = span_id
            self._cut_runs()

    @property
    def dark(self) -> bool:
        return self._dark

    @dark.setter
    def dark(self, value: bool) -> None:
        self._dark = value
        self._formats.clear()
        self._cut_runs()

    # --- the spans ------------------------------------------------------------------

    def set_spans(self, spans: list[PaintedSpan], *, redraw: bool = True) -> None:
        """Replace every span; ``redraw=False`` when new text follows (it is highlighted as set)."""
        self._spans = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
        self._reindex()
        if redraw:
            self.rehighlight()

    def replace_span(self, old: PaintedSpan | None, new: PaintedSpan | None) -> None:
        """Add, change or remove one span, redrawing only the paragraphs it touches."""
        if old is not None:
            self._spans = [s for s in self._spans if s.id != old.id]
        if new is not None:
            self._spans.append(new)
            self._spans.sort(key=lambda s: (s.start, -s.end, s.id))
        self._reindex()
        for span in (old, new):
            if span is not None:
                self.redraw_range(span.start, span.end)

    def select(self, span_id: str | None) -> None:
        previous = self.span(self.selected_id) if self.selected_id else None
        self.selected_id = span_id
        for span in (previous, self.span(span_id) if span_id else None):
            if span is not None:
                self.redraw_range(span.start, span.end)

    def outline(self, span_ids: set[str] | frozenset[str]) -> None:
        """Draw a line over and under these spans (and no others)."""
        span_ids = frozenset(span_ids)
        if span_ids == self._outlined:
            return
        changed = span_ids ^ self._outlined
        self._outlined = span_ids
        self._cut_runs()
        for span in self._spans:
            if span.id in changed:
                self.redraw_range(span.start, span.end)

    def set_matches(self, matches: list[tuple[int, int]], *, redraw: bool = True) -> None:
        """Mark the words a search found (UTF-16 positions), replacing the last search's;
        ``redraw=False`` when new text follows."""
        old = self._matches
        self._matches = sorted(matches)
        self._match_ends = [end for _start, end in self._matches]
        if not redraw:
            return
        for start, end in (*old, *self._matches):
            self.redraw_range(start, end)

    @property
    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    @property
    def outlined(self) -> frozenset[str]:
        return self._outlined

    def span(self, span_id: str | None) -> PaintedSpan | None:
        return next((s for s in self._spans if s.id == span_id), None)

    def spans_at(self, position: int) -> list[PaintedSpan]:
        """Spans covering a position, outermost first."""
        return [s for s in self._candidates(position, position + 1) if s.start <= position < s.end]

    def redraw_range(self, start: int, end: int) -> None:
        document = self.document()
        block = document.findBlock(start)
        while block.isValid() and block.position() <= max(start, end - 1):
            self.rehighlightBlock(block)
            block = block.next()

    def _reindex(self) -> None:
        self._starts = [s.start for s in self._spans]
        self._longest = max((s.end - s.start for s in self._spans), default=0)
        self._cut_runs()

    def _cut_runs(self) -> None:
        """Cut the text at every span edge; each piece covered by a span gets the format of the
        spans over it (outermost first, as the spans are sorted)."""
        edges = sorted({p for s in self._spans for p in (s.start, s.end)})
        runs: list[tuple[int, int, QTextCharFormat]] = []
        active: list[PaintedSpan] = []
        waiting = iter(self._spans)
        upcoming = next(waiting, None)
        for left, right in zip(edges, edges[1:], strict=False):
            active = [s for s in active if s.end > left]
            while upcoming is not None and upcoming.start <= left:
                active.append(upcoming)
                upcoming = next(waiting, None)
            if active:
                runs.append((left, right, self._format(active)))
        self._runs = runs
        self._run_ends = [run[1] for run in runs]

    def _candidates(self, start: int, end: int) -> list[PaintedSpan]:
        """Spans that may intersect ``[start, end)``: a bisect on starts, bounded by the longest span."""
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_left(self._starts, end)
        return [s for s in self._spans[low:high] if s.end > start]

    # --- drawing --------------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        block = self.currentBlock()
        block_start = block.position()
        # In UTF-16 units, as Qt counts: len(text) would count 😀 once and drop the end of a
        # span that closes a paragraph holding one.
        block_end = block_start + block.length() - 1
        runs = self._runs
        for index in range(bisect_right(self._run_ends, block_start), len(runs)):
            left, right, fmt = runs[index]
            if left >= block_end:
                break
            left, right = max(left, block_start), min(right, block_end)
            self.setFormat(left - block_start, right - left, fmt)
        self._mark_matches(block_start, block_end)

    def _mark_matches(self, block_start: int, block_end: int) -> None:
        """Lay the search marker over the formats already set, keeping their underlines; the
        selected span keeps its own strong look, so the coder still sees what is selected."""
        matches = self._matches
        selected = self.span(self._selected_id) if self._selected_id else None
        for index in range(bisect_right(self._match_ends, block_start), len(matches)):
            left, right = matches[index]
            if left >= block_end:
                break
            for position in range(max(left, block_start) - block_start, min(right, block_end) - block_start):
                if selected is not None and selected.start <= position + block_start < selected.end:
                    continue
                fmt = QTextCharFormat(self.format(position))
                fmt.merge(self._match_format())
                self.setFormat(position, 1, fmt)

    def _match_format(self) -> QTextCharFormat:
        key = ("match", self.dark)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = QTextCharFormat()
            fmt.setBackground(QColor("#A16207" if self.dark else "#FDE047"))
            fmt.setForeground(QColor("#FFFFFF" if self.dark else "#111827"))
        return fmt

    def _format(self, covering: list[PaintedSpan]) -> QTextCharFormat:
        """The format of a stretch of text covered by ``covering`` (outermost first), cached
        by what it looks like: a few dozen distinct formats serve a whole article."""
        confirmed = [s.color for s in covering if not s.suggested]
        suggested = [s.color for s in covering if s.suggested]
        selected = next((s.color for s in covering if s.id == self.selected_id), None)
        outlined = any(s.id in self._outlined for s in covering)
        key = (confirmed[0] if confirmed else None, confirmed[-1] if len(confirmed) > 1 else None,
               suggested[-1] if suggested and len(confirmed) <= 1 else None, selected, outlined)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = self._make_format(*key)
        return fmt

    def _make_format(
        self, outer: str | None, inner: str | None, suggested: str | None, selected: str | None, outlined: bool = False
    ) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if outlined:
            fmt.setFontOverline(True)
            fmt.setFontUnderline(True)
            fmt.setUnderlineColor(QColor("#E5E7EB" if self.dark else "#111827"))
        if outer is not None:
            fmt.setBackground(self._tint(outer))
        if inner is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(inner))
        if suggested is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(suggested))
        if selected is not None:
            fmt.setBackground(QColor(selected))
            fmt.setForeground(QColor("#FFFFFF"))
        return fmt

    def _tint(self, color: str) -> QColor:
        """The label colour made light enough (or dark enough) to read text over it."""
        base = QColor(color)
        tint = QColor(base)
        tint.setAlpha(110 if self.dark else 70)
        return tint
