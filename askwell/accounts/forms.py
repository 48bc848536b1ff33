from __future__ import annotations

from typing import Any

from django import forms

from askwell.knowledge.models import Topic


class ExpertApplicationForm(forms.Form):
    profession = forms.CharField(max_length=120, help_text="For example: physiotherapist, GP, pharmacist.")
    registration_body = forms.CharField(max_length=160, help_text="The body you are registered with.")
    registration_number = forms.CharField(max_length=60)
    bio = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 5}),
                          help_text="A few sentences about your experience, shown on your expert page.")


class TopicsForm(forms.Form):
    topics = forms.ModelMultipleChoiceField(queryset=Topic.objects.none(), required=False,
                                            widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = Topic.objects.published().order_by("title")  # type: ignore[attr-defined]


class DeleteAccountForm(forms.Form):
    posts = forms.ChoiceField(
        choices=[("anonymise", "Keep my posts without my name"), ("remove", "Remove my posts")],
        widget=forms.RadioSelect, label="What should happen to your questions, answers and comments?",
    )
    confirm = forms.BooleanField(label="I understand this cannot be undone.")
