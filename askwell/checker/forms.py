"""The free-text form and the guided check's steps (one Django form per step).

Field names are the Facts names of the state (askwell/checker/state.py), except where a
question asks about part of a Facts field: `red_flags` and `other_symptoms` are two lists of
`symptoms`, and `easing` is the "does it ease" part of `flags`. Each step turns its answers
into the state (`to_state`) and the state into its initial answers (`initial_from`), so
these splits are written here once. Choices come from data/questions.yaml, whose values the
medical core understands.
"""

from __future__ import annotations

from typing import ClassVar

from django import forms

from askwell.checker.engine import too_long_message
from askwell.checker.questions import questions
from askwell.checker.state import State, nearest_band
from askwell.medical.text import MAX_TEXT_CHARS
from askwell.medical.vocabulary import LOCATIONS, SEXES

NOT_SURE = ("", "Not sure, or I would rather not say")


def _description_field(required: bool, label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_TEXT_CHARS}),
        error_messages={"required": "Please describe what happens, or use the guided check instead."},
    )


def _check_length(value: str) -> str:
    if len(value) > MAX_TEXT_CHARS:
        raise forms.ValidationError(too_long_message(len(value)))
    return value


class FreeTextForm(forms.Form):
    text = _description_field(
        required=True,
        label="Describe what happens, in your own words",
        help_text="Where it happens, what it feels like, how long it lasts, how often and when; your age, "
        "medicines and health conditions if they may matter; anything else you notice.",
    )

    def clean_text(self) -> str:
        return _check_length(self.cleaned_data["text"])


def _checkboxes(label: str, options: list[tuple[str, str]], help_text: str = "") -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, help_text=help_text, choices=options, required=False, widget=forms.CheckboxSelectMultiple
    )


def _radios(label: str, options: list[tuple[str, str]], help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, help_text=help_text, choices=[*options, NOT_SURE], required=False, widget=forms.RadioSelect
    )


def _bands(rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(row["value"], row["label"]) for row in rows]


class StepForm(forms.Form):
    """One step of the guided check."""

    name: ClassVar[str]
    title: ClassVar[str]
    intro: ClassVar[str] = ""

    @classmethod
    def initial_from(cls, state: State) -> dict[str, object]:
        """This step's answers as the form shows them, from the answers so far."""
        return {name: state[name] for name in cls.base_fields if state.get(name) is not None}

    def to_state(self, state: State) -> State:
        """The answers so far with this step's (valid) answers in place."""
        return {**state, **self.cleaned_data}


def _figure(band: str) -> float | None:
    return float(band) if band else None


Q = questions()
# The "does it ease when you stretch" answers, which are flags of their own.
EASING_FLAGS = frozenset(row["value"] for row in Q.easing)


class WhereForm(StepForm):
    name = "where"
    title = "Where is it?"
    intro = "Choose every place where you feel it: on the body map, or in the list."

    locations = _checkboxes(
        "Where do you feel it?",
        [(value, Q.label("locations", value)) for value in LOCATIONS],
        help_text="Tick all that apply.",
    )
    sides = _radios("On one side or both?", Q.options("sides"))


class FeelForm(StepForm):
    name = "feel"
    title = "What is it like?"

    sensations = _checkboxes("What does it feel like?", Q.options("sensations"), "Tick all that apply.")
    duration_minutes = _radios("How long does one episode last?", _bands(Q.durations))
    easing = _radios("Does it ease when you stretch or move the muscle?", _bands(Q.easing))
    frequency = _radios("How often does it happen?", Q.options("frequency"))
    persists_weeks = _radios("How long has this been going on?", _bands(Q.persistence))
    timings = _checkboxes("When does it happen?", Q.options("timings"), "Tick all that apply.")

    @classmethod
    def initial_from(cls, state: State) -> dict[str, object]:
        initial = super().initial_from(state)
        initial["duration_minutes"] = nearest_band(state.get("duration_minutes"), Q.durations)
        initial["persists_weeks"] = nearest_band(state.get("persists_weeks"), Q.persistence)
        initial["easing"] = next((flag for flag in state.get("flags") or [] if flag in EASING_FLAGS), "")
        return initial

    def to_state(self, state: State) -> State:
        answers = dict(self.cleaned_data)
        easing = answers.pop("easing")
        other_flags = [flag for flag in state.get("flags") or [] if flag not in EASING_FLAGS]
        answers["flags"] = [*other_flags, easing] if easing else other_flags
        answers["duration_minutes"] = _figure(answers["duration_minutes"])
        answers["persists_weeks"] = _figure(answers["persists_weeks"])
        return {**state, **answers}


class AboutForm(StepForm):
    name = "about"
    title = "About you"
    intro = "Age and pregnancy change what is likely. Leave anything blank that you would rather not say."

    age = forms.IntegerField(
        label="Age in years",
        required=False,
        min_value=0,
        max_value=120,
        error_messages={
            "min_value": "An age cannot be negative.",
            "max_value": "Please give an age from 0 to 120.",
            "invalid": "Please give the age as a whole number, for example 42.",
        },
    )
    sex = _radios("Sex", [(value, Q.label("sex", value)) for value in SEXES])
    pregnant = _radios("Are you pregnant?", [("yes", "Yes"), ("no", "No")])
    pregnancy_week = forms.IntegerField(
        label="If pregnant: which week of pregnancy?",
        required=False,
        min_value=1,
        max_value=42,
        error_messages={
            "min_value": "A pregnancy week starts at 1.",
            "max_value": "A pregnancy lasts at most 42 weeks.",
            "invalid": "Please give the week as a whole number, for example 30.",
        },
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if cleaned.get("pregnancy_week") is not None and cleaned.get("pregnant") == "no":
            raise forms.ValidationError("A pregnancy week was given, but the answer to 'Are you pregnant?' is no.")
        return cleaned

    @classmethod
    def initial_from(cls, state: State) -> dict[str, object]:
        initial = super().initial_from(state)
        pregnant = state.get("pregnant")
        initial["pregnant"] = "" if pregnant is None else ("yes" if pregnant else "no")
        return initial

    def to_state(self, state: State) -> State:
        answers = dict(self.cleaned_data)
        answers["pregnant"] = {"yes": True, "no": False}.get(answers["pregnant"])
        return {**state, **answers}


class HealthForm(StepForm):
    name = "health"
    title = "Medicines, health and habits"

    medicines = _checkboxes("Do you take any of these medicines?", Q.options("medicines"))
    conditions = _checkboxes("Do you have any of these conditions?", Q.options("conditions"))
    habits = _checkboxes("Does any of this apply to you?", Q.options("habits"))
    flags = _checkboxes("Anything else about the spasms?", Q.options("flags"))

    @classmethod
    def initial_from(cls, state: State) -> dict[str, object]:
        initial = super().initial_from(state)
        initial["flags"] = [flag for flag in state.get("flags") or [] if flag not in EASING_FLAGS]
        return initial

    def to_state(self, state: State) -> State:
        answers = dict(self.cleaned_data)
        easing = [flag for flag in state.get("flags") or [] if flag in EASING_FLAGS]
        answers["flags"] = [*easing, *answers["flags"]]
        return {**state, **answers}


class SymptomsForm(StepForm):
    name = "symptoms"
    title = "Other symptoms"
    intro = "Some signs need a doctor quickly. Tick any you have now or had with the spasms."

    red_flags = _checkboxes("Do you have any of these?", Q.options("red_flags", "symptoms"))
    other_symptoms = _checkboxes("Or any of these?", Q.options("other_symptoms", "symptoms"))
    pertinent_negatives = _checkboxes(
        "Which of these can you say you do NOT have?",
        Q.options("pertinent_negatives", "symptoms"),
        help_text="Saying what is absent helps too. Leave it empty if you are not sure.",
    )
    text = _description_field(
        required=False,
        label="Anything else? (optional)",
        help_text="In your own words. Do not include your name or contact details.",
    )

    def clean_text(self) -> str:
        return _check_length(self.cleaned_data.get("text") or "")

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        present = set(cleaned.get("red_flags") or []) | set(cleaned.get("other_symptoms") or [])
        both = sorted(present & set(cleaned.get("pertinent_negatives") or []))
        if both:
            names = ", ".join(Q.label("symptoms", value).lower() for value in both)
            raise forms.ValidationError(f"You ticked {names} as both present and absent; please choose one.")
        return cleaned

    @classmethod
    def initial_from(cls, state: State) -> dict[str, object]:
        initial = super().initial_from(state)
        symptoms = state.get("symptoms") or []
        red_flags = set(Q.choices["red_flags"])
        initial["red_flags"] = [symptom for symptom in symptoms if symptom in red_flags]
        initial["other_symptoms"] = [symptom for symptom in symptoms if symptom not in red_flags]
        return initial

    def to_state(self, state: State) -> State:
        answers = dict(self.cleaned_data)
        answers["symptoms"] = [*answers.pop("red_flags"), *answers.pop("other_symptoms")]
        return {**state, **answers}


STEPS: tuple[type[StepForm], ...] = (WhereForm, FeelForm, AboutForm, HealthForm, SymptomsForm)
STEP_NAMES: tuple[str, ...] = tuple(step.name for step in STEPS)


def step_form(name: str) -> type[StepForm]:
    for step in STEPS:
        if step.name == name:
            return step
    raise KeyError(name)
