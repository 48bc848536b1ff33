"""Blind set 18's misses as classes (pregnancy, birth, contraception, periods, sexual health),
each tested in other words than the set's texts, with everyday texts near each class that must
not escalate."""

from __future__ import annotations

import pytest

from askwell.medical.tests.levels import assert_at_least, assert_at_most, assert_level

EMERGENCIES = [
    # Heavy bleeding in pregnancy told as blood running down the legs.
    "35 weeks pregnant and there's blood running down my thighs, I'm scared",
    # Heavy bleeding after a birth: pads soaked one after another, big clots.
    "had my daughter 9 days ago and I've bled through 3 pads since lunch",
    "gave birth last week and just passed a clot the size of a golf ball, feel shaky",
    # Ectopic pregnancy: a sharp one-sided pain with fainting, or shoulder-tip pain with a collapse.
    "5 weeks pregnant, twinge in my left side turned really sharp and I nearly fainted",
    "my wife is pregnant, she fainted and now says the top of her shoulder hurts",
    # Cord prolapse.
    "my waters went ten minutes ago and I can feel the cord, 39 weeks",
    # Psychosis after a birth without the word.
    "my sister had her baby 5 days ago and keeps saying the baby isn't hers, she says someone is "
    "talking to her through the tv",
    # Foreskin stuck back.
    "my son's foreskin is stuck back and the tip is swollen and purple",
    # Toxic shock syndrome.
    "I forgot my tampon for two days, now I have a fever of 39 and I'm dizzy",
    # A whole supply of a named medicine taken.
    "I can't cope any more, I swallowed all of my amitriptyline",
    # Abruption without visible bleeding: constant pain, a hard bump, a quieter baby.
    "31 weeks, constant pain in my tummy, bump is rock hard and the baby is moving less",
]

URGENT = [
    # Spotting in pregnancy told by colour, or on wiping.
    "8 weeks pregnant and there was pinkish blood on the tissue this morning",
    # Reduced movements counted as one or two.
    "I'm 36 weeks. only 2 small movements since lunch, normally she's really active",
    # Itching of palms and soles in pregnancy, told without the itch in that sentence.
    "why am I so itchy at night? 30 weeks, and it's my palms and soles mostly",
    # Emergency contraception.
    "the condom slipped off last night, what do I do",
    # Possible HIV exposure with a partner whose status is only guessed.
    "had sex with someone I met on grindr, condom split, he said he's negative but not sure",
    # Sexual assault aftercare.
    "I was sexually assaulted at a party on Friday",
    # Coil infection and pelvic infection.
    "mirena put in 4 days ago, now a temperature and green discharge",
    "lower tummy aching and a fishy yellow discharge since the weekend",
    # Toxic shock told early.
    "menstrual cup in since yesterday, now a high temperature and diarrhoea",
]

SEE_DOCTOR = [
    "I'm 72 and the skin down there has gone white and shiny, it itches all the time",
    "thrush again and the cream didn't work this time",
    "where can I get tested for chlamydia? no symptoms",
]

EVERYDAY = [
    # Near the pregnancy classes.
    "33 weeks. any tips for sleeping comfortably?",
    "20 weeks, felt the first little movements today, so exciting",
    "had a blood test at 12 weeks, what do the results mean?",
    "my blood pressure was 118/76 at my midwife check, is that ok?",
    "is it normal to feel tired at 10 weeks pregnant?",
    # Near the birth classes.
    "had my son 3 weeks ago, bleeding is light and brown now, when will it stop?",
    "had my daughter last week, how do I get her to latch better?",
    # Near the contraception and sexual health classes.
    "how do I use a condom properly?",
    "what are the different types of coil?",
    "had a coil fitted last week, some light cramps but fine, is that normal?",
    "is it ok to use tampons overnight?",
    "I didn't agree to the new rota at work and I'm stressed",
    "my foreskin feels a bit tight, is that normal at 14?",
    # Near the medicine class.
    "I took all my antibiotics like the GP said and still have a cough",
    "took my tablets this morning as usual, can I have a glass of wine tonight?",
    # Near the side-pain class.
    "I get a stitch in my right side when I run",
]

@pytest.mark.parametrize("text", EMERGENCIES)
def test_emergencies_in_other_words(text: str) -> None:
    assert_level(text, "emergency")


@pytest.mark.parametrize("text", URGENT)
def test_urgent_in_other_words(text: str) -> None:
    assert_at_least(text, "urgent")


@pytest.mark.parametrize("text", SEE_DOCTOR)
def test_see_a_doctor_in_other_words(text: str) -> None:
    assert_at_least(text, "see_doctor")


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_texts_near_the_classes_do_not_escalate(text: str) -> None:
    assert_at_most(text, "see_doctor")
