"""The backends' candidate search, on whichever database the suite runs."""

from typing import Any

import pytest
from django.db import connection

from askwell.answers.backends import PostgresBackend, backend
from askwell.answers.search import index_question

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's candidate steps")


def index_titles(titles: list[str], first: int = 8000) -> list[int]:
    ids = []
    for number, title in enumerate(titles, start=first):
        index_question(number, title, "Answer: stretch.", f"/questions/{number}/", True)
        ids.append(number)
    return ids


def index_many(count: int, first: int = 7000) -> list[int]:
    return index_titles([f"Zebra-crossing cramp number {number}" for number in range(first, first + count)], first)


def document_ids() -> list[int]:
    from askwell.answers.models import SearchDocument

    return list(SearchDocument.objects.filter(source="question").order_by("-pk").values_list("pk", flat=True))


def test_a_word_in_no_question_finds_nothing() -> None:
    index_many(3)
    assert backend().candidates(["qwzxvk"], "question", 12, every=True) == []


def test_a_word_in_every_question_finds_them_all_newest_first() -> None:
    index_many(5)
    found = [doc_id for doc_id, _ in backend().candidates(["zebra"], "question", 12, every=True)]
    assert found == document_ids()


@on_postgresql
def test_matches_older_than_the_recent_window_are_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    index_many(4)
    index_question(7100, "Unrelated newer question about knees", "Answer: rest.", "/questions/7100/", True)
    index_question(7101, "Another newer one about wrists", "Answer: rest.", "/questions/7101/", True)
    monkeypatch.setattr(PostgresBackend, "RECENT_WINDOW", 2)  # the window holds only the two newest
    found = [doc_id for doc_id, _ in backend().candidates(["zebra"], "question", 12, every=True)]
    assert sorted(found, reverse=True) == found and len(found) == 4


@on_postgresql
def test_past_the_match_cap_a_sample_comes_back_newest_first(monkeypatch: pytest.MonkeyPatch) -> None:
    from askwell.answers import backends

    index_many(6)
    monkeypatch.setattr(PostgresBackend, "RECENT_WINDOW", 1)
    monkeypatch.setattr(PostgresBackend, "MATCH_CAP", 3)
    monkeypatch.setattr(backends, "BROAD_MATCHES", 2)
    found = [doc_id for doc_id, _ in backend().candidates(["zebra"], "question", 12, every=True)]
    # More than BROAD_MATCHES: returned unranked, at most the cap plus one, newest first.
    assert 2 < len(found) <= 4 and found == sorted(found, reverse=True)
    assert set(found) <= set(document_ids())


@on_postgresql
def test_when_the_window_finds_a_few_a_longer_walk_finds_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    index_many(4)
    index_question(7100, "Unrelated newer question about knees", "Answer: rest.", "/questions/7100/", True)
    monkeypatch.setattr(PostgresBackend, "RECENT_WINDOW", 3)  # the newest three: two zebras
    monkeypatch.setattr(PostgresBackend, "MIN_MATCHES_TO_WALK", 2)
    monkeypatch.setattr(PostgresBackend, "MATCH_CAP", 0)  # the GIN step would find at most one
    found = [doc_id for doc_id, _ in backend().candidates(["zebra"], "question", 12, every=True)]
    assert len(found) == 4 and found == sorted(found, reverse=True)


@pytest.mark.parametrize("words, source", [
    ([], "question"),  # nothing to search for
    (["qwzxvk"], "question"),  # a word in no question
    (["zebra"], "question"),  # matches
    (["zebra"], "knowledge"),
])
def test_the_callers_work_is_done_exactly_once_on_every_path(words: list[str], source: str) -> None:
    index_many(3)
    calls = []
    backend().candidates(words, source, 12, every=True, meanwhile=lambda: calls.append(1))
    assert calls == [1]


@on_postgresql
def test_the_callers_work_runs_while_postgresql_has_the_search() -> None:
    from psycopg import pq

    index_many(3)
    seen = []

    def meanwhile() -> None:
        # The statement has been sent and its result not yet read: the connection is in
        # pipeline mode with the search outstanding.
        seen.append(connection.connection.info.pipeline_status)

    found = backend().candidates(["zebra"], "question", 12, every=True, meanwhile=meanwhile)
    assert seen == [pq.PipelineStatus.ON]
    assert len(found) == 3
    assert connection.connection.info.pipeline_status == pq.PipelineStatus.OFF


@on_postgresql
def test_a_failure_in_the_callers_work_leaves_the_connection_usable() -> None:
    index_many(2)

    def meanwhile() -> None:
        raise RuntimeError("the model failed")

    with pytest.raises(RuntimeError):
        backend().candidates(["zebra"], "question", 12, every=True, meanwhile=meanwhile)
    assert len(backend().candidates(["zebra"], "question", 12, every=True)) == 2
    assert len(document_ids()) == 2  # the ORM's own cursor works too


def _prepared_searches() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s",
                       ["%answers_searchdocument%"])
        return [row[0] for row in cursor.fetchall()]


@on_postgresql
def test_the_search_statements_are_prepared_unless_switched_off(settings: Any) -> None:
    index_many(2)
    from askwell.answers.backends import _planned_once

    with _planned_once() as cursor:
        cursor.execute("DEALLOCATE ALL")  # through psycopg, which then forgets its own list too
    backend().candidates(["zebra"], "question", 12, every=True)
    assert any("ts_match_vq" in statement for statement in _prepared_searches())

    with _planned_once() as cursor:
        cursor.execute("DEALLOCATE ALL")
    settings.DB_PREPARED_SEARCHES = False
    assert len(backend().candidates(["zebra"], "question", 12, every=True)) == 2
    assert _prepared_searches() == []


def test_a_later_search_adds_only_when_the_earlier_ones_find_too_few() -> None:
    index_titles(["Zebra cramp at dawn", "Okapi cramp at dusk", "Okapi cramp at noon", "Okapi twitch"])
    few = backend().question_candidates([["zebra", "cramp"], ["okapi", "cramp"]], 12, enough=3)
    assert len(few) == 3  # the zebra, then the two okapi cramps
    enough = backend().question_candidates([["cramp"], ["okapi"]], 12, enough=3)
    assert len(enough) == 3  # every cramp question; the okapi search adds nothing
    assert len({doc_id for doc_id, _ in few}) == 3


def test_on_sqlite_a_later_search_is_not_run_when_not_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    from askwell.answers.backends import SqliteBackend

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's searches run one by one")
    index_titles(["Zebra cramp one", "Zebra cramp two", "Zebra cramp three"])
    searched = []
    real = SqliteBackend.candidates
    monkeypatch.setattr(SqliteBackend, "candidates", lambda self, words, *args, **kwargs: (
        searched.append(list(words)), real(self, words, *args, **kwargs))[1])
    SqliteBackend().question_candidates([["zebra"], ["cramp"]], 12, enough=3)
    assert searched == [["zebra"]]


@on_postgresql
def test_on_postgresql_every_search_is_in_flight_while_the_caller_works() -> None:
    from psycopg import pq

    index_titles(["Zebra cramp one", "Okapi cramp two"])
    seen = []
    found = backend().question_candidates(
        [["zebra", "cramp"], ["okapi"]], 12, enough=3,
        meanwhile=lambda: seen.append(connection.connection.info.pipeline_status))
    assert seen == [pq.PipelineStatus.ON]
    assert len(found) == 2  # the okapi search was sent with the first, and used


def test_document_rows_are_the_orms_rows_in_the_models_order() -> None:
    from askwell.answers.backends import document_rows
    from askwell.answers.engine import DOCUMENT_COLUMNS
    from askwell.answers.models import SearchDocument

    index_titles(["Calf cramp after running", "Why does my eyelid twitch?", "Night cramps in both feet"])
    ids = document_ids()[:2] + [123456789]  # one id that is not there
    assert document_rows(ids, DOCUMENT_COLUMNS) == list(
        SearchDocument.objects.filter(pk__in=ids).values_list(*DOCUMENT_COLUMNS))
    assert len(document_rows(ids, DOCUMENT_COLUMNS)) == 2
    assert document_rows([], DOCUMENT_COLUMNS) == []
