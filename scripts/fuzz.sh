#!/usr/bin/env bash
# Fuzzes each reader (text, pdf, xlsx, html, docx, rtf, doc, ofd) and extraction on arbitrary text for
# a bounded time each (default 60 s; `scripts/fuzz.sh 300` for five minutes),
# starting from the fixtures. Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# A crash is written to fuzz/artifacts/<target>/; copy it (with the prefix the target
# prepends: %PDF- for pdf, PK\\x03\\x04 for xlsx, PK\\x03\\x04word/document.xml for docx,
# {\\rtf1\\ansi\\ansicpg936 for rtf, <html> for html) to fuzz/regressions/<target>/
# and fix it: tests/fuzz_regressions.rs replays every file there on each test run.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
seed() { mkdir -p "fuzz/corpus/$1"; shift; for f in "$@"; do [ -f "$f" ] && cp "$f" "fuzz/corpus/${target}/" || true; done; }
TARGETS=${TARGETS:-text pdf xlsx html docx rtf doc ofd extract}
for target in $TARGETS; do
  case $target in
    text|extract) seed $target fixtures/*.txt fixtures/forms/*.txt fixtures/bad/*.txt ;;
    pdf) seed $target fixtures/pdf-cases/*.pdf fixtures/bad/*.pdf ;;
    xlsx) seed $target fixtures/forms/*.xlsx fixtures/xlsx/formats/* fixtures/bad/*.xlsx ;;
    html) seed $target fixtures/forms/*.html fixtures/bad/*.html ;;
    docx) seed $target fixtures/docx/0[1-5]*.docx fixtures/bad/*.docx ;;
    rtf) seed $target fixtures/docx/0[1-5]*.doc ;;
    doc) seed $target fixtures/docx/word97/0[1-5]*.doc fixtures/bad/*.doc ;;
    ofd) seed $target fixtures/ofd/0[1-5]*.ofd fixtures/bad/*.ofd ;;
  esac
  echo "== fuzzing $target for ${SECONDS_EACH}s"
  (cd fuzz && cargo +nightly fuzz run "$target" "corpus/$target" -- \
      -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=4096 -max_len=2000000 -print_final_stats=1 2>&1 \
    | grep -E "^(#[0-9]+.*DONE|Done [0-9]+ runs|stat::number_of_executed_units|stat::new_units_added|==[0-9]+== ERROR|SUMMARY|Test unit written)" || true)
done
if find fuzz/artifacts -type f 2>/dev/null | grep -q .; then
  find fuzz/artifacts -type f
  echo "crashes above: copy them (with the target's prefix) to fuzz/regressions/<target>/"
else
  echo "no crashes"
fi
