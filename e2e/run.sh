#!/usr/bin/env bash
# End-to-end suite (issue 9, "Prove it holds"): builds the sample site and checks
# every page in headless Chromium (from file:// and from a subfolder of a local
# server), with axe-core, the Nu HTML checker and a site-wide link check; then the
# single-file report and site (build --single-file): no request but the file itself.
# Then the same for a board build (--audience board): its pages, and its single files.
#
#   bash e2e/run.sh            screenshots and summary.json go to e2e/out/ (the
#                              board build's to e2e/out/board/)
#   E2E_OUT=/some/dir bash e2e/run.sh
#
# Installs what it needs when missing: Debian's chromium (never a browser
# download), a Java runtime for vnu.jar, and the pinned npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."
e2e=$PWD/e2e
out=${E2E_OUT:-$e2e/out}

apt_install() {
  # `apt-get update` first: on a fresh machine the package lists are empty.
  echo "== installing $* (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium
}

ensure_java() {
  java -version >/dev/null 2>&1 || apt_install default-jre-headless
}

ensure_node_modules() {
  command -v npm >/dev/null || { echo "e2e: node and npm are needed (Node 20)" >&2; exit 2; }
  # npm ci when the install is missing or older than the lock file.
  # --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the
  # machine's Java is used instead.
  if [ ! -f "$e2e/node_modules/.package-lock.json" ] \
    || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
    echo "== npm ci (e2e/)"
    (cd "$e2e" && npm ci --ignore-scripts --no-audit --no-fund)
  fi
}

build_site() {
  echo "== building the sample site"
  cargo run --quiet --release -- build sample-data --out "$1" --as-of 2026-11-15
}

started=$SECONDS
ensure_chromium
ensure_java
ensure_node_modules
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build_site "$work/site"
echo "== checking every page (e2e/check-site.js)"
# timeout: a page that hangs the browser (an alert() slipped through, say) must
# not hang CI; the script's own timeouts should fire long before this one.
status=0
timeout 900 node "$e2e/check-site.js" --site "$work/site" --out "$out" || status=$?
echo "== the single-file report and site (e2e/check-single-file.js)"
cargo run --quiet --release -- build sample-data --out "$work/site-again" --as-of 2026-11-15 \
  --single-file "$work/report.html" --quiet
cargo run --quiet --release -- build sample-data --out "$work/site-again" --as-of 2026-11-15 \
  --single-file "$work/whole-site.html" --whole-site --quiet
timeout 300 node "$e2e/check-single-file.js" "$work/report.html" "$work/whole-site.html" || status=$?
echo "== the board build: every page (e2e/check-site.js --board)"
cargo run --quiet --release -- build sample-data --out "$work/board-site" --as-of 2026-11-15 \
  --audience board --quiet
timeout 900 node "$e2e/check-site.js" --site "$work/board-site" --out "$out/board" --board || status=$?
echo "== the board build's single-file report and site (e2e/check-single-file.js)"
cargo run --quiet --release -- build sample-data --out "$work/board-again" --as-of 2026-11-15 \
  --audience board --single-file "$work/board-report.html" --quiet
cargo run --quiet --release -- build sample-data --out "$work/board-again" --as-of 2026-11-15 \
  --audience board --single-file "$work/board-whole-site.html" --whole-site --quiet
timeout 300 node "$e2e/check-single-file.js" "$work/board-report.html" "$work/board-whole-site.html" \
  || status=$?
echo "e2e/run.sh: $((SECONDS - started)) s in all, exit $status"
exit "$status"
