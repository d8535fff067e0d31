//! The site in Swedish and in English: the small fixture (English) built as it is and
//! with `language = "sv"`, both from the same data.
//!
//! Hand-computed figures of the small fixture (as of 2026-11-15, calendar fiscal year):
//! - open pipeline: D1 100 000 + D2 200 000.50 (D3 has no value) = 300 000.50 kr;
//! - won 2026: D4 300 000 (closed 2026-03-03) + D5 150 000 (2026-10-20) = 450 000 kr
//!   (D7 closed in 2025).

use std::fs;
use std::path::Path;

use chrono::NaiveDate;

/// Every page of the small fixture built in `language`: (path, text).
fn build(language: &str) -> Vec<(String, String)> {
    build_as_of(
        language,
        NaiveDate::from_ymd_opt(2026, 11, 15).expect("date"),
    )
}

/// [`build`], with figures as of `as_of`.
fn build_as_of(language: &str, as_of: NaiveDate) -> Vec<(String, String)> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
    let dir = tempfile::tempdir().expect("temporary folder");
    copy(&source, dir.path());
    let config = dir.path().join("pipepress.toml");
    let text = fs::read_to_string(&config).expect("pipepress.toml");
    assert!(text.contains("language = \"en\""));
    fs::write(
        &config,
        text.replace("language = \"en\"", &format!("language = \"{language}\"")),
    )
    .expect("write pipepress.toml");
    pipepress::build_site(dir.path(), &pipepress::Options::new(as_of))
        .expect("the small fixture builds")
        .into_iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| (f.path, String::from_utf8(f.bytes).expect("utf-8")))
        .collect()
}

fn copy(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("fixture folder").flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name == "expected" {
            continue;
        }
        if path.is_dir() {
            fs::create_dir_all(to.join(&name)).expect("folder");
            copy(&path, &to.join(&name));
        } else {
            fs::copy(&path, to.join(&name)).expect("copy");
        }
    }
}

fn page<'a>(site: &'a [(String, String)], path: &str) -> &'a str {
    &site
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("no {path}"))
        .1
}

/// The value shown under the KPI labelled `label`.
fn kpi<'a>(html: &'a str, label: &str) -> &'a str {
    let start = format!("<p class=\"kpi-label\">{label}</p>\n<p class=\"kpi-value\">");
    let from = html
        .find(&start)
        .unwrap_or_else(|| panic!("no KPI {label}"))
        + start.len();
    let to = html[from..].find("</p>").expect("end of the KPI") + from;
    &html[from..to]
}

#[test]
fn the_swedish_build_shows_swedish_words_and_numbers() {
    let site = build("sv");
    let index = page(&site, "index.html");
    assert!(index.contains("<html lang=\"sv\">"));
    for word in [
        ">Översikt<",
        ">Säljmöte<",
        ">Säljare<",
        ">Kunder<",
        ">Rapport<",
        ">Hoppa till innehållet<",
        "<h2>Resultat mot mål</h2>",
        "<h2>Pipelinens hälsa</h2>",
        "<th scope=\"col\" class=\"num\">Måluppfyllelse</th>",
        "Siffrorna i diagrammet",
        "siffror per 2026-11-15",
        ">Senaste 12 månaderna<",
    ] {
        assert!(index.contains(word), "{word} in the Swedish home page");
    }
    // Grouped with no-break spaces, decimal comma, `kr` after the amount.
    assert_eq!(kpi(index, "Öppen pipeline"), "300\u{a0}000,50\u{a0}kr");
    assert_eq!(kpi(index, "Vunnet 2026"), "450\u{a0}000\u{a0}kr");
    // Month names in words on the date axis, Swedish style (lower case).
    assert!(index.contains("\njan 2026\n"), "Swedish month on the axis");
    // ISO dates stay ISO.
    assert!(index.contains("2026-11-15"));
}

#[test]
fn the_english_build_shows_english_words_and_numbers() {
    let site = build("en");
    let index = page(&site, "index.html");
    assert!(index.contains("<html lang=\"en\">"));
    for word in [
        ">Overview<",
        ">Sales meeting<",
        "<h2>Results against target</h2>",
        "<h2>Pipeline health</h2>",
        "The numbers in this chart",
    ] {
        assert!(index.contains(word), "{word} in the English home page");
    }
    assert_eq!(kpi(index, "Open pipeline"), "SEK\u{a0}300,000.50");
    assert_eq!(kpi(index, "Won 2026"), "SEK\u{a0}450,000");
    assert!(index.contains("\nJan 2026\n"), "English month on the axis");
}

/// English theme words that must not appear anywhere in the Swedish site (none of
/// them is in the fixture's own files).
const ENGLISH: &[&str] = &[
    "Skip to content",
    "of open deals",
    "of open value",
    ">Unsegmented<",
    "181–365 days",
    ">Overview<",
    ">Sales meeting<",
    ">Sellers<",
    ">Customers<",
    "figures as of",
    "built with pipepress",
    "Download the full list",
    "The numbers in this chart",
    "Results against target",
    "Pipeline health",
    "Open pipeline",
    "Sales velocity",
    "Stale deals",
    "Aging deals",
    "Hygiene fixes",
    "Weighted value",
    "Expected close",
    "Next activity",
    "Won (cumulative)",
    "Target pace",
    "About this report",
    "Results and forecast",
    "Stage conversion",
    "Off-strategy audit",
    "What wins and what loses",
    "page is their morning list",
    "Focus: what to do first",
    "Customers by won value",
    "Direction, positioning and segmentation",
    "Tactical plans",
    "Goals and activities",
    "On track",
    "Sales report",
    "How each figure is computed",
    "Trailing 12 months",
    "Last 12 months",
    "Deal at risk",
    "A customer belongs here when",
    "ABC classes",
    "open deals worth",
    "weighted open expected this year",
    "for each quarter of the fiscal year",
    ">Pace today<",
    "median cycle",
    "Focus segment.",
    "<td>Company</td>",
    "Anna (seller)",
    ">Attainment<",
];

#[test]
fn the_swedish_build_has_none_of_the_english_theme_words() {
    let site = build("sv");
    let mut found = Vec::new();
    for (path, html) in &site {
        for word in ENGLISH {
            if html.contains(word) {
                found.push(format!("{path}: {word}"));
            }
        }
    }
    assert!(found.is_empty(), "English in the Swedish site: {found:#?}");
    // The list is real: the English site has every one of them somewhere.
    let english = build("en");
    for word in ENGLISH {
        assert!(
            english.iter().any(|(_, html)| html.contains(word)),
            "{word} is an English theme word"
        );
    }
}

#[test]
fn an_empty_table_says_so_in_the_site_language() {
    // In 2030 the fixture's deals are years old: the strategy page's tables of
    // what wins and loses, and a chart's table on the customers page, have no
    // rows, and say so.
    let as_of = NaiveDate::from_ymd_opt(2030, 1, 1).expect("date");
    let count = |site: &[(String, String)], words: &str| {
        site.iter().filter(|(_, html)| html.contains(words)).count()
    };
    let swedish = build_as_of("sv", as_of);
    let english = build_as_of("en", as_of);
    let empty = "<p class=\"empty\">Inget att visa.</p>";
    assert_eq!(count(&swedish, "Nothing to show."), 0);
    assert!(
        count(&swedish, empty) > 0,
        "a Swedish page with an empty table"
    );
    assert_eq!(
        count(&english, "<p class=\"empty\">Nothing to show.</p>"),
        count(&swedish, empty),
        "the same tables are empty in both languages"
    );
}
