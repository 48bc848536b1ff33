from __future__ import annotations

from django import forms

from askwell.community.models import CloseReason
from askwell.moderation.spam import GuardedForm


class FlagForm(GuardedForm):
    """A reader's report: sent from any page, so it carries the public forms' spam defences."""

    reason = forms.CharField(max_length=300, help_text="What is wrong with this post?")


class CloseForm(forms.Form):
    reason = forms.ChoiceField(choices=CloseReason.choices)
    duplicate_of = forms.IntegerField(required=False, min_value=1, label="Duplicate of question number")
    note = forms.CharField(required=False, max_length=500, label="Note for the audit log")


class CommentEditForm(forms.Form):
    body = forms.CharField(max_length=3000, widget=forms.Textarea(attrs={"rows": 6}), label="Comment")
    reason = forms.CharField(max_length=500, required=False)
