"""The document's title above the article: at most two lines at any pane width, elided at its
logical end (the left in Arabic), the whole title in the tooltip, and never wider than its pane."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.models import Document
from ui.widgets.document_header import DocumentHeader
from ui.widgets.elided_title import MAX_LINES, fitted_lines

TITLE = (
    'وقالت مصادر محلية، لـ"العربي الجديد"، اليوم الجمعة، إنّ "أكثر من 30 شخصاً قتلوا في غارات '
    "استهدفت تجمّعاً لعشرات المدنيين عند معمل الثلج الواقع بين بلدتي السوسة والباغوز"
)


PAGES: list[QWidget] = []  # the test's page, alive until the next test's


def header_at(qtbot, width: int, title: str) -> DocumentHeader:
    page = QWidget()
    PAGES[:] = [page]
    qtbot.addWidget(page)
    header = DocumentHeader()
    QVBoxLayout(page).addWidget(header)
    header.show_document(Document(id=1, key="002", title=title, text="نص", sha256="0"))
    page.resize(width, 300)
    page.show()
    qtbot.waitExposed(page)
    return header


def test_a_long_arabic_title_takes_two_lines_and_ends_in_an_ellipsis(qtbot) -> None:
    header = header_at(qtbot, 320, TITLE)
    title = header.title
    lines = title.shown_lines()
    assert len(lines) == MAX_LINES
    metrics = QFontMetrics(title.font())
    assert all(metrics.horizontalAdvance(line) <= title.contentsRect().width() for line in lines)
    # Cut at the logical end: what is shown is the title's beginning, then "…".
    assert lines[-1].endswith("…")
    assert TITLE.startswith(lines[0])
    assert lines[-1].rstrip("…\u200d").strip() in TITLE  # Qt keeps the cut letter's joining form (ZWJ)
    assert title.toolTip() == TITLE


def test_the_title_follows_the_pane_width(qtbot) -> None:
    header = header_at(qtbot, 320, TITLE)
    narrow = header.title.shown_lines()
    header.window().resize(3000, 300)
    qtbot.waitUntil(lambda: header.title.shown_lines() != narrow)
    assert header.title.shown_lines() == [TITLE]


def test_an_unbroken_title_does_not_widen_its_pane(qtbot) -> None:
    unbroken = "تجمّعاًلعشراتالمدنيين" * 12
    header = header_at(qtbot, 300, unbroken)
    assert header.width() <= 300
    assert header.title.minimumSizeHint().width() <= 300
    assert len(header.title.shown_lines()) <= MAX_LINES


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي0123456789،", min_size=1, max_size=14),
                      min_size=1, max_size=40),
       width=st.integers(min_value=40, max_value=900))
@example(words=["9ثك7فثحوزر0ف"], width=40)  # Noto Sans Arabic drew Qt's elided line a pixel too wide
def test_fitted_lines_fit_and_keep_the_titles_beginning(qapp, words: list[str], width: int) -> None:
    text = " ".join(words)
    metrics = QFontMetrics(qapp.font())
    lines = fitted_lines(text, metrics, width)
    assert 1 <= len(lines) <= MAX_LINES
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    if not lines[-1].endswith("…"):
        assert "".join("".join(lines).split()) == "".join(text.split())  # nothing dropped unless elided


def test_a_long_address_or_id_does_not_widen_the_pane(qtbot) -> None:
    """A 130-character address set the header's minimum width and pushed the lead's queue off a
    1366-pixel screen: the line is cut in the middle, and whole in the tooltip."""
    url = "https://example.org/news/" + "ain-alsafsaf-" * 10 + "report"
    page = QWidget()
    PAGES[:] = [page]
    qtbot.addWidget(page)
    header = DocumentHeader()
    QVBoxLayout(page).addWidget(header)
    header.show_document(Document(id=1, key=url, title="غارة", text="نص", sha256="0", url=url))
    page.show()
    qtbot.waitExposed(page)
    assert page.minimumSizeHint().width() < 400
    assert "…" in header.meta.text() and f'href="{url}"' in header.meta.text()
    assert url in header.meta.toolTip()
