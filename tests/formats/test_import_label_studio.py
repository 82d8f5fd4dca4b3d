"""Label Studio JSON exports imported with their spans and attributes.

The files follow Label Studio's export format as documented at
https://labelstud.io/guide/export#Label-Studio-JSON-format-of-annotated-tasks and
https://labelstud.io/guide/task_format (a JSON array of tasks; each task's ``data``,
``annotations[].result[]`` with ``from_name``, ``to_name``, ``type`` and ``value``; per-region
controls share the region's ``id``; ``predictions`` have the same results). Label Studio
before 1.6 counted offsets in UTF-16 code units (github.com/HumanSignal/label-studio issue
1347), later versions in code points: both are written here by hand, on Arabic text that
starts with a character outside the BMP, where the two differ.
"""

from __future__ import annotations

import json
from pathlib import Path

from format_helpers import Run, spans_of

from annotator.store.project import Project

ARTICLE = "😀 قصف على دير الزور أدى إلى مقتل 12 مدنيا، وفق المرصد السوري."
SECOND = "𞸀 اشتباكات في إدلب بين قوات النظام والفصائل"

# Label Studio 1.6 and later: code points. Written as Label Studio writes it, extra fields and all.
MODERN = """[
  {
    "id": 101,
    "data": {"text": "😀 قصف على دير الزور أدى إلى مقتل 12 مدنيا، وفق المرصد السوري.", "url": "https://example.org/a"},
    "annotations": [
      {
        "id": 9, "completed_by": 1, "was_cancelled": false, "ground_truth": false, "lead_time": 12.5,
        "created_at": "2024-05-01T10:00:00.000000Z", "task": 101,
        "result": [
          {"id": "aB3dE5gH7j", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
           "value": {"start": 10, "end": 19, "text": "دير الزور", "labels": ["Location"]}},
          {"id": "aB3dE5gH7j", "from_name": "kind", "to_name": "text", "type": "choices", "origin": "manual",
           "value": {"start": 10, "end": 19, "text": "دير الزور", "choices": ["governorate"]}},
          {"id": "Kk2LmN4pQ6", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
           "value": {"start": 33, "end": 35, "text": "12", "labels": ["CASUALTY"]}},
          {"id": "Kk2LmN4pQ6", "from_name": "value", "to_name": "text", "type": "number",
           "value": {"start": 33, "end": 35, "text": "12", "number": 12}},
          {"id": "Kk2LmN4pQ6", "from_name": "status", "to_name": "text", "type": "choices",
           "value": {"start": 33, "end": 35, "text": "12", "choices": ["killed"]}},
          {"id": "Zz9Yy8Xx7W", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
           "value": {"start": 47, "end": 60, "text": "المرصد السوري", "labels": ["Person"]}},
          {"id": "Zz9Yy8Xx7W", "from_name": "canonical", "to_name": "text", "type": "textarea",
           "value": {"start": 47, "end": 60, "text": ["المرصد السوري لحقوق الإنسان"]}},
          {"id": "rel1", "from_id": "Zz9Yy8Xx7W", "to_id": "Kk2LmN4pQ6", "type": "relation", "direction": "right"},
          {"id": "doc-topic", "from_name": "topic", "to_name": "text", "type": "choices",
           "value": {"choices": ["airstrike"]}}
        ]
      },
      {"id": 10, "completed_by": 2, "was_cancelled": true, "result": [
          {"id": "cancel1", "from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 0, "end": 1, "text": "😀", "labels": ["ACTOR"]}}]}
    ],
    "predictions": []
  }
]
"""

# Label Studio before 1.6: the same kind of file, offsets in UTF-16 code units.
OLD = """[
  {"id": 1, "data": {"text": "𞸀 اشتباكات في إدلب بين قوات النظام والفصائل"},
   "annotations": [{"id": 1, "completed_by": 1, "result": [
     {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
      "value": {"start": 15, "end": 19, "text": "إدلب", "labels": ["PLACE"]}},
     {"id": "r2", "from_name": "label", "to_name": "text", "type": "labels",
      "value": {"start": 24, "end": 35, "text": "قوات النظام", "labels": ["ACTOR"]}}]}]}
]
"""

LABELS = ("--map-label", "Location=PLACE", "--map-label", "Person=ACTOR")


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_a_modern_export_brings_spans_attributes_and_meta(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "export.json", MODERN)
    code, out, err = cli("import", db, source, *LABELS)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        "1 document(s) added, 0 already in the project; 3 span(s) added, 0 updated, 0 unchanged"
    )
    assert "export.json: 1 Label Studio relation(s) left out (spans only)" in out
    assert spans_of(db) == [
        ("101", "PLACE", 10, 19, "دير الزور"),
        ("101", "CASUALTY", 33, 35, "12"),
        ("101", "ACTOR", 47, 60, "المرصد السوري"),
    ]
    with Project.open(db, readonly=True) as project:
        doc = project.document(project.document_keys()[0][0])
        spans = {a.label: a for a in project.annotations(doc.id)}
        assert doc.text == ARTICLE and doc.url == "https://example.org/a"
        assert doc.meta["label_studio"] == {"topic": ["airstrike"]}
        assert spans["PLACE"].attrs == {"kind": "governorate"}
        assert spans["CASUALTY"].attrs == {"value": 12, "status": "killed"}
        assert spans["ACTOR"].attrs == {"canonical": "المرصد السوري لحقوق الإنسان"}
        assert {a.coder for a in spans.values()} == {"amal"}  # the one annotation is the coder's


def test_utf16_offsets_of_an_older_label_studio_are_converted_and_said(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "old.json", OLD)
    code, out, _ = cli("import", db, source)
    assert code == 0
    assert "old.json: Label Studio offsets were UTF-16 code units (Label Studio before 1.6); converted to code points" in out
    assert spans_of(db) == [("1", "PLACE", 14, 18, "إدلب"), ("1", "ACTOR", 23, 34, "قوات النظام")]


def test_a_span_whose_text_fits_neither_count_is_refused(tmp_path: Path, db: Path, cli: Run) -> None:
    wrong = OLD.replace('"start": 24, "end": 35', '"start": 26, "end": 37')
    source = write(tmp_path, "wrong.json", wrong)
    code, out, err = cli("import", db, source)
    assert code == 1 and out == ""
    assert err == (
        f"error: {source}: task 1: result 2 ([26, 37)) says 'قوات النظام', which is not at those offsets "
        "counted as code points or as UTF-16 code units\n"
    )
    assert spans_of(db) == []


def test_offsets_without_text_after_an_astral_character_take_the_files_reading(
    tmp_path: Path, db: Path, cli: Run
) -> None:
    # The second span has no "text": the first showed the file counts UTF-16 units.
    source = write(tmp_path, "mixed.json", OLD.replace(', "text": "قوات النظام"', ""))
    assert cli("import", db, source)[0] == 0
    assert spans_of(db)[1] == ("1", "ACTOR", 23, 34, "قوات النظام")
    # The same when the span without "text" comes first and the one that tells comes after it.
    later = json.loads(OLD.replace(', "text": "إدلب"', ""))
    later[0]["data"]["text"] += "."
    later[0]["id"] = 2
    code, _, _ = cli("import", db, write(tmp_path, "later.json", json.dumps(later, ensure_ascii=False)))
    assert code == 0
    assert spans_of(db, key="2") == [("2", "PLACE", 14, 18, "إدلب"), ("2", "ACTOR", 23, 34, "قوات النظام")]
    alone = write(tmp_path, "alone.json", OLD.replace(', "text": "قوات النظام"', "").replace(', "text": "إدلب"', ""))
    code, _, err = cli("import", db, alone)
    assert code == 1
    assert "has no \"text\" and follows a character outside the BMP" in err


def test_labels_not_in_the_codebook_are_refused_all_at_once(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "export.json", MODERN)
    code, out, err = cli("import", db, source)
    assert code == 1 and out == ""
    assert err == (
        f"error: {source}: labels not in the codebook: Location (1), Person (1); the codebook has ACTOR, PLACE, "
        "CASUALTY, DATE; rename each with --map-label Location=OUR_LABEL (or drop it with --map-label Location=)\n"
    )
    code, out, _ = cli("import", db, source, "--map-label", "Location=PLACE", "--map-label", "Person=")
    assert code == 0
    assert [s[1] for s in spans_of(db)] == ["PLACE", "CASUALTY"]
    assert "export.json: spans labelled Person left out (--map-label NAME=)" in out


def test_a_bad_map_label_is_refused(db: Path, tmp_path: Path, cli: Run) -> None:
    source = write(tmp_path, "export.json", MODERN)
    code, _, err = cli("import", db, source, "--map-label", "Location")
    assert code == 1
    assert err == "error: --map-label takes THEIR_LABEL=OUR_LABEL (or THEIR_LABEL= to drop it), not 'Location'\n"


def test_several_annotators_become_layers_and_predictions_alone_become_suggestions(
    tmp_path: Path, db: Path, cli: Run
) -> None:
    text = "غارة على حلب"
    region = {"from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": 9, "end": 12, "text": "حلب", "labels": ["PLACE"]}}
    tasks = [
        {"id": 1, "data": {"text": text}, "annotations": [
            {"id": 1, "completed_by": 3, "result": [{"id": "a", **region}]},
            {"id": 2, "completed_by": {"id": 4, "email": "omar@example.org"}, "result": [{"id": "b", **region}]},
        ]},
        {"id": 2, "data": {"text": "قصف في حمص"}, "predictions": [{"model_version": "m1", "score": 0.9, "result": [
            {"id": "c", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 7, "end": 10, "text": "حمص", "labels": ["PLACE"]}}]}]},
    ]
    source = write(tmp_path, "team.json", json.dumps(tasks, ensure_ascii=False))
    assert cli("import", db, source)[0] == 0
    with Project.open(db, readonly=True) as project:
        (first, _), (second, _) = project.document_keys()
        assert sorted(a.coder for a in project.annotations(first)) == ["ls-3", "ls-omar@example.org"]
        [suggested] = project.annotations(second)
        assert (suggested.origin, suggested.text) == ("suggested", "حمص")


def test_a_label_studio_json_is_never_read_as_our_record(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "export.json", MODERN)
    code, _, err = cli("import", db, source, "--format", "jsonl")
    assert code == 1
    assert err == (
        f"error: {source}: this is a Label Studio export, not our JSONL record: read as ours its spans would be "
        "lost; import it with --format label-studio (or without --format)\n"
    )


def test_broken_and_foreign_json_arrays_are_refused_in_one_line(tmp_path: Path, db: Path, cli: Run) -> None:
    broken = write(tmp_path, "broken.json", MODERN[:200])
    code, _, err = cli("import", db, broken)
    assert code == 1 and err.startswith(f"error: {broken}: broken JSON: ") and err.count("\n") == 1
    images = write(tmp_path, "images.json", json.dumps([{"data": {"image": 3}, "annotations": []}]))
    code, _, err = cli("import", db, images)
    assert (code, err) == (1, f"error: {images}: task 1: its data holds no text (only text tasks can be imported)\n")
    numbers = write(tmp_path, "numbers.json", "[1, 2]")
    code, _, err = cli("import", db, numbers)
    assert err == f"error: {numbers}: task 1: each task must be a JSON object (is this a Label Studio export?)\n"
    assert spans_of(db) == []


def test_the_json_min_export_is_read_too(tmp_path: Path, db: Path, cli: Run) -> None:
    rows = [{"id": 5, "text": SECOND, "annotator": 1, "annotation_id": 3, "lead_time": 2.0,
             "label": [{"start": 14, "end": 18, "text": "إدلب", "labels": ["PLACE"]}]}]
    source = write(tmp_path, "min.json", json.dumps(rows, ensure_ascii=False))
    assert cli("import", db, source)[0] == 0
    assert spans_of(db) == [("5", "PLACE", 14, 18, "إدلب")]


def _labels(start: int, end: int, label: str, text: str | None = None) -> dict:
    value = {"start": start, "end": end, "labels": [label]}
    if text is not None:
        value["text"] = text
    return {"id": f"r{start}", "from_name": "label", "to_name": "text", "type": "labels", "value": value}


def test_annotations_or_predictions_that_are_not_lists_are_refused(cli: Run, db: Path, tmp_path: Path) -> None:
    for key in ("annotations", "predictions"):
        path = tmp_path / f"{key}.json"
        path.write_text(json.dumps([{"data": {"text": ARTICLE}, key: 5}], ensure_ascii=False), encoding="utf-8")
        code, _, err = cli("import", db, path)
        assert code == 1 and f'task 1: "{key}" must be a list' in err, err


def test_one_annotator_lands_in_one_layer_in_every_task(cli: Run, db: Path, tmp_path: Path) -> None:
    """Task 1 annotated by a alone, task 2 by a and b: a's spans go to ls-a in both tasks."""
    start = ARTICLE.index("دير الزور")
    place = _labels(start, start + len("دير الزور"), "PLACE", "دير الزور")
    tasks = [
        {"id": 1, "data": {"text": ARTICLE}, "annotations": [{"id": 1, "completed_by": {"email": "a@x"}, "result": [place]}]},
        {"id": 2, "data": {"text": ARTICLE + " ثانية"}, "annotations": [
            {"id": 2, "completed_by": {"email": "a@x"}, "result": [place]},
            {"id": 3, "completed_by": {"email": "b@x"}, "result": [place]},
        ]},
    ]
    path = tmp_path / "two.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert cli("import", db, path)[0] == 0
    with Project.open(db, readonly=True) as project:
        layers = {
            (key, span.coder) for doc_id, key in project.document_keys() for span in project.annotations(doc_id, coder=None)
        }
    assert layers == {("1", "ls-a@x"), ("2", "ls-a@x"), ("2", "ls-b@x")}


def test_a_span_without_text_after_an_emoji_says_why_it_cannot_be_placed(cli: Run, db: Path, tmp_path: Path) -> None:
    text = "😀 قتل 5"
    path = tmp_path / "bare.json"
    tasks = [{"data": {"text": text}, "annotations": [{"result": [_labels(7, 8, "CASUALTY")]}]}]
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    code, _, err = cli("import", db, path)
    assert code == 1 and "could be code points or UTF-16 code units" in err, err


def test_utf16_offsets_convert_after_many_astral_characters(cli: Run, db: Path, tmp_path: Path) -> None:
    """Offsets far into a text full of emoji (positions found once per text, not per span)."""
    text = "😀 قصف " * 400 + "على دير الزور" + " 𞸀" * 300 + " في إدلب"
    units = lambda s: len(s.encode("utf-16-le")) // 2  # noqa: E731
    spans = []
    for name, label in (("دير الزور", "PLACE"), ("إدلب", "PLACE")):
        start = text.index(name)
        spans.append(_labels(units(text[:start]), units(text[:start]) + len(name), label, name))
    path = tmp_path / "old.json"
    path.write_text(json.dumps([{"data": {"text": text}, "annotations": [{"result": spans}]}], ensure_ascii=False),
                    encoding="utf-8")
    code, out, err = cli("import", db, path)
    assert code == 0, err
    assert [s[4] for s in spans_of(db)] == ["دير الزور", "إدلب"]


def test_a_bare_or_pretty_printed_task_is_recognised_without_format(cli: Run, db: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps({"data": {"text": ARTICLE}}, ensure_ascii=False), encoding="utf-8")
    start = ARTICLE.index("دير الزور")
    task = {"data": {"text": SECOND}, "annotations": [{"result": [_labels(start, start + 9, "PLACE")]}]}
    task["annotations"][0]["result"][0]["value"]["text"] = SECOND[start : start + 9]
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(task, ensure_ascii=False, indent=2), encoding="utf-8")
    for path in (bare, pretty):
        code, out, err = cli("import", db, path)
        assert code == 0, err
    assert len(spans_of(db)) == 1
