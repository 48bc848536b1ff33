"""The backend search index: FTS5 on SQLite, weighted tsvector + GIN + pg_trgm on PostgreSQL."""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE answers_fts USING fts5(
        title, synonyms, body, source,
        content='answers_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER answers_fts_insert AFTER INSERT ON answers_searchdocument BEGIN
        INSERT INTO answers_fts(rowid, title, synonyms, body, source)
        VALUES (new.id, new.title, new.synonyms, new.body, new.source);
    END""",
    """CREATE TRIGGER answers_fts_delete AFTER DELETE ON answers_searchdocument BEGIN
        INSERT INTO answers_fts(answers_fts, rowid, title, synonyms, body, source)
        VALUES ('delete', old.id, old.title, old.synonyms, old.body, old.source);
    END""",
    """CREATE TRIGGER answers_fts_update AFTER UPDATE ON answers_searchdocument BEGIN
        INSERT INTO answers_fts(answers_fts, rowid, title, synonyms, body, source)
        VALUES ('delete', old.id, old.title, old.synonyms, old.body, old.source);
        INSERT INTO answers_fts(rowid, title, synonyms, body, source)
        VALUES (new.id, new.title, new.synonyms, new.body, new.source);
    END""",
    "INSERT INTO answers_fts(answers_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS answers_fts_update",
    "DROP TRIGGER IF EXISTS answers_fts_delete",
    "DROP TRIGGER IF EXISTS answers_fts_insert",
    "DROP TABLE IF EXISTS answers_fts",
]
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """ALTER TABLE answers_searchdocument ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(synonyms, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(body, '')), 'C')) STORED""",
    "CREATE INDEX answers_searchdocument_vector ON answers_searchdocument USING GIN (search_vector)",
    "CREATE INDEX answers_searchdocument_title_trgm ON answers_searchdocument USING GIN (title gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS answers_searchdocument_title_trgm",
    "DROP INDEX IF EXISTS answers_searchdocument_vector",
    "ALTER TABLE answers_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("answers", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
