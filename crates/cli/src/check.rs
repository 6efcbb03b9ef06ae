//! `jixiao check`: findings as sentences an auditor can paste into a memo.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use jixiao_model::{Report, Severity, Status};
use jixiao_validate::Verdict;

use crate::pipeline::{expand_inputs, process_file};

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn severity(&self, s: Severity) -> String {
        match s {
            Severity::Error => self.paint("1;31", "error"),
            Severity::Warning => self.paint("33", "warning"),
            Severity::Info => self.paint("36", "info"),
        }
    }
}

/// What `check --format json` prints of a report line.
#[derive(serde::Deserialize, Default)]
struct Brief {
    #[serde(default)]
    source: serde_json::Value,
    #[serde(default)]
    status: serde_json::Value,
    #[serde(default)]
    error: serde_json::Value,
    #[serde(default)]
    findings: serde_json::Value,
}

/// Checks every input; exit 1 when any error-severity finding or failed input.
/// With `trace`, the text format also lists every relation checked.
pub fn run(inputs: &[PathBuf], json: bool, trace: bool) -> Result<ExitCode, String> {
    let files = expand_inputs(inputs)?;
    let style = Style {
        color: !json && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut out = std::io::stdout().lock();
    let mut any_error = false;
    for path in &files {
        let processed = process_file(path);
        for (line, (status, report)) in processed.lines.iter().zip(&processed.reports) {
            if json {
                let b: Brief = serde_json::from_str(line.as_str()).unwrap_or_default();
                let v = serde_json::json!({ "source": b.source, "status": b.status, "error": b.error, "findings": b.findings });
                writeln!(out, "{v}").map_err(|e| e.to_string())?;
                any_error |= *status == Status::Failed;
                if let Some(r) = report {
                    any_error |= r.findings.iter().any(|f| f.severity == Severity::Error);
                }
                continue;
            }
            writeln!(out, "{}", style.paint("1", &path.display().to_string()))
                .map_err(|e| e.to_string())?;
            match report {
                None => {
                    any_error = true;
                    let err = line.head().error.clone().unwrap_or_default();
                    writeln!(
                        out,
                        "  {} {}: {}",
                        style.severity(Severity::Error),
                        err.code,
                        err.message
                    )
                    .map_err(|e| e.to_string())?;
                }
                Some(r) if r.findings.is_empty() => {
                    writeln!(out, "  no findings: every relation checked re-computes")
                        .map_err(|e| e.to_string())?;
                }
                Some(r) => {
                    for f in &r.findings {
                        any_error |= f.severity == Severity::Error;
                        writeln!(
                            out,
                            "  {} [{}] {}",
                            style.severity(f.severity),
                            f.rule,
                            f.message
                        )
                        .map_err(|e| e.to_string())?;
                        writeln!(
                            out,
                            "      at {}: {}",
                            f.location.describe(),
                            style.paint("2", &f.location.text)
                        )
                        .map_err(|e| e.to_string())?;
                    }
                }
            }
            if let (true, Some(r)) = (trace, report) {
                write_trace(&mut out, &style, r).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Every relation the checker recognised in a report, with its verdict and
/// where its stated number is: what an analyst can cite as verified.
fn write_trace(out: &mut impl Write, style: &Style, report: &Report) -> std::io::Result<()> {
    let (_, checked) = jixiao_validate::check_traced(report);
    writeln!(out, "  checked {} relations:", checked.len())?;
    for c in &checked {
        let verdict = match c.verdict {
            Verdict::Consistent => style.paint("32", "holds"),
            Verdict::Rounding => style.paint("33", "rounding"),
            Verdict::Contradiction => style.paint("1;31", "fails"),
        };
        writeln!(
            out,
            "    {verdict} [{}] {} ({at})",
            c.rule,
            c.relation,
            at = c.stated.source.describe()
        )?;
    }
    Ok(())
}
