"""Classes of under-triage found by blind set 26 (babies under one), told in other words.

Each class escalates, and everyday texts near it do not.
"""

import pytest

from askwell.medical.tests.levels import assert_at_least, assert_at_most

ESCALATE = [
    # A baby's fall from a changing table or worktop, then sick or sleepy, or a big soft swelling.
    ("my 8 month old fell off the changing table and has vomited twice since, very sleepy now", "emergency"),
    ("baby slipped off the kitchen counter onto the floor, 5 months, squishy swelling on his head", "emergency"),
    # Rhythmic jerking that holding does not stop: a fit.
    ("my 7 month old's leg is jerking rhythmically and won't stop jerking even when I hold it", "emergency"),
    # Blue or grey round the mouth in a baby.
    ("my 3 week old goes bluey grey when she feeds and stops to catch her breath", "emergency"),
    # The age told as "hes 4 months" lets a floppy baby be read as a baby.
    ("he went floppy and pale in the pram, hes 3 months, seems ok now", "emergency"),
    # Jaundice told as eyes that look yellow, or a baby still yellow at some weeks old.
    ("my 2 day old's eyes look quite yellow to me", "urgent"),
    ("my daughter is two and a half weeks and still looks yellow, poos are pale", "urgent"),
    # Infected eczema, an infected cord stump, an ear leaking with a fever.
    ("my son's eczema has gone weepy and crusty and he has a temperature", "urgent"),
    ("the belly button stump is smelly and oozing, baby is 6 days", "urgent"),
    ("pus coming out of my 9 month olds ear and a temp of 38.4", "urgent"),
    # Projectile vomiting told as milk shooting out.
    ("my 4 week old's milk keeps shooting out after every feed", "urgent"),
]

STAY_LOW = [
    ("my 10 month old rolled off the sofa onto the rug, cried for a second and is playing happily", "urgent"),
    ("nursery noticed blue grey birthmarks on my baby's bottom, been there since birth", "see_doctor"),
    ("my 6 month old's poo is yellow and seedy, is that normal for a breastfed baby", "see_doctor"),
    ("my baby has dry eczema patches on her legs, which cream is best", "see_doctor"),
    ("the cord stump fell off today and the belly button looks clean and dry", "see_doctor"),
    ("my baby brings up a little milk after feeds but is happy and gaining weight", "see_doctor"),
    ("had her 8 week jabs this morning and she is a bit grizzly, temperature 37.8", "see_doctor"),
]

@pytest.mark.parametrize(("text", "level"), ESCALATE)
def test_class_escalates(text: str, level: str) -> None:
    assert_at_least(text, level)


@pytest.mark.parametrize(("text", "ceiling"), STAY_LOW)
def test_near_everyday_text_does_not_escalate(text: str, ceiling: str) -> None:
    assert_at_most(text, ceiling)
