"""The project file's schema, its version, and the checks run before trusting a file.

A project file may come from anyone (e-mail, a USB stick), so it is checked
before anything is read from it: SQLite header, ``application_id``, schema
version, and that it holds our tables and no triggers or views of anyone else.
Migrations run forward on open, each in one transaction, after a backup copy.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from annotator.codebook_reading import brought_forward
from annotator.errors import ProjectError, read_error
from annotator.plain_files import refuse_special
from annotator.store.backups import make_backup
from annotator.store.base import stored_codebook, write_codebook
from annotator.store.index import rebuild_sketches

APPLICATION_ID = 0x41524E4E  # "ARNN"
SCHEMA_VERSION = 4
SQLITE_HEADER = b"SQLite format 3\x00"
MAX_VALUE_BYTES = 256 * 2**20  # no text or JSON value of ours comes near it

# The search index holds terms the annotator worked out (annotator.store.index: normalised, folded,
# with bare forms after proclitics), separated by spaces: FTS5's plain ascii tokenizer then only
# splits them instead of finding the words a second time, the costliest part of indexing.
# Derived data: a file whose index was made another way is re-indexed on open (SEARCH_SCHEME).
# automerge 16: FTS5 merges segments once 16 of one size pile up, not 4 (its default): a bulk
# import merges less often, and searches are no slower (benchmarks/README.md).
SEARCH_TABLE = (
    "CREATE VIRTUAL TABLE search USING fts5(title, body, content='', tokenize='ascii')",
    "INSERT INTO search(search, rank) VALUES ('automerge', 16)",
)

# Version 2 adds one index: a near-duplicate candidate's sketch is read by document, and
# without it each read scans every sketch, a cost that grows with the archive and is paid for
# every candidate (in templated bulletins, every new document has some).
SKETCHES_BY_DOCUMENT = "CREATE INDEX sketches_by_document ON sketches(doc_id)"

# Version 3 adds events (DESIGN.md, "Events"): frames over spans of one document. An event is
# soft-deleted like a span, and keeps its slot rows then, so restoring it brings its slots back;
# every change writes full before/after snapshots (slots included) to event_history.
EVENT_TABLES = """
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    coder TEXT NOT NULL,
    type TEXT NOT NULL,
    attrs TEXT NOT NULL DEFAULT '{}',
    origin TEXT NOT NULL,
    provenance TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_by_document ON events(doc_id, deleted, coder);
CREATE TABLE event_slots (
    event_id TEXT NOT NULL REFERENCES events(id),
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    annotation_id TEXT NOT NULL REFERENCES annotations(id),
    PRIMARY KEY (event_id, role, position)
);
CREATE INDEX event_slots_by_annotation ON event_slots(annotation_id);
CREATE TABLE event_history (
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    doc_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT,
    at TEXT NOT NULL
);
CREATE INDEX event_history_by_event ON event_history(event_id);
CREATE INDEX event_history_by_document ON event_history(doc_id);
"""

# Version 4 finds near-duplicates by MinHash with LSH bands (annotator.store.near_duplicates)
# instead of bottom-k sketches: a document's signature and shingle set in one row, and its band
# keys in a table that is its own index (WITHOUT ROWID: one B-tree written per key, not two).
# The bands name no document by foreign key: they are derived data, rebuilt whole when the
# scheme changes, and some forty checks of the documents table per new document would cost more
# than the rest of their writing.
DUPLICATE_TABLES = """
CREATE TABLE signatures (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id),
    minhash BLOB NOT NULL,
    shingles BLOB NOT NULL
);
CREATE TABLE bands (
    key INTEGER NOT NULL,
    doc_id INTEGER NOT NULL,
    PRIMARY KEY (key, doc_id)
) WITHOUT ROWID;
"""

# A new file: the current version's tables.
TABLES = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE labels (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    color TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    strip_proclitics INTEGER NOT NULL DEFAULT 0,
    attributes TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    meta TEXT NOT NULL DEFAULT '{}',
    sha256 TEXT NOT NULL UNIQUE,
    imported_at TEXT NOT NULL
);
CREATE TABLE annotations (
    id TEXT PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    coder TEXT NOT NULL,
    label TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    attrs TEXT NOT NULL DEFAULT '{}',
    origin TEXT NOT NULL,
    provenance TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    CHECK ("start" >= 0 AND "end" > "start")
);
CREATE INDEX annotations_by_document ON annotations(doc_id, deleted, coder);
CREATE TABLE document_status (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    coder TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    flagged INTEGER NOT NULL DEFAULT 0,
    comment TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    PRIMARY KEY (doc_id, coder)
);
CREATE INDEX document_status_by_status ON document_status(coder, status);
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    annotation_id TEXT NOT NULL,
    doc_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT,
    at TEXT NOT NULL
);
CREATE INDEX history_by_annotation ON history(annotation_id);
CREATE INDEX history_by_document ON history(doc_id);
CREATE TABLE duplicates (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    other_id INTEGER NOT NULL REFERENCES documents(id),
    similarity REAL NOT NULL,
    PRIMARY KEY (doc_id, other_id)
);
{duplicate_tables}CREATE TABLE rejected_suggestions (
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    coder TEXT NOT NULL,
    label TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, coder, label, "start", "end")
);
{search_table};
-- Merged projects (annotator.lead.merge): which source file each coder layer came from.
CREATE TABLE merge_sources (
    coder TEXT PRIMARY KEY,
    project_id TEXT NOT NULL,
    path TEXT NOT NULL,
    source_modified TEXT NOT NULL,
    merged_at TEXT NOT NULL
);
-- Adjudication (annotator.lead.adjudication): coder spans the lead rejected for gold.
CREATE TABLE rejections (
    id TEXT PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id),
    sources TEXT NOT NULL,
    by TEXT NOT NULL,
    at TEXT NOT NULL
);
{event_tables}""".replace("{event_tables}", EVENT_TABLES).replace("{search_table}", ";\n".join(SEARCH_TABLE)).replace("{duplicate_tables}", DUPLICATE_TABLES.lstrip())

# Every object a file of each version may hold; anything else (a trigger, a view, a
# foreign table) means the file is not ours or was tampered with.
_FTS_SHADOW = {"search_data", "search_idx", "search_docsize", "search_config"}
_SKETCHES = {"sketches", "sketches_by_hash"}
_OBJECTS_V1 = {
    "meta", "labels", "documents", "annotations", "document_status", "history", "duplicates",
    "rejected_suggestions", "search",
    "annotations_by_document", "document_status_by_status", "history_by_annotation",
    "history_by_document",
    "merge_sources", "rejections",
} | _FTS_SHADOW | _SKETCHES
_OBJECTS_V3 = {
    "events", "events_by_document", "event_slots", "event_slots_by_annotation",
    "event_history", "event_history_by_event", "event_history_by_document",
}
EXPECTED_OBJECTS: dict[int, set[str]] = {
    1: _OBJECTS_V1,
    2: _OBJECTS_V1 | {"sketches_by_document"},
    3: _OBJECTS_V1 | {"sketches_by_document"} | _OBJECTS_V3,
    4: (_OBJECTS_V1 - _SKETCHES) | _OBJECTS_V3 | {"signatures", "bands"},
}

# MIGRATIONS[v] upgrades a file from version v to v + 1, inside one transaction.
def _add_sketches_by_document(conn: sqlite3.Connection) -> None:
    conn.execute(SKETCHES_BY_DOCUMENT)


def _add_event_tables(conn: sqlite3.Connection) -> None:
    for statement in EVENT_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    _bring_codebook_forward(conn)


def _bring_codebook_forward(conn: sqlite3.Connection) -> None:
    """A file on the built-in codebook gains its DATE label and ATTACK type, so a coder's
    existing project can hold events and still merges with new ones (``brought_forward``)."""
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    try:
        codebook = stored_codebook(conn, meta)
    except Exception:  # noqa: BLE001 - a damaged codebook is reported when the project opens, not here
        return
    forward = brought_forward(codebook)
    if forward != codebook:
        write_codebook(conn, forward)


def _signatures_for_sketches(conn: sqlite3.Connection) -> None:
    """Every document's signature and bands are made here, in the migration's transaction (after
    its backup), rather than when first needed: an import then never meets a document without
    one, which it would have to shingle from its text, and the near-duplicates of what is imported
    next are found among all the documents at once. It costs about as much as importing them."""
    conn.execute("DROP TABLE sketches")  # and its indexes
    for statement in DUPLICATE_TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    rebuild_sketches(conn)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _add_sketches_by_document,
    2: _add_event_tables,
    3: _signatures_for_sketches,
}
# Older versions this one reads without migrating them (a lead reads coders' files read-only):
# they lack only indexes and tables that writing needs (sketches or signatures: reading uses
# the pairs already found), or tables that would be empty (events: the event reads of a
# project find none in a file without them).
READABLE_AS_THEY_ARE = {1, 2, 3}


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open a SQLite connection with the settings every project connection needs.

    A file on a read-only medium (a CD, a write-protected stick, a read-only share) is opened
    ``immutable``: SQLite could not make the shared-memory file a WAL reader needs beside it,
    and nothing can change the file there anyway. Recent changes still in a ``-wal`` file
    beside it would be passed over that way, so such a file is refused instead, saying why.
    """
    mode = "ro" if readonly else "rwc"
    immutable = readonly and on_read_only_medium(path)
    if immutable and _has_pending_changes(path):
        raise ProjectError(
            f"the project is on a read-only disk or folder and its latest changes are still in {path.name}-wal "
            "beside it; copy both files to a folder you can write to and open the copy",
            path=path,
        )
    uri = f"file:{path.as_posix()}?mode={mode}" + ("&immutable=1" if immutable else "")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA trusted_schema = OFF")
        # A file from someone else may hold a huge value meant to exhaust memory: cap what SQLite will read.
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a commit survives a power cut, not only a crash (WAL with NORMAL may lose the last ones).
            conn.execute("PRAGMA synchronous = FULL")
            # Up to 128 MB of page cache (filled only as pages are used): a bulk import whose
            # pages spill from the default 2 MB cache writes them to the WAL again and again.
            conn.execute("PRAGMA cache_size = -131072")
    except sqlite3.DatabaseError as exc:
        raise read_error(exc, path) from None
    return conn


def on_read_only_medium(path: Path) -> bool:
    """Whether nothing may write beside ``path``: a read-only mount, or a folder this user may not write."""
    folder = path.absolute().parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    return not os.access(folder, os.W_OK)


def writable(path: Path) -> bool:
    """Whether this process may change the project file (and make its journal beside it)."""
    return not on_read_only_medium(path) and os.access(path, os.W_OK)


def _has_pending_changes(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def check_header(path: Path) -> None:
    """Refuse anything that is not a SQLite file before SQLite parses it (a device or pipe unopened)."""
    refuse_special(path, ProjectError)
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
    except FileNotFoundError:
        raise ProjectError("no such project file", path=path) from None
    except IsADirectoryError:
        raise ProjectError("this is a folder, not a project file", path=path) from None
    except OSError as exc:
        raise ProjectError(f"cannot read the file ({exc.strerror})", path=path) from None
    if header != SQLITE_HEADER:
        raise ProjectError("not a project file (not a SQLite database)", path=path)


def check_schema(conn: sqlite3.Connection, path: Path) -> int:
    """Return the file's schema version after checking it is one of ours we can read."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        kinds = {row[0] for row in conn.execute("SELECT type FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise read_error(exc, path) from None
    if app_id != APPLICATION_ID:
        raise ProjectError("not a project file of this tool (another program's SQLite database)", path=path)
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"the project was written by a newer version of the annotator (schema {version}, "
            f"this version reads up to {SCHEMA_VERSION}); update the app to open it",
            path=path,
        )
    if version < 1 or version not in EXPECTED_OBJECTS:
        raise ProjectError(f"unknown schema version {version}", path=path)
    if kinds & {"trigger", "view"}:
        raise ProjectError("the project file holds triggers or views this tool never creates; refusing it", path=path)
    unexpected = names - EXPECTED_OBJECTS[version] - {n for n in names if n.startswith("sqlite_")}
    missing = EXPECTED_OBJECTS[version] - names
    if unexpected or missing:
        detail = f"unexpected: {', '.join(sorted(unexpected))}" if unexpected else f"missing: {', '.join(sorted(missing))}"
        raise ProjectError(f"the project file's tables are not ours ({detail})", path=path)
    return version


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript("BEGIN;" + TABLES + "COMMIT;")
    # PRAGMA values cannot be bound as parameters: these are our own integers.
    conn.execute(f"PRAGMA application_id = {int(APPLICATION_ID)}")
    conn.execute(f"PRAGMA user_version = {int(SCHEMA_VERSION)}")


def migrate(conn: sqlite3.Connection, path: Path, version: int) -> Path | None:
    """Bring a file forward to :data:`SCHEMA_VERSION`; returns the backup made, if any."""
    if version == SCHEMA_VERSION:
        return None
    backup = make_backup(conn, path, f"schema-v{version}")
    while version < SCHEMA_VERSION:
        step = MIGRATIONS[version]
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA user_version = {int(version + 1)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version += 1
    return backup
