from __future__ import annotations

from typing import Any

from django import forms

from askwell.knowledge.models import Topic
from askwell.moderation.spam import GuardedForm


class AskForm(GuardedForm):
    # Hooks the answers app's as-you-type suggestions (answers/_suggestions.html, static/js/answers.js).
    title = forms.CharField(max_length=150, min_length=10, help_text="Your question in one sentence.",
                            widget=forms.TextInput(attrs={"data-answers-suggest": "ask-suggestions",
                                                          # the details are read too: a warning sign is often there
                                                          "data-answers-with": "id_body"}))
    body = forms.CharField(
        label="Details", max_length=5000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=(
            "What happens, where, since when, what you tried. Markdown works. "
            "Do not include names or contact details."
        ),
    )
    topic = forms.ModelChoiceField(queryset=Topic.objects.none(), required=False, empty_label="Not sure")
    tags = forms.CharField(max_length=160, required=False, help_text="Up to 5, separated by commas.")
    email = forms.EmailField(
        required=False, max_length=254,
        help_text="Needed without an account: we send a link to confirm your question. Never shown or shared.",
    )
    seen_suggestions = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, needs_email: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.published().order_by("title")  # type: ignore[attr-defined]
        self.needs_email = needs_email
        if needs_email:
            self.fields["email"].required = True
        else:
            del self.fields["email"]


class QuestionEditForm(forms.Form):
    title = forms.CharField(max_length=150, min_length=10)
    body = forms.CharField(label="Details", max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    topic = forms.ModelChoiceField(queryset=Topic.objects.none(), required=False, empty_label="Not sure")
    tags = forms.CharField(max_length=160, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.published().order_by("title")  # type: ignore[attr-defined]


class AnswerForm(GuardedForm):
    body = forms.CharField(label="Your answer", max_length=10000, min_length=20,
                           widget=forms.Textarea(attrs={"rows": 10}))


class AnswerEditForm(forms.Form):
    body = forms.CharField(label="Answer", max_length=10000, min_length=20, widget=forms.Textarea(attrs={"rows": 10}))


class CommentForm(GuardedForm):
    comment = forms.CharField(label="Comment", max_length=3000, widget=forms.Textarea(attrs={"rows": 6}))
    name = forms.CharField(label="Name", max_length=80)
    email = forms.EmailField(label="Email", max_length=254)
    website = forms.URLField(label="Website", max_length=200, required=False, assume_scheme="https")
    remember = forms.BooleanField(
        label="Remember my name, email and website in this browser for the next time I comment.", required=False
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    field_order = ["comment", "name", "email", "website", "remember"]

    def clean_website(self) -> str:
        website: str = self.cleaned_data.get("website", "")
        if website and not website.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Enter a web address starting with http:// or https://.")
        return website
