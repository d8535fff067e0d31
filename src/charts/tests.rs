use super::axis::nice_ticks;
use super::text::{MAX_LABEL_CHARS, text_px};
use super::*;

/// Whole kronor with a space every three digits, from öre: enough to tell ticks apart.
fn money(ore: i64) -> String {
    let kr = (ore / 100).to_string();
    let digits: Vec<char> = kr.trim_start_matches('-').chars().collect();
    let mut out = String::from(if ore < 0 { "-" } else { "" });
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(*d);
    }
    out + " kr"
}

fn count(n: i64) -> String {
    n.to_string()
}

fn labels(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

fn bars(title: &str, categories: &[String], series: &[Series], orientation: Orientation) -> String {
    category_chart(&CategoryChart {
        title,
        categories,
        series,
        orientation,
        format: &money,
    })
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// `(x, y, content)` of every `<text>` element, as plotters writes them:
/// `<text x=".." y=".." ...>\ncontent\n</text>`.
fn texts(svg: &str) -> Vec<(i32, i32, String)> {
    let attr = |tag: &str, name: &str| -> i32 {
        let start = tag.find(&format!(" {name}=\"")).expect("attribute present") + name.len() + 3;
        let end = start + tag[start..].find('"').expect("closing quote");
        tag[start..end].parse().expect("integer coordinate")
    };
    svg.split("<text ")
        .skip(1)
        .map(|rest| {
            let (tag, rest) = rest.split_once('>').expect("tag ends");
            let content = rest.split_once("</text>").expect("text closes").0;
            let tag = format!(" {tag}");
            (attr(&tag, "x"), attr(&tag, "y"), content.trim().to_owned())
        })
        .collect()
}

fn text_position(svg: &str, content: &str) -> (i32, i32) {
    let found = texts(svg).into_iter().find(|(_, _, c)| c == content);
    let (x, y, _) = found.unwrap_or_else(|| panic!("no <text> {content:?} in\n{svg}"));
    (x, y)
}

fn svg_height(svg: &str) -> u32 {
    let start = svg.find(" height=\"").expect("height") + 9;
    let end = start + svg[start..].find('"').expect("quote");
    svg[start..end].parse().expect("integer height")
}

/// A small well-formedness check: tags nest and close, attribute values are quoted, and
/// every `&` starts one of XML's five predefined entities (so nothing is escaped twice
/// and nothing raw slips through).
fn assert_well_formed(svg: &str) {
    let entities = ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;"];
    for (at, _) in svg.match_indices('&') {
        assert!(
            entities.iter().any(|e| svg[at..].starts_with(e)),
            "stray & at {at}: {:?}",
            &svg[at..svg.len().min(at + 12)]
        );
    }
    let mut open: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        assert!(!rest[..start].contains('>'), "raw > in text: {rest:.60}");
        let end = rest[start..].find('>').expect("tag closes") + start;
        let tag = &rest[start + 1..end];
        assert!(!tag.contains('<'), "< inside a tag: {tag}");
        assert_eq!(tag.matches('"').count() % 2, 0, "unbalanced quotes: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().expect("tag name");
            if open.is_empty() {
                roots += 1;
            }
            open.push(name);
        }
        rest = &rest[end + 1..];
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
    assert_eq!(roots, 1, "one root element");
    assert!(svg.starts_with("<svg "), "starts with the root element");
}

fn assert_accessible(svg: &str, escaped_title: &str) {
    assert!(!svg.contains("<?xml"));
    let (root, after) = svg.split_once('>').expect("root tag");
    assert!(root.contains(" role=\"img\""), "{root}");
    assert!(
        root.contains(&format!(" aria-label=\"{escaped_title}\"")),
        "{root}"
    );
    assert!(root.contains(" viewBox=\"0 0 760 "), "{root}");
    let first_child = after.trim_start();
    assert!(
        first_child.starts_with(&format!("<title>{escaped_title}</title>")),
        "title is the first child: {first_child:.80}"
    );
}

#[test]
fn horizontal_bars_put_the_first_category_on_top() {
    let categories = labels(&["Alpha", "Beta", "Gamma"]);
    let open = [300, 200, 100];
    let svg = bars(
        "t",
        &categories,
        &[Series {
            name: "Open",
            values: &open,
        }],
        Orientation::Horizontal,
    );
    let (alpha, beta, gamma) = (
        text_position(&svg, "Alpha"),
        text_position(&svg, "Beta"),
        text_position(&svg, "Gamma"),
    );
    assert!(
        alpha.1 < beta.1 && beta.1 < gamma.1,
        "{alpha:?} {beta:?} {gamma:?}"
    );
    // The longest bar belongs to Alpha: it is the topmost <rect>.
    let widths: Vec<(i32, i32)> = svg
        .split("<rect ")
        .skip(1)
        .map(|r| {
            let num = |name: &str| {
                let s = r.find(&format!("{name}=\"")).expect("attr") + name.len() + 2;
                r[s..s + r[s..].find('"').expect("quote")]
                    .parse::<i32>()
                    .expect("int")
            };
            (num("y"), num("width"))
        })
        .collect();
    assert_eq!(widths.len(), 3);
    let top = widths.iter().min_by_key(|(y, _)| *y).expect("bars");
    let widest = widths.iter().max_by_key(|(_, w)| *w).expect("bars");
    assert_eq!(top, widest);
}

#[test]
fn vertical_columns_run_left_to_right() {
    let categories = labels(&["2025-01", "2025-02"]);
    let won = [100, 200];
    let svg = bars(
        "t",
        &categories,
        &[Series {
            name: "Won",
            values: &won,
        }],
        Orientation::Vertical,
    );
    assert!(text_position(&svg, "2025-01").0 < text_position(&svg, "2025-02").0);
}

#[test]
fn hostile_text_is_escaped_exactly_once() {
    let categories = labels(&["<script>alert(\"x\")</script>", "Bolaget & Co 'AB'"]);
    let (open, weighted) = ([500, 400], [250, 100]);
    let series = [
        Series {
            name: "Open </style><b>",
            values: &open,
        },
        Series {
            name: "\"Weighted\" & more",
            values: &weighted,
        },
    ];
    let title = "Pipeline </title><script>x</script> & \"quotes\"";
    let svg = bars(title, &categories, &series, Orientation::Horizontal);

    assert_well_formed(&svg);
    assert_accessible(
        &svg,
        "Pipeline &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; &quot;quotes&quot;",
    );
    assert!(!svg.contains("<script") && !svg.contains("</style") && !svg.contains("<b>"));
    assert!(
        !svg.contains("&amp;lt;") && !svg.contains("&amp;amp;"),
        "escaped twice"
    );
    // Once on the axis; the title's own <script> appears twice (aria-label and <title>).
    assert_eq!(svg.matches("&lt;script&gt;alert").count(), 1);
    assert_eq!(svg.matches("&lt;script&gt;").count(), 3);
    let contents: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    for expected in [
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;",
        "Bolaget &amp; Co &apos;AB&apos;",
        "Open &lt;/style&gt;&lt;b&gt;",
        "&quot;Weighted&quot; &amp; more",
    ] {
        assert!(
            contents.iter().any(|c| c == expected),
            "{expected} in {contents:?}"
        );
    }
}

#[test]
fn control_characters_never_reach_the_svg() {
    let categories = labels(&["Tab\there\nand\u{1b}[31m escape\u{0}"]);
    let svg = bars(
        "Ti\ttle\n",
        &categories,
        &[Series {
            name: "S",
            values: &[1],
        }],
        Orientation::Horizontal,
    );
    assert!(!svg.chars().any(|c| c.is_control() && c != '\n'), "{svg:?}");
    assert_accessible(&svg, "Ti tle");
    assert_well_formed(&svg);
}

#[test]
fn long_labels_are_cut_with_an_ellipsis() {
    let long = "Nordvik Industriteknik Aktiebolag (Göteborg)";
    let categories = labels(&[long, "Kort"]);
    let svg = bars(
        "t",
        &categories,
        &[Series {
            name: "S",
            values: &[1, 2],
        }],
        Orientation::Horizontal,
    );
    assert!(!svg.contains(long));
    let cut = texts(&svg)
        .into_iter()
        .find(|t| t.2.ends_with('…'))
        .expect("a cut label");
    assert_eq!(cut.2, "Nordvik Industriteknik Akti…");
    assert_eq!(cut.2.chars().count(), MAX_LABEL_CHARS);
}

#[test]
fn ticks_use_the_formatter() {
    let categories = labels(&["A", "B"]);
    let svg = bars(
        "t",
        &categories,
        &[Series {
            name: "S",
            values: &[180_000, 45_000],
        }],
        Orientation::Horizontal,
    );
    // 1 800 kr over about five steps: ticks every 500 kr, 0 to 2 000 kr.
    let contents: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    for tick in ["0 kr", "500 kr", "1 000 kr", "1 500 kr", "2 000 kr"] {
        assert!(contents.iter().any(|c| c == tick), "{tick} in {contents:?}");
    }
    assert!(!contents.iter().any(|c| c.contains(".0")), "{contents:?}");
}

#[test]
fn nice_ticks_cover_the_data_on_round_steps() {
    assert_eq!(nice_ticks(0, 0), vec![0]);
    assert_eq!(nice_ticks(0, 7), vec![0, 2, 4, 6, 8]);
    assert_eq!(nice_ticks(0, 10), vec![0, 2, 4, 6, 8, 10]);
    assert_eq!(
        nice_ticks(0, 180_000),
        vec![0, 50_000, 100_000, 150_000, 200_000]
    );
    assert_eq!(nice_ticks(-30, 70), vec![-40, -20, 0, 20, 40, 60, 80]);
    assert_eq!(nice_ticks(5, 5), vec![0, 1, 2, 3, 4, 5]);
    let huge = nice_ticks(i64::MIN, i64::MAX);
    assert!(huge.windows(2).all(|w| w[0] < w[1]) && huge.contains(&0));
}

#[test]
fn height_grows_with_the_number_of_categories() {
    let few = labels(&["A", "B"]);
    let many: Vec<String> = (0..20).map(|i| format!("Customer {i}")).collect();
    let series = |n: usize| vec![1; n];
    let (a, b) = (series(2), series(20));
    let small = bars(
        "t",
        &few,
        &[Series {
            name: "S",
            values: &a,
        }],
        Orientation::Horizontal,
    );
    let large = bars(
        "t",
        &many,
        &[Series {
            name: "S",
            values: &b,
        }],
        Orientation::Horizontal,
    );
    let per_category = (svg_height(&large) - svg_height(&small)) / 18;
    assert!((28..=34).contains(&per_category), "{per_category}");
}

#[test]
fn two_series_draw_grouped_bars_and_a_legend() {
    let categories = labels(&["A", "B"]);
    let (open, weighted) = ([400, 300], [200, 100]);
    let series = [
        Series {
            name: "Open",
            values: &open,
        },
        Series {
            name: "Weighted",
            values: &weighted,
        },
    ];
    let svg = bars("t", &categories, &series, Orientation::Horizontal);
    assert_eq!(
        svg.matches("fill=\"#2F5D8A\"").count(),
        3,
        "2 bars + swatch"
    );
    assert_eq!(
        svg.matches("fill=\"#9FB8D0\"").count(),
        3,
        "2 bars + swatch"
    );
    let contents: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    assert!(contents.contains(&"Open".to_owned()) && contents.contains(&"Weighted".to_owned()));
    let single = bars("t", &categories, &series[..1], Orientation::Horizontal);
    assert!(
        !texts(&single).iter().any(|t| t.2 == "Open"),
        "no legend for one series"
    );
}

#[test]
fn many_month_columns_thin_their_labels_so_they_do_not_overlap() {
    let months: Vec<String> = (0..24)
        .map(|i| format!("{}-{:02}", 2024 + i / 12, i % 12 + 1))
        .collect();
    let won = vec![100; 24];
    let svg = bars(
        "t",
        &months,
        &[Series {
            name: "Won",
            values: &won,
        }],
        Orientation::Vertical,
    );
    let shown: Vec<(i32, i32, String)> = texts(&svg)
        .into_iter()
        .filter(|t| months.contains(&t.2))
        .collect();
    assert!(shown.len() < 24 && shown.len() >= 6, "{shown:?}");
    assert_eq!(shown[0].2, "2024-01");
    for pair in shown.windows(2) {
        assert!(pair[1].0 - pair[0].0 > text_px("2024-01"), "{pair:?}");
    }
    let twelve = bars(
        "t",
        &months[..12],
        &[Series {
            name: "Won",
            values: &won[..12],
        }],
        Orientation::Vertical,
    );
    assert_eq!(
        texts(&twelve)
            .iter()
            .filter(|t| months.contains(&t.2))
            .count(),
        12
    );
}

#[test]
fn few_long_column_labels_are_rotated() {
    let categories: Vec<String> = (1..=6)
        .map(|i| format!("Segment with a long name {i}"))
        .collect();
    let values = [1, 2, 3, 4, 5, 6];
    let svg = bars(
        "t",
        &categories,
        &[Series {
            name: "S",
            values: &values,
        }],
        Orientation::Vertical,
    );
    assert_eq!(svg.matches("transform=\"rotate(270, ").count(), 6);
    assert!(
        svg_height(&svg) > 300,
        "room below the columns for the rotated labels"
    );
}

#[test]
fn degenerate_input_does_not_panic() {
    let one = labels(&["Only"]);
    let three = labels(&["A", "B", "C"]);
    let cases: Vec<(Vec<String>, Vec<Vec<i64>>)> = vec![
        (Vec::new(), Vec::new()),
        (Vec::new(), vec![Vec::new()]),
        (one.clone(), vec![vec![0]]),
        (one.clone(), vec![vec![42]]),
        (three.clone(), vec![vec![0, 0, 0], vec![0, 0, 0]]),
        (three.clone(), vec![vec![-5, 10, -20]]),
        (three.clone(), vec![vec![1]]),
        (three.clone(), vec![vec![1, 2, 3, 4, 5]]),
        (three.clone(), vec![vec![i64::MAX, i64::MIN, 0]]),
        (three, vec![vec![1, 2, 3]; 5]),
    ];
    for (categories, values) in &cases {
        let series: Vec<Series> = values
            .iter()
            .map(|v| Series {
                name: "S",
                values: v,
            })
            .collect();
        for orientation in [Orientation::Horizontal, Orientation::Vertical] {
            let svg = category_chart(&CategoryChart {
                title: "Edge",
                categories,
                series: &series,
                orientation,
                format: &count,
            });
            assert_well_formed(&svg);
            assert_accessible(&svg, "Edge");
        }
    }
    let dates = [date(2025, 3, 1), date(2025, 1, 1), date(2025, 3, 1)];
    let line_cases: Vec<(&[NaiveDate], Vec<i64>)> = vec![
        (&[], Vec::new()),
        (&dates[..1], vec![7]),
        (&dates[..2], vec![0, 0]),
        (&dates, vec![1]),
        (&dates, vec![i64::MIN, i64::MAX, -3]),
        (&[NaiveDate::MIN, NaiveDate::MAX], vec![1, 2]),
    ];
    for (x, values) in &line_cases {
        for series in [&[][..], &[Series { name: "S", values }][..]] {
            let svg = line_chart(&LineChart {
                title: "Edge",
                x,
                series,
                format: &count,
                month: &|d| d.format("%b %Y").to_string(),
            });
            assert_well_formed(&svg);
            assert_accessible(&svg, "Edge");
        }
    }
}

#[test]
fn the_fallback_is_accessible_and_well_formed() {
    let svg = fallback("A & B", (760, 100));
    assert_well_formed(&svg);
    assert_accessible(&svg, "A &amp; B");
}

fn sample_line_chart() -> String {
    let x: Vec<NaiveDate> = (1..=6).map(|m| date(2025, m, 1)).collect();
    let won = [0, 120_000, 180_000, 310_000, 390_000, 520_000].map(|kr| kr * 100);
    let goal = [0, 100_000, 200_000, 300_000, 400_000, 500_000].map(|kr| kr * 100);
    line_chart(&LineChart {
        title: "Won against goal, H1 2025",
        x: &x,
        series: &[
            Series {
                name: "Won",
                values: &won,
            },
            Series {
                name: "Goal pace",
                values: &goal,
            },
        ],
        format: &money,
        month: &|d| d.format("%b %Y").to_string(),
    })
}

fn sample_category_chart() -> String {
    let categories = labels(&["Enterprise", "Mid-market", "Public sector"]);
    let open = [1_250_000, 640_000, 0].map(|kr| kr * 100);
    let weighted = [500_000, 410_000, 0].map(|kr| kr * 100);
    bars(
        "Pipeline by segment",
        &categories,
        &[
            Series {
                name: "Open",
                values: &open,
            },
            Series {
                name: "Weighted",
                values: &weighted,
            },
        ],
        Orientation::Horizontal,
    )
}

#[test]
fn line_chart_labels_months_and_names_its_series() {
    let svg = sample_line_chart();
    assert_well_formed(&svg);
    assert_accessible(&svg, "Won against goal, H1 2025");
    let contents: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    for expected in [
        "Jan 2025",
        "Mar 2025",
        "May 2025",
        "Won",
        "Goal pace",
        "0 kr",
    ] {
        assert!(
            contents.iter().any(|c| c == expected),
            "{expected} in {contents:?}"
        );
    }
    assert_eq!(
        svg.matches("stroke=\"#2F5D8A\" stroke-width=\"2\"").count(),
        1
    );
    assert_eq!(
        svg.matches("stroke=\"#C8553D\" stroke-width=\"2\"").count(),
        1
    );
    let (jan, mar) = (
        text_position(&svg, "Jan 2025"),
        text_position(&svg, "Mar 2025"),
    );
    assert!(jan.0 < mar.0);
}

#[test]
fn output_is_deterministic() {
    assert_eq!(sample_category_chart(), sample_category_chart());
    assert_eq!(sample_line_chart(), sample_line_chart());
}

// Snapshots live in src/snapshots/ beside the other modules' fragments.
#[test]
fn category_chart_snapshot() {
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!(sample_category_chart());
    });
}

#[test]
fn line_chart_snapshot() {
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!(sample_line_chart());
    });
}
