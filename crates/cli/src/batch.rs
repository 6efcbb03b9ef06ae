//! `jixiao extract` over an archive: inputs in parallel on a rayon pool, the
//! output in input order whatever the number of jobs, a per-document time
//! limit, resuming an interrupted run, sharding over machines, a progress line.
//!
//! Repeated inputs (the same bytes under another name) are read once: the
//! first worker to meet a content reads it, the others' lines are its lines
//! under their own path, marked `duplicate_of` the first input in input order.
//!
//! Crash safety: every finished document is appended to `.journal.ndjson`
//! (flushed) as it completes; `reports.ndjson` is written under a temporary
//! name in input order and renamed when the batch ends. A crash leaves the
//! journal, which `--resume` reads, and never half a `reports.ndjson`.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::time::{Duration, Instant};

use crate::line::ReportJson;
use jixiao_export::tables::{write_tables, TableFormat};

use crate::pipeline::{
    failed, process_bytes, sha256_hex, unreadable, walk_inputs, Processed, Skipped,
};

/// How a batch runs.
pub struct Options {
    /// Output folder.
    pub out: PathBuf,
    /// Documents processed at once.
    pub jobs: usize,
    /// Time limit per document.
    pub timeout: Duration,
    /// Keep results already in the output folder for inputs with the same sha256.
    pub resume: bool,
    /// `(k, n)`: take the k-th of every n inputs (1-based k).
    pub shard: Option<(usize, usize)>,
    /// Also write flat tables.
    pub tables: Option<TableFormat>,
    /// Print nothing but errors.
    pub quiet: bool,
    /// Bounds on what one input may make the readers do.
    pub limits: jixiao_ingest::Limits,
}

/// Counts of outcomes in a batch.
#[derive(Default, Debug)]
pub struct Summary {
    pub ok: usize,
    pub partial: usize,
    pub failed: usize,
    /// Documents taken from an earlier run (`--resume`).
    pub resumed: usize,
    /// Inputs whose bytes an earlier input of the run already had.
    pub duplicates: usize,
    /// Files a folder walk left out, by kind.
    pub skipped: Skipped,
}

impl Summary {
    pub fn total(&self) -> usize {
        self.ok + self.partial + self.failed
    }
    fn count(&mut self, status: &str) {
        match status {
            "ok" => self.ok += 1,
            "partial" => self.partial += 1,
            _ => self.failed += 1,
        }
    }
}

/// Parses `K/N` (1 ≤ K ≤ N).
pub fn parse_shard(text: &str) -> Result<(usize, usize), String> {
    let (k, n) = text
        .split_once('/')
        .ok_or_else(|| format!("--shard {text}: expected K/N, e.g. 1/4"))?;
    let (k, n): (usize, usize) = (
        k.trim()
            .parse()
            .map_err(|_| format!("--shard {text}: K is not a number"))?,
        n.trim()
            .parse()
            .map_err(|_| format!("--shard {text}: N is not a number"))?,
    );
    if n == 0 || k == 0 || k > n {
        return Err(format!("--shard {text}: K must be between 1 and N"));
    }
    Ok((k, n))
}

/// One document's result: its report lines, serialized by the worker (the
/// writing thread only copies bytes), with each line's status.
struct Done {
    index: usize,
    /// The input's sha256 (empty when it could not be read).
    sha: String,
    /// The lines, or none for an input whose bytes another input of the run
    /// is reading (`duplicate`): its lines are that one's.
    lines: Vec<ReportJson>,
    duplicate: bool,
    resumed: bool,
}

/// A sha256 as its 32 bytes: the run keeps one per distinct input, so the
/// hex string's 64 bytes and allocation would be most of its memory per document.
type Digest = [u8; 32];

fn digest(hex: &str) -> Option<Digest> {
    let bytes = hex.as_bytes();
    if bytes.len() != 64 {
        return None;
    }
    let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = [0u8; 32];
    for (k, pair) in bytes.chunks_exact(2).enumerate() {
        out[k] = nibble(pair[0])? << 4 | nibble(pair[1])?;
    }
    Some(out)
}

/// What the run knows of one content: whether a worker has taken it to read,
/// the first input (in input order) that holds it, and where its lines were
/// journalled (offset, length): a repeat reads its lines back from there, so
/// memory stays flat however many documents the run holds.
#[derive(Default)]
struct Seen {
    claimed: bool,
    first: Option<usize>,
    journalled: Option<(u64, u64)>,
}

/// Lines journalled at `at` (`len` bytes) in the journal.
fn read_back(journal: &Path, at: u64, len: u64) -> std::io::Result<Vec<ReportJson>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = File::open(journal)?;
    file.seek(SeekFrom::Start(at))?;
    let mut text = String::new();
    file.take(len).read_to_string(&mut text)?;
    Ok(text
        .lines()
        .filter_map(|l| ReportJson::parse(l.as_bytes()))
        .collect())
}

/// The last byte of a file, if it has one.
fn last_byte(path: &Path) -> Option<u8> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = File::open(path).ok()?;
    file.seek(SeekFrom::End(-1)).ok()?;
    let mut byte = [0u8];
    file.read_exact(&mut byte).ok()?;
    Some(byte[0])
}

/// What a worker made of one input.
enum Outcome {
    /// Read now.
    Read(Vec<ReportJson>),
    /// Taken from the earlier run (`--resume`).
    Resumed(Vec<ReportJson>),
    /// The same bytes as another input of this run, read once there.
    Duplicate,
}

/// The first line's `code — message` of a failed document, for the progress line.
fn failure_of(lines: &[ReportJson]) -> Option<String> {
    let head = lines.first()?.head();
    let error = head.error.as_ref().filter(|_| head.status == "failed")?;
    Some(format!("{} — {}", error.code, error.message))
}

/// Lines of an earlier run by input sha256: one document's lines per content
/// (a repeated input's lines are its first copy's, so they are not taken
/// twice). Timed-out and crashed documents are run again.
fn previous_results(out: &Path) -> HashMap<String, Vec<ReportJson>> {
    let mut by_sha: HashMap<String, Vec<ReportJson>> = HashMap::new();
    for name in ["reports.ndjson", ".journal.ndjson"] {
        let Ok(file) = File::open(out.join(name)) else {
            continue;
        };
        // sha → the path whose lines stand for it, in this file.
        let mut seen_here: HashMap<String, (String, Vec<ReportJson>)> = HashMap::new();
        // Bytes, not text: a crash may cut a line inside a character, and the
        // lines after it must still be read.
        for line in BufReader::new(file).split(b'\n').map_while(Result::ok) {
            // A line cut by a crash does not parse: it is simply not reused.
            let Some(v) = ReportJson::parse(&line) else {
                continue;
            };
            let head = v.head();
            let retry = head
                .error
                .as_ref()
                .is_some_and(|e| matches!(e.code.as_str(), "input.timeout" | "internal.panic"));
            let sha = head.source_str("sha256");
            let repeat = head
                .source
                .get("duplicate_of")
                .is_some_and(|d| !d.is_null());
            if sha.is_empty() || retry || repeat {
                continue;
            }
            let (sha, path) = (sha.to_string(), head.source_str("path").to_string());
            let part = head.source.get("part").cloned();
            let entry = seen_here
                .entry(sha)
                .or_insert_with(|| (path.clone(), Vec::new()));
            if entry.0 == path {
                // A document appears once per part; one journalled twice keeps its last reading.
                entry
                    .1
                    .retain(|l| l.head().source.get("part") != part.as_ref());
                entry.1.push(v);
            }
        }
        by_sha.extend(seen_here.into_iter().map(|(sha, (_, lines))| (sha, lines)));
    }
    by_sha
}

fn timed_out(path: &Path, sha256: String, limit: Duration) -> Processed {
    let message = format!("reading took longer than {} s and was abandoned; the file may be huge or pathological — raise --timeout, or split the file", limit.as_secs());
    failed(path, None, sha256, "input.timeout", message)
}

/// A thread that runs documents through the stages, one at a time. A worker
/// hands it each document and waits at most the time limit; a document that
/// overruns is reported as timed out and its executor is left to finish on
/// its own, replaced by a fresh one. Executors live across documents, so a
/// batch does not create a thread (and an allocator arena) per file.
struct Executor {
    jobs: mpsc::Sender<(PathBuf, Vec<u8>, jixiao_ingest::Limits)>,
    results: mpsc::Receiver<Vec<ReportJson>>,
}

impl Executor {
    fn start() -> Option<Executor> {
        let (job_tx, job_rx) = mpsc::channel::<(PathBuf, Vec<u8>, jixiao_ingest::Limits)>();
        let (result_tx, result_rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("jixiao-doc".into())
            .stack_size(16 << 20)
            .spawn(move || {
                for (path, bytes, limits) in job_rx {
                    if result_tx
                        .send(process_bytes(&path, bytes, &limits).lines)
                        .is_err()
                    {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Executor {
            jobs: job_tx,
            results: result_rx,
        })
    }
}

/// Runs one document under the time limit, reusing `executor` while it is healthy.
fn run_one(
    executor: &mut Option<Executor>,
    path: &Path,
    limit: Duration,
    limits: &jixiao_ingest::Limits,
    previous: &HashMap<String, Vec<ReportJson>>,
    seen: &Mutex<HashMap<Digest, Seen>>,
) -> (String, Outcome) {
    // Refused before it is read into memory.
    if let Ok(meta) = fs::metadata(path) {
        if meta.len() > limits.max_bytes {
            let message = format!("the file is {} MB, more than the {} MB limit; raise --max-bytes if it really is one report", meta.len() >> 20, limits.max_bytes >> 20);
            let lines = failed(path, None, String::new(), "input.too_large", message).lines;
            return (String::new(), Outcome::Read(lines));
        }
    }
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => return (String::new(), Outcome::Read(unreadable(path, &e).lines)),
    };
    let sha = sha256_hex(&bytes);
    if let Some(lines) = previous.get(&sha) {
        return (sha, Outcome::Resumed(lines.clone()));
    }
    // The first worker to meet these bytes reads them; the others wait for its lines.
    let first = seen
        .lock()
        .map(|mut seen| {
            digest(&sha)
                .is_none_or(|d| !std::mem::replace(&mut seen.entry(d).or_default().claimed, true))
        })
        .unwrap_or(true);
    if !first {
        return (sha, Outcome::Duplicate);
    }
    if executor.is_none() {
        *executor = Executor::start();
    }
    let Some(exec) = executor.as_ref() else {
        return (
            sha.clone(),
            Outcome::Read(timed_out(path, sha, limit).lines),
        );
    };
    if exec
        .jobs
        .send((path.to_path_buf(), bytes, limits.clone()))
        .is_err()
    {
        *executor = None;
        return (
            sha.clone(),
            Outcome::Read(timed_out(path, sha, limit).lines),
        );
    }
    match exec.results.recv_timeout(limit) {
        Ok(lines) => (sha, Outcome::Read(lines)),
        Err(_) => {
            // Abandoned: the stuck executor finishes (or not) on its own.
            *executor = None;
            (
                sha.clone(),
                Outcome::Read(timed_out(path, sha, limit).lines),
            )
        }
    }
}

/// An input's lines as this run reports them: under its own path (a resumed
/// or repeated document's lines were made for another), and marked as a
/// repeat of the first input with the same bytes.
fn placed(lines: Vec<ReportJson>, path: &Path, duplicate_of: Option<&str>) -> Vec<ReportJson> {
    let path = path.display().to_string();
    lines
        .into_iter()
        .map(|l| l.placed(&path, duplicate_of))
        .collect()
}

struct Progress {
    tty: bool,
    quiet: bool,
    total: usize,
    started: Instant,
}

impl Progress {
    /// One line per document when not on a terminal; on a terminal, one
    /// redrawn line, with failures printed above it.
    fn update(&self, done: usize, summary: &Summary, path: &Path, status: &str) {
        if self.quiet {
            return;
        }
        if self.tty {
            if status.starts_with("failed") {
                eprintln!(
                    "\r\x1b[K{status_path}",
                    status_path = format_args!("{} {}", path.display(), status)
                );
            }
            let rate = done as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
            let eta = if rate > 0.0 {
                (self.total - done) as f64 / rate
            } else {
                0.0
            };
            eprint!(
                "\r\x1b[K[{done}/{}] {:>3}%  ok {}  partial {}  failed {}  {:.1} docs/s  ETA {}s",
                self.total,
                done * 100 / self.total.max(1),
                summary.ok,
                summary.partial,
                summary.failed,
                rate,
                eta.round() as u64
            );
        } else {
            eprintln!("[{done}/{}] {} {status}", self.total, path.display());
        }
    }
    fn finish(&self) {
        if self.tty && !self.quiet {
            eprintln!();
        }
    }
}

/// Extracts every input into `<out>/reports.ndjson` (and the flat tables).
pub fn extract_all(inputs: &[PathBuf], opts: &Options) -> Result<Summary, String> {
    let (mut files, skipped) = walk_inputs(inputs, opts.limits.ocr)?;
    if let Some((k, n)) = opts.shard {
        files = files
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == k - 1)
            .map(|(_, f)| f)
            .collect();
    }
    // Held for the whole run, one per input: no spare capacity.
    let files: Vec<Box<Path>> = files.into_iter().map(PathBuf::into_boxed_path).collect();
    fs::create_dir_all(&opts.out)
        .map_err(|e| format!("cannot create {}: {e}", opts.out.display()))?;
    let previous = if opts.resume {
        previous_results(&opts.out)
    } else {
        HashMap::new()
    };
    let final_path = opts.out.join("reports.ndjson");
    let tmp_path = opts.out.join(".reports.ndjson.tmp");
    let journal_path = opts.out.join(".journal.ndjson");
    let write_err = |p: &Path, e: std::io::Error| format!("cannot write {}: {e}", p.display());
    let mut output = BufWriter::new(File::create(&tmp_path).map_err(|e| write_err(&tmp_path, e))?);
    // A journal cut mid-line by a crash gets its line ended, so what is
    // appended now parses on the next resume.
    let cut = opts.resume && last_byte(&journal_path).is_some_and(|c| c != b'\n');
    let mut journal = BufWriter::new(
        OpenOptions::new()
            .create(true)
            .append(opts.resume)
            .write(true)
            .truncate(!opts.resume)
            .open(&journal_path)
            .map_err(|e| write_err(&journal_path, e))?,
    );
    if cut {
        journal
            .write_all(b"\n")
            .and_then(|_| journal.flush())
            .map_err(|e| write_err(&journal_path, e))?;
    }

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.max(1))
        .build()
        .map_err(|e| format!("cannot start {} jobs: {e}", opts.jobs))?;
    // Bounded, so a slow disk holds the workers back instead of filling memory.
    let (tx, rx) = mpsc::sync_channel::<Done>(opts.jobs.max(1) * 4);
    let next = AtomicUsize::new(0);
    let progress = Progress {
        tty: std::io::stderr().is_terminal(),
        quiet: opts.quiet,
        total: files.len(),
        started: Instant::now(),
    };
    let mut summary = Summary {
        skipped,
        ..Summary::default()
    };
    // Sized once for every input: no rehash doubling it mid-run.
    let seen: Mutex<HashMap<Digest, Seen>> = Mutex::new(HashMap::with_capacity(files.len()));
    std::thread::scope(|scope| -> Result<(), String> {
        let files = &files;
        let previous = &previous;
        let next = &next;
        let timeout = opts.timeout;
        let limits = &opts.limits;
        let jobs = opts.jobs.max(1);
        let pool = &pool;
        let seen = &seen;
        scope.spawn(move || {
            // Workers take the next input as they free up, so results arrive
            // nearly in order and the reorder buffer stays small.
            pool.scope(|s| {
                for _ in 0..jobs {
                    let tx = tx.clone();
                    s.spawn(move |_| {
                        let mut executor = None;
                        loop {
                            let index = next.fetch_add(1, Ordering::SeqCst);
                            let Some(path) = files.get(index) else { break };
                            let (sha, outcome) =
                                run_one(&mut executor, path, timeout, limits, previous, seen);
                            let (lines, duplicate, resumed) = match outcome {
                                Outcome::Read(lines) => (lines, false, false),
                                Outcome::Resumed(lines) => (lines, false, true),
                                Outcome::Duplicate => (Vec::new(), true, false),
                            };
                            let done = Done {
                                index,
                                sha,
                                lines,
                                duplicate,
                                resumed,
                            };
                            if tx.send(done).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
            drop(tx);
        });
        // Results arrive in any order; they are written in input order. A
        // repeated input waits for the lines of the copy that was read.
        let mut pending: BTreeMap<usize, Done> = BTreeMap::new();
        let mut journal_end = fs::metadata(&journal_path).map_or(0, |m| m.len());
        let mut written = 0;
        let mut done = 0;
        for result in rx {
            done += 1;
            if !result.duplicate && !result.resumed {
                // Written line by line: a line may be hundreds of megabytes, not to be copied.
                let mut len = 0u64;
                for line in &result.lines {
                    journal
                        .write_all(line.as_str().as_bytes())
                        .and_then(|_| journal.write_all(b"\n"))
                        .map_err(|e| write_err(&journal_path, e))?;
                    len += line.as_str().len() as u64 + 1;
                }
                journal.flush().map_err(|e| write_err(&journal_path, e))?;
                if let (Some(d), Ok(mut seen)) = (digest(&result.sha), seen.lock()) {
                    let entry = seen.entry(d).or_default();
                    entry.journalled.get_or_insert((journal_end, len));
                }
                journal_end += len;
            }
            let status = if result.duplicate {
                "duplicate".to_string()
            } else {
                let status = result
                    .lines
                    .first()
                    .map(|l| l.head().status.clone())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "failed".to_string());
                match failure_of(&result.lines) {
                    Some(why) => format!("{status}: {why}"),
                    None => status,
                }
            };
            let index = result.index;
            pending.insert(index, result);
            progress.update(done, &summary, &files[index], &status);
            while let Some(next) = pending.get(&written) {
                let source_lines = if next.duplicate {
                    if let Some(lines) = previous.get(&next.sha) {
                        lines.clone()
                    } else if let Some((at, len)) = digest(&next.sha).and_then(|d| {
                        seen.lock()
                            .ok()
                            .and_then(|seen| seen.get(&d).and_then(|s| s.journalled))
                    }) {
                        read_back(&journal_path, at, len).map_err(|e| {
                            format!("cannot read back {}: {e}", journal_path.display())
                        })?
                    } else {
                        // The copy being read has not come back yet.
                        break;
                    }
                } else {
                    Vec::new()
                };
                let Some(mut next) = pending.remove(&written) else {
                    break;
                };
                let source_lines = if next.duplicate {
                    source_lines
                } else {
                    std::mem::take(&mut next.lines)
                };
                let path = &files[written];
                let duplicate_of = digest(&next.sha).and_then(|d| {
                    let mut seen = seen.lock().ok()?;
                    let entry = seen.entry(d).or_default();
                    match entry.first {
                        Some(first) => Some(files[first].display().to_string()),
                        None => {
                            entry.first = Some(written);
                            None
                        }
                    }
                });
                if next.resumed {
                    summary.resumed += 1;
                }
                if duplicate_of.is_some() {
                    summary.duplicates += 1;
                }
                for line in placed(source_lines, path, duplicate_of.as_deref()) {
                    let status = line.head().status.as_str();
                    summary.count(if status.is_empty() { "failed" } else { status });
                    output
                        .write_all(line.as_str().as_bytes())
                        .and_then(|_| output.write_all(b"\n"))
                        .map_err(|e| write_err(&tmp_path, e))?;
                }
                written += 1;
            }
        }
        Ok(())
    })?;
    progress.finish();
    let file = output.into_inner().map_err(|e| e.to_string())?;
    file.sync_all().map_err(|e| e.to_string())?;
    fs::rename(&tmp_path, &final_path)
        .map_err(|e| format!("cannot move the output into place: {e}"))?;
    let _ = fs::remove_file(&journal_path);
    if let Some(format) = opts.tables {
        write_tables(&final_path, &opts.out, format)?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards() {
        assert_eq!(parse_shard("1/4"), Ok((1, 4)));
        assert!(parse_shard("0/4").is_err());
        assert!(parse_shard("5/4").is_err());
        assert!(parse_shard("x").is_err());
    }
}
