#!/usr/bin/env bash
# Installs a released Dossier binary, after checking its SHA-256 sum against
# the one published beside it. Used by the GitHub Action (action.yml); it also
# works by hand on Linux and macOS:
#
#   bash scripts/install-release.sh VERSION [INSTALL-DIR]
#
# VERSION is a release such as 0.1.0. INSTALL-DIR defaults to ~/.local/bin.
# DOSSIER_RELEASES overrides where releases are downloaded from (default:
# https://github.com/dossier-kb/dossier/releases/download); a local folder
# laid out the same way (vVERSION/ARCHIVE) works too, for tests.
set -euo pipefail

version="${1:?usage: install-release.sh VERSION [INSTALL-DIR]}"
version="${version#v}"
into="${2:-$HOME/.local/bin}"
releases="${DOSSIER_RELEASES:-https://github.com/dossier-kb/dossier/releases/download}"

target_triple() {
  local os arch
  os="$(uname -s)"
  arch="$(uname -m)"
  case "$arch" in
    x86_64|amd64) arch=x86_64 ;;
    aarch64|arm64) arch=aarch64 ;;
    *) echo "install-release.sh: no Dossier release for the $arch processor; build from source: cargo install --locked --git https://github.com/dossier-kb/dossier" >&2; exit 1 ;;
  esac
  case "$os" in
    Linux) echo "$arch-unknown-linux-musl" ;;
    Darwin) echo "$arch-apple-darwin" ;;
    MINGW*|MSYS*|CYGWIN*|Windows_NT) echo "x86_64-pc-windows-msvc" ;;
    *) echo "install-release.sh: no Dossier release for $os; build from source: cargo install --locked --git https://github.com/dossier-kb/dossier" >&2; exit 1 ;;
  esac
}

fetch() { # fetch URL-OR-PATH DESTINATION
  case "$1" in
    http://*|https://*) curl --fail --silent --show-error --location --retry 3 --output "$2" "$1" ;;
    *) cp "$1" "$2" ;;
  esac
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

target="$(target_triple)"
case "$target" in
  *windows*) archive="dossier-$target.zip" ;;
  *) archive="dossier-$target.tar.xz" ;;
esac
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch "$releases/v$version/$archive" "$work/$archive"
fetch "$releases/v$version/$archive.sha256" "$work/$archive.sha256"
expected="$(cut -d' ' -f1 < "$work/$archive.sha256" | tr 'A-F' 'a-f')"
actual="$(sha256_of "$work/$archive")"
if [ "$expected" != "$actual" ]; then
  echo "install-release.sh: $archive does not match its published SHA-256 sum (expected $expected, got $actual); not installing it" >&2
  exit 1
fi

case "$archive" in
  *.zip) (cd "$work" && unzip -q "$archive") ;;
  *) tar -xJf "$work/$archive" -C "$work" ;;
esac
binary="$(find "$work" -type f \( -name dossier -o -name dossier.exe \) | head -n 1)"
if [ -z "$binary" ]; then
  echo "install-release.sh: $archive holds no dossier binary" >&2
  exit 1
fi
mkdir -p "$into"
install -m 0755 "$binary" "$into/"
echo "Installed $("$into/$(basename "$binary")" --version) into $into"
