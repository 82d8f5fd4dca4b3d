"""Atomic, deterministic output: same project, same bytes; a failed export changes nothing."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.errors import AnnotatorError
from annotator.export import ExportOptions, export
from annotator.export.files import MARKER, write_folder, write_text
from annotator.store.project import Project

EVERY_FORMAT = [
    ("jsonl", "out.jsonl", {}),
    ("conll", "out.conll", {}),
    ("hf", "hf", {}),
    ("spacy", "out.spacy", {}),
    ("brat", "brat", {}),
    ("html", "out.html", {}),
    ("jsonl", "split", {"split": "50,50", "seed": 9}),
    ("conll", "conll-split", {"split": "40,30,30", "seed": 9, "split_clitics": True, "layer_per_label": True}),
]


def digest(path: Path) -> str:
    """One hash over a file, or over every file (name and bytes) of a folder."""
    hasher = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        hasher.update(str(file.relative_to(path.parent)).encode() + b"\0" + file.read_bytes())
    return hasher.hexdigest()


@pytest.mark.parametrize(("fmt", "name", "extra"), EVERY_FORMAT)
def test_same_project_same_bytes(annotated: Project, tmp_path: Path, fmt: str, name: str, extra: dict):
    if fmt == "spacy":
        pytest.importorskip("spacy")
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    export(annotated, ExportOptions(format=fmt, status="all", **extra), first / name)
    export(annotated, ExportOptions(format=fmt, status="all", **extra), second / name)
    assert digest(first / name) == digest(second / name)
    # and again over the earlier export: the folder is replaced whole
    export(annotated, ExportOptions(format=fmt, status="all", **extra), first / name)
    assert digest(first / name) == digest(second / name)
    assert [p.name for p in first.iterdir()] == [name]  # no temporary leftovers


def test_a_failing_writer_leaves_the_old_file(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def broken(handle) -> int:  # type: ignore[no-untyped-def]
        handle.write("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_text(target, broken)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_a_failing_folder_export_leaves_the_old_folder(tmp_path: Path):
    target = tmp_path / "hf"
    target.mkdir()
    (target / "README.md").write_text(f"# x\n\n{MARKER}\n", encoding="utf-8")

    def broken(folder: Path) -> None:
        (folder / "data.jsonl").write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_folder(target, broken)
    assert sorted(p.name for p in target.iterdir()) == ["README.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hf"]


def test_a_folder_of_the_users_is_never_replaced(annotated: Project, tmp_path: Path):
    precious = tmp_path / "Documents"
    precious.mkdir()
    (precious / "thesis.docx").write_bytes(b"years of work")
    result = CliRunner().invoke(main, ["export", str(annotated.path), "--format", "brat", "--out", str(precious)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {precious}: the folder is not empty and was not written by an earlier export; choose a new folder\n"
    )
    assert (precious / "thesis.docx").read_bytes() == b"years of work"
    empty = tmp_path / "empty"
    empty.mkdir()
    export(annotated, ExportOptions(format="brat"), empty)  # an empty folder is fine
    assert (empty / "annotation.conf").exists()


def test_folder_and_file_mix_ups_are_clear(annotated: Project, tmp_path: Path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(AnnotatorError, match="a file of that name exists; this export writes a folder"):
        export(annotated, ExportOptions(format="hf"), tmp_path / "file")
    with pytest.raises(AnnotatorError, match="that is a folder; this export writes one file"):
        export(annotated, ExportOptions(format="conll"), tmp_path)


def test_exported_files_get_ordinary_permissions(annotated: Project, tmp_path: Path):
    """Temporary files are created 0600 and folders 0700; the export must end up as the umask says."""
    previous = os.umask(0o022)
    try:
        export(annotated, ExportOptions(format="hf"), tmp_path / "hf")
        export(annotated, ExportOptions(format="jsonl"), tmp_path / "a.jsonl")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "hf").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "hf" / "data.jsonl").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "a.jsonl").stat().st_mode) == 0o644
