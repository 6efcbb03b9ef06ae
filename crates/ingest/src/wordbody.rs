//! The document model a word processor's file is read into (RTF, Word
//! 97–2003): paragraphs, and tables whose rows and cells the reader ends one
//! by one, laid out on the grid their cell edges make. Provenance: a
//! paragraph's number (`line`) and `para[n]` / `table[t]/row[r]/cell[c]`.

use jixiao_model::{Block, Document, Format, Line, Paragraph, Source, Table};

use crate::clean::clean_inline;
use crate::grid::{lay_out, merged_rows, Merge, MergingCell};

/// What a word processor's document is read into, paragraph by paragraph
/// and cell by cell: the blocks and lines of the document model.
#[derive(Default)]
pub(crate) struct Body {
    blocks: Vec<Block>,
    lines: Vec<Line>,
    /// Text of the paragraph (or cell) being read.
    pub(crate) text: String,
    paragraphs: usize,
    tables: usize,
    /// The table being read: finished rows, the row's cells, the cell's text.
    rows: Vec<Vec<MergingCell>>,
    row: Vec<MergingCell>,
    /// The paragraphs of the cell being read.
    pub(crate) cell_text: Vec<String>,
    /// The row's cell definitions, in order: vertical merge, merged into the
    /// cell before (horizontally), and right edge (RTF's `\cellx`, Word's
    /// cell boundaries), in any one unit.
    pub(crate) defs: Vec<(Merge, bool, i64)>,
    /// Each cell's left and right edge, row by row: its columns on the table's grid.
    edges: Vec<Vec<(i64, i64)>>,
    row_edges: Vec<(i64, i64)>,
    in_table: bool,
    /// `\cell`s met in the row so far: the index of the next cell's definition.
    cell_no: usize,
}

impl Body {
    pub(crate) fn end_paragraph(&mut self, in_table: bool) {
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
            element: Some(format!("para[{}]", self.paragraphs).into()),
            ..Source::default()
        };
        self.lines.push(Line {
            text: line.as_str().into(),
            source: source.clone(),
            furniture: false,
        });
        self.blocks.push(Block::Paragraph(Paragraph::new(
            clean_inline(&line),
            source,
        )));
    }

    pub(crate) fn end_cell(&mut self) {
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
            element: Some(format!("table[{}]/row[{r}]/cell[{c}]", self.tables + 1).into()),
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

    pub(crate) fn end_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        let edges = std::mem::take(&mut self.row_edges);
        if !row.is_empty() {
            self.rows.push(row);
            self.edges.push(edges);
        }
        self.defs.clear();
        self.cell_no = 0;
    }

    pub(crate) fn end_table(&mut self) {
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
                element: Some(format!("table[{}]", self.tables).into()),
                line: Some(self.paragraphs as u32 + 1),
                ..Source::default()
            },
            ..Table::default()
        }));
        self.in_table = false;
    }

    /// The document read, its text in simplified characters: the last
    /// paragraph and table ended, `empty` the warning when there was no text.
    pub(crate) fn finish(mut self, format: Format, empty: &str) -> Document {
        self.end_paragraph(false);
        self.end_table();
        let text_found = !self.blocks.is_empty();
        let text = self
            .lines
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
            .join("\n");
        let simplified = crate::clean::normalize_script(&text);
        if simplified != text {
            for block in &mut self.blocks {
                if let Block::Paragraph(p) = block {
                    p.text = crate::clean::normalize_script(&p.text).into();
                }
            }
            for line in &mut self.lines {
                line.text = crate::clean::normalize_script(&line.text).into();
            }
        }
        Document {
            format,
            pages: None,
            blocks: self.blocks,
            lines: self.lines,
            warnings: if text_found {
                Vec::new()
            } else {
                vec![empty.to_string()]
            },
            titles: Vec::new(),
        }
    }
}
