//! `build --pdf`: the single-file report printed to PDF by a Chromium found on the
//! machine (headless print-to-PDF; the page's own `@page` rules set A4, margins,
//! the running header and the page numbers).
//!
//! The report goes to a temporary folder that is removed whatever happens; the PDF
//! is written beside its target and renamed into place, so a failed print leaves
//! an earlier PDF as it was. The browser is found, never downloaded.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::Error;

/// The environment variable naming the browser to print with.
pub const CHROMIUM_VAR: &str = "PIPEPRESS_CHROMIUM";
/// Looked for on `PATH`, in this order, when the variable is not set.
pub const CHROMIUM_NAMES: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];
/// A print that takes longer has hung (the sample report prints in about 2 s).
const TIMEOUT: Duration = Duration::from_secs(120);

/// The browser to print with: `$PIPEPRESS_CHROMIUM`, else the first of
/// [`CHROMIUM_NAMES`] on `PATH`.
pub fn find_chromium() -> Result<PathBuf, Error> {
    if let Some(named) = std::env::var_os(CHROMIUM_VAR).filter(|v| !v.is_empty()) {
        let path = PathBuf::from(&named);
        return match path.is_file() {
            true => Ok(path),
            false => Err(pdf_error(format!(
                "{CHROMIUM_VAR}={} is not a file, expected the path of a Chromium or Chrome executable",
                path.display()
            ))),
        };
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|dir| CHROMIUM_NAMES.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
        .ok_or_else(|| {
            pdf_error(format!(
                "no Chromium found (looked for {} on PATH), expected one to print the report with; install it (Debian, Ubuntu: apt-get install chromium) or name it in {CHROMIUM_VAR}",
                CHROMIUM_NAMES.join(", ")
            ))
        })
}

/// Prints `html` (a self-contained page) to the PDF file `out` with `chromium`.
pub fn print(chromium: &Path, html: &str, out: &Path) -> Result<(), Error> {
    let work = tempfile::Builder::new()
        .prefix("pipepress-pdf-")
        .tempdir()
        .map_err(|e| Error::io(&std::env::temp_dir(), e))?;
    let page = work.path().join("report.html");
    std::fs::write(&page, html).map_err(|e| Error::io(&page, e))?;
    let printed = work.path().join("report.pdf");
    let profile = work.path().join("profile");
    // A file, not a pipe: a chatty browser must not block on a full pipe.
    let log_path = work.path().join("chromium.log");
    let log = std::fs::File::create(&log_path).map_err(|e| Error::io(&log_path, e))?;
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", printed.display()))
        .arg(file_url(&page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| {
            pdf_error(format!(
                "cannot start {}: {e}; install Chromium (Debian, Ubuntu: apt-get install chromium) or name it in {CHROMIUM_VAR}",
                chromium.display()
            ))
        })?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TIMEOUT => {
                // The child is ours: stop it rather than leave it printing.
                let _ = child.kill();
                let _ = child.wait();
                return Err(pdf_error(format!(
                    "{} did not finish printing within {} s",
                    chromium.display(),
                    TIMEOUT.as_secs()
                )));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => {
                return Err(pdf_error(format!(
                    "waiting for {}: {e}",
                    chromium.display()
                )));
            }
        }
    };
    let stderr = std::fs::read_to_string(&log_path).unwrap_or_default();
    let pdf = std::fs::read(&printed)
        .ok()
        .filter(|b| b.starts_with(b"%PDF"));
    let Some(pdf) = pdf.filter(|_| status.success()) else {
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        return Err(pdf_error(format!(
            "{} wrote no PDF ({status}){}",
            chromium.display(),
            if last.is_empty() {
                String::new()
            } else {
                format!(": {last}")
            }
        )));
    };
    crate::site::write_file(out, &pdf)
}

/// `file:///tmp/x/report.html`, with the characters a URL cannot hold escaped.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(char::from(byte));
            }
            other => url.push_str(&format!("%{other:02X}")),
        }
    }
    url
}

fn pdf_error(message: String) -> Error {
    Error::Export {
        what: "pdf".into(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_escape_what_a_url_cannot_hold() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/rapport å.html")),
            // ' ' is %20; 'å' is UTF-8 C3 A5.
            "file:///tmp/a%20b/rapport%20%C3%A5.html"
        );
    }
}
