"""Agreement on events: matching by slots, event F1, per-role and attribute agreement, and
Krippendorff's alpha (interval) on casualty values, on a pair of coders worked out by hand."""

from __future__ import annotations

import json
import math
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from click.testing import CliRunner
from test_event_merge import add_events
from test_merge import T2, build_coder_file

from annotator.cli.main import main
from annotator.lead.agreement import agreement, render_html, text_lines
from annotator.lead.event_agreement import krippendorff_alpha_interval, match_events
from annotator.lead.merge import merge_projects
from annotator.models import Annotation, Event
from annotator.store.project import Project

# Three attacks in one report: an airstrike on Raqqa, shelling on Kafranbel, a bomb in al-Bab.
ARTICLE = (
    "قُتل 12 مدنياً بينهم 4 أطفال في غارة جوية شنها التحالف الدولي على مدينة الرقة أمس، "
    "وقُتل 5 آخرون بقصف مدفعي لقوات النظام على بلدة كفرنبل، "
    "كما أصيب 3 أشخاص بانفجار عبوة ناسفة في سوق مدينة الباب، بحسب المرصد السوري لحقوق الإنسان."
)
MONITOR = "المرصد السوري لحقوق الإنسان"


@pytest.fixture(autouse=True)
def _this_checkouts_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Render with this checkout's template, wherever the installed package's resources point."""
    resources = Path(__file__).resolve().parents[1] / "resources"
    monkeypatch.setattr("annotator.lead.agreement.resource_path", lambda *parts: resources.joinpath(*parts))


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    amal = build_coder_file(
        tmp_path / "amal.db",
        "amal",
        {
            ARTICLE: ("done", [
                ("12 مدنياً", "CASUALTY", {"value": 12, "status": "killed"}),
                ("التحالف الدولي", "ACTOR", {}), ("الرقة", "PLACE", {}), (MONITOR, "ACTOR", {}),
                ("5", "CASUALTY", {"value": 5, "status": "killed"}), ("قوات النظام", "ACTOR", {}),
                ("كفرنبل", "PLACE", {}),
                ("3 أشخاص", "CASUALTY", {"value": 3, "status": "injured"}), ("مدينة الباب", "PLACE", {}),
            ]),
            T2: ("done", [("٢٣", "CASUALTY", {"value": 23})]),
        },
    )
    add_events(amal, ARTICLE, [
        ("ATTACK", {"perpetrator": ["التحالف الدولي"], "place": ["الرقة"], "casualties": ["12 مدنياً"],
                    "source": [MONITOR]}, {"weapon": "airstrike", "attribution": "asserted"}),
        ("ATTACK", {"perpetrator": ["قوات النظام"], "place": ["كفرنبل"], "casualties": ["5"]}, {"weapon": "shelling"}),
        ("ATTACK", {"place": ["مدينة الباب"], "casualties": ["3 أشخاص"]}, {"weapon": "ied"}),
    ])
    add_events(amal, T2, [("ATTACK", {"casualties": ["٢٣"]}, {})])
    omar = build_coder_file(
        tmp_path / "omar.db",
        "omar",
        {
            ARTICLE: ("done", [
                ("12 مدنياً", "CASUALTY", {"value": 12, "status": "killed"}),
                ("4 أطفال", "CASUALTY", {"value": 4, "status": "killed"}),
                ("التحالف", "ACTOR", {}), ("مدينة الرقة", "PLACE", {}), (MONITOR, "ACTOR", {}),
                ("5", "CASUALTY", {"value": 5, "status": "killed"}), ("قوات النظام", "ACTOR", {}),
                ("كفرنبل", "PLACE", {}),
            ]),
            # omar has not finished T2: its events are not compared
            T2: ("in_progress", [("٢٣", "CASUALTY", {"value": 23})]),
        },
    )
    add_events(omar, ARTICLE, [
        ("ATTACK", {"perpetrator": ["التحالف"], "place": ["مدينة الرقة"], "casualties": ["12 مدنياً", "4 أطفال"]},
         {"weapon": "airstrike", "attribution": "hinted"}),
        ("ATTACK", {"perpetrator": ["قوات النظام"], "place": ["كفرنبل"], "casualties": ["5"]}, {"weapon": "clash"}),
        # the shelling again, split off: it loses Kafranbel to the fuller frame above
        ("ATTACK", {"perpetrator": ["قوات النظام"], "place": ["كفرنبل"]}, {}),
        # only the monitor: source is no anchor, so this frame matches nothing
        ("ATTACK", {"source": [MONITOR]}, {}),
    ])
    add_events(omar, T2, [("ATTACK", {"casualties": ["٢٣"]}, {})])
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar])
    return out


def test_event_figures_of_a_hand_checked_pair(merged: Path) -> None:
    with Project.open(merged, readonly=True) as project:
        report = agreement(project)
    (pair,) = report.events.pairwise
    # One document finished by both (ARTICLE). amal made 3 events there, omar 4.
    # Matches (greedy, most agreeing roles first):
    #   amal's shelling–omar's first shelling: perpetrator, place, casualties agree (3 roles);
    #   amal's airstrike–omar's airstrike: perpetrator (التحالف inside التحالف الدولي), place
    #   (الرقة inside مدينة الرقة), casualties (12 مدنياً in both) agree (3 roles);
    #   omar's split-off shelling would agree with amal's on 2 roles, but that one is taken;
    #   amal's al-Bab bomb shares no span with any of omar's; omar's monitor-only frame has no anchor.
    # matched = 2; recall = 2/3 (amal as reference), precision = 2/4, F1 = 2*2 / (3 + 4) = 4/7.
    assert (pair.coders, pair.documents, pair.events, pair.matched) == (["amal", "omar"], 1, [3, 4], 2)
    assert pair.recall == pytest.approx(2 / 3) and pair.precision == pytest.approx(1 / 2)
    assert pair.f1 == pytest.approx(4 / 7)
    roles = {role: (r.compared, r.overlap, r.exact) for role, r in pair.roles.items()}
    # perpetrator, place: both matched pairs fill them and overlap; exact only in the shelling.
    # casualties: overlap in both; the airstrike differs (omar adds 4 أطفال), so exact in one.
    # source: only amal's airstrike fills it, so 1 compared, 0 agreeing.
    assert roles == {"perpetrator": (2, 2, 1), "place": (2, 2, 1), "casualties": (2, 2, 1), "source": (1, 0, 0)}
    # weapon: airstrike = airstrike, shelling ≠ clash → 1 of 2; attribution: asserted ≠ hinted → 0 of 1.
    assert pair.attributes == {"attribution": [1, 0], "weapon": [2, 1]}
    # Casualty values of the matched pairs: airstrike (12, 12 + 4 = 16), shelling (5, 5).
    # n = 4 values; observed: (12-16)² + (16-12)² = 32 over m - 1 = 1, so 32 (the shelling adds 0).
    # expected: ordered pairs of 12, 16, 5, 5: 2 * (16 + 49 + 49 + 121 + 121 + 0) = 712.
    # alpha = 1 - (n - 1) * 32 / 712 = 1 - 96/712 = 77/89.
    assert pair.casualty_values == [(12.0, 16.0), (5.0, 5.0)]
    assert pair.casualty_alpha == pytest.approx(77 / 89)
    data = report.to_json()["events"]["pairwise"][0]
    assert data["roles"]["source"] == {
        "compared": 1, "overlap": 0, "exact": 0, "overlap_agreement": 0.0, "exact_agreement": 0.0}
    assert data["casualty_value"] == {"units": 2, "krippendorff_alpha_interval": pytest.approx(77 / 89)}
    assert data["attributes"]["weapon"] == {"compared": 2, "agreed": 1, "agreement": 0.5}


def test_agreement_json_keeps_its_keys_and_adds_events(merged: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["agreement", str(merged), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {
        "project", "coders", "labels", "coders_without_finished_documents", "documents", "tokens", "pairwise",
        "fleiss_kappa", "krippendorff_alpha", "attributes", "per_label", "per_document", "events", "origins",
    }
    assert data["events"]["pairwise"][0]["f1"] == pytest.approx(4 / 7)
    text = CliRunner().invoke(main, ["agreement", str(merged)])
    assert "role casualties: 2 of 2 overlap (1.000), 1 exact (0.500)" in text.output
    with Project.open(merged, readonly=True) as project:
        report = agreement(project)
    html = render_html(report)
    assert "<h2>Events</h2>" in html and "0.571" in html and "0.865" in html
    assert any("amal / omar" in line and "0.571" in line for line in text_lines(report))


def test_projects_without_events_report_none(tmp_path: Path) -> None:
    amal = build_coder_file(tmp_path / "a.db", "amal", {T2: ("done", [("٢٣", "CASUALTY", {"value": 23})])})
    omar = build_coder_file(tmp_path / "o.db", "omar", {T2: ("done", [("٢٣", "CASUALTY", {"value": 23})])})
    merge_projects(tmp_path / "m.db", [amal, omar])
    with Project.open(tmp_path / "m.db", readonly=True) as project:
        report = agreement(project)
    (pair,) = report.events.pairwise
    assert (pair.events, pair.matched, pair.f1, pair.casualty_alpha) == ([0, 0], 0, None, None)
    assert not any(line.startswith("events") for line in text_lines(report))
    assert "No coder made events" in render_html(report)


def _span(span_id: str, start: int, end: int, label: str = "PLACE") -> Annotation:
    return Annotation(id=span_id, doc_id=1, coder="x", label=label, start=start, end=end, text="")


def test_matching_needs_the_same_type_and_an_anchor_role() -> None:
    spans = {s.id: s for s in [_span("p1", 0, 5), _span("p2", 3, 8), _span("m1", 20, 30, "ACTOR"),
                               _span("m2", 20, 30, "ACTOR"), _span("q", 40, 45)]}
    a = Event(id="a", doc_id=1, coder="x", type="ATTACK", slots={"place": ("p1",), "source": ("m1",)})
    b = Event(id="b", doc_id=1, coder="y", type="ATTACK", slots={"place": ("p2",)})
    only_source = Event(id="c", doc_id=1, coder="y", type="ATTACK", slots={"source": ("m2",)})
    other_type = Event(id="d", doc_id=1, coder="y", type="PROTEST", slots={"place": ("p2",)})
    elsewhere = Event(id="e", doc_id=1, coder="y", type="ATTACK", slots={"place": ("q",)})
    assert match_events([a], [only_source, other_type, elsewhere, b], spans) == [(a, b)]
    assert match_events([a], [only_source, other_type, elsewhere], spans) == []


def test_interval_alpha_against_the_krippendorff_package() -> None:
    cases = [
        [[12, 16], [5, 5]],
        [[1, 2], [3, 3], [10, None], [7, 9], [0, 1]],
        [[1, 2, 2], [3, 3, None], [10, 8, 9], [None, 4, 4]],
    ]
    for units in cases:
        ours = krippendorff_alpha_interval(units)
        data = np.array([[np.nan if v is None else v for v in unit] for unit in units], dtype=float).T
        theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="interval")
        assert ours is not None and math.isclose(ours, theirs, rel_tol=1e-9)
    assert krippendorff_alpha_interval([[5, 5], [5, 5]]) is None  # one value everywhere: undefined
    assert krippendorff_alpha_interval([[5, None]]) is None


def test_the_casualty_value_is_the_toll_the_dataset_publishes() -> None:
    """54 civilians among them 10 children is 54, as in the events export, not 64."""
    from annotator.lead.event_agreement import casualty_value
    from annotator.models import Annotation, Event

    def figure(span_id: str, value: int, victims: str, scope: str = "incident") -> Annotation:
        return Annotation(span_id, 1, "amal", "CASUALTY", 0, 2, "54",
                          attrs={"value": value, "status": "killed", "victims": victims, "scope": scope})

    spans = {s.id: s for s in (figure("a", 54, "civilians"), figure("b", 10, "children"),
                               figure("c", 350000, "civilians", "cumulative"))}
    event = Event("e", 1, "amal", "ATTACK", slots={"casualties": ("a", "b", "c")})
    assert casualty_value(event, spans) == 54.0
