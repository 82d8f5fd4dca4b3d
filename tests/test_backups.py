"""Backups next to the file, restore, and the history that brings back any span."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import main
from annotator.store.backups import list_backups
from annotator.store.project import Project


def _pretend_written_by(path: Path, version: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'app_version'", (version,))
    conn.commit()
    conn.close()


def test_a_new_version_keeps_a_copy_on_first_open(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.create(path, coder="amal") as project:
        doc, _, _ = project.add_document("مقتل 23 مدنيا", key="a")
        project.add_annotation(doc.id, "CASUALTY", 5, 7, attrs={"value": 23})
    assert list_backups(path) == []
    _pretend_written_by(path, "0.0.9")
    Project.open(path).close()
    (backup,) = list_backups(path)
    assert backup.reason == "from-0.0.9"
    with Project.open(backup.path, readonly=True) as copy:
        assert [a.text for a in copy.annotations()] == ["23"]
    Project.open(path).close()  # the same version again: no new copy
    assert len(list_backups(path)) == 1


def test_restore_brings_a_copy_back_and_keeps_the_state_before(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.create(path, coder="amal") as project:
        doc, _, _ = project.add_document("مقتل 23 مدنيا", key="a")
        project.add_annotation(doc.id, "CASUALTY", 5, 7, attrs={"value": 23})
    _pretend_written_by(path, "0.0.9")
    with Project.open(path) as project:
        project.delete_annotation(project.annotations()[0].id)
        project.add_document("نص لاحق", key="b")
    runner = CliRunner()
    listed = runner.invoke(main, ["restore", str(path), "--list"])
    assert listed.exit_code == 0 and "from-0.0.9" in listed.stdout
    result = runner.invoke(main, ["restore", str(path), "1"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("restored p.db.backup-") and "the state before was kept as" in result.stdout
    with Project.open(path) as project:
        assert [a.text for a in project.annotations()] == ["23"]
        assert project.document_count() == 1
        assert [b.reason for b in project.backups()][0] == "before-restore"


def test_restore_of_an_unknown_backup_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path, coder="amal").close()
    result = CliRunner().invoke(main, ["restore", str(path), "7"])
    assert result.exit_code == 1
    assert result.stderr == f"error: {path}: no backup '7' (see annotator restore {path} --list)\n"


def test_history_reverts_an_overwrite_and_a_delete(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Project.create(path, coder="amal") as project:
        doc, _, _ = project.add_document("قتل 54 شخصا في الباغوز", key="d1")
        ann = project.add_annotation(doc.id, "CASUALTY", 4, 6, attrs={"value": 54, "status": "killed"})
        project.update_annotation(ann.id, attrs={"value": 45})
        project.delete_annotation(ann.id)
        entries = project.history(annotation_id=ann.id)
    runner = CliRunner()
    listing = runner.invoke(main, ["history", str(path), "--doc", "d1"])
    assert [line.split("\t")[2] for line in listing.stdout.splitlines()] == ["create", "update", "delete"]
    result = runner.invoke(main, ["history", str(path), "--revert", str(entries[2].id)])
    assert result.exit_code == 0 and result.stdout == f"reverted change {entries[2].id}: CASUALTY [4, 6) 54\n"
    with Project.open(path) as project:
        assert project.annotations()[0].attrs == {"value": 45}
        project.revert(entries[1].id)  # the overwrite: value 54 and status killed come back
        assert project.annotations()[0].attrs == {"value": 54, "status": "killed"}
