"""POST /api/v1/check: the contract's object, the same as the engine and the CLI; errors as
{"detail": ...} with a 4xx; the structured fields in the OpenAPI schema."""

from __future__ import annotations

import json

import pytest

from askwell.checker.tests.helpers import RED_FLAG_TEXT, STORIES
from askwell.medical.check import check
from askwell.medical.vocabulary import LOCATIONS

CONTRACT_KEYS = {"text", "facts", "triage", "spasm_type", "causes", "relief", "prevention", "topics"}


def post(client, payload, raw=False):
    body = payload if raw else json.dumps(payload)
    return client.post("/api/v1/check", body, content_type="application/json")


def test_it_returns_the_contract_object(anonymous):
    response = post(anonymous, {"text": STORIES["stories/older-adult"]})
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= CONTRACT_KEYS
    assert data["triage"]["level"] in {"emergency", "urgent", "see_doctor", "self_care"}
    assert data["triage"]["reasons"]
    assert all({"id", "score", "why"} <= set(cause) for cause in data["causes"])


@pytest.mark.parametrize("story", sorted(STORIES))
def test_the_three_stories_give_the_engines_result(anonymous, story):
    data = post(anonymous, {"text": STORIES[story]}).json()
    assert data == check(STORIES[story]).to_dict()
    assert story in data["topics"]


def test_structured_fields_alone_are_enough(anonymous):
    payload = {"locations": ["calf"], "sensation": ["cramp"], "timing": ["night"], "frequency": "daily",
               "age": 72, "conditions": ["diabetes"], "negatives": ["swelling"]}
    data = post(anonymous, payload).json()
    assert data["facts"]["locations"] == ["calf"]
    assert data["facts"]["timings"] == ["night"]
    assert data["facts"]["pertinent_negatives"] == ["swelling"]
    assert data["triage"]["level"] == "see_doctor"
    # The contract's three names fill the Facts fields of the same meaning (checker/api.py).
    facts_names = {"sensation": "sensations", "timing": "timings", "negatives": "pertinent_negatives"}
    expected = check(structured={facts_names.get(name, name): value for name, value in payload.items()}).to_dict()
    assert data == expected


def test_the_core_knows_one_name_per_fact() -> None:
    from askwell.medical.facts import FactsError
    from askwell.medical.structured import facts_from_structured

    with pytest.raises(FactsError, match="Unknown field 'negatives'"):
        facts_from_structured({"negatives": ["swelling"]})
    assert facts_from_structured({"pertinent_negatives": ["swelling"]}).pertinent_negatives == {"swelling"}


def test_text_and_structured_fields_combine(anonymous):
    data = post(anonymous, {"text": "my calf cramps at night", "age": 70, "medicines": ["furosemide"]}).json()
    assert data["facts"]["age"] == 70
    assert data["facts"]["medicines"] == ["diuretic"]
    assert data["facts"]["locations"] == ["calf"]


def test_a_red_flag_is_an_emergency(anonymous):
    assert post(anonymous, {"text": RED_FLAG_TEXT}).json()["triage"]["level"] == "emergency"
    ticked = post(anonymous, {"locations": ["calf"], "symptoms": ["swelling", "breathlessness"]}).json()
    assert ticked["triage"]["level"] == "emergency"


def test_empty_input_is_a_422_with_a_clear_message(anonymous):
    for payload in ({}, {"text": ""}, {"text": "   "}, {"locations": []}):
        response = post(anonymous, payload)
        assert response.status_code == 422
        assert response.json()["detail"].startswith("Describe what you feel")


def test_contradictory_facts_are_a_422_with_the_facts_message(anonymous):
    response = post(anonymous, {"age": 5, "pregnant": True, "locations": ["calf"]})
    assert response.status_code == 422
    assert response.json() == {"detail": "Pregnancy at age 5 does not fit: please check the age and whether "
                                         "the person is pregnant."}


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ({"age": 200}, "not possible"),
        ({"pregnancy_week": 50}, "42 weeks"),
        ({"locations": ["nose"]}, "locations.0"),
        ({"symptoms": ["headache"]}, "headache"),
        ({"frequency": "hourly"}, "frequency"),
        ({"duration_minutes": -3}, "duration_minutes"),
        ({"colour": "blue"}, "colour"),
        ({"text": 42}, "text"),
    ],
)
def test_impossible_or_unknown_values_are_a_422(anonymous, payload, words):
    response = post(anonymous, payload)
    assert response.status_code == 422
    assert words in response.json()["detail"]


def test_text_over_5000_characters_is_a_422(anonymous):
    response = post(anonymous, {"text": "c" * 5001})
    assert response.status_code == 422
    assert response.json()["detail"] == (
        "The description is 5,001 characters long; please keep it to at most 5,000 characters "
        "(a few sentences are enough)."
    )
    assert post(anonymous, {"text": "my calf cramps. " + "c" * 4984}).status_code == 200


def test_a_body_that_is_not_json_is_a_400(anonymous):
    response = post(anonymous, "{not json", raw=True)
    assert response.status_code == 400
    assert "detail" in response.json()


def test_other_languages_get_a_safe_answer_not_an_error(anonymous):
    response = post(anonymous, {"text": "J'ai des crampes dans le mollet la nuit"})
    assert response.status_code == 200
    data = response.json()
    assert data["facts"]["understood"] is False
    assert data["triage"]["level"] != "self_care"


def test_the_openapi_schema_documents_the_fields(anonymous):
    schema = anonymous.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/check"]["post"]
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    fields = schema["components"]["schemas"][ref]["properties"]
    for name in ("text", "age", "sex", "pregnant", "pregnancy_week", "locations", "sensation", "duration_minutes",
                 "frequency", "timing", "medicines", "conditions", "habits", "symptoms", "negatives"):
        assert name in fields, name
    assert set(schema["components"]["schemas"]["Location"]["enum"]) == set(LOCATIONS)
    assert {"200", "422"} <= set(operation["responses"])


def test_it_works_for_every_persona(persona):
    assert post(persona, {"text": "calf cramp"}).status_code == 200
