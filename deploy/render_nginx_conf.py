#!/usr/bin/env python3
"""Writes deploy/nginx.conf.template with real addresses filled in (standard library only).

    python3 deploy/render_nginx_conf.py --listen 80 --server-name askwell.example \\
        --upstream 10.0.0.11:8000 --upstream 10.0.0.12:8000 --prefix /var/lib/askwell-nginx > nginx.conf
    nginx -p /var/lib/askwell-nginx -c /path/to/nginx.conf -e /var/lib/askwell-nginx/error.log
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("nginx.conf.template")
TEMP_DIRECTORIES = ("body", "proxy", "fastcgi", "uwsgi", "scgi")


def render(listen: str, upstreams: list[str], prefix: Path, server_name: str = "_",
           access_log: str = "off", user: str = "", fail_timeout: int = 10, page_cache_seconds: int = 5) -> str:
    if not upstreams:
        raise ValueError("give at least one --upstream HOST:PORT")
    if not 0 <= page_cache_seconds <= 60:
        # Longer would leave a write unseen by anonymous readers for more than a minute.
        raise ValueError("--page-cache-seconds is 0 (off) to 60")
    lines = [f"        server {upstream} max_fails=1 fail_timeout={fail_timeout}s;" for upstream in upstreams]
    # Started as root, nginx's workers switch to `user` (nobody when not given); started as anyone
    # else they stay that user and the line is ignored.
    user_line = f"user {user};" if user else ""
    values = {"LISTEN": listen, "UPSTREAMS": "\n".join(lines), "PREFIX": str(prefix), "SERVER_NAME": server_name,
              "ACCESS_LOG": access_log, "USER": user_line, "PAGE_CACHE_SECONDS": str(page_cache_seconds or 1),
              "PAGE_CACHE_ZONE": "askwell_pages" if page_cache_seconds else "off"}
    text = TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    if "@@" in text:
        raise ValueError("a placeholder was left unfilled")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", default="80", help="nginx's listen value, e.g. 80 or 127.0.0.1:8080")
    parser.add_argument("--upstream", action="append", default=[], help="an askwell serve HOST:PORT (repeat)")
    parser.add_argument("--prefix", type=Path, default=Path("/var/lib/askwell-nginx"),
                        help="directory for the pid file, error log and temporary files")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--access-log", default="off", help="a path, or off")
    parser.add_argument("--user", default="", help="the user nginx's workers run as when started as root (www-data)")
    parser.add_argument("--page-cache-seconds", type=int, default=5,
                        help="how long nginx keeps an anonymous public page (0: no nginx cache; at most 60)")
    options = parser.parse_args(argv)
    try:
        text = render(options.listen, options.upstream, options.prefix.resolve(), options.server_name,
                      options.access_log, options.user, page_cache_seconds=options.page_cache_seconds)
    except ValueError as error:
        parser.error(str(error))
    for name in TEMP_DIRECTORIES:
        (options.prefix / "tmp" / name).mkdir(parents=True, exist_ok=True)
    (options.prefix / "cache").mkdir(parents=True, exist_ok=True)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
