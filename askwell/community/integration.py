"""Thin adapters to apps that may not be installed yet (instant answers, medical triage).

Each call is guarded so the community works before, and keeps working without, those parts.
"""

from __future__ import annotations

import logging
from typing import Any

from django.apps import apps

log = logging.getLogger(__name__)


def triage(text: str) -> dict[str, Any] | None:
    """{"level": ..., "reasons": [...]} for the text, or None when triage is not available."""
    try:
        from askwell.medical.triage import triage_text
    except ImportError:
        return None
    try:
        result: Any = triage_text(text)
    except Exception:  # a broken rule file must not stop people asking; the page always shows emergency advice
        log.exception("triage failed")
        return None
    data: dict[str, Any] = result.to_dict() if hasattr(result, "to_dict") else dict(result)
    return {"level": str(data.get("level", "")), "reasons": [str(r) for r in data.get("reasons", [])]}


def instant_answers(query: str, limit: int = 5) -> dict[str, Any] | None:
    if not apps.is_installed("askwell.answers"):
        return None
    try:
        from askwell.answers.search import answer
    except ImportError:
        return None
    result: dict[str, Any] = answer(query, limit)
    return result


def index_question(question_id: int, title: str, body: str, url: str, answered: bool) -> None:
    if not apps.is_installed("askwell.answers"):
        return
    try:
        from askwell.answers.search import index_question as index
    except ImportError:
        return
    index(question_id, title, body, url, answered)


def remove_question(question_id: int) -> None:
    if not apps.is_installed("askwell.answers"):
        return
    try:
        from askwell.answers.search import remove_question as remove
    except ImportError:
        return
    remove(question_id)


def answers_assets_available() -> bool:
    """The answers app's as-you-type include and script, used on the ask form once they exist."""
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template

    if not apps.is_installed("askwell.answers"):
        return False
    try:
        get_template("answers/_suggestions.html")
    except TemplateDoesNotExist:
        return False
    return True
