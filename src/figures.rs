//! Live figures in markdown: `{{ won quarter }}`, `{{ open segment=industri }}`,
//! `{{ chart pipeline-by-stage }}`.
//!
//! A content page, a meeting's minutes or a markdown field of the strategy can name
//! a figure instead of copying its value, so the narrative of a review stays true
//! after every rebuild. This module owns the syntax: it finds each `{{ … }}` outside
//! code, parses it and checks its names against the strategy. Computing a figure is
//! `metrics::figures`' job, formatting it the renderer's.
//!
//! ```text
//! {{ KPI [PERIOD] [segment=ID | seller=ID | team=ID] }}
//! {{ chart NAME }}
//! ```
//!
//! `PERIOD` is `year` or `quarter` (the fiscal year or quarter of the as-of date,
//! the default `year`), `ttm` (the twelve months up to it), or a fixed `2026`,
//! `2026-Q3`, `2026-03` or `2026-W07`. Pipeline figures (`open`, `open_count`,
//! `weighted`) and `as_of` are as of the build date and take no period. A chart is
//! a paragraph of its own.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::period::Period;
use crate::strategy::Strategy;

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kpi {
    Won,
    WonCount,
    Lost,
    LostCount,
    WinRate,
    WinRateValue,
    AverageDeal,
    CycleDays,
    Target,
    Attainment,
    Gap,
    Forecast,
    Expected,
    Coverage,
    PipelineNeeded,
    Open,
    OpenCount,
    Weighted,
    AsOf,
}

/// Every KPI by the name markdown uses, with what it means (for messages and docs).
pub const KPIS: &[(&str, Kpi, &str)] = &[
    ("won", Kpi::Won, "won value closed in the period"),
    ("won_count", Kpi::WonCount, "won deals closed in the period"),
    ("lost", Kpi::Lost, "lost value closed in the period"),
    (
        "lost_count",
        Kpi::LostCount,
        "lost deals closed in the period",
    ),
    ("win_rate", Kpi::WinRate, "won ÷ (won + lost), by count"),
    (
        "win_rate_value",
        Kpi::WinRateValue,
        "won ÷ (won + lost), by value",
    ),
    ("average_deal", Kpi::AverageDeal, "won value ÷ won deals"),
    (
        "cycle_days",
        Kpi::CycleDays,
        "mean days from created to won",
    ),
    ("target", Kpi::Target, "the revenue target"),
    ("attainment", Kpi::Attainment, "won ÷ target"),
    ("gap", Kpi::Gap, "target − won"),
    (
        "forecast",
        Kpi::Forecast,
        "won + weighted value expected in the period",
    ),
    (
        "expected",
        Kpi::Expected,
        "open value expected to close in the period",
    ),
    (
        "coverage",
        Kpi::Coverage,
        "open value expected ÷ remaining target",
    ),
    (
        "pipeline_needed",
        Kpi::PipelineNeeded,
        "new pipeline needed to reach the target",
    ),
    ("open", Kpi::Open, "open pipeline value now"),
    ("open_count", Kpi::OpenCount, "open deals now"),
    (
        "weighted",
        Kpi::Weighted,
        "probability-weighted open value now",
    ),
    ("as_of", Kpi::AsOf, "the as-of date of the build"),
];

impl Kpi {
    /// Whether the figure is for a period (else it is as of the build date).
    pub fn takes_period(self) -> bool {
        !matches!(self, Kpi::Open | Kpi::OpenCount | Kpi::Weighted | Kpi::AsOf)
    }
}

/// Which period a figure covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// The fiscal year of the as-of date.
    Year,
    /// The fiscal quarter of the as-of date.
    Quarter,
    /// The twelve months up to the as-of date.
    Trailing,
    Fixed(Period),
}

/// Whose deals a figure counts; each index points into the strategy's vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Company,
    Segment(usize),
    Seller(usize),
    Team(usize),
}

/// A chart a page can embed, drawn from the metrics every build computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartName {
    PipelineByStage,
    PipelineBySegment,
    PipelineBySeller,
    PipelineByCloseMonth,
    PipelineByAge,
    Pace,
}

pub const CHARTS: &[(&str, ChartName, &str)] = &[
    (
        "pipeline-by-stage",
        ChartName::PipelineByStage,
        "open and weighted value per stage",
    ),
    (
        "pipeline-by-segment",
        ChartName::PipelineBySegment,
        "open and weighted value per segment",
    ),
    (
        "pipeline-by-seller",
        ChartName::PipelineBySeller,
        "open and weighted value per seller",
    ),
    (
        "pipeline-by-close-month",
        ChartName::PipelineByCloseMonth,
        "open and weighted value per month of expected close",
    ),
    (
        "pipeline-by-age",
        ChartName::PipelineByAge,
        "open and weighted value per age band",
    ),
    (
        "pace",
        ChartName::Pace,
        "won value through the fiscal year against the target's pace",
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Kpi { kpi: Kpi, when: When, scope: Scope },
    Chart(ChartName),
}

/// A `{{ … }}` found in markdown: where it is (byte range of the braces and all) and
/// what it names, or why it names nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub range: Range<usize>,
    pub figure: Result<Figure, String>,
}

/// Every `{{ … }}` in `text` outside code spans and code blocks, in order, each
/// parsed and checked against `strategy`.
pub fn scan(text: &str, strategy: &Strategy) -> Vec<Found> {
    if !text.contains("{{") {
        return Vec::new();
    }
    let mut code: Vec<Range<usize>> = Vec::new();
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Code(_) | Event::Start(Tag::CodeBlock(_)) | Event::Html(_) => code.push(range),
            Event::Start(Tag::Paragraph) => paragraphs.push(range),
            Event::End(TagEnd::Paragraph) => {}
            _ => {}
        }
    }
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("{{").map(|i| from + i) {
        if let Some(skip) = code.iter().find(|r| r.contains(&at)) {
            from = skip.end.max(at + 2);
            continue;
        }
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let Some(close) = text[at..line_end].find("}}").map(|i| at + i) else {
            found.push(Found {
                range: at..line_end,
                figure: Err(
                    "\"{{\" is not closed on its line, expected \"}}\" after the figure's name"
                        .into(),
                ),
            });
            from = line_end;
            continue;
        };
        let range = at..close + 2;
        let mut figure = parse(&text[at + 2..close], strategy);
        if matches!(figure, Ok(Figure::Chart(_)))
            && !paragraphs
                .iter()
                .any(|p| text[p.clone()].trim() == &text[range.clone()])
        {
            figure = Err(
                "a chart must be a paragraph of its own, expected a blank line before and after it"
                    .into(),
            );
        }
        found.push(Found { range, figure });
        from = close + 2;
    }
    found
}

/// The markdown options every rendering uses, so that scanning sees the same code
/// spans as rendering.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Parses what stands between the braces.
fn parse(inner: &str, strategy: &Strategy) -> Result<Figure, String> {
    let mut words = inner.split_whitespace();
    let Some(name) = words.next() else {
        return Err(format!("an empty figure, expected a name: {}", kpi_names()));
    };
    if name == "chart" {
        let Some(chart) = words.next() else {
            return Err(format!(
                "a chart without a name, expected one of {}",
                chart_names()
            ));
        };
        let Some((_, chart, _)) = CHARTS.iter().find(|(n, _, _)| *n == chart) else {
            return Err(format!(
                "unknown chart \"{chart}\", expected one of {}",
                chart_names()
            ));
        };
        if let Some(extra) = words.next() {
            return Err(format!(
                "\"{extra}\" after the chart's name, expected \"}}}}\": a chart takes no period or scope"
            ));
        }
        return Ok(Figure::Chart(*chart));
    }
    let Some((_, kpi, _)) = KPIS.iter().find(|(n, _, _)| *n == name) else {
        return Err(format!(
            "unknown figure \"{name}\", expected one of {}, or chart",
            kpi_names()
        ));
    };
    let (mut when, mut scope) = (None, None);
    for word in words {
        if let Some((kind, id)) = word.split_once('=') {
            if scope.is_some() {
                return Err(format!("a second scope \"{word}\", expected at most one"));
            }
            scope = Some(parse_scope(kind, id, strategy)?);
        } else {
            if when.is_some() {
                return Err(format!("a second period \"{word}\", expected at most one"));
            }
            if !kpi.takes_period() {
                return Err(format!(
                    "\"{name}\" is as of the build date and takes no period, found \"{word}\""
                ));
            }
            when = Some(parse_when(word)?);
        }
    }
    if *kpi == Kpi::AsOf && scope.is_some() {
        return Err("\"as_of\" takes no scope".into());
    }
    Ok(Figure::Kpi {
        kpi: *kpi,
        when: when.unwrap_or(When::Year),
        scope: scope.unwrap_or(Scope::Company),
    })
}

fn parse_when(word: &str) -> Result<When, String> {
    match word {
        "year" => Ok(When::Year),
        "quarter" => Ok(When::Quarter),
        "ttm" => Ok(When::Trailing),
        _ => Period::parse(word).map(When::Fixed).ok_or_else(|| {
            format!(
                "\"{word}\" is not a period, expected year, quarter, ttm, YYYY, YYYY-Qn, YYYY-MM or YYYY-Wnn"
            )
        }),
    }
}

fn parse_scope(kind: &str, id: &str, strategy: &Strategy) -> Result<Scope, String> {
    match kind {
        "segment" => strategy
            .segment_index(id)
            .map(Scope::Segment)
            .ok_or_else(|| strategy.unknown_segment(id)),
        "seller" => strategy
            .seller_index(id)
            .map(Scope::Seller)
            .ok_or_else(|| strategy.unknown_seller(id)),
        "team" => strategy
            .teams
            .iter()
            .position(|t| t.id == id)
            .map(Scope::Team)
            .ok_or_else(|| {
                let ids =
                    crate::strategy::quoted_list(strategy.teams.iter().map(|t| t.id.as_str()));
                format!("team \"{id}\" is not in strategy.toml, expected one of {ids}")
            }),
        _ => Err(format!(
            "unknown scope \"{kind}\", expected segment=ID, seller=ID or team=ID"
        )),
    }
}

fn kpi_names() -> String {
    KPIS.iter()
        .map(|(n, _, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

fn chart_names() -> String {
    CHARTS
        .iter()
        .map(|(n, _, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strategy() -> Strategy {
        crate::metrics::tests::project().strategy
    }

    fn scan_one(text: &str) -> Result<Figure, String> {
        let found = scan(text, &strategy());
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].figure.clone()
    }

    #[test]
    fn names_periods_and_scopes() {
        let text = "Won {{ won }} of {{target 2026-Q4}}; core {{ open segment=core }}.";
        let found = scan(text, &strategy());
        let ranges: Vec<&str> = found.iter().map(|f| &text[f.range.clone()]).collect();
        assert_eq!(
            ranges,
            ["{{ won }}", "{{target 2026-Q4}}", "{{ open segment=core }}"]
        );
        assert_eq!(
            found[0].figure,
            Ok(Figure::Kpi {
                kpi: Kpi::Won,
                when: When::Year,
                scope: Scope::Company
            })
        );
        assert_eq!(
            found[1].figure,
            Ok(Figure::Kpi {
                kpi: Kpi::Target,
                when: When::Fixed(Period::Quarter(2026, 4)),
                scope: Scope::Company
            })
        );
        assert_eq!(
            found[2].figure,
            Ok(Figure::Kpi {
                kpi: Kpi::Open,
                when: When::Year,
                scope: Scope::Segment(0)
            })
        );
        assert_eq!(
            scan_one("{{ attainment ttm seller=b }}"),
            Ok(Figure::Kpi {
                kpi: Kpi::Attainment,
                when: When::Trailing,
                scope: Scope::Seller(1)
            })
        );
        assert_eq!(
            scan_one("{{ won_count 2026-W07 team=t }}"),
            Ok(Figure::Kpi {
                kpi: Kpi::WonCount,
                when: When::Fixed(Period::Week(2026, 7)),
                scope: Scope::Team(0)
            })
        );
    }

    #[test]
    fn code_is_left_alone() {
        let text = "Write `{{ won }}` or\n\n```\n{{ wonn }}\n```\n\n    {{ x }}\n\nthen {{ lost }}";
        let found = scan(text, &strategy());
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "{{ lost }}");
    }

    #[test]
    fn mistakes_say_what_was_expected() {
        let err = |text: &str| scan_one(text).expect_err("a mistake");
        assert!(
            err("{{ wonn }}")
                .starts_with("unknown figure \"wonn\", expected one of won, won_count,")
        );
        assert_eq!(
            err("{{ won 2026-Q5 }}"),
            "\"2026-Q5\" is not a period, expected year, quarter, ttm, YYYY, YYYY-Qn, YYYY-MM or YYYY-Wnn"
        );
        assert_eq!(
            err("{{ won segment=nope }}"),
            "segment \"nope\" is not in strategy.toml, expected one of \"core\", \"small\""
        );
        assert_eq!(
            err("{{ won region=syd }}"),
            "unknown scope \"region\", expected segment=ID, seller=ID or team=ID"
        );
        assert_eq!(
            err("{{ open 2026 }}"),
            "\"open\" is as of the build date and takes no period, found \"2026\""
        );
        assert_eq!(
            err("{{ won 2026 2025 }}"),
            "a second period \"2025\", expected at most one"
        );
        assert!(
            err("{{ chart pie }}")
                .starts_with("unknown chart \"pie\", expected one of pipeline-by-stage,")
        );
        assert_eq!(
            err("Text {{ won\nmore }}"),
            "\"{{\" is not closed on its line, expected \"}}\" after the figure's name"
        );
        assert_eq!(
            err("See {{ chart pace }} here."),
            "a chart must be a paragraph of its own, expected a blank line before and after it"
        );
        assert_eq!(
            scan_one("Intro.\n\n{{ chart pace }}\n\nMore."),
            Ok(Figure::Chart(ChartName::Pace))
        );
    }
}
