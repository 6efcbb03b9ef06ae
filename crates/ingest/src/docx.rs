//! Word documents (`.docx`, Office Open XML): the body's paragraphs and tables
//! from `word/document.xml`, streamed with `quick-xml`.
//!
//! Tables are real tables: `w:gridSpan` is a column span and `w:vMerge` a row
//! span (a `restart` cell spans the `continue` cells below it in its grid
//! columns), laid out by the same grid as HTML's `rowspan`/`colspan`. Headers,
//! footers and their page-number fields live in other parts of the package and
//! stay out of the prose; deleted revisions (`w:del`) and field codes
//! (`w:instrText`) are no text. Automatic list numbers (一、/（一）/1.) are
//! rendered from `word/numbering.xml` where the paragraph asks for them.
//! Provenance: a paragraph's number in the body (`line`) and an element path
//! (`body/p[12]`, `body/tbl[2]/tr[3]/tc[4]`).

use std::collections::HashMap;
use std::io::Cursor;

use jixiao_model::{Block, Document, Format, Line, Paragraph, Source, Table};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::clean::clean_inline;
use crate::error::IngestError;
use crate::grid::{lay_out, merged_rows, Merge, MergingCell};
use crate::package::{attr, read_part};

fn corrupt(what: impl std::fmt::Display) -> IngestError {
    IngestError::new(
        "docx.corrupt",
        format!("the Word document cannot be read ({what}): it is damaged or not a .docx — re-save it from Word or WPS, or re-download it"),
    )
}

/// Reads a `.docx` into the document model.
pub fn read_docx(bytes: &[u8], limits: &crate::Limits) -> Result<Document, IngestError> {
    crate::package::check_unpacked_size(bytes, limits, "docx")?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    let body = read_part(&mut archive, "word/document.xml", limits, corrupt)?
        .ok_or_else(|| corrupt("no word/document.xml"))?;
    let mut numbering = read_part(&mut archive, "word/numbering.xml", limits, corrupt)?
        .map(|x| Numbering::parse(&x))
        .unwrap_or_default();
    if let Some(styles) = read_part(&mut archive, "word/styles.xml", limits, corrupt)? {
        numbering.by_style = style_numbering(&styles);
    }
    let body = crate::clean::normalize_script(&body).into_owned();
    let mut reader = BodyReader {
        numbering,
        ..BodyReader::default()
    };
    reader.read(&body)?;
    let mut warnings = Vec::new();
    if reader.blocks.is_empty() {
        warnings.push(
            "the Word document's body is empty: nothing to extract (a scanned image pasted into Word needs OCR)".into(),
        );
    }
    Ok(Document {
        format: Format::Docx,
        pages: None,
        blocks: reader.blocks,
        lines: reader.lines,
        warnings,
        titles: Vec::new(),
    })
}

/// A cell as Word states it: its text, its column span, and whether it
/// starts (`restart`) or continues a vertical merge.
#[derive(Default)]
struct WordCell {
    text: Vec<String>,
    grid_span: u32,
    merge: Merge,
    path: String,
}

#[derive(Default)]
struct WordTable {
    rows: Vec<Vec<WordCell>>,
    path: String,
}

#[derive(Default)]
struct BodyReader {
    blocks: Vec<Block>,
    lines: Vec<Line>,
    numbering: Numbering,
    /// Tables open, outermost first.
    tables: Vec<WordTable>,
    /// The paragraph being read.
    text: String,
    in_text: bool,
    /// Inside `w:del` or `w:instrText`: no text.
    skipping: usize,
    /// The paragraph's style and list reference.
    style: Option<String>,
    num: Option<(String, usize)>,
    paragraphs: usize,
    table_count: usize,
    /// Counters of the list levels met so far, per list.
    counters: HashMap<String, Vec<u32>>,
}

impl BodyReader {
    fn read(&mut self, xml: &str) -> Result<(), IngestError> {
        let mut reader = Reader::from_str(xml);
        // `w:tr`/`w:tc` counters of the innermost table, for element paths.
        let mut pending_num_id: Option<String> = None;
        let mut pending_ilvl = 0usize;
        loop {
            let event = reader
                .read_event()
                .map_err(|e| corrupt(format!("word/document.xml: {e}")))?;
            match event {
                Event::Start(ref e) => self.open(e, &mut pending_num_id, &mut pending_ilvl, false),
                Event::Empty(ref e) => self.open(e, &mut pending_num_id, &mut pending_ilvl, true),
                Event::Text(t) if self.in_text && self.skipping == 0 => {
                    self.text.push_str(&t.xml10_content());
                }
                // `&amp;`, `&#x4E00;`: references come as events of their own.
                Event::GeneralRef(r) if self.in_text && self.skipping == 0 => {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => self.text.push(c),
                        _ => {
                            if let Some(s) = quick_xml::escape::resolve_xml_entity(&r) {
                                self.text.push_str(s);
                            }
                        }
                    }
                }
                Event::End(e) => match e.name().as_ref() {
                    "w:t" => self.in_text = false,
                    "w:del" | "w:instrText" | "w:delText" | "w:moveFrom" | "mc:Fallback" => {
                        self.skipping = self.skipping.saturating_sub(1)
                    }
                    "w:p" => {
                        if let Some(id) = pending_num_id.take() {
                            self.num = Some((id, pending_ilvl));
                        }
                        pending_ilvl = 0;
                        self.end_paragraph();
                    }
                    "w:tbl" => self.end_table(),
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    fn open(&mut self, e: &BytesStart, num_id: &mut Option<String>, ilvl: &mut usize, empty: bool) {
        match e.name().as_ref() {
            "w:t" if !empty => self.in_text = true,
            // A run's tab (not a tab stop of the paragraph's properties, which has a position).
            "w:tab" if self.skipping == 0 && attr(e, "w:pos").is_none() => self.text.push(' '),
            "w:br" | "w:cr" if self.skipping == 0 => self.text.push('\n'),
            // Deleted and moved-away revisions, field codes, and the fallback copy of
            // content Word also gives in a newer form (text boxes): no text.
            "w:del" | "w:instrText" | "w:delText" | "w:moveFrom" | "mc:Fallback" if !empty => {
                self.skipping += 1
            }
            // Grid columns a row leaves empty before its first cell.
            "w:gridBefore" => {
                let n = attr(e, "w:val")
                    .and_then(|v| v.parse::<u32>().ok())
                    .unwrap_or(0);
                if let (Some(t), true) = (self.tables.last_mut(), n > 0) {
                    let r = t.rows.len();
                    if let Some(row) = t.rows.last_mut() {
                        row.push(WordCell {
                            grid_span: n.min(1000),
                            path: format!("{}/tr[{r}]/gridBefore", t.path),
                            ..WordCell::default()
                        });
                    }
                }
            }
            "w:pStyle" => self.style = attr(e, "w:val"),
            "w:numId" => *num_id = attr(e, "w:val").filter(|v| v != "0"),
            "w:ilvl" => *ilvl = attr(e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0),
            "w:tbl" if !empty => {
                self.table_count += 1;
                let path = match self.tables.last() {
                    Some(outer) => format!("{}/tbl", outer.path),
                    None => format!("body/tbl[{}]", self.table_count),
                };
                self.tables.push(WordTable {
                    path,
                    ..WordTable::default()
                });
            }
            "w:tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            "w:tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    let r = t.rows.len();
                    if let Some(row) = t.rows.last_mut() {
                        row.push(WordCell {
                            grid_span: 1,
                            path: format!("{}/tr[{r}]/tc[{}]", t.path, row.len() + 1),
                            ..WordCell::default()
                        });
                    }
                }
            }
            "w:gridSpan" => {
                let span = attr(e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(1);
                if let Some(cell) = self.current_cell() {
                    cell.grid_span = span;
                }
            }
            "w:vMerge" => {
                let merge = match attr(e, "w:val").as_deref() {
                    Some("restart") => Merge::Restart,
                    _ => Merge::Continue,
                };
                if let Some(cell) = self.current_cell() {
                    cell.merge = merge;
                }
            }
            _ => {}
        }
    }

    fn current_cell(&mut self) -> Option<&mut WordCell> {
        self.tables.last_mut()?.rows.last_mut()?.last_mut()
    }

    fn end_paragraph(&mut self) {
        let raw = std::mem::take(&mut self.text);
        let style = self.style.take();
        // A list number set on the paragraph, or else by its style
        // (`标题 1` linked to a multilevel list: 一、 (一) 1.).
        let num = self.num.take().or_else(|| {
            style
                .as_ref()
                .and_then(|s| self.numbering.by_style.get(s).cloned())
        });
        // The line keeps the spaces between cells (`三级指标 指标解释 权重`), which
        // the token-stream readers cut at; the paragraph is cleaned prose.
        let mut line = raw.replace('\n', " ").trim().to_string();
        if let Some((id, level)) = num {
            if let Some(label) = self.numbering.label(&id, level, &mut self.counters) {
                if !line.starts_with(&label) {
                    line = format!("{label}{line}");
                }
            }
        }
        let text = clean_inline(&line);
        if let Some(cell) = self.current_cell() {
            if !text.is_empty() {
                cell.text.push(text);
            }
            return;
        }
        if text.is_empty() {
            return;
        }
        self.paragraphs += 1;
        let source = Source {
            line: Some(self.paragraphs as u32),
            element: Some(format!("body/p[{}]", self.paragraphs).into()),
            ..Source::default()
        };
        self.lines.push(Line {
            text: line.into(),
            source: source.clone(),
            furniture: false,
        });
        let p = Paragraph::new(text, source);
        // Word's built-in heading styles are `Heading1` …, or their ids `1` … in some locales.
        let level = style.as_deref().and_then(|s| {
            let digits = s
                .strip_prefix("Heading")
                .or_else(|| s.strip_prefix("heading"))
                .unwrap_or(s);
            digits.parse::<u8>().ok().filter(|l| (1..=9).contains(l))
        });
        self.blocks.push(match level {
            Some(level) => Block::Heading {
                level: level.min(4),
                text: p,
            },
            None => Block::Paragraph(p),
        });
    }

    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        if let Some(outer) = self.tables.last_mut() {
            // Nested: its text joins the outer cell it sits in.
            let text: Vec<String> = table
                .rows
                .into_iter()
                .flatten()
                .flat_map(|c| c.text)
                .collect();
            if let Some(cell) = outer.rows.last_mut().and_then(|r| r.last_mut()) {
                cell.text.extend(text);
            }
            return;
        }
        let source = Source {
            element: Some(table.path.as_str().into()),
            line: Some(self.paragraphs as u32 + 1),
            ..Source::default()
        };
        let rows = merged_rows(
            table
                .rows
                .into_iter()
                .map(|row| {
                    row.into_iter()
                        .map(|c| MergingCell {
                            text: clean_inline(&c.text.join(" ")),
                            cols: c.grid_span,
                            merge: c.merge,
                            source: Source {
                                element: Some(c.path.into()),
                                ..Source::default()
                            },
                        })
                        .collect()
                })
                .collect(),
        );
        if rows.iter().all(|r| r.is_empty()) {
            return;
        }
        self.blocks.push(Block::Table(Table {
            rows: lay_out(rows),
            source,
            ..Table::default()
        }));
    }
}

/// The list formats of `word/numbering.xml`: for each list (`w:num`), its
/// levels' number format and text (`%1、`, `（%1）`).
#[derive(Default)]
struct Numbering {
    /// numId → abstractNumId.
    nums: HashMap<String, String>,
    /// abstractNumId → levels (format, text, start).
    levels: HashMap<String, Vec<(String, String, u32)>>,
    /// styleId → the list and level its paragraphs are numbered in.
    by_style: HashMap<String, (String, usize)>,
}

/// The list each paragraph style numbers its paragraphs in (`w:style` …
/// `w:pPr/w:numPr`), following `w:basedOn` to the style that sets it.
fn style_numbering(xml: &str) -> HashMap<String, (String, usize)> {
    // styleId → (basedOn, numId, ilvl)
    type Style = (Option<String>, Option<String>, Option<usize>);
    let mut styles: HashMap<String, Style> = HashMap::new();
    // The style being read, stored when its element ends.
    let mut current: Option<(String, Style)> = None;
    let mut reader = Reader::from_str(xml);
    loop {
        let Ok(event) = reader.read_event() else {
            break;
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let style = current.as_mut().map(|(_, s)| s);
                match (e.name().as_ref(), style) {
                    ("w:style", _) => {
                        current = attr(e, "w:styleId").map(|id| (id, (None, None, None)))
                    }
                    ("w:basedOn", Some(s)) => s.0 = attr(e, "w:val"),
                    ("w:numId", Some(s)) => s.1 = attr(e, "w:val").filter(|v| v != "0"),
                    ("w:ilvl", Some(s)) => s.2 = attr(e, "w:val").and_then(|v| v.parse().ok()),
                    _ => {}
                }
            }
            Event::End(e) if e.name().as_ref() == "w:style" => {
                if let Some((id, style)) = current.take() {
                    styles.insert(id, style);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut out = HashMap::new();
    for id in styles.keys() {
        // Up the basedOn chain, a few steps at most (a cycle is a damaged file).
        let (mut at, mut num, mut level) = (Some(id.clone()), None, None);
        for _ in 0..16 {
            let Some(s) = at.as_ref().and_then(|a| styles.get(a)) else {
                break;
            };
            num = num.or_else(|| s.1.clone());
            level = level.or(s.2);
            if num.is_some() {
                break;
            }
            at = s.0.clone();
        }
        if let Some(num) = num {
            out.insert(id.clone(), (num, level.unwrap_or(0)));
        }
    }
    out
}

impl Numbering {
    fn parse(xml: &str) -> Numbering {
        let mut out = Numbering::default();
        let mut reader = Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<(String, String, u32)> = None;
        loop {
            let Ok(event) = reader.read_event() else {
                break;
            };
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => match e.name().as_ref() {
                    "w:abstractNum" => abstract_id = attr(e, "w:abstractNumId"),
                    "w:lvl" => level = Some(("decimal".into(), String::new(), 1)),
                    "w:numFmt" => {
                        if let (Some(l), Some(v)) = (level.as_mut(), attr(e, "w:val")) {
                            l.0 = v;
                        }
                    }
                    "w:lvlText" => {
                        if let (Some(l), Some(v)) = (level.as_mut(), attr(e, "w:val")) {
                            l.1 = v;
                        }
                    }
                    "w:start" => {
                        if let (Some(l), Some(v)) = (
                            level.as_mut(),
                            attr(e, "w:val").and_then(|v| v.parse().ok()),
                        ) {
                            l.2 = v;
                        }
                    }
                    "w:num" => num_id = attr(e, "w:numId"),
                    "w:abstractNumId" => {
                        if let (Some(n), Some(a)) = (num_id.clone(), attr(e, "w:val")) {
                            out.nums.insert(n, a);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    "w:lvl" => {
                        if let (Some(a), Some(l)) = (abstract_id.clone(), level.take()) {
                            out.levels.entry(a).or_default().push(l);
                        }
                    }
                    "w:abstractNum" => abstract_id = None,
                    "w:num" => num_id = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    /// The label of the next item of a list at a level (`三、`), counting items.
    fn label(
        &self,
        num_id: &str,
        level: usize,
        counters: &mut HashMap<String, Vec<u32>>,
    ) -> Option<String> {
        let levels = self.levels.get(self.nums.get(num_id)?)?;
        let (format, text, _) = levels.get(level)?;
        if format == "bullet" {
            return None;
        }
        let count = counters.entry(num_id.to_string()).or_default();
        count.resize(level + 1, 0);
        count[level] += 1;
        let mut label = text.clone();
        for (k, n) in count.iter().enumerate() {
            let (fmt, _, start) = levels.get(k)?;
            let shown = render(fmt, (*n).max(1) + start.saturating_sub(1))?;
            label = label.replace(&format!("%{}", k + 1), &shown);
        }
        (!label.is_empty()).then_some(label)
    }
}

/// A list number in Word's number formats.
fn render(format: &str, n: u32) -> Option<String> {
    Some(match format {
        "decimal" | "decimalZero" => n.to_string(),
        "chineseCounting"
        | "chineseCountingThousand"
        | "ideographTraditional"
        | "chineseLegalSimplified" => chinese(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            char::from_u32(0x2460 + n.checked_sub(1)?)
                .filter(|_| n <= 20)?
                .to_string()
        }
        "lowerLetter" => {
            char::from(b'a' + u8::try_from((n.checked_sub(1)?) % 26).ok()?).to_string()
        }
        "upperLetter" => {
            char::from(b'A' + u8::try_from((n.checked_sub(1)?) % 26).ok()?).to_string()
        }
        "none" => String::new(),
        _ => n.to_string(),
    })
}

/// 1 → 一, 12 → 十二, 21 → 二十一 (lists never run into the hundreds).
fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n % 10 == 0 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(xml: &str) -> BodyReader {
        let mut r = BodyReader::default();
        r.read(xml).expect("reads");
        r
    }

    #[test]
    fn revisions_fallbacks_and_grid_before() {
        let r = body(concat!(
            "<w:document><w:body>",
            "<w:p><w:r><w:t>预算</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>",
            "<mc:AlternateContent><mc:Choice><w:t>框</w:t></mc:Choice><mc:Fallback><w:t>框</w:t></mc:Fallback></mc:AlternateContent>",
            "<w:r><w:t xml:space=\"preserve\"> 100 &amp; 万元</w:t></w:r></w:p>",
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
            "</w:body></w:document>"
        ));
        let texts: Vec<&str> = r
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(&*p.text),
                _ => None,
            })
            .collect();
        assert_eq!(texts, vec!["预算框100 &万元"]);
        let Some(Block::Table(t)) = r.blocks.last() else {
            panic!("no table")
        };
        assert_eq!(t.rows[1][1].text, "C", "the row starts one column in");
    }

    #[test]
    fn a_style_linked_to_a_list_numbers_its_paragraphs() {
        let numbering = Numbering {
            by_style: style_numbering(concat!(
                "<w:styles>",
                "<w:style w:styleId=\"H1\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:style>",
                "<w:style w:styleId=\"H1Red\"><w:basedOn w:val=\"H1\"/></w:style>",
                "<w:style w:styleId=\"Loop\"><w:basedOn w:val=\"Loop\"/></w:style>",
                "</w:styles>"
            )),
            ..Numbering::parse(concat!(
                "<w:numbering><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\">",
                "<w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/>",
                "</w:lvl></w:abstractNum><w:num w:numId=\"7\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>"
            ))
        };
        assert!(
            !numbering.by_style.contains_key("Loop"),
            "a basedOn cycle ends"
        );
        let mut r = BodyReader {
            numbering,
            ..BodyReader::default()
        };
        r.read(concat!(
            "<w:document><w:body>",
            "<w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>基本情况</w:t></w:r></w:p>",
            "<w:p><w:pPr><w:pStyle w:val=\"H1Red\"/></w:pPr><w:r><w:t>绩效评价</w:t></w:r></w:p>",
            "</w:body></w:document>"
        ))
        .expect("reads");
        let lines: Vec<&str> = r.lines.iter().map(|l| &*l.text).collect();
        assert_eq!(lines, vec!["一、基本情况", "二、绩效评价"]);
    }

    #[test]
    fn list_numbers_render_in_chinese() {
        assert_eq!(chinese(3), "三");
        assert_eq!(chinese(12), "十二");
        assert_eq!(chinese(20), "二十");
        assert_eq!(render("decimal", 4).as_deref(), Some("4"));
    }
}
