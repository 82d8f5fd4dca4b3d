"""Nothing let in: oversized and escaping inputs, hostile project files, full disks, read-only files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.errors import InputError, ProjectError
from annotator.importing import readers
from annotator.importing.run import import_sources
from annotator.store import schema
from annotator.store.project import Project


def test_a_text_file_too_large_for_one_article_is_refused(project: Project, tmp_path: Path) -> None:
    huge = tmp_path / "dump.txt"
    with open(huge, "wb") as handle:
        handle.truncate(readers.MAX_TEXT_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(InputError, match=r"the file is 50 MB, more than one document may hold"):
        import_sources(project, [huge])
    assert project.document_count() == 0


def test_a_jsonl_line_too_long_is_refused_without_reading_it_whole(project: Project, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(readers, "MAX_TEXT_BYTES", 100)
    source = tmp_path / "big.jsonl"
    source.write_text('{"text": "نص قصير"}\n{"text": "' + "ق" * 200 + '"}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_sources(project, [source])
    assert str(caught.value) == f"{source}, line 2: the line is longer than one document may be (0 MB)"
    assert project.document_count() == 0


def test_a_link_out_of_the_imported_folder_is_refused(project: Project, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة السر", encoding="utf-8")
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text("مقتل 23 مدنيا", encoding="utf-8")
    (folder / "b.txt").symlink_to(secret)
    with pytest.raises(InputError, match="outside the folder being imported"):
        import_sources(project, [folder])
    assert project.document_count() == 0


def test_a_huge_value_in_a_foreign_project_is_refused_not_loaded(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "p.db"
    with Project.create(path, coder="amal") as project:
        project.add_document("ق" * 5000, key="a")
    monkeypatch.setattr(schema, "MAX_VALUE_BYTES", 1000)
    result = CliRunner().invoke(main, ["export", str(path), "--format", "jsonl", "--out", "-"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: the project file could not be read or written (string or blob too big")


def test_a_full_disk_leaves_the_project_as_it_was_and_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.create(path, coder="amal") as project:
        project.add_document("نص أول", key="a")
        pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
        project.conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is now full
        with pytest.raises(ProjectError) as caught:
            project.add_document("ق" * 200_000, key="b")
        message = str(caught.value)
        assert message.startswith(f"{path}: the disk is full: the change was not saved")
        assert "save a copy of the project on another disk" in message
        assert project.document_count() == 1
    with Project.open(path) as again:
        assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [d.key for d in again.documents()] == ["a"]


def test_a_read_only_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.create(path, coder="amal") as project:
        doc, _, _ = project.add_document("نص أول", key="a")
        project.conn.execute("PRAGMA query_only = ON")  # as if the medium were read-only
        with pytest.raises(ProjectError, match="the file or its folder is read-only: the change was not saved"):
            project.add_annotation(doc.id, "PLACE", 0, 2)


def test_a_project_whose_schema_was_tampered_with_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path, coder="amal").close()
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW sneaky AS SELECT * FROM documents")
    conn.close()
    with pytest.raises(ProjectError, match="triggers or views"):
        Project.open(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP VIEW sneaky")
    conn.execute("CREATE TABLE extra (x)")
    conn.close()
    with pytest.raises(ProjectError, match=r"the project file's tables are not ours \(unexpected: extra\)"):
        Project.open(path)
