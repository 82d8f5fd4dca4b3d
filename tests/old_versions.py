"""Project files as older versions wrote them, made from a new file: what migration tests open."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def as_version_3(path: Path) -> None:
    """What a version before MinHash bands wrote: schema 3, bottom-k sketches (16 hashes per
    document, under a sketch scheme of its own) and no signatures or bands."""
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE signatures")
    conn.execute("DROP TABLE bands")
    conn.execute("CREATE TABLE sketches (hash INTEGER NOT NULL, doc_id INTEGER NOT NULL REFERENCES documents(id))")
    conn.execute("CREATE INDEX sketches_by_hash ON sketches(hash, doc_id)")
    conn.execute("CREATE INDEX sketches_by_document ON sketches(doc_id)")
    for (doc_id,) in conn.execute("SELECT id FROM documents").fetchall():
        conn.executemany("INSERT INTO sketches(hash, doc_id) VALUES (?, ?)", [(doc_id * 100 + n, doc_id) for n in range(16)])
    conn.execute("UPDATE meta SET value = 'words3-crc32-tuple:1' WHERE key = 'sketch_scheme'")
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()


def as_version_2(path: Path) -> None:
    """What a version before events wrote: schema 2, no event tables, no event types in its codebook."""
    as_version_3(path)
    conn = sqlite3.connect(path)
    for table in ("event_history", "event_slots", "events"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DELETE FROM meta WHERE key = 'event_types'")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
