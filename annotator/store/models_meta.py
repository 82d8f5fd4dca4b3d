"""A learned model kept in the project file's ``meta`` table, beside what it was trained on.

The recommender (:mod:`annotator.suggest.recommender`) belongs to the project: it
travels with the file, a backup keeps it, and a coder who opens the project on
another machine has it. ``meta`` holds text, so the model's bytes are base64 under
``<name>`` and its stamp (when, on how many documents and spans, a fingerprint of
them) as JSON under ``<name>.stamp``; no table is added for it.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from annotator.errors import ProjectError
from annotator.store.base import StoreBase


def read_model(project: StoreBase, name: str) -> tuple[bytes, dict[str, Any]] | None:
    """The model stored under ``name`` and its stamp, or None if there is none."""
    rows = dict(
        project.conn.execute("SELECT key, value FROM meta WHERE key IN (?, ?)", (name, f"{name}.stamp")).fetchall()
    )
    if name not in rows:
        return None
    try:
        data = base64.b64decode(rows[name], validate=True)
        stamp = json.loads(rows.get(f"{name}.stamp", "{}"))
    except (binascii.Error, ValueError):
        raise ProjectError(f"the stored model {name!r} is damaged; train it again", path=project.path) from None
    return data, stamp if isinstance(stamp, dict) else {}


def read_model_stamp(project: StoreBase, name: str) -> dict[str, Any] | None:
    """Only the stamp of the model under ``name`` (cheap: the model itself is not read)."""
    row = project.conn.execute("SELECT value FROM meta WHERE key = ?", (f"{name}.stamp",)).fetchone()
    if row is None:
        return None
    try:
        stamp = json.loads(row[0])
    except ValueError:
        return None
    return stamp if isinstance(stamp, dict) else None


def write_model(project: StoreBase, name: str, data: bytes, stamp: dict[str, Any]) -> None:
    """Store (or replace) the model under ``name`` with its stamp, in one transaction."""
    with project.transaction():
        project.conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (name, base64.b64encode(data).decode("ascii"))
        )
        project.conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            (f"{name}.stamp", json.dumps(stamp, ensure_ascii=False, sort_keys=True)),
        )
