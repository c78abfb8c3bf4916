#!/usr/bin/env bash
# A new user on a clean Debian 12, following only the README: install a
# release binary (built by the release workflow's own command, `dist build`,
# run here), `dossier init`, add two briefings, build, and get a site. As a
# non-root user.
#
#   bash tests/fresh_install.sh            # in `docker run debian:12`
#   bash tests/fresh_install.sh --chroot   # in a debootstrap chroot (root)
#
# Needs `dist` (cargo install cargo-dist --locked), the musl target
# (rustup target add x86_64-unknown-linux-musl) and musl-tools to build the
# release archive. .ci/run calls this where Docker is available.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:---docker}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. The release archive for this machine, as the release workflow builds it
#    (static musl; needs `rustup target add` of it and musl-tools).
target="$(uname -m)-unknown-linux-musl"
dist build --artifacts=local --target "$target" > "$work/dist.log"
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
releases="$work/releases/v$version"
mkdir -p "$releases"
cp "target/distrib/dossier-$target.tar.xz" "target/distrib/dossier-$target.tar.xz.sha256" "$releases/"
cp scripts/install-release.sh "$work/releases/"

# 2. What the user does, as the user would, in a clean system.
cat > "$work/releases/as-user.sh" <<EOF
set -euo pipefail
cd "\$HOME"
DOSSIER_RELEASES=/release bash /release/install-release.sh $version
export PATH="\$HOME/.local/bin:\$PATH"
dossier --version
dossier init my-archive
cd my-archive
cat > seeds/first.md <<'MD'
---
title: Ports on the Baltic
date: 2024-03-01
---

Poland and Lithuania opened talks in Vilnius on the port of Klaipeda.
MD
printf 'Grain through Odesa\n\nUkraine shipped grain from Odesa to Romania and Turkey.\n' > seeds/second.txt
dossier build
test -f book/index.html
ls book/briefings | grep -q ports-on-the-baltic
grep -rl 'Lithuania' book/entities | head -n 1
echo "fresh install: site built as \$(id -un)"
EOF

case "$mode" in
  --docker)
    docker run --rm -v "$work/releases:/release:ro" debian:12 bash -c "
      set -e
      apt-get update -qq && apt-get install -y -qq xz-utils ca-certificates curl >/dev/null
      useradd -m analyst
      su analyst -c 'bash /release/as-user.sh'"
    ;;
  --chroot)
    root="$work/debian"
    debootstrap --variant=minbase --include=xz-utils,ca-certificates,curl bookworm "$root" http://deb.debian.org/debian >/dev/null
    cp -r "$work/releases" "$root/release"
    chroot "$root" useradd -m analyst
    chroot "$root" su analyst -c 'bash /release/as-user.sh'
    ;;
  *) echo "usage: bash tests/fresh_install.sh [--docker | --chroot]" >&2; exit 2 ;;
esac
