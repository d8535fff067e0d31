//! The `pipepress` command: parses arguments, calls the library, and turns the
//! result into an exit code in exactly one place (`main`).

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use pipepress::diagnostics::{self, Colour};
use pipepress::ingest::preset::PresetName;
use pipepress::progress::{Progress, Verbosity};

// Reading an export allocates many small values (rows, long cells), freed soon
// after on another thread: mimalloc does this in about half the time of the
// system allocator (BENCHMARKS.md). It is built without transparent huge pages
// (`no_thp`): on a virtual machine whose host takes back freed memory, faulting
// in 2 MB pages and zeroing them whole cost the 1M-deal build more system time
// than it saved.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns CRM exports and a TOML sales strategy into a static HTML site.
#[derive(Parser)]
#[command(name = "pipepress", version, about)]
struct Cli {
    /// Print only errors: no progress, no closing summary.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Say what each step did and how long it took.
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the project, then render the site.
    Build {
        /// The project folder; default: the nearest folder, from here upwards,
        /// holding pipepress.toml.
        dir: Option<PathBuf>,
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
        /// End the pipeline movement at the export on or before this date instead
        /// of the current one: the movement between any two snapshots.
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        until: Option<NaiveDate>,
        /// Leave out deal rows with values that cannot be read and list them on the
        /// site's data-quality page, instead of failing.
        #[arg(long)]
        lenient: bool,
        /// Also write the report as one self-contained HTML file (styles and
        /// pictures inside, no links out): it opens as an e-mail attachment.
        #[arg(long, value_name = "FILE")]
        single_file: Option<PathBuf>,
        /// With --single-file: every page of the site in the one file.
        #[arg(long, requires = "single_file")]
        whole_site: bool,
        /// Also print the report to a PDF file, with a Chromium found on the
        /// machine ($PIPEPRESS_CHROMIUM, else chromium, chromium-browser or
        /// google-chrome on PATH).
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Who the site is for: `board` (aggregates only, no deal, customer or
        /// seller names), `seller:ID` or `team:ID` (an id or a name: only their deals
        /// and customers, against their own targets); default everyone.
        #[arg(long, value_name = "AUDIENCE", default_value = "everyone")]
        audience: pipepress::audience::Audience,
    },
    /// Validate the project only, listing every problem found.
    Check {
        /// The project folder; default: the nearest folder, from here upwards,
        /// holding pipepress.toml.
        dir: Option<PathBuf>,
        /// `text` for people (stderr), `json` for CI (stdout; see README).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Report deal rows with values that cannot be read as left out (as
        /// `build --lenient` does) instead of failing.
        #[arg(long)]
        lenient: bool,
    },
    /// Validate the project, then file its deals export as a dated snapshot.
    Snapshot {
        /// The project folder; default: the nearest folder, from here upwards,
        /// holding pipepress.toml.
        dir: Option<PathBuf>,
        /// The snapshot's date (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        date: Option<NaiveDate>,
    },
    /// Preview the site: build in memory, serve it, rebuild and reload on every save.
    Serve {
        /// The project folder; default: the nearest folder, from here upwards,
        /// holding pipepress.toml.
        dir: Option<PathBuf>,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// The port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// The date the figures are computed for (YYYY-MM-DD); default today.
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
        /// Who the site is for: `board` (aggregates only, no deal, customer or
        /// seller names), `seller:ID` or `team:ID` (an id or a name: only their deals
        /// and customers, against their own targets); default everyone.
        #[arg(long, value_name = "AUDIENCE", default_value = "everyone")]
        audience: pipepress::audience::Audience,
    },
    /// Write the sample project into a new folder, or (--theme) copy the default
    /// theme into the project's templates/ for editing.
    Init {
        /// The folder to write into (created when missing); default: here, or with
        /// --theme the nearest project upwards.
        dir: Option<PathBuf>,
        /// Copy the default theme into DIR/templates instead of writing a project.
        #[arg(long)]
        theme: bool,
        /// Write into a folder that already holds files (files of the same name are
        /// replaced, others kept).
        #[arg(long)]
        force: bool,
        /// Write the sample's deals as exported from this CRM, with a pipepress.toml
        /// mapped for it.
        #[arg(long, value_enum, conflicts_with = "theme")]
        preset: Option<Preset>,
    },
    /// Print a shell completion script, e.g. `pipepress completions bash >
    /// /etc/bash_completion.d/pipepress`.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `pipepress man > pipepress.1`.
    Man,
}

/// A CRM whose export `init --preset` writes the sample in.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Preset {
    Pipepress,
    Hubspot,
    Salesforce,
    Pipedrive,
    Dynamics,
}

impl Preset {
    fn name(self) -> PresetName {
        match self {
            Preset::Pipepress => PresetName::Pipepress,
            Preset::Hubspot => PresetName::Hubspot,
            Preset::Salesforce => PresetName::Salesforce,
            Preset::Pipedrive => PresetName::Pipedrive,
            Preset::Dynamics => PresetName::Dynamics,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("\"{text}\" is not a date, expected YYYY-MM-DD"))
}

/// The folder named, else the nearest project from the current folder upwards,
/// else the current folder (whose missing files the check then lists).
fn project_dir(named: Option<PathBuf>) -> PathBuf {
    named
        .or_else(|| {
            std::env::current_dir()
                .ok()
                .and_then(|here| pipepress::project::find(&here))
        })
        .unwrap_or_else(|| PathBuf::from("."))
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

enum Success {
    /// A closing summary for people, on stderr (not with `--quiet`).
    Summary(String),
    /// The command's output proper, on stdout.
    Output(String),
}

/// Why a run failed.
enum Failure {
    /// The library's error; diagnostics quote files under `root`.
    Library {
        error: pipepress::Error,
        root: PathBuf,
    },
    /// Problems already rendered for stdout (`check --format json`).
    Reported(String),
    /// The command line or its environment asks for something impossible (exit 2).
    Usage(String),
}

/// `SOURCE_DATE_EPOCH` (reproducible builds): the build time the report states.
fn source_date_epoch() -> Result<Option<i64>, Failure> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) if !text.trim().is_empty() => text.trim().parse().map(Some).map_err(|_| {
            Failure::Usage(format!(
                "SOURCE_DATE_EPOCH=\"{text}\" is not a time, expected whole seconds since 1970-01-01 UTC (e.g. 1763186400)"
            ))
        }),
        _ => Ok(None),
    }
}

fn run(command: Command, verbosity: Verbosity) -> Result<Success, Failure> {
    let quiet = verbosity == Verbosity::Quiet;
    match command {
        Command::Build {
            dir,
            out,
            as_of,
            compare_strategy,
            since,
            until,
            lenient,
            single_file,
            whole_site,
            pdf,
            audience,
        } => {
            let dir = project_dir(dir);
            let as_of = as_of.unwrap_or_else(today);
            let options = pipepress::Options {
                as_of,
                compare_strategy,
                since,
                until,
                lenient,
                source_date_epoch: source_date_epoch()?,
                single_file: single_file.map(|path| pipepress::SingleFile { path, whole_site }),
                pdf,
                audience,
            };
            let mut progress = Progress::new(verbosity, std::io::stderr().is_terminal());
            let built =
                pipepress::build_with(&dir, &out, &options, &mut |step| progress.step(step));
            let seconds = progress.finish();
            let summary = built.map_err(|error| Failure::Library {
                error,
                root: dir.clone(),
            })?;
            let mut also = String::new();
            if let Some(single) = &options.single_file {
                also.push_str(&format!(", and {}", single.path.display()));
            }
            if let Some(pdf) = &options.pdf {
                also.push_str(&format!(", and {}", pdf.display()));
            }
            Ok(Success::Summary(format!(
                "built {} pages ({} files) into {}{also} as of {as_of} in {seconds:.2} s",
                summary.pages,
                summary.files,
                out.display(),
            )))
        }
        Command::Check {
            dir,
            format,
            lenient,
        } => {
            let dir = project_dir(dir);
            let mut options = pipepress::Options::new(today());
            options.lenient = lenient;
            let checked = pipepress::check_reporting(&dir, &options);
            match (checked, format) {
                (Ok(model), Format::Text) => {
                    let warnings = pipepress::model::warnings(&model, today());
                    let mut text = diagnostics::sources_text(&model.sources);
                    for row in &model.skipped {
                        text.push_str(&format!("skipped[{}]: {row}\n", row.code));
                    }
                    for warning in &warnings {
                        text.push_str(&format!("warning[{}]: {warning}\n", warning.code));
                    }
                    text.push_str(&format!(
                        "{}: no problems ({} deals, {} customers, {} snapshots; {} warnings)",
                        dir.display(),
                        model.deals.len(),
                        model.customers.len(),
                        model.snapshots.len(),
                        warnings.len()
                    ));
                    Ok(Success::Summary(text))
                }
                (Ok(model), Format::Json) => {
                    let warnings = pipepress::model::warnings(&model, today());
                    let sources = diagnostics::sources(&model.sources);
                    Ok(Success::Output(diagnostics::to_json_with(
                        &warnings, &sources,
                    )))
                }
                // What could be read is said before what is wrong with it.
                (Err(rejected), Format::Text) => {
                    if !quiet {
                        eprint!("{}", diagnostics::sources_text(&rejected.sources));
                    }
                    Err(Failure::Library {
                        error: rejected.error,
                        root: dir,
                    })
                }
                (Err(rejected), Format::Json) => {
                    let sources = diagnostics::sources(&rejected.sources);
                    Err(Failure::Reported(diagnostics::to_json_with(
                        &rejected.error.diagnostics(),
                        &sources,
                    )))
                }
            }
        }
        Command::Serve {
            dir,
            host,
            port,
            as_of,
            audience,
        } => {
            let dir = project_dir(dir);
            let options = pipepress::serve::ServeOptions {
                host,
                port,
                build: pipepress::Options {
                    audience,
                    ..pipepress::Options::new(as_of.unwrap_or_else(today))
                },
            };
            pipepress::serve::serve(&dir, &options, &mut |event| report_serve(event, quiet))
                .map_err(|error| Failure::Library {
                    error,
                    root: dir.clone(),
                })?;
            Ok(Success::Summary(String::new()))
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "pipepress", &mut script);
            Ok(Success::Output(
                String::from_utf8_lossy(&script).into_owned(),
            ))
        }
        Command::Man => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut page)
                .map_err(|e| Failure::Library {
                    error: pipepress::Error::io(std::path::Path::new("(stdout)"), e),
                    root: PathBuf::new(),
                })?;
            Ok(Success::Output(String::from_utf8_lossy(&page).into_owned()))
        }
        Command::Init {
            dir,
            theme,
            force,
            preset,
        } => {
            let dir = match (dir, theme) {
                (Some(dir), _) => dir,
                (None, true) => project_dir(None),
                (None, false) => PathBuf::from("."),
            };
            let written = if theme {
                pipepress::init::theme(&dir, force)
            } else {
                let preset = preset.map_or(PresetName::Pipepress, Preset::name);
                pipepress::init::sample_from(&dir, preset, force)
            };
            let written = written.map_err(|error| Failure::Library {
                error,
                root: dir.clone(),
            })?;
            let what = if theme {
                "theme files"
            } else {
                "sample project files"
            };
            Ok(Success::Summary(format!(
                "wrote {} {what} into {}",
                written.files,
                written.folder.display()
            )))
        }
        Command::Snapshot { dir, date } => {
            let dir = project_dir(dir);
            let date = date.unwrap_or_else(today);
            let filed =
                pipepress::snapshot::file(&dir, date).map_err(|error| Failure::Library {
                    error,
                    root: dir.clone(),
                })?;
            Ok(Success::Summary(match filed {
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
            }))
        }
    }
}

/// The server's news: its address on stdout (always), builds on stderr.
fn report_serve(event: pipepress::serve::Event, quiet: bool) {
    use pipepress::serve::Event;
    match event {
        Event::Listening(address) => {
            println!("serving http://{address}/ (Ctrl-C to stop)");
        }
        Event::Built {
            generation,
            files,
            took,
        } if !quiet => {
            eprintln!(
                "build {generation}: {files} files in {:.0} ms",
                took.as_secs_f64() * 1000.0
            );
        }
        Event::Built { .. } => {}
        Event::Failed {
            generation,
            problems,
        } => {
            eprint!("{problems}");
            eprintln!("build {generation} failed; the page shows why and reloads when fixed");
        }
        Event::WatchFailed(message) => eprintln!("error: watching the project: {message}"),
    }
}

/// Colours only for a person at a terminal who has not asked for none.
fn stderr_colour() -> Colour {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if no_color || !std::io::stderr().is_terminal() {
        Colour::Never
    } else {
        Colour::Always
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let verbosity = match (cli.quiet, cli.verbose) {
        (true, _) => Verbosity::Quiet,
        (false, true) => Verbosity::Verbose,
        (false, false) => Verbosity::Normal,
    };
    match run(cli.command, verbosity) {
        Ok(Success::Summary(message)) => {
            if !cli.quiet {
                eprintln!("{message}");
            }
            ExitCode::SUCCESS
        }
        Ok(Success::Output(text)) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(Failure::Library {
            error: pipepress::Error::Invalid(problems),
            root,
        }) => {
            eprint!(
                "{}",
                diagnostics::render_text(&problems, &root, stderr_colour())
            );
            eprintln!(
                "{} problem{} found; nothing was written.",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
        }
        Err(Failure::Library { error, .. }) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
        Err(Failure::Reported(text)) => {
            print!("{text}");
            ExitCode::from(1)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}
