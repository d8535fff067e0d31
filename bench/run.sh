#!/usr/bin/env bash
# Whole-build benchmark (BENCHMARKS.md): for each size, generates a synthetic
# world, then times, in the same run and on the same files,
#   pipepress build   the whole build, site written to disk
#   duckdb            DuckDB reading the same CSVs and computing the core aggregates
#   bare parse        the csv crate counting ByteRecords of the same files (the floor)
# with /usr/bin/time (wall time, peak resident memory), the median of RUNS runs.
#
#   bash bench/run.sh                  # 10k, 100k and 1M deals, 3 runs each
#   SIZES="10000" RUNS=1 bash bench/run.sh
#
# Worlds and sites go to BENCH_DIR (default target/bench); generated worlds are
# kept and reused. Installs DuckDB (the duckdb Python package) in a venv there.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000 1000000"}
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-target/bench}
AS_OF=2026-11-15
mkdir -p "$BENCH_DIR"

if ! command -v /usr/bin/time >/dev/null || ! /usr/bin/time -f %e true 2>/dev/null; then
    echo "bench: needs GNU time (Debian: apt-get install time)" >&2
    exit 1
fi
if [ ! -x "$BENCH_DIR/venv/bin/python" ]; then
    python3 -m venv "$BENCH_DIR/venv"
    "$BENCH_DIR/venv/bin/pip" install --quiet duckdb
fi
cargo build --release --quiet --bin pipepress --example generate --example bare_parse
bin=${CARGO_TARGET_DIR:-target}/release

# Runs a command RUNS times; prints "median_seconds peak_kb" (peak of the median run).
measure() {
    local runs=() i
    for ((i = 0; i < RUNS; i++)); do
        /usr/bin/time -f "%e %M" -o "$BENCH_DIR/time.txt" "$@" >/dev/null 2>"$BENCH_DIR/stderr.txt" || {
            cat "$BENCH_DIR/stderr.txt" >&2
            exit 1
        }
        runs+=("$(cat "$BENCH_DIR/time.txt")")
    done
    printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

# GNU time counts hundredths: below that a ratio means nothing.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "(under 0.01 s)" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

echo "| deals | rows read | input MB | pipepress s | MiB | DuckDB s | MiB | bare parse s | pipepress / DuckDB | pipepress / bare parse |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for deals in $SIZES; do
    world="$BENCH_DIR/world-$deals"
    if [ ! -f "$world/pipepress.toml" ]; then
        "$bin/examples/generate" --out "$world" --deals "$deals" --customers $((deals / 10)) \
            --sellers 200 --snapshots 12 --snapshot-rows open --as-of "$AS_OF" >/dev/null
    fi
    read -r rows <<<"$("$bin/examples/bare_parse" "$world/data" | awk '{ print $3 }')"
    input_mb=$(du -sm "$world/data" | cut -f1)
    read -r pp_s pp_kb <<<"$(measure "$bin/pipepress" build "$world" --out "$BENCH_DIR/site-$deals" --as-of "$AS_OF" --quiet)"
    read -r db_s db_kb <<<"$(measure "$BENCH_DIR/venv/bin/python" bench/duckdb_aggregates.py "$world")"
    read -r bare_s _ <<<"$(measure "$bin/examples/bare_parse" "$world/data")"
    echo "| $deals | $rows | $input_mb | $pp_s | $(mib "$pp_kb") | $db_s | $(mib "$db_kb") | $bare_s | $(ratio "$pp_s" "$db_s") | $(ratio "$pp_s" "$bare_s") |"
done
