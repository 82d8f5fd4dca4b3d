"""The events dataset: a row built from a seed-like report, checked column by column, in CSV,
JSONL and Parquet, through the API and the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.errors import AnnotatorError, ValidationError
from annotator.export import ExportOptions, export
from annotator.export.events_columns import COLUMN_NAMES
from annotator.export.events_readme import readme_path
from annotator.models import Annotation
from annotator.store.project import Project

REPORT = (
    "قتل 54 مدنيا بينهم 12 طفلا وأصيب 30 آخرون في غارة للتحالف على بلدة الباغوز أمس الخميس، "
    "بحسب المرصد السوري، الذي قال إن أكثر من 350 ألف شخص قتلوا منذ 2011."
)


class Seed:
    """The report, its spans and an ATTACK over them, made by hand through the store."""

    def __init__(self, path: Path):
        self.project = Project.create(path, coder="amal")
        self.doc, _, _ = self.project.add_document(
            REPORT, key="baghouz-2018", title="غارة على الباغوز", date="2018-06-08", source="عنب بلدي"
        )
        self.spans = {
            "killed": self.span("CASUALTY", "54", value=54, status="killed", victims="civilians", qualifier="exact"),
            "children": self.span("CASUALTY", "12", value=12, status="killed", victims="children"),
            "injured": self.span("CASUALTY", "30", value=30, min=30, max=35, status="injured"),
            "toll": self.span("CASUALTY", "350 ألف", value=350000, status="killed", scope="cumulative"),
            "coalition": self.span("ACTOR", "للتحالف", canonical="التحالف الدولي", kind="international_coalition"),
            "place": self.span("PLACE", "الباغوز", kind="town"),
            "date": self.span("DATE", "أمس الخميس"),
            "monitor": self.span("ACTOR", "المرصد السوري", role="claimant", canonical="المرصد السوري لحقوق الإنسان"),
        }
        s = self.spans
        self.event = self.project.add_event(
            self.doc.id, "ATTACK",
            slots={
                "perpetrator": [s["coalition"].id], "place": [s["place"].id], "date": [s["date"].id],
                "casualties": [s["killed"].id, s["children"].id, s["injured"].id, s["toll"].id],
                "source": [s["monitor"].id],
            },
            attrs={"attribution": "asserted", "weapon": "airstrike", "date": "2018-06-07"},
        )

    def span(self, label: str, words: str, **attrs: Any) -> Annotation:
        start = REPORT.index(words)
        return self.project.add_annotation(self.doc.id, label, start, start + len(words), attrs=attrs)


@pytest.fixture
def seed(tmp_path: Path) -> Seed:
    return Seed(tmp_path / "amal.db")


def test_a_row_from_a_seed_like_report_holds_every_field_and_the_words_behind_it(seed: Seed, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    result = export(seed.project, ExportOptions(format="events"), out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert list(row) == list(COLUMN_NAMES)
    s = seed.spans
    assert (row["doc_id"], row["doc_title"], row["doc_date"], row["doc_source"], row["doc_url"]) == (
        "baghouz-2018", "غارة على الباغوز", "2018-06-08", "عنب بلدي", None
    )
    assert (row["event_id"], row["event_type"], row["coder"], row["origin"]) == (seed.event.id, "ATTACK", "amal", "manual")
    assert (row["attribution"], row["weapon"]) == ("asserted", "airstrike")
    assert (row["event_date"], row["date_source"]) == ("2018-06-07", "event")
    assert (row["date_text"], row["date_span_ids"]) == (["أمس الخميس"], [s["date"].id])
    assert row["perpetrators"] == ["التحالف الدولي"]  # the canonical name
    assert row["perpetrators_text"] == ["للتحالف"]  # the words as written
    assert row["perpetrators_span_ids"] == [s["coalition"].id]
    assert (row["targets"], row["targets_text"], row["targets_span_ids"]) == ([], [], [])
    assert (row["places"], row["places_text"], row["places_span_ids"]) == (["الباغوز"], ["الباغوز"], [s["place"].id])
    assert row["source"] == ["المرصد السوري لحقوق الإنسان"]
    assert row["source_text"] == ["المرصد السوري"]
    # 54 civilians among them 12 children: the civilians killed are 54, not 66.
    assert (row["killed_civilians_best"], row["killed_children_best"], row["killed_women_best"]) == (54, 12, None)
    assert row["killed_civilians_total_best"] == 54
    assert (row["killed_best"], row["killed_min"], row["killed_max"]) == (54, 54, 54)
    assert (row["killed_combatants_best"], row["killed_unspecified_best"]) == (None, None)
    assert (row["injured_unspecified_best"], row["injured_unspecified_min"], row["injured_unspecified_max"]) == (30, 30, 35)
    assert (row["injured_best"], row["injured_min"], row["injured_max"]) == (30, 30, 35)
    assert row["injured_civilians_best"] is None
    # The toll since 2011 is reported apart and never added to the incident.
    assert (row["cumulative_killed_best"], row["cumulative_killed_max"], row["cumulative_injured_best"]) == (
        350000, 350000, None
    )
    assert [(c["id"], c["text"], c["value"], c["status"], c["victims"], c["scope"]) for c in row["casualty_spans"]] == [
        (s["killed"].id, "54", 54, "killed", "civilians", None),
        (s["children"].id, "12", 12, "killed", "children", None),
        (s["injured"].id, "30", 30, "injured", None, None),
        (s["toll"].id, "350 ألف", 350000, "killed", None, "cumulative"),
    ]
    for figure in row["casualty_spans"]:
        assert REPORT[figure["start"] : figure["end"]] == figure["text"]
    assert (row["other_slots"], row["other_attrs"]) == ({}, {})
    assert "1 event(s), one row each" in result.notes


def test_children_alone_count_as_civilians_and_the_document_dates_an_undated_event(tmp_path: Path) -> None:
    seed = Seed(tmp_path / "p.db")
    s = seed.spans
    other = seed.project.add_event(
        seed.doc.id, "ATTACK", slots={"casualties": [s["children"].id], "target": [s["monitor"].id]}
    )
    out = tmp_path / "e.jsonl"
    export(seed.project, ExportOptions(format="events"), out)
    row = next(json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if other.id in line)
    assert (row["killed_civilians_best"], row["killed_children_best"]) == (None, 12)
    assert (row["killed_civilians_total_best"], row["killed_best"]) == (12, 12)
    assert (row["event_date"], row["date_source"]) == ("2018-06-08", "document")
    assert (row["attribution"], row["weapon"], row["injured_best"]) == (None, None, None)
    assert row["targets"] == ["المرصد السوري لحقوق الإنسان"]


def test_csv_is_excel_friendly_and_reads_back(seed: Seed, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(seed.project, ExportOptions(format="events"), out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1 and list(rows[0]) == list(COLUMN_NAMES)
    row = rows[0]
    assert row["perpetrators"] == "التحالف الدولي"
    assert row["killed_best"] == "54" and row["killed_women_best"] == ""
    assert row["date_source"] == "event"
    spans = json.loads(row["casualty_spans"])
    assert [c["text"] for c in spans] == ["54", "12", "30", "350 ألف"]
    assert json.loads(row["other_slots"]) == {}


def test_several_names_are_joined_in_csv_and_listed_in_jsonl(seed: Seed, tmp_path: Path) -> None:
    s = seed.spans
    seed.project.fill_slot(seed.event.id, "place", seed.span("PLACE", "بلدة", canonical="بلدة الباغوز").id)
    export(seed.project, ExportOptions(format="events"), tmp_path / "e.csv")
    export(seed.project, ExportOptions(format="events"), tmp_path / "e.jsonl")
    with open(tmp_path / "e.csv", encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["places"] == "الباغوز | بلدة الباغوز"
    assert row["places_span_ids"].split(" | ")[0] == s["place"].id
    line = json.loads((tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    assert line["places"] == ["الباغوز", "بلدة الباغوز"]


def test_parquet_reads_back_with_types_and_meanings(seed: Seed, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    export(seed.project, ExportOptions(format="events"), out)
    table = pq.read_table(out)
    assert table.column_names == list(COLUMN_NAMES)
    row = table.to_pylist()[0]
    assert row["perpetrators"] == ["التحالف الدولي"]
    assert row["killed_best"] == 54 and row["killed_women_best"] is None
    assert json.loads(row["casualty_spans"])[1]["value"] == 12
    assert str(table.schema.field("killed_best").type) == "int64"
    assert b"description" in table.schema.field("killed_best").metadata


def test_the_readme_beside_the_dataset_documents_every_column_and_the_mappings(seed: Seed, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = export(seed.project, ExportOptions(format="events"), out)
    readme = readme_path(out)
    assert result.files == [str(out), str(readme)]
    text = readme.read_text(encoding="utf-8")
    for name in COLUMN_NAMES:
        assert f"| `{name}` |" in text, name
    for field in ("fatalities", "actor1", "actor2", "event_date", "deaths_civilians", "side_a", "where_description"):
        assert f"`{field}`" in text, field
    assert "events: 1, one row each" in text


def test_the_layer_is_chosen_as_for_training_formats(seed: Seed, tmp_path: Path) -> None:
    other = seed.project.add_annotation(seed.doc.id, "PLACE", 0, 3, coder="omar")
    seed.project.add_event(seed.doc.id, "ATTACK", slots={"place": [other.id]}, coder="omar")
    with pytest.raises(ValidationError, match="--layer"):
        export(seed.project, ExportOptions(format="events"), tmp_path / "e.csv")
    export(seed.project, ExportOptions(format="events", layer="omar"), tmp_path / "e.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["coder"], r["places_text"]) for r in rows] == [("omar", ["قتل"])]


def test_a_suffix_it_cannot_write_is_refused_before_anything_is_written(seed: Seed, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"\.csv, \.jsonl, \.parquet"):
        export(seed.project, ExportOptions(format="events"), tmp_path / "events.xlsx")
    assert not list(tmp_path.glob("events*"))


def test_the_command_line_writes_the_dataset(seed: Seed, tmp_path: Path) -> None:
    seed.project.close()
    out = tmp_path / "x.csv"
    result = CliRunner().invoke(main, ["export", str(tmp_path / "amal.db"), "--format", "events", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "note: 1 event(s), one row each" in result.output
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["event_type"], r["killed_best"], r["places"]) for r in rows] == [("ATTACK", "54", "الباغوز")]
    assert readme_path(out).exists()
    piped = CliRunner().invoke(main, ["export", str(tmp_path / "amal.db"), "--format", "events", "--out", "-"])
    assert piped.exit_code == 0 and piped.stdout.startswith("doc_id,doc_title,")


def test_figures_no_column_holds_stay_in_casualty_spans_and_are_reported(seed: Seed, tmp_path: Path) -> None:
    missing = seed.span("CASUALTY", "آخرون", value=4, status="missing", victims="civilians")
    seed.project.fill_slot(seed.event.id, "casualties", missing.id)
    out = tmp_path / "e.jsonl"
    result = export(seed.project, ExportOptions(format="events"), out)
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["killed_civilians_best"] == 54 and row["killed_best"] == 54  # the missing are not killed
    assert [c["status"] for c in row["casualty_spans"]][-1] == "missing"
    assert any("1 casualty figure(s) with a status other than killed or injured" in n for n in result.notes)


def test_a_project_without_events_gives_a_header_and_no_row(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.db", coder="amal")
    project.add_document(REPORT, key="d1")
    export(project, ExportOptions(format="events"), tmp_path / "e.csv")
    with open(tmp_path / "e.csv", encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [list(COLUMN_NAMES)]
    pq = pytest.importorskip("pyarrow.parquet")
    export(project, ExportOptions(format="events"), tmp_path / "e.parquet")
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


def test_parquet_without_pyarrow_says_how_to_get_it(seed: Seed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def without_pyarrow(name: str, package: str | None = None) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without_pyarrow)
    with pytest.raises(AnnotatorError, match=r"arabic-event-annotator\[parquet\]"):
        export(seed.project, ExportOptions(format="events"), tmp_path / "e.parquet")
    assert not (tmp_path / "e.parquet").exists()


def test_a_figure_with_no_victim_group_is_the_toll_its_groups_belong_to(tmp_path: Path) -> None:
    """«قتل 20 شخصا بينهم 5 أطفال»: killed is 20, not 25; a cumulative toll stays apart."""
    text = "قتل 20 شخصا بينهم 5 أطفال في قصف على الباغوز، وبلغ عدد القتلى 350 ألفا منذ 2011."
    project = Project.create(tmp_path / "p.db", coder="amal")
    doc, _, _ = project.add_document(text, key="d")

    def figure(words: str, attrs: dict[str, object]) -> str:
        start = text.index(words)
        return project.add_annotation(doc.id, "CASUALTY", start, start + len(words), attrs=attrs).id

    spans = [
        figure("20", {"value": 20, "status": "killed", "victims": "unspecified"}),
        figure("5", {"value": 5, "status": "killed", "victims": "children"}),
        figure("350 ألفا", {"value": 350000, "status": "killed", "victims": "civilians", "scope": "cumulative"}),
    ]
    project.add_event(doc.id, "ATTACK", slots={"casualties": spans})
    out = tmp_path / "e.jsonl"
    export(project, ExportOptions(format="events", status="all"), out)
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (row["killed_unspecified_best"], row["killed_children_best"], row["killed_best"]) == (20, 5, 20)
    assert row["cumulative_killed_best"] == 350000
