"""The highlighter paints every character as the rules say, however spans nest, cross
paragraphs or change: checked character by character against the rules written out plainly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QColor, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from ui.widgets.span_highlighter import PaintedSpan, SpanHighlighter

COLORS = ["#C0392B", "#2471A3", "#1E8449"]
TEXT = "قُتِلَ 54 شخصاً\nفي الباغوز 😀 فوقاني\n\nبدير الزور، ٢٣ جريحاً"


@pytest.fixture(scope="module")
def app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def painted(document: QTextDocument) -> list[tuple[object, ...]]:
    """What each UTF-16 position of the document looks like, read back from Qt's layouts."""
    looks: list[tuple[object, ...]] = []
    block = document.begin()
    while block.isValid():
        here: list[tuple[object, ...]] = [look(QTextCharFormat())] * block.length()
        for part in block.layout().formats():
            for offset in range(part.start, part.start + part.length):
                here[offset] = look(part.format)
        looks += here
        block = block.next()
    return looks[: document.characterCount() - 1]


def look(fmt: QTextCharFormat) -> tuple[object, ...]:
    background = fmt.background().color() if fmt.hasProperty(QTextCharFormat.Property.BackgroundBrush) else None
    underline = fmt.underlineStyle()
    return (
        (background.name(), background.alpha()) if background is not None else None,
        underline,
        fmt.underlineColor().name() if underline != QTextCharFormat.UnderlineStyle.NoUnderline else None,
        fmt.foreground().color().name() if fmt.hasProperty(QTextCharFormat.Property.ForegroundBrush) else None,
    )


def expected(length: int, spans: list[PaintedSpan], selected: str | None, separators: set[int]) -> list[tuple[object, ...]]:
    """The module docstring's rules, one position at a time."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
    out = []
    for position in range(length):
        fmt = QTextCharFormat()
        covering = [s for s in ordered if s.start <= position < s.end]
        if position in separators or not covering:
            out.append(look(fmt))
            continue
        confirmed = [s for s in covering if not s.suggested]
        suggested = [s for s in covering if s.suggested]
        if confirmed:
            tint = QColor(confirmed[0].color)
            tint.setAlpha(70)
            fmt.setBackground(tint)
        if len(confirmed) > 1:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(confirmed[-1].color))
        if suggested and len(confirmed) <= 1:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(QColor(suggested[-1].color))
        chosen = next((s for s in covering if s.id == selected), None)
        if chosen is not None:
            fmt.setBackground(QColor(chosen.color))
            fmt.setForeground(QColor("#FFFFFF"))
        out.append(look(fmt))
    return out


def qt_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


span_lists = st.lists(
    st.tuples(st.integers(0, qt_length(TEXT) - 1), st.integers(1, 12), st.sampled_from(COLORS), st.booleans()),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(spans=span_lists, selected=st.integers(-1, 11), changed=st.integers(-1, 11))
def test_every_character_looks_as_the_rules_say(app, spans, selected: int, changed: int) -> None:
    document = QTextDocument()
    document.setDocumentLayout(QPlainTextDocumentLayout(document))  # as in the article view
    highlighter = SpanHighlighter(document)
    app.processEvents()  # the highlighter's first full pass is queued; in the window it has run long before
    size = qt_length(TEXT)
    made = [PaintedSpan(f"s{i}", start, min(start + width, size), color, suggested)
            for i, (start, width, color, suggested) in enumerate(spans)]
    highlighter.set_spans(made, redraw=False)
    document.setPlainText(TEXT)
    separators = {i for i, unit in enumerate(TEXT.encode("utf-16-le")[::2]) if unit == ord("\n")}
    assert painted(document) == expected(size, made, None, separators)

    if 0 <= changed < len(made):  # one span moved and relabelled: only its paragraphs are redrawn
        old = made[changed]
        new = PaintedSpan(old.id, max(0, old.start - 3), min(size, old.end + 5), COLORS[0], not old.suggested)
        highlighter.replace_span(old, new)
        made[changed] = new
    chosen = made[selected].id if 0 <= selected < len(made) else None
    highlighter.select(chosen)
    assert painted(document) == expected(size, made, chosen, separators)
