//! `pipepress check`: the JSON form CI reads is pinned for an invalid fixture, the
//! text form quotes each offending line, and the exit code says whether it passed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn check(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pipepress"))
        .arg("check")
        .args(args)
        .arg(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run pipepress")
}

#[test]
fn json_lists_every_problem_with_its_code() {
    let output = check(&["--format", "json"], &fixture("invalid-references"));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json = String::from_utf8(output.stdout).expect("UTF-8");
    insta::assert_snapshot!("check_json_invalid_references", json);
}

#[test]
fn json_of_a_valid_project_is_ok() {
    let output = check(&["--format", "json"], &fixture("small"));
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(value["ok"], true);
    assert_eq!(value["diagnostics"], serde_json::json!([]));
}

#[test]
fn json_reports_a_missing_project_folder() {
    let output = check(&["--format", "json"], Path::new("/nonexistent/project"));
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(value["diagnostics"][0]["code"], "E-FILE-UNREADABLE");
}

#[test]
fn text_quotes_the_line_with_a_caret() {
    let output = check(&[], &fixture("invalid-toml-syntax"));
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    let line = std::fs::read_to_string(fixture("invalid-toml-syntax/strategy.toml"))
        .expect("fixture")
        .lines()
        .nth(11)
        .expect("line 12")
        .to_string();
    assert_eq!(
        stderr,
        format!(
            "error: strategy.toml:12:13: invalid basic string, expected `\"`\n   |\n12 | {line}\n   |             ^\n1 problem found; nothing was written.\n"
        )
    );
}

#[test]
fn readme_documents_every_code() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README");
    for (code, meaning) in pipepress::diagnostics::Code::ALL {
        let row = format!("| `{}` | {meaning} |", code.as_str());
        assert!(readme.contains(&row), "README lacks {row}");
    }
}
