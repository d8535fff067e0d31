//! The floor for the benchmark (BENCHMARKS.md): how fast the `csv` crate alone
//! reads the bytes a build reads. Counts the records of every `.csv` file under
//! the given folders (or the given files), one after the other on one core, with
//! a reused `ByteRecord`: no UTF-8 check, no allocation per row, no meaning.
//!
//! ```text
//! cargo run --release --example bare_parse -- sample-data
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let roots: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if roots.is_empty() {
        eprintln!("usage: bare_parse PATH...");
        return ExitCode::from(2);
    }
    let mut files = Vec::new();
    for root in &roots {
        if let Err(e) = collect(root, &mut files) {
            eprintln!("bare_parse: {}: {e}", root.display());
            return ExitCode::FAILURE;
        }
    }
    files.sort();
    let (mut records, mut bytes) = (0u64, 0u64);
    let mut record = csv::ByteRecord::new();
    for file in &files {
        let mut reader = match csv::ReaderBuilder::new().flexible(true).from_path(file) {
            Ok(reader) => reader,
            Err(e) => {
                eprintln!("bare_parse: {}: {e}", file.display());
                return ExitCode::FAILURE;
            }
        };
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => records += 1,
                Ok(false) => break,
                Err(e) => {
                    eprintln!("bare_parse: {}: {e}", file.display());
                    return ExitCode::FAILURE;
                }
            }
        }
        bytes += reader.position().byte();
    }
    println!("{} files, {records} records, {bytes} bytes", files.len());
    ExitCode::SUCCESS
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            collect(&entry?.path(), files)?;
        }
    } else if path.extension().is_some_and(|e| e == "csv") {
        files.push(path.to_path_buf());
    }
    Ok(())
}
