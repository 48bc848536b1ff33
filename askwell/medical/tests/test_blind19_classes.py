"""Blind set 19's misses (accidents, the outdoors, bites, heat and cold, skin), fixed as classes.

Each class is tested here in other words than the set's texts, with everyday texts near it that
must not escalate. Levels follow the NHS pages the rules cite: burns and scalds (electrical burns
and large or blistered scalds to A&E), broken or bruised ribs, cauda equina syndrome, poisoning,
broken arm or wrist, broken finger, broken toe, splinters, sunburn, insect bites and stings,
animal and human bites, cuts and grazes, hair loss.
"""

from __future__ import annotations

import pytest

from askwell.medical.tests.levels import assert_at_most, assert_level

ESCALATE = [
    # An electric shock from the mains told without the word (NHS burns: electrical burns, A&E).
    ("cut through a cable with the hedge trimmer and it threw me backwards, my arm is tingling", "emergency"),
    ("was rewiring a light and got a shock off the wire, there's a little black mark on my thumb", "emergency"),
    # A chest or rib injury with breathing trouble or blood coughed up (NHS broken ribs: A&E).
    ("my son took a knee to the ribs at rugby and now he's struggling to breathe", "emergency"),
    ("fell onto my ribs off the ladder this morning, now i'm coughing up blood", "emergency"),
    # Saddle numbness or not peeing with back trouble (NHS cauda equina syndrome: A&E).
    ("slipped disc flared up and now my buttocks are numb", "emergency"),
    ("hurt my back lifting a sofa and i've not been able to wee all day", "emergency"),
    # Wild mushrooms or berries eaten, then sick (NHS poisoning).
    ("my husband ate some wild berries off a bush on our walk and now he's vomiting", "emergency"),
    ("cooked up mushrooms i picked in the woods, now being sick and dizzy", "emergency"),
    # A wrist or limb bent out of shape (NHS broken arm or wrist: A&E).
    ("he landed on his hand off the climbing frame and his wrist is bent the wrong way", "emergency"),
    ("came off my bike and my foot is pointing the wrong way", "emergency"),
    # A scald told as hot water or a kettle, large or blistered (NHS burns and scalds: A&E).
    ("boiling water went over my daughter's legs when the kettle tipped, the skin is blistering", "emergency"),
    # A sting then breathing trouble.
    ("stung by a wasp and now i can't get enough air", "emergency"),
    # A toe or finger bent out of line, or one that will not bend after a blow (NHS broken toe and
    # finger: urgent treatment centre).
    ("dropped a weight on my foot and my second toe is at a funny angle", "urgent"),
    ("caught my finger in the car door, it's swollen and i can't bend my finger at all", "urgent"),
    # A splinter that is deep, large, under a nail or stuck (NHS splinters).
    ("big splinter in my foot from the decking that won't come out", "urgent"),
    ("thorn stuck under my thumbnail from the roses and it's too deep to reach", "urgent"),
    # Sunburn in a baby, told or shown (NHS sunburn).
    ("my 9 month old has gone pink on her shoulders after the beach", "urgent"),
    # A bite or sting with fever, shivers or swollen glands (NHS insect bites: urgent GP or 111).
    ("mosquito bites from holiday and now i've got a temperature and the shivers", "urgent"),
    ("was bitten by a dog last week and now i've got swollen glands in my armpit", "urgent"),
    # A bite or sting near the eye (NHS insect bites).
    ("a wasp stung my son next to his eye and it's swelling", "urgent"),
    # A fight bite, teeth on the knuckles (NHS animal and human bites).
    ("split my knuckle on a bloke's teeth in a scuffle last night", "urgent"),
    # A cut that gapes open once the bleeding stops (NHS cuts: may need closing).
    ("sliced my thumb on a tin lid, not bleeding now but the edges keep pulling apart", "urgent"),
    # An aside in brackets does not deny what follows it.
    ("my boy (not sure how) got stung by a wasp on his eyelid", "urgent"),
    # Bald patches or hair lost suddenly (NHS hair loss: see a GP).
    ("my hair is falling out in clumps since last month, what could cause it", "see_doctor"),
]

# Everyday texts near each class, with the most urgent level each may get (the level it had
# before these fixes): none of them may be raised by the new phrases.
STAY = [
    # Near the electric shock: a charger fine, a cable named with no shock.
    ("tripped over the hoover cable and grazed my knee", "self_care"),
    # Near the rib injury: bruised ribs with no breathing trouble.
    ("bruised my ribs at football, hurts when i laugh but breathing fine", "see_doctor"),
    # Near the cauda equina class: a bottom numb from a long ride, a back ache with nothing else.
    ("my bum goes numb on long bike rides, is a gel saddle worth it", "urgent"),
    ("lower back ache after gardening all weekend, any stretches", "see_doctor"),
    # Near the poisoning class: mushrooms bought, not picked.
    ("how long do shop bought mushrooms keep in the fridge", "self_care"),
    # Near the bent limb: a twisted ankle, a wrist that landed wrong.
    ("twisted my ankle on the stairs, bit swollen but i can walk on it", "self_care"),
    # Near the scald: cooling a small burn under the tap is first aid, not drowning.
    ("burnt my finger on the oven tray, ran it under cold water, small red mark, no blister", "self_care"),
    # Near the splinter: one you can see and reach.
    ("tiny splinter in my thumb from a pencil, end is sticking out", "self_care"),
    # Near the baby's sunburn: sun cream asked about for an older child.
    ("what factor suncream for a 4 year old on holiday", "self_care"),
    # Near the bite with fever: a sore throat that stings with a cold.
    ("my throat stings and i've got a cold", "self_care"),
    # Near the bite by the eye: a mosquito bite on the leg.
    ("few itchy mosquito bites on my legs from the garden last night", "self_care"),
    # Near the bald patches: hair thinning slowly on top.
    ("my hair is thinning on top and i'm only 24, is minoxidil worth it", "self_care"),
]


@pytest.mark.parametrize(("text", "level"), ESCALATE)
def test_blind19_classes_escalate(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize(("text", "level"), STAY)
def test_everyday_texts_near_blind19_classes_do_not_escalate(text: str, level: str) -> None:
    assert_at_most(text, level)
