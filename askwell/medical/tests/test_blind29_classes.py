"""Classes of under-triage found by blind set 29 (cancer worries, unexplained symptoms and skin).

Each class is tested in other words than the set's texts, with everyday texts near it that must not escalate.
"""

import pytest

from askwell.medical.tests.levels import assert_at_least, assert_at_most, assert_level

EMERGENCY = [
    # Coughing up more than streaks of blood, or blood with a racing heart (NHS coughing up blood: 999).
    "my husband keeps coughing up a lot of blood, it's not just streaks",
    "coughed up blood again this morning, much more than usual, and my heart is racing",
    # Vomiting blood told with "what looks like" or "fresh blood" between.
    "my dad threw up what looked like fresh blood an hour ago",
    "she's been sick and it's fresh blood, quite a lot",
    # A lot of blood from the bottom: the whole bowl red, big clots, still dripping.
    "after a poo the whole toilet was bright red and it's still dripping",
    "passing big clots from my bottom and the toilet bowl is red",
    # Barely a sentence out for breath.
    "my son can barely get a sentence out, his breathing is so bad",
    # Not able to pass any urine at all, in agony.
    "I can't pee at all since this morning and the pain is unbearable",
    # Hives with wheezing after eating.
    "my son ate some cake at a birthday and now has hives and is wheezing",
]

URGENT = [
    # Swallowing getting harder, coughing or a gurgly voice with drinks (NHS dysphagia: urgent GP).
    "over the past month it has got harder to swallow, even drinks now",
    "my dad coughs and splutters every time he drinks water and his voice is gurgly afterwards",
]

EVERYDAY = [
    "I had a cough with a bit of clear phlegm, much better than usual today",
    "my voice has been a bit croaky since the weekend, drinking lots of water",
    "my toddler splutters a bit when she drinks too fast from a cup, otherwise fine",
    "I was bursting for a wee on the train but fine now",
    "I gave a pint of blood at the donor session today, a bit tired",
    "hives on my arms after a hot shower, no breathing problems",
    "a few hives came up after a hot bath, they itch but I feel fine",
    "my period has big clots on the first day, normal for me",
]


@pytest.mark.parametrize("text", EMERGENCY)
def test_emergency_classes(text: str) -> None:
    assert_level(text, "emergency")


@pytest.mark.parametrize("text", URGENT)
def test_urgent_classes(text: str) -> None:
    assert_at_least(text, "urgent")


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_texts_do_not_escalate(text: str) -> None:
    assert_at_most(text, "see_doctor")
