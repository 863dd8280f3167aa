#!/usr/bin/env bash
# The Swagger UI test drives Debian's Chromium (never a browser downloaded by a test tool).
# Installs it when missing and this machine can (root with apt-get); otherwise says why, and
# the test skips locally or fails under CI=true.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the Swagger UI test…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
else
  echo "note: $browser not found and cannot install it here; the Swagger UI test will skip (install Debian's chromium, or set CHROMIUM_PATH)."
fi
