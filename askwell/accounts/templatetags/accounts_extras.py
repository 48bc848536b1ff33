from __future__ import annotations

from django import template

from askwell.accounts.onboarding import after_two_factor_url

register = template.Library()


@register.simple_tag(takes_context=True)
def continue_after_two_factor(context: template.Context) -> str:
    return after_two_factor_url(context["request"])
