"""doccano JSONL exports imported with their spans.

The files follow doccano's export formats as documented at
https://doccano.github.io/doccano/tutorial/#export-data (sequence labelling: one JSON
object a line, ``"label": [[start, end, "LABEL"], ...]``; relation extraction:
``"entities": [{"id", "label", "start_offset", "end_offset"}]`` with ``"relations"``).
doccano keeps the uploaded metadata at the top level of each line and its offsets in code
points (its server is Python).
"""

from __future__ import annotations

from pathlib import Path

from format_helpers import Run, spans_of

from annotator.importing.foreign import LabelMap
from annotator.importing.readers import CsvColumns
from annotator.importing.run import import_sources
from annotator.store.project import Project

SEQUENCE = (
    '{"id": 1, "text": "أعلنت وزارة الدفاع مقتل ثمانية عناصر في هجوم قرب البوكمال.", '
    '"label": [[6, 18, "ORG"], [24, 30, "CASUALTY"], [49, 57, "LOC"]], "Comments": [], "outlet": "سانا"}\n'
    '{"id": 2, "text": "قصف مدفعي على ريف حماة الشمالي.", "label": [[14, 22, "LOC"]], "Comments": []}\n'
)
RELATIONS = (
    '{"id": 7, "text": "أعلنت وزارة الدفاع مقتل ثمانية عناصر في هجوم قرب البوكمال.", '
    '"entities": [{"id": 11, "label": "ORG", "start_offset": 6, "end_offset": 18}, '
    '{"id": 12, "label": "LOC", "start_offset": 49, "end_offset": 57}], '
    '"relations": [{"id": 3, "from_id": 11, "to_id": 12, "type": "attacked_in"}], "Comments": []}\n'
)
MAP = ("--map-label", "ORG=ACTOR", "--map-label", "LOC=PLACE")


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_sequence_labelling_export_is_recognised_by_content(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "doccano.jsonl", SEQUENCE)
    code, out, err = cli("import", db, source, *MAP)
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("2 document(s) added, 0 already in the project; 4 span(s) added")
    assert spans_of(db) == [
        ("1", "ACTOR", 6, 18, "وزارة الدفاع"),
        ("1", "CASUALTY", 24, 30, "ثمانية"),
        ("1", "PLACE", 49, 57, "البوكمال"),
        ("2", "PLACE", 14, 22, "ريف حماة"),
    ]
    with Project.open(db, readonly=True) as project:
        doc = project.document(project.document_keys()[0][0])
        assert doc.meta["outlet"] == "سانا" and doc.source == "doccano.jsonl"


def test_relation_extraction_export_brings_its_entities(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "relations.jsonl", RELATIONS)
    code, out, _ = cli("import", db, source, *MAP)
    assert code == 0
    assert "relations.jsonl: doccano relations are left out (spans only)" in out
    assert spans_of(db) == [("7", "ACTOR", 6, 18, "وزارة الدفاع"), ("7", "PLACE", 49, 57, "البوكمال")]


def test_a_doccano_file_is_never_imported_as_our_record_without_its_spans(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "doccano.jsonl", SEQUENCE)
    code, out, err = cli("import", db, source, "--format", "jsonl")
    assert (code, out) == (1, "")
    assert err == (
        f"error: {source}: this is a doccano export, not our JSONL record: read as ours its spans would be lost; "
        "import it with --format doccano (or without --format)\n"
    )
    folder = tmp_path / "batch"
    folder.mkdir()
    write(folder, "a.jsonl", SEQUENCE)
    code, _, err = cli("import", db, folder, "--format", "jsonl")
    assert code == 1 and "this is a doccano export" in err
    with Project.open(db, readonly=True) as project:
        assert project.document_count() == 0


def test_our_own_record_still_reads_as_ours(tmp_path: Path, db: Path, cli: Run) -> None:
    ours = write(tmp_path, "ours.jsonl", '{"id": "x", "text": "غارة على حلب", "spans": [{"start": 9, "end": 12, "label": "PLACE"}]}\n')
    assert cli("import", db, ours)[0] == 0
    assert spans_of(db) == [("x", "PLACE", 9, 12, "حلب")]


def test_bad_doccano_lines_are_refused_with_their_line(tmp_path: Path, db: Path, cli: Run) -> None:
    outside = write(tmp_path, "outside.jsonl", SEQUENCE.replace("[14, 22,", "[14, 99,"))
    code, _, err = cli("import", db, outside, *MAP)
    assert (code, err) == (1, f"error: {outside}, line 2: span [14, 99) LOC does not fit in the text of 31 characters\n")
    shape = write(tmp_path, "shape.jsonl", '{"text": "غارة على حلب", "label": [[9, "PLACE"]]}\n')
    code, _, err = cli("import", db, shape)
    assert (code, err) == (1, f'error: {shape}, line 1: label 1 must be [start, end, "LABEL"], not [9, "PLACE"]\n')
    assert spans_of(db) == []


def test_classification_labels_are_kept_as_categories(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "cats.jsonl", '{"id": 3, "text": "غارة على حلب", "label": ["airstrike", "syria"]}\n')
    assert cli("import", db, source)[0] == 0
    with Project.open(db, readonly=True) as project:
        doc = project.document(project.document_keys()[0][0])
        assert doc.meta["doccano_categories"] == ["airstrike", "syria"]


def test_a_coders_comments_are_kept_in_the_documents_meta(tmp_path: Path, db: Path, cli: Run) -> None:
    source = write(tmp_path, "c.jsonl", '{"text": "غارة على حلب", "label": [], "Comments": ["راجع المصدر"]}\n')
    assert cli("import", db, source)[0] == 0
    with Project.open(db, readonly=True) as project:
        assert project.document(project.document_keys()[0][0]).meta["Comments"] == ["راجع المصدر"]


def test_worker_processes_read_it_the_same_with_the_label_map(tmp_path: Path, db: Path) -> None:
    """A large import reads in other processes: the map, the spans and the notes cross over with the records."""
    source = write(tmp_path, "relations.jsonl", RELATIONS + SEQUENCE)
    with Project.open(db) as project:
        labels = LabelMap({"ORG": "ACTOR", "LOC": "PLACE"}, known=tuple(project.codebook.label_names))
        report = import_sources(project, [source], columns=CsvColumns(label_map=labels), worker=True)
    assert report.notes == ["relations.jsonl: doccano relations are left out (spans only)"]
    # Record 1 repeats record 7's text: its spans join document 7, the two it shares counted once.
    assert [s[:2] for s in spans_of(db)] == [("7", "ACTOR"), ("7", "CASUALTY"), ("7", "PLACE"), ("2", "PLACE")]
    assert (report.spans_added, report.spans_unchanged) == (4, 2)
