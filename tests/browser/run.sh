#!/usr/bin/env bash
# Runs the real-browser tests against a built Dossier site.
#   bash tests/browser/run.sh /abs/path/to/site [XSS_SITE] [GENERATED_SITE] [LONG_NAMES_SITE]   (from the repo root)
# Installs Debian's Chromium and texlive (pdflatex) if missing and the npm packages
# from package-lock.json;
# never downloads a browser build of its own.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

site="${1:-${DOSSIER_SITE:-}}"
if [ -z "$site" ]; then
  echo "usage: bash tests/browser/run.sh /abs/path/to/built/site" >&2
  exit 2
fi
case "$site" in
  /*) ;;
  *) site="$(cd "$site" && pwd)" ;;
esac
if [ ! -f "$site/index.html" ]; then
  echo "run.sh: $site has no index.html: build the site first" >&2
  exit 2
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "run.sh: installing Debian's chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium
fi
if ! command -v pdflatex >/dev/null 2>&1; then
  # bench/latex_corpus.mjs sets briefings with pdfTeX for pdf.test.js.
  echo "run.sh: installing texlive (pdflatex)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended texlive-fonts-recommended
fi
if ! command -v java >/dev/null 2>&1; then
  echo "run.sh: java not found; the Nu HTML checker needs it (e.g. apt-get install -y default-jre-headless)" >&2
  exit 2
fi

# --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime;
# the system Java is used instead. playwright-core has no browser download.
(cd "$here" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund)

cd "$root"
DOSSIER_SITE="$site" DOSSIER_XSS_SITE="${2:-}" DOSSIER_GENERATED_SITE="${3:-}" \
  DOSSIER_LONG_NAMES_SITE="${4:-}" node --test tests/browser/
