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
use std::sync::{Mutex, OnceLock};

mod ppocr;

use crate::pdf::{Glyph1, PageDevice, Rule};
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
    let mut keys: Vec<[u32; 4]> = Vec::new();
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
                keys.push(key);
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
    // Tesseract sometimes boxes a word far wider than it is (`按照` 303 px where
    // it is 75, over the three words after it); its reading order is right. A
    // word ends where the next on its line begins, and no word is wider than
    // its characters set square at the line's height.
    for i in 0..out.len() {
        let next_left = (keys.get(i + 1) == keys.get(i))
            .then(|| out.get(i + 1).map(|n| n.left))
            .flatten();
        let w = &mut out[i];
        let square = w.height * w.text.chars().count() as f64;
        let mut width = w.width.min(square.max(1.0));
        if let Some(next) = next_left.filter(|n| *n > w.left) {
            width = width.min(next - w.left);
        }
        w.width = width;
    }
    out
}

/// A grey page: one byte a pixel (0 black, 255 white), row by row.
struct Gray {
    width: usize,
    height: usize,
    pixels: Vec<u8>,
}

/// Below this a pixel is ink.
const INK: u8 = 128;

/// A run of ink this long (0.3 inch at 200 dpi) is a ruling line, not a stroke:
/// the longest stroke of a character at a form's print sizes is far shorter.
const RULE_RUN: usize = 60;

impl Gray {
    /// A binary PGM (`P5`, 8-bit), as `pdftoppm -gray` writes it.
    fn from_pgm(bytes: &[u8]) -> Option<Gray> {
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes.get(at)?.is_ascii_whitespace() {
                at += 1;
            }
            if bytes[at] == b'#' {
                while *bytes.get(at)? != b'\n' {
                    at += 1;
                }
                continue;
            }
            let start = at;
            while !bytes.get(at)?.is_ascii_whitespace() {
                at += 1;
            }
            fields.push(std::str::from_utf8(&bytes[start..at]).ok()?);
        }
        let [magic, w, h, max] = fields[..] else {
            return None;
        };
        let (width, height): (usize, usize) = (w.parse().ok()?, h.parse().ok()?);
        if magic != "P5" || max != "255" {
            return None;
        }
        let pixels = bytes
            .get(at + 1..at + 1 + width.checked_mul(height)?)?
            .to_vec();
        Some(Gray {
            width,
            height,
            pixels,
        })
    }

    fn to_pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.pixels);
        out
    }

    /// A form's ruling lines made white, so that the recogniser reads the
    /// cells' words and not the rules between them (`|`, `“`, words cut in two).
    /// A pixel is cleared where it lies on a run of ink at least [`RULE_RUN`]
    /// long across or down; runs are found on ink thickened by a pixel across
    /// the run, so that a line drawn a degree or two askew is still one run.
    /// Returns the rules found (straightened, in pixels) for the page's
    /// table layout, and the page's skew.
    fn clear_rules(&mut self) -> (Vec<Rule>, f64) {
        let (w, h) = (self.width, self.height);
        let ink: Vec<bool> = self.pixels.iter().map(|&p| p < INK).collect();
        let mut clear = vec![false; ink.len()];
        // Runs found: (across?, line, from, to), to be joined into rules.
        let mut runs: Vec<(bool, usize, usize, usize)> = Vec::new();
        let at = |x: usize, y: usize| y * w + x;
        // Across: rows; down: columns. `thick(i, j)` is ink at run position i of
        // line j or its neighbours.
        for (across, lines, len, index) in [
            (
                true,
                h,
                w,
                &(|i: usize, j: usize| at(i, j)) as &dyn Fn(usize, usize) -> usize,
            ),
            (
                false,
                w,
                h,
                &(|i: usize, j: usize| at(j, i)) as &dyn Fn(usize, usize) -> usize,
            ),
        ] {
            for j in 0..lines {
                let thick = |i: usize| {
                    (j.saturating_sub(1)..=(j + 1).min(lines - 1)).any(|k| ink[index(i, k)])
                };
                let mut i = 0;
                while i < len {
                    if !thick(i) {
                        i += 1;
                        continue;
                    }
                    let start = i;
                    while i < len && thick(i) {
                        i += 1;
                    }
                    if i - start >= RULE_RUN {
                        for k in start..i {
                            clear[index(k, j)] |= ink[index(k, j)];
                        }
                        runs.push((across, j, start, i));
                    }
                }
            }
        }
        for (p, c) in self.pixels.iter_mut().zip(clear) {
            if c {
                *p = 255;
            }
        }
        join_runs(runs)
    }
}

/// The runs of one ruling line (a few pixels thick, perhaps askew: its runs
/// step from line to line) joined into one rule; and the page's skew, the
/// slope its long horizontal rules share (down per pixel across). The rules
/// come straightened: at their position had the page been scanned upright
/// (see [`straighten`]).
fn join_runs(mut runs: Vec<(bool, usize, usize, usize)>) -> (Vec<Rule>, f64) {
    // A run joins a rule whose last run is at most this many lines away and
    // touches it end to end, or overlaps it.
    const NEAR: usize = 3;
    runs.sort_by_key(|&(across, line, from, _)| (!across, line, from));
    struct Joined {
        across: bool,
        last: usize,
        from: usize,
        to: usize,
        // The runs joined (line, from, to), for the rule's slant.
        runs: Vec<(usize, usize, usize)>,
        // Sums for the rule's middle, weighted by length.
        n: f64,
        sx: f64,
        sy: f64,
    }
    let mut open: Vec<Joined> = Vec::new();
    for (across, line, from, to) in runs {
        let (w, x, y) = ((to - from) as f64, (from + to) as f64 / 2.0, line as f64);
        let joined = open.iter_mut().rev().find(|r| {
            r.across == across
                && line <= r.last + NEAR
                && from <= r.to + NEAR
                && r.from <= to + NEAR
        });
        let r = match joined {
            Some(r) => r,
            None => {
                open.push(Joined {
                    across,
                    last: line,
                    from,
                    to,
                    runs: Vec::new(),
                    n: 0.0,
                    sx: 0.0,
                    sy: 0.0,
                });
                let Some(r) = open.last_mut() else { continue };
                r
            }
        };
        r.last = line;
        r.runs.push((line, from, to));
        r.from = r.from.min(from);
        r.to = r.to.max(to);
        r.n += w;
        r.sx += w * x;
        r.sy += w * y;
    }
    // The skew: the length-weighted slope of the long horizontal rules, each
    // from the mean line of its runs at a quarter and at three quarters of
    // its length. (A least-squares fit through the runs' midpoints fails on a
    // rule drawn level: every line of its thickness holds a run of the whole
    // length, all with one midpoint, and the fit's slope is noise.)
    let (mut weight, mut sum) = (0.0, 0.0);
    for r in open
        .iter()
        .filter(|r| r.across && r.to - r.from >= 8 * RULE_RUN)
    {
        let len = r.to - r.from;
        let (a, b) = (r.from + len / 4, r.to - len / 4);
        let line_at = |x: usize| {
            let over: Vec<f64> = r
                .runs
                .iter()
                .filter(|&&(_, from, to)| from <= x && x < to)
                .map(|&(line, _, _)| line as f64)
                .collect();
            (!over.is_empty()).then(|| over.iter().sum::<f64>() / over.len() as f64)
        };
        if let (Some(ya), Some(yb)) = (line_at(a), line_at(b)) {
            weight += len as f64;
            sum += (yb - ya) / (b - a) as f64 * len as f64;
        }
    }
    let skew = if weight > 0.0 {
        (sum / weight).clamp(-0.1, 0.1)
    } else {
        0.0
    };
    let rules = open
        .iter()
        .map(|r| {
            let (mid, at) = (r.sx / r.n, r.sy / r.n);
            // A point (along, at) of the rule, straightened.
            let (p, q) = if r.across { (mid, at) } else { (at, mid) };
            let (sp, sq) = straighten(p, q, skew);
            let shift = if r.across { skew * at } else { -skew * at };
            Rule {
                horizontal: r.across,
                at: if r.across { sq } else { sp },
                from: r.from as f64 + shift,
                to: r.to as f64 + shift,
            }
        })
        .collect();
    (rules, skew)
}

/// A point of a page scanned `skew` askew (down per pixel across), where it
/// would be had the page been upright: a rotation by so small an angle is a
/// shear, `x + skew·y` across and `y − skew·x` down.
fn straighten(x: f64, y: f64, skew: f64) -> (f64, f64) {
    (x + skew * y, y - skew * x)
}

/// Tesseract's words on an image file (every page of a multi-page TIFF).
fn tesseract(image: &Path) -> Result<Vec<Word>, IngestError> {
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

/// The recogniser: PP-OCR where its files are installed (see [`ppocr::folder`];
/// `JIXIAO_OCR_ENGINE=tesseract` chooses Tesseract), else Tesseract.
enum Engine {
    PpOcr(Mutex<ppocr::PpOcr>),
    Tesseract,
}

fn engine() -> Result<&'static Engine, IngestError> {
    static ENGINE: OnceLock<Result<Engine, String>> = OnceLock::new();
    let chosen = ENGINE.get_or_init(|| {
        if std::env::var("JIXIAO_OCR_ENGINE").is_ok_and(|e| e == "tesseract") {
            return Ok(Engine::Tesseract);
        }
        match ppocr::folder() {
            None => Ok(Engine::Tesseract),
            Some(dir) => crate::third_party("ocr.failed", || ppocr::PpOcr::load(&dir))
                .map_err(|e| e.message)
                .and_then(|loaded| loaded)
                .map(|e| Engine::PpOcr(Mutex::new(e)))
                .map_err(|why| format!("PP-OCR in {} could not be loaded ({why}): reinstall it with scripts/install_ppocr.sh, or set JIXIAO_OCR_ENGINE=tesseract", dir.display())),
        }
    });
    chosen
        .as_ref()
        .map_err(|why| IngestError::new("ocr.unavailable", why.clone()))
}

/// A page read by OCR: its words, and the ruling lines drawn on its image (in pixels).
#[derive(Clone, Debug, Default)]
pub(crate) struct Page {
    pub(crate) words: Vec<Word>,
    /// Straightened (see [`straighten`]).
    pub(crate) rules: Vec<Rule>,
    /// How far askew the page was scanned (down per pixel across).
    pub(crate) skew: f64,
}

/// A page's words as glyphs (each character a share of its word's box, with
/// the word's confidence and whether the word holds a digit) and its rules,
/// so that its ruled tables are laid out as a PDF's are.
pub(crate) fn page_device(page: &Page) -> PageDevice {
    let scale = 72.0 / DPI;
    let mut device = PageDevice::default();
    device.rules = page
        .rules
        .iter()
        .map(|r| Rule {
            horizontal: r.horizontal,
            at: r.at * scale,
            from: r.from * scale,
            to: r.to * scale,
        })
        .collect();
    // The words straightened as the rules are, so that each falls in its cell;
    // a lone quote or bar is what is left of a rule at a cell's edge (a quote
    // of the text loses nothing a figure or a label needs).
    let words: Vec<Word> = page
        .words
        .iter()
        .filter_map(|w| {
            const RULE_LEFT: &str = "“”\"'‘’|";
            let text = w.text.trim_matches(|c| RULE_LEFT.contains(c));
            if text.is_empty() {
                return None;
            }
            // The word's box less the marks cut from it, each a character's share.
            let share = w.width / w.text.chars().count().max(1) as f64;
            let cut_left = w
                .text
                .chars()
                .take_while(|c| RULE_LEFT.contains(*c))
                .count();
            let (left, top) = straighten(w.left + share * cut_left as f64, w.top, page.skew);
            Some(Word {
                text: text.to_string(),
                left,
                top,
                width: share * text.chars().count() as f64,
                ..w.clone()
            })
        })
        .collect();
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

/// Reads an image file (JPEG, PNG, TIFF, every page of a multi-page TIFF) by OCR.
pub(crate) fn image_pages(bytes: &[u8]) -> Result<Vec<Page>, IngestError> {
    let frames = crate::third_party("image.corrupt", || frames(bytes))
        .ok()
        .flatten();
    let Some(frames) = frames else {
        // An image not decoded here is the recogniser's to read as it is.
        let Engine::Tesseract = engine()? else {
            return Err(IngestError::new(
                "image.corrupt",
                "the image could not be decoded (a damaged file, or an encoding jixiao does not read): re-scan it or re-save it as PNG",
            ));
        };
        let scratch = Scratch::new()?;
        let file = scratch.0.join("page.img");
        write(&file, bytes)?;
        let words = tesseract(&file)?;
        let pages = words.iter().map(|w| w.page).max().unwrap_or(0);
        let mut out: Vec<Page> = vec![Page::default(); pages as usize];
        for w in words {
            if let Some(page) = out.get_mut(w.page as usize - 1) {
                page.words.push(w);
            }
        }
        return Ok(out);
    };
    frames
        .into_iter()
        .zip(1..)
        .map(|(frame, number)| read_page(frame, number))
        .collect()
}

/// An image file's pages as grey images; none where it cannot be decoded here.
fn frames(bytes: &[u8]) -> Option<Vec<Gray>> {
    let format = image::guess_format(bytes).ok()?;
    if format == image::ImageFormat::Tiff {
        return tiff_frames(bytes);
    }
    let luma = image::load_from_memory_with_format(bytes, format)
        .ok()?
        .to_luma8();
    Some(vec![Gray {
        width: luma.width() as usize,
        height: luma.height() as usize,
        pixels: luma.into_raw(),
    }])
}

/// Every page of a TIFF (bilevel, as fax scans are; grey; or colour).
fn tiff_frames(bytes: &[u8]) -> Option<Vec<Gray>> {
    use tiff::decoder::{Decoder, DecodingResult};
    use tiff::ColorType;
    let mut decoder = Decoder::new(std::io::Cursor::new(bytes)).ok()?;
    let mut out = Vec::new();
    loop {
        let (w, h) = decoder.dimensions().ok()?;
        let (width, height) = (w as usize, h as usize);
        let color = decoder.colortype().ok()?;
        let DecodingResult::U8(data) = decoder.read_image().ok()? else {
            return None;
        };
        // The decoder gives black as 0 whatever the file's photometry.
        let pixels: Vec<u8> = match color {
            ColorType::Gray(1) => {
                let row = width.div_ceil(8);
                (0..height)
                    .flat_map(|y| (0..width).map(move |x| (y, x)))
                    .map(|(y, x)| {
                        let byte = data.get(y * row + x / 8).copied().unwrap_or(255);
                        if byte >> (7 - x % 8) & 1 == 1 {
                            255
                        } else {
                            0
                        }
                    })
                    .collect()
            }
            ColorType::Gray(8) => data,
            ColorType::RGB(8) | ColorType::RGBA(8) => {
                let n = if matches!(color, ColorType::RGB(8)) {
                    3
                } else {
                    4
                };
                data.chunks_exact(n)
                    .map(|p| {
                        ((p[0] as u32 * 299 + p[1] as u32 * 587 + p[2] as u32 * 114) / 1000) as u8
                    })
                    .collect()
            }
            _ => return None,
        };
        if pixels.len() != width.checked_mul(height)? {
            return None;
        }
        out.push(Gray {
            width,
            height,
            pixels,
        });
        if !decoder.more_images() {
            return Some(out);
        }
        decoder.next_image().ok()?;
    }
}

fn write(file: &Path, bytes: &[u8]) -> Result<(), IngestError> {
    std::fs::write(file, bytes).map_err(|e| {
        IngestError::new(
            "ocr.failed",
            format!("cannot write the image for OCR ({e})"),
        )
    })
}

/// The vertical rules of a page, for the recogniser to part words at.
fn walls(rules: &[Rule], skew: f64) -> Vec<ppocr::Wall> {
    rules
        .iter()
        .filter(|r| !r.horizontal)
        .map(|r| ppocr::Wall {
            x: r.at,
            top: r.from,
            bottom: r.to,
            skew,
        })
        .collect()
}

/// One page image read: its rules found and cleared, then its words recognised.
fn read_page(mut gray: Gray, number: u32) -> Result<Page, IngestError> {
    let (rules, skew) = gray.clear_rules();
    let words = match engine()? {
        Engine::PpOcr(engine) => crate::third_party("ocr.failed", || {
            engine
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .read(&gray, number, &walls(&rules, skew))
        })?
        .map_err(|why| {
            IngestError::new(
                "ocr.failed",
                format!("PP-OCR failed on page {number} ({why})"),
            )
        })?,
        Engine::Tesseract => {
            let scratch = Scratch::new()?;
            let file = scratch.0.join("page.pgm");
            write(&file, &gray.to_pgm())?;
            tesseract(&file)?
                .into_iter()
                .map(|w| Word { page: number, ..w })
                .collect()
        }
    };
    Ok(Page { words, rules, skew })
}

/// Renders page `page` (1-based) of a PDF and reads it by OCR.
pub(crate) fn pdf_page(pdf: &Path, page: u32) -> Result<Page, IngestError> {
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
            "-singlefile".as_ref(),
            "-f".as_ref(),
            n.as_ref(),
            "-l".as_ref(),
            n.as_ref(),
            pdf.as_os_str(),
            prefix.as_os_str(),
        ],
    )?;
    let rendered = std::fs::read(scratch.0.join("page.pgm")).unwrap_or_default();
    let gray = Gray::from_pgm(&rendered).ok_or_else(|| {
        IngestError::new(
            "ocr.failed",
            format!("`pdftoppm` rendered page {page} into no image this reader understands: check poppler-utils"),
        )
    })?;
    read_page(gray, page)
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
impl Gray {
    /// A white page, for tests.
    pub(crate) fn white(width: usize, height: usize) -> Gray {
        Gray {
            width,
            height,
            pixels: vec![255; width * height],
        }
    }

    /// Ink over the rectangle `xs` × `ys`, for tests.
    pub(crate) fn ink(&mut self, xs: std::ops::Range<usize>, ys: std::ops::Range<usize>) {
        for y in ys {
            for x in xs.clone() {
                self.pixels[y * self.width + x] = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_of_a_fax_tiff_is_decoded_black_on_white() {
        let bytes = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/scans/04_binhe_weijian_bumen.tif"
        ))
        .expect("the bundled TIFF");
        let pages = tiff_frames(&bytes).expect("a G4 TIFF decodes");
        assert_eq!(pages.len(), 2);
        for p in &pages {
            assert_eq!((p.width, p.height), (1700, 2200));
            let ink = p.pixels.iter().filter(|&&v| v == 0).count();
            // Print is a few per cent of a page, never most of it.
            assert!(ink > 1000 && ink < p.pixels.len() / 5, "{ink}");
        }
        assert!(tiff_frames(&bytes[..bytes.len() / 3]).is_none());
    }

    /// A white page with a rule drawn 2 pixels thick across it, sloping 1 in 50,
    /// a rule down, and a character-sized blot.
    fn page() -> Gray {
        let mut page = Gray::white(1000, 300);
        for x in 20..980 {
            let y = 100 + x / 50;
            page.ink(x..x + 1, y..y + 2);
        }
        page.ink(500..501, 30..280);
        page.ink(700..720, 200..220);
        page
    }

    #[test]
    fn rules_are_cleared_found_and_straightened() {
        let mut gray = page();
        let (rules, skew) = gray.clear_rules();
        assert!((skew - 0.02).abs() < 0.002, "skew {skew}");
        let across: Vec<&Rule> = rules.iter().filter(|r| r.horizontal).collect();
        let down: Vec<&Rule> = rules.iter().filter(|r| !r.horizontal).collect();
        assert_eq!((across.len(), down.len()), (1, 1), "{rules:?}");
        // Straightened, the rule down stays at its x (shifted by the shear at
        // its middle), the rule across at the y it has at x = 0.
        assert!((across[0].at - 100.5).abs() < 2.0, "{:?}", across[0]);
        assert!(
            (down[0].at - (500.0 + 0.02 * 155.0)).abs() < 2.0,
            "{:?}",
            down[0]
        );
        // The rules are white now; the blot is not.
        let ink = |x: usize, y: usize| gray.pixels[y * gray.width + x] < INK;
        assert!(!ink(500, 150) && !ink(400, 108));
        assert!(ink(710, 210));
    }

    #[test]
    fn a_thick_level_rule_is_no_skew() {
        // A rule 3 px thick drawn level across a page scanned upright, its
        // ends a little ragged: every line of its thickness is one run of
        // nearly the whole length, their midpoints a pixel or two apart.
        let mut page = Gray::white(1000, 300);
        for (y, from, to) in [(150, 20, 980), (151, 23, 976), (152, 18, 983)] {
            page.ink(from..to, y..y + 1);
        }
        let (rules, skew) = page.clear_rules();
        assert!(skew.abs() < 0.001, "skew {skew}");
        assert_eq!(rules.len(), 1, "{rules:?}");
    }

    #[test]
    fn pgm_round_trip() {
        let gray = page();
        let again = Gray::from_pgm(&gray.to_pgm()).expect("a PGM");
        assert_eq!((again.width, again.height), (1000, 300));
        assert_eq!(again.pixels, gray.pixels);
        assert!(Gray::from_pgm(b"P5\n10 10\n255\n").is_none(), "cut short");
        assert!(
            Gray::from_pgm(b"P6\n1 1\n255\n\x00\x00\x00").is_none(),
            "colour"
        );
    }

    #[test]
    fn marks_left_of_rules_are_dropped_and_words_straightened() {
        let word = |text: &str, left: f64| Word {
            page: 1,
            text: text.to_string(),
            left,
            top: 100.0,
            width: 40.0,
            height: 20.0,
            confidence: 90,
        };
        let device = page_device(&Page {
            words: vec![word("”", 0.0), word("”分值", 100.0)],
            rules: Vec::new(),
            skew: 0.01,
        });
        let text: String = device.glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "分值");
        // The mark's share of the box is cut; the rest moved by the shear (+1 px).
        assert!((device.glyphs[0].x0 - (100.0 + 40.0 / 3.0 + 1.0) * 72.0 / DPI).abs() < 1e-6);
    }

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
        let device = page_device(&Page {
            words: words.clone(),
            ..Page::default()
        });
        // Three glyphs for 执行率, six for 97.56%, all of which carry the number's confidence.
        assert_eq!(device.glyphs.len(), 9);
        let ocr: Vec<Option<(u8, bool)>> = device.glyphs.iter().map(|g| g.ocr).collect();
        assert_eq!(ocr[..3], [Some((96, false)); 3]);
        assert!(ocr[3..].iter().all(|c| *c == Some((71, true))));
        assert!((device.glyphs[0].x0 - 10.0 * 72.0 / DPI).abs() < 1e-9);
    }

    #[test]
    fn a_word_boxed_too_wide_keeps_its_place_in_the_line() {
        // Tesseract boxed 按照 303 px wide, over 区 and 财政 after it: its
        // characters would be spread among theirs (`按区财政照`).
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
                   4\t1\t1\t1\t1\t0\t244\t194\t500\t51\t-1\t\n\
                   5\t1\t1\t1\t1\t1\t244\t206\t303\t30\t96\t按照\n\
                   5\t1\t1\t1\t1\t2\t319\t194\t27\t51\t96\t区\n\
                   5\t1\t1\t1\t1\t3\t345\t194\t64\t51\t96\t财政\n\
                   5\t1\t1\t1\t1\t4\t408\t194\t900\t51\t96\t局\n";
        let words = parse_tsv(tsv);
        assert_eq!(words[0].width, 75.0, "ends where 区 begins");
        assert_eq!(words[3].width, 51.0, "the last: one character, square");
        let device = page_device(&Page {
            words,
            ..Page::default()
        });
        let mut glyphs = device.glyphs.clone();
        glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "按照区财政局");
    }
}
