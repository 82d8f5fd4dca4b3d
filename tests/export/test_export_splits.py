"""Splits: deterministic, whole documents, near-duplicates in one part."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import ValidationError
from annotator.export import ExportOptions, export
from annotator.export.splits import assign_parts, duplicate_groups, parse_split
from annotator.store.project import Project

PLACES = ["حلب", "إدلب", "الرقة", "دير الزور", "حمص", "درعا", "حماة", "اللاذقية", "طرطوس", "القامشلي"]


def test_parse_split():
    assert parse_split("80,10,10") == (80.0, 10.0, 10.0)
    assert parse_split("0.9, 0.1") == (0.9, 0.1)
    for bad in ("80", "a,b", "-1,2", "0,0", "1,2,3,4"):
        with pytest.raises(ValidationError, match="--split"):
            parse_split(bad)


def test_groups_join_transitively_and_ignore_absent_keys():
    groups = duplicate_groups(["a", "b", "c", "d", "e"], [("b", "a"), ("c", "b"), ("e", "zz")])
    assert groups == [["a", "b", "c"], ["d"], ["e"]]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 60),
    st.lists(st.tuples(st.integers(0, 59), st.integers(0, 59)), max_size=20),
    st.sampled_from([(80, 10, 10), (50, 50), (70, 0, 30), (1, 1, 1)]),
    st.integers(0, 2**32),
)
def test_split_laws(count, raw_pairs, shares, seed):
    keys = [f"k{i}" for i in range(count)]
    pairs = [(keys[a], keys[b]) for a, b in raw_pairs if a < count and b < count]
    split = assign_parts(keys, pairs, tuple(float(s) for s in shares), seed)
    assert split == assign_parts(keys, pairs, tuple(float(s) for s in shares), seed)  # same seed, same parts
    placed = [key for part in split.parts.values() for key in part]
    assert sorted(placed) == sorted(keys)  # every document once
    part_of = split.part_of()
    assert all(part_of[a] == part_of[b] for a, b in pairs)  # near-duplicates never cross parts
    for name, share in zip(split.parts, shares, strict=True):
        if share == 0:
            assert split.parts[name] == []
    if not pairs:  # whole documents only: within one document of the target
        for name, share in zip(split.parts, shares, strict=True):
            assert abs(len(split.parts[name]) - share / sum(shares) * count) < 1 + 1e-9


def test_export_split_keeps_near_duplicates_together(project: Project, tmp_path: Path):
    base = (
        "أفاد المرصد السوري لحقوق الإنسان بمقتل {n} مدنيين في قصف جوي استهدف بلدة {place} في ريف المحافظة صباح اليوم."
    )
    for i, place in enumerate(PLACES):
        doc, _, _ = project.add_document(base.format(n=i + 3, place=place) + f" الخبر {i}.", key=f"r{i}")
        project.set_status(doc.id, "done")
    # the same report from another outlet, a few words changed: a near-duplicate of r0
    copy, added, duplicates = project.add_document(
        base.format(n=3, place=PLACES[0]) + " الخبر 0. نقلاً عن وكالة.", key="r0-copy"
    )
    assert added and duplicates, "the project must see the copy as a near-duplicate"
    project.set_status(copy.id, "done")
    parts = {}
    for seed in range(8):
        result = export(project, ExportOptions(format="jsonl", split="60,20,20", seed=seed), tmp_path / f"s{seed}")
        split = json.loads((tmp_path / f"s{seed}" / "split.json").read_text(encoding="utf-8"))
        where = {key: name for name, keys in split["parts"].items() for key in keys}
        assert where["r0"] == where["r0-copy"]
        assert sum(result.parts.values()) == 11
        parts[seed] = split["parts"]
    assert len({json.dumps(p, sort_keys=True) for p in parts.values()}) > 1  # the seed matters
    again = export(project, ExportOptions(format="jsonl", split="60,20,20", seed=3), tmp_path / "again")
    assert again.parts == {name: len(keys) for name, keys in parts[3].items()}
    assert (tmp_path / "again" / "train.jsonl").read_bytes() == (tmp_path / "s3" / "train.jsonl").read_bytes()
