"""The core's rule: a confirmed span settles the pending suggestions of its label that it covers."""

from __future__ import annotations

from pathlib import Path

from annotator.models import Origin
from annotator.store.project import Project
from annotator.suggest.run import covered_suggestions, resolve_covered, suggest_document

TEXT = "قُتِلَ 54 شخصاً بينهم 28 مدنياً في غارة على بلدة الباغوز بريف دير الزور."


def test_only_pending_suggestions_of_the_label_inside_the_span_are_covered(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "c.db", coder="amal")
    doc, _, _ = project.add_document(TEXT, key="a")
    start = TEXT.index("28")
    inside = project.add_annotation(doc.id, "CASUALTY", start, start + 2, origin=Origin.SUGGESTED)
    other_label = project.add_annotation(doc.id, "ACTOR", start, start + 2, origin=Origin.SUGGESTED)
    beyond = project.add_annotation(doc.id, "CASUALTY", start, start + len("28 مدنياً في"), origin=Origin.SUGGESTED)
    wide = project.add_annotation(doc.id, "CASUALTY", start, start + len("28 مدنياً"))
    spans = project.annotations(doc.id)
    assert covered_suggestions(wide, spans) == [inside]
    assert covered_suggestions(beyond, spans) == []  # a suggestion settles nothing
    assert {a.id for a in spans} >= {other_label.id, beyond.id}


def test_resolved_suggestions_are_rejected_and_come_back_on_unreject(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "r.db", coder="amal")
    doc, _, _ = project.add_document(TEXT, key="a")
    suggest_document(project, doc.id)
    start = TEXT.index("28")
    wide = project.add_annotation(doc.id, "CASUALTY", start, start + len("28 مدنياً"))
    resolved = resolve_covered(project, wide.id)
    assert [a.text for a in resolved] == ["28"]
    assert "28" not in [a.text for a in project.annotations(doc.id)]
    assert project.is_rejected(doc.id, "amal", "CASUALTY", start, start + 2)
    assert not any(a.text == "28" for a in suggest_document(project, doc.id))
    project.unreject_suggestion(resolved[0])
    assert project.annotation(resolved[0].id).origin == Origin.SUGGESTED
