"""The public Python API of instant answers, for the API, the CLI, the pages and other apps.

    answer(query, limit=10) -> dict          the `askwell ask --json` object
    index_question(...), remove_question(id) keep answered community questions searchable
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from askwell.answers import engine
from askwell.answers.backends import SearchBackend, backend, document_rows
from askwell.answers.english import is_common_english
from askwell.answers.lexicon import default_lexicon, words_of
from askwell.answers.models import DocumentOrigin
from askwell.answers.ranking import (
    CORRECTED_WEIGHT,
    STOPWORDS,
    Document,
    QueryPlan,
    Ranked,
    analyse,
    confidence,
    document_snippet,
    is_confident,
    normalise_query,
    rerank,
    search_stem,
    snippet_weights,
)
from askwell.answers.sync import index_question, remove_question
from askwell.answers.triage import triage_for
from askwell.medical.question_types import leading_types, read_question
from askwell.medical.vocabulary import TriageLevel

__all__ = ["answer", "index_question", "remove_question", "search"]

MAX_LIMIT = 50
KNOWLEDGE_CANDIDATES = 40
QUESTION_CANDIDATES = 12
# When the words describe an emergency or need for same-day advice, the page on warning
# signs comes first whatever else matched.
SAFETY_TOPIC = "care/emergency-signs"
COVERED, NOT_COVERED = "covered", "not_covered"


def search(text: str, limit: int, people: frozenset[str] = frozenset()) -> tuple[QueryPlan, list[Ranked], engine.State]:
    state = engine.state()
    search_backend = backend()
    def is_known(word: str) -> bool:
        return is_common_english(word) or search_backend.is_known(word)

    plan = analyse(text, default_lexicon(), state.corrector, is_known=is_known)
    question = read_question(text)
    plan = _weigh_the_question_over_the_story(plan, question.asking_part)
    plan = _weigh_the_subject_over_the_cue(plan, question.cue_words)
    plan = _with_people(plan, people)
    if not plan.terms:
        return plan, [], state
    words = plan.backend_words
    # The knowledge base is small and held in memory, analysed once: every topic is scored in
    # Python, with no database round trip. Only community questions come from the backend.
    stems = plan.stems
    documents = [document for document in state.documents.values() if not document.stems.isdisjoint(stems)]
    meaning: dict[str, float] = {}

    def work_out_meaning() -> None:
        # The whole message, not only its asking part: the model weighs a story's words
        # itself, and the asking part alone ("is this from that?") often names nothing.
        meaning.update(_meaning(state, text))

    # The model runs while the database looks for community questions.
    question_ids = _question_candidates(plan, state, search_backend, meanwhile=work_out_meaning)
    if meaning:
        # Topics close in meaning join even when they share no word with the question.
        named = {document.key for document in documents}
        closest = sorted(meaning, key=lambda key: -meaning[key])[:MEANING_CANDIDATES]
        documents += [d for d in state.documents.values() if d.key in closest and d.key not in named]
    if not documents and not question_ids:
        for doc_id, _ in search_backend.fuzzy(" ".join(words), KNOWLEDGE_CANDIDATES):
            if doc_id in state.documents:
                documents.append(state.documents[doc_id])
            else:
                question_ids.append(doc_id)
    if question_ids:
        rows = document_rows(question_ids, engine.DOCUMENT_COLUMNS)
        documents += [_community_document(*row) for row in rows]
    asked = question.types

    def answers_type(document: Document) -> bool:
        # A knowledge topic says what it answers (pack data); an answered community
        # question answers what its own title asked.
        answered = state.answers.get(document.key)
        if answered is None and document.source == DocumentOrigin.QUESTION:
            answered = _types_asked_by(document.title)
        return not asked.isdisjoint(answered or frozenset())

    def similarity(document: Document) -> float | None:
        return meaning.get(document.key)

    def for_someone_else(document: Document) -> bool:
        written_for = state.for_whom.get(document.key, frozenset())
        return bool(written_for) and written_for.isdisjoint(people)

    ranked = rerank(plan, documents, state.stats, answers_type if asked else None, similarity if meaning else None,
                    detail=limit, for_someone_else=for_someone_else if people and state.for_whom else None)
    leading = asked & leading_types()
    if question.is_question and leading:

        def answers_it(document: Document) -> bool:
            # The warning-signs page is placed by triage, when what is described calls for it.
            return document.key != SAFETY_TOPIC and not leading.isdisjoint(state.answers.get(document.key, ()))

        ranked = _answering_near_the_top(ranked, answers_it)
    return plan, ranked[:limit], state


# A community question analysed once per process for the same row (the newest questions on
# common subjects come up as candidates again and again; an edited question is a new row, so
# it is analysed afresh).
_community_document = functools.lru_cache(maxsize=4096)(engine.document_of)


@functools.lru_cache(maxsize=4096)
def _types_asked_by(title: str) -> frozenset[str]:
    """What a community question's title asks (read once per title: the newest questions
    on common subjects come up as candidates again and again)."""
    return read_question(title).types


def _answering_near_the_top(ranked: list[Ranked], answers_it: Callable[[Document], bool]) -> list[Ranked]:
    """When none of the first three answers a leading type asked, the best-ranked document
    that does comes second: the page that answered the subject keeps first place."""
    if any(answers_it(item.document) for item in ranked[:3]):
        return ranked
    index = next((i for i, item in enumerate(ranked) if answers_it(item.document)), None)
    if index is None:
        return ranked
    return [ranked[0], ranked[index], *ranked[1:index], *ranked[index + 1:]]


def _with_people(plan: QueryPlan, people: frozenset[str]) -> QueryPlan:
    """ "my wife is 30 weeks ...": the question's words, coloured by who it describes."""
    terms = default_lexicon().people_terms
    stems = tuple(dict.fromkeys(search_stem(word) for tag in sorted(people) for word in terms.get(tag, ())))
    return replace(plan, context=stems) if stems else plan


# Topics closest in meaning that are ranked even when no word matched.
MEANING_CANDIDATES = 5


def _meaning(state: engine.State, text: str) -> dict[str, float]:
    """Each knowledge topic's closeness in meaning to the text; empty without the model."""
    model = engine.encoder()
    if model is None or state.vectors is None:
        return {}
    similarities: dict[str, float] = state.vectors.similarities(model.encode_one(text))
    return similarities


# In a long message, words only in the story count this much of words in the question.
STORY_WEIGHT = 0.5


def _weigh_the_question_over_the_story(plan: QueryPlan, part: str | None) -> QueryPlan:
    """ "I have cramps at night. They wake me up. What can I do?": the answer is about what
    is asked (`part`, None for a short question); the story still feeds triage, and still
    counts, at a lower weight."""
    if part is None:
        return plan
    asked = {search_stem(word) for word in words_of(part)}
    terms = [term if term.stem in asked else replace(term, weight=term.weight * STORY_WEIGHT) for term in plan.terms]
    terms.sort(key=lambda term: -term.weight)
    return replace(plan, terms=terms)


# Words that only say what kind of question it is ("relieve", "causes") count this much of
# the subject's words: the kind is matched through the topics' `answers:` instead.
CUE_WEIGHT = 0.5


def _weigh_the_subject_over_the_cue(plan: QueryPlan, cue_words: frozenset[str]) -> QueryPlan:
    if not cue_words:
        return plan
    cues = {search_stem(word) for word in cue_words}
    subject = [term for term in plan.terms if term.stem not in cues]
    if not subject:
        return plan  # "symptoms?": the cue is all there is to go on
    terms = [term if term.stem not in cues else replace(term, weight=term.weight * CUE_WEIGHT) for term in plan.terms]
    terms.sort(key=lambda term: -term.weight)
    return replace(plan, terms=terms)


def _question_candidates(plan: QueryPlan, state: engine.State, search_backend: SearchBackend,
                         meanwhile: Callable[[], None]) -> list[int]:
    """Community questions that share the person's own words (`meanwhile` runs once, while
    the backend works on the searches).

    Requiring every word (then the two most telling ones) keeps the backend's work small
    on millions of questions, where "any word" would make it rank most of the table.
    """
    own = list(dict.fromkeys(term.word for term in plan.terms if term.weight >= CORRECTED_WEIGHT))
    if not own:
        own = plan.backend_words[:2]
    searches = [own]
    if len(own) > 2:
        # When every word finds few, the two most telling ones.
        searches.append(sorted(own, key=lambda word: -state.stats.idf(search_stem(word)))[:2])
    found = search_backend.question_candidates(searches, QUESTION_CANDIDATES, enough=QUESTION_CANDIDATES // 4,
                                               meanwhile=meanwhile)
    return [doc_id for doc_id, _ in found]


def answer(query: str, limit: int = 10) -> dict[str, Any]:
    """Triage and ranked answers for a question, as the contract's JSON object."""
    started = time.perf_counter()
    limit = max(1, min(int(limit), MAX_LIMIT))
    text, truncated = normalise_query(query)
    triage, happening_now, people = triage_for(text)
    plan, ranked, state = search(text, limit, people)
    if triage["level"] == TriageLevel.EMERGENCY:
        ranked = _with_safety_topic(ranked, state, position=0)[:limit]
    elif triage["level"] == TriageLevel.URGENT:
        # Same-day advice: the warning-signs page joins the top answers. It comes first
        # when something may be going wrong now (a clot, a cramp that will not let go);
        # otherwise (a medicine to review, cramps in an unusual place) the page that
        # answers the question itself stays first. Real questions of both kinds ask so.
        ranked = _with_safety_topic(ranked, state, position=0 if happening_now else 1)[:limit]
    scope = COVERED if covers_subject(plan, state) else NOT_COVERED
    best = ranked[0] if ranked else None
    weights = snippet_weights(plan, state.stats)
    answers = [
        {
            "topic": item.document.key,
            "title": item.document.title,
            "snippet": document_snippet(item.document, plan, state.stats, weights=weights),
            "url": item.document.url,
            "score": round(item.score, 3),
            "source": item.document.source,
        }
        for item in ranked
    ]
    result: dict[str, Any] = {
        "query": text,
        "triage": triage,
        "answers": answers,
        # Outside the packs' subjects a match is a coincidence of words, never the answer.
        "confident": scope == COVERED and is_confident(best, ranked[1] if len(ranked) > 1 else None),
        "scope": scope,
        "confidence": confidence(best),
        "corrected_query": plan.corrected_query,
        "truncated": truncated,
        "took_ms": 0.0,
    }
    result["took_ms"] = round((time.perf_counter() - started) * 1000, 2)
    return result


def covers_subject(plan: QueryPlan, state: engine.State) -> bool:
    """Does the question name a subject some published pack covers: in its own words, as
    spelled or corrected, or through the lay-term table ("atorvastatin" names a statin)?"""
    named = {term.stem for term in plan.terms}
    said = [_stems(text) for text in (plan.text, plan.corrected_query) if text]
    if any(_names(subject, said, named) for subject in state.near_misses):
        return False  # "stiff person syndrome", "oesophageal spasm": sounds like it, is not
    return any(all(part in named for part in subject) for subject in state.covers)


def _names(near_miss: tuple[str, ...], said: list[list[str]], named: set[str]) -> bool:
    """Does the question name this near miss? One word: anywhere, as written or corrected.
    Several: side by side ("period cramps", not "the recovery period after a cramp"), in the
    person's own words (a word no guide uses, "menstrual", is left out of the search terms
    but still says what the subject is) or as corrected."""
    if len(near_miss) == 1:
        return near_miss[0] in named or any(near_miss[0] in stems for stems in said)
    size = len(near_miss)
    return any(tuple(stems[i:i + size]) == near_miss for stems in said for i in range(len(stems) - size + 1))


def _stems(text: str) -> list[str]:
    return [stem for stem in (search_stem(word) for word in words_of(text)) if stem not in STOPWORDS]


def _with_safety_topic(ranked: list[Ranked], state: engine.State, position: int) -> list[Ranked]:
    rest = [item for item in ranked if item.document.key != SAFETY_TOPIC]
    safety = next((d for d in state.documents.values() if d.key == SAFETY_TOPIC), None)
    if safety is None:
        return ranked
    top = ranked[0].score if ranked else 1.0
    rest.insert(min(position, len(rest)), Ranked(safety, top, 1.0))
    return rest
