"""The suggestion benchmark's annotated corpus and scorer (benchmarks/corpora, benchmarks/suggest_quality.py).

The corpus is data the README's figures rest on: its offsets must be exact, it must import
as our JSONL record, its splits must be marked, and the JSONL must be what the builder
writes from the marked reports.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from annotator.importing.run import import_sources
from annotator.store.project import Project

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "benchmarks" / "corpora" / "regional_reports.jsonl"


def load_module(relative: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(Path(relative).stem, ROOT / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def test_every_span_offset_is_exact(records: list[dict]) -> None:
    assert records
    for record in records:
        for span in record["spans"]:
            assert record["text"][span["start"] : span["end"]] == span["text"], (record["id"], span)
            assert span["text"] == span["text"].strip() and span["label"] in {"ACTOR", "PLACE", "CASUALTY"}


def test_casualty_spans_carry_the_codebook_attributes(records: list[dict]) -> None:
    for record in records:
        for span in record["spans"]:
            if span["label"] != "CASUALTY":
                continue
            attrs = span["attrs"]
            assert {"value", "status", "victims", "qualifier", "scope"} <= set(attrs), (record["id"], span)
            if attrs["qualifier"] == "vague":
                assert attrs["min"] <= attrs["value"] <= attrs["max"]


def test_splits_are_marked(records: list[dict]) -> None:
    splits = [r["meta"]["split"] for r in records]
    assert set(splits) == {"tuning", "held_out", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7"}
    assert splits.count("tuning") == splits.count("held_out") == 15
    assert len({r["id"] for r in records}) == len(records)


def test_the_jsonl_is_what_the_builder_writes() -> None:
    builder = load_module("benchmarks/corpora/build_regional.py")
    assert builder.render(builder.build()) == CORPUS.read_text(encoding="utf-8")


def test_the_builder_names_a_bad_mark(tmp_path: Path) -> None:
    builder = load_module("benchmarks/corpora/build_regional.py")
    marked = tmp_path / "bad.txt"
    marked.write_text("=== r1 | tuning | Syria | 2024-01-01\nقتل ⟦5|C:dead:5⟧ أشخاص\n", encoding="utf-8")
    with pytest.raises(builder.MarkError, match="r1.*C:status:value"):
        builder.build(marked)


def test_the_corpus_imports_with_every_span(tmp_path: Path, records: list[dict]) -> None:
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        report = import_sources(project, [CORPUS])
        assert report.documents_added == len(records)
        assert report.spans_added == sum(len(r["spans"]) for r in records)


def test_the_scorer_counts_exact_and_overlapping_matches() -> None:
    quality = load_module("benchmarks/suggest_quality.py")
    text = "قتل 54 شخصا في دير الزور"
    gold = [quality.Span(4, 6, "CASUALTY", {"status": "killed", "value": 54}), quality.Span(15, 24, "PLACE")]
    found = [
        quality.Span(4, 6, "CASUALTY", {"status": "injured", "value": 54}),
        quality.Span(19, 24, "PLACE"),  # overlaps the gold place, not exact
        quality.Span(0, 3, "CASUALTY", {"status": "killed"}),  # a trap
    ]
    report = quality.Report()
    quality.score(report, text, found, gold)
    casualty, place = report.tallies["CASUALTY"], report.tallies["PLACE"]
    assert (casualty.gold, casualty.suggested, casualty.exact, casualty.suggested_overlapping) == (1, 2, 1, 1)
    assert (place.exact, place.gold_overlapped, place.suggested_overlapping) == (0, 1, 1)
    assert report.agree["status"] == 0 and report.agree["value"] == 1
    assert len(report.traps) == 1 and "⟦قتل⟧" in report.traps[0]


def test_the_scorer_refuses_a_bad_corpus_with_one_message(tmp_path: Path) -> None:
    quality = load_module("benchmarks/suggest_quality.py")
    bad = tmp_path / "c.jsonl"
    bad.write_text('{"text": "x"\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"c\.jsonl, line 1: not JSON"):
        quality.load(bad, "all")
    with pytest.raises(SystemExit, match="no report has split 'none'"):
        quality.load(CORPUS, "none")
