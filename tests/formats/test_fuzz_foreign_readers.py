"""Fuzz targets for the other tools' readers (Label Studio, doccano, CoNLL), with the harness
of tests/fuzz_readers.py: whatever the bytes, records within the limits or our one clear error."""

from __future__ import annotations

import json

from fuzz_readers import FUZZ_SETTINGS, check_reader, drain, encoded, hostile_bytes, hostile_json_bytes, hostile_text
from hypothesis import given
from hypothesis import strategies as st

from annotator.importing.readers import CsvColumns, read_file

COLUMNS = CsvColumns()


def reader(kind: str):
    return lambda path: read_file(path, kind, COLUMNS)


@FUZZ_SETTINGS
@given(hostile_json_bytes())
def test_label_studio_reader(data: bytes) -> None:
    check_reader(reader("label-studio"), "export.json", data)


@FUZZ_SETTINGS
@given(hostile_bytes())
def test_label_studio_reader_on_any_bytes(data: bytes) -> None:
    check_reader(reader("label-studio"), "export.json", data)


_ls_result = st.fixed_dictionaries(
    {"type": st.sampled_from(["labels", "choices", "number", "textarea", "x"])},
    optional={
        "id": st.one_of(hostile_text, st.integers()),
        "value": st.fixed_dictionaries({}, optional={
            "start": st.integers(-3, 40), "end": st.integers(-3, 40), "text": hostile_text,
            "labels": st.lists(st.sampled_from(["PLACE", "ACTOR", "Location"]), max_size=2),
            "choices": st.lists(hostile_text, max_size=2), "number": st.integers(),
        }),
    },
)
_ls_task = st.fixed_dictionaries(
    {"data": st.fixed_dictionaries({"text": hostile_text})},
    optional={"annotations": st.one_of(
                  st.lists(st.fixed_dictionaries({"result": st.lists(_ls_result, max_size=3)}), max_size=2),
                  st.integers(), hostile_text),
              "predictions": st.one_of(
                  st.lists(st.fixed_dictionaries({"result": st.lists(_ls_result, max_size=3)}), max_size=1),
                  st.integers(), hostile_text),
              "id": st.integers()},
)


@FUZZ_SETTINGS
@given(st.lists(_ls_task, max_size=3))
def test_label_studio_reader_on_task_shapes(tasks: list[dict]) -> None:
    check_reader(reader("label-studio"), "export.json", encoded(json.dumps(tasks, ensure_ascii=False)))


@FUZZ_SETTINGS
@given(hostile_json_bytes())
def test_doccano_reader(data: bytes) -> None:
    check_reader(reader("doccano"), "export.jsonl", data)


_doccano_line = st.fixed_dictionaries(
    {"text": hostile_text},
    optional={
        "label": st.lists(st.tuples(st.integers(-3, 40), st.integers(-3, 40), st.sampled_from(["PLACE", "X"])), max_size=3),
        "entities": st.lists(st.fixed_dictionaries({
            "start_offset": st.integers(-3, 40), "end_offset": st.integers(-3, 40), "label": st.sampled_from(["ACTOR", "Y"])
        }), max_size=3),
    },
)


@FUZZ_SETTINGS
@given(st.lists(_doccano_line, max_size=3))
def test_doccano_reader_on_line_shapes(lines: list[dict]) -> None:
    check_reader(reader("doccano"), "export.jsonl", encoded("\n".join(json.dumps(x, ensure_ascii=False) for x in lines)))


@FUZZ_SETTINGS
@given(hostile_bytes())
def test_conll_reader_on_any_bytes(data: bytes) -> None:
    check_reader(reader("conll"), "tokens.conll", data)


_conll_line = st.one_of(
    st.just(""), st.just("-DOCSTART- -X- O O"),
    st.tuples(hostile_text.filter(lambda t: t.strip() != ""), st.sampled_from(["O", "B-PLACE", "I-PLACE", "E-ACTOR", "S-X", "I-"])).map(
        lambda pair: f"{pair[0]}\t{pair[1]}"
    ),
)


@FUZZ_SETTINGS
@given(st.lists(_conll_line, max_size=12))
def test_conll_reader_on_token_lines(lines: list[str]) -> None:
    check_reader(reader("conll"), "tokens.conll", encoded("\n".join(lines)))


def test_the_readers_hold_the_document_limit(tmp_path) -> None:
    """A document past the limit is refused by every reader, naming the file."""
    from annotator.errors import InputError
    from annotator.importing.readers import MAX_DOCUMENT_CHARS

    huge = "قصف " * (MAX_DOCUMENT_CHARS // 4 + 10)
    files = {
        "label-studio": ("ls.json", json.dumps([{"data": {"text": huge}}], ensure_ascii=False)),
        "doccano": ("d.jsonl", json.dumps({"text": huge, "label": []}, ensure_ascii=False)),
        "conll": ("t.conll", "\n".join(f"{w}\tO" for w in huge.split())),
    }
    for kind, (name, content) in files.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        result = check_reader(drain(lambda p, k=kind: read_file(p, k, COLUMNS)), name, content.encode("utf-8"))
        assert isinstance(result, InputError) and "characters long" in str(result), (kind, result)
