"""The one operation path of both windows: one change set per edit, undo and redo; one guard."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_merge import build_coder_file

from annotator.changes import Changes
from annotator.errors import ValidationError
from annotator.lead.merge import merge_projects
from annotator.models import GOLD
from annotator.store.project import Project
from ui.coder.session import EditSession
from ui.lead.session import AdjudicationSession

TEXT = "قُتِلَ 54 شخصاً في غارة على الباغوز فوقاني 😀 بدير الزور، وأصيب ٢٣ آخرون."


@pytest.fixture
def session(qtbot, tmp_path: Path):
    project = Project.create(tmp_path / "o.db", coder="amal")
    project.add_document(TEXT, key="a")
    project.add_document("وقالت وزارة الدفاع إن ثمانية عناصر قتلوا.", key="b")
    edit = EditSession(project)
    edit.open_document(project.documents()[0].id)
    yield edit
    project.close()


def collect(session: EditSession | AdjudicationSession) -> list[Changes]:
    seen: list[Changes] = []
    session.changed.connect(seen.append)
    return seen


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def test_one_change_set_for_add_update_delete_undo_and_redo(qtbot, session: EditSession) -> None:
    seen = collect(session)
    made = session.add_span("PLACE", *span("الباغوز فوقاني"))
    assert made is not None
    assert [(a.id, a.text) for a in seen[-1].added] == [(made.id, "الباغوز فوقاني")]
    assert not seen[-1].updated and not seen[-1].removed and seen[-1].touched == [made.doc_id]

    session.update_span(made.id, attrs={"kind": "town"})
    (before, after), = seen[-1].updated
    assert (before.attrs, after.attrs) == ({}, {"kind": "town"})
    assert session.spans[made.id].attrs == {"kind": "town"}

    session.delete_span(made.id)
    assert [a.id for a in seen[-1].removed] == [made.id] and made.id not in session.spans

    session.undo_stack.undo()  # the delete: the very same span comes back
    assert [a.id for a in seen[-1].added] == [made.id] and session.spans[made.id].attrs == {"kind": "town"}
    session.undo_stack.undo()  # the attributes
    (before, after), = seen[-1].updated
    assert (before.attrs, after.attrs) == ({"kind": "town"}, {})
    session.undo_stack.redo()
    assert seen[-1].updated[0][1].attrs == {"kind": "town"}
    assert len(seen) == 6


def test_a_status_change_is_a_change_set_and_the_status_signal(qtbot, session: EditSession) -> None:
    seen = collect(session)
    doc_id = session.document.id  # type: ignore[union-attr]
    with qtbot.waitSignal(session.status_changed) as blocker:
        assert session.set_status("done")
    assert blocker.args == [doc_id]
    assert seen[-1].statuses == [doc_id] and not seen[-1].spans
    assert session.undo_stack.count() == 0  # a status is committed, not undone


def test_undo_of_an_edit_in_another_document_shows_that_document(qtbot, session: EditSession) -> None:
    first = session.document.id  # type: ignore[union-attr]
    made = session.add_span("CASUALTY", *span("54"))
    assert made is not None and made.attrs["value"] == 54  # prefilled by the core
    session.open_document(session.project.documents()[1].id)
    with qtbot.waitSignal(session.document_changed):
        session.undo_stack.undo()
    assert session.document.id == first and made.id not in session.spans  # type: ignore[union-attr]


def test_a_core_error_is_the_error_signal_and_no_undo_step(qtbot, session: EditSession) -> None:
    made = session.add_span("CASUALTY", *span("54"))
    assert made is not None
    seen = collect(session)
    steps = session.undo_stack.count()
    with qtbot.waitSignal(session.error) as blocker:
        session.update_span(made.id, attrs={"value": "خمسون"})  # not a whole number: the core refuses
    assert "whole number" in blocker.args[0]
    assert session.undo_stack.count() == steps and not seen
    assert session.spans[made.id].attrs["value"] == 54


def test_a_storage_error_says_what_happened_in_plain_words(qtbot, session: EditSession, monkeypatch) -> None:
    def locked(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(session.project, "add_annotation", locked)
    with qtbot.waitSignal(session.error) as blocker:
        assert session.add_span("PLACE", *span("الباغوز")) is None
    assert "another program is writing to the project" in blocker.args[0]
    assert session.undo_stack.count() == 0


def test_any_other_exception_is_a_bug_and_is_raised(qtbot, session: EditSession, monkeypatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("bug")

    monkeypatch.setattr(session.project, "add_annotation", broken)
    with qtbot.assertNotEmitted(session.error), pytest.raises(KeyError):
        session.add_span("PLACE", *span("الباغوز"))


def test_an_undo_the_core_refuses_is_reported_too(qtbot, session: EditSession, monkeypatch) -> None:
    made = session.add_span("PLACE", *span("الباغوز"))
    assert made is not None

    def refuse(annotation_id: str) -> None:
        raise ValidationError(f"annotation {annotation_id} is gone")

    monkeypatch.setattr(session.project, "delete_annotation", refuse)
    with qtbot.waitSignal(session.error) as blocker:
        session.undo_stack.undo()
    assert made.id in blocker.args[0] and made.id in session.spans


# --- the lead's session takes the same path -----------------------------------------------------

RAID = "قُتِلَ 54 شخصاً في غارة على بدير الزور."


@pytest.fixture
def lead(qtbot, tmp_path: Path):
    files = [
        build_coder_file(tmp_path / f"{coder}.db", coder, {RAID: ("done", [(word, "PLACE", {})])})
        for coder, word in (("amal", "دير الزور"), ("omar", "بدير الزور"))
    ]
    merge_projects(tmp_path / "merged.db", files)
    project = Project.open(tmp_path / "merged.db")
    session = AdjudicationSession(project)
    session.refresh_queue()
    session.open_document(session.entries[0].doc_id)
    yield session
    project.close()


def test_a_decision_names_its_document_and_the_status_it_settled(qtbot, lead: AdjudicationSession) -> None:
    seen = collect(lead)
    doc_id = lead.document.id  # type: ignore[union-attr]
    with qtbot.waitSignal(lead.status_changed):
        lead.accept(1)
    assert seen[-1].documents == [doc_id] and seen[-1].statuses == [doc_id]
    assert lead.project.status(doc_id).status == "done" and lead.open_count() == 0
    assert lead.entries[0].open == 0
    lead.undo_stack.undo()
    assert seen[-1].documents == [doc_id] and seen[-1].statuses == [doc_id]
    assert lead.project.status(doc_id).status == "in_progress" and lead.entries[0].open == 1
    assert lead.project.annotations(doc_id, coder=GOLD) == []


def test_the_leads_session_reports_a_refused_decision(qtbot, lead: AdjudicationSession, monkeypatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ValidationError("the span changed since")

    monkeypatch.setattr("annotator.lead.adjudication.accept", refuse)
    with qtbot.waitSignal(lead.error) as blocker:
        lead.accept(1)
    assert blocker.args == ["the span changed since"] and lead.undo_stack.count() == 0


def test_an_operation_without_its_undo_is_refused_when_written() -> None:
    from ui.operations import Operation

    with pytest.raises(TypeError, match="without backward"):
        class OnlyForward(Operation):  # the class statement itself is refused
            def forward(self, changes: object) -> None:
                pass
