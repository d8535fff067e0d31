//! `pipepress snapshot`, run by the real binary on copies of the `small` fixture:
//! the export is filed under its date, an identical snapshot is left alone, a
//! different one is never replaced, and an invalid export is not filed at all.

mod harness;

use std::fs;

use harness::{Fixture, Run, read_tree};

const FILED: &str = "data/snapshots/2026-11-15/deals.csv";

/// The run's stderr with the project's temporary path replaced by `PROJECT`.
fn stderr(fixture: &Fixture, run: &Run) -> String {
    run.stderr
        .replace(&fixture.project().display().to_string(), "PROJECT")
}

fn snapshot(fixture: &Fixture) -> Run {
    fixture.run(&["snapshot", "--date", "2026-11-15"])
}

#[test]
fn files_the_export_under_its_date() {
    let fixture = Fixture::new("small");
    let run = snapshot(&fixture);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        stderr(&fixture, &run),
        "PROJECT: filed data/deals.csv as data/snapshots/2026-11-15/deals.csv\n"
    );
    let project = fixture.project();
    assert_eq!(
        fs::read(project.join(FILED)).expect("the snapshot"),
        fs::read(project.join("data/deals.csv")).expect("the export")
    );
    // Only the new file: nothing half-written left beside it.
    let folder = read_tree(&project.join("data/snapshots/2026-11-15"));
    assert_eq!(folder.keys().collect::<Vec<_>>(), ["deals.csv"]);
    // The project still checks, now with two snapshots.
    let check = fixture.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stderr.ends_with(" 2 snapshots; 0 warnings)\n"),
        "{}",
        check.stderr
    );
}

#[test]
fn follows_the_paths_in_pipepress_toml_and_creates_the_folders() {
    let fixture = Fixture::new("small").edit(
        "pipepress.toml",
        "language = \"en\"",
        "language = \"en\"\n[sources.deals]\nfile = \"exports/pipeline.csv\"\n[sources.snapshots]\ndir = \"history/deals\"",
    );
    let project = fixture.project();
    fs::create_dir(project.join("exports")).expect("exports folder");
    fs::rename(
        project.join("data/deals.csv"),
        project.join("exports/pipeline.csv"),
    )
    .expect("move the export");
    let run = snapshot(&fixture);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        stderr(&fixture, &run),
        "PROJECT: filed exports/pipeline.csv as history/deals/2026-11-15/pipeline.csv\n"
    );
    assert_eq!(
        fs::read(project.join("history/deals/2026-11-15/pipeline.csv")).expect("the snapshot"),
        fs::read(project.join("exports/pipeline.csv")).expect("the export")
    );
}

#[test]
fn an_identical_snapshot_is_left_alone() {
    let fixture = Fixture::new("small");
    assert_eq!(snapshot(&fixture).code, 0);
    let before = read_tree(fixture.project());
    let run = snapshot(&fixture);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        stderr(&fixture, &run),
        "PROJECT: data/snapshots/2026-11-15/deals.csv already holds this data/deals.csv; nothing to do\n"
    );
    assert_eq!(read_tree(fixture.project()), before);
}

#[test]
fn a_different_snapshot_is_never_replaced() {
    let fixture = Fixture::new("small");
    assert_eq!(snapshot(&fixture).code, 0);
    let filed = fs::read(fixture.project().join(FILED)).expect("the snapshot");
    // The export changes later the same day; filing it again under that date refuses.
    let fixture = fixture.edit(
        "data/deals.csv",
        "D1,One,C1,a,lead,open,100000",
        "D1,One,C1,a,lead,open,120000",
    );
    let run = snapshot(&fixture);
    assert_eq!(run.code, 1);
    assert_eq!(
        stderr(&fixture, &run),
        "error: data/snapshots/2026-11-15/deals.csv: a snapshot with different contents than data/deals.csv is already there, expected none or an identical one; nothing was written (remove the old snapshot to replace it, or file this export under another --date)\n"
    );
    assert_eq!(
        fs::read(fixture.project().join(FILED)).expect("the snapshot"),
        filed
    );
}

#[test]
fn an_invalid_export_is_not_filed() {
    let fixture = Fixture::new("small").edit(
        "data/deals.csv",
        "D1,One,C1,a,lead,open,100000,,,2026-10-01",
        "D1,One,C1,a,lead,open,100000,,,2026-10-32",
    );
    let before = read_tree(fixture.project());
    let run = snapshot(&fixture);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "\
error: data/deals.csv:2:32: column \"created\": \"2026-10-32\" is not a date, expected YYYY-MM-DD (e.g. 2026-03-31)
  |
2 | D1,One,C1,a,lead,open,100000,,,2026-10-32,2026-12-15,,2026-11-20,2026-11-10,,p1
  |                                ^
1 problem found; nothing was written.
"
    );
    assert_eq!(read_tree(fixture.project()), before);
    assert!(!fixture.project().join("data/snapshots/2026-11-15").exists());
}

#[test]
fn a_date_that_is_not_one_is_a_usage_error() {
    let fixture = Fixture::new("small");
    let run = fixture.run(&["snapshot", "--date", "2026-11-31"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("\"2026-11-31\" is not a date, expected YYYY-MM-DD"),
        "{}",
        run.stderr
    );
    assert!(!fixture.project().join("data/snapshots/2026-11-31").exists());
}
