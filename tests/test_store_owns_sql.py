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
