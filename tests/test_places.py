"""The lead's view of a document, headless: places, version order, differences, counts, replaced gold."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_merge import at, build_coder_file

from annotator.cli.main import main
from annotator.lead import adjudication
from annotator.lead.merge import merge_projects
from annotator.lead.places import (
    differences,
    gold_from,
    load_places,
    ordered_versions,
    place_at,
    place_rows,
    queue_counts,
    replaced_gold,
    updated_entry,
)
from annotator.models import GOLD
from annotator.store.project import Project
from annotator.text import text_sha256

RAID = "قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني 😀 بدير الزور، وأعلن التحالف الدولي سقوط ٢٣ ضحية في كفرنبل."
QUIET = "وقالت وزارة الدفاع إن ثمانية عناصر قتلوا."
KILLED_54 = {"value": 54, "status": "killed"}


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    """Three coders: on RAID they agree on 54, two of three read بدير الزور without its ب, one tags ٢٣;
    on QUIET all agree."""
    files = [
        build_coder_file(tmp_path / "amal.db", "amal", {
            RAID: ("done", [("54", "CASUALTY", KILLED_54), ("دير الزور", "PLACE", {}), ("التحالف الدولي", "ACTOR", {})]),
            QUIET: ("done", [("وزارة الدفاع", "ACTOR", {})]),
        }),
        build_coder_file(tmp_path / "omar.db", "omar", {
            RAID: ("done", [("54", "CASUALTY", KILLED_54), ("بدير الزور", "PLACE", {}),
                            ("التحالف الدولي", "ACTOR", {"role": "claimant"}), ("٢٣", "CASUALTY", {"value": 23})]),
            QUIET: ("done", [("وزارة الدفاع", "ACTOR", {})]),
        }),
        build_coder_file(tmp_path / "sara.db", "sara", {
            RAID: ("done", [("54", "CASUALTY", KILLED_54), ("دير الزور", "PLACE", {}), ("التحالف الدولي", "ACTOR", {})]),
            QUIET: ("done", [("وزارة الدفاع", "ACTOR", {})]),
        }),
    ]
    merge_projects(tmp_path / "merged.db", files)
    return tmp_path / "merged.db"


@pytest.fixture
def project(merged: Path):
    with Project.open(merged) as opened:
        yield opened


def raid_places(project: Project) -> tuple[int, list[adjudication.Item]]:
    doc = project.document_by_sha(text_sha256(RAID))
    assert doc is not None
    return doc.id, load_places(project, doc.id, adjudication.compared_coders(project))


def place_of(places: list[adjudication.Item], needle: str) -> adjudication.Item:
    index = place_at(places, RAID.index(needle))
    assert index is not None
    return places[index]


def test_the_majoritys_version_is_number_one(project: Project) -> None:
    _, places = raid_places(project)
    place = place_of(places, "الزور")
    first, second = ordered_versions(place)
    assert (first.text, first.coders, second.text, second.coders) == ("دير الزور", ("amal", "sara"), "بدير الزور", ("omar",))
    assert [(r.kind, r.number, r.text) for r in place_rows(place)] == [
        ("version", 1, "دير الزور"), ("version", 2, "بدير الزور")
    ]


def test_what_the_versions_differ_on(project: Project) -> None:
    _, places = raid_places(project)
    assert differences(place_of(places, "الزور")) == ["extent", "missing"]
    assert differences(place_of(places, "التحالف")) == ["attributes", "missing"]
    assert differences(place_of(places, "٢٣")) == ["missing"]
    assert differences(place_of(places, "54")) == []


def test_counts_are_the_same_for_the_queue_the_places_and_the_command_line(project: Project) -> None:
    doc_id, places = raid_places(project)
    counts = adjudication.count(places)
    assert (counts.places, counts.open, counts.unanimous, counts.settled) == (4, 4, 1, False)
    entries = adjudication.queue(project)
    entry = next(e for e in entries if e.doc_id == doc_id)
    assert (entry.items, entry.open, entry.unanimous) == (counts.places, counts.open, counts.unanimous)
    totals = queue_counts(entries)
    assert (totals.open_places, totals.open_documents, totals.documents, totals.settled_documents) == (5, 2, 2, 0)


def test_the_command_line_lists_the_same_counts(merged: Path) -> None:
    result = CliRunner().invoke(main, ["adjudicate", str(merged)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "5 open place(s) in 2 of 2 document(s)"
    assert lines[1] == "d1 (amal, omar, sara): 4 open of 4  54"


def test_a_gold_span_no_coder_made_is_a_place_but_not_counted(project: Project) -> None:
    doc_id, _ = raid_places(project)
    added = adjudication.add(project, doc_id, "PLACE", *at(RAID, "كفرنبل"), by="lead")
    _, places = raid_places(project)
    alone = place_of(places, "كفرنبل")
    assert alone.versions == () and alone.gold == (added,)
    assert [(r.kind, r.text) for r in place_rows(alone)] == [("gold", "كفرنبل")]
    assert adjudication.count(places).places == 4
    entry = next(e for e in adjudication.queue(project) if e.doc_id == doc_id)
    assert updated_entry(entry, places) == entry


def test_deciding_changes_the_counts_and_the_queue_row(project: Project) -> None:
    doc_id, places = raid_places(project)
    entry = next(e for e in adjudication.queue(project) if e.doc_id == doc_id)
    first = ordered_versions(place_of(places, "الزور"))[0]
    adjudication.accept(project, first.annotation_ids, by="lead")
    _, places = raid_places(project)
    assert adjudication.count(places).open == 3
    assert updated_entry(entry, places).open == 3
    assert updated_entry(entry, places) == next(e for e in adjudication.queue(project) if e.doc_id == doc_id)


def test_a_new_gold_span_replaces_overlapping_gold_of_its_label_only(project: Project) -> None:
    doc_id, places = raid_places(project)
    first, second = ordered_versions(place_of(places, "الزور"))
    gold = adjudication.accept(project, first.annotation_ids, by="lead")
    actor = adjudication.add(project, doc_id, "ACTOR", *at(RAID, "الزور"), by="lead")
    live = project.annotations(doc_id, coder=GOLD)
    start, end = second.start, second.end
    assert replaced_gold(live, "PLACE", start, end) == [gold]
    assert replaced_gold(live, "PLACE", start, end, keep=gold.id) == []
    assert replaced_gold(live, "ACTOR", start, end) == [actor]
    assert replaced_gold(live, "CASUALTY", start, end) == []


def test_the_gold_that_stands_for_a_version(project: Project) -> None:
    doc_id, places = raid_places(project)
    first, second = ordered_versions(place_of(places, "الزور"))
    gold = adjudication.accept(project, first.annotation_ids, by="lead")
    live = project.annotations(doc_id, coder=GOLD)
    assert gold_from(live, first) == [gold]
    assert gold_from(live, second) == []
    identical = adjudication.add(project, doc_id, "PLACE", second.start, second.end, by="lead")
    assert gold_from(project.annotations(doc_id, coder=GOLD), second) == [identical]  # same span, no sources
