//! Snapshots of rendered fragments of the small fixture's site: the headline KPI
//! grid and the results table, as the theme renders them.

use std::path::Path;

use chrono::NaiveDate;

fn index_html() -> String {
    let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 15).expect("date");
    let files = pipepress::build_site(&project, &pipepress::Options::new(as_of))
        .expect("the small fixture builds");
    let index = files
        .iter()
        .find(|f| f.path == "index.html")
        .expect("index.html");
    String::from_utf8(index.bytes.clone()).expect("utf-8")
}

/// The first element starting with `start` up to and including `end`.
fn fragment<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let to = html[from..].find(end).unwrap_or_else(|| panic!("no {end}")) + from + end.len();
    &html[from..to]
}

#[test]
fn headline_kpis() {
    let html = index_html();
    insta::assert_snapshot!(fragment(&html, "<div class=\"kpis\">", "\n</div>\n"));
}

#[test]
fn results_table() {
    let html = index_html();
    insta::assert_snapshot!(fragment(
        &html,
        "<table>\n<caption>Results against target",
        "</table>"
    ));
}
