"""Fuzzing the importers: whatever the bytes, an import succeeds or raises our one error type,
and a failed import leaves the project as it was."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import AnnotatorError
from annotator.importing.run import import_sources
from annotator.store.project import Project

ARABIC_BITS = ["قُتِلَ", "بغـــداد", "٢٣", "54", "😀", "\r\n", "\n", ",", '"', "\t", "،", "\ufeff", "\x00", "\x07"]
texty = st.lists(st.one_of(st.sampled_from(ARABIC_BITS), st.text(max_size=5)), max_size=30).map("".join)
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def import_or_refuse(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
        with Project.create(Path(tmp) / "p.db", coder="amal") as project:
            project.add_document("نص موجود من قبل", key="before")
            try:
                import_sources(project, [folder])
            except AnnotatorError as exc:
                assert str(exc)  # a message for the user
                assert project.document_count() == 1
                assert [d.key for d in project.documents()] == ["before"]
            assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_as_every_format(data: bytes) -> None:
    for name in ("a.txt", "a.jsonl", "a.csv"):
        import_or_refuse({name: data})


@SETTINGS
@given(texty, texty)
def test_random_text_as_brat(text: str, ann: str) -> None:
    import_or_refuse({"d.txt": text.encode("utf-8", "surrogatepass"), "d.ann": ann.encode("utf-8", "surrogatepass")})


@SETTINGS
@given(st.lists(st.dictionaries(st.sampled_from(["id", "text", "meta", "status", "spans"]),
                                st.recursive(st.none() | st.booleans() | st.integers() | texty,
                                             lambda c: st.lists(c, max_size=3) | st.dictionaries(texty, c, max_size=3),
                                             max_leaves=6)), max_size=3))
def test_random_json_records(records: list[dict]) -> None:
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records)
    import_or_refuse({"a.jsonl": lines.encode("utf-8", "surrogatepass")})


@SETTINGS
@given(st.lists(st.fixed_dictionaries({
    "start": st.integers(-3, 40), "end": st.integers(-3, 40),
    "label": st.sampled_from(["ACTOR", "PLACE", "CASUALTY", "X", ""]),
    "attrs": st.dictionaries(st.sampled_from(["value", "status", "kind", "zzz"]), st.integers() | texty, max_size=2),
}), max_size=4), texty)
def test_random_spans_on_a_real_text(spans: list[dict], extra: str) -> None:
    text = "قُتِلَ 54 شخصاً في بغـــداد 😀" + extra
    record = {"id": "x", "text": text, "spans": spans}
    import_or_refuse({"a.jsonl": json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")})


@SETTINGS
@given(st.lists(st.lists(texty, min_size=1, max_size=4), min_size=1, max_size=5))
def test_random_csv(rows: list[list[str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([["id", "text"], *rows])
    import_or_refuse({"a.csv": buffer.getvalue().encode("utf-8", "surrogatepass")})
