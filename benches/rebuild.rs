//! What `pipepress serve` does after a markdown edit: rebuild the sample site in
//! memory. The goal (issue 8) is under 100 ms on the sample project; results are
//! recorded in BENCHMARKS.md. Run: `cargo bench --bench rebuild`.

use std::path::Path;

// The allocator the pipepress binary uses, so that the stages cost what they cost
// in a build.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Edits `content/method.md` (a different text each time, as a person typing would)
/// and rebuilds the whole site in memory, as `serve` does on each change.
#[divan::bench(sample_count = 40, sample_size = 1)]
fn markdown_edit_rebuilds_the_sample(bencher: divan::Bencher) {
    let project = tempfile::tempdir().expect("temporary folder");
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
        project.path(),
    );
    let page = project.path().join("content/method.md");
    let original = std::fs::read_to_string(&page).expect("the sample's method page");
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 15).expect("date");
    let options = pipepress::Options::new(as_of);
    let mut edits = 0u32;
    bencher.bench_local(|| {
        edits += 1;
        std::fs::write(&page, format!("{original}\nEdit number {edits}.\n")).expect("write");
        let files = pipepress::build_site(project.path(), &options).expect("the sample builds");
        divan::black_box(files);
    });
}

fn copy(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read the sample") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
