"""The self-hoster's first run on another port: `make run PORT=...` on a fresh data directory
prints the admin address on that port, and the links in the emails it sends use that port.

The real Makefile runs (`-o` skips the pip install, which `make test` has just done) with a
scratch data directory and emails written to files instead of the console. Bounded: about
a minute (a fresh database is migrated and the packs loaded first)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import REPO, assert_accessible, assert_no_console_errors, open_page, screenshot

pytestmark = [pytest.mark.browser]


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, server: subprocess.Popen[str], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        assert server.poll() is None, f"make run stopped:\n{server.communicate()[0][-4000:]}"
        assert time.monotonic() < deadline, "make run did not start serving in time"
        time.sleep(0.5)


def emails(folder: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in sorted(folder.glob("*")))


def test_make_run_on_another_port_uses_it_for_the_admin_and_every_emailed_link(browser: Any, tmp_path: Path) -> None:
    port = free_port()
    mail_dir = tmp_path / "mail"
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"SITE_URL", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update({
        "ASKWELL_DATA_DIR": str(tmp_path / "data"),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "ASKWELL_MIN_FILL_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    })
    server = subprocess.Popen(
        ["make", "--no-print-directory", "-o", ".venv/.installed-stamp", "run", f"PORT={port}"],
        cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    page = open_page(browser, viewport={"width": 390, "height": 844})
    try:
        wait_for(base + "/healthz", server, 150)
        # A stranger asks a question, on the port the site runs on.
        page.goto(base + "/questions/ask/")
        assert_accessible(page)
        page.get_by_label("Your question").fill("Why does my foot arch cramp when I swim?")
        page.get_by_label("Details").fill("Every time I swim more than ten lengths, the left arch cramps.")
        page.get_by_label("Your email address").fill("first.run@example.net")
        page.get_by_role("button", name="Continue").click()
        page.get_by_role("button", name="Post my question").click()
        expect(page.get_by_role("heading", name="Thank you, your question is received")).to_be_visible()
        assert_accessible(page)
        # The task worker `make run` started sends the confirmation email.
        deadline = time.monotonic() + 60
        while "/questions/confirm/" not in emails(mail_dir) if mail_dir.exists() else True:
            assert time.monotonic() < deadline, "no confirmation email was sent"
            time.sleep(0.5)
        links = re.findall(r"https?://[^\s\"<>]+", emails(mail_dir))
        askwell_links = [link for link in links if "/questions/" in link or "/unsubscribe/" in link]
        assert askwell_links and all(link.startswith(base + "/") for link in askwell_links), askwell_links
        confirm = next(link for link in askwell_links if "/questions/confirm/" in link)
        page.goto(confirm)
        page.get_by_role("button", name="Confirm my question").click()
        expect(page.get_by_role("heading", name="Your question is confirmed")).to_be_visible()
        assert_no_console_errors(page)
        screenshot(page, "selfhost-confirmed-on-another-port")
    finally:
        page.context.close()
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    # ensureadmin printed the admin address on this port, not :8000.
    assert f"admin page: {base}/admin/" in output, output[-3000:]
    assert ":8000" not in output
