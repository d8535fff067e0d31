"""DuckDB's side of the benchmark (BENCHMARKS.md): read the same CSV files a
pipepress build reads and compute the same core aggregates, so that the whole
build can be compared with a fast analytical engine doing the least it could.

    python3 bench/duckdb_aggregates.py PROJECT_DIR

Aggregates: open pipeline (count, value, weighted value) by stage, by owner, by
segment (the customer's industry stands in for the strategy's segment rules) and
by expected-close month; won value by close month; and for each snapshot the
open count and value. Prints one line per aggregate with its row count.
"""

import sys
import time
from pathlib import Path

import duckdb


def main(project: Path) -> None:
    started = time.perf_counter()
    db = duckdb.connect()
    db.execute(f"PRAGMA threads=2")
    data = project / "data"
    opts = "header=true, all_varchar=true"
    db.execute(f"CREATE TABLE deals AS SELECT * FROM read_csv('{data / 'deals.csv'}', {opts})")
    db.execute(f"CREATE TABLE customers AS SELECT * FROM read_csv('{data / 'customers.csv'}', {opts})")
    db.execute(
        f"CREATE TABLE snapshots AS SELECT * FROM read_csv('{data / 'snapshots'}/*/deals.csv',"
        f" {opts}, filename=true)"
    )
    db.execute(
        """
        CREATE VIEW open_deals AS
        SELECT d.*, TRY_CAST(d.value AS DECIMAL(18,2)) AS amount,
               COALESCE(TRY_CAST(d.probability AS INTEGER), 0) AS p,
               c.industry AS segment
        FROM deals d LEFT JOIN customers c ON c.id = d.customer_id
        WHERE d.status = 'open'
        """
    )
    queries = {
        "open by stage": "SELECT stage, count(*), sum(amount), sum(amount * p / 100) FROM open_deals GROUP BY stage",
        "open by owner": "SELECT owner, count(*), sum(amount), sum(amount * p / 100) FROM open_deals GROUP BY owner",
        "open by segment": "SELECT segment, count(*), sum(amount), sum(amount * p / 100) FROM open_deals GROUP BY segment",
        "open by close month": "SELECT substr(expected_close, 1, 7), count(*), sum(amount) FROM open_deals GROUP BY 1",
        "won by month": "SELECT substr(closed, 1, 7), count(*), sum(TRY_CAST(value AS DECIMAL(18,2)))"
        " FROM deals WHERE status = 'won' GROUP BY 1",
        "snapshot totals": "SELECT filename, count(*), sum(TRY_CAST(value AS DECIMAL(18,2)))"
        " FROM snapshots WHERE status = 'open' GROUP BY filename",
    }
    for name, sql in queries.items():
        rows = db.execute(sql).fetchall()
        print(f"{name}: {len(rows)} rows")
    print(f"duckdb {duckdb.__version__}: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
