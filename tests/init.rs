//! `pipepress init`: the sample project it writes builds, a folder with files is
//! refused, and the theme it copies out renders the same site as the built-in one.

mod harness;

use std::path::Path;
use std::process::{Command, Output};

use harness::read_tree;

fn pipepress(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pipepress"))
        .args(args)
        .arg(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run pipepress")
}

fn build(project: &Path, out: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_pipepress"))
        .args(["build", "--as-of", "2026-11-15", "--out"])
        .arg(out)
        .arg(project)
        .output()
        .expect("run pipepress");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn writes_a_project_that_builds_and_refuses_to_overwrite_it() {
    let temp = tempfile::tempdir().expect("temp dir");
    let project = temp.path().join("new");
    let first = pipepress(&["init"], &project);
    assert_eq!(first.status.code(), Some(0));
    let before = read_tree(&project);
    let sample = read_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"));
    assert_eq!(
        before, sample,
        "init writes the sample project byte for byte"
    );

    let again = pipepress(&["init"], &project);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("--force"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(
        pipepress(&["init", "--force"], &project).status.code(),
        Some(0)
    );

    let with_builtin = temp.path().join("site-builtin");
    build(&project, &with_builtin);
    let theme = pipepress(&["init", "--theme"], &project);
    assert_eq!(theme.status.code(), Some(0));
    assert!(project.join("templates/base.html").is_file());
    let with_copied = temp.path().join("site-copied");
    build(&project, &with_copied);
    // The same site, but for the report's provenance, which lists the copied
    // templates among the inputs they now are.
    let (mut builtin, mut copied) = (read_tree(&with_builtin), read_tree(&with_copied));
    let report = copied.remove("report/index.html").expect("report");
    builtin.remove("report/index.html");
    assert!(builtin == copied, "the copied theme renders the same site");
    assert!(String::from_utf8_lossy(&report).contains("<tr><td>templates/base.html</td>"));
    let theme_again = pipepress(&["init", "--theme"], &project);
    assert_eq!(theme_again.status.code(), Some(1));
}
