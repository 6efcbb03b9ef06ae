#!/usr/bin/env python3
"""Writes the committed fixtures under fixtures/ from ../shared (run from the repo root).

- fixtures/*.txt            the five seed reports, as given
- fixtures/forms/           the invented self-evaluation forms (txt, html, xlsx), as given
- fixtures/html/<stem>.html each seed as a government article page: site bar, breadcrumb,
                            share buttons and footer around the report; headings, paragraphs and
                            tables (merged parent cells as rowspan); GBK for some, UTF-8 for others
- fixtures/xlsx/<stem>.xlsx each seed as a workbook: the report's paragraphs one per row, each
                            table below a blank row, merged parent cells as merged regions,
                            numbers as numeric cells with the number format that shows them
- fixtures/multi/           several forms in one file (text and workbook)

The seed renditions are built from the structure jixiao reads from the seed text
(`jixiao inspect`), so a rendition holds exactly what the text holds; what is tested is
that the HTML and XLSX readers recover it. fixtures/bad/ holds inputs that must fail clearly.
Needs: cargo, python3 with openpyxl (and msoffcrypto-tool for the encrypted workbook,
xlwt and odfpy for the .xls and .ods forms).
"""
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
GBK_SEEDS = {"000", "002", "004"}  # as common as UTF-8 on government sites


def raw(seed: Path):
    """The seed's lines as jixiao numbers them (form feeds start pages, not lines)."""
    return seed.read_text(encoding="utf-8").replace(chr(12), "").split(chr(10))


def inspect(path: Path):
    out = subprocess.run(
        ["cargo", "run", "--release", "-q", "--", "inspect", str(path)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return json.loads(out.stdout)


def grid(table):
    """Rows of cell texts, with rowspans for parent cells left empty below them."""
    rows = [[c["text"] for c in r] for r in table["rows"]]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    spans = {}  # (r, c) -> rowspan; None for covered
    for c in range(min(2, width)):  # 一级 / 二级 columns carry merged parents
        r = 1
        while r < len(rows):
            if rows[r][c]:
                k = r + 1
                # Covered: empty parent cell on a data row (something right of it).
                while k < len(rows) and not rows[k][c] and any(rows[k][c + 1:]) and not rows[k][0].startswith("合计"):
                    k += 1
                if k - r > 1:
                    spans[(r, c)] = k - r
                    for j in range(r + 1, k):
                        spans[(j, c)] = None
                r = k
            else:
                r += 1
    return rows, spans


def pieces(paragraph):
    """A paragraph's text split back into the lines it was joined from."""
    text = paragraph["text"]
    offsets = [o for o, _ in paragraph["spans"]] + [len(text.encode("utf-8"))]
    raw = text.encode("utf-8")
    return [raw[a:b].decode("utf-8") for a, b in zip(offsets, offsets[1:])]


def paragraph_texts(paragraph, raw_lines):
    """A paragraph as one text, or as the lines the dump printed, spaces kept, when
    it is one line or made of narrow lines (a ruled table dumped one cell per line)."""
    lines = pieces(paragraph)
    if len(lines) == 1 or any(len(l) <= 13 for l in lines[:-1]):
        numbers = [src.get("line") for _, src in paragraph["spans"]]
        # A markdown heading's marks are markup, not text.
        return [raw_lines[n - 1].strip().lstrip("#").strip() for n in numbers if n]
    return [paragraph["text"]]


def render_html(blocks, raw_lines):
    parts = []
    for b in blocks:
        if "Heading" in b:
            line = b["Heading"]["text"]["spans"][0][1].get("line")
            text = b["Heading"]["text"]["text"]
            # A one-cell-per-line dump's lines keep their spaces (`过程 资金管理`).
            if line and len(text) <= 13:
                text = raw_lines[line - 1].strip().lstrip("#").strip() or text
            parts.append(f"<h3>{html.escape(text)}</h3>")
        elif "Paragraph" in b:
            texts = paragraph_texts(b["Paragraph"], raw_lines)
            if len(texts) == 1:
                parts.append(f'<p style="text-indent:2em">{html.escape(texts[0])}</p>')
            else:
                parts.extend(f"<p>{html.escape(t)}</p>" for t in texts)
        else:
            rows, spans = grid(b["Table"])
            out = ['<table border="1" cellspacing="0" style="border-collapse:collapse"><tbody>']
            for r, row in enumerate(rows):
                cells = []
                for c, text in enumerate(row):
                    span = spans.get((r, c), 1)
                    if span is None:
                        continue
                    attr = f' rowspan="{span}"' if span > 1 else ""
                    tag = "th" if r == 0 else "td"
                    cells.append(f"<{tag}{attr}>{html.escape(text).replace(chr(10), '<br>')}</{tag}>")
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</tbody></table>")
            parts.append("\n".join(out))
    return "\n".join(parts)


def write_html(seed: Path, blocks):
    stem = seed.stem
    gbk = stem[:3] in GBK_SEEDS
    charset = "gbk" if gbk else "utf-8"
    page = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="{charset}">
<title>绩效评价报告公示_政府信息公开</title>
</head>
<body>
<div class="top-bar">政府信息公开平台 | 无障碍 | 长者模式</div>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czyjs/">财政预决算</a> &gt; 绩效评价</div>
<div class="main">
<h1 class="article-title">绩效评价报告公示</h1>
<div class="article-info"><span>发布日期：2023-06-30</span> <span>字号：[ 大 中 小 ]</span></div>
<div class="article-content" id="zoom">
{render_html(blocks, raw(seed))}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
</div>
<div class="footer">主办单位：政府办公室 | 网站标识码 | 版权所有</div>
</body>
</html>
"""
    data = page.encode("gbk", errors="xmlcharrefreplace") if gbk else page.encode("utf-8")
    (ROOT / "fixtures/html" / f"{stem}.html").write_bytes(data)


NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$")


def put_cell(ws, row, col, text):
    """A number as a numeric cell with the format that shows it as printed; text as text."""
    cell = ws.cell(row=row, column=col)
    t = text.strip()
    if NUMBER.match(t):
        decimals = len(t.split(".")[1]) if "." in t else 0
        value = float(t.replace(",", ""))
        cell.value = int(value) if decimals == 0 and abs(value) < 2**53 else value
        fmt = ("#,##0" if "," in t else "0") + ("." + "0" * decimals if decimals else "")
        cell.number_format = fmt
    elif re.match(r"^\d+(\.\d+)?%$", t):
        decimals = len(t[:-1].split(".")[1]) if "." in t else 0
        cell.value = round(float(t[:-1]) / 100, decimals + 2 + 6)
        cell.number_format = "0" + ("." + "0" * decimals if decimals else "") + "%"
    else:
        cell.value = text
    return cell


def write_xlsx(seed: Path, blocks, raw_lines):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "报告"
    row = 1
    for b in blocks:
        if "Table" in b:
            row += 1  # a blank row sets a table apart
            rows, spans = grid(b["Table"])
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    span = spans.get((r, c), 1)
                    if span is None or not text:
                        continue
                    put_cell(ws, row + r, c + 1, text)
                    if span > 1:
                        ws.merge_cells(start_row=row + r, start_column=c + 1, end_row=row + r + span - 1, end_column=c + 1)
            row += len(rows) + 1
        else:
            texts = paragraph_texts(b["Heading"]["text"], raw_lines) if "Heading" in b else paragraph_texts(b["Paragraph"], raw_lines)
            for text in texts:
                ws.cell(row=row, column=1, value=text)
                row += 1
    wb.save(ROOT / "fixtures/xlsx" / f"{seed.stem}.xlsx")


def write_score_sheet(seed: Path, blocks, title: str):
    """A workbook holding only a report's first score table under its title rows,
    as score sheets (评分表) are published beside reports."""
    table = next(b["Table"] for b in blocks if "Table" in b and any("三级指标" in c["text"] for c in b["Table"]["rows"][0]) and any("得分" in c["text"] for c in b["Table"]["rows"][0]))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "评分表"
    rows, spans = grid(table)
    ws.cell(row=1, column=1, value=title + "评分表")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            span = spans.get((r, c), 1)
            if span is None or not text:
                continue
            put_cell(ws, 3 + r, c + 1, text)
            if span > 1:
                ws.merge_cells(start_row=3 + r, start_column=c + 1, end_row=3 + r + span - 1, end_column=c + 1)
    wb.save(ROOT / "fixtures/xlsx/score_sheet" / f"{seed.stem}_评分表.xlsx")


def write_multi():
    forms = SHARED / "forms"
    out = ROOT / "fixtures/multi"
    # A text dump of two project forms printed one after the other.
    text = (forms / "01_qinglan_xuesheng_zizhu.txt").read_text(encoding="utf-8") + (forms / "02_binhe_wangjiang_baojie.txt").read_text(encoding="utf-8")
    (out / "two_project_forms.txt").write_text(text, encoding="utf-8")
    # A workbook with two department forms, one per sheet.
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name in ["04_binhe_weijian_bumen", "05_qinglan_nongye_bumen"]:
        src = openpyxl.load_workbook(forms / f"{name}.xlsx").active
        ws = wb.create_sheet(name[:2] + src.title)
        for r in src.iter_rows():
            for c in r:
                if c.value is not None:
                    n = ws.cell(row=c.row, column=c.column, value=c.value)
                    n.number_format = c.number_format
        for m in src.merged_cells.ranges:
            ws.merge_cells(str(m))
    wb.save(out / "two_department_forms.xlsx")


def write_other_workbook_formats():
    """Form 02 as a legacy .xls (BIFF8) and as an OpenDocument .ods, from its .xlsx:
    values, number formats and merged regions."""
    src = openpyxl.load_workbook(ROOT / "fixtures/forms/02_binhe_wangjiang_baojie.xlsx").active
    out = ROOT / "fixtures/xlsx/formats"
    out.mkdir(parents=True, exist_ok=True)
    merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in src.merged_cells.ranges]
    covered = {(r, c) for (r0, c0, r1, c1) in merged for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0)}
    try:
        import xlwt
        book = xlwt.Workbook(encoding="utf-8")
        ws = book.add_sheet(src.title[:31])
        styles = {}
        for row in src.iter_rows():
            for c in row:
                if c.value is None or (c.row, c.column) in covered:
                    continue
                fmt = c.number_format if isinstance(c.value, (int, float)) else "General"
                style = styles.setdefault(fmt, xlwt.easyxf(num_format_str=fmt))
                span = next(((r1, c1) for (r0, c0, r1, c1) in merged if (r0, c0) == (c.row, c.column)), None)
                if span:
                    ws.write_merge(c.row - 1, span[0] - 1, c.column - 1, span[1] - 1, c.value, style)
                else:
                    ws.write(c.row - 1, c.column - 1, c.value, style)
        book.save(str(out / "02_binhe_wangjiang_baojie.xls"))
    except ImportError:
        print("xlwt not installed: .xls left as it is")
    try:
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import Table, TableRow, TableCell, CoveredTableCell
        from odf.text import P
        doc = OpenDocumentSpreadsheet()
        table = Table(name=src.title)
        for r in range(1, src.max_row + 1):
            tr = TableRow()
            for c in range(1, src.max_column + 1):
                if (r, c) in covered:
                    tr.addElement(CoveredTableCell())
                    continue
                v = src.cell(row=r, column=c).value
                span = next(((r1, c1) for (r0, c0, r1, c1) in merged if (r0, c0) == (r, c)), None)
                attrs = {}
                if span:
                    attrs = {"numberrowsspanned": span[0] - r + 1, "numbercolumnsspanned": span[1] - c + 1}
                if isinstance(v, (int, float)):
                    # ODS stores the value and the text it shows; the text is what a reader sees.
                    fmt = src.cell(row=r, column=c).number_format
                    decimals = len(fmt.split(".")[1].rstrip("%")) if "." in fmt else 0
                    shown = f"{v:,.{decimals}f}" if "," in fmt else f"{v:.{decimals}f}"
                    cell = TableCell(valuetype="float", value=v, **attrs)
                    cell.addElement(P(text=shown))
                elif v is None:
                    cell = TableCell(**attrs)
                else:
                    cell = TableCell(valuetype="string", **attrs)
                    cell.addElement(P(text=str(v)))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
        doc.save(str(out / "02_binhe_wangjiang_baojie.ods"))
    except ImportError:
        print("odfpy not installed: .ods left as it is")


def pdf_story(blocks, raw_lines, font, merge=True):
    """reportlab flowables for a seed: headings, paragraphs, and ruled tables with
    merged parent cells (SPAN) and the header repeated after a page break."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, firstLineIndent=21, wordWrap="CJK")
    head = ParagraphStyle("head", parent=body, fontSize=12, leading=20, firstLineIndent=0, spaceBefore=6)
    cell = ParagraphStyle("cell", fontName=font, fontSize=8, leading=10, wordWrap="CJK")
    story = []
    for b in blocks:
        if "Table" in b:
            rows, spans = grid(b["Table"])
            width = max(len(r) for r in rows)
            data = [[Paragraph(escape(t), cell) if t else "" for t in r] for r in rows]
            style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONT", (0, 0), (-1, -1), font, 8), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
            for (r, c), span in spans.items():
                if merge and span and span > 1:
                    style.append(("SPAN", (c, r), (c, r + span - 1)))
            col = 450.0 / width
            story.append(Table(data, colWidths=[col] * width, repeatRows=1, style=TableStyle(style)))
            story.append(Spacer(1, 8))
        elif "Heading" in b:
            story.append(Paragraph(escape(b["Heading"]["text"]["text"]), head))
        else:
            for text in paragraph_texts(b["Paragraph"], raw_lines):
                story.append(Paragraph(escape(text), body))
    return story


def write_pdfs(seed: Path, blocks, raw_lines):
    """Each seed as a PDF twice: with the non-embedded STSong-Light CID font
    (UniGB-UCS2-H, the predefined CMap) and with an embedded TrueType subset."""
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfbase.ttfonts import TTFont
        from reportlab.platypus import SimpleDocTemplate
    except ImportError:
        print("reportlab not installed: PDFs left as they are")
        return
    out = ROOT / "fixtures/pdf"
    out.mkdir(parents=True, exist_ok=True)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    fonts = [("stsong", "STSong-Light")]
    ttf = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    if ttf.exists():
        pdfmetrics.registerFont(TTFont("WQY", str(ttf), subfontIndex=0))
        fonts.append(("ttf", "WQY"))
    for tag, font in fonts:
        def page_number(canvas, doc):
            canvas.setFont(font, 9)
            canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")
        path = out / tag / f"{seed.stem}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72, bottomMargin=60,
                                title=seed.stem, author="jixiao fixtures", creator="jixiao scripts/make_fixtures.py")
        try:
            doc.build(pdf_story(blocks, raw_lines, font), onFirstPage=page_number, onLaterPages=page_number)
        except TypeError:
            # reportlab cannot split some tables whose merged cells cross a page:
            # that seed's tables are printed without merging (parents repeated blank).
            doc.build(pdf_story(blocks, raw_lines, font, merge=False), onFirstPage=page_number, onLaterPages=page_number)


def write_libreoffice_pdf(seed: Path, blocks, raw_lines):
    """Each seed as a Word document (python-docx: ruled tables, merged 一级/二级 cells,
    the header row repeated on every page) converted to PDF by LibreOffice, as most
    published reports are made. Skipped when python-docx or soffice is missing."""
    try:
        import docx
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt
    except ImportError:
        print("python-docx not installed: LibreOffice PDFs left as they are")
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice not installed: LibreOffice PDFs left as they are")
        return
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "WenQuanYi Zen Hei"
    style.font.size = Pt(10.5)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "WenQuanYi Zen Hei")
    for b in blocks:
        if "Table" in b:
            rows, spans = grid(b["Table"])
            width = max(len(r) for r in rows)
            table = d.add_table(rows=len(rows), cols=width)
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    if spans.get((r, c), 1) is None:
                        continue
                    table.cell(r, c).text = text
            for (r, c), span in spans.items():
                if span and span > 1:
                    table.cell(r, c).merge(table.cell(r + span - 1, c))
            # The header row repeats on every page the table runs onto.
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            tr_pr.append(header)
            d.add_paragraph("")
        elif "Heading" in b:
            d.add_paragraph(b["Heading"]["text"]["text"]).runs[0].bold = True
        else:
            for text in paragraph_texts(b["Paragraph"], raw_lines):
                d.add_paragraph(text)
    out = ROOT / "fixtures/pdf/libreoffice"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{seed.stem}.docx"
        d.save(src)
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(src)], check=True, capture_output=True, timeout=300)


def minimal_pdf(objects, root=1):
    """A PDF from numbered object bodies, with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def write_bad_pdfs(out):
    """PDFs that must fail clearly (or read with a warning), and a huge one that must read."""
    (out / "random_bytes.pdf").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4096)))
    good = (ROOT / "fixtures/pdf-cases/c_libreoffice_docx.pdf").read_bytes()
    (out / "truncated.pdf").write_bytes(good[: len(good) // 3])
    (out / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes((i * 31 + 7) % 256 for i in range(3000)))
    # A page tree whose page lists its parent as its own kid: a cycle.
    (out / "cyclic.pdf").write_bytes(minimal_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
    ]))
    # 2,000 pages sharing one content stream: small file, many pages.
    pages = 2000
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    text = "BT /F1 12 Tf 72 720 Td (Page of a long archive file) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(text)} >>\nstream\n".encode() + text + b"\nendstream",
    ] + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"] * pages
    (out / "two_thousand_pages.pdf").write_bytes(minimal_pdf(objects))
    try:
        from reportlab.pdfgen import canvas
        from reportlab.lib import pdfencrypt
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        enc = pdfencrypt.StandardEncryption("jixiao", ownerPassword="owner", strength=128)
        c = canvas.Canvas(str(out / "encrypted.pdf"), encrypt=enc)
        c.setFont("STSong-Light", 12)
        c.drawString(72, 720, "项目支出绩效评价报告")
        c.save()
        # A scan: the page is one image, no text layer.
        from PIL import Image, ImageDraw
        img = Image.new("L", (400, 200), 255)
        ImageDraw.Draw(img).rectangle([20, 20, 380, 180], outline=0, width=3)
        png = out / ".scan.png"
        img.save(png)
        c = canvas.Canvas(str(out / "scanned.pdf"))
        c.drawImage(str(png), 72, 500, width=400, height=200)
        c.save()
        png.unlink()
    except ImportError:
        print("reportlab/pillow not installed: encrypted.pdf and scanned.pdf left as they are")


def write_bad():
    """Inputs that must fail clearly or read as an empty report with a warning."""
    out = ROOT / "fixtures/bad"
    out.mkdir(parents=True, exist_ok=True)
    (out / "empty.txt").write_bytes(b"")
    (out / "csv_named.xlsx").write_text("项目,预算数,执行数\n办公设备,12.5,11.0\n", encoding="utf-8")
    (out / "not_a_workbook.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (out / "no_report.html").write_text(
        '<html><head><meta charset="utf-8"><title>首页</title></head><body><div class="nav"><a href="/">首页</a></div>'
        '<div class="content"><p>欢迎访问本站。</p></div><div class="footer">版权所有</div></body></html>', encoding="utf-8")
    (out / "gb18030_no_bom.txt").write_bytes("项目支出绩效评价报告\n本项目年初预算100.00万元，全年执行数98.00万元，预算执行率98.00%。\n".encode("gb18030"))
    (out / "utf16.txt").write_bytes("\ufeff项目支出绩效评价报告\n本项目年初预算100.00万元。\n".encode("utf-16-le"))
    write_bad_pdfs(out)
    # HTML nested 100,000 levels deep.
    (out / "deep_nesting.html").write_text("<html><body>" + "<div>" * 100_000 + "<p>正文</p>" + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    # A zip bomb named .xlsx: 2 GiB of zeros in a 2 MB file.
    import zipfile
    bomb = out / "zip_bomb.xlsx"
    if not bomb.exists():
        with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
                chunk = bytes(1 << 20)
                for _ in range(2048):
                    f.write(chunk)
    # A password-protected workbook (password: jixiao), encrypted as Excel does.
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
        import io
        plain = io.BytesIO((ROOT / "fixtures/forms/02_binhe_wangjiang_baojie.xlsx").read_bytes())
        with open(out / "password_protected.xlsx", "wb") as f:
            OOXMLFile(plain).encrypt("jixiao", f)
    except ImportError:
        print("msoffcrypto-tool not installed: password_protected.xlsx left as it is")


def main():
    for d in ["fixtures/forms", "fixtures/html", "fixtures/xlsx", "fixtures/xlsx/score_sheet", "fixtures/multi"]:
        (ROOT / d).mkdir(parents=True, exist_ok=True)
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        shutil.copy(seed, ROOT / "fixtures" / seed.name)
    for f in sorted((SHARED / "forms").iterdir()):
        if f.suffix in {".txt", ".html", ".xlsx"}:
            shutil.copy(f, ROOT / "fixtures/forms" / f.name)
    for seed in sorted((ROOT / "fixtures").glob("*.txt")):
        blocks = inspect(seed)
        write_html(seed, blocks)
        write_xlsx(seed, blocks, raw(seed))
        write_pdfs(seed, blocks, raw(seed))
        write_libreoffice_pdf(seed, blocks, raw(seed))
        if seed.stem.startswith("004"):
            texts = [(b.get("Heading") or {}).get("text", b.get("Paragraph")) for b in blocks if "Table" not in b]
            title = next(t["text"] for t in texts if "评价报告" in t["text"] and len(t["text"]) < 60)
            write_score_sheet(seed, blocks, title.replace("评价报告", "绩效评价"))
    write_multi()
    write_other_workbook_formats()
    write_bad()
    print("fixtures written")


if __name__ == "__main__":
    main()
