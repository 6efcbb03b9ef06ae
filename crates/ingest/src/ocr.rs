//! OCR (the `ocr` feature): scanned pages and image files read by Tesseract
//! with its `chi_sim` model, and image-only PDF pages rendered by poppler's
//! `pdftoppm` first. Both are the system's programs (one install step, see the
//! README), run as child processes on files in a private temporary folder:
//! nothing is downloaded, and a crash of the engine is a typed error, never a
//! crash of the batch.
//!
//! The recogniser's words become glyphs on the page (each character a share of
//! its word's box, at 72 pt per inch), laid out into lines by the same code as
//! a PDF's text layer; the cells of a form stay apart by their gaps, and the
//! token-stream table reader of extraction reads them as it reads any
//! flattened table. Each line keeps the lowest confidence of a word with a
//! digit on it (`Source::ocr_confidence`), so the checker never calls a
//! misread digit an error.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::pdf::{Glyph1, PageDevice};
use crate::IngestError;

/// Resolution pages are rendered at, and assumed for image files that do not
/// say theirs: a form's smallest print is legible at it.
pub(crate) const DPI: f64 = 200.0;

/// A folder of its own for one input's files, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch, IngestError> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir().join(format!(
            "jixiao-ocr-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).map_err(|e| {
            IngestError::new(
                "ocr.failed",
                format!("cannot make a temporary folder for OCR ({e}); check that the temporary directory is writable"),
            )
        })?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn missing(program: &str, e: &std::io::Error) -> IngestError {
    IngestError::new(
        "ocr.unavailable",
        format!("OCR needs `{program}`, which could not be run ({e}): install it (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils), or run without --ocr"),
    )
}

fn run(program: &str, args: &[&std::ffi::OsStr]) -> Result<Vec<u8>, IngestError> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| missing(program, &e))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        let why = why.lines().last().unwrap_or("").trim().to_string();
        return Err(IngestError::new(
            "ocr.failed",
            format!("`{program}` could not read the image ({why}): the image may be damaged; re-scan or re-export it"),
        ));
    }
    Ok(out.stdout)
}

/// One recognised word: its text, box (pixels) and confidence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word {
    pub(crate) page: u32,
    pub(crate) text: String,
    pub(crate) left: f64,
    pub(crate) top: f64,
    pub(crate) width: f64,
    pub(crate) height: f64,
    pub(crate) confidence: u8,
}

/// Tesseract's TSV (`level page block par line word left top width height
/// conf text`): level 5 rows are words, level 4 rows the lines they are on.
/// A word is placed on its line's box, so the characters of one line share a
/// baseline whatever their own boxes (`市` and `片区` differ by a few pixels).
pub(crate) fn parse_tsv(tsv: &str) -> Vec<Word> {
    use std::collections::HashMap;
    let mut lines: HashMap<[u32; 4], (f64, f64)> = HashMap::new();
    let mut out = Vec::new();
    for row in tsv.lines().skip(1) {
        let f: Vec<&str> = row.split('\t').collect();
        if f.len() < 12 {
            continue;
        }
        let num = |k: usize| f[k].trim().parse::<f64>().ok().filter(|v| v.is_finite());
        let int = |k: usize| f[k].trim().parse::<u32>().ok();
        let (Some(page), Some(block), Some(par), Some(line)) = (int(1), int(2), int(3), int(4))
        else {
            continue;
        };
        let key = [page, block, par, line];
        let (Some(left), Some(top), Some(width), Some(height), Some(conf)) =
            (num(6), num(7), num(8), num(9), num(10))
        else {
            continue;
        };
        if width <= 0.0 || height <= 0.0 {
            continue;
        }
        match f[0] {
            "4" => {
                lines.insert(key, (top, height));
            }
            "5" => {
                let text = f[11].trim();
                if text.is_empty() {
                    continue;
                }
                let (top, height) = lines.get(&key).copied().unwrap_or((top, height));
                out.push(Word {
                    page: page.max(1),
                    text: text.to_string(),
                    left,
                    top,
                    width,
                    height,
                    confidence: conf.clamp(0.0, 100.0) as u8,
                });
            }
            _ => {}
        }
    }
    out
}

/// Recognises an image file (every page of a multi-page TIFF).
fn recognise(image: &Path) -> Result<Vec<Word>, IngestError> {
    let tsv = run(
        "tesseract",
        &[
            image.as_os_str(),
            "stdout".as_ref(),
            "-l".as_ref(),
            "chi_sim".as_ref(),
            "--psm".as_ref(),
            "4".as_ref(),
            "-c".as_ref(),
            "preserve_interword_spaces=1".as_ref(),
            "tsv".as_ref(),
        ],
    )?;
    Ok(parse_tsv(&String::from_utf8_lossy(&tsv)))
}

/// A page's words as glyphs: each character a share of its word's box, with
/// the word's confidence and whether the word holds a digit.
pub(crate) fn page_device(words: &[Word]) -> PageDevice {
    let scale = 72.0 / DPI;
    let mut device = PageDevice::default();
    for (run, w) in words.iter().enumerate() {
        let chars: Vec<char> = w.text.chars().collect();
        let step = w.width / chars.len().max(1) as f64;
        let ocr = Some((w.confidence, chars.iter().any(|c| c.is_ascii_digit())));
        for (k, c) in chars.iter().enumerate() {
            device.glyphs.push(Glyph1 {
                text: c.to_string(),
                x0: (w.left + step * k as f64) * scale,
                x1: (w.left + step * (k + 1) as f64) * scale,
                y: (w.top + w.height) * scale,
                size: w.height * scale,
                run,
                ocr,
            });
        }
        device.runs = run + 1;
    }
    device
}

/// Reads an image file (JPEG, PNG, TIFF …) by OCR into pages of words.
pub(crate) fn image_pages(bytes: &[u8]) -> Result<Vec<Vec<Word>>, IngestError> {
    let scratch = Scratch::new()?;
    let file = scratch.0.join("page.img");
    std::fs::write(&file, bytes).map_err(|e| {
        IngestError::new(
            "ocr.failed",
            format!("cannot write the image for OCR ({e})"),
        )
    })?;
    let words = recognise(&file)?;
    let pages = words.iter().map(|w| w.page).max().unwrap_or(0);
    let mut out: Vec<Vec<Word>> = vec![Vec::new(); pages as usize];
    for w in words {
        if let Some(page) = out.get_mut(w.page as usize - 1) {
            page.push(w);
        }
    }
    Ok(out)
}

/// Renders page `page` (1-based) of a PDF and reads it by OCR.
pub(crate) fn pdf_page(pdf: &Path, page: u32) -> Result<Vec<Word>, IngestError> {
    let scratch = Scratch::new()?;
    let prefix = scratch.0.join("page");
    let n = page.to_string();
    let dpi = (DPI as u32).to_string();
    run(
        "pdftoppm",
        &[
            "-r".as_ref(),
            dpi.as_ref(),
            "-gray".as_ref(),
            "-png".as_ref(),
            "-singlefile".as_ref(),
            "-f".as_ref(),
            n.as_ref(),
            "-l".as_ref(),
            n.as_ref(),
            pdf.as_os_str(),
            prefix.as_os_str(),
        ],
    )?;
    let words = recognise(&scratch.0.join("page.png"))?;
    Ok(words.into_iter().map(|w| Word { page, ..w }).collect())
}

/// The PDF's bytes in a file of their own, for `pdftoppm`.
pub(crate) struct PdfFile {
    _scratch: Scratch,
    pub(crate) path: PathBuf,
}

pub(crate) fn pdf_file(bytes: &[u8]) -> Result<PdfFile, IngestError> {
    let scratch = Scratch::new()?;
    let path = scratch.0.join("input.pdf");
    std::fs::write(&path, bytes).map_err(|e| {
        IngestError::new("ocr.failed", format!("cannot write the PDF for OCR ({e})"))
    })?;
    Ok(PdfFile {
        _scratch: scratch,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_from_tsv() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   4\t1\t1\t1\t1\t0\t10\t20\t300\t30\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t10\t22\t60\t26\t96.5\t执行率\n\
                   5\t1\t1\t1\t1\t2\t90\t20\t80\t30\t71.2\t97.56%\n\
                   5\t1\t1\t1\t1\t3\t190\t20\t0\t30\t90\tx\n\
                   5\t2\t1\t1\t1\t1\tNaN\t20\t80\t30\t90\tbad\n";
        let words = parse_tsv(tsv);
        assert_eq!(words.len(), 2);
        assert_eq!(words[0].text, "执行率");
        assert_eq!(words[1].confidence, 71);
        // Both words sit on their line's box.
        assert_eq!((words[0].top, words[0].height), (20.0, 30.0));
        let device = page_device(&words);
        // Three glyphs for 执行率, six for 97.56%, all of which carry the number's confidence.
        assert_eq!(device.glyphs.len(), 9);
        let ocr: Vec<Option<(u8, bool)>> = device.glyphs.iter().map(|g| g.ocr).collect();
        assert_eq!(ocr[..3], [Some((96, false)); 3]);
        assert!(ocr[3..].iter().all(|c| *c == Some((71, true))));
        assert!((device.glyphs[0].x0 - 10.0 * 72.0 / DPI).abs() < 1e-9);
    }
}
