"""The triage and the help lines for a terminal (`askwell ask`, `askwell check`): what to do
now comes first, with the site's numbers, exactly as the pages say it."""

from __future__ import annotations

from collections.abc import Mapping

from askwell.core.models import SiteSettings
from askwell.helpnow.presentation import help_page_url, triage_banner
from askwell.medical.vocabulary import TriageLevel


def triage_lines(triage: Mapping[str, object], site: SiteSettings) -> list[str]:
    """Crisis help first (when the text is about suicide or self-harm), then the level in words,
    then what to do and how soon. The caller adds its own "why" lines."""
    banner = triage_banner(triage, site) or triage_banner({"level": TriageLevel.SEE_DOCTOR}, site)
    assert banner is not None  # a known level always gives a banner
    lines: list[str] = []
    if banner.crisis:
        lines.append(f"GET HELP NOW. {site.crisis_intro}")
        lines += [f"  * {line.text}" for line in banner.lines]
        lines.append(f"  More: {help_page_url(absolute=True)}")
        lines.append("")
    lines.append(f"TRIAGE: {banner.headline} [{banner.level}]")
    if banner.act_now:
        lines.append("  Do not wait for an answer here.")
        if not banner.crisis:
            lines += [f"  * {line.text}" for line in banner.lines]
    if banner.what_to_do:
        lines.append(f"  What to do: {banner.what_to_do}")
    if banner.how_soon:
        lines.append(f"  How soon: {banner.how_soon}")
    return lines


def disclaimer(site: SiteSettings) -> str:
    return (f"This is information, not a diagnosis. {site.emergency_advice} "
            f"Get help now: {help_page_url(absolute=True)}")
