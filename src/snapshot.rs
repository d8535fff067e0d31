//! `pipepress snapshot`: files the project's current deals export as a dated
//! snapshot, `<snapshots dir>/<YYYY-MM-DD>/<export's file name>`, so that later
//! builds can show how the pipeline moved.
//!
//! This module owns the one write into the project folder. It checks the whole
//! project first (exactly as `pipepress check` does) and writes nothing when there
//! is a problem; it never replaces a snapshot, it only adds a new one or finds the
//! identical one already there.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::Error;

/// What filing the export did; paths are relative to the project folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    /// The export was copied to `snapshot`.
    Written { export: PathBuf, snapshot: PathBuf },
    /// `snapshot` already held the same bytes: nothing was written.
    AlreadyThere { export: PathBuf, snapshot: PathBuf },
}

/// Files the deals export of the project at `project` as the snapshot of `date`.
pub fn file(project: &Path, date: NaiveDate) -> Result<Filed, Error> {
    let model = crate::check(project, &crate::Options::new(date))?;
    let export = model.config.deals_file.clone();
    let name = export
        .file_name()
        .map_or_else(|| crate::config::DEFAULT_DEALS.into(), PathBuf::from);
    let snapshot = model
        .config
        .snapshots_dir
        .join(date.format("%Y-%m-%d").to_string())
        .join(name);
    let bytes = fs::read(project.join(&export)).map_err(|e| Error::io(&export, e))?;
    let target = project.join(&snapshot);
    match fs::read(&target) {
        Ok(existing) if existing == bytes => return Ok(Filed::AlreadyThere { export, snapshot }),
        Ok(_) => return Err(Error::SnapshotExists { export, snapshot }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(&snapshot, e)),
    }
    let folder = target.parent().unwrap_or(project);
    fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    // Written beside the target and renamed, so that a snapshot is never half there.
    let partial = folder.join(".pipepress-snapshot-new");
    fs::write(&partial, &bytes).map_err(|e| Error::io(&partial, e))?;
    fs::rename(&partial, &target).map_err(|e| {
        let _ = fs::remove_file(&partial);
        Error::io(&snapshot, e)
    })?;
    Ok(Filed::Written { export, snapshot })
}
