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
