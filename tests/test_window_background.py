"""Long work runs beside the window: it keeps answering while an import runs, a cancel leaves
the project as it was, errors come back as messages, and a merge opens its result."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from coder_window import shown_coder_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.importing import run as import_run
from annotator.store.project import Project
from ui.coder import dialogs
from ui.coder.main_window import MainWindow
from ui.lead import dialogs as lead_dialogs
from ui.lead.window import AdjudicationWindow

TEXT = "قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني 😀 بدير الزور، وأصيب ٢٣ آخرون."
PLACE = "الباغوز فوقاني"


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = shown_coder_window(qtbot, tmp_path, TEXT, "غارة")
    yield win
    win.close()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window tells the coder in message boxes, recorded instead of shown."""
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append(box.text()))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: seen.append("warning: " + text))
    return seen


def articles(tmp_path: Path, name: str, count: int) -> Path:
    path = tmp_path / name
    lines = [json.dumps({"id": f"{name}-{n}", "text": f"{TEXT} رقم {n}"}, ensure_ascii=False) for n in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def keys_in_file(window: MainWindow) -> list[str]:
    with Project.open(window.project.path, readonly=True) as project:
        return [d.key for d in project.documents(limit=1000)]


class Gate:
    """Holds the import inside the core, at its first stored document, until the test opens it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.reached = threading.Event()
        self.opened = threading.Event()
        self.thread: threading.Thread | None = None
        original = import_run._store  # noqa: SLF001 - the one place every imported document passes

        def store(*args: object) -> None:
            if not self.reached.is_set():
                self.thread = threading.current_thread()
                self.reached.set()
                assert self.opened.wait(timeout=60), "the test never let the import go on"
            original(*args)

        monkeypatch.setattr(import_run, "_store", store)


def test_the_window_answers_while_an_import_runs_and_a_cancel_leaves_nothing(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    gate = Gate(monkeypatch)
    before = keys_in_file(window)

    task = dialogs.run_import(window, [articles(tmp_path, "a.jsonl", 5), articles(tmp_path, "b.jsonl", 5)])
    qtbot.waitUntil(gate.reached.is_set)
    assert gate.thread is not threading.main_thread(), "the core runs off the GUI thread"

    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))  # the event loop turns while the import is held
    assert window.project.document_count() == 2  # and the window reads its project meanwhile
    qtbot.waitUntil(task.dialog.isVisible)
    qtbot.keyClick(task.dialog, Qt.Key.Key_Escape)  # a key press, handled while the import runs
    assert task.dialog.cancelling and task.is_running()
    assert task.dialog.label.text() == "Cancelling…"

    with qtbot.waitSignal(task.finished, timeout=30_000):
        gate.opened.set()

    assert keys_in_file(window) == before
    assert shown == [], "a cancel is no error and has no report"
    assert "cancelled" in window.statusBar().currentMessage()


def test_an_import_in_the_background_shows_its_documents_and_report(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    monkeypatch.setattr(import_run, "PROGRESS_EVERY", 2)
    steps: list[tuple[int, int]] = []
    task = dialogs.run_import(window, [articles(tmp_path, "a.jsonl", 7)])
    task.dialog.bar.valueChanged.connect(lambda value: steps.append((value, task.dialog.bar.maximum())))
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass

    assert shown and shown[0].startswith("7 document(s) added, 0 already in the project")
    assert window.queue.model.rowCount() == 9
    assert keys_in_file(window)[2:] == [f"a.jsonl-{n}" for n in range(7)]
    assert [value for value, _ in steps] == sorted(value for value, _ in steps)


def test_an_error_in_the_worker_is_a_message_and_the_window_stays_usable(
    qtbot, window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    task = dialogs.run_import(window, [tmp_path / "missing.jsonl"])
    with qtbot.waitSignal(task.finished):
        pass
    assert shown == [f"warning: {tmp_path / 'missing.jsonl'}: no such file or folder"]

    start = TEXT.index(PLACE)
    window.view.setFocus()
    window.view.select_text(start, start + len(PLACE))
    qtbot.keyClick(window.view, Qt.Key.Key_P)  # the window's connection writes as before
    with Project.open(window.project.path, readonly=True) as project:
        assert [(a.label, a.text) for a in project.annotations()] == [("PLACE", PLACE)]


def test_a_bug_in_the_worker_is_raised_on_the_gui_thread_not_swallowed(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    def broken(*_args: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(import_run, "_store", broken)
    with qtbot.captureExceptions() as raised:
        task = dialogs.run_import(window, [articles(tmp_path, "a.jsonl", 2)])
        with qtbot.waitSignal(task.finished):
            pass
    assert [type(exc) for _, exc, _ in raised] == [ZeroDivisionError]
    assert shown == []
    assert keys_in_file(window) == ["a", "b"]


def test_an_error_the_import_meets_midway_rolls_back_and_is_shown(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    calls = [0]
    original = import_run._store  # noqa: SLF001

    def fails_third(*args: object) -> None:
        calls[0] += 1
        if calls[0] == 3:
            raise import_run.WorkerFailed("a process reading the import stopped unexpectedly")
        original(*args)

    monkeypatch.setattr(import_run, "_store", fails_third)
    task = dialogs.run_import(window, [articles(tmp_path, "a.jsonl", 5)])
    with qtbot.waitSignal(task.finished):
        pass
    assert shown == ["warning: a process reading the import stopped unexpectedly"]
    assert keys_in_file(window) == ["a", "b"]


# --- merge ------------------------------------------------------------------------------------


def coder_file(path: Path, coder: str) -> Path:
    with Project.create(path, coder=coder) as project:
        doc, _, _ = project.add_document(TEXT, key="a")
        start = TEXT.index(PLACE)
        project.add_annotation(doc.id, "PLACE", start, start + len(PLACE) if coder == "amal" else start + 7)
        project.set_status(doc.id, "done")
    return path


def test_a_merge_runs_in_the_background_and_its_result_opens_for_adjudication(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.app

    folder = tmp_path / "coders"
    folder.mkdir()
    sources = [str(coder_file(folder / "amal.db", "amal")), str(coder_file(folder / "omar.db", "omar"))]
    out = folder / "merged.db"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (sources, ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text: (asked.append(text), QMessageBox.StandardButton.Yes)[1]
    )

    task = lead_dialogs.merge_coder_files(window)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass

    assert "coder layers amal, omar" in asked[0]
    merged = [w for w in ui.app._windows if w.project.path == out]  # noqa: SLF001 - the app's registry of windows
    try:
        assert len(merged) == 1
        assert merged[0].findChild(AdjudicationWindow) is not None
        qtbot.waitUntil(lambda: not window.isVisible())
    finally:
        for opened in merged:
            opened.close()
            ui.app._windows.remove(opened)  # noqa: SLF001


def test_quitting_mid_import_cancels_it_and_waits_for_it(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    from ui import tasks

    gate = Gate(monkeypatch)
    task = dialogs.run_import(window, [articles(tmp_path, "a.jsonl", 5), articles(tmp_path, "b.jsonl", 5)])
    qtbot.waitUntil(gate.reached.is_set)
    cancel = task.cancel
    task.cancel = lambda: (cancel(), gate.opened.set())  # the import goes on once asked to stop, not before
    with qtbot.waitSignal(task.finished):
        tasks.stop_all()  # what the application's aboutToQuit runs
        assert not task._thread.isRunning()  # noqa: SLF001 - it waited for the worker
    assert keys_in_file(window) == ["a", "b"]
    assert shown == []


def test_an_import_that_adds_spans_to_the_open_document_shows_them(
    qtbot, window: MainWindow, tmp_path: Path, shown: list[str]
) -> None:
    start = TEXT.index(PLACE)
    window.view.select_text(start, start + len(PLACE))
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert window.session.undo_stack.canUndo()
    figure = TEXT.index("54")
    record = {"text": TEXT, "spans": [{"start": figure, "end": figure + 2, "label": "CASUALTY", "attrs": {"value": 54}}]}
    source = tmp_path / "more.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    task = dialogs.run_import(window, [source])
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass

    assert shown and shown[0].startswith("0 document(s) added, 1 already in the project; 1 span(s) added")
    assert sorted(a.text for a in window.session.spans.values()) == ["54", PLACE]
    assert not window.session.undo_stack.canUndo(), "an undo step made before the import cannot replay over it"
