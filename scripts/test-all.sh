#!/usr/bin/env bash
# Every test Elevate has, from a fresh machine: installs what is missing, runs each suite, and ends
# with one line "N passed, N failed" adding them all up. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test || { echo "0 passed, 1 failed"; exit 1; }

export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
results=.data/test-results
rm -rf "$results" && mkdir -p "$results"
passed=0
failed=0
skipped=0
summary=()

# A check that is pass/fail as a whole (lint, types, synth) counts as one test.
check() {
  local name=$1; shift
  local started=$SECONDS
  if "$@" >"$results/$name.log" 2>&1; then
    passed=$((passed + 1)); summary+=("$name: passed ($((SECONDS - started)) s)")
  else
    failed=$((failed + 1)); summary+=("$name: FAILED ($((SECONDS - started)) s) — see $results/$name.log")
    tail -40 "$results/$name.log"
  fi
}

# Adds a runner's JSON report to the totals; a missing report means the runner itself broke.
count() {
  local name=$1 file=$2 kind=$3
  if [ ! -s "$file" ]; then
    failed=$((failed + 1)); summary+=("$name: FAILED (no report)"); return
  fi
  read -r p f s < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (process.argv[2] === "vitest") console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + r.testResults.filter(t => t.status === "failed" && t.assertionResults.length === 0).length, r.numPendingTests + r.numTodoTests);
    else console.log(r.stats.expected + r.stats.flaky, r.stats.unexpected + (r.errors?.length ?? 0), r.stats.skipped);
  ' "$file" "$kind")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  summary+=("$name: $p passed, $f failed, $s skipped")
}

echo "── static checks"
check lint pnpm exec eslint .
check typecheck pnpm typecheck
check format pnpm exec prettier --check .
# Workspace manifests: sorted, no empty or duplicated fields, one version of each dependency.
check manifests pnpm exec sherif
# Unused files, exports, types and dependencies (knip.jsonc names the entry points it cannot see).
check unused pnpm exec knip
# No devDependency in production code: what the Lambda handlers and operator commands reach (the
# `!` entries in knip.jsonc) and every package's exports. The CLI is one bundle whose libraries are
# devDependencies; apps/cli/test/bundle-contents.test.ts checks what that bundle holds instead.
check dev-dependencies pnpm exec knip --strict --include unlisted,unresolved --workspace '!@elevate/cli'
# Import cycles, type-only imports included (a cycle of types still ties two modules together).
check cycles pnpm exec dpdm --no-warning --no-tree --exit-code circular:1 \
  'apps/*/src/**/*.{ts,tsx}' 'packages/*/src/**/*.ts' 'infra/src/**/*.ts'

echo "── unit and integration tests (vitest)"
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
count vitest "$results/vitest.json" vitest

echo "── load bench, short form (20 rps × 5 s; asserts no errors, nothing lost or duplicated)"
check bench-load-short pnpm bench:load --rates 20 --seconds 5 --assert

if [ -f infra/package.json ] && grep -q '"synth"' infra/package.json; then
  echo "── CDK synth + cdk-nag"
  check synth pnpm synth
fi

echo "── end-to-end journeys (Playwright, Debian Chromium)"
pnpm --filter @elevate/e2e exec playwright test
count playwright "$results/playwright.json" playwright

echo "── second IdP journey (oauth2-mock-server on loopback, Playwright)"
pnpm --filter @elevate/e2e exec playwright test -c playwright.external-idp.config.ts
count playwright-external-idp "$results/playwright-external-idp.json" playwright

echo
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
