"""Long operations report progress as they go and stop cleanly when the progress callback raises
Cancelled: an import, a merge or a project-wide suggest leaves the project as it was, an export
leaves no output."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotator.errors import Cancelled
from annotator.export import ExportOptions, export
from annotator.importing import run as import_run
from annotator.importing import workers as import_worker
from annotator.importing.run import import_sources
from annotator.lead.merge import merge_projects
from annotator.store.project import Project
from annotator.suggest.run import Suggesters, suggest_documents
from tests.conftest import ARTICLE

PLACE = "الباغوز فوقاني"


def record(number: int) -> dict:
    text = f"{ARTICLE}\nتقرير رقم {number} عن {PLACE} ({number})"
    start = text.index(PLACE)
    return {"id": f"d{number}", "text": text, "meta": {"title": f"تقرير {number}"},
            "spans": [{"start": start, "end": start + len(PLACE), "label": "PLACE"}]}


def write_jsonl(path: Path, numbers: range) -> Path:
    path.write_text("".join(json.dumps(record(n), ensure_ascii=False) + "\n" for n in numbers), encoding="utf-8")
    return path


def state(path: Path) -> dict:
    """What the file holds, as a coder would see it, and its history."""
    with Project.open(path, readonly=True) as project:
        return {
            "documents": [(d.key, project.document(d.id).text) for d in project.documents(limit=10_000)],
            "spans": sorted((a.id, a.label, a.start, a.end, a.origin) for a in project.annotations()),
            "history": len(project.history()),
            "meta": project.meta(),
        }


class Recorder:
    """A progress callback that records its calls and raises Cancelled at the ``stop_at``-th."""

    def __init__(self, stop_at: int | None = None):
        self.calls: list[tuple[int, ...]] = []
        self.stop_at = stop_at

    def __call__(self, done: int, total: int, *_: object) -> None:
        self.calls.append((done, total))
        if self.stop_at is not None and len(self.calls) >= self.stop_at:
            raise Cancelled("cancelled")

    def assert_monotonic(self) -> None:
        done = [call[0] for call in self.calls]
        assert done == sorted(done)
        assert all(d <= t for d, t in self.calls)


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A project with one document and a span already: a cancelled import must leave them alone."""
    path = tmp_path / "p.db"
    with Project.create(path, coder="amal") as project:
        doc, _, _ = project.add_document(ARTICLE, key="old", title="قديم")
        start = ARTICLE.index("الباغوز")
        project.add_annotation(doc.id, "PLACE", start, start + len("الباغوز"))
    return path


# --- import ---------------------------------------------------------------------------------


@pytest.mark.parametrize("worker", [False, True])
def test_an_import_reports_progress_in_order_up_to_the_end(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, worker: bool
) -> None:
    monkeypatch.setattr(import_run, "PROGRESS_EVERY", 3)
    sources = [write_jsonl(tmp_path / "a.jsonl", range(10)), write_jsonl(tmp_path / "b.jsonl", range(10, 17))]
    progress = Recorder()
    with Project.open(filled) as project:
        import_sources(project, list(sources), progress=progress, worker=worker)
    progress.assert_monotonic()
    assert progress.calls[0] == (0, 2) and progress.calls[-1] == (2, 2)
    assert progress.calls.count((0, 2)) > 3, "reports come within a file, not only between files"
    assert len(state(filled)["documents"]) == 18


@pytest.mark.parametrize("worker", [False, True])
@pytest.mark.parametrize("skip_bad", [False, True])
def test_a_cancelled_import_leaves_the_project_as_it_was(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, worker: bool, skip_bad: bool
) -> None:
    """Cancelled inside the second file, after the first was stored: nothing stays, and
    ``skip_bad`` does not take the cancel for a bad file to skip."""
    monkeypatch.setattr(import_run, "PROGRESS_EVERY", 2)
    sources = [write_jsonl(tmp_path / "a.jsonl", range(5)), write_jsonl(tmp_path / "b.jsonl", range(5, 12))]
    before = state(filled)
    progress = Recorder(stop_at=6)
    with Project.open(filled) as project:
        with pytest.raises(Cancelled):
            import_sources(project, list(sources), progress=progress, worker=worker, skip_bad=skip_bad)
        assert project.document_count() == 1
        project.add_document("خبر بعد الإلغاء", key="after")  # the project is writable again at once
    assert progress.calls[-1][0] == 1, "it stopped inside the second file"
    after = state(filled)
    assert after["documents"] == [*before["documents"], ("after", "خبر بعد الإلغاء")]
    assert after["spans"] == before["spans"]


# --- merge ----------------------------------------------------------------------------------


def coder_file(path: Path, coder: str, numbers: range) -> Path:
    with Project.create(path, coder=coder) as project:
        for number in numbers:
            text = record(number)["text"]
            doc, _, _ = project.add_document(text, key=f"d{number}")
            project.add_annotation(doc.id, "PLACE", text.index(PLACE), text.index(PLACE) + len(PLACE))
            project.set_status(doc.id, "done")
    return path


def test_a_merge_reports_each_document_and_a_cancelled_one_writes_no_file(tmp_path: Path) -> None:
    sources = [coder_file(tmp_path / "amal.db", "amal", range(4)), coder_file(tmp_path / "omar.db", "omar", range(2, 6))]
    out = tmp_path / "merged.db"
    progress = Recorder(stop_at=6)
    with pytest.raises(Cancelled):
        merge_projects(out, sources, progress=progress)
    assert progress.calls == [(n, 8) for n in range(1, 7)]
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if "merged" in p.name] == [], "nor its hidden work folder"

    merge_projects(out, sources[:1])
    before = state(out)
    with pytest.raises(Cancelled):
        merge_projects(out, sources, progress=Recorder(stop_at=6))
    assert state(out) == before, "a merge into an existing project is rolled back whole"


# --- export ---------------------------------------------------------------------------------


@pytest.fixture
def many(tmp_path: Path) -> Path:
    path = tmp_path / "many.db"
    with Project.create(path, coder="amal") as project:
        import_sources(project, [write_jsonl(tmp_path / "many.jsonl", range(300))])
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "conll", "brat", "html"])
def test_an_export_reports_its_documents_and_a_cancelled_one_leaves_no_output(
    many: Path, tmp_path: Path, fmt: str
) -> None:
    options = ExportOptions(format=fmt, status="all")
    target = tmp_path / f"out-{fmt}"
    progress = Recorder()
    with Project.open(many, readonly=True) as project:
        result = export(project, options, target, progress=progress)
    progress.assert_monotonic()
    assert progress.calls[-1] == (300, 300) and result.documents == 300
    assert len(progress.calls) > 2, "reads in between report too, so a long export can be stopped"

    stopped = tmp_path / f"stopped-{fmt}"
    stop_while_writing = Recorder(stop_at=progress.calls.index((0, 300)) + 2)
    with Project.open(many, readonly=True) as project, pytest.raises(Cancelled):
        export(project, options, stopped, progress=stop_while_writing)
    assert stop_while_writing.calls[-1] == (0, 300), "stopped while the writer read, not at the end"
    assert not stopped.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".", "stopped"))) == []


def test_an_error_in_the_progress_callback_is_not_lost_in_sqlite(many: Path, tmp_path: Path) -> None:
    calls = [0]

    def broken(done: int, total: int) -> None:
        calls[0] += 1
        if calls[0] == 3:
            raise KeyError("a bug in the caller")

    with Project.open(many, readonly=True) as project, pytest.raises(KeyError, match="a bug in the caller"):
        export(project, ExportOptions(format="jsonl", status="all"), tmp_path / "x.jsonl", progress=broken)
    assert not (tmp_path / "x.jsonl").exists()


# --- suggest --------------------------------------------------------------------------------


def test_a_cancelled_suggest_over_the_project_stores_no_suggestion(many: Path) -> None:
    with Project.open(many) as project:
        suggesters = Suggesters.for_project(project)
        before = len(project.annotations(include_suggestions=True))
        progress = Recorder(stop_at=150)
        with pytest.raises(Cancelled):
            suggest_documents(project, suggesters=suggesters, progress=progress)
        assert len(project.annotations(include_suggestions=True)) == before
        progress.assert_monotonic()
        assert progress.calls[-1] == (149, 300)

        progress = Recorder()
        report = suggest_documents(project, project.document_ids()[:20], suggesters, progress=progress)
        assert progress.calls == [(n, 20) for n in range(21)]
        assert report.total > 0


# --- how import workers start ---------------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="elsewhere workers are always spawned")
def test_workers_fork_only_from_a_process_with_one_thread() -> None:
    """A fact of the process, not of the toolkit it loaded: forking copies other threads' locks."""
    alone = subprocess.run(
        [sys.executable, "-c", "from annotator.importing.workers import _start_method; print(_start_method())"],
        capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent,
    )
    assert alone.stdout.strip() == "fork"
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert import_worker._start_method() == "forkserver"  # noqa: SLF001 - the choice itself
    finally:
        release.set()
        other.join()
