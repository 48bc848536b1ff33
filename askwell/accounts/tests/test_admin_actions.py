"""The admin decides expert applications through the site's own action; the audit log is not
written by hand; date inputs are labelled; the API docs declare their language."""

from __future__ import annotations

import pytest
from django.test import Client

from askwell.accounts.models import ExpertProfile, ExpertStatus
from askwell.community.testing import user_of
from askwell.moderation.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_verifying_in_the_admin_sets_the_reviewer_and_writes_the_audit_log(
    admin_client: Client, member: Client
) -> None:
    applicant = user_of(member)
    profile = ExpertProfile.objects.create(user=applicant, profession="GP", registration_body="GMC",
                                           registration_number="1234567", bio="GP for ten years.")
    response = admin_client.post("/admin/accounts/expertprofile/",
                                 {"action": "verify", "_selected_action": [profile.pk]})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == ExpertStatus.VERIFIED
    assert profile.reviewed_by is not None and profile.reviewed_by.is_superuser and profile.reviewed_at
    entry = AuditEntry.objects.get(action="verify_expert")
    assert entry.target_id == profile.pk and entry.actor == profile.reviewed_by


def test_the_status_cannot_be_edited_by_hand_in_the_admin(admin_client: Client, member: Client) -> None:
    profile = ExpertProfile.objects.create(user=user_of(member), profession="GP", registration_body="GMC",
                                           registration_number="1", bio="x")
    page = admin_client.get(f"/admin/accounts/expertprofile/{profile.pk}/change/").content.decode()
    assert 'name="status"' not in page and 'name="reviewed_by"' not in page


def test_audit_entries_cannot_be_added_by_hand(admin_client: Client) -> None:
    assert admin_client.get("/admin/moderation/auditentry/add/").status_code == 403
    assert "/admin/moderation/auditentry/add/" not in admin_client.get("/admin/").content.decode()


def test_date_and_time_inputs_each_have_a_label(admin_client: Client) -> None:
    from django.contrib.admin.widgets import AdminSplitDateTime

    html = AdminSplitDateTime().render("when", None, attrs={"id": "id_when"})
    assert html.count("<label>") == 2 and 'id="id_when_1"' in html.split("<label>")[2]


def test_the_api_docs_declare_their_language(anonymous: Client) -> None:
    page = anonymous.get("/api/v1/docs").content.decode()
    assert '<html lang="en">' in page
