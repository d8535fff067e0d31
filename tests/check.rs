//! `pipepress check`: the JSON form CI reads is pinned for an invalid fixture, the
//! text form quotes each offending line, and the exit code says whether it passed.

mod harness;

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

/// The small fixture with 40,000 more deals, each like D1 (line 2): E1 to E40000
/// on lines 9 to 40,008 (E{n} on line 8 + n). `edit` changes each added row.
fn long_export(edit: impl Fn(usize, String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    harness::copy_tree(&fixture("small"), dir.path());
    let path = dir.path().join("data/deals.csv");
    let mut text = std::fs::read_to_string(&path).expect("deals");
    let d1 = text.lines().nth(1).expect("D1").to_string();
    for n in 1..=40_000 {
        let row = d1.replacen("D1,", &format!("E{n},"), 1);
        text.push_str(&edit(n, row));
        text.push('\n');
    }
    std::fs::write(&path, text).expect("write deals");
    dir
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("JSON")
}

/// A large export is read a few thousand rows at a time (16,384), yet judged as one
/// file: an id used twice in rows far apart is found, every row is counted.
#[test]
fn a_long_export_is_judged_as_one_file() {
    let clean = json(&check(
        &["--format", "json"],
        long_export(|_, row| row).path(),
    ));
    assert_eq!(clean["errors"], 0, "{clean}");
    // The fixture's 7 rows and the 40,000 added.
    assert_eq!(clean["sources"][1]["what"], "deals");
    assert_eq!(clean["sources"][1]["rows"], 40_007);
    // E30000 (line 30,008) takes the id of E3 (line 11).
    let dir = long_export(|n, row| match n {
        30_000 => row.replacen("E30000,", "E3,", 1),
        _ => row,
    });
    let report = json(&check(&["--format", "json"], dir.path()));
    assert_eq!(report["errors"], 1, "{report}");
    let problem = &report["diagnostics"][0];
    assert_eq!(problem["line"], 30_008);
    assert_eq!(problem["column"], 1);
    assert_eq!(
        problem["message"],
        "deal id \"E3\" is used twice, expected each id once"
    );
}

/// A problem with the header of a large export is reported once, not once for
/// each part it is read in.
#[test]
fn a_long_exports_header_problem_is_reported_once() {
    let dir = long_export(|_, row| format!("{row},blue"));
    let path = dir.path().join("data/deals.csv");
    let text = std::fs::read_to_string(&path).expect("deals");
    // The fixture's own rows get the new column too.
    let text: String = text
        .lines()
        .enumerate()
        .map(|(i, line)| match i {
            0 => format!("{line},colour\n"),
            1..=7 => format!("{line},blue\n"),
            _ => format!("{line}\n"),
        })
        .collect();
    std::fs::write(&path, text).expect("write deals");
    let report = json(&check(&["--format", "json"], dir.path()));
    assert_eq!(report["errors"], 1, "{report}");
    let message = report["diagnostics"][0]["message"].as_str().expect("text");
    assert!(message.contains("\"colour\""), "{message}");
}
