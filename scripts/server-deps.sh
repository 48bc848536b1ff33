#!/usr/bin/env bash
# Installs what the multi-instance and nginx page-cache tests and deploy/ need: Debian's nginx (nginx-light is
# enough: proxy, upstreams and retries). PostgreSQL, its client tools (pg_dump, pg_restore) and
# Redis are services the machine provides, like the database itself. Safe to run again.
set -euo pipefail
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's nginx-light for the nginx tests ..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
    # Only the binary is wanted: the tests run their own nginx on loopback, never the service.
    if command -v systemctl >/dev/null; then systemctl disable --now nginx >/dev/null 2>&1 || true; fi
    if [ -x /usr/sbin/service ]; then service nginx stop >/dev/null 2>&1 || true; fi
  else
    echo "warning: nginx is missing and cannot be installed here (not root); the multi-instance test needs it." >&2
  fi
fi
