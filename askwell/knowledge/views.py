from __future__ import annotations

from functools import partial

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render

from askwell.core.pagecache import cached_for_anonymous
from askwell.knowledge import jsonld
from askwell.knowledge.models import Article, Pack, Status, Topic
from askwell.knowledge.viewcount import FLUSH_EVERY, count_view

# Re-exported for the tests that read them (counting is askwell/knowledge/viewcount.py).
VIEW_FLUSH_EVERY = FLUSH_EVERY


def article(request: HttpRequest, pack: str, article: str = "") -> HttpResponse:
    # A cached page for an anonymous reader is served without touching the database.
    def render_page() -> HttpResponse:
        page = get_object_or_404(
            Article.objects.published().select_related("pack", "reviewed_by"), pack__slug=pack, slug=article
        )
        return _render_article(request, page)

    response = cached_for_anonymous(request, f"article:{pack}/{article}", render_page,
                                    on_serve=partial(count_view, pack, article))
    if response.status_code == 200:
        count_view(pack, article)
    return response


def _render_article(request: HttpRequest, page: Article) -> HttpResponse:
    # Imported here: the loader brings the Markdown renderer, which `askwell ask` (whose
    # URLconf includes these views only to print their addresses) would otherwise load too.
    from askwell.knowledge.loader import article_sources

    topics = list(page.topics.published().prefetch_related("sources"))
    siblings = list(Article.objects.published().filter(pack=page.pack).only("slug", "title", "pack__slug"))
    index = next(i for i, a in enumerate(siblings) if a.pk == page.pk)
    context = {
        "article": page,
        "pack": page.pack,
        "sections": [t for t in topics if not t.is_faq],
        "faqs": [t for t in topics if t.is_faq],
        "sources": article_sources(topics),
        "siblings": siblings,
        "previous": siblings[index - 1] if index > 0 else None,
        "next": siblings[index + 1] if index + 1 < len(siblings) else None,
        "canonical": request.build_absolute_uri(page.get_absolute_url()),
        "jsonld": jsonld.medical_web_page(request, page, topics),
    }
    return render(request, "knowledge/article.html", context)


def topic_redirect(request: HttpRequest, slug: str) -> HttpResponse:
    """/t/<slug>/ -> the section that holds the topic: a stable link for any topic."""

    def find_topic() -> HttpResponse:
        topic = Topic.objects.published().select_related("article__pack").filter(slug=slug.strip("/")).first()
        if topic is None:
            raise Http404("No such topic")
        return HttpResponsePermanentRedirect(topic.get_absolute_url())

    # The redirect is the same for everyone, so it is page-cached like a page (no body to keep).
    return cached_for_anonymous(request, f"topic:{slug}", find_topic)


def topic_index(request: HttpRequest) -> HttpResponse:
    def render_index() -> HttpResponse:
        # Three queries in all: packs, their published articles, those articles' published topics.
        published_topics = Prefetch("topics", queryset=Topic.objects.published().only("slug", "title", "article_id"))
        articles = Article.objects.published().prefetch_related(published_topics)
        packs = Pack.objects.filter(status=Status.PUBLISHED).prefetch_related(Prefetch("articles", queryset=articles))
        entries = [(pack, [(page, list(page.topics.all())) for page in pack.articles.all()]) for pack in packs]
        return render(request, "knowledge/topic_index.html", {"entries": entries})

    return cached_for_anonymous(request, "topic-index", render_index)

