"""Reading and validating knowledge packs from files, with no database involved.

A pack is a folder content/<pack>/ holding pack.yaml (sources, reviewers) and one YAML
file per article (topics with Markdown bodies). Everything is validated before anything
is written, so a malformed pack never damages what is already loaded.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from askwell.medical.question_types import question_type_names
from askwell.medical.triage import PEOPLE

SLUG = re.compile(r"^[a-z0-9]+(?:[-/][a-z0-9]+)*$")
ARTICLE_SLUG = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$")
CITATION = re.compile(r"\[\^([a-z0-9][a-z0-9-]*)\]")
TOPIC_LINK = re.compile(r"\]\(topic:([^)\s]*)\)")
STATUSES = {"draft", "review", "published"}
LINE = "__line__"
# Part of every pack's content hash: bump it when the way topics are rendered changes, so
# `loadcontent` re-renders packs already in a database even though their files did not change.
RENDER_VERSION = 2


class PackError(Exception):
    """A pack failed validation; `problems` lists each as "file:line: message"."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


# A mapping as the YAML loader builds it from a pack file: keys are whatever the file wrote
# (usually text) and values are not yet checked; the readers below check each before use.
YamlMapping = dict[Hashable, object]


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line each mapping starts on."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> YamlMapping:
    mapping: YamlMapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


def _line_of(data: YamlMapping) -> int | None:
    """The line a mapping starts on in its file (None for one not read by _LineLoader)."""
    line = data.get(LINE)
    return line if isinstance(line, int) else None


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass
class SourceSpec:
    key: str
    title: str
    publisher: str
    url: str
    accessed: datetime.date | None


@dataclass
class ReviewerSpec:
    key: str
    name: str
    role: str


@dataclass
class TopicSpec:
    slug: str
    title: str
    summary: str
    keywords: list[str]
    sources: list[str]
    body: str
    position: int
    line: int
    # The question types it answers (cause, relief ...): its own `answers`, else its article's.
    answers: list[str] = field(default_factory=list)
    # Questions it answers, in people's words (the pack's asks.yaml): how instant answers
    # recognise a question put in words the topic's text does not use.
    asks: list[str] = field(default_factory=list)
    # Whom it is written for (askwell.medical.triage.PEOPLE), when someone in particular.
    for_whom: list[str] = field(default_factory=list)


@dataclass
class ArticleSpec:
    slug: str
    title: str
    summary: str
    position: int
    status: str
    reviewed_by: str
    last_reviewed: datetime.date
    next_review: datetime.date
    source_file: str
    topics: list[TopicSpec]
    content_hash: str = ""


@dataclass
class PackSpec:
    slug: str
    title: str
    summary: str
    folder: Path
    # The subjects the pack answers, in the words people use ("cramp", "charley horse").
    # Instant answers call a question "covered" only when it names one of them.
    covers: list[str] = field(default_factory=list)
    # Subjects that sound like the pack's but are not: a question naming one is outside it.
    near_misses: list[str] = field(default_factory=list)
    sources: dict[str, SourceSpec] = field(default_factory=dict)
    reviewers: dict[str, ReviewerSpec] = field(default_factory=dict)
    articles: list[ArticleSpec] = field(default_factory=list)
    content_hash: str = ""

    def topics(self) -> list[TopicSpec]:
        return [topic for article in self.articles for topic in article.topics]


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, line: int | None, message: str) -> None:
        self.items.append(f"{where}:{line or 1}: {message}")


def _text(data: YamlMapping, key: str, where: str, problems: _Problems, *, allow_empty: bool = False) -> str:
    value = data.get(key)
    if value is None or (not allow_empty and isinstance(value, str) and not value.strip()):
        problems.add(where, _line_of(data), f"missing {key!r}")
        return ""
    if not isinstance(value, str):
        problems.add(where, _line_of(data), f"{key!r} must be text, not {type(value).__name__}")
        return ""
    return value.strip()


def _date(data: YamlMapping, key: str, where: str, problems: _Problems) -> datetime.date:
    value = data.get(key)
    if isinstance(value, datetime.date):
        return value
    if value is None:
        problems.add(where, _line_of(data), f"missing {key!r} (a date, YYYY-MM-DD)")
    else:
        problems.add(where, _line_of(data), f"{key!r} must be a date YYYY-MM-DD, not {value!r}")
    return datetime.date.min


def _read_yaml(path: Path, root: Path, problems: _Problems) -> object:
    where = str(path.relative_to(root.parent))
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (safe subclass)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        problems.add(where, mark.line + 1 if mark else None, f"invalid YAML: {error.problem}")
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.add(where, None, f"cannot read: {error}")
    return None


def _strip_lines(value: object) -> object:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _hash(value: object) -> str:
    return hashlib.sha256(json.dumps(_strip_lines(value), sort_keys=True).encode()).hexdigest()


def read_pack(folder: Path) -> PackSpec:
    """Read and validate one pack folder. Raises PackError listing every problem found."""
    problems = _Problems()
    root = folder.parent
    pack_file = folder / "pack.yaml"
    where = str(pack_file.relative_to(root.parent))
    if not pack_file.exists():
        raise PackError([f"{where}:1: missing pack.yaml"])
    raw = _read_yaml(pack_file, root, problems)
    if not isinstance(raw, dict):
        problems.add(where, None, "pack.yaml must be a mapping with slug, title, sources, reviewers")
        raise PackError(problems.items)
    pack = PackSpec(
        slug=_text(raw, "slug", where, problems),
        title=_text(raw, "title", where, problems),
        summary=str(raw.get("summary") or "").strip(),
        folder=folder,
    )
    covers = raw.get("covers")
    if not isinstance(covers, list) or not covers or not all(isinstance(c, str) and c.strip() for c in covers):
        problems.add(where, _line_of(raw),
                     "missing 'covers': a list of the subjects the pack answers, in everyday words")
    else:
        pack.covers = [c.strip().lower() for c in covers]
    near_misses = raw.get("near_misses") or []
    if not isinstance(near_misses, list) or not all(isinstance(n, str) and n.strip() for n in near_misses):
        problems.add(where, _line_of(raw), "near_misses must be a list of subjects in everyday words")
    else:
        pack.near_misses = [n.strip().lower() for n in near_misses]
    if pack.slug and not ARTICLE_SLUG.match(pack.slug):
        problems.add(where, _line_of(raw), f"pack slug {pack.slug!r} must be lowercase words joined by '-'")
    hashes: list[object] = [raw]
    _read_sources(raw, where, pack, problems)
    _read_reviewers(raw, where, pack, problems)

    article_files = sorted(p for p in folder.glob("*.yaml") if p.name not in {"pack.yaml", ASKS_FILE})
    if not article_files:
        problems.add(where, None, "the pack has no article files")
    for path in article_files:
        data = _read_yaml(path, root, problems)
        if data is None:
            continue
        article = _read_article(path, root, data, pack, problems)
        if article is not None:
            pack.articles.append(article)
            hashes.append(data)
    _check_uniqueness_and_links(pack, problems)
    asks = _read_asks(folder, root, pack, problems)
    if asks is not None:
        hashes.append(asks)
    if problems.items:
        raise PackError(problems.items)
    pack.articles.sort(key=lambda article: (article.position, article.slug))
    pack.content_hash = _hash([RENDER_VERSION, hashes])
    return pack


# Optional: topic slug -> questions that topic answers, in people's own words.
ASKS_FILE = "asks.yaml"


def _read_asks(folder: Path, root: Path, pack: PackSpec, problems: _Problems) -> YamlMapping | None:
    path = folder / ASKS_FILE
    if not path.exists():
        return None
    where = str(path.relative_to(root.parent))
    data = _read_yaml(path, root, problems)
    if not isinstance(data, dict):
        problems.add(where, None, "asks.yaml must map topic slugs to lists of questions")
        return None
    topics = {topic.slug: topic for article in pack.articles for topic in article.topics}
    for slug, questions in data.items():
        if slug == LINE:
            continue
        if slug not in topics:
            problems.add(where, _line_of(data), f"asks.yaml names topic {slug!r}, which the pack does not have")
        elif not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
            problems.add(where, _line_of(data), f"asks.yaml: {slug!r} must list questions (text)")
        else:
            topics[slug].asks = [" ".join(q.split()) for q in questions]
    return data


def _read_sources(raw: YamlMapping, where: str, pack: PackSpec, problems: _Problems) -> None:
    sources = raw.get("sources")
    if not isinstance(sources, list) or not sources:
        problems.add(where, _line_of(raw), "missing 'sources' (a list of id, title, publisher, url)")
        return
    for item in sources:
        if not isinstance(item, dict):
            problems.add(where, _line_of(raw), f"a source must be a mapping, not {item!r}")
            continue
        key = _text(item, "id", where, problems)
        url = _text(item, "url", where, problems)
        if url and not url.startswith(("https://", "http://")):
            problems.add(where, _line_of(item), f"source {key!r} url must start with https://")
        accessed = item.get("accessed")
        if key in pack.sources:
            problems.add(where, _line_of(item), f"duplicate source id {key!r}")
        pack.sources[key] = SourceSpec(
            key=key,
            title=_text(item, "title", where, problems),
            publisher=_text(item, "publisher", where, problems),
            url=url,
            accessed=accessed if isinstance(accessed, datetime.date) else None,
        )


def _read_reviewers(raw: YamlMapping, where: str, pack: PackSpec, problems: _Problems) -> None:
    reviewers = raw.get("reviewers")
    if not isinstance(reviewers, list) or not reviewers:
        problems.add(where, _line_of(raw), "missing 'reviewers' (a list of id, name, role)")
        return
    for item in reviewers:
        if not isinstance(item, dict):
            problems.add(where, _line_of(raw), f"a reviewer must be a mapping, not {item!r}")
            continue
        key = _text(item, "id", where, problems)
        if key in pack.reviewers:
            problems.add(where, _line_of(item), f"duplicate reviewer id {key!r}")
        pack.reviewers[key] = ReviewerSpec(
            key=key, name=_text(item, "name", where, problems), role=str(item.get("role") or "")
        )


def _read_article(
    path: Path, root: Path, data: object, pack: PackSpec, problems: _Problems
) -> ArticleSpec | None:
    where = str(path.relative_to(root.parent))
    if not isinstance(data, dict):
        problems.add(where, None, "an article file must be a mapping with slug, title, topics")
        return None
    slug = data.get("slug")
    if not isinstance(slug, str):
        problems.add(where, _line_of(data), "missing 'slug' (use \"\" for the pack's home page)")
        slug = ""
    elif not ARTICLE_SLUG.match(slug):
        problems.add(where, _line_of(data), f"article slug {slug!r} must be lowercase words joined by '-'")
    status = str(data.get("status") or "draft")
    if status not in STATUSES:
        problems.add(where, _line_of(data), f"status {status!r} must be one of {sorted(STATUSES)}")
    reviewed_by = data.get("reviewed_by")
    if not reviewed_by:
        problems.add(where, _line_of(data), "missing 'reviewed_by' (a reviewer id from pack.yaml)")
    elif reviewed_by not in pack.reviewers:
        problems.add(where, _line_of(data), f"reviewer {reviewed_by!r} is not defined in pack.yaml")
    last_reviewed = _date(data, "last_reviewed", where, problems)
    next_review = _date(data, "next_review", where, problems)
    if last_reviewed != datetime.date.min and next_review != datetime.date.min and next_review <= last_reviewed:
        problems.add(where, _line_of(data), "next_review must come after last_reviewed")
    position = data.get("position", 0)
    if not isinstance(position, int) or position < 0:
        problems.add(where, _line_of(data), "position must be a whole number of 0 or more")
        position = 0
    article = ArticleSpec(
        slug=slug,
        title=_text(data, "title", where, problems),
        summary=_text(data, "summary", where, problems),
        position=position,
        status=status,
        reviewed_by=str(reviewed_by or ""),
        last_reviewed=last_reviewed,
        next_review=next_review,
        source_file=where,
        topics=[],
        content_hash=_hash(data),
    )
    article_answers = _answers(data, where, problems)
    topics = data.get("topics")
    if not isinstance(topics, list) or not topics:
        problems.add(where, _line_of(data), "missing 'topics' (a list of topic sections)")
        return article
    for index, item in enumerate(topics):
        if not isinstance(item, dict):
            problems.add(where, _line_of(data), f"topic #{index + 1} must be a mapping")
            continue
        topic = _read_topic(item, index, where, pack, problems)
        topic.answers = _answers(item, where, problems) if "answers" in item else list(article_answers)
        topic.for_whom = _for_whom(item, where, problems)
        article.topics.append(topic)
    return article


def _for_whom(data: YamlMapping, where: str, problems: _Problems) -> list[str]:
    """Whom a topic is written for: people the medical reader can tell a question is about."""
    return _known_names(data, "for_whom", PEOPLE, where, problems,
                        not_a_list="for_whom must be a list of people", unknown="for_whom names unknown people")


def _answers(data: YamlMapping, where: str, problems: _Problems) -> list[str]:
    """The question types (askwell/medical/data/question_types.yaml) a topic answers."""
    return _known_names(data, "answers", question_type_names(), where, problems,
                        not_a_list="answers must be a list of question types", unknown="unknown question types")


def _known_names(data: YamlMapping, key: str, known: Sequence[str], where: str, problems: _Problems, *,
                 not_a_list: str, unknown: str) -> list[str]:
    """A topic field that lists names from a known set: each unknown name is a problem, and dropped."""
    raw = data.get(key) or []
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        problems.add(where, _line_of(data), not_a_list)
        return []
    strangers = [item for item in raw if item not in known]
    if strangers:
        problems.add(where, _line_of(data), f"{unknown} {strangers}; known: {', '.join(known)}")
    return [item for item in raw if item in known]


def _read_topic(item: YamlMapping, index: int, where: str, pack: PackSpec, problems: _Problems) -> TopicSpec:
    line = _line_of(item) or 1
    slug = _text(item, "slug", where, problems)
    if slug and not SLUG.match(slug):
        problems.add(where, line, f"topic slug {slug!r} must be lowercase words joined by '-' or '/'")
    sources = item.get("sources")
    if not isinstance(sources, list) or not sources:
        problems.add(where, line, f"topic {slug!r} has no sources: every topic must cite at least one")
        sources = []
    for key in sources:
        if key not in pack.sources:
            problems.add(where, line, f"topic {slug!r} cites source {key!r}, which pack.yaml does not define")
    body = _text(item, "body", where, problems)
    for key in CITATION.findall(body):
        if key not in sources:
            problems.add(where, line, f"topic {slug!r} cites [^{key}] in its body but not in its sources list")
    keywords = item.get("keywords") or []
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        problems.add(where, line, f"topic {slug!r}: keywords must be a list of words or phrases")
        keywords = []
    return TopicSpec(
        slug=slug,
        title=_text(item, "title", where, problems),
        summary=_text(item, "summary", where, problems),
        keywords=[str(k) for k in keywords],
        sources=[str(k) for k in sources],
        body=body,
        position=index,
        line=line,
    )


def _check_uniqueness_and_links(pack: PackSpec, problems: _Problems) -> None:
    seen_articles: dict[str, str] = {}
    for article in pack.articles:
        if article.slug in seen_articles:
            problems.add(
                article.source_file, 1,
                f"duplicate article slug {article.slug!r} (also in {seen_articles[article.slug]})",
            )
        seen_articles[article.slug] = article.source_file
    seen_topics: dict[str, str] = {}
    for article in pack.articles:
        for topic in article.topics:
            if topic.slug in seen_topics:
                problems.add(
                    article.source_file, topic.line,
                    f"duplicate topic slug {topic.slug!r} (also in {seen_topics[topic.slug]})",
                )
            seen_topics[topic.slug] = f"{article.source_file}:{topic.line}"
    for article in pack.articles:
        for topic in article.topics:
            for target in TOPIC_LINK.findall(topic.body):
                if target not in seen_topics:
                    problems.add(
                        article.source_file, topic.line,
                        f"topic {topic.slug!r} links to topic:{target}, which does not exist",
                    )


def discover_packs(content_dir: Path) -> list[Path]:
    return sorted(path.parent for path in content_dir.glob("*/pack.yaml"))
