"""The guided check's data file names only values the medical core knows, and answers survive
the trip from facts to the form and back."""

from __future__ import annotations

import pytest

from askwell.checker.questions import questions
from askwell.checker.state import load_state, sign_state, state_from_facts, structured_from_state
from askwell.medical.check import check
from askwell.medical.structured import facts_from_structured
from askwell.medical.vocabulary import CAUSE_IDS, LOCATIONS, SPASM_TYPES, allowed_values

LABEL_CATEGORIES = {
    "locations": "location", "sensations": "sensation", "timings": "timing", "medicines": "medicine",
    "conditions": "condition", "habits": "habit", "symptoms": "symptom", "flags": "flag",
    "frequency": "frequency", "sides": "side", "sex": "sex",
}
CHOICE_CATEGORIES = {
    "sides": "side", "sensations": "sensation", "frequency": "frequency", "timings": "timing",
    "medicines": "medicine", "conditions": "condition", "habits": "habit", "flags": "flag",
    "red_flags": "symptom", "other_symptoms": "symptom", "pertinent_negatives": "symptom",
}


@pytest.mark.parametrize(("group", "category"), sorted(LABEL_CATEGORIES.items()))
def test_every_fact_value_has_words_and_no_label_is_unknown_to_the_core(group, category):
    labels = set(questions().labels[group])
    assert labels == set(allowed_values(category))


@pytest.mark.parametrize(("choice", "category"), sorted(CHOICE_CATEGORIES.items()))
def test_every_choice_is_a_value_the_core_accepts(choice, category):
    assert set(questions().choices[choice]) <= allowed_values(category)


def test_every_symptom_can_be_ticked_somewhere():
    q = questions()
    assert set(q.choices["red_flags"]) | set(q.choices["other_symptoms"]) == allowed_values("symptom")


def test_contract_ids_have_words_and_topics():
    q = questions()
    assert set(q.causes) == set(CAUSE_IDS)
    assert set(q.spasm_types) == set(SPASM_TYPES)
    assert set(q.labels["locations"]) == set(LOCATIONS)


@pytest.mark.django_db
def test_every_linked_topic_exists_in_the_knowledge_base():
    from askwell.knowledge.models import Topic

    q = questions()
    slugs = {info["topic"] for info in [*q.causes.values(), *q.spasm_types.values()]}
    assert slugs <= set(Topic.objects.published().values_list("slug", flat=True))


@pytest.mark.parametrize(
    "text",
    [
        "I'm 70 and my calves cramp most nights, I take furosemide and have diabetes, no swelling",
        "my eyelid has been twitching for three weeks, I drink lots of coffee",
        "30 weeks pregnant, both calves cramp at night and it eases when I stretch",
    ],
)
def test_facts_read_from_text_survive_the_guided_form(text):
    facts = check(text).facts
    state = state_from_facts(facts)
    again = facts_from_structured(structured_from_state(load_state(sign_state(state))))
    for name in ("locations", "sensations", "timings", "medicines", "conditions", "symptoms",
                 "pertinent_negatives", "age", "pregnant", "pregnancy_week", "frequency", "sides"):
        assert getattr(again, name) == getattr(facts, name), name
    assert again.flags == facts.flags
