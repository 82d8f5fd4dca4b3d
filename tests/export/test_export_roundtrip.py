"""brat and JSONL: exported, then imported into a new project, give the same spans (property tests)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.export import ExportOptions, export
from annotator.importing.run import import_sources
from annotator.models import ORIGINS, STATUSES
from annotator.store.project import Project

WORDS = ["قُتِلَ", "54", "مدنياً", "والباغوز", "بدير", "الزور", "٢٣", "ثلاثين", "😀", "بغـــداد", "،", ".", "A-1", "<b>"]
NAMES = ["دير الزور", "التحالف الدولي", "Airwars", "قسد"]
CODERS = ["amal", "omar", "gold"]


@st.composite
def line(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)))


@st.composite
def attributes(draw: st.DrawFn, label: str) -> dict[str, Any]:
    if label == "CASUALTY":
        attrs: dict[str, Any] = {
            "value": draw(st.integers(0, 400_000)),
            "status": draw(st.sampled_from(["killed", "injured"])),
        }
        if draw(st.booleans()):
            attrs["min"] = draw(st.integers(0, 100))
        if draw(st.booleans()):
            attrs["qualifier"] = draw(st.sampled_from(["exact", "about", "at_least"]))
        return attrs
    attrs = {"kind": draw(st.sampled_from(["town", "site"] if label == "PLACE" else ["person", "organisation"]))}
    if draw(st.booleans()):
        attrs["canonical"] = draw(st.sampled_from(NAMES))
    return attrs


@st.composite
def documents(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Distinct documents of one to three lines, each with spans inside a line (brat keeps those whole)."""
    out = []
    seen: set[str] = set()
    for _ in range(draw(st.integers(1, 3))):
        lines = draw(st.lists(line(), min_size=1, max_size=3))
        text = "\n".join(lines)
        if text in seen:
            continue
        seen.add(text)
        spans = []
        offset = 0
        for part in lines:
            for _ in range(draw(st.integers(0, 3))):
                start = draw(st.integers(0, len(part) - 1))
                end = draw(st.integers(start + 1, len(part)))
                label = draw(st.sampled_from(["ACTOR", "PLACE", "CASUALTY"]))
                spans.append(
                    {
                        "start": offset + start,
                        "end": offset + end,
                        "label": label,
                        "attrs": draw(attributes(label)),
                        "coder": draw(st.sampled_from(CODERS)),
                        "origin": draw(st.sampled_from([o for o in ORIGINS if o != "suggested"])),
                    }
                )
            offset += len(part) + 1
        out.append({"text": text, "spans": spans, "status": draw(st.sampled_from(STATUSES))})
    return out


def build(folder: Path, docs: list[dict[str, Any]]) -> Project:
    project = Project.create(folder / "source.db", coder="amal")
    for number, item in enumerate(docs):
        doc, _, _ = project.add_document(
            item["text"], key=f"doc-{number}", title=f"عنوان {number}", url="https://x.org/a"
        )
        for span in item["spans"]:
            project.add_annotation(
                doc.id,
                span["label"],
                span["start"],
                span["end"],
                attrs=span["attrs"],
                coder=span["coder"],
                origin=span["origin"],
            )
        project.set_status(doc.id, item["status"])
    return project


def spans_of(project: Project) -> set[tuple[Any, ...]]:
    shas = {doc_id: project.document(doc_id).sha256 for doc_id in project.document_ids()}
    return {
        (shas[a.doc_id], a.id, a.coder, a.label, a.start, a.end, a.text, tuple(sorted(a.attrs.items())), a.origin)
        for a in project.annotations()
    }


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents())
def test_brat_export_then_import_gives_the_same_spans(docs: list[dict[str, Any]]):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with build(folder, docs) as source:
            result = export(source, ExportOptions(format="brat"), folder / "brat")
            assert not [n for n in result.notes if "fragments" in n]
            expected = spans_of(source)
        with Project.create(folder / "copy.db", coder="lead") as copy:
            import_sources(copy, [folder / "brat"])
            assert spans_of(copy) == expected


@SETTINGS
@given(documents())
def test_jsonl_export_then_import_gives_the_same_spans_status_and_meta(docs: list[dict[str, Any]]):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with build(folder, docs) as source:
            export(source, ExportOptions(format="jsonl"), folder / "all.jsonl")
            expected = spans_of(source)
            statuses = {source.document(i).sha256: source.status(i).status for i in source.document_ids()}
        with Project.create(folder / "copy.db", coder="amal") as copy:
            import_sources(copy, [folder / "all.jsonl"])
            assert spans_of(copy) == expected
            assert {copy.document(i).sha256: copy.status(i).status for i in copy.document_ids()} == statuses
            assert {copy.document(i).url for i in copy.document_ids()} == {"https://x.org/a"}
