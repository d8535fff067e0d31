//! A small chainable harness for fixture projects, built by the real binary.
//!
//! `Fixture::new("small").dated("2026-11-15").build()` copies `tests/fixtures/small`
//! into a temporary folder, runs `pipepress build` on it and keeps the exit code,
//! stderr and output folder for assertions. Whole-file comparison against a
//! fixture's `expected/` folder; `PIPEPRESS_BLESS=1 cargo test` rewrites it.

#![allow(
    dead_code,
    reason = "each test file uses a different part of the harness"
)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub struct Fixture {
    name: String,
    project: PathBuf,
    as_of: String,
    _temp: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stderr: String,
    pub out: PathBuf,
}

/// Copies a folder tree, leaving out `expected/`.
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            if entry.file_name() != "expected" {
                copy_tree(&entry.path(), &target);
            }
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Every file under `root`, by relative '/'-separated path.
pub fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("read output") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(root)
                    .expect("under root")
                    .to_string_lossy()
                    .replace('\\', "/");
                files.insert(relative, fs::read(&path).expect("read file"));
            }
        }
    }
    files
}

impl Fixture {
    pub fn new(name: &str) -> Fixture {
        Self::from_folder(name, &fixtures().join(name))
    }

    /// A project copied from any folder (the bundled sample, say).
    pub fn from_folder(name: &str, folder: &Path) -> Fixture {
        let temp = tempfile::tempdir().expect("temp dir");
        let project = temp.path().join("project");
        copy_tree(folder, &project);
        Fixture {
            name: name.into(),
            project,
            as_of: "2026-11-15".into(),
            _temp: temp,
        }
    }

    pub fn dated(mut self, date: &str) -> Fixture {
        self.as_of = date.into();
        self
    }

    /// The copied project, to break it before building.
    pub fn project(&self) -> &Path {
        &self.project
    }

    /// Replaces `from` with `to` in the project's file `file` (once, and it must be there).
    pub fn edit(self, file: &str, from: &str, to: &str) -> Fixture {
        let path = self.project.join(file);
        let text = fs::read_to_string(&path).expect("read file to edit");
        assert!(text.contains(from), "{file} has no {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).expect("write edited file");
        self
    }

    pub fn build(&self) -> Run {
        self.build_into(&self.project.parent().expect("temp").join("site"))
    }

    pub fn build_into(&self, out: &Path) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_pipepress"))
            .args(["build", "--as-of", &self.as_of, "--out"])
            .arg(out)
            .arg(&self.project)
            .env("NO_COLOR", "1")
            .output()
            .expect("run pipepress");
        Run {
            code: output.status.code().unwrap_or(-1),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            out: out.to_path_buf(),
        }
    }

    /// Runs `pipepress <args> <project>`: any subcommand that takes the project
    /// folder last. The run's `out` is the project folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_pipepress"))
            .args(args)
            .arg(&self.project)
            .env("NO_COLOR", "1")
            .output()
            .expect("run pipepress");
        Run {
            code: output.status.code().unwrap_or(-1),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            out: self.project.clone(),
        }
    }

    /// Compares the site `run` wrote with `tests/fixtures/<name>/expected/`, file by
    /// file and byte by byte.
    pub fn assert_matches_expected(&self, run: &Run) {
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        let expected_dir = fixtures().join(&self.name).join("expected");
        let actual = read_tree(&run.out);
        if std::env::var_os("PIPEPRESS_BLESS").is_some() {
            let _ = fs::remove_dir_all(&expected_dir);
            for (path, bytes) in &actual {
                let target = expected_dir.join(path);
                fs::create_dir_all(target.parent().expect("parent")).expect("create");
                fs::write(target, bytes).expect("bless");
            }
            return;
        }
        let expected = read_tree(&expected_dir);
        let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(
            names(&actual),
            names(&expected),
            "the site's files differ from expected/"
        );
        for (path, bytes) in &expected {
            let got = String::from_utf8_lossy(&actual[path]);
            let want = String::from_utf8_lossy(bytes);
            assert!(
                got == want,
                "{path} differs from expected/{path} (PIPEPRESS_BLESS=1 cargo test rewrites it)\n{}",
                first_difference(&want, &got)
            );
        }
    }
}

fn first_difference(want: &str, got: &str) -> String {
    for (i, (w, g)) in want.lines().zip(got.lines()).enumerate() {
        if w != g {
            return format!("line {}:\n  expected: {w}\n  actual:   {g}", i + 1);
        }
    }
    format!(
        "lengths differ: expected {} lines, got {}",
        want.lines().count(),
        got.lines().count()
    )
}

/// A tool a test needs (chromium, pdftotext): its path, or `None` (and a note)
/// when it is missing and CI has not asked for it with `PIPEPRESS_REQUIRE_CHROMIUM=1`.
pub fn tool(name: &str, package: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let found = std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        let message = format!("{name} not found: install Debian's {package} to run this check");
        assert!(
            std::env::var("PIPEPRESS_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "{message} (PIPEPRESS_REQUIRE_CHROMIUM=1 makes it required)"
        );
        eprintln!("skipped: {message}");
    }
    found
}
