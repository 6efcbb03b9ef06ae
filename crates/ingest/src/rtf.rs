//! RTF (often saved under a `.doc` name): paragraphs and tables from the
//! control words, as Word and WPS write them.
//!
//! Text is `\'hh` bytes in the document's code page (`\ansicpg936`: GBK) and
//! `\uN` Unicode escapes (with `\ucN` fallback characters skipped); `\par`
//! ends a paragraph, `\cell` a cell and `\row` a row of a table whose cells
//! `\cellx` positions define; `\clvmgf`/`\clvmrg` start and continue vertical
//! merges and `\clmgf`/`\clmrg` horizontal ones. Destinations that hold no
//! body text — font and colour tables, styles, document info, pictures,
//! headers and footers, field instructions — are skipped. Provenance: a
//! paragraph's number (`line`) and `para[n]` / `table[t]/row[r]/cell[c]`.

use encoding_rs::Encoding;
use jixiao_model::{Block, Document, Format, Line, Paragraph, Source, Table};

use crate::clean::clean_inline;
use crate::error::IngestError;
use crate::grid::{lay_out, merged_rows, Merge, MergingCell};

/// Groups nested deeper than this are read as text of the group around them.
const MAX_GROUP_DEPTH: usize = 1000;

/// Destinations whose text is not the body's.
const SKIPPED: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "fldinst",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "xmlnstbl",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "filetbl",
    "object",
    "shppict",
    "nonshppict",
    "footnote",
    "annotation",
    "bkmkstart",
    "bkmkend",
    "pgdsctbl",
];

#[derive(Clone)]
struct Group {
    skip: bool,
    /// Fallback characters after a `\u` escape.
    uc: usize,
}

#[derive(Default)]
struct Body {
    blocks: Vec<Block>,
    lines: Vec<Line>,
    /// Text of the paragraph (or cell) being read.
    text: String,
    /// Bytes of `\'hh` escapes not yet decoded.
    bytes: Vec<u8>,
    paragraphs: usize,
    tables: usize,
    /// The table being read: finished rows, the row's cells, the cell's text.
    rows: Vec<Vec<MergingCell>>,
    row: Vec<MergingCell>,
    cell_text: Vec<String>,
    /// The row's cell definitions, in order: merge marks and right edge (`\cellx`).
    defs: Vec<(Merge, bool, i64)>,
    pending_def: (Merge, bool),
    /// Each cell's left and right edge, row by row: its columns on the table's grid.
    edges: Vec<Vec<(i64, i64)>>,
    row_edges: Vec<(i64, i64)>,
    in_table: bool,
    /// `\cell`s met in the row so far: the index of the next cell's definition.
    cell_no: usize,
}

impl Body {
    fn flush_bytes(&mut self, encoding: &'static Encoding) {
        if !self.bytes.is_empty() {
            let (text, _, _) = encoding.decode(&self.bytes);
            self.text.push_str(&text);
            self.bytes.clear();
        }
    }

    fn end_paragraph(&mut self, in_table: bool) {
        let raw = std::mem::take(&mut self.text);
        let line = raw.trim().to_string();
        if in_table {
            if !line.is_empty() {
                self.cell_text.push(line);
            }
            return;
        }
        self.end_table();
        if line.is_empty() {
            return;
        }
        self.paragraphs += 1;
        let source = Source {
            line: Some(self.paragraphs as u32),
            element: Some(format!("para[{}]", self.paragraphs)),
            ..Source::default()
        };
        self.lines.push(Line {
            text: line.clone(),
            source: source.clone(),
            furniture: false,
        });
        self.blocks.push(Block::Paragraph(Paragraph::new(
            clean_inline(&line),
            source,
        )));
    }

    fn end_cell(&mut self) {
        let rest = std::mem::take(&mut self.text);
        if !rest.trim().is_empty() {
            self.cell_text.push(rest.trim().to_string());
        }
        let k = self.cell_no;
        self.cell_no += 1;
        let (merge, joined, right) = self.defs.get(k).copied().unwrap_or((Merge::None, false, 0));
        let left = k
            .checked_sub(1)
            .and_then(|p| self.defs.get(p))
            .map_or(0, |d| d.2);
        let text = clean_inline(&std::mem::take(&mut self.cell_text).join(" "));
        let r = self.rows.len() + 1;
        let c = self.row.len() + 1;
        let source = Source {
            element: Some(format!("table[{}]/row[{r}]/cell[{c}]", self.tables + 1)),
            ..Source::default()
        };
        // A horizontally merged cell (`\clmrg`) widens the cell before it.
        if joined {
            if let Some(prev) = self.row_edges.last_mut() {
                prev.1 = right.max(prev.1);
                return;
            }
        }
        self.row_edges.push((left, right.max(left)));
        self.row.push(MergingCell {
            text,
            cols: 1,
            merge,
            source,
        });
        self.in_table = true;
    }

    fn end_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        let edges = std::mem::take(&mut self.row_edges);
        if !row.is_empty() {
            self.rows.push(row);
            self.edges.push(edges);
        }
        self.defs.clear();
        self.cell_no = 0;
    }

    fn end_table(&mut self) {
        if self.rows.is_empty() {
            return;
        }
        self.tables += 1;
        // RTF has no grid: every cell edge of every row is a column boundary,
        // and a cell spans the boundaries between its edges.
        let mut bounds: Vec<i64> = self.edges.iter().flatten().map(|e| e.1).collect();
        bounds.sort_unstable();
        bounds.dedup();
        let mut rows = std::mem::take(&mut self.rows);
        for (row, edges) in rows.iter_mut().zip(std::mem::take(&mut self.edges)) {
            for (cell, (left, right)) in row.iter_mut().zip(edges) {
                let cols = bounds.iter().filter(|b| **b > left && **b <= right).count();
                cell.cols = u32::try_from(cols.max(1)).unwrap_or(1);
            }
        }
        let rows = merged_rows(rows);
        self.blocks.push(Block::Table(Table {
            rows: lay_out(rows),
            source: Source {
                element: Some(format!("table[{}]", self.tables)),
                line: Some(self.paragraphs as u32 + 1),
                ..Source::default()
            },
            ..Table::default()
        }));
        self.in_table = false;
    }
}

/// Reads an RTF document into the document model.
pub fn read_rtf(bytes: &[u8]) -> Result<Document, IngestError> {
    let mut encoding: &'static Encoding = encoding_rs::GBK;
    let mut body = Body::default();
    let mut stack: Vec<Group> = vec![Group { skip: false, uc: 1 }];
    let mut in_table_par = false;
    // Fallback characters still to skip after a `\u` escape.
    let mut skip_chars = 0usize;
    let mut i = 0usize;
    // The next control word opens a destination to skip if unknown (`{\*\…`).
    let mut starred = false;
    let mut group_start = false;
    while i < bytes.len() {
        let b = bytes[i];
        let skipping = stack.last().is_some_and(|g| g.skip);
        match b {
            b'{' => {
                body.flush_bytes(encoding);
                let top = stack
                    .last()
                    .cloned()
                    .unwrap_or(Group { skip: false, uc: 1 });
                if stack.len() < MAX_GROUP_DEPTH {
                    stack.push(top);
                }
                group_start = true;
                i += 1;
                continue;
            }
            b'}' => {
                body.flush_bytes(encoding);
                if stack.len() > 1 {
                    stack.pop();
                }
                i += 1;
                group_start = false;
                continue;
            }
            b'\\' => {
                let Some(&next) = bytes.get(i + 1) else { break };
                if next.is_ascii_alphabetic() {
                    let start = i + 1;
                    let mut j = start;
                    while j < bytes.len() && bytes[j].is_ascii_alphabetic() && j - start < 32 {
                        j += 1;
                    }
                    let word = std::str::from_utf8(&bytes[start..j]).unwrap_or("");
                    let num_start = j;
                    if j < bytes.len() && bytes[j] == b'-' {
                        j += 1;
                    }
                    while j < bytes.len() && bytes[j].is_ascii_digit() && j - num_start < 11 {
                        j += 1;
                    }
                    let param: Option<i64> = std::str::from_utf8(&bytes[num_start..j])
                        .ok()
                        .and_then(|n| n.parse().ok());
                    if j < bytes.len() && bytes[j] == b' ' {
                        j += 1;
                    }
                    i = j;
                    let first_in_group = std::mem::take(&mut group_start);
                    let star = std::mem::take(&mut starred);
                    if (first_in_group && SKIPPED.contains(&word)) || (star && first_in_group) {
                        if let Some(g) = stack.last_mut() {
                            g.skip = true;
                        }
                        continue;
                    }
                    if star {
                        if let Some(g) = stack.last_mut() {
                            g.skip = true;
                        }
                        continue;
                    }
                    if word != "u" {
                        body.flush_bytes(encoding);
                    }
                    match word {
                        "ansicpg" => {
                            if let Some(cp) = param {
                                encoding = match cp {
                                    936 => encoding_rs::GBK,
                                    950 => encoding_rs::BIG5,
                                    65001 => encoding_rs::UTF_8,
                                    1252 => encoding_rs::WINDOWS_1252,
                                    _ => encoding_rs::GBK,
                                };
                            }
                        }
                        "uc" => {
                            if let Some(g) = stack.last_mut() {
                                g.uc = usize::try_from(param.unwrap_or(1)).unwrap_or(1).min(8);
                            }
                        }
                        "u" if !skipping => {
                            body.flush_bytes(encoding);
                            // Negative for code points past 32767.
                            let n = param.unwrap_or(0);
                            let cp = if n < 0 { n + 65536 } else { n };
                            if let Some(c) = u32::try_from(cp).ok().and_then(char::from_u32) {
                                body.text.push(c);
                            }
                            skip_chars = stack.last().map_or(1, |g| g.uc);
                        }
                        _ if skipping => {}
                        "par" | "sect" | "page" => {
                            body.end_paragraph(in_table_par);
                        }
                        "line" | "tab" => body.text.push(' '),
                        "intbl" => in_table_par = true,
                        "pard" => in_table_par = false,
                        "cell" => body.end_cell(),
                        "row" => {
                            body.end_row();
                            in_table_par = false;
                        }
                        "trowd" => {
                            body.defs.clear();
                            body.pending_def = (Merge::None, false);
                        }
                        "clvmgf" => body.pending_def.0 = Merge::Restart,
                        "clvmrg" => body.pending_def.0 = Merge::Continue,
                        "clmrg" => body.pending_def.1 = true,
                        "cellx" => {
                            let (merge, joined) = std::mem::take(&mut body.pending_def);
                            body.defs.push((merge, joined, param.unwrap_or(0)));
                        }
                        _ => {}
                    }
                    continue;
                }
                group_start = false;
                i += 2;
                match next {
                    b'\'' => {
                        let hex = bytes
                            .get(i..i + 2)
                            .and_then(|h| std::str::from_utf8(h).ok());
                        if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                            i += 2;
                            if skip_chars > 0 {
                                skip_chars -= 1;
                            } else if !skipping {
                                body.bytes.push(v);
                            }
                        }
                    }
                    b'*' => starred = true,
                    b'~' if !skipping => body.text.push(' '),
                    b'\\' | b'{' | b'}' if !skipping => {
                        body.flush_bytes(encoding);
                        body.text.push(next as char);
                    }
                    b'\n' | b'\r' if !skipping => body.end_paragraph(in_table_par),
                    _ => {}
                }
                continue;
            }
            b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            _ => {
                group_start = false;
                if skip_chars > 0 {
                    skip_chars -= 1;
                } else if !skipping {
                    body.flush_bytes(encoding);
                    // Plain text is ASCII in RTF; anything else is read as the code page.
                    if b.is_ascii() {
                        body.text.push(b as char);
                    } else {
                        body.bytes.push(b);
                    }
                }
                i += 1;
            }
        }
    }
    body.flush_bytes(encoding);
    body.end_paragraph(false);
    body.end_table();
    let text_found = !body.blocks.is_empty();
    let text = body
        .lines
        .iter()
        .map(|l| l.text.clone())
        .collect::<Vec<_>>()
        .join("\n");
    let simplified = crate::clean::normalize_script(&text);
    if simplified != text {
        for block in &mut body.blocks {
            if let Block::Paragraph(p) = block {
                p.text = crate::clean::normalize_script(&p.text).into_owned();
            }
        }
        for line in &mut body.lines {
            line.text = crate::clean::normalize_script(&line.text).into_owned();
        }
    }
    Ok(Document {
        format: Format::Rtf,
        pages: None,
        blocks: body.blocks,
        lines: body.lines,
        warnings: if text_found {
            Vec::new()
        } else {
            vec!["the RTF document holds no text: nothing to extract".into()]
        },
        titles: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_escapes_unicode_and_tables() {
        // 预算 in GBK is D4 A4 CB E3; 执行 as \u escapes.
        let rtf = br"{\rtf1\ansi\ansicpg936{\fonttbl{\f0 SimSun;}}{\header page 1\par}
\pard \'d4\'a4\'cb\'e3 100\par
\trowd\clvmgf\cellx1000\cellx2000\intbl A\cell \u25191?\u34892?\cell\row
\trowd\clvmrg\cellx1000\cellx2000\intbl \cell B\cell\row
\pard after\par}";
        let doc = read_rtf(rtf).expect("reads");
        let texts: Vec<String> = doc.paragraphs().map(|p| p.text.clone()).collect();
        assert_eq!(texts, vec!["预算100".to_string(), "after".to_string()]);
        let table = doc.tables().next().expect("a table");
        assert_eq!(table.rows[0][1].text, "执行");
        assert_eq!(table.rows[0][0].row_span, 2);
        assert_eq!(table.rows[1][1].text, "B");
    }

    #[test]
    fn hostile_bytes_never_panic() {
        let mut seed: u64 = 7;
        let alphabet: &[u8] =
            b"{}\\'0123456789abcdefuucellxrowtrowdclvmgfclvmrgintblpar*- \n\xd4\xa4";
        for len in [0usize, 1, 7, 64, 512, 4096] {
            for _ in 0..50 {
                let mut bytes = b"{\\rtf1".to_vec();
                for _ in 0..len {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    bytes.push(alphabet[(seed >> 33) as usize % alphabet.len()]);
                }
                let _ = read_rtf(&bytes);
            }
        }
        // Deep nesting is bounded.
        let deep = [b"{\\rtf1".to_vec(), vec![b'{'; 100_000]].concat();
        assert!(read_rtf(&deep).is_ok());
    }
}
