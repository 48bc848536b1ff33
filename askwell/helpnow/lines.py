"""What to do now, in sentences that carry the site's help numbers.

One set of sentences for the pages, the API and the command line, built from the site
settings (the numbers) and the triage result (which lines apply). A page turns each
line's actions into buttons (tel:, sms:, a website); a terminal prints the sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from askwell.core.models import SiteSettings, tel_link
from askwell.medical.vocabulary import TriageLevel


@dataclass(frozen=True, slots=True)
class Action:
    label: str  # "Call 999", "Text SHOUT to 85258", "NHS 111 online"
    href: str  # tel:, sms: or https:


@dataclass(frozen=True, slots=True)
class HelpLine:
    kind: str  # emergency | urgent | crisis | crisis_text
    text: str  # a whole sentence with the number in it, fit for a terminal
    number: str = ""
    url: str = ""
    actions: tuple[Action, ...] = ()

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "text": self.text, "number": self.number, "url": self.url}


def emergency_line(site: SiteSettings, *, crisis: bool = False, escalation: bool = False) -> HelpLine:
    number, department = site.emergency_number, site.emergency_department
    if crisis:
        text = (f"If your life is at risk now (you have hurt yourself, taken an overdose, or do not feel you can "
                f"keep yourself safe), call {number} or go to the nearest {department}.")
    elif escalation:
        text = f"If it gets worse, or you think it is an emergency, call {number} or go to the nearest {department}."
    else:
        text = f"Call {number} now, or go to the nearest {department}."
    return HelpLine("emergency", text, number=number, actions=(Action(f"Call {number}", tel_link(number)),))


def urgent_line(site: SiteSettings) -> HelpLine | None:
    if not site.has_urgent_line:
        return None
    name, number, url = site.urgent_line_name, site.urgent_line_number.strip(), site.urgent_line_url.strip()
    ways = " or ".join(part for part in (f"call {number}" if number else "", f"go to {url}" if url else "") if part)
    hours = f" ({site.urgent_line_hours})" if site.urgent_line_hours.strip() else ""
    text = f"Get medical advice today from {name}" + (f": {ways}" if ways else "") + f"{hours}."
    actions = []
    if number:
        actions.append(Action(f"Call {number}", tel_link(number)))
    if url:
        actions.append(Action(f"{name} online", url))
    return HelpLine("urgent", text, number=number, url=url, actions=tuple(actions))


def crisis_line(site: SiteSettings) -> HelpLine:
    number = site.crisis_line_number
    hours = f" ({site.crisis_line_hours})" if site.crisis_line_hours.strip() else ""
    return HelpLine(
        "crisis", f"Talk to {site.crisis_line_name} now: call {number}{hours}.", number=number,
        url=site.crisis_line_url, actions=(Action(f"Call {number}", tel_link(number)),),
    )


def crisis_text_line(site: SiteSettings) -> HelpLine | None:
    if not site.has_crisis_text:
        return None
    keyword, number = site.crisis_text_keyword.strip(), site.crisis_text_number.strip()
    about = ", ".join(part for part in (site.crisis_text_name.strip(), site.crisis_text_hours.strip()) if part)
    digits = tel_link(number).removeprefix("tel:")
    return HelpLine(
        "crisis_text", f"Or text {keyword} to {number}" + (f" ({about})" if about else "") + ".", number=number,
        actions=(Action(f"Text {keyword} to {number}", f"sms:{digits}?body={quote(keyword)}"),),
    )


def crisis_lines(site: SiteSettings) -> list[HelpLine]:
    """For suicidal thoughts or self-harm: the emergency number first, then someone to talk to."""
    lines = [emergency_line(site, crisis=True), crisis_line(site)]
    text = crisis_text_line(site)
    return lines + [text] if text else lines


def lines_for(triage: Mapping[str, object] | None, site: SiteSettings) -> list[HelpLine]:
    """What to do now for this triage, most important first; empty when nothing is urgent."""
    if not triage:
        return []
    if triage.get("crisis"):
        return crisis_lines(site)
    level = triage.get("level")
    if level == TriageLevel.EMERGENCY:
        return [emergency_line(site)]
    if level == TriageLevel.URGENT:
        urgent = urgent_line(site)
        return ([urgent] if urgent else []) + [emergency_line(site, escalation=True)]
    return []


def is_act_now(triage: Mapping[str, object] | None) -> bool:
    """Urgent, emergency or crisis: the person should act now rather than wait for an answer here."""
    if not triage:
        return False
    return bool(triage.get("crisis")) or triage.get("level") in (TriageLevel.EMERGENCY, TriageLevel.URGENT)
