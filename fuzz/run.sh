#!/usr/bin/env bash
# Fuzzing (issue 9): the deals CSV reader with the model behind it, the number,
# period and date parsers, strategy.toml's resolve step, and markdown rendering.
# Seeds come from the test fixtures and the sample project.
#
#   bash fuzz/run.sh          about a minute per target (CI)
#   FUZZ_SECONDS=3600 bash fuzz/run.sh    the longer run, an hour per target
#
# Installs cargo-fuzz (from crates.io) when missing. Runs on the stable toolchain
# with `-s none` (no sanitizer): a panic is the failure looked for.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --quiet

# Seed corpora: real inputs the targets understand.
mkdir -p "$work/deals_csv" "$work/strategy" "$work/markdown" "$work/parsers"
for f in tests/fixtures/*/data/deals.csv sample-data/data/snapshots/2026-11-08/deals.csv; do
  cp "$f" "$work/deals_csv/$(echo "$f" | tr / _)"
done
for f in tests/fixtures/*/strategy.toml sample-data/strategy.toml; do
  cp "$f" "$work/strategy/$(echo "$f" | tr / _)"
done
for f in tests/fixtures/*/content/*.md sample-data/content/*.md sample-data/content/meetings/*.md; do
  cp "$f" "$work/markdown/$(echo "$f" | tr / _)"
done
# Inputs that once failed a target, kept so that every run tries them again.
for f in fuzz/seeds/*/*; do
  cp "$f" "$work/$(basename "$(dirname "$f")")/seed-$(basename "$f")"
done
i=0
for text in 125000 84500.50 -12.30 1,5 "1 000" 2026 2026-Q3 2026-Q5 2026-02-29 2026-13-01 0.05; do
  printf '%s' "$text" > "$work/parsers/seed-$i"; i=$((i + 1))
done

echo "== building the fuzz targets"
cargo fuzz build -s none --release >/dev/null 2>&1 || cargo fuzz build -s none --release

total=0
failed=0
for target in deals_csv parsers strategy markdown; do
  log="$work/$target.log"
  if cargo fuzz run -s none --release "$target" "$work/$target" -- \
      -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 >"$log" 2>&1; then
    runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
    echo "fuzz $target: $runs executions in ${seconds} s, 0 crashes"
    total=$((total + runs))
  else
    echo "fuzz $target: FAILED (crash or panic); the input is under fuzz/artifacts/$target/" >&2
    tail -40 "$log" >&2
    failed=$((failed + 1))
  fi
done
echo "fuzz: $total executions over 4 targets"
echo "fuzz: $((4 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
