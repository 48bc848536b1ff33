"""Hostile Markdown and HTML in every text field: the rendered pages carry nothing executable."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any
from xml.etree import ElementTree

import pytest
from django.test import Client

from askwell.accounts.models import ExpertProfile
from askwell.community import actions
from askwell.community.models import Comment, CommentStatus, Question
from askwell.community.testing import user_of
from askwell.knowledge.models import Article

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](java\tscript:alert(1))",
    "![img](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href='x' onclick='alert(1)'>x</a>",
    "<body onload=alert(1)>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
    "[x](<javascript:alert(1)>)",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "{{ 7*7 }}{% debug %}",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
]
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "svg", "math", "base", "meta", "form", "input", "style", "body"}


class Scanner(HTMLParser):
    """Collects every executable construct in a page (our own scripts and forms are allowed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "main":
            self.in_body = True
        if tag == "script" and not ((values.get("src") or "").startswith("/static/")
                                    or values.get("type") == "application/ld+json"):
            self.problems.append(f"script {attrs}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}")
            cleaned = "".join((value or "").split()).lower()
            if name in URL_ATTRIBUTES and cleaned.startswith(("javascript:", "vbscript:", "data:")):
                self.problems.append(f"{tag} {name}={value}")
        # Our templates use forms and inputs; hostile ones would come without our csrf / known actions.
        if tag in FORBIDDEN_TAGS - {"form", "input", "meta", "body", "style"} and self.in_body:
            self.problems.append(f"forbidden {tag}")
        if tag == "form" and (values.get("action") or "").lower().startswith("javascript"):
            self.problems.append("javascript form")


def executable_bits(html: str) -> list[str]:
    scanner = Scanner()
    scanner.feed(html)
    return scanner.problems


def test_the_scanner_catches_what_it_looks_for() -> None:
    for raw in ("<script>x</script>", "<img src=x onerror=y>", '<a href="javascript:x">', "<main><svg></svg>"):
        assert executable_bits(raw), raw


@pytest.fixture
def hostile(db: None, asker: Client, expert: Client, member: Client) -> dict[str, Any]:
    asker_user, expert_user = user_of(asker), user_of(expert)
    article = Article.objects.published().first()
    assert article is not None
    ExpertProfile.objects.filter(user=expert_user).update(profession=PAYLOADS[1], bio="\n".join(PAYLOADS))
    joined = "\n\n".join(PAYLOADS)
    question = actions.ask_question(user=asker_user, title=("Q " + PAYLOADS[0])[:150], body=joined, topic=None,
                                    tags=PAYLOADS[:5])
    actions.publish_question(question)
    answer = actions.post_answer(question, author=expert_user, body=joined)
    for index, payload in enumerate(PAYLOADS):
        for target in (actions.CommentTarget(article=article), actions.CommentTarget(answer=answer)):
            actions.post_comment(target, user=user_of(member), name=payload[:80], email=f"x{index}@example.net",
                                 website="https://example.org/" + payload[:20], body=payload)
    Comment.objects.update(status=CommentStatus.VISIBLE)
    # A javascript: website can never be saved through the form; make sure the page copes if one were stored.
    Comment.objects.filter(pk=Comment.objects.first().pk).update(website="javascript:alert(1)")  # type: ignore[union-attr]
    return {"question": question, "article": article, "expert": expert_user}


def test_no_payload_survives_in_any_page_feed_or_api(hostile: dict[str, Any], anonymous: Client,
                                                      moderator: Client) -> None:
    question: Question = hostile["question"]
    pages = [question.get_absolute_url(), "/questions/", f"/questions/{question.pk}/history/",
             f"/experts/{hostile['expert'].get_username()}/"]
    for url in pages:
        html = anonymous.get(url).content.decode()
        assert executable_bits(html) == [], url
    html = moderator.get("/moderation/").content.decode()
    assert executable_bits(html) == []
    from django.template import Context, Template

    rendered = Template("{% load community_tags %}{% comments_for article %}").render(
        Context({"article": hostile["article"]}))
    assert executable_bits(rendered) == []
    detail = anonymous.get(f"/api/v1/questions/{question.pk}").json()
    assert executable_bits(detail["body_html"]) == []
    assert all(executable_bits(a["body_html"]) == [] for a in detail["answers"])
    for url in ("/questions/feed/", "/questions/feed/atom/"):
        root = ElementTree.fromstring(anonymous.get(url).content)
        # Titles are plain text by the RSS and Atom specs; descriptions and summaries are HTML to readers.
        texts = [element.text or "" for element in root.iter() if element.tag.split("}")[-1] in
                 {"description", "summary", "content"}]
        assert any("alert(1)" in text for text in texts)  # the payload is there, as text
        for text in texts:  # a reader that renders them as HTML finds nothing executable
            assert executable_bits(text) == [], text


def test_json_ld_cannot_be_broken_out_of(hostile: dict[str, Any], anonymous: Client) -> None:
    html = anonymous.get(hostile["question"].get_absolute_url()).content.decode()
    start = html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    block = html[start:html.index("</script>", start)]
    data = json.loads(block)
    assert data["@type"] == "QAPage"
    assert "<" not in block


def test_a_website_sent_to_the_comment_form_is_never_stored(anonymous: Client) -> None:
    """The form has no Website field any more; a robot that sends one anyway stores no link."""
    from askwell.community.testing import guard

    article = Article.objects.published().first()
    assert article is not None
    response = anonymous.post(f"/community/comments/article/{article.pk}/",
                              guard(comment="Hello", name="Al", email="al@example.net", website="javascript:alert(1)"))
    assert response.status_code == 302
    assert Comment.objects.get().website == ""
