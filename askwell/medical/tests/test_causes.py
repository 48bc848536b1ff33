import pytest

from askwell.medical.causes import cause_profiles, rank_causes, spasm_type, usual_suspect_reason
from askwell.medical.reader import extract_facts
from askwell.medical.structured import facts_from_structured
from askwell.medical.vocabulary import CAUSE_IDS


def top_ids(text: str, n: int = 3) -> list[str]:
    return [c.id for c in rank_causes(extract_facts(text))[:n]]


def test_it_profiles_every_cause_of_the_contract() -> None:
    profiles = cause_profiles()
    assert set(profiles) == set(CAUSE_IDS)
    for profile in profiles.values():
        assert profile.sources and profile.factors and 0 < profile.prior < 1


# One description per cause that should put it first.
@pytest.mark.parametrize(("text", "cause"), [
    ("I hardly drink any water and my legs cramp", "dehydration"),
    ("cramps since I went keto", "electrolyte_imbalance"),
    ("quads cramp after squats at the gym", "muscle_fatigue"),
    ("pain shoots down the back of my leg from my buttock", "nerve_compression"),
    ("burning and tingling in my feet and toe cramps", "peripheral_neuropathy"),
    ("calf cramps when I walk, gone after a rest", "poor_circulation"),
    ("cramps since I started on furosemide", "medication"),
    ("I have MS and my legs go stiff", "neurological_condition"),
    ("I have an underactive thyroid and cramps", "metabolic_condition"),
    ("I'm 30 weeks pregnant with calf cramps", "pregnancy"),
    ("my toes cramp in cold water", "cold"),
    ("my neck tenses up when I'm stressed", "stress"),
    ("at my desk all day and my back spasms", "posture"),
    ("my new shoes make my arches cramp", "footwear"),
    ("my eyelid twitches and I drink a lot of coffee", "caffeine_alcohol"),
])
def test_it_ranks_the_cause_the_description_points_to_first(text: str, cause: str) -> None:
    assert top_ids(text, 1) == [cause]


def test_it_explains_each_cause_in_plain_words() -> None:
    causes = rank_causes(extract_facts("I'm 70 and my calves cramp every night"))
    fatigue = next(c for c in causes if c.id == "muscle_fatigue")
    assert any("tired muscles" in why for why in fatigue.why)
    assert any("older age" in why for why in fatigue.why)


@pytest.mark.parametrize("text", [
    "my calves cramp at night", "I'm 70 and my legs cramp every night", "calf cramp in bed at night",
])
def test_night_leg_cramps_follow_the_sites_guide(text: str) -> None:
    # faq/night-spasms: most have no clear cause; tired muscles and nerves, not fluids or blood flow.
    causes = rank_causes(extract_facts(text))
    assert causes[0].id == "muscle_fatigue"
    assert "poor_circulation" not in {c.id for c in causes}
    for cause in causes[1:]:
        assert cause.why == [usual_suspect_reason()], cause


def test_background_factors_never_list_a_cause_on_their_own() -> None:
    # Age alone used to list poor blood flow for any older person's cramp.
    causes = rank_causes(extract_facts("I'm 80 and I get a cramp in my hand when writing"))
    assert "poor_circulation" not in {c.id for c in causes}
    circulation = rank_causes(extract_facts("I'm 80 and my calf cramps when I walk, gone after a rest"))[0]
    assert circulation.id == "poor_circulation" and "age over 65" in circulation.why


def test_it_orders_causes_by_score_between_zero_and_one() -> None:
    causes = rank_causes(extract_facts("marathon training, calves cramp, I sweat a lot"))
    scores = [c.score for c in causes]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)


def test_it_offers_the_usual_suspects_when_nothing_stands_out() -> None:
    causes = rank_causes(extract_facts("I get cramps"))
    assert {c.id for c in causes} == {"muscle_fatigue", "dehydration", "electrolyte_imbalance"}
    assert all(c.why for c in causes)


def test_it_ranks_nothing_when_nothing_was_understood() -> None:
    assert rank_causes(extract_facts("blorp zint")) == []


def test_it_gives_the_same_causes_for_text_and_structured_facts() -> None:
    text = extract_facts("I'm 72, taking a water pill, calf cramps at night")
    structured = facts_from_structured({
        "age": 72, "medicines": ["diuretic"], "locations": ["calf"],
        "sensations": ["cramp"], "timings": ["night"]})
    assert rank_causes(text) == rank_causes(structured)


@pytest.mark.parametrize(("text", "kind"), [
    ("my eyelid keeps twitching", "fasciculation"),
    ("calf cramp at night", "cramp"),
    ("since the cast came off my knee won't straighten", "contracture"),
    ("as I fall asleep my body jolts", "myoclonus"),
    ("he has tics, blinking over and over", "tic"),
    ("I have multiple sclerosis and my legs are stiff", "spasticity"),
])
def test_it_names_the_spasm_type(text: str, kind: str) -> None:
    assert spasm_type(extract_facts(text)) == kind


def test_it_names_no_type_when_it_cannot_tell() -> None:
    assert spasm_type(extract_facts("I'm 45 and diabetic")) is None
