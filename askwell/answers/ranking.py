"""Query analysis, re-ranking, confidence and snippets for instant answers. No Django.

The database backend finds candidate documents; this module decides their order. It
scores each candidate with BM25F over three fields (title above synonyms above body),
using the person's own words at full weight, spelling corrections a little lower and the
lexicon's knowledge-base words for lay phrases lower still, adds a bonus for word pairs
that appear together in a title or keyword, and measures how much of the question the
best document covers. That coverage, with the score, is the confidence.
"""

from __future__ import annotations

import functools
import html
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from askwell.answers.data_files import load_word_list
from askwell.answers.lexicon import Lexicon, words_of
from askwell.answers.spelling import SpellingCorrector

MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 60

ORIGINAL_WEIGHT = 1.0
CORRECTED_WEIGHT = 0.9
EXPANSION_WEIGHT = 0.6
CONTEXT_WEIGHT = 0.3  # a word for who is described, never typed as the question

# BM25F: field -> (weight, length normalisation b). Title above synonyms above body.
FIELDS: dict[str, tuple[float, float]] = {"title": (5.0, 0.4), "synonyms": (3.5, 0.5), "body": (0.6, 0.75)}
K1 = 1.5
PHRASE_BONUS = 0.8
# A question that contains every word of a topic's title is very likely asking about that
# topic: it earns a share of the title words' weight once more.
TITLE_BONUS = 0.3
# A topic that answers the kind of question asked ("what causes ...", "how do I stop ...")
# is preferred over one that only shares its words (askwell/medical/question_types.py).
TYPE_BONUS = 0.35
# ... and one that answers other kinds of question loses this share.
TYPE_PENALTY = 0.2
# Sections whose pages illustrate rather than answer (a person's story) start a little lower.
SECTION_PRIOR: dict[str, float] = {"stories/": 0.8}
# A topic written for someone in particular (an older adult's story, the page on pregnancy),
# when the question is about someone else: still offered, lower down.
FOR_SOMEONE_ELSE = 0.6

# Below these, no instant answer is shown and the person is offered the experts instead.
# Calibrated on bench/answers_devset.yaml and bench/answers_holdout.yaml together (answerable
# versus off-topic questions) so that at least 95% of confident top answers are right: either
# a strong match that covers most of the question, or a weaker one that covers all of it and
# clearly leads the runner-up. bench/answers_blind2.yaml (not used here) checks it.
CONFIDENT_COVERAGE = 0.6
CONFIDENT_SCORE = 5.0
FULL_COVERAGE = 0.9
FULL_COVERAGE_SCORE = 1.25
CLEAR_LEAD = 0.1
# With the semantic model: the cosine similarity between the question and the best topic's
# closest passage above which the first answer is called the answer. On the real questions
# of ../shared/eval (and the project's own sets) this keeps precision at about 0.95 or more
# with no out-of-scope question passed; lower, wrong first answers get through (0.72 passes
# an out-of-scope real question). Re-chosen on 2026-11-28 when passages came to be encoded
# one at a time (semantic.Encoder.encode): 0.75 had been chosen on vectors made in batches.
CONFIDENT_SIMILARITY = 0.73
# ... or above this one when the first answer is also first by its words alone and by its
# meaning alone, and answers the kind of question asked ("how do I get rid of a stiff neck"
# and the page on neck spasms). Chosen on the same sets: on the real questions' development
# half it lifts confident coverage from 0.41 to 0.50 with no wrong or out-of-scope answer
# added; it adds no out-of-scope confident answer on any set.
AGREED_SIMILARITY = 0.68

# Words too common to tell questions apart (data/stopwords.yaml), read when this module is.
STOPWORDS: frozenset[str] = load_word_list("stopwords.yaml")

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_CITATION = re.compile(r"\s?\[\d+\]")
_WORD_SPAN = re.compile(r"[A-Za-z0-9']+")


def normalise_query(raw: str) -> tuple[str, bool]:
    """NFKC, no control characters, single spaces, at most MAX_QUERY_CHARS; and whether it was cut.

    Case and wording are kept (the page shows the question as typed); the triage reader's
    askwell/medical/text.py normalise also lowercases and respells denials.
    """
    text = unicodedata.normalize("NFKC", raw)
    text = _CONTROL.sub(" ", text.replace("\x00", " "))
    text = _SPACES.sub(" ", text).strip()
    if len(text) > MAX_QUERY_CHARS:
        return text[:MAX_QUERY_CHARS].rstrip(), True
    return text, False


@functools.lru_cache(maxsize=65536)
def search_stem(word: str) -> str:
    """A light suffix stripper, applied to queries and documents alike; consistency is what counts.

    The search engine's own stem, not the triage reader's (askwell/medical/text.py's
    vocabulary_stem): it also drops -ness, -ly and a final e, and keeps letters only, because
    it matches documents by shared stems; the triage vocabulary is written for its stem.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, replacement in (("ies", "y"), ("ness", ""), ("ly", ""), ("ing", ""), ("ed", ""), ("es", ""),
                                ("s", "")):
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            return word
        if suffix == "es" and not word[:-2].endswith(("s", "x", "z", "ch", "sh")):
            continue
        word = word[: -len(suffix)] + replacement
        if suffix in ("ing", "ed") and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
            word = word[:-1]
        break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def content_stems(text: str) -> list[str]:
    return [search_stem(word) for word in words_of(text) if word not in STOPWORDS and len(word) > 1]


# --------------------------------------------------------------------------- query


@dataclass(frozen=True)
class QueryTerm:
    word: str
    stem: str
    weight: float
    group: int  # one group per thing the person said: a word, or a lay phrase


@dataclass
class QueryPlan:
    text: str
    truncated: bool
    terms: list[QueryTerm]
    corrected_query: str | None
    groups: int
    # Words for who the question describes ("my dad is 78": older): they add a little to a
    # topic's score, but are not what was asked (no coverage, no phrase pairs, no candidates).
    context: tuple[str, ...] = ()

    @property
    def backend_words(self) -> list[str]:
        """Distinct search words for the backend, best first ([a-z0-9] only, safe to quote)."""
        seen: dict[str, float] = {}
        for term in self.terms:
            seen[term.word] = max(seen.get(term.word, 0.0), term.weight)
        return sorted(seen, key=lambda word: -seen[word])

    @property
    def stems(self) -> set[str]:
        return {term.stem for term in self.terms}


def analyse(
    raw: str,
    lexicon: Lexicon,
    corrector: SpellingCorrector,
    is_known: Callable[[str], bool] | None = None,
) -> QueryPlan:
    """Turn what the person typed into weighted search terms."""
    text, truncated = normalise_query(raw)
    typed = words_of(text)[:MAX_QUERY_WORDS]
    words = lexicon.respell(typed)
    corrected = False
    for index, word in enumerate(words):
        if word in STOPWORDS:
            continue
        better = corrector.correct(word, is_known)
        if better != word:
            words[index] = better
            corrected = True
    corrected = corrected or words != typed

    terms: list[QueryTerm] = []
    group_of_position: dict[int, int] = {}
    groups = 0
    for expansion in lexicon.expansions(words):
        for position in range(expansion.start, expansion.end):
            group_of_position[position] = groups
        for term in expansion.terms:
            if term not in STOPWORDS:
                terms.append(QueryTerm(term, search_stem(term), EXPANSION_WEIGHT, groups))
        groups += 1
    for position, word in enumerate(words):
        if word in STOPWORDS or len(word) < 2:
            continue
        group = group_of_position.get(position)
        if group is None:
            group = groups
            groups += 1
        weight = ORIGINAL_WEIGHT if word == typed[position] else CORRECTED_WEIGHT
        terms.append(QueryTerm(word, search_stem(word), weight, group))
    # Order: the person's words first, then the expansions, so phrase pairs follow the question.
    terms.sort(key=lambda term: -term.weight)
    used_groups = {term.group for term in terms}
    return QueryPlan(
        text=text,
        truncated=truncated,
        terms=terms,
        corrected_query=" ".join(words) if corrected else None,
        groups=len(used_groups),
    )


# --------------------------------------------------------------------------- documents


@dataclass
class Document:
    """One search unit with its fields analysed for scoring."""

    id: int
    key: str
    kind: str
    title: str
    synonyms: str
    body: str
    url: str
    source: str
    fields: dict[str, Counter[str]] = field(default_factory=dict, init=False, repr=False)
    lengths: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    pairs: set[tuple[str, str]] = field(default_factory=set, init=False, repr=False)
    # Every stem in any field: coverage asks it of each shown candidate and each word of a question.
    stems: frozenset[str] = field(default=frozenset(), init=False, repr=False)
    # Worked out once per document and kept while the document lives (the knowledge documents
    # live as long as the process's engine state): the snippet sentences with their stems, and
    # each stem's BM25F pseudo term frequency for the statistics it was last scored against.
    _sentences: list[tuple[str, frozenset[str]]] | None = field(default=None, init=False, repr=False)
    # Stem -> the sentences holding it, so a snippet adds up only the sentences that share a
    # word with the question (most share none).
    _sentences_with: dict[str, tuple[int, ...]] | None = field(default=None, init=False, repr=False)
    # Keyed on the statistics object itself, not its id(): a document may outlive the
    # statistics it was scored against (cached community questions), and a new object may
    # reuse a freed one's id.
    _pseudo_tf: tuple[CorpusStats, dict[str, float]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        for name, text in (("title", self.title), ("synonyms", self.synonyms), ("body", self.body)):
            stems = content_stems(text)
            self.fields[name] = Counter(stems)
            self.lengths[name] = len(stems)
        for line in [self.title, *self.synonyms.splitlines()]:
            stems = content_stems(line)
            self.pairs.update(zip(stems, stems[1:], strict=False))
        self.stems = frozenset().union(*self.fields.values())

    def sentences(self) -> list[tuple[str, frozenset[str]]]:
        if self._sentences is None:
            texts = [s.strip() for s in _SENTENCE.split(_CITATION.sub("", self.body)) if s.strip()]
            self._sentences = [(text, frozenset(content_stems(text))) for text in texts]
        return self._sentences

    def sentences_with(self) -> dict[str, tuple[int, ...]]:
        """Each stem of the body's sentences, with the positions of the sentences that hold it."""
        if self._sentences_with is None:
            positions: dict[str, list[int]] = {}
            for index, (_, stems) in enumerate(self.sentences()):
                for stem_ in stems:
                    positions.setdefault(stem_, []).append(index)
            self._sentences_with = {stem_: tuple(found) for stem_, found in positions.items()}
        return self._sentences_with

    def pseudo_tf(self, stats: CorpusStats) -> dict[str, float]:
        """Each stem's field-weighted, length-normalised term frequency (BM25F before saturation)."""
        if self._pseudo_tf is not None and self._pseudo_tf[0] is stats:
            return self._pseudo_tf[1]
        table: dict[str, float] = {}
        for name, (field_weight, b) in FIELDS.items():
            norm = 1.0 - b + b * self.lengths[name] / stats.mean_length[name]
            for stem_, tf in self.fields[name].items():
                table[stem_] = table.get(stem_, 0.0) + field_weight * tf / norm
        self._pseudo_tf = (stats, table)
        return table


@dataclass
class CorpusStats:
    """Document frequencies and mean field lengths, from the knowledge base's documents."""

    documents: int
    frequency: Counter[str]
    mean_length: dict[str, float]

    @classmethod
    def of(cls, documents: Iterable[Document]) -> CorpusStats:
        frequency: Counter[str] = Counter()
        totals: Counter[str] = Counter()
        count = 0
        for document in documents:
            count += 1
            frequency.update({s for counts in document.fields.values() for s in counts})
            totals.update(document.lengths)
        mean = {name: max(1.0, totals[name] / count) if count else 1.0 for name in FIELDS}
        return cls(documents=count, frequency=frequency, mean_length=mean)

    def idf(self, stem_: str) -> float:
        df = self.frequency.get(stem_, 0)
        return math.log(1.0 + (self.documents - df + 0.5) / (df + 0.5))


@dataclass(frozen=True)
class Ranked:
    document: Document
    score: float
    coverage: float
    # Cosine similarity in meaning to the question (the semantic model), None without one.
    similarity: float | None = None
    # The word score alone, before meaning was blended in (equal to `score` without the model).
    words: float | None = None
    # Does it answer the kind of question asked? None when no kind was recognised.
    answers_asked: bool | None = None
    # First by its words and first in meaning alike, among every candidate (set on the
    # first answer only): the two signals agree.
    agreed: bool = False

    def with_coverage(self, coverage: float) -> Ranked:
        """This result with its coverage: dataclasses.replace, without its cost on a hot path."""
        return Ranked(self.document, self.score, coverage, self.similarity, self.words, self.answers_asked,
                      self.agreed)


def _term_weights(plan: QueryPlan, stats: CorpusStats) -> dict[str, float]:
    """Each stem's weight in the question.

    A lay phrase's knowledge-base words stand in at full weight when none of the person's
    own words for it occur in the knowledge base ("ER" -> emergency): they are then the only
    way what was said can count.
    """
    unheard = {term.group for term in plan.terms if term.weight >= CORRECTED_WEIGHT}
    unheard -= {term.group for term in plan.terms if term.weight >= CORRECTED_WEIGHT and stats.frequency.get(term.stem)}
    weights: dict[str, float] = {}
    for term in plan.terms:
        weight = ORIGINAL_WEIGHT if term.group in unheard else term.weight
        weights[term.stem] = max(weights.get(term.stem, 0.0), weight)
    for stem_ in plan.context:
        weights[stem_] = max(weights.get(stem_, 0.0), CONTEXT_WEIGHT)
    return weights


@dataclass(frozen=True)
class Scoring:
    """What scoring a document for one question needs, worked out once per question (it is
    the same for every candidate): each stem's weight, and with its idf; the bonus for each
    pair of neighbouring words; each group's best idf (for coverage)."""

    stats: CorpusStats  # what the idf above came from; documents' term frequencies use it too
    weights: dict[str, float]
    worth: dict[str, float]  # weight x idf
    pairs: tuple[tuple[tuple[str, str], float], ...]
    group_idf: dict[int, float]
    group_stems: dict[int, tuple[str, ...]]

    @classmethod
    def of(cls, plan: QueryPlan, stats: CorpusStats, weights: dict[str, float] | None = None) -> Scoring:
        weights = _term_weights(plan, stats) if weights is None else weights
        pairs = tuple(
            ((first.stem, second.stem),
             PHRASE_BONUS * min(first.weight, second.weight) * min(stats.idf(first.stem), stats.idf(second.stem)))
            for first, second in zip(plan.terms, plan.terms[1:], strict=False))
        group_idf: dict[int, float] = {}
        group_stems: dict[int, list[str]] = {}
        for term in plan.terms:
            group_idf[term.group] = max(group_idf.get(term.group, 0.0), stats.idf(term.stem))
            group_stems.setdefault(term.group, []).append(term.stem)
        return cls(stats=stats, weights=weights,
                   worth={stem_: weight * stats.idf(stem_) for stem_, weight in weights.items()},
                   pairs=pairs, group_idf=group_idf,
                   group_stems={group: tuple(stems) for group, stems in group_stems.items()})

    def score(self, document: Document) -> float:
        """BM25F of the document for the question, with the phrase and title bonuses."""
        total = 0.0
        table = document.pseudo_tf(self.stats)
        for stem_, worth in self.worth.items():
            pseudo_tf = table.get(stem_, 0.0)
            if pseudo_tf:
                total += worth * pseudo_tf / (K1 + pseudo_tf)
        for pair, bonus in self.pairs:
            if pair in document.pairs:
                total += bonus
        title = document.fields["title"]
        if title and all(stem_ in self.weights for stem_ in title):
            # TITLE_BONUS of the title words' weight, when the question holds every one of them.
            total += TITLE_BONUS * sum(self.worth[stem_] for stem_ in title)
        return total

    @functools.cached_property
    def _total_idf(self) -> float:
        return sum(self.group_idf.values())

    def coverage(self, document: Document) -> float:
        """The share of what the person asked (by informativeness) that the document speaks to."""
        total = self._total_idf
        if not total:
            return 0.0
        stems = document.stems
        return sum(value for group, value in self.group_idf.items()
                   if any(stem_ in stems for stem_ in self.group_stems[group])) / total


def score(plan: QueryPlan, document: Document, stats: CorpusStats, weights: dict[str, float] | None = None) -> float:
    """BM25F of the document for the question (one document; rerank scores many through one Scoring)."""
    return Scoring.of(plan, stats, weights).score(document)


def coverage(plan: QueryPlan, document: Document, stats: CorpusStats) -> float:
    """The share of what the person asked (by informativeness) that the document speaks to."""
    return Scoring.of(plan, stats).coverage(document)


@functools.lru_cache(maxsize=8192)
def prior(key: str) -> float:
    return next((value for prefix, value in SECTION_PRIOR.items() if key.startswith(prefix)), 1.0)


# What answering (True) or not answering (False) the kind of question asked does to a
# document's score; None when no kind was recognised.
_FIT: dict[bool | None, float] = {None: 1.0, True: 1.0 + TYPE_BONUS, False: 1.0 - TYPE_PENALTY}


def rerank(plan: QueryPlan, documents: Sequence[Document], stats: CorpusStats,
           answers_type: Callable[[Document], bool] | None = None,
           similarity: Callable[[Document], float | None] | None = None, detail: int = 10,
           for_someone_else: Callable[[Document], bool] | None = None) -> list[Ranked]:
    """Order candidates; a document that answers the kind of question asked (its cause,
    relief ...; `answers_type`) earns TYPE_BONUS.

    With `similarity` (closeness in meaning, None for a document the model has not seen)
    the order blends the word score, as a share of the best one, with it: words find what
    was named, meaning finds what was asked in other words. A document with no vector
    keeps its word share, so it neither gains nor loses by the model's presence.

    A document `for_someone_else` (written for other people than the question describes)
    keeps FOR_SOMEONE_ELSE of its final score, words and meaning alike.
    """
    scoring = Scoring.of(plan, stats)
    scored: list[tuple[Document, float, bool | None]] = []
    for document in documents:
        answers_asked = None if answers_type is None else answers_type(document)
        scored.append((document, scoring.score(document) * prior(document.key) * _FIT[answers_asked], answers_asked))
    if similarity is not None:
        ranked = _blend_meaning(scored, similarity)
    else:
        ranked = [Ranked(document, words, 0.0, answers_asked=answers_asked)
                  for document, words, answers_asked in scored if words > 0]
    if for_someone_else is not None:
        ranked = [replace(r, score=r.score * FOR_SOMEONE_ELSE) if for_someone_else(r.document) else r for r in ranked]
    ranked.sort(key=lambda r: (-r.score, r.document.key))
    if ranked and similarity is not None:
        ranked[0] = replace(ranked[0], agreed=_first_both_ways(ranked))
    # Coverage only says how sure the first answers are; it is not part of the order, so
    # it is worked out for the ones that will be shown, not for every candidate.
    return [r.with_coverage(scoring.coverage(r.document)) if i < detail else r for i, r in enumerate(ranked)]


# The share of the order that meaning decides when the semantic model is present.
MEANING_WEIGHT = 0.5


def _blend_meaning(scored: Sequence[tuple[Document, float, bool | None]],
                   similarity: Callable[[Document], float | None]) -> list[Ranked]:
    """The candidates with a score above nothing, each scored by words and meaning blended."""
    top = max((words for _, words, _ in scored), default=0.0) or 1.0
    blended = []
    for document, words, answers_asked in scored:
        share = words / top
        meaning = similarity(document)
        value = share if meaning is None else (1 - MEANING_WEIGHT) * share + MEANING_WEIGHT * max(0.0, meaning)
        # Kept on the word score's scale, so the thresholds of is_confident still read it.
        blended_score = value * top
        if blended_score > 0:
            blended.append(Ranked(document, blended_score, 0.0, meaning, words, answers_asked))
    return blended


def _first_both_ways(ranked: Sequence[Ranked]) -> bool:
    """Is the first candidate also the first by its words alone and by its meaning alone?"""
    first = ranked[0]
    if first.similarity is None:
        return False
    return all((other.words or 0.0) <= (first.words or 0.0)
               and (other.similarity is None or other.similarity <= first.similarity) for other in ranked[1:])


def confidence(best: Ranked | None) -> float:
    """0..1: how sure we are that the best document answers the question."""
    if best is None:
        return 0.0
    if best.similarity is not None:
        return round(max(0.0, min(1.0, best.similarity)), 3)
    strength = min(1.0, best.score / (2 * CONFIDENT_SCORE))
    return round(best.coverage * (0.5 + 0.5 * strength), 3)


def is_confident(best: Ranked | None, runner_up: Ranked | None = None) -> bool:
    """Is the best document the answer? With the semantic model, its closeness in meaning
    decides (calibrated on real questions: bench/bench_answers.py), a little less close
    when everything else agrees (first by words and by meaning, and it answers the kind of
    question asked); without the model, or for a community question the model has not
    seen, how much of the question its words cover."""
    if best is None:
        return False
    if best.similarity is not None:
        return best.similarity >= CONFIDENT_SIMILARITY or (
            best.similarity >= AGREED_SIMILARITY and best.agreed and best.answers_asked is True)
    words = best.words if best.words is not None else best.score
    if best.coverage >= CONFIDENT_COVERAGE and words >= CONFIDENT_SCORE:
        return True
    lead = 1.0 - (runner_up.score / best.score if runner_up is not None and best.score > 0 else 0.0)
    return best.coverage >= FULL_COVERAGE and words >= FULL_COVERAGE_SCORE and lead >= CLEAR_LEAD


# --------------------------------------------------------------------------- snippets


def snippet_weights(plan: QueryPlan, stats: CorpusStats) -> dict[str, float]:
    """What each of the question's stems is worth in a snippet (worked out once per question)."""
    return {s: w * stats.idf(s) for s, w in _term_weights(plan, stats).items()}


def document_snippet(document: Document, plan: QueryPlan, stats: CorpusStats, max_chars: int = 260,
                     weights: dict[str, float] | None = None) -> str:
    """The passage of the document's body that best matches the question (sentences analysed once)."""
    analysed = document.sentences()
    if not analysed:
        return ""
    sentences = [text for text, _ in analysed]
    worth = snippet_weights(plan, stats) if weights is None else weights
    # Each sentence's value is the worth of the question's stems it holds, added in the
    # order of `worth`; the most valuable comes first, the earliest of equals, the first
    # sentence when none holds any.
    values: dict[int, float] = {}
    holding = document.sentences_with()
    for stem_, w in worth.items():
        for index in holding.get(stem_, ()):
            values[index] = values.get(index, 0.0) + w
    best_index = min(values, key=lambda i: (-values[i], i)) if values else 0
    passage = sentences[best_index]
    following = best_index + 1
    while following < len(sentences) and len(passage) + len(sentences[following]) + 1 <= max_chars:
        passage = f"{passage} {sentences[following]}"
        following += 1
    if len(passage) > max_chars:
        passage = passage[: max_chars - 1].rsplit(" ", 1)[0] + "\u2026"
    return passage


def highlight(text: str, stems: set[str]) -> str:
    """HTML-escaped text with <mark> around the words whose stem was searched for."""
    parts: list[str] = []
    position = 0
    for match in _WORD_SPAN.finditer(text):
        word = match.group(0)
        key = search_stem(word.lower().replace("'", ""))
        if key in stems and word.lower() not in STOPWORDS:
            parts.append(html.escape(text[position : match.start()]))
            parts.append(f"<mark>{html.escape(word)}</mark>")
            position = match.end()
    parts.append(html.escape(text[position:]))
    return "".join(parts)
