"""The lead's window shows each coder's event frames beside gold's, and accepts or withdraws
an event through the session's one undoable path (assertions read the project file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from test_event_adjudication import merged  # noqa: F401 - the fixture: two coders' events on one article

from annotator.models import GOLD
from annotator.store.project import Project
from ui.lead.window import AdjudicationWindow
from ui.settings import Settings


@pytest.fixture
def lead(qtbot, merged: Path):  # noqa: F811 - the fixture imported above
    project = Project.open(merged)
    window = AdjudicationWindow(project, Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.actions.auto.trigger()  # what every coder agreed on into gold, as the lead's first step
    yield window
    project.close()


def gold_events(window: AdjudicationWindow) -> list[tuple[str, dict[str, list[str]], str]]:
    with Project.open(window.project.path, readonly=True) as project:
        return sorted(
            (
                (
                    e.type,
                    {role: [project.annotation(s).text for s in ids] for role, ids in e.slots.items()},
                    (e.provenance or {}).get("decision", ""),
                )
                for e in project.events(coder=GOLD)
            ),
            key=repr,
        )


def coder_event(window: AdjudicationWindow, coder: str, weapon: str) -> str:
    return next(e.id for e in window.project.events(coder=coder) if e.attrs.get("weapon") == weapon)


SHELLING_GOLD = ("ATTACK", {"perpetrator": ["قوات النظام"], "place": ["كفرنبل"], "casualties": ["5"]}, "auto")


def test_the_frames_side_by_side_with_the_unanimous_one_in_gold(lead: AdjudicationWindow) -> None:
    assert gold_events(lead) == [SHELLING_GOLD]
    amal, omar, gold = lead.events.frame_texts()
    assert amal[0] == "amal" and omar[0] == "omar" and gold[0] == "gold"
    assert "ATTACK (weapon: shelling) [every coder; in gold]" in amal
    # the airstrike: the same reading by both, though not in gold (its casualty span's status differs)
    assert "  place: مدينة الباب" in amal and "ATTACK (weapon: airstrike) [every coder]" in omar
    assert gold[1:] == ["ATTACK (weapon: shelling)", "  perpetrator: قوات النظام", "  place: كفرنبل", "  casualties: 5"]
    assert not lead.events.accept_button.isEnabled() and not lead.events.withdraw_button.isEnabled()
    lead.actions.undo.trigger()  # the unanimous step takes its events back with its spans
    assert gold_events(lead) == []
    assert lead.events.frame_texts()[2] == ["gold"]
    lead.actions.redo.trigger()
    assert gold_events(lead) == [SHELLING_GOLD]


def test_accepting_a_coders_frame_is_one_undoable_decision(qtbot, lead: AdjudicationWindow) -> None:
    airstrike = coder_event(lead, "amal", "airstrike")
    assert lead.events.choose(airstrike)
    assert lead.events.accept_button.isEnabled()
    qtbot.mouseClick(lead.events.accept_button, Qt.MouseButton.LeftButton)
    airstrike_gold = (
        "ATTACK", {"perpetrator": ["التحالف الدولي"], "place": ["الرقة"], "casualties": ["12 مدنياً"]}, "picked")
    assert gold_events(lead) == sorted([SHELLING_GOLD, airstrike_gold], key=repr)
    assert "ATTACK (weapon: airstrike) [every coder; in gold]" in lead.events.frame_texts()[0]
    with Project.open(lead.project.path, readonly=True) as project:
        (casualty,) = [g for g in project.annotations(coder=GOLD) if g.text == "12 مدنياً"]
        assert casualty.attrs["status"] == "killed" and casualty.provenance["decision"] == "picked"
    lead.actions.undo.trigger()
    assert gold_events(lead) == [SHELLING_GOLD]
    with Project.open(lead.project.path, readonly=True) as project:
        assert not [g for g in project.annotations(coder=GOLD) if g.text == "12 مدنياً"]
    lead.actions.redo.trigger()
    with Project.open(lead.project.path, readonly=True) as project:
        assert [g.id for g in project.annotations(coder=GOLD) if g.text == "12 مدنياً"] == [casualty.id]
    assert gold_events(lead) == sorted([SHELLING_GOLD, airstrike_gold], key=repr)


def test_withdrawing_a_gold_frame_and_undoing_it(qtbot, lead: AdjudicationWindow) -> None:
    (gold,) = lead.project.events(coder=GOLD)
    assert lead.events.choose(gold.id)
    assert lead.events.withdraw_button.isEnabled() and not lead.events.accept_button.isEnabled()
    qtbot.mouseClick(lead.events.withdraw_button, Qt.MouseButton.LeftButton)
    assert gold_events(lead) == []
    assert "ATTACK (weapon: shelling) [every coder]" in lead.events.frame_texts()[0]
    lead.actions.undo.trigger()
    assert gold_events(lead) == [SHELLING_GOLD]


def test_withdrawing_a_gold_span_takes_it_out_of_gold_events_until_undone(lead: AdjudicationWindow) -> None:
    session = lead.session
    session.select_place(session.place_at(session.document.text.index("كفرنبل")))
    gold_row = next(i for i, r in enumerate(session.rows) if r.kind == "gold")
    session.select_row(gold_row)
    session.reject()  # on a gold row: withdraw it, as the key does
    assert gold_events(lead) == [("ATTACK", {"perpetrator": ["قوات النظام"], "casualties": ["5"]}, "auto")]
    assert "  place: كفرنبل" not in lead.events.frame_texts()[2]
    lead.actions.undo.trigger()
    assert gold_events(lead) == [SHELLING_GOLD]
    lead.actions.redo.trigger()
    assert gold_events(lead)[0][1] == {"perpetrator": ["قوات النظام"], "casualties": ["5"]}


def test_the_dashboard_shows_the_event_figures(lead: AdjudicationWindow) -> None:
    assert lead.dashboard.refresh()
    table = lead.dashboard.events
    # amal 3 events, omar 2, both of omar's matched: F1 = 2*2 / 5; casualty values (12, 12) and (5, 5)
    # agree exactly, so alpha is 1
    assert [table.item(0, c).text() for c in range(table.columnCount())] == [
        "amal / omar", "3 / 2", "2", "1.000", "0.667", "0.800", "1.000"]
