"""Label Studio → annotator → Label Studio → annotator keeps every span, on Arabic text with
characters outside the BMP (emoji, the Arabic mathematical letters at U+1EE00), where Label
Studio's two ways of counting offsets differ.

The Label Studio side follows https://labelstud.io/guide/export#Label-Studio-JSON-format-of-annotated-tasks
(what Label Studio exports) and https://labelstud.io/guide/predictions (what it imports for
review): a reviewer who accepts a prediction turns its results into an annotation's.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.export import ExportOptions, export
from annotator.importing.run import import_sources
from annotator.store.project import Project

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإةى"
ASTRAL = ["😀", "🇸🇾", "\U0001ee00", "\U0001ee01", "\U0001ee21", "𝟘"]
LABELS = ["ACTOR", "PLACE", "CASUALTY", "DATE"]

word = st.one_of(
    st.text(alphabet=LETTERS, min_size=1, max_size=7),
    st.sampled_from(ASTRAL),
    st.builds(lambda a, b: a + b, st.sampled_from(ASTRAL), st.text(alphabet=LETTERS, min_size=1, max_size=4)),
)


@st.composite
def tasks(draw: st.DrawFn) -> tuple[str, list[tuple[str, int, int, str]]]:
    """An Arabic text and spans over runs of its words: ``(label, start, end, text)`` in code points."""
    words = draw(st.lists(word, min_size=1, max_size=14))
    text = " ".join(words)
    starts = []
    offset = 0
    for w in words:
        starts.append(offset)
        offset += len(w) + 1
    picks = draw(st.lists(
        st.tuples(st.integers(0, len(words) - 1), st.integers(0, 2), st.sampled_from(LABELS)), max_size=6
    ))
    spans = set()
    for first, extra, label in picks:
        last = min(len(words) - 1, first + extra)
        start, end = starts[first], starts[last] + len(words[last])
        spans.add((label, start, end, text[start:end]))
    return text, sorted(spans)


def utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def label_studio_file(docs: list[tuple[str, list[tuple[str, int, int, str]]]], units: str) -> list[dict[str, Any]]:
    """A Label Studio export of the documents, counting offsets in ``units`` (``utf16`` or ``code points``)."""
    out = []
    for number, (text, spans) in enumerate(docs, start=1):
        result = []
        for index, (label, start, end, said) in enumerate(spans):
            if units == "utf16":
                start, end = utf16(text, start), utf16(text, end)
            result.append({
                "id": f"r{number}-{index}", "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": start, "end": end, "text": said, "labels": [label]},
            })
        out.append({"id": number, "data": {"text": text}, "annotations": [{"id": number, "completed_by": 1, "result": result}]})
    return out


def reviewed(exported: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What Label Studio exports after a reviewer accepted each task's prediction as it was."""
    return [
        {"id": n, "data": t["data"], "annotations": [{"id": n, "completed_by": 2, "result": t["predictions"][0]["result"]}]}
        if t["predictions"] else {"id": n, "data": t["data"], "annotations": []}
        for n, t in enumerate(exported, start=1)
    ]


def spans_in(project: Project) -> list[tuple[str, list[tuple[str, int, int, str]]]]:
    return [
        (project.document(doc_id).text,
         sorted((a.label, a.start, a.end, a.text) for a in project.annotations(doc_id)))
        for doc_id, _ in project.document_keys()
    ]


def import_json(folder: Path, name: str, data: list[dict[str, Any]]) -> Project:
    source = folder / f"{name}.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    project = Project.create(folder / f"{name}.db", coder="amal")
    import_sources(project, [source])
    return project


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs=st.lists(tasks(), min_size=1, max_size=3, unique_by=lambda d: d[0]), units=st.sampled_from(["utf16", "code points"]))
def test_every_span_survives_the_round_trip(docs: list[tuple[str, list[tuple[str, int, int, str]]]], units: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with import_json(folder, "first", label_studio_file(docs, units)) as first:
            assert spans_in(first) == docs
            export(first, ExportOptions(format="label-studio"), folder / "review.json")
        exported = json.loads((folder / "review.json").read_text(encoding="utf-8"))
        for task, (text, spans) in zip(exported, docs, strict=True):
            results = [r["value"] for p in task["predictions"] for r in p["result"] if r["type"] == "labels"]
            assert task["data"]["text"] == text
            assert sorted((v["labels"][0], v["start"], v["end"], v["text"]) for v in results) == spans
            assert all(text[v["start"] : v["end"]] == v["text"] for v in results)
        with import_json(folder, "second", reviewed(exported)) as second:
            assert spans_in(second) == docs
