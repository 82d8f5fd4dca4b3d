"""A damaged project file (one byte flipped) is refused before it is written to, merged or
exported, with the way back; ``annotator restore`` brings a backup back over it."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.errors import DamagedProject, ProjectError
from annotator.export import ExportOptions, export
from annotator.importing.run import import_sources
from annotator.lead.merge import merge_projects
from annotator.store import integrity
from annotator.store.project import Project

TEXTS = [f"قصفت الطائرات بلدة الباغوز رقم {n} وقُتل {n} مدنيا في دير الزور" for n in range(60)]


def sound_project(path: Path) -> Path:
    with Project.create(path, coder="amal") as project:
        for number, text in enumerate(TEXTS):
            doc, _, _ = project.add_document(text, key=f"d{number}")
            project.add_annotation(doc.id, "PLACE", 19, 26)
    return path


def checks(path: Path) -> tuple[str, str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0], conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError:
        return "error", "error"
    finally:
        conn.close()


@pytest.fixture(scope="module")
def damaged_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project with one byte flipped where only ``integrity_check`` sees it (an index row lost),
    as in the report: ``quick_check`` passes such a file."""
    folder = tmp_path_factory.mktemp("damage")
    source = sound_project(folder / "sound.db")
    size = source.stat().st_size
    trial = folder / "trial.db"
    for offset in range(size // 2, size, 97):
        shutil.copy(source, trial)
        with open(trial, "r+b") as handle:
            handle.seek(offset)
            byte = handle.read(1)
            handle.seek(offset)
            handle.write(bytes([byte[0] ^ 0x20]))
        quick, full = checks(trial)
        if quick == "ok" and full not in ("ok", "error") and opens_read_only(trial):
            return trial
    pytest.fail("no flipped byte gave index damage")


def opens_read_only(path: Path) -> bool:
    """Whether reading the file shows nothing wrong: a flip in a label's name (its row and its
    index then disagree) is refused as a damaged codebook when the file is opened, before any
    export or merge could check the file, which is not the damage these tests are about."""
    try:
        Project.open(path, readonly=True).close()
    except ProjectError:
        return False
    return True


def fresh(damaged_copy: Path, tmp_path: Path) -> Path:
    path = tmp_path / "p.db"
    shutil.copy(damaged_copy, path)
    return path


def test_a_damaged_file_is_not_opened_for_writing(damaged_copy: Path, tmp_path: Path) -> None:
    path = fresh(damaged_copy, tmp_path)
    with pytest.raises(DamagedProject, match="damaged .*annotator restore"):
        Project.open(path)
    source = tmp_path / "more.jsonl"
    source.write_text(json.dumps({"text": "خبر جديد عن غارة"}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), str(source)])
    assert result.exit_code == 1
    assert "the project file is damaged" in result.stderr and "annotator restore" in result.stderr


def test_a_damaged_file_is_not_exported_or_merged(damaged_copy: Path, tmp_path: Path) -> None:
    path = fresh(damaged_copy, tmp_path)
    with Project.open(path, readonly=True) as project, pytest.raises(DamagedProject):
        export(project, ExportOptions(format="jsonl", status="all"), tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()
    with pytest.raises(DamagedProject):
        merge_projects(tmp_path / "merged.db", [path])
    assert not (tmp_path / "merged.db").exists()


def test_restore_brings_a_backup_back_over_a_damaged_file(damaged_copy: Path, tmp_path: Path) -> None:
    path = sound_project(tmp_path / "p.db")
    with Project.open(path) as project:
        project.add_document("نص أضيف قبل النسخة", key="kept")
        kept_backup = project.save_copy(tmp_path / "copy.db")
    # A backup beside the file, as a migration or a new version makes one.
    shutil.move(kept_backup, tmp_path / "p.db.backup-20260101T000000000000-by-hand")
    shutil.copy(damaged_copy, path)
    listed = CliRunner().invoke(main, ["restore", str(path), "--list"])
    assert listed.exit_code == 0 and "by-hand" in listed.stdout
    restored = CliRunner().invoke(main, ["restore", str(path), "1"])
    assert restored.exit_code == 0, restored.output
    assert "the damaged file was kept as p.db.damaged-" in restored.stdout
    with Project.open(path) as project:
        assert project.document_count() == len(TEXTS) + 1
    assert len(list(tmp_path.glob("p.db.damaged-*"))) == 1


def test_a_sound_state_is_checked_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sound_project(tmp_path / "p.db")
    runs: list[Path] = []
    real = integrity.problems

    def counted(conn: sqlite3.Connection, where: Path) -> list[str]:
        runs.append(where)
        return real(conn, where)

    monkeypatch.setattr(integrity, "problems", counted)
    Project.open(path).close()
    with Project.open(path) as project:  # the state this app left: not read again
        project.add_document("نص آخر", key="later")
        # Held for writing by this process since it was checked: an export reads it unchecked.
        export(project, ExportOptions(format="jsonl", status="all"), tmp_path / "out.jsonl")
    with Project.open(path, readonly=True) as project:
        project.check_integrity()
    assert runs == []  # the file was made by this app, and only this app wrote it since
    stamp = path.stat()
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))  # touched from outside
    Project.open(path).close()
    assert runs == [path]


def test_an_import_into_a_sound_file_is_unaffected(tmp_path: Path) -> None:
    path = sound_project(tmp_path / "p.db")
    source = tmp_path / "more.jsonl"
    source.write_text(json.dumps({"text": "خبر جديد عن غارة"}, ensure_ascii=False) + "\n", encoding="utf-8")
    with Project.open(path) as project:
        import_sources(project, [source])
        assert project.document_count() == len(TEXTS) + 1
