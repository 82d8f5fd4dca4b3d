"""Our JSONL record: suggestions only when asked, meta, status, attributes and coder kept; split folders."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.cli.main import main
from annotator.store.project import Project


def records(text: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in text.splitlines()]


def test_suggestions_only_with_include_suggestions(annotated: Project):
    doc = annotated.document_by_key("d3")
    assert doc is not None
    annotated.add_annotation(doc.id, "PLACE", doc.text.index("بغداد"), len(doc.text) - 1, origin="suggested")
    plain = records(CliRunner().invoke(main, ["export", str(annotated.path), "--format", "jsonl", "--out", "-"]).stdout)
    assert [len(r["spans"]) for r in plain] == [10, 1, 0]
    result = CliRunner().invoke(
        main, ["export", str(annotated.path), "--format", "jsonl", "--out", "-", "--include-suggestions"]
    )
    with_suggestions = records(result.stdout)
    assert [(s["text"], s["origin"]) for s in with_suggestions[2]["spans"]] == [("بغداد", "suggested")]
    first = with_suggestions[0]
    assert first["id"] == "d1" and first["status"] == "done"
    assert first["meta"] == {"title": "غارة على الباغوز", "url": "javascript:alert(1)"}
    assert first["spans"][0] | {"id": ""} == {
        "id": "",
        "start": 7,
        "end": 9,
        "label": "CASUALTY",
        "text": "54",
        "attrs": {"status": "killed", "value": 54, "victims": "unspecified"},
        "coder": "amal",
        "origin": "manual",
    }


def test_status_filter_and_split_folder(annotated: Project, tmp_path: Path):
    out = tmp_path / "parts"
    result = CliRunner().invoke(
        main,
        ["export", str(annotated.path), "--format", "jsonl", "--out", str(out), "--status", "done", "--split", "50,50"],
    )
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"wrote 2 document(s) to {out} (train 1, test 1)",
        "note: left out 1 of 3 document(s) not marked done by amal (in_progress 1)",
    ]
    ids = [r["id"] for part in ("train", "test") for r in records((out / f"{part}.jsonl").read_text("utf-8"))]
    assert sorted(ids) == ["d1", "d2"]
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "Written by `annotator export`" in readme and "documents: 2 (documents marked done by amal)" in readme


def test_an_export_is_one_snapshot_while_a_coder_saves(annotated: Project, tmp_path: Path, monkeypatch) -> None:
    """A lead exports from the command line while the coder keeps working in the window:
    a span saved halfway through is in neither the records nor the counts."""
    import annotator.export.run as run
    from annotator.export import ExportOptions, export

    path = annotated.path
    annotated.close()
    written = run.write_jsonl

    def coder_saves_meanwhile(documents, handle):  # type: ignore[no-untyped-def]
        class SavesAfterTheFirstRecord:
            lines = 0

            def write(self, text: str) -> int:
                self.lines += 1
                if self.lines == 2:  # the first record is out: the coder saves now
                    with Project.open(path) as coder:  # the coder's own writable handle
                        doc = coder.document_by_key("d3")
                        assert doc is not None
                        coder.add_annotation(doc.id, "PLACE", 0, 5)
                return handle.write(text)

        return written(documents, SavesAfterTheFirstRecord())

    monkeypatch.setattr(run, "write_jsonl", coder_saves_meanwhile)
    monkeypatch.setattr("annotator.export.jsonl._LINES_PER_WRITE", 1)  # a write per record: the save comes mid-walk
    out = tmp_path / "cut.jsonl"
    with Project.open(path, readonly=True) as lead:
        result = export(lead, ExportOptions(format="jsonl"), out)
    exported = records(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in exported] == ["d1", "d2", "d3"]
    assert exported[2]["spans"] == []
    assert result.spans == sum(len(r["spans"]) for r in exported)
    with Project.open(path, readonly=True) as after:
        assert len(after.annotations(after.document_by_key("d3").id)) == 1  # the save itself landed


# --- each line is the record Python builds: SQLite writes the spans' part ---------------------


def export_text(project: Project, **options) -> str:
    from annotator.export import ExportOptions, export

    out = project.path.parent / "out.jsonl"
    export(project, ExportOptions(format="jsonl", **options), out)
    return out.read_text(encoding="utf-8")


def expected_line(project: Project, key: str, *, layer: str | None = None, include_suggestions: bool = False) -> str:
    """The record of one document built without the export: from the project's documents, spans
    and status, by :func:`annotator.records.document_to_json` and ``json.dumps``."""
    from annotator.records import document_to_json

    doc = project.document_by_key(key)
    assert doc is not None
    spans = project.annotations(doc.id, coder=layer, include_suggestions=include_suggestions)
    events = project.events(doc.id, coder=layer, include_suggestions=include_suggestions)
    record = document_to_json(doc, project.status(doc.id).status, spans, events)
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def lines_of(text: str) -> list[str]:
    """JSONL lines: split at newlines only (``splitlines`` also splits at U+2028 inside a string)."""
    assert text.endswith("\n") or not text
    return text.split("\n")[:-1]


def assert_lines_are_records(text: str, project: Project, keys: list[str], **options) -> None:
    lines = lines_of(text)
    assert [json.loads(line)["id"] for line in lines] == keys
    for line, key in zip(lines, keys, strict=True):
        assert line == expected_line(project, key, **options), key


def test_each_line_is_byte_for_byte_the_record_python_builds(annotated: Project):
    doc = annotated.document_by_key("d3")
    assert doc is not None
    start = doc.text.index("بغداد")
    annotated.add_annotation(doc.id, "PLACE", start, start + 5, origin="suggested",
                             provenance={"model": "names \"v2\"\n", "confidence": 0.1 + 0.2, "rank": 3})
    annotated.add_annotation(doc.id, "ACTOR", 0, 2, coder="sara\t\\", provenance={})
    article = annotated.document_by_key("d1")
    assert article is not None
    emoji = article.text.index("😀")
    annotated.add_annotation(article.id, "PLACE", emoji, emoji + 4,
                             attrs={"canonical": 'دير "الزور"\\ \u2028\x7f </script>', "kind": "town"})
    every = ["d1", "d2", "d3"]
    assert_lines_are_records(export_text(annotated), annotated, every)
    assert_lines_are_records(export_text(annotated, include_suggestions=True), annotated, every, include_suggestions=True)
    assert_lines_are_records(export_text(annotated, layer="sara\t\\"), annotated, every, layer="sara\t\\")
    assert_lines_are_records(export_text(annotated, status="done"), annotated, ["d1", "d2"])
    assert '"confidence": 0.30000000000000004' in export_text(annotated, include_suggestions=True)
    assert "😀 عن" in [s["text"] for s in json.loads(lines_of(export_text(annotated))[0])["spans"]]

    from annotator.export import ExportOptions, export

    out = annotated.path.parent / "parts"
    export(annotated, ExportOptions(format="jsonl", split=(34, 33, 33), seed=7, include_suggestions=True), out)
    parts = sorted(out.glob("*.jsonl"))
    assert len(parts) == 3
    keys = []
    for part in parts:
        text = part.read_text(encoding="utf-8")
        part_keys = [json.loads(line)["id"] for line in lines_of(text)]
        assert_lines_are_records(text, annotated, part_keys, include_suggestions=True)
        keys += part_keys
    assert sorted(keys) == every


def test_a_few_documents_or_most_of_them_give_the_same_records(tmp_path: Path):
    """Done documents scattered over a large file are read one by one, a dense run by walking the
    file: both give the records Python builds."""
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        ids = []
        for number in range(8):
            doc, _, _ = project.add_document(f"قصف على دير الزور رقم {number} والباغوز", key=f"d{number}")
            project.add_annotation(doc.id, "PLACE", 8, 17)
            ids.append(doc.id)
        for done in ([ids[0], ids[7]], [ids[1], ids[2], ids[4], ids[5]]):  # scattered, then dense with gaps
            for doc_id in ids:
                project.set_status(doc_id, "done" if doc_id in done else "new")
            keys = [f"d{ids.index(i)}" for i in done]
            assert_lines_are_records(export_text(project, status="done"), project, keys)


def test_a_span_with_damaged_attributes_is_named_instead_of_written_as_broken_json(annotated: Project):
    from annotator.errors import ProjectError

    broken = annotated.annotations()[0]
    annotated.conn.execute("UPDATE annotations SET attrs = '{\"value\": 5' WHERE id = ?", (broken.id,))
    try:
        export_text(annotated)
    except ProjectError as exc:
        assert f"span {broken.id} of document d1 has damaged attributes" in str(exc)
    else:
        raise AssertionError("the export wrote a record with broken JSON in it")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40))
def test_sqlite_quotes_any_text_as_python_does(text: str) -> None:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    assert conn.execute("SELECT json_quote(?)", (text,)).fetchone()[0] == json.dumps(text, ensure_ascii=False)


def test_events_sit_beside_spans_byte_for_byte_the_record_python_builds(annotated: Project):
    """Slots role by role in name order, span ids in slot order, provenance only when there is
    some, suggested events only when asked, one layer's events with ``--layer``; a document
    without events has no "events" key."""
    doc = annotated.document_by_key("d1")
    assert doc is not None
    spans = {a.text: a for a in annotated.annotations(doc.id)}
    first = annotated.add_event(
        doc.id, "ATTACK",
        slots={"place": [spans["الباغوز فوقاني"].id, spans["دير الزور"].id], "casualties": [spans["28"].id, spans["54"].id],
               "source": [spans["المرصد السوري لحقوق الإنسان"].id]},
        attrs={"weapon": "airstrike", "attribution": "asserted", "date": "2018-06-07"},
        provenance={"note": 'قال "المرصد"\n\u2028', "confidence": 0.1 + 0.2},
    )
    annotated.add_event(doc.id, "ATTACK", slots={"perpetrator": [spans["التحالف الدولي"].id]},
                        attrs={"attribution": "hinted"}, origin="suggested")
    omar_span = annotated.add_annotation(doc.id, "PLACE", doc.text.index("بدير") + 1, doc.text.index("الزور") + 5,
                                         coder="omar")
    annotated.add_event(doc.id, "ATTACK", coder="omar", slots={"place": [omar_span.id]}, provenance={})
    annotated.add_event(doc.id, "ATTACK")  # nothing filled yet
    every = ["d1", "d2", "d3"]
    plain = export_text(annotated)
    assert_lines_are_records(plain, annotated, every)
    assert_lines_are_records(export_text(annotated, include_suggestions=True), annotated, every, include_suggestions=True)
    assert_lines_are_records(export_text(annotated, layer="omar"), annotated, every, layer="omar")
    lines = lines_of(plain)
    assert lines[0].startswith('{"events": [{"attrs": {"attribution": "asserted", "date": "2018-06-07", "weapon": "airstrike"}')
    assert '"events"' not in lines[1] and '"events"' not in lines[2]
    exported = json.loads(lines[0])["events"]
    assert [e["id"] for e in exported] == [first.id, *[e.id for e in annotated.events(doc.id) if e.origin != "suggested"][1:]]
    assert exported[0]["slots"] == {
        "casualties": [spans["28"].id, spans["54"].id],
        "place": [spans["الباغوز فوقاني"].id, spans["دير الزور"].id],
        "source": [spans["المرصد السوري لحقوق الإنسان"].id],
    }
    assert exported[0]["provenance"]["confidence"] == 0.30000000000000004
    assert "provenance" not in exported[1] and exported[2]["slots"] == {}
