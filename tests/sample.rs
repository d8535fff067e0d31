//! The bundled sample project, built by the real binary as the README does: every
//! page is there, metrics.json adds up to the öre, links resolve, and two builds are
//! byte-identical.

mod harness;

use std::collections::BTreeMap;
use std::path::Path;

use harness::{Fixture, read_tree};
use serde_json::Value;

fn sample() -> Fixture {
    Fixture::from_folder(
        "sample",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
    )
    .dated("2026-11-15")
}

fn built() -> BTreeMap<String, Vec<u8>> {
    let fixture = sample(); // the project and its site live as long as the fixture
    let run = fixture.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    read_tree(&run.out)
}

fn metrics(files: &BTreeMap<String, Vec<u8>>) -> Value {
    serde_json::from_slice(&files["data/metrics.json"]).expect("metrics.json is JSON")
}

/// A JSON money figure in öre; fails on anything finer than the öre.
fn ore(value: &Value) -> i64 {
    let major = value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is not a number"));
    let minor = (major * 100.0).round();
    assert!(
        (major * 100.0 - minor).abs() < 1e-6,
        "{value} is not exact to the öre"
    );
    minor as i64
}

#[test]
fn every_page_is_written() {
    let files = built();
    let m = metrics(&files);
    let mut expected = vec![
        "index.html".to_string(),
        "pipeline/index.html".into(),
        "strategy/index.html".into(),
        "tactics/index.html".into(),
        "sellers/index.html".into(),
        "meeting/index.html".into(),
        "customers/index.html".into(),
        "report/index.html".into(),
        "data/metrics.json".into(),
        "assets/style.css".into(),
    ];
    for s in m["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .filter(|s| s["priority"].is_string())
    {
        expected.push(format!(
            "strategy/segments/{}/index.html",
            s["id"].as_str().expect("id")
        ));
    }
    for p in m["plans"].as_array().expect("plans") {
        expected.push(format!(
            "tactics/{}/index.html",
            p["id"].as_str().expect("id")
        ));
    }
    for s in m["sellers"].as_array().expect("sellers") {
        expected.push(format!(
            "sellers/{}/index.html",
            s["id"].as_str().expect("id")
        ));
    }
    for page in ["method", "lessons-learned"] {
        expected.push(format!("pages/{page}/index.html"));
    }
    for path in &expected {
        assert!(files.contains_key(path), "{path} is missing");
    }
    assert!(m["segments"].as_array().expect("segments").len() >= 4);
    assert!(m["plans"].as_array().expect("plans").len() >= 3);
    assert!(m["sellers"].as_array().expect("sellers").len() >= 6);
}

#[test]
fn metrics_json_holds_the_figures_and_every_breakdown_sums_exactly() {
    let m = metrics(&built());
    assert_eq!(m["as_of"], "2026-11-15");
    assert_eq!(m["currency"], "SEK");
    let pipeline = &m["pipeline"];
    let totals = ["open_count", "open_value", "weighted_value"];
    for breakdown in [
        "by_stage",
        "by_owner",
        "by_segment",
        "by_close_month",
        "by_age",
    ] {
        let lines = pipeline[breakdown]
            .as_array()
            .unwrap_or_else(|| panic!("{breakdown}"));
        assert!(!lines.is_empty(), "{breakdown} is empty");
        for key in totals {
            let sum: i64 = lines
                .iter()
                .map(|l| {
                    if key == "open_count" {
                        l[key].as_i64().expect("count")
                    } else {
                        ore(&l[key])
                    }
                })
                .sum();
            let total = if key == "open_count" {
                pipeline[key].as_i64().expect("count")
            } else {
                ore(&pipeline[key])
            };
            assert_eq!(
                sum, total,
                "{breakdown}.{key} does not sum to pipeline.{key}"
            );
        }
        assert!(
            lines.iter().all(|l| l["key"].is_string()),
            "{breakdown} items need a key"
        );
    }
    let year = &m["year"];
    for key in [
        "won_count",
        "won_value",
        "lost_count",
        "lost_value",
        "win_rate_count",
        "win_rate_value",
        "target",
        "forecast",
        "coverage",
    ] {
        assert!(year[key].is_number(), "year.{key} = {}", year[key]);
    }
    // forecast = won + weighted open expected in the year, exactly
    assert_eq!(
        ore(&year["forecast"]),
        ore(&year["won_value"]) + ore(&year["expected"]["weighted_value"])
    );
    // the sellers' won values sum to the company's (every deal has one owner)
    let sellers: i64 = m["sellers"]
        .as_array()
        .expect("sellers")
        .iter()
        .map(|s| ore(&s["year"]["won_value"]))
        .sum();
    assert_eq!(sellers, ore(&year["won_value"]));
}

#[test]
fn two_builds_are_byte_identical() {
    assert!(built() == built(), "two builds of the same input differ");
}

#[test]
fn links_stay_inside_the_site_and_resolve() {
    let files = built();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let dir = Path::new(path).parent().unwrap_or(Path::new(""));
        for attribute in ["href=\"", "src=\""] {
            for piece in html.split(attribute).skip(1) {
                let target = piece.split('"').next().unwrap_or("");
                let target = target.split('#').next().unwrap_or("");
                if target.is_empty() {
                    continue;
                }
                assert!(
                    !target.contains(':') && !target.starts_with('/'),
                    "{path} links outside the site: {target}"
                );
                let mut resolved: Vec<&str> =
                    dir.iter().map(|c| c.to_str().expect("utf-8")).collect();
                for part in target.split('/') {
                    match part {
                        ".." => {
                            resolved.pop();
                        }
                        "." | "" => {}
                        part => resolved.push(part),
                    }
                }
                let resolved = resolved.join("/");
                assert!(
                    files.contains_key(&resolved),
                    "{path} links to {target}, which does not exist"
                );
            }
        }
    }
}

/// Every customer is in a segment or on the unsegmented line, and the segment lines
/// add up to the company's figures; ABC classes cover all of the won value.
#[test]
fn segment_lines_and_abc_classes_add_up() {
    let m = metrics(&built());
    let segments = m["segments"].as_array().expect("segments");
    let last = segments.last().expect("an unsegmented line");
    assert_eq!(last["id"], "unsegmented");
    assert!(last["priority"].is_null());
    let customers = m["customers"].as_array().expect("customers");
    let sum_count = |key: &str| {
        segments
            .iter()
            .map(|s| s[key].as_i64().expect("count"))
            .sum::<i64>()
    };
    assert_eq!(
        sum_count("customers"),
        m["customer_count"].as_i64().expect("count")
    );
    let sum = |f: &dyn Fn(&Value) -> &Value| segments.iter().map(|s| ore(f(s))).sum::<i64>();
    assert_eq!(
        sum(&|s| &s["pipeline"]["open_value"]),
        ore(&m["pipeline"]["open_value"])
    );
    assert_eq!(
        sum(&|s| &s["trailing_12_months"]["won_value"]),
        ore(&m["trailing_12_months"]["won_value"])
    );
    assert_eq!(
        sum(&|s| &s["year"]["won_value"]),
        ore(&m["year"]["won_value"])
    );
    // ABC: the classed customers hold all the won value of the last 12 months. The
    // list holds the first 100 by won value; the last listed won nothing, so every
    // customer who won something is listed.
    let last_listed = customers.last().expect("customers");
    assert_eq!(ore(&last_listed["won_value"]), 0);
    let classed: i64 = customers
        .iter()
        .filter(|c| c["class"].is_string())
        .map(|c| ore(&c["won_value"]))
        .sum();
    let all: i64 = customers.iter().map(|c| ore(&c["won_value"])).sum();
    assert_eq!(classed, all);
    assert!(all > 0 && all <= ore(&m["trailing_12_months"]["won_value"]));
    for class in ["A", "B", "C"] {
        assert!(
            customers.iter().any(|c| c["class"] == class),
            "no {class} customer"
        );
    }
}

/// Every seller of the sample has a focus list whose every line gives its reasons,
/// with the score the sum of their weights, and prospects from all three tiers
/// across the team.
#[test]
fn every_seller_has_a_focus_list_with_reasons() {
    let files = built();
    let m = metrics(&files);
    let sellers = m["focus"].as_array().expect("focus");
    assert_eq!(
        sellers.len(),
        m["sellers"].as_array().expect("sellers").len()
    );
    let mut tiers = std::collections::BTreeSet::new();
    for seller in sellers {
        let id = seller["seller"].as_str().expect("seller id");
        let items = seller["items"].as_array().expect("items");
        assert!(!items.is_empty(), "{id} has nothing to focus on");
        for item in items {
            let hits = item["hits"].as_array().expect("hits");
            let weights: u64 = hits
                .iter()
                .map(|h| h["weight"].as_u64().expect("weight"))
                .sum();
            assert!(
                !hits.is_empty() && item["score"].as_u64() == Some(weights),
                "{item}"
            );
        }
        for prospect in seller["prospects"].as_array().expect("prospects") {
            tiers.insert(prospect["tier"].as_str().expect("tier").to_string());
        }
        let page =
            String::from_utf8_lossy(&files[&format!("sellers/{id}/index.html")]).into_owned();
        assert!(page.contains("<th scope=\"col\">Varför</th>"), "{id}");
    }
    assert_eq!(
        tiers.into_iter().collect::<Vec<_>>(),
        ["bought_before", "lost_to_revisit", "not_won_yet"]
    );
}

/// The report's narrative names its figures live: they equal metrics.json's.
#[test]
fn the_narratives_live_figures_equal_the_metrics() {
    let files = built();
    let m = metrics(&files);
    let report = String::from_utf8(files["report/index.html"].clone()).expect("UTF-8");
    let figures: Vec<&str> = report
        .split("<span class=\"figure\">")
        .skip(1)
        .map(|rest| &rest[..rest.find("</span>").expect("closed")])
        .collect();
    // "50 885 803,80 kr" in Swedish: whole kronor, then öre after a comma.
    let money = |text: &str| -> i64 {
        let (kronor, ore) = text
            .trim_end_matches(" kr")
            .split_once(',')
            .unwrap_or((text, "00"));
        let digits = |s: &str| -> i64 {
            s.chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                .parse()
                .unwrap_or_else(|_| panic!("{text} is money"))
        };
        digits(kronor) * 100 + digits(ore)
    };
    // Won this year, its target, attainment, won this quarter; won this year and
    // open now in process industry.
    assert_eq!(money(figures[0]), ore(&m["year"]["won_value"]));
    assert_eq!(money(figures[1]), ore(&m["year"]["target"]));
    assert!(figures[2].ends_with('%'), "{}", figures[2]);
    assert_eq!(money(figures[3]), ore(&m["quarter"]["won_value"]));
    let process = m["segments"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["id"] == "process"))
        .expect("the process segment");
    assert_eq!(money(figures[4]), ore(&process["year"]["won_value"]));
    assert_eq!(money(figures[5]), ore(&process["pipeline"]["open_value"]));
    assert!(report.contains("<figcaption>Öppen pipeline per segment</figcaption>"));
}

/// metrics.json stays bounded at any size: lists of single customers stop at 100
/// entries, largest first, and say how many there are in all. The sample has more
/// customers than that (counted here from its CSV, not taken from the program).
#[test]
fn metrics_json_lists_stop_at_a_hundred_and_keep_their_counts() {
    let files = built();
    let m = metrics(&files);
    let csv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/data/customers.csv"),
    )
    .expect("the sample's customers");
    let customers = csv.lines().count() - 1; // less the header
    assert!(customers > 100, "the sample has {customers} customers");
    assert_eq!(m["customer_count"], customers);
    let listed = m["customers"].as_array().expect("a list");
    assert_eq!(listed.len(), 100);
    let won: Vec<i64> = listed.iter().map(|c| ore(&c["won_value"])).collect();
    assert!(
        won.windows(2).all(|w| w[0] >= w[1]),
        "highest won value first"
    );
}
