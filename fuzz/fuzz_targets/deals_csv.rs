//! Any deals export (any bytes: every encoding, dialect and shape goes through
//! `ingest`), read against a fixed valid project, becomes a model or a list of
//! located problems: never a panic.
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use pipepress::error::{Error, Problems};
use pipepress::ingest::{self, Settings};
use pipepress::load::{Export, Inputs, SourceText};

const PROJECT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/small");

fn source(path: &str, text: String) -> Option<SourceText> {
    Some(SourceText {
        path: PathBuf::from(path),
        text,
    })
}

fuzz_target!(|data: &[u8]| {
    let read = |name: &str| {
        std::fs::read_to_string(format!("{PROJECT}/{name}")).expect("the small fixture")
    };
    let mut problems = Problems::default();
    let settings = Settings::default();
    // Deals exports are read at resolve, from their raw bytes.
    let export = |path: &str| Export::from_bytes(path, data.to_vec());
    let deals = Some(export("data/deals.csv"));
    let snapshot = export("data/snapshots/2026-11-01/deals.csv");
    let customers_text = read("data/customers.csv");
    let customers = ingest::read(
        std::path::Path::new("data/customers.csv"),
        customers_text.as_bytes(),
        &settings,
        &mut problems,
    );
    let config_text = read("pipepress.toml");
    let config = pipepress::config::parse(
        std::path::Path::new("pipepress.toml"),
        &config_text,
        &mut problems,
    );
    let inputs = Inputs {
        root: PathBuf::from(PROJECT),
        config,
        strategy: source("strategy.toml", read("strategy.toml")),
        deals,
        customers,
        snapshots: vec![(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
            snapshot,
        )],
        content: Vec::new(),
        meetings: Vec::new(),
        templates: Vec::new(),
        compare_strategy: None,
        logo: None,
        files: Vec::new(),
        problems,
    };
    match pipepress::model::resolve(inputs) {
        Ok(model) => {
            let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 15).expect("date");
            let _ = pipepress::metrics::compute(&model, as_of);
        }
        Err(Error::Invalid(list)) => assert!(!list.is_empty()),
        Err(other) => panic!("unexpected error kind: {other}"),
    }
});
