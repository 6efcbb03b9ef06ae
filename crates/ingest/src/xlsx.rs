//! Workbooks (XLSX, XLS, XLSB, ODS) through calamine: every sheet, merged
//! regions as merged cells, numbers as the sheet displays them (its number
//! format applied to the stored double, so `0.98359…` formatted `0.00%` reads
//! `98.36%`), formulas by their cached values. Title rows above the table
//! become paragraphs, so a sheet holding only a score table still has a title.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader, Sheets};
use jixiao_model::{Block, Cell, Decimal, Document, Format, Line, Paragraph, Source, Table};
use rust_decimal::RoundingStrategy;

use crate::clean::{clean_inline, fold_line};
use crate::IngestError;

/// Rows and columns beyond these are not read: a sheet claiming more is not a
/// score sheet, and its grid must not be allocated from its own say-so.
pub const MAX_ROWS: usize = 20_000;
/// See [`MAX_ROWS`].
pub const MAX_COLS: usize = 200;

/// A workbook calamine could not parse.
const CORRUPT: &str = "xlsx.corrupt";

/// Reads a workbook into the document model: per sheet, its title rows as
/// paragraphs, then the sheet's grid as one table.
pub fn read_workbook(bytes: &[u8], limits: &crate::Limits) -> Result<Document, IngestError> {
    crate::package::check_unpacked_size(bytes, limits, "xlsx")?;
    if is_encrypted_ooxml(bytes) {
        return Err(IngestError::new(
            "xlsx.encrypted",
            "the workbook is password-protected; open it with the password and save an unprotected copy, then run again",
        ));
    }
    let mut book = crate::third_party(CORRUPT, || open_workbook_auto_from_rs(Cursor::new(bytes)))?.map_err(|e| {
        IngestError::new("xlsx.corrupt", format!("not a readable workbook ({e}); the file may be truncated or another format with a spreadsheet's name — re-download or re-export it"))
    })?;
    let mut doc = Document {
        format: Format::Xlsx,
        pages: None,
        blocks: Vec::new(),
        lines: Vec::new(),
        warnings: Vec::new(),
        titles: Vec::new(),
    };
    for name in crate::third_party(CORRUPT, || book.sheet_names())? {
        match read_sheet(&mut book, &name) {
            Ok((mut blocks, warnings)) => {
                for b in &mut blocks {
                    match b {
                        // The line keeps the sheet's text; the paragraph is cleaned for reading.
                        Block::Paragraph(p) => {
                            doc.lines.push(Line {
                                text: p.text.clone(),
                                source: p.source_at(0),
                                furniture: false,
                            });
                            p.text = clean_inline(&p.text).into();
                        }
                        Block::Table(t) => t
                            .rows
                            .iter_mut()
                            .flatten()
                            .for_each(|c| c.text = clean_inline(&c.text)),
                        Block::Heading { .. } => {}
                    }
                }
                doc.blocks.extend(blocks);
                doc.warnings.extend(warnings);
            }
            Err(e) => doc
                .warnings
                .push(format!("sheet {name} could not be read: {e}")),
        }
    }
    if doc.blocks.is_empty() {
        doc.warnings
            .push("the workbook's sheets are empty: nothing to extract".into());
    }
    Ok(doc)
}

/// The extent of an XLSX sheet from its cells, streamed: calamine allocates a
/// dense grid from the first to the last cell, which a file with one cell at
/// A1 and one at XFD1048576 turns into billions of cells.
fn sheet_extent<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    name: &str,
) -> Option<(u64, u64)> {
    let Sheets::Xlsx(x) = book else { return None };
    let mut reader = x.worksheet_cells_reader(name).ok()?;
    let (mut r0, mut c0, mut r1, mut c1) = (u32::MAX, u32::MAX, 0u32, 0u32);
    while let Ok(Some((r, c, _))) = reader.next_style_id() {
        r0 = r0.min(r);
        c0 = c0.min(c);
        r1 = r1.max(r);
        c1 = c1.max(c);
    }
    (r0 != u32::MAX).then(|| (u64::from(r1 - r0) + 1, u64::from(c1 - c0) + 1))
}

/// An Office file encrypted with a password is an OLE2 container holding an
/// `EncryptedPackage` stream (the name is stored in UTF-16).
fn is_encrypted_ooxml(bytes: &[u8]) -> bool {
    let ole2 = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    ole2 && bytes.windows(name.len()).any(|w| w == name.as_slice())
}

type Merges = Vec<((u32, u32), (u32, u32))>;

fn merged_regions<RS: std::io::Read + std::io::Seek>(book: &mut Sheets<RS>, name: &str) -> Merges {
    let dims = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).ok(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).ok(),
        _ => None,
    };
    dims.unwrap_or_default()
        .into_iter()
        .map(|d| (d.start, d.end))
        .collect()
}

/// The spreadsheet name of a column: 0 → A, 27 → AB.
fn column_name(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

fn read_sheet<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    name: &str,
) -> Result<(Vec<Block>, Vec<String>), String> {
    // calamine's calls are guarded; the grid built from what they return is ours.
    let calamine = |e: IngestError| e.message;
    if let Some((rows, cols)) =
        crate::third_party(CORRUPT, || sheet_extent(book, name)).map_err(calamine)?
    {
        if rows > MAX_ROWS as u64 || cols > MAX_COLS as u64 {
            return Ok((Vec::new(), vec![format!("sheet {name} spans {rows} rows × {cols} columns, more than a score sheet ({MAX_ROWS} × {MAX_COLS}); it was not read")]));
        }
    }
    let range = crate::third_party(CORRUPT, || book.worksheet_range(name))
        .map_err(calamine)?
        .map_err(|e| e.to_string())?;
    let styles =
        crate::third_party(CORRUPT, || book.worksheet_style(name).ok()).map_err(calamine)?;
    let merges = crate::third_party(CORRUPT, || merged_regions(book, name)).map_err(calamine)?;
    let mut warnings = Vec::new();
    let Some((r0, c0)) = range.start() else {
        return Ok((Vec::new(), warnings));
    };
    let (height, width) = range.get_size();
    if height > MAX_ROWS || width > MAX_COLS {
        warnings.push(format!("sheet {name} is {height} rows × {width} columns; only the first {MAX_ROWS} rows and {MAX_COLS} columns were read"));
    }
    let (height, width) = (height.min(MAX_ROWS), width.min(MAX_COLS));
    let source = |r: usize, c: usize| Source {
        cell: Some(
            format!(
                "{name}!{}{}",
                column_name(c0 + c as u32),
                r0 as usize + r + 1
            )
            .into(),
        ),
        ..Source::default()
    };
    let mut grid: Vec<Vec<Cell>> = (0..height)
        .map(|r| {
            (0..width)
                .map(|c| {
                    let data = range.get((r, c)).unwrap_or(&Data::Empty);
                    let format = styles
                        .as_ref()
                        .and_then(|s| s.get((r0 + r as u32, c0 + c as u32)))
                        .and_then(|s| s.number_format.as_ref())
                        .map(|f| f.format_code.as_str());
                    Cell::new(display(data, format.unwrap_or("General")), source(r, c))
                })
                .collect()
        })
        .collect();
    for ((sr, sc), (er, ec)) in merges {
        let (Some(ar), Some(ac)) = (
            (sr as usize).checked_sub(r0 as usize),
            (sc as usize).checked_sub(c0 as usize),
        ) else {
            continue;
        };
        if ar >= height || ac >= width {
            continue;
        }
        let er = (er as usize - r0 as usize).min(height - 1);
        let ec = (ec as usize - c0 as usize).min(width - 1);
        for r in ar..=er {
            for c in ac..=ec {
                if (r, c) != (ar, ac) {
                    grid[r][c].covered_by = Some((ar, ac));
                    grid[r][c].text.clear();
                }
            }
        }
        grid[ar][ac].row_span = (er - ar + 1) as u32;
        grid[ar][ac].col_span = (ec - ac + 1) as u32;
    }
    Ok((regions(grid, source(0, 0)), warnings))
}

/// A sheet may hold several things one under another (paragraphs of text, a
/// table, notes), set apart by blank rows: each region is read on its own.
fn regions(grid: Vec<Vec<Cell>>, sheet_source: Source) -> Vec<Block> {
    let blank = |row: &[Cell]| {
        row.iter()
            .all(|c| c.text.is_empty() && c.covered_by.is_none())
    };
    let mut blocks = Vec::new();
    let mut start = 0;
    while start < grid.len() {
        if blank(&grid[start]) {
            start += 1;
            continue;
        }
        let end = (start..grid.len())
            .find(|&r| blank(&grid[r]))
            .unwrap_or(grid.len());
        let region = rebased(&grid[start..end], start);
        blocks.extend(split_title_rows(region, sheet_source.clone()));
        start = end;
    }
    blocks
}

/// Rows cut out of a grid from row `start` on: covered positions keep pointing
/// at their anchors, counted from the first row kept.
fn rebased(rows: &[Vec<Cell>], start: usize) -> Vec<Vec<Cell>> {
    rows.iter()
        .map(|row| {
            row.iter()
                .cloned()
                .map(|mut c| {
                    c.covered_by = c
                        .covered_by
                        .and_then(|(r, col)| r.checked_sub(start).map(|r| (r, col)));
                    c
                })
                .collect()
        })
        .collect()
}

/// Leading and trailing rows that hold one piece of text each (the title, the
/// 填报日期 / 金额单位 line, notes) become paragraphs; the rest is the table.
fn split_title_rows(grid: Vec<Vec<Cell>>, sheet_source: Source) -> Vec<Block> {
    let texts = |row: &[Cell]| -> Vec<(String, Source)> {
        row.iter()
            .filter(|c| c.covered_by.is_none() && !c.text.is_empty())
            .map(|c| (c.text.clone(), c.source.clone()))
            .collect()
    };
    let is_title_row = |row: &[Cell]| {
        let t = texts(row);
        t.len() == 1
            || (!t.is_empty() && t.iter().all(|(s, _)| s.contains('：') || s.contains(':')))
    };
    let is_blank = |row: &[Cell]| texts(row).is_empty();
    let start = grid
        .iter()
        .position(|r| !is_blank(r) && !is_title_row(r))
        .unwrap_or(grid.len());
    let end = grid
        .iter()
        .rposition(|r| !is_blank(r) && !is_title_row(r))
        .map_or(start, |e| e + 1)
        .max(start);
    let mut blocks = Vec::new();
    let paragraphs = |rows: &[Vec<Cell>], blocks: &mut Vec<Block>| {
        for row in rows {
            let t = texts(row);
            if let Some((_, src)) = t.first() {
                let text = t
                    .iter()
                    .map(|(s, _)| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                blocks.push(Block::Paragraph(Paragraph::new(text, src.clone())));
            }
        }
    };
    paragraphs(&grid[..start], &mut blocks);
    if start < end {
        let rows = rebased(&grid[start..end], start);
        let source = rows
            .first()
            .and_then(|r| r.first())
            .map(|c| c.source.clone())
            .unwrap_or(sheet_source);
        blocks.push(Block::Table(Table {
            rows,
            source,
            ..Table::default()
        }));
    }
    paragraphs(&grid[end..], &mut blocks);
    blocks
}

/// A cell's text as the sheet shows it.
fn display(data: &Data, format: &str) -> String {
    match data {
        Data::Empty => String::new(),
        // Spaces between Chinese characters are kept here (they may part cells of
        // a dump); paragraphs and table cells are cleaned from this.
        Data::String(s) => fold_line(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        Data::Float(f) => format_number(*f, format),
        Data::Int(i) => format_number(*i as f64, format),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => serial_date(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Applies the parts of a number format that change what a reader sees:
/// percent, the number of decimals and thousands separators. The stored
/// double is first read back as the shortest decimal that round-trips (what
/// was typed), then rounded half away from zero as Excel does.
fn format_number(value: f64, format: &str) -> String {
    let Ok(mut d) = Decimal::from_scientific(&format!("{value:e}")) else {
        return value.to_string();
    };
    // The first section applies to positive numbers; literals in quotes are not digits.
    let section = format.split(';').next().unwrap_or("");
    let mut code = String::new();
    let mut quoted = false;
    for c in section.chars() {
        match c {
            '"' => quoted = !quoted,
            _ if !quoted => code.push(c),
            _ => {}
        }
    }
    let general = code.trim().eq_ignore_ascii_case("general") || !code.contains(['0', '#']);
    let percent = code.contains('%');
    if percent {
        d *= Decimal::ONE_HUNDRED;
    }
    let text = if general {
        // Excel's General shows up to 10 significant digits.
        let digits_before = d.abs().trunc().to_string().trim_start_matches('0').len() as u32;
        d.round_dp_with_strategy(
            10u32.saturating_sub(digits_before),
            RoundingStrategy::MidpointAwayFromZero,
        )
        .normalize()
        .to_string()
    } else {
        let decimals = code.split_once('.').map_or(0, |(_, frac)| {
            frac.chars()
                .take_while(|c| matches!(c, '0' | '#'))
                .filter(|c| *c == '0')
                .count()
        }) as u32;
        let rounded = d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
        let mut s = format!("{:.*}", decimals as usize, rounded);
        if code.contains(',') {
            s = group_thousands(&s);
        }
        s
    };
    if percent {
        format!("{text}%")
    } else {
        text
    }
}

/// A spreadsheet date serial (days since 1899-12-30) as `YYYY-MM-DD`.
fn serial_date(serial: f64) -> String {
    if !(1.0..3_000_000.0).contains(&serial) {
        return format!("{serial}");
    }
    // Days since 1970-01-01, then the civil-from-days algorithm.
    let z = serial.floor() as i64 - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn group_thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_sheet_shows_them() {
        assert_eq!(format_number(0.1 + 0.2, "General"), "0.3");
        assert_eq!(format_number(0.983_594_260_927_594_3, "0.00%"), "98.36%");
        assert_eq!(format_number(1498.5, "#,##0.00"), "1,498.50");
        assert_eq!(format_number(2.675, "0.00"), "2.68");
        assert_eq!(format_number(912.4, "0.00"), "912.40");
        assert_eq!(format_number(10.0, "General"), "10");
        assert_eq!(format_number(-1234567.0, "#,##0"), "-1,234,567");
        assert_eq!(format_number(0.928, "0.00%"), "92.80%");
        assert_eq!(format_number(5.0, "0\"分\""), "5");
    }

    #[test]
    fn date_serials() {
        assert_eq!(serial_date(45366.0), "2024-03-15");
        assert_eq!(serial_date(1.0), "1899-12-31");
    }

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
    }

    #[test]
    fn not_a_workbook_is_a_clear_error() {
        let err = read_workbook(b"PK\x03\x04not really a zip", &crate::Limits::default())
            .expect_err("fails");
        assert_eq!(err.code, "xlsx.corrupt");
    }
}
