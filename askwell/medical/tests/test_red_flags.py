"""The universal red-flag layer: warning signs on any subject, who a text is about, crisis
help, and honest answers when no rule fires (askwell/medical/red_flags.py and
data/red_flags.yaml, run by triage.py)."""

from __future__ import annotations

import pytest

from askwell.medical import triage as triage_module
from askwell.medical.facts import Facts, FactsError
from askwell.medical.reader import extract_facts
from askwell.medical.structured import facts_from_structured
from askwell.medical.tests.levels import assert_level
from askwell.medical.triage import (
    UNCHECKED_REASON,
    all_level_info,
    level_info,
    load_triage_data,
    safe_triage_text,
    triage_text,
)
from askwell.medical.vocabulary import TRIAGE_LEVELS, TriageLevel

# One plain-words example per universal rule, as people write them.
RULE_EXAMPLES = {
    "suicidal-plan-or-intent": "I've saved up my tablets and I'm going to take them all tonight, I'm suicidal",
    "self-harm-bleeding-or-overdose": "I self harm and tonight the cut won't stop bleeding",
    "heart-attack-signs": "my dad has a crushing pain in his chest going down his left arm",
    "stroke-fast": "my mum's face has dropped on one side and her speech is slurred",
    "sudden-vision-loss": "I suddenly lost the sight in my left eye an hour ago",
    "breathing-difficulty": "my husband is struggling to breathe and his lips look blue",
    "anaphylaxis": "I ate a prawn and now my tongue is swelling and my throat feels like it's closing",
    "heavy-bleeding": "cut my hand on a broken glass and the bleeding won't stop",
    "meningitis-or-sepsis-signs": "my baby has a high fever and a rash that doesn't fade",
    "seizure": "my dad just had his first ever seizure",
    "head-injury-warning-signs": "my son hit his head at football and has been sick twice since",
    "thunderclap-headache": "sudden worst headache of my life",
    "overdose-or-poisoning": "I took 30 paracetamol tablets an hour ago",
    "pregnancy-heavy-bleeding-or-ectopic": "I'm 7 weeks pregnant with pain on one side and shoulder tip pain",
    "child-seriously-ill": "my toddler is really floppy and hard to wake",
    "diabetic-emergency": "I'm type 1, my ketones are high and I keep vomiting",
    "vomiting-blood-or-black-stools": "I've been throwing up blood this morning",
    "sudden-testicle-pain": "my son has sudden pain in his testicle and has been sick",
    "red-eye-vision-change": "my eye is red and painful and my vision has gone blurry",
    "severe-tummy-pain": "I have severe stomach pain and can't stand up",
    "sudden-confusion": "my grandad has suddenly become confused and doesn't know where he is",
    "collapse": "my wife collapsed in the kitchen and isn't responding",
    "suicidal-thoughts": "I keep having suicidal thoughts but I have no plan",
    "baby-fever": "my 6 week old baby has a temperature of 38.2",
    "baby-spasms": "our 6 month old keeps bending forward suddenly with her arms going stiff, a few times in a row",
    "child-unwell-today": "my 8 month old is not feeding and has had no wet nappies since this morning",
    "shortness-of-breath": "I've been short of breath for a week and it's getting worse",
    "allergic-reaction-spreading": "I'm allergic to penicillin and have come out in hives after my antibiotics",
    "pregnancy-warning-signs": "I'm 30 weeks pregnant and the baby hasn't been moving as much today",
    "appendicitis-signs": "pain started around my belly button and moved to the lower right side",
    "kidney-infection-signs": "high temperature, shivering and pain in my side, it burns when I pee",
    "diabetes-unwell": "I'm diabetic, my blood sugar is high and I'm being sick",
    "testicle-pain": "my testicle has been aching for a few days",
    "head-injury": "my 9 month old baby bumped her head on the table, she has a headache",
    "eye-red-painful": "my eye is red and sore",
    "confusion-older-or-ill": "my nan has been confused for a few days",
    "eye-injury": "got oven cleaner splashed in my eye and it's burning",
    "mental-health-crisis": "my son has started hearing voices and hasn't slept for days",
    "possible-sepsis": "I had an operation last week and now I have a high temperature and my heart is racing",
    "animal-bite": "my son got bitten by a dog and it broke the skin",
    "newborn-eye": "my 2 week old has a red sticky eye",
    "temporal-arteritis": "I'm 72 with a headache at my temple and my scalp is tender",
    "spreading-infection": "there's a red streak going up my arm from the cut",
    "jaundice": "the whites of my eyes have gone yellow",
    "possible-broken-bone": "fell off my bike and can't put any weight on my ankle",
    "medicine-taken-by-mistake": "I took my blood pressure tablet twice by mistake",
    "after-an-asthma-attack": "had an asthma attack this morning, my inhaler helped",
    "asthma-getting-worse": "my asthma's been playing up all week, I need my salbutamol every few hours",
    "baby-projectile-vomiting": "my 6 week old son's sick shoots out after every bottle",
    "strangulated-hernia": "my hernia won't go back in tonight and I've been sick",
    "aortic-pain": "sudden ripping pain in my back, I'm 70 and have an aneurysm they were watching",
    "very-high-blood-pressure-reading": "my blood pressure machine says 185/110",
    "high-blood-pressure-reading": "my bp was 150/95 at the pharmacy",
    "bleeding-after-menopause": "I'm post menopausal and noticed some bleeding",
    "chest-pain-that-passed": "had a sharp pain in my chest earlier but it went away after a few minutes",
    "known-seizure-condition": "my daughter has had febrile convulsions before and just had another one",
    "changing-mole": "a mole on my arm has got bigger and darker",
    "poisoning-no-symptoms-yet": "my 3 year old ate some berries in the park, he seems fine",
    "testicle-lump": "found a small lump on my testicle, it doesn't hurt",
    "cold-flu-or-sore-throat": "I've got a stinking cold and a sore throat",
    "minor-skin-problem": "I've got a cold sore on my lip",
    "minor-injury": "I sprained my wrist, I can still move it",
    "child-fever-otherwise-well": "my 2 year old has a temperature of 38.3 but is still playing and drinking well",
    "everyday-headache": "hungover with a headache, what helps",
    "tummy-upset": "my 5 year old has a tummy bug with diarrhoea, she's drinking fine",
    "heartburn": "I get heartburn after big meals",
    "self-care-not-working": "heartburn most days for 3 weeks even with gaviscon",
    "wound-needs-care": "I stood on a rusty nail and it's a deep puncture wound, not bleeding much",
    "stroke-signs-that-passed":
        "last week my face drooped for ten minutes and then went back to normal, never got it checked",
    "breathless-on-exertion": "I've been getting breathless walking up stairs lately",
    "minor-ailment": "my 7 month old is teething and dribbling loads",
    "cystitis-in-a-woman": "I'm a woman and it stings when I pee, no fever",
    "minor-head-injury": "I bumped my head on a cupboard door, small lump, not sick",
    "usual-epileptic-seizure": "my son has epilepsy and had one of his usual seizures, he came round normally",
    "possible-dvt": "my left calf is swollen, red and warm",
    "blood-in-poo": "I noticed some blood on the toilet paper when I wiped",
    "dehydration": "been vomiting for 2 days, can't keep water down and I'm hardly weeing",
    "bloody-or-lasting-diarrhoea": "I've had bloody diarrhoea since yesterday",
    "brief-dizziness-on-standing": "I get a head rush when I stand up too fast, it goes in a few seconds",
    "fall-hip-fracture-or-cannot-get-up": "mum fell in the bathroom and can't get up",
    "chickenpox-high-risk": "I'm 34 and I think I've got chickenpox",
    "sudden-hearing-loss": "woke up deaf in my right ear this morning",
    "croup-getting-worse": "my son's croup is getting worse and he has a fever",
    "knocked-out-adult-tooth": "my husband had a tooth knocked out in a fall",
    "fever-after-malaria-risk": "got back from Kenya five days ago and now I have a fever",
    "coughing-up-blood": "coughing up blood when I clear my throat",
    "coughing-up-a-lot-of-blood": "I've been coughing up a lot of blood this evening",
    "swallowing-problems": "my grandad splutters every time he drinks and his voice is gurgly after",
    "bleeding-on-warfarin": "on warfarin and my gums keep bleeding",
    "low-mood-for-weeks": "I've been feeling low and can't be bothered with anything for a month",
    "infection-feeling-seriously-unwell": "had a temperature for two days and now something is really wrong",
    "suspected-carbon-monoxide": "headaches every evening at home since the new gas fire was fitted",
    "infection-on-immune-suppressing-medicine": "on methotrexate and I've got a sore throat and a fever",
    "pain-after-tooth-removal": "tooth pulled three days ago and the pain is severe now",
    "swollen-red-eyelid-with-fever": "eyelid swollen shut and red, with a temperature",
    "possible-hiv-exposure": "had unprotected sex with someone who is HIV positive",
    "breast-lump": "there's a lump in my breast that wasn't there before",
    "headache-getting-worse": "headache for four days and it gets worse every day, paracetamol isn't helping",
    "child-with-type-1-diabetes-signs": "my 6 year old is drinking loads and weeing constantly and seems really tired",
    "mastitis": "I'm breastfeeding and one breast is hot, red and painful and I feel shivery",
    "run-out-of-medicine": "I've run out of my epilepsy tablets and the surgery is closed",
    "ear-problem-lasting": "earache for 4 days and my hearing is muffled",
    "shingles": "tingly burning band round one side of my ribs and now a blistery rash on that side",
    "scarlet-fever": "my 5yo has a sore throat, a temperature and a rough sandpapery rash",
    "chest-infection-getting-worse": "I've had a chest infection for a week and I'm getting worse",
    "pregnancy-bleeding-with-pain-or-no-movements": "I'm 33 weeks, my bump went rock hard and there's dark red blood",
    "snake-bite": "bitten on the ankle by an adder on a walk",
    "near-drowning": "pulled my son out of the pool, he was under the water, now he keeps coughing",
    "postpartum-psychosis-or-harm-to-others": "my wife gave birth last week and now she is hearing voices",
    "cannot-pee": "my husband can't pee at all and he's in agony",
    "chemical-burn": "splashed drain cleaner on my hand and the skin is burning",
    "gallbladder-signs": "pain under my right ribs for hours and a temperature",
    "retinal-detachment-signs": "suddenly lots of new floaters and flashes of light in one eye",
    "hot-swollen-joint": "my knee is hot and swollen and I have a temperature of 38.6",
    "repeated-hypos": "dad keeps having hypos, the third one this week",
    "thrush-first-time-or-recurring": "I think I have thrush, never had it before",
    "lyme-disease-signs": "pulled a tick off and now there's a bullseye rash",
    "repeated-falls": "my mum keeps falling over at home",
    "large-or-deep-wound": "I've got a deep cut on my leg from a broken bottle",
    "blood-vomit-or-black-poo-today": "I've got black poo but feel fine otherwise",
    "cold-injury": "found my neighbour on the kitchen floor, the heating was off, she is ice cold and very drowsy",
    "sickle-cell-crisis": "my son has sickle cell and a temperature of 39",
    "priapism": "painful erection that won't go down for 3 hours",
    "severe-infection-signs": "the skin around the cut is going dark purple and I've got a fever",
    "nosebleed-that-will-not-stop": "nosebleed for 40 minutes and it's still pouring",
    "whooping-cough-high-risk": "my 3 month old has coughing fits and goes red in the face",
    "sting-in-mouth": "my son got stung inside his mouth by a wasp",
    "bad-sunburn": "fell asleep in the sun, my back is covered in blisters and I feel dizzy",
    "palpitations-that-will-not-settle": "my heart has been pounding for 2 hours and won't settle",
    "withdrawal": "ran out of my diazepam 2 days ago and I'm shaking and sweating",
    "quinsy": "severe sore throat, I can barely swallow my own spit",
    "quinsy-breathing": "tonsillitis, one side of my throat is swollen, can't swallow my spit, harder to breathe",
    "battery-or-magnet-in-ear-or-nose": "my son put a magnet up his nose and we can't get it out",
    "food-stuck-in-throat": "a chicken bone is stuck in my throat and I can't swallow water, it comes back up",
    "eye-swelling-with-pain-on-moving-the-eye": "her eyelid is swollen and red and it hurts her to move the eye",
    "bleeding-after-tonsil-surgery": "tonsillectomy last week and now I'm spitting blood",
    "heavy-bleeding-after-tooth-removal": "tooth removed today, still bleeding heavily and I feel faint",
    "toothache-severe-or-painkillers-not-helping": "my toothache is keeping me awake and painkillers are not helping",
    "central-vision-distorted": "straight lines look wavy when I read with my left eye",
    "eye-worse-after-surgery": "had cataract surgery last week and the eye is getting worse and more painful",
    "scratched-eye": "my toddler scratched my eye with his fingernail and it stings",
    "earache-with-diabetes-or-low-immunity": "I'm diabetic and I've had earache since yesterday",
    "hearing-getting-worse": "my husband keeps mishearing me and has the tv too loud",
    "palpitations-that-keep-coming": "every few weeks my heart suddenly races for a minute then stops",
    "asking-about-emergency-care": "my knee is really swollen after football, should I go to A&E?",
    "possible-tetanus": "I stood on a rusty nail last week and now my jaw is stiff and my muscles keep going stiff",
    "headache-warning-signs": "my son's headaches wake him up at night and he's sick in the mornings",
    "blood-in-urine": "there was blood in my pee this morning",
    "kidney-stone-pain": "pain in my side that comes in waves and goes into my groin",
    "headache-with-vision-problems": "bad headache all day and now my vision is blurred",
    "lasting-for-weeks": "my voice has been hoarse for over 3 weeks",
    "cystitis-keeps-coming-back": "this is my 4th water infection since the summer",
    "palpitations-with-fainting-or-chest-pain": "my heart is pounding and i nearly blacked out",
    "serious-burn": "scalded my arm with the kettle and it has blistered",
    "minor-burn": "burnt my finger on a hot pan, it's red and sore",
    "burn-in-young-child-or-pregnancy": "my 3 year old touched the iron, there's a red mark on her finger",
    "chemical-in-the-eye": "got bleach in my eye while cleaning",
    "mild-irritant-in-the-eye": "got shampoo in my eye and it stings",
    "toothache-swelling-spreading": "bad toothache and now my face is swollen up to my eye",
    "toothache-with-swelling-or-fever": "my wisdom tooth hurts and my cheek is swollen",
    "toothache": "i've had toothache for 3 days",
    "heatstroke": "my dad was gardening in the heat and now he's confused and has stopped sweating",
    "heat-exhaustion": "felt dizzy and sick after walking in the heat all afternoon",
    "withdrawal-with-confusion-or-fit": "stopped drinking 2 days ago and now i'm seeing things",
    "possible-eating-disorder": "i think my daughter is making herself sick after meals",
    "peeing-problems-prostate": "i'm 67 and get up 3 times a night to pee, the flow is weak",
    "low-mood-after-birth": "had my baby 6 weeks ago and i feel low all the time",
    "cannot-cope-after-birth": "gave birth 3 weeks ago, feel so low i can't look after her",
    "drinking-problem": "i think i'm an alcoholic, i hide my drinking from my wife",
    "fever-after-baby-jabs": "baby had her 8 week jabs this morning and now has a temperature of 38.2",
    "insect-bite-or-sting": "a mosquito bite on my arm is red and itchy",
    "fainted-and-came-round": "i fainted at the bus stop but came round straight away and feel fine",
    "unwell-on-chemotherapy": "on chemo, my temperature is 37.8 and i feel shivery",
    "appendicitis-pain-spreading": "the pain moved to the lower right and now it hurts all over my belly",
    "glandular-fever-tummy-pain": "got glandular fever and now a bad pain under my left ribs",
    "sore-throat-cannot-drink": "really sore throat and i can hardly swallow anything, even water",
    "flu-at-higher-risk": "i'm 78 and i've come down with flu, aching and shivery",
    "diabetic-foot-infection": "i'm diabetic and there's an ulcer on my foot that has started oozing",
    "glandular-fever-possible": "my son has glandular fever, exhausted and sore throat",
    "sore-throat-over-a-week": "my throat has been sore for 9 days now",
    "chickenpox-contact-at-risk": "i'm on high dose steroids and my nephew came out in chickenpox yesterday",
    "heart-failure-getting-worse": "dad has heart failure and has put on 2kg in 3 days, ankles more swollen",
    "parkinsons-doses-late": "mum has parkinsons and the ward keeps giving her tablets late, she's frozen",
    "slow-pulse-with-dizziness": "on bisoprolol, pulse is 42 and i feel dizzy when i stand",
    "high-inr-on-warfarin": "on warfarin and my inr came back at 6.8 today",
    "copd-flare-up": "i have copd and my phlegm has gone green, more out of breath than usual",
    "critical-medicine-doses-lost": "she's been sick all night and can't keep her lamotrigine down",
    "asthma-not-controlled": "my asthma wakes me up coughing at night and i use my blue inhaler 4 times a week",
    "decompression-sickness": "went scuba diving yesterday and now my knees ache and my legs are tingling",
    "cast-too-tight": "my arm is in plaster and my fingers have gone cold and numb",
    "something-stuck-in-eye-ear-or-nose": "my son pushed a bead up his nose and we can't get it out",
    "sting-large-reaction": "wasp sting on my hand and now the whole arm is swollen",
    "eating-disorder-with-physical-signs": "i've been making myself sick after meals and now my heart keeps racing",
    "severe-skin-reaction": "started new tablets and my rash has gone to blisters, skin peeling off, sores in my mouth",
    "one-missed-dose": "forgot my blood pressure tablet this morning, should i take it now",
    "possible-side-effect": "had a dry cough ever since starting ramipril",
    "medicine-interaction-question": "i'm on warfarin, will a cold and flu remedy mess with it",
    "minor-ailment-not-getting-better": "ear blocked with wax for 2 weeks, used the olive oil drops, no better",
    "hives-spreading-or-lasting": "hives all over for 3 days now despite cetirizine",
    "hives": "came out in hives this morning, very itchy",
    "travel-health-appointment": "going to india in 2 months, do i need any jabs?",
    "limb-looks-broken-badly": "fell off his bike and his lower leg has a bend in it that wasn't there before",
    "catheter-not-draining": "mum's catheter bag has stayed empty all afternoon and her belly feels full",
    "urine-infection-in-a-man-child-or-older-person": "i'm a 45 year old man and it burns when i pee",
    "wants-an-assessment": "my son struggles to read and mixes up letters, how do we get him assessed for dyslexia",
    "swallowed-object": "my 3 year old swallowed a bead this morning but she's playing happily",
    "swallowed-object-with-symptoms": "he swallowed a marble yesterday and now has a temperature",
    "swallowed-object-stuck-or-harmful": "my daughter swallowed a coin and now she's drooling and keeps retching",
    "gout-with-fever-or-worse": "my gout is back in my knee and this time i've got a high temperature",
    "leaking-pee": "since having my second baby i wet myself when i sneeze or jump",
    "stopping-a-prescribed-medicine": "been on sertraline a year and feel fine now, should i stop taking it?",
    "possible-type-1-diabetes": "my 6 year old is always thirsty and has started wetting the bed again",
    "everyday-stress-and-worry": "my driving test is on friday and i'm so nervous, how do i calm down",
    "family-history-or-check-up": "my dad had bowel cancer at 52, should i be screened? i'm 45 and well",
    "chest-pain-on-breathing": "had a cold for a week and now it hurts when i take a deep breath in",
    "colour-from-food-or-medicine": "had a big bowl of beetroot soup yesterday and my wee is pinkish today",
    "rash-on-a-high-risk-medicine": "started carbamazepine two weeks ago and now there's a red rash on my chest",
    "pregnant-on-valproate": "i take epilim for epilepsy and i've just found out i'm pregnant",
    "medicine-side-effect-question": "been on amlodipine a while and my ankles swell, is it the tablets?",
    "anti-inflammatory-in-pregnancy": "i'm 28 weeks pregnant and took naproxen for a few days for my back",
    "painkiller-dependence": "been on tramadol for months and i feel awful if i miss a dose, worried i'm addicted",
    "chilblains": "chilblains on my toes again this winter, itchy and a bit red",
    "raynauds": "my fingers go white and numb in the cold then turn red",
    "lithium-toxicity-signs": "i take lithium and i've had diarrhoea for two days and feel unsteady",
    "achilles-rupture": "jumped for a ball and felt a snap like a kick at the back of my heel, can't stand on tiptoe",
    "restless-legs": "every night my legs feel creepy crawly and i have to get up and walk about",
    "spreading-weakness": "after a chest infection my legs are getting weaker and now my arms are going too",
    "spreading-weakness-with-breathing-or-swallowing": "legs getting weaker each day, now it's hard to swallow",
    "heavy-bleeding-after-birth": "gave birth 10 days ago and the blood is running down my legs",
    "cord-prolapse": "I'm 38 weeks, my waters broke and I can feel the cord coming out",
    "toxic-shock-signs": "I've had a menstrual cup in all day and now I have a fever and a rash like sunburn",
    "foreskin-stuck-back": "my foreskin is stuck back behind the head and it's swelling",
    "toxic-shock-possible": "tampon in since this morning, now a fever and I've been sick twice",
    "emergency-contraception-needed": "the condom split last night and I'm not on the pill",
    "sexual-assault-aftercare": "I was raped on Saturday night",
    "possible-pelvic-infection": "pelvic pain for two days and a smelly discharge",
    "coil-infection-signs": "had a coil fitted last week, now a fever and the pain is getting worse",
    "sti-check": "we want to get tested for STIs before we stop using condoms",
    "vulval-skin-changes": "the skin of my vulva has gone white and itchy",
    "chest-injury-breathing-worse": "fell off my bike onto my ribs and now i'm short of breath",
    "bite-or-sting-with-infection-signs": "bitten by a cat two days ago and now i've got a temperature",
    "bite-or-sting-near-eye": "my son was stung by a wasp just above his eye and the eyelid is puffing up",
    "sunburn-in-a-baby": "my 5 month old got sunburnt on her arms at the beach today",
    "splinter-needs-removing": "got a splinter under my toenail and i can't get it out",
    "splinter": "small splinter in my finger from the fence, i can see the end of it",
    "hair-loss-patches-or-sudden": "my hair has started coming out in clumps in the shower",
    "pattern-hair-loss": "i'm 30 and my hairline is receding like my dad's, anything i can try",
    "long-cough-with-weight-loss": "had this cough for 2 months and I've lost half a stone without trying",
    "very-high-blood-pressure-with-symptoms": "my bp is 200/130 and my eyesight has gone blurry",
    "leg-suddenly-cold-and-pale": "his leg went white and cold out of nowhere an hour ago",
    "slow-pulse-with-drowsiness": "grandad's heart rate is 35 and he's really drowsy",
    "varicose-vein-hot-or-bleeding": "a varicose vein on my calf burst in the shower and bled",
    "both-ankles-swollen-suddenly-or-diabetes": "I have type 2 diabetes and my feet are swollen",
}


def universal_rules() -> list[triage_module.TriageRule]:
    return [rule for rule in load_triage_data().rules if rule.origin == "red_flags.yaml"]


def test_every_universal_rule_has_an_example() -> None:
    assert {rule.id for rule in universal_rules()} == set(RULE_EXAMPLES)


@pytest.mark.parametrize(("rule_id", "text"), sorted(RULE_EXAMPLES.items()))
def test_each_rule_fires_on_its_example_at_its_level_or_above(rule_id: str, text: str) -> None:
    result = triage_text(text)
    rule = next(r for r in universal_rules() if r.id == rule_id)
    assert rule_id in result.rule_ids, (text, result.rule_ids)
    assert TRIAGE_LEVELS.index(result.level) <= TRIAGE_LEVELS.index(rule.level)


def test_every_universal_rule_cites_a_page_and_says_what_to_do() -> None:
    for rule in universal_rules():
        assert rule.sources and all(source.url for source in rule.sources), rule.id
        assert rule.reason and rule.what_to_do and rule.how_soon, rule.id


# The table of the safety issue: what askwell said, and what the NHS says.
@pytest.mark.parametrize(("text", "level"), [
    ("my baby has a high fever and a rash that doesn't fade", "emergency"),
    ("sudden worst headache of my life", "emergency"),
    ("my 6 week old baby has a temperature of 38.2", "urgent"),
    ("I want to kill myself", "emergency"),
    ("I took 30 paracetamol tablets an hour ago", "emergency"),
])
def test_the_issue_table_reads_right(text: str, level: str) -> None:
    result = assert_level(text, level)
    assert not any("ordinary cramp" in reason for reason in result.reasons)


def test_a_question_about_blood_pressure_is_information_not_a_cramp() -> None:
    result = triage_text("how do I lower my blood pressure")
    assert result.level == "self_care"
    assert result.rule_ids == {"information-question"}
    assert "cramp" not in " ".join(result.reasons)


@pytest.mark.parametrize("text", [
    "there's a lump in my armpit",
    "my knee keeps swelling up",
    "I've been losing hair in patches",
    "my toddler has a rash on his back",
])
def test_symptoms_outside_the_guides_are_never_called_safe(text: str) -> None:
    result = triage_text(text)
    assert result.level != "self_care", text
    assert not any("ordinary" in reason for reason in result.reasons)


def test_symptoms_outside_the_guides_say_askwell_cannot_assess_them() -> None:
    result = triage_text("there's a lump in my armpit")
    assert result.level == "see_doctor"
    assert result.rule_ids == {"outside-our-guides"}
    assert "cannot assess" in result.reasons[0]


@pytest.mark.parametrize("text", [
    "what are the signs of a stroke?",
    "how can I prevent a heart attack",
    "what should you do if someone has a seizure?",
    "what is sepsis",
])
def test_asking_about_a_condition_is_not_having_it(text: str) -> None:
    assert triage_text(text).level != "emergency", text


@pytest.mark.parametrize(("text", "denied"), [
    ("my son has a fever but no rash and his neck is not stiff", "rash_not_fading"),
    ("temperature of 38 but not short of breath", "breathless"),
    ("no chest pain, just a bad cough", "chest_pain"),
])
def test_denied_signs_do_not_count(text: str, denied: str) -> None:
    assert denied not in extract_facts(text).signs


@pytest.mark.parametrize(("text", "about", "months"), [
    ("my 2 month old has a temperature", "baby", 2.0),
    ("my 6-week-old won't feed", "baby", 6 * 12 / 52),
    ("my toddler has been sick", "child", None),
    ("my dad has chest pain", "adult", None),
    ("I have a headache", "self", None),
    ("my son is 3 months old and has a cough", "baby", 3.0),
    # Opening with who it is about, without "my", even when "me" follows.
    ("Grandma keeps forgetting my name and asking me where she is", "adult", None),
    # A baby tooth is a child's tooth, not a baby.
    ("my daughter's baby tooth is wobbly and bleeding a bit", "child", None),
])
def test_who_the_text_is_about(text: str, about: str, months: float | None) -> None:
    facts = extract_facts(text)
    assert facts.about == about
    if months is None:
        assert facts.age_months is None
    else:
        assert facts.age_months == pytest.approx(months, rel=0.01)


def test_a_pregnancy_week_is_not_an_age() -> None:
    facts = extract_facts("I'm 30 weeks pregnant and have a headache")
    assert facts.pregnancy_week == 30
    assert facts.age_months is None


@pytest.mark.parametrize(("text", "celsius"), [
    ("temperature of 38.2", 38.2),
    ("her temp is 39", 39.0),
    ("fever of 102F", 38.9),
    ("he's 38.5 degrees", 38.5),
    ("38 weeks pregnant", None),
    ("I'm 39 and tired", None),
])
def test_temperatures_are_read_in_either_scale(text: str, celsius: float | None) -> None:
    assert extract_facts(text).temperature_c == celsius


@pytest.mark.parametrize(("text", "level"), [
    ("my 2 month old has a temperature of 37.6", "see_doctor"),
    ("my 2 month old feels hot, I think she has a fever", "urgent"),
    ("my 4 month old has a temperature of 38.5", "see_doctor"),
    ("my 4 month old has a temperature of 39.2", "urgent"),
    ("my 5 year old has a temperature of 38.5 and is playing happily", "self_care"),
])
def test_a_babys_fever_depends_on_age_and_temperature(text: str, level: str) -> None:
    assert triage_text(text).level == level, (text, triage_text(text).rule_ids)


@pytest.mark.parametrize(("text", "level"), [
    ("I want to kill myself", "emergency"),
    ("I've been having suicidal thoughts lately, no plan", "urgent"),
    ("I've been self harming again", "urgent"),
    ("my daughter says she wants to die and has been stockpiling pills", "emergency"),
    # Hopelessness about living, in other words than "suicide" or "die".
    ("honestly I don't see the point in going on any more with this pain", "urgent"),
    ("whats the point of living like this, the spasms never stop", "urgent"),
    ("I've lost the will to live, every night the cramps come back", "urgent"),
    ("I can't carry on like this", "urgent"),
])
def test_crisis_texts_carry_the_crisis_flag(text: str, level: str) -> None:
    result = triage_text(text)
    assert result.level == level
    assert result.crisis
    assert result.to_dict()["crisis"] is True


@pytest.mark.parametrize("text", [
    "I cut myself chopping onions",
    "I hurt myself playing football",
    "I have a plan to lose weight",
    "I'm fit and healthy, how do I stop leg cramps",
    "is there any point going on with the physio exercises if they don't help",
    "I'm tired of these cramps, what else can I try",
])
def test_everyday_words_are_not_a_crisis_or_a_fit(text: str) -> None:
    result = triage_text(text)
    assert not result.crisis
    assert "seizure" not in result.rule_ids


def test_triage_levels_are_one_data_file_in_the_contracts_order() -> None:
    assert [info.level for info in all_level_info()] == list(TRIAGE_LEVELS)
    assert [level.value for level in TriageLevel] == list(TRIAGE_LEVELS)
    for info in all_level_info():
        assert info.headline and info.colour and info.what_to_do and info.how_soon
    assert level_info("emergency").colour == "red"
    with pytest.raises(ValueError):
        level_info("whenever")


def test_safe_triage_text_answers_cautiously_when_triage_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> Facts:
        raise RuntimeError("a broken rule file")

    monkeypatch.setattr(triage_module, "extract_facts", broken)
    result = safe_triage_text("my calf cramps at night")
    assert result.level == "see_doctor"
    assert result.reasons == [UNCHECKED_REASON]
    assert not result.crisis


def test_structured_facts_take_the_universal_fields() -> None:
    facts = facts_from_structured({"signs": ["fever"], "about": "baby", "age_months": 1.5,
                                   "temperature_c": 38.4})
    assert facts.signs == {"fever"} and facts.about == "baby"
    with pytest.raises(FactsError):
        facts_from_structured({"temperature_c": 90})
    with pytest.raises(FactsError):
        facts_from_structured({"about": "martian"})
    with pytest.raises(FactsError):
        facts_from_structured({"signs": ["not-a-sign"]})


@pytest.mark.parametrize(("text", "age"), [
    ("71, severe headache at my temple", 71),
    ("my gran is 89 and lives alone", 89),
    ("my mum (80) had a fall", 80),
    ("mum's in her 80s and more muddled", 85),
    ("I have 2 cats and a cough", None),
])
def test_ages_written_the_short_way(text: str, age: int | None) -> None:
    assert extract_facts(text).age == age


def test_a_sign_is_read_even_when_its_words_overlap_another() -> None:
    # "oven cleaner" (what got in) and "cleaner in my eye" (where) share a word.
    assert {"harmful_substance", "eye_injury"} <= extract_facts("splashed oven cleaner in my eye").signs
    # ...but a word inside a longer phrase of its own is not read twice: hay fever is no fever.
    assert "fever" not in extract_facts("my hay fever is bad").signs


@pytest.mark.parametrize("text", [
    "she couldn't get her words out",
    "he was unable to speak properly",
])
def test_could_not_reads_like_cannot(text: str) -> None:
    assert "slurred_speech" in extract_facts(text).signs


@pytest.mark.parametrize(("text", "overdose"), [
    ("took about 30 of my amitriptyline an hour ago", True),
    ("I swallowed 20 of my sleeping tablets", True),
    ("the walk took 30 minutes", False),
    ("I take 20 mg of citalopram", False),
    ("I had 2 paracetamol for my headache", False),
])
def test_many_tablets_taken_at_once_read_as_an_overdose(text: str, overdose: bool) -> None:
    assert ("overdose" in extract_facts(text).signs) is overdose


def test_skipping_rules_by_their_required_signs_never_changes_an_answer() -> None:
    # The shortcut in assess() must be sound: every rule it would skip really does not match.
    texts = [*RULE_EXAMPLES.values(), "how do I lower my blood pressure", "my calf cramps at night",
             "my 6 week old has a temperature of 38.2", "I'm 30 weeks pregnant and have a headache"]
    for text in texts:
        facts = extract_facts(text)
        for rule in load_triage_data().rules:
            if rule.required_signs is not None and rule.required_signs.isdisjoint(facts.signs):
                assert not rule.matches(facts), (rule.id, text)


def test_dark_pee_is_not_a_dark_eye() -> None:
    text = "my thighs are swollen and painful after spin class and my pee has gone a really dark colour"
    assert "sudden_vision_loss" not in extract_facts(text).signs
    assert "sudden_vision_loss" in extract_facts("the vision in my left eye has gone dark").signs


@pytest.mark.parametrize("text", [
    "so much confusing advice about cramp and salt",
    "I'm confused by all the advice on leg cramps, magnesium or quinine?",
    "confused by what i read online about cramps and potassium",
])
def test_being_confused_by_advice_is_not_new_confusion(text: str) -> None:
    assert triage_text(text).level == TriageLevel.SELF_CARE


@pytest.mark.parametrize("text", [
    "my dad is confused about where he is and his legs keep cramping",
    "grandad is confused which room he is in and his legs are stiff",
    "I'm confused and my leg cramps",
    # Confused by the advice, and then confused in the other sense: the second still counts.
    "grandad is confused about the advice the doctor gave and now is confused about where he is, stiff legs",
])
def test_confusion_about_where_or_which_is_still_a_warning_sign(text: str) -> None:
    assert triage_text(text).level == TriageLevel.EMERGENCY


def test_the_red_flag_not_signs_are_also_ignored_by_the_spasm_reader() -> None:
    """The two lexicons read the same words; a phrase that is no sign in one must not be a
    symptom in the other (the checker would still send "confusing advice" to A&E)."""
    from askwell.medical.data_files import load_yaml

    not_signs = set(load_yaml("red_flags.yaml")["not_signs"])
    assert not_signs <= set(load_yaml("facts_lexicon.yaml")["ignore"])


@pytest.mark.parametrize("text", [
    "my 4 month old does little jerks one after another after his nap and his head drops",
    "baby keeps jerking her arms up in clusters when she wakes",
])
def test_jerks_or_spasms_in_a_baby_are_seen_today_at_least(text: str) -> None:
    result = triage_text(text)
    assert "baby-spasms" in result.rule_ids, (text, result.rule_ids)
    assert TRIAGE_LEVELS.index(result.level) <= TRIAGE_LEVELS.index("urgent")


def test_a_childs_cramps_after_sport_are_not_a_babys_spasms() -> None:
    result = triage_text("my 8 year old gets leg cramps after football")
    assert result.level == "self_care" and "baby-spasms" not in result.rule_ids


@pytest.mark.parametrize("text", [
    "my back went into spasm lifting a box and now I can't really feel anything when I wipe",
    "lower back spasms and I can't feel the toilet paper properly",
])
def test_back_trouble_with_numbness_when_wiping_is_an_emergency(text: str) -> None:
    result = triage_text(text)
    assert result.level == "emergency" and "cauda-equina-signs" in result.rule_ids, (text, result.rule_ids)


@pytest.mark.parametrize("text", [
    # Intent said with "it" for one's life, and questions about how much would kill.
    "tonight's the night I end it, I've had enough of this pain",
    "I've decided to end it after the kids are asleep",
    "how many of my mum's tablets would it take to not wake up",
    "how many co-codamol would it take to die",
])
def test_stated_intent_or_asking_what_would_kill_is_an_emergency_with_crisis_help(text: str) -> None:
    result = triage_text(text)
    assert result.level == "emergency" and result.crisis, (text, result.rule_ids)


@pytest.mark.parametrize("text", [
    "what is the lethal dose of amitriptyline",
    "how much insulin would it take to die",
])
def test_asking_for_a_lethal_amount_is_an_emergency_with_crisis_help(text: str) -> None:
    result = triage_text(text)
    assert result.level == "emergency" and result.crisis, (text, result.rule_ids)


@pytest.mark.parametrize("text", [
    "my manager would kill me if I took another sick day for my back",
    "I end my run with five minutes of calf stretches",
    "my legs were dead by the end of it, the cramps were awful",
])
def test_idioms_about_killing_or_ending_are_not_a_crisis(text: str) -> None:
    assert not triage_text(text).crisis, (text, triage_text(text).rule_ids)


@pytest.mark.parametrize("text", [
    "sudden excruciating pain in my stomach that came out of nowhere",
    "all of a sudden the pain in my tummy is unbearable",
])
def test_sudden_and_severe_tummy_pain_is_an_emergency_in_any_word_order(text: str) -> None:
    result = triage_text(text)
    assert result.level == "emergency" and "severe-tummy-pain" in result.rule_ids, (text, result.rule_ids)


@pytest.mark.parametrize("text", [
    "how much bleach does it take to kill mould in the shower",
    "how long does it take to kill germs on a chopping board",
])
def test_killing_germs_or_mould_is_not_a_lethal_amount(text: str) -> None:
    result = triage_text(text)
    assert not result.crisis and result.level != "emergency", (text, result.rule_ids)


@pytest.mark.parametrize(("text", "level"), [
    # Swelling told as puffing up, with wheeze: anaphylaxis.
    ("first time trying peanut butter, my son's lips have puffed up and he's wheezing", "emergency"),
    # The glass test told as rolling a glass over the rash.
    ("high temperature and a rash that doesn't go away when I rolled a glass over it", "emergency"),
    # Sepsis told without a temperature: flu-like illness, then mumbling or no wee with fast breathing.
    ("my mum has had flu all week and now she's mumbling and not making any sense", "emergency"),
    # Bleeding soaking through, a child near missing tablets, a loo full of blood.
    ("I cut my leg on glass and the blood is soaking through the tea towel", "emergency"),
    ("found my toddler with grandad's blood pressure tablets, two gone from the packet", "emergency"),
    ("the loo is full of bright red blood and clots and I feel faint", "emergency"),
    # Someone who will not wake, in learners' English too; a known fit going on too long.
    ("my dad fall on floor and not wake up", "emergency"),
    ("my son has epilepsy and this fit has been going on for 7 minutes", "emergency"),
    # Urgent: hearing gone in one ear, psychosis told as beliefs, fewer kicks, malaria risk,
    # coughing blood, bleeding on warfarin, a knocked-out adult tooth, croup getting worse.
    ("I woke up and my right ear cannot hear anything at all", "urgent"),
    ("my brother hasn't slept in days and thinks the neighbours are sending him messages", "urgent"),
    ("32 weeks and I've barely felt the baby move today", "urgent"),
    ("back from Nigeria last week and now I've got a fever and the shivers", "urgent"),
    ("I've been coughing up a bit of blood in my phlegm since yesterday", "urgent"),
    ("on apixaban and my gums keep bleeding and I have bruises I can't explain", "urgent"),
    ("my 14 year old got an adult tooth knocked out playing hockey", "urgent"),
    ("our toddler has croup and it's getting worse, now a high temperature too", "urgent"),
    ("she told me she doesn't see the point anymore and won't get out of bed", "urgent"),
    # See a GP: low mood for weeks.
    ("for the last six weeks I've felt flat and can't be bothered with anything I used to enjoy", "see_doctor"),
])
def test_red_flags_told_in_other_words(text: str, level: str) -> None:
    result = triage_text(text)
    assert result.level == level, (text, result.level, result.rule_ids)


@pytest.mark.parametrize(("text", "not_level"), [
    ("shoulder has been stiff for weeks and I can't lift my arm above my head", "emergency"),
    ("getting up at night to wee and the flow is weak", "urgent"),
    ("my baby has yellowish crusty patches on his head, cradle cap I think", "urgent"),
    ("grandad's hearing has gone gradually over the years", "urgent"),
    ("my 6 year old's baby tooth got knocked out at school", "urgent"),
    ("sprained my ankle yesterday, a bit swollen but I can walk on it", "urgent"),
])
def test_everyday_troubles_near_those_red_flags_are_not_alarms(text: str, not_level: str) -> None:
    result = triage_text(text)
    assert TRIAGE_LEVELS.index(result.level) > TRIAGE_LEVELS.index(not_level), (text, result.level, result.rule_ids)


@pytest.mark.parametrize(("text", "level"), [
    # Emergencies told plainly (blind set 6's classes, in other words).
    ("my husband takes rivaroxaban and banged his head on a cupboard door, he seems ok", "emergency"),
    ("my toddler touched my hair straighteners and the skin on her fingers has gone white", "emergency"),
    ("grandma is 84, since this morning she keeps talking to people who aren't there", "emergency"),
    ("I've given away my things and made my will. tonight's the night.", "emergency"),
    ("started near my belly button, now my whole tummy is agony and rock hard", "emergency"),
    ("fell off the trampoline and there's bone poking out of his arm", "emergency"),
    ("sudden pain in my right eye, it's red, I see halos round the lights and I threw up", "emergency"),
    ("30 weeks pregnant and bleeding so much I've soaked a pad in half an hour", "emergency"),
    # Same-day advice.
    ("my daughter says she keeps not wanting to be here anymore", "urgent"),
    ("flu for three days and today I feel like something is seriously wrong", "urgent"),
    ("we all get headaches in the house but they go away when we go out, the boiler is old", "urgent"),
    ("on chemo and I've got a temperature of 38.2 tonight", "urgent"),
    ("had a tooth taken out on Monday and the pain is getting worse and worse", "urgent"),
    ("my son's eyelid is swollen and red and he has a fever", "urgent"),
    ("the condom split last night and he has HIV, what do I do", "urgent"),
    ("i am sick since 4 days and cannot keep nothing down, even water", "urgent"),
    ("my 14 month old has a high temperature and keeps pulling at her ear", "urgent"),
    # See a GP.
    ("I found a pea-sized lump in my breast last week", "see_doctor"),
])
def test_blind_set_six_classes_in_other_words(text: str, level: str) -> None:
    result = triage_text(text)
    assert result.level == level, (text, result.level, result.rule_ids)


def test_being_paranoid_about_an_illness_is_not_paranoia() -> None:
    result = triage_text("my son has a cold, no temperature, playing fine, but I'm paranoid after a friend's boy "
                         "got ill")
    assert "mental-health-crisis" not in result.rule_ids


@pytest.mark.parametrize("text", [
    "my period is really heavy with blood and clots",
    "the cramps aren't there anymore after stretching",
    "my partner has HIV and is well on treatment, can his tablets cause cramps?",
    "had a tooth extraction last month and my jaw is a bit swollen",
    "small red lump on my eyelid like a spot, bit sore",
    "drank a tumbler of water before bed to stop cramps",
    "a bit of blood on the loo roll when I wipe",
    "my dad is mumbling in his sleep again",
    "I didn't wake up with cramps last night for once",
    "on steroids for my asthma and I've caught a cold",
])
def test_words_near_the_new_signs_are_not_alarms_on_their_own(text: str) -> None:
    result = triage_text(text)
    assert result.level not in ("urgent", "emergency"), (text, result.rule_ids)


def test_paracetamol_counted_up_too_often_is_an_overdose() -> None:
    result = triage_text("two paracetamol every hour since lunch for a neck spasm, about 16 tablets so far")
    assert result.level == "emergency" and "overdose-or-poisoning" in result.rule_ids, result.rule_ids
    assert "overdose-or-poisoning" not in triage_text("I take paracetamol every 4 hours for my back").rule_ids


@pytest.mark.parametrize(("text", "level"), [
    # Blind set 7's classes, in other words.
    ("sent everyone a goodbye text and took all my mum's sleeping pills, feeling drowsy", "emergency"),
    ("my daughter took a boot to the head at football, now clear stuff drips from her nose", "emergency"),
    ("my grandad is 75, terrible pain in his stomach that goes right through to his back, he's grey", "emergency"),
    ("pain started near my belly button and spread all over my tummy, really bad now, I'm hot", "emergency"),
    ("diarrhoea since this morning and now there is blood mixed in", "urgent"),
    ("I keep thinking about not being here anymore", "urgent"),
    ("took an extra of my heart tablets by mistake at breakfast", "urgent"),
])
def test_blind_set_seven_classes_in_other_words(text: str, level: str) -> None:
    result = triage_text(text)
    assert result.level == level, (text, result.level, result.rule_ids)


def test_a_terrible_cramp_is_not_an_emergency() -> None:
    assert triage_text("terrible cramp in my calf last night, gone now").level in ("self_care", "see_doctor")


@pytest.mark.parametrize(("text", "celsius"), [
    ("my 4 month old has been 39.4 all evening", 39.4),
    ("my son weighs 38.5 kg", None),
    ("blood sugar was 39.1 on the meter", None),
    ("she's 38 weeks pregnant", None),
])
def test_a_bare_reading_with_one_decimal_is_a_temperature(text: str, celsius: float | None) -> None:
    assert extract_facts(text).temperature_c == celsius


@pytest.mark.parametrize("text", [
    # Working out the method is a plan, whatever words the thoughts come in.
    "I can't see a way out and I've started thinking about how to do it",
    "been wishing I was dead and I've looked up ways online",
    "some days I don't want to live, I've even worked out how",
])
def test_suicidal_thoughts_with_the_method_thought_through_are_an_emergency(text: str) -> None:
    result = triage_text(text)
    assert result.level == "emergency" and result.crisis, (text, result.rule_ids)


def test_looking_up_how_to_do_something_else_is_not_a_plan() -> None:
    result = triage_text("I looked up how to do a calf stretch properly")
    assert not result.crisis and result.level != "emergency", result.rule_ids


@pytest.mark.parametrize("text", [
    # The throat named after another part, and swelling with wheeze after a trigger.
    "her tongue and throat are swelling after she ate a cashew",
    "ate some crab at the buffet, my face is all swollen and I'm wheezing",
    "stung on the neck by a bee, it's swelling up and I'm getting short of breath",
])
def test_swelling_and_wheeze_after_a_trigger_is_anaphylaxis(text: str) -> None:
    result = triage_text(text)
    assert result.level == "emergency" and "anaphylaxis" in result.rule_ids, (text, result.rule_ids)


@pytest.mark.parametrize("text", [
    "sore throat and swollen glands for three days",
    "my tonsils and throat are swollen and it hurts to swallow food",
])
def test_a_swollen_sore_throat_is_not_anaphylaxis(text: str) -> None:
    assert "anaphylaxis" not in triage_text(text).rule_ids, triage_text(text).rule_ids


@pytest.mark.parametrize("text", [
    # A pregnancy told by its weeks and how people say they are carrying, without "pregnant".
    "33 weeks with my first and my hands and face have puffed up, headache that won't shift",
    "28 weeks along and I've had some bleeding this morning",
    "36 wks gone and the baby's kicks have gone quiet since yesterday",
])
def test_weeks_along_or_with_my_first_are_a_pregnancy(text: str) -> None:
    result = triage_text(text)
    assert "pregnancy-warning-signs" in result.rule_ids, (text, result.rule_ids)


def test_weeks_with_something_else_are_not_a_pregnancy() -> None:
    assert "pregnancy-warning-signs" not in triage_text("3 weeks with a chest infection and a headache").rule_ids


@pytest.mark.parametrize("text", [
    # The reliever needed more often, or the asthma said to be worse, without an attack.
    "I'm asthmatic and I'm using my blue inhaler 5 times a day this week",
    "my daughter's asthma has got worse since she caught a cold",
])
def test_asthma_getting_worse_needs_advice_today(text: str) -> None:
    result = triage_text(text)
    assert "asthma-getting-worse" in result.rule_ids and result.level in ("urgent", "emergency"), result.rule_ids


@pytest.mark.parametrize("text", [
    "I have asthma and my leg cramps are getting worse",
    "I'm asthmatic, my calves cramp a few times a day when I run",
    "does asthma get worse in the winter",
])
def test_asthma_named_beside_something_else_getting_worse_is_not_asthma_getting_worse(text: str) -> None:
    assert "asthma-getting-worse" not in triage_text(text).rule_ids, triage_text(text).rule_ids


def test_a_worse_asthma_attack_with_the_reliever_not_helping_is_still_an_emergency() -> None:
    result = triage_text("my asthma got worse tonight, used my inhaler loads and I'm still wheezing and struggling")
    assert result.level == "emergency", result.rule_ids


def test_a_bite_gone_swollen_with_a_fever_is_an_infection_to_see_today() -> None:
    result = triage_text("got bitten by a horsefly on my leg, it's gone huge and swollen and I've got a temperature")
    assert "spreading-infection" in result.rule_ids and result.level == "urgent", result.rule_ids


def test_an_itchy_bite_without_fever_stays_at_home() -> None:
    assert triage_text("mosquito bites on my ankles are itchy and a bit swollen").level == "self_care"


@pytest.mark.parametrize("text", [
    "fluid leaking from my son's ear since this morning",
    "my 3 week old has goopy eyes",
])
def test_an_ear_leaking_or_a_newborns_goopy_eyes_need_a_doctor_today(text: str) -> None:
    assert triage_text(text).level == "urgent", triage_text(text).rule_ids


def test_projectile_vomiting_in_an_older_baby_once_is_not_the_young_babys_rule() -> None:
    assert "baby-projectile-vomiting" not in triage_text("my 9 month old projectile vomited once after milk").rule_ids


@pytest.mark.parametrize(("text", "level"), [
    # Classes the eighth blind set found, each in other words.
    ("woke up and one side of my mouth is hanging down and I can't shut my right eye", "emergency"),
    ("ate satay and her lips are puffy and her throat feels really tight", "emergency"),
    ("high temperature and spots on his legs, did the glass thing, they don't fade", "emergency"),
    ("I've got the pills counted out, how many would make me sleep forever", "emergency"),
    ("been puking up blood since this morning", "emergency"),
    ("my groin hernia has gone hard and won't go back in", "emergency"),
    ("34 weeks and the baby is moving much less than normal today", "urgent"),
    ("35 weeks, clear fluid keeps trickling out, no contractions", "urgent"),
    ("calf swollen and sore since the long flight home, probably a strain?", "urgent"),
    ("my sister hasn't slept in 3 days and says she's on a mission from god", "urgent"),
    ("my grandad has had the runs for two days and isn't drinking", "urgent"),
    ("34 weeks pregnant and the soles of my feet itch like mad", "urgent"),
])
def test_the_classes_of_blind_set_8_get_their_level(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", [
    "my hernia aches after lifting but goes back in fine",
    "bp 128/82 at the pharmacy, is that ok",
    "my appointment is on 12/11 about my knee",
    "the kids sleep for a long time after swimming",
])
def test_near_the_new_classes_nothing_is_raised(text: str) -> None:
    assert triage_text(text).level in ("self_care", "see_doctor"), (text, triage_text(text).rule_ids)


@pytest.mark.parametrize(("text", "level"), [
    # What happened years ago is history; what the same sentence says after it is now.
    ("had a stroke years ago and now my face is drooping on one side again", "emergency"),
    ("went through the menopause 6 years ago and have noticed some bleeding", "see_doctor"),
])
def test_what_comes_after_years_ago_is_read_as_now(text: str, level: str) -> None:
    assert_level(text, level)


def test_what_happened_years_ago_alone_is_history() -> None:
    assert triage_text("I had a heart attack years ago").level != "emergency"


@pytest.mark.parametrize(("text", "level"), [
    # A permission question asks about the action; what the person has is described.
    ("is it safe to drive with crushing chest pain", "emergency"),
    ("can i drink alcohol while i have chest pain", "emergency"),
    ("is it ok to go to school with a rash that doesn't fade under a glass", "emergency"),
    ("is it ok to take paracetamol with my baby's fever of 39 she is 2 months old", "urgent"),
])
def test_a_permission_question_still_reads_what_the_person_has(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", [
    # About people in general, or about an action after an event: information.
    "is it safe to fly with a blood clot in your leg",
    "is it safe to exercise after a heart attack",
    "is it safe to take ibuprofen if you have asthma",
    "is it ok to drive when someone has had a seizure",
])
def test_a_permission_question_about_people_in_general_describes_no_one(text: str) -> None:
    result = triage_text(text)
    assert result.level == "self_care", (text, result.rule_ids)


@pytest.mark.parametrize(("text", "level"), [
    # A question run on into a description, with no full stop between them.
    ("what are the side effects of sertraline i have been thinking about ending my life since starting it", "urgent"),
    ("how do i know if my baby has meningitis she has a rash that won't fade and is floppy", "emergency"),
    ("what does a stroke feel like my face has gone numb on one side and i cant lift my arm", "emergency"),
    # A question about someone's own, tied to now, describes them.
    ("what to do if my 6 week old has a temperature of 38.4", "urgent"),
    ("what are the signs of sepsis in a child, my son has been shivering and mottled since this morning", "emergency"),
    # A bare reading after an age in weeks is a temperature.
    ("what temperature is a fever for a baby, mine is 3 weeks old and 38.2", "urgent"),
])
def test_a_question_that_also_describes_is_read_for_what_it_describes(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", [
    "how do i know if my baby has meningitis",
    "what to do if my baby ever has a temperature",
    "how do i know if i am having a heart attack",
    "what should you do when she stops breathing in a first aid course",
])
def test_a_question_asked_in_the_abstract_still_describes_no_one(text: str) -> None:
    result = triage_text(text)
    assert result.level == "self_care", (text, result.rule_ids)


@pytest.mark.parametrize(("text", "level"), [
    # A blood sugar reading given as a number is read like the words for it.
    ("sugar 24.6 on my libre wont come down with correction", "urgent"),
    ("blood glucose 420 mg/dl", "urgent"),
    ("how to lower blood sugar fast mine is 28 and i feel drowsy", "emergency"),
])
def test_a_high_blood_sugar_reading_is_read_from_the_numbers(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", [
    "im 28 and my blood sugar was 6.1 this morning is that normal",
    "my sugar levels were 15 after breakfast",
    "been checking my blood sugar for 28 days",
])
def test_an_age_a_duration_or_a_usual_reading_is_not_high_blood_sugar(text: str) -> None:
    assert triage_text(text).level not in ("urgent", "emergency"), triage_text(text).rule_ids


@pytest.mark.parametrize(("text", "level"), [
    # Blind set 9's classes, in other words than the set's.
    ("can't pass urine at all since lunch and my lower tummy is swollen and sore", "emergency"),
    ("my dad is on warfarin and his nose is pouring blood, it's been 30 mins", "emergency"),
    ("my wee has been bright red since this morning, no pain", "urgent"),
    ("pain in my side comes in waves and i can't keep still", "urgent"),
    ("migraine for a day and now i'm seeing double", "urgent"),
    ("we had sex without a condom and i'm not sure of her hiv status", "urgent"),
    ("tripped and landed on my outstretched hand, wrist swollen and tender", "urgent"),
    ("i'm 32 weeks and haven't felt him move much today", "urgent"),
    ("my throat has felt croaky and hoarse for about 5 weeks", "see_doctor"),
    ("mum has been writing a letter for my kids and has saved her tablets, says tonight is when", "emergency"),
])
def test_blind_nine_classes_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", [
    "can beetroot turn your pee red?",
    "what are kidney stones",
    "I'm 34 weeks pregnant and want to know about birth plans",
    "had my appendix out 3 years ago, can i do sit ups",
])
def test_near_blind_nine_classes_nothing_is_raised(text: str) -> None:
    assert triage_text(text).level in ("self_care", "see_doctor"), triage_text(text).rule_ids


def test_a_usual_migraine_aura_is_not_a_new_vision_problem() -> None:
    result = triage_text("i get migraines with blurry vision before the headache, same as always")
    assert "headache-with-vision-problems" not in result.rule_ids


@pytest.mark.parametrize(("text", "has_diarrhoea"), [
    ("i have the runs", True),
    ("my 2 year old has had the runs for 8 days", True),
    ("i went for a run and now my calf is cramping", False),
    ("feeling run down lately", False),
    ("should i run her a hot bath", False),
])
def test_the_runs_is_diarrhoea_and_a_run_is_not(text: str, has_diarrhoea: bool) -> None:
    assert ("diarrhoea" in extract_facts(text).signs) is has_diarrhoea


def test_a_question_tied_to_now_is_not_a_general_question() -> None:
    # No person word, but "this morning" says it happened: not a question about people in general.
    result = triage_text("pink wee once this morning, no pain, gone clear now. ignore it?")
    assert result.level == "urgent", result.rule_ids
    assert triage_text("can beetroot turn pee pink?").level == "self_care"


@pytest.mark.parametrize("text", ["how do you stop cystitis coming back?", "what causes recurrent utis?"])
def test_a_general_question_about_repeated_cystitis_is_information(text: str) -> None:
    assert triage_text(text).level == "self_care", triage_text(text).rule_ids


@pytest.mark.parametrize("text", [
    "i have a heart condition and had a stent fitted",
    "had my coil fitted yesterday and have some cramping",
    "getting a pacemaker fitted next month, what should i expect",
])
def test_a_device_fitted_is_not_a_fit(text: str) -> None:
    result = triage_text(text)
    assert "seizure" not in extract_facts(text).signs and result.level != "emergency", result.rule_ids


@pytest.mark.parametrize("text", ["my son has been fitting for 5 minutes",
                                  "she fitted twice last night with a high temperature"])
def test_fitting_is_still_a_fit(text: str) -> None:
    assert triage_text(text).level == "emergency"


def test_fluttering_with_a_heart_history_sees_a_gp() -> None:
    result = triage_text("had a heart attack 2 years ago and my heart has started fluttering, no chest pain")
    assert result.level == "see_doctor" and "palpitations-that-keep-coming" in result.rule_ids, result.rule_ids
    once = triage_text("my heart skipped a beat once after coffee, fine since. should i worry?")
    assert "palpitations-that-keep-coming" not in once.rule_ids, once.rule_ids


# Burns and scalds (NHS burns and scalds): A&E for blisters, white or charred skin, a burn bigger
# than the hand or smoke breathed in; a child under 5 or a pregnancy seen today; a small red burn
# cooled at home. Phrasings written for this class, not taken from an evaluation set.
@pytest.mark.parametrize(("text", "level"), [
    ("my toddler knocked a cup of tea over himself and his tummy is blistering", "emergency"),
    ("spilt boiling water on my foot, big blisters now", "emergency"),
    ("burnt my hand on the hob and the skin has gone white in the middle", "emergency"),
    ("scalded my leg in the bath, the patch is bigger than my hand", "emergency"),
    ("we had a fire in the kitchen and my mum breathed in smoke, she keeps coughing", "emergency"),
    ("my 2 year old touched the oven door, his palm is red", "urgent"),
    ("im 28 weeks pregnant and burnt my wrist on the kettle, just red", "urgent"),
    ("grabbed a hot pan handle, my fingers are red and stinging", "self_care"),
    ("i got a small burn from the curling tongs on my neck, no blister", "self_care"),
])
def test_burns_and_scalds_get_their_level(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", [
    "my feet are burning at night",
    "acid reflux burning my throat",
    "i feel burnt out at work",
    "he pulled the chair over to the window",
])
def test_a_burning_feeling_or_burnout_is_not_a_burn(text: str) -> None:
    assert not {"serious-burn", "minor-burn", "burn-in-young-child-or-pregnancy"} & set(triage_text(text).rule_ids)


def test_the_spasm_reader_ignores_every_burn_phrase() -> None:
    """A burn is an injury, not a burning feeling in a muscle: facts_lexicon.yaml's ignore
    list must hold every thermal_burn phrase, or "burned my finger on a pan" reads as a
    tingling cramp and the cramp rules judge it."""
    from askwell.medical.data_files import load_yaml

    burn = set(load_yaml("red_flags.yaml")["signs"]["thermal_burn"])
    ignored = set(load_yaml("facts_lexicon.yaml")["ignore"])
    assert burn <= ignored, sorted(burn - ignored)


# Less-covered conditions told in other words (NHS eye injuries, toothache, heat exhaustion and
# heatstroke, alcohol misuse, eating disorders, poisoning, frostbite). Written for the classes,
# before blind set 10 was read.
@pytest.mark.parametrize(("text", "level"), [
    ("splashed some oven cleaner in my eye", "emergency"),
    ("got cement in my eyes at work", "emergency"),
    ("my son got sun cream in his eye, it's red and watering", "self_care"),
    ("my gum is swollen round a bad tooth and it's going down my neck", "emergency"),
    ("tooth abscess, my jaw is swollen and i have a temperature", "urgent"),
    ("she swallowed two magnets from a toy", "emergency"),
    ("my fingers went white and numb in the cold, now they're hard", "emergency"),
    ("gave up drinking on monday, hands shaking and sweating loads", "urgent"),
    ("heavy drinker, stopped yesterday, had a fit this morning", "emergency"),
    ("my son is bulimic and keeps bingeing then purging", "see_doctor"),
])
def test_less_covered_conditions_get_their_level(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize(("text", "not_rule"), [
    ("my daughter got washing up liquid in her eye, it stings", "cystitis-in-a-woman"),
    ("tiny red itchy dots on my chest after a hot day", "heat-exhaustion"),
    ("is a bottle of wine a night too much", "withdrawal-with-confusion-or-fit"),
])
def test_a_neighbouring_word_does_not_bring_the_wrong_rule(text: str, not_rule: str) -> None:
    assert not_rule not in triage_text(text).rule_ids


@pytest.mark.parametrize(("text", "level"), [
    ("im type 1 and been sick 3 times today", "emergency"),
    ("on insulin and i keep vomiting, can't keep anything down", "emergency"),
    ("type 1, being sick, ketones are normal", "urgent"),
])
def test_being_sick_on_insulin_with_ketones_unknown_is_possible_dka(text: str, level: str) -> None:
    """NHS diabetic ketoacidosis: being sick is a symptom of DKA, mostly a risk on insulin;
    symptoms with an unknown ketone level go to 999 or A&E, with normal ketones to the
    diabetes team or 111."""
    assert_level(text, level)


@pytest.mark.parametrize("text", [
    "we've just had a fitted kitchen put in",
    "the fitted sheet keeps coming off the cot mattress",
    "i bought blackout blinds for the baby's room, how much sleep should she get",
    "struggling with fitting in at my new school",
])
def test_a_kitchen_fitted_or_a_blackout_blind_is_not_a_fit_or_a_blackout(text: str) -> None:
    assert triage_text(text).level != "emergency", triage_text(text).rule_ids


@pytest.mark.parametrize("text", ["my son fitted for 5 minutes last night", "he's fitting now",
                                  "she blacked out in the kitchen"])
def test_fits_and_blackouts_told_plainly_still_read(text: str) -> None:
    assert triage_text(text).level == "emergency", triage_text(text).rule_ids


@pytest.mark.parametrize("text", ["this headache is worse than my usual ones and my vision has gone blurry",
                                  "headache unlike my usual, vision blurred"])
def test_a_headache_compared_with_the_usual_is_not_a_usual_aura(text: str) -> None:
    assert triage_text(text).level == "urgent", triage_text(text).rule_ids


def test_one_is_not_a_little_one() -> None:
    assert "toddler" not in extract_facts("had a stroke of luck today but my face is drooping on one side").signs


# Indirect warning signs of suicide (NHS help for suicidal thoughts): saying goodbye, giving
# things away, letters "just in case", with low mood or with each other; a goodbye from someone
# who cannot now be reached is an emergency. An ordinary goodbye is none of these.
@pytest.mark.parametrize(("text", "level"), [
    ("i've written letters to my family just in case", "urgent"),
    ("i've been giving my stuff away, i won't need it", "urgent"),
    ("i've been feeling hopeless and i've started giving away my things", "urgent"),
    ("my brother sent a goodbye message last night and his phone is off", "emergency"),
    ("i've said goodbye to everyone, it's time", "emergency"),
])
def test_indirect_warning_signs_of_suicide_are_read(text: str, level: str) -> None:
    result = assert_level(text, level)
    assert result.crisis


@pytest.mark.parametrize("text", ["said goodbye to my colleagues today, new job monday",
                                  "just in case, what are the signs of a stroke"])
def test_an_ordinary_goodbye_or_a_just_in_case_question_is_no_crisis(text: str) -> None:
    assert not triage_text(text).crisis


@pytest.mark.parametrize(("text", "level"), [
    ("my 2 year old drank some fabric conditioner, she seems fine", "urgent"),
    ("found my 3 year old with my iron tablets, not sure how many he had", "emergency"),
    ("i'm 58 and bleeding again though my periods stopped 5 years ago", "see_doctor"),
    ("pregnant 10 weeks and started bleeding", "urgent"),
    ("baby 7 months teething, dribbling loads and grumpy", "self_care"),
])
def test_poisoning_bleeding_and_dribbling_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize(("text", "level"), [
    ("i keep hearing voices telling me to hurt people", "emergency"),
    ("i can't stop drinking, i need a drink in the morning to stop the shakes", "see_doctor"),
    # Dizzy with it: a physical warning sign (eating-disorder-with-physical-signs).
    ("i've not eaten for 4 days and feel dizzy, i want to lose more weight", "urgent"),
])
def test_mental_health_alcohol_and_eating_told_indirectly(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize(("text", "level"), [
    ("baby had her 8 week jabs this morning, temp 38 this evening, feeding fine", "self_care"),
    ("baby had jabs yesterday, temp 39.4", "urgent"),
    ("my 6 week old had jabs 4 days ago and now has a temp of 38.3", "urgent"),
    ("my baby has a temperature of 38.5", "urgent"),
])
def test_a_fever_after_the_baby_jabs_is_expected_for_two_days_below_39(text: str, level: str) -> None:
    """UKHSA (MenB and paracetamol): a fever after the baby jabs is common, nearly always below
    39C and gone within 2 days. Any other fever in a baby of an age not given is treated as a
    baby under 3 months' (NHS fever in children)."""
    assert_level(text, level)


@pytest.mark.parametrize("text", ["am I eligible for the shingles vaccine at 66?", "does a tetanus jab last for life?",
                                  "is the menb jab safe"])
def test_a_vaccine_asked_about_is_information(text: str) -> None:
    assert triage_text(text).level == "self_care", triage_text(text).rule_ids


@pytest.mark.parametrize(("text", "level"), [
    ("fainted at my blood test, collapsed but came round in a few seconds, fine since", "see_doctor"),
    ("my dad passed out and came round but was shaking all over", "emergency"),
    ("he collapsed and had chest pain, came round after a minute", "emergency"),
    ("she collapsed and isn't waking up", "emergency"),
])
def test_a_faint_they_came_round_from_at_once_sees_a_gp_unless_a_warning_sign(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize(("text", "not_level"), [
    ("left eyelid twitching for 3 days, living on coffee. is this a stroke sign??", "emergency"),
    ("had a massive coughing fit last night and now there's a red patch on my eye", "emergency"),
    ("cant breathe through my nose at all, day 3 of a cold", "emergency"),
    ("3 year old temperature 38.9 and a blotchy red rash, it does fade with the glass test", "emergency"),
    ("my 9yo fell on her hand, wrist swollen and she wont move it, fingers pink", "emergency"),
    ("bitten on my ankle by something in the garden, itchy red lump, no fever", "urgent"),
])
def test_words_near_a_warning_sign_are_not_the_sign(text: str, not_level: str) -> None:
    assert triage_text(text).level != not_level, triage_text(text).rule_ids


# Long-term conditions (blind set 11's classes, in other words).
@pytest.mark.parametrize(("text", "level"), [
    ("my wife has epilepsy, had a seizure and then another right after, she hasn't woken up in between", "emergency"),
    ("having chemo, feel shivery and my temp is 37.6", "urgent"),
    ("my son is on high dose steroids and his friend came out in chickenpox yesterday", "urgent"),
    ("dad has heart failure, ankles more swollen and he's put on 3kg this week", "urgent"),
    ("copd and my phlegm has gone green, a bit more breathless", "urgent"),
    ("type 1, ketones are 2.1 and sugar 17, not being sick", "urgent"),
    ("type 1, ketones 3.8 and i feel sick", "emergency"),
    ("my 10 yo is type 1 with a cold, sugars 12, ketones 0.2, eating and drinking fine", "self_care"),
])
def test_long_term_conditions_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", [
    "on warfarin, my nose bled but we pinched it for 10 minutes and it's stopped",
    "my brother is on dialysis and stable otherwise, always gasping for a drink with his fluid limit",
])
def test_a_stopped_nosebleed_or_thirst_needs_no_same_day_help(text: str) -> None:
    assert triage_text(text).level in ("self_care", "see_doctor"), triage_text(text).rule_ids


# Blind set 10's classes in other words.
@pytest.mark.parametrize(("text", "level"), [
    ("my daughter knocked the toilet cleaner over and some has gone in her eye", "emergency"),
    ("a bit of metal flew into my eye at work and now it's bleeding and blurry", "emergency"),
    ("my back tooth is rotten and the swelling has gone up to my eye, it's nearly swollen shut", "emergency"),
    ("i had the baby 3 weeks ago and keep thinking she isn't mine and i have to get rid of her", "emergency"),
    ("my brother keeps saying tonight is the last night anyone will have to worry about him", "emergency"),
    ("my son's leg is in plaster and his toes have gone blue and cold", "emergency"),
    ("been diving all week, now my shoulders ache and my hands are tingly", "emergency"),
    ("my waters have gone at 36 weeks, no pains yet", "urgent"),
    ("stung by a wasp on my ankle and now the whole leg is swollen", "urgent"),
    ("my 2 year old pushed a bead in her ear and it won't come out", "urgent"),
])
def test_blind_ten_classes_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize(("text", "not_level"), [
    ("every night i get a stabbing pain behind my eye and it waters", "emergency"),
    ("my leg went dead from sitting cross legged, came back after a minute with pins and needles", "emergency"),
    ("after a mini stroke how soon are you allowed to drive", "emergency"),
    ("what is the glass test for a rash and why do you do it", "emergency"),
    ("short of breath on the stairs lately and my ankles are swelling up", "emergency"),
])
def test_a_word_shared_with_an_emergency_is_not_the_emergency(text: str, not_level: str) -> None:
    assert triage_text(text).level != not_level, triage_text(text).rule_ids


@pytest.mark.parametrize("text", ["i've been stabbed in the arm and it's bleeding a lot",
                                  "my arm went dead and my face is drooping, it hasn't come back",
                                  "did the glass test and the rash doesn't fade",
                                  "suddenly the most awful stabbing pain low on my right side and i've been sick"])
def test_the_emergencies_beside_them_still_read(text: str) -> None:
    assert triage_text(text).level == "emergency", triage_text(text).rule_ids


# How people write (blind set 12's classes in other words): misspellings, dropped g's,
# second-language English.
@pytest.mark.parametrize(("text", "level"), [
    ("mums speech is all slured and her face is droopy on the left", "emergency"),
    ("my husband he cannot to breathe properly and his lips look blew", "emergency"),
    ("wasp got my daughter, her face puffin up and shes wheezin", "emergency"),
    ("head wound bleedin and wont stop, blood spurting", "emergency"),
    ("bad dyreah for 3 days and stomack cramps, keeping water down", "self_care"),
])
def test_misspelt_and_second_language_texts_are_read(text: str, level: str) -> None:
    assert_level(text, level)


def test_respelling_is_whole_words_only() -> None:
    from askwell.medical.text import normalise

    assert normalise("bleedin slured").text == "bleeding slurred"
    assert normalise("he blew his nose, a puffin flew by").text == "he blew his nose, a puffin flew by"


@pytest.mark.parametrize(("text", "slow"), [("heart rate now 44 and i feel dizzy", True), ("pulse is 42", True),
                                            ("his breathing rate is 40", False), ("pulse 72, feel fine", False)])
def test_a_slow_pulse_is_read_from_a_pulse_or_heart_rate_only(text: str, slow: bool) -> None:
    assert ("slow_pulse" in extract_facts(text).signs) is slow


# Crises said indirectly (blind set 14's classes, in other words): a method pictured, a wish
# not to wake, feeling a burden, farewells with the children left in someone's care, a means
# at hand (a gun, a time decided), an attempt told by someone else, a weapon kept close in a
# psychotic crisis, seeing things after stopping drink, breathing that stops after drugs.
@pytest.mark.parametrize(("text", "level"), [
    ("i keep picturing stepping in front of a train on my way home, i won't though", "urgent"),
    ("some days i think it'd be a relief not to wake up in the morning", "urgent"),
    ("my grandad says he's tired of being a burden on all of us", "urgent"),
    ("my husband has been under the mental health team for years and it's getting really bad again", "urgent"),
    ("my sister thinks her colleagues are plotting against her and has barricaded her room", "urgent"),
    ("the urge to cut has come back really strongly tonight", "urgent"),
    ("my brother texted 'take care of the kids for me' and now his phone is off", "emergency"),
    ("he keeps a shotgun for work and tonight he said goodbye to everyone", "emergency"),
    ("my friend sent a picture, she's slit her wrists", "emergency"),
    ("wife is convinced someone is poisoning her and took a knife to bed", "emergency"),
    ("five days sober after years of heavy drinking and now i'm seeing bugs on the wall", "emergency"),
    ("he took a load of pills with vodka and his breathing keeps stopping", "emergency"),
    ("mum's face looked droopy this morning and her words came out all wrong", "emergency"),
])
def test_crises_said_indirectly_are_read(text: str, level: str) -> None:
    assert_level(text, level)


# Children and older people (blind sets 13 and 15's classes, in other words).
@pytest.mark.parametrize(("text", "level"), [
    ("grandson tipped a hot coffee onto his leg and it's blistered, bigger than my hand", "emergency"),
    ("my 3 year old fell down the stairs, has a big lump on his head and has been sick twice", "emergency"),
    ("found my toddler with nan's heart tablets and two blisters are empty", "emergency"),
    ("the packet of paracetamol i opened this morning is empty and dad can't remember taking them", "emergency"),
    ("our neighbour's been on the floor since last night and can't get himself up", "emergency"),
    ("he hasn't managed to pass water all day and his tummy is swollen and agony", "emergency"),
    ("my 7 month old has blood in his nappy and has gone very pale", "emergency"),
    ("my 2 year old has been sick and had diarrhoea with blood in it", "urgent"),
    ("i'm 81 with a chesty cough bringing up green phlegm", "urgent"),
    ("the dressing on my leg ulcer had green gunk on it and the wound smells", "urgent"),
    ("got stable angina but it's coming on with less and less, settles with rest", "urgent"),
    ("i'm type 2 on metformin, sugars in the 20s, thirsty all the time", "urgent"),
    ("can't remember if i took my blood pressure tablet this morning, do i take another", "self_care"),
])
def test_children_and_older_people_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", [
    "i want to cut down on alcohol, any tips",  # cutting down is not self-harm
    "i'm wound up about my exams and my stomach is in knots",  # tense, not a wound or a cramp
    "woke with my eye stuck shut with yellow gunk",  # conjunctivitis, not a spreading infection
    "my toddler had a proper tantrum in the shop, out of control, is that normal",  # not a crisis
])
def test_everyday_words_near_a_crisis_are_not_one(text: str) -> None:
    result = triage_text(text)
    assert result.level in ("self_care", "see_doctor"), (text, result.rule_ids)
    assert not result.crisis


# Everyday stress and worry with nothing else described is self-care with a safety net; the
# same worry with a warning sign, or lasting for weeks, is not.
@pytest.mark.parametrize(("text", "level"), [
    ("big presentation at work tomorrow and i'm really nervous, any tips", "self_care"),
    ("just moved to a new city and feeling a bit lonely, how do people make friends", "self_care"),
    ("stressed about money and now i've got crushing chest pain", "emergency"),
    ("nervous about my exams and i've been having thoughts of ending it", "urgent"),
])
def test_everyday_worry_is_self_care_only_alone(text: str, level: str) -> None:
    assert_level(text, level)


# A fit or faint told as past history is not happening now; panic attacks that pass are a GP
# matter. The same happening now is still an emergency.
@pytest.mark.parametrize(("text", "not_emergency"), [
    ("my son had a febrile fit two years ago, now he has a runny nose and a temp of 37.8", True),
    ("i get panic attacks where my heart pounds and i can't breathe, then it passes after a few minutes", True),
    ("my son is having a fit right now and it won't stop", False),
    ("my heart is racing and i can't breathe", False),
])
def test_past_fits_and_passing_panic_are_not_emergencies(text: str, not_emergency: bool) -> None:
    assert (triage_text(text).level != "emergency") is not_emergency, triage_text(text).rule_ids


# Blind sets 16 and 17's classes, in other words: young people's crises and injuries, hidden
# emergencies, and the everyday texts beside them.
@pytest.mark.parametrize(("text", "level"), [
    ("he keeps saying we'd all be better off soon and he's sent a photo from a bridge, not replying", "emergency"),
    ("took a handful of my mum's tablets, don't know what they were, now really drowsy", "emergency"),
    ("had a few xanax and drinks, my mate is so drowsy we can't keep him awake", "emergency"),
    ("my flatmate's been knifed in the arm and there's so much blood", "emergency"),
    ("my brother says people online are posting about him and he has to hurt our neighbour first", "emergency"),
    ("first ever dose of penicillin and my tongue feels huge and i'm wheezy", "emergency"),
    ("sat on the platform watching the trains, not gonna do anything stupid", "emergency"),
    ("haven't been able to pass urine all day and my bladder feels like it's going to burst", "emergency"),
    ("i can't stop thinking about ending it all", "urgent"),
    ("punched a door, my knuckle looks sunk in and i can't make a fist", "urgent"),
    ("my tonsillitis is worse, my throat is swollen on one side and i can hardly open my mouth", "urgent"),
    ("on carbimazole and now i've got a temperature and a sore throat", "urgent"),
    ("my 10 month old has had diarrhoea all day and has only had one wet nappy", "urgent"),
    ("it really hurts when i breathe in and i've had a cough and fever for days", "urgent"),
    ("my mum had ovarian cancer at 45, should i be screened?", "see_doctor"),
    ("had beetroot for tea and now my wee is pink", "self_care"),
    ("started iron tablets last week and my poo has gone black, otherwise fine", "self_care"),
])
def test_young_people_and_hidden_emergencies_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", [
    "can't stop laughing at this video, is laughing good for you",
    "my phone's been hacked, who do i tell",
    "my toddler follows me everywhere, is that normal",
    "took my blood pressure tablets and had a small glass of wine with dinner",
])
def test_everyday_texts_beside_those_classes_are_not_crises(text: str) -> None:
    result = triage_text(text)
    assert result.level in ("self_care", "see_doctor") and not result.crisis, (text, result.rule_ids)


# Medicines (blind set 21's classes, in other words).
@pytest.mark.parametrize(("text", "level"), [
    ("taking night nurse and paracetamol on top all week for this cold", "emergency"),
    ("grandma has been taking her methotrexate daily instead of weekly", "emergency"),
    ("mum's on lisinopril and her tongue is massive this morning", "emergency"),
    ("had to use my epipen after eating a cake with nuts, feel fine now", "emergency"),
    ("started lamotrigine, now a rash that's blistering and sores in my mouth and a temperature", "emergency"),
    ("on empagliflozin, been sick all morning and breathing fast and deep, sugar only 10", "emergency"),
    ("been saving up my sleeping tablets for weeks, i think there's enough now", "emergency"),
    ("took my wife's tablets by mistake and now my pulse is 40 and i feel faint", "emergency"),
    ("my reliever inhaler is doing nothing and i can't get to the end of a sentence", "emergency"),
    ("injected my insulin twice tonight by mistake, feel ok", "urgent"),
    ("threw up an hour after taking levonelle, does it still work", "urgent"),
    ("stopped my antipsychotic a week ago and the voices are back", "urgent"),
    ("new rash on allopurinol, no blisters", "urgent"),
    ("on the mini pill and took it 6 hours late, we had sex last night", "urgent"),
])
def test_medicines_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


def test_a_dose_or_two_within_the_daily_limit_is_not_an_overdose() -> None:
    """NHS paracetamol: an extra tablet or two by accident is unlikely to harm if no more than 8
    are taken in 24 hours."""
    assert triage_text("took 2 paracetamol at 2 then 2 more at 4, 6 today altogether").level != "emergency"


# Long posts (blind set 20's classes, in other words): the key sign late or in passing.
@pytest.mark.parametrize(("text", "level"), [
    ("long story but dad's been fine all week, then at tea one side of his mouth didn't move when he "
     "laughed and his words came out mushed. probably tired?", "emergency"),
    ("my husband thought it was heartburn, now he says it's like a tight band across his chest and "
     "the ache goes into his left arm and jaw", "emergency"),
    ("headaches on and off, tender scalp, and this morning I lost most of the sight in one eye", "emergency"),
    ("my daughter is 5 and a half months old and her temperature is 39.2", "urgent"),
    ("woke up and the hearing in my left ear has basically gone, no pain", "urgent"),
    ("did 14 hours of flying on sunday and now one calf is swollen, warm and sore", "urgent"),
])
def test_long_posts_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


def test_and_a_half_is_one_number() -> None:
    from askwell.medical.reader import extract_facts

    assert extract_facts("my son is 4 and a half months old").age_months == 4.5


@pytest.mark.parametrize(("text", "emergency"), [
    ("took a cricket ball to the shin, it's swollen and going purple", False),  # a bruise
    ("the skin round the cut is going dark purple and i've got a fever", True),  # possible necrotising fasciitis
])
def test_a_bruise_going_purple_is_not_dying_skin(text: str, emergency: bool) -> None:
    assert (triage_text(text).level == "emergency") is emergency, triage_text(text).rule_ids


# The brain, nerves, back and joints (blind set 24's classes, in other words).
@pytest.mark.parametrize(("text", "level"), [
    ("half an hour ago my left arm went suddenly dead and i couldn't lift my cup, it's come back now, "
     "probably just slept on it", "emergency"),
    ("hip replacement in the spring, now it's hot and swollen, temperature 39 and he's not making sense",
     "emergency"),
    ("over three days my legs have got weaker and now my arms are going too", "urgent"),
    ("felt like someone kicked the back of my heel at badminton, now i can't go on tiptoe", "urgent"),
    ("i get a light head when i stand up most days now", "see_doctor"),
    ("my legs feel creepy crawly every evening and i can't keep them still", "see_doctor"),
])
def test_brain_nerves_and_joints_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", ["threw up and there was red blood in it", "my vomit had blood in it this morning"])
def test_blood_in_the_sick_told_after_it_is_vomiting_blood(text: str) -> None:
    assert "vomiting_blood" in extract_facts(text).signs


# What people call a cramp or spasm (blind set 27's classes, in other words).
@pytest.mark.parametrize(("text", "level"), [
    ("after a chest infection the tingling in my feet is creeping up my legs and i had to crawl up the stairs",
     "urgent"),
    ("leg in plaster, the calf is rock hard and the painkillers aren't touching it", "emergency"),
    ("my son had heat cramps at sports day, cooled for 30 mins and he's still being sick", "emergency"),
    ("sudden back spasm that goes right through to his tummy and he nearly passed out", "emergency"),
    ("cramp by my belly button moved to the right and now the whole tummy is going hard", "emergency"),
])
def test_what_people_call_a_cramp_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


# Everyday effects of the cold, and green snot, are not emergencies; frostbite still is.
@pytest.mark.parametrize(("text", "level"), [
    ("toes itchy, red and swollen after a frosty walk, they burn as they warm up", "see_doctor"),
    ("my fingers go white in the cold and then go red", "see_doctor"),
    ("been snowboarding, two fingers are white and waxy and now they're hard", "emergency"),
])
def test_the_cold_everyday_and_frostbite(text: str, level: str) -> None:
    assert_level(text, level)


def test_green_snot_is_not_green_sick() -> None:
    assert triage_text("my cold's lasted 5 days and my snot has gone green").level != "emergency"


# A second blind set on crisis (set 30) and messages about others (set 31), in other words.
@pytest.mark.parametrize(("text", "level"), [
    ("the rope is up in the garage and i'm sitting here", "emergency"),
    ("my brother put his pills in a bowl and said that's it for me", "emergency"),
    ("grandma's in the garage with the engine running and won't open the door", "emergency"),
    ("mum texted 'look after the girls' and now she isn't answering, she's near the cliffs", "emergency"),
    ("dad rang to say thanks for everything and now his phone is off, he has guns", "emergency"),
    ("my flatmate necked a bag of pills and says she'd rather be dead", "emergency"),
    ("found him grey with tiny pupils and barely breathing", "emergency"),
    ("the voices say i have to get rid of her, she's only 10 days old", "emergency"),
    ("he's not slept for days and the tv is sending him messages to walk into the river", "emergency"),
    ("i can't do this anymore, i'm not going to do anything but i needed to say it", "urgent"),
    ("keep thinking about driving into a tree on the motorway", "urgent"),
    ("on lithium and been sick all day and my hands are shaking more than usual", "urgent"),
    ("my dad's fingers are hanging off after the table saw slipped", "emergency"),
    ("man in the shop went grey, clutching his left arm and feeling sick", "emergency"),
    ("toddler pulled boiling water over herself and the skin is coming away", "emergency"),
])
def test_crisis_and_others_in_other_words(text: str, level: str) -> None:
    assert_level(text, level)


@pytest.mark.parametrize("text", ["my tablets are hard to swallow",
                                  "i struggle to swallow pills, are there liquid ones"])
def test_big_tablets_hard_to_swallow_are_not_a_stroke(text: str) -> None:
    assert triage_text(text).level in ("see_doctor", "self_care"), triage_text(text).rule_ids
