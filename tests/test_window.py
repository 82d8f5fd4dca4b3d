"""The coder's window, driven through real widgets; assertions on what the project file holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from coder_window import shown_coder_window
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QRadioButton, QSpinBox

from annotator.store.project import Project
from ui.coder.main_window import MainWindow
from ui.settings import Settings
from ui.widgets.zoom import MAX_FONT, MIN_FONT

TEXT = "قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني 😀 بدير الزور، وأصيب ٢٣ آخرون."


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = shown_coder_window(qtbot, tmp_path, TEXT, "غارة")
    yield win
    win.close()


def reopen(window: MainWindow) -> Project:
    return Project.open(window.project.path, readonly=True)


def spans_in_file(window: MainWindow) -> list[tuple[str, str]]:
    with reopen(window) as project:
        return [(a.label, a.text) for a in project.annotations()]


def select(window: MainWindow, word: str, length: int | None = None) -> None:
    start = TEXT.index(word)
    window.view.select_text(start, start + (length if length is not None else len(word)))


def test_tagging_from_the_keyboard(qtbot, window: MainWindow) -> None:
    select(window, "الباغوز فوقاني")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    select(window, "54")
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # the third label by position: CASUALTY
    assert spans_in_file(window) == [("CASUALTY", "54"), ("PLACE", "الباغوز فوقاني")]
    assert window.spans.source.rowCount() == 2


def test_a_half_selected_word_snaps_to_the_whole_word(qtbot, window: MainWindow) -> None:
    start = TEXT.index("اغوز")
    window.view.select_text(start, start + 3)
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert spans_in_file(window) == [("PLACE", "الباغوز")]


def test_keyboard_selection_with_shift_arrows(qtbot, window: MainWindow) -> None:
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.offsets.to_qt(TEXT.index("شخصاً")))
    window.view.setTextCursor(cursor)
    # In a right-to-left line, Shift+Left extends the selection to the next word in reading order.
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    start, end = window.view.selection()
    assert TEXT[start:end].strip() == "شخصاً"
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert spans_in_file(window) == [("ACTOR", "شخصاً")]


def test_tagging_with_a_mouse_made_selection(qtbot, window: MainWindow) -> None:
    view = window.view
    start, end = TEXT.index("الباغوز"), TEXT.index("الباغوز") + len("الباغوز")
    first = QTextCursor(view.document())
    first.setPosition(view.offsets.to_qt(start) + 1)
    last = QTextCursor(view.document())
    last.setPosition(view.offsets.to_qt(end) - 1)
    a, b = view.cursorRect(first).center(), view.cursorRect(last).center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)
    assert view.textCursor().hasSelection()
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert spans_in_file(window) == [("PLACE", "الباغوز")]


def test_an_emoji_before_a_span_does_not_shift_it(qtbot, window: MainWindow) -> None:
    select(window, "بدير الزور")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    with reopen(window) as project:
        (annotation,) = project.annotations()
    assert (annotation.start, annotation.end) == (TEXT.index("بدير"), TEXT.index("بدير") + len("بدير الزور"))
    # The view's own positions are UTF-16: one more than the code point offset after the emoji.
    assert window.view.offsets.to_qt(annotation.start) == annotation.start + 1


def test_undo_and_redo_are_committed(qtbot, window: MainWindow) -> None:
    select(window, "الباغوز")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    select(window, "54")
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert spans_in_file(window) == [("PLACE", "الباغوز")]
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert spans_in_file(window) == [("CASUALTY", "54"), ("PLACE", "الباغوز")]
    assert window.spans.source.rowCount() == 2


def test_selected_span_keys_delete_resize_relabel_and_tab(qtbot, window: MainWindow) -> None:
    select(window, "الباغوز")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    qtbot.keyClick(window.view, Qt.Key.Key_E)  # grow the end by a word
    assert spans_in_file(window) == [("PLACE", "الباغوز فوقاني")]
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ShiftModifier)
    assert spans_in_file(window) == [("PLACE", "الباغوز")]
    qtbot.keyClick(window.view, Qt.Key.Key_A)  # a label key on a selected span relabels it
    assert spans_in_file(window) == [("ACTOR", "الباغوز")]
    select(window, "54")
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.session.selected is not None and window.session.selected.text == "الباغوز"
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert spans_in_file(window) == [("CASUALTY", "54")]


def test_proclitic_key_leaves_the_waw_out_and_back(qtbot, window: MainWindow) -> None:
    select(window, "بدير")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert spans_in_file(window) == [("PLACE", "بدير")]
    qtbot.keyClick(window.view, Qt.Key.Key_K)
    assert spans_in_file(window) == [("PLACE", "دير")]
    qtbot.keyClick(window.view, Qt.Key.Key_K)
    assert spans_in_file(window) == [("PLACE", "بدير")]


def test_a_known_name_loses_its_proclitic_by_itself(qtbot, window: MainWindow) -> None:
    select(window, "الباغوز")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    window.session.open_document(window.project.document_by_key("b").id)
    window.project.add_document("وقصفت الطائرات والباغوز أمس.", key="c")
    window.session.open_document(window.project.document_by_key("c").id)
    text = window.session.document.text
    window.view.select_text(text.index("والباغوز"), text.index("والباغوز") + 8)
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert ("PLACE", "الباغوز") in spans_in_file(window)
    assert ("PLACE", "والباغوز") not in spans_in_file(window)


def test_a_casualty_figure_is_prefilled_from_the_text(qtbot, window: MainWindow) -> None:
    select(window, "54")
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    with reopen(window) as project:
        attrs = project.annotations()[0].attrs
    assert attrs["value"] == 54 and attrs["status"] == "killed"
    select(window, "٢٣")  # Arabic-Indic digits, after وأصيب
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    with reopen(window) as project:
        by_text = {a.text: a.attrs for a in project.annotations()}
    assert by_text["٢٣"]["value"] == 23 and by_text["٢٣"]["status"] == "injured"


def test_attribute_form_edits_are_stored_and_undoable(qtbot, window: MainWindow) -> None:
    select(window, "54")
    qtbot.keyClick(window.view, Qt.Key.Key_C)
    form = window.form
    assert form.missing.text() == ""  # value and status came from the text
    button = next(b for b in form.findChildren(QRadioButton) if b.property("choice") == "injured")
    qtbot.waitUntil(button.isVisible)  # fields made for a new label are shown by the next event loop turn
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    spin = form.findChildren(QSpinBox)[0]
    spin.setValue(50)
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # a number is committed on Enter or leaving the box
    with reopen(window) as project:
        attrs = project.annotations()[0].attrs
    assert attrs["status"] == "injured" and attrs["value"] == 50
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a second press on the choice unsets it
    assert "status" in form.missing.text()
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    with reopen(window) as project:
        attrs = project.annotations()[0].attrs
    assert attrs["status"] == "injured" and attrs["value"] == 54


def test_document_navigation_and_status(qtbot, window: MainWindow) -> None:
    assert window.session.document.key == "a"
    with reopen(window) as project:
        assert project.status(window.session.document.id).status == "in_progress"
    window.actions.done.trigger()
    assert window.session.document.key == "b"
    with reopen(window) as project:
        assert project.status(project.document_by_key("a").id).status == "done"
    assert "done 1 / 2" in window.progress.text()
    window.actions.previous.trigger()
    assert window.session.document.key == "a"


def test_comment_and_flag_are_kept_per_document(qtbot, window: MainWindow) -> None:
    window.panel.comment.setPlainText("الرقم غير واضح")
    window.actions.next.trigger()  # leaving the document saves the comment on it, not on the next
    window.actions.flag.trigger()
    with reopen(window) as project:
        a, b = project.document_by_key("a"), project.document_by_key("b")
        assert project.status(a.id).comment == "الرقم غير واضح"
        assert project.status(b.id).comment == ""
        assert project.status(b.id).flagged


def test_search_box_filters_the_queue(qtbot, window: MainWindow) -> None:
    window.queue.search_box.setText("وزاره")  # teh marbuta and heh are one letter to search
    qtbot.waitUntil(lambda: window.queue.model.rowCount() == 1)
    assert window.queue.model.rows[0].key == "b"


def test_clicking_a_span_selects_it(qtbot, window: MainWindow) -> None:
    select(window, "الباغوز")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.session.selected is None
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(window.view.offsets.to_qt(TEXT.index("الباغوز") + 3))
    point: QPoint = window.view.cursorRect(cursor).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.selected is not None and window.session.selected.text == "الباغوز"
    assert window.spans.currentIndex().isValid()


def test_opening_a_bad_file_shows_one_clear_message(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    from ui.coder import dialogs

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    bad = tmp_path / "notes.db"
    bad.write_text("not a database", encoding="utf-8")
    dialogs.open_path(window, bad)
    assert shown == [f"{bad}: not a project file (not a SQLite database)"]
    assert window.isVisible()


def test_everything_is_there_after_closing_and_reopening(qtbot, window: MainWindow, tmp_path: Path) -> None:
    select(window, "الباغوز")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    path = window.project.path
    window.close()
    with Project.open(path) as project:
        assert [(a.label, a.text) for a in project.annotations()] == [("PLACE", "الباغوز")]
        again = MainWindow(project, Settings())
        qtbot.addWidget(again)
        assert again.spans.source.rowCount() == 1
        again.close()


def test_restoring_a_backup_from_the_window(qtbot, window: MainWindow, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from annotator.store.backups import make_backup
    from ui.coder import dialogs

    make_backup(window.project.conn, window.project.path, "manual")
    select(window, "الباغوز")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][0], True))
    dialogs.restore_backup(window)
    assert spans_in_file(window) == []
    assert window.spans.source.rowCount() == 0
    assert [b.reason for b in window.project.backups()][0] == "before-restore"


def test_save_a_copy(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ui.coder import dialogs

    select(window, "الباغوز")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    target = tmp_path / "usb" / "copy.db"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialogs.save_copy(window)
    with Project.open(target, readonly=True) as copy:
        assert [(a.label, a.text) for a in copy.annotations()] == [("PLACE", "الباغوز")]


def test_zoom_with_ctrl_keys_and_ctrl_wheel_stays_within_limits(qtbot, window: MainWindow) -> None:
    view = window.view
    sizes: list[int] = []
    view.zoom_changed.connect(sizes.append)
    start = view.font().pointSize()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSize() == start + 1
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.font().pointSize() == start

    def wheel(delta: int) -> None:
        centre = QPointF(view.viewport().rect().center())
        event = QWheelEvent(centre, QPointF(view.mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, delta),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(view.viewport(), event)

    wheel(120)
    assert view.font().pointSize() == start + 1
    for _ in range(MAX_FONT):
        view.zoom(1)
    assert view.font().pointSize() == MAX_FONT
    for _ in range(MAX_FONT):
        view.zoom(-1)
    assert view.font().pointSize() == MIN_FONT
    assert sizes[:3] == [start + 1, start, start + 1] and sizes[-1] == MIN_FONT


def test_a_large_import_from_the_window_reads_in_workers_and_shows_the_report(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """Half a megabyte and up is read by worker processes, forked from a clean server since Qt's
    threads are about; a bad line leaves its file out whole, and the report says where."""
    import json

    from annotator.importing import workers as import_worker
    from ui.coder import dialogs

    lines = [json.dumps({"id": f"n{n}", "text": f"{TEXT} رقم {n} " + "كلمة " * 300,
                         "spans": [{"start": TEXT.index("54"), "end": TEXT.index("54") + 2, "label": "CASUALTY",
                                    "attrs": {"value": 54}}]}, ensure_ascii=False) for n in range(300)]
    lines[150] = '{"text": '
    source = tmp_path / "archive.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert import_worker.worth_a_worker([(source, "jsonl")])
    started = []
    original = import_worker.events_from_workers
    monkeypatch.setattr("annotator.importing.run.events_from_workers",
                        lambda *args: (started.append(import_worker._start_method()), original(*args))[1])
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))

    with qtbot.waitSignal(dialogs.run_import(window, [source]).finished, timeout=60_000):
        pass

    assert started == ["forkserver"]
    assert shown and f"skipped {source}: line 151: broken JSON" in shown[0]
    assert window.project.document_count() == 2  # the bad file is left out whole
