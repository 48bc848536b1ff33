"""POST /api/v1/check: the spasm check as JSON, the same object as `askwell check --json`.

Structured fields are the Facts fields (`askwell.medical.facts.Facts`), except three the
public contract names differently (shared/spec/interfaces.md): `sensation`, `timing` and
`negatives` arrive under those names and are declared here, as aliases, on the Facts field
they fill; this is the one place the two sets of names meet. The engine validates the
values, so an unknown or contradictory one is a 422 with its message. Nothing is stored and
the text is not logged.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from pydantic import ConfigDict

from askwell.api.schemas import ErrorOut
from askwell.checker.engine import CheckerInputError, run_check
from askwell.medical.text import MAX_TEXT_CHARS
from askwell.medical.vocabulary import FREQUENCIES, LOCATIONS, SEXES, SIDES, TriageLevel, allowed_values

router = Router(tags=["checker"])

# Enums built from the core's vocabularies, so the OpenAPI schema lists the values it accepts.
Location = Enum("Location", {value: value for value in LOCATIONS}, type=str)  # type: ignore[misc]
Sex = Enum("Sex", {value: value for value in SEXES}, type=str)  # type: ignore[misc]
Side = Enum("Side", {value: value for value in SIDES}, type=str)  # type: ignore[misc]
Frequency = Enum("Frequency", {value: value for value in FREQUENCIES}, type=str)  # type: ignore[misc]


def _known(category: str) -> str:
    return "Known values: " + ", ".join(sorted(allowed_values(category))) + "."


class CheckIn(Schema):
    """A description and/or structured facts; at least one of them."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        None, description=f"The description in the person's own words (at most {MAX_TEXT_CHARS} characters)."
    )
    locations: list[Location] | None = Field(None, description="Where the spasm is.")
    sides: Side | None = Field(None, description="One side or both (legs).")
    sensations: list[str] | str | None = Field(
        None, alias="sensation", description="What it feels like. " + _known("sensation")
    )
    duration_minutes: float | None = Field(None, ge=0, description="How long one episode lasts, in minutes.")
    frequency: Frequency | None = Field(None, description="How often it happens.")
    persists_weeks: float | None = Field(None, ge=0, description="How long the problem has been going on, in weeks.")
    timings: list[str] | None = Field(None, alias="timing", description="When it happens. " + _known("timing"))
    age: int | None = Field(None, description="Age in years (0 to 120).")
    sex: Sex | None = None
    pregnant: bool | None = None
    pregnancy_week: int | None = Field(None, description="Week of pregnancy (1 to 42).")
    medicines: list[str] | None = Field(
        None, description="Medicines, as classes or everyday names (\"furosemide\"). " + _known("medicine")
    )
    conditions: list[str] | None = Field(None, description="Health conditions. " + _known("condition"))
    habits: list[str] | None = Field(None, description="Habits and activities. " + _known("habit"))
    symptoms: list[str] | None = Field(None, description="Other symptoms present. " + _known("symptom"))
    pertinent_negatives: list[str] | None = Field(
        None, alias="negatives", description="Symptoms the person does not have. " + _known("symptom")
    )
    flags: list[str] | None = Field(None, description="Other details. " + _known("flag"))

    def structured(self) -> dict[str, object]:
        """The structured fields under their Facts names (by field name, not the contract's alias)."""
        fields = self.model_dump(exclude={"text"}, exclude_none=True, mode="json", by_alias=False)
        return {name: value for name, value in fields.items() if value not in ([], "")}


class Open(Schema):
    # The core may add fields; the API passes them on unchanged (the contract may grow).
    model_config = ConfigDict(extra="allow")


class SourceOut(Open):
    id: str
    title: str
    url: str | None


class RuleOut(Open):
    id: str
    level: TriageLevel
    why: str
    source: str
    sources: list[SourceOut]


class AdviceOut(Open):
    what_to_do: str
    how_soon: str
    safety_net: list[str]


class CheckTriageOut(Open):
    level: TriageLevel
    reasons: list[str]
    rules: list[RuleOut] = []
    advice: AdviceOut | None = None


class CauseOut(Open):
    id: str
    score: float
    why: list[str]


class CheckOut(Open):
    text: str
    facts: dict[str, Any] = Field(description="What was understood: locations, timings, age, medicines ...")
    triage: CheckTriageOut
    spasm_type: str | None
    causes: list[CauseOut] = Field(description="Most likely first.")
    relief: list[str] = Field(description="Knowledge-map slugs.")
    prevention: list[str] = Field(description="Knowledge-map slugs.")
    topics: list[str] = Field(description="Further reading, knowledge-map slugs.")



@router.post(
    "/check",
    response={200: CheckOut, 400: ErrorOut, 422: ErrorOut},
    summary="Check a muscle spasm",
    description=(
        "Triage level (with the rules that fired and their sources), likely spasm type, ranked causes with "
        "reasons, relief and prevention topics for a description and/or structured facts. The same object as "
        "`askwell check --json`. Informs; does not diagnose."
    ),
)
def check_spasm(request: HttpRequest, payload: CheckIn) -> HttpResponse:
    try:
        result = run_check(text=payload.text, structured=payload.structured())
    except CheckerInputError as error:
        raise HttpError(422, error.message) from error
    # The object goes out exactly as the core made it (the CLI prints the same); CheckOut
    # documents it. Skipping the response model's re-validation also keeps the request cheap.
    return JsonResponse(result.to_dict(), json_dumps_params={"ensure_ascii": False})
