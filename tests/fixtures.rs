//! Fixture projects built by the real binary: whole sites compared file by file with
//! their `expected/` folder, and invalid projects whose error text is pinned.

mod harness;

use std::fs;

use harness::{Fixture, read_tree};

#[test]
fn small_project_builds_the_expected_site() {
    let fixture = Fixture::new("small");
    let run = fixture.build();
    fixture.assert_matches_expected(&run);
}

/// A broken project: every problem is listed with file, line and column in one run,
/// the exit code is 1, and an existing site is left exactly as it was.
#[test]
fn every_problem_is_reported_and_the_old_site_survives() {
    let good = Fixture::new("small");
    let first = good.build();
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = read_tree(&first.out);

    let broken = Fixture::new("small")
        .edit(
            "data/deals.csv",
            "D1,One,C1,a,lead,open,100000,,,2026-10-01",
            "D1,One,C1,a,lead,open,100000,,,2026-10-32",
        )
        .edit(
            "data/deals.csv",
            "D3,Three,C3,a,closing",
            "D3,Three,C3,a,closed",
        )
        .edit(
            "strategy.toml",
            "coverage_goal = 3.0",
            "coverage_goal = 3.0\ncoverage_gaol = 2.0",
        )
        .edit(
            "data/customers.csv",
            "C2,Bygg Liten AB,Bygg,10",
            "C2,Bygg Liten AB,Bygg,ten",
        );
    let run = broken.build_into(&first.out);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "\
error: data/customers.csv:3:23: employees \"ten\" is not a whole number, expected e.g. 250
  |
3 | C2,Bygg Liten AB,Bygg,ten
  |                       ^
error: data/deals.csv:2:32: column \"created\": \"2026-10-32\" is not a date, expected YYYY-MM-DD (e.g. 2026-03-31)
  |
2 | D1,One,C1,a,lead,open,100000,,,2026-10-32,2026-12-15,,2026-11-20,2026-11-10,,p1
  |                                ^
error: data/deals.csv:4:15: stage \"closed\" is not in strategy.toml, expected one of \"lead\", \"offer\", \"closing\"
  |
4 | D3,Three,C3,a,closed,open,,,,2025-06-01,2027-02-01,,2026-11-16,2026-10-01,,
  |               ^
error: strategy.toml:9:1: unknown field `coverage_gaol`, expected one of `stale_after_days`, `coverage_goal`, `fiscal_year_start`
  |
9 | coverage_gaol = 2.0
  | ^
4 problems found; nothing was written.
"
    );
    assert_eq!(read_tree(&first.out), before, "the earlier site changed");
}

/// A project's `templates/` file replaces the theme's file of the same name.
#[test]
fn a_template_override_replaces_the_built_in_one() {
    let fixture = Fixture::new("small");
    let templates = fixture.project().join("templates");
    fs::create_dir_all(&templates).expect("templates folder");
    fs::write(
        templates.join("page.html"),
        "{% extends \"base.html\" %}{% block content %}<p class=\"mine\">Our own page: {{ title }}</p>{% endblock content %}",
    )
    .expect("write override");
    let run = fixture.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = fs::read_to_string(run.out.join("pages/notes/index.html")).expect("notes page");
    assert!(
        page.contains("<p class=\"mine\">Our own page: Notes</p>"),
        "{page}"
    );
    // Pages from other templates keep the built-in theme.
    let index = fs::read_to_string(run.out.join("index.html")).expect("index");
    assert!(!index.contains("class=\"mine\"") && index.contains("<div class=\"kpis\">"));
}

#[test]
fn invalid_fixtures_pin_their_error_text() {
    for entry in fs::read_dir(harness::fixtures()).expect("fixtures") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if !name.starts_with("invalid-") {
            continue;
        }
        let run = Fixture::new(&name).build();
        let expected =
            fs::read_to_string(path.join("expected/stderr.txt")).expect("expected/stderr.txt");
        if std::env::var_os("PIPEPRESS_BLESS").is_some() {
            fs::write(path.join("expected/stderr.txt"), &run.stderr).expect("bless");
            continue;
        }
        assert_eq!(run.code, 1, "{name}");
        assert_eq!(run.stderr, expected, "{name}");
        assert!(!run.out.exists(), "{name}: a site was written");
    }
}

/// Every start tag of `html`: (name, [(attribute, value)]), read the way a browser
/// tokenises them (quotes respected), so escaped text can never count as a tag.
fn start_tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let name_end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        let mut attributes = Vec::new();
        let mut body = &rest[name_end..];
        loop {
            body = body.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if body.is_empty() || body.starts_with('>') {
                break;
            }
            let end = body
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .unwrap_or(body.len());
            let attribute = body[..end].to_ascii_lowercase();
            body = &body[end..];
            let mut value = String::new();
            if let Some(after) = body.strip_prefix('=') {
                let (v, remaining) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                        (&after[1..close], after.get(close + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = after
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                value = v.to_string();
                body = remaining;
            }
            attributes.push((attribute, value));
        }
        tags.push((name, attributes));
        rest = body;
    }
    tags
}

/// Text from every data file carries script payloads; none may reach the site as
/// markup: only the theme's own elements appear, with no event handler and no
/// `javascript:` URL.
#[test]
fn payloads_in_data_are_escaped_everywhere() {
    const THEME_TAGS: &[&str] = &[
        "html",
        "head",
        "meta",
        "title",
        "link",
        "body",
        "a",
        "header",
        "p",
        "nav",
        "ul",
        "ol",
        "li",
        "main",
        "h1",
        "h2",
        "h3",
        "section",
        "div",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "figure",
        "details",
        "summary",
        "article",
        "span",
        "footer",
        "figcaption",
        "svg",
        "g",
        "rect",
        "line",
        "polyline",
        "circle",
        "text",
        "path",
        "em",
        "strong",
        "b",
        "code",
    ];
    let fixture = Fixture::new("hostile");
    let run = fixture.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = read_tree(&run.out);
    let mut pages = 0;
    for (path, bytes) in site.iter().filter(|(p, _)| p.ends_with(".html")) {
        pages += 1;
        for (tag, attributes) in start_tags(&String::from_utf8_lossy(bytes)) {
            assert!(
                THEME_TAGS.contains(&tag.as_str()),
                "{path}: <{tag}> came from data"
            );
            for (name, value) in attributes {
                assert!(
                    !name.starts_with("on"),
                    "{path}: <{tag} {name}> is an event handler"
                );
                assert!(
                    !value.trim().to_ascii_lowercase().starts_with("javascript:"),
                    "{path}: <{tag} {name}={value}>"
                );
            }
        }
    }
    assert_eq!(pages, 14);
    // CSV downloads defuse formulas with the standard prefix and change nothing else.
    let stale = String::from_utf8_lossy(&site["downloads/meeting--up-to-date-1.csv"]).into_owned();
    assert!(
        stale.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""),
        "{stale}"
    );
    let plan = String::from_utf8_lossy(&site["downloads/tactics-p1--deals.csv"]).into_owned();
    assert!(plan.contains(",'+46 70 123 45 67,"), "{plan}");
    // The payloads are shown as text, not dropped.
    let pipeline = String::from_utf8_lossy(&site["pipeline/index.html"]).into_owned();
    assert!(
        pipeline.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the deal's name is not shown"
    );
}

#[test]
fn the_tag_reader_sees_markup_and_not_escaped_text() {
    let tags = start_tags(
        "<p class=\"a>b\">&lt;img onerror=x&gt;<img src=x onerror=alert(1)><a href='javascript:y'>",
    );
    let names: Vec<&str> = tags.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["p", "img", "a"]);
    assert_eq!(tags[0].1, [("class".to_string(), "a>b".to_string())]);
    assert_eq!(
        tags[1].1[1],
        ("onerror".to_string(), "alert(1)".to_string())
    );
    assert_eq!(
        tags[2].1,
        [("href".to_string(), "javascript:y".to_string())]
    );
}

/// A misspelt live figure fails the build at its line and column, in a content page
/// and in a markdown field of the strategy, and `check` finds the same.
#[test]
fn a_misspelt_figure_fails_with_its_location() {
    let broken = Fixture::new("small")
        .edit("content/notes.md", "won {{ won }} of", "won {{ wonn }} of")
        .edit(
            "content/notes.md",
            "{{ target 2026-03 }}",
            "{{ target 2026-13 }}",
        )
        .edit(
            "strategy.toml",
            "{{ open segment=core }}",
            "{{ open segment=kore }}",
        );
    let run = broken.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let locations: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(locations.len(), 3, "{}", run.stderr);
    assert!(locations[0].starts_with(
        "error: content/notes.md:5:19: unknown figure \"wonn\", expected one of won, won_count,"
    ));
    assert_eq!(
        locations[1],
        "error: content/notes.md:8:22: \"2026-13\" is not a period, expected year, quarter, ttm, YYYY, YYYY-Qn, YYYY-MM or YYYY-Wnn"
    );
    assert_eq!(
        locations[2],
        "error: strategy.toml:37:19: segment \"kore\" is not in strategy.toml, expected one of \"core\", \"small\""
    );
    assert!(
        run.stderr.contains("5 | Live figures: won {{ wonn }} of"),
        "{}",
        run.stderr
    );
}

/// The text of each row (cells joined by " | ") of every table in the report's
/// section `id`, markup dropped and no-break spaces made plain.
fn section_rows(html: &str, id: &str) -> Vec<String> {
    let start = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no section {id}"));
    let section = &html[start..];
    let section = &section[..section.find("</section>").expect("section end")];
    section
        .split("<tr")
        .skip(1)
        .map(|row| {
            let row =
                &row[row.find('>').expect("tag end") + 1..row.find("</tr>").expect("row end")];
            // Every tag ends a piece of text; the cells here hold plain text only.
            let mut pieces = vec![String::new()];
            let mut in_tag = false;
            for c in row.chars() {
                match c {
                    '<' => {
                        in_tag = true;
                        pieces.push(String::new());
                    }
                    '>' => in_tag = false,
                    c if !in_tag => pieces.last_mut().expect("a piece").push(c),
                    _ => {}
                }
            }
            pieces
                .iter()
                // Money is written with a no-break space: "SEK\u{a0}100,000".
                .map(|p| p.trim().replace('\u{a0}', " "))
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

/// The report's risk summary on the small project, in the full build and the
/// board's, against figures worked out by hand.
#[test]
fn the_risk_summary_counts_and_values_risky_deals() {
    // As of 2026-11-15 (stale after 30 days, aging after 156 days, as the report's
    // health KPIs say), the open deals are:
    // - D1 100,000, customer C1 (Kemi: Core): next activity 2026-11-20, last
    //   2026-11-10, 45 days old; close 2026-12-01 in the 2026-11-01 export, now
    //   2026-12-15: pushed, nothing else.
    // - D2 200,000.50, C2 (10 employees: Small, deprioritised): no next activity
    //   (stale), 309 days old (aging), off strategy. Close unchanged.
    // - D3 no value (0), C3 (Bygg, 500: no segment): last activity 2026-10-01, 45
    //   days ago (stale), 532 days old (aging), off strategy.
    // Open value 300,000.50. Pushed 1 / 100,000 (33.3 %); stale, aging, off strategy
    // each 2 / 200,000.50 (66.7 %); any of them: all 3, 300,000.50 (100 %).
    // By segment: Core D1, Small D2, unsegmented D3, each wholly at risk.
    let expected = [
        "Risk | Deals | Open value | Share of open pipeline",
        "Expected close pushed since the previous export | 1 | SEK 100,000 | 33.3%",
        "Stale | 2 | SEK 200,000.50 | 66.7%",
        "Aging | 2 | SEK 200,000.50 | 66.7%",
        "Off strategy | 2 | SEK 200,000.50 | 66.7%",
        "At least one of these (each deal once) | 3 | SEK 300,000.50 | 100.0%",
        "Segment | Open deals | Open value | Deals at risk | Value at risk | Share at risk",
        "Core | 1 | SEK 100,000 | 1 | SEK 100,000 | 100.0%",
        "Small | 1 | SEK 200,000.50 | 1 | SEK 200,000.50 | 100.0%",
        // No value at all: no share.
        "Unsegmented | 1 | SEK 0 | 1 | SEK 0 | —",
        "Total | 3 | SEK 300,000.50 | 3 | SEK 300,000.50 | 100.0%",
    ];
    let fixture = Fixture::new("small");
    let full = fixture.build();
    assert_eq!(full.code, 0, "{}", full.stderr);
    let report = fs::read_to_string(full.out.join("report/index.html")).expect("report");
    assert_eq!(section_rows(&report, "risk-summary"), expected);

    // The board build refuses a name it would show: the notes page names Anna, and
    // the deal "Four" is a word the style sheet has too.
    let fixture = Fixture::new("small")
        .edit(
            "content/notes.md",
            "Anna {{ won seller=a }}",
            "seller a {{ won seller=a }}",
        )
        .edit("data/deals.csv", "D4,Four,", "D4,Order four,");
    let board = fixture.project().parent().expect("temp").join("board");
    let board_arg = board.to_string_lossy().into_owned();
    let run = fixture.run(&[
        "build",
        "--as-of",
        "2026-11-15",
        "--out",
        &board_arg,
        "--audience",
        "board",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = fs::read_to_string(board.join("report/index.html")).expect("board report");
    assert_eq!(section_rows(&report, "risk-summary"), expected);
}
