//! The `pipepress` command: parses arguments, calls the library, and turns the
//! result into an exit code in exactly one place.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

/// Turns CRM exports and a TOML sales strategy into a static HTML site.
#[derive(Parser)]
#[command(name = "pipepress", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the project, then render the site.
    Build {
        /// The project folder.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Where to write the site (replaced whole).
        #[arg(long, default_value = "site")]
        out: PathBuf,
        /// The date the figures are computed for (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// An earlier strategy.toml: show which customers and deals change segment.
        #[arg(long, value_name = "FILE")]
        compare_strategy: Option<PathBuf>,
        /// The last meeting's date: measure pipeline movement from the export on or
        /// before it (default: as-of less the strategy's meeting cadence).
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        since: Option<NaiveDate>,
    },
    /// Validate the project only, listing every problem found.
    Check {
        /// The project folder.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Validate the project, then file its deals export as a dated snapshot.
    Snapshot {
        /// The project folder.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The snapshot's date (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("\"{text}\" is not a date, expected YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let started = Instant::now();
    let result = match cli.command {
        Command::Build {
            dir,
            out,
            as_of,
            compare_strategy,
            since,
        } => {
            let as_of = as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
            let options = pipepress::Options {
                as_of,
                compare_strategy,
                since,
            };
            pipepress::build(&dir, &out, &options).map(|summary| {
                format!(
                    "built {} pages ({} files) into {} as of {as_of} in {:.2} s",
                    summary.pages,
                    summary.files,
                    out.display(),
                    started.elapsed().as_secs_f64()
                )
            })
        }
        Command::Check { dir } => {
            let today = chrono::Local::now().date_naive();
            pipepress::check(&dir, &pipepress::Options::new(today)).map(|model| {
                format!(
                    "{}: no problems ({} deals, {} customers, {} snapshots)",
                    dir.display(),
                    model.deals.len(),
                    model.customers.len(),
                    model.snapshots.len()
                )
            })
        }
        Command::Snapshot { dir, date } => {
            let date = date.unwrap_or_else(|| chrono::Local::now().date_naive());
            pipepress::snapshot::file(&dir, date).map(|filed| match filed {
                pipepress::snapshot::Filed::Written { export, snapshot } => format!(
                    "{}: filed {} as {}",
                    dir.display(),
                    export.display(),
                    snapshot.display()
                ),
                pipepress::snapshot::Filed::AlreadyThere { export, snapshot } => format!(
                    "{}: {} already holds this {}; nothing to do",
                    dir.display(),
                    snapshot.display(),
                    export.display()
                ),
            })
        }
    };
    match result {
        Ok(message) => {
            eprintln!("{message}");
            ExitCode::SUCCESS
        }
        Err(pipepress::Error::Invalid(problems)) => {
            for problem in &problems {
                eprintln!("error: {problem}");
            }
            eprintln!(
                "{} problem{} found; nothing was written.",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}
