//! PDF: pages interpreted by `hayro-interpret` (pure Rust) into glyphs with
//! their positions and Unicode, and the ruling lines drawn on the page.
//!
//! Text: the predefined Chinese CMaps (UniGB-UCS2-H, GBK-EUC-H …) and ToUnicode
//! maps are hayro's; where a font has neither (Identity-H without ToUnicode),
//! the embedded font's own `cmap` table is read backwards (glyph → character).
//! Layout: glyphs become lines by baseline, laid out with spaces by position so
//! that an unruled table reads like `pdftotext -layout` (and goes through the
//! same column reader); ruled tables are rebuilt from their lines: the grid
//! from the rules, merged cells where a rule is missing, each glyph in the cell
//! holding it. Page furniture, paragraph joining and tables continued across a
//! page break are the text reader's, on the lines made here.

use std::collections::HashMap;

use hayro_interpret::font::{Glyph, GlyphRun};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, DrawMode, DrawProps, Image, ImageDrawProps,
    InterpreterCache, InterpreterSettings, SoftMask,
};
use hayro_syntax::{LoadPdfError, Pdf};
use jixiao_model::{Block, Cell, Document, Format, Line, Source, Table};
use kurbo::{Affine, BezPath, PathEl, Point, Rect};

use crate::clean::{clean_inline, fold_line, is_cjk, push_wrapped};
use crate::text::{build_blocks, mark_furniture, push_table};
use crate::IngestError;

/// One glyph as placed on the page (top-left origin, y down, points).
#[derive(Clone, Debug)]
pub(crate) struct Glyph1 {
    pub(crate) text: String,
    pub(crate) x0: f64,
    pub(crate) x1: f64,
    /// Baseline.
    pub(crate) y: f64,
    pub(crate) size: f64,
    /// The text-showing operation that drew it.
    pub(crate) run: usize,
    /// Read by OCR: the confidence in the word it is part of, and whether
    /// that word holds a digit.
    pub(crate) ocr: Option<(u8, bool)>,
}

/// A horizontal or vertical rule.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    pub(crate) horizontal: bool,
    /// y of a horizontal rule, x of a vertical one.
    pub(crate) at: f64,
    pub(crate) from: f64,
    pub(crate) to: f64,
}

/// What a page draws: its glyphs and rules (filled by hayro for PDF, by the
/// OFD reader from its page XML), laid out by [`lay_out_page`].
#[derive(Default)]
pub(crate) struct PageDevice {
    pub(crate) glyphs: Vec<Glyph1>,
    pub(crate) runs: usize,
    /// Images drawn: a page of images and no text is a scan.
    images: usize,
    pub(crate) rules: Vec<Rule>,
    undecodable: usize,
    /// Glyph id → character, per embedded font without a ToUnicode map.
    reverse_cmaps: HashMap<u128, HashMap<u32, char>>,
}

fn reverse_cmap(data: &[u8]) -> HashMap<u32, char> {
    use skrifa::MetadataProvider;
    let mut out = HashMap::new();
    // A collection (.ttc) holds several fonts; subsets embed one.
    if let Ok(font) = skrifa::FontRef::from_index(data, 0) {
        for (cp, gid) in font.charmap().mappings() {
            if let Some(c) = char::from_u32(cp) {
                out.entry(gid.to_u32()).or_insert(c);
            }
        }
    }
    out
}

impl PageDevice {
    fn unicode(&mut self, glyph: &Glyph<'_>) -> Option<String> {
        match glyph.as_unicode() {
            Some(hayro_cmap::BfString::Char(c)) => return Some(c.to_string()),
            Some(hayro_cmap::BfString::String(s)) => return Some(s),
            None => {}
        }
        let Glyph::Outline(outline) = glyph else {
            return None;
        };
        let data = outline.font_data()?;
        let map = self
            .reverse_cmaps
            .entry(data.cache_key)
            .or_insert_with(|| reverse_cmap((*data.data).as_ref()));
        map.get(&outline.glyph_id().to_u32()).map(|c| c.to_string())
    }

    fn add_rule(&mut self, a: Point, b: Point) {
        let (dx, dy) = ((a.x - b.x).abs(), (a.y - b.y).abs());
        if dy < 1.0 && dx >= 2.0 {
            self.rules.push(Rule {
                horizontal: true,
                at: (a.y + b.y) / 2.0,
                from: a.x.min(b.x),
                to: a.x.max(b.x),
            });
        } else if dx < 1.0 && dy >= 2.0 {
            self.rules.push(Rule {
                horizontal: false,
                at: (a.x + b.x) / 2.0,
                from: a.y.min(b.y),
                to: a.y.max(b.y),
            });
        }
    }
}

impl<'a> Device<'a> for PageDevice {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, mode: &DrawMode) {
        let path = props.transform * path.clone();
        let stroked = matches!(mode, DrawMode::Stroke(_) | DrawMode::FillAndStroke(..));
        // Sub-paths: their points, to tell lines and thin rectangles apart.
        let mut subpaths: Vec<Vec<Point>> = Vec::new();
        for el in path.elements() {
            match el {
                PathEl::MoveTo(p) => subpaths.push(vec![*p]),
                PathEl::LineTo(p) => {
                    if let Some(s) = subpaths.last_mut() {
                        s.push(*p);
                    }
                }
                PathEl::ClosePath => {
                    if let Some(first) = subpaths.last().and_then(|s| s.first().copied()) {
                        if let Some(s) = subpaths.last_mut() {
                            s.push(first);
                        }
                    }
                }
                // Curves are not rules.
                PathEl::QuadTo(..) | PathEl::CurveTo(..) => subpaths.push(Vec::new()),
            }
        }
        for points in subpaths {
            if points.len() < 2 {
                continue;
            }
            let bounds = points
                .iter()
                .fold(Rect::new(f64::MAX, f64::MAX, f64::MIN, f64::MIN), |r, p| {
                    Rect::new(r.x0.min(p.x), r.y0.min(p.y), r.x1.max(p.x), r.y1.max(p.y))
                });
            if bounds.width() < 3.0 || bounds.height() < 3.0 {
                // A line, or a thin filled rectangle drawn as a rule.
                if bounds.width() < 3.0 && bounds.height() >= 2.0 {
                    self.add_rule(
                        Point::new(bounds.center().x, bounds.y0),
                        Point::new(bounds.center().x, bounds.y1),
                    );
                } else if bounds.height() < 3.0 && bounds.width() >= 2.0 {
                    self.add_rule(
                        Point::new(bounds.x0, bounds.center().y),
                        Point::new(bounds.x1, bounds.center().y),
                    );
                }
            } else if stroked {
                // A stroked box: each straight edge is a rule.
                for w in points.windows(2) {
                    self.add_rule(w[0], w[1]);
                }
            }
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, _: &DrawMode) {
        self.runs += 1;
        for g in run.glyphs() {
            let t = props.transform * g.transform();
            let origin = t * Point::ZERO;
            // Glyph outlines are in a 1000-unit em.
            let up = t * Point::new(0.0, 1000.0);
            let size = ((up.x - origin.x).powi(2) + (up.y - origin.y).powi(2)).sqrt();
            let advance = match &**g {
                Glyph::Outline(o) => o.advance_width().map(f64::from),
                Glyph::Type3(t3) => t3.advance_width().map(f64::from),
            }
            .filter(|a| *a > 0.0)
            .unwrap_or(500.0);
            let end = t * Point::new(advance, 0.0);
            match self.unicode(g) {
                Some(text) => {
                    let text: String = text
                        .chars()
                        .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c) && *c != '\u{FFFD}')
                        .collect();
                    if text.is_empty() {
                        self.undecodable += 1;
                        continue;
                    }
                    self.glyphs.push(Glyph1 {
                        text,
                        x0: origin.x.min(end.x),
                        x1: origin.x.max(end.x),
                        y: origin.y,
                        size: size.max(1.0),
                        run: self.runs,
                        ocr: None,
                    });
                }
                None => self.undecodable += 1,
            }
        }
    }

    fn pop_clip(&mut self) {}
    fn pop_transparency_group(&mut self) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {
        self.images += 1;
    }
}

/// Reads a PDF into the document model.
pub fn read_pdf(bytes: &[u8], limits: &crate::Limits) -> Result<Document, IngestError> {
    let max_pages = limits.max_pages;
    const CORRUPT: &str = "pdf.corrupt";
    let pdf = match crate::third_party(CORRUPT, || Pdf::new(bytes.to_vec()))? {
        Ok(p) => p,
        Err(LoadPdfError::Decryption(_)) => {
            return Err(IngestError::new("pdf.encrypted", "the PDF is encrypted with a password; open it with the password and save an unprotected copy (or print to PDF), then run again"))
        }
        Err(LoadPdfError::Invalid) => {
            return Err(IngestError::new("pdf.corrupt", "the PDF could not be parsed: it may be truncated or damaged — download it again, or re-save it from a PDF viewer"))
        }
    };
    let pages = crate::third_party(CORRUPT, || pdf.pages())?;
    if pages.is_empty() {
        return Err(IngestError::new("pdf.corrupt", "the PDF's page tree is broken (no page could be reached; a cycle or a missing object): re-save it from a PDF viewer, or download it again"));
    }
    let mut warnings: Vec<String> = pages_beyond("the PDF", pages.len(), max_pages)
        .into_iter()
        .collect();
    let cache = InterpreterCache::new();
    let mut items: Vec<Item> = Vec::new();
    let mut total_glyphs = 0usize;
    let mut pages_without_text = Vec::new();
    let mut undecodable_pages = Vec::new();
    #[cfg(feature = "ocr")]
    let (mut scan, mut ocr_pages): (Option<crate::ocr::PdfFile>, Vec<u32>) = (None, Vec::new());
    for (index, page) in pages.iter().enumerate().take(max_pages) {
        let number = index as u32 + 1;
        let (transform, (w, h)) = crate::third_party(CORRUPT, || {
            (
                Affine::new(page.initial_transform(true).as_coeffs()),
                page.render_dimensions(),
            )
        })?;
        let mut ctx = Context::new(
            transform,
            Rect::new(0.0, 0.0, f64::from(w), f64::from(h)),
            &cache,
            pdf.xref(),
            InterpreterSettings::default(),
        );
        let mut device = PageDevice::default();
        // hayro calls back into `PageDevice` (jixiao's code) as it draws.
        crate::third_party(CORRUPT, || {
            hayro_interpret::interpret_page(page, &mut ctx, &mut device)
        })?;
        // A scanned page is read by OCR where asked; a page with a text layer keeps it.
        #[cfg(feature = "ocr")]
        if limits.ocr && device.glyphs.is_empty() && device.images > 0 {
            // The PDF is written out for pdftoppm once, at its first scanned page.
            let file = match &mut scan {
                Some(file) => file,
                none => none.insert(crate::ocr::pdf_file(bytes)?),
            };
            let page = crate::ocr::pdf_page(&file.path, number)?;
            device = crate::ocr::page_device(&page);
            ocr_pages.push(number);
        }
        total_glyphs += device.glyphs.len();
        // A blank page is no matter; a page of images without text is a scan.
        if device.glyphs.is_empty() && device.images > 0 {
            pages_without_text.push(number);
        }
        if device.undecodable > 0
            && device.undecodable * 20 > device.glyphs.len() + device.undecodable
        {
            undecodable_pages.push(number);
        }
        items.extend(lay_out_page(device, number));
    }
    if total_glyphs == 0 {
        return Err(IngestError::new(
            "pdf.no_text_layer",
            "the PDF has no text layer (a scan, or text drawn as images): run again with --ocr (in a jixiao built with the `ocr` feature, see the README), or OCR it first (e.g. ocrmypdf --language chi_sim) and pass the result",
        ));
    }
    #[cfg(feature = "ocr")]
    if !ocr_pages.is_empty() {
        warnings.push(format!(
            "ocr: page(s) {} were read by OCR; numbers read with low confidence are marked in their sources",
            join_numbers(&ocr_pages)
        ));
    }
    if !undecodable_pages.is_empty() {
        warnings.push(format!(
            "pdf.undecodable_font: on page(s) {} many characters use a font with no way to map them to text; those characters are missing — OCR these pages if they matter",
            join_numbers(&undecodable_pages)
        ));
    }
    if !pages_without_text.is_empty() && pages_without_text.len() < pages.len().min(max_pages) {
        warnings.push(format!("pdf.no_text_layer: page(s) {} hold no text (scanned pages?); run with --ocr if they matter", join_numbers(&pages_without_text)));
    }
    Ok(assemble(
        items,
        pages.len().min(max_pages) as u32,
        warnings,
        Format::Pdf,
    ))
}

fn join_numbers(n: &[u32]) -> String {
    let shown: Vec<String> = n.iter().take(20).map(u32::to_string).collect();
    if n.len() > 20 {
        format!("{} … ({} in all)", shown.join(", "), n.len())
    } else {
        shown.join(", ")
    }
}

/// A page's content in reading order.
pub(crate) enum Item {
    Line(Line),
    Table(Table),
}

/// The note that a paged document was read only up to `--max-pages`, if it was.
pub(crate) fn pages_beyond(what: &str, pages: usize, max_pages: usize) -> Option<String> {
    (pages > max_pages)
        .then(|| format!("{what} has {pages} pages; only the first {max_pages} were read"))
}

/// Builds the document from the pages' lines and tables, through the text
/// reader's furniture, paragraph and table-joining logic.
pub(crate) fn assemble(
    items: Vec<Item>,
    pages: u32,
    warnings: Vec<String>,
    format: Format,
) -> Document {
    let mut lines: Vec<Line> = items
        .iter()
        .filter_map(|i| {
            if let Item::Line(l) = i {
                Some(l.clone())
            } else {
                None
            }
        })
        .collect();
    mark_furniture(&mut lines);
    // `lines` holds the page lines in item order, now with furniture marked.
    let mut marked = lines.iter();
    let mut blocks: Vec<Block> = Vec::new();
    let mut buffer: Vec<Line> = Vec::new();
    for item in items {
        match item {
            Item::Line(_) => buffer.extend(marked.next().cloned()),
            Item::Table(t) => {
                blocks.extend(build_blocks(&buffer));
                buffer.clear();
                push_table(&mut blocks, t);
            }
        }
    }
    blocks.extend(build_blocks(&buffer));
    Document {
        format,
        pages: Some(pages),
        blocks,
        lines,
        warnings,
        titles: Vec::new(),
    }
}

/// Glyphs on one baseline, left to right.
fn group_lines(mut glyphs: Vec<Glyph1>) -> Vec<Vec<Glyph1>> {
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut lines: Vec<Vec<Glyph1>> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some(line)
                if line
                    .first()
                    .is_some_and(|f| (f.y - g.y).abs() <= 0.35 * f.size.min(g.size)) =>
            {
                line.push(g)
            }
            _ => lines.push(vec![g]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        // Text drawn twice at the same place (fake bold) is read once.
        line.dedup_by(|b, a| a.text == b.text && (a.x0 - b.x0).abs() < 0.5);
    }
    lines
}

/// A line's text, with spaces standing for the gaps: one for a word gap, and
/// for wider gaps as many as the gap is wide in half-em columns, so columns
/// of an unruled table stay apart as they do in `pdftotext -layout`.
fn line_text(glyphs: &[Glyph1], unit: f64) -> String {
    let mut out = String::new();
    let mut prev_end: Option<(f64, bool)> = None;
    let left = glyphs.first().map_or(0.0, |g| g.x0);
    // Indentation in columns, so layout regions keep their shape.
    out.push_str(&" ".repeat(((left / unit).round() as usize).min(400)));
    for g in glyphs {
        if let Some((end, prev_cjk)) = prev_end {
            let gap = g.x0 - end;
            let this_cjk = g.text.chars().next().is_some_and(is_cjk);
            if gap > 1.5 * unit {
                out.push_str(&" ".repeat(((gap / unit).round() as usize).clamp(2, 200)));
            } else if gap > 0.25 * g.size && !(prev_cjk && this_cjk) {
                out.push(' ');
            }
        }
        out.push_str(&g.text);
        prev_end = Some((g.x1, g.text.chars().last().is_some_and(is_cjk)));
    }
    fold_line(&out)
}

/// Lays one page out: ruled tables, then the remaining glyphs as lines.
pub(crate) fn lay_out_page(device: PageDevice, page: u32) -> Vec<Item> {
    let tables = find_tables(&device.rules);
    let mut free: Vec<Glyph1> = Vec::new();
    let mut in_table: Vec<Vec<Glyph1>> = vec![Vec::new(); tables.len()];
    for g in device.glyphs {
        let c = Point::new((g.x0 + g.x1) / 2.0, g.y - g.size * 0.3);
        match tables
            .iter()
            .position(|t| t.bounds.inflate(0.5, 0.5).contains(c))
        {
            Some(k) => in_table[k].push(g),
            None => free.push(g),
        }
    }
    // Half the usual glyph size: a CJK character is two columns wide.
    let mut sizes: Vec<f64> = free
        .iter()
        .chain(in_table.iter().flatten())
        .map(|g| g.size)
        .collect();
    sizes.sort_by(f64::total_cmp);
    let unit = sizes.get(sizes.len() / 2).copied().unwrap_or(10.0).max(4.0) / 2.0;

    // (y, item) in reading order.
    let mut placed: Vec<(f64, Item)> = Vec::new();
    for line in group_lines(free) {
        let y = line.first().map_or(0.0, |g| g.y);
        let ocr_confidence = ocr_confidence(&line);
        placed.push((
            y,
            Item::Line(Line {
                text: line_text(&line, unit).into(),
                source: Source {
                    ocr_confidence,
                    ..Source::default()
                },
                furniture: false,
            }),
        ));
    }
    for (t, glyphs) in tables.into_iter().zip(in_table) {
        if glyphs.is_empty() {
            continue;
        }
        placed.push((t.bounds.y0, Item::Table(t.fill(glyphs, page))));
    }
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Lines are numbered on the page, tables' rows counting as lines.
    let mut number = 0u32;
    placed
        .into_iter()
        .map(|(_, item)| match item {
            Item::Line(mut l) => {
                number += 1;
                l.source = Source {
                    ocr_confidence: l.source.ocr_confidence,
                    ..Source::at_line(Some(page), number)
                };
                Item::Line(l)
            }
            Item::Table(mut t) => {
                for row in &mut t.rows {
                    number += 1;
                    for cell in row.iter_mut() {
                        cell.source = Source {
                            ocr_confidence: cell.source.ocr_confidence,
                            ..Source::at_line(Some(page), number)
                        };
                    }
                }
                t.source =
                    Source::at_line(Some(page), number.saturating_sub(t.rows.len() as u32) + 1);
                Item::Table(t)
            }
        })
        .collect()
}

/// How sure OCR was of glyphs read together (a line, a cell): as sure as its
/// least sure number, or its least sure word where it has no number; none
/// where they were not read by OCR.
fn ocr_confidence(glyphs: &[Glyph1]) -> Option<u8> {
    let least = |digits: bool| {
        glyphs
            .iter()
            .filter_map(|g| g.ocr)
            .filter(|(_, d)| *d || !digits)
            .map(|(c, _)| c)
            .min()
    };
    least(true).or_else(|| least(false))
}

/// A cell's lines joined as the text reads (see [`push_wrapped`]).
fn join_wrapped(lines: impl Iterator<Item = String>) -> String {
    let mut out = String::new();
    for line in lines.filter(|l| !l.is_empty()) {
        push_wrapped(&mut out, &line);
    }
    out
}

/// A ruled table's grid: column edges, row edges, and which neighbouring grid
/// cells are one merged cell.
struct RuledTable {
    bounds: Rect,
    xs: Vec<f64>,
    ys: Vec<f64>,
    /// Group id of each grid cell (row-major).
    group: Vec<usize>,
}

fn cluster(mut values: Vec<f64>, tolerance: f64) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    let mut run: Vec<f64> = Vec::new();
    for v in values {
        if run.last().is_some_and(|l| v - l > tolerance) {
            out.push(run.iter().sum::<f64>() / run.len() as f64);
            run.clear();
        }
        run.push(v);
    }
    if !run.is_empty() {
        out.push(run.iter().sum::<f64>() / run.len() as f64);
    }
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Ruled tables: groups of rules that cross, with at least two rows and two columns.
fn find_tables(rules: &[Rule]) -> Vec<RuledTable> {
    const TOL: f64 = 1.5;
    let n = rules.len().min(20_000);
    let rules = &rules[..n];
    let mut parent: Vec<usize> = (0..n).collect();
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (rules[i], rules[j]);
            let touch = if a.horizontal == b.horizontal {
                (a.at - b.at).abs() <= TOL && a.from <= b.to + TOL && b.from <= a.to + TOL
            } else {
                let (h, v) = if a.horizontal { (a, b) } else { (b, a) };
                v.at >= h.from - TOL
                    && v.at <= h.to + TOL
                    && h.at >= v.from - TOL
                    && h.at <= v.to + TOL
            };
            if touch {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                parent[ri] = rj;
            }
        }
    }
    let mut components: HashMap<usize, Vec<Rule>> = HashMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        components.entry(root).or_default().push(rules[i]);
    }
    let mut tables = Vec::new();
    for (_, group) in components {
        let hs: Vec<&Rule> = group.iter().filter(|r| r.horizontal).collect();
        let vs: Vec<&Rule> = group.iter().filter(|r| !r.horizontal).collect();
        let ys = cluster(hs.iter().map(|r| r.at).collect(), TOL);
        let xs = cluster(vs.iter().map(|r| r.at).collect(), TOL);
        if ys.len() < 3 || xs.len() < 3 {
            continue;
        }
        let (rows, cols) = (ys.len() - 1, xs.len() - 1);
        let covered = |horizontal: bool, at: f64, mid: f64| {
            group.iter().any(|r| {
                r.horizontal == horizontal
                    && (r.at - at).abs() <= TOL
                    && r.from - TOL <= mid
                    && mid <= r.to + TOL
            })
        };
        let mut parent: Vec<usize> = (0..rows * cols).collect();
        for r in 0..rows {
            for c in 0..cols {
                let ymid = (ys[r] + ys[r + 1]) / 2.0;
                let xmid = (xs[c] + xs[c + 1]) / 2.0;
                // No rule between this cell and its right neighbour: one cell.
                if c + 1 < cols && !covered(false, xs[c + 1], ymid) {
                    let (a, b) = (
                        find(&mut parent, r * cols + c),
                        find(&mut parent, r * cols + c + 1),
                    );
                    parent[a] = b;
                }
                if r + 1 < rows && !covered(true, ys[r + 1], xmid) {
                    let (a, b) = (
                        find(&mut parent, r * cols + c),
                        find(&mut parent, (r + 1) * cols + c),
                    );
                    parent[a] = b;
                }
            }
        }
        let group_of: Vec<usize> = (0..rows * cols).map(|i| find(&mut parent, i)).collect();
        let bounds = Rect::new(xs[0], ys[0], xs[cols], ys[rows]);
        tables.push(RuledTable {
            bounds,
            xs,
            ys,
            group: group_of,
        });
    }
    tables.sort_by(|a, b| a.bounds.y0.total_cmp(&b.bounds.y0));
    tables
}

impl RuledTable {
    /// Puts each glyph in the cell that holds it and makes the model's table:
    /// a merged cell at its top-left grid position with its spans.
    fn fill(&self, glyphs: Vec<Glyph1>, page: u32) -> Table {
        let (rows, cols) = (self.ys.len() - 1, self.xs.len() - 1);
        let locate = |v: f64, edges: &[f64]| {
            edges
                .windows(2)
                .position(|w| v >= w[0] && v < w[1])
                .unwrap_or(if v < edges[0] { 0 } else { edges.len() - 2 })
        };
        let mut per_group: HashMap<usize, Vec<Glyph1>> = HashMap::new();
        // A piece of text drawn by one operation, without a gap, goes to the cell
        // where it starts: text that overflows its cell (widths the font does not
        // honour) stays with it, even where it overlaps the next column.
        let mut piece_cell: Option<usize> = None;
        let mut prev: Option<(usize, f64, f64)> = None; // run, end, baseline
        for g in glyphs {
            let continues = prev.is_some_and(|(run, end, y)| {
                run == g.run && (g.y - y).abs() < 0.35 * g.size && g.x0 - end <= 0.4 * g.size
            });
            if !continues || piece_cell.is_none() {
                let r = locate(g.y - g.size * 0.3, &self.ys);
                let c = locate(g.x0 + g.size * 0.25, &self.xs);
                piece_cell = Some(self.group[r * cols + c]);
            }
            prev = Some((g.run, g.x1, g.y));
            if let Some(group) = piece_cell {
                per_group.entry(group).or_default().push(g);
            }
        }
        // Extent of each group: its anchor and spans.
        let mut extent: HashMap<usize, (usize, usize, usize, usize)> = HashMap::new();
        for r in 0..rows {
            for c in 0..cols {
                let e = extent
                    .entry(self.group[r * cols + c])
                    .or_insert((r, c, r, c));
                e.0 = e.0.min(r);
                e.1 = e.1.min(c);
                e.2 = e.2.max(r);
                e.3 = e.3.max(c);
            }
        }
        let unit = 5.0;
        let mut grid: Vec<Vec<Cell>> =
            vec![vec![Cell::new("", Source::at_line(Some(page), 0)); cols]; rows];
        for (group, (r0, c0, r1, c1)) in &extent {
            let glyphs = per_group.remove(group).unwrap_or_default();
            let ocr_confidence = ocr_confidence(&glyphs);
            let text = join_wrapped(
                group_lines(glyphs)
                    .iter()
                    .map(|l| line_text(l, unit).trim().to_string()),
            );
            grid[*r0][*c0] = Cell {
                text: clean_inline(&text),
                row_span: (r1 - r0 + 1) as u32,
                col_span: (c1 - c0 + 1) as u32,
                covered_by: None,
                source: Source {
                    ocr_confidence,
                    ..Source::at_line(Some(page), 0)
                },
            };
            for (r, row) in grid.iter_mut().enumerate().take(r1 + 1).skip(*r0) {
                for (c, cell) in row.iter_mut().enumerate().take(c1 + 1).skip(*c0) {
                    if (r, c) != (*r0, *c0) {
                        *cell = Cell {
                            covered_by: Some((*r0, *c0)),
                            ..Cell::new("", Source::at_line(Some(page), 0))
                        };
                    }
                }
            }
        }
        // Rows with no text at all (spacer rows) are dropped, spans kept consistent.
        Table {
            rows: grid,
            source: Source::at_line(Some(page), 0),
            ..Table::default()
        }
    }
}
