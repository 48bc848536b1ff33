"""The two search backends behind one interface, chosen by the database in use.

Both receive only words made of [a-z0-9] (see ranking.analyse), and quote each one again
before building a query, so nothing a person types can reach the query syntax.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol

from django.conf import settings
from django.db import connection

if TYPE_CHECKING:
    import psycopg

SAFE_WORD = re.compile(r"^[a-z0-9]{1,60}$")
MAX_WORDS = 24
# Above this many matching community questions, scoring them all would cost more than a
# query may take; the newest matches are taken instead (the knowledge base still answers).
# Finding the newest few matches walks the index in id order and stops early, so it stays
# cheap however common the words are; scoring is then bounded by this many matches.
BROAD_MATCHES = 100


class SearchBackend(Protocol):
    def candidates(self, words: Sequence[str], source: str, limit: int, every: bool = False,
                   meanwhile: Callable[[], None] | None = None) -> list[tuple[int, float]]:
        """Document ids (with the backend's own score, higher is better) matching any word, or
        every word. `meanwhile` is called once, while the database works where it can (work
        of the caller's that needs no database)."""

    def question_candidates(self, searches: Sequence[Sequence[str]], limit: int, enough: int,
                            meanwhile: Callable[[], None] | None = None) -> list[tuple[int, float]]:
        """Community questions matching every word of the first search; while they are fewer
        than `enough`, those of the next search are added, and so on. `meanwhile` as above."""

    def fuzzy(self, text: str, limit: int) -> list[tuple[int, float]]:
        """Ids of knowledge documents whose title looks like the text, for when no word matched."""

    def is_known(self, word: str) -> bool:
        """Whether any indexed document contains the word."""

    def rebuild(self) -> None:
        """Rebuild the backend index from the documents table."""


def document_rows(ids: Sequence[int], columns: Sequence[str]) -> list[tuple[Any, ...]]:
    """The search documents with these ids, as rows of the named model fields, in key order
    (the model's own order): one plain statement, the same on both databases. Through the
    ORM, building this query cost five to eight times what SQLite took to run it."""
    if not ids:
        return []
    select, id_column, order = _document_rows_statement(connection.vendor, tuple(columns))
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(f"{select} WHERE {id_column} IN ({marks}) ORDER BY {order}", list(ids))
        return [tuple(row) for row in cursor.fetchall()]


@functools.lru_cache(maxsize=8)
def _document_rows_statement(vendor: str, columns: tuple[str, ...]) -> tuple[str, str, str]:
    """document_rows' SELECT ... FROM, id column and order, from the model's names: worked out
    once per database vendor, not on every answer."""
    from askwell.answers.models import SearchDocument

    quote = connection.ops.quote_name

    def column(name: str) -> str:
        field = SearchDocument._meta.pk if name == "pk" else SearchDocument._meta.get_field(name)
        return quote(str(getattr(field, "column", name)))

    names = ", ".join(column(name) for name in columns)
    select = f"SELECT {names} FROM {quote(SearchDocument._meta.db_table)}"  # noqa: S608 - the model's own names
    return select, column("pk"), column("key")


def safe_words(words: Sequence[str]) -> list[str]:
    return [word for word in dict.fromkeys(words) if SAFE_WORD.match(word)][:MAX_WORDS]


class SqliteBackend:
    """FTS5 with bm25() column weights: title 10, synonyms 5, body 1 (migrations 0002, 0003).

    Knowledge lives in answers_fts, community questions in answers_qfts, so a large
    community never slows the knowledge lookup.
    """

    TABLES = {"knowledge": "answers_fts", "question": "answers_qfts"}

    def candidates(self, words: Sequence[str], source: str, limit: int, every: bool = False,
                   meanwhile: Callable[[], None] | None = None) -> list[tuple[int, float]]:
        if meanwhile is not None:
            meanwhile()  # SQLite works in this thread: nothing to overlap
        words = safe_words(words)
        table = self.TABLES.get(source)
        if not words or table is None:
            return []
        match = (" AND " if every else " OR ").join(f'"{word}"' for word in words)
        with connection.cursor() as cursor:
            if source == "question":
                cursor.execute(
                    f"SELECT rowid FROM {table} WHERE {table} MATCH %s ORDER BY rowid DESC LIMIT %s",  # noqa: S608
                    [match, BROAD_MATCHES + 1],
                )
                newest = [int(row[0]) for row in cursor.fetchall()]
                if len(newest) > BROAD_MATCHES or len(newest) <= limit:
                    return [(doc_id, 0.0) for doc_id in newest[:limit]]
            cursor.execute(
                f"SELECT rowid, -bm25({table}, 10.0, 5.0, 1.0, 0.0) AS score FROM {table} "  # noqa: S608 - fixed names
                f"WHERE {table} MATCH %s ORDER BY bm25({table}, 10.0, 5.0, 1.0, 0.0) LIMIT %s",
                [match, limit],
            )
            return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]

    def question_candidates(self, searches: Sequence[Sequence[str]], limit: int, enough: int,
                            meanwhile: Callable[[], None] | None = None) -> list[tuple[int, float]]:
        if meanwhile is not None:
            meanwhile()
        # One search at a time, and a later one only when needed: the work is this thread's.
        return _first_enough((self.candidates(words, "question", limit, every=True) for words in searches), enough)

    def fuzzy(self, text: str, limit: int) -> list[tuple[int, float]]:
        return []  # spelling correction against the vocabulary covers SQLite

    def is_known(self, word: str) -> bool:
        if not SAFE_WORD.match(word):
            return False
        with connection.cursor() as cursor:
            for table in self.TABLES.values():
                cursor.execute(f"SELECT 1 FROM {table} WHERE {table} MATCH %s LIMIT 1", [f'"{word}"'])  # noqa: S608
                if cursor.fetchone() is not None:
                    return True
            return False

    def rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO answers_fts(answers_fts) VALUES ('optimize')")
            cursor.execute("INSERT INTO answers_qfts(answers_qfts) VALUES ('optimize')")


@contextmanager
def _planned_once() -> Iterator[psycopg.Cursor[Any]]:
    """A cursor on Django's connection whose statements PostgreSQL plans once per connection.

    Django sends every query with its values written in (client-side binding), so PostgreSQL
    plans each question's search afresh: about 0.4 ms of the 1.2-1.6 ms a candidate search
    takes at 100,000 questions. The backend's few fixed statements are sent with their values
    apart and, where `prepared()` allows, prepared once per connection. The transaction is
    Django's, and errors become Django's own database errors.
    """
    import psycopg

    connection.ensure_connection()
    raw = connection.connection
    if raw.prepare_threshold is None and prepared():
        # Django switches preparing off for the whole connection. Its own cursors never prepare
        # (they bind on the client), so this threshold only lets this backend's statements,
        # which ask for it by name (prepare=True), be prepared.
        raw.prepare_threshold = PREPARE_ONLY_WHEN_ASKED
    with connection.wrap_database_errors, psycopg.Cursor(raw) as cursor:
        yield cursor


PREPARE_ONLY_WHEN_ASKED = 1 << 30


def _another_cursor(raw: psycopg.Connection[Any]) -> psycopg.Cursor[Any]:
    """Another cursor like _planned_once's, for a second statement in flight at once."""
    import psycopg

    return psycopg.Cursor(raw)


def _tsquery_text(words: Sequence[str], every: bool) -> str:
    """Safe words, each quoted, for websearch_to_tsquery ("" when none is left)."""
    return (" " if every else " or ").join(f'"{word}"' for word in safe_words(words))


def _first_enough(results: Iterator[list[tuple[int, float]]], enough: int) -> list[tuple[int, float]]:
    """The first search's matches; while they are fewer than `enough`, the next search's
    that are not among them yet (later searches are only worked out when needed)."""
    found: list[tuple[int, float]] = []
    seen: set[int] = set()
    for result in results:  # a generator: the next search runs only if this loop asks for it
        found += [(doc_id, value) for doc_id, value in result if doc_id not in seen]
        seen.update(doc_id for doc_id, _ in result)
        if len(found) >= enough:
            break
    return found


@contextmanager
def _sent_at_once(cursor: psycopg.Cursor[Any]) -> Iterator[None]:
    """Within this block a statement goes to PostgreSQL as soon as it is executed, and the
    caller waits for the results only when it fetches or the block ends (libpq's pipeline
    mode), so work done in between runs while PostgreSQL works: the sentence model's
    2-3 ms hide most of a search's."""
    import psycopg

    if not psycopg.Pipeline.is_supported():
        yield
        return
    with cursor.connection.pipeline():
        yield


def prepared() -> bool:
    """Whether the backend's statements are prepared: yes unless DB_PREPARED_SEARCHES=false
    (behind a pooler in transaction mode that cannot keep prepared statements)."""
    return bool(settings.DB_PREPARED_SEARCHES)


class PostgresBackend:
    """A weighted tsvector (title A, synonyms B, body C) with GIN, and pg_trgm on titles."""

    WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"
    # Most questions' every-word searches match none of the newest rows, and each row checked
    # costs (a 3,000-row window was about 1.1 ms, most of a question's SQL at 100,000 questions),
    # so the first look is short: it still fills up for words in a tenth of the questions.
    RECENT_WINDOW = 1000
    # Rows; each costs about 0.5 us. 20,000 rows were 10-11 ms at 100,000 questions, the
    # slowest 1% of questions; 10,000 halve that and changed 6 of 187 development questions'
    # lists (3 in their first three, none first) over 100,000 synthetic questions.
    WALK_LIMIT = 10_000
    MIN_MATCHES_TO_WALK = 3  # found in RECENT_WINDOW rows: dense enough that a longer walk pays
    MATCH_CAP = 3000

    def candidates(self, words: Sequence[str], source: str, limit: int, every: bool = False,
                   meanwhile: Callable[[], None] | None = None) -> list[tuple[int, float]]:
        if source == "question":
            return self.question_candidates([words], limit, 0, meanwhile, every=every)
        if meanwhile is not None:
            meanwhile()  # nothing to overlap with: only the question search can
        query = _tsquery_text(words, every)
        if not query:
            return []
        with _planned_once() as cursor:
            return self._best_ranked(cursor, query, "d.source = %s AND d.search_vector @@ q", source, limit)

    def question_candidates(self, searches: Sequence[Sequence[str]], limit: int, enough: int,
                            meanwhile: Callable[[], None] | None = None,
                            every: bool = True) -> list[tuple[int, float]]:
        """All the searches go to PostgreSQL at once, before `meanwhile` runs: a later one is
        only needed when the earlier ones find fewer than `enough`, which is half the time,
        and PostgreSQL does it while the caller works, instead of in a round trip after."""
        queries = [query for query in (_tsquery_text(words, every) for words in searches) if query]
        if not queries:
            if meanwhile is not None:
                meanwhile()
            return []
        with _planned_once() as cursor:
            raw = cursor.connection
            cursors = [cursor, *(_another_cursor(raw) for _ in queries[1:])]
            try:
                with _sent_at_once(cursor):
                    for each, query in zip(cursors, queries, strict=True):
                        self._send_newest(each, query)
                    if meanwhile is not None:
                        meanwhile()
                # Read once the pipeline has ended: ending it waits for every result at once,
                # where reading inside it would wait once for the results and again for the end.
                found_newest = [self._read_newest(each) for each in cursors]
            finally:
                for each in cursors[1:]:
                    each.close()
            ranked = (self._ranked(cursor, query, newest, limit)
                      for query, newest in zip(queries, found_newest, strict=True))
            return _first_enough(ranked, enough)

    def _ranked(self, cursor: psycopg.Cursor[Any], query: str, newest: list[int],
                limit: int) -> list[tuple[int, float]]:
        """The newest matches when there are many or few. Only when there are some of each is
        it worth asking PostgreSQL to rank them (by id, without a second search)."""
        if len(newest) > BROAD_MATCHES or len(newest) <= limit:
            return [(doc_id, 0.0) for doc_id in newest[:limit]]
        return self._best_ranked(cursor, query, "d.id = ANY(%s)", newest, limit)

    def _best_ranked(self, cursor: psycopg.Cursor[Any], query: str, condition: str, value: object,
                     limit: int) -> list[tuple[int, float]]:
        """The documents meeting `condition` (one of the two fixed ones above, with one value)
        that rank highest for the query."""
        cursor.execute(
            "SELECT d.id, ts_rank_cd(%s, d.search_vector, q) AS score "
            "FROM answers_searchdocument d, websearch_to_tsquery('english', %s) q "
            f"WHERE {condition} ORDER BY score DESC, d.id LIMIT %s",  # noqa: S608 - fixed conditions
            [self.WEIGHTS, query, value, limit], prepare=prepared(),
        )
        return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]

    # Which step of the search a row came from.
    _WINDOW, _LONGER_WALK, _INDEX = 1, 2, 3

    def _send_newest(self, cursor: psycopg.Cursor[Any], query: str) -> None:
        """Ask for the newest community questions matching the query (read by _read_newest).

        "ORDER BY id DESC LIMIT n" alone is a trap: for a word the planner cannot size it
        walks the id index backwards, and when the word is in no question it reads the whole
        table (about 370 ms at 1,000,000 questions). So every step here is bounded:
        1. the newest RECENT_WINDOW rows, checked one by one: enough for common words;
        2. if that found a few, a longer walk sized from how often they matched, up to
           WALK_LIMIT rows: enough for words that are neither rare nor common;
        3. if it found fewer, the matches through the GIN index, at most MATCH_CAP of them:
           every match for rare words, a sample (newest first) past the cap.
        A GIN search for several common words costs ~20 ms at 1M rows, so it comes last.
        All three are one statement: PostgreSQL counts what step 1 found once, before steps
        2 and 3, and runs at most one of them. ts_match_vq is the @@ operator spelled as a
        function, which no index serves: steps 1 and 2 must walk the newest ids.
        """
        wanted = BROAD_MATCHES + 1
        cursor.execute(
            "WITH q AS MATERIALIZED (SELECT websearch_to_tsquery('english', %(query)s) AS q),"
            " top AS MATERIALIZED (SELECT max(id) AS id FROM answers_searchdocument),"
            " newest AS MATERIALIZED ("
            "  SELECT d.id FROM answers_searchdocument d WHERE d.source = 'question'"
            "  AND ts_match_vq(d.search_vector, (SELECT q FROM q))"
            "  AND d.id > (SELECT id FROM top) - %(window)s"
            "  ORDER BY d.id DESC LIMIT %(wanted)s),"
            " found AS MATERIALIZED (SELECT count(*) AS n FROM newest)"
            " SELECT id, 1 FROM newest"
            " UNION ALL"
            " (SELECT d.id, 2 FROM answers_searchdocument d"
            "  WHERE (SELECT n FROM found) >= %(walk_from)s AND (SELECT n FROM found) < %(wanted)s"
            "  AND d.source = 'question' AND ts_match_vq(d.search_vector, (SELECT q FROM q))"
            "  AND d.id > (SELECT id FROM top)"
            "   - (SELECT least(%(walk_limit)s, floor(%(walk_scale)s / greatest(n, 1))::bigint) FROM found)"
            "  ORDER BY d.id DESC LIMIT %(wanted)s)"
            " UNION ALL"
            # The newest of at most `cap` matches, sorted here: sending every match back
            # cost the client about 1 ms of CPU for 3,000 rows.
            " (SELECT id, 3 FROM (SELECT d.id FROM answers_searchdocument d"
            "  WHERE (SELECT n FROM found) < %(walk_from)s"
            "  AND d.source = 'question' AND d.search_vector @@ (SELECT q FROM q) LIMIT %(cap)s) sample"
            "  ORDER BY id DESC LIMIT %(wanted)s)",
            {"query": query, "window": self.RECENT_WINDOW, "wanted": wanted,
             "walk_from": self.MIN_MATCHES_TO_WALK, "walk_limit": self.WALK_LIMIT,
             # A walk long enough to find `wanted` at the rate step 1 found them, and half again.
             "walk_scale": self.RECENT_WINDOW * wanted * 1.5, "cap": self.MATCH_CAP + 1},
            prepare=prepared(),
        )

    def _read_newest(self, cursor: psycopg.Cursor[Any]) -> list[int]:
        """Ids of the newest matches (up to BROAD_MATCHES + 1), newest first."""
        rows = cursor.fetchall()
        steps: dict[int, list[int]] = {self._WINDOW: [], self._LONGER_WALK: [], self._INDEX: []}
        for doc_id, step in rows:
            steps[int(step)].append(int(doc_id))
        if len(steps[self._WINDOW]) > BROAD_MATCHES:
            return steps[self._WINDOW]
        if len(steps[self._WINDOW]) >= self.MIN_MATCHES_TO_WALK:
            return steps[self._LONGER_WALK]
        return steps[self._INDEX]

    def fuzzy(self, text: str, limit: int) -> list[tuple[int, float]]:
        text = " ".join(safe_words(text.split()))
        if not text:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                # Knowledge titles only: over every community question's title, trigram matching
                # took ~100 ms at 10,000 questions, for words that matched nothing anyway.
                "SELECT id, similarity(title, %s) AS score FROM answers_searchdocument "
                "WHERE source = %s AND title %% %s ORDER BY score DESC, id LIMIT %s",
                [text, "knowledge", text, limit],
            )
            return [(int(row[0]), float(row[1])) for row in cursor.fetchall()]

    def is_known(self, word: str) -> bool:
        if not SAFE_WORD.match(word):
            return False
        with connection.cursor() as cursor:
            # The vocabulary table (migration 0004), not the documents: for a word found nowhere the
            # planner chose a full scan of the documents (~60 ms at 100,000 questions).
            cursor.execute(
                "SELECT 1 FROM answers_vocabulary WHERE lexeme = ANY(tsvector_to_array(to_tsvector('english', %s))) "
                "LIMIT 1",
                [word],
            )
            return cursor.fetchone() is not None

    def rebuild(self) -> None:
        # The tsvector column is generated by PostgreSQL itself. Merge any pending GIN entries
        # (an index created before migration 0005 may still hold some; every search would scan
        # them one by one) and refresh the planner's statistics.
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('answers_searchdocument_vector'::regclass)")
            cursor.execute("ANALYZE answers_searchdocument")


def backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(f"no search backend for the {connection.vendor} database")
