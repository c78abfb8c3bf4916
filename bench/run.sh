#!/usr/bin/env bash
# Times `dossier build` on generated corpora, with Hugo side by side.
#
#   bash bench/run.sh [N ...]        default: 1000 10000
#   BENCH_DIR=/tmp/dossier-bench     where corpora and outputs go
#   NO_HUGO=1                        skip Hugo
#   BENCH_IDLE_MS=2000               serve's idle time before each edit
#
# For each N it prints wall time, CPU time (user + system), peak RSS and
# output size for Dossier and Hugo, the ratio of their wall times, a Dossier
# rebuild over its own output with nothing changed ("rebuild") and one with a
# single briefing edited ("edit1", `dossier build` after a save), and what
# `dossier serve` does on a save (examples/bench_incremental: a text edit is
# patched in, an edit that names an entity builds in full).
# Corpora are generated once per N (deterministic, seed 42) and reused.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work="${BENCH_DIR:-/tmp/dossier-bench}"
mkdir -p "$work"

cargo build --release --quiet --bin dossier --example gen_corpus --example bench_incremental
dossier="$PWD/target/release/dossier"
incremental="$PWD/target/release/examples/bench_incremental"
gen="$PWD/target/release/examples/gen_corpus"

if [ -z "${NO_HUGO:-}" ] && ! command -v hugo >/dev/null; then
  echo "installing hugo (Debian package) for the side-by-side run…" >&2
  apt-get update -qq && apt-get install -y -qq hugo >/dev/null
fi

# measure NAME OUTDIR COMMAND...: runs under /usr/bin/time -v, prints a row.
measure() {
  local name=$1 out=$2
  shift 2
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log"
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  user=$(awk -F': ' '/User time/ {print $2}' "$log")
  sys=$(awk -F': ' '/System time/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  local bytes files
  bytes=$(du -sb "$out" | cut -f1)
  files=$(find "$out" -type f | wc -l)
  printf '%-8s %8s %9.2f s %9.2f s %8d MiB %9d MiB %8d %9.1f KiB\n' \
    "$name" "$N" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) $((bytes / 1048576)) "$files" \
    "$(echo "$bytes / $N / 1024" | bc -l)"
  echo "$wall" >"$work/last-wall"
  rm -f "$log"
}

printf '%-8s %8s %11s %11s %12s %13s %8s %13s\n' tool briefings wall cpu "peak RSS" "output" files "per briefing"
for N in "${sizes[@]}"; do
  corpus="$work/corpus-$N"
  hugo_site="$work/hugo-$N"
  if [ ! -f "$corpus/.complete" ]; then
    "$gen" --n "$N" --out "$corpus" --hugo "$hugo_site" --force 2>/dev/null
    touch "$corpus/.complete"
  fi
  # Fresh output folders for both tools. ext4 skips inodes freed in the last
  # 30 s when it creates files, which would slow whichever build runs right
  # after a large delete, so the deletes settle first (BENCH_NO_SETTLE=1 skips).
  rm -rf "$work/out-$N" "$work/.out-$N.old" "$work/.out-$N.building" "$work/hugo-out-$N"
  sync
  [ -n "${BENCH_NO_SETTLE:-}" ] || sleep 31
  measure dossier "$work/out-$N" "$dossier" build --quiet --root "$corpus" --out "$work/out-$N"
  dossier_wall=$(cat "$work/last-wall")
  if [ -z "${NO_HUGO:-}" ]; then
    measure hugo "$work/hugo-out-$N" hugo --quiet -s "$hugo_site" -d "$work/hugo-out-$N"
    hugo_wall=$(cat "$work/last-wall")
    printf '         dossier / hugo wall time: %.2f\n' "$(echo "$dossier_wall / $hugo_wall" | bc -l)"
  fi
  # The same build again over its own output: unchanged pages are linked from
  # the previous site, not written.
  measure rebuild "$work/out-$N" "$dossier" build --quiet --root "$corpus" --out "$work/out-$N"
  # One briefing edited (a sentence added), as `dossier serve` would rebuild.
  edited=$(find "$corpus/seeds" -name '*.md' | sort | awk 'NR == 1')
  cp "$edited" "$work/edited.bak"
  printf '\nThe ministry confirmed the plan on Tuesday.\n' >>"$edited"
  measure edit1 "$work/out-$N" "$dossier" build --quiet --root "$corpus" --out "$work/out-$N"
  cp "$work/edited.bak" "$edited"
  echo "serve at $N: a full build, then rebuilds after edits of one briefing"
  rm -rf "$work/serve-$N"
  "$incremental" "$corpus" "$work/serve-$N" "${BENCH_IDLE_MS:-2000}" | sed 's/^/  /'
  rm -rf "$work/serve-$N"
done
echo "stages of a rebuild of the largest corpus (-v; render, write and search index are summed over threads):"
"$dossier" build -v --root "$work/corpus-${sizes[-1]}" --out "$work/out-${sizes[-1]}" 2>&1 | sed 's/^/stage /'
