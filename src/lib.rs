//! pipepress: CRM exports and a TOML sales strategy in, a static HTML site out.
//!
//! The build is a pipeline of plain data (see ARCHITECTURE.md):
//! [`load`] reads the project folder, [`model::resolve`] checks and types it,
//! [`metrics::compute`] computes every figure, [`render::render`] turns them into
//! files in memory, and [`site::write`] puts them on disk atomically.

pub mod charts;
pub mod config;
pub mod csv_source;
pub mod error;
pub mod load;
pub mod locale;
pub mod markdown;
pub mod metrics;
pub mod model;
pub mod money;
pub mod period;
pub mod render;
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
}

impl Options {
    pub fn new(as_of: NaiveDate) -> Options {
        Options {
            as_of,
            compare_strategy: None,
            since: None,
        }
    }
}

/// Reads and checks the project at `project` and its theme; every problem found in
/// either is in the error.
fn prepare(project: &Path, options: &Options) -> Result<(model::Model, theme::Theme), Error> {
    let mut inputs = load::load(project, options.compare_strategy.as_deref())?;
    let overrides = std::mem::take(&mut inputs.templates);
    let theme = theme::Theme::new(&overrides);
    match (model::resolve(inputs), theme) {
        (Ok(model), Ok(theme)) => Ok((model, theme)),
        (Err(Error::Invalid(mut problems)), Err(Error::Invalid(more))) => {
            problems.extend(more);
            problems.sort();
            Err(Error::Invalid(problems))
        }
        (Err(error), _) | (_, Err(error)) => Err(error),
    }
}

/// Reads and checks the project at `project`; every problem found is in the error.
pub fn check(project: &Path, options: &Options) -> Result<model::Model, Error> {
    prepare(project, options).map(|(model, _)| model)
}

/// Builds the site for `project`, in memory.
pub fn build_site(project: &Path, options: &Options) -> Result<Vec<OutputFile>, Error> {
    let (model, theme) = prepare(project, options)?;
    let metrics = metrics::compute_since(&model, options.as_of, options.since);
    render::render(&model, &metrics, &theme)
}

/// What a finished build wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub pages: usize,
    pub files: usize,
}

/// Builds the site and writes it to `out`, replacing an earlier site whole.
pub fn build(project: &Path, out: &Path, options: &Options) -> Result<Summary, Error> {
    let files = build_site(project, options)?;
    site::write(&files, out)?;
    Ok(Summary {
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        files: files.len(),
    })
}
