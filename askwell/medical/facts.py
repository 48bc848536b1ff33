"""Facts: what a person told us, read from free text or given as structured fields.

`extract_facts(text)` reads a description; `Facts.from_structured(data)` validates
form fields; `merge(text_facts, structured_facts)` combines both. Whichever way a fact
arrives it lands in the same field with the same value, so the triage and causes that
follow cannot tell (and must not care) how it was given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any, cast

from askwell.medical.contract import FactsObject
from askwell.medical.data_files import load_yaml
from askwell.medical.phrases import FactKey, Match, find_matches, load_phrase_index
from askwell.medical.red_flags import asked_about, read_red_flags
from askwell.medical.text import (
    SENTENCE_END,
    Quantity,
    Token,
    clauses,
    find_quantities,
    negated_token_indexes,
    normalise,
    tokenize,
)
from askwell.medical.vocabulary import (
    FREQUENCIES,
    LOCATIONS,
    SCALAR_CATEGORIES,
    SET_CATEGORIES,
    allowed_values,
)

MAX_AGE = 120
PREGNANCY_AGE_RANGE = (10, 60)
MAX_PREGNANCY_WEEK = 42
MAX_UNKNOWN_WORDS = 20
MIN_TEMPERATURE_C, MAX_TEMPERATURE_C = 25.0, 45.0


class FactsError(ValueError):
    """Impossible or contradictory facts; the message is fit to show the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(eq=True)
class Facts:
    locations: set[str] = field(default_factory=set)
    sides: str | None = None  # "one" or "both" (legs)
    sensations: set[str] = field(default_factory=set)
    duration_minutes: float | None = None  # how long one episode lasts
    frequency: str | None = None  # occasional, weekly, daily
    persists_weeks: float | None = None  # how long the problem has been going on
    timings: set[str] = field(default_factory=set)
    age: int | None = None
    sex: str | None = None
    pregnant: bool | None = None
    pregnancy_week: int | None = None
    medicines: set[str] = field(default_factory=set)  # classes: diuretic, statin ...
    conditions: set[str] = field(default_factory=set)
    habits: set[str] = field(default_factory=set)
    symptoms: set[str] = field(default_factory=set)
    pertinent_negatives: set[str] = field(default_factory=set)  # symptoms denied
    flags: set[str] = field(default_factory=set)  # new_medicine, sleep_disturbed ...
    # Universal warning signs and complaints, on any subject (red_flags.py).
    signs: set[str] = field(default_factory=set)
    about: str | None = None  # self, baby, child, adult (another adult)
    age_months: float | None = None  # set for babies and children ("my 6 week old")
    temperature_c: float | None = None
    # Reading aids, not facts: never compared, and markers never shown.
    markers: set[str] = field(default_factory=set, compare=False, repr=False)
    unknown_words: list[str] = field(default_factory=list, compare=False)
    truncated: bool = field(default=False, compare=False)

    @property
    def understood(self) -> bool:
        """Did we read anything that says what the person feels or why?"""
        return bool(
            self.locations or self.sensations or self.symptoms or self.timings
            or self.medicines or self.conditions or self.habits or self.flags
            or self.pregnant
        )

    def to_dict(self) -> FactsObject:
        result: dict[str, Any] = {}
        for f in fields(self):
            if f.name == "markers":
                continue
            value = getattr(self, f.name)
            if isinstance(value, set):
                value = sorted(value)
            elif isinstance(value, float):
                value = round(value, 2)
            result[f.name] = value
        result["understood"] = self.understood
        return cast(FactsObject, result)  # built from the fields above, which FactsObject lists

    @classmethod
    def from_structured(cls, data: Mapping[str, object]) -> Facts:
        """Build and validate facts from structured fields named as the Facts fields (the
        to_dict() names). Edges that speak other names translate them where they are
        declared: the API's contract names in askwell/checker/api.py (CheckIn)."""
        if not isinstance(data, dict):
            raise FactsError("Structured facts must be an object of named fields.")
        facts = cls()
        for name, raw in data.items():
            if raw is None or name in _READ_ONLY_FIELDS:
                continue
            if name in _SET_FIELD_CATEGORY:
                getattr(facts, name).update(_structured_values(name, raw))
            elif name in _SCALAR_FIELDS:
                setattr(facts, name, _structured_scalar(name, raw))
            elif name in _NUMBER_FIELDS:
                setattr(facts, name, _structured_number(name, raw))
            elif name == "pregnant":
                if not isinstance(raw, bool):
                    raise FactsError("pregnant must be true or false.")
                facts.pregnant = raw
            else:
                raise FactsError(f"Unknown field {name!r}.")
        if facts.pregnancy_week is not None and facts.pregnant is None:
            facts.pregnant = True
        validate(facts)
        return facts


_SET_FIELD_CATEGORY = {
    attribute: category for category, attribute in SET_CATEGORIES.items()
    if category != "marker"
} | {"pertinent_negatives": "symptom"}
_SCALAR_FIELDS = {"sides": "side", "frequency": "frequency", "sex": "sex", "about": "about"}
_NUMBER_FIELDS = {"duration_minutes", "persists_weeks", "age", "pregnancy_week", "age_months",
                  "temperature_c"}
_READ_ONLY_FIELDS = {"understood", "unknown_words", "truncated"}
_LAY_NAMES_ALLOWED = {"medicine", "condition"}


def _structured_values(name: str, raw: object) -> set[str]:
    category = _SET_FIELD_CATEGORY[name]
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise FactsError(f"{name} must be a list of words.")
    allowed = allowed_values(category)
    values: set[str] = set()
    for item in items:
        word = item.strip().lower()
        if word in allowed:
            values.add(word)
            continue
        # A medicine or condition by its everyday name ("furosemide", "type 2 diabetes");
        # other fields take only their ids, so a typo is reported, not guessed at.
        read: set[str] = set()
        if category in _LAY_NAMES_ALLOWED:
            read = {v for c, v in _facts_in_phrase(word) if c == category}
        if not read:
            known = ", ".join(sorted(allowed)) if category == "location" else ""
            hint = f" Known {name}: {known}." if known else ""
            raise FactsError(f"Unknown {category} {item!r}.{hint}")
        values |= read
    return values


def _structured_scalar(name: str, raw: object) -> str:
    allowed = SCALAR_CATEGORIES[_SCALAR_FIELDS[name]]
    if not isinstance(raw, str) or raw.lower() not in allowed:
        raise FactsError(f"{name} must be one of: {', '.join(allowed)}.")
    return raw.lower()


def _structured_number(name: str, raw: object) -> int | float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise FactsError(f"{name} must be a number.")
    if raw < 0:
        raise FactsError(f"{name} cannot be negative.")
    return int(raw) if name in ("age", "pregnancy_week") else float(raw)


def validate(facts: Facts) -> None:
    """Raise FactsError when facts are impossible or contradict each other."""
    if facts.age is not None and not 0 <= facts.age <= MAX_AGE:
        raise FactsError(f"An age of {facts.age} is not possible; give an age from 0 to 120.")
    if facts.temperature_c is not None and not MIN_TEMPERATURE_C <= facts.temperature_c <= MAX_TEMPERATURE_C:
        raise FactsError(
            f"A temperature of {facts.temperature_c} C is not possible; give it in degrees Celsius "
            f"({MIN_TEMPERATURE_C:.0f} to {MAX_TEMPERATURE_C:.0f}).")
    if facts.age_months is not None and not 0 <= facts.age_months <= MAX_AGE * 12:
        raise FactsError(f"An age of {facts.age_months} months is not possible.")
    unknown = facts.locations - set(LOCATIONS)
    if unknown:
        raise FactsError(f"Unknown location {sorted(unknown)[0]!r}.")
    if facts.pregnancy_week is not None:
        if not 1 <= facts.pregnancy_week <= MAX_PREGNANCY_WEEK:
            raise FactsError(
                f"A pregnancy lasts at most {MAX_PREGNANCY_WEEK} weeks; week "
                f"{facts.pregnancy_week} is not possible.")
        if facts.pregnant is False:
            raise FactsError("A pregnancy week was given but pregnant is false.")
    if facts.pregnant:
        low, high = PREGNANCY_AGE_RANGE
        if facts.age is not None and not low <= facts.age <= high:
            raise FactsError(
                f"Pregnancy at age {facts.age} does not fit: please check the age "
                "and whether the person is pregnant.")
        if facts.sex == "male":
            raise FactsError("The description says both male and pregnant: please check.")


def merge(text_facts: Facts, structured: Facts) -> Facts:
    """Both sources together; a structured single value wins over one read from text.

    A symptom reported by either side is kept even if the other denies it: a missed
    red flag costs more than a needless check.
    """
    merged = replace(text_facts)
    for f in fields(Facts):
        mine, theirs = getattr(text_facts, f.name), getattr(structured, f.name)
        if isinstance(mine, set):
            setattr(merged, f.name, mine | theirs)
        elif f.name not in ("unknown_words", "truncated") and theirs is not None:
            setattr(merged, f.name, theirs)
    merged.pertinent_negatives -= merged.symptoms
    validate(merged)
    return merged


# ------------------------------------------------------------------ reading free text


@dataclass(frozen=True, slots=True)
class _DurationWords:
    lasting: frozenset[str]
    after: frozenset[str]
    skippable: frozenset[str]
    persistence: frozenset[str]
    still: frozenset[str]
    still_reach: int
    place: frozenset[str]


@cache
def _duration_words() -> _DurationWords:
    data = load_yaml("text_rules.yaml")["durations"]
    return _DurationWords(
        lasting=frozenset(data["lasting_words"]),
        after=frozenset(data["words_after"]),
        skippable=frozenset(data["skippable_before"]),
        persistence=frozenset(data["persistence_words"]),
        still=frozenset(data["still_words"]),
        still_reach=int(data["still_reach"]),
        place=frozenset(data["place_words"]),
    )


@dataclass(frozen=True, slots=True)
class _QuestionWords:
    openers: frozenset[str]
    person: frozenset[str]


@cache
def _question_words() -> _QuestionWords:
    data = load_yaml("text_rules.yaml")["questions"]
    return _QuestionWords(openers=frozenset(data["openers"]), person=frozenset(data["person_words"]))


@dataclass(frozen=True, slots=True)
class _NumberWords:
    """Words that make a number an age or a pregnancy week (text_rules.yaml ages, pregnancy_weeks)."""

    before: frozenset[str]
    after: frozenset[str]
    after_years: frozenset[str]
    person: frozenset[str]
    pregnancy_after: frozenset[str]


@cache
def _number_words() -> _NumberWords:
    data = load_yaml("text_rules.yaml")
    ages = data["ages"]
    return _NumberWords(
        before=frozenset(ages["words_before"]),
        after=frozenset(ages["words_after"]),
        after_years=frozenset(ages["words_after_years"]),
        person=frozenset(ages["person_words"]),
        pregnancy_after=frozenset(data["pregnancy_weeks"]["words_after"]),
    )


@cache
def _common_words() -> frozenset[str]:
    return frozenset(str(load_yaml("common_words.yaml")["words"]).split())


# Set on a general question ("can statins cause cramps?"); the rule data reads it.
GENERAL_QUESTION = "general_question"
# A fact that, when denied, means another: relief denied is relief that failed.
_DENIED_MEANS: dict[FactKey, FactKey] = {("flag", "eased"): ("flag", "not_easing")}


def _facts_in_phrase(text: str) -> list[FactKey]:
    tokens = tokenize(normalise(text).text)
    return [fact for match in find_matches(tokens) for fact in match.facts]


def _add_fact(facts: Facts, category: str, value: str) -> None:
    if category in SET_CATEGORIES:
        getattr(facts, SET_CATEGORIES[category]).add(value)
    elif category == "side":
        if facts.sides != "one":  # one-sided wins: it is the pattern of a clot
            facts.sides = value
    elif category == "frequency":
        if facts.frequency is None or FREQUENCIES.index(value) > FREQUENCIES.index(
                facts.frequency):
            facts.frequency = value
    elif category == "sex":
        facts.sex = facts.sex or value
    elif category == "pregnancy":
        facts.pregnant = True


def _is_age(words: list[str], q: Quantity) -> bool:
    cue = _number_words()
    before = words[q.start - 1] if q.start > 0 else ""
    before2 = words[q.start - 2] if q.start > 1 else ""
    after = words[q.end] if q.end < len(words) else ""
    if q.unit == "years":
        return after in cue.after_years
    if q.unit is not None:
        return False
    return (after in cue.after or before in cue.before
            or (before == "is" and before2 in cue.person)
            or (before == "my" and before2 == "in"))


def _is_pregnancy_week(words: list[str], q: Quantity) -> bool:
    if q.unit != "weeks":
        return False
    after = words[q.end] if q.end < len(words) else ""
    return after in _number_words().pregnancy_after or "pregnant" in words[max(0, q.start - 3):q.start]


def _word_before(words: list[str], start: int, skippable: frozenset[str]) -> int:
    i = start - 1
    while i >= 0 and words[i] in skippable:
        i -= 1
    return i


def _still_follows(words: list[str], end: int, cue: _DurationWords) -> bool:
    """ "25 mins later and still locked": "still" soon after the number, same sentence."""
    for word in words[end:end + cue.still_reach]:
        if word in SENTENCE_END:
            return False
        if word in cue.still:
            return True
    return False


def _spasm_before(words: list[str], before: int, episode_ends: set[int],
                  place_tokens: set[int], cue: _DurationWords) -> bool:
    """Is the word before the number (skipping a place: "in my left calf") the spasm?"""
    i = before
    while i >= 0:
        if i in episode_ends:
            return True
        if i not in place_tokens and words[i] not in cue.place:
            return False
        i -= 1
    return False


def _read_quantities(facts: Facts, tokens: list[Token], matches: list[Match]) -> None:
    words = [t.word for t in tokens]
    cue = _duration_words()
    sensation_ends = {m.end - 1 for m in matches
                      if any(c in ("sensation", "symptom") for c, _ in m.facts)}
    # What a spasm's length may follow: the spasm word itself, or "won't ease", "stuck".
    episode_ends = sensation_ends | {m.end - 1 for m in matches if ("flag", "not_easing") in m.facts}
    place_tokens = {i for m in matches if any(c == "location" for c, _ in m.facts)
                    for i in range(m.start, m.end)}
    clause_of = {i: span for span in clauses(tokens) for i in range(*span)}
    for q in find_quantities(tokens):
        after = words[q.end] if q.end < len(words) else ""
        if _is_age(words, q):
            if 0 < q.value <= MAX_AGE:
                facts.age = int(q.value)
        elif _is_pregnancy_week(words, q):
            facts.pregnant = True
            facts.pregnancy_week = int(q.value)
        elif q.unit == "minutes":
            before = _word_before(words, q.start, cue.skippable)
            if (after in cue.after or _still_follows(words, q.end, cue)
                    or _spasm_before(words, before, episode_ends, place_tokens, cue)
                    or (before >= 0 and words[before] in cue.lasting)):
                facts.duration_minutes = max(facts.duration_minutes or 0.0, q.value)
        elif q.unit in ("weeks", "years"):
            weeks = q.value * 52 if q.unit == "years" else q.value
            start, end = clause_of.get(q.start, (q.start, q.end))
            clause_has_symptom = any(start <= i < end for i in sensation_ends)
            nearby = set(words[max(0, q.start - 2):q.start + 1]) | {after}
            strong = nearby & (cue.persistence - {"for"})
            if strong or ("for" in nearby and clause_has_symptom):
                facts.persists_weeks = max(facts.persists_weeks or 0.0, weeks)


def _apply_derived(facts: Facts) -> None:
    for rule in load_phrase_index().derived:
        if rule.when(facts):
            for category, value in rule.adds:
                _add_fact(facts, category, value)


def _unknown_words(tokens: list[Token], matches: list[Match]) -> list[str]:
    phrase_index = load_phrase_index()
    covered = {i for m in matches for i in range(m.start, m.end)}
    common = _common_words()
    unknown: list[str] = []
    for t in tokens:
        if (t.index in covered or len(t.word) < 3 or not t.word.isalpha()
                or t.word in common or t.word in phrase_index.fillers
                or t.stem in phrase_index.known_stems or t.word in unknown):
            continue
        unknown.append(t.word)
        if len(unknown) == MAX_UNKNOWN_WORDS:
            break
    return unknown


def _is_general_question(text: str, tokens: list[Token]) -> bool:
    """A question about spasms in general, not a description of anyone's own body."""
    if not tokens:
        return False
    words = _question_words()
    asks = "?" in text or tokens[0].word in words.openers
    return asks and not any(t.word in words.person for t in tokens)


def extract_facts(text: str) -> Facts:
    """Read a description in the person's own words into Facts."""
    normalised = normalise(text)
    tokens = tokenize(normalised.text)
    # A clause that asks about a subject ("what are the signs of a stroke?") describes
    # no warning sign; the spasm facts stay, for the pack's own question rules
    # ("is cramping a side effect of water tablets?").
    asked = asked_about(tokens)
    matches = find_matches(tokens)
    inside_phrases = frozenset(i for m in matches for i in range(m.start, m.end))
    negated = negated_token_indexes(tokens, ignore=inside_phrases)
    facts = Facts(truncated=normalised.truncated)
    for match in matches:
        for category, value in match.facts:
            if match.start not in negated:
                _add_fact(facts, category, value)
            elif category == "symptom":
                facts.pertinent_negatives.add(value)
            elif (category, value) in _DENIED_MEANS:
                # "it wasn't eased by stretching": denied relief is relief that failed.
                _add_fact(facts, *_DENIED_MEANS[(category, value)])
    if _is_general_question(normalised.text, tokens):
        facts.markers.add(GENERAL_QUESTION)
    facts.pertinent_negatives -= facts.symptoms
    _read_quantities(facts, tokens, matches)
    _apply_derived(facts)
    # Spasm words inside a question about a subject describe no one's symptoms.
    spasm_described = any(
        m.start not in asked and m.start not in negated
        and any(category in ("sensation", "symptom") for category, _ in m.facts)
        for m in matches)
    read_red_flags(facts, normalised.text, tokens, asked, spasm_described=spasm_described)
    facts.unknown_words = _unknown_words(tokens, matches)
    # Not validated here: triage_text runs on every search query and must never fail.
    # check() validates, because a contradiction there deserves a clear answer.
    return facts
