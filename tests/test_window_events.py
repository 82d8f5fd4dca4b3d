"""Events in the coder's window, keyboard first: start an event, fill its roles by key, set its
attributes, undo and redo each step; the event panel's slots, outlines and suggested events;
deleting a span that fills a slot. Driven through the real window; assertions on the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMessageBox, QRadioButton

import ui.coder.dialogs
from annotator.models import Event
from annotator.store.project import Project
from ui.coder.event_model import ITEM_ROLE, ROLE, SPAN
from ui.coder.keys import CODER_KEYS
from ui.coder.main_window import MainWindow
from ui.settings import Settings

TEXT = "قتل 54 شخصاً في غارة للتحالف على الباغوز فوقاني أمس الخميس، والتحالف يلمح لمسؤوليته."


def open_window(qtbot, project: Project) -> MainWindow:
    window = MainWindow(project, Settings(auto_suggest=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.view.setFocus()
    return window


@pytest.fixture
def window(qtbot, tmp_path: Path):
    project = Project.create(tmp_path / "w.db", coder="amal")
    project.add_document(TEXT, key="a", title="غارة")
    win = open_window(qtbot, project)
    yield win
    win.close()


@pytest.fixture
def framed(qtbot, tmp_path: Path):
    """A window on an article whose spans and one ATTACK event are already in the file."""
    project = Project.create(tmp_path / "f.db", coder="amal")
    doc, _, _ = project.add_document(TEXT, key="a", title="غارة")
    spans = {}
    for label, words in (("ACTOR", "للتحالف"), ("PLACE", "الباغوز فوقاني"), ("CASUALTY", "54")):
        start = TEXT.index(words)
        spans[label] = project.add_annotation(doc.id, label, start, start + len(words),
                                              attrs={"value": 54, "status": "killed"} if label == "CASUALTY" else {})
    event = project.add_event(doc.id, "ATTACK", slots={"perpetrator": [spans["ACTOR"].id], "place": [spans["PLACE"].id],
                                                       "casualties": [spans["CASUALTY"].id]})
    win = open_window(qtbot, project)
    yield win, event, spans
    win.close()


def select(window: MainWindow, words: str) -> None:
    start = TEXT.index(words)
    window.view.select_text(start, start + len(words))


def events_in_file(window: MainWindow) -> list[tuple[str, dict[str, list[str]], dict[str, object], str]]:
    """Each event as (type, role → span texts, attributes, origin), read from the file itself."""
    with Project.open(window.project.path, readonly=True) as project:
        texts = {a.id: a.text for a in project.annotations()}
        return [
            (e.type, {role: [texts[s] for s in spans] for role, spans in e.slots.items()}, e.attrs, e.origin)
            for e in project.events()
        ]


def find_index(model, kind: str, *, role: str | None = None, span_id: str | None = None) -> QModelIndex:
    """The first row of the tree with this kind (and role, or span)."""
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop(0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found_kind, _event, found_role, found_span = index.data(ITEM_ROLE)
            if found_kind == kind and (role is None or role == found_role) and (span_id is None or span_id == found_span):
                return index
            pending.append(index)
    raise AssertionError(f"no {kind} row {role or span_id}")


def choose(qtbot, window: MainWindow, index: QModelIndex) -> None:
    tree = window.events.tree
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())


# --- the keyboard flow ---------------------------------------------------------------------------


def test_an_attack_built_from_the_keyboard_then_undone_and_redone_step_by_step(qtbot, window: MainWindow) -> None:
    view, stack = window.view, window.session.undo_stack
    states = [events_in_file(window)]
    select(window, "للتحالف")
    qtbot.keyClick(view, Qt.Key.Key_A)  # tag ACTOR: the new span is selected
    qtbot.keyClick(view, Qt.Key.Key_V)  # start an ATTACK: event mode
    assert window.session.current_event is not None
    states.append(events_in_file(window))
    qtbot.keyClick(view, Qt.Key.Key_1)  # in event mode, 1 is the role perpetrator, not the first label
    states.append(events_in_file(window))
    select(window, "الباغوز فوقاني")
    qtbot.keyClick(view, Qt.Key.Key_P)
    qtbot.keyClick(view, Qt.Key.Key_3)
    states.append(events_in_file(window))
    select(window, "54")
    qtbot.keyClick(view, Qt.Key.Key_C)
    qtbot.keyClick(view, Qt.Key.Key_4)
    states.append(events_in_file(window))
    hinted = next(b for b in window.events.form.findChildren(QRadioButton) if b.property("choice") == "hinted")
    qtbot.waitUntil(hinted.isVisible)
    qtbot.mouseClick(hinted, Qt.MouseButton.LeftButton)
    final = events_in_file(window)
    assert final == [("ATTACK", {"perpetrator": ["للتحالف"], "place": ["الباغوز فوقاني"], "casualties": ["54"]},
                      {"attribution": "hinted"}, "manual")]
    states.append(final)
    # The panel shows the filled roles with their spans, and the empty ones as empty.
    model = window.events.model
    perpetrator = find_index(model, ROLE, role="perpetrator")
    assert model.data(perpetrator) == "perpetrator" and model.data(perpetrator.siblingAtColumn(1)) == "1"
    assert model.data(model.index(0, 0, perpetrator)) == "للتحالف"
    assert model.data(find_index(model, ROLE, role="target")) == "target (empty)"

    # Undo: the attribute, then each filled role (and the span tagged before it), then the event.
    seen = [events_in_file(window)]
    while stack.canUndo():
        stack.undo()
        seen.append(events_in_file(window))
    distinct = [state for number, state in enumerate(seen) if number == 0 or state != seen[number - 1]]
    assert distinct == list(reversed(states))
    assert window.events.model.rowCount() == 0
    while stack.canRedo():
        stack.redo()
    assert events_in_file(window) == final
    assert window.events.model.rowCount() == 1


def test_escape_leaves_event_mode_and_the_digits_are_label_keys_again(qtbot, window: MainWindow) -> None:
    select(window, "للتحالف")
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    qtbot.keyClick(window.view, Qt.Key.Key_V)
    assert "Event mode" in window.events.hint.text()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.session.current_event is None
    select(window, "الباغوز فوقاني")
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # the second label: PLACE
    assert events_in_file(window) == [("ATTACK", {}, {}, "manual")]
    assert sorted(a.label for a in window.session.spans.values()) == ["ACTOR", "PLACE"]


def test_the_same_role_key_again_takes_the_span_out_and_a_wrong_label_is_refused(qtbot, window, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    select(window, "الباغوز فوقاني")
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    qtbot.keyClick(window.view, Qt.Key.Key_V)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    assert events_in_file(window) == [("ATTACK", {}, {}, "manual")]
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # a PLACE cannot be the perpetrator
    assert shown and "perpetrator" in shown[0]
    assert events_in_file(window) == [("ATTACK", {}, {}, "manual")]


# --- the panel -----------------------------------------------------------------------------------


def test_clicking_a_slot_selects_its_span_and_makes_its_event_current(qtbot, framed) -> None:
    window, event, spans = framed
    model = window.events.model
    choose(qtbot, window, find_index(model, SPAN, span_id=spans["PLACE"].id))
    assert window.session.selected_id == spans["PLACE"].id
    assert window.view.highlighter.selected_id == spans["PLACE"].id
    assert window.session.current_event_id == event.id
    assert window.view.hasFocus()  # the role keys work at once
    choose(qtbot, window, find_index(model, ROLE, role="casualties"))  # a role row: its first span
    assert window.session.selected_id == spans["CASUALTY"].id
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)  # the article moves on; the same row clicked again selects again
    choose(qtbot, window, find_index(model, ROLE, role="casualties"))
    assert window.session.selected_id == spans["CASUALTY"].id


def test_hovering_an_event_outlines_its_spans(qtbot, framed) -> None:
    window, event, spans = framed
    highlighter = window.view.highlighter
    assert highlighter.outlined == frozenset()
    window.events.tree.entered.emit(window.events.model.event_index(event.id))
    assert highlighter.outlined == {s.id for s in spans.values()}
    start = window.view.offsets.to_qt(spans["PLACE"].start)
    block = window.view.document().findBlock(start)
    formats = [r for r in block.layout().formats() if r.start <= start - block.position() < r.start + r.length]
    assert formats and formats[0].format.fontOverline()
    window.events.event_hovered.emit(None)
    assert highlighter.outlined == frozenset()


def test_deleting_a_span_that_fills_a_slot_asks_and_undo_puts_it_back(qtbot, framed, monkeypatch) -> None:
    window, event, spans = framed
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answer[0])
    before = events_in_file(window)
    window.session.select(spans["PLACE"].id)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert asked and "ATTACK/place" in asked[0]
    assert events_in_file(window) == before and spans["PLACE"].id in window.session.spans

    answer[0] = QMessageBox.StandardButton.Yes
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert spans["PLACE"].id not in window.session.spans
    assert events_in_file(window)[0][1] == {"perpetrator": ["للتحالف"], "casualties": ["54"]}
    assert window.events.model.data(find_index(window.events.model, ROLE, role="place")) == "place (empty)"
    window.session.undo_stack.undo()
    assert events_in_file(window) == before
    assert window.session.events[event.id].slots == Project.open(window.project.path, readonly=True).event(event.id).slots
    window.session.undo_stack.redo()
    assert "place" not in events_in_file(window)[0][1]


def test_the_session_refuses_to_delete_a_slotted_span_without_its_slots(framed) -> None:
    window, _event, spans = framed
    errors: list[str] = []
    window.session.error.disconnect()
    window.session.error.connect(errors.append)
    window.session.delete_span(spans["ACTOR"].id)
    assert errors and "perpetrator" in errors[0]
    assert spans["ACTOR"].id in window.session.spans


def test_a_suggested_event_is_accepted_or_rejected_by_key_and_undone(qtbot, tmp_path: Path) -> None:
    project = Project.create(tmp_path / "s.db", coder="amal")
    doc, _, _ = project.add_document(TEXT, key="a", title="غارة")
    start = TEXT.index("54")
    figure = project.add_annotation(doc.id, "CASUALTY", start, start + 2, attrs={"value": 54, "status": "killed"})
    pending = project.add_event(doc.id, "ATTACK", slots={"casualties": [figure.id]}, origin="suggested")
    window = open_window(qtbot, project)
    model = window.events.model
    index = model.event_index(pending.id)
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()
    assert "suggested" in model.data(index)

    qtbot.keyClick(window.view, Qt.Key.Key_N)  # the next event becomes current
    assert window.session.current_event_id == pending.id
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert events_in_file(window)[0][3] == "manual"
    assert not isinstance(model.data(model.event_index(pending.id), Qt.ItemDataRole.FontRole), QFont)
    window.session.undo_stack.undo()
    assert events_in_file(window)[0][3] == "suggested"

    # In the panel: X rejects it; undo brings it back, pending again.
    window.events.tree.setFocus()
    window.events.tree.setCurrentIndex(model.event_index(pending.id))
    qtbot.keyClick(window.events.tree, Qt.Key.Key_X)
    assert events_in_file(window) == [] and model.rowCount() == 0
    assert window.session.current_event is None
    window.session.undo_stack.undo()
    assert events_in_file(window) == [("ATTACK", {"casualties": ["54"]}, {}, "suggested")]
    assert model.rowCount() == 1
    window.close()


def test_next_event_and_delete_event_keys(qtbot, framed) -> None:
    window, event, _spans = framed
    qtbot.keyClick(window.view, Qt.Key.Key_V)
    second = window.session.current_event
    assert second is not None and second.id != event.id
    qtbot.keyClick(window.view, Qt.Key.Key_N)  # wraps to the first
    assert window.session.current_event_id == event.id
    qtbot.keyClick(window.view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.current_event_id == second.id
    qtbot.keyClick(window.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert [e[0] for e in events_in_file(window)] == ["ATTACK"]
    assert window.session.current_event is None
    window.session.undo_stack.undo()
    assert len(events_in_file(window)) == 2


def test_the_event_model_behaves(qtbot, qtmodeltester, framed) -> None:
    window, event, spans = framed
    qtmodeltester.check(window.events.model)
    window.session.select_event(event.id)
    window.session.select(spans["ACTOR"].id)
    window.session.fill_role("source")
    window.session.start_event("ATTACK")
    window.session.delete_event(event.id)
    qtmodeltester.check(window.events.model)
    window.session.undo_stack.undo()
    qtmodeltester.check(window.events.model)


def test_an_edit_of_a_slot_span_redraws_the_panel(qtbot, framed) -> None:
    window, _event, spans = framed
    model = window.events.model
    window.session.move_edge(spans["PLACE"].id, "end", "word", -1)
    assert model.data(model.index(0, 0, find_index(model, ROLE, role="place"))) == "الباغوز"


# --- help ----------------------------------------------------------------------------------------


def test_the_generated_help_lists_the_event_keys(window: MainWindow) -> None:
    text = ui.coder.dialogs.keys_text(window)
    assert "<b>V</b> — start an event of type ATTACK" in text
    assert "<b>1</b> — perpetrator of ATTACK (in event mode)" in text
    assert "<b>6</b> — date of ATTACK (in event mode)" in text
    for command in ("next_event", "previous_event", "delete_event"):
        assert CODER_KEYS.description(command) in text
    assert "leave event mode" in text


def test_an_event_of_another_document_is_not_shown(qtbot, framed) -> None:
    window, _event, _spans = framed
    doc, _, _ = window.project.add_document("وقالت وزارة الدفاع إن ثمانية عناصر قتلوا.", key="b", title="بيان")
    window.session.open_document(doc.id)
    assert window.events.model.rowCount() == 0
    assert isinstance(window.session.events, dict) and not window.session.events
    assert all(isinstance(e, Event) for e in window.project.events())


def test_the_welcome_names_the_event_keys(window: MainWindow, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    ui.coder.dialogs.welcome(window)
    assert "<b>V</b> (ATTACK)" in shown[0] and "leaves event mode" in shown[0]


def test_a_batch_of_suggested_events_is_undone_and_redone_whole(qtbot, framed) -> None:
    """As an event suggester run from the window would: one core call, its change set replayed."""
    from annotator.changes import Changes
    from ui.coder.commands import BatchEdit

    window, _event, spans = framed
    project = window.project

    def suggest() -> Changes:
        made = Changes()
        made.add_event(project.add_event(window.session.document.id, "ATTACK", origin="suggested",
                                         slots={"place": [spans["PLACE"].id]}))
        return made

    assert window.session.run(BatchEdit(window.session, "Suggest events", suggest))
    assert window.events.model.rowCount() == 2
    window.session.undo_stack.undo()
    assert [e[3] for e in events_in_file(window)] == ["manual"] and window.events.model.rowCount() == 1
    window.session.undo_stack.redo()
    assert [e[3] for e in events_in_file(window)] == ["manual", "suggested"]
    assert window.events.model.rowCount() == 2


def test_a_role_key_on_selected_words_tags_them_with_the_roles_label_and_fills_it(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_V)
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # nothing selected: nothing filled, the status bar says why
    assert "place" in window.statusBar().currentMessage()
    select(window, "الباغوز فوقاني")
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    select(window, "أمس الخميس")
    qtbot.keyClick(window.view, Qt.Key.Key_6)
    assert events_in_file(window) == [("ATTACK", {"place": ["الباغوز فوقاني"], "date": ["أمس الخميس"]}, {}, "manual")]
    assert sorted(a.label for a in window.session.spans.values()) == ["DATE", "PLACE"]
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert events_in_file(window) == [("ATTACK", {"place": ["الباغوز فوقاني"]}, {}, "manual")]
    assert [a.label for a in window.session.spans.values()] == ["PLACE"]


def test_the_suggesters_event_is_shown_with_its_proposed_spans_and_accepting_takes_them_all(qtbot, tmp_path: Path) -> None:
    """Ctrl+G proposes an ATTACK over pending span suggestions; Enter accepts the event and the
    spans it proposes in one step, and undo makes them suggestions again."""
    project = Project.create(tmp_path / "g.db", coder="amal")
    project.add_document(TEXT, key="a", title="غارة", date="2019-03-01")
    window = open_window(qtbot, project)
    window.actions.suggest.trigger()
    [pending] = [e for e in window.session.events.values() if e.origin == "suggested"]
    model = window.events.model
    roles = {model.index(row, 0, model.event_index(pending.id)).data(ITEM_ROLE)[2]
             for row in range(model.rowCount(model.event_index(pending.id)))
             if model.rowCount(model.index(row, 0, model.event_index(pending.id)))}
    assert {"casualties", "place"} <= roles  # the proposal shows though its spans are still suggestions

    window.session.select_event(pending.id)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    [(kind, slots, _attrs, origin)] = events_in_file(window)
    assert (kind, origin) == ("ATTACK", "manual")
    assert slots["casualties"] == ["54"] and slots["place"]
    with Project.open(window.project.path, readonly=True) as reread:
        figure = next(a for a in reread.annotations() if a.text == "54")
        assert figure.origin == "manual"

    window.session.undo_stack.undo()
    assert [e[3] for e in events_in_file(window)] == ["suggested"]
    with Project.open(window.project.path, readonly=True) as reread:
        assert next(a for a in reread.annotations() if a.text == "54").origin == "suggested"
    window.session.undo_stack.redo()
    assert [e[3] for e in events_in_file(window)] == ["manual"]
    window.close()
