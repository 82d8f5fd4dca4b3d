"""An import into a project that had no document finds near-duplicates among its own documents
in memory: the same pairs the file's statement finds, across files, after a skipped bad file,
and past the number of documents kept in memory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.importing.run import import_sources
from annotator.store import documents
from annotator.store.project import Project
from tests.test_near_duplicates import WORDS, _bulletin

BOILERPLATE = "وذكر المرصد السوري لحقوق الإنسان في بيان له اليوم أن"


def _texts() -> list[str]:
    """Templated bulletins (near-duplicates of each other, buckets fuller than they keep) and
    reports sharing only boilerplate, interleaved."""
    texts = []
    for n in range(1, 241):
        texts.append(_bulletin(n))
        if n % 3 == 0:
            own = " ".join(f"{WORDS[(n * 7 + k) % len(WORDS)]}{n}" for k in range(40))
            texts.append(f"{BOILERPLATE} {own}")
    return texts


def _files(folder: Path, texts: list[str], per_file: int) -> list[Path]:
    paths = []
    for start in range(0, len(texts), per_file):
        path = folder / f"part{start // per_file:02d}.jsonl"
        lines = [json.dumps({"id": f"d{start + i}", "text": text}, ensure_ascii=False)
                 for i, text in enumerate(texts[start : start + per_file])]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _one_by_one(path: Path, texts: list[str], keys: list[str]) -> list[tuple[str, str, float]]:
    """The pairs the file's statement finds: each document added alone, outside an import."""
    with Project.create(path, coder="amal") as project:
        for key, text in zip(keys, texts, strict=True):
            project.add_document(text, key=key)
        return project.duplicates()


def _band_reads(project: Project) -> list[str]:
    reads: list[str] = []
    project.conn.set_trace_callback(lambda sql: reads.append(sql) if "FROM bands WHERE key" in sql else None)
    return reads


@pytest.mark.parametrize("kept", [None, 150])
def test_an_import_into_an_empty_project_finds_the_pairs_the_file_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: int | None
) -> None:
    if kept is not None:  # fewer kept in memory than the import adds: the file answers for the rest
        monkeypatch.setattr(documents, "RECENT_DOCUMENTS", kept)
    texts = _texts()
    expected = _one_by_one(tmp_path / "alone.db", texts, [f"d{i}" for i in range(len(texts))])
    assert len(expected) > 100  # the bulletins repeat each other
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        reads = _band_reads(project)
        report = import_sources(project, _files(tmp_path, texts, 60), worker=False)
        assert project.duplicates() == expected
        assert len(report.near_duplicates) == len(expected)
        assert (reads == []) == (kept is None)


def test_a_skipped_bad_file_leaves_no_document_behind_in_memory(tmp_path: Path) -> None:
    texts = _texts()
    first, bad, third = _files(tmp_path, texts[:150], 50)
    with open(bad, "a", encoding="utf-8") as handle:  # its documents are added, then rolled back
        handle.write('{"text": \n')
    kept = texts[:50] + texts[100:150]
    expected = _one_by_one(tmp_path / "alone.db", kept, [f"d{i}" for i in [*range(50), *range(100, 150)]])
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        report = import_sources(project, [first, bad, third], skip_bad=True, worker=False)
        assert [path for path, _ in report.skipped] == [str(bad)]
        assert project.duplicates() == expected


def test_an_import_into_a_project_with_documents_asks_the_file(tmp_path: Path) -> None:
    texts = _texts()
    expected = _one_by_one(tmp_path / "alone.db", texts, [f"d{i}" for i in range(len(texts))])
    first, *rest = _files(tmp_path, texts, 100)
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        import_sources(project, [first], worker=False)
        reads = _band_reads(project)
        import_sources(project, rest, worker=False)
        assert reads
        assert project.duplicates() == expected
