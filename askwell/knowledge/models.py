"""The knowledge base: packs of articles, each article a page of topic sections.

Content lives in files under content/<pack>/ and is reviewed like code; these tables
are what `askwell loadcontent` makes of it. Editors read them in the admin.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone


class Status(models.TextChoices):
    """The content lifecycle. Only published content is shown to readers."""

    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished (removed from its pack)"


class Pack(models.Model):
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    # The subjects it answers, in everyday words (pack.yaml `covers`): what "in scope" means.
    covers = models.JSONField(default=list, blank=True)
    # Subjects that sound like the pack's but are not (pack.yaml `near_misses`).
    near_misses = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED)
    content_hash = models.CharField(max_length=64, blank=True)
    loaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return article_url(self.slug, "")


class Source(models.Model):
    pack = models.ForeignKey(Pack, on_delete=models.CASCADE, related_name="sources")
    key = models.CharField(max_length=80)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200)
    url = models.URLField(max_length=500)
    accessed = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pack", "key"], name="source_key_unique_in_pack")]
        ordering = ["publisher", "title"]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.title}"


class Reviewer(models.Model):
    pack = models.ForeignKey(Pack, on_delete=models.CASCADE, related_name="reviewers")
    key = models.CharField(max_length=80)
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pack", "key"], name="reviewer_key_unique_in_pack")]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        return self.filter(status=Status.PUBLISHED, pack__status=Status.PUBLISHED)

    def review_due(self, today: datetime.date | None = None) -> ArticleQuerySet:
        return self.filter(next_review__lte=today or timezone.localdate())


class Article(models.Model):
    pack = models.ForeignKey(Pack, on_delete=models.CASCADE, related_name="articles")
    # The pack's home article has the empty slug and lives at /<pack>/.
    slug = models.SlugField(blank=True)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    position = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    reviewed_by = models.ForeignKey(Reviewer, on_delete=models.PROTECT, related_name="articles")
    last_reviewed = models.DateField()
    next_review = models.DateField()
    source_file = models.CharField(max_length=300)
    content_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(default=timezone.now)
    views = models.PositiveIntegerField(default=0)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pack", "slug"], name="article_slug_unique_in_pack")]
        ordering = ["pack", "position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return article_url(self.pack.slug, self.slug)

    @property
    def is_review_due(self) -> bool:
        return self.next_review <= timezone.localdate()


class TopicQuerySet(models.QuerySet["Topic"]):
    def published(self) -> TopicQuerySet:
        return self.filter(
            status=Status.PUBLISHED,
            article__status=Status.PUBLISHED,
            article__pack__status=Status.PUBLISHED,
        )


class Topic(models.Model):
    """One addressable unit of knowledge: a section of an article, found by its slug."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="topics")
    slug = models.CharField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    keywords = models.JSONField(default=list, blank=True)
    # The question types it answers (askwell/medical/data/question_types.yaml): instant
    # answers prefer a topic that answers the kind of question asked.
    answers = models.JSONField(default=list, blank=True)
    # Questions it answers in people's own words (the pack's asks.yaml): instant answers
    # compare a question with these as well as with the text.
    asks = models.JSONField(default=list, blank=True)
    # Whom it is written for, when that is someone in particular (askwell.medical.triage.PEOPLE:
    # baby, child, older_adult, pregnancy); empty for everyone. Instant answers place it lower
    # for a question about someone else ("my 10 year old daughter" and a 70-year-old's story).
    for_whom = models.JSONField(default=list, blank=True)
    body_markdown = models.TextField()
    body_html = models.TextField()
    body_text = models.TextField()
    position = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    sources = models.ManyToManyField(Source, related_name="topics")

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["article", "position"]

    def __str__(self) -> str:
        return f"{self.slug}: {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return anchor_for(self.slug)

    @property
    def is_faq(self) -> bool:
        return self.slug.startswith("faq/")


def article_url(pack_slug: str, article_slug: str) -> str:
    """The pack's home article (empty slug) lives at /<pack>/, the others at /<pack>/<article>/."""
    if not article_slug:
        return reverse("knowledge:pack", kwargs={"pack": pack_slug})
    return reverse("knowledge:article", kwargs={"pack": pack_slug, "article": article_slug})


def anchor_for(slug: str) -> str:
    """The HTML id of a topic section: its slug with "/" turned into "-"."""
    return slug.replace("/", "-")
