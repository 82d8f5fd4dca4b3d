"""Where the compared spans came from: accepted suggestions keep their suggester through
acceptance and merge, and the agreement report counts them per coder and label."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from annotator.cli.main import main
from annotator.lead.agreement import agreement, render_html
from annotator.lead.agreement_origins import span_origins, span_source
from annotator.lead.agreement_statistics import exact_matches
from annotator.lead.merge import merge_projects
from annotator.models import Annotation, Origin
from annotator.store.project import Project
from annotator.suggest.run import accept_suggestion
from annotator.suggest.settle import settle_suggestions

TEXT = "قتل ثلاثة مدنيين في قصف على حلب، وقالت قوات الدعم السريع إن الجيش انسحب من الفاشر."
CHECKOUT_RESOURCES = Path(__file__).resolve().parent.parent / "resources"

# (needle, label, attrs, how: "hand", "pending", "rejected" or the suggester whose suggestion was accepted)
Work = list[tuple[str, str, dict[str, Any], str]]
AMAL: Work = [
    ("ثلاثة", "CASUALTY", {"value": 3}, "casualty"),
    ("حلب", "PLACE", {}, "gazetteer"),
    ("قوات الدعم السريع", "ACTOR", {}, "learned"),
    ("الجيش", "ACTOR", {}, "rejected"),
    ("الفاشر", "PLACE", {}, "hand"),
]
OMAR: Work = [
    ("ثلاثة", "CASUALTY", {"value": 3}, "pending"),
    ("حلب", "PLACE", {}, "hand"),
    ("قوات الدعم السريع", "ACTOR", {}, "gazetteer"),
    ("الجيش", "ACTOR", {}, "hand"),
    ("الفاشر", "PLACE", {}, "learned"),
]


@pytest.fixture(autouse=True)
def _checkout_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    """This checkout's report template, even when an editable install maps resources elsewhere."""
    monkeypatch.setattr("annotator.lead.agreement.resource_path", lambda *parts: CHECKOUT_RESOURCES.joinpath(*parts))


def coder_file(path: Path, coder: str, work: Work) -> Path:
    """A coder's finished document, each span made the way the coder made it in the window."""
    with Project.create(path, coder=coder) as project:
        doc, _, _ = project.add_document(TEXT, key="d1", title="الفاشر")
        for needle, label, attrs, how in work:
            start = TEXT.index(needle)
            end = start + len(needle)
            if how == "hand":
                project.add_annotation(doc.id, label, start, end, attrs=attrs)
                continue
            suggester = "casualty" if how == "pending" else "memory" if how == "rejected" else how
            made = project.add_annotation(
                doc.id, label, start, end, attrs=attrs, origin=Origin.SUGGESTED, provenance={"suggester": suggester}
            )
            if how == "rejected":
                project.reject_suggestion(made.id)
            elif how != "pending":
                accept_suggestion(project, made.id)
        project.set_status(doc.id, "done")
    return path


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    out = tmp_path / "merged.db"
    merge_projects(out, [coder_file(tmp_path / "amal.db", "amal", AMAL), coder_file(tmp_path / "omar.db", "omar", OMAR)])
    return out


def test_accepting_keeps_the_suggester(project: Project, article_doc: Any) -> None:
    made = project.add_annotation(
        article_doc.id, "PLACE", 0, 3, origin=Origin.SUGGESTED, provenance={"suggester": "learned"}
    )
    accepted = accept_suggestion(project, made.id)
    assert (accepted.origin, accepted.provenance) == (Origin.MANUAL, {"suggester": "learned"})
    other = project.add_annotation(
        article_doc.id, "ACTOR", 4, 8, origin=Origin.SUGGESTED, provenance={"suggester": "gazetteer"}
    )
    assert settle_suggestions(project, article_doc.id, accept=True).accepted == 1
    assert project.annotation(other.id).provenance == {"suggester": "gazetteer"}
    assert span_source(project.annotation(other.id)) == "gazetteer"


@pytest.mark.parametrize(
    ("origin", "provenance", "source"),
    [
        (Origin.MANUAL, None, "hand"),
        (Origin.MANUAL, {"tagged_like": "a1"}, "hand"),  # "tag all like this": the coder's own choice
        (Origin.MANUAL, {"suggester": "dates"}, "dates"),
        (Origin.IMPORTED, None, "imported"),
        (Origin.IMPORTED, {"suggester": "casualty"}, "casualty"),
    ],
)
def test_span_source(origin: str, provenance: dict[str, Any] | None, source: str) -> None:
    ann = Annotation(id="x", doc_id=1, coder="amal", label="DATE", start=0, end=1, text="x", origin=origin,
                     provenance=provenance)
    assert span_source(ann) == source


def test_counts_by_coder_label_and_suggester(merged: Path) -> None:
    with Project.open(merged, readonly=True) as project:
        report = agreement(project)
    amal, omar = report.origins.coders
    # amal: ثلاثة from casualty, حلب from gazetteer, قوات الدعم السريع learned, الفاشر by hand (الجيش rejected)
    assert amal.total.to_json() == {
        "spans": 4, "hand": 1, "imported": 0, "accepted": {"casualty": 1, "gazetteer": 1, "learned": 1},
        "accepted_share": 0.75,
    }
    assert amal.per_label["PLACE"].to_json()["accepted"] == {"gazetteer": 1}
    assert (amal.per_label["PLACE"].spans, amal.per_label["PLACE"].by_source["hand"]) == (2, 1)
    # omar: ثلاثة still pending (not counted), حلب and الجيش by hand, قوات الدعم السريع gazetteer, الفاشر learned
    assert omar.total.to_json() == {
        "spans": 4, "hand": 2, "imported": 0, "accepted": {"gazetteer": 1, "learned": 1}, "accepted_share": 0.5,
    }
    assert omar.per_label["ACTOR"].to_json() == {
        "spans": 2, "hand": 1, "imported": 0, "accepted": {"gazetteer": 1}, "accepted_share": 0.5,
    }
    # tagged alike by the other: amal's الفاشر (hand) yes; حلب, قوات yes, ثلاثة no (omar left it pending)
    kinds = amal.matched_by_kind()
    assert (kinds["hand"].matched, kinds["hand"].spans, kinds["accepted"].matched, kinds["accepted"].spans) == (1, 1, 2, 3)
    # omar's حلب (hand) yes, الجيش (hand) no (amal rejected it), قوات and الفاشر (accepted) yes
    kinds = omar.matched_by_kind()
    assert (kinds["hand"].matched, kinds["hand"].spans, kinds["accepted"].matched, kinds["accepted"].spans) == (1, 2, 2, 2)
    assert sum(m.matched for m in amal.matched.values()) == report.overall.pairwise[0].exact_matches == 3


def test_matched_counts_once_per_other_coder() -> None:
    def span(coder: str, start: int, suggester: str | None = None) -> Annotation:
        return Annotation(id=f"{coder}{start}", doc_id=1, coder=coder, label="PLACE", start=start, end=start + 2,
                          text="حل", provenance={"suggester": suggester} if suggester else None)

    doc = {
        "a": [span("a", 0, "gazetteer"), span("a", 5)],
        "b": [span("b", 0, "gazetteer")],
        "c": [span("c", 0), span("c", 5)],
    }
    a, b, c = span_origins([doc], ["a", "b", "c"]).coders
    assert (a.matched["gazetteer"].matched, a.matched["gazetteer"].spans) == (2, 2)  # b and c both tagged it
    assert (a.matched["hand"].matched, a.matched["hand"].spans) == (1, 2)  # c did, b did not
    assert (b.matched["gazetteer"].matched, b.matched["gazetteer"].spans) == (2, 2)
    assert (c.matched["hand"].matched, c.matched["hand"].spans) == (3, 4)
    pairs = {tuple(p.coders): (p.exact_matches, p.same_suggestion) for p in span_origins([doc], ["a", "b", "c"]).pairs}
    assert pairs == {("a", "b"): (1, 1), ("a", "c"): (2, 0), ("b", "c"): (1, 0)}


def test_same_suggestion_pairs_as_many_matches_as_can_be() -> None:
    def span(coder: str, n: int, suggester: str | None) -> Annotation:
        return Annotation(id=f"{coder}{n}", doc_id=1, coder=coder, label="ACTOR", start=0, end=3, text="قسد",
                          provenance={"suggester": suggester} if suggester else None)

    # two spans at one place each: a hand + gazetteer, b gazetteer + memory: 2 matches, 1 the same suggestion
    doc = {"a": [span("a", 1, None), span("a", 2, "gazetteer")], "b": [span("b", 1, "memory"), span("b", 2, "gazetteer")]}
    (pair,) = span_origins([doc], ["a", "b"]).pairs
    assert (pair.exact_matches, pair.same_suggestion, pair.share) == (2, 1, 0.5)


def test_cli_outputs_the_section(tmp_path: Path, merged: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["agreement", str(merged)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    start = lines.index("where the spans came from (accepted: a suggestion the coder accepted, by suggester):")
    assert lines[start + 1 : start + 14] == [
        "coder        label      spans  hand accepted  "
        "gazetteer    memory   learned  casualty     dates  share accepted",
        "amal         ACTOR          1     0        1          0         0         1         0         0            100%",
        "amal         PLACE          2     1        1          1         0         0         0         0             50%",
        "amal         CASUALTY       1     0        1          0         0         0         1         0            100%",
        "amal         all            4     1        3          1         0         1         1         0             75%",
        "omar         ACTOR          2     1        1          1         0         0         0         0             50%",
        "omar         PLACE          2     1        1          0         0         1         0         0             50%",
        "omar         all            4     2        2          1         0         1         0         0             50%",
        "tagged exactly alike by another coder (pooled over pairs):",
        "  amal: by hand 1 of 1 (100%), accepted 2 of 3 (67%)",
        "  omar: by hand 1 of 2 (50%), accepted 2 of 2 (100%)",
        "  amal / omar: 0 of 3 exact matches are the same suggestion accepted by both (0%)",
        "rejected suggestions are not counted: the project does not record which suggester made them, "
        "and a merge does not copy them",
    ]

    result = runner.invoke(main, ["agreement", str(merged), "--json"])
    assert result.exit_code == 0, result.output
    origins = json.loads(result.output)["origins"]
    assert origins["suggesters"] == ["gazetteer", "memory", "learned", "casualty", "dates"]
    assert origins["coders"]["omar"]["accepted"] == {"gazetteer": 1, "learned": 1}
    assert origins["coders"]["amal"]["matched"]["accepted"] == {"spans": 3, "matched": 2, "share": pytest.approx(2 / 3)}
    assert origins["coders"]["amal"]["matched"]["by_source"]["casualty"] == {"spans": 1, "matched": 0, "share": 0.0}
    assert "rejected suggestions are not counted" in origins["rejections"]
    assert origins["pairs"] == [{"coders": ["amal", "omar"], "exact_matches": 3, "same_suggestion": 0, "share": 0.0}]

    page_path = tmp_path / "agreement.html"
    result = runner.invoke(main, ["agreement", str(merged), "--html", str(page_path)])
    assert result.exit_code == 0, result.output
    page = page_path.read_text(encoding="utf-8")
    assert "<h2>Where the spans came from</h2>" in page
    assert "<th>learned</th>" in page
    assert '<td>amal</td><td class="muted">all labels</td><td class="num">4</td>' in page
    assert '<td class="num">2 of 3 (67%)</td>' in page
    assert '<tr><td>amal / omar</td><td class="num">3</td>\n      <td class="num">0 (0%)</td></tr>' in page
    with Project.open(merged, readonly=True) as project:
        assert render_html(agreement(project)) == page


def test_label_option_counts_one_label(merged: Path) -> None:
    with Project.open(merged, readonly=True) as project:
        report = agreement(project, label="ACTOR")
    assert [c.total.spans for c in report.origins.coders] == [1, 2]
    assert [c.total.accepted for c in report.origins.coders] == [1, 1]


def test_the_jsonl_export_carries_the_suggester_of_accepted_and_pending_spans(tmp_path: Path) -> None:
    """The export is where a study outside the tool reads origins: accepted spans keep their suggester."""
    path = coder_file(tmp_path / "omar.db", "omar", OMAR)
    result = CliRunner().invoke(main, ["export", str(path), "--format", "jsonl", "--out", "-", "--include-suggestions"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    shown = {span["text"]: (span["origin"], span.get("provenance")) for span in record["spans"]}
    assert shown == {
        "ثلاثة": ("suggested", {"suggester": "casualty"}),
        "حلب": ("manual", None),
        "قوات الدعم السريع": ("manual", {"suggester": "gazetteer"}),
        "الجيش": ("manual", None),
        "الفاشر": ("manual", {"suggester": "learned"}),
    }


SOURCES = st.sampled_from([None, "gazetteer", "memory", "learned"])
SPANS = st.lists(st.tuples(st.integers(0, 4), st.integers(1, 3), st.sampled_from(["ACTOR", "PLACE"]), SOURCES), max_size=8)


@given(SPANS, SPANS)
def test_pair_matches_are_the_agreement_reports_exact_matches(mine: list[Any], theirs: list[Any]) -> None:
    def spans(coder: str, specs: list[Any]) -> list[Annotation]:
        return [
            Annotation(id=f"{coder}{i}", doc_id=1, coder=coder, label=label, start=start, end=start + length,
                       text="x" * length, provenance={"suggester": source} if source else None)
            for i, (start, length, label, source) in enumerate(specs)
        ]

    a, b = spans("a", mine), spans("b", theirs)
    origins = span_origins([{"a": a, "b": b}], ["a", "b"])
    (pair,) = origins.pairs
    assert pair.exact_matches == exact_matches(a, b)
    assert pair.same_suggestion <= min(origins.coders[0].total.accepted, origins.coders[1].total.accepted)
    assert sum(m.matched for m in origins.coders[0].matched.values()) == pair.exact_matches
    assert origins.coders[0].total.spans == len(a)
