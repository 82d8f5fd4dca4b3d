"""The adjudication window's layout: it fits the screen it opens on, and the article gives the
coders' bands their room without gaps a blank line does not need."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from test_window_adjudication import merged  # noqa: F401  (fixture)

from annotator.models import Document
from annotator.store.project import Project
from ui.lead.view import AdjudicationView
from ui.lead.window import AdjudicationWindow
from ui.settings import Settings

TITLE = "مقتل 54 بغارة على دير الزور"
BODY = "قال المرصد السوري إن 54 شخصا قتلوا في غارة للتحالف الدولي على دير الزور أمس الخميس."


def test_the_window_opens_no_larger_than_the_screen(qtbot, merged: Path) -> None:  # noqa: F811 - the fixture
    with Project.open(merged) as project:
        window = AdjudicationWindow(project, Settings())
        qtbot.addWidget(window)
        free = QGuiApplication.primaryScreen().availableGeometry().size()
        assert window.width() <= free.width() and window.height() <= free.height()


def block_tops(view: AdjudicationView) -> list[tuple[str, float]]:
    layout = view.document().documentLayout()
    tops = []
    block = view.document().begin()
    while block.isValid():
        tops.append((block.text(), layout.blockBoundingRect(block).top()))
        block = block.next()
    return tops


def test_a_blank_line_under_the_title_takes_one_plain_line(qtbot) -> None:
    view = AdjudicationView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    text = f"{TITLE}\n\n{BODY}\n{BODY}"
    view.show_document(Document(id=1, key="k", title=TITLE, text=text, sha256="0"), ["amal", "omar"])
    view.show()
    qtbot.waitExposed(view)
    tops = block_tops(view)
    title, blank, first, second = (top for _, top in tops)
    line = view.document().begin().layout().lineAt(0).height()
    pitch = second - first  # one line of text with its band room
    assert pitch > line + 10  # the bands do get their room
    # The title's band room, then one plain line: not band room for a line that holds no span.
    assert first - title <= pitch + line + 1
    assert first - blank <= line + 1


def test_paragraphs_get_no_margin_over_the_band_room(qtbot) -> None:
    """One-line paragraphs stand as far apart as the lines of one paragraph."""
    view = AdjudicationView()
    qtbot.addWidget(view)
    view.resize(2000, 600)  # each paragraph on one line
    text = "\n".join([TITLE, BODY, TITLE])
    view.show_document(Document(id=1, key="k", title=TITLE, text=text, sha256="0"), ["amal", "omar"])
    view.show()
    qtbot.waitExposed(view)
    tops = [top for _, top in block_tops(view)]
    line = view.document().begin().layout().lineAt(0).height()
    room = 4 + 2 * 9
    assert tops[1] - tops[0] <= line + room + 1
    assert tops[2] - tops[1] <= line + room + 1


