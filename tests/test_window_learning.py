"""Marking a document done trains the recommender on a worker thread: the window stays usable
(no dialog blocks it), and the model lands in the project file for the next suggestions."""

from __future__ import annotations

from pathlib import Path

from learning_texts import MARKED, parse
from PySide6.QtWidgets import QApplication

from annotator.models import Status
from annotator.store.models_meta import read_model_stamp
from annotator.store.project import Project
from annotator.suggest.recommender import MODEL_KEY
from ui.coder.main_window import MainWindow
from ui.settings import Settings


def window_on(qtbot, folder: Path, done: int) -> MainWindow:
    project = Project.create(folder / "w.db", coder="amal")
    for number, item in enumerate(MARKED):
        text, spans = parse(item)
        doc, _, _ = project.add_document(text, key=f"d{number}")
        for label, start, end in spans:
            project.add_annotation(doc.id, label, start, end, text=text)
        if number < done:
            project.set_status(doc.id, Status.DONE)
    window = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_marking_done_trains_in_the_background(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path, done=len(MARKED) - 1)
    assert read_model_stamp(window.project, MODEL_KEY) is None
    window.session.open_document(window.project.document_by_key(f"d{len(MARKED) - 1}").id)
    with qtbot.waitSignal(window.learning.ended, timeout=20000) as ended:
        window.session.set_status(Status.DONE)
        assert window.learning.is_running()
        assert QApplication.activeModalWidget() is None  # nothing stands between the coder and the window
        window.session.set_status(flagged=True)  # the coder goes on meanwhile
    assert ended.args[0].trained and ended.args[0].documents == len(MARKED)
    stamp = read_model_stamp(window.project, MODEL_KEY)
    assert stamp is not None and stamp["documents"] == len(MARKED)
    # the "done" made during the run asked for one more, which finds nothing new to learn
    with qtbot.waitSignal(window.learning.ended, timeout=20000) as again:
        pass
    assert again.args[0].trained is False

    # no cue word before the village: after قرية the gazetteer would find it itself
    text, _ = parse("ونزحت عائلات من كفر الزعرور صباحا.")
    doc, _, _ = window.project.add_document(text, key="new")
    window.session.open_document(doc.id)
    window.suggestions.suggest()
    model = window.spans.source
    shown = {model.data(model.index(row, model.COLUMNS.index("text"))): model.data(model.index(row, 0))
             for row in range(model.rowCount())}
    assert shown["كفر الزعرور"].endswith("(learned)")  # the coder sees where it came from
    window.close()


def test_too_few_finished_documents_is_no_news(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path, done=0)
    window.session.open_document(window.project.document_by_key("d0").id)
    with qtbot.waitSignal(window.learning.ended, timeout=20000) as ended:
        window.session.set_status(Status.DONE)
    assert ended.args[0] == ""
    assert read_model_stamp(window.project, MODEL_KEY) is None
    assert window.statusBar().currentMessage() == ""
    window.close()
