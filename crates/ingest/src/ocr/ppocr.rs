//! PP-OCR: a text detector (DB) and a recogniser (CTC over 18,708 characters),
//! ONNX models run by ONNX Runtime, which is loaded from its shared library at
//! run time (nothing is linked or downloaded at build time). Both models and the
//! library come from registry packages installed by `scripts/install_ppocr.sh`
//! (RapidOCR's wheel carries the models, onnxruntime's the library) into one
//! folder: `det.onnx`, `rec.onnx`, `libonnxruntime.so`.
//!
//! The page is read as PP-OCR's own pipeline reads it (detect lines, crop each,
//! recognise it), with two departures that the pages we read allow: detection
//! runs at half the page's resolution (a form's smallest print is still 15 px
//! high there), and a line's box is the bounding box of its detected region
//! (the rules measured the page's skew; it is a degree at most).

use std::path::{Path, PathBuf};

use ort::session::Session;
use ort::value::Tensor;

use super::{Gray, Word};

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
/// A pixel of the detector's map is text above this probability …
const DET_THRESHOLD: f32 = 0.3;
/// … and a region is a line of text where its mean probability is above this.
const BOX_THRESHOLD: f32 = 0.5;
/// A detected region is grown by its area × this over its perimeter (DB's unclip).
const UNCLIP: f64 = 1.6;
/// The recogniser reads lines scaled to this height.
const REC_HEIGHT: usize = 48;
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
    pub(crate) fn read(&mut self, page: &Gray, number: u32) -> Result<Vec<Word>, String> {
        let lines = self.detect(page)?;
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
            words.extend(split_words(line, &chars.unwrap_or_default(), number));
        }
        Ok(words)
    }

    /// Text lines: DB's probability map thresholded, its regions grown back to
    /// the line's size, in the page's pixels, top to bottom.
    fn detect(&mut self, page: &Gray) -> Result<Vec<LineBox>, String> {
        let round32 = |v: f64| ((v / 32.0).round() as usize).max(1) * 32;
        let (w, h) = (round32(page.width as f64 * DET_SCALE), round32(page.height as f64 * DET_SCALE));
        let small = page.resized(w, h);
        let plane: Vec<f32> = small.pixels.iter().map(|&p| p as f32 / 127.5 - 1.0).collect();
        let mut input = Vec::with_capacity(plane.len() * 3);
        for _ in 0..3 {
            input.extend_from_slice(&plane);
        }
        let tensor = Tensor::from_array(([1usize, 3, h, w], input)).map_err(|e| failed("det", e))?;
        let outputs = self.det.run(ort::inputs![tensor]).map_err(|e| failed("det", e))?;
        let (_, map) = outputs[0]
            .try_extract_tensor::<f32>()
            .map_err(|e| failed("det", e))?;
        if map.len() != w * h {
            return Err(format!("det: a map of {} values for {w}×{h}", map.len()));
        }
        let (sx, sy) = (page.width as f64 / w as f64, page.height as f64 / h as f64);
        let mut boxes: Vec<LineBox> = regions(map, w, h)
            .into_iter()
            .filter_map(|r| {
                let (bw, bh) = ((r.x1 - r.x0 + 1) as f64, (r.y1 - r.y0 + 1) as f64);
                if bw.min(bh) < 3.0 || r.score < BOX_THRESHOLD {
                    return None;
                }
                let grow = bw * bh * UNCLIP / (2.0 * (bw + bh));
                let clip = |v: f64, max: usize| v.clamp(0.0, max as f64);
                let b = LineBox {
                    left: clip((r.x0 as f64 - grow) * sx, page.width),
                    right: clip((r.x1 as f64 + 1.0 + grow) * sx, page.width),
                    top: clip((r.y0 as f64 - grow) * sy, page.height),
                    bottom: clip((r.y1 as f64 + 1.0 + grow) * sy, page.height),
                };
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
        let padded = widths.iter().copied().max().unwrap_or(1).max(REC_HEIGHT * 320 / 48);
        let mut input = vec![0f32; lines.len() * 3 * REC_HEIGHT * padded];
        for (k, (b, &rw)) in lines.iter().zip(&widths).enumerate() {
            let crop = page.cropped_resized(b, rw, REC_HEIGHT);
            let plane = REC_HEIGHT * padded;
            for c in 0..3 {
                let base = (k * 3 + c) * plane;
                for y in 0..REC_HEIGHT {
                    for x in 0..rw {
                        input[base + y * padded + x] = crop.pixels[y * rw + x] as f32 / 127.5 - 1.0;
                    }
                }
            }
        }
        let tensor = Tensor::from_array(([lines.len(), 3, REC_HEIGHT, padded], input))
            .map_err(|e| failed("rec", e))?;
        let outputs = self.rec.run(ort::inputs![tensor]).map_err(|e| failed("rec", e))?;
        let (shape, probs) = outputs[0]
            .try_extract_tensor::<f32>()
            .map_err(|e| failed("rec", e))?;
        let [n, steps, classes] = shape[..] else {
            return Err(format!("rec: output of shape {shape:?}"));
        };
        let (steps, classes) = (steps as usize, classes as usize);
        if n as usize != lines.len() || classes != self.chars.len() || probs.len() != lines.len() * steps * classes {
            return Err(format!("rec: output of shape {shape:?} for {} classes", self.chars.len()));
        }
        let mut out = Vec::with_capacity(lines.len());
        for (k, (b, &rw)) in lines.iter().zip(&widths).enumerate() {
            // A step of the output covers this many pixels of the page.
            let step_px = (padded as f64 / steps as f64) * (b.right - b.left) / rw as f64;
            let mut chars: Vec<Char> = Vec::new();
            let mut last = 0usize;
            for t in 0..steps {
                let row = &probs[(k * steps + t) * classes..(k * steps + t + 1) * classes];
                let (best, p) = row
                    .iter()
                    .enumerate()
                    .fold((0, f32::MIN), |m, (i, &p)| if p > m.1 { (i, p) } else { m });
                let x = b.left + (t as f64 + 0.5) * step_px;
                if best != 0 && best != last {
                    chars.push(Char { text: self.chars[best].clone(), from: x, to: x, confidence: p });
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
    }
}

/// A detected line of text, in the page's pixels.
#[derive(Clone, Debug)]
struct LineBox {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl LineBox {
    fn aspect(&self) -> f64 {
        (self.right - self.left) / (self.bottom - self.top).max(1.0)
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

/// A line's characters as words: they part at a space and at a gap wider than
/// a character (cells of a table whose rule between them was cleared).
fn split_words(line: &LineBox, chars: &[Char], page: u32) -> Vec<Word> {
    let height = line.bottom - line.top;
    // A character is about as wide as the line's print is high (0.7 of its box).
    let half = height * 0.35;
    let mut words = Vec::new();
    let mut run: Vec<&Char> = Vec::new();
    let flush = |run: &mut Vec<&Char>, words: &mut Vec<Word>| {
        if let (Some(first), Some(last)) = (run.first(), run.last()) {
            let left = (first.from - half).max(line.left);
            let right = (last.to + half).min(line.right).max(left + 1.0);
            let confidence = run.iter().map(|c| c.confidence).fold(1.0f32, f32::min);
            words.push(Word {
                page,
                text: run.iter().map(|c| c.text.as_str()).collect(),
                left,
                top: line.top,
                width: right - left,
                height,
                confidence: (confidence * 100.0).clamp(0.0, 100.0) as u8,
            });
        }
        run.clear();
    };
    for c in chars {
        if c.text.trim().is_empty() {
            flush(&mut run, &mut words);
            continue;
        }
        if run.last().is_some_and(|p| c.from - p.to > height * 1.2) {
            flush(&mut run, &mut words);
        }
        run.push(c);
    }
    flush(&mut run, &mut words);
    words
}

/// A region of the thresholded, dilated map: its bounding box and mean probability.
struct Region {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
    score: f32,
}

/// Connected regions of DB's map above [`DET_THRESHOLD`] (dilated by a pixel
/// right and down, as PP-OCR does), each with the mean probability over its box.
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
        let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
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
        let mut sum = 0f32;
        for y in y0..=y1 {
            sum += map[y * w + x0..=y * w + x1].iter().sum::<f32>();
        }
        let score = sum / ((x1 - x0 + 1) * (y1 - y0 + 1)) as f32;
        out.push(Region { x0, y0, x1, y1, score });
    }
    out
}

impl Gray {
    /// The page scaled to `w`×`h`, each pixel the mean of the page's pixels it covers.
    fn resized(&self, w: usize, h: usize) -> Gray {
        self.area(0.0, 0.0, self.width as f64, self.height as f64, w, h)
    }

    fn cropped_resized(&self, b: &LineBox, w: usize, h: usize) -> Gray {
        self.area(b.left, b.top, b.right, b.bottom, w, h)
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
        Gray { width: w, height: h, pixels }
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
        assert_eq!((r.x0, r.y0, r.x1, r.y1), (1, 1, 7, 3));
        // 12 hot pixels of 0.9 over the 7×3 box.
        assert!((r.score - 0.9 * 12.0 / 21.0).abs() < 1e-6, "{}", r.score);
    }

    fn char_at(text: &str, x: f64, confidence: f32) -> Char {
        Char { text: text.into(), from: x, to: x + 4.0, confidence }
    }

    #[test]
    fn a_line_parts_into_words_at_spaces_and_wide_gaps() {
        let line = LineBox { left: 0.0, right: 400.0, top: 10.0, bottom: 50.0 };
        // 合计 close together; 100.00 past a gap of a cleared rule (more than
        // 1.2 × the line's 40 px); then a space and 万元.
        let chars = vec![
            char_at("合", 20.0, 0.99),
            char_at("计", 50.0, 0.98),
            char_at("1", 150.0, 0.97),
            char_at("0", 165.0, 0.60),
            char_at(" ", 200.0, 0.99),
            char_at("万", 230.0, 0.99),
        ];
        let words = split_words(&line, &chars, 3);
        let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        assert_eq!(texts, ["合计", "10", "万"]);
        assert!(words.iter().all(|w| w.page == 3 && w.top == 10.0 && w.height == 40.0));
        // A word's confidence is its least sure character's.
        assert_eq!(words[1].confidence, 60);
        // A word spans its characters with half a character either side.
        assert!((words[0].left - 6.0).abs() < 1e-9, "{}", words[0].left);
        assert!(words[0].left + words[0].width < words[1].left);
    }

    #[test]
    fn shrinking_averages_and_growing_interpolates() {
        let page = Gray { width: 4, height: 2, pixels: vec![0, 100, 200, 200, 0, 100, 200, 200] };
        let small = page.resized(2, 1);
        assert_eq!(small.pixels, vec![50, 200]);
        let flat = Gray { width: 3, height: 3, pixels: vec![90; 9] };
        let big = flat.resized(7, 5);
        assert_eq!((big.width, big.height), (7, 5));
        assert!(big.pixels.iter().all(|&p| p == 90));
        // A crop reads its own rectangle only.
        let right = page.cropped_resized(&LineBox { left: 2.0, right: 4.0, top: 0.0, bottom: 2.0 }, 1, 1);
        assert_eq!(right.pixels, vec![200]);
    }
}
