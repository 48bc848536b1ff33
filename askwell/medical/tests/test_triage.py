from pathlib import Path

import pytest
import yaml

from askwell.medical.structured import facts_from_structured
from askwell.medical.triage import assess, load_triage_data, triage_text
from askwell.medical.vocabulary import TRIAGE_LEVELS

SHARED = Path(__file__).resolve().parents[3].parent / "shared"

# One everyday description per rule, worded the way people write.
RULE_EXAMPLES = {
    "leg-clot-with-breathlessness": "my calf hurts and I'm short of breath",
    "chest-cramp": "cramp in my chest and my arm hurts",
    "seizure-or-collapse": "he had a seizure and his legs were jerking",
    "rigidity-with-fever-or-jaw-lock": "stepped on a nail, now I can't open my mouth properly",
    "stroke-signs": "sudden weakness in my arm and my face feels droopy",
    "cauda-equina-signs": "my lower back hurts and I can't control my bladder",
    "one-leg-swollen-warm": "my calf is swollen and hot and cramping",
    "cramp-over-10-minutes": "I've had a calf cramp for 20 minutes and it won't ease",
    # Stiffness after a wound is a tetanus sign (NHS tetanus: an emergency); cramps after a
    # wound stay urgent (NHS leg cramps: an urgent appointment).
    "tetanus-risk": "got bitten by a dog last week and now my calf keeps cramping",
    "tetanus-signs": "got bitten by a dog and now my arm keeps stiffening",
    "palpitations-with-warning-signs": "my heart is racing, my legs are cramping and I feel faint",
    "back-pain-after-serious-accident": "my back has been in agony since a car crash yesterday",
    "cold-pale-painful-limb": "my foot has gone cold and pale and it really hurts",
    "back-pain-warning-signs": "my lower back hurts and I've got a high temperature",
    "cramps-with-twitching": "I get cramps in my legs and the muscles keep twitching",
    "acute-dystonia": "since starting metoclopramide yesterday my neck keeps twisting",
    "inhaler-cramps-with-odd-heartbeat": "using my salbutamol inhaler a lot, my legs cramp and my heart is racing",
    "palpitations-with-cramps": "my heart flutters sometimes and I get cramps in my feet",
    "new-weakness-or-numbness": "back spasm and my foot has gone numb",
    "fluid-loss": "cramps everywhere after two days of diarrhoea",
    "statin-muscle-pain": "I take atorvastatin and my thighs ache",
    "dark-urine-muscle-breakdown": "after a hard gym session my arms ache and my urine is dark brown",
    "medicine-question": "can blood pressure tablets cause cramps?",
    "tics-to-see-a-gp": "I'm 35 and have started getting tics, my head keeps jerking",
    "arm-or-belly-cramps": "I keep getting cramps in my arm for no reason",
    "twitching-with-weakness": "my arm has been twitching for three weeks",
    "claudication": "my calf cramps when I walk and eases when I stop and rest",
    "new-medicine": "my legs started cramping after a new tablet",
    "frequent-or-sleep-disturbing": "calf cramps every night keep me awake",
    "ordinary": "why do my calves cramp at night",
    "not-enough-information": "zxqv plorth",
}


def level_of(text: str) -> str:
    return triage_text(text).level


def urgency(level: str) -> int:
    return len(TRIAGE_LEVELS) - TRIAGE_LEVELS.index(level)


@pytest.mark.parametrize(("rule_id", "text"), sorted(RULE_EXAMPLES.items()))
def test_it_fires_every_rule_from_plain_text(rule_id: str, text: str) -> None:
    result = triage_text(text)
    rule = next(r for r in load_triage_data().rules if r.id == rule_id)
    assert rule_id in [r.id for r in result.rules]
    assert result.level == rule.level


def test_it_has_an_example_for_every_rule() -> None:
    # The spasm pack's rules; the universal red flags are covered by test_red_flags.py.
    assert {r.id for r in load_triage_data().rules if r.origin == "triage_rules.yaml"} == set(RULE_EXAMPLES)


@pytest.mark.skipif(not (SHARED / "spec" / "triage.yaml").exists(), reason="no shared spec")
def test_it_encodes_every_rule_of_the_shared_spec_with_its_level_and_sources() -> None:
    spec = yaml.safe_load((SHARED / "spec" / "triage.yaml").read_text())
    ours = {r.id: r for r in load_triage_data().rules}
    for rule in spec["rules"]:
        assert rule["id"] in ours, rule["id"]
        assert ours[rule["id"]].level == rule["level"]
        spec_sources = {s.strip() for s in str(rule["source"]).split(",")}
        assert spec_sources <= {s.id for s in ours[rule["id"]].sources}


def test_every_rule_carries_a_source_and_plain_words() -> None:
    for rule in load_triage_data().rules:
        assert rule.sources and rule.reason and rule.why and rule.when and rule.what_to_do


@pytest.mark.parametrize(("text", "level"), [
    ("why do my calves cramp at night", "self_care"),
    ("my calf is swollen and hot and cramping", "urgent"),
    ("cramp in my chest and my arm hurts", "emergency"),
    ("no swelling, just night cramps", "self_care"),
])
def test_it_triages_the_examples_of_the_brief(text: str, level: str) -> None:
    assert level_of(text) == level


@pytest.mark.parametrize("text", [
    "calf cramp last night, no swelling or redness",
    "calf cramp after a run, no numbness or weakness",
    "night cramps in my calf, I'm not short of breath and have no chest pain",
    "cramp in my calf, it doesn't feel warm",
])
def test_it_does_not_raise_the_level_for_denied_red_flags(text: str) -> None:
    assert level_of(text) == "self_care"


def test_the_most_urgent_matching_rule_wins() -> None:
    result = triage_text("my calf is swollen and red and now I'm short of breath")
    assert result.level == "emergency"
    assert [r.id for r in result.rules][:1] == ["leg-clot-with-breathlessness"]
    assert "one-leg-swollen-warm" in [r.id for r in result.rules]


def test_a_red_flag_never_gets_self_care() -> None:
    red_flags = [text for rule_id, text in RULE_EXAMPLES.items()
                 if next(r for r in load_triage_data().rules if r.id == rule_id).level
                 in ("emergency", "urgent")]
    for text in red_flags:
        assert urgency(level_of(text)) > urgency("see_doctor"), text


def test_it_sends_an_unreadable_description_to_a_doctor_not_to_self_care() -> None:
    result = triage_text("me duele mucho")
    assert result.level == "see_doctor"
    assert any("could not tell enough from the description" in r for r in result.reasons)


def test_it_gives_self_care_advice_with_a_safety_net() -> None:
    result = triage_text("occasional calf cramp at night")
    assert result.level == "self_care"
    assert result.advice.safety_net
    assert any("10 minutes" in line for line in result.advice.safety_net)


def test_it_leaves_out_the_nothing_serious_rule_when_something_is() -> None:
    result = triage_text("calf cramps and my calf is swollen")
    assert "ordinary" not in [r.id for r in result.rules]


def test_its_dict_has_level_reasons_rules_and_advice() -> None:
    data = triage_text("my calf is swollen and hot").to_dict()
    assert data["level"] == "urgent"
    assert data["reasons"] and isinstance(data["reasons"][0], str)
    assert data["rules"][0]["source"] == "nhs-dvt"
    assert data["advice"]["how_soon"] == "today"


def test_it_triages_structured_facts_like_text() -> None:
    structured = facts_from_structured(
        {"locations": ["calf"], "sensations": ["cramp"], "symptoms": ["swelling"],
         "sides": "one"})
    assert assess(structured).level == level_of("my left calf is swollen and cramping")


# Phrasings found by probing with descriptions the rules were not written from.
@pytest.mark.parametrize(("text", "level"), [
    ("cant breathe properly and my calf is killing me", "emergency"),
    ("whole body shaking, cannot stop, very hot, confused", "emergency"),
    # Back pain with loss of bladder control: a cauda equina sign (cauda-equina-signs).
    ("lower back spasms and I cannot control my bladder", "emergency"),
    ("it doesnt feel warm, calf cramp", "self_care"),
    ("I feel dizzy after my long run and my legs are cramping", "urgent"),
    ("my toddler had a febrile fit", "emergency"),
    ("hamstring cramp lasted 15 minutes but stretching sorted it", "self_care"),
    ("help! my calf cramp has lasted 20 minutes", "urgent"),
    ("the cramp lasts half an hour before it goes away", "urgent"),
    ("no swelling, redness or warmth in my calf, just cramps", "self_care"),
])
def test_it_reads_typed_contractions_and_comma_lists_safely(text: str, level: str) -> None:
    assert level_of(text) == level


def test_a_denial_by_a_verb_stops_at_the_comma() -> None:
    facts = triage_text("I can't stop shaking, confused")
    assert facts.level == "emergency"


@pytest.mark.parametrize("text", [
    # Bed rest asked about is not pain at night; a back that will not straighten is not weakness.
    "is it better to rest in bed or keep moving with a back spasm",
    "back spasm, should I lie in bed all day?",
    "my lower back locked and I can't stand up straight",
    # Hours of the same grip are an obvious cause for a hand cramp.
    "my fingers cramp after hours of gaming",
    "hand cramps up when I'm using a mouse all day",
    # What the words mean, asked in general, is not both happening to someone.
    "what's the difference between a cramp and a twitch?",
])
def test_everyday_back_and_hand_questions_are_not_urgent(text: str) -> None:
    result = triage_text(text)
    assert result.level in ("self_care", "see_doctor"), (text, result.rule_ids)


def test_back_spasms_that_wake_someone_at_night_are_still_checked_today() -> None:
    assert "back-pain-warning-signs" in triage_text("my back spasms wake me up at night").rule_ids


def test_cramps_with_twitching_in_ones_own_muscles_are_still_urgent() -> None:
    assert "cramps-with-twitching" in triage_text("my legs cramp and twitch all day").rule_ids


def test_rules_say_whether_something_may_be_going_wrong_now() -> None:
    assert triage_text("one calf is swollen, hot and red").happening_now
    assert triage_text("calf cramp for 25 minutes, stretching isn't helping").happening_now
    assert not triage_text("on simvastatin and my legs ache every day for no reason").happening_now
    assert not triage_text("leg cramps at night").happening_now


def test_a_cramp_with_a_temperature_is_not_called_an_ordinary_cramp() -> None:
    result = triage_text("my legs keep cramping and I have a temperature of 38.5")
    assert "ordinary" not in result.rule_ids


def test_earache_with_a_temperature_is_same_day_only_under_two() -> None:
    assert triage_text("my 18 month old has a temperature and keeps tugging at her ear").level == "urgent"
    older = triage_text("my 6 year old has earache and a slight temperature but is eating and playing")
    assert older.level in ("self_care", "see_doctor"), older.rule_ids


@pytest.mark.parametrize(("text", "people"), [
    ("my grandad is 82 and gets leg cramps at night", {"older_adult"}),
    ("I'm 30 weeks pregnant and my calves cramp", {"pregnancy"}),
    ("my 8 year old gets cramp after football", {"child"}),
    ("my 5 month old keeps jerking", {"baby"}),
    ("calf cramp at night", set()),
])
def test_triage_says_who_the_text_describes(text: str, people: set[str]) -> None:
    assert triage_text(text).people == people
