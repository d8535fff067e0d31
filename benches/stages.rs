//! Each stage of a build on its own (read, resolve, compute, render, write), so a
//! change's cost shows where it lands. The project is the bundled sample, or the
//! folder named by `PIPEPRESS_BENCH_PROJECT` (for instance a world made by
//! `bench/run.sh`). Results are recorded in BENCHMARKS.md.
//!
//! ```text
//! cargo bench --bench stages
//! PIPEPRESS_BENCH_PROJECT=target/bench/world-100000 cargo bench --bench stages
//! ```

use std::path::PathBuf;

use chrono::NaiveDate;
use pipepress::{load, metrics, model, render, site, theme};

// The allocator the pipepress binary uses, so that the stages cost what they cost
// in a build.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn project() -> PathBuf {
    std::env::var_os("PIPEPRESS_BENCH_PROJECT").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
        PathBuf::from,
    )
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 15).expect("a date")
}

fn inputs() -> load::Inputs {
    load::load(&project(), None).expect("the project reads")
}

fn model() -> model::Model {
    model::resolve(inputs()).expect("the project checks")
}

/// Every file of the project read as text.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn read() -> load::Inputs {
    inputs()
}

/// Parsing and checking the text into the typed model.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn resolve(bencher: divan::Bencher) {
    bencher
        .with_inputs(inputs)
        .bench_local_values(|inputs| model::resolve(inputs).expect("the project checks"));
}

/// Every metric of the site.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn compute(bencher: divan::Bencher) {
    let model = model();
    bencher.bench_local(|| metrics::compute_between(&model, as_of(), None, None));
}

/// Every page, chart, CSV and JSON file, in memory.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn render(bencher: divan::Bencher) {
    let model = model();
    let metrics = metrics::compute_between(&model, as_of(), None, None);
    let theme = theme::Theme::new(&[], pipepress::config::Language::En).expect("the default theme");
    bencher.bench_local(|| {
        render::render(&model, &metrics, &theme, &pipepress::Options::new(as_of()))
            .expect("renders")
    });
}

/// Writing the rendered files to a new folder (atomically, as a build does).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn write(bencher: divan::Bencher) {
    let model = model();
    let metrics = metrics::compute_between(&model, as_of(), None, None);
    let theme = theme::Theme::new(&[], pipepress::config::Language::En).expect("the default theme");
    let files = render::render(&model, &metrics, &theme, &pipepress::Options::new(as_of()))
        .expect("renders");
    let out = tempfile::tempdir().expect("a temporary folder");
    let mut n = 0u32;
    bencher.bench_local(|| {
        n += 1;
        site::write(&files, &out.path().join(format!("site-{n}"))).expect("writes");
    });
}
