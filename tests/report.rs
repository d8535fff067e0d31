//! The board report's exports (issue 7), built from the sample project by the real
//! binary: the single file holds everything and asks the network for nothing
//! (parsed, then loaded in headless Chromium behind a proxy that would see any
//! request), the PDF has the report's text on numbered A4 pages, the provenance
//! hashes are the files' own, and [brand] mistakes are located.
//!
//! The browser and PDF checks need Debian's `chromium` and `poppler-utils`; without
//! them they say so and pass, unless PIPEPRESS_REQUIRE_CHROMIUM=1 (set by `.ci/run`)
//! makes a missing tool a failure.

mod harness;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use harness::Fixture;
use lol_html::{RewriteStrSettings, element, rewrite_str};
use sha2::{Digest, Sha256};

fn sample() -> Fixture {
    Fixture::from_folder(
        "sample",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
    )
    .dated("2026-11-15")
}

/// Runs `pipepress build` on `fixture` with `args` and `env`; the site goes beside
/// the project.
fn build(fixture: &Fixture, args: &[&str], env: &[(&str, &str)]) -> Output {
    let out = fixture.project().parent().expect("temp").join("site");
    let mut command = Command::new(env!("CARGO_BIN_EXE_pipepress"));
    command
        .args(["build", "--as-of", "2026-11-15", "--out"])
        .arg(&out)
        .args(args)
        .arg(fixture.project())
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run pipepress")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_file(fixture: &Fixture, name: &str) -> PathBuf {
    fixture.project().parent().expect("temp").join(name)
}

/// Every URL-bearing attribute of the document: (tag, attribute, value).
fn references(html: &str) -> Vec<(String, String, String)> {
    let found = RefCell::new(Vec::new());
    let attributes = [
        "href",
        "src",
        "srcset",
        "action",
        "poster",
        "data",
        "formaction",
    ];
    rewrite_str(
        html,
        RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
            for name in attributes {
                if let Some(value) = el.get_attribute(name) {
                    found
                        .borrow_mut()
                        .push((el.tag_name(), name.to_string(), value));
                }
            }
            Ok(())
        })),
    )
    .expect("the single file parses as HTML");
    found.into_inner()
}

#[test]
fn the_single_file_report_holds_everything_it_shows() {
    let fixture = sample();
    let file = temp_file(&fixture, "report.html");
    let run = build(
        &fixture,
        &["--single-file", file.to_str().expect("utf-8")],
        &[],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let html = std::fs::read_to_string(&file).expect("the single file is written");

    let references = references(&html);
    assert!(!references.is_empty());
    for (tag, attribute, value) in &references {
        let inside = match attribute.as_str() {
            "href" => value.starts_with('#') || value.starts_with("data:"),
            "src" => value.starts_with("data:"),
            _ => false,
        };
        assert!(
            inside,
            "<{tag} {attribute}=\"{value:.60}\"> reaches outside the file"
        );
    }
    // Every in-file link has its target.
    for (_, _, value) in references.iter().filter(|r| r.2.starts_with('#')) {
        assert!(
            html.contains(&format!("id=\"{}\"", &value[1..])),
            "no id for {value}"
        );
    }
    for outside in [
        "<script",
        "<link rel=\"stylesheet\"",
        "@import",
        "url(http",
        "url(/",
    ] {
        assert!(!html.contains(outside), "the single file holds {outside:?}");
    }
    // The logo is the project's own file, inlined.
    let logo = std::fs::read(fixture.project().join("brand/logo.svg")).expect("logo");
    let inlined = references
        .iter()
        .find(|(tag, _, value)| tag == "img" && value.starts_with("data:image/svg+xml;base64,"))
        .expect("the logo is inlined");
    let encoded = inlined.2.trim_start_matches("data:image/svg+xml;base64,");
    assert_eq!(
        base64::Engine::decode(&base64::engine::general_purpose::STANDARD, encoded)
            .expect("base64"),
        logo
    );
    // The styles and the brand's colours are there; the site's menu is not.
    assert!(html.contains("--brand-primary: #0b3c5d;"));
    assert!(html.contains("@media print"));
    assert!(!html.contains("aria-label=\"Site\""));
    assert!(html.contains("<h1>Säljrapport 2026-11-15</h1>"));
}

#[test]
fn the_whole_site_in_one_file_links_its_pages_by_anchor() {
    let fixture = sample();
    let file = temp_file(&fixture, "site.html");
    let path = file.to_str().expect("utf-8");
    let run = build(&fixture, &["--single-file", path, "--whole-site"], &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let html = std::fs::read_to_string(&file).expect("written");
    let references = references(&html);
    let ids: BTreeSet<String> = {
        let ids = RefCell::new(BTreeSet::new());
        rewrite_str(
            &html,
            RewriteStrSettings::new().append_element_content_handler(element!("[id]", |el| {
                let id = el.get_attribute("id").unwrap_or_default();
                assert!(ids.borrow_mut().insert(id.clone()), "id {id} twice");
                Ok(())
            })),
        )
        .expect("parses");
        ids.into_inner()
    };
    for (tag, attribute, value) in &references {
        match attribute.as_str() {
            "href" if value.starts_with('#') => {
                assert!(
                    ids.contains(&value[1..]),
                    "<{tag} href=\"{value}\"> has no target"
                );
            }
            _ => assert!(
                value.starts_with("data:"),
                "<{tag} {attribute}=\"{value:.60}\"> reaches outside"
            ),
        }
    }
    // Each page is a part of the file, reached from the menu.
    for page in [
        "home",
        "pipeline",
        "meeting",
        "report",
        "strategy",
        "customers",
    ] {
        assert!(ids.contains(page), "no part {page}");
        assert!(
            html.contains(&format!("href=\"#{page}\"")),
            "no link to {page}"
        );
    }
}

/// A proxy that answers nothing and records every request it is asked for: with
/// Chromium pointed at it, any request the page makes for http(s) shows up here.
fn recording_proxy() -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = BufReader::new(&stream);
            let _ = reader.read_line(&mut line);
            record.lock().expect("lock").push(line.trim().to_string());
            let _ = (&stream).write_all(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
        }
    });
    (port, seen)
}

/// Chromium's own services, which it calls on start-up whatever the page (network
/// time, component updates, sign-in) even with background networking disabled:
/// hosts under google.com, googleapis.com and gvt1.com. Web fonts are what a theme
/// would fetch from there, so fonts.googleapis.com still counts as the page's.
fn browser_service(host: &str) -> bool {
    host != "fonts.googleapis.com"
        && [".google.com", ".googleapis.com", ".gvt1.com"]
            .iter()
            .any(|domain| host.ends_with(domain))
}

/// The host a proxy request line names (`GET http://h/x HTTP/1.1`, `CONNECT h:443 …`).
fn host(request: &str) -> &str {
    let target = request.split(' ').nth(1).unwrap_or("");
    let target = target.split("://").last().unwrap_or(target);
    target.split(['/', ':']).next().unwrap_or(target)
}

/// Loads `page` in headless Chromium through the recording proxy; what it asked
/// for, less the browser's own service calls.
fn requests_of(chromium: &Path, page: &Path, port: u16, seen: &Mutex<Vec<String>>) -> Vec<String> {
    seen.lock().expect("lock").clear();
    let profile = tempfile::tempdir().expect("profile");
    let output = Command::new("timeout")
        .arg("60")
        .arg(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--proxy-server=http://127.0.0.1:{port}"))
        .arg("--proxy-bypass-list=<-loopback>")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(dom.contains("</html>"), "chromium loaded no page");
    // Let a last request reach the proxy thread before reading its list.
    std::thread::sleep(std::time::Duration::from_millis(200));
    let seen = seen.lock().expect("lock").clone();
    seen.into_iter()
        .filter(|r| !browser_service(host(r)))
        .collect()
}

#[test]
fn proxy_request_lines_name_their_host() {
    assert_eq!(
        host("GET http://pictures.example/logo.png HTTP/1.1"),
        "pictures.example"
    );
    assert_eq!(
        host("CONNECT update.googleapis.com:443 HTTP/1.1"),
        "update.googleapis.com"
    );
}

#[test]
fn the_single_file_loads_in_chromium_without_a_network_request() {
    let Some(chromium) = harness::tool("chromium", "chromium") else {
        return;
    };
    let fixture = sample();
    let file = temp_file(&fixture, "report.html");
    let run = build(
        &fixture,
        &["--single-file", file.to_str().expect("utf-8")],
        &[],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let (port, seen) = recording_proxy();

    // The check is real: a page that fetches a picture is seen by the proxy.
    let control = temp_file(&fixture, "control.html");
    std::fs::write(&control, "<!DOCTYPE html><html><body><img src=\"http://pictures.example/logo.png\" alt=\"\"></body></html>").expect("write");
    let asked = requests_of(&chromium, &control, port, &seen);
    assert!(
        asked.iter().any(|r| r.contains("pictures.example")),
        "the proxy saw no request from the control page: {asked:?}"
    );

    let asked = requests_of(&chromium, &file, port, &seen);
    assert_eq!(
        asked,
        Vec::<String>::new(),
        "the single file made network requests"
    );
    // The built site's report, by contrast, needs its stylesheets beside it.
    let site_html = std::fs::read_to_string(
        fixture
            .project()
            .parent()
            .expect("temp")
            .join("site/report/index.html"),
    )
    .expect("site report");
    assert!(site_html.contains("href=\"../assets/style.css\""));
}

#[test]
fn the_pdf_has_the_report_on_numbered_a4_pages() {
    let (Some(_), Some(pdfinfo), Some(pdftotext)) = (
        harness::tool("chromium", "chromium"),
        harness::tool("pdfinfo", "poppler-utils"),
        harness::tool("pdftotext", "poppler-utils"),
    ) else {
        return;
    };
    let fixture = sample();
    let pdf = temp_file(&fixture, "report.pdf");
    let run = build(&fixture, &["--pdf", pdf.to_str().expect("utf-8")], &[]);
    assert!(run.status.success(), "{}", stderr(&run));

    let info = Command::new(pdfinfo).arg(&pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| panic!("pdfinfo has no {name}: {info}"))
    };
    let pages: usize = field("Pages:").parse().expect("a page count");
    // A4 is 210 × 297 mm = 595.28 × 841.89 pt; Chromium rounds to its own pixels.
    assert!(field("Page size:").ends_with("(A4)"), "{info}");
    // The sample's report is about seven A4 pages (KPIs and the narrative, results,
    // forecast, health and movement, risks, segments, definitions, provenance); fewer
    // than five would mean sections are missing, more than ten that print styles broke.
    assert!((5..=10).contains(&pages), "{pages} pages");

    let text = Command::new(pdftotext)
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    // The sample project is Swedish (`language = "sv"`): the report's words are too.
    for expected in [
        "Säljrapport 2026-11-15",
        "Nordvik Industriteknik AB",
        "Resultat mot mål",
        "Prognoskategorier",
        "Pipelinens hälsa",
        "Förändring sedan förra rapporten",
        "Största riskerna",
        "Segmentens utfall",
        "Definitioner",
        "Om rapporten",
        // The running footer numbers every page, first and last.
        "Sida 1 av ",
    ] {
        assert!(text.contains(expected), "the PDF lacks {expected:?}");
    }
    assert!(
        text.contains(&format!("Sida {pages} av {pages}")),
        "no number on the last page"
    );
    // pdftotext separates pages with a form feed: one per page.
    assert_eq!(text.matches('\u{c}').count(), pages);
    // No temporary file is left behind next to the PDF.
    let beside: Vec<_> = std::fs::read_dir(pdf.parent().expect("folder"))
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("pipepress-new"))
        .collect();
    assert_eq!(beside, Vec::<String>::new());
}

#[test]
fn without_chromium_the_pdf_names_what_to_install_and_nothing_is_written() {
    let fixture = sample();
    let pdf = temp_file(&fixture, "report.pdf");
    let empty = tempfile::tempdir().expect("empty PATH folder");
    let run = build(
        &fixture,
        &["--pdf", pdf.to_str().expect("utf-8")],
        &[("PATH", empty.path().to_str().expect("utf-8"))],
    );
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(
        stderr(&run),
        "error: pdf: no Chromium found (looked for chromium, chromium-browser, google-chrome on PATH), expected one to print the report with; install it (Debian, Ubuntu: apt-get install chromium) or name it in PIPEPRESS_CHROMIUM\n"
    );
    assert!(!pdf.exists());
    assert!(
        !fixture
            .project()
            .parent()
            .expect("temp")
            .join("site")
            .exists()
    );

    let run = build(
        &fixture,
        &["--pdf", pdf.to_str().expect("utf-8")],
        &[("PIPEPRESS_CHROMIUM", "/no/such/chromium")],
    );
    assert_eq!(
        stderr(&run),
        "error: pdf: PIPEPRESS_CHROMIUM=/no/such/chromium is not a file, expected the path of a Chromium or Chrome executable\n"
    );
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn provenance_names_every_input_with_its_own_hash() {
    let fixture = sample();
    let run = build(&fixture, &[], &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let report = std::fs::read_to_string(
        fixture
            .project()
            .parent()
            .expect("temp")
            .join("site/report/index.html"),
    )
    .expect("report");
    // Every file of the sample project is an input; hash each one here.
    let files = harness::read_tree(fixture.project());
    assert!(files.len() > 10);
    let mut rows = Vec::new();
    for (path, bytes) in &files {
        rows.push(format!(
            "<tr><td>{path}</td><td><code class=\"hash\">{}</code></td></tr>",
            sha256(bytes)
        ));
    }
    let start = report
        .find("<caption>Indatafiler</caption>")
        .expect("the file table");
    let table = &report[start..report[start..].find("</tbody>").expect("end") + start];
    assert_eq!(table.matches("<tr><td>").count(), files.len(), "{table}");
    for row in rows {
        assert!(table.contains(&row), "missing {row}");
    }
    // Without SOURCE_DATE_EPOCH the build time is the as-of date, never the clock.
    assert!(report.contains("(byggd 2026-11-15)"), "no as-of build time");
}

#[test]
fn the_build_time_comes_from_source_date_epoch() {
    let fixture = sample();
    // 1 763 186 400 s = 20 407 days after 1970-01-01 (2025-11-15) + 6 h.
    let run = build(&fixture, &[], &[("SOURCE_DATE_EPOCH", "1763186400")]);
    assert!(run.status.success(), "{}", stderr(&run));
    let report = std::fs::read_to_string(
        fixture
            .project()
            .parent()
            .expect("temp")
            .join("site/report/index.html"),
    )
    .expect("report");
    assert!(report.contains("(byggd 2025-11-15 06:00 UTC)"));

    let run = build(&fixture, &[], &[("SOURCE_DATE_EPOCH", "yesterday")]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(
        stderr(&run),
        "error: SOURCE_DATE_EPOCH=\"yesterday\" is not a time, expected whole seconds since 1970-01-01 UTC (e.g. 1763186400)\n"
    );
}

#[test]
fn brand_mistakes_are_located_in_pipepress_toml() {
    let fixture = sample()
        .edit(
            "pipepress.toml",
            "primary = \"#0b3c5d\"",
            "primary = \"#0b3c5\"",
        )
        .edit(
            "pipepress.toml",
            "logo = \"brand/logo.svg\"",
            "logo = \"brand/missing.svg\"",
        );
    let text = std::fs::read_to_string(fixture.project().join("pipepress.toml")).expect("read");
    // The line of each edited key, 1-based; the value starts after `key = `.
    let line_of = |key: &str| text.lines().position(|l| l.starts_with(key)).expect("key") + 1;
    let run = build(&fixture, &[], &[]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = stderr(&run);
    let primary = format!(
        "pipepress.toml:{}:11: [brand] primary = \"#0b3c5\" is not a colour, expected a hex colour such as \"#1f5d8a\" or \"#15a\"",
        line_of("primary")
    );
    assert!(stderr.contains(&primary), "{stderr}");
    assert!(
        stderr.contains(
            "brand/missing.svg: file not found, expected the [brand] logo of pipepress.toml"
        ),
        "{stderr}"
    );
}
