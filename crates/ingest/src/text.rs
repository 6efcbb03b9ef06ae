//! The text and markdown reader: the shapes PDF-to-text and PDF-to-markdown dumps
//! take. Pages are split at form feeds; page furniture (page numbers, running
//! headers) is kept out of the flow; wrapped lines are joined into paragraphs;
//! pipe and tab tables become [`Table`]s, joined across page breaks when the
//! next block repeats the header or continues the columns.

use std::collections::HashMap;

use jixiao_model::{Block, Cell, Document, Format, Line, Paragraph, Source, Table};

use crate::clean::{clean_inline, display_width, fold_line};

/// Reads decoded text into the document model.
pub fn read_text(text: &str, format: Format) -> Document {
    let text = &*crate::clean::normalize_script(text);
    let lines = split_lines(text);
    let pages = if text.contains('\u{c}') {
        lines.last().and_then(|l| l.source.page)
    } else {
        None
    };
    let blocks = build_blocks(&lines);
    Document {
        format,
        pages,
        blocks,
        lines,
        warnings: Vec::new(),
        titles: Vec::new(),
    }
}

/// Splits into physical lines, numbering them from 1 through the whole file and
/// counting pages at form feeds; marks page furniture.
fn split_lines(text: &str) -> Vec<Line> {
    let has_pages = text.contains('\u{c}');
    let mut out = Vec::new();
    let mut page = 1u32;
    for (idx, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // A form feed may sit anywhere on the line; what follows it is the next page.
        let mut parts = raw.split('\u{c}').peekable();
        let mut first = true;
        while let Some(part) = parts.next() {
            if !first {
                page += 1;
            }
            first = false;
            if part.is_empty() && parts.peek().is_some() {
                continue;
            }
            out.push(Line {
                text: fold_line(part).into(),
                source: Source::at_line(has_pages.then_some(page), idx as u32 + 1),
                furniture: false,
            });
        }
    }
    while out.last().is_some_and(|l| l.text.trim().is_empty()) {
        out.pop();
    }
    mark_furniture(&mut out);
    out
}

/// True for a line that is only a page number: `- 3 -`, `第 1 页，共 2 页`, `3/12`.
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if let Some(inner) = t.strip_prefix('-').and_then(|s| s.strip_suffix('-')) {
        return digits(inner);
    }
    if let Some(rest) = t.strip_prefix('第') {
        if let Some((n, tail)) = rest.split_once('页') {
            let tail = tail.trim_start_matches(['，', ',']);
            return digits(n)
                && (tail.is_empty() || (tail.starts_with('共') && tail.ends_with('页')));
        }
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    false
}

/// Marks page numbers anywhere, and, in paged text, short lines that open or
/// close at least three pages identically (running headers and footers).
pub(crate) fn mark_furniture(lines: &mut [Line]) {
    let key = |s: &str| s.split_whitespace().collect::<String>();
    // Page numbers, and pages stacked in one image or dump (a long
    // screenshot): a page number mid-page, then the line the page opened
    // with again, is a page break and its running header.
    let mut first_of_page: HashMap<Option<u32>, String> = HashMap::new();
    let mut after_number = false;
    for l in lines.iter_mut() {
        if is_page_number(&l.text) {
            l.furniture = true;
            after_number = true;
            continue;
        }
        if l.text.trim().is_empty() {
            continue;
        }
        let k = key(&l.text);
        match first_of_page.get(&l.source.page) {
            None => {
                first_of_page.insert(l.source.page, k);
            }
            Some(first) if after_number && *first == k && display_width(&k) <= 80 => {
                l.furniture = true;
            }
            Some(_) => {}
        }
        after_number = false;
    }
    let mut edge_counts: HashMap<String, usize> = HashMap::new();
    let mut by_page: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some(p) = l.source.page {
            if !l.text.trim().is_empty() && !l.furniture {
                by_page.entry(p).or_default().push(i);
            }
        }
    }
    if by_page.len() < 3 {
        // Too few pages to count: a page opening with the line the page
        // before it opened with has a running header (a two-page scan).
        let mut pages: Vec<&u32> = by_page.keys().collect();
        pages.sort();
        for pair in pages.windows(2) {
            let opening = |p: &u32| by_page[p].first().copied();
            if let (Some(a), Some(b)) = (opening(pair[0]), opening(pair[1])) {
                let k = key(&lines[b].text);
                if *pair[1] == pair[0] + 1 && key(&lines[a].text) == k && display_width(&k) <= 80 {
                    lines[b].furniture = true;
                }
            }
        }
        return;
    }
    for idxs in by_page.values() {
        for &i in idxs.iter().take(1).chain(idxs.iter().rev().take(1)) {
            let k = key(&lines[i].text);
            if display_width(&k) <= 80 {
                *edge_counts.entry(k).or_default() += 1;
            }
        }
    }
    for idxs in by_page.values() {
        for &i in idxs.iter().take(1).chain(idxs.iter().rev().take(1)) {
            if edge_counts
                .get(&key(&lines[i].text))
                .is_some_and(|&n| n >= 3)
            {
                lines[i].furniture = true;
            }
        }
    }
}

/// What one physical line is, for block building.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Blank,
    Pipe,
    Tabbed,
    Columns,
    Heading(u8),
    Prose,
}

/// More characters than a tabbed row's cell holds (a long scoring rule copied
/// from a sheet runs to a few hundred): a page flattened onto one line.
const MAX_CELL_CHARS: usize = 1000;

fn kind_of(text: &str) -> Kind {
    let t = text.trim();
    if t.is_empty() {
        return Kind::Blank;
    }
    if t.starts_with('|') && t.len() > 1 {
        return Kind::Pipe;
    }
    if text.contains('\t')
        && text.split('\t').filter(|c| !c.trim().is_empty()).count() >= 1
        && text.split('\t').count() >= 2
        && text
            .split('\t')
            .all(|c| c.chars().count() <= MAX_CELL_CHARS)
    {
        return Kind::Tabbed;
    }
    if crate::layout::is_columnar(text) {
        return Kind::Columns;
    }
    // (A page flattened onto one line after its title's `#` is prose.)
    if t.starts_with('#') && t.chars().count() <= crate::layout::MAX_COLUMN_CHARS {
        let level = t.chars().take_while(|&c| c == '#').count();
        return Kind::Heading(level.min(6) as u8);
    }
    Kind::Prose
}

pub(crate) use jixiao_model::doc::starts_with_enumerator;

/// True for a line that ends a sentence or introduces a list.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches('*');
    t.ends_with(['。', '！', '？', '；', '：', ':', ';', '!', '?'])
}

/// The width at which the text was wrapped, if it was: the common width of
/// long prose lines, when enough lines share it.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.furniture && kind_of(&l.text) == Kind::Prose)
        .map(|l| display_width(l.text.trim()))
        .filter(|w| *w >= 20)
        .collect();
    if widths.len() < 10 {
        return None;
    }
    widths.sort_unstable();
    let p75 = widths[widths.len() * 3 / 4];
    let near = widths
        .iter()
        .filter(|w| **w + 8 >= p75 && **w <= p75 + 4)
        .count();
    (near * 10 >= widths.len() * 3).then_some(p75)
}

pub(crate) fn build_blocks(lines: &[Line]) -> Vec<Block> {
    let wrap = wrap_width(lines);
    let mut blocks: Vec<Block> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.furniture {
            i += 1;
            continue;
        }
        match kind_of(&line.text) {
            Kind::Blank => {
                i += 1;
                continue;
            }
            Kind::Pipe => {
                let (rows, end) = pipe_rows(lines, i);
                i = end;
                push_table(&mut blocks, pipe_table(&rows));
            }
            Kind::Tabbed => {
                let start = i;
                while i < lines.len()
                    && (lines[i].furniture || kind_of(&lines[i].text) == Kind::Tabbed)
                {
                    i += 1;
                }
                let table = tab_table(&lines[start..i]);
                push_table(&mut blocks, table);
            }
            Kind::Columns => {
                let end = columns_region_end(lines, i);
                blocks.extend(crate::layout::read_region(&lines[i..=end]));
                i = end + 1;
            }
            Kind::Heading(level) => {
                let text = clean_inline(line.text.trim().trim_start_matches('#').trim());
                blocks.push(Block::Heading {
                    level,
                    text: Paragraph::new(text, line.source.clone()),
                });
                i += 1;
            }
            Kind::Prose => {
                let grid_end = grid_run_end(lines, i);
                if grid_end > i {
                    let rows: Vec<Vec<&Line>> = lines[i..grid_end]
                        .iter()
                        .filter(|l| !l.furniture)
                        .map(|l| vec![l])
                        .collect();
                    push_table(&mut blocks, pipe_table(&rows));
                    i = grid_end;
                    continue;
                }
                let (para, next) = prose_paragraph(lines, i, wrap);
                if starts_with_enumerator(&para.text)
                    && display_width(&para.text) <= 60
                    && !ends_sentence(&para.text)
                {
                    blocks.push(Block::Heading {
                        level: 0,
                        text: para,
                    });
                } else {
                    blocks.push(Block::Paragraph(para));
                }
                i = next;
            }
        }
    }
    blocks
}

/// The last line of a region laid out in columns that starts at `start`:
/// columnar lines, with blank lines, page furniture and indented wrapped
/// lines (a cell's text running onto a line of its own) between them.
fn columns_region_end(lines: &[Line], start: usize) -> usize {
    let mut last = start;
    let mut j = start + 1;
    while j < lines.len() {
        let l = &lines[j];
        if l.furniture || l.text.trim().is_empty() {
            j += 1;
            continue;
        }
        let columnar = crate::layout::is_columnar(&l.text);
        // A lone line is part of a cell when it sits under or over a cell of the
        // line above or below it, on the same page (a centred title of the next
        // form does not).
        let own = crate::layout::cell_spans(&l.text);
        let aligned = |other: &Line| {
            other.source.page == l.source.page
                && crate::layout::cell_spans(&other.text)
                    .iter()
                    .any(|&(a, b)| own.iter().any(|&(c, d)| a < d && c < b))
                && own.len() == 1
        };
        let next = lines
            .get(j + 1)
            .filter(|n| crate::layout::is_columnar(&n.text));
        let wrapped = l.text.starts_with(' ')
            && ((j == last + 1 && aligned(&lines[last])) || next.is_some_and(aligned));
        if !(columnar || wrapped) {
            break;
        }
        last = j;
        j += 1;
    }
    last
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(jixiao_model::is_han)
}

/// Collects a paragraph starting at `start`: joins following prose lines while
/// the previous one does not end a sentence and is long enough to have been
/// wrapped — as wide as the text's wrap width, or longer than any title — since
/// a shorter line without a full stop is a title or a label.
/// Whether a line opens on a number with its unit of money or a percent
/// (`1.25万元；…`, `35%，…`).
fn opens_on_an_amount(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    rest.len() < text.len()
        && text.starts_with(|c: char| c.is_ascii_digit())
        && (rest.starts_with("万元")
            || rest.starts_with("亿元")
            || rest.starts_with('元')
            || rest.starts_with('%'))
}

fn prose_paragraph(lines: &[Line], start: usize, wrap: Option<usize>) -> (Paragraph, usize) {
    let mut parts: Vec<(&str, &Source)> = vec![(&*lines[start].text, &lines[start].source)];
    let mut i = start + 1;
    loop {
        let last = parts.last().map(|p| p.0).unwrap_or("");
        let width = display_width(last.trim());
        // A line with a clause comma is prose, not a title, even when short
        // (full-width or, as some CJK text prints it, half-width).
        let prose_line = ((last.contains('，') || (last.contains(',') && has_cjk(last)))
            && !(parts.len() == 1 && starts_with_enumerator(last)))
            // The tail of a wrapped paragraph in the middle of a list (`服务、
            // 香蜜湖片区…专项` before a page break); a title is one line.
            || (parts.len() >= 2 && last.contains('、'))
            // A list of amounts (`其中：中央资金…万元、省级资金…万元、县本级`) is
            // no title either.
            || (last.contains('、') && last.contains("万元"));
        // A line ending on a comma (`…绩效目标合理性、`) stops mid-sentence,
        // however short a wrap left it.
        // So does one that leaves a bracket open (`（决策19.8分、过程18.6分`).
        let open_bracket = last.matches('（').count() > last.matches('）').count();
        let mid_sentence = last.trim_end().ends_with(['、', '，']) || open_bracket;
        let at_width = width >= 80 || wrap.is_some_and(|w| width * 100 >= w * 85);
        let wrapped = at_width || prose_line || mid_sentence;
        let mut j = i;
        while j < lines.len() && (lines[j].furniture || lines[j].text.trim().is_empty()) {
            j += 1;
        }
        // Nor does a line open a paragraph with a comma (`、立项程序规范性`).
        // Nor with the unit of a number the line before ends on (`产出39.5` /
        // `分、效益18.3分`).
        let ends_on_a_digit = last.trim_end().ends_with(|c: char| c.is_ascii_digit());
        // Nor with the amount of a label a sentence of the line before ends on
        // (`…。其中：因公出国（境）费` / `1.25万元；…`).
        let ends_on_a_label =
            last.contains(['。', '：']) && last.trim_end().ends_with(crate::clean::is_cjk);
        let runs_on = lines.get(j).is_some_and(|l| {
            let next = l.text.trim_start();
            next.starts_with(['、', '，'])
                || (ends_on_a_digit
                    && has_cjk(last)
                    && next.starts_with(['分', '万', '元', '%', '％']))
                || (ends_on_a_label && opens_on_an_amount(next))
                // (A number cut at its point: `…费1` / `.23万元`.)
                || (ends_on_a_digit
                    && next.strip_prefix('.').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())))
        });
        // `；` ends a clause, not the paragraph: the list it belongs to runs on
        // (`其中：A…万元；` / `B…万元；` / `C…万元。`, a clause a line; an item of
        // an enumerated list opens a new one).
        let clause_only = last.trim_end().ends_with(['；', ';']);
        if (ends_sentence(last) && !clause_only) || !(wrapped || runs_on || clause_only) {
            break;
        }
        if j >= lines.len()
            || kind_of(&lines[j].text) != Kind::Prose
            || starts_with_enumerator(&lines[j].text)
        {
            break;
        }
        parts.push((&*lines[j].text, &lines[j].source));
        i = j + 1;
    }
    let mut para = Paragraph::default();
    let mut joined = String::new();
    for (text, source) in parts {
        let cleaned = clean_inline(text.trim());
        // A wrap between two Latin words was a space; anywhere else it was nothing.
        if joined
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && cleaned.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            joined.push(' ');
        }
        para.spans.push((joined.len(), source.clone()));
        joined.push_str(&cleaned);
    }
    para.text = joined.into();
    (para, i)
}

/// Appends a table, or joins it to the previous block when that is a table it
/// continues across a page break (only blank lines and page furniture between):
/// the same header repeated, or the same column count with the first cell empty
/// (a merged parent cell running on).
/// The tail of a row cut by a page break: the first (merged parent) cell
/// empty, fewer than half the cells filled, and each filled cell under a
/// filled cell of the row it continues.
fn is_row_tail(row: &[Cell], above: &[Cell]) -> bool {
    let filled: Vec<usize> = row
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.text.trim().is_empty())
        .map(|(k, _)| k)
        .collect();
    !filled.is_empty()
        && row.first().is_some_and(|c| c.text.is_empty())
        && filled.len() * 2 < row.len()
        && filled.iter().all(|&k| {
            above
                .get(k)
                .is_some_and(|c| !c.text.is_empty() || c.covered_by.is_some())
        })
}

/// The columns of a table's row as it reads: where each cell starts and ends
/// on the grid (a cell merged across grid columns is one column; one merged
/// down from a row above still stands in its column).
fn row_columns(row: &[Cell]) -> Vec<(usize, usize)> {
    let starts: Vec<usize> = row
        .iter()
        .enumerate()
        .filter(|(c, cell)| cell.covered_by.is_none_or(|(_, ac)| ac == *c))
        .map(|(c, _)| c)
        .collect();
    let ends = starts
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(row.len()));
    starts.iter().copied().zip(ends).collect()
}

/// A table continued on the next page with fewer grid columns than the table
/// it continues (a merged cell above split a column the rows below do not):
/// its cells set under the columns of that table's last row, one to one.
/// None when the column counts differ.
fn regrid(table: &Table, above: &[Cell]) -> Option<Table> {
    let columns = row_columns(above);
    let width = above.len();
    if table.rows.iter().any(|r| r.len() != columns.len()) {
        return None;
    }
    let mut out = table.clone();
    for (r, row) in table.rows.iter().enumerate() {
        let mut cells = Vec::with_capacity(width);
        for (k, cell) in row.iter().enumerate() {
            let (start, end) = columns[k];
            let last = k + cell.col_span.max(1) as usize - 1;
            let end = columns.get(last).map_or(end, |c| c.1);
            let anchor = match cell.covered_by {
                None => (r, start),
                Some((ar, ac)) => (ar, columns.get(ac).map_or(start, |c| c.0)),
            };
            let mut placed = cell.clone();
            if cell.covered_by.is_none() {
                placed.col_span = (end - start) as u32;
            } else {
                placed.covered_by = Some(anchor);
            }
            cells.push(placed);
            for _ in start + 1..columns[k].1 {
                let mut covered = Cell::new("", cell.source.clone());
                covered.covered_by = Some(anchor);
                cells.push(covered);
            }
        }
        out.rows[r] = cells;
    }
    Some(out)
}

pub(crate) fn push_table(blocks: &mut Vec<Block>, mut table: Table) {
    // The table as read, kept for when it turns out not to continue the one above.
    let mut as_read: Option<Table> = None;
    if let Some(Block::Table(prev)) = blocks.last_mut() {
        let width = |t: &Table| t.rows.iter().map(|r| r.len()).max().unwrap_or(0);
        if width(&table) < width(prev) {
            if let Some(regridded) = prev.rows.last().and_then(|above| regrid(&table, above)) {
                as_read = Some(std::mem::replace(&mut table, regridded));
            }
        }
        let header_of = |t: &Table| {
            t.rows
                .first()
                .map(|r| r.iter().map(|c| c.text.clone()).collect::<Vec<_>>())
        };
        let prev_header = header_of(prev);
        let new_header = header_of(&table);
        // The header repeated may be a section's inside the table above (a form
        // stacks its budget block and its indicators, each under its own header).
        let texts = |r: &[Cell]| -> Vec<String> {
            r.iter()
                .map(|c| c.text.clone())
                .filter(|t| !t.is_empty())
                .collect()
        };
        let new_texts = table.rows.first().map(|r| texts(r));
        let repeats_header =
            (prev_header.is_some() && prev_header == new_header && prev.rows.len() > 1)
                || (width(prev) == width(&table)
                    && new_texts.as_ref().is_some_and(|h| h.len() >= 3)
                    && prev
                        .rows
                        .iter()
                        .skip(1)
                        .any(|r| Some(texts(r)) == new_texts));
        let blank_header = new_header
            .as_ref()
            .is_some_and(|h| h.iter().all(|c| c.is_empty()))
            && width(prev) == width(&table);
        // Rows running on: the first cell empty (a merged parent cell), or a
        // row of figures where a new table would open with its header (a
        // page break cut the table, nothing but furniture between).
        let data_row = |r: &[Cell]| {
            r.iter().any(|c| {
                jixiao_model::Printed::parse(c.text.trim().trim_end_matches(['%', '％'])).is_some()
            })
        };
        let runs_on = width(prev) == width(&table)
            && width(prev) >= 3
            && table
                .rows
                .first()
                .is_some_and(|r| r.first().is_some_and(|c| c.text.is_empty()) || data_row(r))
            && prev.rows.len() > 1;
        if repeats_header || blank_header || runs_on {
            if repeats_header || blank_header {
                table.rows.remove(0);
                prev.repeated_headers += 1;
            }
            // A row split by the page break: its tail opens the new page with
            // text only where the row's cells ran on (`资金分配合` / `理性`).
            if let (Some(first), Some(last_row)) =
                (table.rows.first(), prev.rows.len().checked_sub(1))
            {
                if is_row_tail(first, &prev.rows[last_row]) {
                    let first = table.rows.remove(0);
                    for (c, cell) in first.into_iter().enumerate() {
                        if cell.text.is_empty() {
                            continue;
                        }
                        let (ar, ac) = prev.rows[last_row]
                            .get(c)
                            .and_then(|x| x.covered_by)
                            .unwrap_or((last_row, c));
                        if let Some(target) = prev.rows.get_mut(ar).and_then(|r| r.get_mut(ac)) {
                            crate::clean::push_wrapped(&mut target.text, &cell.text);
                        }
                    }
                }
            }
            if !table.rows.is_empty() {
                prev.page_breaks.push(prev.rows.len());
                prev.rows.append(&mut table.rows);
            }
            return;
        }
    }
    blocks.push(Block::Table(as_read.unwrap_or(table)));
}

fn cell(text: &str, source: &Source) -> Cell {
    Cell::new(clean_inline(text.trim()), source.clone())
}

fn tab_table(lines: &[Line]) -> Table {
    let rows: Vec<Vec<Cell>> = lines
        .iter()
        .filter(|l| !l.furniture)
        .map(|l| {
            let mut cells: Vec<Cell> = l.text.split('\t').map(|c| cell(c, &l.source)).collect();
            while cells.len() > 1 && cells.last().is_some_and(|c| c.text.is_empty()) {
                cells.pop();
            }
            cells
        })
        .collect();
    let source = lines.first().map(|l| l.source.clone()).unwrap_or_default();
    Table {
        rows,
        source,
        ..Table::default()
    }
}

/// The cells of a line written `a | b | c |` (without a leading pipe), when
/// every one holds text: a grid row, not a form's line with empty cells.
fn grid_cells(text: &str) -> Option<usize> {
    let t = text.trim();
    let inner = t.strip_suffix('|').unwrap_or(t);
    let cells: Vec<&str> = inner.split('|').collect();
    (cells.len() >= 3 && cells.iter().all(|c| !c.trim().is_empty())).then_some(cells.len())
}

/// A table pasted as `a | b | c |` lines without a leading pipe: three lines
/// or more in a row, each the same number of cells (three or more), none of
/// them empty. Such a grid is read as a pipe table; lines with empty or
/// merged cells (a form's rows broken over lines, `||||` fillers) are not a
/// grid and stay text for the streams reader. Returns where the run ends
/// (`start` when there is none).
fn grid_run_end(lines: &[Line], start: usize) -> usize {
    let Some(width) = grid_cells(&lines[start].text) else {
        return start;
    };
    let mut end = start;
    while end < lines.len()
        && kind_of(&lines[end].text) == Kind::Prose
        && grid_cells(&lines[end].text) == Some(width)
    {
        end += 1;
    }
    if end - start >= 3 {
        end
    } else {
        start
    }
}

/// The rows of a pipe table starting at line `start`, each the lines it was
/// printed on, and the line after the table. A web page's table copied with
/// line breaks inside its cells prints a row over several lines (`| 项目名称 |`
/// / `2020年…专项资金 |`, or `|` / `一级 指标 |` / `二级指标 | 三级指标 | …`): a
/// line that is no pipe row itself but ends on a cell's bar continues a row
/// still short of the cells the table's widest row has.
fn pipe_rows(lines: &[Line], start: usize) -> (Vec<Vec<&Line>>, usize) {
    let cells = |row: &[&Line]| -> usize {
        row.iter()
            .map(|l| l.text.matches('|').count())
            .sum::<usize>()
            .saturating_sub(1)
    };
    let ends_on_a_bar = |l: &Line| l.text.trim().ends_with('|');
    let width = lines[start..]
        .iter()
        .take_while(|l| l.furniture || kind_of(&l.text) == Kind::Pipe || ends_on_a_bar(l))
        .filter(|l| kind_of(&l.text) == Kind::Pipe)
        .map(|l| cells(&[l]))
        .max();
    let mut rows: Vec<Vec<&Line>> = Vec::new();
    let mut i = start;
    while let Some(line) = lines.get(i) {
        let t = line.text.trim();
        if line.furniture {
            i += 1;
            continue;
        }
        // (`|` alone opens a row whose cells follow on the next lines.)
        if kind_of(&line.text) != Kind::Pipe && !(t == "|" && !rows.is_empty()) {
            break;
        }
        let mut row = vec![line];
        i += 1;
        while let Some(next) = lines.get(i) {
            let n = next.text.trim();
            let continues = !next.furniture
                && kind_of(&next.text) != Kind::Pipe
                && n != "|"
                && ends_on_a_bar(next)
                && width.is_some_and(|w| cells(&row) < w);
            if !continues {
                break;
            }
            row.push(next);
            i += 1;
        }
        rows.push(row);
    }
    (rows, i)
}

/// One pipe row's cells, each with the line its text starts on: a line
/// continuing the row carries on the cell the line before left open.
fn pipe_cells(row: &[&Line]) -> Vec<Cell> {
    let mut cells: Vec<(String, &Source)> = Vec::new();
    for (k, l) in row.iter().enumerate() {
        for (j, piece) in l.text.trim().split('|').enumerate() {
            match cells.last_mut() {
                Some((open, source)) if j == 0 && k > 0 => {
                    if open.trim().is_empty() {
                        *source = &l.source;
                    }
                    open.push_str(piece);
                }
                _ => cells.push((piece.to_string(), &l.source)),
            }
        }
    }
    // The text before the row's first bar and after its last is no cell.
    if cells.first().is_some_and(|(c, _)| c.trim().is_empty()) {
        cells.remove(0);
    }
    if cells.len() > 1 && cells.last().is_some_and(|(c, _)| c.trim().is_empty()) {
        cells.pop();
    }
    cells.iter().map(|(c, s)| cell(c, s)).collect()
}

fn pipe_table(rows: &[Vec<&Line>]) -> Table {
    let mut out = Vec::new();
    for row in rows {
        let cells = pipe_cells(row);
        let is_rule = cells
            .iter()
            .all(|c| !c.text.is_empty() && c.text.chars().all(|ch| ch == '-' || ch == ':'));
        if is_rule {
            continue;
        }
        out.push(cells);
    }
    let source = rows
        .first()
        .and_then(|r| r.first())
        .map(|l| l.source.clone())
        .unwrap_or_default();
    Table {
        rows: out,
        source,
        ..Table::default()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_page_flattened_onto_one_line_is_prose_but_a_row_with_a_long_rule_a_row() {
        let rule = "按计划完成得满分，".repeat(30);
        assert_eq!(kind_of(&format!("产出指标\t{rule}\t10\t9")), Kind::Tabbed);
        let page = "本项目年初预算100万元，实际支出95万元。".repeat(60);
        assert_eq!(
            kind_of(&format!("目录\t一、基本情况\t2 {page}")),
            Kind::Prose
        );
        assert_eq!(kind_of(&format!("# 绩效评价报告 {page}")), Kind::Prose);
        assert_eq!(kind_of("# 绩效评价报告"), Kind::Heading(1));
    }

    use super::*;

    fn doc(text: &str) -> Document {
        read_text(text, Format::Txt)
    }

    #[test]
    fn wrapped_prose_is_joined_without_spaces_and_keeps_line_sources() {
        let d = doc("本项目年初预算金额为446.41万元，调整后项目年度预算金额为438.41万元，我中心致力于高规格打造新金融中心，推动中区规划建设和\n\n推进产业运营落地。\n\n短标题\n下一段。");
        let paras: Vec<&Paragraph> = d.paragraphs().collect();
        assert_eq!(&*paras[0].text, "本项目年初预算金额为446.41万元，调整后项目年度预算金额为438.41万元，我中心致力于高规格打造新金融中心，推动中区规划建设和推进产业运营落地。");
        let at = paras[0].text.find("推进产业").unwrap();
        assert_eq!(paras[0].source_at(at).line, Some(3));
        assert_eq!(&*paras[1].text, "短标题");
    }

    #[test]
    fn a_pipe_row_broken_over_lines_inside_its_cells_is_one_row() {
        let d = doc("| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| 项目名称 |\n乡村道路养护 |\n|\n一级指标 |\n二级指标 | 三级指标 | 指标值 | 分值 |\n| 产出指标 | 数量指标 | 养护里程 | 12公里 | 20 |\n");
        let tables: Vec<&Table> = d.tables().collect();
        assert_eq!(tables.len(), 1);
        let texts: Vec<Vec<&str>> = tables[0]
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(texts[1], ["项目名称", "乡村道路养护"]);
        assert_eq!(
            texts[2],
            ["一级指标", "二级指标", "三级指标", "指标值", "分值"]
        );
        // Each cell keeps the line its text is on.
        assert_eq!(tables[0].rows[2][1].source.line, Some(6));
        assert_eq!(texts.len(), 4);
    }

    #[test]
    fn a_grid_pasted_without_leading_pipes_is_a_table_but_a_forms_lines_are_not() {
        let d = doc("汇总表\n项目名称 | 预算金额 | 实际支出 |\n甲专项 | 500 | 450 |\n乙专项 | 320 | 312 |\n说明。\n");
        let tables: Vec<&Table> = d.tables().collect();
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].rows.len(), 3);
        assert_eq!(tables[0].rows[2][2].text, "312");
        // Empty cells (a form's merged cells), or two lines only: text.
        for text in [
            "项目名称 | 甲专项 | | |\n预算金额 | 500 | 实际支出 | 450 |\n预算金额 | 320 | 实际支出 | 312 |\n",
            "项目名称 | 预算金额 | 实际支出 |\n甲专项 | 500 | 450 |\n",
        ] {
            assert_eq!(doc(text).tables().count(), 0, "{text}");
        }
    }

    #[test]
    fn a_line_leaving_a_bracket_open_or_a_number_without_its_unit_runs_on() {
        // Too few lines to know the wrap width: the cut shows in the line.
        for text in [
            "项目自评总分96.2分（决策19.8分、过程18.6分、产出39.5\n分、效益18.3分），等级优秀。\n",
            "项目自评总分96.2分，决策19.8分、过程18.6分、产出39.5\n分、效益18.3分。\n",
        ] {
            let d = doc(text);
            let texts: Vec<&str> = d.paragraphs().map(|p| &*p.text).collect();
            assert_eq!(texts.len(), 1, "{texts:?}");
            assert!(texts[0].contains("产出39.5分、效益"), "{texts:?}");
        }
        // A title line and the next: apart.
        let d = doc("二、绩效评价结论\n项目自评总分96.2分。\n");
        assert_eq!(d.blocks.len(), 2);
        // A sentence's label at the line's end and its amount on the next, or
        // a number cut at its point: one paragraph.
        for (text, joined) in [
            (
                "预算安排19.23万元。其中：因公出国（境）费\n1.25万元；公务接待费8.46万元。\n",
                "费1.25万元",
            ),
            (
                "预算安排8.38万元。其中：因公出国（境）费1\n.23万元；公务接待费4.05万元。\n",
                "费1.23万元",
            ),
        ] {
            let d = doc(text);
            let texts: Vec<&str> = d.paragraphs().map(|p| &*p.text).collect();
            assert_eq!(texts.len(), 1, "{texts:?}");
            assert!(texts[0].contains(joined), "{texts:?}");
        }
        // (A label cell, and an amount cell under it: apart.)
        assert_eq!(doc("年度资金总额\n1.25万元\n").blocks.len(), 2);
    }

    #[test]
    fn a_short_line_cut_mid_clause_is_joined() {
        let d =
            doc("本项目全年预算数为258.90万元，截至2021年12月\n\n底，项目执行数为258.90万元。\n");
        let texts: Vec<&str> = d.paragraphs().map(|p| &*p.text).collect();
        assert_eq!(
            texts,
            vec!["本项目全年预算数为258.90万元，截至2021年12月底，项目执行数为258.90万元。"]
        );
    }

    #[test]
    fn a_line_cut_mid_clause_with_half_width_commas_is_joined() {
        // Digits make a wrapped line narrower than the wrap width; its
        // half-width clause comma still says it is prose.
        let d = doc("2023年度年初收支预算为50289.2万元,全年预算为63501.78万元,收\n支总决算63501.78万元。\n(二)部门预决算情况\n");
        let texts: Vec<&str> = d.paragraphs().map(|p| &*p.text).collect();
        assert_eq!(
            texts,
            vec![
                "2023年度年初收支预算为50289.2万元,全年预算为63501.78万元,收支总决算63501.78万元。",
                "(二)部门预决算情况"
            ]
        );
    }

    #[test]
    fn a_short_line_ending_on_a_comma_runs_on_past_a_blank_line() {
        let d = doc("由项目立项、绩效目标 2 个二级指标和立项依据充分性\n、立项程序规范性、\n\n绩效目标合理性 3 个三级指标构成。\n项目概况\n\n一、基本情况\n");
        let texts: Vec<&str> = d.paragraphs().map(|p| &*p.text).collect();
        assert_eq!(
            texts,
            vec![
                "由项目立项、绩效目标2个二级指标和立项依据充分性、立项程序规范性、绩效目标合理性3个三级指标构成。",
                "项目概况",
                "一、基本情况"
            ]
        );
    }

    #[test]
    fn a_clause_stop_at_the_wrap_width_and_a_lists_short_tail_run_on() {
        // Wrapped at 20 characters: `；` at the width ends a clause only; the
        // short tail of a list (`、` in it) before a page break runs on.
        let text = "一二三四五六七八九十一二三四五六七八九十一\n一二三四五六七八九十一二三四五六七八九十一\n一二三四五六七八九十一二三四五六七八九十一\n一二三四五六七八九十一二三四五六七八九十一\n一二三四五六七八九十一二三四五六七八九十一\n一二三四五六七八九十一二三四五六七八九十一\n收尾。\n部门预算收支安排较上年大幅增加，其中：基本\n支出主要为日常公用经费增加，人员经费持平；\n项目支出增加较多，主要原因为上年结转较大。\n本项目下专项规划咨询项目共六个，包括电力专\n项规划、海绵城市专项\n\n- 3 -\n\n规划、近零碳专项咨询、金融业行动方案课题研\n究、能源系统专项研究。\n";
        let d = doc(text);
        let texts: Vec<&str> = d.paragraphs().map(|p| &*p.text).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[1].ends_with("上年结转较大。"), "{texts:?}");
        assert!(texts[1].contains("持平；项目支出"), "{texts:?}");
        assert!(texts[2].contains("海绵城市专项规划、近零碳"), "{texts:?}");
    }

    #[test]
    fn a_table_cut_by_a_page_break_runs_on_with_its_rows_of_figures() {
        let text = "| 序号 | 项目名称 | 预算数 | 执行数 |\n|---|---|---|---|\n| 1 | 道路养护 | 100 | 98 |\n| 2 | 路灯维修 | 50 | 50 |\n\n- 3 -\n\u{c}\n| 3 | 绿化提升 | 80 | 76.5 |\n| 4 | 河道清理 | 20 | 20 |\n\n表2 其他\n\n| 指标 | 分值 | 得分 |\n|---|---|---|\n| 满意度 | 10 | 9 |\n";
        let d = doc(text);
        let rows: Vec<usize> = d.tables().map(|t| t.rows.len()).collect();
        // One table of a header and four rows; the next, after its title, apart.
        assert_eq!(rows, vec![5, 2], "{rows:?}");
    }

    #[test]
    fn enumerated_line_starts_a_new_paragraph() {
        let d = doc("这是一个很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的句子没有结束\n（二）项目绩效目标\n");
        let texts: Vec<&str> = d.paragraphs().map(|p| &*p.text).collect();
        assert_eq!(texts, vec!["这是一个很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的句子没有结束", "（二）项目绩效目标"]);
    }

    #[test]
    fn a_running_header_after_a_page_number_mid_page_is_furniture() {
        // Pages stacked in one image or dump: no form feed, a page number, then
        // the line the first page opened with.
        let text = "某某市财政局门户网站\n一、基本情况\n正文第一段。\n第 1 页\n某某市财政局门户网站\n正文第二段。\n";
        let d = doc(text);
        let texts: Vec<&str> = d.paragraphs().map(|p| &*p.text).collect();
        assert_eq!(
            texts.iter().filter(|t| t.contains("门户网站")).count(),
            1,
            "{texts:?}"
        );
        // The same line without a page number before it is text.
        let d = doc("某某市财政局门户网站\n正文第一段。\n某某市财政局门户网站\n");
        assert_eq!(
            d.paragraphs()
                .filter(|p| p.text.contains("门户网站"))
                .count(),
            2
        );
    }

    #[test]
    fn page_numbers_and_running_headers_are_furniture() {
        let mut text = String::new();
        for p in 1..=4 {
            text.push_str(&format!(
                "某某单位绩效自评报告\n第{p}页正文内容。\n- {p} -\n\u{c}"
            ));
        }
        let d = doc(&text);
        assert_eq!(d.pages, Some(4));
        let texts: Vec<&str> = d.paragraphs().map(|p| &*p.text).collect();
        assert_eq!(
            texts,
            vec![
                "第1页正文内容。",
                "第2页正文内容。",
                "第3页正文内容。",
                "第4页正文内容。"
            ]
        );
    }

    #[test]
    fn tab_table_split_by_repeated_header_is_joined_with_a_page_break() {
        let d = doc("一级指标\t二级指标\t三级指标\t分值\t得分\n决策 (20分)\t项目立项\t立项依据充分性\t5\t5\n\n一级指标\t二级指标\t三级指标\t分值\t得分\n\t绩效目标\t立项程序规范性\t2\t2\n");
        let tables: Vec<&Table> = d.tables().collect();
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].rows.len(), 3);
        assert_eq!(tables[0].page_breaks, vec![2]);
        assert_eq!(tables[0].text_at(2, 2), "立项程序规范性");
    }

    #[test]
    fn pipe_blocks_continued_after_a_page_break_are_one_table() {
        let d = doc("| 序号 | 项目名称 | 预算数 |\n|---|---|---|\n| 1 | 甲 | 10 |\n\n| | | |\n|---|---|---|\n| 2 | 乙 | 20 |\n");
        let tables: Vec<&Table> = d.tables().collect();
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].rows.len(), 3);
        assert_eq!(tables[0].text_at(2, 1), "乙");
        assert_eq!(tables[0].page_breaks, vec![2]);
    }

    #[test]
    fn the_line_two_pages_open_with_is_a_running_header() {
        // Two pages are too few to count repeats; the second page opening with
        // the first page's opening line is enough.
        let d =
            doc("某某市财政局门户网站\n正文第一段。\n\u{c}某某市财政局门户网站\n正文第二段。\n");
        let texts: Vec<&str> = d.paragraphs().map(|p| &*p.text).collect();
        assert_eq!(
            texts.iter().filter(|t| t.contains("门户网站")).count(),
            1,
            "{texts:?}"
        );
        // A page opening otherwise keeps the line.
        let d =
            doc("某某市财政局门户网站\n正文第一段。\n\u{c}正文第二段。\n某某市财政局门户网站\n");
        assert_eq!(
            d.paragraphs()
                .filter(|p| p.text.contains("门户网站"))
                .count(),
            2
        );
    }

    fn row(cells: &[(&str, u32)]) -> Vec<Cell> {
        let mut out = Vec::new();
        for &(text, span) in cells {
            let anchor = out.len();
            let mut cell = Cell::new(text, Source::default());
            cell.col_span = span;
            out.push(cell);
            for _ in 1..span {
                let mut covered = Cell::new("", Source::default());
                covered.covered_by = Some((0, anchor));
                out.push(covered);
            }
        }
        out
    }

    #[test]
    fn a_table_continued_with_fewer_grid_columns_is_set_under_the_rows_columns() {
        // Above the break a cell spans two grid columns (9 in all, 8 as the row
        // reads); the page after the break draws 8. Its first row is the tail of
        // the row cut by the break.
        let mut above = Table {
            rows: vec![
                row(&[
                    ("一级", 1),
                    ("二级", 1),
                    ("三级", 2),
                    ("指标值", 1),
                    ("完成值", 1),
                    ("分值", 1),
                    ("得分", 1),
                    ("说明", 1),
                ]),
                row(&[
                    ("产出", 1),
                    ("质量指", 1),
                    ("孕产妇", 2),
                    ("≥90%", 1),
                    ("93.1%", 1),
                    ("6", 1),
                    ("6", 1),
                    ("", 1),
                ]),
            ],
            ..Table::default()
        };
        for r in &mut above.rows[1] {
            if let Some((_, c)) = r.covered_by {
                r.covered_by = Some((1, c));
            }
        }
        let below = Table {
            rows: vec![
                row(&[
                    ("", 1),
                    ("标", 1),
                    ("系统管理率", 1),
                    ("", 1),
                    ("", 1),
                    ("", 1),
                    ("", 1),
                    ("", 1),
                ]),
                row(&[
                    ("", 1),
                    ("时效指标", 1),
                    ("及时率", 1),
                    ("100%", 1),
                    ("100%", 1),
                    ("6", 1),
                    ("6", 1),
                    ("", 1),
                ]),
            ],
            ..Table::default()
        };
        let mut blocks = vec![Block::Table(above)];
        push_table(&mut blocks, below);
        let [Block::Table(t)] = &blocks[..] else {
            panic!("one table expected, got {} blocks", blocks.len());
        };
        assert_eq!(t.rows.len(), 3);
        assert!(t.rows.iter().all(|r| r.len() == 9));
        assert_eq!(t.text_at(1, 1), "质量指标");
        assert_eq!(t.text_at(1, 2), "孕产妇系统管理率");
        // The next row's cells under their columns: 及时率 across the two grid
        // columns of 三级, 100% under 指标值.
        assert_eq!((t.text_at(2, 2), t.rows[2][2].col_span), ("及时率", 2));
        assert_eq!(t.text_at(2, 4), "100%");
        assert_eq!(t.text_at(2, 6), "6");
        assert_eq!(t.page_breaks, vec![2]);
        // A narrower table that continues nothing (its first cell filled, no
        // header repeated) stays apart, as it was read.
        let mut blocks = blocks;
        let other = Table {
            rows: vec![row(&[
                ("甲", 1),
                ("乙", 1),
                ("丙", 1),
                ("丁", 1),
                ("戊", 1),
                ("己", 1),
                ("庚", 1),
                ("辛", 1),
            ])],
            ..Table::default()
        };
        push_table(&mut blocks, other.clone());
        assert_eq!(blocks.len(), 2);
        let Block::Table(last) = &blocks[1] else {
            panic!("a table expected");
        };
        assert_eq!(last, &other);
    }

    #[test]
    fn unrelated_tables_stay_apart() {
        let d = doc("| a | b |\n|---|---|\n| 1 | 2 |\n\n正文一句。\n\n| c | d | e |\n|---|---|---|\n| 3 | 4 | 5 |\n");
        assert_eq!(d.tables().count(), 2);
    }
}
