"""Keys from one table per window: menus, article keys, help, welcome and Preferences agree;
and the lists and articles the two windows share behave alike.

Driven through the real windows; the user's keys go through the settings file
as Preferences saves them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QGuiApplication, QHelpEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QToolTip
from test_merge import build_coder_file

import ui.coder.dialogs
import ui.coder.preferences
from annotator.lead import adjudication
from annotator.lead.merge import merge_projects
from annotator.store.project import Project
from ui.coder.keys import CODER_KEYS
from ui.coder.main_window import MainWindow
from ui.keymap import VIEW, WINDOW, Keymap
from ui.lead.dialogs import lead_window
from ui.lead.keys import LEAD_KEYS
from ui.lead.window import AdjudicationWindow
from ui.settings import Settings, load_settings, save_settings, settings_path
from ui.widgets.key_editor import KeyEditor

TEXT = "قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني بدير الزور."
STATEMENT = "وقالت وزارة الدفاع إن ثمانية عناصر قتلوا."
UI = Path(__file__).resolve().parent.parent / "ui"
KEY_MODULES = {UI / "keymap.py", UI / "coder" / "keys.py", UI / "lead" / "keys.py"}


@pytest.fixture(autouse=True)
def _default_keys(qapp) -> Iterator[None]:
    """The keymaps are shared by every window of a kind: leave them as the next test expects."""
    yield
    CODER_KEYS.set_overrides({})
    LEAD_KEYS.set_overrides({})


def open_window(qtbot, path: Path, settings: Settings) -> MainWindow:
    window = MainWindow(Project.open(path), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.view.setFocus()
    return window


@pytest.fixture
def coder_file(tmp_path: Path) -> Path:
    with Project.create(tmp_path / "coder.db", coder="amal") as project:
        project.add_document(TEXT, key="a", title="غارة")
        project.add_document(STATEMENT, key="b", title="بيان")
    return tmp_path / "coder.db"


@pytest.fixture
def window(qtbot, coder_file: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, coder_file, Settings(auto_suggest=False))
    yield win
    win.close()


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    spans = {TEXT: ("done", [("54", "CASUALTY", {"value": 54}), ("الباغوز فوقاني", "PLACE", {})])}
    other = {TEXT: ("done", [("54", "CASUALTY", {"value": 54}), ("بدير الزور", "PLACE", {})])}
    files = [build_coder_file(tmp_path / "amal.db", "amal", spans), build_coder_file(tmp_path / "omar.db", "omar", other)]
    merge_projects(tmp_path / "merged.db", files)
    return tmp_path / "merged.db"


@pytest.fixture
def lead(qtbot, merged: Path) -> Iterator[AdjudicationWindow]:
    project = Project.open(merged)
    window = AdjudicationWindow(project, Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.view.setFocus()
    yield window
    project.close()


def label_keys(project: Project) -> dict[str, str]:
    return project.codebook.key_owners()


def key_texts(keymap: Keymap, command: str) -> list[str]:
    """The command's keys found on a common keyboard (not the Help or Undo keys of a few)."""
    return [k.toString(QKeySequence.SequenceFormat.NativeText) for k in keymap.keys(command) if k[0].key() <= Qt.Key.Key_F35]


def bound_actions(window: MainWindow | AdjudicationWindow) -> dict[str, QAction]:
    return window.actions.keys.actions


# --- one table -------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["coder", "lead"])
def test_every_action_with_a_key_takes_it_from_the_table(request, kind: str) -> None:
    window = request.getfixturevalue("window" if kind == "coder" else "lead")
    keymap = CODER_KEYS if kind == "coder" else LEAD_KEYS
    bound = bound_actions(window)
    for command, binding in keymap.bindings.items():
        if binding.scope == WINDOW:
            assert command in bound, command
        if command in bound:
            assert bound[command].shortcuts() == keymap.keys(command), command
    labels = {key.upper() for key in label_keys(window.project)}
    for action in window.findChildren(QAction):
        if action.shortcuts() and action not in bound.values():
            # Only the codebook's label keys, shown beside the lead's "Add as" entries, are not commands.
            assert kind == "lead" and action.shortcut().toString() in labels, action.text()
    assert window.actions.undo.shortcuts() == keymap.keys("undo")


def test_no_key_is_written_outside_the_tables() -> None:
    literal = re.compile(r"setShortcuts?\(|QKeySequence\(|StandardKey\.|Qt\.Key\.Key_")
    # Keys every dialog and list has, not commands of a window: Esc cancels the gold editor,
    # Enter opens the document chosen in the agreement figures, Down goes from a search box into its list.
    usual = {("lead/gold_editor.py", "Key_Escape"), ("lead/agreement_dashboard.py", "Key_Return"),
             ("widgets/document_queue.py", "Key_Down")}
    offenders = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in UI.rglob("*.py")
        if path not in KEY_MODULES
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if literal.search(line) and not any(path.relative_to(UI).as_posix() == f and k in line for f, k in usual)
    ]
    assert offenders == []


@pytest.mark.parametrize("keymap", [CODER_KEYS, LEAD_KEYS], ids=["coder", "lead"])
def test_the_default_keys_never_clash_nor_take_a_label_key(project: Project, keymap: Keymap) -> None:
    keys = keymap.all_keys()
    for command, sequences in keys.items():
        assert keymap.refusal(command, sequences, keys, label_keys(project)) is None, command
    assert keymap.keys("zoom_in") and keymap.keys("undo")


# --- generated help --------------------------------------------------------------------------------


def test_the_keys_help_lists_every_binding_and_every_label_key(window: MainWindow) -> None:
    text = ui.coder.dialogs.keys_text(window)
    for command in CODER_KEYS.bindings:
        for key in key_texts(CODER_KEYS, command):
            assert f"<b>{key.replace('&', '&amp;')}</b>" in text, command
        if CODER_KEYS.keys(command):
            assert CODER_KEYS.description(command).replace("&", "&amp;") in text
    for number, label in enumerate(window.project.codebook.labels, start=1):
        assert f"<b>{number} / {label.key.upper()}</b> — {label.name}" in text
    assert CODER_KEYS.bindings["delete_span"].scope == VIEW  # the article's keys are listed too


def test_the_lead_help_panel_lists_every_binding_and_every_label_key(lead: AdjudicationWindow) -> None:
    text = lead.help.text()
    for command in LEAD_KEYS.bindings:
        for key in key_texts(LEAD_KEYS, command):
            assert f"<b>{key}</b>" in text, command
    for label in lead.project.codebook.labels:  # the lead's window adds spans, never starts events
        assert f"<b>{label.key.upper()}</b> — {label.name}" in text


def test_the_keys_dialog_shows_the_help_in_two_columns(window: MainWindow, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda dialog: shown.append(dialog.findChild(QLabel).text()) or 0)
    window.actions.keys.actions["keys"].trigger()
    assert shown == [ui.coder.dialogs.keys_text(window)]
    assert shown[0].count('<td width="48%" valign="top">') == 2
    assert shown[0].index("Tagging") < shown[0].index("</td>") < shown[0].index("Project")


def test_in_an_arabic_interface_each_key_reads_left_to_right(window: MainWindow) -> None:
    QGuiApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        text = ui.coder.dialogs.keys_text(window)
    finally:
        QGuiApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert text.startswith('<div dir="rtl">')
    assert "<b>\u202aCtrl+Return\u202c</b>" in text


def test_the_welcome_names_the_current_keys(window: MainWindow, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    ui.coder.dialogs.welcome(window)
    CODER_KEYS.set_overrides({"coder.done": "Ctrl+D"})
    ui.coder.dialogs.welcome(window)
    before, after = shown
    for key, name in label_keys(window.project).items():
        assert f"<b>{key.upper()}</b> ({name})" in before
    assert "<b>Ctrl+Return</b> marks the article done" in before
    assert "<b>Ctrl+D</b> marks the article done" in after and "Ctrl+Return" not in after
    assert "<b>Tab</b> moves between spans" in before and "<b>F1</b> lists every key" in before


# --- rebinding -----------------------------------------------------------------------------------


def test_rebinding_a_window_key_changes_the_menu_the_key_and_the_help(qtbot, window: MainWindow) -> None:
    CODER_KEYS.set_overrides({"coder.next_document": "Ctrl+J"})
    assert window.actions.next.shortcuts() == [QKeySequence("Ctrl+J")]
    help_text = ui.coder.dialogs.keys_text(window)
    assert "<b>Ctrl+J</b> — Next document" in help_text and "Ctrl+PgDown" not in help_text
    assert window.session.document.key == "a"
    qtbot.keyClick(window.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.key == "b"


def test_rebinding_an_article_key(qtbot, window: MainWindow) -> None:
    start = TEXT.index("الباغوز")
    window.view.select_text(start, start + len("الباغوز فوقاني"))
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert [a.text for a in window.session.spans.values()] == ["الباغوز فوقاني"]
    CODER_KEYS.set_overrides({"coder.delete_span": "R", "coder.deselect": "Ctrl+Shift+Escape"})
    window.session.select(next(iter(window.session.spans)))
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)  # no longer a key of the coder's
    assert len(window.session.spans) == 1
    qtbot.keyClick(window.view, Qt.Key.Key_R)
    assert window.session.spans == {}
    assert "<b>R</b> — Remove the span" in ui.coder.dialogs.keys_text(window)


def test_rebinding_a_lead_key_reaches_the_article_and_the_help_panel(qtbot, lead: AdjudicationWindow) -> None:
    LEAD_KEYS.set_overrides({"lead.reject": "J", "lead.refresh": "Ctrl+F5"})
    assert lead.actions.reject.shortcuts() == [QKeySequence("J")]
    assert lead.actions.refresh.shortcuts() == [QKeySequence("Ctrl+F5")]
    assert "<b>J</b> — Reject the selected version" in lead.help.text()
    assert "<b>F5</b>" not in lead.help.text()
    assert lead.session.current is not None and lead.session.current.open
    qtbot.keyClick(lead.view, Qt.Key.Key_X)  # the old key does nothing now
    with Project.open(lead.project.path, readonly=True) as project:
        assert adjudication.rejections(project) == []
    qtbot.keyClick(lead.view, Qt.Key.Key_J)
    with Project.open(lead.project.path, readonly=True) as project:
        assert len(adjudication.rejections(project)) == 1


def test_a_closed_lead_window_does_not_hear_a_rebinding(qtbot, merged: Path) -> None:
    project = Project.open(merged)
    try:
        window = AdjudicationWindow(project, Settings())
        window.show()
        with qtbot.waitSignal(window.destroyed):
            window.close()  # deleted on close
        LEAD_KEYS.set_overrides({"lead.refresh": "Ctrl+F5"})  # must not reach the deleted window
        assert LEAD_KEYS.keys("refresh") == [QKeySequence("Ctrl+F5")]
    finally:
        project.close()


# --- Preferences ----------------------------------------------------------------------------------


def test_a_key_taken_in_the_same_window_or_by_a_label_is_refused(project: Project) -> None:
    editor = KeyEditor([("coder", CODER_KEYS), ("lead", LEAD_KEYS)], label_keys(project))
    refusal = editor.set_keys("coder", "next_document", [QKeySequence("Ctrl+PgUp")])
    assert refusal is not None and "Previous document" in refusal
    assert editor.keys("coder", "next_document") == [QKeySequence("Ctrl+PgDown")]
    refusal = editor.set_keys("coder", "deselect", [QKeySequence("P")])
    assert refusal is not None and "PLACE" in refusal
    refusal = editor.set_keys("coder", "deselect", [QKeySequence("V")])  # the codebook's key for ATTACK
    assert refusal is not None and "ATTACK" in refusal
    assert editor.set_keys("lead", "refresh", [QKeySequence("3")]) is not None  # digits pick versions
    # Another window's key is free: the two windows never take keys from each other.
    assert editor.set_keys("lead", "refresh", [QKeySequence("Ctrl+G")]) is None
    assert editor.overrides() == {"lead.refresh": "Ctrl+G"}
    editor.restore_defaults()
    assert editor.overrides() == {}


def test_preferences_rebind_a_key_in_every_open_window(qtbot, tmp_path: Path, merged: Path, monkeypatch) -> None:
    settings = Settings(auto_suggest=False, keys={"coder.skip": "Ctrl+Alt+K", "review.next": "F9"})
    main = open_window(qtbot, merged, settings)
    lead = lead_window(main)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))

    def edit_keys(dialog: QDialog) -> int:
        editor = dialog.findChild(KeyEditor)
        assert editor.keys("coder", "skip") == [QKeySequence("Ctrl+Alt+K")]  # what the user chose before
        for keymap, command, key in (("coder", "next_document", "Ctrl+J"), ("lead", "edit", "Shift+E"),
                                     ("coder", "previous_document", "Ctrl+J")):
            editor.tree.setCurrentItem(editor.items[(keymap, command)])
            editor.edit.setKeySequence(QKeySequence(key))
            editor.assign.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QDialog, "exec", edit_keys)
    ui.coder.preferences.preferences(main)
    assert len(warnings) == 1 and "Next document" in warnings[0]  # Ctrl+J was taken by then
    # Another version's entry ("review.") is kept for it.
    assert settings.keys == {"coder.skip": "Ctrl+Alt+K", "coder.next_document": "Ctrl+J", "lead.edit": "Shift+E",
                             "review.next": "F9"}
    assert json.loads(settings_path().read_text(encoding="utf-8"))["keys"] == settings.keys
    assert main.actions.next.shortcuts() == [QKeySequence("Ctrl+J")]
    assert main.actions.previous.shortcuts() == [QKeySequence("Ctrl+PgUp")]
    assert lead.actions.edit.shortcuts() == [QKeySequence("Shift+E")]
    assert "<b>Shift+E</b> — Edit into gold" in lead.help.text()
    lead.close()
    main.close()
    main.project.close()


def test_a_settings_file_with_broken_key_entries_still_loads(qtbot, coder_file: Path) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(
        json.dumps({"coder": "amal", "keys": {"coder.next_document": 5, "coder.done": "Ctrl+Nonsense+",
                                              "coder.from_the_future": "Ctrl+K", "coder.skip": "Ctrl+Alt+K"}}),
        encoding="utf-8",
    )
    settings, warning = load_settings()
    assert warning is None and settings.coder == "amal"
    window = open_window(qtbot, coder_file, settings)
    assert window.actions.skip.shortcuts() == [QKeySequence("Ctrl+Alt+K")]
    assert window.actions.done.shortcuts() == [QKeySequence("Ctrl+Return")]
    assert window.actions.next.shortcuts() == [QKeySequence("Ctrl+PgDown")]
    window.close()
    window.project.close()
    settings_path().write_text('{"coder": "omar", "keys": ["Ctrl+K"]}', encoding="utf-8")
    settings, warning = load_settings()
    assert warning is None and (settings.coder, settings.keys) == ("omar", {})
    save_settings(settings)
    assert load_settings()[0] == settings


# --- the lists and articles the windows share ------------------------------------------------------------------


def test_the_coder_item_models_behave(qtbot, qtmodeltester, window: MainWindow) -> None:
    qtmodeltester.check(window.queue.model)
    start = TEXT.index("الباغوز")
    window.view.select_text(start, start + len("الباغوز"))
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    qtmodeltester.check(window.spans.source)
    assert window.spans.source.headerData(0, Qt.Orientation.Horizontal) == "Label"


def test_a_row_chosen_in_a_list_is_reported_but_one_shown_by_the_window_is_not(qtbot, window: MainWindow) -> None:
    chosen: list[int] = []
    window.queue.document_chosen.connect(chosen.append)
    second = window.project.document_by_key("b").id
    window.queue.show_current(second)  # the window's own choice
    assert chosen == [] and window.queue.table.currentIndex().row() == window.queue.model.row_of(second)
    window.queue.table.setCurrentIndex(window.queue.model.index(0, 0))  # the coder's
    assert chosen == [window.project.document_by_key("a").id]


def test_the_lead_item_models_behave(qtmodeltester, lead: AdjudicationWindow) -> None:
    qtmodeltester.check(lead.queue.model)
    qtmodeltester.check(lead.versions.model_)
    assert lead.queue.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == \
        "Places where the coders still differ"


def test_the_lead_article_deselects_with_the_tables_key(qtbot, lead: AdjudicationWindow) -> None:
    start = TEXT.index("غارة")
    lead.view.select_text(start, start + len("غارة"))
    qtbot.keyClick(lead.view, Qt.Key.Key_Escape)
    assert not lead.view.textCursor().hasSelection()
    LEAD_KEYS.set_overrides({"lead.deselect": "Ctrl+D"})
    lead.view.select_text(start, start + len("غارة"))
    qtbot.keyClick(lead.view, Qt.Key.Key_Escape)
    assert lead.view.selection() == (start, start + len("غارة"))
    qtbot.keyClick(lead.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not lead.view.textCursor().hasSelection()


def show_tooltip(view, point) -> str:
    """What the view shows when the mouse rests at ``point`` of its viewport."""
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_both_articles_show_what_lies_under_the_mouse(qtbot, window: MainWindow, lead: AdjudicationWindow) -> None:
    start = TEXT.index("الباغوز")
    window.view.select_text(start, start + len("الباغوز"))
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.offsets.to_qt(start + 2))
    inside = window.view.cursorRect(cursor).center()
    assert show_tooltip(window.view, inside).startswith("<b>PLACE</b> — الباغوز")
    lead.view.viewport().repaint()
    rect, band = lead.view.painted_bands()[0]
    assert show_tooltip(lead.view, rect.center().toPoint()) == band.tip


def test_zoom_keys_read_as_the_keyboard_sends_them(qtbot, lead: AdjudicationWindow) -> None:
    start = lead.view.font().pointSize()
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(lead.view, Qt.Key.Key_Plus, ctrl | Qt.KeyboardModifier.ShiftModifier)  # + needs Shift here
    assert lead.view.font().pointSize() == start + 1
    qtbot.keyClick(lead.view, Qt.Key.Key_Minus, ctrl | Qt.KeyboardModifier.KeypadModifier)
    assert lead.view.font().pointSize() == start


def test_shift_with_a_key_no_command_takes_reads_as_the_key(qtbot, tmp_path: Path) -> None:
    """Shift+Enter accepts and Shift+X rejects a suggestion, as before the keymap; Shift+E stays
    its own command (shrink the end)."""
    project = Project.create(tmp_path / "s.db", coder="amal")
    doc, _, _ = project.add_document("قُتِلَ 54 شخصاً و28 مدنياً في الباغوز.", key="a")
    first = project.add_annotation(doc.id, "CASUALTY", 7, 9, origin="suggested", attrs={"value": 54})
    second = project.add_annotation(doc.id, "CASUALTY", 16, 18, origin="suggested", attrs={"value": 28})
    window = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(window)
    window.view.setFocus()
    window.session.select(first.id)
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.spans[first.id].origin == "manual"
    window.session.select(second.id)
    qtbot.keyClick(window.view, Qt.Key.Key_X, Qt.KeyboardModifier.ShiftModifier)
    assert second.id not in window.session.spans
    window.close()
