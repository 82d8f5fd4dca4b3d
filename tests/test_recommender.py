"""The recommender learns ACTOR and PLACE from the documents a coder marked done, keeps its model
in the project file, and suggests names no gazetteer lists, as suggester ``learned``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from learning_texts import MARKED, parse

from annotator.cli.main import main
from annotator.errors import ProjectError, ValidationError
from annotator.models import Origin, Status
from annotator.store.models_meta import read_model, write_model
from annotator.store.project import Project
from annotator.suggest import Suggesters, suggest_document
from annotator.suggest.crf_features import span_tags, spans_from_tags
from annotator.suggest.names import words_of
from annotator.suggest.recommender import MODEL_KEY, load_recommender, train_project

NEW = "وقصفت [A:كتيبة الفاروق] قرية [P:كفر الزعرور]، فيما سيطر [A:لواء الصناديد] على بلدة [P:تل الريحان]."


def fill(project: Project, marked: list[str], *, done: bool = True) -> list[int]:
    ids = []
    for item in marked:
        text, spans = parse(item)
        doc, _, _ = project.add_document(text)
        for label, start, end in spans:
            project.add_annotation(doc.id, label, start, end, text=text)
        if done:
            project.set_status(doc.id, Status.DONE)
        ids.append(doc.id)
    return ids


def test_it_learns_names_the_gazetteer_lacks_and_suggests_them_as_learned(project: Project) -> None:
    fill(project, MARKED)
    text, wanted = parse(NEW)
    doc, _, _ = project.add_document(text, key="new")
    # without a gazetteer: its cue-word rule would find كفر الزعرور after قرية by itself
    without = Suggesters.for_project(project, use_gazetteer=False)
    assert without.recommender is None
    places = {(s, e) for label, s, e in wanted if label == "PLACE"}
    assert {(a.start, a.end) for a in suggest_document(project, doc.id, without)} & places == set()

    report = train_project(project, without.gazetteer)
    assert report.trained and report.documents == len(MARKED) and report.line().startswith("trained")
    found = suggest_document(project, doc.id, Suggesters.for_project(project, use_gazetteer=False))
    learned = {(a.label, a.start, a.end) for a in found if a.provenance == {"suggester": "learned"}}
    assert ("PLACE", *wanted[1][1:]) in learned  # كفر الزعرور: a village no document named
    assert ("PLACE", *wanted[3][1:]) in learned  # تل الريحان
    assert all(a.origin == Origin.SUGGESTED for a in found)


def test_the_model_is_kept_in_the_project_file_and_not_trained_twice_on_the_same_spans(tmp_path: Path) -> None:
    path = tmp_path / "amal.db"
    with Project.create(path, coder="amal") as project:
        fill(project, MARKED[:4])
        first = train_project(project, None)
        assert train_project(project, None).trained is False
        assert train_project(project, None, force=True).trained is True
    with Project.open(path) as project:
        data, stamp = read_model(project, MODEL_KEY) or (b"", {})
        assert data and stamp["documents"] == 4 and stamp["layer"] == "amal"
        assert stamp["fingerprint"] == first.stamp["fingerprint"]
        assert load_recommender(project) is not None
        extra, _ = parse(MARKED[4])
        doc, _, _ = project.add_document(extra, key="more")
        project.set_status(doc.id, Status.DONE)
        assert train_project(project, None).trained is True  # a new finished document: learn again


def test_fewer_than_two_finished_documents_teach_nothing(project: Project) -> None:
    fill(project, MARKED[:1])
    fill(project, MARKED[1:3], done=False)
    with pytest.raises(ValidationError, match=r"there are 1 done document\(s\) with 3 such span\(s\), and it needs 2"):
        train_project(project, None)


def test_a_damaged_model_is_reported_not_crashed_on(project: Project) -> None:
    write_model(project, MODEL_KEY, b"not a crfsuite model", {"fingerprint": "x", "trained": "t"})
    with pytest.raises(ProjectError, match="cannot be read"):
        load_recommender(project)


def test_train_and_suggest_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "amal.db"
    with Project.create(path, coder="amal") as project:
        fill(project, MARKED[:1])
        text, _ = parse(NEW)
        project.add_document(text, key="new")
    runner = CliRunner()
    refused = runner.invoke(main, ["train", str(path)])
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert "it needs 2 documents" in refused.output
    early_copy = tmp_path / "early.db"  # suggestions stored here would hide the learned ones below
    shutil.copy(path, early_copy)
    early = runner.invoke(main, ["suggest", str(early_copy), "--doc", "new", "--train"])
    assert early.exit_code == 0 and "note: not trained:" in early.output and "new suggestion(s)" in early.output
    with Project.open(path) as project:
        fill(project, MARKED[1:])
    trained = runner.invoke(main, ["train", str(path)])
    assert trained.exit_code == 0, trained.output
    assert trained.output.strip() == f"trained the recommender on {sum(len(parse(m)[1]) for m in MARKED)} span(s) of 8 document(s)"
    plain = runner.invoke(main, ["suggest", str(path), "--doc", "new", "--no-model", "--no-gazetteer", "--json"])
    learned = runner.invoke(main, ["suggest", str(path), "--doc", "new", "--no-gazetteer", "--json"])
    assert '"suggester": "learned"' not in plain.output and '"suggester": "learned"' in learned.output


WORDS = words_of("قصفت الطائرات وبالباغوز قرية كفر الرمان ولواء الصناديد في ريف حلب الغربي أمس")


@given(st.lists(st.tuples(st.sampled_from(["PLACE", "ACTOR"]), st.integers(0, len(WORDS) - 1), st.integers(1, 3)), max_size=4))
def test_tags_give_back_the_spans_they_were_made_from(drawn: list[tuple[str, int, int]]) -> None:
    """For word-aligned spans that neither touch nor overlap (a proclitic may stay outside)."""
    spans: list[tuple[str, int, int]] = []
    taken: set[int] = set()
    for label, first, length in drawn:
        last = min(first + length, len(WORDS)) - 1
        if taken & set(range(first - 1, last + 2)):
            continue
        taken |= set(range(first, last + 1))
        offset = 1 if WORDS[first].text[0] in "وب" and len(WORDS[first].text) > 3 else 0
        spans.append((label, WORDS[first].start + offset, WORDS[last].end))
    assert spans_from_tags(WORDS, span_tags(WORDS, spans)) == sorted(spans, key=lambda s: s[1])
