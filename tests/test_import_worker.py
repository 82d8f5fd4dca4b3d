"""A large import reads in worker processes: it must store exactly what the in-line import stores,
stop or skip at the same bad files, and report the same things."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import InputError, ValidationError
from annotator.importing import workers as import_worker
from annotator.importing.run import import_sources
from annotator.store.project import Project
from tests.conftest import ARTICLE

PLACE = "الباغوز فوقاني"


def record(number: int, *, label: str = "PLACE", span_id: str | None = None) -> dict:
    text = f"{ARTICLE}\nتقرير رقم {number} 😀 عن {PLACE} ({number})"
    start = text.index(PLACE)
    span = {"start": start, "end": start + len(PLACE), "label": label, "text": PLACE}
    casualty = {"start": text.index("54"), "end": text.index("54") + 2, "label": "CASUALTY",
                "attrs": {"value": 54, "status": "killed"}}
    if span_id:
        span["id"] = span_id
    return {"id": f"d{number}", "text": text, "meta": {"title": f"تقرير {number}"}, "spans": [span, casualty]}


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def contents(path: Path) -> dict:
    """What a coder would see of a project: documents, spans, duplicates, a search."""
    with Project.open(path, readonly=True) as project:
        docs = project.documents(limit=10_000)
        return {
            "documents": [(d.key, d.title, project.document(d.id).text) for d in docs],
            "spans": sorted(
                (project.document(a.doc_id).key, a.label, a.start, a.end, a.text, json.dumps(a.attrs, sort_keys=True),
                 a.coder, a.origin)
                for a in project.annotations()
            ),
            "duplicates": project.duplicates(),
            "search": [d.key for d in project.documents(search="بدير الزور", limit=10_000)],
            "history": len(project.history()),
        }


def import_both(tmp_path: Path, sources: list[Path], **options) -> tuple[dict, dict, object, object]:
    """Import ``sources`` in line and with workers into two fresh projects."""
    results = []
    for worker in (False, True):
        target = tmp_path / f"{'worker' if worker else 'inline'}.db"
        with Project.create(target, coder="amal") as project:
            try:
                outcome: object = import_sources(project, sources, worker=worker, **options).lines()
            except InputError as exc:
                outcome = str(exc)
        results.append((contents(target), outcome))
    (inline, inline_out), (worker, worker_out) = results
    return inline, worker, inline_out, worker_out


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pieces of three lines, so even a short file is cut in several and results must be put in order."""
    monkeypatch.setattr(import_worker, "_BATCH", 3)


@pytest.mark.parametrize("start", ["fork", "forkserver", "spawn"])
def test_workers_store_what_the_inline_import_stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: str) -> None:
    monkeypatch.setattr(import_worker, "_start_method", lambda: start)
    lines = [json.dumps(record(n), ensure_ascii=False) for n in range(20)]
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text("قصف على حلب 😀 وإدلب", encoding="utf-8")
    csv = tmp_path / "rows.csv"
    csv.write_text('id,title,text\nc1,أول,"غارة على الرقة"\nc2,ثان,"قصف على ٢٣ منزلاً"\n', encoding="utf-8")
    sources = [write_jsonl(tmp_path / "a.jsonl", lines), folder, csv]

    inline, worker, inline_report, worker_report = import_both(tmp_path, sources)

    assert worker == inline
    assert worker_report == inline_report
    assert len(inline["documents"]) == 24 and len(inline["spans"]) == 40
    assert inline["duplicates"], "the twenty near-identical reports are found as near-duplicates"


def test_a_broken_line_after_several_pieces_skips_the_file_whole(tmp_path: Path) -> None:
    lines = [json.dumps(record(n), ensure_ascii=False) for n in range(10)]
    lines[7] = '{"text": "نص مكسور'
    bad = write_jsonl(tmp_path / "bad.jsonl", lines)
    good = write_jsonl(tmp_path / "good.jsonl", [json.dumps(record(n), ensure_ascii=False) for n in range(50, 53)])

    inline, worker, inline_report, worker_report = import_both(tmp_path, [bad, good], skip_bad=True)

    assert worker == inline
    assert worker_report == inline_report
    assert [key for key, _, _ in worker["documents"]] == ["d50", "d51", "d52"]
    assert any(f"skipped {bad}" in line and "broken JSON" in line for line in worker_report)


def test_without_skip_bad_the_first_bad_line_stops_the_import_and_nothing_is_written(tmp_path: Path) -> None:
    lines = [json.dumps(record(n), ensure_ascii=False) for n in range(10)]
    lines[8] = "[1, 2]"
    bad = write_jsonl(tmp_path / "bad.jsonl", lines)

    inline, worker, inline_error, worker_error = import_both(tmp_path, [bad])

    assert worker_error == inline_error == f"{bad}, line 9: each line must be a JSON object (one document)"
    assert worker["documents"] == inline["documents"] == []


def test_a_span_the_writer_refuses_mid_file_skips_the_rest_of_that_file_only(tmp_path: Path) -> None:
    """The writer, not the reader, finds the unknown label: the file's later pieces, already read, are dropped."""
    lines = [json.dumps(record(n, label="WEAPON" if n == 4 else "PLACE"), ensure_ascii=False) for n in range(12)]
    bad = write_jsonl(tmp_path / "bad.jsonl", lines)
    good = write_jsonl(tmp_path / "good.jsonl", [json.dumps(record(99), ensure_ascii=False)])

    inline, worker, inline_report, worker_report = import_both(tmp_path, [bad, good], skip_bad=True)

    assert worker == inline
    assert worker_report == inline_report
    assert [key for key, _, _ in worker["documents"]] == ["d99"]
    assert any("line 5" in line and "unknown label 'WEAPON'" in line for line in worker_report)


def test_importing_the_same_file_again_adds_nothing_and_updates_spans_by_id(tmp_path: Path) -> None:
    lines = [json.dumps(record(n, span_id=f"00000000-0000-7000-8000-{n:012}"), ensure_ascii=False) for n in range(6)]
    source = write_jsonl(tmp_path / "a.jsonl", lines)
    target = tmp_path / "p.db"
    with Project.create(target, coder="amal") as project:
        first = import_sources(project, [source], worker=True)
        again = import_sources(project, [source], worker=True)
        moved = [record(n, span_id=f"00000000-0000-7000-8000-{n:012}") for n in range(6)]
        moved[2]["spans"][0]["attrs"] = {}
        moved[2]["spans"][0]["label"] = "ACTOR"
        changed = import_sources(
            project, [write_jsonl(tmp_path / "b.jsonl", [json.dumps(r, ensure_ascii=False) for r in moved])], worker=True
        )
        labels = {a.id: a.label for a in project.annotations()}

    assert (first.documents_added, first.spans_added) == (6, 12)
    assert (again.documents_added, again.documents_existing, again.spans_added, again.spans_unchanged) == (0, 6, 0, 12)
    assert (changed.spans_updated, changed.spans_unchanged, changed.spans_added) == (1, 11, 0)
    assert labels["00000000-0000-7000-8000-000000000002"] == "ACTOR"


def test_a_span_id_already_used_by_another_document_is_refused(tmp_path: Path) -> None:
    taken = "00000000-0000-7000-8000-000000000001"
    source = write_jsonl(tmp_path / "a.jsonl", [json.dumps(record(n, span_id=taken), ensure_ascii=False) for n in (1, 2)])

    inline, worker, inline_error, worker_error = import_both(tmp_path, [source])

    assert worker_error == inline_error
    assert f"an annotation with id {taken} already exists" in str(worker_error)
    assert worker["documents"] == []


def test_errors_cross_processes_with_their_file_and_line() -> None:
    for cls in (InputError, ValidationError):
        error = pickle.loads(pickle.dumps(cls("broken JSON", path="/data/x.jsonl", line=7)))
        assert type(error) is cls
        assert (error.problem, error.path, error.line) == ("broken JSON", "/data/x.jsonl", 7)
        assert str(error) == "/data/x.jsonl, line 7: broken JSON"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["good", "broken", "label", "blank"]), min_size=1, max_size=9),
       st.booleans())
def test_any_mix_of_good_and_bad_lines_ends_the_same_with_workers(tmp_path_factory, kinds: list[str], skip_bad: bool) -> None:
    tmp_path = tmp_path_factory.mktemp("mix")
    sources = []
    for file_number, chunk in enumerate((kinds[:5], kinds[5:])):
        if not chunk:
            continue
        lines = []
        for n, kind in enumerate(chunk):
            number = file_number * 100 + n
            if kind == "broken":
                lines.append('{"text": ')
            elif kind == "blank":
                lines.append("")
            else:
                lines.append(json.dumps(record(number, label="WEAPON" if kind == "label" else "PLACE"), ensure_ascii=False))
        sources.append(write_jsonl(tmp_path / f"f{file_number}.jsonl", lines))

    inline, worker, inline_out, worker_out = import_both(tmp_path, sources, skip_bad=skip_bad)

    assert worker == inline
    assert worker_out == inline_out


def test_workers_started_afresh_as_under_the_window_store_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window has Qt's threads, so its workers are new interpreters rather than forks."""
    monkeypatch.setattr(import_worker, "_start_method", lambda: "spawn")
    lines = [json.dumps(record(n), ensure_ascii=False) for n in range(7)]
    lines[5] = '{"text": 5}'

    inline, worker, inline_report, worker_report = import_both(
        tmp_path, [write_jsonl(tmp_path / "a.jsonl", lines), write_jsonl(tmp_path / "b.jsonl", lines[:2])], skip_bad=True
    )

    assert worker == inline
    assert worker_report == inline_report
    assert "line 6" in worker_report[-1]


def test_only_a_large_import_is_worth_the_workers(tmp_path: Path) -> None:
    small = write_jsonl(tmp_path / "small.jsonl", [json.dumps(record(1), ensure_ascii=False)])
    large = tmp_path / "large.jsonl"
    large.write_bytes(small.read_bytes() * (import_worker.WORKER_THRESHOLD_BYTES // small.stat().st_size + 1))

    assert not import_worker.worth_a_worker([(small, "jsonl")])
    assert import_worker.worth_a_worker([(large, "jsonl")])
    assert import_worker.worth_a_worker([(small, "jsonl"), (large, "jsonl"), (tmp_path / "gone.jsonl", "jsonl")])


def _die(unit: object) -> list:
    import os

    os._exit(9)  # as the kernel's out-of-memory killer would end it


def test_a_worker_that_dies_stops_the_import_with_a_message_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_worker, "_start_method", lambda: "fork")
    monkeypatch.setattr(import_worker, "_prepare_unit", _die)
    source = write_jsonl(tmp_path / "a.jsonl", [json.dumps(record(n), ensure_ascii=False) for n in range(9)])
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        with pytest.raises(import_worker.WorkerFailed, match="stopped unexpectedly"):
            import_sources(project, [source], worker=True, skip_bad=True)
        assert project.document_count() == 0


def test_a_report_lists_the_first_near_duplicates_and_counts_the_rest(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [json.dumps(record(n), ensure_ascii=False) for n in range(12)])
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        report = import_sources(project, [source])
    pairs = len(report.near_duplicates)
    lines = report.lines()
    assert pairs > 20
    assert sum(line.startswith("near-duplicate: ") for line in lines) == 20
    assert f"… and {pairs - 20} more near-duplicate pair(s)" in lines[21]
