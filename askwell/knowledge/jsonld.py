"""schema.org JSON-LD for article pages (MedicalWebPage with its review details)."""

from __future__ import annotations

import json

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe

from askwell.knowledge.models import Article, Topic


def dump(data: object) -> SafeString:
    # Escape "<" so a "</script>" inside any text can never close the script element.
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))  # noqa: S308


def medical_web_page(request: HttpRequest, article: Article, topics: list[Topic]) -> SafeString:
    url = request.build_absolute_uri(article.get_absolute_url())
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": article.title,
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "inLanguage": "en-GB",
        "lastReviewed": article.last_reviewed.isoformat(),
        "dateModified": article.updated_at.date().isoformat(),
        "reviewedBy": {"@type": "Organization", "name": article.reviewed_by.name},
        "about": [{"@type": "MedicalCondition", "name": article.pack.title}]
        + [{"@type": "Thing", "name": t.title, "url": f"{url}#{t.anchor}"} for t in topics if not t.is_faq],
        "audience": {"@type": "Audience", "audienceType": "Patient"},
    }
    faqs = [t for t in topics if t.is_faq]
    if faqs:
        data["mainEntity"] = {
            "@type": "FAQPage",
            "mainEntity": [
                {"@type": "Question", "name": t.title, "acceptedAnswer": {"@type": "Answer", "text": t.summary}}
                for t in faqs
            ],
        }
    return dump(data)
