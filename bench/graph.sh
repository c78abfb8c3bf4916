#!/usr/bin/env bash
# The corpus graph and entity index on a generated 10k site, in Chromium
# (bench/graph.mjs): labels, overlaps, canvas span, find-to-highlight, sizes.
#   bash bench/graph.sh [N]           default 10000; BENCH_DIR as in run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
work="${BENCH_DIR:-/tmp/dossier-bench}"
mkdir -p "$work"
cargo build --release --quiet --bin dossier --example gen_corpus
[ -d "$work/corpus-$n/seeds" ] || ./target/release/examples/gen_corpus --n "$n" --out "$work/corpus-$n" --force
./target/release/dossier build --quiet --root "$work/corpus-$n" --out "$work/graph-site-$n"
(cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
node bench/graph.mjs "$work/graph-site-$n"
