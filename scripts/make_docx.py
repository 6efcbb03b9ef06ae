#!/usr/bin/env python3
"""Writes fixtures/docx/: Word renditions of the seed reports and the forms
(.docx, RTF saved under a .doc name as archives hold it, and Word 97–2003
binary files saved by LibreOffice in word97/), for
`cargo test` (tests/word.rs) and the CI score gates.

Each .docx is built with python-docx from the article of the report's HTML
rendition (fixtures/html/ for the seeds, fixtures/forms/ for the forms; the
site's navigation, share bars and footers are left out, as a Word attachment
has none): headings, paragraphs, and tables with their merged cells as Word
stores them (gridSpan and vMerge). A header and a footer with a page-number
field are added, which the reader must keep out of the prose. The last
paragraphs of each document are turned into an automatically numbered list
(一、二、…), whose numbers live in word/numbering.xml, not in the text. Also
writes three bad Word files into fixtures/bad/ (truncated, malformed, zip bomb).

    pip install python-docx
    python3 scripts/make_docx.py
"""
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "docx"


class Article(HTMLParser):
    """The blocks of an HTML page's article: ('h', level, text), ('p', text) and
    ('table', rows of (text, rowspan, colspan))."""

    SKIP_CLASSES = ("nav", "top-bar", "share", "footer", "article-info", "related", "breadcrumb", "print")

    def __init__(self, only_content):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        # Outside the article (when the page marks it): skipped, as site chrome.
        self.skip = 1 if only_content else 0
        self.content_at = None
        self.stack = []
        self.text = []
        self.table = None
        self.cell = None
        self.heading = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "") + " " + (a.get("id") or "")
        self.stack.append(tag)
        if "article-content" in cls and self.content_at is None:
            self.content_at = len(self.stack)
            self.skip -= 1
            self.stack[-1] = "content-" + tag
            return
        if tag in ("div", "ul", "span") and any(k in cls for k in self.SKIP_CLASSES):
            self.skip += 1
            self.stack[-1] = "skip-" + tag
            return
        if self.skip:
            return
        if tag == "table":
            self.flush()
            self.table = []
        elif tag == "tr" and self.table is not None:
            self.table.append([])
        elif tag in ("td", "th") and self.table is not None:
            self.cell = [[], int(a.get("rowspan") or 1), int(a.get("colspan") or 1)]
        elif tag in ("h1", "h2", "h3", "h4"):
            self.flush()
            self.heading = int(tag[1])
        elif tag in ("p", "div", "br", "li"):
            if self.cell is not None:
                self.cell[0].append("\n")
            else:
                self.flush()

    def handle_endtag(self, tag):
        top = self.stack.pop() if self.stack else ""
        if top.startswith("content-"):
            self.flush()
            self.skip += 1
            return
        if top.startswith("skip-"):
            self.skip -= 1
            return
        if self.skip:
            return
        if tag in ("td", "th") and self.cell is not None and self.table:
            text = " ".join("".join(self.cell[0]).split())
            self.table[-1].append((text, self.cell[1], self.cell[2]))
            self.cell = None
        elif tag == "table" and self.table is not None:
            rows = [r for r in self.table if r]
            if rows:
                self.blocks.append(("table", rows))
            self.table = None
        elif tag in ("h1", "h2", "h3", "h4"):
            self.flush()
        elif tag in ("p", "div", "li"):
            if self.cell is None:
                self.flush()

    def handle_data(self, data):
        if self.skip or self.stack and self.stack[-1] in ("script", "style", "title"):
            return
        if self.cell is not None:
            self.cell[0].append(data)
        elif self.table is None:
            self.text.append(data)

    def flush(self):
        text = " ".join("".join(self.text).split())
        self.text = []
        if text:
            if self.heading:
                self.blocks.append(("h", self.heading, text))
            else:
                self.blocks.append(("p", text))
        self.heading = None


def read_html(path):
    raw = path.read_bytes()
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def grid_of(rows):
    """Places HTML cells on a grid: (r, c, text, rowspan, colspan), and its size."""
    taken = set()
    placed = []
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for text, rs, cs in row:
            while (r, c) in taken:
                c += 1
            rs = max(1, min(rs, len(rows) - r))
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            placed.append((r, c, text, rs, cs))
            c += cs
            width = max(width, c)
    return placed, width


def page_number_field(paragraph):
    """A PAGE field, as Word writes one: begin, instrText, separate, result, end."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == " PAGE ":
            el = OxmlElement("w:instrText")
            el.text = text
            run._r.append(el)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def chinese_numbering(document):
    """A list definition numbering its items 一、二、三、; returns a function
    that starts a new list on it (a new w:num restarting at 一) and gives its id."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", "chineseCounting"), ("w:lvlText", "%1、")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        lvl.append(el)
    abstract.append(lvl)
    numbering.insert(0, abstract)
    made = []

    def new_list():
        num_id = str(90 + len(made))
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), num_id)
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), "90")
        num.append(ref)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        numbering.append(num)
        made.append(num_id)
        return num_id

    return new_list


def number(paragraph, num_id):
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), num_id)
    numpr.append(ilvl)
    numpr.append(nid)
    ppr.append(numpr)


def write_docx(blocks, out, site):
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = site
    footer = section.footer.paragraphs[0]
    footer.text = "第 "
    page_number_field(footer)
    footer.add_run(" 页")
    new_list = chinese_numbering(d)
    # Headings and short paragraphs that open with 一、二、… in sequence are
    # written as a numbered list instead, their numbers left to Word.
    ordinals = ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、"]
    current, expected = None, 0

    def numbered(text):
        nonlocal current, expected
        lead = next((o for o in ordinals if text.startswith(o)), None)
        if lead is None or len(text) > 40:
            return None
        k = ordinals.index(lead)
        if k == 0:
            current, expected = new_list(), 1
        elif current is None or k != expected:
            return None
        else:
            expected += 1
        return text[len(lead):]

    for block in blocks:
        text = block[2] if block[0] == "h" else block[1] if block[0] == "p" else None
        rest = numbered(text) if text else None
        if block[0] == "h":
            p = d.add_heading(rest if rest is not None else text, level=min(block[1], 4))
        elif block[0] == "p":
            p = d.add_paragraph(rest if rest is not None else text)
        if rest is not None:
            number(p, current)
        if block[0] == "table":
            placed, width = grid_of(block[1])
            if width == 0:
                continue
            table = d.add_table(rows=len(block[1]), cols=width)
            table.style = "Table Grid"
            for r, c, text, rs, cs in placed:
                if c + cs > width:
                    continue
                anchor = table.cell(r, c)
                if rs > 1 or cs > 1:
                    anchor = anchor.merge(table.cell(r + rs - 1, c + cs - 1))
                anchor.text = text
    d.save(out)


def rtf_text(text):
    """Text as RTF: ASCII as is (escaped), everything else as \\uN? escapes."""
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            n = ord(ch)
            out.append(f"\\u{n if n < 32768 else n - 65536}?")
    return "".join(out)


def write_rtf(blocks, out, site):
    """The same report as RTF, as Word writes it: \\trowd rows whose cells \\cellx
    positions define, vertical merges \\clvmgf/\\clvmrg, a header group with the
    site's name, and a footer with a PAGE field; GBK code page declared."""
    parts = ["{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}",
             "{\\header \\pard " + rtf_text(site) + "\\par}",
             "{\\footer \\pard {\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}\\par}"]
    width = 1200
    for block in blocks:
        if block[0] == "h":
            parts.append("\\pard\\b " + rtf_text(block[2]) + "\\b0\\par")
        elif block[0] == "p":
            parts.append("\\pard " + rtf_text(block[1]) + "\\par")
        else:
            placed, cols = grid_of(block[1])
            anchors = {(r, c): (text, rs, cs) for r, c, text, rs, cs in placed}
            covered = {}
            for r, c, text, rs, cs in placed:
                for dr in range(1, rs):
                    covered[(r + dr, c)] = cs
            for r in range(len(block[1])):
                defs, cells = [], []
                c = 0
                while c < cols:
                    if (r, c) in anchors:
                        text, rs, cs = anchors[(r, c)]
                        defs.append(("\\clvmgf" if rs > 1 else "") + f"\\cellx{(c + cs) * width}")
                        cells.append(rtf_text(text))
                        c += cs
                    elif (r, c) in covered:
                        cs = covered[(r, c)]
                        defs.append(f"\\clvmrg\\cellx{(c + cs) * width}")
                        cells.append("")
                        c += cs
                    else:
                        defs.append(f"\\cellx{(c + 1) * width}")
                        cells.append("")
                        c += 1
                parts.append("\\trowd" + "".join(defs) + "\\pard\\intbl " + "".join(t + "\\cell " for t in cells) + "\\row")
            parts.append("\\pard\\par")
    parts.append("}")
    out.write_bytes("\n".join(parts).encode("ascii"))


def write_bad_docx():
    """fixtures/bad/: a truncated .docx, one whose body is not XML, and a zip bomb."""
    import zipfile

    bad = ROOT / "fixtures" / "bad"
    whole = (OUT / "01_qinglan_xuesheng_zizhu.docx").read_bytes()
    (bad / "truncated.docx").write_bytes(whole[: len(whole) // 2])
    with zipfile.ZipFile(bad / "malformed.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>预算</w:t></w:r></w:body>")
    with zipfile.ZipFile(bad / "zip_bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document>" + " " * (60 << 20) + "</w:document>")


def write_binary_doc():
    """fixtures/docx/word97/: every .docx saved by LibreOffice as a Word 97–2003
    binary document (one also under WPS's .wps name, the same format);
    fixtures/bad/: such a file password-flagged, and one cut in half; and
    fixtures/docx/libreoffice/: every .docx re-saved by LibreOffice. Skipped
    with a note where LibreOffice is not installed."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not installed: fixtures/docx/word97/ and fixtures/bad/*.doc left as they are")
        return
    word97 = OUT / "word97"
    word97.mkdir(exist_ok=True)
    subprocess.run([soffice, "--headless", "--convert-to", "doc:MS Word 97", "--outdir", str(word97),
                    *[str(p) for p in sorted(OUT.glob("*.docx"))]], check=True, capture_output=True)
    form = word97 / "01_qinglan_xuesheng_zizhu.doc"
    (word97 / "02_binhe_wangjiang_baojie.doc").replace(word97 / "02_binhe_wangjiang_baojie.wps")
    bad = ROOT / "fixtures" / "bad"
    old = bad / "word97.doc"
    if old.exists():
        old.unlink()
    data = bytearray(form.read_bytes())
    (bad / "truncated.doc").write_bytes(bytes(data[: len(data) // 2]))
    # The FIB's fEncrypted flag (bit 8 of the word at 0x0A of the WordDocument
    # stream), the stream found by its magic 0xA5EC at the start of a sector.
    fib = next((at for at in range(512, len(data), 512) if data[at:at + 2] == b"\xec\xa5"), None)
    if fib is None:
        raise SystemExit("no FIB found in " + str(form))
    data[fib + 0x0B] |= 0x01
    (bad / "encrypted.doc").write_bytes(bytes(data))
    # The same reports re-saved by LibreOffice: Word XML from another tool chain.
    lo = OUT / "libreoffice"
    lo.mkdir(exist_ok=True)
    subprocess.run([soffice, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(lo),
                    *[str(p) for p in sorted(OUT.glob("*.docx"))]], check=True, capture_output=True)


def articles():
    """(stem, blocks) of every report's HTML rendition: the seeds', then the forms'."""
    sources = sorted((ROOT / "fixtures" / "html").glob("*.html")) + sorted((ROOT / "fixtures" / "forms").glob("*.html"))
    for src in sources:
        html = read_html(src)
        article = Article("article-content" in html)
        article.feed(html)
        article.flush()
        yield src.stem, article.blocks


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for stem, blocks in articles():
        write_docx(blocks, OUT / (stem + ".docx"), "某某市财政局门户网站")
        # Word's "save as RTF", under the .doc name archives give it.
        write_rtf(blocks, OUT / (stem + ".doc"), "某某市财政局门户网站")
        print("wrote", OUT / (stem + ".docx"), len(blocks), "blocks")
    write_bad_docx()
    write_binary_doc()


if __name__ == "__main__":
    main()
