"""Adjudication into gold: --auto (unanimous, majority), the lead's decisions, provenance, undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_merge import T1, T2, T3, at, build_coder_file, content

from annotator.cli.main import main
from annotator.errors import AnnotatorError
from annotator.lead import adjudication
from annotator.lead.merge import merge_projects
from annotator.models import GOLD
from annotator.store.project import Project
from annotator.text import text_sha256

KILLED_54 = {"value": 54, "status": "killed"}


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    """Three coders; T1 finished by all three, T2 by amal and omar, T3 by amal only."""
    amal = build_coder_file(
        tmp_path / "amal.db",
        "amal",
        {
            T1: (
                "done",
                [
                    ("54", "CASUALTY", KILLED_54),
                    ("دير الزور", "PLACE", {}),
                    ("المرصد السوري لحقوق الإنسان", "ACTOR", {"role": "claimant"}),
                ],
            ),
            T2: ("done", [("التحالف الدولي", "ACTOR", {}), ("٢٣", "CASUALTY", {"value": 23, "status": "killed"})]),
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
                    ("54", "CASUALTY", KILLED_54),
                    ("بدير الزور", "PLACE", {}),
                    ("المرصد السوري لحقوق الإنسان", "ACTOR", {"role": "claimant"}),
                ],
            ),
            T2: ("done", [("التحالف الدولي", "ACTOR", {}), ("٢٣", "CASUALTY", {"value": 23, "status": "missing"})]),
            T3: ("in_progress", [("ثمانية", "CASUALTY", {"value": 8})]),
        },
    )
    sara = build_coder_file(
        tmp_path / "sara.db",
        "sara",
        {T1: ("done", [("54", "CASUALTY", KILLED_54), ("دير الزور", "PLACE", {}), ("المرصد السوري", "ACTOR", {})])},
    )
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar, sara])
    return out


def gold_of(project: Project, text: str) -> list[tuple[str, str, dict]]:
    doc = project.document_by_sha(text_sha256(text))
    assert doc is not None
    return [(g.label, g.text, g.attrs) for g in project.annotations(doc.id, coder=GOLD)]


def coder_layers(path: Path) -> list[tuple]:
    return [s for s in content(path)["spans"] if s[1] != GOLD]


def test_auto_unanimous_takes_only_what_every_finishing_coder_made(merged: Path) -> None:
    layers_before = coder_layers(merged)
    with Project.open(merged) as project:
        report = adjudication.auto_adjudicate(project)
        assert gold_of(project, T1) == [("CASUALTY", "54", KILLED_54)]
        assert gold_of(project, T2) == [("ACTOR", "التحالف الدولي", {})]  # ٢٣: the status differs
        assert gold_of(project, T3) == []  # only amal finished it
        gold = project.annotations(coder=GOLD)[0]
        provenance = gold.provenance or {}
        assert provenance["agreed"] == ["amal", "omar", "sara"]
        assert provenance["decision"] == "auto" and provenance["strategy"] == "unanimous"
        assert provenance["by"] == "lead" and provenance["at"]
        sources = [project.annotation(i) for i in provenance["sources"]]
        assert sorted(a.coder for a in sources) == ["amal", "omar", "sara"]
        assert {(a.label, a.start, a.end) for a in sources} == {("CASUALTY", *at(T1, "54"))}
        assert gold.origin == "adjudicated"
    assert (report.documents, report.added, report.already, report.too_few_coders) == (2, 2, 0, 1)
    assert coder_layers(merged) == layers_before


def test_auto_is_idempotent(merged: Path) -> None:
    with Project.open(merged) as project:
        adjudication.auto_adjudicate(project)
    first = content(merged)
    with Project.open(merged) as project:
        report = adjudication.auto_adjudicate(project)
    assert report.added == 0 and report.already == 2
    assert content(merged)["spans"] == first["spans"]


def test_a_deleted_auto_span_is_not_brought_back(merged: Path) -> None:
    with Project.open(merged) as project:
        adjudication.auto_adjudicate(project)
        gold = project.annotations(coder=GOLD)[0]
        adjudication.withdraw(project, gold.id)
        report = adjudication.auto_adjudicate(project)
        assert report.added == 0 and report.already == 2  # one live, one deleted by the lead
        assert gold.id not in {g.id for g in project.annotations(coder=GOLD)}


def test_majority_takes_what_more_than_half_made(merged: Path) -> None:
    with Project.open(merged) as project:
        report = adjudication.auto_adjudicate(project, strategy="majority")
        assert gold_of(project, T1) == [
            ("CASUALTY", "54", KILLED_54),
            ("PLACE", "دير الزور", {}),  # amal and sara: 2 of 3
            ("ACTOR", "المرصد السوري لحقوق الإنسان", {"role": "claimant"}),  # amal and omar
        ]
        assert gold_of(project, T2) == [("ACTOR", "التحالف الدولي", {})]  # 1 of 2 is no majority for ٢٣
        place = next(g for g in project.annotations(coder=GOLD) if g.label == "PLACE")
        assert (place.provenance or {})["agreed"] == ["amal", "sara"]
    assert report.added == 4


def test_min_coders_one_takes_a_single_coders_finished_work(merged: Path) -> None:
    with Project.open(merged) as project:
        adjudication.auto_adjudicate(project, min_coders=1)
        assert gold_of(project, T3) == [("CASUALTY", "ثمانية", {"value": 8})]


def test_auto_marks_settled_documents_done_for_the_lead(tmp_path: Path) -> None:
    same = {T1: ("done", [("54", "CASUALTY", KILLED_54)]), T2: ("done", [("الباغوز", "PLACE", {})])}
    files = [build_coder_file(tmp_path / f"{c}.db", c, same) for c in ("amal", "omar")]
    with Project.open(files[1]) as omar:
        doc = omar.document_by_sha(text_sha256(T2))
        assert doc is not None
        omar.add_annotation(doc.id, "PLACE", *at(T2, "بغـــداد"))
    merge_projects(tmp_path / "merged.db", files)
    with Project.open(tmp_path / "merged.db") as project:
        report = adjudication.auto_adjudicate(project)
        d1 = project.document_by_sha(text_sha256(T1))
        d2 = project.document_by_sha(text_sha256(T2))
        assert d1 is not None and d2 is not None
        assert project.status(d1.id).status == "done"
        assert project.status(d2.id).status == "in_progress"
        assert report.settled == 1 and report.open == 1
        # the lead's status layer is not a compared coder
        assert adjudication.compared_coders(project) == ["amal", "omar"]


def test_items_group_overlapping_versions(merged: Path) -> None:
    with Project.open(merged, readonly=True) as project:
        doc = project.document_by_sha(text_sha256(T1))
        assert doc is not None
        found = adjudication.items(project, doc.id)
    assert [(i.start, i.end, i.unanimous, len(i.versions)) for i in found] == [
        (*at(T1, "54"), True, 1),
        (*at(T1, "بدير الزور"), False, 2),
        (*at(T1, "المرصد السوري لحقوق الإنسان"), False, 2),
    ]
    place = found[1]
    assert [(v.text, v.coders) for v in place.versions] == [("بدير الزور", ("omar",)), ("دير الزور", ("amal", "sara"))]
    assert place.missing(place.versions[0]) == ("amal", "sara")
    assert all(v.state == "open" for i in found for v in i.versions)


def test_the_leads_decisions_are_recorded_and_undoable(merged: Path) -> None:
    layers_before = coder_layers(merged)
    with Project.open(merged) as project:
        adjudication.auto_adjudicate(project)
        doc = project.document_by_sha(text_sha256(T1))
        assert doc is not None
        place, actor = adjudication.items(project, doc.id)[1:]
        assert place.open and actor.open
        picked = adjudication.accept(project, place.versions[1].annotation_ids, by="huda")
        assert (picked.text, picked.coder, picked.origin) == ("دير الزور", GOLD, "adjudicated")
        provenance = picked.provenance or {}
        assert (provenance["decision"], provenance["by"], provenance["agreed"]) == ("picked", "huda", ["amal", "sara"])
        assert provenance["sources"] == sorted(place.versions[1].annotation_ids)
        place = adjudication.items(project, doc.id)[1]
        assert [v.state for v in place.versions] == ["superseded", "gold"] and not place.open
        assert [g.id for g in place.gold] == [picked.id]
        # undo and redo of the pick
        adjudication.withdraw(project, picked.id)
        assert adjudication.items(project, doc.id)[1].open
        project.restore_annotation(picked.id)
        assert not adjudication.items(project, doc.id)[1].open

        long_version = next(v for v in actor.versions if v.text == "المرصد السوري لحقوق الإنسان")
        edited = adjudication.edit(
            project, long_version.annotation_ids, by="huda", attrs={"role": "claimant", "kind": "organisation"}
        )
        assert (edited.provenance or {})["decision"] == "edited" and (edited.provenance or {})["agreed"] == []
        assert edited.attrs == {"role": "claimant", "kind": "organisation"}
        start, end = at(T1, "28")
        added = adjudication.add(
            project, doc.id, "CASUALTY", start, end, by="huda", attrs={"value": 28, "victims": "civilians"}
        )
        assert (added.provenance or {})["sources"] == [] and (added.provenance or {})["decision"] == "added"

        d2 = project.document_by_sha(text_sha256(T2))
        assert d2 is not None
        casualty = adjudication.items(project, d2.id)[1]
        rejection = adjudication.reject(project, casualty.versions[1].annotation_ids, by="huda")
        assert rejection.provenance["decision"] == "rejected"
        states = [v.state for v in adjudication.items(project, d2.id)[1].versions]
        assert sorted(states) == ["open", "rejected"]
        adjudication.unreject(project, rejection.id)
        assert [v.state for v in adjudication.items(project, d2.id)[1].versions] == ["open", "open"]
        adjudication.reject(project, rejection.sources, by="huda", rejection_id=rejection.id, at=rejection.at)
        assert adjudication.rejections(project, d2.id) == [rejection]

        with pytest.raises(AnnotatorError, match="not gold; coder layers are never changed"):
            adjudication.withdraw(project, place.versions[0].annotation_ids[0])
        with pytest.raises(AnnotatorError, match="the spans to accept differ"):
            adjudication.accept(project, [v.annotation_ids[0] for v in place.versions], by="huda")
        with pytest.raises(AnnotatorError, match="gold spans already"):
            adjudication.accept(project, [picked.id], by="huda")
    assert coder_layers(merged) == layers_before


def test_queue_puts_the_most_open_documents_first(merged: Path) -> None:
    with Project.open(merged) as project:
        adjudication.auto_adjudicate(project)
        entries = adjudication.queue(project)
        assert [(e.key, e.coders, e.items, e.open, e.unanimous) for e in entries] == [
            ("d1", ("amal", "omar", "sara"), 3, 2, 1),
            ("d2", ("amal", "omar"), 2, 1, 1),
        ]
        assert [e.key for e in adjudication.queue(project, min_coders=1)] == ["d1", "d2", "d3"]


def test_unknown_strategy_and_nothing_finished_are_errors(tmp_path: Path, merged: Path) -> None:
    with Project.open(merged) as project, pytest.raises(AnnotatorError, match="unknown strategy 'most'"):
        adjudication.auto_adjudicate(project, strategy="most")
    lonely = build_coder_file(tmp_path / "nobody.db", "nobody", {T1: ("in_progress", [])})
    merge_projects(tmp_path / "lonely.db", [lonely])
    with Project.open(tmp_path / "lonely.db") as project, pytest.raises(AnnotatorError, match="no coder has marked"):
        adjudication.auto_adjudicate(project)


# --- the command line ----------------------------------------------------------------------------


def test_cli_adjudicate_auto_list_accept_reject(merged: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["adjudicate", str(merged), "--auto"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "unanimous: 2 document(s) finished by enough coders; 2 span(s) added to gold, 0 already there; "
        "3 item(s) left open for the lead",
        "0 document(s) fully settled (marked done for lead)",
        "1 document(s) finished by too few coders were left alone",
    ]
    listing = runner.invoke(main, ["adjudicate", str(merged)])
    assert listing.exit_code == 0
    lines = listing.output.splitlines()
    assert lines[0] == "3 open place(s) in 2 of 2 document(s)"
    assert lines[1].startswith("d1 (amal, omar, sara): 2 open of 3")
    place_line = next(line for line in lines if " PLACE دير الزور " in line)
    assert "by amal, sara (open) id " in place_line
    span_id = place_line.rsplit(" id ", 1)[1]
    other_line = next(line for line in lines if " PLACE بدير الزور " in line)
    accepted = runner.invoke(
        main, ["adjudicate", str(merged), "--accept", span_id, "--reject", other_line.rsplit(" id ", 1)[1]]
    )
    assert accepted.exit_code == 0, accepted.output
    assert accepted.output.splitlines()[0].startswith(f"accepted {span_id} as gold ")
    assert accepted.output.splitlines()[0].endswith(
        f"PLACE [{at(T1, 'دير الزور')[0]}, {at(T1, 'دير الزور')[1]}) دير الزور"
    )
    again = runner.invoke(main, ["adjudicate", str(merged)])
    assert again.output.splitlines()[0] == "2 open place(s) in 2 of 2 document(s)"
    bad = runner.invoke(main, ["adjudicate", str(merged), "--accept", "no-such-id"])
    assert bad.exit_code == 1 and bad.output == "error: no annotation with id no-such-id\n"
    bad_strategy = runner.invoke(main, ["adjudicate", str(merged), "--auto", "--strategy", "most"])
    assert bad_strategy.exit_code == 2


def test_cli_whole_flow_two_coders_to_gold_export(tmp_path: Path) -> None:
    """init, import, merge, agreement, adjudicate --auto, export --layer gold: all as a lead types them."""
    runner = CliRunner()
    records = {
        "amal": [
            {
                "id": "d1",
                "text": T1,
                "status": "done",
                "spans": [
                    {"start": at(T1, "54")[0], "end": at(T1, "54")[1], "label": "CASUALTY", "attrs": KILLED_54},
                    {"start": at(T1, "الباغوز")[0], "end": at(T1, "الباغوز")[1], "label": "PLACE"},
                ],
            },
            {
                "id": "d2",
                "text": T2,
                "status": "done",
                "spans": [
                    {"start": at(T2, "٢٣")[0], "end": at(T2, "٢٣")[1], "label": "CASUALTY", "attrs": {"value": 23}}
                ],
            },
        ],
        "omar": [
            {
                "id": "d1",
                "text": T1,
                "status": "done",
                "spans": [
                    {"start": at(T1, "54")[0], "end": at(T1, "54")[1], "label": "CASUALTY", "attrs": KILLED_54},
                    {"start": at(T1, "الباغوز فوقاني")[0], "end": at(T1, "الباغوز فوقاني")[1], "label": "PLACE"},
                ],
            },
            {
                "id": "d2",
                "text": T2,
                "status": "done",
                "spans": [
                    {"start": at(T2, "٢٣")[0], "end": at(T2, "٢٣")[1], "label": "CASUALTY", "attrs": {"value": 23}}
                ],
            },
        ],
    }
    for coder, docs in records.items():
        source = tmp_path / f"{coder}.jsonl"
        source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        assert runner.invoke(main, ["init", str(tmp_path / f"{coder}.db"), "--coder", coder]).exit_code == 0
        imported = runner.invoke(main, ["import", str(tmp_path / f"{coder}.db"), str(source)])
        assert imported.exit_code == 0, imported.output
    merged = str(tmp_path / "merged.db")
    result = runner.invoke(main, ["merge", merged, str(tmp_path / "amal.db"), str(tmp_path / "omar.db")])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"created {merged}: 2 document(s); coder layers amal, omar"

    figures = runner.invoke(main, ["agreement", merged, "--json"])
    assert figures.exit_code == 0, figures.output
    data = json.loads(figures.output)
    pair = data["pairwise"][0]
    assert pair["coders"] == ["amal", "omar"] and pair["spans"] == [3, 3]
    assert pair["span_f1_exact"] == pytest.approx(2 / 3)  # 2 of 3 spans exactly alike
    assert pair["span_f1_overlap"] == 1.0
    assert data["per_label"]["CASUALTY"]["pairwise"][0]["span_f1_exact"] == 1.0

    auto = runner.invoke(main, ["adjudicate", merged, "--auto"])
    assert auto.exit_code == 0, auto.output
    assert auto.output.splitlines()[0].startswith("unanimous: 2 document(s) finished by enough coders; 2 span(s) added")
    exported = runner.invoke(main, ["export", merged, "--format", "jsonl", "--layer", "gold", "--out", "-"])
    assert exported.exit_code == 0, exported.output
    lines = [json.loads(line) for line in exported.stdout.splitlines()]  # notes go to stderr
    assert [(r["id"], r["status"]) for r in lines] == [("d1", "in_progress"), ("d2", "done")]
    assert [[(s["label"], s["text"], s["coder"]) for s in r["spans"]] for r in lines] == [
        [("CASUALTY", "54", "gold")],
        [("CASUALTY", "٢٣", "gold")],
    ]
    assert lines[1]["spans"][0]["provenance"]["agreed"] == ["amal", "omar"]
    settled = runner.invoke(
        main, ["export", merged, "--format", "jsonl", "--layer", "gold", "--status", "done", "--out", "-"]
    )
    assert [json.loads(line)["id"] for line in settled.stdout.splitlines()] == ["d2"]


def test_a_version_is_decided_once(tmp_path: Path) -> None:
    """Accepting twice, or rejecting what is in gold, is refused: no duplicate gold, no span both ways."""
    from annotator.errors import ValidationError
    from annotator.lead.adjudication import accept, items, reject

    merged = tmp_path / "m.db"
    with Project.create(merged, coder="lead") as project:
        doc, _, _ = project.add_document(T1, key="d1")
        ids = []
        for coder in ("amal", "omar"):
            start, end = at(T1, "54")
            ids.append(project.add_annotation(doc.id, "CASUALTY", start, end, coder=coder, attrs={"value": 54}).id)
            project.set_status(doc.id, "done", coder=coder)
        accept(project, [ids[0]], by="lead")
        with pytest.raises(ValidationError, match="in gold already"):
            accept(project, [ids[0]], by="lead")
        with pytest.raises(ValidationError, match="withdraw it first"):
            reject(project, [ids[1]], by="lead")
        assert len(project.annotations(doc.id, coder="gold")) == 1
        assert items(project, doc.id)
