"""The project file: creation, opening checks, annotations, history, status, search, duplicates."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from annotator.errors import ProjectError, ValidationError
from annotator.store.index import SEARCH_SCHEME
from annotator.store.project import Project
from annotator.store.schema import APPLICATION_ID, SCHEMA_VERSION
from annotator.text import normalize
from tests.conftest import ARTICLE
from tests.old_versions import as_version_2


def test_a_new_project_is_marked_as_ours(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path, coder="amal").close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with Project.open(path) as project:
        assert project.coder == "amal"
        assert project.codebook.label_names == ["ACTOR", "PLACE", "CASUALTY", "DATE"]
        assert len(project.project_id) == 36


def test_gold_is_not_a_coder_name(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="'gold' is the adjudicated layer"):
        Project.create(tmp_path / "p.db", coder="gold")
    assert not (tmp_path / "p.db").exists()


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "p.db").write_text("keep me")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(tmp_path / "p.db", coder="amal")
    assert (tmp_path / "p.db").read_text() == "keep me"


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"hello, not a database"), "not a project file (not a SQLite database)"),
        (lambda p: p.write_bytes(b""), "not a project file (not a SQLite database)"),
        (_foreign_sqlite, "not a project file of this tool (another program's SQLite database)"),
    ],
    ids=["text", "empty", "foreign-sqlite"],
)
def test_opening_something_else_is_a_clear_error(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "x.db"
    make(path)
    with pytest.raises(ProjectError) as caught:
        Project.open(path)
    assert str(caught.value) == f"{path}: {message}"


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path, coder="amal").close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(ProjectError, match="newer version of the annotator"):
        Project.open(path)


def test_a_file_with_foreign_triggers_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path, coder="amal").close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER evil AFTER INSERT ON annotations BEGIN DELETE FROM documents; END")
    conn.close()
    with pytest.raises(ProjectError, match="triggers or views"):
        Project.open(path)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project file"):
        Project.open(tmp_path / "nope.db")


def test_annotations_are_code_point_slices_of_the_stored_text(project: Project, article_doc) -> None:
    start = ARTICLE.index("٢٣")
    assert start > ARTICLE.index("😀")  # an astral character before it counts one code point
    ann = project.add_annotation(article_doc.id, "CASUALTY", start, start + 2, attrs={"value": 23})
    assert ann.text == "٢٣"
    assert project.annotations(article_doc.id) == [ann]


@pytest.mark.parametrize(
    ("label", "start", "end", "attrs", "message"),
    [
        ("CASUALTY", 5, 5, {}, "does not fit"),
        ("CASUALTY", -1, 3, {}, "does not fit"),
        ("CASUALTY", 0, len(ARTICLE) + 1, {}, "does not fit"),
        ("WEAPON", 0, 3, {}, "unknown label 'WEAPON'"),
        ("CASUALTY", 0, 3, {"value": "many"}, "whole number"),
        ("CASUALTY", 0, 3, {"value": -2}, "at least 0"),
    ],
)
def test_bad_annotations_are_refused(project: Project, article_doc, label, start, end, attrs, message) -> None:
    with pytest.raises(ValidationError, match=message):
        project.add_annotation(article_doc.id, label, start, end, attrs=attrs)
    assert project.annotations(article_doc.id) == []


def test_every_change_is_in_the_history_and_a_delete_can_be_undone(project: Project, article_doc) -> None:
    ann = project.add_annotation(article_doc.id, "PLACE", 0, 6)
    project.update_annotation(ann.id, label="ACTOR", attrs={"role": "target"})
    project.delete_annotation(ann.id)
    assert project.annotations(article_doc.id) == []
    actions = [entry.action for entry in project.history(annotation_id=ann.id)]
    assert actions == ["create", "update", "delete"]
    restored = project.restore_annotation(ann.id)
    assert restored.label == "ACTOR" and restored.attrs == {"role": "target"}
    assert restored == project.annotation(ann.id)  # its new ``updated`` stamp too
    assert project.annotations(article_doc.id)[0].id == ann.id
    deleted_snapshot = project.history(annotation_id=ann.id)[2].before
    assert deleted_snapshot is not None and deleted_snapshot["label"] == "ACTOR"


def test_a_restored_span_comes_back_with_the_stamp_it_is_stored_with(
    project: Project, article_doc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stamps are to the second: a clock that moves on at every reading shows a stale one."""
    ann = project.add_annotation(article_doc.id, "PLACE", 0, 6)
    project.delete_annotation(ann.id)
    ticks = iter(range(2_000_000_000, 3_000_000_000, 7))
    monkeypatch.setattr(time, "time", lambda: float(next(ticks)))
    restored = project.restore_annotation(ann.id)
    assert restored == project.annotation(ann.id)


def test_the_history_shows_each_span_as_it_was_created(project: Project, article_doc) -> None:
    """Bulk inserts store no snapshot with the creation; the history still shows one, as it was then."""
    kept = project.new_annotation(article_doc.id, "PLACE", 0, 6)
    changed = project.new_annotation(article_doc.id, "ACTOR", 7, 12, attrs={"role": "target"})
    project.insert_annotations([kept, changed])
    project.update_annotation(changed.id, label="PLACE", attrs={})
    project.delete_annotation(changed.id)
    project.restore_annotation(changed.id)
    created = {e.annotation_id: e.after for e in project.history(doc_id=article_doc.id) if e.action == "create"}
    assert created[kept.id] is not None and created[kept.id]["label"] == "PLACE"
    assert created[changed.id] is not None
    assert (created[changed.id]["label"], created[changed.id]["attrs"]) == ("ACTOR", {"role": "target"})
    assert created[changed.id] == project.history(annotation_id=changed.id)[1].before


def test_edits_are_committed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    project = Project.create(path, coder="amal")
    doc, _, _ = project.add_document(ARTICLE, key="d1")
    ann = project.add_annotation(doc.id, "CASUALTY", 7, 9, attrs={"value": 54, "status": "killed"})
    project.set_status(doc.id, "in_progress", comment="check the figure")
    # A second connection sees it before the first closes: nothing waits for a save.
    with Project.open(path, readonly=True) as other:
        assert other.annotations(doc.id) == [ann]
        assert other.status(doc.id).comment == "check the figure"
    project.close()


def test_the_same_text_is_stored_once_and_missing_metadata_filled(project: Project) -> None:
    first, added, _ = project.add_document(ARTICLE, key="a")
    second, added_again, _ = project.add_document(ARTICLE, key="b", title="عنوان", url="https://example.org/1")
    assert added and not added_again
    assert second.id == first.id and second.key == "a"
    assert second.title == "عنوان" and second.url == "https://example.org/1"
    assert project.document_count() == 1


def test_a_taken_key_gets_a_suffix(project: Project) -> None:
    project.add_document("نص أول", key="1")
    doc, _, _ = project.add_document("نص ثان مختلف", key="1")
    assert doc.key == "1~2"


def test_search_ignores_diacritics_tatweel_hamza_and_proclitics(project: Project) -> None:
    project.add_document("قُتِلَ ثلاثة في بغـــداد", key="a")
    project.add_document("غارة بدير الزور اليوم", key="b")
    project.add_document("أعلن المرصد السوري", key="c")
    keys = lambda q: [d.key for d in project.documents(search=q)]  # noqa: E731
    assert keys("قتل") == ["a"]
    assert keys("بغداد") == ["a"]
    assert keys("دير الزور") == ["b"]
    project.add_document("قصف على دير الزور ثم على والباغوز", key="d")
    assert keys("بدير الزور") == ["b", "d"]  # the query's proclitic counts no more than the text's
    assert keys("الباغوز") == keys("والباغوز") == ["d"]
    assert keys("اعلن") == ["c"]
    assert keys("حلب") == []
    assert project.document_count(search="بغداد") == 1


def test_status_filter_and_flags(project: Project) -> None:
    a, _, _ = project.add_document("نص أول", key="a")
    b, _, _ = project.add_document("نص ثان", key="b")
    project.set_status(a.id, "done")
    project.set_status(b.id, flagged=True, comment="؟")
    assert [d.key for d in project.documents(status="done")] == ["a"]
    assert [d.key for d in project.documents(status="new")] == ["b"]
    assert [d.key for d in project.documents(status="flagged")] == ["b"]
    with pytest.raises(ValidationError, match="unknown status"):
        project.set_status(a.id, "finished")


def test_near_duplicates_are_detected_on_normalised_text(project: Project) -> None:
    report = (
        "أعلن التحالف الذي تقوده الولايات المتحدة أن قواته ربما نفذت ضربات أمس الخميس في منطقة سورية "
        "أشار المرصد السوري لحقوق الإنسان إلى أن العشرات قتلوا فيها وذكر المرصد أن 54 شخصا بينهم "
        "مقاتلون و28 مدنيا لقوا حتفهم في الغارة على الباغوز فوقاني"
    )
    other_outlet = "سوريا.. " + report.replace("أعلن", "أعْلَنَ").replace("الخميس", "الخمـيس") + " بحسب رويترز."
    project.add_document(report, key="reuters")
    _, _, duplicates = project.add_document(other_outlet, key="alarabiya")
    _, _, none = project.add_document("نص آخر تماما عن حلب وإدلب وحماة", key="other")
    assert [project.document(d).key for d, _ in duplicates] == ["reuters"]
    assert none == []
    assert project.duplicates()[0][:2] == ("alarabiya", "reuters")
    assert [d.duplicate_of for d in project.documents()] == [None, "reuters", None]


def test_sketches_from_another_scheme_are_rebuilt_on_opening(tmp_path: Path) -> None:
    """A file whose stored sketches were hashed differently (an older version, another Python)
    still finds the near-duplicates of what is imported next."""
    report = (
        "أعلن التحالف الذي تقوده الولايات المتحدة أن قواته ربما نفذت ضربات أمس الخميس في منطقة سورية "
        "أشار المرصد السوري لحقوق الإنسان إلى أن العشرات قتلوا فيها وذكر المرصد أن 54 شخصا"
    )
    path = tmp_path / "old.db"
    with Project.create(path, coder="amal") as project:
        project.add_document(report, key="reuters")
        with project.transaction():
            project.conn.execute("UPDATE bands SET key = key + 1")
            project.conn.execute("UPDATE signatures SET minhash = zeroblob(length(minhash))")
            project.conn.execute("UPDATE meta SET value = 'words3-crc32' WHERE key = 'sketch_scheme'")
    with Project.open(path) as project:
        _, _, duplicates = project.add_document(report + " بحسب رويترز.", key="alarabiya")
    assert [other for other, _ in duplicates] == [1]


def test_a_search_index_made_by_an_older_version_is_rebuilt_on_opening(tmp_path: Path) -> None:
    """Version 0.x files let FTS5's unicode61 tokenizer find the words; the index is rebuilt
    with the terms this version works out, and finds what the old one found and more."""
    path = tmp_path / "old.db"
    with Project.create(path, coder="amal") as project:
        project.add_document("غارة على (والباغوز) اليوم", title="Reuters", key="a")
        project.add_document("قصف بدير الزور", key="b")
        with project.transaction():
            project.conn.execute("DROP TABLE search")
            project.conn.execute(
                "CREATE VIRTUAL TABLE search USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2')"
            )
            project.conn.execute("DELETE FROM meta WHERE key = 'search_scheme'")
    with Project.open(path) as project:
        sql = project.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'search'").fetchone()[0]
        assert "tokenize='ascii'" in sql
        keys = lambda q: [d.key for d in project.documents(search=q)]  # noqa: E731
        assert keys("الباغوز") == ["a"]  # in brackets, the clitic was not seen before
        assert keys("دير الزور") == ["b"]
        assert keys("reuters") == ["a"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'search_scheme'").fetchone()[0] == SEARCH_SCHEME
    conn.close()


def _as_version_1(path: Path) -> None:
    """Turn a new project file into what version 0.1.0 wrote: schema 1, without the sketch-by-document index."""
    _as_version_2(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX sketches_by_document")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def _as_version_2(path: Path) -> None:
    as_version_2(path)


def test_a_version_1_file_is_read_as_it_is_and_upgraded_when_opened_for_writing(tmp_path: Path) -> None:
    report = "أعلن التحالف أن قواته ربما نفذت ضربات أمس الخميس في منطقة سورية أشار المرصد إلى أن العشرات قتلوا فيها"
    path = tmp_path / "coder.db"
    with Project.create(path, coder="amal") as project:
        project.add_document(report, key="reuters")
    _as_version_1(path)
    with Project.open(path, readonly=True) as project:  # a lead reading a coder's file from 0.1.0
        assert [d.key for d in project.documents(search="التحالف")] == ["reuters"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # reading changed nothing
    conn.close()
    with Project.open(path) as project:
        _, _, duplicates = project.add_document(report + " بحسب رويترز.", key="alarabiya")
        assert [other for other, _ in duplicates] == [1]
        assert any(b.reason == "schema-v1" for b in project.backups())
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert conn.execute("SELECT count(*) FROM signatures").fetchone()[0] == 2
    conn.close()


def test_a_file_indexed_by_0_1_is_searched_the_way_0_1_indexed_it_when_read_only(tmp_path: Path) -> None:
    """0.1 let FTS5's unicode61 find the words of each piece: a lead reading a coder's file
    read-only (nothing is rebuilt) must find what 0.1 found there."""
    path = tmp_path / "coder.db"
    texts = {"a": "غارة على (والباغوز) اليوم", "b": "قصف على دير الزور"}  # no piece starts with a proclitic
    with Project.create(path, coder="amal") as project:
        for key, text in texts.items():
            project.add_document(text, key=key)
    _as_version_1(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE search")
    conn.execute("CREATE VIRTUAL TABLE search USING fts5(title, body, content='', tokenize='unicode61 remove_diacritics 2')")
    for doc_id, text in conn.execute("SELECT id, text FROM documents").fetchall():
        conn.execute("INSERT INTO search(rowid, title, body) VALUES (?, '', ?)", (doc_id, normalize(text)))
    conn.execute("DELETE FROM meta WHERE key = 'search_scheme'")
    conn.commit()
    conn.close()
    with Project.open(path, readonly=True) as project:
        keys = lambda q: [d.key for d in project.documents(search=q)]  # noqa: E731
        assert keys("(والباغوز)") == ["a"]
        assert keys("دير الزور") == ["b"]
        assert keys("على") == ["a", "b"]


def test_restoring_the_copy_a_migration_kept_brings_it_forward_at_once(tmp_path: Path) -> None:
    path = tmp_path / "coder.db"
    with Project.create(path, coder="amal") as project:
        project.add_document("قصف على دير الزور", key="a")
    _as_version_1(path)
    with Project.open(path) as project:
        kept = next(b.path for b in project.backups() if b.reason == "schema-v1")
        project.add_document("غارة على الباغوز", key="b")
        project.restore(kept)
        assert project.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [d.key for d in project.documents()] == ["a"]
        assert [d.key for d in project.documents(search="بدير الزور")] == ["a"]
        assert project.conn.execute("SELECT doc_id FROM signatures").fetchall() == [(1,)]
