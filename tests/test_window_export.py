"""File > Export in the window: every format, a file or a folder, notes shown to the lead."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from annotator.store.project import Project
from ui.coder import dialogs
from ui.coder.export_dialog import ExportDialog
from ui.coder.main_window import MainWindow
from ui.settings import Settings

TEXT = "قُتِلَ 54 شخصاً في غارة على والباغوز بدير الزور 😀."


@pytest.fixture
def window(qtbot, tmp_path: Path):
    project = Project.create(tmp_path / "w.db", coder="amal")
    doc, _, _ = project.add_document(TEXT, key="a")
    start = TEXT.index("الباغوز")
    project.add_annotation(doc.id, "PLACE", start, start + len("الباغوز"))
    project.add_annotation(doc.id, "CASUALTY", 7, 9, attrs={"value": 54, "status": "killed"})
    project.set_status(doc.id, "done")
    win = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(win)
    yield win
    win.close()


def run_export(qtbot, window: MainWindow, monkeypatch, target: Path, **fields: object) -> list[str]:
    shown: list[str] = []

    def fill(dialog: ExportDialog) -> int:
        dialog.format.setCurrentIndex(dialog.format.findData(fields.get("format", "jsonl")))
        dialog.split.setText(str(fields.get("split", "")))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fill)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append("warning: " + text))
    task = dialogs.export_project(window)
    assert task is not None
    with qtbot.waitSignal(task.finished):
        pass
    return shown


def test_jsonl_from_the_window(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    shown = run_export(qtbot, window, monkeypatch, tmp_path / "out.jsonl", format="jsonl")
    assert shown[0].startswith("Wrote 1 document(s) to")
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert sorted(s["text"] for s in record["spans"]) == ["54", "الباغوز"]


def test_conll_notes_reach_the_lead(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    shown = run_export(qtbot, window, monkeypatch, tmp_path / "out.conll", format="conll")
    assert "و|الباغوز" in shown[0]  # the token cut at the span edge is reported
    assert "B-PLACE" in (tmp_path / "out.conll").read_text(encoding="utf-8")


def test_a_folder_format_and_a_split(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    run_export(qtbot, window, monkeypatch, tmp_path / "hf", format="hf", split="100,0,0")
    assert (tmp_path / "hf").is_dir() and any((tmp_path / "hf").iterdir())
    run_export(qtbot, window, monkeypatch, tmp_path / "brat", format="brat")
    assert any(p.suffix == ".ann" for p in (tmp_path / "brat").rglob("*"))


def test_html_report(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    run_export(qtbot, window, monkeypatch, tmp_path / "report.html", format="html")
    assert 'dir="rtl"' in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_a_bad_option_is_a_dialog_not_a_crash(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    shown = run_export(qtbot, window, monkeypatch, tmp_path / "x.jsonl", format="jsonl", split="80,oops")
    assert shown and shown[0].startswith("warning: ")
    assert not (tmp_path / "x.jsonl").exists()


def test_the_dialog_offers_a_folder_name_for_folder_formats(window: MainWindow) -> None:
    dialog = ExportDialog(window.project, window)
    dialog.format.setCurrentIndex(dialog.format.findData("brat"))
    assert dialog.suggested_target(dialog.options()).endswith("w-brat")
    dialog.format.setCurrentIndex(dialog.format.findData("conll"))
    assert dialog.suggested_target(dialog.options()).endswith("w-conll.conll")


def test_a_cancelled_export_writes_nothing(qtbot, window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    """The export runs on a worker thread; held there, it is cancelled from its dialog's button."""
    import threading

    from PySide6.QtCore import Qt

    reached, opened = threading.Event(), threading.Event()
    original = dialogs.export

    def held(*args, **kwargs):
        reached.set()
        assert opened.wait(timeout=60)
        return original(*args, **kwargs)

    monkeypatch.setattr(dialogs, "export", held)
    monkeypatch.setattr(ExportDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    target = tmp_path / "out.jsonl"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    task = dialogs.export_project(window)
    assert task is not None
    qtbot.waitUntil(reached.is_set)
    qtbot.mouseClick(task.dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(task.finished):
        opened.set()
    assert shown == [] and not target.exists()
    assert list(tmp_path.glob(".out*")) == []
    assert window.statusBar().currentMessage() == "Export cancelled: nothing was written."
