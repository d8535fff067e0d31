//! Any strategy.toml is read or answered with located problems, never a panic.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use pipepress::error::{Error, Problems};

fuzz_target!(|text: &str| {
    let mut problems = Problems::default();
    let strategy = pipepress::strategy::parse(Path::new("strategy.toml"), text, &mut problems);
    match problems.into_result(()) {
        Ok(()) => assert!(strategy.is_some(), "no problems but no strategy"),
        Err(Error::Invalid(list)) => assert!(!list.is_empty()),
        Err(other) => panic!("unexpected error kind: {other}"),
    }
});
