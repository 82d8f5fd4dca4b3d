"""The law of the JSONL record: import then export gives back the same spans, for any text."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.export import ExportOptions, export
from annotator.importing.run import import_sources
from annotator.store.project import Project

ALPHABET = st.sampled_from(list("قُتِلَ ـ بغداد والباغوز ٢٣54 a-Z😀𝟓\n،.") + ["\u200f", "ﷺ"])


@st.composite
def documents(draw: st.DrawFn) -> dict:
    text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=60).filter(lambda t: t.strip()))
    spans = []
    for _ in range(draw(st.integers(0, 5))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        label = draw(st.sampled_from(["ACTOR", "PLACE", "CASUALTY"]))
        attrs = {"value": draw(st.integers(0, 10**6))} if label == "CASUALTY" else {}
        spans.append(
            {
                "start": start,
                "end": end,
                "label": label,
                "attrs": attrs,
                "text": text[start:end],
                "coder": draw(st.sampled_from(["amal", "omar", "gold"])),
            }
        )
    return {"id": draw(st.text("abc123", min_size=1, max_size=4)), "text": text, "spans": spans}


def _spans(record: dict) -> list[tuple]:
    return sorted(
        (s["start"], s["end"], s["label"], s["text"], json.dumps(s["attrs"]), s["coder"]) for s in record["spans"]
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(documents(), min_size=1, max_size=4))
def test_import_then_export_gives_the_same_spans(records: list[dict]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "in.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        with Project.create(folder / "p.db", coder="amal") as project:
            import_sources(project, [source])
            out = folder / "out.jsonl"
            export(project, ExportOptions(format="jsonl"), out)
        exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    # Records with the same text become one document holding the spans of both.
    expected: dict[str, set] = {}
    for record in records:
        expected.setdefault(record["text"].replace("\r", "\n"), set()).update(_spans(record))
    got = {record["text"]: set(_spans(record)) for record in exported}
    assert got == expected
    for record in exported:
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"]


def test_export_is_deterministic(project: Project, article_doc) -> None:
    project.add_annotation(article_doc.id, "PLACE", 0, 6)
    first, second = io.StringIO(), io.StringIO()
    from annotator.export.jsonl import write_jsonl
    from annotator.export.selection import SelectedDocuments, pick_documents

    def documents() -> SelectedDocuments:
        return SelectedDocuments(project, pick_documents(project, project.coder), layer=None, include_suggestions=False)

    write_jsonl(documents(), first)
    write_jsonl(documents(), second)
    assert first.getvalue() == second.getvalue() != ""
