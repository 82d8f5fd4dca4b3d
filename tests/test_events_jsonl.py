"""Events in our JSONL record: imported beside their spans, refused with file and line, exported
and imported again exactly (a property test), and a second import adds nothing."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.main import main
from annotator.errors import InputError
from annotator.export import ExportOptions, export
from annotator.importing.run import import_sources
from annotator.store.project import Project

REPORT = "قتل 54 مدنيا في غارة للتحالف على بلدة الباغوز أمس الخميس، بحسب المرصد السوري، والتحالف يلمح لمسؤوليته."


def at(words: str) -> tuple[int, int]:
    start = REPORT.index(words)
    return start, start + len(words)


def span(span_id: str, label: str, words: str, **attrs: Any) -> dict[str, Any]:
    start, end = at(words)
    return {"id": span_id, "start": start, "end": end, "label": label, "text": words, "attrs": attrs}


SPANS = [
    span("s-54", "CASUALTY", "54", value=54, status="killed", victims="civilians"),
    span("s-coalition", "ACTOR", "التحالف"),
    span("s-baghouz", "PLACE", "الباغوز", kind="town"),
    span("s-thursday", "DATE", "أمس الخميس"),
    span("s-observatory", "ACTOR", "المرصد السوري", role="claimant"),
]
EVENT = {
    "id": "e1", "type": "ATTACK", "attrs": {"attribution": "hinted", "weapon": "airstrike", "date": "2018-06-07"},
    "slots": {"perpetrator": ["s-coalition"], "place": ["s-baghouz"], "casualties": ["s-54"],
              "source": ["s-observatory"], "date": ["s-thursday"]},
}


def write_jsonl(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def record(**changes: Any) -> dict[str, Any]:
    return {"id": "baghouz", "text": REPORT, "meta": {"date": "2018-06-08"}, "spans": SPANS, "events": [EVENT]} | changes


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with Project.create(tmp_path / "amal.db", coder="amal") as made:
        yield made


def test_an_event_is_imported_with_its_spans_and_a_second_import_adds_nothing(project: Project, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", record())
    report = import_sources(project, [source])
    assert report.events_added == 1 and report.spans_added == 5
    assert report.lines()[1] == "1 event(s) added, 0 updated, 0 unchanged"
    (event,) = project.events()
    assert event.id == "e1" and event.coder == "amal" and event.origin == "imported"
    assert event.slots["date"] == ("s-thursday",) and event.attrs["attribution"] == "hinted"
    again = import_sources(project, [source])
    assert (again.events_added, again.events_updated, again.events_unchanged) == (0, 0, 1)
    assert project.events() == [event]
    changed = dict(EVENT, attrs={"attribution": "denied"})
    third = import_sources(project, [write_jsonl(tmp_path / "changed.jsonl", record(events=[changed]))])
    assert third.events_updated == 1 and project.event("e1").attrs == {"attribution": "denied"}
    assert [h.action for h in project.event_history(event_id="e1")] == ["create", "update"]


def test_events_without_ids_get_new_ones_and_are_not_added_twice(project: Project, tmp_path: Path) -> None:
    bare = {k: v for k, v in EVENT.items() if k != "id"}
    source = write_jsonl(tmp_path / "in.jsonl", record(events=[bare]))
    import_sources(project, [source])
    (event,) = project.events()
    assert event.id != "e1" and len(event.id) == 36
    assert import_sources(project, [source]).events_unchanged == 1
    assert len(project.events()) == 1


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([dict(EVENT, slots={"place": ["s-nowhere"]})],
         r"in.jsonl, line 2: event 1 \(ATTACK\): role place names span 's-nowhere', which is not a span of this record"),
        ([dict(EVENT, slots={"place": ["s-54"]})],
         r"in.jsonl, line 2: event 1 \(ATTACK\): role place of ATTACK takes PLACE spans, not span «54»"),
        ([dict(EVENT, type="SIEGE")], r"in.jsonl, line 2: event 1 \(SIEGE\): unknown event type 'SIEGE'"),
        ([dict(EVENT, attrs={"date": "أمس"})], r"line 2: event 1 \(ATTACK\): attribute 'date' of ATTACK must be a date"),
        ([dict(EVENT, slots={"place": "s-baghouz"})], r"line 2: event 1: \"slots\" must map each role to a list of span ids"),
        ([{"slots": {}}], r"line 2: event 1 needs a \"type\""),
        ({"type": "ATTACK"}, r"line 2: \"events\" must be a list"),
        ([dict(EVENT, origin="guessed")], r"line 2: event 1: unknown origin 'guessed'"),
    ],
)
def test_bad_events_are_refused_naming_file_and_line_and_nothing_is_written(
    project: Project, tmp_path: Path, events: Any, message: str
) -> None:
    good = {"id": "other", "text": "قصفت قوات النظام مدينة دير الزور"}
    source = write_jsonl(tmp_path / "in.jsonl", good, record(events=events))
    with pytest.raises(InputError, match=message):
        import_sources(project, [source])
    assert project.document_ids() == [] and project.events() == []


def test_spans_without_ids_cannot_fill_slots(project: Project, tmp_path: Path) -> None:
    bare_spans = [{k: v for k, v in s.items() if k != "id"} for s in SPANS]
    source = write_jsonl(tmp_path / "in.jsonl", record(spans=bare_spans))
    with pytest.raises(InputError, match=r'give those spans ids'):
        import_sources(project, [source])


def test_an_event_of_another_layer_links_that_layers_spans(project: Project, tmp_path: Path) -> None:
    omar_spans = [dict(s, id=f"omar-{s['id']}", coder="omar") for s in SPANS]
    omar_event = dict(EVENT, id="e-omar", coder="omar",
                      slots={role: [f"omar-{i}" for i in ids] for role, ids in EVENT["slots"].items()})
    mixed = dict(EVENT, id="e-mixed", coder="omar")  # omar's event naming amal's spans
    import_sources(project, [write_jsonl(tmp_path / "ok.jsonl", record(spans=SPANS + omar_spans, events=[EVENT, omar_event]))])
    assert {e.id: e.coder for e in project.events()} == {"e1": "amal", "e-omar": "omar"}
    bad = write_jsonl(tmp_path / "bad.jsonl", record(spans=SPANS, events=[mixed]))
    with pytest.raises(InputError, match=r"bad.jsonl, line 1: event 1 \(ATTACK\): span «التحالف» \(ACTOR, s-coalition\) "
                                         r"is in the layer of amal, the event in that of omar"):
        import_sources(project, [bad])


def test_the_command_line_round_trip_keeps_events(project: Project, tmp_path: Path) -> None:
    import_sources(project, [write_jsonl(tmp_path / "in.jsonl", record())])
    project.close()
    out = CliRunner().invoke(main, ["export", str(project.path), "--format", "jsonl", "--out", "-"]).stdout
    (line,) = out.splitlines()
    exported = json.loads(line)["events"]
    assert exported == [dict(EVENT, coder="amal", origin="imported")]


# --- the property: export, import into a fresh project, export again: the same events ------------------

LABEL_WORDS = {"ACTOR": ["التحالف", "المرصد السوري", "والتحالف"], "PLACE": ["الباغوز", "بلدة الباغوز"],
               "CASUALTY": ["54"], "DATE": ["أمس الخميس", "الخميس"]}
CODERS = ["amal", "omar", "gold"]


@st.composite
def annotated_documents(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Documents (the report, a variant per document) with spans of a few coders and events over
    each coder's spans, roles filled as the codebook allows."""
    docs = []
    for number in range(draw(st.integers(1, 3))):
        text = REPORT + " " * number  # distinct texts
        spans = []
        for coder in draw(st.lists(st.sampled_from(CODERS), min_size=1, max_size=3, unique=True)):
            for label, words in LABEL_WORDS.items():
                for word in draw(st.lists(st.sampled_from(words), max_size=2, unique=True)):
                    attrs = {"value": 54, "status": "killed"} if label == "CASUALTY" else {}
                    spans.append({"coder": coder, "label": label, "words": word, "attrs": attrs})
        events = []
        for coder in {s["coder"] for s in spans}:
            for _ in range(draw(st.integers(0, 2))):
                events.append({
                    "coder": coder,
                    "picks": draw(st.lists(st.integers(0, 20), max_size=6)),
                    "attrs": draw(st.dictionaries(
                        st.sampled_from(["attribution", "weapon", "date"]), st.just(""), max_size=3)),
                    "origin": draw(st.sampled_from(["manual", "imported", "adjudicated"])),
                    "provenance": draw(st.sampled_from([None, {"by": "lead", "sources": ["x", "y"]}])),
                })
        docs.append({"text": text, "spans": spans, "events": events})
    return docs


ATTR_VALUES = {"attribution": "accused", "weapon": "drone", "date": "2018-06-07"}


def build(path: Path, docs: list[dict[str, Any]]) -> Project:
    project = Project.create(path, coder="amal")
    attack = project.codebook.event_type("ATTACK")
    for number, item in enumerate(docs):
        doc, _, _ = project.add_document(item["text"], key=f"doc-{number}")
        made = [
            project.add_annotation(doc.id, s["label"], *at(s["words"]), attrs=s["attrs"], coder=s["coder"])
            for s in item["spans"]
        ]
        for event in item["events"]:
            own = [a for a in made if a.coder == event["coder"]]
            slots: dict[str, list[str]] = {}
            for pick in event["picks"]:
                if not own:
                    break
                chosen = own[pick % len(own)]
                role = next((r for r in attack.roles if chosen.label in r.labels and (r.many or r.name not in slots)), None)
                if role is not None and chosen.id not in slots.get(role.name, []):
                    slots.setdefault(role.name, []).append(chosen.id)
            project.add_event(doc.id, "ATTACK", slots=slots, attrs={k: ATTR_VALUES[k] for k in event["attrs"]},
                              coder=event["coder"], origin=event["origin"], provenance=event["provenance"])
    return project


def events_of(project: Project) -> list[tuple[Any, ...]]:
    shas = {doc_id: project.document(doc_id).sha256 for doc_id in project.document_ids()}
    return sorted(
        (shas[e.doc_id], e.id, e.coder, e.type, json.dumps(e.attrs, sort_keys=True), tuple(e.slots.items()), e.origin,
         json.dumps(e.provenance, sort_keys=True))
        for e in project.events()
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(annotated_documents())
def test_export_then_import_then_export_gives_the_same_events(docs: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with build(folder / "source.db", docs) as source:
            export(source, ExportOptions(format="jsonl"), folder / "first.jsonl")
            expected = events_of(source)
        with Project.create(folder / "copy.db", coder="amal") as copy:
            import_sources(copy, [folder / "first.jsonl"])
            assert events_of(copy) == expected
            export(copy, ExportOptions(format="jsonl"), folder / "second.jsonl")
        first = [json.loads(line).get("events", []) for line in (folder / "first.jsonl").read_text("utf-8").splitlines()]
        second = [json.loads(line).get("events", []) for line in (folder / "second.jsonl").read_text("utf-8").splitlines()]
        assert first == second


@pytest.mark.parametrize("kind", ["span", "event"])
def test_a_record_with_two_spans_or_events_of_one_id_is_refused(tmp_path: Path, kind: str) -> None:
    text = "قتل 54 مدنيا في غارة على الباغوز."
    spans = [{"id": "s1", "start": 4, "end": 6, "label": "CASUALTY", "attrs": {"value": 54}},
             {"id": "s2", "start": 25, "end": 32, "label": "PLACE"}]
    events = [{"id": "e1", "type": "ATTACK", "slots": {"casualties": ["s1"]}},
              {"id": "e2", "type": "ATTACK", "slots": {"place": ["s2"]}}]
    if kind == "span":
        spans[1]["id"] = "s1"
        events = []
    else:
        events[1]["id"] = "e1"
    source = tmp_path / "dup.jsonl"
    source.write_text(json.dumps({"text": text, "spans": spans, "events": events}, ensure_ascii=False) + "\n", encoding="utf-8")
    project = Project.create(tmp_path / "p.db", coder="amal")
    with pytest.raises(InputError, match=f"dup.jsonl.*line 1.*two {kind}s of this record have the id"):
        import_sources(project, [source])
    assert project.document_count() == 0
