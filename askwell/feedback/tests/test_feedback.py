"""'Is this page useful?': one tap, optional words, no account, rate-limited, no personal data;
the editors' page: unanswered searches grouped and counted, least useful sections; text purged."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from askwell.community.testing import user_of
from askwell.feedback import actions, retention
from askwell.feedback.cleaning import grouping_key, without_personal_details
from askwell.feedback.models import QueryOrigin, Target, Unanswered, UsefulVote
from askwell.knowledge.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits() -> None:
    caches["ratelimit"].clear()


def a_topic() -> Topic:
    topic = Topic.objects.published().select_related("article__pack").order_by("pk").first()
    assert topic is not None
    return topic


def test_every_article_section_asks_whether_it_was_useful(anonymous: Client) -> None:
    topic = a_topic()
    page = anonymous.get(topic.article.get_absolute_url()).content.decode()
    sections = page.count('data-topic="')
    assert sections >= 1
    assert page.count('<form class="useful no-print"') == sections
    assert f'name="key" value="{topic.slug}"' in page
    assert "csrfmiddlewaretoken" not in page.split('<form class="useful', 1)[1].split("</form>")[0]


def test_one_tap_counts_a_vote_with_nothing_about_the_reader(anonymous: Client) -> None:
    topic = a_topic()
    response = anonymous.post("/feedback/useful/", {"target": "topic", "key": topic.slug, "useful": "no",
                                                    "next": "/somewhere/#x"})
    assert response.status_code == 200
    vote = UsefulVote.objects.get()
    assert (vote.target, vote.key, vote.useful, vote.words) == ("topic", topic.slug, False, "")
    assert {f.name for f in UsefulVote._meta.get_fields()} == {"id", "target", "key", "useful", "words", "day"}
    page = response.content.decode()
    assert "Thank you" in page and 'href="/somewhere/#x"' in page and 'name="words"' in page


def test_optional_words_join_the_vote_without_personal_details(anonymous: Client) -> None:
    topic = a_topic()
    response = anonymous.post("/feedback/useful/", {"target": "topic", "key": topic.slug, "useful": "no"},
                              HTTP_ACCEPT="application/json")
    token = json.loads(response.content)["token"]
    response = anonymous.post("/feedback/useful/words/", {
        "token": token, "words": "Nothing on cramps in the hands. Mail me at jo@example.com or 07700 900123"},
        HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    words = UsefulVote.objects.get().words
    assert "cramps in the hands" in words and "jo@example.com" not in words and "900123" not in words
    # Words are added once: the token cannot overwrite them.
    anonymous.post("/feedback/useful/words/", {"token": token, "words": "spam"}, HTTP_ACCEPT="application/json")
    assert UsefulVote.objects.get().words == words


@pytest.mark.parametrize(("data", "status"), [
    ({"target": "topic", "key": "no/such-topic", "useful": "yes"}, 404),
    ({"target": "topic", "key": "x", "useful": "maybe"}, 400),
    ({"target": "nothing", "key": "x", "useful": "yes"}, 400),
    ({}, 400),
])
def test_bad_votes_are_clear_4xx_never_500(anonymous: Client, data: dict[str, str], status: int) -> None:
    response = anonymous.post("/feedback/useful/", data, HTTP_ACCEPT="application/json")
    assert response.status_code == status and "detail" in json.loads(response.content)
    assert not UsefulVote.objects.exists()


def test_a_forged_or_expired_token_is_refused(anonymous: Client) -> None:
    response = anonymous.post("/feedback/useful/words/", {"token": "1:forged", "words": "hello"})
    assert response.status_code == 400


def test_votes_are_rate_limited_per_address(anonymous: Client) -> None:
    topic = a_topic()
    statuses = [anonymous.post("/feedback/useful/", {"target": "topic", "key": topic.slug, "useful": "yes"},
                               HTTP_ACCEPT="application/json").status_code for _ in range(32)]
    assert statuses[:30] == [200] * 30 and statuses[30:] == [429, 429]
    assert UsefulVote.objects.count() == 30
    other = Client(REMOTE_ADDR="10.20.30.40")
    assert other.post("/feedback/useful/", {"target": "topic", "key": topic.slug, "useful": "yes"}).status_code == 200


def test_personal_details_are_cleaned_and_searches_grouped() -> None:
    assert without_personal_details("call 020 7946 0123 or see www.x.org") == "call [number] or see [link]"
    assert without_personal_details("I'm 45, 3 weeks of cramps") == "I'm 45, 3 weeks of cramps"
    assert grouping_key("  Cramps in my HANDS?? ", 200) == grouping_key("cramps in my hands", 200)


def test_a_search_with_no_confident_answer_is_counted_for_editors(anonymous: Client) -> None:
    for _ in range(3):
        anonymous.get("/search/", {"q": "Why does my ear wax smell of almonds?"})
    anonymous.get("/search/", {"q": "why do my calves cramp at night"})  # a confident answer: not noted
    rows = list(Unanswered.objects.values_list("text", "count"))
    assert rows == [("why does my ear wax smell of almonds", 3)]


def test_a_flood_of_distinct_searches_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(actions, "MAX_DISTINCT_PER_DAY", 3)
    for n in range(6):
        actions.note_unanswered(f"strange question number {'x' * n}")
    actions.note_unanswered("strange question number ")
    assert Unanswered.objects.count() == 3
    assert Unanswered.objects.get(text="strange question number").count == 2


def test_free_text_is_wiped_after_the_set_number_of_days() -> None:
    old = timezone.localdate() - datetime.timedelta(days=retention.TEXT_DAYS)
    recent = timezone.localdate() - datetime.timedelta(days=retention.TEXT_DAYS - 1)
    UsefulVote.objects.create(target=Target.TOPIC, key="a", useful=False, words="old words", day=old)
    UsefulVote.objects.create(target=Target.TOPIC, key="a", useful=False, words="recent words", day=recent)
    Unanswered.objects.create(text="old search", source=QueryOrigin.SEARCH, day=old)
    Unanswered.objects.create(text="recent search", source=QueryOrigin.SEARCH, day=recent)
    retention.purge_old_text(force=True)
    assert sorted(UsefulVote.objects.values_list("words", flat=True)) == ["", "recent words"]
    assert UsefulVote.objects.count() == 2  # the votes themselves still count
    assert list(Unanswered.objects.values_list("text", flat=True)) == ["recent search"]


def editor(client: Client) -> Client:
    user = user_of(client)
    user.is_staff = True
    user.save()
    user.user_permissions.add(Permission.objects.get(codename="view_usefulvote"))
    return client


def test_the_editors_page_lists_unanswered_searches_and_least_useful_sections(moderator: Client) -> None:
    topic, other = Topic.objects.published().order_by("pk")[:2]
    for useful in (False, False, True):
        actions.vote(Target.TOPIC, topic.slug, useful)
    actions.vote(Target.TOPIC, other.slug, False)
    actions.vote(Target.TOPIC, other.slug, True)
    actions.vote(Target.TOPIC, other.slug, True)
    first = UsefulVote.objects.filter(key=topic.slug, useful=False).first()
    assert first is not None
    actions.add_words(first.pk, "Nothing about children")
    for _ in range(4):
        actions.note_unanswered("cramps after chemotherapy")
    actions.note_unanswered("cramps after chemotherapy", QueryOrigin.QUESTION)
    actions.note_unanswered("restless legs and iron")
    page = editor(moderator).get("/editors/what-readers-need/?days=7").content.decode()
    rows = re.findall(r'<tr data-unanswered><td>([^<]+)</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>', page)
    assert rows[:2] == [("cramps after chemotherapy", "5", "4", "1"), ("restless legs and iron", "1", "1", "0")]
    sections = re.findall(r'data-section="([^"]+)"', page)
    assert sections == [topic.slug, other.slug]
    assert "Nothing about children" in page and "67%" in page and "33%" in page


def test_readers_and_members_cannot_open_the_editors_page(anonymous: Client, member: Client) -> None:
    assert anonymous.get("/editors/what-readers-need/").status_code == 302
    assert member.get("/editors/what-readers-need/").status_code == 403


def test_a_bad_period_falls_back_to_thirty_days(moderator: Client) -> None:
    response = editor(moderator).get("/editors/what-readers-need/?days=banana")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_answers_take_the_same_one_tap_vote(anonymous: Client, expert: Client) -> None:
    from askwell.community import actions as community
    from askwell.community.testing import published_question
    from askwell.feedback.useful import answer_form

    answer = community.post_answer(published_question(), author=user_of(expert), body="Stretch gently before bed.")
    html = answer_form(answer)
    assert 'name="target" value="answer"' in html and f'name="key" value="{answer.pk}"' in html
    assert "Is this answer useful?" in html
    response = anonymous.post("/feedback/useful/", {"target": "answer", "key": str(answer.pk), "useful": "yes"},
                              HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert UsefulVote.objects.get().target == Target.ANSWER
