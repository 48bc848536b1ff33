from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from askwell.knowledge.models import Topic
from askwell.moderation.spam import GuardedForm


class TopicChoiceField(forms.ChoiceField):
    """Topics in plain words, grouped under their guide ("What causes muscle spasms and
    cramps" > "Stress and anxiety"), never by slug; cleans to the Topic or None ("Not sure")."""

    def __init__(self, *, empty_label: str, **kwargs: Any) -> None:
        self.empty_label = empty_label
        super().__init__(choices=self.grouped_choices, **kwargs)

    def grouped_choices(self) -> list[tuple[str, str | list[tuple[str, str]]]]:
        """("", "Not sure") first, then (guide title, [(topic pk, topic title), ...]) groups."""
        groups: dict[str, list[tuple[str, str]]] = {}
        for topic in topic_choices():
            groups.setdefault(topic.article.title, []).append((str(topic.pk), topic.title))
        return [("", self.empty_label), *groups.items()]

    def prepare_value(self, value: object) -> object:
        return value.pk if isinstance(value, Topic) else value

    def clean(self, value: object) -> Topic | None:
        chosen: str = super().clean(value)  # a ChoiceField cleans to the chosen value's text
        if not chosen:
            return None
        topic: Topic | None = topic_choices().filter(pk=int(chosen)).first()
        return topic


def topic_choices() -> QuerySet[Topic]:
    return Topic.objects.published().select_related("article").order_by("article__position", "position", "title")


def limits(what: str, at_least: int, at_most: int) -> dict[str, str]:
    """Error messages in the site's words (Django's say "Ensure this value has at least ...")."""
    return {
        "min_length": f"{what} needs at least {at_least} characters; yours has %(show_value)d. Add a few words.",
        "max_length": f"{what} can have at most {at_most:,} characters; yours has %(show_value)d. Please shorten it.",
    }


class AskForm(GuardedForm):
    # Hooks the answers app's as-you-type suggestions (answers/_suggestions.html, static/js/answers.js).
    title = forms.CharField(
        label="Your question", max_length=150, min_length=10,
        help_text="In one sentence, for example: Why do my calves cramp at night?",
        error_messages={"required": "Write your question in one sentence.", **limits("Your question", 10, 150)},
        widget=forms.TextInput(attrs={"data-answers-suggest": "ask-suggestions",
                                      # the details are read too: a warning sign is often there
                                      "data-answers-with": "id_body"}))
    body = forms.CharField(
        label="Details", max_length=5000, widget=forms.Textarea(attrs={"rows": 8}),
        help_text=(
            "What happens, where, since when, what you tried. Markdown works. "
            "Do not include names or contact details."
        ),
        error_messages={"required": "Add some details: what happens, where, and since when.",
                        **limits("The details", 1, 5000)},
    )
    topic = TopicChoiceField(
        required=False, empty_label="Not sure (a moderator will choose)",
        help_text="Choose the closest guide topic if you know it; experts who follow it are told.",
        error_messages={"invalid_choice": "Choose a topic from the list, or Not sure."},
    )
    tags = forms.CharField(max_length=160, required=False, help_text="Up to 5, separated by commas.",
                           error_messages=limits("Tags", 0, 160))
    email = forms.EmailField(
        required=False, max_length=254,
        label="Your email address",
        help_text="Needed without an account: we send a link to confirm your question, and tell you when it is "
                  "published and answered. Never shown or shared.",
        error_messages={"required": "Enter your email address so we can send the link that confirms your question.",
                        "invalid": "Enter an email address in the form name@example.com."},
    )
    seen_suggestions = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, needs_email: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.needs_email = needs_email
        if needs_email:
            self.fields["email"].required = True
        else:
            del self.fields["email"]

    def clean(self) -> dict[str, object]:
        """The first press only shows "Does this answer it?" and saves nothing, so pasting a
        question and pressing at once is fine there; the fill-time check guards the post itself."""
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code == "fast" and not self.data.get("seen_suggestions"):
                return self.cleaned_data
            raise


class QuestionEditForm(forms.Form):
    title = forms.CharField(max_length=150, min_length=10)
    body = forms.CharField(label="Details", max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    topic = TopicChoiceField(required=False, empty_label="Not sure")
    tags = forms.CharField(max_length=160, required=False)


class AnswerForm(GuardedForm):
    body = forms.CharField(label="Your answer", max_length=10000, min_length=20,
                           widget=forms.Textarea(attrs={"rows": 10}))


class AnswerEditForm(forms.Form):
    body = forms.CharField(label="Answer", max_length=10000, min_length=20, widget=forms.Textarea(attrs={"rows": 10}))


class CommentForm(GuardedForm):
    """A comment. Anyone may comment: without an account with a name and an email address (never
    shown); a signed-in member (`member=True`) comments as their account and is asked neither.
    There is no "Website" field (a link beside a name drew spam, and people took it for required)."""

    comment = forms.CharField(label="Comment", max_length=3000, widget=forms.Textarea(attrs={"rows": 6}),
                              error_messages={"required": "Write your comment."})
    name = forms.CharField(label="Name", max_length=80, widget=forms.TextInput(attrs={"autocomplete": "name"}),
                           error_messages={"required": "Enter the name to show with your comment."})
    email = forms.EmailField(label="Email", max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}),
                             error_messages={"required": "Enter your email address (it is never shown).",
                                             "invalid": "Enter an email address in the form name@example.com."})
    remember = forms.BooleanField(
        label="Remember my name and email in this browser for the next time I comment.", required=False
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    field_order = ["comment", "name", "email", "remember"]
    ACCOUNT_FIELDS = ("name", "email", "remember")

    def __init__(self, *args: Any, member: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.member = member
        if member:
            for name in self.ACCOUNT_FIELDS:
                del self.fields[name]
