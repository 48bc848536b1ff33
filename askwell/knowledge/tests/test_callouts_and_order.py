"""Urgent and 999 advice in NHS-style callouts; on a phone the text comes before the contents."""

from __future__ import annotations

import pytest
from django.test import Client

from askwell.knowledge.markdown import render_article_markdown
from askwell.knowledge.models import Topic

pytestmark = pytest.mark.django_db


def test_containers_become_callouts_that_say_their_kind_in_words() -> None:
    text = "::: emergency\n### Call 999 now\n\n- chest pain\n:::\n\n::: urgent\nSame day.\n:::\n"
    html = render_article_markdown(text)
    assert '<div class="callout callout-emergency"><span class="visually-hidden">Emergency advice: </span>' in html
    assert "<h3>Call 999 now</h3>" in html and "<li>chest pain</li>" in html
    assert '<div class="callout callout-urgent"><span class="visually-hidden">Urgent advice: </span>' in html


def test_callouts_stay_sanitised_and_unknown_containers_are_plain_text() -> None:
    html = render_article_markdown('::: urgent\n<script>alert(1)</script> [x](javascript:alert(1))\n:::\n')
    assert "<script" not in html and "href=\"javascript" not in html and "&lt;script&gt;" in html
    assert "callout" not in render_article_markdown("::: sneaky\nhello\n:::\n")


def test_the_packs_999_and_same_day_advice_is_in_callouts(anonymous: Client) -> None:
    signs = Topic.objects.published().select_related("article__pack").get(slug="care/emergency-signs")
    assert 'callout callout-emergency' in signs.body_html and "Call 999 now" in signs.body_html
    emergency = signs.body_html.split('callout callout-emergency', 1)[1].split("</div>", 1)[0]
    assert "Call 999 now, or go to A&amp;E" in emergency
    assert 'callout callout-urgent' in signs.body_html
    page = anonymous.get(signs.article.get_absolute_url()).content.decode()
    assert page.count("callout callout-emergency") >= 1 and page.count("callout callout-urgent") >= 2
    with_callouts = Topic.objects.published().filter(body_html__contains="callout callout-").count()
    assert with_callouts >= 20


def test_on_a_phone_the_text_comes_before_the_contents_and_review_details(anonymous: Client) -> None:
    topic = Topic.objects.published().select_related("article__pack").get(slug="care/emergency-signs")
    page = anonymous.get(topic.article.get_absolute_url()).content.decode()
    first_section = page.index('class="topic-section"')
    assert first_section < page.index('class="toc"')
    assert first_section < page.index('class="review-line"')
    assert page.index('class="jump-to-contents"') < first_section
