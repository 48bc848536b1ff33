from __future__ import annotations

import pytest
from django.test import Client

from askwell.core.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_it_shows_the_contact_details(persona: Client) -> None:
    html = persona.get("/contact/").content.decode()
    settings = SiteSettings.current()
    assert settings.phone in html
    assert 'href="https://wa.me/447700900000"' in html
    assert settings.website in html
    assert "Postal address" in html


def test_an_admin_edit_changes_the_page_without_code(anonymous: Client) -> None:
    settings = SiteSettings.current()
    settings.phone = "+1 555 0100"
    settings.whatsapp_number = "+1 555 0199"
    settings.save()
    html = anonymous.get("/contact/").content.decode()
    assert "+1 555 0100" in html
    assert 'href="https://wa.me/15550199"' in html


def test_the_admin_can_edit_site_settings(admin_client: Client) -> None:
    SiteSettings.current()
    response = admin_client.get("/admin/core/sitesettings/1/change/")
    assert response.status_code == 200
    assert "whatsapp_number" in response.content.decode()
