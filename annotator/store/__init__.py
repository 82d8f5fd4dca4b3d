"""The project file: the one owner of SQL (schema, migrations, search index, locking, backups)."""
