"""Blind set 22's misses (eyes, ears, nose, throat, mouth, teeth and face), fixed as classes.

Each class is tested here in other words than the set's texts, with everyday texts near it that
must not escalate. Levels follow the NHS pages the rules cite: vision loss and detached retina,
quinsy, head injury, objects in the ear or nose, swallowing problems, cellulitis, eye injuries,
tonsillitis (after a tonsillectomy), dental emergencies, macular degeneration, cataract surgery,
ear infections, hearing loss.
"""

from __future__ import annotations

import pytest

from askwell.medical.tests.levels import assert_at_most, assert_level

ESCALATE = [
    # A curtain over half of one eye's sight (NHS vision loss: A&E).
    ("there's a curtain over the bottom half of my right eye since this morning", "emergency"),
    ("a grey curtain across the vision in my left eye, started an hour ago", "emergency"),
    # Quinsy with breathing getting hard (NHS quinsy: 999).
    ("really bad sore throat with a hot potato voice and now it's getting hard to breathe", "emergency"),
    # A blow to the face, then fluid or blood from the nose or ear, or drowsy (NHS head injury: A&E).
    ("my daughter was smacked in the face by a swing, now clear fluid is running out of her nose", "emergency"),
    ("he landed on his face off the trampoline and now there's blood from his ear", "emergency"),
    ("got punched in the face last night and today he's gone all dozy", "emergency"),
    # A button battery or magnet in the nose or ear (NHS: A&E).
    ("my son has a button battery in his ear, he put it there himself", "emergency"),
    ("toddler stuck a tiny magnet in her nose and it won't come out", "emergency"),
    # Food stuck with nothing going down (A&E).
    ("food is stuck in my gullet since lunch and I'm spitting out saliva, nothing goes down", "emergency"),
    ("a lump of meat stuck in my throat, can't even swallow a sip of water", "emergency"),
    # A swollen eyelid with pain on moving the eye or the eye bulging (NHS cellulitis: A&E).
    ("his eyelid is puffy and red and the eye is bulging, he has a temperature", "emergency"),
    ("my eyelid has swollen right up and it's painful to move my eye", "emergency"),
    # Bleeding after the tonsils were taken out (A&E).
    ("my son had a tonsillectomy 8 days ago and he's just spat out blood", "emergency"),
    ("tonsil op last week, woke up with my mouth full of blood", "emergency"),
    # Bleeding after an extraction with feeling faint (NHS dental emergency: A&E for heavy bleeding).
    ("had a tooth pulled at lunch and it's still bleeding, feeling dizzy now", "emergency"),
    # Bleeding after an extraction, otherwise (urgent dentist).
    ("had a tooth out yesterday and I keep spitting blood", "urgent"),
    # Something still felt or seen in the eye after rinsing, or a scratch (NHS eye injuries: UTC).
    ("sawdust went in my eye, I've washed it out but it still feels like it's there", "urgent"),
    ("my cat scratched my eye and it keeps watering", "urgent"),
    ("poked myself in the eye with a mascara wand, it's sore and watery", "urgent"),
    # Severe toothache that painkillers don't touch (NHS dental emergency: urgent dentist).
    ("my back tooth is killing me, the painkillers are not working at all", "urgent"),
    ("toothache kept me up all night, paracetamol isn't helping", "urgent"),
    # Wavy lines or a blurred patch in the middle (NHS AMD: urgent optician or 111).
    ("my gran says the lines on the bathroom tiles look wavy and there's a blurry spot when she reads", "urgent"),
    # An eye worse after an operation (NHS cataract surgery: call the hospital or A&E).
    ("eye operation on Monday, now it's getting worse and more blurred", "urgent"),
    # Earache with diabetes or low immunity (NHS ear infections: urgent GP or 111).
    ("I'm on chemo and my ear is really sore", "urgent"),
    # Hearing going, noticed by others (NHS hearing loss: see a GP).
    ("my dad keeps saying pardon and has the telly too loud, he's 78", "see_doctor"),
    ("teacher says my son doesn't seem to hear her in class", "see_doctor"),
]

# Everyday texts near each class, with the most urgent level each may get (the level it had
# before these fixes): none of them may be raised by the new phrases.
STAY = [
    # Near the curtain: curtains in a room.
    ("should I get blackout curtains for the baby's room", "self_care"),
    ("I can't sleep with the curtains open, is that normal", "see_doctor"),
    # Near breathing harder: out of breath after running, no throat.
    ("I get out of breath when I run, how do I get fitter", "urgent"),
    # Near the blow to the face: a face hit with no warning signs.
    ("got hit in the face with a football, my cheek is a bit red", "see_doctor"),
    ("the kids were dozy all afternoon after the party", "see_doctor"),
    # Near the battery: batteries in a remote, a bead in a craft box.
    ("what batteries does a kids' toy need", "self_care"),
    # Near food stuck: a feeling of a lump, food sticking for a moment.
    ("sometimes it feels like food is stuck in my throat but it goes down with a drink", "see_doctor"),
    ("my tea comes back up into my mouth after meals, heartburn", "see_doctor"),
    # Near the swollen eyelid: a stye.
    ("I have a stye on my eyelid, it's a bit swollen", "see_doctor"),
    # Near the tonsils: surgery asked about, and a cold's mild sore throat.
    ("how long is recovery after a tonsillectomy for an adult", "self_care"),
    # Near the extraction: a tooth out with no bleeding now.
    ("had a tooth out last week, healing fine, can I eat crisps yet", "see_doctor"),
    # Near the scratch: a scratched arm, grit that came out.
    ("the cat scratched my arm, it's just a small line", "see_doctor"),
    ("got some dust in my eye, rinsed it and it's fine now", "see_doctor"),
    # Near the toothache: a mild toothache eased by painkillers.
    ("my tooth aches a bit when I eat sweets, paracetamol sorts it", "see_doctor"),
    # Near the wavy lines: wavy hair, a patch of dry skin.
    ("how do I get my hair to look wavy without heat", "self_care"),
    ("I have a blurry photo of a rash, what is it", "see_doctor"),
    # Near the eye surgery: asking about cataract surgery.
    ("how long is the waiting list for cataract surgery", "self_care"),
    # Near earache at risk: diabetes with no ear trouble.
    ("I'm diabetic, can I eat grapes", "see_doctor"),
    # Near hearing: the telly turned up for a film.
    ("we turned the tv up for the football and the neighbours complained", "see_doctor"),
    ("can you recommend a tv with a good picture", "self_care"),
]


@pytest.mark.parametrize(("text", "level"), ESCALATE)
def test_blind22_classes_escalate(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize(("text", "level"), STAY)
def test_everyday_texts_near_blind22_classes_do_not_escalate(text: str, level: str) -> None:
    assert_at_most(text, level)
