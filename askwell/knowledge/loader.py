"""`loadcontent`: turn validated pack files into published knowledge, idempotently.

Re-running with unchanged files writes nothing. An edited file updates its topics. A
topic or article that disappeared from the files is unpublished, never deleted, so a
mistaken removal can be undone by restoring the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from askwell.core.markdown import html_to_text
from askwell.knowledge.markdown import render_article_markdown
from askwell.knowledge.models import (
    Article,
    Pack,
    Reviewer,
    Source,
    Status,
    Topic,
    anchor_for,
    article_url,
)
from askwell.knowledge.packfiles import (
    CITATION,
    ArticleSpec,
    PackError,
    PackSpec,
    discover_packs,
    read_pack,
)
from askwell.knowledge.signals import topics_changed

TOPIC_HREF = re.compile(r'href="topic:([^"]+)"')


@dataclass
class LoadReport:
    packs: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    unpublished: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.unpublished)

    def summary(self) -> str:
        return (
            f"{len(self.packs)} pack(s): {len(self.created)} topic(s) created, "
            f"{len(self.updated)} updated, {self.unchanged} unchanged, "
            f"{len(self.unpublished)} unpublished"
        )


def read_all(content_dir: Path) -> list[PackSpec]:
    """Read and validate every pack; raises PackError with every problem of every pack."""
    problems: list[str] = []
    packs: list[PackSpec] = []
    for folder in discover_packs(content_dir):
        try:
            packs.append(read_pack(folder))
        except PackError as error:
            problems.extend(error.problems)
    owners: dict[str, str] = {}
    for pack in packs:
        for topic in pack.topics():
            if topic.slug in owners and owners[topic.slug] != pack.slug:
                problems.append(
                    f"{pack.folder.name}: topic slug {topic.slug!r} is already used by pack {owners[topic.slug]!r}"
                )
            owners[topic.slug] = pack.slug
    if not packs and not problems:
        problems.append(f"{content_dir}: no knowledge packs found (expected <pack>/pack.yaml)")
    if problems:
        raise PackError(problems)
    return packs


def load_content(content_dir: Path) -> LoadReport:
    packs = read_all(content_dir)
    report = LoadReport()
    with transaction.atomic():
        for spec in packs:
            _load_pack(spec, report)
        if report.changed:
            changed = report.created + report.updated
            removed = list(report.unpublished)
            transaction.on_commit(lambda: topics_changed.send(sender=Topic, changed=changed, removed=removed))
    return report


def _load_pack(spec: PackSpec, report: LoadReport) -> None:
    report.packs.append(spec.slug)
    pack, _ = Pack.objects.get_or_create(slug=spec.slug, defaults={"title": spec.title})
    urls = {topic.slug: _topic_url(spec, article, topic.slug) for article in spec.articles for topic in article.topics}
    if pack.content_hash == spec.content_hash and pack.status == Status.PUBLISHED:
        report.unchanged += len(urls)
        return
    pack.title, pack.summary, pack.status = spec.title, spec.summary, Status.PUBLISHED
    pack.covers = list(spec.covers)
    pack.near_misses = list(spec.near_misses)
    pack.content_hash, pack.loaded_at = spec.content_hash, timezone.now()
    pack.save()

    sources = {}
    for key, source in spec.sources.items():
        sources[key], _ = Source.objects.update_or_create(
            pack=pack, key=key,
            defaults={"title": source.title, "publisher": source.publisher, "url": source.url,
                      "accessed": source.accessed},
        )
    reviewers = {}
    for key, reviewer in spec.reviewers.items():
        reviewers[key], _ = Reviewer.objects.update_or_create(
            pack=pack, key=key, defaults={"name": reviewer.name, "role": reviewer.role}
        )

    seen_topics: set[str] = set()
    seen_articles: set[str] = set()
    for article_spec in spec.articles:
        seen_articles.add(article_spec.slug)
        article = _upsert_article(pack, article_spec, reviewers[article_spec.reviewed_by])
        citation_numbers = _citation_numbers(article_spec)
        for topic_spec in article_spec.topics:
            seen_topics.add(topic_spec.slug)
            html = _render_body(topic_spec.body, urls, citation_numbers)
            values = {
                "article": article,
                "title": topic_spec.title,
                "summary": topic_spec.summary,
                "keywords": topic_spec.keywords,
                "answers": topic_spec.answers,
                "asks": topic_spec.asks,
                "for_whom": topic_spec.for_whom,
                "body_markdown": topic_spec.body,
                "body_html": html,
                "body_text": html_to_text(html),
                "position": topic_spec.position,
                "status": article.status,
            }
            topic = Topic.objects.filter(slug=topic_spec.slug).first()
            source_keys = sorted(topic_spec.sources)
            if topic is None:
                topic = Topic.objects.create(slug=topic_spec.slug, **values)
                report.created.append(topic.slug)
            elif _differs(topic, values) or sorted(topic.sources.values_list("key", flat=True)) != source_keys:
                for name, value in values.items():
                    setattr(topic, name, value)
                topic.save()
                report.updated.append(topic.slug)
            else:
                report.unchanged += 1
                continue
            topic.sources.set([sources[key] for key in topic_spec.sources])

    for topic in Topic.objects.filter(article__pack=pack).exclude(slug__in=seen_topics).exclude(
        status=Status.UNPUBLISHED
    ):
        topic.status = Status.UNPUBLISHED
        topic.save(update_fields=["status"])
        report.unpublished.append(topic.slug)
    Article.objects.filter(pack=pack).exclude(slug__in=seen_articles).update(status=Status.UNPUBLISHED)


def _upsert_article(pack: Pack, spec: ArticleSpec, reviewer: Reviewer) -> Article:
    values = {
        "title": spec.title,
        "summary": spec.summary,
        "position": spec.position,
        "status": spec.status,
        "reviewed_by": reviewer,
        "last_reviewed": spec.last_reviewed,
        "next_review": spec.next_review,
        "source_file": spec.source_file,
        "content_hash": spec.content_hash,
    }
    article = Article.objects.filter(pack=pack, slug=spec.slug).first()
    if article is None:
        return Article.objects.create(pack=pack, slug=spec.slug, **values)
    if article.content_hash != spec.content_hash or article.status != spec.status:
        for name, value in values.items():
            setattr(article, name, value)
        article.updated_at = timezone.now()
        article.save()
    return article


def _differs(topic: Topic, values: dict[str, object]) -> bool:
    return any(getattr(topic, name) != value for name, value in values.items())


def _topic_url(pack: PackSpec, article: ArticleSpec, slug: str) -> str:
    return f"{article_url(pack.slug, article.slug)}#{anchor_for(slug)}"


def number_citations(bodies: Iterable[str], source_keys: Iterable[str]) -> dict[str, int]:
    """Number an article's sources: cited ones in order of first citation, then the rest by id.

    The loader numbers the [n] markers with this and the page numbers its source list with
    it, so the two always agree, whether the sources come from files or from the database.
    """
    numbers: dict[str, int] = {}
    for body in bodies:
        for key in CITATION.findall(body):
            numbers.setdefault(key, len(numbers) + 1)
    for key in sorted(set(source_keys) - numbers.keys()):
        numbers[key] = len(numbers) + 1
    return numbers


def _citation_numbers(article: ArticleSpec) -> dict[str, int]:
    return number_citations(
        (topic.body for topic in article.topics), (key for topic in article.topics for key in topic.sources)
    )


def _render_body(body: str, urls: dict[str, str], numbers: dict[str, int]) -> str:
    html = render_article_markdown(body)
    html = TOPIC_HREF.sub(lambda m: f'href="{urls[m.group(1)]}"', html)
    return CITATION.sub(
        lambda m: (
            f'<sup class="cite"><a href="#source-{m.group(1)}" '
            f'title="Source {numbers[m.group(1)]}">[{numbers[m.group(1)]}]</a></sup>'
        ),
        html,
    )


def article_sources(topics: list[Topic]) -> list[tuple[int, Source]]:
    """An article's sources in citation order, numbered as its citation markers are.

    `topics` are the article's published topics with their sources prefetched.
    """
    by_key = {source.key: source for topic in topics for source in topic.sources.all()}
    order = number_citations((topic.body_markdown for topic in topics), by_key)
    return [(number, by_key[key]) for key, number in order.items() if key in by_key]
