//! Readers: input bytes in, [`Document`] out, nothing about reports.
//!
//! The format is detected from the bytes, never from the file name, because
//! archives are full of `.xls` files that are HTML and `.pdf` files that are not.
//! Each format has one module; all of them produce the same document model, so
//! the stages after this one never branch on the format.
//!
//! Key design decision: readers recover *structure* (lines, paragraphs, tables,
//! page breaks) but never *meaning*; which table is a score table, and how its
//! merged parent cells should be repaired, is extraction's job.
#![deny(missing_docs)]

mod clean;
mod decode;
mod detect;
mod error;
mod grid;
mod html;
mod layout;
mod pdf;
mod text;
mod xlsx;

pub use clean::{clean_inline, display_width, fold_char, is_cjk};
pub use decode::decode_text;
pub use detect::detect_format;
pub use error::IngestError;

use jixiao_model::{Document, Format};

/// Reads one input into the document model.
///
/// `bytes` is the whole file. Formats without a reader yet fail with a typed
/// error naming what to do, so a batch records them and goes on.
pub fn read(bytes: &[u8]) -> Result<Document, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::new(
            "input.empty",
            "the file is empty: nothing to read; check that the download or copy completed",
        ));
    }
    let format = detect_format(bytes);
    match format {
        Format::Txt | Format::Md if looks_binary(bytes) => Err(IngestError::new(
            "input.unrecognized",
            "the file is not a PDF, workbook, web page or text: its bytes look binary (a damaged download, or another kind of file); check what it is",
        )),
        Format::Txt | Format::Md => {
            let (text, warnings) = decode_text(bytes)?;
            let mut doc = text::read_text(&text, format);
            doc.warnings.extend(warnings);
            Ok(doc)
        }
        Format::Pdf => pdf::read_pdf(bytes),
        Format::Xlsx => xlsx::read_workbook(bytes),
        Format::Html => html::read_html(bytes),
    }
}

/// Text has almost no control bytes; a binary file of unknown kind has many.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    // UTF-16 text is full of zero bytes; it is decoded, not refused.
    if encoding_rs::Encoding::for_bom(head).is_some()
        || head.iter().step_by(2).filter(|b| **b == 0).count() * 4 > head.len()
        || head.iter().skip(1).step_by(2).filter(|b| **b == 0).count() * 4 > head.len()
    {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 20 > head.len()
}
