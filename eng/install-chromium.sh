#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the web UI browser tests (tests/Harrier.Web.Tests) and PDF reports.
# Idempotent and quiet: does nothing when a chromium is already on PATH; needs root (or sudo) otherwise.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: apt-get not found; install Chromium yourself (the browser tests skip without it unless CI=true)" >&2
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; else
    echo "install-chromium: not root and no sudo; skipping the Chromium install" >&2
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-chromium: apt-get failed" >&2
  exit 1
fi
command -v chromium >/dev/null 2>&1
