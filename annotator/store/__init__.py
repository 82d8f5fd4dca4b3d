"""The project file, and the one owner of SQL: nothing outside this package runs a statement
(``tests/test_store_owns_sql.py`` keeps it so).

:class:`~annotator.store.project.Project` is built from one class per concern, each
inheriting the parts it calls, down to :class:`~annotator.store.base.StoreBase`
(connection, transactions, meta, codebook): :mod:`~annotator.store.documents`,
:mod:`~annotator.store.annotations`, :mod:`~annotator.store.history`,
:mod:`~annotator.store.events` and :mod:`~annotator.store.event_spans`,
:mod:`~annotator.store.status`, :mod:`~annotator.store.export_reads` and
:mod:`~annotator.store.lead_tables`. Beside them: :mod:`~annotator.store.schema` (tables,
checks, migrations), :mod:`~annotator.store.index` (search and near-duplicates),
:mod:`~annotator.store.rows` (rows to records), :mod:`~annotator.store.backups` and
:mod:`~annotator.store.locking`.

sqlite-utils and plain sqlite3. sqlite-utils serves where a table is handled as rows of
named values and speed does not matter: ``Project.db`` gives scripts and tests a
``sqlite_utils.Database`` over the open connection, and a re-import fills a document's
empty metadata with its ``update``. Everything else is plain sqlite3, for reasons true of
this code: the first use of sqlite-utils in a process imports it, and pandas with it when
installed (most of a second, as long as a small merge takes: benchmarks/README.md), so no
everyday path may need it (a test holds coding, merging, adjudicating and exporting to
that); the connection is opened by us with settings
sqlite-utils does not make (read-only URI for coders' files a lead reads, a cap on value
length for files from others, ``trusted_schema`` off, WAL with ``synchronous = FULL``),
and ``application_id``/``user_version`` are PRAGMAs whose values cannot be bound;
:meth:`~annotator.store.base.StoreBase.transaction` starts with ``BEGIN IMMEDIATE`` so a
busy file fails before any work, and one transaction spans a whole import or merge with
savepoints for ``--skip-bad``, where each sqlite-utils write would add a savepoint of its
own; the import's hot loop sends prepared tuples in ``executemany`` batches, where
sqlite-utils would build each row from a dict and look the table's columns up; and the
search index (a contentless FTS5 table fed with our own terms), the history query and the
JSONL export's span JSON are SQL that no sqlite-utils method writes.
"""
