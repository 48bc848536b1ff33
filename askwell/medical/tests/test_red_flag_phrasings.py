"""Red flags told in the many ways people say them, not only by their medical names.

Each fix is general (vocabulary and logic), so each is checked with several phrasings.
"""

from __future__ import annotations

import pytest

from askwell.medical.check import check
from askwell.medical.facts import extract_facts
from askwell.medical.triage import triage_text


def rule_ids(text: str) -> set[str]:
    return triage_text(text).rule_ids


# ------------------------------------------------------------ described seizures

@pytest.mark.parametrize("text", [
    "my daughter went rigid and then her arms and legs jerked, she wouldn't wake properly for a while",
    "my husband stiffened up, jerked all over and his eyes rolled back",
    "grandad's arms were jerking and he was staring into space and not answering us",
    "she went stiff and jerked, then was really groggy afterwards",
    "his whole body was jerking and he bit his tongue",
    "my mum was shaking all over and wet herself",
    "my boy's legs jerked and he was unresponsive for a minute",
    "her arms were jerking and she didn't respond to me at all",
])
def test_a_seizure_described_without_its_name_is_an_emergency(text: str) -> None:
    result = triage_text(text)
    assert result.level == "emergency"
    assert "seizure-or-collapse" in rule_ids(text)


@pytest.mark.parametrize("text", [
    "my calf cramp didn't respond to stretching",
    "my legs jerk when I'm falling asleep",
    "my tongue feels a bit stiff after the dentist",
])
def test_words_that_only_sound_like_a_seizure_do_not_make_one(text: str) -> None:
    assert "seizure-or-collapse" not in rule_ids(text)


def test_a_described_seizure_has_the_jerking_type_and_a_nerve_cause() -> None:
    result = check("my sister went stiff then jerked all over and was drowsy afterwards")
    assert result.spasm_type == "myoclonus"
    assert "neurological_condition" in [c.id for c in result.causes[:3]]


# ------------------------------------------------------------ long cramps that will not ease

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
    "I was sitting at my desk for 40 minutes and then my calf cramped, stretching sorted it",
    "I went for a 30 minute run and got a calf cramp that eased with stretching",
])
def test_the_length_of_an_activity_is_not_the_length_of_the_cramp(text: str) -> None:
    assert "cramp-over-10-minutes" not in rule_ids(text)


# ------------------------------------------------------------ how often

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


# ------------------------------------------------------------ hands, and low calcium

@pytest.mark.parametrize("text", [
    "my fingers keep curling into a claw and I haven't done anything to cause it",
    "both my hands are cramping for no reason",
    "my wrist and fingers cramp up out of nowhere",
])
def test_hands_cramping_without_a_cause_count_as_arm_cramps(text: str) -> None:
    assert triage_text(text).level == "urgent"
    assert "arm-or-belly-cramps" in rule_ids(text)


@pytest.mark.parametrize("text", [
    "my hands cramp when I play guitar for a long time",
    "my fingers cramp when I go swimming in cold water",
    "I've had MS for years and my hands cramp most days",
])
def test_hand_cramps_with_an_obvious_cause_are_not_urgent(text: str) -> None:
    assert "arm-or-belly-cramps" not in rule_ids(text)


@pytest.mark.parametrize("text", [
    "since my neck operation my face twitches and my lips feel tingly",
    "tingling round my mouth and my feet keep cramping",
    "pins and needles around her mouth and her calves are in spasm",
])
def test_tingling_round_the_mouth_with_spasms_is_new_loss_of_feeling(text: str) -> None:
    assert "new-weakness-or-numbness" in rule_ids(text)
    assert triage_text(text).level == "urgent"


def test_tingling_in_the_feet_alone_stays_a_routine_check() -> None:
    text = "I get pins and needles in my feet and my calves cramp at night"
    assert "new-weakness-or-numbness" not in rule_ids(text)
    assert triage_text(text).level == "see_doctor"


def test_a_contracture_long_after_a_stroke_is_not_a_new_arm_cramp() -> None:
    text = "my dad's fingers have been stuck bent since his stroke three years ago"
    assert "arm-or-belly-cramps" not in rule_ids(text)
    assert triage_text(text).level == "see_doctor"


# ------------------------------------------------------------ dark urine and muscle breakdown

@pytest.mark.parametrize("text", [
    "after a huge leg day my quads are swollen and agony and my urine is dark brown",
    "ran my first half marathon in the heat, legs ache badly and my wee looks like cola",
    "pinned under a fallen shelf for an hour, my leg is sore and my pee has gone dark",
    "my arms feel weak since the bootcamp session and I'm passing brown urine",
])
def test_dark_urine_with_sore_or_weak_muscles_is_possible_muscle_breakdown(text: str) -> None:
    assert "dark-urine-muscle-breakdown" in rule_ids(text)
    assert triage_text(text).level in ("urgent", "emergency")


def test_the_muscle_breakdown_rule_names_a_real_source() -> None:
    from askwell.medical.triage import load_triage_data

    rule = next(r for r in load_triage_data().rules if r.id == "dark-urine-muscle-breakdown")
    assert rule.level == "urgent"
    assert [s.url for s in rule.sources] == ["https://medlineplus.gov/ency/article/000473.htm"]


# ------------------------------------------------------------ statins, diuretics and questions

@pytest.mark.parametrize("text", [
    "I've taken simvastatin for years and only get a calf cramp during long cycle rides",
    "on atorvastatin a long time, my calves cramp only after football, a stretch sorts it",
])
def test_exercise_cramps_on_a_long_standing_statin_get_a_medicine_review(text: str) -> None:
    assert "statin-muscle-pain" not in rule_ids(text)
    assert triage_text(text).level == "see_doctor"


@pytest.mark.parametrize("text", [
    "I take a statin and my thighs ache all the time for no reason",
    "just started atorvastatin and my legs ache after walking",
    "on simvastatin and my legs feel weak after the gym",
    "I take rosuvastatin and my calves cramp at night",
])
def test_unexplained_or_new_statin_muscle_pain_is_still_urgent(text: str) -> None:
    assert triage_text(text).level == "urgent"


@pytest.mark.parametrize("text", [
    "can statins give you muscle cramps?",
    "do diuretics cause cramps?",
    "is cramping a side effect of water tablets",
    "could salbutamol cause muscle cramps?",
])
def test_a_general_question_about_a_medicine_gets_a_routine_answer_that_says_when_to_act(
        text: str) -> None:
    result = triage_text(text)
    assert result.level == "see_doctor"
    assert "medicine-question" in rule_ids(text)
    assert "today" in result.reasons[0]


def test_a_question_that_mentions_chest_pain_is_still_an_emergency() -> None:
    assert triage_text("can a statin cause chest pain?").level == "emergency"


def test_a_question_about_your_own_body_is_not_a_general_question() -> None:
    text = "why do my legs ache since I started taking statins?"
    assert "medicine-question" not in rule_ids(text)
    assert triage_text(text).level == "urgent"


# ------------------------------------------------------------ spasm types

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
