from __future__ import annotations

from allauth.account import forms as allauth_forms
from django import forms
from django.forms.boundfield import BoundWidget

from askwell.knowledge.models import Topic


class ExpertApplicationForm(forms.Form):
    profession = forms.CharField(max_length=120, help_text="For example: physiotherapist, GP, pharmacist.")
    registration_body = forms.CharField(max_length=160, help_text="The body you are registered with.")
    registration_number = forms.CharField(max_length=60)
    bio = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 5}),
                          help_text="A few sentences about your experience, shown on your expert page.")


class TopicTitlesField(forms.ModelMultipleChoiceField[Topic]):
    """Topics by their titles ("Night cramps"), never their slugs."""

    def label_from_instance(self, obj: Topic) -> str:
        return str(obj.title)


class TopicsForm(forms.Form):
    # A queryset is lazy and each form works on its own copy of it (ModelChoiceField.__deepcopy__),
    # so the published topics are read when a form is shown, not when this module is imported.
    topics = TopicTitlesField(
        queryset=Topic.objects.published().select_related("article").order_by("article__position", "position", "title"),
        required=False, widget=forms.CheckboxSelectMultiple,
    )

    def topics_field(self) -> TopicTitlesField:
        """This form's copy of the field (Django copies the class's fields into self.fields)."""
        field = self.fields["topics"]
        assert isinstance(field, TopicTitlesField)
        return field

    def grouped(self) -> list[tuple[str, list[BoundWidget]]]:
        """The checkboxes under their guide's title, as the guides list them."""
        titles = {str(t.pk): t.article.title for t in self.topics_field().queryset or []}
        groups: dict[str, list[BoundWidget]] = {}
        for box in self["topics"]:
            groups.setdefault(titles.get(str(box.data["value"]), "Other"), []).append(box)
        return list(groups.items())


class DeleteAccountForm(forms.Form):
    posts = forms.ChoiceField(
        choices=[("anonymise", "Keep my posts without my name"), ("remove", "Remove my posts")],
        widget=forms.RadioSelect, label="What should happen to your questions, answers and comments?",
    )
    confirm = forms.BooleanField(label="I understand this cannot be undone.")



class SignupForm(allauth_forms.SignupForm):  # type: ignore[misc]  # allauth ships no types
    """allauth's sign-up (ACCOUNT_FORMS["signup"]) in the site's words.

    People sign in with their email address; the username is only the public name shown
    beside what they post, so it is labelled as such rather than as a second login name.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = "Email address"
        email.help_text = "You sign in with it. It is never shown to anyone."
        username = self.fields["username"]
        username.label = "Public name"
        username.help_text = "Shown beside your questions, answers and comments. It need not be your real name."
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
        self.fields["password2"].label = "Password again"
