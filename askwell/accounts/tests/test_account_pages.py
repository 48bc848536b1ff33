"""Sign-in, sign-up and two-factor pages in the site's layout and words; confirmation signs
you in; `next` survives the sign-in and the two-factor set-up."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils.html import escape

from askwell.accounts.onboarding import AFTER_TWO_FACTOR_KEY
from askwell.community.testing import user_of
from askwell.core.models import SiteSettings

pytestmark = pytest.mark.django_db

PAGES = ("/accounts/login/", "/accounts/signup/", "/accounts/password/reset/")


@pytest.mark.parametrize("url", PAGES)
def test_account_pages_carry_the_site_name_brand_and_emergency_line(anonymous: Client, url: str) -> None:
    site = SiteSettings.current()
    page = anonymous.get(url).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title is not None and title.group(1).strip().endswith(f"· {site.site_name}")
    assert not title.group(1).strip().startswith("·")
    brand = re.search(r'<a class="brand"[^>]*>(.*?)</a>', page, re.S)
    assert brand is not None and site.site_name in re.sub(r"<[^>]+>", "", brand.group(1))
    assert escape(site.emergency_advice) in page
    assert 'class="wrap narrow account-page"' in page


def test_a_renamed_site_shows_its_own_name_on_account_pages(anonymous: Client) -> None:
    site = SiteSettings.current()
    site.site_name = "Cramp Clinic Answers"
    site.save()
    page = anonymous.get("/accounts/login/").content.decode()
    assert "Cramp Clinic Answers" in page.split("</title>")[0]


def test_sign_up_asks_for_a_public_name_and_says_you_sign_in_by_email(anonymous: Client) -> None:
    page = anonymous.get("/accounts/signup/").content.decode()
    assert "Public name" in page and "Username" not in page
    assert "You sign in with your email address" in page
    login = anonymous.get("/accounts/login/").content.decode()
    assert "email address" in login and 'name="login"' in login and 'type="email"' in login


def test_confirming_the_email_signs_you_in_and_keeps_next(anonymous: Client) -> None:
    response = anonymous.post("/accounts/signup/?next=/questions/", {
        "email": "new.reader@example.net", "username": "newreader", "next": "/questions/",
        "password1": "a long and unusual passphrase", "password2": "a long and unusual passphrase",
    })
    assert response.status_code == 302
    assert "_auth_user_id" not in anonymous.session  # not before the link is opened
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", str(mail.outbox[-1].body))
    assert link is not None
    response = anonymous.post(link.group(1))
    assert response.status_code == 302
    user = get_user_model().objects.get(username="newreader")
    assert anonymous.session.get("_auth_user_id") == str(user.pk)
    assert response["Location"] == "/questions/"


def test_a_role_page_sends_you_to_sign_in_with_the_whole_address(anonymous: Client) -> None:
    response = anonymous.get("/account/expert/topics/?from=email")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Faccount%2Fexpert%2Ftopics%2F%3Ffrom%3Demail"


def test_an_expert_without_two_factor_is_told_why_and_comes_back_after_the_codes(expert: Client) -> None:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    user = user_of(expert)
    Authenticator.objects.filter(user=user).delete()
    client = Client()
    client.post("/accounts/login/", {"login": "expert@example.org", "password": "correct horse battery staple"})
    response = client.get("/account/expert/topics/", follow=True)
    # Straight to the set-up (no second password prompt right after signing in), told why first.
    assert [url for url, _ in response.redirect_chain] == ["/accounts/2fa/totp/activate/"]
    assert client.session[AFTER_TWO_FACTOR_KEY] == "/account/expert/topics/"
    page = response.content.decode()
    assert "authenticator app" in page and "come straight back" in page
    # After set-up, the recovery-codes page leads on to the page they wanted.
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    codes = client.get("/accounts/2fa/recovery-codes/")
    assert codes.status_code == 200, codes.get("Location")
    html = codes.content.decode()
    assert 'href="/account/expert/topics/" data-continue' in html
    assert 'class="site-header"' in html and "Recovery codes" in html


def test_an_old_session_is_still_asked_for_the_password_before_two_factor_changes(member: Client) -> None:
    response = member.get("/accounts/2fa/totp/activate/")  # force_login: no recent sign-in recorded
    assert response.status_code == 302 and response["Location"].startswith("/accounts/reauthenticate/")


def test_an_offsite_next_is_never_remembered(expert: Client) -> None:
    from django.test import RequestFactory

    from askwell.accounts.onboarding import after_two_factor_url, send_to_two_factor_setup

    request = RequestFactory().get("/")
    request.session = expert.session
    request._messages = __import__("django.contrib.messages.storage.fallback", fromlist=["x"]).FallbackStorage(request)
    send_to_two_factor_setup(request, "https://evil.example/", "why")
    assert after_two_factor_url(request) == "/account/"


def test_the_two_factor_set_up_page_explains_itself_in_the_layout(member: Client) -> None:
    client = Client()
    response = client.post("/accounts/login/",
                           {"login": "member@example.org", "password": "correct horse battery staple"})
    assert response.status_code == 302
    response = client.get("/accounts/2fa/totp/activate/")
    assert response.status_code == 200, response.get("Location")
    page = response.content.decode()
    assert 'class="site-header"' in page and "Set up an authenticator app" in page
    assert 'alt="QR code' in page and "6-digit code" in page
