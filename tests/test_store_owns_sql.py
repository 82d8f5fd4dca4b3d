"""The store is the one owner of SQL: no module outside ``annotator/store/`` (the window's
included) holds a connection or runs a statement; merge, adjudication, exports, suggesters
and the window call the store's methods. Tests and benchmarks may open connections."""

from __future__ import annotations

import ast
from pathlib import Path

import annotator

ROOT = Path(annotator.__file__).parent
UI = ROOT.parent / "ui"
STATEMENTS = {"execute", "executemany", "executescript"}


def sql_uses(source: str) -> list[tuple[int, str]]:
    """Lines of ``source`` that reach a connection (``.conn``), run a statement, or index the
    sqlite-utils ``Database`` (``.db[...]``); strings and comments do not count."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "conn":
            found.append((node.lineno, ".conn"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STATEMENTS:
            found.append((node.lineno, f".{node.func.attr}("))
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "db":
            found.append((node.lineno, ".db[...]"))
    return sorted(found)


def test_no_module_outside_the_store_touches_sql() -> None:
    modules = sorted([*ROOT.rglob("*.py"), *UI.rglob("*.py")])
    assert len(modules) > 50 and any(UI in path.parents for path in modules)
    offenders = [
        f"{path.relative_to(ROOT.parent)}:{line}: {what}"
        for path in modules
        if ROOT / "store" not in path.parents
        for line, what in sql_uses(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_check_finds_each_way_of_reaching_sql() -> None:
    source = '''
"""project.conn.execute("SELECT 1") in a docstring is only text."""
rows = project.conn.execute("SELECT id FROM documents")  # one line, two findings
cursor.executemany("INSERT INTO t VALUES (?)", rows)
project.db["documents"].update(1, {"title": "غارة"})
'''
    assert sql_uses(source) == [(3, ".conn"), (3, ".execute("), (4, ".executemany("), (5, ".db[...]")]


LEAD_AND_CODER_WORK = """
import sys
from pathlib import Path
from annotator.export import ExportOptions, export
from annotator.lead import adjudication
from annotator.lead.merge import merge_projects
from annotator.store.project import Project
from annotator.suggest.memory import project_memory

folder = Path(sys.argv[1])
for coder in ("amal", "omar"):
    with Project.create(folder / f"{coder}.db", coder=coder) as project:
        doc, _, _ = project.add_document("قصف على دير الزور والباغوز", key="d1")
        project.add_annotation(doc.id, "PLACE", 8, 17)
        project.add_annotation(doc.id, "PLACE", 19 if coder == "amal" else 18, 26)  # الباغوز / والباغوز
        project.set_status(doc.id, "done")
        project_memory(project)
merge_projects(folder / "merged.db", [folder / "amal.db", folder / "omar.db"])
with Project.open(folder / "merged.db") as merged:
    adjudication.auto_adjudicate(merged)
    place = next(item for item in adjudication.items(merged, 1) if item.open)
    rejection = adjudication.reject(merged, place.versions[0].annotation_ids, by="lead")
    adjudication.unreject(merged, rejection.id)
    export(merged, ExportOptions(format="jsonl", layer="gold"), folder / "gold.jsonl")
print("sqlite_utils" in sys.modules)
"""


def test_coding_merging_adjudicating_and_exporting_never_import_sqlite_utils(tmp_path: Path) -> None:
    """Importing sqlite-utils (and pandas, when installed) takes most of a second: none of the
    everyday paths may pay it, so only ``Project.db`` and a re-import's metadata fill use it."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", LEAD_AND_CODER_WORK, str(tmp_path)], capture_output=True, text=True,
                          cwd=ROOT.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
    assert '"label": "PLACE"' in (tmp_path / "gold.jsonl").read_text(encoding="utf-8")
