import pytest
from django.db import connection

from askwell.answers.models import SearchDocument
from askwell.answers.search import answer, index_question, remove_question
from askwell.answers.sync import register_question_source, reindex
from askwell.knowledge.models import Topic
from askwell.knowledge.signals import topics_changed

pytestmark = pytest.mark.django_db

GOLFER = ("My golf club grip makes my forearm spasm on the back nine", "Loosen the grip and rest between holes.")


def test_every_published_topic_is_indexed_by_slug() -> None:
    slugs = set(Topic.objects.published().values_list("slug", flat=True))
    assert slugs
    assert set(SearchDocument.objects.filter(source="knowledge").values_list("key", flat=True)) == slugs


def test_faq_entries_are_indexed_as_faq() -> None:
    assert SearchDocument.objects.get(key="faq/night-spasms").kind == "faq"


def test_an_answered_question_becomes_searchable_and_can_be_removed() -> None:
    index_question(4242, GOLFER[0], GOLFER[1], "/questions/4242/", answered=True)
    found = [a for a in answer("golf grip forearm spasm")["answers"] if a["topic"] == "question/4242"]
    assert found and found[0]["source"] == "question" and found[0]["url"] == "/questions/4242/"
    remove_question(4242)
    assert "question/4242" not in [a["topic"] for a in answer("golf grip forearm spasm")["answers"]]


def test_an_unanswered_question_is_not_indexed() -> None:
    index_question(7, GOLFER[0], GOLFER[1], "/questions/7/", answered=True)
    index_question(7, GOLFER[0], GOLFER[1], "/questions/7/", answered=False)
    assert not SearchDocument.objects.filter(key="question/7").exists()


def test_a_changed_topic_is_reindexed_through_the_signal() -> None:
    topic = Topic.objects.get(slug="relief/massage")
    topic.title = "Kneading with a zorbulator"
    topic.save()
    topics_changed.send(sender=Topic, changed=["relief/massage"], removed=[])
    assert answer("zorbulator")["answers"][0]["topic"] == "relief/massage"


def test_a_removed_topic_leaves_the_index() -> None:
    Topic.objects.filter(slug="relief/massage").update(status="unpublished")
    topics_changed.send(sender=Topic, changed=[], removed=["relief/massage"])
    assert not SearchDocument.objects.filter(key="relief/massage").exists()


def test_reindex_rebuilds_topics_and_registered_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    from askwell.answers import sync

    # Only this test's source: the community's registration is restored afterwards.
    monkeypatch.setattr(sync, "QUESTION_SOURCES", [])
    register_question_source(lambda: [(99, GOLFER[0], GOLFER[1], "/questions/99/")])
    SearchDocument.objects.all().delete()
    total = reindex(__import__("askwell.answers.sync", fromlist=["all_questions"]).all_questions())
    assert total == Topic.objects.published().count() + 1
    assert answer("golf grip forearm")["answers"][0]["topic"] == "question/99"


def test_a_word_from_an_indexed_question_counts_as_known_to_the_backend() -> None:
    from askwell.answers.backends import backend

    assert not backend().is_known("xylophonist")
    index_question(9901, "Cramp after playing as a xylophonist", "Answer: stretch.", "/questions/9901/", True)
    assert backend().is_known("xylophonist")
    assert not backend().is_known("qwzxvk")


def test_reindex_command_shows_a_progress_bar_with_the_total(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from django.core.management import call_command

    from askwell.answers import sync

    monkeypatch.setattr(sync, "QUESTION_SOURCES", [])
    monkeypatch.setattr(sync, "QUESTION_COUNTS", {})
    questions = [(1000 + n, f"Cramp question {n}", "Answer: stretch.", f"/questions/{1000 + n}/") for n in range(5)]
    register_question_source(lambda: iter(questions), count=lambda: len(questions))
    out = io.StringIO()
    call_command("reindex", "--batch-size", "2", "--progress", stdout=out)
    lines = out.getvalue().splitlines()
    total = Topic.objects.published().count() + 5
    assert any(f"/{total:,}" in line and line.startswith("[") for line in lines)
    assert "100%" in lines[-2] and f"Reindexed {total:,} documents" in lines[-1]


def test_a_source_without_a_count_leaves_the_total_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    from askwell.answers import sync

    monkeypatch.setattr(sync, "QUESTION_SOURCES", [])
    monkeypatch.setattr(sync, "QUESTION_COUNTS", {})
    register_question_source(lambda: iter([]), count=lambda: 3)
    assert sync.question_total() == 3
    register_question_source(lambda: iter([]))
    assert sync.question_total() is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index option")
def test_on_postgresql_the_search_index_has_no_pending_list() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'answers_searchdocument_vector'")
        options = cursor.fetchone()[0] or []
    assert "fastupdate=off" in options
