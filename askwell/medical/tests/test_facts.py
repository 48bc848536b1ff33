from typing import Any

import pytest

from askwell.medical.facts import FactsError, merge
from askwell.medical.reader import extract_facts
from askwell.medical.structured import facts_from_structured


def has(text: str, field: str, value: Any) -> bool:
    current = getattr(extract_facts(text), field)
    return value in current if isinstance(current, set) else current == value


@pytest.mark.parametrize(("text", "location"), [
    ("my calves cramp", "calf"),
    ("I had a charley horse", "calf"),
    ("the arch of my foot", "foot"),
    ("my big toe curls", "toes"),
    ("back of my thigh seized up", "hamstring"),
    ("my quads cramped", "quadriceps"),
    ("lower back went into spasm", "back"),
    ("crick in my neck", "neck"),
    ("tight shoulders", "shoulder"),
    ("my fingers cramp when writing", "hand"),
    ("forearm cramps", "arm"),
    ("tummy muscles cramp", "abdomen"),
    ("my eye keeps twitching", "eyelid"),
    ("my cheek twitches", "face"),
    ("jaw clenches", "jaw"),
    ("tightness in my chest", "chest"),
    ("cramps all over", "whole_body"),
    ("my legs cramp", "calf"),
])
def test_it_reads_locations_in_lay_words(text: str, location: str) -> None:
    assert has(text, "locations", location)


@pytest.mark.parametrize(("text", "sensation"), [
    ("calf cramps", "cramp"),
    ("my back spasmed", "cramp"),
    ("a dull ache", "pain"),
    ("eyelid flickering", "twitch"),
    ("stiff neck", "stiffness"),
    ("my body jolts", "jerk"),
    ("tight hamstrings", "tight"),
    ("keeps clearing his throat", "tic"),
    ("the fingers won't straighten", "shortening"),
])
def test_it_reads_what_the_spasm_feels_like(text: str, sensation: str) -> None:
    assert has(text, "sensations", sensation)


@pytest.mark.parametrize(("text", "medicine"), [
    ("I'm on a water pill", "diuretic"),
    ("taking furosemide", "diuretic"),
    ("bendroflumethiazide since May", "diuretic"),
    ("I take atorvastatin", "statin"),
    ("simvastatin 40mg", "statin"),
    ("on a cholesterol tablet", "statin"),
    ("my salbutamol inhaler", "bronchodilator"),
    ("albuterol", "bronchodilator"),
    ("ventolin", "bronchodilator"),
    ("sertraline", "serotonergic"),
    ("quetiapine", "antipsychotic"),
])
def test_it_maps_medicine_names_and_brands_to_classes(text: str, medicine: str) -> None:
    assert has(text, "medicines", medicine)


@pytest.mark.parametrize(("text", "condition"), [
    ("I'm diabetic", "diabetes"),
    ("type 2 diabetes", "diabetes"),
    ("underactive thyroid", "thyroid"),
    ("on dialysis", "kidney"),
    ("cirrhosis", "liver"),
    ("I have MS", "multiple_sclerosis"),
    ("Parkinson's disease", "parkinsons"),
    ("peripheral artery disease", "peripheral_artery_disease"),
])
def test_it_reads_known_conditions(text: str, condition: str) -> None:
    assert has(text, "conditions", condition)


@pytest.mark.parametrize(("text", "habit"), [
    ("five coffees a day", "caffeine"),
    ("a few beers", "alcohol"),
    ("a bottle of wine every night", "heavy_alcohol"),
    ("I barely drink anything at work", "low_fluid"),
    ("training for a marathon", "heavy_training"),
    ("new shoes", "footwear"),
    ("shoes that don't fit", "footwear"),
    ("I sit at a desk all day", "long_sitting"),
    ("sweating in the heat", "heat_sweating"),
])
def test_it_reads_habits(text: str, habit: str) -> None:
    assert has(text, "habits", habit)


@pytest.mark.parametrize(("text", "symptom"), [
    ("my leg feels weak", "weakness"),
    ("I can't grip a cup", "weakness"),
    ("numb toes", "numbness"),
    ("pins and needles", "tingling"),
    ("swollen ankle", "swelling"),
    ("the skin is red", "redness"),
    ("warm to the touch", "warmth"),
    ("short of breath", "breathlessness"),
    ("pain in my chest", "chest_pain"),
    ("coughed up blood", "coughing_blood"),
    ("a high temperature", "fever"),
    ("she seems confused", "confusion"),
    ("I can barely open my mouth", "jaw_lock"),
    ("he passed out", "loss_of_consciousness"),
    ("had a seizure", "seizure"),
    ("my wee looks like cola", "dark_urine"),
    ("stood on a rusty nail", "wound"),
    ("throwing up all night", "vomiting_diarrhoea"),
    ("the muscle looks thinner", "muscle_wasting"),
    ("trouble swallowing", "trouble_swallowing_speaking"),
])
def test_it_reads_associated_symptoms(text: str, symptom: str) -> None:
    assert has(text, "symptoms", symptom)


@pytest.mark.parametrize(("text", "timing"), [
    ("cramps at night", "night"),
    ("during my run", "during_exercise"),
    ("after the gym", "after_exercise"),
    ("calf hurts when I walk and I have to stop and rest", "walking_eases_with_rest"),
    ("when I'm sitting", "sitting"),
    ("in cold water", "cold"),
    ("when I'm stressed", "stress"),
])
def test_it_reads_timing(text: str, timing: str) -> None:
    assert has(text, "timings", timing)


@pytest.mark.parametrize(("text", "frequency"), [
    ("every night", "daily"),
    ("most days", "daily"),
    ("a few times a week", "weekly"),
    ("every now and then", "occasional"),
    ("sometimes, but lately every night", "daily"),
])
def test_it_reads_how_often(text: str, frequency: str) -> None:
    assert extract_facts(text).frequency == frequency


@pytest.mark.parametrize("text", [
    "I'm 70", "I am seventy", "a 70-year-old man", "70 year old", "aged 70",
    "my dad is 70", "I'm in my 70s but fit",
])
def test_it_reads_ages_in_many_forms(text: str) -> None:
    age = extract_facts(text).age
    assert age is not None and 70 <= age <= 75


def test_it_does_not_take_a_temperature_for_an_age() -> None:
    assert extract_facts("my temperature is 39").age is None


def test_it_reads_pregnancy_and_its_week() -> None:
    facts = extract_facts("I'm 28 weeks pregnant")
    assert facts.pregnant is True and facts.pregnancy_week == 28 and facts.age is None
    assert facts.sex == "female"


def test_it_reads_how_long_a_cramp_lasts() -> None:
    assert extract_facts("a cramp lasting 15 mins").duration_minutes == 15
    assert extract_facts("cramp for half an hour and it won't ease").duration_minutes == 30


def test_it_does_not_take_an_activity_for_the_length_of_a_cramp() -> None:
    assert extract_facts("neck gets stiff from looking at my phone for hours").duration_minutes is None


def test_it_reads_how_long_the_problem_has_gone_on() -> None:
    assert extract_facts("twitching for 2 weeks").persists_weeks == 2
    assert extract_facts("I've had cramps for months").persists_weeks == pytest.approx(8.7)


def test_it_reads_one_sided_and_both_sided_legs() -> None:
    assert extract_facts("my left calf").sides == "one"
    assert extract_facts("both legs cramp").sides == "both"


def test_it_ignores_negated_swelling() -> None:
    facts = extract_facts("no swelling, just night cramps")
    assert "swelling" not in facts.symptoms
    assert "swelling" in facts.pertinent_negatives
    assert "cramp" in facts.sensations


def test_it_records_each_denied_symptom_of_a_list() -> None:
    facts = extract_facts("no weakness or numbness")
    assert facts.pertinent_negatives == {"weakness", "numbness"}
    assert not facts.symptoms


def test_it_keeps_a_symptom_mentioned_after_but() -> None:
    assert "warmth" in extract_facts("no swelling but the calf is hot").symptoms


def test_it_flags_a_new_medicine() -> None:
    assert "new_medicine" in extract_facts("since my GP started me on a statin").flags
    assert "new_medicine" in extract_facts("started simvastatin a month ago").flags


def test_it_reports_words_it_could_not_read() -> None:
    facts = extract_facts("me duele la pierna")
    assert facts.understood is False
    assert "pierna" in facts.unknown_words


def test_it_understands_a_plain_question() -> None:
    assert extract_facts("why do my calves cramp at night").understood is True


def test_it_reads_the_same_facts_back_from_its_own_dict() -> None:
    facts = extract_facts("I'm 70, my left calf cramps every night, I take furosemide, no swelling")
    assert facts_from_structured(facts.to_dict()) == facts


def test_it_accepts_everyday_medicine_names_in_structured_input() -> None:
    assert facts_from_structured({"medicines": ["furosemide"]}).medicines == {"diuretic"}


@pytest.mark.parametrize(("data", "message"), [
    ({"age": -1}, "cannot be negative"),
    ({"age": 121}, "not possible"),
    ({"age": 5, "pregnant": True}, "Pregnancy at age 5"),
    ({"age": 61, "pregnant": True}, "Pregnancy at age 61"),
    ({"pregnancy_week": 43}, "at most 42 weeks"),
    ({"locations": ["elbow pit"]}, "Unknown location"),
    ({"age": "old"}, "must be a number"),
    ({"pregnant": "yes"}, "true or false"),
    ({"sides": "left"}, "one of"),
    ({"colour": "blue"}, "Unknown field"),
    ({"sex": "male", "pregnant": True}, "male and pregnant"),
])
def test_it_rejects_impossible_structured_facts_with_a_clear_message(
        data: dict[str, Any], message: str) -> None:
    with pytest.raises(FactsError, match=message):
        facts_from_structured(data)


def test_it_merges_text_and_structured_facts() -> None:
    merged = merge(extract_facts("calf cramps at night"),
                   facts_from_structured({"age": 72, "medicines": ["diuretic"]}))
    assert merged.age == 72 and merged.medicines == {"diuretic"}
    assert merged.locations == {"calf"}


def test_it_keeps_a_symptom_that_one_source_reports_and_the_other_denies() -> None:
    merged = merge(extract_facts("no swelling"), facts_from_structured({"symptoms": ["swelling"]}))
    assert "swelling" in merged.symptoms and "swelling" not in merged.pertinent_negatives


def test_it_refuses_a_merge_that_contradicts_itself() -> None:
    with pytest.raises(FactsError):
        merge(extract_facts("I'm 5"), facts_from_structured({"pregnant": True}))
