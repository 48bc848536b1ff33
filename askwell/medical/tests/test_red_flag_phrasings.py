"""Red flags and triage rules told the many ways people say them, not only by their medical names.

The phrasings live in one data file keyed by rule id, data/red_flag_phrasings.yaml (they grew
in three modules by the date each fix was made); `test_every_phrasing_gets_what_its_group_says`
runs every group. The tests below check what a group of phrasings cannot say: the facts
read from them, spasm types, the advice's words and the sources each rule cites.

Every level was checked against the source the rule cites (triage_rules.yaml, red_flags.yaml
and content/muscle-spasms/CORRECTIONS.md): the NHS statin medicine pages, tetanus, back pain,
sciatica, leg cramps and palpitations pages; the MSD Manual (cramps with twitching; new
medicines, heavy drinking and walking pain "in 1 to 2 days"); acute limb ischaemia (Health
New Zealand; NHS PAD); StatPearls on acute dystonia.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from askwell.medical.check import check
from askwell.medical.data_files import load_yaml
from askwell.medical.reader import extract_facts
from askwell.medical.structured import facts_from_structured
from askwell.medical.triage import TriageRule, assess, load_triage_data, triage_text

REPO = Path(__file__).resolve().parents[3]
PHRASINGS_FILE = Path(__file__).resolve().parent / "data" / "red_flag_phrasings.yaml"
LEVELS = ("self_care", "see_doctor", "urgent", "emergency")  # least urgent first
GROUP_KEYS = {"case", "fires", "or_fires", "first", "level", "levels", "at_least", "not_level", "also_not",
              "first_reason_has", "texts"}


@dataclass(frozen=True)
class Group:
    rule_id: str
    case: str
    texts: tuple[str, ...]
    fires: bool = True
    or_fires: tuple[str, ...] = ()
    first: bool = False
    level: str | None = None
    levels: tuple[str, ...] = ()
    at_least: str | None = None
    not_level: str | None = None
    also_not: tuple[str, ...] = ()
    first_reason_has: str | None = None


@cache
def groups() -> tuple[Group, ...]:
    data: dict[str, list[dict[str, Any]]] = yaml.safe_load(PHRASINGS_FILE.read_text(encoding="utf-8"))
    found = []
    for rule_id, entries in data.items():
        for entry in entries:
            unknown = set(entry) - GROUP_KEYS
            assert not unknown, f"{rule_id}: unknown keys {sorted(unknown)} in {PHRASINGS_FILE.name}"
            tuples = {key: tuple(entry[key]) for key in ("texts", "or_fires", "levels", "also_not") if key in entry}
            found.append(Group(rule_id=rule_id, **{**entry, **tuples}))
    return tuple(found)


def phrasings(rule_id: str, case: str) -> list[str]:
    """The texts of one group, for the tests that check more than its rule and level."""
    texts = [text for group in groups() if group.rule_id == rule_id and group.case == case for text in group.texts]
    assert texts, f"no group {case!r} under {rule_id}"
    return texts


def rule_ids(text: str) -> set[str]:
    return triage_text(text).rule_ids


def rule(rule_id: str) -> TriageRule:
    return next(r for r in load_triage_data().rules if r.id == rule_id)


CASES = [pytest.param(group, text, id=f"{group.rule_id}: {text[:50]}") for group in groups() for text in group.texts]


@pytest.mark.parametrize(("group", "text"), CASES)
def test_every_phrasing_gets_what_its_group_says(group: Group, text: str) -> None:
    result = triage_text(text)
    fired = result.rule_ids
    if group.fires:
        assert group.rule_id in fired or fired & set(group.or_fires), (group.case, fired)
    else:
        assert group.rule_id not in fired, group.case
    if group.first:
        assert result.rules[0].id == group.rule_id, group.case
    if group.level:
        assert result.level == group.level, group.case
    if group.levels:
        assert result.level in group.levels, group.case
    if group.at_least:
        assert LEVELS.index(result.level) >= LEVELS.index(group.at_least), group.case
    if group.not_level:
        assert result.level != group.not_level, group.case
    assert not fired & set(group.also_not), group.case
    if group.first_reason_has:
        assert group.first_reason_has in result.reasons[0], group.case


def test_every_key_is_a_rule_and_every_group_says_something() -> None:
    known = {r.id for r in load_triage_data().rules}
    for group in groups():
        assert group.rule_id in known, group.rule_id
        assert group.texts and group.case, group.rule_id
        assert not {group.level, group.at_least, group.not_level, *group.levels} - {None, *LEVELS}, group.case


def test_a_group_that_says_the_wrong_thing_fails() -> None:
    wrong = Group(rule_id="seizure-or-collapse", case="a calf cramp is no seizure", texts=("calf cramp",))
    with pytest.raises(AssertionError):
        test_every_phrasing_gets_what_its_group_says(wrong, "calf cramp")


# ------------------------------------------------------------ what a group of phrasings cannot say


@pytest.mark.parametrize("text", phrasings("statin-muscle-pain", "unexplained muscle pain on a statin"))
def test_unexplained_muscle_pain_on_a_statin_means_stop_it_and_call_straight_away(text: str) -> None:
    advice = triage_text(text).advice
    assert "Stop taking the statin" in advice.what_to_do and "111" in advice.what_to_do
    assert "straight away" in advice.what_to_do and "Keep taking your other medicines" in advice.what_to_do
    assert advice.how_soon == "straight away"


@pytest.mark.parametrize("text", phrasings("ordinary", "nobody who described no spasm is told it is an ordinary cramp"))
def test_nobody_who_described_no_spasm_is_told_it_is_an_ordinary_cramp(text: str) -> None:
    # What level these get is the universal layer's call (red_flags.yaml); the spasm
    # field's "ordinary cramp or twitch" must simply never be the answer.
    assert not any("ordinary cramp or twitch" in reason for reason in triage_text(text).reasons)


@pytest.mark.parametrize("text", phrasings("one-leg-swollen-warm", "heat around the person is not a warm leg"))
def test_heat_around_the_person_is_not_a_warm_leg(text: str) -> None:
    assert "warmth" not in extract_facts(text).symptoms, text


@pytest.mark.parametrize("text", phrasings("cauda-equina-signs", "back pain with a cauda equina sign is an emergency"))
def test_a_cauda_equina_emergency_means_now(text: str) -> None:
    assert triage_text(text).advice.how_soon == "now"


def test_a_described_seizure_has_the_jerking_type_and_a_nerve_cause() -> None:
    result = check("my sister went stiff then jerked all over and was drowsy afterwards")
    assert result.spasm_type == "myoclonus"
    assert "neurological_condition" in [c.id for c in result.causes[:3]]


@pytest.mark.parametrize(("text", "minutes"), [
    ("I've had a cramp in my left calf for 20 minutes and it won't ease", 20),
    ("my foot cramped 15 mins ago and it's still stuck", 15),
    ("thigh went into spasm, still rock hard 30 mins later", 30),
    ("cramp in my hamstring for over half an hour, walking doesn't help", 30),
    ("an hour and it's still cramping, stretching does nothing", 60),
    ("calf has been cramping for 20 min, no help from stretching", 20),
    ("foot cramp for the past hour that won't let go", 60),
])
def test_long_cramps_are_read_in_many_phrasings(text: str, minutes: int) -> None:
    facts = extract_facts(text)
    assert facts.duration_minutes == minutes
    assert triage_text(text).level == "urgent"
    assert "cramp-over-10-minutes" in rule_ids(text)


@pytest.mark.parametrize("text", [
    "stretching does nothing for my calf cramp",
    "my calf cramp won't go away, walking doesn't help",
    "the cramp in my foot is not easing, massage makes no difference",
    "stretching my calf hasn't eased the cramp",
])
def test_denied_relief_means_the_cramp_is_not_easing(text: str) -> None:
    facts = extract_facts(text)
    assert "not_easing" in facts.flags
    assert "eased" not in facts.flags
    assert triage_text(text).level != "self_care"


@pytest.mark.parametrize("text", [
    "my calves cramp two or three nights a week",
    "I get a cramp in my foot every other night",
    "leg cramps several times a week at night",
    "cramps in my calves most nights",
    "a few times a week my thigh cramps up",
    "my calves cramp 5 nights out of 7 a week",
])
def test_cramps_that_come_every_week_are_frequent(text: str) -> None:
    assert extract_facts(text).frequency in ("weekly", "daily")
    assert triage_text(text).level == "see_doctor"


@pytest.mark.parametrize("text", [
    "I get a calf cramp once in a while at night, stretching helps",
    "now and then my foot cramps, it eases when I stretch",
    "a cramp in my calf about once a month",
])
def test_cramps_now_and_then_stay_occasional(text: str) -> None:
    assert extract_facts(text).frequency == "occasional"
    assert triage_text(text).level == "self_care"


def test_the_muscle_breakdown_rule_names_a_real_source() -> None:
    from askwell.medical.triage import load_triage_data

    rule = next(r for r in load_triage_data().rules if r.id == "dark-urine-muscle-breakdown")
    assert rule.level == "urgent"
    assert [s.url for s in rule.sources] == ["https://medlineplus.gov/ency/article/000473.htm"]


@pytest.mark.parametrize("text", [
    "crushing pain in my chest, I feel sick",
    "tight chest and my left arm feels heavy",
])
def test_chest_pain_has_no_spasm_type(text: str) -> None:
    assert check(text).spasm_type is None


@pytest.mark.parametrize("text", [
    "he is rigid all over with a fever of 40",
    "all my muscles are stiff and I'm confused",
    "my jaw is locked shut and I stepped on a nail",
])
def test_rigidity_with_fever_confusion_or_a_locked_jaw_has_no_spasm_type(text: str) -> None:
    assert check(text).spasm_type is None


def test_pec_cramp_in_the_gym_is_still_a_cramp() -> None:
    assert check("my pec cramped doing bench press and the chest pain won't settle").spasm_type == "cramp"


def test_the_statin_rule_cites_the_nhs_medicine_pages_not_the_old_side_effects_page() -> None:
    urls = [s.url or "" for s in rule("statin-muscle-pain").sources]
    assert any("/medicines/atorvastatin/" in url for url in urls)
    assert all("/conditions/statins/" not in url for url in urls)


def test_a_general_statin_question_gives_the_statin_advice_too() -> None:
    advice = triage_text("can statins cause muscle cramps?").advice.what_to_do
    assert "stop the statin and call a doctor or NHS 111 straight away" in advice


@pytest.mark.parametrize("rule_id", ["new-medicine", "claudication"])
def test_new_medicines_and_walking_pain_follow_the_msd_timing(rule_id: str) -> None:
    assert rule(rule_id).how_soon == "within 1 to 2 days"


def test_levels_only_rise_for_red_flags_never_fall_below_see_doctor() -> None:
    for rule_id in ("tetanus-signs", "back-pain-after-serious-accident", "cold-pale-painful-limb",
                    "palpitations-with-warning-signs"):
        assert rule(rule_id).level == "emergency"
    for rule_id in ("back-pain-warning-signs", "cramps-with-twitching", "acute-dystonia",
                    "inhaler-cramps-with-odd-heartbeat", "statin-muscle-pain"):
        assert rule(rule_id).level == "urgent"
    assert LEVELS.index(rule("palpitations-with-cramps").level) >= LEVELS.index("see_doctor")


def test_a_side_phrase_never_hides_the_place_it_names() -> None:
    """'one calf' is matched whole: it must still say "calf" (or "leg"), for any side phrase."""
    for phrases in load_yaml("facts_lexicon.yaml")["side"].values():
        for phrase in phrases:
            one_by_one: set[str] = set()
            for word in phrase.split():
                one_by_one |= extract_facts(word).locations
            assert one_by_one <= extract_facts(phrase).locations, phrase


@pytest.mark.parametrize("structured", [
    {"locations": ["back"], "symptoms": ["bladder_bowel_loss"]},
    {"conditions": ["spine_problem"], "symptoms": ["bladder_bowel_loss"]},
    {"locations": ["back", "calf"], "sides": "both", "symptoms": ["weakness"]},
])
def test_the_guided_check_reaches_the_cauda_equina_rule_too(structured: dict[str, object]) -> None:
    result = assess(facts_from_structured(structured))
    assert result.level == "emergency"
    assert result.rules[0].id == "cauda-equina-signs"


def test_the_cauda_equina_rule_cites_the_nhs_pages_the_knowledge_pack_lists() -> None:
    # The NHS back pain and sciatica pages (their "call 999 or go to A&E" lists), until the
    # NHS cauda equina page itself has been checked (it is not among the stored pages).
    rule = next(r for r in load_triage_data().rules if r.id == "cauda-equina-signs")
    assert [s.id for s in rule.sources] == ["nhs-back-pain", "nhs-sciatica"]
    pack = yaml.safe_load((REPO / "content" / "muscle-spasms" / "pack.yaml").read_text())
    urls = {s["id"]: s["url"] for s in pack["sources"]}
    for source in rule.sources:
        assert urls[source.id] == source.url


def test_heavy_bleeding_gets_the_not_enough_information_rule_not_self_care() -> None:
    result = triage_text("period cramps with very heavy bleeding")
    assert [r.id for r in result.rules] == ["not-enough-information"]
    assert "ordinary" not in rule_ids("period cramps with very heavy bleeding")
