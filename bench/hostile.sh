#!/usr/bin/env bash
# Times `dossier build` on the pathological inputs of issue 15
# (examples/gen_hostile.rs): 50,000 names, 20,000 authors, 100,000-deep
# nesting in YAML and in Markdown, a 200 MB line and a 3 GB sparse file.
#
#   bash bench/hostile.sh              BENCH_DIR=/tmp/dossier-hostile by default
#   DOSSIER=path/to/dossier bash bench/hostile.sh   time another binary
#
# Prints, per site: input size, exit status, wall time, peak RSS, output size
# and the first error line (the last two cases must be refused by the size limit).
set -euo pipefail
cd "$(dirname "$0")/.."

work="${BENCH_DIR:-/tmp/dossier-hostile}"
mkdir -p "$work"
cargo build --release --quiet --bin dossier --example gen_hostile
dossier="${DOSSIER:-$PWD/target/release/dossier}"
target/release/examples/gen_hostile "$work"

printf '%-14s %10s %5s %9s %9s %10s  %s\n' site input exit wall peak output first-error
for site in names authors yaml-deep markdown-deep long-line sparse; do
  log=$(mktemp)
  status=0
  timeout 300 /usr/bin/time -v "$dossier" build --root "$work/$site" --out "$work/$site-out" \
    >/dev/null 2>"$log" || status=$?
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  input=$(du -b --apparent-size -s "$work/$site/seeds" | cut -f1)
  output=0
  [ -d "$work/$site-out" ] && output=$(du -sb "$work/$site-out" | cut -f1)
  error=$(grep -m1 -E '^(error|warning)' "$log" || true)
  printf '%-14s %8d K %5s %7.2f s %6d MB %8d K  %s\n' "$site" $((input / 1024)) "$status" \
    "${wall:-0}" $((${rss:-0} / 1024)) $((output / 1024)) "$error"
  rm -f "$log"
done
