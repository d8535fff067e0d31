//! pipepress: CRM exports and a TOML sales strategy in, a static HTML site out.
//!
//! The build is a pipeline of plain data (see ARCHITECTURE.md):
//! [`load`] reads the project folder, [`model::resolve`] checks and types it,
//! [`metrics::compute`] computes every figure, [`render::render`] turns them into
//! files in memory, and [`site::write`] puts them on disk atomically.

pub mod audience;
pub mod brand;
pub mod charts;
pub mod config;
pub mod csv_source;
pub mod diagnostics;
pub mod error;
pub mod figures;
pub mod i18n;
pub mod ingest;
pub mod init;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod metrics;
pub mod model;
pub mod money;
pub mod pdf;
pub mod period;
pub mod progress;
pub mod project;
pub mod render;
pub mod serve;
pub mod single_file;
pub mod site;
pub mod snapshot;
pub mod strategy;
pub mod theme;
pub mod toml_source;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use error::{Diagnostic, Error};
pub use render::OutputFile;

/// What a build is asked for besides the project folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The date every figure is computed for.
    pub as_of: NaiveDate,
    /// An earlier strategy file to show the impact of the current one against.
    pub compare_strategy: Option<PathBuf>,
    /// Measure pipeline movement from the export on or before this date (the last
    /// meeting's); default: from the strategy's meeting cadence.
    pub since: Option<NaiveDate>,
    /// End the movement at the export on or before this date instead of now.
    pub until: Option<NaiveDate>,
    /// Leave out deal rows with values that cannot be read, listing them on the
    /// site's data-quality page, instead of failing.
    pub lenient: bool,
    /// `SOURCE_DATE_EPOCH`: the build time the report's provenance states (seconds
    /// since 1970, UTC); without it, the as-of date. Never the clock, so that two
    /// builds of the same input are byte-identical.
    pub source_date_epoch: Option<i64>,
    /// Also write the report (or the whole site) as one self-contained HTML file.
    pub single_file: Option<SingleFile>,
    /// Also print the report to this PDF file with a Chromium found on the machine.
    pub pdf: Option<PathBuf>,
    /// Who the site is for (`--audience`): what it must leave out.
    pub audience: audience::Audience,
}

/// `--single-file FILE [--whole-site]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SingleFile {
    pub path: PathBuf,
    /// Every page, not only the report.
    pub whole_site: bool,
}

impl Options {
    pub fn new(as_of: NaiveDate) -> Options {
        Options {
            as_of,
            compare_strategy: None,
            since: None,
            until: None,
            lenient: false,
            source_date_epoch: None,
            single_file: None,
            pdf: None,
            audience: audience::Audience::Everyone,
        }
    }
}

/// A stage of a build, announced to a progress display as it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Read,
    Check,
    Compute,
    Render,
    Write,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Step::Read,
        Step::Check,
        Step::Compute,
        Step::Render,
        Step::Write,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Step::Read => "reading the project",
            Step::Check => "checking",
            Step::Compute => "computing figures",
            Step::Render => "rendering pages",
            Step::Write => "writing the site",
        }
    }
}

/// Reads and checks the project at `project` and its theme; every problem found in
/// either is in the error.
fn prepare(
    project: &Path,
    options: &Options,
    progress: &mut dyn FnMut(Step),
) -> Result<(model::Model, theme::Theme), Error> {
    prepare_reporting(project, options, progress).map_err(|rejected| rejected.error)
}

/// [`prepare`], keeping how each export was read when the project is invalid.
fn prepare_reporting(
    project: &Path,
    options: &Options,
    progress: &mut dyn FnMut(Step),
) -> Result<(model::Model, theme::Theme), model::Rejected> {
    progress(Step::Read);
    let mut inputs = load::load(project, options.compare_strategy.as_deref()).map_err(|error| {
        model::Rejected {
            error,
            sources: Vec::new(),
        }
    })?;
    progress(Step::Check);
    let overrides = std::mem::take(&mut inputs.templates);
    let language = inputs
        .config
        .as_ref()
        .map_or_else(Default::default, |c| c.language);
    let theme = theme::Theme::new(&overrides, language);
    match (model::resolve_reporting(inputs, options.lenient), theme) {
        (Ok(model), Ok(theme)) => Ok((model, theme)),
        (
            Err(model::Rejected {
                error: Error::Invalid(mut problems),
                sources,
            }),
            Err(Error::Invalid(more)),
        ) => {
            problems.extend(more);
            problems.sort();
            Err(model::Rejected {
                error: Error::Invalid(problems),
                sources,
            })
        }
        (Err(rejected), _) => Err(rejected),
        (Ok(model), Err(error)) => Err(model::Rejected {
            error,
            sources: model.sources,
        }),
    }
}

/// Reads and checks the project at `project`; every problem found is in the error.
pub fn check(project: &Path, options: &Options) -> Result<model::Model, Error> {
    prepare(project, options, &mut |_| {}).map(|(model, _)| model)
}

/// [`check`], saying how each export was read even when the project is invalid.
pub fn check_reporting(project: &Path, options: &Options) -> Result<model::Model, model::Rejected> {
    prepare_reporting(project, options, &mut |_| {}).map(|(model, _)| model)
}

/// Builds the site for `project`, in memory.
pub fn build_site(project: &Path, options: &Options) -> Result<Vec<OutputFile>, Error> {
    build_site_with(project, options, &mut |_| {})
}

/// [`build_site`], announcing each [`Step`] to `progress`.
pub fn build_site_with(
    project: &Path,
    options: &Options,
    progress: &mut dyn FnMut(Step),
) -> Result<Vec<OutputFile>, Error> {
    let (model, theme) = prepare(project, options, progress)?;
    let mut shown = audience::apply(model, &options.audience)?;
    progress(Step::Compute);
    let metrics =
        metrics::compute_between(&shown.model, options.as_of, options.since, options.until);
    // Pages read the snapshots only through the metrics: their deals make room
    // for the site's files.
    shown.model.release_snapshot_deals();
    progress(Step::Render);
    let files = render::render_for(&shown.model, &metrics, &theme, options, &shown.policy)?;
    audience::guard(&files, &shown.excluded)?;
    Ok(files)
}

/// What a finished build wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub pages: usize,
    pub files: usize,
}

/// Builds the site and writes it to `out`, replacing an earlier site whole.
pub fn build(project: &Path, out: &Path, options: &Options) -> Result<Summary, Error> {
    build_with(project, out, options, &mut |_| {})
}

/// [`build`], announcing each [`Step`] to `progress`; then, when asked for, the
/// single-file report (or site) and the PDF, each written beside its target and
/// renamed into place.
pub fn build_with(
    project: &Path,
    out: &Path,
    options: &Options,
    progress: &mut dyn FnMut(Step),
) -> Result<Summary, Error> {
    let files = build_site_with(project, options, progress)?;
    // Found before anything is written: a missing browser fails the build whole.
    let chromium = options
        .pdf
        .as_ref()
        .map(|_| pdf::find_chromium())
        .transpose()?;
    let single = match &options.single_file {
        Some(s) if s.whole_site => Some(single_file::whole_site(&files)?),
        Some(_) => Some(single_file::report(&files)?),
        None => None,
    };
    let printed = match &options.pdf {
        Some(_) => Some(single_file::report(&files)?),
        None => None,
    };
    progress(Step::Write);
    site::write(&files, out)?;
    if let (Some(s), Some(html)) = (&options.single_file, &single) {
        site::write_file(&s.path, html.as_bytes())?;
    }
    if let (Some(path), Some(chromium), Some(html)) = (&options.pdf, &chromium, &printed) {
        pdf::print(chromium, html, path)?;
    }
    Ok(Summary {
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
    })
}
