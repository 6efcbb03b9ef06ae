//! `jixiao`: the command line. It only parses flags and wires the stages
//! together: ingest → extract → validate → export.

mod batch;
mod check;
mod line;
mod pipeline;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turns Chinese budget performance evaluation reports (绩效评价报告, 绩效自评表)
/// into checked, normalized data.
#[derive(Parser)]
#[command(name = "jixiao", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract reports into <out>/reports.ndjson (one line per report, failed ones too).
    ///
    /// Exit codes: 0 every input read, 1 some input failed (its line says why),
    /// 2 usage or output error.
    Extract {
        /// Files, folders (walked recursively) or @manifest.txt (one path per line).
        /// Default: the bundled fixtures/.
        inputs: Vec<PathBuf>,
        /// Output folder.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Documents processed at once (default: the number of CPUs).
        #[arg(long)]
        jobs: Option<usize>,
        /// Seconds one document may take before it is abandoned as `input.timeout`
        /// (default 120, or 1800 with --ocr: a scanned page takes seconds to recognise).
        #[arg(long)]
        timeout: Option<u64>,
        /// Keep the results already in <out> for inputs with the same sha256.
        #[arg(long)]
        resume: bool,
        /// Take only the K-th of every N inputs (1 ≤ K ≤ N), to split an archive over machines.
        #[arg(long, value_name = "K/N")]
        shard: Option<String>,
        /// Also write flat tables (documents, budget, score_items, targets, line_items,
        /// findings) keyed by sha256: `csv` or `parquet`.
        #[arg(long, value_name = "FORMAT")]
        tables: Option<String>,
        /// Print nothing but errors.
        #[arg(long)]
        quiet: bool,
        /// Largest input read, in MB.
        #[arg(long, default_value_t = 512)]
        max_bytes: u64,
        /// Pages read from a PDF; the rest are skipped with a warning.
        #[arg(long, default_value_t = 5000)]
        max_pages: usize,
        /// Largest total a workbook may unpack to, in MB.
        #[arg(long, default_value_t = 1024)]
        max_unpacked: u64,
        /// Largest ratio of a workbook's unpacked to packed size.
        #[arg(long, default_value_t = 200)]
        max_ratio: u64,
        /// Deepest element nesting of an HTML page.
        #[arg(long, default_value_t = 10_000)]
        max_depth: usize,
        /// Read image files (JPEG, PNG, TIFF) and image-only PDF pages by OCR
        /// (Tesseract chi_sim; needs a build with `--features ocr`, see the README).
        #[arg(long)]
        ocr: bool,
    },
    /// Check reports and print each finding as a sentence for a memo.
    Check {
        /// Files or folders (walked recursively).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// `text` (coloured on a terminal) or `json` (the contract's findings, one line per report).
        #[arg(long, default_value = "text")]
        format: String,
        /// Also list every relation the checker recognised and re-computed,
        /// holding ones included (text format): what was verified, not only what failed.
        #[arg(long)]
        trace: bool,
    },
    /// List the rule catalogue: id, description, severity logic.
    Rules,
    /// Print the JSON Schema (draft 2020-12) of a line of reports.ndjson.
    Schema,
    /// Print the document model a file is read into (blocks, tables, sources) as
    /// JSON: what extraction sees, for finding out why a value was missed.
    Inspect {
        /// One file.
        input: PathBuf,
        /// Read an image or a scanned PDF by OCR (a build with `--features ocr`).
        #[arg(long)]
        ocr: bool,
    },
}

fn main() -> ExitCode {
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        pipeline::quiet_panics();
    }
    let cli = Cli::parse();
    match cli.command {
        Command::Extract {
            inputs,
            out,
            jobs,
            timeout,
            resume,
            shard,
            tables,
            quiet,
            max_bytes,
            max_pages,
            max_unpacked,
            max_ratio,
            max_depth,
            ocr,
        } => {
            if ocr && !jixiao_ingest::OCR_BUILT_IN {
                eprintln!("jixiao: this build has no OCR: install the engine and build with it (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils && cargo build --release --features ocr), or run without --ocr");
                return ExitCode::from(2);
            }
            let limits = jixiao_ingest::Limits {
                max_bytes: max_bytes << 20,
                max_pages,
                max_unpacked: max_unpacked << 20,
                max_ratio,
                max_depth,
                ocr,
            };
            let inputs = if inputs.is_empty() {
                vec![PathBuf::from("fixtures")]
            } else {
                inputs
            };
            let shard = match shard.as_deref().map(batch::parse_shard).transpose() {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("jixiao: {e}");
                    return ExitCode::from(2);
                }
            };
            let tables = match tables.as_deref() {
                None => None,
                Some("csv") => Some(jixiao_export::tables::TableFormat::Csv),
                Some("parquet") => Some(jixiao_export::tables::TableFormat::Parquet),
                Some(other) => {
                    eprintln!("jixiao: unknown --tables {other}: use csv or parquet");
                    return ExitCode::from(2);
                }
            };
            let jobs =
                jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let opts = batch::Options {
                out: out.clone(),
                jobs,
                timeout: std::time::Duration::from_secs(
                    timeout.unwrap_or(if ocr { 1800 } else { 120 }).max(1),
                ),
                resume,
                shard,
                tables,
                quiet,
                limits,
            };
            match batch::extract_all(&inputs, &opts) {
                Ok(summary) => {
                    if !quiet {
                        let resumed = if summary.resumed > 0 {
                            format!(" ({} kept from the earlier run)", summary.resumed)
                        } else {
                            String::new()
                        };
                        let repeats = if summary.duplicates > 0 {
                            format!(
                                " ({} inputs repeat another's bytes: read once, marked duplicate_of)",
                                summary.duplicates
                            )
                        } else {
                            String::new()
                        };
                        for (what, n) in &summary.skipped {
                            eprintln!("skipped {n} {what}");
                        }
                        eprintln!(
                            "{} reports: {} ok, {} partial, {} failed{resumed}{repeats} → {}",
                            summary.total(),
                            summary.ok,
                            summary.partial,
                            summary.failed,
                            out.join("reports.ndjson").display()
                        );
                    }
                    if summary.failed > 0 {
                        ExitCode::from(1)
                    } else {
                        ExitCode::SUCCESS
                    }
                }
                Err(e) => {
                    eprintln!("jixiao: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Schema => match serde_json::to_string_pretty(&jixiao_export::report_line_schema())
        {
            Ok(text) => {
                print_out(&text);
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("jixiao: {e}");
                ExitCode::from(2)
            }
        },
        Command::Inspect { input, ocr } => {
            let limits = jixiao_ingest::Limits {
                ocr,
                ..jixiao_ingest::Limits::default()
            };
            let read = std::fs::read(&input)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    jixiao_ingest::read_with(&bytes, &limits).map_err(|e| e.to_string())
                });
            match read.and_then(|doc| {
                serde_json::to_string_pretty(&doc.blocks).map_err(|e| e.to_string())
            }) {
                Ok(json) => {
                    print_out(&json);
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("jixiao: {}: {e}", input.display());
                    ExitCode::from(1)
                }
            }
        }
        Command::Check {
            inputs,
            format,
            trace,
        } => match format.as_str() {
            "text" | "json" => match check::run(&inputs, format == "json", trace) {
                Ok(code) => code,
                Err(e) => {
                    eprintln!("jixiao: {e}");
                    ExitCode::from(2)
                }
            },
            other => {
                eprintln!("jixiao: unknown --format {other}: use text or json");
                ExitCode::from(2)
            }
        },
        Command::Rules => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            for rule in jixiao_validate::CATALOGUE {
                // A closed pipe (`jixiao rules | head`) is not an error worth a panic.
                if writeln!(
                    out,
                    "{}\n    {}\n    severity: {}",
                    rule.id, rule.description, rule.severity
                )
                .is_err()
                {
                    break;
                }
            }
            ExitCode::SUCCESS
        }
    }
}

/// Prints to stdout; a closed pipe (`jixiao inspect f | head`) ends the output quietly.
fn print_out(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}
