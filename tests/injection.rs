//! Error injection that no rule was written from.
//!
//! 1. **From the checker's own trace.** For every relation the checker finds
//!    holding in a clean report (`check_traced`), each printed number taking
//!    part in it is altered beyond rounding in the source text, and the altered
//!    report must raise a finding the clean one did not. Over the seeds, the
//!    forms and, where `../shared/real` is present, the real excerpts.
//! 2. **From gold.** Every number of every `consistent` line of the gold files
//!    (relations a person found holding, whether or not a rule knows them) is
//!    altered where the source text prints it, with the same requirement.
//!    Each number is altered up and, separately, down: a whole above the
//!    parts a 其中 names only some of is no slip, below them it is.
//! 3. **From gold, in other shapes.** The same, in renditions of each text the
//!    way copies of real documents come (flattened onto one line, one cell per
//!    line, cells between spaces with indentation lost, prose wrapped): a
//!    reader that fits one rendering drops here.
//!
//! Every catch rate is printed; each is gated below and only ratchets up.
//! Neither list is written by hand: the relations come from the trace and the
//! gold, the alterations from the printed numbers.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jixiao_model::{Finding, Report, Severity};

mod common;
use jixiao_validate::Verdict;

/// Catch-rate floors (see the module comment); raise them when the rate rises.
const TRACE_FLOOR: f64 = 0.999;
const GOLD_FLOOR: f64 = 0.844;
const GOLD_ONCE_FLOOR: f64 = 0.926;
/// The same with every number altered downward: a whole above the parts a
/// 其中 names only some of is no slip, below them it is, so each way tells.
const GOLD_DOWN_FLOOR: f64 = 0.837;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The reports of a text, split into its forms as the CLI does.
fn reports(text: &str) -> Vec<Report> {
    jixiao_pipeline::read_reports(text.as_bytes(), &jixiao_ingest::Limits::default())
        .map(|f| f.reports)
        .unwrap_or_default()
}

/// What a finding says, for comparing two runs.
fn key(f: &Finding) -> (String, String) {
    (f.rule.clone(), f.message.clone())
}

fn finding_keys(text: &str) -> BTreeSet<(String, String)> {
    reports(text)
        .iter()
        .flat_map(|r| &r.findings)
        .map(key)
        .collect()
}

/// A number token in a line: its byte range and printed text.
fn number_tokens(line: &str) -> Vec<(usize, usize)> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !(b[i - 1].is_ascii_digit() || b[i - 1] == b'.')) {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || ((b[i] == b'.' || b[i] == b',')
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_digit()))
            {
                i += 1;
            }
            // `4. 0`: a PDF dump's space after the decimal point.
            if i + 2 < b.len() && b[i] == b'.' && b[i + 1] == b' ' && b[i + 2].is_ascii_digit() {
                i += 2;
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

fn value_of(token: &str) -> Option<jixiao_model::Decimal> {
    token.replace([',', ' '], "").parse().ok()
}

/// The number altered upward beyond rounding (see [`altered_by`]).
fn altered(token: &str) -> Option<String> {
    altered_by(token, Up(true))
}

/// Which way an alteration goes.
#[derive(Clone, Copy)]
struct Up(bool);

/// The number altered beyond rounding: by about 0.1–1 % of its size, and at
/// least one unit of its last printed digit, up or down (never below zero);
/// printed as the original was.
fn altered_by(token: &str, Up(up): Up) -> Option<String> {
    use jixiao_model::Decimal;
    let plain = token.replace([',', ' '], "");
    let value: Decimal = plain.parse().ok()?;
    let decimals = plain.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    let last_digit = Decimal::new(1, decimals);
    let digits = plain.split('.').next()?.trim_start_matches('0').len() as i64;
    // 10^(digits − 3): 437.61 → 1, 97.32 → 0.1, 4376100 → 10000.
    let mut step = Decimal::ONE;
    for _ in 0..(3 - digits).max(0) {
        step /= Decimal::TEN;
    }
    for _ in 0..(digits - 3).max(0) {
        step *= Decimal::TEN;
    }
    let step = step.max(last_digit);
    let new = match up {
        true => value + step,
        false => value.checked_sub(step).filter(|v| !v.is_sign_negative())?,
    }
    .round_dp(decimals);
    let mut text = format!("{new:.prec$}", prec = decimals as usize);
    if token.contains(',') {
        let (int, frac) = text.split_once('.').map_or((text.clone(), None), |(i, f)| {
            (i.to_string(), Some(f.to_string()))
        });
        let mut grouped = String::new();
        for (k, c) in int.chars().enumerate() {
            if k > 0 && (int.len() - k) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        text = frac.map_or(grouped.clone(), |f| format!("{grouped}.{f}"));
    }
    Some(text)
}

/// The text with the token at `line` (1-based), bytes `range`, altered.
fn with_altered(text: &str, line: usize, range: (usize, usize), up: Up) -> Option<String> {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let l = lines.get_mut(line.checked_sub(1)?)?;
    let new = altered_by(&l[range.0..range.1], up)?;
    l.replace_range(range.0..range.1, &new);
    Some(lines.join("\n"))
}

/// Where an operand is printed: its line, and the token on it with its value
/// (inside the operand's character span where the line holds several cells).
fn locate(text: &str, op: &jixiao_validate::Operand) -> Option<(usize, (usize, usize))> {
    let line_no = op.source.line? as usize;
    let line = text.split('\n').nth(line_no.checked_sub(1)?)?;
    let span = op.source.chars.map(|[a, b]| {
        let start = line
            .char_indices()
            .nth(a as usize)
            .map_or(line.len(), |(i, _)| i);
        let end = line
            .char_indices()
            .nth(b as usize)
            .map_or(line.len(), |(i, _)| i);
        (start, end)
    });
    // The token of that value, printed with the operand's decimals where one is
    // (`4. 0` the score, not `4` the weight of the same row).
    let candidates: Vec<(usize, usize)> = number_tokens(line)
        .into_iter()
        .filter(|(a, b)| span.is_none_or(|(s, e)| *a >= s && *b <= e))
        .filter(|(a, b)| value_of(&line[*a..*b]) == Some(op.number.value))
        .collect();
    let decimals = |(a, b): &(usize, usize)| {
        let plain = line[*a..*b].replace([',', ' '], "");
        plain.split_once('.').map_or(0, |(_, f)| f.len() as u32)
    };
    let printed_alike: Vec<&(usize, usize)> = candidates
        .iter()
        .filter(|t| decimals(t) == op.number.decimals)
        .collect();
    // Two tokens printed alike on the line (`编制人数3人,实有人数3人`) and no
    // cell span to tell them apart: which one is the operand is unknown, and
    // altering the other tests nothing.
    match printed_alike.as_slice() {
        [one] => Some((line_no, **one)),
        [] => candidates.first().map(|&range| (line_no, range)),
        _ => None,
    }
}

#[derive(Default)]
struct Tally {
    tried: usize,
    caught: usize,
    missed: Vec<String>,
}

impl Tally {
    fn add(&mut self, caught: bool, what: impl FnOnce() -> String) {
        self.tried += 1;
        if caught {
            self.caught += 1;
        } else if self.missed.len() < 400 {
            self.missed.push(what());
        }
    }

    fn absorb(&mut self, other: &Tally) {
        self.tried += other.tried;
        self.caught += other.caught;
        self.missed.extend(other.missed.iter().cloned());
    }

    /// The catch rate and what was missed, for the test's output.
    fn print(&self, what: &str) {
        eprintln!(
            "{what}: {}/{} caught ({:.3})",
            self.caught,
            self.tried,
            self.rate()
        );
        for m in &self.missed {
            eprintln!("  missed: {m}");
        }
    }

    fn rate(&self) -> f64 {
        if self.tried == 0 {
            1.0
        } else {
            self.caught as f64 / self.tried as f64
        }
    }
}

/// Text inputs: the seeds, the forms, and the real excerpts where present.
fn inputs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let txt_in = |dir: PathBuf| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        v.sort();
        v
    };
    out.extend(txt_in(root().join("fixtures")));
    out.extend(txt_in(root().join("fixtures/forms")));
    out.extend(txt_in(root().join("fixtures/shapes")));
    out.extend(txt_in(root().join("../shared/real")));
    out
}

fn trace_injection(path: &Path, tally: &mut Tally) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let clean = finding_keys(&text);
    let mut tried: BTreeSet<(usize, (usize, usize))> = BTreeSet::new();
    for report in reports(&text) {
        let (_, checks) = jixiao_validate::check_traced(&report);
        // (`rate.bounds` judges one number against a fixed bound, `满意度96.5%
        // ≤ 100%`: no relation between printed numbers, which an alteration
        // breaks only at its edge.)
        let relations = checks
            .iter()
            .filter(|c| c.verdict == Verdict::Consistent && c.rule != "rate.bounds");
        for check in relations {
            for op in std::iter::once(&check.stated).chain(&check.inputs) {
                let Some(at) = locate(&text, op) else {
                    continue;
                };
                if !tried.insert(at) {
                    continue;
                }
                let Some(bad) = with_altered(&text, at.0, at.1, Up(true)) else {
                    continue;
                };
                let caught = finding_keys(&bad).difference(&clean).next().is_some();
                tally.add(caught, || {
                    format!(
                        "{}:{} {} in `{}` ({})",
                        path.file_name().unwrap_or_default().to_string_lossy(),
                        at.0,
                        op.number.value,
                        check.relation,
                        check.rule
                    )
                });
            }
        }
    }
}

/// The gold file beside a source text, and the source text of a gold file.
fn gold_pairs() -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let shared = root().join("../shared");
    for (gold_dir, text_dir) in [
        (shared.join("gold"), root().join("fixtures")),
        (shared.join("forms"), root().join("fixtures/forms")),
        (shared.join("real"), shared.join("real")),
    ] {
        let Ok(entries) = std::fs::read_dir(&gold_dir) else {
            continue;
        };
        let mut golds: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        golds.sort();
        for g in golds {
            let Some(stem) = g.file_stem().map(|s| s.to_string_lossy().to_string()) else {
                continue;
            };
            let text = text_dir.join(format!("{stem}.txt"));
            if text.exists() {
                out.push((g, text));
            }
        }
    }
    out
}

/// `once` tallies the alterations of values the text prints only once: there
/// the altered number is the relation's own, not the same value printed in an
/// unrelated sentence.
fn gold_injection(gold: &Path, path: &Path, up: Up, tally: &mut Tally, once: &mut Tally) {
    if let Ok(text) = std::fs::read_to_string(path) {
        gold_injection_in(gold, path, &text, up, tally, once);
    }
}

/// Gold injection into `text`, a rendition of the file at `path`.
fn gold_injection_in(
    gold: &Path,
    path: &Path,
    text: &str,
    up: Up,
    tally: &mut Tally,
    once: &mut Tally,
) {
    let Ok(gold_text) = std::fs::read_to_string(gold) else {
        return;
    };
    let Ok(gold_json) = serde_json::from_str::<serde_json::Value>(&gold_text) else {
        return;
    };
    let Some(lines) = gold_json.get("consistent").and_then(|c| c.as_array()) else {
        return;
    };
    let clean = finding_keys(text);
    let mut printed: std::collections::HashMap<jixiao_model::Decimal, usize> = Default::default();
    for line in text.split('\n') {
        for (a, b) in number_tokens(line) {
            if let Some(v) = value_of(&line[a..b]) {
                *printed.entry(v).or_default() += 1;
            }
        }
    }
    let mut tried: BTreeSet<(usize, (usize, usize))> = BTreeSet::new();
    for relation in lines.iter().filter_map(|l| l.as_str()) {
        // The distinctive numbers of the relation: with decimals, or three digits or more.
        let values: Vec<jixiao_model::Decimal> = number_tokens(relation)
            .into_iter()
            .map(|(a, b)| &relation[a..b])
            // Round integers (100, 6500) are weights, bounds and targets everywhere;
            // years (`2018预算`) are dates, not quantities.
            .filter(|t| t.contains('.') || (t.len() >= 3 && !t.ends_with('0')))
            .filter(|t| {
                !(t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1990..=2035).contains(&y)))
            })
            .filter_map(value_of)
            .collect();
        for (n, line) in text.split('\n').enumerate() {
            for range in number_tokens(line) {
                let Some(v) = value_of(&line[range.0..range.1]) else {
                    continue;
                };
                if !values.contains(&v) || !tried.insert((n + 1, range)) {
                    continue;
                }
                let Some(bad) = with_altered(text, n + 1, range, up) else {
                    continue;
                };
                let caught = finding_keys(&bad).difference(&clean).next().is_some();
                let what = || {
                    format!(
                        "{}:{} {v} of `{relation}`",
                        path.file_name().unwrap_or_default().to_string_lossy(),
                        n + 1
                    )
                };
                if printed.get(&v) == Some(&1) {
                    once.add(caught, what);
                }
                tally.add(caught, what);
            }
        }
    }
}

#[test]
fn altering_a_number_of_a_holding_relation_raises_a_finding() {
    let mut tally = Tally::default();
    for path in inputs() {
        trace_injection(&path, &mut tally);
    }
    tally.print("trace injection");
    assert!(
        tally.tried > 50,
        "too few relations traced: {}",
        tally.tried
    );
    assert!(
        tally.rate() >= TRACE_FLOOR,
        "trace catch rate {:.3}",
        tally.rate()
    );
}

#[test]
fn altering_a_number_of_a_gold_consistent_line_raises_a_finding() {
    let pairs = gold_pairs();
    let mut tally = Tally::default();
    let mut once = Tally::default();
    // Per set too: the real excerpts are the shapes the held-out set judges.
    let mut by_set: std::collections::BTreeMap<String, Tally> = Default::default();
    for (gold, text) in &pairs {
        let set = gold
            .parent()
            .and_then(|d| d.file_name())
            .map(|d| d.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut one = Tally::default();
        gold_injection(gold, text, Up(true), &mut one, &mut once);
        tally.absorb(&one);
        by_set.entry(set).or_default().absorb(&one);
    }
    for (set, t) in &by_set {
        eprintln!("  {set}: {}/{} ({:.3})", t.caught, t.tried, t.rate());
    }
    once.print("gold injection, values printed once");
    tally.print(&format!("gold injection over {} files", pairs.len()));
    assert!(
        tally.rate() >= GOLD_FLOOR,
        "gold catch rate {:.3}",
        tally.rate()
    );
    assert!(
        once.rate() >= GOLD_ONCE_FLOOR,
        "gold catch rate on values printed once {:.3}",
        once.rate()
    );
}

#[test]
fn altering_a_number_of_a_gold_consistent_line_downward_raises_a_finding() {
    let mut tally = Tally::default();
    let mut once = Tally::default();
    for (gold, text) in &gold_pairs() {
        gold_injection(gold, text, Up(false), &mut tally, &mut once);
    }
    tally.print("gold injection, altered downward");
    assert!(
        tally.rate() >= GOLD_DOWN_FLOOR,
        "gold catch rate, altered downward {:.3}",
        tally.rate()
    );
}

/// The shapes a copied text takes on the way to an archive (the real dev
/// set's README lists them): each line a table row or a cell, or all of it on
/// one line, or wrapped at a width.
const RENDITIONS: [(&str, fn(&str) -> String); 5] = [
    // A table flattened into words on one line.
    ("flat", |t| {
        t.split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }),
    // One cell per line, a blank line after each row (a Word or web table
    // copied as text).
    ("cells", |t| {
        let mut out = String::new();
        for line in t.split('\n') {
            for cell in line
                .split(['|', '\t'])
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                out.push_str(cell);
                out.push('\n');
            }
            out.push('\n');
        }
        out
    }),
    // One row per line, cells between spaces, indentation lost.
    ("glued", common::cells_between_spaces),
    // One row per line, each run of spaces one space (a web page's copy of a
    // PDF's text: a merged label on the line where its middle falls, a wrapped
    // cell's lines on lines of their own).
    ("spaced", |t| {
        t.split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n")
    }),
    // Prose wrapped at 38 characters (a PDF's text layer); table lines (and
    // lines laid out in columns) kept.
    ("wrapped", |t| {
        let mut out = Vec::new();
        for line in t.split('\n') {
            let chars: Vec<char> = line.chars().collect();
            if line.contains(['|', '\t']) || line.trim().contains("  ") || chars.len() <= 38 {
                out.push(line.to_string());
            } else {
                out.extend(chars.chunks(38).map(|c| c.iter().collect::<String>()));
            }
        }
        out.join("\n")
    }),
];

/// Catch-rate floors of gold injection in each rendition (see [`RENDITIONS`]).
const RENDITION_FLOORS: [f64; 5] = [0.820, 0.837, 0.837, 0.844, 0.804];

#[test]
fn altering_a_gold_relation_in_a_rendition_of_its_text_raises_a_finding() {
    let pairs = gold_pairs();
    let mut failed = Vec::new();
    for ((name, render), floor) in RENDITIONS.iter().zip(RENDITION_FLOORS) {
        let mut tally = Tally::default();
        let mut once = Tally::default();
        for (gold, path) in &pairs {
            if let Ok(text) = std::fs::read_to_string(path) {
                gold_injection_in(gold, path, &render(&text), Up(true), &mut tally, &mut once);
            }
        }
        eprintln!(
            "  {name}: {}/{} ({:.3})",
            tally.caught,
            tally.tried,
            tally.rate()
        );
        // What each rendition loses, where a reader of the shapes wants it.
        if std::env::var_os("INJECTION_MISSES").is_some() {
            for m in &tally.missed {
                eprintln!("    {name} missed: {m}");
            }
        }
        if tally.rate() < floor {
            failed.push(format!("{name} {:.3} < {floor}", tally.rate()));
        }
    }
    assert!(failed.is_empty(), "rendition catch rates: {failed:?}");
}

/// Invented reports every figure of which holds (`fixtures/clean/`, written
/// by `scripts/make_clean.py`): their names and texts.
fn clean_texts() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(root().join("fixtures/clean"))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().to_string();
            Some((name, std::fs::read_to_string(&p).ok()?))
        })
        .collect();
    out.sort();
    out
}

/// Every space and pipe gone, the lines run into one: a form OCR'd or a PDF
/// dumped with its cells run together (the real dev set's P_10).
fn glued(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '|')
        .collect()
}

/// A date as it prints a year, month or day (`2023年12月31日`, `2022-2024`),
/// or an item's number (`1.`, `2、`, `（3）`): no figure of a relation.
fn is_no_figure(line: &str, (start, end): (usize, usize)) -> bool {
    let token = &line[start..end];
    let before = line[..start].chars().next_back();
    let after = line[end..].chars().next();
    let year = token.len() == 4
        && (token.starts_with("19") || token.starts_with("20"))
        && matches!(after, None | Some('年' | '-' | '—' | '～' | '~' | '至'));
    let item = token.len() <= 2
        && (matches!(after, Some('.' | '．' | '、'))
            || (matches!(before, Some('（' | '(')) && matches!(after, Some('）' | ')'))));
    // A date's month and day (`2023年12月31日`).
    let date = token.len() <= 2
        && ((before == Some('年') && after == Some('月'))
            || (before == Some('月') && matches!(after, Some('日' | '号'))));
    year || item || date
}

#[test]
fn clean_invented_reports_raise_no_error_in_any_rendition() {
    let texts = clean_texts();
    assert!(texts.len() >= 19, "fixtures/clean holds {}", texts.len());
    let mut false_findings = Vec::new();
    for (name, text) in &texts {
        // As written, nothing at all: every figure holds.
        for f in reports(text).iter().flat_map(|r| &r.findings) {
            false_findings.push(format!("{name}: {} {}", f.rule, f.message));
        }
        // In other shapes a reading may say it is unsure (a warning), never wrong.
        let renditions = RENDITIONS
            .iter()
            .map(|(n, render)| (*n, render(text)))
            .chain([("every space gone", glued(text))]);
        for (shape, rendered) in renditions {
            for r in reports(&rendered) {
                for f in r.findings.iter().filter(|f| f.severity == Severity::Error) {
                    false_findings.push(format!("{name} ({shape}): {} {}", f.rule, f.message));
                }
            }
        }
    }
    assert!(false_findings.is_empty(), "{false_findings:#?}");
}

/// Catch-rate floor of altering every number of the clean invented reports.
const EVERY_NUMBER_FLOOR: f64 = 0.826;

/// Every printed number of each clean invented report (dates and items'
/// numbers aside)
/// altered in turn, whether or not any rule knows a relation it is part of:
/// the nearest measure here of altered reports nobody wrote a rule from.
/// Numbers standing alone (a count of households, a satisfaction rate) can
/// not be caught, so the rate stays below one.
#[test]
fn altering_any_number_of_a_clean_invented_report_raises_a_finding() {
    let mut tally = Tally::default();
    for (name, text) in clean_texts() {
        let clean = finding_keys(&text);
        for (n, line) in text.split('\n').enumerate() {
            for range in number_tokens(line) {
                if is_no_figure(line, range) {
                    continue;
                }
                let Some(bad) = with_altered(&text, n + 1, range, Up(true)) else {
                    continue;
                };
                let caught = finding_keys(&bad).difference(&clean).next().is_some();
                tally.add(caught, || {
                    format!("{name}:{} {}", n + 1, &line[range.0..range.1])
                });
            }
        }
    }
    tally.print("every number of the clean invented reports");
    assert!(tally.tried > 400, "too few numbers: {}", tally.tried);
    assert!(
        tally.rate() >= EVERY_NUMBER_FLOOR,
        "every-number catch rate {:.3}",
        tally.rate()
    );
}

#[test]
fn alterations_are_beyond_rounding_and_keep_the_printing() {
    assert_eq!(altered("437.61").as_deref(), Some("438.61"));
    assert_eq!(altered("97.32").as_deref(), Some("97.42"));
    assert_eq!(altered("5").as_deref(), Some("6"));
    assert_eq!(altered("4,376,100").as_deref(), Some("4,386,100"));
    assert_eq!(altered("99.82").as_deref(), Some("99.92"));
    assert_eq!(altered_by("437.61", Up(false)).as_deref(), Some("436.61"));
    assert_eq!(
        altered_by("4,376,100", Up(false)).as_deref(),
        Some("4,366,100")
    );
    assert_eq!(altered_by("0", Up(false)), None);
    assert_eq!(
        number_tokens("合计 1,122.33 万元，2023年"),
        vec![(7, 15), (25, 29)]
    );
}
