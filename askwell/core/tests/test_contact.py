from __future__ import annotations

import pytest
from django.test import Client

from askwell.core.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_a_fresh_site_shows_no_invented_contact_details(anonymous: Client) -> None:
    html = anonymous.get("/contact/").content.decode()
    settings = SiteSettings.current()
    assert "Contact details are not set up yet" in html
    for placeholder in (settings.phone, settings.whatsapp_number, "Example Street", settings.website):
        assert placeholder not in html


def test_an_admin_edit_changes_the_page_without_code(anonymous: Client) -> None:
    settings = SiteSettings.current()
    settings.phone = "+1 555 0100"
    settings.whatsapp_number = "+1 555 0199"
    settings.save()
    html = anonymous.get("/contact/").content.decode()
    assert "+1 555 0100" in html
    assert 'href="https://wa.me/15550199"' in html
    assert "not set up yet" not in html
    # The details still at their shipped placeholder stay hidden.
    assert "Example Street" not in html
    assert "Postal address" not in html


def test_every_detail_set_is_shown(anonymous: Client) -> None:
    settings = SiteSettings.current()
    settings.postal_address = "Health House\n2 Real Road"
    settings.website = "https://health.example.org"
    settings.save()
    html = anonymous.get("/contact/").content.decode()
    assert "Health House" in html and "Postal address" in html
    assert "https://health.example.org" in html


def test_the_admin_can_edit_site_settings(admin_client: Client) -> None:
    SiteSettings.current()
    response = admin_client.get("/admin/core/sitesettings/1/change/")
    assert response.status_code == 200
    assert "whatsapp_number" in response.content.decode()
