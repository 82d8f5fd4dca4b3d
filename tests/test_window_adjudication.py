"""The lead's adjudication window, driven through real widgets on a merged project.

Two coders' files are built and merged with the core's API; the window is opened
on the merged project and driven with keys; assertions read the project file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QRadioButton
from test_merge import build_coder_file

from annotator.lead import adjudication
from annotator.lead.agreement import agreement
from annotator.lead.merge import merge_projects
from annotator.models import GOLD
from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.lead.gold_editor import GoldEditor
from ui.lead.window import AGREEMENT, AdjudicationWindow
from ui.settings import Settings

# An emoji before the place no coder tagged (كفرنبل): one code point here, two in Qt.
RAID = "قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني 😀 بدير الزور، وأعلن التحالف الدولي سقوط ٢٣ ضحية في كفرنبل."
STATEMENT = "وقالت وزارة الدفاع إن ثمانية عناصر قتلوا."
LOCAL = "أفادت مصادر محلية بمقتل ثمانية مدنيين في حلب."
KILLED_54 = {"value": 54, "status": "killed"}


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    """After "Put unanimous spans into gold": RAID has 3 open places, LOCAL 1, STATEMENT none."""
    amal = build_coder_file(
        tmp_path / "amal.db",
        "amal",
        {
            RAID: ("done", [("54", "CASUALTY", KILLED_54), ("دير الزور", "PLACE", {}), ("التحالف الدولي", "ACTOR", {})]),
            STATEMENT: ("done", [("وزارة الدفاع", "ACTOR", {})]),
            LOCAL: ("done", [("ثمانية", "CASUALTY", {"value": 8})]),
        },
    )
    omar = build_coder_file(
        tmp_path / "omar.db",
        "omar",
        {
            RAID: (
                "done",
                [
                    ("54", "CASUALTY", KILLED_54),
                    ("بدير الزور", "PLACE", {}),
                    ("التحالف الدولي", "ACTOR", {"role": "claimant"}),
                    ("٢٣", "CASUALTY", {"value": 23, "status": "killed"}),
                ],
            ),
            STATEMENT: ("done", [("وزارة الدفاع", "ACTOR", {})]),
            LOCAL: ("done", [("ثمانية", "CASUALTY", {"value": 8}), ("حلب", "PLACE", {})]),
        },
    )
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar])
    return out


@pytest.fixture
def lead(qtbot, merged: Path):
    project = Project.open(merged)
    window = AdjudicationWindow(project, Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.actions.auto.trigger()  # what every coder agreed on into gold, as the lead's first step
    window.view.setFocus()
    yield window
    project.close()  # the window (deleted on close) is closed by qtbot


def reopen(window: AdjudicationWindow) -> Project:
    return Project.open(window.project.path, readonly=True)


def gold_in_file(window: AdjudicationWindow) -> list[tuple[str, str, str]]:
    with reopen(window) as project:
        return sorted((g.label, g.text, (g.provenance or {}).get("decision", "")) for g in project.annotations(coder=GOLD))


def go_to(window: AdjudicationWindow, text: str) -> None:
    """Make the place covering ``text`` of the open document current, as a click on it does."""
    session = window.session
    index = session.place_at(session.document.text.index(text))
    assert index is not None
    session.select_place(index)


def coder_span(project: Project, coder: str, text: str) -> str:
    return next(a.id for a in project.annotations() if a.coder == coder and a.text == text)


def test_unanimous_spans_go_into_gold_when_asked_and_the_queue_puts_disagreement_first(
    lead: AdjudicationWindow,
) -> None:
    assert gold_in_file(lead) == [
        ("ACTOR", "وزارة الدفاع", "auto"),
        ("CASUALTY", "54", "auto"),
        ("CASUALTY", "ثمانية", "auto"),
    ]
    rows = lead.queue.model.rows
    with reopen(lead) as project:
        expected = adjudication.queue(project)
    assert [(r.key, r.open) for r in rows] == [(e.key, e.open) for e in expected] == [("d1", 3), ("d3", 1), ("d2", 0)]
    # The document with the most disagreement is open, on its first open place.
    assert lead.session.document.key == "d1"
    assert lead.session.current.open
    assert "3" in lead.queue.summary.text()
    # One undo takes that step back.
    lead.actions.undo.trigger()
    assert gold_in_file(lead) == []
    assert "(3)" in lead.put_agreed.text()


def test_a_number_key_accepts_that_version_with_provenance(qtbot, lead: AdjudicationWindow) -> None:
    go_to(lead, "بدير الزور")
    versions = [r.text for r in lead.session.rows if r.kind == "version"]
    assert versions == ["دير الزور", "بدير الزور"]  # amal's first: the coders' order breaks the tie
    qtbot.keyClick(lead.view, Qt.Key.Key_2)
    with reopen(lead) as project:
        (gold,) = [g for g in project.annotations(coder=GOLD) if g.label == "PLACE"]
        omar_span = coder_span(project, "omar", "بدير الزور")
        assert project.status(project.document_by_key("d1").id).status == "in_progress"
    assert (gold.text, gold.start) == ("بدير الزور", RAID.index("بدير الزور"))
    assert gold.provenance["decision"] == "picked"
    assert gold.provenance["sources"] == [omar_span]
    assert gold.provenance["agreed"] == ["omar"] and gold.provenance["by"] == "lead"
    # The place is settled: the window moved on to the next open one, and the queue row says so.
    assert lead.session.current.open and lead.session.current.start > gold.start
    assert lead.queue.model.rows[0].open == 2


def test_another_number_changes_the_leads_mind_and_undo_redo_follow(qtbot, lead: AdjudicationWindow) -> None:
    go_to(lead, "بدير الزور")
    qtbot.keyClick(lead.view, Qt.Key.Key_2)
    go_to(lead, "بدير الزور")
    qtbot.keyClick(lead.view, Qt.Key.Key_1)
    places = [g for g in gold_in_file(lead) if g[0] == "PLACE"]
    assert places == [("PLACE", "دير الزور", "picked")]  # the same-label gold span was replaced
    qtbot.keyClick(lead.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [g for g in gold_in_file(lead) if g[0] == "PLACE"] == [("PLACE", "بدير الزور", "picked")]
    qtbot.keyClick(lead.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [g for g in gold_in_file(lead) if g[0] == "PLACE"] == []
    first = lead.session.undo_stack.command(lead.session.undo_stack.index()).gold_id
    qtbot.keyClick(lead.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    with reopen(lead) as project:
        (gold,) = [g for g in project.annotations(coder=GOLD) if g.label == "PLACE"]
    assert (gold.text, gold.id) == ("بدير الزور", first)  # redo brings back the very same gold span


def test_arabic_indic_digits_accept_too(qtbot, lead: AdjudicationWindow) -> None:
    go_to(lead, "بدير الزور")
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(lead.view, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, "٢"))
    assert ("PLACE", "بدير الزور", "picked") in gold_in_file(lead)


def test_reject_is_stored_and_undone_and_redone(qtbot, lead: AdjudicationWindow) -> None:
    go_to(lead, "٢٣")
    qtbot.keyClick(lead.view, Qt.Key.Key_X)
    with reopen(lead) as project:
        (rejection,) = adjudication.rejections(project)
        omar_span = coder_span(project, "omar", "٢٣")
    assert rejection.sources == (omar_span,) and rejection.by == "lead"
    assert rejection.provenance["decision"] == "rejected"
    lead.actions.undo.trigger()
    with reopen(lead) as project:
        assert adjudication.rejections(project) == []
    lead.actions.redo.trigger()
    with reopen(lead) as project:
        assert adjudication.rejections(project) == [rejection]  # same id and time
    # X again on the rejected version takes the rejection back.
    go_to(lead, "٢٣")
    qtbot.keyClick(lead.view, Qt.Key.Key_X)
    with reopen(lead) as project:
        assert adjudication.rejections(project) == []


def test_adding_a_missing_span_after_an_emoji(qtbot, lead: AdjudicationWindow) -> None:
    start = RAID.index("كفرنبل")
    qtbot.keyClick(lead.view, Qt.Key.Key_P)  # a label key with nothing selected adds nothing
    assert [g for g in gold_in_file(lead) if g[0] == "PLACE"] == []
    lead.view.select_text(start, start + 3)  # half a word: snapped to the whole word
    assert lead.view.offsets.to_qt(start) == start + 1  # the emoji counts two in Qt
    qtbot.keyClick(lead.view, Qt.Key.Key_P)
    with reopen(lead) as project:
        (gold,) = [g for g in project.annotations(coder=GOLD) if g.label == "PLACE"]
    assert (gold.start, gold.end, gold.text) == (start, start + len("كفرنبل"), "كفرنبل")
    assert gold.provenance["decision"] == "added" and gold.provenance["sources"] == []
    # The new gold span is a place of its own, selected, so E edits it and Delete withdraws it.
    assert lead.session.current_row.gold.id == gold.id
    qtbot.keyClick(lead.view, Qt.Key.Key_Delete)
    assert ("PLACE", "كفرنبل", "added") not in gold_in_file(lead)
    lead.actions.undo.trigger()
    assert ("PLACE", "كفرنبل", "added") in gold_in_file(lead)


def test_edit_puts_a_changed_version_into_gold(qtbot, lead: AdjudicationWindow) -> None:
    go_to(lead, "التحالف الدولي")
    assert lead.session.current_row.attrs == {}  # amal's version, without a role
    edited: list[GoldEditor] = []

    def fill_in() -> None:
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, GoldEditor)
        edited.append(editor)
        button = next(b for b in editor.form.findChildren(QRadioButton) if b.property("choice") == "perpetrator")
        button.click()
        qtbot.keyClick(editor.view, Qt.Key.Key_E)  # grow the end by a word: التحالف الدولي سقوط
        qtbot.keyClick(editor.view, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)  # and back
        editor.accept()

    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(lead.view, Qt.Key.Key_E)
    assert edited
    with reopen(lead) as project:
        (gold,) = [g for g in project.annotations(lead.session.document.id, coder=GOLD) if g.label == "ACTOR"]
        amal_span = coder_span(project, "amal", "التحالف الدولي")
    assert (gold.text, gold.attrs) == ("التحالف الدولي", {"role": "perpetrator"})
    assert gold.provenance["decision"] == "edited" and gold.provenance["sources"] == [amal_span]
    assert gold.provenance["agreed"] == []  # no coder made exactly this


def test_done_and_next_goes_to_the_next_document_with_open_places(qtbot, lead: AdjudicationWindow, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.No)
    lead.actions.done.trigger()
    assert asked and lead.session.document.key == "d1"  # open places left: asked, and stayed
    for text in ("بدير الزور", "التحالف الدولي", "٢٣"):
        go_to(lead, text)
        qtbot.keyClick(lead.view, Qt.Key.Key_1)
    assert lead.session.open_count() == 0
    lead.actions.done.trigger()
    assert len(asked) == 1
    assert lead.session.document.key == "d3"  # d2 has nothing open
    with reopen(lead) as project:
        assert project.status(project.document_by_key("d1").id).status == "done"


def test_clicking_a_band_selects_that_coders_version(qtbot, lead: AdjudicationWindow) -> None:
    go_to(lead, "بدير الزور")
    lead.view.repaint()
    hits = [(rect, band) for rect, band in lead.view.painted_bands() if band.place == lead.session.index and band.row == 1]
    assert hits, "the bands of the current place are painted"
    qtbot.mouseClick(lead.view.viewport(), Qt.MouseButton.LeftButton, pos=hits[0][0].center().toPoint())
    assert lead.session.row == 1 and lead.versions.currentIndex().row() == 1


def test_the_dashboard_shows_the_cores_figures(qtbot, lead: AdjudicationWindow) -> None:
    lead.tabs.setCurrentIndex(AGREEMENT)
    with reopen(lead) as project:
        figures = agreement(project).to_json()
    (pair,) = figures["pairwise"]
    assert lead.dashboard.pairs.item(0, 0).text() == "amal / omar"
    assert lead.dashboard.pairs.item(0, 3).text() == f"{pair['span_f1_exact']:.3f}"
    assert lead.dashboard.pairs.item(0, 5).text() == f"{pair['token_kappa']:.3f}"
    for row, (name, per_label) in enumerate(figures["per_label"].items()):
        assert lead.dashboard.labels.item(row, 0).text() == name
        (label_pair,) = per_label["pairwise"]
        value = label_pair["span_f1_overlap"]
        assert lead.dashboard.labels.item(row, 2).text() == ("n/a" if value is None else f"{value:.3f}")
    assert f"{figures['fleiss_kappa']:.3f}" in lead.dashboard.summary.text()
    lead.dashboard.chart.repaint()
    assert len(lead.dashboard.chart.bar_tips()) == 4 * len(figures["per_label"])
    keys = [lead.dashboard.documents.item(r, 0).text() for r in range(lead.dashboard.documents.rowCount())]
    assert keys == [d["id"] for d in figures["per_document"]]
    # Enter on a document opens it for adjudication.
    row = keys.index("d3")
    lead.dashboard.documents.setCurrentCell(row, 0)
    qtbot.keyClick(lead.dashboard.documents, Qt.Key.Key_Return)
    assert lead.tabs.currentIndex() == 0 and lead.session.document.key == "d3"


def test_a_project_without_finished_coders_says_why(qtbot, tmp_path: Path, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    project = Project.create(tmp_path / "alone.db", coder="amal")
    window = AdjudicationWindow(project, Settings())
    qtbot.addWidget(window)
    assert window.session.entries == [] and "Merge" in window.queue.summary.text()
    window.tabs.setCurrentIndex(AGREEMENT)
    assert len(shown) == 1 and "agreement needs at least two coders" in shown[0]
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(AGREEMENT)  # said once; F5 measures again
    assert len(shown) == 1
    window.actions.auto.trigger()
    assert "no coder has marked a document done" in shown[1]
    project.close()


def test_the_lead_menu_of_the_main_window(qtbot, tmp_path: Path, merged: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    project = Project.open(merged)
    main = MainWindow(project, Settings())
    qtbot.addWidget(main)
    main.actions.adjudicate.trigger()
    lead = main.findChild(AdjudicationWindow)
    assert lead is not None and lead.isVisible()
    lead.actions.auto.trigger()
    assert lead.session.entries
    # A decision that settles a document shows in the main window's queue too.
    lead.session.open_document(project.document_by_key("d3").id)
    go_to(lead, "حلب")
    qtbot.keyClick(lead.view, Qt.Key.Key_1)
    row = main.queue.model.row_of(project.document_by_key("d3").id)
    assert main.queue.model.rows[row].status == "done"
    main.actions.agreement.trigger()
    assert main.findChild(AdjudicationWindow) is lead and lead.tabs.currentIndex() == AGREEMENT
    # Merging coder files from the menu: two dialogs for the files, then the report.
    again = tmp_path / "again.db"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(tmp_path / "amal.db"), str(tmp_path / "omar.db")], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(again), ""))
    reports: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: reports.append(text) or QMessageBox.StandardButton.No)
    main.actions.merge.trigger()
    qtbot.waitUntil(lambda: bool(reports))  # the merge runs on a worker thread
    assert "coder layers amal, omar" in reports[0]
    with Project.open(again, readonly=True) as merged_again:
        assert adjudication.compared_coders(merged_again) == ["amal", "omar"]
    main.close()
    assert not lead.isVisible()  # closing the project's window closes the lead's


def test_a_coders_band_lies_under_the_words_after_an_emoji(qtbot, lead: AdjudicationWindow) -> None:
    from PySide6.QtGui import QTextCursor

    go_to(lead, "التحالف الدولي")
    lead.view.repaint()
    place = lead.session.index
    rects = [rect for rect, band in lead.view.painted_bands() if band.place == place]
    assert rects
    start = RAID.index("التحالف الدولي")
    edges = []
    for offset in (start, start + len("التحالف الدولي")):
        cursor = QTextCursor(lead.view.document())
        cursor.setPosition(lead.view.offsets.to_qt(offset))
        edges.append(lead.view.cursorRect(cursor).x())
    # Right to left: the span starts at its right edge and ends at its left edge (on the line the
    # words wrap to, if they do); the band covers them within a pixel or two, not a letter more.
    start_x, end_x = edges
    assert any(abs(r.right() - start_x) <= 2 for r in rects)
    assert any(abs(r.left() - end_x) <= 2 for r in rects)


def test_enter_on_a_gold_row_edits_it_and_keeps_its_sources(qtbot, lead: AdjudicationWindow) -> None:
    go_to(lead, "54")
    rows = lead.session.rows
    gold_row = next(i for i, r in enumerate(rows) if r.kind == "gold")
    lead.session.select_row(gold_row)

    def change_value() -> None:
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, GoldEditor)
        editor.form.attrs_edited.emit("draft", {"value": 55, "status": "killed"})
        editor.accept()

    QTimer.singleShot(0, change_value)
    qtbot.keyClick(lead.view, Qt.Key.Key_Return)
    with reopen(lead) as project:
        casualties = [g for g in project.annotations(lead.session.document.id, coder=GOLD) if g.label == "CASUALTY"]
        sources = sorted(a.id for a in project.annotations() if a.coder != GOLD and a.text == "54")
    assert [(g.text, g.attrs["value"], g.provenance["decision"]) for g in casualties] == [("54", 55, "edited")]
    assert casualties[0].provenance["sources"] == sources  # the coders' spans the auto decision came from


def test_the_item_models_behave(qtmodeltester, lead: AdjudicationWindow) -> None:
    qtmodeltester.check(lead.queue.model)
    go_to(lead, "بدير الزور")
    qtmodeltester.check(lead.versions.model_)


def test_the_adjudication_view_zooms_like_the_article_view(qtbot, lead: AdjudicationWindow) -> None:
    start = lead.view.font().pointSize()
    qtbot.keyClick(lead.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert lead.view.font().pointSize() == start + 1
    qtbot.keyClick(lead.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert lead.view.font().pointSize() == start
