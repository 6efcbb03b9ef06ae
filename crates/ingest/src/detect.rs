//! Format detection from the first bytes of a file.

use jixiao_model::Format;

/// Detects the format from content: magic numbers for binary formats, markup for
/// HTML, pipe tables or `#` headings for markdown, and text otherwise.
pub fn detect_format(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Format::Pdf;
    }
    if is_image(bytes) {
        return Format::Image;
    }
    // RTF, whatever the name says (Word saves it as .doc when asked to).
    if bytes.starts_with(b"{\\rtf") || bytes.starts_with(b"\xEF\xBB\xBF{\\rtf") {
        return Format::Rtf;
    }
    // ZIP containers: a Word document holds word/document.xml (its name is
    // stored plainly in the archive's directory); otherwise a workbook (xlsx,
    // ods). OLE2 containers are Word 97–2003 documents (a WordDocument stream) or workbooks (xls).
    if bytes.starts_with(b"PK\x03\x04") {
        return if find(bytes, b"word/document.xml").is_some() {
            Format::Docx
        } else if find(bytes, b"OFD.xml").is_some() {
            Format::Ofd
        } else {
            Format::Xlsx
        };
    }
    match ole2(bytes) {
        Some(Ole2::Word) => return Format::Doc,
        Some(_) => return Format::Xlsx,
        None => {}
    }
    let sniff: String = match crate::decode::decode_text(&bytes[..bytes.len().min(4096)]) {
        Ok((text, _)) => text.to_ascii_lowercase(),
        Err(_) => return Format::Txt,
    };
    let trimmed = sniff.trim_start();
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || sniff.contains("<html")
        || (sniff.contains("<table") && sniff.contains("</t"))
        || sniff.contains("<body")
    {
        return Format::Html;
    }
    let markdown_lines = sniff
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            t.starts_with("# ")
                || t.starts_with("## ")
                || t.starts_with("|--")
                || t.starts_with("| --")
                || t.starts_with("|:-")
        })
        .count();
    if markdown_lines >= 1 {
        Format::Md
    } else {
        Format::Txt
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_formats_by_magic_number() {
        assert_eq!(detect_format(b"%PDF-1.7\n..."), Format::Pdf);
        assert_eq!(detect_format(b"PK\x03\x04rest"), Format::Xlsx);
        assert_eq!(
            detect_format(b"PK\x03\x04..word/document.xml.."),
            Format::Docx
        );
    }

    #[test]
    fn html_and_markdown_by_markup() {
        assert_eq!(
            detect_format("<!DOCTYPE html><html><body>绩效</body></html>".as_bytes()),
            Format::Html
        );
        assert_eq!(detect_format("# 标题\n\n正文".as_bytes()), Format::Md);
        assert_eq!(detect_format("一、基本情况\n正文".as_bytes()), Format::Txt);
    }
}

/// JPEG, PNG, TIFF, GIF, BMP and WebP by their magic numbers.
fn is_image(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
        || bytes.starts_with(b"GIF87a")
        || bytes.starts_with(b"GIF89a")
        || (bytes.starts_with(b"BM") && bytes.len() > 26 && bytes[6..10] == [0, 0, 0, 0])
        || (bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
}

/// What an OLE2 (Compound File) container's directory names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ole2 {
    /// A `WordDocument` stream: Word 97–2003 and WPS.
    Word,
    /// A workbook (`Workbook`, `Book`) or an encrypted Office package, which
    /// the workbook reader reports.
    Workbook,
    /// Nothing known: the container was cut short or damaged.
    Unknown,
}

/// The kind of OLE2 container the bytes are, if they are one (the directory's
/// names are stored in UTF-16, each ended by a zero character).
pub(crate) fn ole2(bytes: &[u8]) -> Option<Ole2> {
    if !bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return None;
    }
    let names = |name: &str| {
        let utf16: Vec<u8> = name
            .encode_utf16()
            .chain([0])
            .flat_map(u16::to_le_bytes)
            .collect();
        bytes.windows(utf16.len()).any(|w| w == utf16.as_slice())
    };
    Some(if names("WordDocument") {
        Ole2::Word
    } else if ["Workbook", "Book", "EncryptedPackage"]
        .iter()
        .any(|n| names(n))
    {
        Ole2::Workbook
    } else {
        Ole2::Unknown
    })
}
