//! Word 97–2003 binary documents (`.doc`, and WPS's `.wps`, written in the
//! same format): the main text from the piece table, paragraphs and table
//! cells from the paragraph properties, as [MS-DOC] sets them out.
//!
//! The container is OLE2 (read by the `cfb` crate). In its `WordDocument`
//! stream the File Information Block (FIB) says where the rest is: the piece
//! table (`Clx`, in the `0Table` or `1Table` stream) maps the text's character
//! positions to bytes (UTF-16, or one byte per character in "compressed"
//! pieces); the `PlcBtePapx` points to the pages (FKPs) of paragraph
//! properties. A paragraph ends in `\r`, a table cell in `\x07`; a `\x07`
//! whose paragraph carries `sprmPFTtp` ends a row, and that paragraph's table
//! properties (`sprmTDefTable`) give the cells' edges and merges. Fields keep
//! their result and drop their code; headers, footers, footnotes and comments
//! lie past the main text and are not read.
//!
//! [MS-DOC]: https://learn.microsoft.com/en-us/openspecs/office_file_formats/ms-doc/

use std::io::{Cursor, Read};

use jixiao_model::{Document, Format};

use crate::error::IngestError;
use crate::grid::Merge;
use crate::wordbody::Body;
use crate::{third_party, Limits};

fn corrupt(what: impl std::fmt::Display) -> IngestError {
    IngestError::new(
        "doc.corrupt",
        format!("the Word 97–2003 document is damaged ({what}): re-download it, or open it in Word, WPS or LibreOffice and save it again (as .docx or PDF)"),
    )
}

/// Bytes of `data` at `at..at + n`, or a typed error naming what was read.
fn slice<'d>(data: &'d [u8], at: usize, n: usize, what: &str) -> Result<&'d [u8], IngestError> {
    at.checked_add(n)
        .and_then(|end| data.get(at..end))
        .ok_or_else(|| corrupt(format!("{what} lies past the end of its stream")))
}

fn u8_at(data: &[u8], at: usize, what: &str) -> Result<u8, IngestError> {
    Ok(slice(data, at, 1, what)?[0])
}

fn u16_at(data: &[u8], at: usize, what: &str) -> Result<u16, IngestError> {
    let b = slice(data, at, 2, what)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(data: &[u8], at: usize, what: &str) -> Result<u32, IngestError> {
    let b = slice(data, at, 4, what)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// What the reader needs of the File Information Block.
struct Fib {
    /// The table stream is `1Table` (else `0Table`).
    table_1: bool,
    /// Characters of the main document text.
    ccp_text: usize,
    /// The piece table: offset and size in the table stream.
    clx: (usize, usize),
    /// The paragraph properties' bin table: offset and size in the table stream.
    bte_papx: (usize, usize),
}

impl Fib {
    fn parse(word: &[u8]) -> Result<Fib, IngestError> {
        if u16_at(word, 0, "the FIB")? != 0xA5EC {
            return Err(corrupt(
                "its WordDocument stream does not open with a Word FIB",
            ));
        }
        let n_fib = u16_at(word, 2, "the FIB")?;
        if n_fib < 101 {
            return Err(IngestError::new(
                "doc.unsupported",
                "the file is a Word 6 / Word 95 document, a format older than Word 97: open it in Word, WPS or LibreOffice and save it as .docx, then run again",
            ));
        }
        let flags = u16_at(word, 0x0A, "the FIB")?;
        // fEncrypted, or fObfuscated (XOR-obfuscated, also password-protected).
        if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
            return Err(IngestError::new(
                "doc.encrypted",
                "the Word document is password-protected: open it with its password in Word or WPS, save it without one, then run again",
            ));
        }
        // FibBase (32 bytes), csw + FibRgW, cslw + FibRgLw, cbRgFcLcb + FibRgFcLcb.
        let csw = u16_at(word, 0x20, "the FIB")? as usize;
        let cslw_at = 0x22 + 2 * csw;
        let cslw = u16_at(word, cslw_at, "the FIB")? as usize;
        let rg_lw = cslw_at + 2;
        let ccp_text = u32_at(word, rg_lw + 3 * 4, "the FIB")? as usize;
        let blob = rg_lw + 4 * cslw + 2;
        let pair = |index: usize| -> Result<(usize, usize), IngestError> {
            Ok((
                u32_at(word, blob + 8 * index, "the FIB")? as usize,
                u32_at(word, blob + 8 * index + 4, "the FIB")? as usize,
            ))
        };
        Ok(Fib {
            table_1: flags & 0x0200 != 0,
            ccp_text,
            clx: pair(33)?,
            bte_papx: pair(13)?,
        })
    }
}

/// One piece of the text: character positions `cps`, stored from byte
/// `offset` of the WordDocument stream, one byte a character when compressed.
struct Piece {
    cps: (usize, usize),
    offset: usize,
    compressed: bool,
}

/// The piece table: the `Clx` after any `Prc` property blocks.
fn pieces(table: &[u8], (at, len): (usize, usize)) -> Result<Vec<Piece>, IngestError> {
    let clx = slice(table, at, len, "the piece table")?;
    let mut pos = 0usize;
    while clx.get(pos) == Some(&0x01) {
        let cb = u16_at(clx, pos + 1, "the piece table")? as usize;
        pos = pos + 3 + cb;
    }
    if clx.get(pos) != Some(&0x02) {
        return Err(corrupt("its piece table is missing"));
    }
    let lcb = u32_at(clx, pos + 1, "the piece table")? as usize;
    let plc = slice(clx, pos + 5, lcb, "the piece table")?;
    if lcb < 4 || (lcb - 4) % 12 != 0 {
        return Err(corrupt("its piece table has a wrong size"));
    }
    let n = (lcb - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let start = u32_at(plc, 4 * k, "the piece table")? as usize;
        let end = u32_at(plc, 4 * (k + 1), "the piece table")? as usize;
        let fc = u32_at(plc, 4 * (n + 1) + 8 * k + 2, "the piece table")?;
        let compressed = fc & 0x4000_0000 != 0;
        let fc = (fc & 0x3FFF_FFFF) as usize;
        out.push(Piece {
            cps: (start, end.max(start)),
            offset: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(out)
}

/// The main text, character by character with each one's byte offset in the
/// WordDocument stream (paragraph properties are found by it).
fn main_text(
    word: &[u8],
    pieces: &[Piece],
    ccp_text: usize,
) -> Result<Vec<(char, usize)>, IngestError> {
    // Each character takes at least one byte of the stream.
    if ccp_text > word.len() {
        return Err(corrupt("its text is longer than the file"));
    }
    let mut out = Vec::with_capacity(ccp_text);
    let mut units: Vec<(u16, usize)> = Vec::new();
    for p in pieces {
        let (start, end) = (p.cps.0.min(ccp_text), p.cps.1.min(ccp_text));
        for k in 0..end - start {
            if p.compressed {
                let at = p.offset + k;
                let b = u8_at(word, at, "the text")?;
                out.push((cp1252(b), at));
            } else {
                let at = p.offset + 2 * k;
                units.push((u16_at(word, at, "the text")?, at));
            }
        }
        // UTF-16 decoded piece by piece: a surrogate pair never spans two pieces.
        let mut k = 0;
        while k < units.len() {
            let (u, at) = units[k];
            let pair = units.get(k + 1).map(|(v, _)| *v);
            match (u, pair) {
                (0xD800..=0xDBFF, Some(lo @ 0xDC00..=0xDFFF)) => {
                    let c = 0x10000 + (((u as u32) - 0xD800) << 10) + ((lo as u32) - 0xDC00);
                    out.push((char::from_u32(c).unwrap_or('\u{FFFD}'), at));
                    k += 2;
                }
                _ => {
                    out.push((char::from_u32(u as u32).unwrap_or('\u{FFFD}'), at));
                    k += 1;
                }
            }
        }
        units.clear();
    }
    Ok(out)
}

/// A "compressed" piece's byte: Windows-1252, as [MS-DOC] 2.4.1 says.
fn cp1252(b: u8) -> char {
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(std::slice::from_ref(&b));
    text.chars().next().unwrap_or('\u{FFFD}')
}

/// What a paragraph's properties say of tables.
#[derive(Clone, Default)]
struct Props {
    in_table: bool,
    /// The paragraph is a row's end mark.
    row_end: bool,
    /// Table depth (1 for a table in the body, more for a nested one).
    depth: u32,
    /// The row's cells, for a row's end mark: right edge, vertical merge,
    /// merged into the cell before.
    cells: Vec<(i64, Merge, bool)>,
}

/// The paragraphs' properties by byte range of the WordDocument stream, from
/// the FKP pages the bin table points to, sorted by start.
fn paragraph_props(
    word: &[u8],
    table: &[u8],
    data_stream: &[u8],
    (at, len): (usize, usize),
) -> Result<Vec<(usize, usize, Props)>, IngestError> {
    let plc = slice(table, at, len, "the paragraph properties")?;
    if len < 4 || (len - 4) % 8 != 0 {
        return Err(corrupt("its paragraph properties have a wrong size"));
    }
    let n = (len - 4) / 8;
    let mut out = Vec::new();
    for k in 0..n {
        let pn =
            (u32_at(plc, 4 * (n + 1) + 4 * k, "the paragraph properties")? & 0x3F_FFFF) as usize;
        let page = slice(word, pn * 512, 512, "a page of paragraph properties")?;
        let crun = page[511] as usize;
        for r in 0..crun {
            let start = u32_at(page, 4 * r, "a page of paragraph properties")? as usize;
            let end = u32_at(page, 4 * (r + 1), "a page of paragraph properties")? as usize;
            let b_offset = u8_at(
                page,
                4 * (crun + 1) + 13 * r,
                "a page of paragraph properties",
            )? as usize;
            let props = if b_offset == 0 {
                Props::default()
            } else {
                papx_props(page, 2 * b_offset, data_stream)?
            };
            out.push((start, end.max(start), props));
        }
    }
    out.sort_by_key(|(s, ..)| *s);
    Ok(out)
}

/// The properties a PAPX in an FKP page sets (its istd skipped).
fn papx_props(page: &[u8], at: usize, data_stream: &[u8]) -> Result<Props, IngestError> {
    let cb = u8_at(page, at, "a paragraph's properties")? as usize;
    let (start, len) = if cb == 0 {
        let cb2 = u8_at(page, at + 1, "a paragraph's properties")? as usize;
        (at + 2, 2 * cb2)
    } else {
        (at + 1, (2 * cb).saturating_sub(1))
    };
    let grpprl = slice(page, start, len, "a paragraph's properties")?;
    Ok(sprms(grpprl.get(2..).unwrap_or(&[]), data_stream))
}

/// Reads a run of sprms (single property modifiers) for what tables need;
/// `data_stream` holds the properties too large for their page
/// (`sprmPHugePapx`: a row of many cells).
fn sprms(data: &[u8], data_stream: &[u8]) -> Props {
    let mut props = Props::default();
    read_sprms(data, data_stream, &mut props, 0);
    if props.in_table && props.depth == 0 {
        props.depth = 1;
    }
    props
}

fn read_sprms(mut data: &[u8], data_stream: &[u8], props: &mut Props, depth: u8) {
    let mut vertical: Vec<(usize, Merge)> = Vec::new();
    while data.len() >= 2 {
        let sprm = u16::from_le_bytes([data[0], data[1]]);
        let rest = &data[2..];
        // The operand's size from the sprm's spra bits.
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => match sprm {
                // sprmTDefTable: a two-byte size, counting itself less one.
                0xD608 => rest.get(..2).map_or(rest.len(), |b| {
                    u16::from_le_bytes([b[0], b[1]]) as usize + 1
                }),
                _ => rest.first().map_or(rest.len(), |b| *b as usize + 1),
            },
        };
        let Some(operand) = rest.get(..size) else {
            break;
        };
        match sprm {
            0x2416 => props.in_table = operand[0] != 0,
            0x2417 => props.row_end = operand[0] != 0,
            // sprmPFInnerTtp: the end of a nested table's row.
            0x244C => props.row_end |= operand[0] != 0,
            0x6649 => {
                props.depth = u32::from_le_bytes([operand[0], operand[1], operand[2], operand[3]])
            }
            0xD608 => props.cells = table_cells(operand.get(2..).unwrap_or(&[])),
            // sprmPHugePapx: the rest of the properties, in the Data stream
            // (a two-byte size, then the sprms). Followed once, not in a loop.
            0x6646 if depth == 0 => {
                let at =
                    u32::from_le_bytes([operand[0], operand[1], operand[2], operand[3]]) as usize;
                if let Ok(size) = u16_at(data_stream, at, "properties") {
                    if let Ok(more) = slice(data_stream, at + 2, size as usize, "properties") {
                        read_sprms(more, data_stream, props, depth + 1);
                    }
                }
            }
            // sprmTVertMerge: cb, itc, vertMerge.
            0xD62B => {
                if let (Some(&itc), Some(&vm)) = (operand.get(1), operand.get(2)) {
                    vertical.push((itc as usize, vertical_merge(vm)));
                }
            }
            _ => {}
        }
        data = &rest[size..];
    }
    for (itc, merge) in vertical {
        if let Some(cell) = props.cells.get_mut(itc) {
            cell.1 = merge;
        }
    }
}

fn vertical_merge(v: u8) -> Merge {
    match v {
        1 => Merge::Continue,
        3 => Merge::Restart,
        _ => Merge::None,
    }
}

/// A TDefTableOperand: the cells' boundaries (itcMac + 1 positions) and each
/// cell's TC80 (its horizontal and vertical merge bits).
fn table_cells(op: &[u8]) -> Vec<(i64, Merge, bool)> {
    let Some(&n) = op.first() else {
        return Vec::new();
    };
    let n = n as usize;
    let edge = |k: usize| {
        op.get(1 + 2 * k..3 + 2 * k)
            .map(|b| i16::from_le_bytes([b[0], b[1]]) as i64)
    };
    let tc = 1 + 2 * (n + 1);
    (0..n)
        .map_while(|k| {
            let right = edge(k + 1)?;
            let flags = op
                .get(tc + 20 * k..tc + 20 * k + 2)
                .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]));
            // horzMerge 2: merged into the cell before; vertMerge in bits 5–6.
            Some((
                right,
                vertical_merge(((flags >> 5) & 0x3) as u8),
                flags & 0x3 == 2,
            ))
        })
        .collect()
}

/// Reads one stream of the container, within the size limit.
fn stream(
    file: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &str,
    limits: &Limits,
) -> Result<Vec<u8>, IngestError> {
    let len = third_party("doc.corrupt", || file.entry(name).map(|e| e.len()))?
        .map_err(|_| corrupt(format!("it has no {name} stream")))?;
    if len > limits.max_unpacked {
        return Err(IngestError::new(
            "doc.too_large",
            format!("the document's {name} stream is {len} bytes, more than --max-unpacked allows: raise it if the file is genuine"),
        ));
    }
    let mut out = Vec::with_capacity(len as usize);
    third_party("doc.corrupt", || {
        file.open_stream(name)
            .and_then(|mut s| s.read_to_end(&mut out))
    })?
    .map_err(|e| corrupt(e))?;
    Ok(out)
}

/// Reads a Word 97–2003 (or WPS) binary document into the document model.
pub fn read_doc(bytes: &[u8], limits: &Limits) -> Result<Document, IngestError> {
    let mut file = third_party("doc.corrupt", || {
        cfb::CompoundFile::open(Cursor::new(bytes))
    })?
    .map_err(|e| corrupt(e))?;
    let word = stream(&mut file, "/WordDocument", limits)?;
    let fib = Fib::parse(&word)?;
    let table = stream(
        &mut file,
        if fib.table_1 { "/1Table" } else { "/0Table" },
        limits,
    )?;
    let pieces = pieces(&table, fib.clx)?;
    let text = main_text(&word, &pieces, fib.ccp_text)?;
    // The Data stream is there only when something needs it.
    let data_stream = stream(&mut file, "/Data", limits).unwrap_or_default();
    let props = paragraph_props(&word, &table, &data_stream, fib.bte_papx)?;
    let props_at = |at: usize| -> Props {
        let k = props.partition_point(|(start, ..)| *start <= at);
        k.checked_sub(1)
            .and_then(|k| props.get(k))
            .filter(|(_, end, _)| at < *end)
            .map(|(.., p)| p.clone())
            .unwrap_or_default()
    };

    let mut body = Body::default();
    // The row being read: each cell's paragraphs, until its end mark gives the cells' edges.
    let mut row: Vec<Vec<String>> = Vec::new();
    let mut cell: Vec<String> = Vec::new();
    // Fields open around the text: true while in a field's code (before its separator).
    let mut fields: Vec<bool> = Vec::new();
    for &(c, at) in &text {
        match c {
            '\u{13}' => {
                fields.push(true);
                continue;
            }
            '\u{14}' => {
                if let Some(top) = fields.last_mut() {
                    *top = false;
                }
                continue;
            }
            '\u{15}' => {
                fields.pop();
                continue;
            }
            _ if fields.iter().any(|code| *code) => continue,
            _ => {}
        }
        match c {
            '\r' | '\u{0C}' | '\u{07}' => {
                let p = if c == '\u{0C}' {
                    Props::default()
                } else {
                    props_at(at)
                };
                let paragraph = std::mem::take(&mut body.text).trim().to_string();
                if p.depth > 1 {
                    // A nested table's cells are read as the outer cell's text.
                    body.text = paragraph + " ";
                    continue;
                }
                if c == '\u{07}' && p.row_end {
                    // The row's end mark: its cells' edges and merges, then the cells.
                    end_row(&mut body, std::mem::take(&mut row), &p.cells);
                } else if c == '\u{07}' {
                    if !paragraph.is_empty() {
                        cell.push(paragraph);
                    }
                    row.push(std::mem::take(&mut cell));
                } else if p.in_table {
                    if !paragraph.is_empty() {
                        cell.push(paragraph);
                    }
                } else {
                    // A body paragraph: any row left open had no end mark.
                    if !row.is_empty() || !cell.is_empty() {
                        end_row(&mut body, std::mem::take(&mut row), &[]);
                        cell.clear();
                    }
                    body.text = paragraph;
                    body.end_paragraph(false);
                }
            }
            '\u{0B}' | '\t' | '\u{A0}' => body.text.push(' '),
            '\u{1E}' => body.text.push('-'),
            // Pictures, drawn objects, note and comment marks, soft hyphens.
            c if (c as u32) < 0x20 || c == '\u{1F}' => {}
            c => body.text.push(c),
        }
    }
    // A row whose end mark the text never reached (a damaged file) keeps its cells.
    if !cell.is_empty() {
        row.push(cell);
    }
    if !row.is_empty() {
        end_row(&mut body, row, &[]);
    }
    Ok(body.finish(
        Format::Doc,
        "the Word document holds no text: nothing to extract",
    ))
}

/// Ends a table row: its cells (each one's paragraphs) with the edges and
/// merges its end mark's table properties give (none known: `&[]`).
fn end_row(body: &mut Body, cells: Vec<Vec<String>>, defs: &[(i64, Merge, bool)]) {
    body.defs = defs
        .iter()
        .map(|(right, merge, joined)| (*merge, *joined, *right))
        .collect();
    for paragraphs in cells {
        body.cell_text = paragraphs;
        body.end_cell();
    }
    body.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sprms_give_table_marks_and_cell_edges() {
        // sprmPFInTable 1, sprmPFTtp 1, sprmTDefTable with two cells (edges 0, 100, 250),
        // the second merged into the first.
        let mut tdef = vec![2u8];
        for e in [0i16, 100, 250] {
            tdef.extend(e.to_le_bytes());
        }
        tdef.extend([0u8; 20]);
        tdef.extend([2u8, 0]);
        tdef.extend([0u8; 18]);
        let mut data = vec![0x16, 0x24, 1, 0x17, 0x24, 1, 0x08, 0xD6];
        data.extend(((tdef.len() + 1) as u16).to_le_bytes());
        data.extend(&tdef);
        let p = sprms(&data, &[]);
        assert!(p.in_table && p.row_end);
        assert_eq!(p.depth, 1);
        assert_eq!(p.cells.len(), 2);
        assert_eq!(p.cells[0].0, 100);
        assert!(p.cells[1].2, "merged into the cell before");
    }

    #[test]
    fn hostile_bytes_never_panic() {
        let limits = Limits::default();
        let mut seed = 0x2545F4914F6CDD1Du64;
        for len in [0usize, 8, 512, 4096] {
            let mut bytes: Vec<u8> = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                bytes.push(seed as u8);
            }
            assert!(read_doc(&bytes, &limits).is_err());
        }
        // Sprm runs of any bytes.
        for n in 0..64u8 {
            let data: Vec<u8> = (0..n).map(|k| k.wrapping_mul(37) ^ n).collect();
            let _ = sprms(&data, &data);
            let _ = table_cells(&data);
        }
    }
}
