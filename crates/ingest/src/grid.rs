//! Laying cells with row and column spans out on a rectangular grid, the way a
//! browser lays out `rowspan`/`colspan`: shared by the HTML reader and by the
//! spreadsheet reader's merged regions.

use jixiao_model::{Cell, Source};

/// Spans larger than this are clipped: no real table has them, and a hostile
/// file must not make us allocate a grid from a header field.
const MAX_SPAN: u32 = 1000;
/// Columns beyond this are dropped (the HTML standard caps colspan at 1000 too).
const MAX_COLUMNS: usize = 1000;

/// A cell as the input states it: text, spans, source.
#[derive(Clone, Debug)]
pub struct SpanCell {
    /// The cell's text, cleaned.
    pub text: String,
    /// Rows spanned (≥ 1).
    pub rows: u32,
    /// Columns spanned (≥ 1).
    pub cols: u32,
    /// Where the cell is.
    pub source: Source,
}

/// Lays out rows of cells, each row listing only the cells that start in it
/// (HTML order), onto a rectangular grid. Positions covered by a merged cell
/// point back at it; positions nothing covers are empty cells.
pub fn lay_out(rows: Vec<Vec<SpanCell>>) -> Vec<Vec<Cell>> {
    let n_rows = rows.len();
    let mut grid: Vec<Vec<Option<Cell>>> = vec![Vec::new(); n_rows];
    for (r, row) in rows.into_iter().enumerate() {
        let mut c = 0usize;
        for cell in row {
            while grid[r].get(c).is_some_and(|x| x.is_some()) {
                c += 1;
            }
            if c >= MAX_COLUMNS {
                break;
            }
            let row_span = cell.rows.clamp(1, MAX_SPAN).min((n_rows - r) as u32);
            let col_span = cell.cols.clamp(1, MAX_SPAN).min((MAX_COLUMNS - c) as u32);
            for dr in 0..row_span as usize {
                for dc in 0..col_span as usize {
                    let slot = if dr == 0 && dc == 0 {
                        Cell {
                            text: cell.text.clone(),
                            row_span,
                            col_span,
                            covered_by: None,
                            source: cell.source.clone(),
                        }
                    } else {
                        Cell {
                            covered_by: Some((r, c)),
                            row_span: 1,
                            col_span: 1,
                            source: cell.source.clone(),
                            ..Cell::default()
                        }
                    };
                    put(&mut grid[r + dr], c + dc, slot);
                }
            }
            c += col_span as usize;
        }
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    grid.into_iter()
        .map(|row| {
            let mut row: Vec<Cell> = row
                .into_iter()
                .map(|c| c.unwrap_or_else(|| Cell::new("", Source::default())))
                .collect();
            row.resize_with(width, || Cell::new("", Source::default()));
            row
        })
        .collect()
}

fn put(row: &mut Vec<Option<Cell>>, at: usize, cell: Cell) {
    if row.len() <= at {
        row.resize_with(at + 1, || None);
    }
    // A cell already there (overlapping spans in a broken table) wins.
    if row[at].is_none() {
        row[at] = Some(cell);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sc(text: &str, rows: u32, cols: u32) -> SpanCell {
        SpanCell {
            text: text.into(),
            rows,
            cols,
            source: Source::default(),
        }
    }

    #[test]
    fn rowspan_pushes_later_cells_right() {
        let grid = lay_out(vec![
            vec![sc("产出指标", 2, 1), sc("数量", 1, 1), sc("8", 1, 1)],
            vec![sc("质量", 1, 1), sc("6", 1, 1)],
            vec![sc("总分", 1, 2), sc("14", 1, 1)],
        ]);
        assert_eq!(grid.len(), 3);
        assert!(grid.iter().all(|r| r.len() == 3));
        assert_eq!(grid[1][0].covered_by, Some((0, 0)));
        assert_eq!(grid[1][1].text, "质量");
        assert_eq!(grid[1][2].text, "6");
        assert_eq!(grid[2][1].covered_by, Some((2, 0)));
        assert_eq!(grid[2][2].text, "14");
        assert_eq!(grid[0][0].row_span, 2);
    }

    #[test]
    fn absurd_spans_are_clipped() {
        let grid = lay_out(vec![vec![sc("a", 65534, 100_000)], vec![sc("b", 1, 1)]]);
        assert_eq!(grid.len(), 2);
        assert_eq!(grid[0].len(), MAX_COLUMNS);
        assert_eq!(grid[0][0].row_span, 2);
    }
}

/// How a cell takes part in a vertical merge, as Word and RTF state it: it
/// starts one (`vMerge restart`, `\\clvmgf`), continues the one above
/// (`vMerge`, `\\clvmrg`), or neither.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Merge {
    /// An ordinary cell.
    #[default]
    None,
    /// The first cell of a vertical merge.
    Restart,
    /// A cell the merge above covers.
    Continue,
}

/// A cell as word processors store it: its text, its column span, its part in a vertical merge.
#[derive(Clone, Debug)]
pub struct MergingCell {
    /// The cell's text, cleaned.
    pub text: String,
    /// Grid columns spanned (≥ 1).
    pub cols: u32,
    /// Its part in a vertical merge.
    pub merge: Merge,
    /// Where the cell is.
    pub source: Source,
}

/// Word processors' merges as spans: a `Restart` cell spans the `Continue`
/// cells below it in the same grid columns; those are dropped, as HTML never
/// prints them, and the rows go on to [`lay_out`].
pub fn merged_rows(rows: Vec<Vec<MergingCell>>) -> Vec<Vec<SpanCell>> {
    let mut out: Vec<Vec<SpanCell>> = Vec::with_capacity(rows.len());
    // Grid column → (row, index in that row) of the cell a merge continues.
    let mut open: std::collections::HashMap<usize, (usize, usize)> = Default::default();
    for (r, row) in rows.into_iter().enumerate() {
        let mut cells = Vec::new();
        let mut col = 0usize;
        for cell in row {
            let span = cell.cols.clamp(1, MAX_SPAN) as usize;
            if cell.merge == Merge::Continue {
                if let Some(&(ar, ai)) = open.get(&col) {
                    if let Some(anchor) = out.get_mut(ar).and_then(|x| x.get_mut(ai)) {
                        anchor.rows = u32::try_from(r - ar + 1).unwrap_or(MAX_SPAN);
                    }
                }
            } else {
                for c in col..col + span {
                    if cell.merge == Merge::Restart {
                        open.insert(c, (r, cells.len()));
                    } else {
                        open.remove(&c);
                    }
                }
                cells.push(SpanCell {
                    text: cell.text,
                    rows: 1,
                    cols: span as u32,
                    source: cell.source,
                });
            }
            col += span;
        }
        out.push(cells);
    }
    out
}

#[cfg(test)]
mod merge_tests {
    use super::*;

    fn cell(text: &str, cols: u32, merge: Merge) -> MergingCell {
        MergingCell {
            text: text.to_string(),
            cols,
            merge,
            source: Source::default(),
        }
    }

    #[test]
    fn vertical_merges_become_row_spans() {
        let rows = vec![
            vec![
                cell("产出", 1, Merge::Restart),
                cell("数量", 1, Merge::None),
                cell("5", 1, Merge::None),
            ],
            vec![
                cell("", 1, Merge::Continue),
                cell("质量", 1, Merge::None),
                cell("4", 1, Merge::None),
            ],
            vec![cell("效益", 2, Merge::None), cell("10", 1, Merge::None)],
        ];
        let grid = lay_out(merged_rows(rows));
        assert_eq!(grid[0][0].row_span, 2);
        assert_eq!(grid[1][0].covered_by, Some((0, 0)));
        assert_eq!(grid[1][1].text, "质量");
        assert_eq!(grid[2][0].col_span, 2);
        assert_eq!(grid[2][2].text, "10");
    }
}
