#!/usr/bin/env bash
# Kills and races `dossier` as issue 15's targets ask, on 2,000-briefing
# corpora (examples/gen_corpus, seeds 1 and 2), and prints what each run left:
#   - 100 builds killed (SIGKILL) at a random moment;
#   - 100 `serve` patches killed at a random moment around the patch;
#   - 50 runs of two concurrent builds of different corpora into one output.
# Each time the output must be one whole site, byte-identical to a fresh
# build of one corpus, and every build not killed must succeed. It drives
# `dossier` as a process (build and serve through the CLI), through the
# ignored tests of tests/output_safety.rs.
#
#   bash bench/interrupted.sh                  the full counts
#   DOSSIER_KILL_RUNS=10 DOSSIER_CONCURRENT_RUNS=5 bash bench/interrupted.sh
#   DOSSIER=path/to/dossier bash bench/interrupted.sh   another binary
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin dossier
export DOSSIER_BIN="${DOSSIER:-$PWD/target/release/dossier}"
export DOSSIER_KILL_RUNS="${DOSSIER_KILL_RUNS:-100}"
export DOSSIER_CONCURRENT_RUNS="${DOSSIER_CONCURRENT_RUNS:-50}"

for test in many_builds_killed_at_random_leave_one_whole_site \
  many_serve_patches_killed_at_random_leave_one_whole_site \
  many_concurrent_builds_of_two_corpora_never_mix_their_sites; do
  start=$(date +%s)
  status=0
  log=$(mktemp)
  nice cargo test --quiet --test output_safety "$test" -- --exact --ignored --nocapture \
    >"$log" 2>&1 || status=$?
  summary=$(grep -E '^[0-9]+ (builds killed|serve patches killed|runs of two)' "$log" || true)
  printf '%-62s %s (%d s)\n' "$test" "$([ $status = 0 ] && echo ok || echo FAILED)" \
    $(($(date +%s) - start))
  printf '  %s\n' "${summary:-no summary: see below}"
  [ $status = 0 ] || grep -E 'panicked|run [0-9]+:' "$log" | head -5
  rm -f "$log"
done
