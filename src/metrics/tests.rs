//! Metric tests on a tiny project whose every expected figure is worked out by hand
//! in the comments. As of 2026-11-15, fiscal year = calendar year.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::*;
use crate::load::{Inputs, SourceText};
use crate::model::{self, Model};

const STRATEGY: &str = r#"
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

const CUSTOMERS: &str = "id,name,industry,employees\nC1,Kemi AB,Kemi,100\nC2,Bygg Liten AB,Bygg,10\nC3,Bygg Stor AB,Bygg,500\n";

const HEADER: &str = "id,name,customer_id,owner,stage,status,value,currency,probability,created,expected_close,closed,next_activity,last_activity,lost_reason,plan\n";

const DEALS: &str = "\
D1,One,C1,a,lead,open,100000,,,2026-10-01,2026-12-15,,2026-11-20,2026-11-10,,p1
D2,Two,C2,b,offer,open,200000.50,SEK,35,2026-01-10,2026-11-01,,,2026-09-01,,
D3,Three,C3,a,closing,open,,,,2025-06-01,2027-02-01,,2026-11-16,2026-10-01,,
D4,Four,C1,a,closing,won,300000,,,2026-02-01,,2026-03-03,,,,p1
D5,Five,C1,b,offer,won,150000,,,2026-05-01,,2026-10-20,,,,
D6,Six,C2,a,offer,lost,50000,,,2026-04-01,,2026-06-15,,,Price,
D7,Seven,C3,b,offer,won,80000,,,2025-09-01,,2025-12-20,,,,
";

const SNAPSHOT: &str = "\
D1,One,C1,a,lead,open,100000,,,2026-10-01,2026-12-01,,,,,p1
D2,Two,C2,b,lead,open,200000.50,,35,2026-01-10,2026-11-01,,,,,
D5,Five,C1,b,offer,open,150000,,,2026-05-01,2026-10-30,,,,,
D8,Eight,C1,b,lead,open,10000,,,2026-09-01,2026-12-01,,,,,
";

fn source(path: &str, text: String) -> Option<SourceText> {
    Some(SourceText {
        path: PathBuf::from(path),
        text,
    })
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn project() -> Model {
    project_comparing(None)
}

fn project_comparing(previous: Option<&str>) -> Model {
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
        deals: source("data/deals.csv", format!("{HEADER}{DEALS}")),
        customers: source("data/customers.csv", CUSTOMERS.into()),
        snapshots: vec![(
            date("2026-11-01"),
            SourceText {
                path: "data/snapshots/2026-11-01/deals.csv".into(),
                text: format!("{HEADER}{SNAPSHOT}"),
            },
        )],
        content: Vec::new(),
        meetings: Vec::new(),
        templates: Vec::new(),
        compare_strategy: previous.and_then(|text| source("old/strategy.toml", text.into())),
        problems,
    };
    model::resolve(inputs).unwrap_or_else(|e| panic!("fixture is valid: {e}"))
}

fn metrics() -> Metrics {
    compute(&project(), date("2026-11-15"))
}

fn kr(minor: i64) -> Money {
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

#[test]
fn movement_since_the_last_snapshot() {
    let m = metrics()
        .movement
        .expect("a snapshot before the as-of date");
    assert_eq!(m.from, date("2026-11-01"));
    let w = &m.waterfall;
    let pair = |b: &Bucket| (b.count, b.value);
    // Then, open: D1 100 000, D2 200 000.50, D5 150 000, D8 10 000 = 460 000.50.
    assert_eq!(pair(&w.start), (4, kr(46_000_050)));
    // New: D3 (no value). Won: D5 at its value then. Removed: D8. No value changes.
    assert_eq!(pair(&w.new), (1, kr(0)));
    assert_eq!(pair(&w.won), (1, kr(15_000_000)));
    assert_eq!(pair(&w.removed), (1, kr(1_000_000)));
    assert_eq!(
        (pair(&w.lost), pair(&w.value_up), pair(&w.value_down)),
        ((0, kr(0)), (0, kr(0)), (0, kr(0)))
    );
    // End: D1 + D2 + D3 = 300 000.50 = 460 000.50 + 0 − 150 000 − 10 000.
    assert_eq!(pair(&w.end), (3, kr(30_000_050)));
    // Q4 2026: all four were expected in it then; D3 now expects 2027-02-01, so it is
    // not new to the quarter. End: D1 + D2.
    let p = &m.period;
    assert_eq!(
        (pair(&p.start), pair(&p.new), pair(&p.won), pair(&p.removed)),
        (
            (4, kr(46_000_050)),
            (0, kr(0)),
            (1, kr(15_000_000)),
            (1, kr(1_000_000))
        )
    );
    assert_eq!(
        (pair(&p.pulled_in), pair(&p.pushed_out), pair(&p.end)),
        ((0, kr(0)), (0, kr(0)), (2, kr(30_000_050)))
    );
    // D2 went lead → offer; D1's close moved Dec 1 → Dec 15.
    assert_eq!(
        (m.advanced, m.moved_back, m.pushed, m.pulled_in),
        (1, 0, 1, 0)
    );
    let ids: Vec<&str> = m.deals.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["D2", "D5", "D1", "D8", "D3"]);
    assert_eq!(m.deals[2].changes, [Change::Pushed]);
    assert_eq!(m.push_counts, [("D1".to_string(), 1)]);
    // Anna: D1 seen once, pushed once. Bo: D2 seen once, not pushed.
    let slip: Vec<(u64, u64, Option<f64>)> = m
        .slip
        .iter()
        .map(|s| (s.observed, s.pushed, s.slip_rate))
        .collect();
    assert_eq!(slip, [(1, 1, Some(1.0)), (1, 0, Some(0.0))]);
    let points = metrics().history.points;
    assert_eq!(points.len(), 2);
    // Then by stage: lead D1 + D2 + D8, offer D5; closing nothing.
    let stages: Vec<Money> = points[0].by_stage.iter().map(|s| s.open_value).collect();
    assert_eq!(stages, [kr(31_000_050), kr(15_000_000), kr(0)]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// For any pair of exports the waterfalls reconcile to the öre.
    #[test]
    fn the_waterfalls_reconcile_for_any_pair(
        then in proptest::collection::vec(deal_strategy(), 0..12),
        now in proptest::collection::vec(deal_strategy(), 0..12),
    ) {
        let model = project_with_exports(&rows(&then), &rows(&now));
        let m = compute(&model, date("2026-11-15")).movement.expect("a snapshot");
        let w = &m.waterfall;
        proptest::prop_assert_eq!(
            w.start.value + w.new.value + w.value_up.value - w.value_down.value - w.won.value - w.lost.value - w.removed.value,
            w.end.value
        );
        proptest::prop_assert_eq!(w.start.count + w.new.count - w.won.count - w.lost.count - w.removed.count, w.end.count);
        let p = &m.period;
        proptest::prop_assert_eq!(
            p.start.value + p.new.value + p.pulled_in.value - p.pushed_out.value + p.value_up.value - p.value_down.value
                - p.won.value - p.lost.value - p.removed.value,
            p.end.value
        );
        proptest::prop_assert_eq!(w.end.value, model.deals.iter().filter(|d| d.status == crate::model::Status::Open).map(|d| d.amount()).sum::<Money>());
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// For any set of deals every breakdown of the open pipeline sums to its total,
    /// the sellers' and segments' won values to the company's, and weighted value
    /// is the sum of the per-deal roundings.
    #[test]
    fn every_breakdown_sums_to_its_total(deals in proptest::collection::vec(deal_strategy(), 0..15)) {
        let model = project_with_exports("", &rows(&deals));
        let m = compute(&model, date("2026-11-15"));
        let total = m.pipeline.total;
        for lines in [&m.pipeline.by_stage, &m.pipeline.by_owner, &m.pipeline.by_segment, &m.pipeline.by_close_month, &m.pipeline.by_age] {
            let mut sum = PipelineSum::default();
            lines.iter().for_each(|l| sum.merge(&l.sum));
            proptest::prop_assert_eq!(sum, total);
        }
        let sellers: Money = m.sellers.iter().map(|s| s.year.won_value).sum();
        let segments: Money = m.segments.iter().map(|s| s.year.won_value).sum();
        proptest::prop_assert_eq!(sellers, m.year.won_value);
        proptest::prop_assert_eq!(segments, m.year.won_value);
        let weighted: Money = model
            .deals
            .iter()
            .filter(|d| d.status == crate::model::Status::Open)
            .map(|d| d.amount().percent(model.probability(d)))
            .sum();
        proptest::prop_assert_eq!(weighted, total.weighted_value);
    }
}

/// (id 0-14, status 0 open/1 won/2 lost, value in öre, stage 0-2, close month offset)
fn deal_strategy() -> impl proptest::strategy::Strategy<Value = (u8, u8, i64, u8, u32)> {
    (0u8..15, 0u8..3, 0i64..100_000_000, 0u8..3, 0u32..8)
}

fn rows(deals: &[(u8, u8, i64, u8, u32)]) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = String::new();
    for (id, status, value, stage, month) in deals {
        if !seen.insert(*id) {
            continue;
        }
        let status = ["open", "won", "lost"][usize::from(*status)];
        let stage = ["lead", "offer", "closing"][usize::from(*stage)];
        let close = format!("2026-{:02}-15", 9 + month % 4);
        let closed = if status == "open" {
            String::new()
        } else {
            "2026-11-10".into()
        };
        let money = Money::from_minor(*value).canonical();
        out.push_str(&format!(
            "P{id},Deal,C1,a,{stage},{status},{money},,,2026-01-01,{close},{closed},,,,\n"
        ));
    }
    out
}

fn project_with_exports(then: &str, now: &str) -> Model {
    let mut model = project();
    let resolved = |text: &str| {
        let mut problems = crate::error::Problems::default();
        let strategy = &model.strategy;
        let customers: std::collections::HashMap<&str, usize> = [("C1", 0)].into_iter().collect();
        let source = SourceText {
            path: "x.csv".into(),
            text: format!("{HEADER}{text}"),
        };
        let deals =
            crate::model::read_deals_for_tests(&source, strategy, Some(&customers), &mut problems);
        assert!(problems.is_empty(), "generated rows are valid");
        deals
    };
    let (then, now) = (resolved(then), resolved(now));
    model.snapshots = vec![crate::model::Snapshot {
        date: date("2026-11-01"),
        deals: then,
    }];
    model.deals = now;
    model
}

#[test]
fn segment_lines_by_hand() {
    let m = metrics();
    let line = |id: &str| {
        m.segments
            .iter()
            .find(|s| s.id == id)
            .expect("segment line")
    };
    // Core: C1; open D1 100 000; in the last 12 months won D4 300 000 (30 days) and
    // D5 150 000 (172 days), nothing lost: 100 %, average 225 000, median 101 days.
    let core = line("core");
    assert_eq!(
        (core.customers, core.pipeline.open_value),
        (1, kr(10_000_000))
    );
    let t = &core.trailing_12_months;
    assert_eq!(
        (
            t.won_value,
            t.win_rate_count,
            t.average_deal,
            t.cycle_median_days
        ),
        (kr(45_000_000), Some(1.0), Some(kr(22_500_000)), Some(101.0))
    );
    // Small: C2; open D2 200 000.50; lost D6 50 000: 0 %.
    let small = line("small");
    assert_eq!(
        (
            small.customers,
            small.pipeline.open_value,
            small.trailing_12_months.win_rate_count
        ),
        (1, kr(20_000_050), Some(0.0))
    );
    // Unsegmented: C3; open D3 (no value); won D7 80 000 on 2025-12-20.
    let none = line("unsegmented");
    assert_eq!(
        (
            none.priority,
            none.customers,
            none.trailing_12_months.won_value
        ),
        (None, 1, kr(8_000_000))
    );
    // The lines add up: 3 customers, 300 000.50 open, 530 000 won.
    let customers: u64 = m.segments.iter().map(|s| s.customers).sum();
    let open: Money = m.segments.iter().map(|s| s.pipeline.open_value).sum();
    let won: Money = m
        .segments
        .iter()
        .map(|s| s.trailing_12_months.won_value)
        .sum();
    assert_eq!((customers, open, won), (3, kr(30_000_050), kr(53_000_000)));
}

#[test]
fn off_strategy_share_by_hand() {
    let off = metrics().off_strategy;
    // Off: D2 (deprioritised segment, 200 000.50) and D3 (unsegmented, no value),
    // of 3 open deals worth 300 000.50.
    assert_eq!(
        (
            off.total.off_count,
            off.total.off_value,
            off.total.open_count
        ),
        (2, kr(20_000_050), 3)
    );
    assert_eq!(off.total.share_count, Some(2.0 / 3.0));
    assert_eq!(off.total.share_value, Some(20_000_050.0 / 30_000_050.0));
    assert_eq!(off.deals, ["D2", "D3"]);
    // Anna: D1 on, D3 off (no value): 1 of 2, 0 % of 100 000. Bo: D2 off: all of it.
    let (anna, bo) = (&off.by_seller[0], &off.by_seller[1]);
    assert_eq!(
        (anna.off_count, anna.share_count, anna.share_value),
        (1, Some(0.5), Some(0.0))
    );
    assert_eq!(
        (bo.off_count, bo.share_count, bo.share_value),
        (1, Some(1.0), Some(1.0))
    );
    assert_eq!(
        (off.by_team[0].off_count, off.by_team[0].open_count),
        (2, 3)
    );
}

#[test]
fn win_loss_by_hand() {
    let w = metrics().win_loss;
    // Closed in the last 12 months: D4 won 300 000, D5 won 150 000, D7 won 80 000,
    // D6 lost 50 000 (reason "Price", in segment small, lost at stage offer).
    assert_eq!(w.lost_reasons.len(), 1);
    let price = &w.lost_reasons[0];
    assert_eq!(
        (price.reason.as_str(), price.count, price.value),
        ("Price", 1, kr(5_000_000))
    );
    assert_eq!(price.by_segment, [0, 1, 0]);
    assert_eq!(price.by_stage, [0, 1, 0]);
    // Size bands: D6 50 000 and D7 80 000 under 100 000 (one won, one lost); D5 in
    // 100 000-250 000; D4 in 250 000-500 000.
    let bands: Vec<(u64, u64)> = w
        .by_size
        .iter()
        .map(|b| (b.won_count, b.lost_count))
        .collect();
    assert_eq!(bands, [(1, 1), (1, 0), (1, 0), (0, 0), (0, 0), (0, 0)]);
    assert_eq!(w.by_size[0].win_rate_count, Some(0.5));
    // No deal names an offer.
    let last = w.by_offer.last().expect("no-offer line");
    assert_eq!(
        (last.key.as_str(), last.won_count, last.lost_count),
        ("no-offer", 3, 1)
    );
}

#[test]
fn strategy_change_names_exactly_the_customers_that_move() {
    // Before: core took Kemi and Bygg customers with 100 employees or more, and
    // small was a maintain segment. So C1 (Kemi, 100) stays in core; C2 (Bygg, 10)
    // stays in small but drops from maintain to deprioritised; C3 (Bygg, 500) leaves
    // core for no segment.
    let previous = STRATEGY
        .replace(
            r#"rules = [{ field = "industry", equals = "Kemi" }]"#,
            r#"rules = [{ field = "industry", in = ["Kemi", "Bygg"] }, { field = "employees", min = 100 }]"#,
        )
        .replace(r#"priority = "deprioritised""#, r#"priority = "maintain""#);
    assert_ne!(previous, STRATEGY);
    let model = project_comparing(Some(&previous));
    let change = compute(&model, date("2026-11-15"))
        .strategy_change
        .expect("a comparison");
    let moved: Vec<&str> = change.customers.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(moved, ["C2", "C3"]);
    // Open deals: D2 (C2, 200 000.50) and D3 (C3, no value) both leave the
    // prioritised segments.
    let deals: Vec<&str> = change.deals.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(deals, ["D2", "D3"]);
    assert_eq!(
        (
            change.value_moved,
            change.value_out_of_strategy,
            change.value_into_strategy
        ),
        (kr(20_000_050), kr(20_000_050), kr(0))
    );
    assert_eq!(change.customers[1].before.segment.as_deref(), Some("core"));
    assert_eq!(change.customers[1].after.segment, None);
    assert!(
        compute(&project(), date("2026-11-15"))
            .strategy_change
            .is_none()
    );
}

#[test]
fn stage_conversion_by_hand() {
    let c = metrics().conversion;
    // Closed now: D4, D5, D7 won (they passed every stage) and D6 lost at offer.
    assert_eq!((c.closed_deals, c.won, c.win_rate), (4, 3, Some(0.75)));
    let reached: Vec<u64> = c.stages.iter().map(|s| s.reached).collect();
    assert_eq!(reached, [4, 4, 3]);
    let cumulative: Vec<Option<f64>> = c.stages.iter().map(|s| s.cumulative).collect();
    assert_eq!(cumulative, [Some(1.0), Some(1.0), Some(0.75)]);
    assert_eq!(
        (c.stages[0].from_previous, c.stages[2].from_previous),
        (None, Some(0.75))
    );
}

#[test]
fn quarters_and_both_coverage_variants() {
    let m = metrics();
    // Q1: D4 won 300 000 (no quarter target); Q4: D5 150 000 against 300 000.
    let quarters: Vec<(Money, Option<Money>)> = m
        .year_quarters
        .iter()
        .map(|q| (q.won_value, q.target))
        .collect();
    assert_eq!(
        quarters,
        [
            (kr(30_000_000), None),
            (kr(0), None),
            (kr(0), None),
            (kr(15_000_000), Some(kr(30_000_000)))
        ]
    );
    // Open expected in 2026: 300 000.50; against the whole 1 000 000 target: 0.3000005.
    assert_eq!(
        m.year.coverage_of_target,
        Some(30_000_050.0 / 100_000_000.0)
    );
}

#[test]
fn movement_starts_at_the_last_meeting() {
    let mut model = project();
    let earlier = crate::model::Snapshot {
        date: date("2026-10-20"),
        deals: model.snapshots[0].deals[..1].to_vec(),
    };
    model.snapshots.insert(0, earlier);
    // Default: the latest export before the as-of date.
    assert_eq!(
        compute_since(&model, date("2026-11-15"), None)
            .movement
            .map(|m| m.from),
        Some(date("2026-11-01"))
    );
    // --since 2026-10-31: the export on or before it.
    let since = Some(date("2026-10-31"));
    assert_eq!(
        compute_since(&model, date("2026-11-15"), since)
            .movement
            .map(|m| m.from),
        Some(date("2026-10-20"))
    );
    // A 21-day cadence: 2026-11-15 − 21 days = 2026-10-25, so the 2026-10-20 export.
    model.strategy.meeting_cadence_days = Some(21);
    assert_eq!(
        compute_since(&model, date("2026-11-15"), None)
            .movement
            .map(|m| m.from),
        Some(date("2026-10-20"))
    );
    // --since 2026-10-20 --until 2026-11-01: between the two snapshots. Then only
    // D1 (100 000); at the end D1, D2, D5 and D8 are open: three new deals.
    let between = compute_between(
        &model,
        date("2026-11-15"),
        Some(date("2026-10-20")),
        Some(date("2026-11-01")),
    )
    .movement
    .expect("two snapshots");
    assert_eq!(
        (between.from, between.to),
        (date("2026-10-20"), date("2026-11-01"))
    );
    assert_eq!(
        (between.waterfall.start.value, between.waterfall.new.count),
        (kr(10_000_000), 3)
    );
    // D2 200 000.50 + D5 150 000 + D8 10 000 are new: 360 000.50; end 460 000.50.
    assert_eq!(
        (between.waterfall.new.value, between.waterfall.end.value),
        (kr(36_000_050), kr(46_000_050))
    );
    // Nothing that early: no movement.
    assert!(
        compute_since(&model, date("2026-11-15"), Some(date("2026-10-01")))
            .movement
            .is_none()
    );
}
