"""A triage result in words: the banner every page shows and the `help` object of the JSON.

Pages, the API and the command line all start from the triage dict (Triage.to_dict()) and
read the level's headline, colour and default advice from askwell.medical.triage.level_info,
so the levels are described in one place (askwell/medical/data/triage_levels.yaml).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict

from django.conf import settings
from django.urls import reverse

from askwell.core.models import SiteSettings
from askwell.helpnow.lines import HelpLine, is_act_now, lines_for
from askwell.medical.triage import level_info
from askwell.medical.vocabulary import TriageLevel


@dataclass
class TriageBanner:
    level: str
    headline: str
    colour: str  # a CSS-safe word: red, amber, blue, green
    what_to_do: str
    how_soon: str
    safety_net: list[str]
    reasons: list[str]
    rules: list[dict[str, object]]  # the contract's rule objects (id, level, why, sources)
    crisis: bool
    act_now: bool  # urgent, emergency or crisis: "do not wait for an answer here"
    lines: list[HelpLine] = field(default_factory=list)

    @property
    def shows_level(self) -> bool:
        """A crisis is never also told it can be looked after at home: the crisis lines stand alone."""
        return not (self.crisis and self.level == TriageLevel.SELF_CARE)

    @property
    def help_anchor(self) -> str:
        """Where on the Get help now page this banner's numbers are explained."""
        if self.crisis:
            return "crisis"
        return "emergency" if self.level == TriageLevel.EMERGENCY else "urgent"


def known_level(value: object) -> TriageLevel | None:
    try:
        return TriageLevel(str(value))
    except ValueError:
        return None


def _listed(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def triage_banner(triage: Mapping[str, object] | None, site: SiteSettings) -> TriageBanner | None:
    """The banner for a triage dict, or None when there is no triage to show (an old question
    saved before triage existed). A level outside the vocabulary is never shown as safe.
    The dict may have been saved long ago (a question's JSON), so each part is checked."""
    if not triage or not triage.get("level"):
        return None
    level = known_level(triage["level"]) or TriageLevel.SEE_DOCTOR
    info = level_info(level)
    advice = triage.get("advice")
    if not isinstance(advice, Mapping):
        advice = {}
    return TriageBanner(
        level=str(level),
        headline=info.headline,
        colour=info.colour,
        # A rule that fired may give more precise advice than the level's default.
        what_to_do=str(advice.get("what_to_do") or info.what_to_do),
        how_soon=str(advice.get("how_soon") or info.how_soon),
        safety_net=[str(item) for item in (_listed(advice.get("safety_net")) or info.safety_net)],
        reasons=[str(reason) for reason in _listed(triage.get("reasons"))],
        rules=[dict(rule) for rule in _listed(triage.get("rules")) if isinstance(rule, Mapping)],
        crisis=bool(triage.get("crisis")),
        act_now=is_act_now({**triage, "level": level}),
        lines=lines_for({**triage, "level": level}, site),
    )


def help_page_url(absolute: bool = False) -> str:
    path = reverse("helpnow:page")
    return f"{settings.SITE_URL.rstrip('/')}{path}" if absolute else path


class EmergencyNumber(TypedDict):
    number: str
    department: str


class UrgentLineNumber(TypedDict):
    name: str
    number: str
    url: str
    hours: str


class CrisisLineNumber(TypedDict):
    name: str
    number: str
    hours: str
    url: str


class CrisisTextNumber(TypedDict):
    name: str
    keyword: str
    number: str
    hours: str


class HelpNumbers(TypedDict):
    """Every number the site gives; a line the site has not set up is None."""

    emergency: EmergencyNumber
    urgent: UrgentLineNumber | None
    crisis: CrisisLineNumber
    crisis_text: CrisisTextNumber | None


class HelpObject(TypedDict):
    level: str
    headline: str
    colour: str
    crisis: bool
    act_now: bool
    now: list[dict[str, str]]  # HelpLine.to_dict(), most important first
    numbers: HelpNumbers
    page: str


def help_object(triage: Mapping[str, object], site: SiteSettings, page_url: str) -> HelpObject:
    """The `help` object the API and `askwell ask --json` add beside `triage` (an extension of
    the contract): the level in words, what to do now with the numbers, and every number."""
    banner = triage_banner(triage, site) or triage_banner({"level": TriageLevel.SEE_DOCTOR}, site)
    assert banner is not None  # a known level always gives a banner
    return {
        "level": banner.level,
        "headline": banner.headline,
        "colour": banner.colour,
        "crisis": banner.crisis,
        "act_now": banner.act_now,
        "now": [line.to_dict() for line in banner.lines],
        "numbers": help_numbers(site),
        "page": page_url,
    }


def help_numbers(site: SiteSettings) -> HelpNumbers:
    return {
        "emergency": {"number": site.emergency_number, "department": site.emergency_department},
        "urgent": {
            "name": site.urgent_line_name, "number": site.urgent_line_number, "url": site.urgent_line_url,
            "hours": site.urgent_line_hours,
        } if site.has_urgent_line else None,
        "crisis": {
            "name": site.crisis_line_name, "number": site.crisis_line_number, "hours": site.crisis_line_hours,
            "url": site.crisis_line_url,
        },
        "crisis_text": {
            "name": site.crisis_text_name, "keyword": site.crisis_text_keyword, "number": site.crisis_text_number,
            "hours": site.crisis_text_hours,
        } if site.has_crisis_text else None,
    }


def with_help(result: dict[str, Any], site: SiteSettings, page_url: str) -> dict[str, Any]:
    """The answer object with `help` right after `triage`, so that anyone reading the JSON from
    the top meets what to do now before any answer. (Any: the answer object is not typed yet;
    answers/search.py builds it as a plain dict.)"""
    ordered: dict[str, Any] = {}
    for key, value in result.items():
        ordered[key] = value
        if key == "triage":
            ordered["help"] = help_object(value, site, page_url)
    ordered.setdefault("help", help_object(result.get("triage") or {}, site, page_url))
    return ordered
