"""PostgreSQL: every word (lexeme) ever indexed, kept by a statement-level trigger.

Asking the documents table "does any row contain this word?" made the planner pick a full
scan for words it guessed common (~60 ms per unknown word at 100,000 questions); one
primary-key lookup answers it instead. Words are only added, never removed: a word that
once appeared in an answer is still a real word when spelling is corrected.
"""

from django.db import migrations

FORWARD = [
    "CREATE TABLE answers_vocabulary (lexeme text PRIMARY KEY)",
    """CREATE FUNCTION answers_vocabulary_add() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO answers_vocabulary (lexeme)
        SELECT DISTINCT word FROM new_rows, unnest(tsvector_to_array(new_rows.search_vector)) AS word
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER answers_vocabulary_insert AFTER INSERT ON answers_searchdocument
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION answers_vocabulary_add()""",
    """CREATE TRIGGER answers_vocabulary_update AFTER UPDATE ON answers_searchdocument
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION answers_vocabulary_add()""",
    """INSERT INTO answers_vocabulary (lexeme)
        SELECT DISTINCT word FROM answers_searchdocument, unnest(tsvector_to_array(search_vector)) AS word
        ON CONFLICT DO NOTHING""",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS answers_vocabulary_update ON answers_searchdocument",
    "DROP TRIGGER IF EXISTS answers_vocabulary_insert ON answers_searchdocument",
    "DROP FUNCTION IF EXISTS answers_vocabulary_add()",
    "DROP TABLE IF EXISTS answers_vocabulary",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("answers", "0003_split_sqlite_index")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
