"""Reading a description in a person's own words into Facts: `extract_facts(text)`.

The spasm pack's phrases (phrases.py, data/facts_lexicon.yaml), denial scopes and numbers
(text.py) and the universal warning signs (red_flags.py) all write into one Facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from askwell.medical.data_files import load_yaml
from askwell.medical.facts import MAX_AGE, Facts
from askwell.medical.phrases import FactKey, Match, find_matches, load_phrase_index
from askwell.medical.quantities import number_words
from askwell.medical.red_flags import GENERAL_QUESTION, read_red_flags, tied_to_now, unread_clauses
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
from askwell.medical.vocabulary import FREQUENCIES, SET_CATEGORIES

MAX_UNKNOWN_WORDS = 20


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


@cache
def _common_words() -> frozenset[str]:
    return frozenset(str(load_yaml("common_words.yaml")["words"]).split())


# A fact that, when denied, means another: relief denied is relief that failed.
_DENIED_MEANS: dict[FactKey, FactKey] = {("flag", "eased"): ("flag", "not_easing")}


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
    cue = number_words()
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
    return after in number_words().pregnancy_after or "pregnant" in words[max(0, q.start - 3):q.start]


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
    """A question about spasms in general, not a description of anyone's own body: it names
    no one and is not tied to now ("pink wee once this morning, ignore it?" describes)."""
    if not tokens:
        return False
    words = _question_words()
    asks = "?" in text or tokens[0].word in words.openers
    return asks and not any(t.word in words.person for t in tokens) and not tied_to_now([t.word for t in tokens])


def extract_facts(text: str) -> Facts:
    """Read a description in the person's own words into Facts."""
    normalised = normalise(text)
    tokens = tokenize(normalised.text)
    # A clause that asks about a subject ("what are the signs of a stroke?") describes
    # no warning sign; the spasm facts stay, for the pack's own question rules
    # ("is cramping a side effect of water tablets?").
    unread = unread_clauses(tokens)
    asked = unread.skipped
    matches = find_matches(tokens)
    inside_phrases = frozenset(i for m in matches for i in range(m.start, m.end))
    negated = negated_token_indexes(tokens, ignore=inside_phrases)
    # Symptoms told as past history ("had a febrile seizure last year") are not happening now;
    # the red-flag reader skips its signs there too.
    history = unread.history
    facts = Facts(truncated=normalised.truncated)
    for match in matches:
        for category, value in match.facts:
            if category == "symptom" and match.start in history:
                continue
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
    read_red_flags(facts, normalised.text, tokens, unread, spasm_described=spasm_described)
    facts.unknown_words = _unknown_words(tokens, matches)
    # Not validated here: triage_text runs on every search query and must never fail.
    # check() validates, because a contradiction there deserves a clear answer.
    return facts
