"""A reusable fuzz harness for import readers: whatever the bytes, a reader yields records or
raises our one clear error naming the file; nothing else may come out.

A new reader plugs in with two lines (see ``tests/test_robustness_fuzz.py``)::

    @FUZZ_SETTINGS
    @given(hostile_json_bytes())
    def test_my_reader(data: bytes) -> None:
        check_reader(read_my_format, "export.json", data)

``check_reader`` writes ``data`` to a fresh file of that name, drains the reader, and fails
the test on any exception other than :class:`~annotator.errors.InputError` (a traceback
for the user), on an error that names no file or spans lines, and on a record whose text
is over the document limit.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from annotator.errors import InputError
from annotator.importing import readers
from annotator.records import DocumentRecord

FUZZ_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that break readers: Arabic with tashkeel and tatweel, both digit styles, an emoji,
# every newline, quotes and separators, a BOM, NUL and control characters, lone surrogates
# (through surrogatepass), bidi marks, and the characters brat and CSV give meaning to.
HOSTILE_BITS = [
    "قُتِلَ", "بغـــداد", "٢٣", "54", "😀", "\r\n", "\r", "\n", "\u2028", ",", ";", '"', "'", "\t", "،", "\ufeff",
    "\x00", "\x07", "\u200f", "\u202e", "\ud800", "T1", "A1", "E1", "#1", "PLACE 0 3", "\\", "{", "}", "[", "]",
]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE_BITS), st.text(max_size=6)), max_size=40).map("".join)


def encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def hostile_bytes() -> st.SearchStrategy[bytes]:
    """Raw bytes, UTF-8 text with hostile pieces, or either in another encoding."""
    return st.one_of(
        st.binary(max_size=300),
        hostile_text.map(encoded),
        hostile_text.map(lambda t: t.encode("utf-16", "surrogatepass")),
        hostile_text.map(lambda t: t.encode("cp1256", "replace")),
    )


_json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30), st.floats(allow_nan=True),
    hostile_text,
)
json_value = st.recursive(
    _json_leaf, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=8,
)
_record = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(hostile_text, st.integers(), json_value),
        "text": st.one_of(hostile_text, json_value),
        "meta": json_value,
        "status": st.one_of(st.sampled_from(["new", "done", "skipped", "in_progress"]), json_value),
        "spans": st.lists(
            st.fixed_dictionaries({}, optional={
                "start": st.one_of(st.integers(-3, 40), json_value),
                "end": st.one_of(st.integers(-3, 40), json_value),
                "label": st.one_of(st.sampled_from(["PLACE", "ACTOR", "CASUALTY", "DATE", "X"]), json_value),
                "attrs": json_value, "id": json_value, "text": json_value,
            }),
            max_size=3,
        ) | json_value,
        "events": json_value,
    },
)


def _hostile_line(kind: str) -> str:
    return {
        "deep": "[" * 5000,
        "deep_object": '{"a":' * 3000 + "1" + "}" * 3000,
        "huge_int": '{"text": "خبر", "meta": {"n": ' + "9" * 5000 + "}}",
        "surrogate": '{"text": "\\ud800"}',
        "nan": '{"text": "خبر", "meta": {"n": NaN}}',
    }[kind]


def hostile_json_bytes() -> st.SearchStrategy[bytes]:
    """JSON lines: records of any shape, broken lines and the known hostile ones, mixed."""
    line = st.one_of(
        _record.map(lambda r: json.dumps(r, ensure_ascii=False)),
        json_value.map(lambda v: json.dumps(v, ensure_ascii=False)),
        st.sampled_from(["deep", "deep_object", "huge_int", "surrogate", "nan"]).map(_hostile_line),
        hostile_text,
    )
    return st.lists(line, min_size=0, max_size=4).map(lambda lines: encoded("\n".join(lines)))


def check_records(records: Iterable[DocumentRecord], path: Path) -> list[DocumentRecord]:
    out = []
    for record in records:
        assert isinstance(record.text, str)
        assert len(record.text) <= readers.MAX_DOCUMENT_CHARS
        out.append(record)
    return out


def check_reader(
    read: Callable[[Path], Iterable[DocumentRecord]], name: str, data: bytes, *, beside: dict[str, bytes] | None = None
) -> list[DocumentRecord] | InputError:
    """Write ``data`` as ``name`` (and ``beside``'s files next to it), read it, and hold the reader to
    records or one clear :class:`InputError`; returns what came out."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for other, content in (beside or {}).items():
            (Path(folder) / other).write_bytes(content)
        try:
            return check_records(read(path), path)
        except InputError as exc:
            assert_clear(exc, Path(folder))
            return exc


def assert_clear(exc: InputError, folder: Path) -> None:
    """One line, a problem in words, and a file that is one of ours (not a Python path)."""
    message = str(exc)
    assert exc.problem and "\n" not in message and "Traceback" not in message
    assert exc.path is not None and Path(exc.path).is_relative_to(folder), exc.path


def drain(make: Callable[..., Iterable[DocumentRecord]], *args: Any) -> Callable[[Path], list[DocumentRecord]]:
    """A reader taking more than a path (CSV's columns), as a reader of a path."""
    return lambda path: list(make(path, *args))
