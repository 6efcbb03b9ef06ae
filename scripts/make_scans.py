#!/usr/bin/env python3
"""Writes fixtures/scans/: image renditions of the seeds and the forms, made the
way an archive's scans are (issue 16): each page printed to an image at 200
dpi, turned a little (a sheet fed askew), speckled with noise, stamped with a
unit's red seal over the text on the first page, and saved as a JPEG.

  seeds  fixtures/pdf/ttf/<stem>.pdf   -> fixtures/scans/<stem>.pdf (image-only
         PDF, black and white)
  forms  fixtures/docx/<stem>.docx     -> fixtures/scans/<stem>.{png,jpg,tif}
         (through LibreOffice's PDF export; one image format per form: PNG
         black and white, JPEG gray, TIFF G4 multi-page)

Needs pdftoppm (poppler-utils), LibreOffice (for the forms) and Pillow:

    apt-get install -y poppler-utils libreoffice-writer-nogui fonts-noto-cjk
    pip install pillow
    python3 scripts/make_scans.py

Deterministic: a fixed random seed per page.
"""
import random
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "scans"
DPI = 200
QUALITY = 40


def render(pdf: Path, work: Path) -> list:
    prefix = work / pdf.stem
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(prefix)], check=True)
    return [Image.open(p).convert("L") for p in sorted(work.glob(f"{pdf.stem}-*.png"))]


def scanned(page: Image.Image, seed: int, stamp: bool) -> Image.Image:
    rng = random.Random(seed)
    img = page.convert("RGB")
    if stamp:
        # A red seal over the signature area: a ring with a star, half-transparent.
        w, h = img.size
        cx, cy, r = int(w * 0.70), int(h * 0.18), int(w * 0.09)
        seal = Image.new("RGBA", img.size, (0, 0, 0, 0))
        d = ImageDraw.Draw(seal)
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(220, 30, 30, 150), width=max(4, r // 12))
        s = r // 3
        d.polygon([(cx, cy - s), (cx + s // 3, cy - s // 3), (cx + s, cy - s // 3), (cx + s // 2, cy + s // 5),
                   (cx + s * 2 // 3, cy + s), (cx, cy + s // 2), (cx - s * 2 // 3, cy + s),
                   (cx - s // 2, cy + s // 5), (cx - s, cy - s // 3), (cx - s // 3, cy - s // 3)],
                  fill=(220, 30, 30, 120))
        img = Image.alpha_composite(img.convert("RGBA"), seal).convert("RGB")
    # A sheet fed askew: up to half a degree either way.
    img = img.rotate(rng.uniform(-0.5, 0.5), resample=Image.BICUBIC, expand=False, fillcolor=(255, 255, 255))
    # Speckle: a sprinkling of dark dots and a faint blur, as a scanner's glass leaves.
    d = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(w * h // 40000):
        x, y = rng.randrange(w), rng.randrange(h)
        g = rng.randrange(90, 200)
        d.point((x, y), fill=(g, g, g))
    # Scanned in gray; the red seal becomes a grey one.
    return img.filter(ImageFilter.GaussianBlur(0.4)).convert("L")


def bilevel(page: Image.Image) -> Image.Image:
    """Black and white, as an archive's document scanner saves a page (and
    small: a fortieth of the gray image)."""
    return page.point(lambda v: 255 if v > 150 else 0).convert("1")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as t:
        work = Path(t)
        for pdf in sorted((ROOT / "fixtures" / "pdf" / "ttf").glob("*.pdf")):
            pages = [scanned(p, zlib.crc32(f'{pdf.stem}:{k}'.encode()), k == 0) for k, p in enumerate(render(pdf, work))]
            target = OUT / f"{pdf.stem}.pdf"
            pages = [bilevel(p) for p in pages]
            pages[0].save(target, "PDF", resolution=DPI, save_all=True, append_images=pages[1:])
            print(f"{target.relative_to(ROOT)}: {len(pages)} pages")
        forms = sorted(p for p in (ROOT / "fixtures" / "docx").glob("0[1-9]_*.docx"))
        kinds = ["png", "jpg", "tif"]
        for k, docx in enumerate(forms):
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            pages = [scanned(p, zlib.crc32(f'{docx.stem}:{n}'.encode()), n == 0) for n, p in enumerate(render(work / f"{docx.stem}.pdf", work))]
            kind = kinds[k % len(kinds)]
            target = OUT / f"{docx.stem}.{kind}"
            if kind == "tif":
                pages = [bilevel(p) for p in pages]
                pages[0].save(target, "TIFF", save_all=True, append_images=pages[1:], compression="group4", dpi=(DPI, DPI))
            elif kind == "jpg":
                # One image per file: a form's pages stacked into one tall sheet.
                stack(pages).save(target, "JPEG", quality=QUALITY, dpi=(DPI, DPI))
            else:
                bilevel(stack(pages)).save(target, "PNG", optimize=True, dpi=(DPI, DPI))
            print(f"{target.relative_to(ROOT)}: {len(pages)} pages")


def stack(pages):
    w = max(p.width for p in pages)
    h = sum(p.height for p in pages)
    sheet = Image.new("L", (w, h), 255)
    y = 0
    for p in pages:
        sheet.paste(p, (0, y))
        y += p.height
    return sheet


if __name__ == "__main__":
    sys.exit(main())
