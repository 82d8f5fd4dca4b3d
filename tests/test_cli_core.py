"""The command line as a user meets it: init, import, docs, stats, export, and every bad input."""

from __future__ import annotations

import codecs
import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.store.project import Project

REPORT_A = "مقتل 23 مدنيا في دير الزور.\nوقال المرصد السوري إن الغارة استهدفت بلدة الباغوز."
REPORT_B = "أعلنت وزارة الدفاع مقتل ثمانية عناصر في هجوم على حاجز قرب البوكمال."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "amal.db"
    code, out, _ = run("init", path, "--coder", "amal")
    assert code == 0
    assert out == f"created {path} for coder amal (labels: ACTOR, PLACE, CASUALTY, DATE)\n"
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(path: Path) -> tuple[int, int, list]:
    with Project.open(path, readonly=True) as project:
        return project.document_count(), len(project.annotations()), project.documents()


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("annotator, version ")
    code, out, _ = run("import", "--help")
    assert "--skip-bad" in out and "Example" in out


def test_init_with_a_bad_codebook_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "cb.toml"
    bad.write_text('[[labels]]\nname = "X"\ncolor = "red"\n', encoding="utf-8")
    code, _, err = run("init", tmp_path / "p.db", "--coder", "amal", "--codebook", bad)
    assert code == 1
    assert err == f"error: {bad}, line 3: label X: color must look like #RRGGBB (got 'red')\n"
    assert not (tmp_path / "p.db").exists()


def test_init_refuses_gold(tmp_path: Path) -> None:
    code, _, err = run("init", tmp_path / "p.db", "--coder", "gold")
    assert code == 1 and "'gold' is the adjudicated layer" in err


def test_import_a_folder_of_txt_recursively_and_list_it(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "batch2").mkdir(parents=True)
    (folder / "a.txt").write_text(REPORT_A, encoding="utf-8")
    (folder / "batch2" / "b.txt").write_bytes(codecs.BOM_UTF8 + REPORT_B.replace("\n", "\r\n").encode())
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    code, out, _ = run("import", db, folder)
    assert code == 0
    assert (
        out.splitlines()[0] == "2 document(s) added, 0 already in the project; 0 span(s) added, 0 updated, 0 unchanged"
    )
    code, out, _ = run("docs", db)
    assert out.splitlines() == [
        "a\tnew\t--\t0\tمقتل 23 مدنيا في دير الزور.",
        "batch2/b\tnew\t--\t0\t" + REPORT_B,
    ]
    code, out, _ = run("docs", db, "--search", "الزور", "--json")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a"]


def test_import_is_idempotent(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(REPORT_A, encoding="utf-8")
    run("import", db, source)
    code, out, _ = run("import", db, source)
    assert code == 0
    assert out.startswith("0 document(s) added, 1 already in the project")


def test_import_csv_with_guessed_and_named_columns(db: Path, tmp_path: Path) -> None:
    guessed = tmp_path / "a.csv"
    guessed.write_text(f'id,title,article_content,url\nr1,عنوان,"{REPORT_A}",https://example.org/a\n', encoding="utf-8")
    named = tmp_path / "b.csv"
    named.write_text(f"نص,رقم\n{REPORT_B},7\n", encoding="utf-8")
    assert run("import", db, guessed)[0] == 0
    code, out, err = run("import", db, named, "--text-col", "نص", "--id-col", "رقم")
    assert code == 0, err
    with Project.open(db) as project:
        a = project.document_by_key("r1")
        assert a is not None and a.title == "عنوان" and a.url == "https://example.org/a" and a.text == REPORT_A
        assert project.document_by_key("7") is not None
    code, _, err = run("import", db, named, "--text-col", "body")
    assert code == 1 and "no column 'body' for the text (columns: نص, رقم)" in err


def test_jsonl_round_trip_keeps_ids_coders_attributes_and_status(db: Path, tmp_path: Path) -> None:
    start = REPORT_A.index("23")
    record = {
        "id": "d17",
        "text": REPORT_A,
        "meta": {"title": "عنوان", "source": "سانا", "date": "2018-06-01", "feed": "rss"},
        "status": "done",
        "spans": [
            {
                "id": "9b1c",
                "start": start,
                "end": start + 2,
                "label": "CASUALTY",
                "text": "23",
                "attrs": {"value": 23, "status": "killed", "victims": "civilians"},
                "coder": "omar",
            },
            {"start": REPORT_A.index("دير"), "end": REPORT_A.index("دير") + 9, "label": "PLACE"},
        ],
    }
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    code, out, _ = run("import", db, source)
    assert code == 0 and "2 span(s) added" in out
    out_path = tmp_path / "out.jsonl"
    assert run("export", db, "--format", "jsonl", "--out", out_path)[0] == 0
    exported = json.loads(out_path.read_text(encoding="utf-8"))
    assert exported["id"] == "d17" and exported["status"] == "done" and exported["meta"] == record["meta"]
    by_label = {s["label"]: s for s in exported["spans"]}
    assert by_label["CASUALTY"]["id"] == "9b1c" and by_label["CASUALTY"]["coder"] == "omar"
    assert by_label["CASUALTY"]["attrs"] == {"value": 23, "status": "killed", "victims": "civilians"}
    assert by_label["CASUALTY"]["origin"] == "imported"
    assert by_label["PLACE"]["coder"] == "amal" and by_label["PLACE"]["text"] == "دير الزور"
    # The same file again adds nothing; the export is byte-for-byte the same.
    code, out, _ = run("import", db, source)
    assert "0 span(s) added, 0 updated, 2 unchanged" in out
    again = tmp_path / "again.jsonl"
    run("export", db, "--format", "jsonl", "--out", again)
    assert again.read_bytes() == out_path.read_bytes()
    code, out, _ = run("export", db, "--format", "jsonl", "--out", "-", "--layer", "omar")
    assert [s["coder"] for s in json.loads(out)["spans"]] == ["omar"]


def test_brat_import(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "r1.txt").write_text(REPORT_B, encoding="utf-8")
    start = REPORT_B.index("ثمانية")
    (folder / "r1.ann").write_text(
        f"T1\tCASUALTY {start} {start + 6}\tثمانية\nA1\tstatus T1 killed\n#1\tAnnotatorNotes T1\tvalue=8\n"
        f"T2\tACTOR {REPORT_B.index('وزارة')} {REPORT_B.index('وزارة') + 12}\tوزارة الدفاع\nR1\tLink Arg1:T1 Arg2:T2\n",
        encoding="utf-8",
    )
    code, out, err = run("import", db, folder)
    assert code == 0, err
    with Project.open(db) as project:
        spans = {a.label: a for a in project.annotations()}
    assert spans["CASUALTY"].attrs == {"status": "killed", "value": 8}
    assert spans["ACTOR"].text == "وزارة الدفاع"


BAD_INPUTS = {
    "empty.txt": (b"", "empty.txt: the file is empty"),
    "binary.txt": (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary.txt: the file holds NUL bytes"),
    "broken.jsonl": (b'{"text": "\xd9\x86\xd8\xb5"}\n{"text": \n', "broken.jsonl, line 2: broken JSON"),
    "outside.jsonl": (
        json.dumps({"text": "نص قصير", "spans": [{"start": 4, "end": 40, "label": "PLACE"}]}).encode(),
        "outside.jsonl, line 1: span 1 (PLACE [4, 40)) does not fit in the text of 7 characters",
    ),
    "mismatch.jsonl": (
        json.dumps(
            {"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "PLACE", "text": "قص"}]}, ensure_ascii=False
        ).encode(),
        "mismatch.jsonl, line 1: span 1 (PLACE [0, 2)) says 'قص' but the text there is 'نص'",
    ),
    "label.jsonl": (
        json.dumps({"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "WEAPON"}]}).encode(),
        "label.jsonl, line 1: unknown label 'WEAPON'",
    ),
    "nocol.csv": ("title,x\nعنوان,1\n".encode(), "nocol.csv, line 1: no text column found"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_refused_and_nothing_is_written(db: Path, tmp_path: Path, name: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT_A, encoding="utf-8")
    bad = tmp_path / name
    data, message = BAD_INPUTS[name]
    bad.write_bytes(data)
    before = snapshot(db)
    code, out, err = run("import", db, good, bad)
    assert code == 1
    assert out == ""
    assert err.startswith(f"error: {tmp_path}/{message.split(':')[0]}")
    assert message.split(": ", 1)[1] in err
    assert len(err.splitlines()) == 1
    assert snapshot(db) == before


def test_skip_bad_imports_the_rest_and_lists_what_it_skipped(db: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT_A, encoding="utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code, out, _ = run("import", db, good, bad, "--skip-bad")
    assert code == 0
    assert out.splitlines() == [
        "1 document(s) added, 0 already in the project; 0 span(s) added, 0 updated, 0 unchanged",
        f"skipped {bad}: the file is empty",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text", "not a project file (not a SQLite database)"),
        (None, "no such project file"),
    ],
)
def test_commands_on_a_non_project_fail_in_one_line(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "x.db"
    if content is not None:
        path.write_bytes(content)
    for args in (("docs", path), ("stats", path), ("export", path, "--format", "jsonl", "--out", "-")):
        code, out, err = run(*args)
        assert code == 1
        assert err == f"error: {path}: {message}\n"


def test_stats(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(REPORT_A, encoding="utf-8")
    run("import", db, source)
    code, out, _ = run("stats", db, "--json")
    figures = json.loads(out)
    assert figures["documents"] == 1
    assert figures["status"]["amal"] == {"new": 1, "in_progress": 0, "done": 0, "skipped": 0}


def test_export_to_a_missing_folder_is_an_error(db: Path, tmp_path: Path) -> None:
    code, _, err = run("export", db, "--format", "jsonl", "--out", tmp_path / "no" / "x.jsonl")
    assert code == 1 and "the folder does not exist" in err
