from __future__ import annotations

from django import forms

from askwell.feedback.models import WORDS_MAX_CHARS, Target


class VoteForm(forms.Form):
    target = forms.ChoiceField(choices=Target.choices)
    key = forms.CharField(max_length=200)
    useful = forms.ChoiceField(choices=[("yes", "Yes"), ("no", "No")],
                               error_messages={"required": "Choose Yes or No."})
    next = forms.CharField(max_length=500, required=False)


class WordsForm(forms.Form):
    token = forms.CharField(max_length=300)
    words = forms.CharField(
        max_length=WORDS_MAX_CHARS, required=False, widget=forms.Textarea(attrs={"rows": 3}),
        label="Anything to add? (optional)",
        help_text="What were you looking for, or what was missing? Do not include your name, "
                  "email, phone number or other personal details. We do not reply.",
        error_messages={
            "max_length": "Please keep it to %(limit_value)d characters or fewer (you wrote %(show_value)d).",
        },
    )
    next = forms.CharField(max_length=500, required=False)


PERIODS = [("7", "Last 7 days"), ("30", "Last 30 days"), ("90", "Last 90 days"), ("365", "Last year")]


class PeriodForm(forms.Form):
    days = forms.ChoiceField(choices=PERIODS, initial="30", label="Period")
