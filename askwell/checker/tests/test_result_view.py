"""The result page of a free-text check: triage banner first, causes with reasons, linked
relief and prevention, what we understood, ask an expert; bad input handled; nothing stored."""

from __future__ import annotations

import logging
import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from askwell.checker.engine import run_check
from askwell.checker.state import load_state
from askwell.checker.tests.helpers import RED_FLAG_TEXT, STORIES, html, state_of
from askwell.knowledge.models import Status, Topic

OLDER_ADULT = STORIES["stories/older-adult"]


def check_text(client, text):
    return client.post("/check/result/", {"text": text}, follow=True)


def test_red_flag_text_gives_the_emergency_banner_before_anything_else(anonymous):
    page = html(check_text(anonymous, RED_FLAG_TEXT))
    assert 'class="triage-banner triage-emergency"' in page
    banner = page.index("triage-banner")
    assert banner < page.index("not a diagnosis", page.index("<main"))
    for later in ("type-heading", "causes-heading", "understood-heading"):
        if later in page:
            assert banner < page.index(later)
    assert "Emergency: get help now" in page
    assert "Get help first" in page


def test_the_banner_shows_what_to_do_how_soon_and_the_rules_with_sources(anonymous):
    data = run_check(text=OLDER_ADULT).to_dict()
    page = html(check_text(anonymous, OLDER_ADULT))
    triage = data["triage"]
    assert f'triage-banner triage-{triage["level"]}' in page
    assert triage["advice"]["what_to_do"] in page
    assert triage["advice"]["how_soon"] in page
    for rule in triage["rules"]:
        assert f'data-rule="{rule["id"]}"' in page
        assert rule["why"] in page
        for source in rule["sources"]:
            assert source["title"] in page


def test_causes_are_ranked_with_why_we_think_so(anonymous):
    data = run_check(text=OLDER_ADULT).to_dict()
    page = html(check_text(anonymous, OLDER_ADULT))
    shown = re.findall(r'data-cause="([a-z_]+)"', page)
    assert shown == [cause["id"] for cause in data["causes"]]
    assert "Why we think so" in page
    for reason in data["causes"][0]["why"]:
        assert reason in page


def test_relief_and_prevention_link_to_the_exact_knowledge_sections(anonymous):
    data = run_check(text=STORIES["stories/athlete"]).to_dict()
    page = html(check_text(anonymous, STORIES["stories/athlete"]))
    assert data["relief"] and data["prevention"]
    for slug in data["relief"] + data["prevention"]:
        topic = Topic.objects.published().get(slug=slug)
        assert f'href="{topic.get_absolute_url()}">{topic.title}</a>' in page


def test_a_missing_topic_is_skipped_gracefully(anonymous):
    data = run_check(text=STORIES["stories/athlete"]).to_dict()
    slug = data["relief"][0]
    Topic.objects.filter(slug=slug).update(status=Status.UNPUBLISHED)
    topic = Topic.objects.get(slug=slug)
    response = check_text(anonymous, STORIES["stories/athlete"])
    assert response.status_code == 200
    assert topic.get_absolute_url() not in html(response)


def test_what_we_understood_can_be_corrected_in_the_guided_check(anonymous):
    response = check_text(anonymous, OLDER_ADULT)
    page = html(response)
    assert "What we understood" in page
    assert "Calf (back of the lower leg)" in page
    state = load_state(state_of(response))
    assert state["locations"] == ["calf"] and state["age"] == 70
    corrected = anonymous.post("/check/guided/", {"state": state_of(response), "goto": "about"})
    assert re.search(r'name="age" value="70"', html(corrected))


def test_ask_an_expert_carries_the_description_over(anonymous):
    page = html(check_text(anonymous, OLDER_ADULT))
    link = re.search(r'<a class="button" href="([^"]+)">Ask an expert about this</a>', page)
    assert link
    url = urlparse(link.group(1).replace("&amp;", "&"))
    assert url.path == reverse("community:ask")
    query = parse_qs(url.query)
    assert query["body"] == [OLDER_ADULT]
    assert "calf" in query["title"][0]


def test_every_result_has_the_disclaimer_and_a_print_button(anonymous):
    page = html(check_text(anonymous, "my eyelid keeps twitching"))
    assert "This check gives information, not a diagnosis." in page
    assert "data-print hidden" in page


def test_the_result_is_not_cached_or_indexed(anonymous):
    response = check_text(anonymous, OLDER_ADULT)
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_a_check_writes_nothing_to_the_database(anonymous):
    anonymous.get("/check/")  # warms the site settings cache, which may create its row once
    with CaptureQueriesContext(connection) as queries:
        check_text(anonymous, OLDER_ADULT)
    writes = [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.IGNORECASE)]
    assert writes == []


def test_the_description_is_not_logged(anonymous, caplog):
    secret = "my calf cramps and my neighbour Zebedee Quuxworth said"
    with caplog.at_level(logging.DEBUG):
        check_text(anonymous, secret)
        check_text(anonymous, "")
    assert "Zebedee" not in caplog.text


def test_empty_text_is_a_clear_form_error(anonymous):
    response = check_text(anonymous, "   ")
    assert response.status_code == 422
    assert "Please describe what happens" in html(response)


def test_very_long_text_is_a_clear_form_error(anonymous):
    response = check_text(anonymous, "my calf cramps. " * 400)
    assert response.status_code == 422
    assert "please keep it to at most 5,000 characters" in html(response)


@pytest.mark.parametrize("text", ["Tengo calambres en la pierna por la noche", "????", "asdf qwer zxcv"])
def test_text_it_cannot_read_gets_a_graceful_answer_with_safe_advice(anonymous, text):
    response = check_text(anonymous, text)
    page = html(response)
    assert response.status_code == 200
    assert "I could not tell much from this" in page
    assert 'triage-banner triage-self_care"' not in page


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("I am 5 years old and pregnant with calf cramps", "Pregnancy at age 5 does not fit"),
        ("I am a man and I am pregnant, calf cramps", "both male and pregnant"),
    ],
)
def test_contradictory_text_is_a_clear_message_on_the_form(anonymous, text, message):
    response = check_text(anonymous, text)
    page = html(response)
    assert response.status_code == 422
    assert message in page
    assert "<textarea" in page and "triage-banner" not in page


def test_get_on_the_result_url_goes_back_to_the_start(anonymous):
    response = anonymous.get("/check/result/")
    assert response.status_code == 302
    assert response["Location"] == "/check/"


def test_a_finished_check_redirects_so_a_reload_shows_it_again_without_resubmitting(anonymous):
    response = anonymous.post("/check/result/", {"text": OLDER_ADULT})
    assert response.status_code == 303 and response["Location"] == "/check/result/"
    cookie = response.cookies["askwell_check"]
    assert cookie["httponly"] and cookie["path"] == "/check/" and not cookie["max-age"]
    first = html(anonymous.get("/check/result/"))
    reloaded = anonymous.get("/check/result/")
    assert reloaded.status_code == 200 and html(reloaded) .count("data-cause=") == first.count("data-cause=") > 0
    assert "no-store" in reloaded["Cache-Control"]


def test_starting_a_new_check_forgets_the_last_result(anonymous):
    anonymous.post("/check/result/", {"text": OLDER_ADULT})
    assert anonymous.get("/check/result/").status_code == 200
    anonymous.get("/check/")
    response = anonymous.get("/check/result/")
    assert response.status_code == 302 and response["Location"] == "/check/"


def test_a_tampered_result_cookie_goes_back_to_the_start(anonymous):
    anonymous.cookies["askwell_check"] = "not-a-signed-check"
    response = anonymous.get("/check/result/")
    assert response.status_code == 302 and response["Location"] == "/check/"


def test_a_description_too_long_for_a_cookie_is_shown_straight_away(anonymous):
    import random

    rng = random.Random(13)
    # Random letters do not compress, so the signed check is well over a cookie's 4 KB.
    text = "calf cramp at night " + " ".join(
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) for _ in range(690))
    text = text[:4900]
    response = anonymous.post("/check/result/", {"text": text})
    assert response.status_code == 200 and "Your spasm check" in html(response)
