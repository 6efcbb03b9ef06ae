#!/usr/bin/env bash
# Extracts the given inputs (default: the bundled fixtures) and scores them
# against the hand-checked gold files in ../shared/gold.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${SHARED:-../shared}"
cargo build --release -q
out=$(mktemp -d)
./target/release/jixiao extract "${@:-fixtures}" --out "$out" --quiet || true
python3 "$SHARED/tools/score.py" "$out/reports.ndjson" "$SHARED/gold"
