//! Reading a project folder into memory: the first stage of the pipeline.
//!
//! `load` reads every file the build needs as text and records what could not be
//! read, without judging the contents (that is `resolve`'s work). The one exception
//! is `pipepress.toml`, parsed here because it says where the data files are.

use std::fs;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::config::{self, Config};
use crate::error::{Code, Diagnostic, Error, Problems, line_column};
use crate::ingest::{self, Settings, Source};
use crate::theme;

/// A file read from the project: its path relative to the project and its text.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: String,
}

/// Everything read from a project folder.
#[derive(Debug)]
pub struct Inputs {
    pub root: PathBuf,
    /// `None` when `pipepress.toml` is invalid (its problems are in `problems`).
    pub config: Option<Config>,
    pub strategy: Option<SourceText>,
    /// The current deals export, read at resolve.
    pub deals: Option<Export>,
    pub customers: Option<Source>,
    /// Earlier exports, oldest first.
    pub snapshots: Vec<(NaiveDate, Export)>,
    /// `content/*.md`, by file name.
    pub content: Vec<SourceText>,
    /// `content/meetings/YYYY-MM-DD.md`: sales-meeting minutes, oldest first.
    pub meetings: Vec<(NaiveDate, SourceText)>,
    /// The project's `templates/` overrides: (theme file name, text).
    pub templates: Vec<(String, SourceText)>,
    /// An earlier strategy file to compare the current one with, when asked for.
    pub compare_strategy: Option<SourceText>,
    /// The `[brand]` logo's bytes (its path is in the config).
    pub logo: Option<Vec<u8>>,
    /// Every file read, sorted by path, with its SHA-256: the report's provenance.
    /// The deals exports are added at resolve, when they are read.
    pub files: Vec<InputFile>,
    /// Problems met while reading (missing files, bad encodings, bad folder names).
    pub problems: Problems,
}

/// A file a build read, and the SHA-256 of its bytes (lower-case hex).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct InputFile {
    /// '/'-separated, relative to the project (a `--compare-strategy` file as given).
    pub path: String,
    pub sha256: String,
}

impl InputFile {
    pub fn new(path: &Path, bytes: &[u8]) -> InputFile {
        use sha2::{Digest, Sha256};
        InputFile::hashed(path, Sha256::digest(bytes).as_slice())
    }

    /// The file at `path` whose SHA-256 digest is `digest` (hashed as it was read).
    pub fn hashed(path: &Path, digest: &[u8]) -> InputFile {
        InputFile {
            path: path.to_string_lossy().replace('\\', "/"),
            sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
        }
    }
}

/// Reads the project at `root`, and `compare_strategy` (a path as the user gave it)
/// when set. Fails only when the folder itself cannot be read; every other problem
/// is recorded in [`Inputs::problems`].
pub fn load(root: &Path, compare_strategy: Option<&Path>) -> Result<Inputs, Error> {
    if !root.is_dir() {
        return Err(Error::io(
            root,
            std::io::Error::new(ErrorKind::NotFound, "no such project folder"),
        ));
    }
    let mut problems = Problems::default();
    let config_text = read(root, Path::new(config::FILE_NAME), &mut problems);
    let config = config_text
        .as_ref()
        .and_then(|s| config::parse(&s.path, &s.text, &mut problems));
    let defaults = Config::defaults();
    let paths = config.as_ref().unwrap_or(&defaults);
    let strategy = read(root, Path::new(crate::strategy::FILE_NAME), &mut problems);
    // The customers export is read (decoded, split) here, its hash kept; the deals
    // exports are read at resolve, one file and a few thousand rows at a time.
    let mut exports = Vec::new();
    let deals = export(root, &paths.deals_file, &mut problems);
    let customers = read_export(
        root,
        &paths.customers_file,
        &paths.customers,
        &mut problems,
        &mut exports,
    );
    let snapshots = snapshots(root, paths, &mut problems);
    let content = markdown_pages(root, &mut problems);
    let meetings = meeting_minutes(root, &mut problems);
    let templates = templates(root, &mut problems);
    let compare_strategy = compare_strategy.and_then(|path| {
        let missing = "file not found, expected an earlier strategy.toml to compare with";
        read_or(Path::new(""), path, missing, &mut problems)
    });
    let logo = paths
        .brand
        .logo
        .as_ref()
        .and_then(|logo| match fs::read(root.join(logo)) {
            Ok(bytes) => Some(bytes),
            Err(error) => {
                let (message, code) = if error.kind() == ErrorKind::NotFound {
                    (
                        "file not found, expected the [brand] logo of pipepress.toml".to_string(),
                        Code::FileMissing,
                    )
                } else {
                    (
                        format!("cannot read the [brand] logo: {error}"),
                        Code::FileUnreadable,
                    )
                };
                problems.push(Diagnostic::file(logo, message).with_code(code));
                None
            }
        });
    let mut files: Vec<InputFile> = config_text
        .iter()
        .chain(&strategy)
        .chain(&content)
        .chain(meetings.iter().map(|(_, s)| s))
        .chain(templates.iter().map(|(_, s)| s))
        .chain(&compare_strategy)
        .map(|s| InputFile::new(&s.path, s.text.as_bytes()))
        .chain(exports)
        .collect();
    if let (Some(path), Some(bytes)) = (&paths.brand.logo, &logo) {
        files.push(InputFile::new(path, bytes));
    }
    files.sort();
    Ok(Inputs {
        root: root.to_path_buf(),
        config,
        strategy,
        deals,
        customers,
        snapshots,
        content,
        meetings,
        templates,
        compare_strategy,
        logo,
        files,
        problems,
    })
}

/// A deals export, read only when the model is resolved: the exports are many and
/// large, so each is read from disk when its turn comes, then a few thousand rows
/// at a time, each table of cells dropped once its deals are out.
#[derive(Debug)]
pub struct Export {
    /// Relative to the project.
    pub path: PathBuf,
    bytes: Bytes,
}

#[derive(Debug)]
enum Bytes {
    InMemory(Vec<u8>),
    /// The file, under the project's root.
    OnDisk(PathBuf),
}

impl Export {
    /// An export made in code (tests).
    pub fn from_text(path: &str, text: &str) -> Export {
        Export::from_bytes(path, text.as_bytes().to_vec())
    }

    /// An export whose bytes are at hand (tests, fuzzing).
    pub fn from_bytes(path: impl Into<PathBuf>, bytes: Vec<u8>) -> Export {
        Export {
            path: path.into(),
            bytes: Bytes::InMemory(bytes),
        }
    }

    /// The export `relative` under `root`, to be read at resolve.
    fn on_disk(root: &Path, relative: &Path) -> Export {
        Export {
            path: relative.to_path_buf(),
            bytes: Bytes::OnDisk(root.join(relative)),
        }
    }

    /// The export's bytes and their SHA-256 for the report's provenance, or a problem
    /// when the file cannot be read.
    pub fn read(&self, problems: &mut Problems) -> Option<(Vec<u8>, InputFile)> {
        let bytes = match &self.bytes {
            Bytes::InMemory(bytes) => bytes.clone(),
            Bytes::OnDisk(file) => match fs::read(file) {
                Ok(bytes) => bytes,
                Err(error) => {
                    problems.push(unreadable(&self.path, &error, MISSING_EXPORT));
                    return None;
                }
            },
        };
        let file = InputFile::new(&self.path, &bytes);
        Some((bytes, file))
    }

    /// The export's bytes from the start, to read a block at a time, or a problem
    /// when the file cannot be opened.
    pub fn open(&self, problems: &mut Problems) -> Option<Box<dyn Read + '_>> {
        match &self.bytes {
            Bytes::InMemory(bytes) => Some(Box::new(bytes.as_slice())),
            Bytes::OnDisk(file) => match fs::File::open(file) {
                Ok(file) => Some(Box::new(file)),
                Err(error) => {
                    problems.push(unreadable(&self.path, &error, MISSING_EXPORT));
                    None
                }
            },
        }
    }

    /// Reads the export through once, a block at a time: its lines when it is
    /// UTF-8 throughout, `Some(None)` when it is not, `None` (and a problem) when
    /// it cannot be read.
    pub fn scan_utf8(&self, problems: &mut Problems) -> Option<Option<usize>> {
        let mut reader = self.open(problems)?;
        let mut scan = crate::ingest::decode::Utf8Scan::default();
        let mut block = vec![0; 1 << 20];
        loop {
            match reader.read(&mut block) {
                Ok(0) => return Some(scan.finish()),
                Ok(n) => scan.update(&block[..n]),
                Err(error) if error.kind() == ErrorKind::Interrupted => {}
                Err(error) => {
                    problems.push(unreadable(&self.path, &error, MISSING_EXPORT));
                    return None;
                }
            }
        }
    }
}

const MISSING_EXPORT: &str = "file not found, expected it in the project folder";

/// The problem for a file that could not be read: missing (saying `missing`), or
/// another error.
fn unreadable(relative: &Path, error: &std::io::Error, missing: &str) -> Diagnostic {
    match error.kind() {
        ErrorKind::NotFound => Diagnostic::file(relative, missing).with_code(Code::FileMissing),
        _ => Diagnostic::file(relative, format!("cannot read: {error}"))
            .with_code(Code::FileUnreadable),
    }
}

/// The deals export `relative` under `root`, when it is there (else a problem).
fn export(root: &Path, relative: &Path, problems: &mut Problems) -> Option<Export> {
    match fs::metadata(root.join(relative)) {
        Ok(_) => Some(Export::on_disk(root, relative)),
        Err(error) => {
            problems.push(unreadable(relative, &error, MISSING_EXPORT));
            None
        }
    }
}

/// Reads the export `relative` under `root` in whichever encoding, dialect or format
/// it comes, recording a problem when it cannot.
fn read_export(
    root: &Path,
    relative: &Path,
    settings: &Settings,
    problems: &mut Problems,
    files: &mut Vec<InputFile>,
) -> Option<Source> {
    let missing = "file not found, expected it in the project folder";
    let bytes = read_bytes(root, relative, missing, problems)?;
    files.push(InputFile::new(relative, &bytes));
    ingest::read(relative, &bytes, settings, problems)
}

/// The bytes of `relative` under `root`, or a problem saying `missing` when the file
/// does not exist.
fn read_bytes(
    root: &Path,
    relative: &Path,
    missing: &str,
    problems: &mut Problems,
) -> Option<Vec<u8>> {
    match fs::read(root.join(relative)) {
        Ok(bytes) => Some(bytes),
        Err(error) => {
            problems.push(unreadable(relative, &error, missing));
            None
        }
    }
}

/// Reads `relative` under `root` as UTF-8 text, recording a problem when it cannot.
fn read(root: &Path, relative: &Path, problems: &mut Problems) -> Option<SourceText> {
    read_or(
        root,
        relative,
        "file not found, expected it in the project folder",
        problems,
    )
}

/// [`read`], saying `missing` when the file does not exist.
fn read_or(
    root: &Path,
    relative: &Path,
    missing: &str,
    problems: &mut Problems,
) -> Option<SourceText> {
    let bytes = read_bytes(root, relative, missing, problems)?;
    match String::from_utf8(bytes) {
        Ok(text) => Some(SourceText {
            path: relative.to_path_buf(),
            text,
        }),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let (line, column) = line_column(&prefix, valid);
            problems.push(Diagnostic::at(
                relative,
                line,
                column,
                format!("byte 0x{:02X} is not UTF-8, expected a UTF-8 file (save as \"CSV UTF-8\" or UTF-8 text)", bytes[valid]),
            ).with_code(Code::FileEncoding));
            None
        }
    }
}

/// Sorted names of the entries of `dir` (empty when it does not exist).
fn entries(dir: &Path) -> Vec<(String, bool)> {
    let Ok(read) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<(String, bool)> = read
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                e.path().is_dir(),
            )
        })
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    names.sort();
    names
}

/// Earlier deals exports: read as the current one is (same preset and dialect).
fn snapshots(root: &Path, config: &Config, problems: &mut Problems) -> Vec<(NaiveDate, Export)> {
    let dir = &config.snapshots_dir;
    let file_name = config
        .deals_file
        .file_name()
        .map_or_else(|| "deals.csv".into(), PathBuf::from);
    let mut found = Vec::new();
    for (name, is_dir) in entries(&root.join(dir)) {
        let folder = dir.join(&name);
        let date = NaiveDate::parse_from_str(&name, "%Y-%m-%d")
            .ok()
            .filter(|_| is_dir && name.len() == 10);
        match date {
            Some(date) => {
                let path = folder.join(&file_name);
                if let Some(export) = export(root, &path, problems) {
                    found.push((date, export));
                }
            }
            None => problems.push(Diagnostic::file(
                folder,
                "is not a snapshot folder, expected a folder named by its date (YYYY-MM-DD) holding the deals export",
            ).with_code(Code::FolderName)),
        }
    }
    found
}

fn markdown_pages(root: &Path, problems: &mut Problems) -> Vec<SourceText> {
    entries(&root.join("content"))
        .into_iter()
        .filter(|(name, is_dir)| !is_dir && name.ends_with(".md"))
        .filter_map(|(name, _)| read(root, &Path::new("content").join(name), problems))
        .collect()
}

fn meeting_minutes(root: &Path, problems: &mut Problems) -> Vec<(NaiveDate, SourceText)> {
    let folder = Path::new("content/meetings");
    let mut found = Vec::new();
    for (name, is_dir) in entries(&root.join(folder)) {
        let path = folder.join(&name);
        let date = name
            .strip_suffix(".md")
            .filter(|stem| stem.len() == 10 && !is_dir)
            .and_then(|stem| NaiveDate::parse_from_str(stem, "%Y-%m-%d").ok());
        match date {
            Some(date) => found.extend(read(root, &path, problems).map(|text| (date, text))),
            None => problems.push(Diagnostic::file(
                path,
                "is not a meeting's minutes, expected a markdown file named by the meeting's date (YYYY-MM-DD.md)",
            ).with_code(Code::FolderName)),
        }
    }
    found
}

/// The project's theme overrides; a file the theme does not have is an error, as it
/// would otherwise be silently ignored.
fn templates(root: &Path, problems: &mut Problems) -> Vec<(String, SourceText)> {
    let mut found = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(relative) = stack.pop() {
        for (name, is_dir) in entries(&root.join("templates").join(&relative)) {
            let relative = relative.join(&name);
            if is_dir {
                stack.push(relative);
                continue;
            }
            let theme_name = relative.to_string_lossy().replace('\\', "/");
            let path = Path::new("templates").join(&relative);
            if theme::file(&theme_name).is_none() {
                problems.push(Diagnostic::file(
                    &path,
                    format!(
                        "the theme has no file \"{theme_name}\" to override, expected one of: {}",
                        theme::names().join(", ")
                    ),
                ).with_code(Code::ThemeUnknownFile));
            } else if let Some(text) = read(root, &path, problems) {
                found.push((theme_name, text));
            }
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}
