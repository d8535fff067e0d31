//! Metric tests on a tiny project whose every expected figure is worked out by hand
//! in the comments. As of 2026-11-15, fiscal year = calendar year.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::*;
use crate::load::{Inputs, SourceText};
use crate::model::{self, Model};

pub(super) const STRATEGY: &str = r#"
[currency]
base = "SEK"
[direction]
statement = "s"
positioning = "p"
[thresholds]
stale_after_days = 30
coverage_goal = 3.0
fiscal_year_start = 1
[[stages]]
id = "lead"
name = "Lead"
probability = 10
[[stages]]
id = "offer"
name = "Offer"
probability = 50
[[stages]]
id = "closing"
name = "Closing"
probability = 80
[[teams]]
id = "t"
name = "Team"
[[sellers]]
id = "a"
name = "Anna"
team = "t"
[[sellers]]
id = "b"
name = "Bo"
team = "t"
[[segments]]
id = "core"
name = "Core"
priority = "focus"
why = "w"
identify = "i"
rules = [{ field = "industry", equals = "Kemi" }]
[[segments]]
id = "small"
name = "Small"
priority = "deprioritised"
why = "w"
identify = "i"
rules = [{ field = "employees", max = 49 }]
[[targets]]
period = "2026"
revenue = 1000000
[[targets]]
period = "2026-Q4"
revenue = 300000
[[targets]]
period = "2026"
seller = "a"
revenue = 600000
[[plans]]
id = "p1"
name = "Plan"
segments = ["core"]
start = 2026-01-01
end = 2026-12-31
owner = "a"
channel = "c"
goal_revenue = 400000
activities = "x"
"#;

pub(super) const CUSTOMERS: &str = "id,name,industry,employees\nC1,Kemi AB,Kemi,100\nC2,Bygg Liten AB,Bygg,10\nC3,Bygg Stor AB,Bygg,500\n";

pub(super) const HEADER: &str = "id,name,customer_id,owner,stage,status,value,currency,probability,created,expected_close,closed,next_activity,last_activity,lost_reason,plan\n";

pub(super) const DEALS: &str = "\
D1,One,C1,a,lead,open,100000,,,2026-10-01,2026-12-15,,2026-11-20,2026-11-10,,p1
D2,Two,C2,b,offer,open,200000.50,SEK,35,2026-01-10,2026-11-01,,,2026-09-01,,
D3,Three,C3,a,closing,open,,,,2025-06-01,2027-02-01,,2026-11-16,2026-10-01,,
D4,Four,C1,a,closing,won,300000,,,2026-02-01,,2026-03-03,,,,p1
D5,Five,C1,b,offer,won,150000,,,2026-05-01,,2026-10-20,,,,
D6,Six,C2,a,offer,lost,50000,,,2026-04-01,,2026-06-15,,,Price,
D7,Seven,C3,b,offer,won,80000,,,2025-09-01,,2025-12-20,,,,
";

pub(super) const SNAPSHOT: &str = "\
D1,One,C1,a,lead,open,100000,,,2026-10-01,2026-12-01,,,,,p1
D2,Two,C2,b,lead,open,200000.50,,35,2026-01-10,2026-11-01,,,,,
D5,Five,C1,b,offer,open,150000,,,2026-05-01,2026-10-30,,,,,
D8,Eight,C1,b,lead,open,10000,,,2026-09-01,2026-12-01,,,,,
";

pub(super) fn source(path: &str, text: String) -> Option<SourceText> {
    Some(SourceText {
        path: PathBuf::from(path),
        text,
    })
}

pub(super) fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

pub(crate) fn project() -> Model {
    project_comparing(None)
}

pub(super) fn project_comparing(previous: Option<&str>) -> Model {
    let config = "[site]\ntitle = \"T\"\ncompany = \"C\"\n";
    let mut problems = crate::error::Problems::default();
    let config = crate::config::parse(
        std::path::Path::new("pipepress.toml"),
        config,
        &mut problems,
    );
    let inputs = Inputs {
        root: PathBuf::from("."),
        config,
        strategy: source("strategy.toml", STRATEGY.into()),
        deals: Some(crate::load::Export::from_text(
            "data/deals.csv",
            &format!("{HEADER}{DEALS}"),
        )),
        customers: crate::ingest::from_text("data/customers.csv", CUSTOMERS),
        snapshots: vec![(
            date("2026-11-01"),
            crate::load::Export::from_text(
                "data/snapshots/2026-11-01/deals.csv",
                &format!("{HEADER}{SNAPSHOT}"),
            ),
        )],
        content: Vec::new(),
        meetings: Vec::new(),
        templates: Vec::new(),
        compare_strategy: previous.and_then(|text| source("old/strategy.toml", text.into())),
        logo: None,
        files: Vec::new(),
        problems,
    };
    model::resolve(inputs).unwrap_or_else(|e| panic!("fixture is valid: {e}"))
}

pub(super) fn metrics() -> Metrics {
    compute(&project(), date("2026-11-15"))
}

pub(super) fn kr(minor: i64) -> Money {
    Money::from_minor(minor)
}

#[test]
fn open_pipeline_and_its_breakdowns() {
    let m = metrics();
    // Open: D1 100 000 × 10 % = 10 000; D2 200 000.50 × 35 % = 70 000.175 → 70 000.18;
    // D3 no value → 0. Total 300 000.50, weighted 80 000.18.
    let total = m.pipeline.total;
    assert_eq!(
        (total.open_count, total.open_value, total.weighted_value),
        (3, kr(30_000_050), kr(8_000_018))
    );
    let sums = |b: &[Breakdown]| {
        b.iter()
            .map(|b| {
                (
                    b.key.clone(),
                    b.sum.open_count,
                    b.sum.open_value,
                    b.sum.weighted_value,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        sums(&m.pipeline.by_stage),
        [
            ("lead".into(), 1, kr(10_000_000), kr(1_000_000)),
            ("offer".into(), 1, kr(20_000_050), kr(7_000_018)),
            ("closing".into(), 1, kr(0), kr(0)),
        ]
    );
    // Anna owns D1 and D3; Bo owns D2.
    assert_eq!(
        sums(&m.pipeline.by_owner),
        [
            ("a".into(), 2, kr(10_000_000), kr(1_000_000)),
            ("b".into(), 1, kr(20_000_050), kr(7_000_018))
        ]
    );
    // C1 (Kemi) is core; C2 (10 employees) small; C3 (Bygg, 500) matches nothing.
    assert_eq!(
        sums(&m.pipeline.by_segment),
        [
            ("core".into(), 1, kr(10_000_000), kr(1_000_000)),
            ("small".into(), 1, kr(20_000_050), kr(7_000_018)),
            ("unsegmented".into(), 1, kr(0), kr(0)),
        ]
    );
    let months: Vec<String> = m
        .pipeline
        .by_close_month
        .iter()
        .map(|b| b.key.clone())
        .collect();
    assert_eq!(months, ["2026-11", "2026-12", "2027-02"]);
    // Ages: D1 45 days, D2 309, D3 532.
    let ages: Vec<u64> = m.pipeline.by_age.iter().map(|b| b.sum.open_count).collect();
    assert_eq!(ages, [0, 1, 0, 1, 1]);
}

#[test]
fn fiscal_year_results() {
    let y = metrics().year;
    // Won in 2026: D4 300 000 (cycle 30 days) and D5 150 000 (May 1 → Oct 20 = 172 days);
    // lost: D6 50 000. D7 closed in 2025.
    assert_eq!(
        (y.won_count, y.won_value, y.lost_count, y.lost_value),
        (2, kr(45_000_000), 1, kr(5_000_000))
    );
    assert_eq!(y.win_rate_count, Some(2.0 / 3.0));
    // 450 000 / 500 000
    assert_eq!(y.win_rate_value, Some(0.9));
    assert_eq!(y.average_deal, Some(kr(22_500_000)));
    // (30 + 172) / 2 = 101 for both mean and median of two
    assert_eq!(
        (y.cycle_mean_days, y.cycle_median_days),
        (Some(101.0), Some(101.0))
    );
    assert_eq!(y.target, Some(kr(100_000_000)));
    assert_eq!(y.attainment, Some(0.45));
    assert_eq!(y.remaining_target, Some(kr(55_000_000)));
    assert_eq!(y.gap, Some(kr(55_000_000)));
    // Expected in 2026: D1 (Dec 15) and D2 (Nov 1): 300 000.50 open, 80 000.18 weighted.
    assert_eq!(y.expected.open_value, kr(30_000_050));
    // 450 000 + 80 000.18
    assert_eq!(y.forecast, kr(53_000_018));
    // 300 000.50 / 550 000
    assert_eq!(y.coverage, Some(30_000_050.0 / 55_000_000.0));
    // Win rate by value 450 000 / 500 000 = 0.9: 550 000 / 0.9 = 611 111.11… → 611 111.12
    // (rounded up), less the 300 000.50 open: 311 110.62 of new pipeline needed.
    assert_eq!(y.pipeline_needed, Some(kr(31_111_062)));
}

#[test]
fn year_pace_reaches_the_as_of_date() {
    let pace = metrics().year_pace;
    // Jan 1, then Jan 31 … Oct 31 (10 month ends), then Nov 15.
    assert_eq!(pace.len(), 12);
    let last = pace.last().expect("points");
    assert_eq!(last.date, date("2026-11-15"));
    // Won up to Nov 15: D4 300 000 + D5 150 000.
    assert_eq!(last.won, kr(45_000_000));
    // 1 000 000 × 319 / 365 = 873 972.60…
    assert_eq!(last.pace, Some(kr(87_397_260)));
}

#[test]
fn fiscal_quarter_results() {
    let q = metrics().quarter;
    assert_eq!(q.period.as_deref(), Some("2026-Q4"));
    // Q4: won D5 150 000; target 300 000 → remaining 150 000; expected D1 + D2.
    assert_eq!(
        (q.won_count, q.won_value, q.lost_count),
        (1, kr(15_000_000), 0)
    );
    assert_eq!(q.remaining_target, Some(kr(15_000_000)));
    // Anna's 2026 target (600 000) is not passed either: gap 300 000.
    assert_eq!(metrics().sellers[0].year.gap, Some(kr(30_000_000)));
    // 150 000 + 80 000.18
    assert_eq!(q.forecast, kr(23_000_018));
    // 300 000.50 / 150 000
    assert_eq!(q.coverage, Some(30_000_050.0 / 15_000_000.0));
}

#[test]
fn health_flags() {
    let m = metrics();
    let h = &m.health;
    // Trailing year (from 2025-11-16): D4 30, D5 172, D7 110 days: mean 104, × 1.5 = 156.
    assert_eq!(h.aging_after_days, Some(156));
    // D2 (309 days) and D3 (532 days) are older than 156 days.
    assert_eq!(h.aging_count, 2);
    // D2 has no next activity; D3 was last touched 45 days ago (> 30).
    assert_eq!(h.stale_count, 2);
    // D2: close passed + no next activity; D3: no value.
    assert_eq!(h.hygiene_count, 2);
    assert_eq!(
        h.flags[1].hygiene,
        [
            HygieneIssue::ExpectedClosePassed,
            HygieneIssue::MissingNextActivity
        ]
    );
    assert_eq!(h.flags[2].hygiene, [HygieneIssue::MissingValue]);
    // D2 is in a deprioritised segment, D3 in none.
    assert_eq!(h.off_strategy_count, 2);
    assert!(!h.flags[0].any());
}

#[test]
fn sales_velocity_is_one_exact_fraction() {
    let v = metrics().velocity;
    // 3 open × 450 000 won × 2 won ÷ (3 closed × 202 cycle days)
    // = 270 000 000 öre ÷ 606 = 445 544.55 öre → 4 455.45 kr per day
    assert_eq!(v.per_day, Some(kr(445_545)));
    // × 1461 / 48 = 13 561 262.38 öre → 135 612.62 kr per month
    assert_eq!(v.per_month, Some(kr(13_561_262)));
}

#[test]
fn sellers_segments_and_plans() {
    let m = metrics();
    let anna = &m.sellers[0];
    // Anna: won D4 300 000, lost D6; own target 600 000.
    assert_eq!(
        (anna.year.won_value, anna.year.target, anna.year.attainment),
        (kr(30_000_000), Some(kr(60_000_000)), Some(0.5))
    );
    assert_eq!(
        (
            anna.pipeline.open_count,
            anna.stale_count,
            anna.off_strategy_count
        ),
        (2, 1, 1)
    );
    // Team t holds both sellers: Bo has no target, so the team has none; its won
    // value is everyone's (450 000).
    assert_eq!(
        (m.teams[0].year.won_value, m.teams[0].year.target),
        (kr(45_000_000), None)
    );
    let core = &m.segments[0];
    // Core: customer C1; open D1; won D4 + D5 = 450 000.
    assert_eq!(
        (
            core.customers,
            core.pipeline.open_count,
            core.year.won_value
        ),
        (1, 1, kr(45_000_000))
    );
    let plan = &m.plans[0];
    // Tied: D1 (open), D4 (won 300 000). 319 of 365 days passed:
    // 400 000 × 319 / 365 = 349 589.041… → 349 589.04
    assert_eq!(
        (plan.deal_count, plan.won_count, plan.won_value),
        (2, 1, kr(30_000_000))
    );
    assert_eq!(plan.pace_revenue, Some(kr(34_958_904)));
    assert_eq!(plan.on_track, Some(false));
    assert_eq!(plan.gap, Some(kr(10_000_000)));
    assert_eq!(plan.progress, Some(0.75));
    // Pace points: Jan 1 (1 day: 400 000 / 365 = 1 095.89), each month end to Oct 31,
    // then Nov 15. D4 (Mar 3) counts from the Mar 31 point on.
    assert_eq!(plan.pace.len(), 12);
    assert_eq!(plan.pace[0].pace, Some(kr(109_589)));
    assert_eq!((plan.pace[1].won, plan.pace[2].won), (kr(0), kr(0)));
    assert_eq!(plan.pace[3].won, kr(30_000_000));
}

#[test]
fn customer_value_and_abc() {
    let c = metrics().customers;
    // Trailing year: C1 = D4 + D5 = 450 000; C3 = D7 80 000; C2 nothing. Total 530 000.
    let ranked: Vec<(&str, Money, Option<AbcClass>)> = c
        .iter()
        .map(|c| (c.id.as_str(), c.won_value, c.class))
        .collect();
    // C1 has 0 % above it → A; C3 has 450/530 = 84.9 % above it → B.
    assert_eq!(
        ranked,
        [
            ("C1", kr(45_000_000), Some(AbcClass::A)),
            ("C3", kr(8_000_000), Some(AbcClass::B)),
            ("C2", kr(0), None)
        ]
    );
}
