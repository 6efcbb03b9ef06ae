//! PP-OCR: a text detector (DB) and a recogniser (CTC over 18,708 characters),
//! ONNX models run by ONNX Runtime, which is loaded from its shared library at
//! run time (nothing is linked or downloaded at build time). Both models and the
//! library come from registry packages installed by `scripts/install_ppocr.sh`
//! (RapidOCR's wheel carries the models, onnxruntime's the library) into one
//! folder: `det.onnx`, `rec.onnx`, `libonnxruntime.so`.
//!
//! The page is read as PP-OCR's own pipeline reads it (detect lines, crop each,
//! recognise it), with departures that the pages we read allow: detection runs
//! at half the page's resolution (a form's smallest print is still 15 px high
//! there), a line is the band a straight line fitted through its region draws
//! (PP-OCR fits a rotated rectangle), and its words are placed on their print.

use std::path::{Path, PathBuf};

use ort::session::Session;
use ort::value::Tensor;

use super::{Gray, Word, INK};

/// The folder PP-OCR's files are looked for in: `JIXIAO_PPOCR`, else `ppocr`
/// beside the executable, else `/usr/local/share/jixiao/ppocr`.
pub(crate) fn folder() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("JIXIAO_PPOCR").map(PathBuf::from),
        std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|d| d.join("ppocr"))),
        Some(PathBuf::from("/usr/local/share/jixiao/ppocr")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| FILES.iter().all(|f| dir.join(f).is_file()))
}

const FILES: [&str; 3] = ["det.onnx", "rec.onnx", "libonnxruntime.so"];

/// Detection reads the page at this share of its resolution.
const DET_SCALE: f64 = 0.5;
/// … and at most this many pixels on its longer side.
const DET_MAX_SIDE: f64 = 2400.0;
/// A pixel of the detector's map is text above this probability …
const DET_THRESHOLD: f32 = 0.3;
/// … and a region is a line of text where its mean probability is above this.
const BOX_THRESHOLD: f32 = 0.5;
/// … and fills at least this share of the band its fitted line draws.
const MIN_FILL: f64 = 0.6;
/// A detected region is grown by its area × this over its perimeter (DB's unclip).
const UNCLIP: f64 = 1.6;
/// The recogniser reads lines scaled to this height.
const REC_HEIGHT: usize = 48;
/// … and at least this wide (PP-OCR's own input width at that height).
const REC_MIN_WIDTH: usize = 320;
/// Lines recognised in one run of the model.
const REC_BATCH: usize = 8;

pub(crate) struct PpOcr {
    det: Session,
    rec: Session,
    /// The recogniser's classes: 0 is CTC's blank, the last one a space.
    chars: Vec<String>,
}

fn failed(what: &str, e: impl std::fmt::Display) -> String {
    format!("{what}: {e}")
}

/// A grey pixel as both models take it: scaled to −1…1.
fn model_input(p: u8) -> f32 {
    p as f32 / 127.5 - 1.0
}

/// Runs a model on one input tensor of `shape` and reads its first output
/// (its shape and values) with `read`.
fn infer<R>(
    model: &mut Session,
    what: &str,
    shape: [usize; 4],
    input: Vec<f32>,
    read: impl FnOnce(&[i64], &[f32]) -> Result<R, String>,
) -> Result<R, String> {
    let tensor = Tensor::from_array((shape, input)).map_err(|e| failed(what, e))?;
    let outputs = model
        .run(ort::inputs![tensor])
        .map_err(|e| failed(what, e))?;
    let (out_shape, values) = outputs[0]
        .try_extract_tensor::<f32>()
        .map_err(|e| failed(what, e))?;
    read(out_shape, values)
}

impl PpOcr {
    pub(crate) fn load(dir: &Path) -> Result<PpOcr, String> {
        let env = ort::init_from(dir.join("libonnxruntime.so"))
            .map_err(|e| failed("cannot load ONNX Runtime", e))?
            .with_name("jixiao")
            .build()
            .map_err(|e| failed("cannot start ONNX Runtime", e))?;
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let session = |name: &str| -> Result<Session, String> {
            Session::builder(&env)
                .map_err(|e| failed(name, e))?
                .with_intra_threads(threads)
                .map_err(|e| failed(name, e))?
                .commit_from_file(dir.join(name))
                .map_err(|e| failed(name, e))
        };
        let det = session("det.onnx")?;
        let rec = session("rec.onnx")?;
        let listed = rec
            .metadata()
            .ok()
            .and_then(|m| m.custom("character"))
            .ok_or("rec.onnx names no characters (metadata `character`)")?;
        let mut chars = vec![String::new()];
        chars.extend(listed.split('\n').map(str::to_string));
        chars.push(" ".to_string());
        Ok(PpOcr { det, rec, chars })
    }

    /// The words on a page image, in pixels of the image.
    ///
    /// Words part at the page's vertical rules (`walls`).
    pub(crate) fn read(
        &mut self,
        page: &Gray,
        number: u32,
        walls: &[Wall],
    ) -> Result<Vec<Word>, String> {
        if page.width == 0 || page.height == 0 {
            return Ok(Vec::new());
        }
        let mut lines = self.detect(page)?;
        // A stamp's arcs (or a pen stroke) are drawn thinner than the page's
        // print: a region whose strokes are at most half as wide as the page's
        // usual stroke is no text (a stamp read as `11` split a form's table).
        let strokes: Vec<usize> = lines.iter().map(|b| page.stroke(b)).collect();
        let mut sorted: Vec<usize> = strokes.iter().copied().filter(|&s| s > 0).collect();
        sorted.sort_unstable();
        if let Some(&usual) = sorted.get(sorted.len() / 2) {
            let mut keep = strokes.iter().map(|&s| s * 2 > usual);
            lines.retain(|_| keep.next().unwrap_or(true));
        }
        let mut words = Vec::new();
        // Lines of like width run together, so that little of a batch is padding.
        let mut order: Vec<usize> = (0..lines.len()).collect();
        order.sort_by(|&a, &b| lines[a].aspect().total_cmp(&lines[b].aspect()));
        let mut read: Vec<Option<Vec<Char>>> = vec![None; lines.len()];
        for batch in order.chunks(REC_BATCH) {
            let boxes: Vec<&LineBox> = batch.iter().map(|&k| &lines[k]).collect();
            for (k, chars) in batch.iter().zip(self.recognise(page, &boxes)?) {
                read[*k] = Some(chars);
            }
        }
        for (line, chars) in lines.iter().zip(read) {
            words.extend(split_words(
                page,
                line,
                &chars.unwrap_or_default(),
                number,
                walls,
            ));
        }
        Ok(words)
    }

    /// Text lines: DB's probability map thresholded, its regions grown back to
    /// the line's size, in the page's pixels, top to bottom.
    fn detect(&mut self, page: &Gray) -> Result<Vec<LineBox>, String> {
        let round32 = |v: f64| ((v / 32.0).round() as usize).max(1) * 32;
        // A huge image (a poster, a long screenshot) is read smaller still, so
        // that the detector's input stays within a few hundred MB.
        let longest = page.width.max(page.height) as f64;
        let scale = DET_SCALE.min(DET_MAX_SIDE / longest);
        let (w, h) = (
            round32(page.width as f64 * scale),
            round32(page.height as f64 * scale),
        );
        let small = page.resized(w, h);
        let plane: Vec<f32> = small.pixels.iter().map(|&p| model_input(p)).collect();
        let mut input = Vec::with_capacity(plane.len() * 3);
        for _ in 0..3 {
            input.extend_from_slice(&plane);
        }
        let found = infer(&mut self.det, "det", [1, 3, h, w], input, |_, map| {
            if map.len() != w * h {
                return Err(format!("det: a map of {} values for {w}×{h}", map.len()));
            }
            Ok(regions(map, w, h))
        })?;
        let (sx, sy) = (page.width as f64 / w as f64, page.height as f64 / h as f64);
        let mut boxes: Vec<LineBox> = found
            .into_iter()
            .filter_map(|r| {
                let width = (r.x1 - r.x0 + 1) as f64;
                if width.min(r.thickness) < 3.0 || r.score < BOX_THRESHOLD || r.fill < MIN_FILL {
                    return None;
                }
                // DB's unclip on the region's band (its length by its thickness).
                let grow = width * r.thickness * UNCLIP / (2.0 * (width + r.thickness));
                let half = r.thickness / 2.0 + grow;
                let b = LineBox::new(
                    (r.x0 as f64 - grow) * sx,
                    (r.x1 as f64 + 1.0 + grow) * sx,
                    (r.middle - half) * sy,
                    (r.middle + half) * sy,
                    r.slope * sy / sx,
                    page,
                );
                (b.right - b.left > 3.0 && b.bottom - b.top > 3.0).then_some(b)
            })
            .collect();
        boxes.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.left.total_cmp(&b.left)));
        Ok(boxes)
    }

    /// Each line's characters with where they stand across the page.
    fn recognise(&mut self, page: &Gray, lines: &[&LineBox]) -> Result<Vec<Vec<Char>>, String> {
        let widths: Vec<usize> = lines
            .iter()
            .map(|b| ((REC_HEIGHT as f64 * b.aspect()).ceil() as usize).max(1))
            .collect();
        let padded = widths.iter().copied().max().unwrap_or(1).max(REC_MIN_WIDTH);
        let mut input = vec![0f32; lines.len() * 3 * REC_HEIGHT * padded];
        for (k, (b, &rw)) in lines.iter().zip(&widths).enumerate() {
            let crop = page.cropped_resized(b, rw, REC_HEIGHT);
            let plane = REC_HEIGHT * padded;
            for c in 0..3 {
                let base = (k * 3 + c) * plane;
                for y in 0..REC_HEIGHT {
                    for x in 0..rw {
                        input[base + y * padded + x] = model_input(crop.pixels[y * rw + x]);
                    }
                }
            }
        }
        let classes = self.chars.len();
        let shape = [lines.len(), 3, REC_HEIGHT, padded];
        let names = &self.chars;
        infer(&mut self.rec, "rec", shape, input, |shape, probs| {
            let [n, steps, got] = shape[..] else {
                return Err(format!("rec: output of shape {shape:?}"));
            };
            let steps = steps as usize;
            if n as usize != lines.len()
                || got as usize != classes
                || probs.len() != lines.len() * steps * classes
            {
                return Err(format!(
                    "rec: output of shape {shape:?} for {classes} classes"
                ));
            }
            let mut out = Vec::with_capacity(lines.len());
            for (k, (b, &rw)) in lines.iter().zip(&widths).enumerate() {
                // A step of the output covers this many pixels of the page.
                let step_px = (padded as f64 / steps as f64) * (b.right - b.left) / rw as f64;
                let mut chars: Vec<Char> = Vec::new();
                let mut last = 0usize;
                for t in 0..steps {
                    let row = &probs[(k * steps + t) * classes..(k * steps + t + 1) * classes];
                    let (best, p) = row.iter().enumerate().fold((0, f32::MIN), |m, (i, &p)| {
                        if p > m.1 {
                            (i, p)
                        } else {
                            m
                        }
                    });
                    let x = b.left + (t as f64 + 0.5) * step_px;
                    if best != 0 && best != last {
                        chars.push(Char {
                            text: names[best].clone(),
                            from: x,
                            to: x,
                            confidence: p,
                        });
                    } else if best != 0 {
                        if let Some(c) = chars.last_mut() {
                            c.to = x;
                            c.confidence = c.confidence.min(p);
                        }
                    }
                    last = best;
                }
                out.push(chars);
            }
            Ok(out)
        })
    }
}

/// A detected line of text, in the page's pixels: a band `thick` high whose
/// top edge runs through (`centre`, `band_top`) at `slope` (a page scanned a
/// little askew), and the upright box that holds it.
#[derive(Clone, Debug)]
struct LineBox {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    centre: f64,
    band_top: f64,
    thick: f64,
    slope: f64,
}

impl LineBox {
    /// The band from `left` to `right` whose edges at its middle are `top`
    /// and `bottom`, kept on the page.
    fn new(left: f64, right: f64, top: f64, bottom: f64, slope: f64, page: &Gray) -> LineBox {
        let (left, right) = (left.max(0.0), right.min(page.width as f64));
        let centre = (left + right) / 2.0;
        let drift = (slope * (right - left) / 2.0).abs();
        LineBox {
            left,
            right,
            top: (top - drift).clamp(0.0, page.height as f64),
            bottom: (bottom + drift).clamp(0.0, page.height as f64),
            centre,
            band_top: top,
            thick: bottom - top,
            slope,
        }
    }

    fn aspect(&self) -> f64 {
        (self.right - self.left) / self.thick.max(1.0)
    }
}

/// A vertical ruling line of the page, straightened as the rules are (see
/// `ocr::straighten`): it stands at `x` had the page been scanned upright.
pub(crate) struct Wall {
    pub(crate) x: f64,
    pub(crate) top: f64,
    pub(crate) bottom: f64,
    pub(crate) skew: f64,
}

impl Wall {
    /// Where the rule crosses the image's row `y`, if it reaches that row.
    fn x_at(&self, y: f64) -> Option<f64> {
        (self.top <= y && y <= self.bottom).then_some(self.x - self.skew * y)
    }
}

/// A recognised character and the steps of the line it was read over.
#[derive(Clone, Debug)]
struct Char {
    text: String,
    from: f64,
    to: f64,
    confidence: f32,
}

/// The ink of a detected line: the rows its print spans (the detector's box is
/// twice as high, and touches the rows above and below) and, over those rows,
/// how many ink pixels each column of the box holds.
struct Ink {
    top: f64,
    height: f64,
    columns: Vec<u32>,
}

impl Ink {
    fn of(page: &Gray, line: &LineBox) -> Option<Ink> {
        let (x0, x1) = (line.left as usize, (line.right as usize).min(page.width));
        let (y0, y1) = (line.top as usize, (line.bottom as usize).min(page.height));
        if x1 <= x0 || y1 <= y0 {
            return None;
        }
        let inked = |y: usize| {
            page.pixels[y * page.width + x0..y * page.width + x1]
                .iter()
                .any(|&p| p < INK)
        };
        let rows: Vec<bool> = (y0..y1).map(inked).collect();
        // The print is the run of inked rows nearest the box's middle, gaps
        // inside a character (二, 三) bridged.
        let middle = rows.len() / 2;
        let start = (0..rows.len())
            .filter(|&r| rows[r])
            .min_by_key(|&r| r.abs_diff(middle))?;
        let bridge = (rows.len() / 8).max(1);
        let (mut first, mut last) = (start, start);
        while let Some(r) = (first.saturating_sub(bridge)..first).find(|&r| rows[r]) {
            first = r;
        }
        while let Some(r) = (last + 1..(last + 1 + bridge).min(rows.len()))
            .rev()
            .find(|&r| rows[r])
        {
            last = r;
        }
        let columns = (x0..x1)
            .map(|x| {
                (y0 + first..=y0 + last)
                    .filter(|&y| page.pixels[y * page.width + x] < INK)
                    .count() as u32
            })
            .collect();
        Some(Ink {
            top: (y0 + first) as f64,
            height: (last - first + 1) as f64,
            columns,
        })
    }

    /// The widest run of blank columns between two page positions.
    fn widest_gap(&self, left: f64, from: f64, to: f64) -> (f64, f64) {
        let at = |x: f64| ((x - left).max(0.0) as usize).min(self.columns.len());
        let (mut best, mut run) = ((0.0, from), 0usize);
        for i in at(from)..at(to) {
            if self.columns[i] == 0 {
                run += 1;
                if run as f64 > best.0 {
                    best = (run as f64, left + i as f64 + 1.0 - run as f64 / 2.0);
                }
            } else {
                run = 0;
            }
        }
        best
    }

    /// The print of a word whose characters stand from `first` to `last`,
    /// within `from`–`to`: the inked columns reached from them across gaps
    /// narrower than half the print's height. A sliver of the neighbouring
    /// cell's print that the detector's box took in lies beyond such a gap.
    fn span(&self, left: f64, from: f64, to: f64, first: f64, last: f64) -> (f64, f64) {
        let at = |x: f64| ((x - left).max(0.0) as usize).min(self.columns.len().saturating_sub(1));
        let (lo, hi) = (at(from), at(to));
        let gap = (self.height / 2.0).max(1.0) as usize;
        let reach = |start: usize, step: isize| {
            let (mut end, mut blank, mut i) = (start, 0usize, start as isize);
            while i >= lo as isize && i <= hi as isize && blank <= gap {
                if self.columns[i as usize] > 0 {
                    (end, blank) = (i as usize, 0);
                } else {
                    blank += 1;
                }
                i += step;
            }
            end
        };
        let (a, b) = (at(first).clamp(lo, hi), at(last).clamp(lo, hi));
        (left + reach(a, -1) as f64, left + reach(b, 1) as f64 + 1.0)
    }
}

/// A digit or a Latin letter: two of them a narrow gap apart are two words
/// (a decimal point, a comma or a percent sign is set apart inside a figure).
fn is_alphanumeric(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_alphanumeric())
}

/// A line's characters as words, placed on their ink. Words part at a ruling
/// line between them (cells of a form), and where the print leaves a gap: a
/// third of its height between two digits or letters (`5 5`, weight and score of a
/// flattened table), one and a half times its height elsewhere (columns of an
/// unruled table; a figure is set a little apart from the Chinese around it,
/// `共 5 个`, and full-width punctuation carries white space of its own, so a
/// space the recogniser reads is no word break).
fn split_words(
    page: &Gray,
    line: &LineBox,
    chars: &[Char],
    number: u32,
    walls: &[Wall],
) -> Vec<Word> {
    let Some(ink) = Ink::of(page, line) else {
        return Vec::new();
    };
    // What the recogniser writes beside the print: spaces (no word break, see
    // above) and the LaTeX it writes an inequality in (`$<90\%$` for `<90%`).
    let chars: Vec<&Char> = chars
        .iter()
        .filter(|c| !c.text.trim().is_empty() && c.text != "$" && c.text != "\\")
        .collect();
    let centre = |c: &Char| (c.from + c.to) / 2.0;
    let middle = ink.top + ink.height / 2.0;
    // Where a word ends and the next begins, between two characters.
    let boundary = |p: &Char, c: &Char| -> Option<f64> {
        let (from, to) = (centre(p), centre(c));
        if let Some(x) = walls
            .iter()
            .filter_map(|w| w.x_at(middle))
            .find(|&x| x > from && x < to)
        {
            return Some(x);
        }
        let (gap, at) = ink.widest_gap(line.left, from, to);
        let wide = if is_alphanumeric(&p.text) && is_alphanumeric(&c.text) {
            ink.height / 3.0
        } else {
            ink.height * 1.5
        };
        (gap >= wide).then_some(at)
    };
    // Runs of characters and where each run's ink ends.
    let mut runs: Vec<(Vec<&Char>, f64)> = Vec::new();
    for (k, &c) in chars.iter().enumerate() {
        let cut = k.checked_sub(1).and_then(|j| boundary(chars[j], c));
        match (cut, runs.last_mut()) {
            (None, Some((run, _))) => run.push(c),
            (Some(at), Some((_, end))) => {
                *end = at;
                runs.push((vec![c], line.right));
            }
            (_, None) => runs.push((vec![c], line.right)),
        }
    }
    let mut words = Vec::new();
    let mut from = line.left;
    for (run, to) in runs {
        let (first, last) = match (run.first(), run.last()) {
            (Some(f), Some(l)) => (centre(f), centre(l)),
            _ => continue,
        };
        let (left, right) = ink.span(line.left, from, to, first, last);
        from = to;
        let confidence = run.iter().map(|c| c.confidence).fold(1.0f32, f32::min);
        words.push(Word {
            page: number,
            text: run.iter().map(|c| c.text.as_str()).collect(),
            left,
            top: ink.top,
            width: (right - left).max(1.0),
            height: ink.height,
            confidence: (confidence * 100.0).clamp(0.0, 100.0) as u8,
        });
    }
    words
}

/// A region of the thresholded, dilated map: its extent across, the line
/// through its middle (the least-squares fit of its pixels: a page scanned
/// askew slants its lines), its thickness (pixels per column), its mean
/// probability and the share of its band it fills.
struct Region {
    x0: usize,
    x1: usize,
    middle: f64,
    slope: f64,
    thickness: f64,
    score: f32,
    fill: f64,
}

/// Connected regions of DB's map above [`DET_THRESHOLD`] (dilated by a pixel
/// right and down, as PP-OCR does).
fn regions(map: &[f32], w: usize, h: usize) -> Vec<Region> {
    let mut on = vec![false; w * h];
    for y in 0..h {
        for x in 0..w {
            let hot = |x: usize, y: usize| map[y * w + x] > DET_THRESHOLD;
            on[y * w + x] = hot(x, y)
                || (x > 0 && hot(x - 1, y))
                || (y > 0 && hot(x, y - 1))
                || (x > 0 && y > 0 && hot(x - 1, y - 1));
        }
    }
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if !on[start] || seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        let mut pixels = Vec::new();
        while let Some(i) = stack.pop() {
            pixels.push(i);
            let (x, y) = (i % w, i / w);
            let mut visit = |j: usize| {
                if on[j] && !seen[j] {
                    seen[j] = true;
                    stack.push(j);
                }
            };
            if x > 0 {
                visit(i - 1);
            }
            if x + 1 < w {
                visit(i + 1);
            }
            if y > 0 {
                visit(i - w);
            }
            if y + 1 < h {
                visit(i + w);
            }
        }
        out.push(region(&pixels, map, w));
    }
    out
}

/// A region from its pixels (indices into the map): the line fitted through
/// them, the map's mean over them, and how much of the band that line draws
/// through them they fill (a line of text or a figure fills most of it, as it
/// fills PP-OCR's rotated box; a stamp's arc little).
fn region(pixels: &[usize], map: &[f32], w: usize) -> Region {
    let (mut x0, mut x1) = (usize::MAX, 0);
    let (mut sx, mut sy, mut sxx, mut sxy, mut sum) = (0f64, 0f64, 0f64, 0f64, 0f64);
    for &i in pixels {
        let (x, y) = (i % w, i / w);
        (x0, x1) = (x0.min(x), x1.max(x));
        let (fx, fy) = (x as f64, y as f64);
        (sx, sy, sxx, sxy) = (sx + fx, sy + fy, sxx + fx * fx, sxy + fx * fy);
        sum += map[i] as f64;
    }
    let n = pixels.len().max(1) as f64;
    let width = (x1.saturating_sub(x0) + 1) as f64;
    let spread = sxx - sx * sx / n;
    // Short regions (a digit, a mark) are taken as upright.
    let slope = if width >= 8.0 && spread > 0.0 {
        ((sxy - sx * sy / n) / spread).clamp(-0.1, 0.1)
    } else {
        0.0
    };
    let (mx, my) = (sx / n, sy / n);
    let (mut low, mut high) = (f64::MAX, f64::MIN);
    for &i in pixels {
        let off = (i / w) as f64 - (my + slope * ((i % w) as f64 - mx));
        (low, high) = (low.min(off), high.max(off));
    }
    let centre = (x0 + x1) as f64 / 2.0;
    Region {
        x0,
        x1,
        middle: my + slope * (centre - mx) + 0.5,
        slope,
        thickness: n / width,
        score: (sum / n) as f32,
        fill: n / (width * (high - low + 1.0)),
    }
}

impl Gray {
    /// How wide a region's strokes are: the median length of the runs of ink
    /// across and down its box (a stroke's runs across it are its width, and
    /// outnumber those along it); 0 for a box without ink.
    fn stroke(&self, b: &LineBox) -> usize {
        let (x0, x1) = (b.left as usize, (b.right as usize).min(self.width));
        let (y0, y1) = (b.top as usize, (b.bottom as usize).min(self.height));
        let ink = |x: usize, y: usize| self.pixels[y * self.width + x] < INK;
        let mut runs: Vec<usize> = Vec::new();
        let mut count = |cells: &mut dyn Iterator<Item = bool>| {
            let mut run = 0;
            for on in cells.chain(std::iter::once(false)) {
                if on {
                    run += 1;
                } else if run > 0 {
                    runs.push(run);
                    run = 0;
                }
            }
        };
        for y in y0..y1 {
            count(&mut (x0..x1).map(|x| ink(x, y)));
        }
        for x in x0..x1 {
            count(&mut (y0..y1).map(|y| ink(x, y)));
        }
        runs.sort_unstable();
        runs.get(runs.len() / 2).copied().unwrap_or(0)
    }

    /// The page scaled to `w`×`h`, each pixel the mean of the page's pixels it covers.
    fn resized(&self, w: usize, h: usize) -> Gray {
        self.area(0.0, 0.0, self.width as f64, self.height as f64, w, h)
    }

    /// A line's band straightened and scaled to `w`×`h`: each output pixel the
    /// mean of 2×2 samples along the band's slant.
    fn cropped_resized(&self, b: &LineBox, w: usize, h: usize) -> Gray {
        let (fx, fy) = ((b.right - b.left) / w as f64, b.thick / h as f64);
        let sample = |x: f64, y: f64| {
            let (ix, iy) = (x.max(0.0) as usize, y.max(0.0) as usize);
            self.pixels[iy.min(self.height - 1) * self.width + ix.min(self.width - 1)] as f64
        };
        let mut pixels = Vec::with_capacity(w * h);
        for oy in 0..h {
            for ox in 0..w {
                let mut sum = 0.0;
                for (dx, dy) in [(0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75)] {
                    let x = b.left + (ox as f64 + dx) * fx;
                    let y = b.band_top + b.slope * (x - b.centre) + (oy as f64 + dy) * fy;
                    sum += sample(x, y);
                }
                pixels.push((sum / 4.0).round() as u8);
            }
        }
        Gray {
            width: w,
            height: h,
            pixels,
        }
    }

    /// The rectangle (x0, y0)–(x1, y1) of the page scaled to `w`×`h`: each output
    /// pixel the mean over its footprint when shrinking, bilinear when growing.
    fn area(&self, x0: f64, y0: f64, x1: f64, y1: f64, w: usize, h: usize) -> Gray {
        let (fx, fy) = ((x1 - x0) / w as f64, (y1 - y0) / h as f64);
        let at = |x: usize, y: usize| {
            self.pixels[y.min(self.height - 1) * self.width + x.min(self.width - 1)] as f64
        };
        let mut pixels = Vec::with_capacity(w * h);
        for oy in 0..h {
            let (sy0, sy1) = (y0 + oy as f64 * fy, y0 + (oy + 1) as f64 * fy);
            for ox in 0..w {
                let (sx0, sx1) = (x0 + ox as f64 * fx, x0 + (ox + 1) as f64 * fx);
                let v = if fx > 1.0 || fy > 1.0 {
                    let (a, b) = (sx0 as usize, (sx1.ceil() as usize).max(sx0 as usize + 1));
                    let (c, d) = (sy0 as usize, (sy1.ceil() as usize).max(sy0 as usize + 1));
                    let mut sum = 0.0;
                    for y in c..d {
                        for x in a..b {
                            sum += at(x, y);
                        }
                    }
                    sum / ((b - a) * (d - c)) as f64
                } else {
                    let (cx, cy) = ((sx0 + sx1) / 2.0 - 0.5, (sy0 + sy1) / 2.0 - 0.5);
                    let (ix, iy) = (cx.max(0.0).floor(), cy.max(0.0).floor());
                    let (tx, ty) = ((cx - ix).clamp(0.0, 1.0), (cy - iy).clamp(0.0, 1.0));
                    let (ix, iy) = (ix as usize, iy as usize);
                    let top = at(ix, iy) * (1.0 - tx) + at(ix + 1, iy) * tx;
                    let bottom = at(ix, iy + 1) * (1.0 - tx) + at(ix + 1, iy + 1) * tx;
                    top * (1.0 - ty) + bottom * ty
                };
                pixels.push(v.round().clamp(0.0, 255.0) as u8);
            }
        }
        Gray {
            width: w,
            height: h,
            pixels,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_the_maps_connected_hot_areas_with_their_mean() {
        // 10×6: a line of text at rows 1–2, columns 1–6, and a speck that stays
        // below the threshold at (8, 4).
        let (w, h) = (10, 6);
        let mut map = vec![0.0f32; w * h];
        for y in 1..=2 {
            for x in 1..=6 {
                map[y * w + x] = 0.9;
            }
        }
        map[4 * w + 8] = 0.2;
        let found = regions(&map, w, h);
        assert_eq!(found.len(), 1);
        let r = &found[0];
        // Dilated a pixel right and down, as PP-OCR's 2×2 kernel does.
        assert_eq!((r.x0, r.x1), (1, 7));
        // Rows 1–2 and, dilated, row 3 and column 7: 21 pixels over 7 columns,
        // level, its middle at row 2's centre (2.5 on a grid of pixel edges).
        assert!((r.thickness - 3.0).abs() < 1e-9, "{}", r.thickness);
        assert!(
            r.slope.abs() < 1e-9 && (r.middle - 2.5).abs() < 1e-9,
            "{} {}",
            r.slope,
            r.middle
        );
        // 12 hot pixels of 0.9 and 9 dilated ones of 0, filling their band.
        assert!((r.score - 0.9 * 12.0 / 21.0).abs() < 1e-6, "{}", r.score);
        assert!((r.fill - 1.0).abs() < 1e-9, "{}", r.fill);
    }

    #[test]
    fn a_slanting_line_fills_its_band_and_an_arc_does_not() {
        // A line 6 px thick, 200 long, falling 1 px every 20 across.
        let (w, h) = (220, 40);
        let mut map = vec![0.0f32; w * h];
        for x in 10..210 {
            for dy in 0..6 {
                map[(10 + x / 20 + dy) * w + x] = 0.9;
            }
        }
        let found = regions(&map, w, h);
        assert_eq!(found.len(), 1);
        let r = &found[0];
        assert!((r.slope - 0.05).abs() < 0.005, "{}", r.slope);
        // Its upright box is 17 rows high and mostly empty; its band is full.
        assert!(
            r.score > BOX_THRESHOLD && r.fill > MIN_FILL,
            "{} {}",
            r.score,
            r.fill
        );
        assert!(r.thickness > 6.0 && r.thickness < 7.5, "{}", r.thickness);
        // A stamp's arc: a quarter circle of radius 15, 2 px thick, fills little
        // of the band its fitted line draws, and is no line of text.
        let mut map = vec![0.0f32; w * h];
        for step in 0..=90 {
            let a = (step as f64).to_radians();
            for r in [15.0, 16.0] {
                let (x, y) = (20.0 + r * a.cos(), 5.0 + r * a.sin());
                map[y as usize * w + x as usize] = 0.9;
            }
        }
        let arcs = regions(&map, w, h);
        assert_eq!(arcs.len(), 1);
        assert!(arcs[0].fill < MIN_FILL, "{}", arcs[0].fill);
    }

    fn upright(left: f64, right: f64, top: f64, bottom: f64, page: &Gray) -> LineBox {
        LineBox::new(left, right, top, bottom, 0.0, page)
    }

    fn char_at(text: &str, x: f64, confidence: f32) -> Char {
        Char {
            text: text.into(),
            from: x,
            to: x + 4.0,
            confidence,
        }
    }

    /// A white page 400×60 with print 20 px high (rows 20–39) over the given columns.
    fn printed(columns: &[(usize, usize)]) -> Gray {
        let mut page = Gray::white(400, 60);
        for &(from, to) in columns {
            page.ink(from..to, 20..40);
        }
        page
    }

    #[test]
    fn a_line_parts_into_words_at_spaces_and_gaps_in_its_print() {
        // 合计, then 5 5 (a gap of 8 px, more than a third of the print's 20 px
        // between figures), then, past a space the recogniser read, 万.
        let page = printed(&[(10, 30), (34, 54), (100, 110), (118, 128), (200, 220)]);
        let line = upright(0.0, 400.0, 5.0, 55.0, &page);
        let chars = vec![
            char_at("合", 16.0, 0.99),
            char_at("计", 40.0, 0.98),
            char_at("5", 101.0, 0.97),
            char_at("5", 119.0, 0.60),
            char_at(" ", 160.0, 0.99),
            char_at("万", 206.0, 0.99),
        ];
        let words = split_words(&page, &line, &chars, 3, &[]);
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["合计", "5", "5", "万"]);
        // Each word sits on its print, not on the detector's taller box.
        assert!(words
            .iter()
            .all(|w| w.page == 3 && w.top == 20.0 && w.height == 20.0));
        let spans: Vec<(f64, f64)> = words.iter().map(|w| (w.left, w.left + w.width)).collect();
        assert_eq!(
            spans,
            [(10.0, 54.0), (100.0, 110.0), (118.0, 128.0), (200.0, 220.0)]
        );
        // A word's confidence is its least sure character's.
        assert_eq!(words[2].confidence, 60);
        // Two Chinese characters a little apart stay one word.
        let close = split_words(&printed(&[(10, 30), (38, 58)]), &line, &chars[..2], 1, &[]);
        assert_eq!(close.len(), 1);
        // … unless a ruling line stands between them.
        let wall = Wall {
            x: 34.0,
            top: 0.0,
            bottom: 60.0,
            skew: 0.0,
        };
        let walled = split_words(
            &printed(&[(10, 30), (38, 58)]),
            &line,
            &chars[..2],
            1,
            &[wall],
        );
        assert_eq!(
            walled.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
            ["合", "计"]
        );
        // The end of the next cell's print that the detector's box took in
        // (columns 0–2, a rule's width from the figure) is not the word's.
        let sliver = split_words(
            &printed(&[(0, 3), (20, 30)]),
            &line,
            &[char_at("6", 22.0, 0.9)],
            1,
            &[],
        );
        assert_eq!((sliver[0].left, sliver[0].width), (20.0, 10.0));
    }

    #[test]
    fn a_strokes_width_is_its_runs_median() {
        // Print: bars 3 px wide and 20 high; a stamp's arc: a 1 px line.
        let mut page = Gray::white(200, 40);
        for x in [10, 30, 50] {
            page.ink(x..x + 3, 10..30);
        }
        for y in 10..30 {
            page.ink(120 + y..121 + y, y..y + 1);
        }
        assert_eq!(page.stroke(&upright(0.0, 100.0, 0.0, 40.0, &page)), 3);
        assert_eq!(page.stroke(&upright(100.0, 200.0, 0.0, 40.0, &page)), 1);
        assert_eq!(page.stroke(&upright(60.0, 100.0, 0.0, 40.0, &page)), 0);
    }

    #[test]
    fn shrinking_averages_and_growing_interpolates() {
        let page = Gray {
            width: 4,
            height: 2,
            pixels: vec![0, 100, 200, 200, 0, 100, 200, 200],
        };
        let small = page.resized(2, 1);
        assert_eq!(small.pixels, vec![50, 200]);
        let flat = Gray {
            width: 3,
            height: 3,
            pixels: vec![90; 9],
        };
        let big = flat.resized(7, 5);
        assert_eq!((big.width, big.height), (7, 5));
        assert!(big.pixels.iter().all(|&p| p == 90));
        // A crop reads its own rectangle only.
        let right = page.cropped_resized(&upright(2.0, 4.0, 0.0, 2.0, &page), 1, 1);
        assert_eq!(right.pixels, vec![200]);
    }
}
