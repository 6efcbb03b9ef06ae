#!/usr/bin/env bash
# Batch benchmark (issue 6): peak memory at 100 and 1,000 documents, and the
# speed-up of --jobs 2 over --jobs 1, on the bundled fixtures repeated. Figures
# are ratios measured in the same run, since these machines are shared and noisy.
#
#   scripts/bench.sh            # builds release, prints a table
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
BIN=target/release/jixiao
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# A corpus of N distinct documents: the fixtures' text and HTML reports, each
# copy given a line of its own (repeated bytes are read once, which would
# measure nothing).
make_corpus() {
  local n=$1 dir=$WORK/corpus$1
  mkdir -p "$dir"
  python3 - "$n" "$dir" <<'PY'
import sys
from pathlib import Path
n, out = int(sys.argv[1]), Path(sys.argv[2])
src = sorted(p for p in Path("fixtures").rglob("*") if p.suffix in (".txt", ".html") and "bad" not in p.parts)
for i in range(n):
    f = src[i % len(src)]
    tail = f"\n<!-- copy {i} -->\n" if f.suffix == ".html" else f"\n附注：副本 {i}\n"
    (out / f"{i:05d}_{f.name}").write_bytes(f.read_bytes() + tail.encode("utf-8"))
PY
  echo "$dir"
}

# run <corpus> <jobs> → "seconds max_rss_kib"
run() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$BIN" extract "$1" --out "$WORK/out" --jobs "$2" --quiet || true
  cat "$WORK/time"
}

c100=$(make_corpus 100)
c1000=$(make_corpus 1000)
c10000=$(make_corpus 10000)
read -r t100 m100 < <(run "$c100" 2)
read -r t1000 m1000 < <(run "$c1000" 2)
read -r t10000 m10000 < <(run "$c10000" 2)
read -r j1 _ < <(run "$c1000" 1)
read -r j2 _ < <(run "$c1000" 2)
echo "documents  seconds  peak RSS (MiB)   [--jobs 2]"
printf '%9s  %7s  %14s\n' 100 "$t100" "$(( m100 / 1024 ))" 1000 "$t1000" "$(( m1000 / 1024 ))" 10000 "$t10000" "$(( m10000 / 1024 ))"
echo "peak RSS ratio 1000/100 docs: $(python3 -c "print(round($m1000/$m100, 2))"), 10000/100: $(python3 -c "print(round($m10000/$m100, 2))")"
echo "seconds per document at 100 / 1000 / 10000: $(python3 -c "print(round($t100/100, 4), round($t1000/1000, 4), round($t10000/10000, 4))")"
echo "1000 docs: --jobs 1 ${j1}s, --jobs 2 ${j2}s, speed-up $(python3 -c "print(round($j1/max($j2,0.001), 2))")x"

# One huge page (issue 15): peak RSS of a 50 MB HTML page, prose only and dense
# with figures (every paragraph three amounts and a rate, two million facts in
# all), as a multiple of the input's size; the reference is the bytes themselves.
python3 - "$WORK" <<'PY'
import sys
work = sys.argv[1]
for name, para in [("prose", "<p>本项目的工作人员认真学习了有关文件精神，按照要求完成了各项任务和工作安排。</p>\n"),
                   ("figures", "<p>本项目年初预算100.00万元，执行数98.00万元，执行率98.00%。</p>\n")]:
    body = para * (50 * 1024 * 1024 // len(para.encode()))
    open(f"{work}/big-{name}.html", "w").write("<html><body>" + body + "</body></html>")
PY
echo "One 50 MB HTML page (peak RSS, one job):"
for name in prose figures; do
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$BIN" extract "$WORK/big-$name.html" --out "$WORK/big-out" --quiet || true
  read -r t m < "$WORK/time"
  echo "  $name: ${t}s, $(( m / 1024 )) MiB, $(python3 -c "print(round($m/1024/50, 1))")x the input"
done
rm -f "$WORK"/big-*.html

# PDF (issue 4): read + extract + check per page, against pdftotext -layout alone
# on the same files in the same run (apt-get install poppler-utils poppler-data).
if command -v pdftotext > /dev/null; then
  mapfile -t pdfs < <(find fixtures/pdf fixtures/pdf-cases -name '*.pdf' | sort)
  pages=$("$BIN" extract "${pdfs[@]}" --out "$WORK/pdfpages" --quiet --jobs 1 >/dev/null 2>&1; python3 -c "
import json,sys
print(sum(json.loads(l)['source']['pages'] or 0 for l in open('$WORK/pdfpages/reports.ndjson')))")
  best() { python3 -c "import sys; print(min(float(x) for x in sys.argv[1:]))" "$@"; }
  jx=(); pt=()
  for _ in 1 2 3; do
    s=$(date +%s.%N); "$BIN" extract "${pdfs[@]}" --out "$WORK/pdfout" --quiet --jobs 1 >/dev/null 2>&1 || true; e=$(date +%s.%N)
    jx+=("$(python3 -c "print($e-$s)")")
    s=$(date +%s.%N); for f in "${pdfs[@]}"; do pdftotext -layout "$f" /dev/null 2>/dev/null || true; done; e=$(date +%s.%N)
    pt+=("$(python3 -c "print($e-$s)")")
  done
  tj=$(best "${jx[@]}"); tp=$(best "${pt[@]}")
  echo "PDF: ${#pdfs[@]} files, $pages pages (best of 3, one job)"
  echo "  jixiao read+extract+check: $(python3 -c "print(round($pages/$tj))") pages/s"
  echo "  pdftotext -layout:         $(python3 -c "print(round($pages/$tp))") pages/s"
  echo "  cost ratio jixiao/pdftotext per page: $(python3 -c "print(round($tj/$tp, 2))")"
else
  echo "PDF: pdftotext not installed (apt-get install poppler-utils poppler-data); skipped"
fi

# Real text shapes (issue 12): the token-stream table reader on a form flattened
# to one space-separated row per line (1,000 and 5,000 rows: linear?) and on the
# development set, against the text reader as it was before it (commit a31ce77,
# built once into $WORK; set REF_BIN to a built binary to skip that).
python3 - "$WORK" <<'PY'
import sys
out = sys.argv[1]
groups = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
for n in (1000, 5000):
    rows = ["项目支出绩效自评表", "(2024年度)", "一级指标 二级指标 三级指标 分值 年度指标值 实际完成值 得分"]
    for i in range(n):
        l1, l2 = groups[i % 4]
        w = (2, 4, 5, 10)[i % 4]
        rows.append(f"{l1} {l2} 测试指标{i}号 {w} ≥{i}个 {i + 1}个 {w - (i % 2)}")
    open(f"{out}/flat{n}.txt", "w", encoding="utf-8").write("\n".join(rows) + "\n")
PY
REF=${REF_BIN:-}
if [ -z "$REF" ]; then
  git worktree add -f "$WORK/ref" a31ce77 > /dev/null 2>&1
  (cd "$WORK/ref" && CARGO_TARGET_DIR="$WORK/ref-target" cargo build --release -q) && REF="$WORK/ref-target/release/jixiao"
  git worktree remove --force "$WORK/ref" > /dev/null 2>&1 || true
fi
secs() { # best of 3 wall-clock seconds for: <binary> <inputs...>
  local bin=$1; shift
  python3 - "$bin" "$WORK" "$@" <<'PY'
import subprocess, sys, time
bin_, work, *inputs = sys.argv[1:]
best = min(
    (lambda t0: (subprocess.run([bin_, "extract", *inputs, "--out", f"{work}/o", "--quiet", "--jobs", "1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL), time.perf_counter() - t0)[1])(time.perf_counter())
    for _ in range(3))
print(f"{best:.3f}")
PY
}
rows_read() { python3 -c "
import json,sys
print(sum(len(t['items']) for l in open('$WORK/o/reports.ndjson') for t in json.loads(l).get('score_tables') or []))"; }
echo "Real text shapes (best of 3, one job):"
for n in 1000 5000; do
  t=$(secs "$BIN" "$WORK/flat$n.txt"); r=$(rows_read)
  if [ -n "$REF" ]; then tr=$(secs "$REF" "$WORK/flat$n.txt"); rr=$(rows_read); else tr=NA; rr=NA; fi
  echo "  flattened form, $n rows: jixiao ${t}s ($r rows read), before ${tr}s ($rr rows read), ratio $(python3 -c "print(round($t/$tr, 2) if '$tr' != 'NA' else 'NA')")"
done
if [ -d ../shared/real ]; then
  mapfile -t real < <(ls ../shared/real/*.txt)
  t=$(secs "$BIN" "${real[@]}"); r=$(rows_read)
  if [ -n "$REF" ]; then tr=$(secs "$REF" "${real[@]}"); rr=$(rows_read); else tr=NA; rr=NA; fi
  echo "  development set, ${#real[@]} excerpts: jixiao $(python3 -c "print(round($t/${#real[@]}*1000, 1))") ms/doc ($r rows), before $(python3 -c "print(round($tr/${#real[@]}*1000, 1) if '$tr' != 'NA' else 'NA')") ms/doc ($rr rows)"
fi

# Word (issue 14): the whole pipeline (read + extract + check) on the Word
# renditions of the seeds and forms, against python-docx merely reading the same
# files' paragraphs and table cells in-process, and LibreOffice's own text
# conversion, in the same run, where they are installed.
mapfile -t docx < <(ls fixtures/docx/*.docx)
t=$(secs "$BIN" "${docx[@]}")
echo "Word (${#docx[@]} .docx, best of 3):"
echo "  jixiao (read + extract + check, one process): ${t}s"
if python3 -c "import docx" 2>/dev/null; then
  py=$(python3 - "${docx[@]}" <<'PY'
import sys, time
import docx
best = None
for _ in range(3):
    start = time.perf_counter()
    for path in sys.argv[1:]:
        d = docx.Document(path)
        texts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                texts.extend(c.text for c in row.cells)
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(f"{best:.3f}")
PY
)
  echo "  python-docx (paragraphs and cells only, in-process): ${py}s; jixiao/python-docx $(python3 -c "print(round($t/$py, 2))")"
else
  echo "  python-docx not installed (pip install python-docx): no reference ratio"
fi
# lo_ratio <jixiao seconds> <out dir> <files…>: LibreOffice's text conversion of
# the same files, timed in this run, and jixiao's time as a ratio of it.
lo_ratio() {
  local t=$1 out=$2; shift 2
  if ! command -v soffice >/dev/null; then
    echo "  LibreOffice not installed: no reference ratio"; return
  fi
  local start lo
  start=$(date +%s.%N)
  soffice --headless --convert-to txt --outdir "$out" "$@" >/dev/null 2>&1
  lo=$(python3 -c "import time; print(round(time.time() - $start, 3))")
  echo "  LibreOffice --convert-to txt: ${lo}s; jixiao/LibreOffice $(python3 -c "print(round($t/$lo, 2))")"
}
lo_ratio "$t" "$WORK/lo" "${docx[@]}"
# The same reports as Word 97–2003 binary files: jixiao's piece-table reader
# against LibreOffice converting them to text (python-docx reads no .doc).
mapfile -t doc < <(ls fixtures/docx/word97/*)
t=$(secs "$BIN" "${doc[@]}")
echo "Word 97 binary (${#doc[@]} .doc/.wps, best of 3):"
echo "  jixiao (read + extract + check, one process): ${t}s"
lo_ratio "$t" "$WORK/lo97" "${doc[@]}"

# Scans (issue 16): pages per second against RapidOCR, in a script of its own.
scripts/bench_ocr.sh
