"""{% useful answer %}: "Is this answer useful?" under an answer, in one line of a template."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from askwell.community.models import Answer

register = template.Library()


@register.simple_tag
def useful(answer: Answer) -> SafeString:
    """The same one-tap form as under article sections, for a visible answer (target "answer")."""
    html = render_to_string("feedback/_useful.html", {
        "target": "answer", "key": str(answer.pk), "label": f"answer by {answer.author_name}",
        "next": answer.get_absolute_url(),
    })
    return mark_safe(html)  # noqa: S308 - a template rendered with autoescaping
