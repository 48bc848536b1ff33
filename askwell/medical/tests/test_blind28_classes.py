"""Blind set 28's misses (the heart, lungs and circulation), fixed as classes.

Each class is tested here in other words than the set's texts, with everyday texts near it that
must not escalate. Levels follow the NHS pages the rules cite: coughing up blood, high blood
pressure, peripheral arterial disease, heart palpitations, varicose veins, swollen ankles, feet
and legs (oedema), shortness of breath, COPD, chest pain and heart attack.
"""

from __future__ import annotations

import pytest

from askwell.medical.tests.levels import assert_at_most, assert_level

ESCALATE = [
    # Coughing up more than a few spots of blood (NHS: 999).
    ("I keep coughing up lots of blood, it's bright red", "emergency"),
    ("my husband coughed up a load of blood clots this morning", "emergency"),
    # A reading of 180/120 or more with changes in vision or chest pain (NHS: 999).
    ("my bp is 200/130 and my eyesight has gone blurry", "emergency"),
    # A leg or foot suddenly cold and pale or white (blocked artery: 999).
    ("his leg went white and cold out of nowhere an hour ago", "emergency"),
    ("my mums foot has suddenly gone cold and pale and she can't feel her toes", "emergency"),
    # Pain or tightness spreading into the jaw (NHS heart attack: 999).
    ("tightness that has gone into my jaw and it's been half an hour", "emergency"),
    # A very slow pulse with drowsiness (999).
    ("grandad's heart rate is 35 and he's really drowsy", "emergency"),
    # A hot, red, painful varicose vein, or one that bled (NHS varicose veins: urgent).
    ("my varicose vein is red and hot and really painful", "urgent"),
    ("a varicose vein on my calf burst in the shower and bled", "urgent"),
    # Blood in a hankie with a cough (NHS coughing up blood: urgent).
    ("I've noticed blood on my hankie when I cough", "urgent"),
    # More and more breathless, with or without COPD (NHS shortness of breath, COPD: urgent).
    ("she's getting more and more breathless over a couple of days", "urgent"),
    ("I have COPD and I'm more breathless than usual this week", "urgent"),
    # A cough for weeks with weight lost for no reason (NHS cough: urgent).
    ("had this cough for 2 months and I've lost half a stone without trying", "urgent"),
    ("mum's cough has gone on for weeks and her weight is dropping off", "urgent"),
    # Both feet or ankles swollen suddenly, or with diabetes (NHS oedema: urgent).
    ("I have type 2 diabetes and my feet are swollen", "urgent"),
    ("my ankles ballooned suddenly overnight", "urgent"),
]

# Everyday texts near each class, with the most urgent level each may get (the level it had
# before these fixes): none of them may be raised by the new phrases.
STAY = [
    # Near lots of blood: a cough with no blood.
    ("I coughed a lot at the party and lost my voice", "self_care"),
    # Near the high reading: a high reading with no symptoms stays urgent, not 999.
    ("my blood pressure was 185/125 at the pharmacy, no symptoms", "urgent"),
    # Near the cold leg: cold feet or hands in winter.
    ("my feet are always cold in winter, how do I keep them warm", "urgent"),
    ("my hands go cold and white in the cold weather", "self_care"),
    # Near pain spreading: neck pain into the arm.
    ("neck pain that spreads into my arm when I turn my head", "see_doctor"),
    # Near the slow pulse: a fit runner's resting pulse.
    ("my resting heart rate is 48, I'm a marathon runner and feel fine", "see_doctor"),
    # Near the varicose vein: questions and veins that do not bother.
    ("I have varicose veins, what are the treatment options", "self_care"),
    ("got a few varicose veins on my legs, they don't bother me", "see_doctor"),
    # Near swollen ankles: after a flight; diabetes with no swelling.
    ("my ankles swell at the end of a long flight", "see_doctor"),
    ("I'm diabetic, what shoes are best for my feet", "see_doctor"),
    # Near more breathless: compared with friends uphill.
    ("I get more breathless than my friends when we walk uphill", "see_doctor"),
    # Near the cough with weight loss: weight lost on a diet, a short cough.
    ("lost a stone on slimming world, so happy", "see_doctor"),
    ("I've had a cough for 3 days and lost my appetite a bit", "self_care"),
    # Near blood in a hankie: a nosebleed.
    ("nosebleed this morning, blood on my hankie", "self_care"),
]


@pytest.mark.parametrize(("text", "level"), ESCALATE)
def test_blind28_classes_escalate(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize(("text", "level"), STAY)
def test_everyday_texts_near_blind28_classes_do_not_escalate(text: str, level: str) -> None:
    assert_at_most(text, level)
