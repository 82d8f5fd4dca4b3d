"""Merging carries events: each with its coder, id and slots on the merged spans; twice adds nothing;
a newer file updates and removes events; a file made before events (schema 2) merges as before.

``add_events`` is used by the other event lead tests too.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from test_merge import T1, T2, build_coder_file, content

from annotator.lead.merge import merge_projects
from annotator.store.project import Project
from annotator.text import text_sha256
from tests.old_versions import as_version_2

EventSpec = tuple[str, dict[str, list[str]], dict[str, Any]]


def add_events(path: Path, text: str, events: list[EventSpec]) -> list[str]:
    """Add events to the coder file's document ``text``; slots name the coder's spans by their text."""
    with Project.open(path) as project:
        doc = project.document_by_sha(text_sha256(text))
        assert doc is not None
        spans = {a.text: a.id for a in project.annotations(doc.id, coder=project.coder)}
        made = [
            project.add_event(
                doc.id, kind, slots={role: [spans[t] for t in texts] for role, texts in slots.items()}, attrs=attrs
            )
            for kind, slots, attrs in events
        ]
    return [e.id for e in made]


def event_content(path: Path) -> list[tuple[Any, ...]]:
    """Every live event as (document sha, coder, id, type, attrs, {role: span texts}), sorted."""
    with Project.open(path, readonly=True) as project:
        out = []
        for event in project.events():
            sha = project.document(event.doc_id).sha256
            texts = {role: [project.annotation(s).text for s in spans] for role, spans in event.slots.items()}
            out.append((sha, event.coder, event.id, event.type, event.attrs, texts, event.created, event.updated))
    return sorted(out, key=repr)


@pytest.fixture
def amal(tmp_path: Path) -> Path:
    path = build_coder_file(
        tmp_path / "amal.db",
        "amal",
        {
            T1: ("done", [("54", "CASUALTY", {"value": 54}), ("دير الزور", "PLACE", {}),
                          ("المرصد السوري لحقوق الإنسان", "ACTOR", {})]),
            T2: ("done", [("التحالف الدولي", "ACTOR", {}), ("٢٣", "CASUALTY", {"value": 23})]),
        },
    )
    add_events(path, T1, [("ATTACK", {"casualties": ["54"], "place": ["دير الزور"],
                                      "source": ["المرصد السوري لحقوق الإنسان"]}, {"weapon": "airstrike"})])
    add_events(path, T2, [("ATTACK", {"perpetrator": ["التحالف الدولي"], "casualties": ["٢٣"]}, {})])
    return path


@pytest.fixture
def omar(tmp_path: Path) -> Path:
    path = build_coder_file(
        tmp_path / "omar.db", "omar", {T1: ("done", [("54", "CASUALTY", {"value": 54}), ("بدير الزور", "PLACE", {})])}
    )
    add_events(path, T1, [("ATTACK", {"casualties": ["54"], "place": ["بدير الزور"]}, {"weapon": "shelling"})])
    return path


def test_merge_keeps_each_coders_events_with_their_ids_and_slots(tmp_path: Path, amal: Path, omar: Path) -> None:
    out = tmp_path / "merged.db"
    report = merge_projects(out, [amal, omar])
    assert [(s.events_added, s.events_unchanged) for s in report.sources] == [(2, 0), (1, 0)]
    assert "events: 2 added, 0 updated, 0 removed, 0 unchanged" in report.lines()[0]
    with Project.open(amal, readonly=True) as source:
        theirs = {e.id: e for e in source.events()}
    with Project.open(out, readonly=True) as merged:
        ours = {e.id: e for e in merged.events(coder="amal")}
        assert ours.keys() == theirs.keys()
        for event_id, event in ours.items():
            # span ids are kept by the merge, so the slots name the same ids
            assert event.slots == theirs[event_id].slots
            assert (event.attrs, event.created, event.updated) == (
                theirs[event_id].attrs, theirs[event_id].created, theirs[event_id].updated)
        (omars,) = merged.events(coder="omar")
        assert {r: [merged.annotation(s).text for s in spans] for r, spans in omars.slots.items()} == {
            "place": ["بدير الزور"], "casualties": ["54"]}
        assert omars.attrs == {"weapon": "shelling"}


def test_merging_twice_adds_nothing(tmp_path: Path, amal: Path, omar: Path) -> None:
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar])
    before, events_before = content(out), event_content(out)
    with Project.open(out, readonly=True) as merged:
        history = len(merged.event_history())
    report = merge_projects(out, [amal, omar])
    assert [(s.events_added, s.events_updated, s.events_removed, s.events_unchanged) for s in report.sources] == [
        (0, 0, 0, 2), (0, 0, 0, 1)]
    assert content(out) == before and event_content(out) == events_before
    with Project.open(out, readonly=True) as merged:
        assert len(merged.event_history()) == history


def test_a_newer_file_updates_and_removes_events_before_their_spans(tmp_path: Path, amal: Path, omar: Path) -> None:
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, omar])
    with Project.open(amal) as project:
        first, second = project.events()
        project.update_event(first.id, attrs={"weapon": "drone"})
        # the span goes with the event that named it: the merge must delete the event first
        project.delete_event(second.id)
        project.delete_annotation(second.slots["perpetrator"][0])
    report = merge_projects(out, [amal])
    (source,) = report.sources
    assert (source.events_updated, source.events_removed, source.spans_removed) == (1, 1, 1)
    with Project.open(out, readonly=True) as merged:
        assert [e.attrs for e in merged.events(coder="amal")] == [{"weapon": "drone"}]
        assert merged.event(second.id, include_deleted=True).id == second.id  # soft: the history keeps it
        assert [h.action for h in merged.event_history(event_id=second.id)] == ["create", "delete"]


def _as_version_2(path: Path) -> None:
    as_version_2(path)


def test_a_file_made_before_events_merges_beside_one_with_events(tmp_path: Path, amal: Path) -> None:
    old = build_coder_file(tmp_path / "sara.db", "sara", {T1: ("done", [("54", "CASUALTY", {"value": 54})])})
    _as_version_2(old)
    out = tmp_path / "merged.db"
    report = merge_projects(out, [amal, old])
    assert report.sources[1].spans_added == 1 and "events:" not in report.lines()[1]
    with Project.open(out, readonly=True) as merged:
        assert merged.events(coder="sara") == [] and len(merged.events(coder="amal")) == 2
    assert merge_projects(out, [amal, old]).sources[1].spans_unchanged == 1
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2  # never written


def test_an_event_id_two_coders_share_gets_a_stable_new_id(tmp_path: Path, amal: Path) -> None:
    twin = build_coder_file(tmp_path / "twin.db", "twin", {T2: ("done", [("٢٣", "CASUALTY", {"value": 23})])})
    with Project.open(amal, readonly=True) as project:
        taken = next(e for e in project.events() if "perpetrator" in e.slots)
    with Project.open(twin) as project:
        doc = project.document_by_sha(text_sha256(T2))
        assert doc is not None
        (span,) = project.annotations(doc.id)
        project.add_event(doc.id, "ATTACK", slots={"casualties": [span.id]}, event_id=taken.id)
    out = tmp_path / "merged.db"
    merge_projects(out, [amal, twin])
    with Project.open(out, readonly=True) as merged:
        (renamed,) = merged.events(coder="twin")
        assert renamed.id != taken.id and merged.event(taken.id).coder == "amal"
    assert merge_projects(out, [amal, twin]).sources[1].events_unchanged == 1
