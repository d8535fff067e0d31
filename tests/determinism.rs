//! The same input and as-of date give a byte-identical site, whatever the time
//! zone, the locale and the order the project's files were created in.

mod harness;

use std::fs;
use std::path::Path;
use std::process::Command;

use harness::read_tree;

/// Copies `from` to `to`, creating files in reverse name order (so directory
/// listings that follow creation order differ from a normal copy).
fn copy_reversed(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create");
    let mut entries: Vec<_> = fs::read_dir(from)
        .expect("read")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    entries.reverse();
    for path in entries {
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_reversed(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy");
        }
    }
}

fn build(project: &Path, out: &Path, env: &[(&str, &str)]) {
    let status = Command::new(env!("CARGO_BIN_EXE_pipepress"))
        .args(["build", "--as-of", "2026-11-15", "--out"])
        .arg(out)
        .arg(project)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(env.iter().copied())
        .status()
        .expect("run pipepress");
    assert!(status.success());
}

#[test]
fn time_zone_locale_and_file_order_do_not_change_a_byte() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let scratch = tempfile::tempdir().expect("temp dir");
    let reversed = scratch.path().join("reversed");
    copy_reversed(&sample, &reversed);
    let (a, b) = (scratch.path().join("a"), scratch.path().join("b"));
    build(
        &sample,
        &a,
        &[("TZ", "UTC"), ("LANG", "C"), ("LC_ALL", "C")],
    );
    build(
        &reversed,
        &b,
        &[
            ("TZ", "Pacific/Auckland"),
            ("LANG", "sv_SE.UTF-8"),
            ("LC_ALL", "sv_SE.UTF-8"),
        ],
    );
    let (first, second) = (read_tree(&a), read_tree(&b));
    assert_eq!(first.len(), second.len());
    for (path, bytes) in &first {
        assert!(
            second.get(path) == Some(bytes),
            "{path} differs between the two builds"
        );
    }
}
