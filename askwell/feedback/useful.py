"""The "Is this answer useful?" form under an answer: what other apps' pages show of feedback.

A question page has one per answer. They differ only in the answer's id, author and address, so
the form is rendered from feedback/_useful.html once per process with stand-ins for those and
copied per answer with the real values put in, escaped as the template would have.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from askwell.core.stencils import rendered_once

if TYPE_CHECKING:
    from askwell.community.models import Answer

STAND_INS = {"key": "askwell-useful-key", "label": "askwell-useful-label", "next": "askwell-useful-next"}


def _stencil() -> str:
    return rendered_once("feedback/_useful.html", lambda: render_to_string("feedback/_useful.html", {
        "target": "answer", "key": STAND_INS["key"], "label": f"answer by {STAND_INS['label']}",
        "next": STAND_INS["next"],
    }))


def answer_form(answer: Answer) -> SafeString:
    """The same one-tap form as under article sections, for a visible answer (target "answer")."""
    html = (_stencil().replace(STAND_INS["key"], str(answer.pk))
            .replace(STAND_INS["label"], escape(answer.author_name))
            .replace(STAND_INS["next"], escape(answer.get_absolute_url())))
    return mark_safe(html)  # noqa: S308 - a template rendered with autoescaping, values escaped the same way
