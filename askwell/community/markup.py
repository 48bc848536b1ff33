"""The answers of a question page, the comment lists of answers and articles and the rows of the
questions list, written out in Python instead of templates (issue 12: a question page with ten
answers uncached in 8 ms, the questions list at a million questions in 10 ms at p99).

In templates (community/_answer.html and _comments.html, see git history), ten answers and
their comment lists walked Django's template engine through about 500 nodes and 600 variable
lookups a page: most of the page's time; the list's twenty rows were two thirds of its own.
The format strings below mirror those templates line for line, and every value is escaped as
a template would, except the ones already safe (a post's stored HTML, rendered from Markdown when
it was saved, and the stencils below, rendered from templates). Dates and numbers go through the
same functions as the `date` filter and `{{ }}`, so the markup is the templates' (the pages were
compared before and after for every kind of reader).

The comment and report forms under each answer and comment differ only in the target's id:
each is rendered from its template (community/_comment_form.html, _flag.html) once per process
for a stand-in id (STENCIL_PK) and copied with the real id put in (`stencil`).

Nothing here is personal unless the reader is signed in: the forms carry a CSRF token only
for signed-in people (`csrf_token` is None for everyone else), who are never served cached pages.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from html import escape as escape_html
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.formats import date_format, localize
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import is_aware, localtime
from django.utils.translation import get_language

from askwell.community.forms import CommentForm
from askwell.community.models import Answer, Comment, Question
from askwell.core.addresses import address
from askwell.core.stencils import rendered_once
from askwell.feedback.useful import answer_form as useful_form
from askwell.knowledge.models import Article
from askwell.moderation.spam import STAMP_PLACEHOLDER

# Never a real id on a page (ids are rendered as plain decimal text).
STENCIL_PK = 987654321012345
# What the comment list shows (not the commenter's email address).
COMMENT_FIELDS = ("pk", "parent_id", "name", "website", "body_html", "created_at", "article_id", "answer_id")
CSRF_STAND_IN = "askwell-csrf-stand-in"


# --------------------------------------------------------------------------- stencils


@dataclass(frozen=True)
class StandIn:
    pk: int = STENCIL_PK


# The forms render nothing that changes between requests but the CSRF token (a stand-in here,
# put in per copy) and the stamp (filled in as the page leaves), so each is rendered once.


def stencil(request: HttpRequest | None, name: str, kind: str, pk: int, values: Mapping[str, object]) -> SafeString:
    """`name` rendered with `values` for the stand-in id, once per process (per request while
    templates may change: DEBUG), then copied with `pk` in place of the stand-in id and the
    request's CSRF token in place of its stand-in. `values` must not depend on the target
    beyond its id, nor on the request beyond its CSRF token."""
    csrf_token = values.get("csrf_token")

    def render() -> str:
        built = {field: value() if callable(value) else value for field, value in values.items()}
        return render_to_string(name, {**built, "csrf_token": CSRF_STAND_IN if csrf_token else None})

    html = rendered_once(("community", name, kind, csrf_token is not None), render, request)
    html = html.replace(str(STENCIL_PK), str(pk))
    if csrf_token is not None:
        html = html.replace(CSRF_STAND_IN, str(csrf_token))
    return mark_safe(html)  # noqa: S308 - rendered by a template; the token is [A-Za-z0-9]


def report_button(request: HttpRequest | None, kind: str, pk: int, csrf_token: object | None) -> SafeString:
    """A small "Report" form for any reader (community/_flag.html)."""
    return stencil(request, "community/_flag.html", kind, pk, {
        "kind": kind, "target_pk": STENCIL_PK, "form_started": STAMP_PLACEHOLDER, "csrf_token": csrf_token,
    })


def comment_form(request: HttpRequest | None, kind: str, pk: int, csrf_token: object | None) -> SafeString:
    """"Leave a reply" (community/_comment_form.html). Signed-in people (the only ones with a
    CSRF token) get the member's form, without name and email: the stencil's key tells the two apart."""
    return stencil(request, "community/_comment_form.html", kind, pk, {
        "kind": kind,
        "target": StandIn(),
        # Built only when the stencil is rendered (a form costs more than the copy).
        "form": lambda: CommentForm(auto_id=f"id_{kind}{STENCIL_PK}_%s", member=csrf_token is not None),
        "csrf_token": csrf_token,
    })


# --------------------------------------------------------------------------- values as templates show them


def _escaped(value: object) -> str:
    """A value as `{{ value }}` shows it: escaped unless already safe (conditional_escape)."""
    as_html = getattr(value, "__html__", None)
    return as_html() if as_html is not None else escape_html(str(value))  # what django.utils.html.escape does


def _html(format_string: str, *args: object, **kwargs: object) -> SafeString:
    """format_html, every value escaped unless already safe, without its check of each value
    for a lazy string (none comes here): a question page fills in some 250 values."""
    return SafeString(format_string.format(*map(_escaped, args),
                                           **{name: _escaped(value) for name, value in kwargs.items()}))


@lru_cache(maxsize=4096)
def _formatted(wall_clock: datetime.datetime, format_string: str, language: str | None) -> str:
    return date_format(wall_clock, format_string)


def _times(value: datetime.datetime, format_string: str) -> tuple[str, str]:
    """`{{ value|date:'c' }}` and `{{ value|date:format_string }}`, in the current time zone
    and the site's language. The `c` format is isoformat; `format_string` must show neither
    seconds nor the time zone, as each local minute is then formatted once (formatting costs
    ~20 us, and a page shows many times of the same days)."""
    local = localtime(value) if is_aware(value) else value
    minute = local.replace(second=0, microsecond=0, tzinfo=None)  # naive: equal only to the same wall clock
    return local.isoformat(), _formatted(minute, format_string, get_language())


def _number(value: int) -> str:
    """`{{ value }}` for a count (what localize makes of an int)."""
    return str(localize(value)) if settings.USE_THOUSAND_SEPARATOR else str(value)


CSRF_INPUT = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'


def _csrf_input(csrf_token: object | None) -> SafeString:
    """`{% csrf_token %}`."""
    return _html(CSRF_INPUT, csrf_token) if csrf_token and csrf_token != "NOTPROVIDED" else SafeString("")


# --------------------------------------------------------------------------- comment lists

COMMENT_SECTION = """<section class="comments" id="{section_id}" aria-labelledby="comments-title-{kind}-{pk}">
  {stylesheet}
  <h2 id="comments-title-{kind}-{pk}" class="{heading_class}">{heading}</h2>
  {comments}
  {form}
  {script}
</section>
"""
COMMENT_LIST = """
    <ol class="comment-list">{rows}
    </ol>
"""
NO_COMMENTS = mark_safe('<p class="empty-state">No comments yet. Be the first to share what you know or ask '
                        'what is unclear.</p>')
COMMENT = """
      <li class="comment" id="comment-{pk}"><article class="comment-body" aria-label="Comment by {name}">
        <p class="comment-meta"><strong>{author}</strong>
          <time datetime="{iso_time}">{time}</time></p>
        <div class="comment-text">{body_html}</div>
        {reply}
        {report}
      </article>{after}"""
COMMENT_LINK = '<a href="{}" rel="nofollow ugc noopener">{}</a>'
REPLY = ('<p class="comment-reply"><a href="{url}?replyto={pk}#reply" data-reply-to="{pk}" data-reply-name="{name}">'
         'Reply<span class="visually-hidden"> to {name}</span></a></p>')
OPEN_REPLIES, CLOSE_ITEM, CLOSE_REPLIES = '<ol class="comment-replies">', "</li>", "</ol></li>"


def threaded(comments: list[Comment]) -> list[tuple[Comment, bool, bool, bool]]:
    """The comments in page order, one level of replies under each, as flat rows
    (comment, is_reply, opens_replies, closes_replies)."""
    replies: dict[int, list[Comment]] = {}
    for comment in comments:
        if comment.parent_id is not None:
            replies.setdefault(comment.parent_id, []).append(comment)
    rows = []
    for comment in comments:
        if comment.parent_id is not None:
            continue
        under = replies.get(comment.pk, [])
        rows.append((comment, False, bool(under), False))
        rows += [(reply, True, False, number == len(under) - 1) for number, reply in enumerate(under)]
    return rows


def visible_comments(target: Article | Answer) -> list[Comment]:
    """The prefetched `visible_comment_list` (see community.views.questions), else one query."""
    prefetched = getattr(target, "visible_comment_list", None)
    if prefetched is not None:
        return list(prefetched)
    return list(target.comments.visible().only(*COMMENT_FIELDS))


def comment_section(request: HttpRequest | None, target: Article | Answer, csrf_token: object | None) -> SafeString:
    """The comments under an article or an answer, and the "Leave a reply" form."""
    kind = "article" if isinstance(target, Article) else "answer"
    comments = visible_comments(target)
    rows = []
    if comments:
        # Reversed once per kind (a question page has one list per answer), then copied with the id.
        reply_url = address("community:comment", kind, STENCIL_PK).replace(str(STENCIL_PK), str(target.pk))
        for comment, is_reply, opens_replies, closes_replies in threaded(comments):
            link = comment.link
            iso_time, time = _times(comment.created_at, "j F Y, H:i")
            rows.append(_html(
                COMMENT, pk=comment.pk, name=comment.name,
                author=_html(COMMENT_LINK, link, comment.name) if link else comment.name,
                iso_time=iso_time, time=time,
                body_html=mark_safe(comment.body_html),  # noqa: S308 - rendered by the one Markdown renderer
                reply="" if is_reply else _html(REPLY, url=reply_url, pk=comment.pk, name=comment.name),
                report=report_button(request, "comment", comment.pk, csrf_token),
                after=mark_safe((OPEN_REPLIES if opens_replies else CLOSE_ITEM)  # noqa: S308 - constants
                                + (CLOSE_REPLIES if closes_replies else "")),
            ))
    article = kind == "article"  # community pages load the stylesheet and script once, in community/_base.html
    return _html(
        COMMENT_SECTION, kind=kind, pk=target.pk,
        section_id="comments" if article else f"comments-answer-{target.pk}",
        stylesheet=_html('<link rel="stylesheet" href="{}">', static("css/community.css")) if article else "",
        heading_class="" if article else "h3",
        heading=f"{_number(len(comments))} comment{'' if len(comments) == 1 else 's'}" if comments else "Comments",
        comments=_html(COMMENT_LIST, rows=mark_safe("".join(rows))) if rows else NO_COMMENTS,  # noqa: S308
        form=comment_form(request, kind, target.pk, csrf_token),
        script=_html('<script src="{}" defer></script>', static("js/community.js")) if article else "",
    )


# --------------------------------------------------------------------------- answers

ANSWER = """
<article class="answer{accepted_class}" id="answer-{pk}" aria-label="Answer by {author}">
  <p class="answer-meta"><strong>{byline}</strong>
    · <time datetime="{iso_date}">{date}</time>
    {accepted}</p>
  <div class="post-body">{body_html}</div>
  <div class="post-actions">
    <span class="vote-count" id="votes-{pk}">{helpful_count} found this helpful</span>
    {actions}
  </div>
  {useful}
  {comments}
</article>
"""
EXPERT_BYLINE = '<a href="{}">{}</a> <span class="badge">Verified expert · {}</span>'
ACCEPTED = '<span class="accepted">Accepted by the asker</span>'
HELPFUL_FORM = ('<form method="post" action="{}" class="inline-form">{}'
                '<button type="submit" class="button-secondary">Helpful</button></form>')
ACCEPT_FORM = ('<form method="post" action="{}" class="inline-form">{}'
               '<button type="submit" class="button">Accept this answer</button></form>')
EDIT_LINK = '<a href="{}">Edit</a>'


@dataclass(frozen=True)
class Reader:
    """Who reads the question page, as far as the answers' buttons go."""

    request: HttpRequest | None
    user_pk: int | None
    is_member: bool
    can_accept: bool
    can_moderate: bool
    csrf_token: object | None  # signed-in people's only: an anonymous reader's page may be cached


def _byline(answer: Answer) -> object:
    profile = getattr(answer.author, "expert_profile", None)  # None for a former member or a non-expert
    if answer.by_expert and profile is not None and profile.is_verified:
        url = address("accounts:expert", username=answer.author_name)  # ExpertProfile.get_absolute_url
        return _html(EXPERT_BYLINE, url, answer.author_name, profile.profession)
    return answer.author_name


def _actions(answer: Answer, question: Question, reader: Reader) -> SafeString:
    """Helpful, Accept and Edit for those who may, then Report."""
    own = reader.user_pk is not None and answer.author_id == reader.user_pk
    accepted = answer.pk == question.accepted_answer_id
    actions = []
    if reader.is_member and not own:
        actions.append(_html(HELPFUL_FORM, reverse("community:helpful", args=[answer.pk]),
                                   _csrf_input(reader.csrf_token)))
    if reader.can_accept and not accepted:
        actions.append(_html(ACCEPT_FORM, reverse("community:accept", args=[question.pk, answer.pk]),
                                   _csrf_input(reader.csrf_token)))
    if own or reader.can_moderate:
        actions.append(_html(EDIT_LINK, reverse("community:edit_answer", args=[answer.pk])))
    actions.append(report_button(reader.request, "answer", answer.pk, reader.csrf_token))
    return mark_safe("\n    ".join(actions))  # noqa: S308 - each piece built by _html or a stencil


def answer_article(answer: Answer, question: Question, reader: Reader) -> SafeString:
    """One answer: byline, text, buttons, "Is this answer useful?" and its comments."""
    accepted = answer.pk == question.accepted_answer_id
    iso_date, date = _times(answer.created_at, "j F Y")
    return _html(
        ANSWER, pk=answer.pk, author=answer.author_name, byline=_byline(answer),
        accepted_class=" answer-accepted" if accepted else "", accepted=mark_safe(ACCEPTED) if accepted else "",  # noqa: S308
        iso_date=iso_date, date=date,
        body_html=mark_safe(answer.body_html),  # noqa: S308 - rendered by the one Markdown renderer
        helpful_count=_number(answer.helpful_count),
        actions=_actions(answer, question, reader),
        useful=useful_form(answer),
        comments=comment_section(reader.request, answer, reader.csrf_token),
    )


def answer_articles(answers: Iterable[Answer], question: Question, reader: Reader) -> SafeString:
    return mark_safe("".join(answer_article(answer, question, reader) for answer in answers))  # noqa: S308


# --------------------------------------------------------------------------- the questions list

QUESTION_ROW = """
    <li class="question-item">
      <h2 class="h3"><a href="{url}">{title}</a></h2>
      <p class="small"><span class="answer-count{has_answers}">{answer_count} answer{plural}</span>
        · <span class="state state-{state}">{state_label}</span>
        · asked by {asker} · <time datetime="{iso_date}">{date}</time>
        {topic}</p>
    </li>
    """
TOPIC_FILTER = '· <a href="?topic={}">{}</a>'


def question_rows(questions: Iterable[Question]) -> SafeString:
    """The questions list's rows (listing.QuestionPage.questions, with their answer counts)."""
    # Question.get_absolute_url for the stand-in id, reversed once; each row copies it with its id.
    url = address("community:question", pk=STENCIL_PK)
    rows = []
    for question in questions:
        count: int = question.answer_count  # type: ignore[attr-defined]  # set by listing.with_answer_counts
        topic = question.topic
        iso_date, date = _times(question.created_at, "j M Y")
        rows.append(_html(
            QUESTION_ROW, url=url.replace(str(STENCIL_PK), str(question.pk)), title=question.title,
            has_answers=" has-answers" if count else "", answer_count=_number(count), plural="" if count == 1 else "s",
            state=question.state, state_label=question.get_state_display(), asker=question.asker_name,
            iso_date=iso_date, date=date,
            topic=_html(TOPIC_FILTER, quote(topic.slug), topic.title) if topic is not None else "",
        ))
    return mark_safe("".join(rows))  # noqa: S308 - each row built by _html
