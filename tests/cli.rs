//! The command's conveniences: `--quiet` and `--verbose`, no progress drawing when
//! stderr is not a terminal, the project found by walking up, and completions and
//! the man page generated from the clap definition.

mod harness;

use std::path::Path;
use std::process::{Command, Output};

use harness::Fixture;

fn pipepress(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pipepress"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run pipepress")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn quiet_says_nothing_and_verbose_names_each_step() {
    let fixture = Fixture::new("small");
    let out = fixture.project().parent().expect("temp").join("site");
    let out = out.to_str().expect("UTF-8 path");
    let project = fixture.project().to_str().expect("UTF-8 path");
    let build = ["build", "--as-of", "2026-11-15", "--out", out, project];

    let quiet = pipepress(&[&["--quiet"][..], &build].concat(), Path::new("/"));
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(text(&quiet.stderr), "");

    let normal = pipepress(&build, Path::new("/"));
    let stderr = text(&normal.stderr);
    assert!(stderr.starts_with("built "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        !stderr.contains('\u{1b}'),
        "escape codes on a pipe: {stderr:?}"
    );

    let verbose = pipepress(&[&["--verbose"][..], &build].concat(), Path::new("/"));
    let stderr = text(&verbose.stderr);
    for step in [
        "reading the project: ",
        "checking: ",
        "rendering pages: ",
        "writing the site: ",
    ] {
        assert!(stderr.contains(step), "{step} missing: {stderr}");
    }
    assert!(
        stderr
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("built ")),
        "{stderr}"
    );
}

#[test]
fn finds_the_project_by_walking_up() {
    let fixture = Fixture::new("small");
    let deep = fixture.project().join("content");
    let check = pipepress(&["check"], &deep);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(
        text(&check.stderr).contains("no problems"),
        "{}",
        text(&check.stderr)
    );
}

#[test]
fn completions_and_man_page_come_from_the_clap_definition() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bash = pipepress(&["completions", "bash"], here);
    assert_eq!(bash.status.code(), Some(0));
    let script = text(&bash.stdout);
    for word in ["pipepress", "serve", "init", "check", "--format"] {
        assert!(script.contains(word), "{word} not in the bash completions");
    }
    let man = pipepress(&["man"], here);
    assert_eq!(man.status.code(), Some(0));
    let page = text(&man.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH pipepress 1"),
        "{page}"
    );
    assert!(page.contains("serve"), "{page}");
    let bad = pipepress(&["completions", "nosh"], here);
    assert_eq!(bad.status.code(), Some(2), "a usage error exits 2");
}
