//! The document model: what a reader makes of an input file, whatever its format.
//!
//! A [`Document`] is a flow of [`Block`]s (headings, paragraphs, tables) plus the
//! raw [`Line`] stream the blocks were built from. Readers for text, PDF, HTML and
//! spreadsheets all produce this one shape, so extraction never asks which format
//! it is looking at.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::Serialize;

/// The input formats jixiao reads, as detected from the bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, typically a PDF-to-text dump.
    Txt,
    /// Markdown, typically a PDF-to-markdown conversion.
    Md,
    /// Portable Document Format.
    Pdf,
    /// Office Open XML workbook (also used for XLS/ODS workbooks).
    Xlsx,
    /// An HTML page.
    Html,
    /// A Word document (Office Open XML, `.docx`).
    Docx,
    /// Rich Text Format (often under a `.doc` name).
    Rtf,
    /// A Word 97–2003 binary document (`.doc`, and WPS's `.wps`).
    Doc,
    /// OFD (GB/T 33190), the national fixed-layout document format.
    Ofd,
    /// An image file (a scan or photo: JPEG, PNG, TIFF …), read by OCR.
    Image,
}

impl Format {
    /// The contract's name for the format (`source.format`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Pdf => "pdf",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Rtf => "rtf",
            Format::Doc => "doc",
            Format::Ofd => "ofd",
            Format::Image => "image",
        }
    }
}

/// Where a piece of text came from in the input. Which fields are set depends on
/// the format: page and line for text and PDF, `cell` for spreadsheets
/// (`附表!F12`), `element` for HTML (an element path).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Source {
    /// 1-based page number, where the input has pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1-based line number: in the file for text, on the page for PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Sheet and cell reference for spreadsheets, e.g. `附表!F12`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<Arc<str>>,
    /// Element path for HTML, e.g. `body/div[2]/table[1]/tr[4]/td[3]`.
    // Shared, not copied, by the line and the paragraph read from one element.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<Arc<str>>,
    /// Characters `[from, to)` of the line as read (counted from 0, after the
    /// character clean-up), where one line holds several cells: a form
    /// flattened onto one line, cells run together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chars: Option<[u32; 2]>,
    /// Where the line was read by OCR: the lowest confidence (0–100) the
    /// recogniser gave a word with a digit on it (on a line without one, the
    /// lowest of its words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ocr_confidence: Option<u8>,
}

/// Below this OCR confidence a number is not trusted: a finding built on it
/// asks for the page image to be checked and is never an error.
pub const OCR_TRUSTED: u8 = 90;

impl Source {
    /// True when the line was read by OCR and one of its numbers with low
    /// confidence (see [`OCR_TRUSTED`]).
    pub fn uncertain(&self) -> bool {
        self.ocr_confidence.is_some_and(|c| c < OCR_TRUSTED)
    }

    /// True when both are in the same line of text (page and line, or the same
    /// HTML element or sheet cell), whatever their characters.
    pub fn same_line(&self, other: &Source) -> bool {
        self.page == other.page
            && self.line == other.line
            && self.element == other.element
            && self.cell == other.cell
    }

    /// A source at a text line (and page, when the input has pages).
    pub fn at_line(page: Option<u32>, line: u32) -> Source {
        Source {
            page,
            line: Some(line),
            ..Source::default()
        }
    }

    /// A short human-readable form: `p. 9, line 212`, `附表!F12`, or an element path.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = self.page {
            parts.push(format!("p. {p}"));
        }
        if let Some(l) = self.line {
            parts.push(format!("line {l}"));
        }
        if let Some([from, to]) = self.chars {
            parts.push(format!("chars {from}–{to}"));
        }
        if let Some(c) = &self.cell {
            parts.push(c.to_string());
        }
        if let Some(e) = &self.element {
            parts.push(e.to_string());
        }
        if parts.is_empty() {
            "unknown place".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// One physical line of the input after character clean-up (full-width digits
/// folded, control characters dropped), before any joining.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    /// The line's text, without the line break. Shared (not copied) with the
    /// paragraph read from the same element where the two are one text.
    pub text: Arc<str>,
    /// Where the line is.
    pub source: Source,
    /// True for lines recognised as page furniture (page numbers, running headers).
    pub furniture: bool,
}

/// A run of prose, joined from wrapped lines, that remembers which source line
/// each part of its text came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Paragraph {
    /// The cleaned text (wrapped lines joined, stray spaces removed).
    pub text: Arc<str>,
    /// `(byte offset into text, source)`: the source of the text from that offset on.
    /// Sorted by offset; the first entry starts at 0.
    pub spans: smallvec::SmallVec<[(usize, Source); 1]>,
}

impl Paragraph {
    /// A paragraph from one piece of text with one source.
    pub fn new(text: impl Into<Arc<str>>, source: Source) -> Paragraph {
        Paragraph {
            text: text.into(),
            spans: smallvec::smallvec![(0, source)],
        }
    }

    /// The source of the text at byte offset `at`.
    pub fn source_at(&self, at: usize) -> Source {
        let idx = self.spans.partition_point(|(off, _)| *off <= at);
        self.spans
            .get(idx.saturating_sub(1))
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
    }
}

/// One table cell. A merged cell is stored once, at its top-left position, with
/// its spans; the positions it covers hold cells with `covered` set.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Cell {
    /// The cell's text, cleaned.
    pub text: String,
    /// Rows this cell spans (1 for an ordinary cell).
    pub row_span: u32,
    /// Columns this cell spans (1 for an ordinary cell).
    pub col_span: u32,
    /// Set on positions covered by a merged cell: `(row, column)` of its anchor.
    pub covered_by: Option<(usize, usize)>,
    /// Where the cell is.
    pub source: Source,
}

impl Cell {
    /// An ordinary 1×1 cell.
    pub fn new(text: impl Into<String>, source: Source) -> Cell {
        Cell {
            text: text.into(),
            row_span: 1,
            col_span: 1,
            covered_by: None,
            source,
        }
    }
}

/// A table: a grid of rows. Rows may be ragged when the input gives no grid
/// (text dumps); readers that know the grid (HTML, spreadsheets, ruled PDF tables)
/// give rectangular rows with spans.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Table {
    /// The rows, top to bottom.
    pub rows: Vec<Vec<Cell>>,
    /// Indices of rows that begin a new page (a table continued across a page
    /// break, joined by the reader). Rows right after a break are where merged
    /// parent cells get lost or misplaced, so extraction looks at them twice.
    pub page_breaks: Vec<usize>,
    /// Rows the reader recognised as a header repeated after a page break and
    /// removed; kept only as a count for diagnostics.
    pub repeated_headers: usize,
    /// Where the table starts.
    pub source: Source,
    /// Some of its numbers were cut from digits printed run together
    /// (`202010100.00%10`): where one ends is the reader's guess, so a sum
    /// they fail may be the reading's fault as much as the report's.
    pub guessed_numbers: bool,
    /// Rows with fewer figures than the table has number columns whose
    /// columns the reader chose (a text dump prints no blank cell): under
    /// which column each figure stands is a guess.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub placed_by_guess: Vec<usize>,
    /// Figures between its rows fit no row the reader could make of them (a
    /// row printed without its 指标值 and 完成值 cells where the others print
    /// them): a sum its rows fail may miss that row.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub figures_unread: bool,
    /// Cells read in their order along each line, with no column geometry
    /// (a layout whose indentation was lost): an empty cell left no trace.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub cells_in_order: bool,
}

impl Table {
    /// The text at `(row, col)`, reading through merged cells to their anchor.
    pub fn text_at(&self, row: usize, col: usize) -> &str {
        match self.rows.get(row).and_then(|r| r.get(col)) {
            Some(Cell {
                covered_by: Some((r, c)),
                ..
            }) => self
                .rows
                .get(*r)
                .and_then(|row| row.get(*c))
                .map(|c| c.text.as_str())
                .unwrap_or(""),
            Some(cell) => cell.text.as_str(),
            None => "",
        }
    }
}

/// A block of the document flow.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Block {
    /// A heading; `level` counts from 1 (markdown `#`) where the input says so,
    /// otherwise 0 for "looks like a heading" (numbered 一、 (一) 1. …).
    Heading {
        /// Heading level.
        level: u8,
        /// The heading's text.
        text: Paragraph,
    },
    /// Running prose.
    Paragraph(Paragraph),
    /// A table.
    Table(Table),
}

/// A read document: the block flow and the raw lines it was built from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    /// The detected format.
    pub format: Format,
    /// Number of pages, where the input has pages (PDF, text with form feeds).
    pub pages: Option<u32>,
    /// The document flow.
    pub blocks: Vec<Block>,
    /// Every physical line, in order (for text-layout readers such as the
    /// one-cell-per-line table reader in extraction).
    pub lines: Vec<Line>,
    /// Problems the reader met that did not stop it (an undecodable page, say).
    pub warnings: Vec<String>,
    /// Titles the file states outside its body, best first: a web page's
    /// `<meta name="ArticleTitle">`, its `<h1>` outside the article, the parts of
    /// its `<title>` (site names among them). Extraction takes one when the
    /// body states none.
    pub titles: Vec<Paragraph>,
}

impl Document {
    /// The document's prose as paragraphs, headings included, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Heading { text, .. } => Some(text),
            Block::Paragraph(p) => Some(p),
            Block::Table(_) => None,
        })
    }

    /// The document's tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
    }
}

/// True when a line opens with an outline enumerator (一、 （一） 1. （1） ①),
/// which always starts a new paragraph.
pub fn starts_with_enumerator(text: &str) -> bool {
    let t = text.trim_start().trim_start_matches('*').trim_start();
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: String = chars.collect();
    let numeral = outline_numeral;
    if numeral(first) {
        let tail = rest.trim_start_matches(&numeral);
        return tail.starts_with('、');
    }
    if first == '（' || first == '(' {
        let inner: String = rest
            .chars()
            .take_while(|&c| c != '）' && c != ')')
            .collect();
        return !inner.is_empty()
            && inner.chars().count() <= 3
            && inner.chars().all(|c| numeral(c) || c.is_ascii_digit());
    }
    if first.is_ascii_digit() {
        let tail = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        let mut tail_chars = tail.chars();
        return match tail_chars.next() {
            Some('、') => true,
            Some('.') => !tail_chars.next().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
    }
    ('①'..='⑳').contains(&first)
        || t.starts_with("第") && t.chars().nth(2).is_some_and(|c| "章节部分".contains(c))
}

/// A Chinese numeral as outlines number with them (一 … 十).
fn outline_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// How deep an outline enumerator puts its line or row: 一、 1, （一） 2, 1、 or
/// 1. 3, （1） 4, ① (and any other, 第…章) 5; `None` for a line without one.
pub fn enumerator_depth(name: &str) -> Option<u8> {
    let t = name.trim_start();
    if !starts_with_enumerator(t) {
        return None;
    }
    let first = t.chars().next()?;
    Some(match first {
        c if outline_numeral(c) => 1,
        '（' | '(' => {
            if t.chars().nth(1).is_some_and(outline_numeral) {
                2
            } else {
                4
            }
        }
        c if c.is_ascii_digit() => 3,
        _ => 5,
    })
}

/// The number an outline enumerator counts (`3、` 3, `（二）` 2, `十一、` 11,
/// `②` 2) with its depth as [`enumerator_depth`] gives it: where a row list
/// starts (1) and runs on.
pub fn enumerator_ordinal(name: &str) -> Option<(u8, u32)> {
    let depth = enumerator_depth(name)?;
    let t = name.trim_start().trim_start_matches('*').trim_start();
    let t = t.trim_start_matches(['（', '(']);
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return Some((depth, digits.parse().ok()?));
    }
    let first = t.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        return Some((depth, first as u32 - '①' as u32 + 1));
    }
    let numerals: Vec<u32> = t
        .chars()
        .take_while(|&c| outline_numeral(c))
        .map(|c| {
            "一二三四五六七八九十"
                .chars()
                .position(|n| n == c)
                .map_or(0, |k| k as u32 + 1)
        })
        .collect();
    let n = match numerals.as_slice() {
        [n] => *n,
        [10, n] => 10 + n,
        [n, 10] => n * 10,
        [n, 10, m] => n * 10 + m,
        _ => return None,
    };
    Some((depth, n))
}

/// The enumerator rank of a heading or a row label (0 = 一、 … 4 = ①) and its
/// title: the outline a report's headings and a table's rows are numbered in.
pub fn heading_rank(text: &str) -> Option<(usize, String)> {
    let t = text.trim();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let title = |rest: &str| {
        rest.trim()
            .trim_end_matches(['：', ':', '。'])
            .trim()
            .to_string()
    };
    let mut chars = t.chars();
    let first = chars.next()?;
    if numeral(first) {
        let rest = t.trim_start_matches(numeral);
        return rest.strip_prefix('、').map(|r| (0, title(r)));
    }
    if first == '（' || first == '(' {
        let close = t.find(['）', ')'])?;
        let inner = &t[first.len_utf8()..close];
        let rest = &t[close + t[close..].chars().next()?.len_utf8()..];
        if !inner.is_empty() && inner.chars().all(numeral) {
            return Some((1, title(rest)));
        }
        if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
            return Some((3, title(rest)));
        }
        return None;
    }
    if first.is_ascii_digit() {
        let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
        let rest = rest.strip_prefix(['.', '、', '．'])?;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        return Some((2, title(rest)));
    }
    if ('①'..='⑳').contains(&first) {
        return Some((4, title(chars.as_str())));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enumerator_counts_in_digits_numerals_and_circles() {
        assert_eq!(enumerator_ordinal("3、公务接待"), Some((3, 3)));
        assert_eq!(enumerator_ordinal("（二）项目支出"), Some((2, 2)));
        assert_eq!(enumerator_ordinal("十一、其他"), Some((1, 11)));
        assert_eq!(enumerator_ordinal("二十、其他"), Some((1, 20)));
        assert_eq!(enumerator_ordinal("②运行维护"), Some((5, 2)));
        assert_eq!(enumerator_ordinal("(12) 培训"), Some((4, 12)));
        assert_eq!(enumerator_ordinal("公用经费"), None);
        assert_eq!(enumerator_ordinal("1.5万元"), None);
    }
}
