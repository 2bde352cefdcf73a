#!/usr/bin/env bash
# The Playwright journeys, three whole runs in a row with retries off, while a CPU-heavy job runs
# beside them: proves the suite waits on the app's own signals, not on a quiet machine.
#
# Beside the journeys: the domain package's unit tests (vitest, ~400 tests) in a loop, about one
# core's worth of work, as when CI runs the unit tests next to the journeys. Each run builds the
# SPA for production and serves it like CloudFront (e2e/tests/support/stack.ts), on ports of its
# own (E2E_PORT_OFFSET, 300 unless set).
#
# Prints, per run: passed / failed / flaky / skipped, its duration, and the load average (at the
# start, the mean and the highest of samples every 5 s, at the end). Exits non-zero unless all
# three runs passed every journey at the first try. Run `bash scripts/setup.sh --test` first.
# Arguments go to `playwright test` (e.g. one spec file while iterating).
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${E2E_BUSY_RUNS:-3}
export E2E_PORT_OFFSET=${E2E_PORT_OFFSET:-300}
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
out=.data/test-results/e2e-busy
rm -rf "$out" && mkdir -p "$out"

load_now() { cut -d' ' -f1 /proc/loadavg; }

# The job beside the journeys, in a process group of its own so it stops with this script.
load_job='the domain unit tests (pnpm exec vitest run --root packages/domain) in a loop'
setsid bash -c '
  n=0
  while true; do
    n=$((n + 1))
    pnpm exec vitest run --root packages/domain --reporter=dot >/dev/null 2>&1
    echo "$n" >"$0/load-job.count"
  done' "$out" &
load_pid=$!
# The load average every 5 s, for each run's mean and peak.
setsid bash -c 'while true; do echo "$(date +%s) $(cut -d" " -f1 /proc/loadavg)" >>"$0/load.samples"; sleep 5; done' "$out" &
sampler_pid=$!
stop_background() {
  kill -- "-$load_pid" "-$sampler_pid" 2>/dev/null
  wait "$load_pid" "$sampler_pid" 2>/dev/null
}
trap stop_background EXIT
trap 'exit 130' INT TERM

echo "e2e under load: $runs runs of the whole Playwright suite, --retries=0, ports +$((100 + E2E_PORT_OFFSET))"
echo "beside them: $load_job (pid group $load_pid)"
echo "machine: $(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg)"

all_passed=1
lines=()
for run in $(seq 1 "$runs"); do
  started=$(date +%s)
  load_start=$(load_now)
  echo "── run $run of $runs (load average $load_start)"
  rm -f .data/test-results/playwright.json
  # The stack's own log goes to the run's log file only; the terminal shows the journeys.
  (cd e2e && pnpm exec playwright test --retries=0 --output="../$out/run-$run" "$@") 2>&1 |
    tee "$out/run-$run.log" | grep --line-buffered -v '^\[WebServer\]'
  ended=$(date +%s)
  cp .data/test-results/playwright.json "$out/run-$run.json" 2>/dev/null
  read -r mean peak < <(awk -v from="$started" -v to="$ended" \
    '$1 >= from && $1 <= to { n++; s += $2; if ($2 > m) m = $2 } END { if (n) printf "%.2f %.2f\n", s / n, m; else print "- -" }' \
    "$out/load.samples" 2>/dev/null || echo "- -")
  if [ -s "$out/run-$run.json" ]; then
    read -r passed failed flaky skipped errors < <(node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      console.log(r.stats.expected, r.stats.unexpected, r.stats.flaky, r.stats.skipped, r.errors?.length ?? 0);
    ' "$out/run-$run.json")
  else
    passed=0 failed=0 flaky=0 skipped=0 errors=1
  fi
  seconds=$((ended - started))
  line="run $run: $passed passed, $failed failed, $flaky flaky, $skipped skipped$([ "$errors" -gt 0 ] && echo ", $errors errors") in $((seconds / 60))m$((seconds % 60))s; load average $load_start at the start, mean $mean, peak $peak, $(load_now) at the end; load job: $(cat "$out/load-job.count" 2>/dev/null || echo 0) loops so far"
  lines+=("$line")
  echo "$line"
  if [ "$failed" -ne 0 ] || [ "$flaky" -ne 0 ] || [ "$errors" -ne 0 ] || [ "$passed" -eq 0 ]; then
    all_passed=0
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const walk = (suite) => {
        for (const spec of suite.specs ?? [])
          for (const test of spec.tests)
            if (test.status !== "expected" && test.status !== "skipped")
              console.log(`  ${test.status}: ${spec.file}:${spec.line} › ${spec.title}\n    ${(test.results.at(-1)?.error?.message ?? "").replace(/\x1b\[[0-9;]*m/g, "").split("\n").filter(Boolean).slice(0, 3).join("\n    ")}`);
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const suite of r.suites) walk(suite);
    ' "$out/run-$run.json" 2>/dev/null
  fi
done

echo "── summary (beside the journeys: $load_job)"
printf '%s\n' "${lines[@]}"
if [ "$all_passed" -eq 1 ]; then
  echo "all $runs runs passed with no retries"
else
  echo "NOT all $runs runs passed with no retries (logs, traces and reports in $out)"
  exit 1
fi
