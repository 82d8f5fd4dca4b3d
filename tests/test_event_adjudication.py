"""Adjudicating events: auto-adjudication puts unanimous events into gold on gold spans, with
provenance, idempotently; the lead accepts one coder's event with its spans, undoably."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_event_agreement import ARTICLE
from test_event_merge import add_events
from test_merge import build_coder_file

from annotator.cli.main import main
from annotator.errors import ValidationError
from annotator.lead import event_adjudication
from annotator.lead.event_adjudication import accept_event, event_versions, restore_accepted, withdraw_accepted
from annotator.lead.merge import merge_projects
from annotator.models import GOLD
from annotator.store.project import Project

SHELLING = ("ATTACK", {"perpetrator": ["قوات النظام"], "place": ["كفرنبل"], "casualties": ["5"]}, {"weapon": "shelling"})
AIRSTRIKE = ("ATTACK", {"perpetrator": ["التحالف الدولي"], "place": ["الرقة"], "casualties": ["12 مدنياً"]},
             {"weapon": "airstrike"})
SPANS = [("5", "CASUALTY", {"value": 5, "status": "killed"}), ("قوات النظام", "ACTOR", {}), ("كفرنبل", "PLACE", {}),
         ("التحالف الدولي", "ACTOR", {}), ("الرقة", "PLACE", {})]


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    """Both coders frame the shelling alike; the airstrike alike too, but its casualty span's
    status differs, so that span (and so the event) is not unanimous; amal alone frames al-Bab."""
    amal = build_coder_file(tmp_path / "amal.db", "amal", {ARTICLE: ("done", [
        *SPANS, ("12 مدنياً", "CASUALTY", {"value": 12, "status": "killed"}),
        ("3 أشخاص", "CASUALTY", {"value": 3}), ("مدينة الباب", "PLACE", {})])})
    add_events(amal, ARTICLE, [SHELLING, AIRSTRIKE,
                               ("ATTACK", {"place": ["مدينة الباب"], "casualties": ["3 أشخاص"]}, {})])
    omar = build_coder_file(tmp_path / "omar.db", "omar", {ARTICLE: ("done", [
        *SPANS, ("12 مدنياً", "CASUALTY", {"value": 12, "status": "injured"})])})
    add_events(omar, ARTICLE, [AIRSTRIKE, SHELLING])
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar])
    return out


def texts(project: Project, slots: dict[str, tuple[str, ...]]) -> dict[str, list[str]]:
    return {role: [project.annotation(s).text for s in ids] for role, ids in slots.items()}


def test_auto_puts_unanimous_events_on_gold_spans_with_provenance(merged: Path) -> None:
    with Project.open(merged) as project:
        report = event_adjudication.auto_adjudicate(project, by="huda")
        assert (report.events_added, report.events_already, report.events_waiting) == (1, 0, 1)
        assert "events: 1 added to gold, 0 already there, 1 left for the lead" in "\n".join(report.lines())
        (gold,) = project.events(coder=GOLD)
        assert gold.type == "ATTACK" and gold.attrs == {"weapon": "shelling"} and gold.origin == "adjudicated"
        assert texts(project, gold.slots) == {"perpetrator": ["قوات النظام"], "place": ["كفرنبل"], "casualties": ["5"]}
        assert all(project.annotation(s).coder == GOLD for s in gold.span_ids)
        sources = sorted(e.id for e in project.events() if e.coder != GOLD and e.attrs == {"weapon": "shelling"})
        assert gold.provenance is not None
        assert {k: v for k, v in gold.provenance.items() if k != "at"} == {
            "sources": sources, "agreed": ["amal", "omar"], "decision": "auto", "by": "huda", "strategy": "unanimous"}
        versions = event_versions(project, gold.doc_id, ["amal", "omar"])
        assert [(v.coders, v.state) for v in versions] == [
            (("amal", "omar"), "gold"), (("amal", "omar"), "open"), (("amal",), "open")]
        again = event_adjudication.auto_adjudicate(project, by="huda")
        assert (again.events_added, again.events_already, again.events_waiting) == (0, 1, 1)
        # a gold event the lead deleted is not brought back by another run
        project.delete_event(gold.id)
        assert event_adjudication.auto_adjudicate(project).events_added == 0
        assert project.events(coder=GOLD) == []


def test_accepting_a_coders_event_brings_its_spans_and_is_undoable(merged: Path) -> None:
    with Project.open(merged) as project:
        event_adjudication.auto_adjudicate(project)
        airstrike = next(e for e in project.events(coder="amal") if e.attrs == {"weapon": "airstrike"})
        gold_before = {a.id for a in project.annotations(coder=GOLD)}
        accepted = accept_event(project, airstrike.id, by="huda")
        # perpetrator and place were unanimous spans, gold already; the casualty span comes with the event
        assert [(s.text, s.attrs["status"]) for s in accepted.spans] == [("12 مدنياً", "killed")]
        event = project.event(accepted.event.id)
        assert texts(project, event.slots) == {
            "perpetrator": ["التحالف الدولي"], "place": ["الرقة"], "casualties": ["12 مدنياً"]}
        assert set(event.span_ids) - gold_before == {accepted.spans[0].id}
        assert event.provenance is not None and event.provenance["decision"] == "picked"
        assert event.provenance["sources"] == [airstrike.id] and event.provenance["agreed"] == ["amal", "omar"]
        with pytest.raises(ValidationError, match="in gold already"):
            accept_event(project, airstrike.id, by="huda")
        withdraw_accepted(project, accepted)
        assert len(project.events(coder=GOLD)) == 1 and {a.id for a in project.annotations(coder=GOLD)} == gold_before
        restore_accepted(project, accepted)
        assert project.event(accepted.event.id).slots == event.slots
        with pytest.raises(ValidationError, match="gold event already"):
            accept_event(project, accepted.event.id, by="huda")


def test_cli_auto_and_accept_event(merged: Path) -> None:
    result = CliRunner().invoke(main, ["adjudicate", str(merged), "--auto"])
    assert result.exit_code == 0, result.output
    assert "events: 1 added to gold" in result.output
    with Project.open(merged, readonly=True) as project:
        bab = next(e for e in project.events(coder="amal") if "perpetrator" not in e.slots)
    result = CliRunner().invoke(main, ["adjudicate", str(merged), "--accept-event", bab.id])
    assert result.exit_code == 0, result.output
    assert "2 span(s) put into gold with it" in result.output
    with Project.open(merged, readonly=True) as project:
        assert len(project.events(coder=GOLD)) == 2


def test_cli_lists_open_events_with_the_id_to_accept(merged: Path) -> None:
    CliRunner().invoke(main, ["adjudicate", str(merged), "--auto"])
    result = CliRunner().invoke(main, ["adjudicate", str(merged)])
    assert result.exit_code == 0, result.output
    with Project.open(merged, readonly=True) as project:
        airstrike = next(e for e in project.events(coder="amal") if e.attrs == {"weapon": "airstrike"})
    assert (
        f'  event ATTACK {{"weapon": "airstrike"}} by amal, omar (open) id {airstrike.id}: '
        "perpetrator «التحالف الدولي»; place «الرقة»; casualties «12 مدنياً»"
    ) in result.output.splitlines()
    assert "shelling" not in result.output  # in gold already
