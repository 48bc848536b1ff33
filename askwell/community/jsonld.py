"""schema.org QAPage for question pages. Names only, never an address."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.safestring import SafeString

from askwell.community.models import Answer, Question
from askwell.core.markdown import html_to_text
from askwell.knowledge.jsonld import dump


def _answer(request: HttpRequest, answer: Answer) -> dict[str, object]:
    return {
        "@type": "Answer",
        "text": html_to_text(answer.body_html),
        "dateCreated": answer.created_at.isoformat(),
        "upvoteCount": answer.helpful_count,
        "url": request.build_absolute_uri(answer.get_absolute_url()),
        "author": {"@type": "Person", "name": answer.author_name},
    }


def qa_page(request: HttpRequest, question: Question, answers: list[Answer]) -> SafeString:
    main: dict[str, object] = {
        "@type": "Question",
        "name": question.title,
        "text": html_to_text(question.body_html),
        "answerCount": len(answers),
        "dateCreated": question.created_at.isoformat(),
        "author": {"@type": "Person", "name": question.asker_name},
    }
    accepted = next((a for a in answers if a.pk == question.accepted_answer_id), None)
    if accepted:
        main["acceptedAnswer"] = _answer(request, accepted)
    others = [_answer(request, a) for a in answers if a is not accepted]
    if others:
        main["suggestedAnswer"] = others
    return dump({"@context": "https://schema.org", "@type": "QAPage", "mainEntity": main})
