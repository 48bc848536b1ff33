"""Turns a check's result into what the result page shows.

The page, the API and the CLI all start from the same `CheckResult` (engine.run_check); this
module only adds words, links to the knowledge sections and the "ask an expert" link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse

from askwell.checker.questions import questions
from askwell.helpnow.lines import is_act_now
from askwell.knowledge.models import Topic
from askwell.medical.causes import usual_suspect_reason
from askwell.medical.check import CheckResult
from askwell.medical.contract import TriageObject
from askwell.medical.facts import Facts

ASK_BODY_MAX_CHARS = 1500


@dataclass(frozen=True)
class TopicLink:
    slug: str
    title: str
    url: str
    summary: str = ""


@dataclass
class CauseView:
    id: str
    label: str
    score: float
    why: list[str]
    topic: TopicLink | None
    likelihood: str = ""
    # Reasons already given for a cause above are not repeated; this says so instead.
    same_reasons_as_above: bool = False


# Scores are rough (causes.yaml); people read words, not numbers (Ada, NHS 111 online).
LIKELIHOOD_WORDS = ((0.5, "More likely"), (0.25, "Possible"), (0.0, "Less likely"))


def likelihood(score: float) -> str:
    return next(word for floor, word in LIKELIHOOD_WORDS if score >= floor)


def without_repeated_reasons(causes: list[CauseView]) -> tuple[list[CauseView], list[CauseView]]:
    """Causes with evidence (each reason shown once, at the first cause it supports), and the
    usual suspects added only because they are common, which share one explanation."""
    usual = usual_suspect_reason()
    with_evidence = [cause for cause in causes if cause.why != [usual]]
    usual_suspects = [cause for cause in causes if cause.why == [usual]]
    seen: set[str] = set()
    for cause in with_evidence:
        fresh = [reason for reason in cause.why if reason not in seen]
        seen.update(cause.why)
        cause.same_reasons_as_above = not fresh
        cause.why = fresh
    return with_evidence, usual_suspects


@dataclass
class FactRow:
    label: str
    value: str
    step: str  # the guided step where the person can change it


@dataclass
class ResultView:
    level: str
    triage: TriageObject  # shown by {% triage_help %}, in the words of every other page
    act_now: bool  # urgent, emergency or crisis: the "ask an expert" offer gives way to "do not wait"
    spasm_type: str | None
    spasm_type_label: str
    spasm_type_topic: TopicLink | None
    causes: list[CauseView]
    usual_suspects: list[CauseView]
    usual_suspect_reason: str
    guide: TopicLink | None  # the site's own answer to this kind of question, shown before the causes
    relief: list[TopicLink]
    prevention: list[TopicLink]
    topics: list[TopicLink]
    facts: list[FactRow]
    understood: bool
    truncated: bool
    unknown_words: list[str]
    ask_url: str
    check: CheckResult = field(repr=False)


def topic_links(slugs: list[str]) -> dict[str, TopicLink]:
    """Published topics by slug, in one query; slugs without a published topic are left out."""
    found = Topic.objects.published().filter(slug__in=set(slugs)).select_related("article__pack")
    return {
        topic.slug: TopicLink(topic.slug, topic.title, topic.get_absolute_url(), topic.summary) for topic in found
    }


def _minutes(value: float) -> str:
    if value < 1:
        seconds = max(1, round(value * 60))
        return f"about {seconds} second{'s' if seconds != 1 else ''}"
    minutes = round(value)
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"


def _weeks(value: float) -> str:
    if value < 1:
        days = max(1, round(value * 7))
        return f"about {days} day{'s' if days != 1 else ''}"
    weeks = round(value, 1)
    return f"about {weeks:g} week{'s' if weeks != 1 else ''}"


def fact_rows(facts: Facts) -> list[FactRow]:
    """What we understood, in words, each with the guided step that asks about it."""
    q = questions()
    rows: list[FactRow] = []

    def values(label: str, items: set[str], group: str, step: str) -> None:
        if items:
            rows.append(FactRow(label, "; ".join(q.label(group, item) for item in sorted(items)), step))

    values("Where", facts.locations, "locations", "where")
    if facts.sides:
        rows.append(FactRow("Side", q.label("sides", facts.sides), "where"))
    values("What it feels like", facts.sensations, "sensations", "feel")
    if facts.duration_minutes is not None:
        rows.append(FactRow("One episode lasts", _minutes(facts.duration_minutes), "feel"))
    if facts.frequency:
        rows.append(FactRow("How often", q.label("frequency", facts.frequency), "feel"))
    if facts.persists_weeks is not None:
        rows.append(FactRow("Going on for", _weeks(facts.persists_weeks), "feel"))
    values("When", facts.timings, "timings", "feel")
    if facts.age is not None:
        rows.append(FactRow("Age", str(facts.age), "about"))
    if facts.sex:
        rows.append(FactRow("Sex", q.label("sex", facts.sex), "about"))
    if facts.pregnant is not None:
        pregnancy = "Pregnant" if facts.pregnant else "Not pregnant"
        if facts.pregnancy_week:
            pregnancy += f", week {facts.pregnancy_week}"
        rows.append(FactRow("Pregnancy", pregnancy, "about"))
    values("Medicines", facts.medicines, "medicines", "health")
    values("Health conditions", facts.conditions, "conditions", "health")
    values("Habits and activities", facts.habits, "habits", "health")
    values("Other details", facts.flags, "flags", "health")
    values("Other symptoms", facts.symptoms, "symptoms", "symptoms")
    values("Not present", facts.pertinent_negatives, "symptoms", "symptoms")
    return rows


def ask_url(title: str, body: str) -> str:
    """The community's question form with the description carried over, or the contact page."""
    try:
        base = reverse("community:ask")
    except NoReverseMatch:
        return reverse("core:contact")
    if len(body) > ASK_BODY_MAX_CHARS:
        body = body[: ASK_BODY_MAX_CHARS - 1].rstrip() + "…"
    return f"{base}?{urlencode({'title': title, 'body': body})}"


def _ask_title(spasm_label: str, facts: Facts) -> str:
    q = questions()
    places = [q.label("locations", place).split(" (")[0].lower() for place in sorted(facts.locations)]
    what = spasm_label if spasm_label else "Muscle spasms"
    if places:
        return f"{what}: {', '.join(places[:3])} – what could be causing it?"
    return f"{what} – what could be causing it?"


def build_result(check: CheckResult) -> ResultView:
    q = questions()
    triage = check.triage.to_object()
    facts = check.facts
    spasm_type = check.spasm_type
    type_info = q.spasm_types.get(spasm_type or "", {})
    cause_topics = [q.causes.get(cause.id, {}).get("topic", "") for cause in check.causes]
    wanted = [*cause_topics, type_info.get("topic", ""), *check.relief, *check.prevention, *check.topics]
    links = topic_links([slug for slug in wanted if slug])

    def linked(slugs: list[str]) -> list[TopicLink]:
        return [links[slug] for slug in slugs if slug in links]

    causes = [
        CauseView(
            id=cause.id,
            label=q.causes.get(cause.id, {}).get("label", cause.id.replace("_", " ").capitalize()),
            score=cause.score,
            why=list(cause.why),
            topic=links.get(q.causes.get(cause.id, {}).get("topic", "")),
            likelihood=likelihood(cause.score),
        )
        for cause in check.causes
    ]
    causes, usual_suspects = without_repeated_reasons(causes)
    faq = next((slug for slug in check.topics if slug.startswith("faq/") and slug in links), "")
    rows = fact_rows(facts)
    spasm_label = type_info.get("label", "")
    body = check.text or "\n".join(f"{row.label}: {row.value}" for row in rows)
    return ResultView(
        level=triage["level"],
        triage=triage,
        act_now=is_act_now(triage),
        spasm_type=spasm_type,
        spasm_type_label=spasm_label,
        spasm_type_topic=links.get(type_info.get("topic", "")),
        causes=causes,
        usual_suspects=usual_suspects,
        usual_suspect_reason=usual_suspect_reason(),
        guide=links.get(faq),
        relief=linked(check.relief),
        prevention=linked(check.prevention),
        topics=linked(check.topics),
        facts=rows,
        understood=facts.understood,
        truncated=facts.truncated,
        unknown_words=facts.unknown_words[:20],
        ask_url=ask_url(_ask_title(spasm_label, facts), body),
        check=check,
    )
