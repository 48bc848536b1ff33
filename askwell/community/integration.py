"""Thin adapters to the other apps: instant answers (may be absent) and medical triage (always there).

The answers calls are guarded so the community works without that app.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps

from askwell.medical.triage import safe_triage_text


def triage(text: str) -> dict[str, Any]:
    """The triage dict (level, reasons, rules, advice, crisis) for the text. Never None and never
    raises: when the rules cannot read the text, the medical core's one cautious fallback says
    so (safe_triage_text), and the page still shows what to do."""
    result: dict[str, Any] = safe_triage_text(text).to_dict()
    return result


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
