//! `--audience`: what a board, seller or team build leaves out appears nowhere in its
//! output tree (every file is searched, whatever its kind), and what it keeps adds up
//! to the same figures as the full build. The names are read from the sample's own
//! CSV and TOML files here, not from the program.

mod harness;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use harness::{Fixture, read_tree};
use serde_json::Value;

const AS_OF: &str = "2026-11-15";

fn sample() -> Fixture {
    Fixture::from_folder(
        "sample",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data"),
    )
    .dated(AS_OF)
}

/// Builds the sample for `audience` ("" for everyone) and reads the output tree.
fn build(fixture: &Fixture, audience: &str) -> BTreeMap<String, Vec<u8>> {
    let out = fixture
        .project()
        .parent()
        .expect("temp")
        .join(format!("site-{}", audience.replace([':', ' '], "-")));
    let out_arg = out.to_string_lossy().into_owned();
    let mut args = vec!["build", "--as-of", AS_OF, "--out", &out_arg];
    if !audience.is_empty() {
        args.extend(["--audience", audience]);
    }
    let run = fixture.run(&args);
    assert_eq!(run.code, 0, "{audience}: {}", run.stderr);
    read_tree(&out)
}

/// One row of the sample's deals export, as the test reads it.
struct Deal {
    id: String,
    name: String,
    customer: String,
    owner: String,
    open: bool,
    /// In öre.
    value: i64,
}

fn read_deals(file: &Path) -> Vec<Deal> {
    let mut reader = csv::Reader::from_path(file).expect("deals csv");
    let headers = reader.headers().expect("header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (id, name, customer, owner, status, value) = (
        column("id"),
        column("name"),
        column("customer_id"),
        column("owner"),
        column("status"),
        column("value"),
    );
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            Deal {
                id: r[id].into(),
                name: r[name].into(),
                customer: r[customer].into(),
                owner: r[owner].into(),
                open: &r[status] == "open",
                value: ore(&r[value]),
            }
        })
        .collect()
}

/// `"74966.50"` → 7 496 650 öre; `""` → 0.
fn ore(text: &str) -> i64 {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().expect("amount")
    };
    let fraction: i64 = format!("{fraction:0<2}").parse().expect("öre");
    whole * 100 + fraction
}

/// The sample's names: deals now and in every snapshot, customers (id → name,
/// owner) and sellers (id → name, team).
struct Sample {
    deals: Vec<Deal>,
    customers: BTreeMap<String, (String, String)>,
    sellers: BTreeMap<String, (String, String)>,
}

fn read_sample(project: &Path) -> Sample {
    let data = project.join("data");
    let mut deals = read_deals(&data.join("deals.csv"));
    for snapshot in std::fs::read_dir(data.join("snapshots")).expect("snapshots") {
        deals.extend(read_deals(
            &snapshot.expect("entry").path().join("deals.csv"),
        ));
    }
    let mut reader = csv::Reader::from_path(data.join("customers.csv")).expect("customers");
    let customers = reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            (r[0].to_string(), (r[1].to_string(), r[5].to_string()))
        })
        .collect();
    let strategy: toml::Table =
        toml::from_str(&std::fs::read_to_string(project.join("strategy.toml")).expect("strategy"))
            .expect("toml");
    let sellers = strategy["sellers"]
        .as_array()
        .expect("sellers")
        .iter()
        .map(|s| {
            let text = |k: &str| s[k].as_str().expect(k).to_string();
            (text("id"), (text("name"), text("team")))
        })
        .collect();
    Sample {
        deals,
        customers,
        sellers,
    }
}

/// Every file's text, lower-cased, as written and with the HTML escapes templates
/// write undone.
fn texts(files: &BTreeMap<String, Vec<u8>>) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(path, bytes)| {
            let text = String::from_utf8_lossy(bytes).to_lowercase();
            let decoded = text
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&quot;", "\"")
                .replace("&#x2f;", "/")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            (path.clone(), format!("{text}\n{decoded}"))
        })
        .collect()
}

/// The `names` that occur anywhere in `files` (case ignored), with a file holding each.
fn found<'a>(
    files: &BTreeMap<String, Vec<u8>>,
    names: impl IntoIterator<Item = &'a str>,
) -> Vec<String> {
    let texts = texts(files);
    names
        .into_iter()
        .filter_map(|name| {
            let lower = name.to_lowercase();
            texts
                .iter()
                .find(|(_, text)| text.contains(&lower))
                .map(|(path, _)| format!("{name:?} in {path}"))
        })
        .collect()
}

/// `names` less those inside one of `shown`, case ignored (indistinguishable in
/// any output: "Köping Mejeri AB" in "Jönköping Mejeri AB").
fn not_inside<'a>(names: BTreeSet<&'a str>, shown: &BTreeSet<&str>) -> BTreeSet<&'a str> {
    let shown: Vec<String> = shown.iter().map(|s| s.to_lowercase()).collect();
    names
        .into_iter()
        .filter(|n| {
            let n = n.to_lowercase();
            !shown.iter().any(|s| s.contains(&n))
        })
        .collect()
}

/// The site path `href` (relative, as pages write it) points at from `page`.
fn resolve(page: &str, href: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// Every deal, customer and seller name and id of the sample: what a board build
/// must not show.
fn board_names(sample: &Sample) -> BTreeSet<&str> {
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for deal in &sample.deals {
        names.insert(&deal.name);
        names.insert(&deal.id);
    }
    for (id, (name, _)) in &sample.customers {
        names.insert(id);
        names.insert(name);
    }
    for (id, (name, _)) in &sample.sellers {
        names.insert(id);
        names.insert(name);
    }
    names
}

#[test]
fn a_board_build_names_no_deal_customer_or_seller() {
    let fixture = sample();
    let sample = read_sample(fixture.project());
    let files = build(&fixture, "board");
    assert!(files.len() > 10, "a site was written: {:?}", files.keys());
    let names = board_names(&sample);
    // The sample has 890 deals now, about as many again in its snapshots, 180
    // customers and 8 sellers: thousands of names, none of which may appear.
    assert!(names.len() > 1500, "{}", names.len());
    let leaks = found(&files, names.iter().copied());
    assert!(leaks.is_empty(), "the board build shows {leaks:#?}");
    // No page of a single seller or customer, no meeting pack, and every page says
    // it is the board's.
    for path in files.keys() {
        assert!(
            !["sellers/", "customers/", "meeting/"]
                .iter()
                .any(|p| path.starts_with(p)),
            "{path}"
        );
        if path.ends_with(".html") {
            // The sample project is Swedish: the banner is "Styrelseversion" (board edition).
            let page = String::from_utf8_lossy(&files[path]);
            assert!(page.contains("Styrelseversion"), "{path} does not say so");
        }
    }
    // Every link leads to a page the board build has.
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let page = String::from_utf8_lossy(bytes);
        for href in page
            .split("href=\"")
            .skip(1)
            .filter_map(|h| h.split('"').next())
        {
            if href.starts_with("http") || href.starts_with('#') {
                continue;
            }
            let target = resolve(path, href.split('#').next().unwrap_or(href));
            assert!(
                files.contains_key(&target),
                "{path} links to {href}, not built"
            );
        }
    }
    // The aggregates are the full build's.
    let full = build(&fixture, "");
    let metrics = |files: &BTreeMap<String, Vec<u8>>| -> Value {
        serde_json::from_slice(&files["data/metrics.json"]).expect("json")
    };
    let (board, full) = (metrics(&files), metrics(&full));
    for figure in ["open_value", "weighted_value", "open_count"] {
        assert_eq!(
            board["pipeline"][figure], full["pipeline"][figure],
            "{figure}"
        );
    }
    assert_eq!(board["year"], full["year"]);
    assert_eq!(
        board["audience"],
        serde_json::json!({"kind": "board", "name": null})
    );
    assert_eq!(full.get("audience"), None);
    assert_eq!(board["sellers"], Value::Array(Vec::new()));
    assert_eq!(board["customers"], Value::Array(Vec::new()));
}

#[test]
fn board_names_can_be_allowed_in_pipepress_toml() {
    let fixture = sample().edit(
        "pipepress.toml",
        "[sources.deals]",
        "[audience.board]\nnames = [\"sellers\"]\n\n[sources.deals]",
    );
    let sample = read_sample(fixture.project());
    let files = build(&fixture, "board");
    let pipeline = String::from_utf8_lossy(&files["pipeline/index.html"]);
    // The pipeline by seller is back, named; customers stay out.
    assert!(pipeline.contains("Anna Lind"), "no seller named");
    let customers = sample.customers.values().map(|(name, _)| name.as_str());
    let leaks = found(&files, customers);
    assert!(leaks.is_empty(), "{leaks:#?}");
}

#[test]
fn a_board_build_names_no_owner_who_is_not_a_seller() {
    // Deal names are allowed, seller names not. D00533 belongs to "Olle Förre",
    // who is none of the sellers, and D00555 to nobody: both are still listed,
    // and the owner column goes for every deal alike.
    let fixture = sample()
        .edit(
            "pipepress.toml",
            "[sources.deals]",
            "[audience.board]\nnames = [\"deals\"]\n\n[sources.deals]",
        )
        .edit(
            "data/deals.csv",
            "D00533,Nordiska Trä – Spårbarhet och batchrapportering,C0124,erik-holm,",
            "D00533,Nordiska Trä – Spårbarhet och batchrapportering,C0124,Olle Förre,",
        )
        .edit(
            "data/deals.csv",
            "C0077,johan-berg,proposal,open,955000",
            "C0077,,proposal,open,955000",
        );
    let files = build(&fixture, "board");
    let leaks = found(&files, ["Olle Förre", "olle-forre"]);
    assert!(leaks.is_empty(), "the board build shows {leaks:#?}");
    let pipeline = String::from_utf8_lossy(&files["pipeline/index.html"]);
    for deal in [
        "Nordiska Trä – Spårbarhet och batchrapportering (",
        "Borås Mejeri – Robotcell maskinbetjäning (",
    ] {
        assert!(pipeline.contains(deal), "{deal} is not listed");
    }
    // The sellers' names (Erik Holm owns many other open deals) stay out too.
    assert!(found(&files, ["Erik Holm"]).is_empty());
}

#[test]
fn a_board_build_refuses_a_customer_named_in_the_projects_own_text() {
    let fixture = sample();
    let sample_names = read_sample(fixture.project());
    let customer = sample_names.customers["C0001"].0.clone();
    let report = fixture.project().join("content/report.md");
    let text = std::fs::read_to_string(&report).expect("report.md");
    std::fs::write(
        &report,
        format!("{text}\nOur best reference: {customer}.\n"),
    )
    .expect("write");
    let run = fixture.run(&["build", "--as-of", AS_OF, "--audience", "board"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "report/index.html: the board build would show the customer \"{customer}\", which this audience leaves out"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("[audience.board] names = [\"customers\"]")
    );
}

/// Checks a build restricted to `sellers`: none of the other sellers' deals, nor a
/// customer only they have, and the open pipeline is the sum of these sellers' open
/// deals in the export.
fn check_restricted(audience: &str, sellers: &[&str], banner: &str) -> Value {
    let fixture = sample();
    let sample = read_sample(fixture.project());
    let files = build(&fixture, audience);
    let ours = |owner: &str| sellers.contains(&owner);
    let shown: BTreeSet<&str> = sample
        .deals
        .iter()
        .filter(|d| ours(&d.owner))
        .map(|d| d.name.as_str())
        .collect();
    let their_deals: BTreeSet<&str> = sample
        .deals
        .iter()
        .filter(|d| !ours(&d.owner))
        .map(|d| d.name.as_str())
        .collect();
    let their_deals = not_inside(&their_deals - &shown, &shown);
    assert!(their_deals.len() > 100, "{}", their_deals.len());
    let our_customers: BTreeSet<&str> = sample
        .deals
        .iter()
        .filter(|d| ours(&d.owner))
        .map(|d| d.customer.as_str())
        .chain(
            sample
                .customers
                .iter()
                .filter(|(_, (_, owner))| ours(owner))
                .map(|(id, _)| id.as_str()),
        )
        .collect();
    let their_customers: BTreeSet<&str> = sample
        .customers
        .iter()
        .filter(|(id, _)| !our_customers.contains(id.as_str()))
        .map(|(_, (name, _))| name.as_str())
        .collect();
    // "Köping Mejeri AB" may not be ours while "Jönköping Mejeri AB" is.
    let our_names: BTreeSet<&str> = sample
        .customers
        .iter()
        .filter(|(id, _)| our_customers.contains(id.as_str()))
        .map(|(_, (name, _))| name.as_str())
        .chain(shown.iter().copied())
        .collect();
    let their_customers = not_inside(their_customers, &our_names);
    assert!(!their_customers.is_empty());
    let leaks = found(&files, their_deals.iter().chain(&their_customers).copied());
    assert!(leaks.is_empty(), "{audience} shows {leaks:#?}");
    let page = String::from_utf8_lossy(&files["index.html"]);
    assert!(page.contains(banner), "no banner {banner:?}");
    // Other sellers have no page.
    for (id, _) in sample.sellers.iter().filter(|(id, _)| !ours(id)) {
        assert!(
            !files.contains_key(&format!("sellers/{id}/index.html")),
            "{id}"
        );
    }
    let metrics: Value = serde_json::from_slice(&files["data/metrics.json"]).expect("json");
    // The open pipeline is the current export's (snapshots are history).
    let current = read_deals(&fixture.project().join("data/deals.csv"));
    let open_now: Vec<&Deal> = current
        .iter()
        .filter(|d| d.open && ours(&d.owner))
        .collect();
    let value: i64 = open_now.iter().map(|d| d.value).sum();
    let json_ore = (metrics["pipeline"]["open_value"].as_f64().expect("number") * 100.0).round();
    assert_eq!(json_ore as i64, value, "{audience} open pipeline");
    assert_eq!(
        metrics["pipeline"]["open_count"].as_u64(),
        Some(open_now.len() as u64)
    );
    metrics
}

#[test]
fn a_seller_build_shows_that_sellers_deals_only() {
    let metrics = check_restricted("seller:anna-lind", &["anna-lind"], "Säljarvy: Anna Lind");
    // Anna's own 2026 target (strategy.toml: 7 865 000 kr) is the view's target.
    assert_eq!(metrics["year"]["target"].as_f64(), Some(7_865_000.0));
    let sellers = metrics["sellers"].as_array().expect("sellers");
    assert_eq!(sellers.len(), 1);
    assert_eq!(sellers[0]["id"], "anna-lind");
    assert_eq!(
        metrics["audience"],
        serde_json::json!({"kind": "seller", "name": "Anna Lind"})
    );
}

#[test]
fn a_team_build_shows_that_teams_deals_only_against_its_members_targets() {
    // Team Syd, named by its name: Anna Lind, Johan Berg and Sara Nilsson.
    let metrics = check_restricted(
        "team:Team Syd",
        &["anna-lind", "johan-berg", "sara-nilsson"],
        "Teamvy: Team Syd",
    );
    // No team target is set, so the members' 2026 targets add up:
    // 7 865 000 + 12 925 000 + 8 270 000 = 29 060 000 kr.
    assert_eq!(metrics["year"]["target"].as_f64(), Some(29_060_000.0));
}

#[test]
fn an_unknown_seller_lists_the_ones_there_are() {
    let run = sample().run(&["build", "--as-of", AS_OF, "--audience", "seller:nobody"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "strategy.toml: --audience seller:nobody: no seller has the id or name \"nobody\", expected one of \"anna-lind\" (Anna Lind), \"erik-holm\" (Erik Holm)"
        ),
        "{}",
        run.stderr
    );
    let run = sample().run(&["build", "--audience", "ceo"]);
    assert_eq!(run.code, 2, "a usage error: {}", run.stderr);
}

/// The board's report keeps the risk summary (no deal in it) while the tables of
/// single risky deals go.
#[test]
fn the_board_report_has_the_risk_summary() {
    let files = build(&sample(), "board");
    let report = String::from_utf8_lossy(&files["report/index.html"]).into_owned();
    for expected in [
        "id=\"risk-summary\"",
        // The sample is Swedish.
        "Öppna affärer med risk, per slag av risk",
        "Öppna affärer med risk, per segment",
        "Minst en av dessa (varje affär en gång)",
        // The definitions appendix, in Swedish too.
        "<td>Affär i riskzonen</td>",
    ] {
        assert!(
            report.contains(expected),
            "the board report lacks {expected:?}"
        );
    }
    assert!(
        !report
            .contains("Största affärerna som står still, är gamla eller ligger utanför strategin")
    );
    // No focus score on the board's pages, so none defined either.
    assert!(!report.contains("<td>Fokuspoäng</td>"));
}

/// The board's PDF, as pdftotext reads it, names no deal, customer or seller.
#[test]
fn the_board_pdf_names_no_deal_customer_or_seller() {
    let (Some(_), Some(pdftotext)) = (
        harness::tool("chromium", "chromium"),
        harness::tool("pdftotext", "poppler-utils"),
    ) else {
        return;
    };
    let fixture = sample();
    let sample = read_sample(fixture.project());
    let temp = fixture.project().parent().expect("temp");
    let pdf = temp.join("board.pdf");
    let (out, pdf_arg) = (
        temp.join("site-board-pdf"),
        pdf.to_string_lossy().into_owned(),
    );
    let out_arg = out.to_string_lossy().into_owned();
    let run = fixture.run(&[
        "build",
        "--as-of",
        AS_OF,
        "--out",
        &out_arg,
        "--audience",
        "board",
        "--pdf",
        &pdf_arg,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::process::Command::new(pdftotext)
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    // Words joined by single spaces: a name broken over two lines is still found.
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    // The PDF is the report: its risk summary is there, so the text was read.
    assert!(text.contains("Risksammanfattning"), "{text}");
    let files = BTreeMap::from([("board.pdf (text)".to_string(), text.into_bytes())]);
    let leaks = found(&files, board_names(&sample));
    assert!(leaks.is_empty(), "the board PDF shows {leaks:#?}");
}
