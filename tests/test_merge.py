"""Merging coders' project files: matching, idempotence, updates, refusals, read-only sources.

The builders at the top are used by the other lead-workflow tests too.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.codebook_reading import default_codebook, parse_codebook
from annotator.errors import AnnotatorError
from annotator.lead.merge import merge_projects, merge_sources, merged_layers
from annotator.models import GOLD
from annotator.store.project import Project
from annotator.text import text_sha256

# Arabic as coders meet it: tashkeel, tatweel, proclitics, Arabic-Indic digits,
# number words, Latin and digits, and an emoji (one code point here, two in Qt).
T1 = (
    "قُتِلَ 54 شخصاً بينهم 28 مدنياً في غارة على الباغوز فوقاني بدير الزور، "
    "وقال المرصد السوري لحقوق الإنسان إن نحو ثلاثين آخرين أصيبوا."
)
T2 = "وأعلن التحالف الدولي 😀 عن سقوط ٢٣ ضحية في والباغوز وبغـــداد."
T3 = "أفادت مصادر محلية بمقتل ثمانية مدنيين، بينهم 3 أطفال، في قصف على كفرنبل (Idlib) يوم 2019-05-01."
TEXTS = (T1, T2, T3)

Span = tuple[str, str, dict[str, Any]] | tuple[str, str, dict[str, Any], int]


def at(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Code-point offsets of ``needle`` in ``text`` (the ``occurrence``-th)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def build_coder_file(path: Path, coder: str, docs: dict[str, tuple[str, list[Span]]], *, codebook: Any = None) -> Path:
    """A coder's project: ``docs`` maps each text to (status, [(needle, label, attrs), ...])."""
    with Project.create(path, coder=coder, codebook=codebook) as project:
        for number, (text, (status, spans)) in enumerate(docs.items(), start=1):
            doc, _, _ = project.add_document(text, key=f"d{number}", title=text.split()[1])
            for needle, label, attrs, *occurrence in spans:
                start, end = at(text, needle, *occurrence)
                project.add_annotation(doc.id, label, start, end, attrs=attrs)
            project.set_status(doc.id, status)
    return path


def content(path: Path) -> dict[str, Any]:
    """A project's content, independent of row order and internal document ids."""
    with Project.open(path, readonly=True) as project:
        sha = {d: project.document(d).sha256 for d in project.document_ids()}
        spans = sorted(
            (
                sha[a.doc_id],
                a.coder,
                a.id,
                a.label,
                a.start,
                a.end,
                a.text,
                json.dumps(a.attrs, sort_keys=True),
                a.origin,
                a.created,
                a.updated,
            )
            for a in project.annotations()
        )
        statuses = sorted(
            (sha[d], c, s, f, m)
            for d, c, s, f, m in project.conn.execute(
                "SELECT doc_id, coder, status, flagged, comment FROM document_status"
            )
            if c != project.coder
        )
        layers = [(s["coder"], s["project_id"]) for s in merge_sources(project)]
    return {"documents": sorted(sha.values()), "spans": spans, "statuses": statuses, "layers": layers}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def amal(tmp_path: Path) -> Path:
    return build_coder_file(
        tmp_path / "amal.db",
        "amal",
        {
            T1: ("done", [("54", "CASUALTY", {"value": 54, "status": "killed"}), ("دير الزور", "PLACE", {})]),
            T2: ("done", [("التحالف الدولي", "ACTOR", {"role": "claimant"}), ("٢٣", "CASUALTY", {"value": 23})]),
        },
    )


@pytest.fixture
def omar(tmp_path: Path) -> Path:
    return build_coder_file(
        tmp_path / "omar.db",
        "omar",
        {
            T2: ("done", [("التحالف الدولي", "ACTOR", {"role": "claimant"}), ("الباغوز", "PLACE", {})]),
            T1: ("in_progress", [("54", "CASUALTY", {"value": 54, "status": "killed"}), ("بدير الزور", "PLACE", {})]),
            T3: ("done", [("ثمانية", "CASUALTY", {"value": 8, "victims": "civilians"})]),
        },
    )


def test_merge_matches_documents_by_text_and_keeps_every_span(tmp_path: Path, amal: Path, omar: Path) -> None:
    out = tmp_path / "merged.db"
    report = merge_projects(out, [amal, omar])
    assert report.created
    with Project.open(out, readonly=True) as merged:
        assert merged.coder == "lead"
        assert sorted(merged.document(d).sha256 for d in merged.document_ids()) == sorted(map(text_sha256, TEXTS))
        assert merged_layers(merged) == ["amal", "omar"]
        doc1 = merged.document_by_sha(text_sha256(T1))
        assert doc1 is not None
        by_coder = {c: [(a.label, a.text) for a in merged.annotations(doc1.id, coder=c)] for c in ("amal", "omar")}
        assert by_coder == {
            "amal": [("CASUALTY", "54"), ("PLACE", "دير الزور")],
            "omar": [("CASUALTY", "54"), ("PLACE", "بدير الزور")],
        }
        assert merged.status(doc1.id, "amal").status == "done"
        assert merged.status(doc1.id, "omar").status == "in_progress"
        doc2 = merged.document_by_sha(text_sha256(T2))
        assert doc2 is not None
        emoji_span = merged.annotations(doc2.id, coder="omar")[1]
        assert emoji_span.text == "الباغوز" and T2[emoji_span.start : emoji_span.end] == "الباغوز"
    with Project.open(amal, readonly=True) as source:
        ids = {a.id for a in source.annotations()}
    assert ids <= {row[2] for row in content(out)["spans"]}
    assert [r.documents_added for r in report.sources] == [2, 1]
    assert [r.documents_existing for r in report.sources] == [0, 2]


def test_merging_again_adds_nothing(tmp_path: Path, amal: Path, omar: Path) -> None:
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar])
    before = content(out)
    report = merge_projects(out, [amal, omar, amal])
    assert content(out) == before
    assert all(r.spans_added == r.spans_updated == r.spans_removed == 0 for r in report.sources)
    assert [r.spans_unchanged for r in report.sources] == [4, 5, 4]


def test_a_newer_file_updates_the_coder_layer(tmp_path: Path, amal: Path, omar: Path) -> None:
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar])
    with Project.open(amal) as source:
        spans = source.annotations()
        casualty = next(a for a in spans if a.text == "54")
        place = next(a for a in spans if a.text == "دير الزور")
        source.update_annotation(casualty.id, attrs={"value": 54, "status": "killed", "victims": "civilians"})
        source.delete_annotation(place.id)
        doc = source.document_by_sha(text_sha256(T1))
        assert doc is not None
        start, end = at(T1, "المرصد السوري لحقوق الإنسان")
        added = source.add_annotation(doc.id, "ACTOR", start, end)
        source.set_status(doc.id, "done", flagged=True, comment="تحقق من الرقم")
    report = merge_projects(out, [amal])
    assert (report.sources[0].spans_added, report.sources[0].spans_updated, report.sources[0].spans_removed) == (
        1,
        1,
        1,
    )
    with Project.open(out, readonly=True) as merged:
        assert merged.annotation(casualty.id).attrs["victims"] == "civilians"
        assert merged.annotation(added.id).text == "المرصد السوري لحقوق الإنسان"
        assert place.id not in {a.id for a in merged.annotations()}
        assert [h.action for h in merged.history(annotation_id=place.id)] == ["create", "delete"]
        status = merged.status(merged.document_by_sha(text_sha256(T1)).id, "amal")  # type: ignore[union-attr]
        assert (status.status, status.flagged, status.comment) == ("done", True, "تحقق من الرقم")
        assert len(merged.annotations(coder="omar")) == 5  # omar's layer is untouched


def test_an_older_copy_of_a_merged_file_is_refused(tmp_path: Path, amal: Path) -> None:
    out = tmp_path / "merged.db"
    old_copy = tmp_path / "amal-old.db"
    old_copy.write_bytes(amal.read_bytes())
    with Project.open(amal) as source:
        source.conn.execute("UPDATE meta SET value = '2999-01-01T00:00:00+00:00' WHERE key = 'modified'")
    merge_projects(out, [amal])
    before = content(out)
    with pytest.raises(AnnotatorError, match="this copy is older .* than the copy of coder amal's file already merged"):
        merge_projects(out, [old_copy])
    assert content(out) == before


def test_sources_are_never_written(tmp_path: Path, amal: Path, omar: Path) -> None:
    digests = {p: file_digest(p) for p in (amal, omar)}
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar])
    merge_projects(out, [omar, amal])
    assert {p: file_digest(p) for p in (amal, omar)} == digests


def test_a_coder_name_used_by_two_files_is_refused(tmp_path: Path, amal: Path, omar: Path) -> None:
    other_amal = build_coder_file(tmp_path / "other-amal.db", "amal", {T3: ("done", [("3", "CASUALTY", {"value": 3})])})
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar])
    before = content(out)
    with pytest.raises(AnnotatorError) as caught:
        merge_projects(out, [other_amal])
    message = str(caught.value)
    assert message.startswith(f"{other_amal}: coder amal already came from another project file ({amal}")
    assert "two different files use the same coder name" in message
    assert content(out) == before


def test_a_source_using_the_merged_projects_own_coder_is_refused(tmp_path: Path) -> None:
    lead_file = build_coder_file(tmp_path / "lead.db", "lead", {T1: ("done", [])})
    with pytest.raises(AnnotatorError, match="coder lead is the merged project's own layer"):
        merge_projects(tmp_path / "merged.db", [lead_file])
    assert not (tmp_path / "merged.db").exists()


def test_different_codebooks_are_refused_naming_the_differences(tmp_path: Path, amal: Path) -> None:
    data = default_codebook().to_dict()
    data["labels"] = [label for label in data["labels"] if label["name"] != "PLACE"]
    data["labels"].append({"name": "WEAPON", "color": "#123456"})
    del data["events"]  # ATTACK's place role takes PLACE spans: a codebook without PLACE has no ATTACK
    other = parse_codebook(json.dumps(data), "other.json", "json")
    weapon = build_coder_file(tmp_path / "sara.db", "sara", {T1: ("done", [])}, codebook=other)
    with pytest.raises(AnnotatorError) as caught:
        merge_projects(tmp_path / "merged.db", [amal, weapon])
    assert str(caught.value) == (
        f"{weapon}: its codebook differs from amal.db's (event type ATTACK only in amal.db; label PLACE only in amal.db; "
        "label WEAPON only in sara.db); "
        "make them the same, or choose one with --codebook-from FILE"
    )
    assert not (tmp_path / "merged.db").exists()


def test_codebook_from_accepts_sources_whose_spans_fit(tmp_path: Path, amal: Path) -> None:
    data = default_codebook().to_dict()
    data["labels"].append({"name": "WEAPON", "color": "#123456"})
    wider = parse_codebook(json.dumps(data), "wider.json", "json")
    sara = build_coder_file(tmp_path / "sara.db", "sara", {T1: ("done", [("غارة", "WEAPON", {})])}, codebook=wider)
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, sara], codebook_from=sara)
    with Project.open(out, readonly=True) as merged:
        assert merged.codebook.label_names == ["ACTOR", "PLACE", "CASUALTY", "DATE", "WEAPON"]
        assert [a.label for a in merged.annotations(coder="sara")] == ["WEAPON"]
    # the other way round, sara's WEAPON span does not fit amal's codebook: named, nothing written
    with pytest.raises(AnnotatorError, match=r"document d1, span .* \(WEAPON \[\d+, \d+\)\): unknown label 'WEAPON'"):
        merge_projects(tmp_path / "narrow.db", [amal, sara], codebook_from=amal)
    assert not (tmp_path / "narrow.db").exists()


def test_non_project_files_are_refused(tmp_path: Path, amal: Path) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("ليس مشروعاً", encoding="utf-8")
    with pytest.raises(AnnotatorError, match=r"notes.txt: not a project file \(not a SQLite database\)"):
        merge_projects(tmp_path / "merged.db", [amal, text_file])
    with pytest.raises(AnnotatorError, match="missing.db: no such project file"):
        merge_projects(tmp_path / "merged.db", [tmp_path / "missing.db"])
    assert not (tmp_path / "merged.db").exists()


def test_the_merged_project_cannot_be_its_own_source(tmp_path: Path, amal: Path) -> None:
    out = tmp_path / "merged.db"
    merge_projects(out, [amal])
    with pytest.raises(AnnotatorError, match="cannot also be one of its sources"):
        merge_projects(out, [out])


def test_a_bad_second_source_leaves_an_existing_merged_project_as_it_was(
    tmp_path: Path, amal: Path, omar: Path
) -> None:
    out = tmp_path / "merged.db"
    merge_projects(out, [amal])
    before, digest = content(out), file_digest(out)
    with Project.open(omar) as source:  # a span that breaks the codebook's rules, written behind the API's back
        source.conn.execute("UPDATE annotations SET attrs = '{\"value\": \"many\"}' WHERE text = 'ثمانية'")
    with pytest.raises(AnnotatorError, match="attribute 'value' of CASUALTY must be a whole number"):
        merge_projects(out, [amal, omar])
    assert content(out) == before
    assert file_digest(out) == digest


def test_gold_in_a_source_is_reported_not_merged(tmp_path: Path, amal: Path) -> None:
    with Project.open(amal) as source:
        doc = source.document_by_sha(text_sha256(T1))
        assert doc is not None
        source.add_annotation(doc.id, "CASUALTY", *at(T1, "28"), attrs={"value": 28}, coder=GOLD)
    report = merge_projects(tmp_path / "merged.db", [amal])
    assert report.sources[0].gold_skipped == 1
    assert any("its gold layer (1 span(s)) was not merged" in line for line in report.lines())
    with Project.open(tmp_path / "merged.db", readonly=True) as merged:
        assert merged.annotations(coder=GOLD) == []


def test_a_span_id_shared_by_two_coders_gets_a_stable_new_id(tmp_path: Path) -> None:
    """Two coders who imported the same pre-annotated file hold spans with the same ids."""
    files = []
    for coder in ("amal", "omar"):
        with Project.create(tmp_path / f"{coder}.db", coder=coder) as project:
            doc, _, _ = project.add_document(T2, key="d1")
            project.add_annotation(doc.id, "PLACE", *at(T2, "الباغوز"), annotation_id="pre-1")
            project.set_status(doc.id, "done")
        files.append(tmp_path / f"{coder}.db")
    out = tmp_path / "merged.db"
    report = merge_projects(out, files)
    assert [r.ids_renamed for r in report.sources] == [0, 1]
    first = content(out)
    merge_projects(out, files)
    assert content(out) == first
    with Project.open(out, readonly=True) as merged:
        assert sorted(a.coder for a in merged.annotations()) == ["amal", "omar"]
        assert merged.annotation("pre-1").coder == "amal"


# --- the command line ----------------------------------------------------------------------------


def test_cli_merge_prints_what_it_did(tmp_path: Path, amal: Path, omar: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "merged.db"
    result = runner.invoke(main, ["merge", str(out), str(amal), str(omar)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{amal} (coder amal; layers amal): 2 document(s) added, 0 already in merged.db; spans: 4 added, "
        "0 updated, 0 removed, 0 unchanged; 2 status(es) changed",
        f"{omar} (coder omar; layers omar): 1 document(s) added, 2 already in merged.db; spans: 5 added, "
        "0 updated, 0 removed, 0 unchanged; 3 status(es) changed",
        f"created {out}: 3 document(s); coder layers amal, omar",
    ]
    again = runner.invoke(main, ["merge", str(out), str(amal)])
    assert again.exit_code == 0
    assert again.output.splitlines()[0].endswith(
        "spans: 0 added, 0 updated, 0 removed, 4 unchanged; 0 status(es) changed"
    )


def test_cli_merge_errors_exit_1_with_one_line(tmp_path: Path, amal: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    result = runner.invoke(main, ["merge", str(tmp_path / "merged.db"), str(amal), str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {bad}: ")
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    missing = runner.invoke(main, ["merge", str(tmp_path / "merged.db")])
    assert missing.exit_code == 2  # click: SOURCE is required
    assert not (tmp_path / "merged.db").exists()
