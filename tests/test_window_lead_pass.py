"""The adjudication window, second pass: quitting, whole coder names, the versions' differences
and the explicit step that puts unanimous spans into gold."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from test_merge import build_coder_file
from test_window_adjudication import RAID, lead, merged  # noqa: F401  (fixtures)

from annotator.lead.merge import merge_projects
from annotator.models import GOLD
from annotator.store.project import Project
from ui.lead.window import AdjudicationWindow
from ui.settings import Settings


def test_ctrl_q_quits_from_the_adjudication_window(qtbot, merged: Path) -> None:  # noqa: F811 - the fixture
    with Project.open(merged) as project:
        window = AdjudicationWindow(project, Settings())  # not qtbot's: Ctrl+Q deletes it
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        with qtbot.waitSignal(window.destroyed, timeout=3000):
            qtbot.keyClick(window.view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_the_margin_holds_each_coders_whole_name(qtbot, tmp_path: Path) -> None:
    # Two names that share their first letters: cut to three they would read the same.
    spans = [("دير الزور", "PLACE", {})]
    first = build_coder_file(tmp_path / "a.db", "abdulrahman", {RAID: ("done", spans)})
    second = build_coder_file(tmp_path / "b.db", "abdulaziz", {RAID: ("done", spans)})
    merge_projects(tmp_path / "merged.db", [first, second])
    with Project.open(tmp_path / "merged.db") as project:
        window = AdjudicationWindow(project, Settings())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        view = window.view
        metrics = QFontMetrics(view._row_names_font())
        longest = max(metrics.horizontalAdvance(name) for name in ("abdulrahman", "abdulaziz"))
        margin = view.document().rootFrame().frameFormat().rightMargin()
        assert margin >= longest + 6


def open_lead(qtbot, path: Path) -> AdjudicationWindow:
    project = Project.open(path)
    window = AdjudicationWindow(project, Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_versions_that_differ_in_one_attribute_show_only_it_highlighted(qtbot, tmp_path: Path) -> None:
    text = "أفادت مصادر محلية بمقتل ثمانية مدنيين في حلب."
    first = build_coder_file(tmp_path / "a.db", "amal",
                             {text: ("done", [("ثمانية", "CASUALTY", {"value": 8, "status": "killed"})])})
    second = build_coder_file(tmp_path / "b.db", "omar",
                              {text: ("done", [("ثمانية", "CASUALTY", {"value": 8, "status": "injured"})])})
    merge_projects(tmp_path / "merged.db", [first, second])
    window = open_lead(qtbot, tmp_path / "merged.db")
    try:
        session = window.session
        session.select_place(0)
        model = window.versions.model_
        column = model.COLUMNS.index("attributes")
        versions = [i for i, r in enumerate(model.rows) if r.kind == "version"]
        assert len(versions) == 2
        shown = [model.data(model.index(i, column)) for i in versions]
        # Only the attribute they disagree on; the shared value=8 would push it out of the column.
        assert sorted(shown) == ["status=injured", "status=killed"]
        assert all(model.data(model.index(i, column), Qt.ItemDataRole.BackgroundRole) is not None for i in versions)
        tooltip = model.data(model.index(versions[0], column), Qt.ItemDataRole.ToolTipRole)
        assert "value=8" in tooltip and "status" in tooltip
    finally:
        window.project.close()


def gold_texts(path: Path) -> list[str]:
    with Project.open(path, readonly=True) as project:
        return sorted(g.text for g in project.annotations(coder=GOLD))


def test_unanimous_spans_go_into_gold_only_when_the_lead_asks(qtbot, merged: Path) -> None:  # noqa: F811 - the fixture
    window = open_lead(qtbot, merged)
    try:
        # Opening decides nothing: the three places every coder agreed on wait, counted on the button.
        assert gold_texts(merged) == []
        assert window.put_agreed.isEnabled() and "(3)" in window.put_agreed.text()
        assert "Ctrl+U" in window.put_agreed.toolTip()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        window.view.setFocus()
        qtbot.keyClick(window.view, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
        assert gold_texts(merged) == sorted(["54", "وزارة الدفاع", "ثمانية"])
        assert "3 span(s)" in window.statusBar().currentMessage()
        assert "(0)" in window.put_agreed.text() and not window.put_agreed.isEnabled()
        assert window.session.current is not None and window.session.current.open
        # One step that Ctrl+Z takes back, and the count comes back with it.
        window.actions.undo.trigger()
        assert gold_texts(merged) == []
        assert "(3)" in window.put_agreed.text() and window.put_agreed.isEnabled()
        window.put_agreed.click()
        assert len(gold_texts(merged)) == 3
    finally:
        window.project.close()


def test_the_differing_attributes_are_not_cut_at_1366_pixels(qtbot, tmp_path: Path) -> None:
    text = "أفادت مصادر محلية بمقتل ثمانية مدنيين في حلب."
    first = build_coder_file(tmp_path / "a.db", "abdulrahman",
                             {text: ("done", [("ثمانية مدنيين", "CASUALTY", {"value": 8, "status": "killed"})])})
    second = build_coder_file(tmp_path / "b.db", "abdulaziz",
                              {text: ("done", [("ثمانية مدنيين", "CASUALTY", {"value": 8, "status": "injured"})])})
    merge_projects(tmp_path / "merged.db", [first, second])
    window = open_lead(qtbot, tmp_path / "merged.db")
    try:
        window.resize(1366, 740)
        window.tabs.widget(0).setSizes([270, 650, 440])  # the panes as they open on a 1366-pixel screen
        window.session.select_place(0)
        table = window.versions
        model = table.model_
        column = model.COLUMNS.index("attributes")
        assert "status=injured" in [model.data(model.index(row, column)) for row in range(model.rowCount())]
        needed = table.fontMetrics().horizontalAdvance("status=injured")
        qtbot.waitUntil(lambda: table.columnWidth(column) >= needed)
    finally:
        window.project.close()
