//! The batch run over an archive: order whatever the number of jobs, shards
//! that add up to the whole, resuming, manifests, and the per-document time
//! limit turning a pathological file into its own `failed` line.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::Scratch;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scratch() -> Scratch {
    Scratch::new("batch")
}

/// Runs `jixiao extract` and returns (exit code, output lines, stderr).
fn extract(args: &[&str], out: &Path) -> (Option<i32>, Vec<String>, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(root())
        .arg("extract")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("run jixiao");
    let text = std::fs::read_to_string(out.join("reports.ndjson")).unwrap_or_default();
    (
        o.status.code(),
        text.lines().map(str::to_string).collect(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn paths(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON")["source"]["path"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

#[test]
fn output_order_is_input_order_whatever_the_jobs() {
    let (one, two) = (scratch(), scratch());
    let (_, a, _) = extract(&["fixtures", "--jobs", "1", "--quiet"], &one);
    let (_, b, _) = extract(&["fixtures", "--jobs", "2", "--quiet"], &two);
    assert!(a.len() > 30);
    assert_eq!(a, b);
    let mut sorted = paths(&a);
    sorted.dedup();
    let mut check = sorted.clone();
    // Folders are walked in name order, component by component.
    check.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(sorted, check, "inputs come out in walking (name) order");
}

#[test]
fn shards_partition_the_inputs() {
    let all = paths(&extract(&["fixtures", "--quiet"], &scratch()).1);
    let mut union = Vec::new();
    for k in 1..=3 {
        let part = paths(
            &extract(
                &["fixtures", "--quiet", "--shard", &format!("{k}/3")],
                &scratch(),
            )
            .1,
        );
        assert!(!part.is_empty());
        union.extend(part);
    }
    union.sort();
    let mut all_sorted = all.clone();
    all_sorted.sort();
    assert_eq!(union, all_sorted);
    let (code, _, err) = extract(&["fixtures", "--shard", "4/3"], &scratch());
    assert_eq!(code, Some(2), "{err}");
}

#[test]
fn resume_keeps_earlier_results_and_adds_the_new() {
    let out = scratch();
    let (_, first, _) = extract(
        &[
            "fixtures/forms/01_qinglan_xuesheng_zizhu.txt",
            "fixtures/forms/02_binhe_wangjiang_baojie.txt",
            "--quiet",
        ],
        &out,
    );
    assert_eq!(first.len(), 2);
    let (code, second, err) = extract(
        &[
            "fixtures/forms/01_qinglan_xuesheng_zizhu.txt",
            "fixtures/forms/02_binhe_wangjiang_baojie.txt",
            "fixtures/forms/04_binhe_weijian_bumen.txt",
            "--resume",
        ],
        &out,
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(second.len(), 3);
    assert_eq!(&second[..2], &first[..], "kept lines are the earlier run's");
    assert!(err.contains("2 kept from the earlier run"), "{err}");
    assert!(
        !out.join(".journal.ndjson").exists(),
        "the journal is removed after a finished batch"
    );
}

#[test]
fn a_manifest_lists_inputs() {
    let dir = scratch();
    let manifest = dir.join("list.txt");
    std::fs::write(&manifest, "# two forms\nfixtures/forms/02_binhe_wangjiang_baojie.xlsx\n\nfixtures/forms/01_qinglan_xuesheng_zizhu.html\n").expect("manifest");
    let (_, lines, _) = extract(
        &[&format!("@{}", manifest.display()), "--quiet"],
        &dir.join("out"),
    );
    assert_eq!(
        paths(&lines),
        [
            "fixtures/forms/02_binhe_wangjiang_baojie.xlsx",
            "fixtures/forms/01_qinglan_xuesheng_zizhu.html"
        ]
    );
}

#[test]
fn a_document_over_the_time_limit_fails_alone() {
    let dir = scratch();
    // html5ever needs many seconds for 100,000 nested elements.
    let deep = format!(
        "<html><body>{}<p>正文</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let slow = dir.join("deep.html");
    std::fs::write(&slow, deep).expect("write");
    let (code, lines, _) = extract(
        &[
            slow.to_str().unwrap_or(""),
            "fixtures/forms/02_binhe_wangjiang_baojie.txt",
            "--timeout",
            "1",
            "--max-depth",
            "200000",
            "--quiet",
        ],
        &dir.join("out"),
    );
    assert_eq!(code, Some(1));
    assert_eq!(lines.len(), 2);
    let first: serde_json::Value = serde_json::from_str(&lines[0]).expect("JSON");
    assert_eq!(first["error"]["code"], "input.timeout");
    assert!(first["source"]["sha256"]
        .as_str()
        .is_some_and(|s| s.len() == 64));
    let second: serde_json::Value = serde_json::from_str(&lines[1]).expect("JSON");
    assert_eq!(second["status"], "ok");
}

#[test]
fn tables_are_written_beside_the_reports() {
    let out = scratch();
    let (_, _, err) = extract(&["fixtures/forms", "--quiet", "--tables", "csv"], &out);
    for t in [
        "documents",
        "budget",
        "score_items",
        "targets",
        "line_items",
        "findings",
    ] {
        assert!(
            out.join(format!("{t}.csv")).exists(),
            "{t}.csv missing: {err}"
        );
    }
    let documents = std::fs::read_to_string(out.join("documents.csv")).expect("documents.csv");
    assert_eq!(
        documents.lines().count(),
        13,
        "a header and one row per form rendition"
    );
    let budget = std::fs::read_to_string(out.join("budget.csv")).expect("budget.csv");
    assert!(
        budget.contains(",70720000,92.8"),
        "exact yuan and rate: {budget}"
    );
}

/// An archive with repeats: every fixture text twice under other names, one of
/// them a third time in another folder.
fn archive_with_repeats() -> Scratch {
    let dir = scratch();
    std::fs::create_dir_all(dir.join("mirror")).expect("archive dir");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/forms"))
        .expect("forms")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    texts.sort();
    for (k, t) in texts.iter().enumerate() {
        let bytes = std::fs::read(t).expect("fixture");
        let ext = t.extension().and_then(|x| x.to_str()).unwrap_or("txt");
        std::fs::write(dir.join(format!("{k:02}_a.{ext}")), &bytes).expect("write");
        std::fs::write(dir.join(format!("{k:02}_b.{ext}")), &bytes).expect("write");
        if k == 0 {
            std::fs::write(dir.join("mirror").join(format!("copy.{ext}")), &bytes).expect("write");
        }
    }
    dir
}

#[test]
fn repeated_inputs_are_read_once_and_said_so() {
    let dir = archive_with_repeats();
    let out = scratch();
    let (code, lines, err) = extract(
        &[dir.to_str().unwrap_or(""), "--quiet", "--jobs", "2"],
        &out,
    );
    assert_eq!(code, Some(0), "{err}");
    let values: Vec<serde_json::Value> = lines
        .iter()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    // One line per input, in input order.
    assert_eq!(values.len(), 17, "{}", lines.join("\n"));
    let dups: Vec<&serde_json::Value> = values
        .iter()
        .filter(|v| !v["source"]["duplicate_of"].is_null())
        .collect();
    assert_eq!(dups.len(), 9, "each repeat after the first copy");
    for d in &dups {
        let first = d["source"]["duplicate_of"].as_str().unwrap_or("");
        let original = values
            .iter()
            .find(|v| v["source"]["path"] == first)
            .expect("the first copy is in the output");
        assert!(original["source"]["duplicate_of"].is_null());
        assert_eq!(
            original["report"], d["report"],
            "the repeat's results are the first's"
        );
        assert_eq!(original["source"]["sha256"], d["source"]["sha256"]);
    }
}

#[test]
fn a_resume_after_a_crash_anywhere_equals_an_uninterrupted_run() {
    let dir = archive_with_repeats();
    let arg = dir.to_str().unwrap_or("").to_string();
    let clean_out = scratch();
    let (_, clean, _) = extract(&[&arg, "--quiet", "--jobs", "2"], &clean_out);
    // What a crash leaves: the journal of the documents read so far, in the
    // order they finished, its last line cut mid-write; no reports.ndjson.
    let read_once: Vec<&String> = clean
        .iter()
        .filter(|l| !l.contains("\"duplicate_of\""))
        .collect();
    for cut in [0, 1, read_once.len() / 2, read_once.len() - 1] {
        let out = scratch();
        let mut journal: Vec<u8> = Vec::new();
        for line in read_once.iter().rev().take(cut) {
            journal.extend_from_slice(line.as_bytes());
            journal.push(b'\n');
        }
        if let Some(next) = read_once.get(read_once.len() - cut - 1) {
            // Cut mid-write: the bytes a write left, inside a character if so.
            journal.extend_from_slice(&next.as_bytes()[..next.len() / 2]);
        }
        std::fs::write(out.join(".journal.ndjson"), journal).expect("journal");
        let (code, resumed, err) = extract(&[&arg, "--quiet", "--jobs", "2", "--resume"], &out);
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(resumed, clean, "resumed after {cut} documents");
    }
    // A real kill -9 at several moments, then a resume.
    for wait_ms in [30, 120, 400] {
        let out = scratch();
        let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .current_dir(root())
            .args(["extract", &arg, "--quiet", "--jobs", "2", "--out"])
            .arg(&out)
            .spawn()
            .expect("run jixiao");
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        let _ = child.kill();
        let _ = child.wait();
        let (code, resumed, err) = extract(&[&arg, "--quiet", "--jobs", "2", "--resume"], &out);
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(resumed, clean, "resumed after a kill at {wait_ms} ms");
    }
}

#[test]
fn a_folder_walk_reads_documents_and_counts_what_it_leaves_out() {
    let dir = scratch();
    let form = root().join("fixtures/forms/01_qinglan_xuesheng_zizhu.txt");
    std::fs::copy(&form, dir.join("form.txt")).expect("copy");
    std::fs::write(dir.join("reports.ndjson"), "{}\n").expect("write");
    std::fs::write(dir.join("findings.csv"), "sha256,part\n").expect("write");
    std::fs::write(dir.join("meta.json"), "{\"a\": 1}").expect("write");
    std::fs::write(dir.join("meta2.json"), "[]").expect("write");
    std::fs::write(dir.join("scan.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let out = scratch();
    let (code, lines, err) = extract(&[dir.to_str().unwrap_or("")], &out);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(lines.len(), 1, "only the report is read: {lines:?}");
    assert!(err.contains("skipped 2 .json files"), "{err}");
    assert!(err.contains("skipped 1 images"), "{err}");
    assert!(err.contains("skipped 1 jixiao outputs"), "{err}");
    assert!(err.contains("skipped 1 jixiao tables (.csv)"), "{err}");
    // Named on the command line, an image is read, and told it needs OCR.
    let out = scratch();
    let scan = dir.join("scan.png");
    let (code, lines, _) = extract(&[scan.to_str().unwrap_or(""), "--quiet"], &out);
    assert_eq!(code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&lines[0]).expect("JSON");
    assert_eq!(v["error"]["code"], "image.needs_ocr");
}
