"""Blind set 23's classes (infections and fevers), in other words than the set's texts."""

from __future__ import annotations

import pytest

from askwell.medical.tests.levels import assert_at_most, assert_level

CLASSES = [
    # Sepsis: an infection being treated, then confusion or a feeling of doom with rigors,
    # a racing heart or no wee.
    ("my dad's on antibiotics for a water infection and tonight he's shivering non stop "
     "and isn't making any sense", "emergency"),
    ("on amoxicillin for a chest infection, shivering so much my teeth chatter and I have a sense of doom",
     "emergency"),
    ("cellulitis on my arm, the redness has crept up past the line the nurse drew, "
     "heart pounding and I'm muddled", "emergency"),
    # A temperature, a rash and drowsiness.
    ("my brother has a high temperature, a blotchy rash on his legs and he's so drowsy", "emergency"),
    # Appendicitis pain that has spread.
    ("started near my belly button then moved to the lower right, now my whole tummy hurts "
     "and it's agony", "emergency"),
    # Glandular fever and pain high on the left.
    ("my son has mono and fell off his bike, now pain in the upper left of his tummy", "emergency"),
    # A sore throat with drinks hard to get down, or glandular fever with noisy breathing.
    ("tonsillitis and I'm struggling to swallow even sips of water", "urgent"),
    ("he has glandular fever and his breathing is noisy tonight", "urgent"),
    # Flu or COVID at higher risk.
    ("I'm 30 weeks pregnant and have flu, temperature and aching", "urgent"),
    ("tested positive for covid, I have COPD and I'm feeling worse", "urgent"),
    ("I'm 81 and think I have influenza, aches and a temperature", "urgent"),
    # Chickenpox in someone with low immunity.
    ("having chemotherapy and my neighbour's child has come out in chickenpox", "urgent"),
    # A diabetic's infected foot.
    ("type 1 diabetic, my big toe is swollen and oozing pus", "urgent"),
    # A sore throat over a week, and glandular fever.
    ("my throat has been sore for 12 days", "see_doctor"),
    ("the GP thinks my daughter has glandular fever, she's exhausted", "see_doctor"),
]

NOT_ESCALATED = [
    # Near the sepsis class: an infection being treated with nothing alarming.
    ("on antibiotics for a water infection, feeling a bit better today", "self_care"),
    ("finished my course of antibiotics for a chest infection, feeling fine now", "self_care"),
    # Near the rash and drowsiness class.
    ("my daughter has a heat rash on her back and is tired after a day at the beach", "self_care"),
    # Near the appendicitis class.
    ("I've got a stitch when I move or cough after running", "self_care"),
    # Near the sore throat class: a hoarse voice, a short sore throat.
    ("hoarse after shouting at a gig, throat a bit scratchy", "self_care"),
    ("sore throat since yesterday, how long does it last?", "self_care"),
    # Near the flu class: a flu jab, a cold in an older person.
    ("I'm 70, when should I have my flu jab?", "self_care"),
    ("I'm 72 and have a cold with a runny nose", "self_care"),
    # Near the foot class: smelly feet or a blister with diabetes.
    ("diabetic and my feet get smelly in trainers, any tips?", "self_care"),
]


@pytest.mark.parametrize(("text", "level"), CLASSES)
def test_blind23_class_is_read(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize(("text", "level"), NOT_ESCALATED)
def test_everyday_text_near_a_class_is_not_escalated(text: str, level: str) -> None:
    # Never more urgent than a GP visit: these must not become urgent or an emergency.
    assert_at_most(text, "see_doctor")
