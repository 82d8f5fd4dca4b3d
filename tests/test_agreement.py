"""Agreement on a merged project: which documents count, figures cross-checked, the command line."""

from __future__ import annotations

import json
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Any

import krippendorff
import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_fleiss
from test_merge import T1, T2, T3, at, build_coder_file
from test_merge_properties import coder_work, write

from annotator.cli.main import main
from annotator.errors import AnnotatorError
from annotator.lead.agreement import agreement, render_html
from annotator.lead.merge import merge_projects
from annotator.store.project import Project
from annotator.text import text_sha256, tokenize

KILLED_54 = {"value": 54, "status": "killed"}


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    amal = build_coder_file(
        tmp_path / "amal.db",
        "amal",
        {
            T1: ("done", [("54", "CASUALTY", KILLED_54), ("الباغوز فوقاني", "PLACE", {}), ("دير الزور", "PLACE", {})]),
            T2: ("done", [("التحالف الدولي", "ACTOR", {"role": "claimant"}), ("٢٣", "CASUALTY", {"value": 23})]),
            T3: ("done", [("ثمانية", "CASUALTY", {"value": 8})]),
        },
    )
    omar = build_coder_file(
        tmp_path / "omar.db",
        "omar",
        {
            T1: (
                "done",
                [
                    ("54", "CASUALTY", {"value": 54, "status": "injured"}),
                    ("الباغوز", "PLACE", {}),
                    ("بدير الزور", "PLACE", {}),
                ],
            ),
            T2: ("done", [("التحالف الدولي", "ACTOR", {"role": "claimant"}), ("٢٣", "CASUALTY", {"value": 23})]),
            T3: ("in_progress", [("ثمانية", "CASUALTY", {"value": 8})]),
        },
    )
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar])
    return out


def test_figures_on_the_documents_both_finished(merged: Path) -> None:
    with Project.open(merged, readonly=True) as project:
        report = agreement(project)
    assert report.coders == ["amal", "omar"]
    pair = report.overall.pairwise[0]
    # T3 is not finished by omar: 5 spans each on T1 and T2; exact: 54, التحالف الدولي, ٢٣
    assert (pair.documents, pair.spans, pair.exact_matches, pair.overlap_matches) == (2, [5, 5], 3, 5)
    assert pair.span_f1_exact == pytest.approx(0.6)
    assert pair.span_f1_overlap == 1.0
    tokens = tokenize(T1) + tokenize(T2)
    assert pair.tokens == len(tokens) == report.overall.tokens
    # by hand: the only token that differs is فوقاني (PLACE for amal, O for omar)
    a = ["O"] * len(tokens)
    for i, token in enumerate(tokens):
        if token.text in ("54", "٢٣"):
            a[i] = "CASUALTY"
        elif token.text in ("الباغوز", "فوقاني", "بدير", "الزور"):
            a[i] = "PLACE"
        elif token.text in ("التحالف", "الدولي"):
            a[i] = "ACTOR"
    b = ["O" if t.text == "فوقاني" else label for t, label in zip(tokens, a, strict=True)]
    assert pair.token_kappa == pytest.approx(cohen_kappa_score(a, b))
    casualty = report.per_label["CASUALTY"]
    assert casualty.pairwise[0].span_f1_exact == 1.0
    assert report.per_label["PLACE"].pairwise[0].span_f1_exact == 0.0
    attributes = report.overall.attributes["CASUALTY"]
    assert (attributes["value"].compared, attributes["value"].agreed) == (2, 2)
    assert (attributes["status"].compared, attributes["status"].agreed) == (1, 0)
    assert (report.overall.attributes["ACTOR"]["role"].agreed, report.overall.attributes["ACTOR"]["role"].compared) == (
        1,
        1,
    )
    assert [(d.id, d.disagreements, d.items) for d in report.documents] == [("d1", 3, 3), ("d2", 0, 2)]


def test_pending_suggestions_and_unfinished_coders_do_not_count(merged: Path) -> None:
    with Project.open(merged) as project:
        doc = project.document_by_sha(text_sha256(T2))
        assert doc is not None
        project.add_annotation(doc.id, "PLACE", *at(T2, "الباغوز"), coder="amal", origin="suggested")
        before = agreement(project).overall.pairwise[0]
        assert before.spans == [5, 5]
        project.set_status(doc.id, "in_progress", coder="omar")
        after = agreement(project).overall.pairwise[0]
        assert (after.documents, after.spans) == (1, [3, 3])


def test_label_option_keeps_one_labels_spans(merged: Path) -> None:
    with Project.open(merged, readonly=True) as project:
        report = agreement(project, label="CASUALTY")
        assert report.labels == ["CASUALTY"] and list(report.per_label) == ["CASUALTY"]
        assert report.overall.pairwise[0].spans == [2, 2]
        assert report.overall.pairwise[0].span_f1_exact == 1.0
        with pytest.raises(AnnotatorError, match="unknown label 'WEAPON'"):
            agreement(project, label="WEAPON")


def test_three_coders_fleiss_and_alpha_only_on_documents_all_finished(tmp_path: Path, merged: Path) -> None:
    sara = build_coder_file(
        tmp_path / "sara.db", "sara", {T1: ("done", [("54", "CASUALTY", KILLED_54)]), T2: ("in_progress", [])}
    )
    merge_projects(merged, [sara])
    with Project.open(merged, readonly=True) as project:
        report = agreement(project)
    assert report.coders == ["amal", "omar", "sara"]
    assert [(p.coders, p.documents) for p in report.overall.pairwise] == [
        (["amal", "omar"], 2),
        (["amal", "sara"], 1),
        (["omar", "sara"], 1),
    ]
    assert report.overall.documents == 1 and report.overall.tokens == len(tokenize(T1))


# --- cross-checks on generated work ---------------------------------------------------------------


def outermost_labels(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """Written independently of the module: for each token, the overlapping span with the earliest
    start and then the latest end."""
    out = []
    for token in tokenize(text):
        over = [s for s in spans if s[0] < token.end and token.start < s[1]]
        out.append(min(over, key=lambda s: (s[0], -s[1], s[2]))[2] if over else "O")
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(*[coder_work(statuses=("done", "done", "done", "in_progress"), min_texts=1)] * 3)
def test_project_figures_match_independent_implementations(
    first: list[Any], second: list[Any], third: list[Any]
) -> None:
    work = (first, second, third)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        names = ["amal", "omar", "sara"]
        sources = [write(root / f"{name}.db", name, w) for name, w in zip(names, work, strict=True)]
        out = root / "merged.db"
        merge_projects(out, sources)
        done = {
            name: {text: spans for text, status, spans in w if status == "done"}
            for name, w in zip(names, work, strict=True)
        }
        coders = [n for n in names if done[n]]
        with Project.open(out, readonly=True) as project:
            if len(coders) < 2 or not any(
                len({t for c in coders for t in done[c] if all(t in done[o] for o in pair)})
                for pair in combinations(coders, 2)
            ):
                with pytest.raises(AnnotatorError):
                    agreement(project)
                return
            report = agreement(project)
        event(f"{len(coders)} coders compared")
        assert report.coders == coders
        for pair in report.overall.pairwise:
            a, b = pair.coders
            shared = [t for t in done[a] if t in done[b]]
            vec_a = [x for t in shared for x in outermost_labels(t, [s[:3] for s in done[a][t]])]
            vec_b = [x for t in shared for x in outermost_labels(t, [s[:3] for s in done[b][t]])]
            assert pair.tokens == len(vec_a)
            if pair.token_kappa is None:
                assert not vec_a or len(set(vec_a) | set(vec_b)) == 1
            else:
                assert pair.token_kappa == pytest.approx(cohen_kappa_score(vec_a, vec_b), abs=1e-9)
            exact = sum(
                min(sum(1 for s in done[a][t] if s[:3] == k), sum(1 for s in done[b][t] if s[:3] == k))
                for t in shared
                for k in {s[:3] for s in done[a][t]}
            )
            assert pair.exact_matches == exact
        everyone = [t for t in done[coders[0]] if all(t in done[c] for c in coders)]
        columns = [
            list(col)
            for t in everyone
            for col in zip(*(outermost_labels(t, [s[:3] for s in done[c][t]]) for c in coders), strict=True)
        ]
        assert report.overall.tokens == len(columns)
        categories = sorted({v for col in columns for v in col})
        if report.overall.fleiss_kappa is None:
            assert len(categories) <= 1
        else:
            table = np.array([[col.count(c) for c in categories] for col in columns])
            assert report.overall.fleiss_kappa == pytest.approx(statsmodels_fleiss(table, method="fleiss"), abs=1e-9)
            codes = np.array([[categories.index(v) for v in col] for col in columns], dtype=float).T
            expected = krippendorff.alpha(reliability_data=codes, level_of_measurement="nominal")
            assert report.overall.krippendorff_alpha == pytest.approx(expected, abs=1e-9)


# --- output --------------------------------------------------------------------------------------


def test_cli_json_has_the_contract_keys(merged: Path) -> None:
    result = CliRunner().invoke(main, ["agreement", str(merged), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"pairwise", "fleiss_kappa", "krippendorff_alpha", "per_label"} <= set(data)
    assert {"coders", "span_f1_exact", "span_f1_overlap", "token_kappa"} <= set(data["pairwise"][0])
    assert set(data["per_label"]) == {"ACTOR", "PLACE", "CASUALTY", "DATE"}
    assert {"pairwise", "fleiss_kappa", "krippendorff_alpha"} <= set(data["per_label"]["PLACE"])
    assert data["per_label"]["CASUALTY"]["attributes"]["status"] == {"compared": 1, "agreed": 0, "agreement": 0.0}
    assert [d["id"] for d in data["per_document"]] == ["d1", "d2"]
    assert data["fleiss_kappa"] == pytest.approx(data["pairwise"][0]["token_kappa"], abs=0.01)


def test_cli_text_output(merged: Path) -> None:
    result = CliRunner().invoke(main, ["agreement", str(merged), "--label", "CASUALTY"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{merged}: coders amal, omar; 2 document(s) finished by all, 2 by at least two",
        "pair                     docs  spans        F1 exact  F1 overlap  token kappa",
        "amal / omar                 2  2 / 2           1.000       1.000        1.000",
        f"all coders ({len(tokenize(T1) + tokenize(T2))} tokens): Fleiss' kappa 1.000, Krippendorff's alpha 1.000",
        "label        F1 exact  F1 overlap  token kappa  Fleiss  alpha   (F1 and kappa: mean over pairs)",
        "CASUALTY        1.000       1.000        1.000   1.000  1.000",
        "attributes on exactly matched spans:",
        "  CASUALTY.value: 2 of 2 agree (1.000)",
        "  CASUALTY.status: 0 of 1 agree (0.000)",
        "where the spans came from (accepted: a suggestion the coder accepted, by suggester):",
        "coder        label      spans  hand accepted  "
        "gazetteer    memory   learned  casualty     dates  share accepted",
        "amal         CASUALTY       2     2        0          0         0         0         0         0              0%",
        "amal         all            2     2        0          0         0         0         0         0              0%",
        "omar         CASUALTY       2     2        0          0         0         0         0         0              0%",
        "omar         all            2     2        0          0         0         0         0         0              0%",
        "tagged exactly alike by another coder (pooled over pairs):",
        "  amal: by hand 2 of 2 (100%), accepted 0 of 0 (n/a)",
        "  omar: by hand 2 of 2 (100%), accepted 0 of 0 (n/a)",
        "  amal / omar: 0 of 2 exact matches are the same suggestion accepted by both (0%)",
        "rejected suggestions are not counted: the project does not record which suggester made them, "
        "and a merge does not copy them",
        "documents by disagreement (places where coders differ / places):",
        "  d1\t1/1\ttokens 0.0%\t54",
        "  d2\t0/1\ttokens 0.0%\tالتحالف",
    ]


def test_cli_html_report_is_escaped_and_sorted(tmp_path: Path, merged: Path) -> None:
    with Project.open(merged) as project:
        doc = project.document_by_sha(text_sha256(T1))
        assert doc is not None
        project.db["documents"].update(doc.id, {"title": "<script>alert('x')</script> غارة"})
    html_path = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["agreement", str(merged), "--html", str(html_path)])
    assert result.exit_code == 0, result.output
    page = html_path.read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; غارة" in page
    assert page.index("<td>d1</td>") < page.index("<td>d2</td>")
    assert '<td class="ar" dir="rtl">بدير الزور</td>' in page
    assert "<td>amal / omar</td>" in page
    with Project.open(merged, readonly=True) as project:
        assert render_html(agreement(project)) == page


def test_cli_errors(tmp_path: Path, merged: Path) -> None:
    runner = CliRunner()
    single = build_coder_file(tmp_path / "solo.db", "solo", {T1: ("done", [])})
    result = runner.invoke(main, ["agreement", str(single)])
    assert result.exit_code == 1
    assert result.output == (
        f"error: {single}: agreement needs at least two coders who marked documents done (found: solo); "
        "merge the coders' files first\n"
    )
    unknown = runner.invoke(main, ["agreement", str(merged), "--label", "WEAPON"])
    assert unknown.exit_code == 1
    assert unknown.output == "error: unknown label 'WEAPON' (the codebook has ACTOR, PLACE, CASUALTY, DATE)\n"
    missing_folder = runner.invoke(main, ["agreement", str(merged), "--html", str(tmp_path / "nowhere" / "r.html")])
    assert missing_folder.exit_code == 1 and "the folder does not exist" in missing_folder.output
    not_ours = tmp_path / "x.db"
    not_ours.write_text("hello", encoding="utf-8")
    result = runner.invoke(main, ["agreement", str(not_ours)])
    assert result.exit_code == 1 and result.output == f"error: {not_ours}: not a project file (not a SQLite database)\n"


def test_a_coder_with_nothing_finished_is_named_not_compared(tmp_path: Path, merged: Path) -> None:
    late = build_coder_file(tmp_path / "huda.db", "huda", {T1: ("in_progress", [("54", "CASUALTY", KILLED_54)])})
    merge_projects(merged, [late])
    result = CliRunner().invoke(main, ["agreement", str(merged)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == "not compared (no document marked done): huda"
    data = json.loads(CliRunner().invoke(main, ["agreement", str(merged), "--json"]).output)
    assert data["coders"] == ["amal", "omar"] and data["coders_without_finished_documents"] == ["huda"]
