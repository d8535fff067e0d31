//! `pipepress init`: a new project from the embedded sample, or the default theme
//! copied out for editing.
//!
//! Both write only into the folder they are given, never replace a user's files
//! without `--force`, and take their files from the same embedded tables the build
//! uses (the theme from [`crate::theme`], the sample from `sample-data/`).

use std::fs;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::error::Error;
use crate::ingest::preset::PresetName;
use crate::theme;

static SAMPLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/sample-data");

/// Each CRM's example export and its `pipepress.toml`: the same files
/// `tests/crm.rs` checks are read into the canonical deals.
static PRESETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/tests/presets");

/// The fixed rate the preset examples' EUR deals are converted at.
const EXAMPLE_RATES: &str = "[currency]\nbase = \"SEK\"\nrates = { EUR = \"11.50\" }\n";

/// The folder, inside a project, that holds theme overrides.
pub const TEMPLATES: &str = "templates";

/// What `init` wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub folder: PathBuf,
    pub files: usize,
}

/// Writes the sample project into `dir` (created when missing). Refuses a folder
/// that holds anything unless `force`, in which case the sample's files replace
/// those of the same name and other files are left alone.
pub fn sample(dir: &Path, force: bool) -> Result<Written, Error> {
    refuse_unless_empty(dir, force)?;
    let mut files = Vec::new();
    collect(&SAMPLE, &mut files);
    write_all(
        dir,
        files.iter().map(|f| (f.path().to_path_buf(), f.contents())),
    )
}

/// Copies every file of the default theme into `<project>/templates/`, where the
/// build picks them up as overrides. Refuses a `templates/` folder that holds
/// anything unless `force`.
pub fn theme(project: &Path, force: bool) -> Result<Written, Error> {
    let folder = project.join(TEMPLATES);
    refuse_unless_empty(&folder, force)?;
    let files = theme::names()
        .into_iter()
        .filter_map(|name| theme::file(name).map(|text| (PathBuf::from(name), text.as_bytes())));
    let written = write_all(&folder, files)?;
    Ok(written)
}

/// Writes the sample project with its deals exported from the CRM of `preset`: that
/// CRM's `pipepress.toml` (preset, stage labels mapped) and an example export in
/// its shape, instead of the canonical deals and their snapshots. The strategy gets
/// the example's fixed EUR rate. `pipepress` writes the plain sample.
pub fn sample_from(dir: &Path, preset: PresetName, force: bool) -> Result<Written, Error> {
    if preset == PresetName::Pipepress {
        return sample(dir, force);
    }
    let Some(example) = PRESETS.get_dir(preset.as_str()) else {
        return sample(dir, force);
    };
    refuse_unless_empty(dir, force)?;
    let mut sample_files = Vec::new();
    collect(&SAMPLE, &mut sample_files);
    let strategy = SAMPLE
        .get_file(crate::strategy::FILE_NAME)
        .and_then(|f| f.contents_utf8())
        .unwrap_or_default()
        .replacen("[currency]\nbase = \"SEK\"\n", EXAMPLE_RATES, 1);
    let replaced = |path: &Path| {
        path == Path::new(crate::config::FILE_NAME)
            || path == Path::new(crate::strategy::FILE_NAME)
            || path == Path::new(crate::config::DEFAULT_DEALS)
            || path.starts_with(crate::config::DEFAULT_SNAPSHOTS)
    };
    let mut example_files = Vec::new();
    collect(example, &mut example_files);
    let prefix = Path::new(preset.as_str());
    let files = sample_files
        .iter()
        .filter(|f| !replaced(f.path()))
        .map(|f| (f.path().to_path_buf(), f.contents()))
        .chain(example_files.iter().map(|f| {
            let path = f.path().strip_prefix(prefix).unwrap_or(f.path());
            (path.to_path_buf(), f.contents())
        }))
        .chain(std::iter::once((
            PathBuf::from(crate::strategy::FILE_NAME),
            strategy.as_bytes(),
        )));
    write_all(dir, files)
}

fn collect<'a>(dir: &'a Dir<'a>, files: &mut Vec<&'a include_dir::File<'a>>) {
    for entry in dir.entries() {
        match entry {
            include_dir::DirEntry::Dir(sub) => collect(sub, files),
            include_dir::DirEntry::File(file) => files.push(file),
        }
    }
}

fn refuse_unless_empty(dir: &Path, force: bool) -> Result<(), Error> {
    let occupied = match fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_some(),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => false,
        Err(error) => return Err(Error::io(dir, error)),
    };
    if occupied && !force {
        return Err(Error::NotEmpty {
            path: dir.to_path_buf(),
        });
    }
    Ok(())
}

fn write_all<'a>(
    folder: &Path,
    files: impl Iterator<Item = (PathBuf, &'a [u8])>,
) -> Result<Written, Error> {
    let mut count = 0;
    for (relative, bytes) in files {
        let target = folder.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        fs::write(&target, bytes).map_err(|e| Error::io(&target, e))?;
        count += 1;
    }
    Ok(Written {
        folder: folder.to_path_buf(),
        files: count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_embedded_whole() {
        let mut files = Vec::new();
        collect(&SAMPLE, &mut files);
        let names: Vec<String> = files
            .iter()
            .map(|f| f.path().to_string_lossy().into_owned())
            .collect();
        for needed in [
            "pipepress.toml",
            "strategy.toml",
            "data/deals.csv",
            "data/customers.csv",
        ] {
            assert!(names.iter().any(|n| n == needed), "{needed} in {names:?}");
        }
    }

    #[test]
    fn refuses_a_folder_with_files_unless_forced() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("notes.txt"), "mine").expect("write");
        assert!(matches!(
            sample(dir.path(), false),
            Err(Error::NotEmpty { .. })
        ));
        let written = sample(dir.path(), true).expect("forced");
        assert!(written.files > 5);
        assert_eq!(
            fs::read_to_string(dir.path().join("notes.txt")).expect("kept"),
            "mine"
        );
    }

    #[test]
    fn the_theme_comes_from_the_build_table() {
        let dir = tempfile::tempdir().expect("temp dir");
        let written = theme(dir.path(), false).expect("theme");
        assert_eq!(written.files, theme::names().len());
        for name in theme::names() {
            let copied = fs::read_to_string(dir.path().join(TEMPLATES).join(name)).expect("copied");
            assert_eq!(Some(copied.as_str()), theme::file(name));
        }
        assert!(matches!(
            theme(dir.path(), false),
            Err(Error::NotEmpty { .. })
        ));
    }
}
