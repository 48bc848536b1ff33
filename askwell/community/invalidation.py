"""Cached pages follow every community write: any saved or deleted question, answer, comment
or helpful vote retires the cached pages (a content-version bump once the transaction commits).

A signal rather than a line in each action: a question's page shows its answers, their
comments, helpful counts, the accepted answer, the edit count and the close reason, and a new
action that forgot to bump would leave anonymous readers a stale page for minutes. Writes that
skip signals (QuerySet.update) bump themselves: remove_member_content does, and a helpful vote
is also a Vote row, which is saved.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from askwell.community.models import Answer, Comment, Question, Revision, Vote
from askwell.core.pagecache import bump_content_version

WATCHED = (Question, Answer, Comment, Vote, Revision)


def retire_cached_pages(sender: type, **kwargs: object) -> None:
    transaction.on_commit(bump_content_version)


def connect() -> None:
    for model in WATCHED:
        post_save.connect(retire_cached_pages, sender=model, dispatch_uid=f"pagecache.{model.__name__}.save")
        post_delete.connect(retire_cached_pages, sender=model, dispatch_uid=f"pagecache.{model.__name__}.delete")
