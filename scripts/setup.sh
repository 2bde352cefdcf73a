#!/usr/bin/env bash
# Installs what Elevate needs on a fresh machine. Safe to run again: it only adds what is missing.
#   scripts/setup.sh          for running locally (Node deps)
#   scripts/setup.sh --test   also the system packages the tests drive (Chromium, AWS CLI v2)
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.0
say() { printf '\033[1msetup\033[0m │ %s\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
node_minor=$(node -p 'process.versions.node.split(".")[1]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 19 ]; }; then
  echo "Elevate needs Node.js 20.19 or newer (found $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  say "installing pnpm $PNPM_VERSION"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
fi

say "installing packages (pnpm install --frozen-lockfile)"
pnpm install --frozen-lockfile --reporter=silent

if [ "${1:-}" = "--test" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/aws ] || missing+=(awscli)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "The tests need Debian's ${missing[*]}: run 'sudo apt-get install ${missing[*]}' and try again." >&2
      exit 1
    fi
    say "installing ${missing[*]} from Debian (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
say "ready"
