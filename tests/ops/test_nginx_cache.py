"""The nginx page micro-cache of deploy/nginx.conf.template, run for real on loopback: one
`askwell serve` behind nginx (started as the current user, `-p` a temporary directory).

Proves: an anonymous page is served from nginx's cache the second time (X-Cache-Status: HIT),
and a HEAD from the same copy; each coding (plain, gzip, br) is kept apart; a signed-in person's
requests are never served from it nor stored in it; a private page, or one with a form (it sets
the CSRF cookie), is never stored; and a member's comment on an article shows to anonymous
readers within the cache's lifetime (plus the one refill after it). Runs on SQLite and
PostgreSQL. Bounded: about 20 s.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.ops.support import (
    ASKWELL,
    REPO,
    DatabaseFactory,
    Response,
    Server,
    askwell_environment,
    free_port,
    hidden_field,
    post_form,
    request,
    require,
    which,
)
from tests.ops.test_multi_instance import stop_group, wait_for_port

CACHE_SECONDS = 5  # the template's default: long enough that a loaded machine does not see copies expire mid-check
EMAIL, PASSWORD, USERNAME = "reader@example.org", "a long read by the sea", "seareader"


@dataclass
class Site:
    address: str
    server: Server


@pytest.fixture(scope="module")
def site(databases: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    nginx = which("nginx")
    require(nginx is not None, "nginx is not installed (scripts/server-deps.sh installs Debian's nginx-light)")
    assert nginx is not None
    tmp_path = tmp_path_factory.mktemp("nginx-cache")
    database = databases.copy("nginxcache")
    data = tmp_path / "app"
    data.mkdir()
    server = Server("app", data, askwell_environment(data, database.url, ASKWELL_TRUSTED_PROXIES="127.0.0.1"),
                    workers=2, task_worker=False)
    nginx_process: subprocess.Popen[bytes] | None = None
    try:
        server.start()
        make_member(server)
        prefix = tmp_path / "nginx"
        prefix.mkdir()
        port = free_port()
        rendered = subprocess.run(
            [sys.executable, str(REPO / "deploy" / "render_nginx_conf.py"), "--listen", f"127.0.0.1:{port}",
             "--upstream", f"127.0.0.1:{server.port}", "--prefix", str(prefix),
             "--page-cache-seconds", str(CACHE_SECONDS), *(["--user", "root"] if os.geteuid() == 0 else [])],
            capture_output=True, text=True, check=True)
        (prefix / "nginx.conf").write_text(rendered.stdout)
        log = prefix / "error.log"
        nginx_process = subprocess.Popen(
            [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(log), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for_port(port, nginx_process, log)
        yield Site(f"http://127.0.0.1:{port}", server)
    finally:
        server.stop()
        if nginx_process is not None:
            stop_group(nginx_process)


def make_member(server: Server) -> None:
    code = (
        "import datetime\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.utils import timezone\n"
        "from allauth.account.models import EmailAddress\n"
        f"user = get_user_model().objects.create_user({USERNAME!r}, {EMAIL!r}, {PASSWORD!r})\n"
        "user.date_joined = timezone.now() - datetime.timedelta(days=60)\n"
        "user.save()\n"
        f"EmailAddress.objects.create(user=user, email={EMAIL!r}, verified=True, primary=True)\n"
        # An approved comment before: their next one is published at once (community/actions.py).
        "from askwell.community.models import Comment, CommentStatus\n"
        "from askwell.knowledge.models import Article\n"
        "Comment.objects.create(article=Article.objects.order_by('pk').first(), author=user, name='Sea reader',\n"
        f"    email={EMAIL!r}, body='Thank you.', body_html='<p>Thank you.</p>', status=CommentStatus.VISIBLE)\n"
    )
    subprocess.run([*ASKWELL, "shell", "-c", code], cwd=REPO, env=server.environment, check=True,
                   capture_output=True, timeout=120)


def sign_in(site: Site) -> dict[str, str]:
    """Signs in through nginx, as a browser would; returns the Cookie header."""
    page = request("GET", f"{site.address}/accounts/login/")
    assert page.status == 200
    cookies = dict(page.cookies)
    answer = post_form(f"{site.address}/accounts/login/",
                       {"login": EMAIL, "password": PASSWORD,
                        "csrfmiddlewaretoken": hidden_field(page.body, "csrfmiddlewaretoken")},
                       headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
    assert answer.status == 302, answer.body[:500]
    cookies.update(answer.cookies)
    assert "sessionid" in cookies
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}


def status(response: Response) -> str:
    return response.headers.get("x-cache-status", "")


def cached_copy(url: str) -> Response:
    """The page as nginx's cache serves it (HIT). A copy an earlier test left may have just
    expired: the next request then gets it STALE or UPDATING while nginx refills it."""
    deadline = time.monotonic() + 5
    while True:
        response = request("GET", url)
        if status(response) == "HIT" or time.monotonic() > deadline:
            return response
        time.sleep(0.05)


def test_an_anonymous_page_is_served_from_the_cache_the_second_time(site: Site) -> None:
    for path in ("/", "/muscle-spasms/causes/"):
        first = request("GET", f"{site.address}{path}")
        second = request("GET", f"{site.address}{path}")
        assert (first.status, second.status) == (200, 200), path
        assert status(first) in {"MISS", "EXPIRED"}, (path, first.headers)
        assert status(second) == "HIT", (path, second.headers)
        assert second.body == first.body
        assert "set-cookie" not in second.headers
        head = request("HEAD", f"{site.address}{path}")
        assert (head.status, status(head), head.body) == (200, "HIT", b""), "HEAD is answered from the same copy"


def test_each_coding_is_kept_apart(site: Site) -> None:
    path = f"{site.address}/muscle-spasms/"
    plain = request("GET", path)
    assert plain.headers.get("content-encoding") is None and b"<html" in plain.body
    for coding, first_header, second_header in (("gzip", "gzip", "deflate, gzip"),
                                                ("br", "br", "gzip, deflate, br")):
        first = request("GET", path, headers={"Accept-Encoding": first_header})
        again = request("GET", path, headers={"Accept-Encoding": second_header})
        assert status(first) in {"MISS", "EXPIRED"}, f"{coding} is stored apart from the plain page"
        assert status(again) == "HIT", "the key holds the coding, not the raw Accept-Encoding"
        assert again.headers.get("content-encoding") == first.headers.get("content-encoding")
        assert again.body == first.body
        if coding == "gzip":  # (askwell sends brotli only for some pages, so br may come back plain)
            assert first.headers.get("content-encoding") == "gzip"
    refused = request("GET", path, headers={"Accept-Encoding": "br;q=0, gzip;q=0.5"})
    assert status(refused) == "HIT" and refused.headers.get("content-encoding") == "gzip", \
        "a coding refused with q=0 is not the one sent"
    neither = request("GET", path, headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert neither.headers.get("content-encoding") is None


def test_a_private_page_is_never_stored(site: Site) -> None:
    answers = [request("GET", f"{site.address}/about/") for _ in range(2)]
    assert [a.status for a in answers] == [200, 200]
    assert answers[0].headers.get("cache-control", "").startswith("private")
    assert [status(a) for a in answers] == ["MISS", "MISS"]


def test_signed_in_requests_are_never_served_from_nor_stored_in_the_cache(site: Site) -> None:
    session = sign_in(site)
    # Cached for anonymous readers first: the signed-in person still gets their own page.
    assert status(cached_copy(f"{site.address}/")) == "HIT"
    mine = request("GET", f"{site.address}/", headers=session)
    assert mine.status == 200 and status(mine) == "BYPASS"
    assert USERNAME.encode() in mine.body, "the page shows who is signed in"

    # A page first asked for by a signed-in person is not stored for the next anonymous one.
    for _ in range(2):
        theirs = request("GET", f"{site.address}/topics/", headers=session)
        assert theirs.status == 200 and status(theirs) == "BYPASS"
    anonymous = request("GET", f"{site.address}/topics/")
    assert status(anonymous) in {"MISS", "EXPIRED"}, anonymous.headers
    assert USERNAME.encode() not in anonymous.body


def test_a_page_with_a_form_is_never_stored(site: Site) -> None:
    # The ask form is private and sets the CSRF cookie: every anonymous reader gets their own.
    answers = [request("GET", f"{site.address}/questions/ask/") for _ in range(2)]
    assert [a.status for a in answers] == [200, 200]
    assert [status(a) for a in answers] == ["MISS", "MISS"], [a.headers for a in answers]
    assert all("csrftoken" in a.cookies for a in answers)
    # Holding the CSRF cookie, the same reader is then sent past the cache on every page.
    held = request("GET", f"{site.address}/", headers={"Cookie": f"csrftoken={answers[0].cookies['csrftoken']}"})
    assert status(held) == "BYPASS"


def hidden_fields(html: bytes) -> dict[str, str]:
    fields = {}
    for tag in re.findall(rb"<input[^>]*>", html):
        name, value = re.search(rb'name="([^"]+)"', tag), re.search(rb'value="([^"]*)"', tag)
        if name and b'type="hidden"' in tag:
            fields[name.group(1).decode()] = value.group(1).decode() if value else ""
    return fields


def test_a_comment_shows_to_anonymous_readers_within_the_cache_lifetime(site: Site) -> None:
    article = f"{site.address}/muscle-spasms/causes/"
    cached = cached_copy(article)
    assert status(cached) == "HIT"
    comment_form = re.search(rb'action="(/community/comments/article/\d+/)"', cached.body)
    assert comment_form, "the article has a comment form"
    words = "Stretching before bed stopped my cramps within a week."
    assert words.encode() not in cached.body

    session = sign_in(site)
    form_url = f"{site.address}{comment_form.group(1).decode()}"
    form = request("GET", form_url, headers=session)
    assert form.status == 200 and status(form) == "BYPASS"
    sent = post_form(form_url, {**hidden_fields(form.body), "comment": words}, headers=session)
    assert sent.status == 302, re.findall(rb'class="[^"]*error[^"]*"[^>]*>([^<]+)', sent.body)
    written = time.monotonic()
    mine = request("GET", article, headers=session)
    assert status(mine) == "BYPASS" and words.encode() in mine.body, "the writer sees it at once"

    seen_after, stale_seen = None, False
    while time.monotonic() - written < CACHE_SECONDS + 5:
        page = request("GET", article)
        if words.encode() in page.body:
            seen_after = time.monotonic() - written
            break
        stale_seen = stale_seen or status(page) == "HIT"
        time.sleep(0.1)
    assert seen_after is not None, "the comment never reached anonymous readers"
    # The lifetime, plus the one refill after it (served in the background: one reader still gets
    # the old copy while the new one renders).
    assert seen_after <= CACHE_SECONDS + 2, f"seen after {seen_after:.1f} s, the cache keeps pages {CACHE_SECONDS} s"
    print(f"\nnginx page cache ({CACHE_SECONDS} s): a comment reached anonymous readers after {seen_after:.1f} s "
          f"({'the cached page was served until then' if stale_seen else 'the cached copy had just expired'})")
