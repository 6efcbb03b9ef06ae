//! `cargo bench`: the whole pipeline (read + extract + check) on the PDF
//! fixtures, in pages per second, beside `pdftotext -layout` on the same files
//! in the same run when poppler is installed. Figures are ratios because these
//! machines are shared and noisy; `scripts/bench.sh` also measures batches.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn pdfs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut out = Vec::new();
    let mut stack = vec![root.join("pdf"), root.join("pdf-cases")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "pdf") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn main() {
    let files = pdfs();
    let inputs: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    let rounds = 5;
    let mut pages = 0u64;
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        pages = 0;
        for bytes in &inputs {
            if let Ok(file) =
                jixiao_pipeline::read_reports(bytes, &jixiao_ingest::Limits::default())
            {
                pages += u64::from(file.pages.unwrap_or(0));
                std::hint::black_box(file.reports);
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "pipeline: {} PDFs, {pages} pages, best of {rounds}: {:.0} pages/s",
        files.len(),
        pages as f64 / best
    );
    let poppler = Command::new("pdftotext").arg("-v").output().is_ok();
    if !poppler {
        println!("pdftotext not installed: no reference ratio (apt-get install poppler-utils poppler-data)");
        return;
    }
    let mut reference = f64::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        for f in &files {
            let _ = Command::new("pdftotext")
                .arg("-layout")
                .arg(f)
                .arg("/dev/null")
                .output();
        }
        reference = reference.min(start.elapsed().as_secs_f64());
    }
    println!("pdftotext -layout: {:.0} pages/s", pages as f64 / reference);
    println!(
        "cost per page, jixiao / pdftotext: {:.2} (goal: at most 2)",
        best / reference
    );
}
