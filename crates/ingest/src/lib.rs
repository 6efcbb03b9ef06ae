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
mod doc;
mod docx;
mod dom;
mod error;
mod grid;
mod html;
mod layout;
#[cfg(feature = "ocr")]
mod ocr;
mod ofd;
mod package;
mod pdf;
mod rtf;
mod text;
mod wordbody;
mod xlsx;

pub use clean::{clean_inline, display_width, fold_char, is_cjk};
pub use decode::decode_text;
pub use detect::detect_format;
pub use error::IngestError;

use jixiao_model::{Document, Format};

/// Bounds on what one input may make the readers do. Hostile or broken files
/// meet these long before they exhaust memory or time; each bound names the
/// flag that raises it in its error.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest input read, in bytes (`--max-bytes`).
    pub max_bytes: u64,
    /// Pages read from a PDF (`--max-pages`); the rest are skipped with a warning.
    pub max_pages: usize,
    /// Largest total a workbook may unpack to, in bytes (`--max-unpacked`).
    pub max_unpacked: u64,
    /// Largest ratio of unpacked to packed size of a workbook (`--max-ratio`).
    pub max_ratio: u64,
    /// Deepest element nesting of an HTML page (`--max-depth`).
    pub max_depth: usize,
    /// Read image files and image-only PDF pages by OCR (`--ocr`; needs the
    /// `ocr` feature, see [`OCR_BUILT_IN`]).
    pub ocr: bool,
}

/// True when this build reads scans (the `ocr` cargo feature).
pub const OCR_BUILT_IN: bool = cfg!(feature = "ocr");

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: 512 << 20,
            max_pages: 5000,
            max_unpacked: 1 << 30,
            max_ratio: 200,
            max_depth: 10_000,
            ocr: false,
        }
    }
}

/// Reads one input into the document model under the default [`Limits`].
pub fn read(bytes: &[u8]) -> Result<Document, IngestError> {
    read_with(bytes, &Limits::default())
}

/// Reads one input into the document model.
///
/// `bytes` is the whole file, borrowed or given (a reader that can let go of
/// the bytes early does). A file that cannot be read fails with a typed error
/// naming what to do, so a batch records it and goes on.
pub fn read_with<'a>(
    bytes: impl Into<std::borrow::Cow<'a, [u8]>>,
    limits: &Limits,
) -> Result<Document, IngestError> {
    let owned = bytes.into();
    let bytes: &[u8] = &owned;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(IngestError::new(
            "input.too_large",
            format!("the file is {} MB, more than the {} MB limit; raise --max-bytes if it really is one report", bytes.len() >> 20, limits.max_bytes >> 20),
        ));
    }
    if bytes.is_empty() {
        return Err(IngestError::new(
            "input.empty",
            "the file is empty: nothing to read; check that the download or copy completed",
        ));
    }
    // An OLE2 container's directory is read once: one that names no Word,
    // Excel or encrypted Office stream was cut short or damaged, and which
    // program made it cannot be told.
    let format = match detect::ole2(bytes) {
        Some(detect::Ole2::Unknown) => {
            return Err(IngestError::new(
                "ole.corrupt",
                "the file is a Word or Excel 97–2003 container whose directory cannot be read: it is truncated or damaged — re-download it, or re-save it from the program that made it",
            ))
        }
        Some(detect::Ole2::Word) => Format::Doc,
        Some(detect::Ole2::Workbook) => Format::Xlsx,
        None => detect_format(bytes),
    };
    match format {
        Format::Txt | Format::Md if looks_binary(bytes) => Err(IngestError::new(
            "input.unrecognized",
            "the file is not a PDF, Word document, workbook, web page or text: its bytes look binary (a damaged download, or another kind of file); check what it is",
        )),
        Format::Txt | Format::Md => {
            let (text, warnings) = decode_text(bytes)?;
            let mut doc = text::read_text(&text, format);
            doc.warnings.extend(warnings);
            Ok(doc)
        }
        // Each reader guards its calls into other projects' parsers (see
        // `third_party`); a panic anywhere else is jixiao's bug.
        Format::Pdf => pdf::read_pdf(bytes, limits),
        Format::Xlsx => xlsx::read_workbook(bytes, limits),
        Format::Html => html::read_html(owned, limits.max_depth),
        Format::Docx => docx::read_docx(bytes, limits),
        Format::Rtf => rtf::read_rtf(bytes),
        Format::Doc => doc::read_doc(bytes, limits),
        Format::Ofd => ofd::read_ofd(bytes, limits),
        #[cfg(feature = "ocr")]
        Format::Image if limits.ocr => read_image(bytes, limits),
        Format::Image => Err(image_needs_ocr()),
    }
}

fn image_needs_ocr() -> IngestError {
    IngestError::new(
        "image.needs_ocr",
        "the file is an image (a scan or a photo of the report): run again with --ocr (in a jixiao built with the `ocr` feature, see the README), or OCR it yourself and give jixiao the text",
    )
}

/// An image file read by OCR, page by page (a multi-page TIFF has several).
#[cfg(feature = "ocr")]
fn read_image(bytes: &[u8], limits: &Limits) -> Result<Document, IngestError> {
    let pages = ocr::image_pages(bytes)?;
    let mut items = Vec::new();
    let warnings = pdf::pages_beyond("the image", pages.len(), limits.max_pages)
        .into_iter()
        .collect();
    let read = pages.len().min(limits.max_pages);
    for (k, page) in pages.iter().take(read).enumerate() {
        items.extend(pdf::lay_out_page(ocr::page_device(page), k as u32 + 1));
    }
    if items.is_empty() {
        return Err(IngestError::new(
            "ocr.no_text",
            "OCR found no text in the image: check that it is a page of the report, upright and legible",
        ));
    }
    Ok(pdf::assemble(items, read as u32, warnings, Format::Image))
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

/// Runs a call into another project's parser, turning a panic inside it into
/// `<code>` (a damaged file of that format), not a crash of the batch. Only
/// the parser call is guarded: a panic in jixiao's own reading code is
/// jixiao's bug and surfaces as `internal.panic`.
pub(crate) fn third_party<T>(
    code: &'static str,
    call: impl FnOnce() -> T,
) -> Result<T, IngestError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(call)).map_err(|_| {
        let format = code.split('.').next().unwrap_or(code).to_uppercase();
        IngestError::new(
            code,
            format!("the {format} parser failed on this file: it is damaged or malformed — re-download it, or re-save it from the program that made it"),
        )
    })
}
