//! `jixiao`: the command line. It only parses flags and wires the stages
//! together: ingest → extract → validate → export.

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { inputs, out, quiet } => {
            let inputs = if inputs.is_empty() { vec![PathBuf::from("fixtures")] } else { inputs };
            match pipeline::extract_all(&inputs, &out, quiet) {
                Ok(summary) => {
                    if !quiet {
                        eprintln!("{} reports: {} ok, {} partial, {} failed → {}", summary.total(), summary.ok, summary.partial, summary.failed, out.join("reports.ndjson").display());
                    }
                    if summary.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
                }
                Err(e) => {
                    eprintln!("jixiao: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
