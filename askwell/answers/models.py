"""The search index's documents: one row per answerable unit, mirrored by the backend index.

On SQLite an FTS5 table (answers_fts) follows this table through triggers; on PostgreSQL
a generated, weighted tsvector column with a GIN index does. Both are created by
migration 0002 and are invisible to the ORM.
"""

from __future__ import annotations

from django.db import models


class Kind(models.TextChoices):
    TOPIC = "topic", "Knowledge topic"
    FAQ = "faq", "FAQ entry"
    QUESTION = "question", "Answered community question"


class DocumentOrigin(models.TextChoices):
    """Where a search document came from (its `source` column): the knowledge base or an
    answered community question. Not to be confused with `knowledge.models.Source`, a cited
    reference."""

    KNOWLEDGE = "knowledge", "Knowledge base"
    QUESTION = "question", "Community question"



class SearchDocument(models.Model):
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The topic slug ("faq/night-spasms") or "question/<id>": what the API calls "topic".
    key = models.CharField(max_length=140, unique=True)
    source = models.CharField(max_length=20, choices=DocumentOrigin.choices, db_index=True)
    title = models.CharField(max_length=300)
    # Topic keywords and the lexicon's knowledge-base words for them, one phrase per line.
    synonyms = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key
