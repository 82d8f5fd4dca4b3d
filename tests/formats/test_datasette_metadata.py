"""``annotator datasette-metadata``: metadata in Datasette's format
(https://docs.datasette.io/en/stable/metadata.html: ``databases.NAME.tables.TABLE`` with
``description``, ``columns``, ``facets``, ``hidden``; ``databases.NAME.queries`` of canned SQL)
whose every table, column and query holds against a real merged project."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from format_helpers import Run

from annotator.lead.merge import merge_projects
from annotator.store.project import Project

ARTICLES = ["قصف على دير الزور والباغوز أدى إلى مقتل 12 مدنيا", "اشتباكات في إدلب بين قوات النظام والفصائل"]


def merged(folder: Path) -> Path:
    """Two coders who finished both articles and disagree twice: الباغوز / والباغوز, and قوات النظام."""
    for coder in ("amal", "omar"):
        with Project.create(folder / f"{coder}.db", coder=coder) as project:
            first, _, _ = project.add_document(ARTICLES[0], key="d1")
            project.add_annotation(first.id, "PLACE", 8, 17)
            project.add_annotation(first.id, "PLACE", 19 if coder == "amal" else 18, 26)
            second, _, _ = project.add_document(ARTICLES[1], key="d2")
            project.add_annotation(second.id, "PLACE", 12, 16)
            if coder == "omar":
                project.add_annotation(second.id, "ACTOR", 21, 32)
            project.set_status(first.id, "done")
            project.set_status(second.id, "done")
    merge_projects(folder / "merged.db", [folder / "amal.db", folder / "omar.db"])
    return folder / "merged.db"


def test_every_table_column_facet_and_query_holds_on_a_merged_project(tmp_path: Path, cli: Run) -> None:
    project = merged(tmp_path)
    before = hashlib.sha256(project.read_bytes()).hexdigest()
    out = tmp_path / "metadata.json"
    code, _, err = cli("datasette-metadata", project, "--out", out)
    assert code == 0
    assert err == f"wrote {out}; browse the project with: datasette -i {project} -m {out}\n"
    metadata = json.loads(out.read_text(encoding="utf-8"))
    database = metadata["databases"]["merged"]  # Datasette names a database after its file
    connection = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    for table, described in database["tables"].items():
        assert table in names, table
        columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
        assert set(described.get("columns", {})) <= columns, table
        assert set(described.get("facets", [])) <= columns, table
    assert {"label", "coder"} <= set(database["tables"]["annotations"]["facets"])
    assert {"status", "coder"} <= set(database["tables"]["document_status"]["facets"])
    results = {
        name: connection.execute(query["sql"], {"status": "done", "document": "d1"}).fetchall()
        for name, query in database["queries"].items()
    }
    assert results["spans_per_label"] == [("amal", "PLACE", 3, 2), ("omar", "ACTOR", 1, 1), ("omar", "PLACE", 3, 2)]
    assert ("amal", "done", 2) in results["status_counts"] and ("omar", "done", 2) in results["status_counts"]
    assert len(results["documents_by_status"]) == 4
    assert [row[2:] for row in results["disagreements"]] == [
        ("PLACE", 18, 26, "والباغوز", "omar", "amal"),
        ("PLACE", 19, 26, "الباغوز", "amal", "omar"),
        ("ACTOR", 21, 32, "قوات النظام", "omar", "amal"),
    ]
    assert len(results["document_spans"]) == 4
    connection.close()
    assert hashlib.sha256(project.read_bytes()).hexdigest() == before


def test_a_coders_own_file_has_no_disagreements(tmp_path: Path, cli: Run) -> None:
    merged(tmp_path)
    code, out, _ = cli("datasette-metadata", tmp_path / "amal.db")
    assert code == 0
    query = json.loads(out)["databases"]["amal"]["queries"]["disagreements"]["sql"]
    with sqlite3.connect(f"file:{tmp_path / 'amal.db'}?mode=ro", uri=True) as connection:
        assert connection.execute(query).fetchall() == []


def test_a_file_that_is_no_project_is_refused_in_one_line(tmp_path: Path, cli: Run) -> None:
    other = tmp_path / "notes.db"
    other.write_text("not a database", encoding="utf-8")
    code, out, err = cli("datasette-metadata", other)
    assert (code, out) == (1, "")
    assert err == f"error: {other}: not a project file (not a SQLite database)\n"
