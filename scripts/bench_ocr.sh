#!/usr/bin/env bash
# OCR speed (issue 16): pages per second of `jixiao extract --ocr` (its whole
# pipeline: render, rules, PP-OCR detection and recognition, extraction, checks)
# on A4 pages at 200 dpi from fixtures/scans, against RapidOCR (the same PP-OCR
# models, ONNX Runtime) run as its users run it: its Python package, in-process,
# models loaded before the clock starts, on the same page images. Both in this
# run, one after the other, so the ratio holds on a shared, noisy machine.
#
#   sh scripts/install_ppocr.sh && pip install rapidocr onnxruntime   # once
#   scripts/bench_ocr.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if ! command -v pdftoppm >/dev/null; then
  echo "Scans: pdftoppm not installed (see the README's OCR step): skipped"; exit 0
fi
OCR_BIN="${OCR_TARGET:-$WORK/ocr-target}/release/jixiao"
CARGO_TARGET_DIR="${OCR_TARGET:-$WORK/ocr-target}" cargo build --release --locked -q -p jixiao --features ocr
mkdir -p "$WORK/pages"
# Six A4 pages: prose, a score table, a form-like table.
for spec in 000:1 000:9 001:6 003:8 004:5 004:11; do
  seed=${spec%%:*} k=${spec##*:}
  pdftoppm -r 200 -gray -png -f "$k" -l "$k" -singlefile fixtures/scans/${seed}_*.pdf "$WORK/pages/${seed}_p$k"
done
pages=("$WORK"/pages/*.png)
n=${#pages[@]}
timed() { # command… → seconds
  local start; start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  python3 -c "import time; print(round(time.time() - $start, 3))"
}
echo "Scans: $n A4 pages at 200 dpi, one job"
for engine in ppocr tesseract; do
  if [ $engine = tesseract ] && ! command -v tesseract >/dev/null; then continue; fi
  if [ $engine = ppocr ] && [ -z "${JIXIAO_PPOCR:-}" ] && [ ! -f /usr/local/share/jixiao/ppocr/rec.onnx ]; then
    echo "  PP-OCR not installed (sh scripts/install_ppocr.sh)"; continue
  fi
  s=$(JIXIAO_OCR_ENGINE=$engine timed "$OCR_BIN" extract --ocr "${pages[@]}" --out "$WORK/out-$engine" --jobs 1 --quiet)
  eval "jx_$engine=$s"
  echo "  jixiao --ocr ($engine, process start and model load included): $(python3 -c "print(round($n/$s, 3))") pages/s"
done
if python3 -c "import rapidocr" 2>/dev/null; then
  rapid=$(python3 - "${pages[@]}" <<'PY'
import sys, time, logging
from rapidocr import RapidOCR
engine = RapidOCR()              # model load not timed, as a long-running user would
logging.disable(logging.CRITICAL)
start = time.perf_counter()
for path in sys.argv[1:]:
    engine(path)
print(f"{time.perf_counter() - start:.3f}")
PY
)
  echo "  RapidOCR (Python, in-process): $(python3 -c "print(round($n/$rapid, 3))") pages/s"
  for engine in ppocr tesseract; do
    v="jx_$engine"
    [ -n "${!v:-}" ] && echo "  jixiao ($engine) / RapidOCR speed: $(python3 -c "print(round($rapid/${!v}, 2))")"
  done
else
  echo "  RapidOCR not installed (pip install rapidocr onnxruntime): no reference ratio"
fi
