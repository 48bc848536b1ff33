#!/usr/bin/env bash
# Installs what the browser tests need: Debian's Chromium (no browser download works on
# these machines) and axe-core from the npm registry. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests ..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: /usr/bin/chromium is missing and cannot be installed here (not root)." >&2
  fi
fi
if [ ! -f node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null; then
    npm ci --silent --no-audit --no-fund >/dev/null
  else
    echo "warning: npm is missing; the accessibility check cannot run." >&2
  fi
fi
