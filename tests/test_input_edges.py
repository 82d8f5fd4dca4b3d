"""Edges a reviewer found: outputs over projects, CRLF offsets, surrogates, templates, splits, brat/CSV details."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.codebook_reading import parse_codebook
from annotator.errors import InputError
from annotator.store.project import Project

TEXT = "سطر أول\nقتل 54 شخصا في دير الزور أمس 😀"


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    with Project.create(path, coder="amal") as project:
        doc, _, _ = project.add_document(TEXT, key="a")
        project.add_annotation(doc.id, "PLACE", TEXT.index("دير"), TEXT.index("دير") + 9)
        project.set_status(doc.id, "done")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "html", "conll"])
def test_an_export_never_overwrites_a_project(db: Path, tmp_path: Path, fmt: str) -> None:
    code, _, err = run("export", db, "--format", fmt, "--status", "all", "--out", db)
    assert code == 1 and "is a SQLite database (a project file?)" in err
    with Project.open(db, readonly=True) as project:
        assert project.document_count() == 1


def test_the_agreement_report_never_overwrites_a_project(db: Path) -> None:
    with Project.open(db) as project:  # a second coder who finished the document too
        doc = project.document_by_key("a")
        project.add_annotation(doc.id, "PLACE", TEXT.index("دير"), TEXT.index("دير") + 3, coder="omar")
        project.set_status(doc.id, "done", coder="omar")
    code, _, err = run("agreement", db, "--html", db)
    assert code == 1 and "an export never overwrites one" in err
    assert run("stats", db)[0] == 0


def test_jsonl_offsets_made_on_crlf_and_bom_text_keep_their_characters(db: Path, tmp_path: Path) -> None:
    raw = "\ufeffسطر أول\r\nقتل 54 شخصا في دير الزور أمس"
    start = raw.index("دير")
    source = tmp_path / "crlf.jsonl"
    record = {"id": "b", "text": raw, "spans": [{"start": start, "end": start + 9, "label": "PLACE"}]}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run("import", db, source)[0] == 0
    with Project.open(db, readonly=True) as project:
        doc = project.document_by_key("b")
        (span,) = project.annotations(doc.id)
    assert span.text == "دير الزور" and doc.text[span.start : span.end] == "دير الزور"


def test_brat_offsets_made_on_a_crlf_file(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    raw = "سطر أول\r\nقتل 54 شخصا"
    (folder / "d.txt").write_bytes(raw.encode("utf-8"))
    start = raw.index("54")
    (folder / "d.ann").write_text(f"T1\tCASUALTY {start} {start + 2}\t54\n", encoding="utf-8")
    code, _, err = run("import", db, folder)
    assert code == 0, err
    with Project.open(db, readonly=True) as project:
        assert [a.text for a in project.annotations(project.document_by_key("d").id)] == ["54"]


def test_brat_mistakes_name_their_line(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "d.txt").write_text("قتل 54 شخصا", encoding="utf-8")
    (folder / "d.ann").write_text("T1\tCASUALTY 4 6\t54\nT1\tCASUALTY 4 6\t54\n", encoding="utf-8")
    code, _, err = run("import", db, folder)
    assert code == 1 and err == f"error: {folder / 'd.ann'}, line 2: T1 is defined twice\n"
    (folder / "d.ann").write_text("T1\tCASUALTY 4 6\t54\n#1\tAnnotatorNotes T1\tvalue=abc\n", encoding="utf-8")
    code, _, err = run("import", db, folder)
    assert code == 1 and err.startswith(f"error: {folder / 'd.ann'}, line 1: attribute value of CASUALTY")


def test_an_unpaired_surrogate_is_one_clear_line(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "s.jsonl"
    source.write_text('{"text": "a\\ud800b"}\n', encoding="utf-8")
    code, _, err = run("import", db, source)
    assert code == 1 and err.startswith(f"error: {source}, line 1: the line holds an unpaired surrogate")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{% for i in range(100000000) %}{% endfor %}", "Range too big"),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "RecursionError"),
        ('{{ "x" * 100000000 }}', "may hold at most"),
    ],
)
def test_runaway_templates_are_stopped_with_a_message(db: Path, tmp_path: Path, template: str, message: str) -> None:
    path = tmp_path / "t.j2"
    path.write_text(template, encoding="utf-8")
    code, _, err = run("export", db, "--format", "template", "--template", path, "--out", tmp_path / "t.out")
    assert code == 1 and err.startswith(f"error: {path}, line 1: template error") and message in err


@pytest.mark.parametrize("spec", ["nan,1", "inf,1", "80,-5,25"])
def test_splits_must_be_plain_shares(db: Path, tmp_path: Path, spec: str) -> None:
    code, _, err = run("export", db, "--format", "jsonl", "--split", spec, "--out", tmp_path / "s")
    assert code == 1 and "--split" in err


def test_csv_with_an_unclosed_quote_or_a_column_named_twice(db: Path, tmp_path: Path) -> None:
    unclosed = tmp_path / "u.csv"
    unclosed.write_text('text\n"unterminated\n', encoding="utf-8")
    code, _, err = run("import", db, unclosed)
    assert code == 1 and "the CSV cannot be read here" in err
    twice = tmp_path / "t.csv"
    twice.write_text("text,text\nأ,ب\n", encoding="utf-8")
    code, _, err = run("import", db, twice)
    assert code == 1 and err == f"error: {twice}, line 1: the header names a column twice (text)\n"


def test_a_coders_layer_is_filtered_by_that_coders_status(tmp_path: Path) -> None:
    path = tmp_path / "lead.db"
    with Project.create(path, coder="lead") as project:
        doc, _, _ = project.add_document(TEXT, key="a")
        project.add_annotation(doc.id, "PLACE", TEXT.index("دير"), TEXT.index("دير") + 9, coder="amal")
        project.set_status(doc.id, "done", coder="amal")
    code, _, err = run("export", path, "--format", "conll", "--layer", "amal", "--out", tmp_path / "a.conll")
    assert code == 0, err
    assert "B-PLACE" in (tmp_path / "a.conll").read_text(encoding="utf-8")


def test_reserved_attribute_names_and_gold_in_any_case(tmp_path: Path) -> None:
    body = '[[labels]]\nname = "ACTOR"\n  [[labels.attributes]]\n  name = "coder"\n  type = "text"\n'
    with pytest.raises(InputError, match="'coder' cannot name an attribute"):
        parse_codebook(body, "cb.toml", "toml")
    code, _, err = run("init", tmp_path / "g.db", "--coder", "Gold")
    assert code == 1 and "'gold' is the adjudicated layer" in err
