"""{% useful answer %}: "Is this answer useful?" under an answer, in one line of a template."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from askwell.community.models import Answer

register = template.Library()


# Stand-ins for what differs between answers: the form is rendered once per process with these
# and copied per answer with the real values put in, escaped as the template would have.
STAND_INS = {"key": "askwell-useful-key", "label": "askwell-useful-label", "next": "askwell-useful-next"}
_rendered: list[str] = []


def _stencil() -> str:
    if _rendered and not settings.DEBUG:  # with DEBUG templates may change: rendered every time
        return _rendered[0]
    html = render_to_string("feedback/_useful.html", {
        "target": "answer", "key": STAND_INS["key"], "label": f"answer by {STAND_INS['label']}",
        "next": STAND_INS["next"],
    })
    _rendered[:] = [html]
    return html


@register.simple_tag
def useful(answer: Answer) -> SafeString:
    """The same one-tap form as under article sections, for a visible answer (target "answer").
    A question page has one per answer: copied from one rendering, not rendered ten times."""
    html = (_stencil().replace(STAND_INS["key"], str(answer.pk))
            .replace(STAND_INS["label"], escape(answer.author_name))
            .replace(STAND_INS["next"], escape(answer.get_absolute_url())))
    return mark_safe(html)  # noqa: S308 - a template rendered with autoescaping, values escaped the same way
