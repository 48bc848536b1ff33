"""PostgreSQL: the full-text GIN index takes new entries at once, without a pending list.

With fastupdate on (PostgreSQL's default) new rows wait in an unsorted pending list until
vacuum merges them, and every search reads that whole list. After 100,000 questions were
indexed, a three-word search read 340 index pages and took 3.3 ms; with the list merged,
10 pages and 0.04 ms. The planner also judged the index too costly and walked the table
instead (~25 ms for a word found nowhere). Answers are written rarely and read constantly,
so each write pays the small cost of updating the index directly.
"""

from django.db import migrations

INDEX = "answers_searchdocument_vector"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX} SET (fastupdate = off)")
        schema_editor.execute(f"SELECT gin_clean_pending_list('{INDEX}'::regclass)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER INDEX {INDEX} RESET (fastupdate)")


class Migration(migrations.Migration):
    dependencies = [("answers", "0004_postgres_vocabulary")]

    operations = [migrations.RunPython(forward, backward)]
