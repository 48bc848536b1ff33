"""Static files as askwell serve publishes them: content-hashed names with far-future immutable
caching, and precompressed .br and .gz copies served by WhiteNoise to clients that accept them."""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import brotli
import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client, override_settings
from whitenoise.compress import Compressor

pytestmark = pytest.mark.django_db

# The project's own files only (not the admin's and the API docs'), to keep the test quick.
OWN_FILES = ["django.contrib.staticfiles.finders.FileSystemFinder"]
MANIFEST = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "askwell.core.staticstorage.CompressedOnceStaticFilesStorage"},
}


def test_serve_publishes_hashed_compressed_static_files_with_far_future_caching(tmp_path: Path) -> None:
    root = tmp_path / "static"
    with override_settings(STORAGES=MANIFEST, STATIC_ROOT=root, STATICFILES_FINDERS=OWN_FILES):
        call_command("collectstatic", interactive=False, verbosity=0)
        url = static("css/site.css")
        assert url != "/static/css/site.css", "a content-hashed name"
        name = url.removeprefix("/static/")
        assert (root / (name + ".br")).is_file() and (root / (name + ".gz")).is_file()
        client = Client()  # a new handler: WhiteNoise scans the new STATIC_ROOT
        plain = client.get(url)
        assert plain.status_code == 200
        body = b"".join(plain.streaming_content)  # type: ignore[attr-defined]
        assert "immutable" in plain["Cache-Control"] and "max-age=315360000" in plain["Cache-Control"]
        encoded = client.get(url, headers={"Accept-Encoding": "gzip, br"})
        assert encoded["Content-Encoding"] == "br"
        assert brotli.decompress(b"".join(encoded.streaming_content)) == body  # type: ignore[attr-defined]
        # askwell serve runs collectstatic at every start: unchanged files are not compressed again
        # (only those too small for compression to pay, which have no compressed copy to keep).
        with mock.patch.object(Compressor, "compress", return_value=[]) as compress:
            call_command("collectstatic", interactive=False, verbosity=0)
        again = [Path(call.args[0]) for call in compress.call_args_list]
        assert root / name not in again
        assert all(not Path(f"{path}.br").exists() and not Path(f"{path}.gz").exists() for path in again)


def test_askwell_serve_turns_the_manifest_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import askwell.cli as cli

    # setenv first, so that monkeypatch puts back exactly what was there (nothing) afterwards.
    monkeypatch.setenv("STATIC_MANIFEST", "placeholder")
    monkeypatch.delenv("STATIC_MANIFEST")
    calls: list[list[str]] = []
    monkeypatch.setattr(cli, "ensure_ready", lambda: None)
    monkeypatch.setattr("django.core.management.execute_from_command_line", lambda argv: calls.append(argv))
    monkeypatch.setattr("django.setup", lambda: None)
    cli.main(["askwell", "serve", "--no-collectstatic", "--help"])
    assert "STATIC_MANIFEST" not in os.environ, "no manifest would be built: plain names then"
    cli.main(["askwell", "serve", "--help"])
    assert os.environ.get("STATIC_MANIFEST") == "1"
    assert calls == [["askwell", "serve", "--no-collectstatic", "--help"], ["askwell", "serve", "--help"]]
