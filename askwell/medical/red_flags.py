"""Universal red flags: reading warning signs, who a text is about, and a temperature.

Whatever knowledge packs are installed, askwell must notice a baby's fever, a rash that
does not fade, suicidal thoughts or an overdose in any question. This module reads those
from the words, with the same tokens, stemming and denial scopes as the spasm reader
(text.py, phrases.py), and writes them into Facts (`signs`, `about`, `age_months`,
`temperature_c`, and the markers `asks_information` / `describes_symptoms`). The rules
that judge them live in data/red_flags.yaml and run in triage.py beside the spasm rules,
so there is one engine and one answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from askwell.medical.data_files import DataFileError, load_yaml
from askwell.medical.facts import Facts
from askwell.medical.phrases import FactKey, Match, PhraseIndex, compile_phrases, denies, find_matches
from askwell.medical.quantities import find_quantities, number_words
from askwell.medical.text import PUNCTUATION, SENTENCE_END, Token, clauses, negated_token_indexes
from askwell.medical.vocabulary import TRIAGE_LEVELS

FEVER_C = 38.0
# A blood pressure reading (systolic, diastolic) that the NHS calls high (140/90 or more) and
# very high (180/120 or more: urgent advice).
HIGH_BP, VERY_HIGH_BP = (140, 90), (180, 120)
_BP_READING = re.compile(r"\b(\d{2,3})\s*(?:/|over)\s*(\d{2,3})\b")
_BP_WORDS = re.compile(r"\b(?:bp|blood pressure|pressure|reading|readings|mmhg)\b", re.IGNORECASE)
# A blood sugar reading that is high (mmol/L, or mg/dL as in the US).
HIGH_SUGAR_MMOL, HIGH_SUGAR_MG_DL = 20.0, 360.0
_SUGAR_WORDS = frozenset({"sugar", "sugars", "glucose", "bm", "bms", "bg", "bgl", "mmol", "libre", "dexcom",
                          "cgm", "glucometer"})
# A blood ketone reading (mmol/L, NHS diabetic ketoacidosis): under 0.6 is normal, 1.6 to 3 is at
# risk (the diabetes team, now), over 3 is high (999 or A&E).
NORMAL_KETONES_BELOW, RISING_KETONES_FROM, HIGH_KETONES_ABOVE = 0.6, 1.6, 3.0
# A resting pulse this slow, read from "heart rate 44", "pulse is 38".
SLOW_PULSE_BELOW = 50
# "heart rate", not any rate (a breathing rate of 40 is not a pulse of 40).
_PULSE_WORDS = frozenset({"pulse", "hr", "bpm", "heartrate", "heart rate"})
# An INR reading this high on warfarin (the anticoagulant clinic's advice is needed that day).
HIGH_INR_FROM = 5.0
ASKS_INFORMATION = "asks_information"
DESCRIBES_SYMPTOMS = "describes_symptoms"
GENERAL_QUESTION = "general_question"

# "my 2 month old", "a 6-week-old", "4 months old", "my son (3)": a time span right before
# one of these words is an age. Short forms ("4mo", "6wk") are split by the tokenizer.
_AGE_AFTER = frozenset({"old", "olds", "baby", "infant", "newborn", "boy", "girl", "son", "daughter"})
_SHORT_AGE_UNITS = {"mo": 1.0, "mos": 1.0, "mth": 1.0, "mths": 1.0, "wk": 12 / 52, "wks": 12 / 52,
                    "wo": 12 / 52, "m": 1.0, "yo": 12.0, "y": 12.0, "yr": 12.0, "yrs": 12.0}
_AGED_BEFORE = frozenset({"is", "only", "just", "turned"})  # only after a baby or child word
_HE_IS = frozenset({"hes", "he's"})
_SHE_IS = frozenset({"shes", "she's"})
_JAB_WORDS = frozenset({"jabs", "jab", "vaccines", "vaccinations", "immunisations", "injections"})
# Words that only a baby's (or toddler's) carer writes, read when no age or person word says more.
_NAPPY_WORDS = frozenset({"nappy", "nappies"})
_WEEKS_PER_MONTH = 52 / 12

# A temperature: a number from 34 to 43 (Celsius) or 93 to 110 (Fahrenheit) with one of
# these units after it or a word for temperature just before it (_temperature). "38 weeks
# pregnant" is not one: a time unit follows it.
_UNIT_WORDS_AFTER = frozenset({"c", "f", "degrees", "degree", "deg", "celsius", "centigrade", "fahrenheit"})
_TIME_WORDS = frozenset({"weeks", "week", "wks", "days", "day", "months", "month", "years", "year",
                         "hours", "hour", "hrs", "minutes", "mins", "pregnant", "old", "kg", "lbs",
                         "pounds", "stone", "mg", "ml", "tablets", "pills", "times", "percent", "%"})
# "how", "what" ... or a question mark: the text asks. Together with no symptoms at all it
# is a request for information ("how do I lower my blood pressure?").
_ASKING_OPENERS = frozenset({
    "can", "could", "do", "does", "did", "is", "are", "was", "why", "what", "whats", "what's", "how",
    "should", "will", "would", "which", "when", "where", "who", "tips", "ways", "advice", "best",
    "help", "info", "information", "explain", "tell", "difference", "list", "normal",
})


@dataclass(frozen=True, slots=True)
class RedFlagLexicon:
    phrases: PhraseIndex
    context_signs: frozenset[str]
    # Context read even in a clause that asks ("had her jabs this morning, is a temp of 38
    # normal?"): a question about vaccines is information, but the jabs still happened.
    read_in_questions: frozenset[str]
    information_cues: PhraseIndex
    # A permission question ("is it safe to drive with ...") asks about the action only: from
    # one of these words on, its clause says what the person has, unless it speaks of people
    # in general ("... with a blood clot in your leg").
    permission_scope_ends: frozenset[str]
    general_people: frozenset[str]
    # A question run on into a description without a full stop ("what are the side effects of
    # sertraline i have been thinking about ending my life"): one of these words starts the
    # description, unless a word of `hypothesis_words` comes right before it ("how do i know
    # if | i have ...", "what should you do when | she ...").
    description_subjects: frozenset[str]
    hypothesis_words: frozenset[str]
    # "what to do if my 6 week old has a temperature of 38.4": a question about someone's own
    # that is tied to now (one of these words, or a temperature reading) describes them.
    present_anchors: frozenset[str]
    # "took all my sertraline": all of a named medicine taken is an overdose.
    overdose_medicines: frozenset[str]


@dataclass(frozen=True, slots=True)
class Fallback:
    """The answer when no rule fires: a request for information, or symptoms we cannot judge."""

    id: str
    level: str
    marker: str
    entry: dict[str, object]


@dataclass(frozen=True, slots=True)
class _People:
    """Who a text is about (data/text_rules.yaml people): the first group found wins."""

    baby: frozenset[str]
    child: frozenset[str]
    adult: frozenset[str]
    self_words: frozenset[str]
    named: frozenset[str]  # after which a number is an age ("my gran 89")


@cache
def _people() -> _People:
    data = load_yaml("text_rules.yaml")["people"]
    baby, child, adult = frozenset(data["baby"]), frozenset(data["child"]), frozenset(data["adult"])
    return _People(baby=baby, child=child, adult=adult, self_words=frozenset(data["self"]),
                   named=baby | child | (adult - frozenset(data["pronouns"])))


@cache
def load_red_flag_lexicon() -> RedFlagLexicon:
    data = load_yaml("red_flags.yaml")
    fillers = frozenset(load_yaml("text_rules.yaml")["filler_words"])
    signs = data.get("signs")
    if not isinstance(signs, dict) or not signs:
        raise DataFileError("red_flags.yaml: signs must map sign ids to phrases")
    entries: list[tuple[str, FactKey | None]] = [
        (str(phrase), ("sign", str(sign))) for sign, phrases in signs.items() for phrase in phrases]
    entries += [(str(phrase), None) for phrase in data.get("not_signs", ())]  # read as nothing
    index, known = compile_phrases(entries, fillers, "red_flags.yaml")
    context = frozenset(data.get("context_signs", ()))
    unknown = context - set(signs)
    if unknown:
        raise DataFileError(f"red_flags.yaml: context_signs names unknown signs {sorted(unknown)}")
    in_questions = frozenset(data.get("read_in_questions", ()))
    if in_questions - context:
        raise DataFileError("red_flags.yaml: read_in_questions must be context signs, not "
                            f"{sorted(in_questions - context)}")
    cue_index, cue_stems = compile_phrases(
        [(str(cue), ("cue", "information")) for cue in data.get("information_cues", ())]
        + [(str(cue), ("cue", "past")) for cue in data.get("past_cues", ())]
        + [(str(cue), ("cue", "permission")) for cue in data.get("permission_cues", ())], fillers,
        "red_flags.yaml information_cues")
    return RedFlagLexicon(
        phrases=PhraseIndex(index=index, fillers=fillers, known_stems=known, derived=()),
        context_signs=context,
        read_in_questions=in_questions,
        information_cues=PhraseIndex(index=cue_index, fillers=fillers, known_stems=cue_stems, derived=()),
        permission_scope_ends=frozenset(data.get("permission_scope_ends", ())),
        general_people=frozenset(data.get("general_people", ())),
        description_subjects=frozenset(data.get("description_subjects", ())),
        hypothesis_words=frozenset(data.get("hypothesis_words", ())),
        present_anchors=frozenset(data.get("present_anchors", ())),
        overdose_medicines=frozenset(data.get("overdose_medicines", ())),
    )


@dataclass(frozen=True, slots=True)
class Unread:
    """Token indexes whose signs are not read as described: `skipped` holds the clauses that ask
    about a subject or tell past history; `history` those told as past history and not also
    asked about, where a context sign (after the menopause) still holds."""

    skipped: frozenset[int] = frozenset()
    history: frozenset[int] = frozenset()


def unread_clauses(tokens: list[Token]) -> Unread:
    """The clauses that ask about a subject rather than describe it, and past history.

    Clauses split at sentence ends, commas and "but", so a description next to a question
    ("how do I know if it's meningitis, her rash won't fade") still counts.
    """
    cues = find_matches(tokens, load_red_flag_lexicon().information_cues)
    if not cues:
        return Unread()
    asked, history = _asked_and_history(tokens, cues)
    return Unread(skipped=frozenset(asked | history), history=frozenset(history - asked))


def _asked_and_history(tokens: list[Token], cues: list[Match]) -> tuple[set[int], set[int]]:
    asked: set[int] = set()
    history: set[int] = set()
    for start, end in clauses(tokens, at_commas=True):
        for cue in (cue for cue in cues if start <= cue.start < end):
            if ("cue", "information") in cue.facts:
                asked.update(range(start, _description_start(tokens, cue.end, end)))
            elif ("cue", "permission") in cue.facts:
                asked.update(range(start, _permission_scope_end(tokens, cue.end, end)))
            else:
                # A past cue ("years ago") makes what comes before it history; what the clause
                # says after it is now ("had a stroke years ago and now my face is drooping").
                history.update(range(start, cue.end))
    return asked, history


def _description_start(tokens: list[Token], cue_end: int, clause_end: int) -> int:
    """Where a question run on into a description stops asking (the clause end if it does not)."""
    lexicon = load_red_flag_lexicon()
    for i in range(cue_end + 1, clause_end):
        if tokens[i].word in lexicon.description_subjects and tokens[i - 1].word not in lexicon.hypothesis_words:
            return i
    words = [t.word for t in tokens[cue_end:clause_end]]
    people = _people()
    someones_own = any(w in people.self_words or w in people.baby or w in people.child or w in people.adult
                       or w in ("my", "our") for w in words)
    if someones_own and tied_to_now(words) and not any(w in lexicon.general_people for w in words):
        return cue_end
    return clause_end


def tied_to_now(words: list[str]) -> bool:
    """ "this morning", "since yesterday", "now", a temperature reading: told as happening."""
    return any(w in load_red_flag_lexicon().present_anchors for w in words) or _temperature(words) is not None


def _permission_scope_end(tokens: list[Token], cue_end: int, clause_end: int) -> int:
    """Where a permission question stops asking: "is it safe to drive | with crushing chest
    pain" describes the chest pain; "... | with a blood clot in your leg" asks in general."""
    lexicon = load_red_flag_lexicon()
    for i in range(cue_end, clause_end):
        if tokens[i].word in lexicon.permission_scope_ends:
            if any(t.word in lexicon.general_people for t in tokens[i:clause_end]):
                return clause_end
            return i
    return clause_end


@cache
def load_fallbacks() -> tuple[Fallback, ...]:
    fallbacks = []
    for entry in load_yaml("red_flags.yaml").get("fallbacks", ()):
        where = f"red_flags.yaml fallback {entry.get('id')!r}"
        if entry.get("level") not in TRIAGE_LEVELS:
            raise DataFileError(f"{where}: unknown level {entry.get('level')!r}")
        if entry.get("marker") not in (ASKS_INFORMATION, DESCRIBES_SYMPTOMS):
            raise DataFileError(f"{where}: marker must be {ASKS_INFORMATION} or {DESCRIBES_SYMPTOMS}")
        fallbacks.append(Fallback(id=str(entry["id"]), level=str(entry["level"]),
                                  marker=str(entry["marker"]), entry=dict(entry)))
    return tuple(fallbacks)


def read_red_flags(facts: Facts, text: str, tokens: list[Token],
                   unread: Unread = Unread(), *, spasm_described: bool = False) -> None:
    """Add the universal signs, who the text is about, their age and any temperature.

    `unread` holds the clauses that ask about a subject or tell past history
    (unread_clauses()): signs there are not described, so they do not count.
    """
    lexicon = load_red_flag_lexicon()
    matches = find_matches(tokens, lexicon.phrases, overlapping=True)
    inside = frozenset(i for m in matches for i in range(m.start, m.end))
    negated = negated_token_indexes(tokens, ignore=inside)
    asked, history = unread.skipped, unread.history
    for match in matches:
        if match.start in negated or _right_after_denial(tokens, match.start):
            continue
        for _, sign in match.facts:
            # A sign in a clause that asks about it, or in past history, is not described; a
            # context sign in past history (after the menopause, a stroke years ago) still holds.
            if (match.start not in asked or sign in lexicon.read_in_questions
                    or (sign in lexicon.context_signs and match.start in history)):
                facts.signs.add(sign)
    words = [t.word for t in tokens]
    if facts.pregnant is None:
        week = _pregnancy_week(words)
        if week is not None:
            facts.pregnant, facts.pregnancy_week = True, week
    if facts.age is None:
        facts.age = _age_in_years(words)
    age_months = _age_in_months(words)
    if age_months is not None:
        facts.age_months = age_months
        if facts.age is None:
            facts.age = int(age_months // 12)
    elif facts.age is not None and facts.age_months is None:
        facts.age_months = float(facts.age * 12)
    facts.about = facts.about or _about(words, facts.age_months)
    if _took_many(words) or _took_all_of(words, lexicon.overdose_medicines):
        facts.signs.add("overdose")
    facts.signs.update(_blood_pressure_signs(text))
    facts.signs.update(_blood_sugar_signs(words))
    facts.signs.update(_reading_signs(words))
    if _told_as_lasting_weeks(tokens, asked):
        facts.signs.add("long_lasting")
    temperature = _temperature([w if i not in asked else "" for i, w in enumerate(words)])
    if temperature is not None:
        facts.temperature_c = temperature
        # The number is more exact than the words: 38C is where the NHS calls it a fever.
        if temperature >= FEVER_C:
            facts.signs.add("fever")
        else:
            facts.signs.discard("fever")
            facts.symptoms.discard("fever")
    # (after the temperature: "37.6" takes back a fever the word "temperature" suggested)
    spasm_described = spasm_described and bool(facts.sensations or facts.symptoms)
    describes = bool(facts.signs - lexicon.context_signs) or spasm_described
    if describes:
        facts.markers.add(DESCRIBES_SYMPTOMS)
    # A question that describes no one's own body ("what's the best way to get rid of hay
    # fever?") asks for information even when it names symptoms.
    if _asks(text, words) and (not describes or GENERAL_QUESTION in facts.markers):
        facts.markers.add(ASKS_INFORMATION)


def _blood_pressure_signs(text: str) -> set[str]:
    """ "pharmacy bp check said 158/96": a reading, when the text speaks of blood pressure."""
    if not _BP_WORDS.search(text):
        return set()
    signs: set[str] = set()
    for systolic, diastolic in ((int(a), int(b)) for a, b in _BP_READING.findall(text)):
        if not (70 <= systolic <= 260 and 40 <= diastolic <= 160 and systolic > diastolic):
            continue  # not a blood pressure (a date, a score)
        if systolic >= VERY_HIGH_BP[0] or diastolic >= VERY_HIGH_BP[1]:
            signs.add("very_high_bp_reading")
        elif systolic >= HIGH_BP[0] or diastolic >= HIGH_BP[1]:
            signs.add("high_bp_reading")
    return signs


def _blood_sugar_signs(words: list[str]) -> set[str]:
    """ "my blood sugar is 28", "bm was 22.4 mmol": a reading of 20 mmol/L or more (360 mg/dL)
    is high blood sugar, as "blood sugar is 20" reads in the words (a single reading of 15 after
    a meal is not on its own a reason to get help today)."""
    ages = number_words()
    for i, word in enumerate(words):
        value = _number(word) if word[:1].isdigit() else None
        if value is None:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        before = words[i - 1] if i else ""
        if ((after in _TIME_WORDS and after != "mg") or after in ages.after or after in ages.after_years
                or before in ages.before):
            continue  # "for 28 days", "i'm 28", "28 years old"
        if not _SUGAR_WORDS & set(words[max(0, i - 6):i + 2]):
            continue
        if HIGH_SUGAR_MMOL <= value <= 60 or HIGH_SUGAR_MG_DL <= value <= 1000:
            return {"high_sugar"}
    return set()


def _reading_after(words: list[str], names: frozenset[str], within: int = 4) -> list[float]:
    """Numbers told within a few words after one of `names`, a word or two ("ketones 0.2",
    "inr is 7.2", "heart rate now 44")."""
    found = []
    for i, word in enumerate(words):
        if word not in names and (i == 0 or f"{words[i - 1]} {word}" not in names):
            continue
        for later in words[i + 1:i + 1 + within]:
            value = _number(later) if later[:1].isdigit() else None
            if value is not None:
                found.append(value)
                break
    return found


def _reading_signs(words: list[str]) -> set[str]:
    """Signs read from the numbers of home readings: ketones (NHS diabetic ketoacidosis), a slow
    pulse, a high INR on warfarin."""
    signs: set[str] = set()
    for value in _reading_after(words, frozenset({"ketones", "ketone", "ketons"})):
        if value > HIGH_KETONES_ABOVE:
            signs.add("high_ketones")
        elif value >= RISING_KETONES_FROM:
            signs.add("rising_ketones")
        elif value < NORMAL_KETONES_BELOW:
            signs.add("normal_ketones")
    if any(20 <= value < SLOW_PULSE_BELOW for value in _reading_after(words, _PULSE_WORDS)):
        signs.add("slow_pulse")
    if any(HIGH_INR_FROM <= value <= 20 for value in _reading_after(words, frozenset({"inr"}))):
        signs.add("high_inr")
    return signs


# "hoarse for over 3 weeks", "about a month now", "for the last 3 months": a problem that has
# lasted this long. Not "3 weeks ago", "3 weeks old", "34 weeks (pregnant)" or "can a cough last 3 weeks".
LASTING_WEEKS = 3.0
_LASTING_BEFORE = frozenset({"for", "been", "past", "over", "than", "nearly", "almost", "about", "around", "whole"})
_NOT_LASTING_AFTER = frozenset({"ago", "old", "olds", "pregnant", "since", "after", "later", "before", "gestation"})


def _told_as_lasting_weeks(tokens: list[Token], asked: frozenset[int]) -> bool:
    words = [t.word for t in tokens]
    for q in find_quantities(tokens):
        if q.unit not in ("weeks", "years") or q.start in asked:
            continue
        weeks = q.value * 52 if q.unit == "years" else q.value
        after = words[q.end] if q.end < len(words) else ""
        if weeks < LASTING_WEEKS or after in _NOT_LASTING_AFTER:
            continue
        before = set(words[max(0, q.start - 3):q.start])
        if before & _LASTING_BEFORE or after == "now" or (before & {"last"} and "the" in before):
            return True
    return False


def _right_after_denial(tokens: list[Token], start: int) -> bool:
    """ "doesn't | fade with a glass": a phrase that starts right after a denial word that
    another phrase used (so the negation scope skipped it) is denied, not present."""
    return start > 0 and denies(tokens[start - 1].word)


# "baby" before these is a kind of thing, not a baby ("a baby tooth", "baby oil").
_NOT_A_BABY_AFTER = frozenset({"tooth", "teeth", "oil", "wipes", "powder", "shampoo", "monitor", "aspirin"})


def _about(words: list[str], age_months: float | None) -> str | None:
    present = set(words)
    people = _people()
    babies = {w for i, w in enumerate(words)
              if w in people.baby and (i + 1 >= len(words) or words[i + 1] not in _NOT_A_BABY_AFTER)}
    if age_months is not None and age_months < 12:
        return "baby"
    if babies:
        return "baby"
    if (age_months is not None and age_months < 16 * 12) or present & people.child:
        return "child"
    if present & _NAPPY_WORDS and not present & people.adult:
        return "baby"
    if present & people.adult and not present & people.self_words:
        return "adult"
    if present & people.adult and ("my" in present or "our" in present):
        # "my dad has ..." even when "I" appears too ("I think my dad is having a stroke").
        return "adult"
    if words and words[0] in people.adult & people.named:
        # The text opens with who it is about ("Dad is 79 ... he can't tell me what day it is").
        return "adult"
    if present & people.self_words or "my" in present:
        return "self"
    return None


def _age_in_years(words: list[str]) -> int | None:
    """ "71, severe headache", "my gran is 89", "my mum (80)": ages the spasm reader leaves."""
    named = _people().named
    for i, word in enumerate(words):
        if not word.isdigit() or not 1 <= int(word) <= 110:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        before = words[i - 1] if i > 0 else ""
        before2 = words[i - 2] if i > 1 else ""
        if after in _TIME_WORDS or after in _UNIT_WORDS_AFTER:
            continue
        if (i == 0 and after in (",", "yo", "y")) or before in named or (before == "is" and before2 in named):
            return int(word)
    for i, word in enumerate(words[2:], start=2):
        # "mum's in her 80s": the middle of the decade
        if (word.endswith("s") and word[:-1].isdigit() and words[i - 1] in ("her", "his", "their", "my")
                and words[i - 2] == "in"):
            return int(word[:-1]) + 5
    return None


def _number(word: str) -> float | None:
    try:
        return float(word)
    except ValueError:
        return None


_SPELLED = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
_UNIT_MONTHS = {"day": 12 / 365, "days": 12 / 365, "week": 12 / 52, "weeks": 12 / 52,
                "month": 1.0, "months": 1.0, "year": 12.0, "years": 12.0, "yr": 12.0, "yrs": 12.0}


def _age_in_months(words: list[str]) -> float | None:
    """ "my 6 week old", "a 2-month-old", "my son is 3 months", "4mo", "aged 10 days"."""
    people = _people()
    for i, word in enumerate(words):
        value = _number(word) if word[:1].isdigit() else _SPELLED.get(word)
        if value is None or i + 1 >= len(words):
            continue
        unit = words[i + 1]
        after = words[i + 2] if i + 2 < len(words) else ""
        before = words[i - 1] if i > 0 else ""
        if unit in _SHORT_AGE_UNITS and word[:1].isdigit():
            return value * _SHORT_AGE_UNITS[unit]
        if unit not in _UNIT_MONTHS:
            continue
        young = set(words[max(0, i - 4):i]) & (people.baby | people.child)
        # "hes 4 months", "shes 10 months" (not "she's 5 months pregnant"); "her 16 week jabs".
        told_of = (before in _HE_IS or (before in _SHE_IS and unit in ("month", "months")
                                        and not set(words) & (people.adult | {"pregnant", "pregnancy"})))
        if after in _JAB_WORDS or (told_of and after not in ("pregnant", "ago", "gone", "later")):
            return value * _UNIT_MONTHS[unit]
        if (after in _AGE_AFTER or before in ("aged", "age")
                or (before in _AGED_BEFORE and young and after not in ("pregnant", "ago"))):
            return value * _UNIT_MONTHS[unit]
    return None


_CARRYING = frozenset({"i'm", "im", "am", "she's", "shes", "is", "currently", "now", "at", "nearly", "almost"})


def _pregnancy_week(words: list[str]) -> int | None:
    """ "I'm 30 weeks", "im 40 weeks and bleeding", "my wife is 37 weeks": a pregnancy week
    even when the word "pregnant" is missing (not "for 3 weeks", "3 weeks ago")."""
    for i, word in enumerate(words[:-1]):
        if not word.isdigit() or words[i + 1] not in ("weeks", "week", "wks", "wk"):
            continue
        before = words[i - 1] if i > 0 else ""
        after = words[i + 2] if i + 2 < len(words) else ""
        if after in ("old", "olds", "ago", "later", "now") or not 4 <= int(word) <= 42:
            continue
        if i == 0 or before in _CARRYING or _told_as_carrying(words[i + 2:i + 5]):
            return int(word)
        # "is it normal to be this itchy? 33 weeks, no rash": a later sentence that opens with
        # the week and goes on with a comma or full stop (not "cough. 6 weeks, still going").
        if before in SENTENCE_END and int(word) >= 12 and after in PUNCTUATION:
            return int(word)
    return None


_ALONG = frozenset({"along", "gone", "pregnant", "preg", "pg"})
_WHICH_BABY = frozenset({"first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th",
                         "baby", "twins", "bump", "rainbow"})


def _told_as_carrying(after: list[str]) -> bool:
    """The words after "31 weeks" that say it is a pregnancy: "31 weeks along", "31 weeks gone",
    "31 weeks with my second" (not "3 weeks with a cold")."""
    if not after:
        return False
    if after[0] in _ALONG:
        return True
    if after[0] != "with" or len(after) < 2:
        return False
    which = after[2] if after[1] in ("my", "our", "her", "this") and len(after) > 2 else after[1]
    return which in _WHICH_BABY


_TOOK = frozenset({"took", "taken", "swallowed", "take", "had", "ate"})
_ROUGHLY = frozenset({"about", "around", "like", "maybe", "roughly", "nearly", "over", "all", "at", "least"})
_DOSE_UNITS = _TIME_WORDS | frozenset(
    {"mg", "ml", "mcg", "g", "units", "unit", "puffs", "sips", "steps", "cups", "glasses"})


def _took_many(words: list[str]) -> bool:
    """ "took about 30 of my amitriptyline": ten or more of something taken at once."""
    for i, word in enumerate(words):
        if not word.isdigit() or int(word) < 10 or int(word) > 500:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if after in _DOSE_UNITS:
            continue
        j = i - 1
        while j >= 0 and words[j] in _ROUGHLY:
            j -= 1
        if j >= 0 and words[j] in _TOOK:
            return True
    return False


_TOOK_ALL = frozenset({"took", "taken", "swallowed", "downed"})
_WHOSE = frozenset({"of", "my", "her", "his", "their", "the", "mum's", "dad's", "mums", "dads"})


def _took_all_of(words: list[str], medicines: frozenset[str]) -> bool:
    """ "took all my sertraline", "swallowed all of her co-codamol": a whole supply taken."""
    for i, word in enumerate(words[:-2]):
        if word not in _TOOK_ALL or words[i + 1] != "all":
            continue
        j = i + 2
        while j < len(words) and words[j] in _WHOSE:
            j += 1
        if j < len(words) and words[j] in medicines:
            return True
    return False


# Near these a bare number is a weight, a size or a reading of something else.
_NOT_A_TEMPERATURE_NEAR = frozenset({"weight", "weighs", "weigh", "bmi", "size", "waist", "sugar", "sugars",
                                     "glucose", "ketones", "mmol", "kg", "lbs", "stone"})


def _looks_like_a_temperature(word: str, near: set[str]) -> bool:
    """ "my 5 month old has been 39.1 since lunch": a bare reading with one decimal between
    37.5 and 42.9 is a temperature in a health message, unless something else is measured."""
    whole, dot, decimals = word.partition(".")
    if not dot or len(decimals) != 1 or not whole.isdigit() or not decimals.isdigit():
        return False
    return 37.5 <= float(word) <= 42.9 and not near & _NOT_A_TEMPERATURE_NEAR


def _temperature(words: list[str]) -> float | None:
    for i, word in enumerate(words):
        value = _number(word) if word[:1].isdigit() else None
        if value is None:
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        if after in _TIME_WORDS:
            continue
        near = set(words[max(0, i - 3):i]) | {after}
        if i > 0 and words[i - 1] in ("week", "weeks"):
            continue  # "at week 38.5" ("3 weeks old and 38.2" is a baby's temperature)
        has_unit = after in _UNIT_WORDS_AFTER
        named = bool(near & {"temperature", "temp", "temps", "fever", "thermometer", "degrees"})
        if not has_unit and not named and not _looks_like_a_temperature(word, near):
            continue
        if 34.0 <= value <= 43.0 and after != "f":
            return value
        if 93.0 <= value <= 110.0 and after not in ("c", "celsius", "centigrade"):
            return round((value - 32) * 5 / 9, 1)
    return None


def _asks(text: str, words: list[str]) -> bool:
    if not any(word.isalpha() for word in words):  # "????" asks nothing we can answer
        return False
    if "?" in text or words[0] in _ASKING_OPENERS:
        return True
    for i, word in enumerate(words):
        if word in SENTENCE_END and i + 1 < len(words) and words[i + 1] in _ASKING_OPENERS:
            return True
    return any(phrase in text for phrase in ("how to ", "how do ", "how can ", "what is ", "what are ",
                                             "i want to know", "i'd like to know", "wondering"))
