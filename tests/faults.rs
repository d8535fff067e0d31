//! Faults: a build killed at any moment, an output folder that cannot be written,
//! and input files that cannot be read. The site on disk is always whole: the old
//! one or the new one, never a mix and never missing.

mod harness;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use harness::{Fixture, read_tree};

fn sample() -> Fixture {
    Fixture::from_folder(
        "sample",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
    )
}

fn build(project: &Path, out: &Path, as_of: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_pipepress"))
        .args(["build", "--as-of", as_of, "--out"])
        .arg(out)
        .arg(project)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start pipepress")
}

/// A small deterministic generator for the kill delays (xorshift64).
struct Delays(u64);

impl Delays {
    fn next_below(&mut self, limit: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % limit.max(1)
    }
}

#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one() {
    let fixture = sample();
    let scratch = tempfile::tempdir().expect("temp dir");
    let dates = ["2026-11-15", "2026-11-16"];
    // The two complete sites, built without interruption.
    let mut trees = Vec::new();
    let mut took = Duration::ZERO;
    for (i, date) in dates.iter().enumerate() {
        let out = scratch.path().join(format!("whole-{i}"));
        let started = Instant::now();
        let status = build(fixture.project(), &out, date).wait().expect("build");
        took = took.max(started.elapsed());
        assert!(status.success());
        trees.push(read_tree(&out));
    }
    assert_ne!(
        trees[0], trees[1],
        "the two as-of dates must give different sites"
    );

    let out = scratch.path().join("site");
    assert!(
        build(fixture.project(), &out, dates[0])
            .wait()
            .expect("build")
            .success()
    );
    let mut current = 0;
    let mut delays = Delays(0x9e37_79b9_7f4a_7c15);
    let (mut old_kept, mut new_landed) = (0, 0);
    // Kill delays are drawn below `limit`, which adapts to how long a build takes
    // on this machine right now (other tests may be running): longer after a kill
    // that kept the old site, shorter after one that let the new one land, so kills
    // keep falling on both sides of the swap.
    let mut limit = u64::try_from(took.as_millis()).unwrap_or(1000).max(20) * 6 / 5;
    for _ in 0..60 {
        let next = 1 - current;
        let mut child = build(fixture.project(), &out, dates[next]);
        std::thread::sleep(Duration::from_millis(delays.next_below(limit)));
        let _ = child.kill(); // SIGKILL; it may have finished already
        let _ = child.wait();
        let tree = read_tree(&out);
        if tree == trees[next] {
            new_landed += 1;
            current = next;
            limit = (limit * 9 / 10).max(10);
        } else {
            assert!(
                tree == trees[current],
                "after a kill the site is neither the old one nor the new one"
            );
            old_kept += 1;
            limit = limit * 5 / 4 + 1;
        }
    }
    // Both outcomes happened, so kills landed before and after the swap.
    assert!(
        old_kept > 0 && new_landed > 0,
        "old kept {old_kept}, new landed {new_landed}"
    );
    // A build after all that still succeeds and cleans up its leftovers.
    assert!(
        build(fixture.project(), &out, dates[0])
            .wait()
            .expect("build")
            .success()
    );
    let names: Vec<String> = fs::read_dir(scratch.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains("pipepress-")),
        "leftovers: {names:?}"
    );
}

#[test]
fn an_output_folder_that_cannot_be_made_is_a_clear_error() {
    let fixture = Fixture::new("small");
    let blocker = fixture.project().join("not-a-folder");
    fs::write(&blocker, "a file where the site's parent folder would go").expect("write");
    let run = fixture.build_into(&blocker.join("site"));
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: ") && run.stderr.contains("not-a-folder"),
        "{}",
        run.stderr
    );
}

/// Makes a folder immutable with `chattr +i` (root ignores permission bits) and
/// lifts it again when dropped, so the temporary folder can be removed.
struct Immutable<'a>(&'a Path);

impl Drop for Immutable<'_> {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(self.0).status();
    }
}

fn is_writable(folder: &Path) -> bool {
    let probe = folder.join("probe");
    let writable = fs::write(&probe, "x").is_ok();
    let _ = fs::remove_file(probe);
    writable
}

#[test]
fn a_read_only_output_folder_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let fixture = Fixture::new("small");
    let parent = fixture.project().join("locked");
    fs::create_dir(&parent).expect("create");
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o555)).expect("chmod");
    let _guard = Immutable(&parent);
    if is_writable(&parent) {
        // Running as root: permission bits do not bind, the immutable flag does.
        let _ = Command::new("chattr").arg("+i").arg(&parent).status();
    }
    assert!(
        !is_writable(&parent),
        "could not make a read-only folder here (no chattr?)"
    );
    let run = fixture.build_into(&parent.join("site"));
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: ") && run.stderr.contains("locked"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unreadable_input_is_a_clear_error_and_nothing_is_written() {
    let fixture = Fixture::new("small");
    let deals = fixture.project().join("data/deals.csv");
    fs::remove_file(&deals).expect("remove");
    fs::create_dir(&deals).expect("a folder where the file should be");
    let run = fixture.build();
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("error: data/deals.csv: cannot read: "),
        "{}",
        run.stderr
    );
    assert!(!run.out.exists());
}
