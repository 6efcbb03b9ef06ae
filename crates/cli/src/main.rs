//! `jixiao`: the command line. It only parses flags and wires the stages
//! together: ingest → extract → validate → export.

mod check;
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
    Extract {
        /// Files or folders (walked recursively). Default: the bundled fixtures/.
        inputs: Vec<PathBuf>,
        /// Output folder.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Print nothing but errors.
        #[arg(long)]
        quiet: bool,
    },
    /// Check reports and print each finding as a sentence for a memo.
    Check {
        /// Files or folders (walked recursively).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// `text` (coloured on a terminal) or `json` (the contract's findings, one line per report).
        #[arg(long, default_value = "text")]
        format: String,
    },
    /// List the rule catalogue: id, description, severity logic.
    Rules,
    /// Print the document model a file is read into (blocks, tables, sources) as
    /// JSON: what extraction sees, for finding out why a value was missed.
    Inspect {
        /// One file.
        input: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { inputs, out, quiet } => {
            let inputs = if inputs.is_empty() {
                vec![PathBuf::from("fixtures")]
            } else {
                inputs
            };
            match pipeline::extract_all(&inputs, &out, quiet) {
                Ok(summary) => {
                    if !quiet {
                        eprintln!(
                            "{} reports: {} ok, {} partial, {} failed → {}",
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
        Command::Inspect { input } => {
            let read = std::fs::read(&input)
                .map_err(|e| e.to_string())
                .and_then(|bytes| jixiao_ingest::read(&bytes).map_err(|e| e.to_string()));
            match read.and_then(|doc| {
                serde_json::to_string_pretty(&doc.blocks).map_err(|e| e.to_string())
            }) {
                Ok(json) => {
                    println!("{json}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("jixiao: {}: {e}", input.display());
                    ExitCode::from(1)
                }
            }
        }
        Command::Check { inputs, format } => match format.as_str() {
            "text" | "json" => match check::run(&inputs, format == "json") {
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
