//! Column-laid-out text (what `pdftotext -layout` makes of a ruled form): cells
//! on one line separated by runs of spaces, long cells wrapped onto the lines
//! above and below in the same column, merged cells printed once at the
//! vertical middle of the rows they span.
//!
//! The region is cut into sections at header lines (a header repeated after a
//! page break continues its section). In a section, the lines holding a value
//! in a value column are the rows; other fragments join the row they wrap
//! from; label columns left of the first always-filled column hold merged
//! cells, whose row spans are estimated from where their text sits. Spans are
//! geometry only: extraction re-checks them against the weights.

use jixiao_model::{Block, Cell, Line, Source, Table};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::clean::clean_inline;

/// A piece of a line between runs of two or more spaces.
#[derive(Clone, Debug)]
struct Frag {
    /// Index of the line within the region.
    line: usize,
    start: usize,
    end: usize,
    text: String,
    source: Source,
}

impl Frag {
    fn center2(&self) -> usize {
        self.start + self.end
    }
}

/// Fragments of one line, with display-column positions.
fn fragments(text: &str, line: usize, source: &Source) -> Vec<Frag> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut col = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            col += 1;
            i += 1;
            continue;
        }
        let start = col;
        let mut piece = String::new();
        while i < chars.len() && !(chars[i] == ' ' && chars.get(i + 1).is_none_or(|c| *c == ' ')) {
            piece.push(chars[i]);
            col += chars[i].width().unwrap_or(0);
            i += 1;
        }
        let piece = piece.trim_end().to_string();
        let end = start + piece.width();
        out.push(Frag {
            line,
            start,
            end,
            text: piece,
            source: source.clone(),
        });
    }
    out
}

/// Display-column spans of a line's cells, `(start, end)`.
pub fn cell_spans(text: &str) -> Vec<(usize, usize)> {
    fragments(text, 0, &Source::default())
        .iter()
        .map(|f| (f.start, f.end))
        .collect()
}

/// True when a line is laid out in columns: two or more fragments.
pub fn is_columnar(text: &str) -> bool {
    let t = text.trim();
    // (A page's worth of prose flattened onto one line with a double space
    // somewhere is no row of columns: no column holds so much.)
    t.contains("  ")
        && t.split("  ").filter(|p| !p.trim().is_empty()).count() >= 2
        && t.split("  ").all(|p| p.chars().count() <= MAX_COLUMN_CHARS)
}

/// More characters than one column of a laid-out page holds on a line (or a
/// title).
pub(crate) const MAX_COLUMN_CHARS: usize = 200;

fn is_value(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && (t.chars().all(|c| matches!(c, '—' | '-' | '–'))
            || t.trim_end_matches('%')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ','))
        && t.chars()
            .any(|c| c.is_ascii_digit() || c == '—' || c == '-')
}

fn is_header_candidate(frags: &[Frag]) -> bool {
    // Column names: five or more, short, whole words (a wrapped row's tail
    // like `病率  平  平` has one-character pieces), no figures.
    frags.len() >= 5
        && frags.iter().all(|f| {
            !f.text.chars().any(|c| c.is_ascii_digit())
                && (2..=12).contains(&f.text.chars().count())
        })
}

/// Reads a region of column-laid-out lines into table blocks, one per section.
pub fn read_region(lines: &[Line]) -> Vec<Block> {
    let mut per_line: Vec<Vec<Frag>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if l.furniture {
                Vec::new()
            } else {
                fragments(&l.text, i, &l.source)
            }
        })
        .collect();
    // Headers: candidates not followed by another candidate (a 主管部门 | … | 实施单位 line
    // above the real header is not one).
    let nonblank: Vec<usize> = (0..per_line.len())
        .filter(|&i| !per_line[i].is_empty())
        .collect();
    let mut headers: Vec<usize> = Vec::new();
    for (k, &i) in nonblank.iter().enumerate() {
        let next_is_candidate = nonblank
            .get(k + 1)
            .is_some_and(|&j| is_header_candidate(&per_line[j]));
        if is_header_candidate(&per_line[i]) && !next_is_candidate {
            headers.push(i);
        }
    }
    // A header identical to the previous one (repeated after a page break) is dropped.
    let key = |i: usize, pl: &Vec<Vec<Frag>>| {
        pl[i]
            .iter()
            .map(|f| f.text.clone())
            .collect::<Vec<_>>()
            .join("|")
    };
    let mut kept: Vec<usize> = Vec::new();
    for &h in &headers {
        if kept
            .last()
            .is_some_and(|&p| key(p, &per_line) == key(h, &per_line))
        {
            per_line[h].clear();
        } else {
            kept.push(h);
        }
    }
    let mut blocks = Vec::new();
    let mut start = 0;
    for (k, &h) in kept.iter().enumerate() {
        if h > start {
            blocks.extend(plain_rows(&per_line[start..h]));
        }
        let end = kept.get(k + 1).copied().unwrap_or(per_line.len());
        let (table, rest) = section(&per_line, h, end);
        blocks.push(Block::Table(table));
        start = rest;
    }
    if start < per_line.len() {
        blocks.extend(plain_rows(&per_line[start..]));
    }
    blocks
}

/// Lines with no header: each line of two or more fragments is a row; a
/// lone fragment continues the cell above it that it sits under
/// (`部门（单` / `位）名称`).
fn plain_rows(lines: &[Vec<Frag>]) -> Option<Block> {
    plain_table(lines).map(Block::Table)
}

/// The cells of each line in their order (see [`plain_rows`]).
fn plain_table(lines: &[Vec<Frag>]) -> Option<Table> {
    let mut rows: Vec<Vec<Frag>> = Vec::new();
    for frags in lines.iter().filter(|f| !f.is_empty()) {
        if frags.len() == 1 {
            if let Some(cell) = rows.last_mut().and_then(|r| {
                r.iter_mut()
                    .find(|c| c.start <= frags[0].end && frags[0].start <= c.end)
            }) {
                cell.text.push_str(&frags[0].text);
                cell.source.ocr_confidence =
                    least_sure(cell.source.ocr_confidence, frags[0].source.ocr_confidence);
                continue;
            }
        }
        rows.push(frags.clone());
    }
    if rows.is_empty() {
        return None;
    }
    let source = rows[0][0].source.clone();
    let rows = rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|f| Cell::new(clean_inline(&f.text), f.source))
                .collect()
        })
        .collect();
    Some(Table {
        rows,
        source,
        cells_in_order: true,
        ..Table::default()
    })
}

/// One section under the header at line `h`, up to `end` or to the first line
/// after its last row that does not continue it. Returns the table and where
/// it stopped.
fn section(per_line: &[Vec<Frag>], h: usize, end: usize) -> (Table, usize) {
    let header = &per_line[h];
    // Column spans: each header fragment, widened to the midpoints between neighbours.
    let n = header.len();
    let bounds: Vec<(usize, usize)> = (0..n)
        .map(|i| {
            let lo = if i == 0 {
                0
            } else {
                (header[i - 1].end + header[i].start) / 2
            };
            let hi = if i + 1 == n {
                usize::MAX / 4
            } else {
                (header[i].end + header[i + 1].start) / 2
            };
            (lo, hi)
        })
        .collect();
    let stub_edge = header[0].start.saturating_sub(1);
    let in_stub = |f: &Frag| f.center2() < 2 * stub_edge;
    let column_of = |f: &Frag| -> usize {
        bounds
            .iter()
            .position(|&(lo, hi)| f.center2() >= 2 * lo && f.center2() < 2 * hi)
            .unwrap_or(n - 1)
    };
    // Prose running across columns (a goals paragraph) ends the section.
    let spans_columns = |f: &Frag| {
        header
            .iter()
            .filter(|hf| hf.center2() / 2 >= f.start && hf.center2() / 2 < f.end)
            .count()
            >= 2
    };
    let stop = (h + 1..end)
        .find(|&i| {
            per_line[i]
                .iter()
                .any(|f| spans_columns(f) && f.text.chars().count() > 12)
        })
        .unwrap_or(end);
    // Value columns: most of their fragments are numbers or dashes.
    let mut counts = vec![(0usize, 0usize); n];
    let mut widest = vec![0usize; n];
    for f in per_line[h + 1..stop]
        .iter()
        .flatten()
        .filter(|f| !in_stub(f))
    {
        let c = column_of(f);
        counts[c].1 += 1;
        counts[c].0 += usize::from(is_value(&f.text));
        widest[c] = widest[c].max(f.end - f.start);
    }
    let value_col: Vec<bool> = counts
        .iter()
        .map(|&(v, all)| all > 0 && v * 10 >= all * 6)
        .collect();
    // Text wraps only when it fills its column.
    let full = |f: &Frag| f.end - f.start + 1 >= widest[column_of(f)];
    let is_anchor = |i: usize| {
        per_line[i]
            .iter()
            .any(|f| !in_stub(f) && value_col[column_of(f)] && is_value(&f.text))
    };
    let mut anchors: Vec<usize> = (h + 1..stop).filter(|&i| is_anchor(i)).collect();
    let mut table = Table {
        source: header[0].source.clone(),
        ..Table::default()
    };
    let Some(&last_anchor) = anchors.last() else {
        return (table, stop);
    };
    // Lines whose indentation was lost (a web copy strips it) are no layout:
    // their cells fall two to a column. Their cells are read in order then.
    let collides = |a: usize| {
        let mut seen = vec![false; n];
        per_line[a]
            .iter()
            .filter(|f| !in_stub(f))
            .any(|f| std::mem::replace(&mut seen[column_of(f)], true))
    };
    if anchors.iter().filter(|&&a| collides(a)).count() * 3 >= anchors.len() {
        if let Some(mut plain) = plain_table(&per_line[h..stop]) {
            // A row holding a figure under every column name besides its label:
            // the header's blank cell over the labels was lost with the spaces.
            let full_rows = anchors
                .iter()
                .filter(|&&a| per_line[a].iter().filter(|f| is_value(&f.text)).count() >= n)
                .count();
            if full_rows * 2 > anchors.len() {
                if let Some(top) = plain.rows.first_mut() {
                    top.insert(0, Cell::new("", header[0].source.clone()));
                }
            }
            return (plain, stop);
        }
    }

    // cells[row][col]: fragments; rows are keyed by their anchor line.
    let mut cells: Vec<Vec<Vec<Frag>>> = vec![vec![Vec::new(); n]; anchors.len()];
    let mut stub_label: Vec<Vec<Frag>> = vec![Vec::new(); anchors.len()];
    let mut merged: Vec<Frag> = Vec::new();
    let mut pending: Vec<(usize, Frag)> = Vec::new();
    for (r, &a) in anchors.iter().enumerate() {
        let stubs: Vec<&Frag> = per_line[a].iter().filter(|f| in_stub(f)).collect();
        for (k, f) in stubs.iter().enumerate() {
            if k + 1 == stubs.len() {
                stub_label[r].push((*f).clone());
            } else {
                merged.push((*f).clone());
            }
        }
        for f in per_line[a].iter().filter(|f| !in_stub(f)) {
            cells[r][column_of(f)].push(f.clone());
        }
    }
    // Label columns (merged cells) come before the first column filled on
    // (nearly) every row's own line; their fragments are placed later by position.
    let first_filled = (0..n)
        .find(|&c| cells.iter().filter(|r| !r[c].is_empty()).count() * 10 >= anchors.len() * 7)
        .unwrap_or(0);
    // Continuations, top down: a fragment under a full cell of the row above.
    let mut stop_at = stop;
    for i in h + 1..stop {
        if anchors.binary_search(&i).is_ok() {
            continue;
        }
        let up = anchors.partition_point(|&a| a < i).checked_sub(1);
        let mut orphans = Vec::new();
        for f in &per_line[i] {
            if in_stub(f) {
                merged.push(f.clone());
                continue;
            }
            let c = column_of(f);
            if c < first_filled {
                cells[up.unwrap_or(0)][c].push(f.clone());
                continue;
            }
            let continues = up.is_some_and(|r| {
                cells[r][c].last().is_some_and(|above| {
                    i.saturating_sub(above.line) <= 2 && full(above) && !is_value(&above.text)
                })
            });
            // A full fragment right above the next row's own line wraps onto that row
            // rather than continuing one further up.
            let down = anchors.partition_point(|&a| a <= i);
            let wraps_down = full(f)
                && anchors.get(down).is_some_and(|&a| a == i + 1)
                && per_line[i + 1]
                    .iter()
                    .any(|g| !in_stub(g) && column_of(g) == c);
            let continues = continues
                && !(wraps_down
                    && up.is_some_and(|r| {
                        cells[r][c]
                            .last()
                            .is_some_and(|above| i.saturating_sub(above.line) > 1)
                    }));
            match up {
                Some(r) if continues => cells[r][c].push(f.clone()),
                _ => orphans.push(f.clone()),
            }
        }
        if i > last_anchor && !orphans.is_empty() {
            // After the last row, a line that continues nothing ends the section.
            stop_at = i;
            for r in cells.iter_mut() {
                for col in r.iter_mut() {
                    col.retain(|f| f.line < i);
                }
            }
            merged.retain(|f| f.line < i);
            break;
        }
        pending.extend(orphans.into_iter().map(|f| (i, f)));
    }
    // Bottom up: a full fragment above a row's first line in its column wrapped onto it.
    pending.sort_by_key(|(i, _)| std::cmp::Reverse(*i));
    let mut orphan_rows: Vec<(usize, Vec<Frag>)> = Vec::new();
    for (i, f) in pending {
        let c = column_of(&f);
        let down = anchors.partition_point(|&a| a <= i);
        let continues = down < anchors.len()
            && full(&f)
            && cells[down][c]
                .first()
                .is_some_and(|below| below.line > i && below.line - i <= 2);
        if continues {
            cells[down][c].insert(0, f);
        } else {
            match orphan_rows.iter_mut().find(|(line, _)| *line == i) {
                Some((_, frags)) => frags.push(f),
                None => orphan_rows.push((i, vec![f])),
            }
        }
    }
    // Lines that continue nothing are rows of their own (a 自评等级 row).
    for (i, frags) in orphan_rows {
        let r = anchors.partition_point(|&a| a < i);
        anchors.insert(r, i);
        let mut row = vec![Vec::new(); n];
        for f in frags {
            row[column_of(&f)].push(f);
        }
        cells.insert(r, row);
        stub_label.insert(r, Vec::new());
    }
    let rows = anchors.len();
    let row_lines: Vec<(usize, usize)> = (0..rows)
        .map(|r| {
            let lines = cells[r][first_filled..]
                .iter()
                .flatten()
                .chain(stub_label[r].iter())
                .map(|f| f.line)
                .chain([anchors[r]]);
            let (lo, hi) = lines.fold((usize::MAX, 0), |(lo, hi), l| (lo.min(l), hi.max(l)));
            (lo, hi)
        })
        .collect();
    let mut stub_clusters: Vec<Vec<Frag>> = Vec::new();
    for f in merged {
        match stub_clusters
            .iter_mut()
            .find(|c| c.iter().any(|x| x.center2().abs_diff(f.center2()) <= 8))
        {
            Some(c) => c.push(f),
            None => stub_clusters.push(vec![f]),
        }
    }
    stub_clusters.sort_by_key(|c| c.iter().map(|f| f.center2()).min().unwrap_or(0));
    let stubs = stub_clusters.len();
    let label_col = usize::from(stub_label.iter().any(|l| !l.is_empty()));
    let offset = stubs + label_col;
    let mut grid: Vec<Vec<Cell>> =
        vec![vec![Cell::new("", Source::default()); offset + n]; rows + 1];
    for (c, hf) in header.iter().enumerate() {
        grid[0][offset + c] = Cell::new(clean_inline(&hf.text), hf.source.clone());
    }
    for r in 0..rows {
        if label_col == 1 {
            grid[r + 1][stubs] = join(&stub_label[r]);
        }
        for c in first_filled..n {
            grid[r + 1][offset + c] = join(&cells[r][c]);
        }
    }
    let mut merged_columns: Vec<(usize, Vec<Frag>, bool)> = stub_clusters
        .into_iter()
        .enumerate()
        .map(|(k, f)| (k, f, true))
        .collect();
    for c in 0..first_filled {
        let mut frags: Vec<Frag> = cells.iter().flat_map(|r| r[c].clone()).collect();
        frags.sort_by_key(|f| f.line);
        merged_columns.push((offset + c, frags, false));
    }
    for (col, frags, is_stub) in merged_columns {
        for (label, first, last) in merged_spans(&frags, &row_lines) {
            // A stub label spanning every row titles the block: it spans the header too.
            let first = if is_stub && first == 0 && last + 1 == rows {
                0
            } else {
                first + 1
            };
            let last = last + 1;
            grid[first][col] = Cell {
                row_span: (last - first + 1) as u32,
                ..label
            };
            for row in grid.iter_mut().take(last + 1).skip(first + 1) {
                row[col] = Cell {
                    covered_by: Some((first, col)),
                    ..Cell::new("", Source::default())
                };
            }
        }
    }
    table.rows = grid;
    (table, stop_at)
}

fn join(frags: &[Frag]) -> Cell {
    let mut sorted: Vec<&Frag> = frags.iter().collect();
    sorted.sort_by_key(|f| (f.line, f.start));
    let text: String = sorted
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut source = sorted.first().map(|f| f.source.clone()).unwrap_or_default();
    // A cell of several lines is as sure as its least sure line.
    source.ocr_confidence = sorted
        .iter()
        .fold(None, |c, f| least_sure(c, f.source.ocr_confidence));
    Cell::new(clean_inline(&text), source)
}

/// The lower of two OCR confidences, either of which may be missing.
fn least_sure(a: Option<u8>, b: Option<u8>) -> Option<u8> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Groups a merged column's fragments into labels (a label wraps onto the next
/// line, or onto the line after a blank one for a `（50分）` suffix), then
/// estimates each label's rows: every label spans the row nearest its middle,
/// and the rows between two labels are split where the labels' middles best
/// match the middles of their row spans. Returns (label cell, first row, last row).
fn merged_spans(frags: &[Frag], rows: &[(usize, usize)]) -> Vec<(Cell, usize, usize)> {
    // A label wrapped when its line filled the column; a blank line may sit
    // between its parts where the rows are spaced out.
    let widest = frags.iter().map(|f| f.end - f.start).max().unwrap_or(0);
    let mut frags = frags.to_vec();
    frags.sort_by_key(|f| f.line);
    let mut labels: Vec<Vec<Frag>> = Vec::new();
    for f in &frags {
        let joins = labels.last().and_then(|l| l.last()).is_some_and(|prev| {
            let gap = f.line.saturating_sub(prev.line);
            (1..=2).contains(&gap)
                && (prev.end - prev.start + 2 >= widest || f.text.starts_with(['（', '(']))
        });
        match labels.last_mut() {
            Some(l) if joins => l.push(f.clone()),
            _ => labels.push(vec![f.clone()]),
        }
    }
    if labels.is_empty() || rows.is_empty() {
        return Vec::new();
    }
    let middle2 = |l: &[Frag]| l.first().map_or(0, |f| f.line) + l.last().map_or(0, |f| f.line);
    // Row bands meet halfway between rows.
    let n = rows.len();
    let edge2 = |k: usize| -> usize {
        // Twice the line position of the boundary before row k (k = n: after the last row).
        if k == 0 {
            2 * rows[0].0
        } else if k == n {
            2 * rows[n - 1].1 + 1
        } else {
            rows[k - 1].1 + rows[k].0
        }
    };
    // Each label's home: the row nearest its middle, kept in order.
    let mut home: Vec<usize> = Vec::with_capacity(labels.len());
    for l in &labels {
        let m = middle2(l);
        let near = (0..n)
            .min_by_key(|&r| (rows[r].0 + rows[r].1).abs_diff(m))
            .unwrap_or(0);
        let floor = home.last().map_or(0, |h| h + 1);
        home.push(near.max(floor));
    }
    while home.last().is_some_and(|&h| h >= n) {
        home.pop();
        labels.pop();
    }
    let k = labels.len();
    if k == 0 {
        return Vec::new();
    }
    // Label i spans rows start[i] .. start[i+1]-1, with start[0] = 0 and
    // home[i-1] < start[i] <= home[i]. Dynamic programme over the starts,
    // minimising how far each label's middle sits from its span's middle.
    let cost = |i: usize, from: usize, to: usize| {
        (edge2(from) + edge2(to)).abs_diff(2 * middle2(&labels[i]))
    };
    // best[s] = (cost so far, previous start) for label i starting at row s.
    let mut best: Vec<Vec<(usize, usize)>> = vec![vec![(usize::MAX, 0); n + 1]; k + 1];
    best[0][0] = (0, 0);
    for i in 0..k {
        let next_range = if i + 1 < k {
            home[i] + 1..=home[i + 1]
        } else {
            n..=n
        };
        for s in 0..=n {
            let (so_far, _) = best[i][s];
            if so_far == usize::MAX {
                continue;
            }
            for t in next_range.clone() {
                if t <= s {
                    continue;
                }
                let c = so_far + cost(i, s, t);
                if c < best[i + 1][t].0 {
                    best[i + 1][t] = (c, s);
                }
            }
        }
    }
    let mut starts = vec![0usize; k + 1];
    starts[k] = n;
    for i in (1..=k).rev() {
        starts[i - 1] = best[i][starts[i]].1;
    }
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| (join(l), starts[i], starts[i + 1] - 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_split_at_runs_of_spaces() {
        let f = fragments("  产出指标     数量指标  8 人   9.5", 0, &Source::default());
        let texts: Vec<&str> = f.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, ["产出指标", "数量指标", "8 人", "9.5"]);
        assert_eq!(f[0].start, 2);
        assert_eq!(f[1].start, 2 + 8 + 5);
    }
}
