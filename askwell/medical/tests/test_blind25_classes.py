"""Blind set 25's misses as classes (the gut, liver, bladder and kidneys), each tested in other
words than the set's texts, with everyday texts near each class that must not escalate."""

from __future__ import annotations

import pytest

from askwell.medical.tests.levels import assert_at_least, assert_at_most, assert_level

EMERGENCIES = [
    # Food stuck in the gullet so that even spit will not go down.
    "a piece of chicken is stuck in my gullet and I can't swallow my saliva, keep spitting it out",
    "dad has meat stuck in his throat since dinner and he's drooling",
    # Tummy pain so bad that breathing or moving hurts (peritonitis).
    "my wife says breathing hurts her tummy and she has a temperature of 39",
    "every movement hurts his stomach and he's got a fever",
    # A blocked bowel: no poo, no wind, a swollen tummy.
    "grandad hasn't had a poo in 4 days, not even passed wind, and his belly is massive",
    # Unable to pee with a swollen or painful tummy, said with 'managed'.
    "my husband hasn't managed to pee since this morning and he's in terrible pain, his belly is swollen",
    # Green sick, the colour said apart from the word.
    "my 3 week old has been sick after her bottle and it was dark green",
    # Blood brought up with words between.
    "I've brought up some bright red blood after coughing and retching",
    # A baby with a sunken soft spot or barely moving.
    "my 2 month old has had diarrhoea all day and her fontanelle has sunk",
    # Curled up on the floor with tummy pain; will not let anyone touch the tummy.
    "my son is curled up on the floor with stomach pain and won't let me touch his tummy",
    # Appendix pain that went to the right and is now worse all over.
    "pain started near her belly button and moved to the right side, now it's worse all over her tummy",
]

URGENT = [
    # A child's wee that hurts, with a temperature.
    "my 4 year old keeps crying that her pee hurts and she feels hot",
    # Being sick for more than 2 days.
    "I've been throwing up for 4 days now and can barely eat",
    # A baby's pale or white poo.
    "my 2 week old's poo is pale, almost white",
]

EVERYDAY = [
    # Near food stuck.
    "sometimes feel like food gets stuck in my throat when I eat bread, goes down with water",
    "my baby is teething and drooling loads",
    # Near breathing hurts / curled up.
    "curled up on the sofa with period cramps, hot water bottle helping",
    "my tummy hurts a bit after a big dinner",
    # Near a blocked bowel.
    "breastfed baby hasn't had a poo in 4 days but is feeding well and happy",
    "my belly is massive at 38 weeks pregnant lol",
    # Near unable to pee.
    "my wee is a bit dark after the gym, drinking more water now",
    # Near green sick.
    "my toddler's poo is bright green after eating spinach, he's fine",
    "been sick once after too much wine, and my snot is green from a cold",
    # Near blood brought up.
    "brought up my lunch after the rollercoaster, no blood, feel fine now",
    # Near a child's wee.
    "my 6 year old keeps needing a wee at night",
    # Near being sick for days.
    "8 weeks pregnant and I've been sick every morning for 2 weeks but keeping fluids down",
    "was sick once yesterday after a bug, fine today",
    # Near pale poo.
    "my poo looks pale after a fatty takeaway, I feel fine",
    "my 10 month old's poo is paler since starting on cows milk, he's happy and eating well",
]

@pytest.mark.parametrize("text", EMERGENCIES)
def test_emergencies_in_other_words(text: str) -> None:
    assert_level(text, "emergency")


@pytest.mark.parametrize("text", URGENT)
def test_urgent_in_other_words(text: str) -> None:
    assert_at_least(text, "urgent")


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_texts_near_the_classes_do_not_escalate(text: str) -> None:
    assert_at_most(text, "see_doctor")
