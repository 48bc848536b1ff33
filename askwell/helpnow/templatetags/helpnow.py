"""{% triage_help triage %}: the crisis help (when the text is about suicide or self-harm) and
the triage banner, in that order, for any page that shows a triage result.

    {% load helpnow %}
    {% triage_help result.triage %}                 search, ask form, question page
    {% triage_help triage self_care=True %}         the checker shows the green level too
"""

from __future__ import annotations

from collections.abc import Mapping

from django import template

from askwell.core.models import SiteSettings
from askwell.helpnow.presentation import triage_banner
from askwell.medical.vocabulary import TriageLevel

register = template.Library()


def _site(context: template.Context) -> SiteSettings:
    site = context.get("site")
    return site if isinstance(site, SiteSettings) else SiteSettings.current()


@register.inclusion_tag("helpnow/_triage_help.html", takes_context=True)
def triage_help(
    context: template.Context, triage: Mapping[str, object] | None, self_care: bool = False
) -> dict[str, object]:
    site = _site(context)
    banner = triage_banner(triage, site)
    if banner is not None and banner.level == TriageLevel.SELF_CARE and not self_care and not banner.crisis:
        banner = None
    return {"banner": banner, "site": site}
