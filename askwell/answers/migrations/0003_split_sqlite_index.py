"""SQLite: one small FTS5 table for knowledge and one lean one (detail=column) for questions.

Millions of community questions would otherwise slow every knowledge lookup, and the
question index needs no word positions: ranking within candidates happens in Python.
"""

from django.db import migrations

COLUMNS = "title, synonyms, body, source"
NEW = "new.title, new.synonyms, new.body, new.source"
OLD = "old.title, old.synonyms, old.body, old.source"


def _table(name, source, detail):
    return [
        f"""CREATE VIRTUAL TABLE {name} USING fts5({COLUMNS},
            content='answers_searchdocument', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'{detail})""",
        f"""CREATE TRIGGER {name}_insert AFTER INSERT ON answers_searchdocument WHEN new.source = '{source}' BEGIN
            INSERT INTO {name}(rowid, {COLUMNS}) VALUES (new.id, {NEW});
        END""",
        f"""CREATE TRIGGER {name}_delete AFTER DELETE ON answers_searchdocument WHEN old.source = '{source}' BEGIN
            INSERT INTO {name}({name}, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD});
        END""",
        # One trigger, so the old entry always leaves before the new one arrives.
        f"""CREATE TRIGGER {name}_update AFTER UPDATE ON answers_searchdocument BEGIN
            INSERT INTO {name}({name}, rowid, {COLUMNS}) SELECT 'delete', old.id, {OLD} WHERE old.source = '{source}';
            INSERT INTO {name}(rowid, {COLUMNS}) SELECT new.id, {NEW} WHERE new.source = '{source}';
        END""",
        f"""INSERT INTO {name}(rowid, {COLUMNS})
            SELECT id, title, synonyms, body, source FROM answers_searchdocument WHERE source = '{source}'""",
    ]


DROP_OLD = [
    "DROP TRIGGER IF EXISTS answers_fts_update",
    "DROP TRIGGER IF EXISTS answers_fts_delete",
    "DROP TRIGGER IF EXISTS answers_fts_insert",
    "DROP TABLE IF EXISTS answers_fts",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for statement in DROP_OLD + _table("answers_fts", "knowledge", "") + _table(
        "answers_qfts", "question", ", detail=column"
    ):
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for name in ("answers_fts", "answers_qfts"):
        for suffix in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}_{suffix}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {name}")
    from importlib import import_module

    previous = import_module("askwell.answers.migrations.0002_search_index")
    for statement in previous.SQLITE_FORWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("answers", "0002_search_index")]

    operations = [migrations.RunPython(forward, backward)]
