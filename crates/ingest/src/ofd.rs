//! OFD (GB/T 33190, the national fixed-layout format): a ZIP of XML pages with
//! positioned text. Each page's `TextObject`s give glyphs (the `TextCode`'s
//! `X`/`Y` and its `DeltaX` advances, `g n d` repeats expanded) and its
//! `PathObject`s give the ruled lines of tables; the page is then laid out by
//! the PDF reader's own page layout (lines by baseline, ruled tables with
//! merged cells, furniture), so both fixed-layout formats read alike.
//! Provenance: page and line, as for PDF.

use std::io::Cursor;

use jixiao_model::{Document, Format};
use quick_xml::events::Event;
use quick_xml::Reader;

use crate::error::IngestError;
use crate::package::{attr, read_part};
use crate::pdf::{assemble, lay_out_page, pages_beyond, Glyph1, PageDevice, Rule};

/// OFD measures in millimetres; the page layout thinks in points.
const PT_PER_MM: f64 = 72.0 / 25.4;
/// Glyphs one `TextCode` may place (a hostile `g` repeat asks for billions).
const MAX_GLYPHS_PER_CODE: usize = 100_000;

fn corrupt(what: impl std::fmt::Display) -> IngestError {
    IngestError::new(
        "ofd.corrupt",
        format!("the OFD file cannot be read ({what}): it is damaged or not an OFD — re-download it, or export it again from the OFD reader"),
    )
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// The text of the first element with this local name.
fn first_text(xml: &str, element: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut inside = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if local(e.name().as_ref()) == element => inside = true,
            Event::Text(t) if inside => return Some(t.xml10_content().trim().to_string()),
            Event::End(e) if local(e.name().as_ref()) == element => inside = false,
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Numbers in an attribute: `"10 20.5 30"`.
fn numbers(text: &str) -> Vec<f64> {
    text.split_whitespace()
        .filter_map(|t| t.parse::<f64>().ok())
        .filter(|v| v.is_finite())
        .collect()
}

/// `DeltaX` advances with `g n d` (n times d) expanded, at most `limit` of them.
fn deltas(text: &str, limit: usize) -> Vec<f64> {
    let mut out = Vec::new();
    let mut tokens = text.split_whitespace();
    while let Some(t) = tokens.next() {
        if out.len() >= limit {
            break;
        }
        if t == "g" {
            let n = tokens
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0);
            let d = tokens
                .next()
                .and_then(|d| d.parse::<f64>().ok())
                .unwrap_or(0.0);
            for _ in 0..n.min(limit - out.len()) {
                out.push(d);
            }
        } else if let Ok(d) = t.parse::<f64>() {
            out.push(d);
        }
    }
    out
}

/// A `TextCode` being read: where its next glyph goes (mm, object-relative),
/// its baseline, its advances and how many glyphs it placed so far.
struct Code {
    at: f64,
    y: f64,
    deltas: Vec<f64>,
    placed: usize,
}

/// Places a piece of a text code's text, glyph by glyph, along its advances.
fn place(
    device: &mut PageDevice,
    object: Option<(f64, f64, f64)>,
    code: &mut Option<Code>,
    text: &str,
) {
    let (Some((ox, oy, size)), Some(code)) = (object, code.as_mut()) else {
        return;
    };
    for ch in text.chars() {
        if code.placed >= MAX_GLYPHS_PER_CODE {
            return;
        }
        let advance = code.deltas.get(code.placed).copied().unwrap_or(size);
        device.glyphs.push(Glyph1 {
            text: ch.to_string(),
            x0: (ox + code.at) * PT_PER_MM,
            x1: (ox + code.at + advance.min(size)) * PT_PER_MM,
            y: (oy + code.y) * PT_PER_MM,
            size: size * PT_PER_MM,
            run: device.runs,
            ocr: None,
        });
        code.at += advance;
        code.placed += 1;
    }
}

/// The glyphs and rules one page's content XML draws.
fn page_device(xml: &str) -> Result<PageDevice, IngestError> {
    let mut device = PageDevice::default();
    let mut reader = Reader::from_str(xml);
    // The text object being read: its origin and font size (mm).
    let mut object: Option<(f64, f64, f64)> = None;
    // The text code being read.
    let mut code: Option<Code> = None;
    // The path object being read (its origin, mm) and whether inside its data.
    let mut path: Option<(f64, f64)> = None;
    let mut in_path_data = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| corrupt(format!("page content: {e}")))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => match local(e.name().as_ref()) {
                "TextObject" => {
                    let b = attr(e, "Boundary").map(|b| numbers(&b)).unwrap_or_default();
                    let size = attr(e, "Size")
                        .and_then(|s| s.parse::<f64>().ok())
                        .filter(|s| s.is_finite() && *s > 0.0)
                        .unwrap_or(3.5);
                    object = Some((
                        b.first().copied().unwrap_or(0.0),
                        b.get(1).copied().unwrap_or(0.0),
                        size,
                    ));
                    device.runs += 1;
                }
                "TextCode" => {
                    let x = attr(e, "X").and_then(|v| v.parse().ok()).unwrap_or(0.0);
                    let y = attr(e, "Y").and_then(|v| v.parse().ok()).unwrap_or(0.0);
                    let d = attr(e, "DeltaX")
                        .map(|d| deltas(&d, MAX_GLYPHS_PER_CODE))
                        .unwrap_or_default();
                    code = Some(Code {
                        at: x,
                        y,
                        deltas: d,
                        placed: 0,
                    });
                }
                "PathObject" => {
                    let b = attr(e, "Boundary").map(|b| numbers(&b)).unwrap_or_default();
                    path = Some((
                        b.first().copied().unwrap_or(0.0),
                        b.get(1).copied().unwrap_or(0.0),
                    ));
                }
                "AbbreviatedData" => in_path_data = true,
                _ => {}
            },
            Event::Text(t) if in_path_data => {
                if let Some((ox, oy)) = path {
                    device.rules.extend(rules_of(&t.xml10_content(), ox, oy));
                }
            }
            // Text comes in pieces around references (`&lt;`): each piece goes on
            // where the one before it ended.
            Event::Text(t) => place(&mut device, object, &mut code, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => quick_xml::escape::resolve_xml_entity(&r)
                        .unwrap_or("")
                        .to_string(),
                };
                place(&mut device, object, &mut code, &text);
            }
            Event::End(e) => match local(e.name().as_ref()) {
                "TextCode" => code = None,
                "TextObject" => object = None,
                "PathObject" => path = None,
                "AbbreviatedData" => in_path_data = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(device)
}

/// The horizontal and vertical segments of a path (`M x y L x y …`), placed at
/// its boundary's origin.
fn rules_of(data: &str, ox: f64, oy: f64) -> Vec<Rule> {
    let mut out = Vec::new();
    let mut tokens = data.split_whitespace().peekable();
    let mut at: Option<(f64, f64)> = None;
    let mut start: Option<(f64, f64)> = None;
    let next_point = |tokens: &mut std::iter::Peekable<std::str::SplitWhitespace>| {
        let x = tokens.next()?.parse::<f64>().ok()?;
        let y = tokens.next()?.parse::<f64>().ok()?;
        Some((x, y))
    };
    while let Some(op) = tokens.next() {
        match op {
            "M" | "S" => {
                at = next_point(&mut tokens);
                start = at;
            }
            "L" => {
                let Some(to) = next_point(&mut tokens) else {
                    break;
                };
                if let Some(from) = at {
                    out.extend(segment(from, to, ox, oy));
                }
                at = Some(to);
            }
            "Q" => {
                let (_, end) = (next_point(&mut tokens), next_point(&mut tokens));
                at = end;
            }
            "B" => {
                for _ in 0..3 {
                    at = next_point(&mut tokens);
                }
            }
            "A" => {
                for _ in 0..5 {
                    tokens.next();
                }
                at = next_point(&mut tokens);
            }
            // Close the subpath.
            "C" => {
                if let (Some(from), Some(to)) = (at, start) {
                    out.extend(segment(from, to, ox, oy));
                }
                at = start;
            }
            _ => {}
        }
    }
    out
}

fn segment(from: (f64, f64), to: (f64, f64), ox: f64, oy: f64) -> Option<Rule> {
    let (x0, y0) = ((ox + from.0) * PT_PER_MM, (oy + from.1) * PT_PER_MM);
    let (x1, y1) = ((ox + to.0) * PT_PER_MM, (oy + to.1) * PT_PER_MM);
    if (y0 - y1).abs() < 0.5 && (x0 - x1).abs() > 2.0 {
        Some(Rule {
            horizontal: true,
            at: y0,
            from: x0.min(x1),
            to: x0.max(x1),
        })
    } else if (x0 - x1).abs() < 0.5 && (y0 - y1).abs() > 2.0 {
        Some(Rule {
            horizontal: false,
            at: x0,
            from: y0.min(y1),
            to: y0.max(y1),
        })
    } else {
        None
    }
}

/// The page content files of a document, in page order.
fn page_locations(document_xml: &str, base: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut reader = Reader::from_str(document_xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(ref e)) | Ok(Event::Empty(ref e)) => {
                if local(e.name().as_ref()) == "Page" {
                    if let Some(loc) = attr(e, "BaseLoc") {
                        let loc = loc.trim_start_matches('/');
                        out.push(if loc.starts_with(base) || base.is_empty() {
                            loc.to_string()
                        } else {
                            format!("{base}/{loc}")
                        });
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// Reads an OFD package into the document model.
pub fn read_ofd(bytes: &[u8], limits: &crate::Limits) -> Result<Document, IngestError> {
    crate::package::check_unpacked_size(bytes, limits, "ofd")?;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    let root = read_part(&mut archive, "OFD.xml", limits, corrupt)?
        .ok_or_else(|| corrupt("no OFD.xml"))?;
    let doc_root =
        first_text(&root, "DocRoot").ok_or_else(|| corrupt("OFD.xml names no DocRoot"))?;
    let doc_root = doc_root.trim_start_matches('/').to_string();
    let document = read_part(&mut archive, &doc_root, limits, corrupt)?
        .ok_or_else(|| corrupt(format!("no {doc_root}")))?;
    let base = doc_root
        .rsplit_once('/')
        .map_or("", |(dir, _)| dir)
        .to_string();
    let pages = page_locations(&document, &base);
    if pages.is_empty() {
        return Err(corrupt("the document lists no page"));
    }
    let mut items = Vec::new();
    let mut glyphs = 0usize;
    for (k, loc) in pages.iter().enumerate().take(limits.max_pages) {
        let Some(xml) = read_part(&mut archive, loc, limits, corrupt)? else {
            return Err(corrupt(format!("page {} ({loc}) is missing", k + 1)));
        };
        let device = page_device(&xml)?;
        glyphs += device.glyphs.len();
        items.extend(lay_out_page(device, k as u32 + 1));
    }
    if glyphs == 0 {
        return Err(IngestError::new(
            "ofd.no_text_layer",
            "the OFD file holds no text (scanned pages as images); run OCR on it first and pass the result",
        ));
    }
    let warnings = pages_beyond("the OFD file", pages.len(), limits.max_pages)
        .into_iter()
        .collect();
    let read = pages.len().min(limits.max_pages) as u32;
    Ok(assemble(items, read, warnings, Format::Ofd))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deltas_expand_repeats_within_bounds() {
        assert_eq!(deltas("g 3 2.5 1", 10), vec![2.5, 2.5, 2.5, 1.0]);
        assert_eq!(deltas("g 4000000000 1", 5).len(), 5);
    }

    #[test]
    fn a_page_is_laid_out_into_lines() {
        let xml = r#"<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>
<ofd:TextObject ID="1" Boundary="20 30 100 6" Font="1" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 3 4">预算数</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="2" Boundary="60 30 40 6" Font="1" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="2 2 2">100</ofd:TextCode></ofd:TextObject>
<ofd:TextObject ID="3" Boundary="20 40 100 6" Font="1" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 3 4">执行数</ofd:TextCode></ofd:TextObject>
</ofd:Layer></ofd:Content></ofd:Page>"#;
        let device = page_device(xml).expect("reads");
        assert_eq!(device.glyphs.len(), 9);
        let items = lay_out_page(device, 1);
        assert_eq!(items.len(), 2, "two lines");
    }
}
