#!/usr/bin/env python3
"""The warehouse contract, checked with the tools a data team uses.

1. Every line jixiao writes for the fixtures validates against schemas/report-line.schema.json
   (JSON Schema 2020-12, with the `jsonschema` package's real validator).
2. The flat tables load into DuckDB as written (Parquet and CSV) and a join over them
   returns the hand-checked gold figures of the seed reports and forms.

Usage: python3 tests/warehouse.py <jixiao binary> <shared dir> <scratch dir>
"""
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import jsonschema

binary, shared, scratch = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
root = Path(__file__).resolve().parent.parent
failures = []


def run(fmt):
    out = scratch / fmt
    subprocess.run([str(binary), "extract", "fixtures", "--out", str(out), "--tables", fmt, "--quiet", "--jobs", "2"], cwd=root, check=False)
    return out


parquet_dir = run("parquet")
csv_dir = run("csv")

# 1. Every report line validates against the schema.
schema = json.loads((root / "schemas/report-line.schema.json").read_text(encoding="utf-8"))
validator = jsonschema.Draft202012Validator(schema)
lines = [json.loads(l) for l in (parquet_dir / "reports.ndjson").read_text(encoding="utf-8").splitlines() if l.strip()]
for line in lines:
    for error in validator.iter_errors(line):
        failures.append(f"schema: {line['source']['path']}: {error.message} at {list(error.path)}")
print(f"schema: {len(lines)} report lines validated")

# 2. The tables load and join to the gold figures.
con = duckdb.connect()
for table in ["documents", "budget", "score_items", "targets", "line_items", "findings", "facts", "budget_rows"]:
    con.execute(f"create view {table} as select * from read_parquet('{parquet_dir / (table + '.parquet')}')")
    con.execute(f"create view csv_{table} as select * from read_csv('{csv_dir / (table + '.csv')}', header = true, all_varchar = true)")
    n_parquet = con.execute(f"select count(*) from {table}").fetchone()[0]
    n_csv = con.execute(f"select count(*) from csv_{table}").fetchone()[0]
    if n_parquet != n_csv:
        failures.append(f"{table}: {n_parquet} rows in Parquet but {n_csv} in CSV")

golds = [(p, "fixtures/" + p.stem + ".txt") for p in sorted((shared / "gold").glob("*.json"))]
golds += [(p, f"fixtures/forms/{p.stem}.{ext}") for p in sorted((shared / "forms").glob("*.json")) for ext in ["txt", "html", "xlsx"]]
query = """
    select d.total_score, b.executed, b.adjusted,
           (select count(*) from score_items s where s.sha256 = d.sha256 and s.part = d.part) as items,
           (select count(*) from findings f where f.sha256 = d.sha256 and f.part = d.part ) as findings
    from documents d left join budget b using (sha256, part)
    where d.path = ? and d.part = 1
"""
for gold_path, fixture in golds:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    row = con.execute(query, [fixture]).fetchone()
    if row is None:
        failures.append(f"{fixture}: not in the documents table")
        continue
    total, executed, adjusted, items, findings = row
    want_items = sum(len(t if isinstance(t, list) else t.get("items", [])) for t in gold.get("score_tables", []))
    checks = [
        ("total_score", total, gold["report"].get("total_score")),
        ("budget.executed", executed, gold["budget"].get("executed")),
        ("budget.adjusted", adjusted, gold["budget"].get("adjusted")),
        ("score items", items, want_items),
    ]
    for name, got, want in checks:
        if want is None:
            continue
        if got is None or Decimal(str(got)) != Decimal(str(want)):
            failures.append(f"{fixture}: {name} is {got} in the tables, gold says {want}")
    if findings < len(gold.get("must_find", [])):
        failures.append(f"{fixture}: {findings} findings in the tables, gold must_find has {len(gold['must_find'])}")
print(f"duckdb: {len(golds)} documents joined against gold")

# Exactness: a decimal column holds the figure, not a float near it.
exact = con.execute("select executed from budget b join documents d using (sha256, part) where d.path = 'fixtures/forms/04_binhe_weijian_bumen.txt'").fetchone()
if exact is None or str(exact[0]).rstrip("0").rstrip(".") != "70720000":
    failures.append(f"budget.executed for forms/04 is {exact}, expected exactly 70720000")

# The facts table: a prose figure in 万元 and its exact yuan, with its role and scope.
fact = con.execute("select f.value, f.yuan, f.role, f.scope from facts f join documents d using (sha256, part) where d.path like 'fixtures/000_%' and f.label = '本项目年初预算金额'").fetchone()
if fact is None or str(fact[1]).rstrip("0").rstrip(".") != "4464100" or fact[2] != "initial" or fact[3] != "report":
    failures.append(f"facts: 本项目年初预算金额 of seed 000 is {fact}, expected 446.41 万元 = 4464100 元, initial, report")

# The budget_rows table: a form's fund block, the planned and the received column side by side.
fund = con.execute("select b.adjusted, b.available from budget_rows b join documents d using (sha256, part) where d.path like 'fixtures/shapes/side_by_side_funds%' and b.label = '县财政'").fetchone()
if fund is None or str(fund[0]).rstrip("0").rstrip(".") != "8000000" or str(fund[1]).rstrip("0").rstrip(".") != "7803000":
    failures.append(f"budget_rows: 县财政 of shapes/side_by_side_funds is {fund}, expected 8000000 planned and 7803000 received")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("warehouse checks passed")
