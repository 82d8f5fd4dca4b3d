"""Every reader, fuzzed: records or one clear error naming the file, never anything else
(the harness is tests/fuzz_readers.py; a new reader plugs in the same way)."""

from __future__ import annotations

from pathlib import Path

from fuzz_readers import (
    FUZZ_SETTINGS,
    check_reader,
    drain,
    encoded,
    hostile_bytes,
    hostile_json_bytes,
    hostile_text,
)
from hypothesis import given
from hypothesis import strategies as st

from annotator.importing.readers import CsvColumns, plan_files, read_brat, read_csv, read_jsonl, read_txt


@FUZZ_SETTINGS
@given(hostile_json_bytes())
def test_jsonl_reader(data: bytes) -> None:
    check_reader(read_jsonl, "a.jsonl", data)


@FUZZ_SETTINGS
@given(hostile_bytes())
def test_jsonl_reader_on_any_bytes(data: bytes) -> None:
    check_reader(read_jsonl, "a.jsonl", data)


csv_cell = st.one_of(hostile_text, st.sampled_from(["", '"', '""', '"a""b"', "\r\n", "x" * 3]))
csv_rows = st.lists(st.lists(csv_cell, min_size=1, max_size=4), min_size=0, max_size=5)


def csv_bytes(rows: list[list[str]], header: list[str], separator: str) -> bytes:
    return encoded("\n".join(separator.join(row) for row in [header, *rows]))


@FUZZ_SETTINGS
@given(csv_rows, st.sampled_from([["id", "text"], ["text"], ["article_content", "title"], ["a", "a"], ["x"]]),
       st.sampled_from([",", "\t", ";"]))
def test_csv_reader(rows: list[list[str]], header: list[str], separator: str) -> None:
    name = "a.tsv" if separator == "\t" else "a.csv"
    check_reader(drain(read_csv, CsvColumns()), name, csv_bytes(rows, header, separator))


@FUZZ_SETTINGS
@given(hostile_bytes())
def test_csv_reader_on_any_bytes(data: bytes) -> None:
    check_reader(drain(read_csv, CsvColumns(text="text")), "a.csv", data)


brat_line = st.one_of(
    st.builds(lambda i, label, a, b, t: f"T{i}\t{label} {a} {b}\t{t}", st.integers(0, 3),
              st.sampled_from(["PLACE", "ACTOR", "CASUALTY", "X", ""]), st.integers(-2, 30), st.integers(-2, 30),
              hostile_text),
    st.builds(lambda i, t, v: f"A{i}\tvalue T{t} {v}", st.integers(0, 3), st.integers(0, 3), hostile_text),
    st.builds(lambda i, t, n: f"#{i}\tAnnotatorNotes T{t}\t{n}", st.integers(0, 3), st.integers(0, 3), hostile_text),
    st.builds(lambda i, t: f"E{i}\tATTACK:T{t} Target:T1", st.integers(0, 3), st.integers(0, 3)),
    hostile_text,
)


@FUZZ_SETTINGS
@given(hostile_text, st.lists(brat_line, max_size=6))
def test_brat_reader(text: str, lines: list[str]) -> None:
    check_reader(lambda path: read_brat(path), "d.txt", encoded(text), beside={"d.ann": encoded("\n".join(lines))})


@FUZZ_SETTINGS
@given(hostile_bytes(), hostile_bytes())
def test_brat_reader_on_any_bytes(text: bytes, ann: bytes) -> None:
    check_reader(lambda path: read_brat(path), "d.txt", text, beside={"d.ann": ann})


@FUZZ_SETTINGS
@given(hostile_bytes())
def test_txt_reader(data: bytes) -> None:
    check_reader(lambda path: read_txt(path), "a.txt", data)


@FUZZ_SETTINGS
@given(st.dictionaries(st.sampled_from(["a.txt", "b.txt", "sub/c.txt", "d.ann", "e.md", ".hidden.txt"]),
                       hostile_bytes(), min_size=1, max_size=4))
def test_txt_folder(files: dict[str, bytes]) -> None:
    """A folder is planned, then each file read, as an import does it."""

    def read_folder(path: Path) -> list:  # noqa: ANN202 - records
        folder = path.parent / "in"
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        records = []
        for file, _kind in plan_files([folder], "txt"):
            records += list(read_txt(file))
        return records

    result = check_reader(read_folder, "marker", b"")
    assert result is not None
