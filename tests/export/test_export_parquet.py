"""The Parquet folder, read by the engines it is for: DuckDB and Hugging Face ``datasets``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.export import ExportOptions, export
from annotator.store.project import Project

duckdb = pytest.importorskip("duckdb")
datasets = pytest.importorskip("datasets")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def with_event(project: Project) -> str:
    """An ATTACK on the first document with its place and casualties; returns its id."""
    doc_id = project.document_keys()[0][0]
    spans = project.annotations(doc_id)
    places = [s.id for s in spans if s.label == "PLACE" and s.text in ("الباغوز فوقاني", "دير الزور")]
    figures = [s.id for s in spans if s.label == "CASUALTY" and s.text == "54"]
    return project.add_event(doc_id, "ATTACK", slots={"place": places, "casualties": figures}).id


def test_duckdb_reads_every_table_and_joins_them(annotated: Project, tmp_path: Path) -> None:
    event_id = with_event(annotated)
    out = tmp_path / "tables"
    result = export(annotated, ExportOptions(format="parquet"), out)
    assert result.notes[-1] == "documents 3, spans 11, events 1, event_slots 3 row(s)"
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "documents", "event_slots", "events", "spans"]
    sql = duckdb.connect()
    rows = sql.execute(
        "SELECT d.doc_id, s.label, s.text, s.start, s.\"end\", d.text FROM read_parquet(?) s "
        "JOIN read_parquet(?) d USING (doc_id) ORDER BY d.doc_id, s.start, s.\"end\"",
        [str(out / "spans" / "*.parquet"), str(out / "documents" / "*.parquet")],
    ).fetchall()
    assert len(rows) == 11
    assert all(text[start:end] == span for _, _, span, start, end, text in rows)  # code points, as Python slices
    assert ("d1", "PLACE", "دير الزور") in {(d, label, span) for d, label, span, *_ in rows}
    value = sql.execute(
        "SELECT json_extract(attrs, '$.value')::INT FROM read_parquet(?) WHERE label = 'CASUALTY' AND text = '54'",
        [str(out / "spans" / "*.parquet")],
    ).fetchone()
    assert value == (54,)
    slots = sql.execute(
        "SELECT e.type, sl.role, s.text FROM read_parquet(?) e JOIN read_parquet(?) sl USING (event_id) "
        "JOIN read_parquet(?) s ON s.span_id = sl.span_id ORDER BY sl.role, sl.position",
        [str(out / n / "*.parquet") for n in ("events", "event_slots", "spans")],
    ).fetchall()
    assert slots == [("ATTACK", "casualties", "54"), ("ATTACK", "place", "الباغوز فوقاني"), ("ATTACK", "place", "دير الزور")]
    assert sql.execute("SELECT event_id FROM read_parquet(?)", [str(out / "events" / "*.parquet")]).fetchall() == [
        (event_id,)
    ]


def test_every_column_is_a_plain_type_and_an_empty_table_keeps_its_columns(annotated: Project, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    export(annotated, ExportOptions(format="parquet"), out)
    events = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(out / "events" / "*.parquet")])
    assert events.fetchall() == [] and [c[0] for c in events.description][:4] == ["event_id", "doc_id", "coder", "type"]
    for table in ("documents", "spans", "events", "event_slots"):
        schema = pq.read_schema(next((out / table).glob("*.parquet")))
        assert {str(field.type) for field in schema} <= {"string", "int64"}, table
        assert all(field.metadata and field.metadata[b"description"] for field in schema)


def test_shards_hold_at_most_rows_per_shard_and_load_in_datasets(annotated: Project, tmp_path: Path) -> None:
    with_event(annotated)
    out = tmp_path / "tables"
    result = CliRunner().invoke(
        main, ["export", str(annotated.path), "--format", "parquet", "--rows-per-shard", "5", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    shards = sorted(p.name for p in (out / "spans").iterdir())
    assert shards == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [pq.read_metadata(out / "spans" / name).num_rows for name in shards] == [5, 5, 1]
    spans = datasets.load_dataset(
        "parquet", data_files=str(out / "spans" / "*.parquet"), split="train", cache_dir=str(tmp_path / "hf")
    )
    assert spans.num_rows == 11 and "دير الزور" in spans["text"]
    assert spans.features["start"].dtype == "int64"
    events = datasets.load_dataset(
        "parquet", data_files=str(out / "events" / "*.parquet"), split="train", cache_dir=str(tmp_path / "hf")
    )
    assert events.num_rows == 1 and events[0]["type"] == "ATTACK" and "slots" in events.column_names
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "`spans/`: one row per span; 11 row(s) in 3 shard(s) of at most 5 rows" in readme


def test_rows_per_shard_is_refused_for_other_formats_and_below_one(annotated: Project, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["export", str(annotated.path), "--format", "jsonl", "--rows-per-shard", "5",
                                  "--out", str(tmp_path / "x.jsonl")])
    assert (result.exit_code, result.stderr) == (1, "error: --rows-per-shard is for --format parquet\n")
    result = runner.invoke(main, ["export", str(annotated.path), "--format", "parquet", "--rows-per-shard", "0",
                                  "--out", str(tmp_path / "t")])
    assert (result.exit_code, result.stderr) == (1, "error: --rows-per-shard must be 1 or more, not 0\n")
