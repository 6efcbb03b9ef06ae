#!/usr/bin/env python3
"""Writes fixtures/ofd/: OFD (GB/T 33190) renditions of the seed reports and the
forms, for `cargo test` and the CI score gates.

Each report's article (the same blocks scripts/make_docx.py reads from the HTML
renditions) is laid out on A4 pages as an OFD writer does: one TextObject per
line with its glyph advances in DeltaX (runs of equal advances as `g n d`),
tables as ruled grids whose merged cells leave their inner rules out, a page
number at the foot of every page, a new page when one is full. Also writes
fixtures/bad/corrupt.ofd. Only the standard library.

    python3 scripts/make_ofd.py
"""
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from make_docx import articles, grid_of

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "ofd"
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 20.0
SIZE = 3.5
LINE = 5.6


def advance(ch):
    return SIZE if ord(ch) > 0x2E7F else SIZE / 2


def width(text):
    return sum(advance(c) for c in text)


def wrap(text, room):
    lines, cur = [], ""
    for ch in text:
        if width(cur + ch) > room and cur:
            lines.append(cur)
            cur = ""
        cur += ch
    if cur:
        lines.append(cur)
    return lines or [""]


def delta_x(text):
    """Advances between glyphs, runs of equal ones as `g n d`."""
    adv = [advance(c) for c in text[:-1]]
    out, i = [], 0
    while i < len(adv):
        j = i
        while j < len(adv) and adv[j] == adv[i]:
            j += 1
        n = j - i
        out.append(f"g {n} {adv[i]:g}" if n > 2 else " ".join(f"{adv[i]:g}" for _ in range(n)))
        i = j
    return " ".join(out)


class Pages:
    def __init__(self):
        self.pages = [[]]
        self.y = MARGIN
        self.ids = 1

    def next_id(self):
        self.ids += 1
        return self.ids

    def new_page(self):
        self.pages.append([])
        self.y = MARGIN

    def room(self, h):
        if self.y + h > PAGE_H - MARGIN:
            self.new_page()

    def text(self, x, y, text):
        if not text:
            return
        self.pages[-1].append(
            f'<ofd:TextObject ID="{self.next_id()}" Boundary="{x:.2f} {y:.2f} {width(text) + 1:.2f} {LINE:.2f}" Font="2" Size="{SIZE}">'
            f'<ofd:TextCode X="0" Y="{SIZE:.2f}" DeltaX="{delta_x(text)}">{escape(text)}</ofd:TextCode></ofd:TextObject>'
        )

    def rule(self, x0, y0, x1, y1):
        self.pages[-1].append(
            f'<ofd:PathObject ID="{self.next_id()}" Boundary="0 0 {PAGE_W} {PAGE_H}" LineWidth="0.25">'
            f"<ofd:AbbreviatedData>M {x0:.2f} {y0:.2f} L {x1:.2f} {y1:.2f}</ofd:AbbreviatedData></ofd:PathObject>"
        )


def lay_out(blocks):
    p = Pages()
    room = PAGE_W - 2 * MARGIN
    for block in blocks:
        if block[0] in ("h", "p"):
            text = block[2] if block[0] == "h" else block[1]
            for line in wrap(text, room):
                p.room(LINE)
                p.text(MARGIN, p.y, line)
                p.y += LINE
            p.y += LINE * 0.4
            continue
        rows = block[1]
        placed, cols = grid_of(rows)
        if cols == 0:
            continue
        # Column widths: the room shared by the columns' longest texts.
        want = [4.0] * cols
        for r, c, text, rs, cs in placed:
            if cs == 1:
                want[c] = max(want[c], min(width(text) + 2, 60))
        scale = room / sum(want)
        xs = [MARGIN]
        for w in want:
            xs.append(xs[-1] + w * scale)
        anchors = {}
        for r, c, text, rs, cs in placed:
            anchors.setdefault(r, []).append((c, text, rs, cs))
        # Row heights from the wrapped texts of the cells that start in them.
        heights = []
        for r in range(len(rows)):
            h = LINE + 1
            for c, text, rs, cs in anchors.get(r, []):
                if rs == 1 and c + cs <= cols:
                    h = max(h, len(wrap(text, xs[c + cs] - xs[c] - 1.5)) * LINE + 1)
            heights.append(h)
        # A merged cell's text needs the height of its rows together.
        for r, c, text, rs, cs in placed:
            if rs > 1 and c + cs <= cols:
                need = len(wrap(text, xs[c + cs] - xs[c] - 1.5)) * LINE + 1
                have = sum(heights[r:r + rs])
                if need > have:
                    heights[min(r + rs, len(heights)) - 1] += need - have
        def block_span(r):
            span = 1
            for c, text, rs, cs in anchors.get(r, []):
                span = max(span, rs)
            return span

        # Header rows: those naming the columns (得分/分值/权重). A table broken over
        # a page repeats the nearest one above the break (a form stacks a budget
        # block and an indicator block under headers of their own).
        headers = []
        for r0 in range(len(rows)):
            texts = "".join(t for c, t, rs, cs in anchors.get(r0, []))
            if any(w in texts for w in ("得分", "分值", "权重")):
                headers.append((r0, r0 + block_span(r0)))

        def draw(r, span):
            top = p.y
            ys = [top]
            for k in range(r, min(r + span, len(rows))):
                ys.append(ys[-1] + heights[k])
            for k in range(r, min(r + span, len(rows))):
                for c, text, rs, cs in anchors.get(k, []):
                    if c + cs > cols:
                        continue
                    y0 = ys[k - r]
                    y1 = ys[min(k - r + rs, len(ys) - 1)]
                    x0, x1 = xs[c], xs[c + cs]
                    for i, line in enumerate(wrap(text, x1 - x0 - 1.5)):
                        p.text(x0 + 0.8, y0 + 0.5 + i * LINE, line)
                    p.rule(x0, y0, x1, y0)
                    p.rule(x0, y1, x1, y1)
                    p.rule(x0, y0, x0, y1)
                    p.rule(x1, y0, x1, y1)
            p.y = ys[-1]

        r = 0
        while r < len(rows):
            # Rows of one merged block stay on one page; a table broken over a
            # page repeats its header rows there, as word processors do.
            span = block_span(r)
            block_h = sum(heights[r:r + span])
            page = len(p.pages)
            p.room(block_h)
            above = [h for h in headers if h[1] <= r]
            if len(p.pages) != page and above:
                draw(above[-1][0], above[-1][1] - above[-1][0])
            draw(r, span)
            r += span
        p.y += LINE * 0.6
    return p.pages


def write_ofd(blocks, out):
    pages = lay_out(blocks)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>{out.stem}</ofd:DocID><ofd:Creator>make_ofd.py</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        page_refs = "".join(f'<ofd:Page ID="{k + 100}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>999999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
        z.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
        for k, objects in enumerate(pages):
            foot = f'<ofd:TextObject ID="{900000 + k}" Boundary="100 285 20 6" Font="2" Size="3"><ofd:TextCode X="0" Y="3" DeltaX="1.5">- {k + 1} -</ofd:TextCode></ofd:TextObject>'
            z.writestr(
                f"Doc_0/Pages/Page_{k}/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Area><ofd:PhysicalBox>0 0 {PAGE_W} {PAGE_H}</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="{k + 1}">{"".join(objects)}{foot}</ofd:Layer></ofd:Content></ofd:Page>',
            )
    return len(pages)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for stem, blocks in articles():
        n = write_ofd(blocks, OUT / (stem + ".ofd"))
        print("wrote", OUT / (stem + ".ofd"), n, "pages")
    # A damaged OFD for fixtures/bad/: the package's start, no directory.
    (ROOT / "fixtures" / "bad" / "corrupt.ofd").write_bytes(b"PK\x03\x04OFD.xml garbage")


if __name__ == "__main__":
    main()
