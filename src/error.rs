//! The library's error type and the diagnostics it carries.
//!
//! Every problem with a user's input becomes a [`Diagnostic`] naming the file and,
//! where known, the 1-based line and column. Readers collect all of them before
//! failing, so the user fixes every mistake in one pass. This module only describes
//! problems; it never prints them (that is `main.rs`'s job).

use std::fmt;
use std::path::{Path, PathBuf};

pub use crate::diagnostics::{Code, Severity};

/// One problem in one input file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file as the user named it (relative to the project folder where possible).
    pub path: PathBuf,
    /// 1-based line and column; `None` when the problem concerns the whole file.
    pub location: Option<(usize, usize)>,
    pub message: String,
    /// The kind of problem, stable across releases (last, so sorting stays by place).
    pub code: Code,
}

impl Diagnostic {
    pub fn new(
        path: impl Into<PathBuf>,
        location: Option<(usize, usize)>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.into(),
            location,
            message: message.into(),
            code: Code::Other,
        }
    }

    /// The same problem, of the kind `code`.
    #[must_use]
    pub fn with_code(mut self, code: Code) -> Self {
        self.code = code;
        self
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn at(
        path: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Self::new(path, Some((line, column)), message)
    }

    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(path, None, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match self.location {
            Some((line, column)) => write!(f, "{path}:{line}:{column}: {}", self.message),
            None => write!(f, "{path}: {}", self.message),
        }
    }
}

/// Everything that can stop a build.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The project's input is invalid; every problem found is listed.
    #[error("{}", render_list(.0))]
    Invalid(Vec<Diagnostic>),
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A theme template (built in or overridden by the project) failed.
    #[error("template {name}: {message}")]
    Template { name: String, message: String },
    /// `pipepress snapshot` found a different file where it would file the export.
    #[error(
        "{}: a snapshot with different contents than {} is already there, expected none or an identical one; nothing was written (remove the old snapshot to replace it, or file this export under another --date)",
        snapshot.display(),
        export.display()
    )]
    SnapshotExists { export: PathBuf, snapshot: PathBuf },
    /// `pipepress init` was pointed at a folder that already holds files.
    #[error(
        "{}: the folder is not empty, expected a new or empty folder; nothing was written (use --force to write into it anyway)",
        path.display()
    )]
    NotEmpty { path: PathBuf },
    /// `--single-file` or `--pdf` could not be made (`what` names which).
    #[error("{what}: {message}")]
    Export { what: String, message: String },
    /// `pipepress serve` could not listen or watch.
    #[error("{0}")]
    Serve(String),
    /// pipepress itself went wrong (a check of its own output failed).
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// Every problem as diagnostics: the list of an invalid project, or the one
    /// failure that stopped the run.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::Invalid(list) => list.clone(),
            Error::Io { path, source } => {
                vec![Diagnostic::file(path, source.to_string()).with_code(Code::FileUnreadable)]
            }
            Error::Template { name, message } => {
                vec![Diagnostic::file(name, message).with_code(Code::Template)]
            }
            Error::NotEmpty { path } => {
                vec![Diagnostic::file(path, "the folder is not empty").with_code(Code::NotEmpty)]
            }
            Error::Export { what, message } => {
                vec![Diagnostic::file(what, message).with_code(Code::Export)]
            }
            Error::Serve(message) => {
                vec![Diagnostic::file("", message.as_str()).with_code(Code::FileUnreadable)]
            }
            Error::Internal(message) => {
                vec![Diagnostic::file("", format!("internal error: {message}"))]
            }
            Error::SnapshotExists { snapshot, .. } => {
                let message = self.to_string();
                let message = message
                    .strip_prefix(&format!("{}: ", snapshot.display()))
                    .unwrap_or(&message);
                vec![Diagnostic::file(snapshot, message).with_code(Code::SnapshotExists)]
            }
        }
    }
}

fn render_list(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(Diagnostic::to_string).collect();
    lines.join("\n")
}

/// Collects diagnostics while a reader goes on looking for more.
#[derive(Debug, Default)]
pub struct Problems(Vec<Diagnostic>);

impl Problems {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: Problems) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was found, else every problem, sorted by file and place.
    pub fn into_result<T>(mut self, value: T) -> Result<T, Error> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            self.0.sort();
            self.0.dedup();
            Err(Error::Invalid(self.0))
        }
    }
}

/// Converts a byte offset into `text` to a 1-based (line, column) pair. Columns count
/// characters (not bytes), so `ö` is one column, as editors show it. An offset past
/// the end points just after the last character.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or_else(|| {
        // Inside a multi-byte character: back off to its start.
        let start = (0..offset)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        &text[..start]
    });
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_is_one_based() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 1), (1, 2));
        assert_eq!(line_column(text, 2), (1, 3)); // the newline itself
        assert_eq!(line_column(text, 3), (2, 1));
        // "é" is two bytes; "f" starts at byte 8 and is line 3, column 1
        assert_eq!(line_column(text, 8), (3, 1));
        // byte 6 is inside "é" (bytes 5-6): reported at the "é" (line 2, column 3)
        assert_eq!(line_column(text, 6), (2, 3));
        // byte 7 is the newline after "é": line 2, column 4
        assert_eq!(line_column(text, 7), (2, 4));
        assert_eq!(line_column(text, 99), (3, 2));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "namn = \"Åsa\"\nköp = x";
        // "x" is at byte offset of the second line + 6 chars ("köp = " = 6 chars, 7 bytes)
        let offset = text.find('x').expect("x is there");
        assert_eq!(line_column(text, offset), (2, 7));
    }

    #[test]
    fn diagnostics_render_as_path_line_column() {
        let d = Diagnostic::at("data/deals.csv", 17, 4, "found \"x\", expected y");
        assert_eq!(
            d.to_string(),
            "data/deals.csv:17:4: found \"x\", expected y"
        );
        let d = Diagnostic::file("strategy.toml", "missing");
        assert_eq!(d.to_string(), "strategy.toml: missing");
    }

    #[test]
    fn problems_are_sorted_and_all_kept() {
        let mut problems = Problems::default();
        problems.push(Diagnostic::at("b.csv", 1, 1, "x"));
        problems.push(Diagnostic::at("a.csv", 9, 1, "y"));
        problems.push(Diagnostic::at("a.csv", 2, 5, "z"));
        let Err(Error::Invalid(list)) = problems.into_result(()) else {
            panic!("expected invalid");
        };
        let text: Vec<String> = list.iter().map(ToString::to_string).collect();
        assert_eq!(text, ["a.csv:2:5: z", "a.csv:9:1: y", "b.csv:1:1: x"]);
    }
}
