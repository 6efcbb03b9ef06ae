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
use jixiao_model::{Document, Format};

use crate::error::IngestError;
use crate::grid::Merge;
use crate::wordbody::Body;

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

/// Reads an RTF document into the document model.
pub fn read_rtf(bytes: &[u8]) -> Result<Document, IngestError> {
    let mut encoding: &'static Encoding = encoding_rs::GBK;
    let mut body = Body::default();
    // Bytes of `\'hh` escapes not yet decoded.
    let mut pending: Vec<u8> = Vec::new();
    // The next `\cellx`'s merge marks (`\clvmgf`, `\clmrg` …).
    let mut pending_def = (Merge::None, false);
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
                flush(&mut pending, &mut body, encoding);
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
                flush(&mut pending, &mut body, encoding);
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
                        flush(&mut pending, &mut body, encoding);
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
                            flush(&mut pending, &mut body, encoding);
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
                            pending_def = (Merge::None, false);
                        }
                        "clvmgf" => pending_def.0 = Merge::Restart,
                        "clvmrg" => pending_def.0 = Merge::Continue,
                        "clmrg" => pending_def.1 = true,
                        "cellx" => {
                            let (merge, joined) = std::mem::take(&mut pending_def);
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
                                pending.push(v);
                            }
                        }
                    }
                    b'*' => starred = true,
                    b'~' if !skipping => body.text.push(' '),
                    b'\\' | b'{' | b'}' if !skipping => {
                        flush(&mut pending, &mut body, encoding);
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
                    flush(&mut pending, &mut body, encoding);
                    // Plain text is ASCII in RTF; anything else is read as the code page.
                    if b.is_ascii() {
                        body.text.push(b as char);
                    } else {
                        pending.push(b);
                    }
                }
                i += 1;
            }
        }
    }
    flush(&mut pending, &mut body, encoding);
    Ok(body.finish(
        Format::Rtf,
        "the RTF document holds no text: nothing to extract",
    ))
}

/// Decodes the `\'hh` bytes read so far into the text.
fn flush(pending: &mut Vec<u8>, body: &mut Body, encoding: &'static Encoding) {
    if !pending.is_empty() {
        let (text, _, _) = encoding.decode(pending);
        body.text.push_str(&text);
        pending.clear();
    }
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
        let texts: Vec<String> = doc.paragraphs().map(|p| p.text.to_string()).collect();
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
