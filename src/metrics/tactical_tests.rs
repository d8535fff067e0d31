//! The tactical level by hand: a plan whose deals come through the plan column and
//! through its rules, targets of every kind on a month, a week and a quarter,
//! forecast categories, forecast accuracy across a snapshot, and a fiscal year
//! starting in May on the built site. Every expected figure is worked out in the
//! comments. As of Sunday 2026-11-15, fiscal year = calendar year unless stated.

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
fiscal_year_start = FYSTART
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
name = "Team T"
[[teams]]
id = "u"
name = "Team U"
[[sellers]]
id = "a"
name = "Anna"
team = "t"
[[sellers]]
id = "b"
name = "Bo"
team = "u"
[[segments]]
id = "core"
name = "Core"
priority = "focus"
why = "w"
identify = "i"
rules = [{ field = "industry", equals = "Kemi" }]
[[offers]]
id = "o1"
name = "Offer one"
segments = ["core"]
value = "v"
[[offers]]
id = "o2"
name = "Offer two"
segments = ["core"]
value = "v"
[[targets]]
period = "2026-10"
revenue = 100000
new_customers = 1
new_pipeline = 300000
deals = 3
[[targets]]
period = "2026-W46"
team = "t"
new_pipeline = 100000
[[targets]]
period = "2026-Q4"
plan = "p"
deals = 4
[[plans]]
id = "p"
name = "Plan"
segments = ["core"]
offers = ["o1"]
start = 2026-07-01
end = 2026-12-31
owner = "a"
channel = "c"
goal_revenue = 1000000
match_rules = true
activities = "x"
"#;

const CUSTOMERS: &str = "id,name,industry\nC1,Kemi AB,Kemi\nC2,Bygg AB,Bygg\n";

const HEADER: &str = "id,name,customer_id,owner,stage,status,value,probability,created,expected_close,closed,plan,offer,forecast_category\n";

// A1 is tied by its plan column though created before the plan; A2-A6 match the
// plan's rules (segment core through C1, offer o1, created Jul-Dec 2026); A7 was
// created the day before the plan began and A9 sells o2: neither belongs to it.
const DEALS: &str = "\
A1,One,C1,a,closing,won,300000,,2026-06-01,,2026-08-10,p,o2,
A2,Two,C1,a,closing,won,100000,,2026-07-15,,2026-10-06,,o1,
A3,Three,C1,a,offer,lost,100000,,2026-08-01,,2026-09-01,,o1,
A4,Four,C1,b,offer,open,200000,,2026-10-05,2026-12-10,,,o1,commit
A5,Five,C1,a,lead,open,400000,,2026-11-10,2026-12-20,,,o1,best_case
A6,Six,C1,b,closing,open,500000,,2026-07-20,2027-02-01,,,o1,pipeline
A7,Seven,C1,a,offer,open,999000,,2026-06-30,2026-12-01,,,o1,commit
A9,Nine,C2,b,closing,won,50000,,2026-09-01,,2026-10-20,,o2,
";

// The export of 2026-10-05 (in Q4 2026: 2026-10-01 to 2026-12-31).
const SNAPSHOT: &str = "\
A2,Two,C1,a,closing,open,100000,,2026-07-15,2026-10-06,,,o1,commit
A4,Four,C1,b,offer,open,200000,,2026-10-05,2026-11-30,,,o1,commit
A8,Eight,C1,a,lead,open,400000,,2026-09-10,2026-12-20,,,o1,best_case
A6,Six,C1,b,closing,open,500000,,2026-07-20,2026-09-30,,,o1,commit
A9,Nine,C2,b,closing,open,50000,,2026-09-01,2026-10-15,,,o2,best_case
";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn kr(major: i64) -> Money {
    Money::from_major(major)
}

fn source(path: &str, text: String) -> Option<SourceText> {
    Some(SourceText {
        path: PathBuf::from(path),
        text,
    })
}

fn project(fiscal_year_start: u32) -> Model {
    project_with(fiscal_year_start, SNAPSHOT)
}

fn project_with(fiscal_year_start: u32, snapshot: &str) -> Model {
    let mut problems = crate::error::Problems::default();
    let config = crate::config::parse(
        std::path::Path::new("pipepress.toml"),
        "[site]\ntitle = \"T\"\ncompany = \"C\"\n",
        &mut problems,
    );
    let strategy = STRATEGY.replace("FYSTART", &fiscal_year_start.to_string());
    let inputs = Inputs {
        root: PathBuf::from("."),
        config,
        strategy: source("strategy.toml", strategy),
        deals: Some(crate::load::Export::from_text(
            "data/deals.csv",
            &format!("{HEADER}{DEALS}"),
        )),
        customers: crate::ingest::from_text("data/customers.csv", CUSTOMERS),
        snapshots: vec![(
            date("2026-10-05"),
            crate::load::Export::from_text(
                "data/snapshots/2026-10-05/deals.csv",
                &format!("{HEADER}{snapshot}"),
            ),
        )],
        content: Vec::new(),
        meetings: Vec::new(),
        templates: Vec::new(),
        compare_strategy: None,
        logo: None,
        files: Vec::new(),
        problems,
    };
    model::resolve(inputs).unwrap_or_else(|e| panic!("fixture is valid: {e}"))
}

fn metrics() -> Metrics {
    compute(&project(1), date("2026-11-15"))
}

#[test]
fn plan_forecast_coverage_attainment_pace_and_needed_pipeline_by_hand() {
    let m = metrics();
    let p = &m.plans[0];
    let r = &p.results;
    // Tied: A1 (column), A2-A6 (rules) = 6 deals; A7 and A9 are not.
    assert_eq!(p.deal_count, 6);
    // Won in 2026-07-01..2026-12-31 by the as-of date: A1 300 000 + A2 100 000.
    assert_eq!((r.won_count, r.won_value), (2, kr(400_000)));
    assert_eq!((p.won_count, p.won_value), (2, kr(400_000)));
    // Lost: A3 100 000.
    assert_eq!(r.lost_value, kr(100_000));
    // Open and expected in the period: A4 200 000 × 50 % = 100 000 and
    // A5 400 000 × 10 % = 40 000 (A6 is expected in 2027): open 600 000,
    // weighted 140 000.
    assert_eq!(
        (
            r.expected.open_count,
            r.expected.open_value,
            r.expected.weighted_value
        ),
        (2, kr(600_000), kr(140_000))
    );
    // Forecast = won 400 000 + weighted 140 000 = 540 000.
    assert_eq!(r.forecast, kr(540_000));
    // Target = goal 1 000 000: attainment 400 000 ÷ 1 000 000 = 0.4; forecast
    // attainment 0.54; remaining 600 000.
    assert_eq!(r.target, Some(kr(1_000_000)));
    assert_eq!(r.attainment, Some(0.4));
    assert_eq!(p.progress, Some(0.4));
    assert_eq!(r.forecast_attainment, Some(0.54));
    assert_eq!(r.remaining_target, Some(kr(600_000)));
    // Coverage (the site's variant): open 600 000 ÷ remaining 600 000 = 1.0.
    // Coverage of target: 600 000 ÷ 1 000 000 = 0.6.
    assert_eq!(r.coverage, Some(1.0));
    assert_eq!(r.coverage_of_target, Some(0.6));
    // Pipeline needed: win rate by value = 400 000 ÷ (400 000 + 100 000) = 0.8;
    // 600 000 ÷ 0.8 = 750 000 needed in total, less the 600 000 open = 150 000.
    assert_eq!(r.pipeline_needed, Some(kr(150_000)));
    // Cycle: A1 2026-06-01 → 08-10 = 29 + 31 + 10 = 70 days; A2 07-15 → 10-06 =
    // 16 + 31 + 30 + 6 = 83 days; mean 76.5, rounded up 77; 2026-12-31 − 77 days =
    // 2026-10-15 (−31 → 11-30, −30 → 10-31, −16 → 10-15).
    assert_eq!(r.pipeline_needed_by, Some(date("2026-10-15")));
    // Pace: 2026-07-01..11-15 is 31 + 31 + 30 + 31 + 15 = 138 of the period's 184
    // days (31 + 31 + 30 + 31 + 30 + 31): 1 000 000 × 138 ÷ 184 = 750 000 exactly.
    assert_eq!(p.pace_revenue, Some(kr(750_000)));
    assert_eq!(p.elapsed, 0.75);
    // 400 000 < 750 000: behind; gap to goal 600 000.
    assert_eq!(p.on_track, Some(false));
    assert_eq!(p.gap, Some(kr(600_000)));
    // The pace chart ends at the as-of date with the 400 000 won.
    let last = p.pace.last().expect("pace points");
    assert_eq!((last.date, last.won), (date("2026-11-15"), kr(400_000)));
    // Open tied deals of any expected close: A4, A5, A6 = 1 100 000.
    assert_eq!(p.open.open_value, kr(1_100_000));
}

#[test]
fn forecast_categories_roll_up_cumulatively() {
    let m = metrics();
    let c = m.plans[0]
        .results
        .forecast_categories
        .expect("the export has categories");
    // In the plan's period: commit A4 200 000, best case A5 400 000, pipeline none
    // (A6 is expected in 2027); closed = won 400 000.
    assert_eq!(
        (
            c.commit.open_value,
            c.best_case.open_value,
            c.pipeline.open_value
        ),
        (kr(200_000), kr(400_000), kr(0))
    );
    // Commit = 200 000 + 400 000 = 600 000; best case = 400 000 + 600 000 =
    // 1 000 000; pipeline = 0 + 1 000 000.
    assert_eq!(
        (
            c.closed,
            c.commit_rollup,
            c.best_case_rollup,
            c.pipeline_rollup
        ),
        (kr(400_000), kr(600_000), kr(1_000_000), kr(1_000_000))
    );
    // The company's Q4 2026: won A2 100 000 + A9 50 000 = 150 000; open expected
    // in Q4: A4 commit 200 000, A5 best case 400 000, A7 commit 999 000.
    let q4 = m.quarter.forecast_categories.expect("categories");
    assert_eq!(q4.commit.open_value, kr(1_199_000));
    assert_eq!(q4.commit_rollup, kr(1_349_000));
    assert_eq!(q4.best_case_rollup, kr(1_749_000));
}

#[test]
fn targets_of_every_kind_by_hand() {
    let m = metrics();
    let kinds = |i: usize| -> Vec<(TargetKind, Figure, Figure, Figure, Option<bool>)> {
        m.targets[i]
            .kinds
            .iter()
            .map(|k| (k.kind, k.actual, k.pace, k.gap, k.on_track))
            .collect()
    };
    // October 2026, the company; the month is over, so the pace is the whole target.
    // Revenue: A2 100 000 (10-06) + A9 50 000 (10-20) = 150 000 ≥ 100 000.
    // New customers: C1's first win is A1 (August), C2's is A9 (October): 1.
    // New pipeline: created in October: A4 200 000; 100 000 short of 300 000.
    // Deals: A2 and A9 = 2 of 3.
    let october = &m.targets[0];
    assert_eq!(
        (october.start, october.end, october.scope),
        (date("2026-10-01"), date("2026-10-31"), "company")
    );
    assert_eq!(
        kinds(0),
        [
            (
                TargetKind::Revenue,
                Figure::Money(kr(150_000)),
                Figure::Money(kr(100_000)),
                Figure::Money(kr(0)),
                Some(true)
            ),
            (
                TargetKind::NewCustomers,
                Figure::Count(1),
                Figure::Count(1),
                Figure::Count(0),
                Some(true)
            ),
            (
                TargetKind::NewPipeline,
                Figure::Money(kr(200_000)),
                Figure::Money(kr(300_000)),
                Figure::Money(kr(100_000)),
                Some(false)
            ),
            (
                TargetKind::Deals,
                Figure::Count(2),
                Figure::Count(3),
                Figure::Count(1),
                Some(false)
            ),
        ]
    );
    // ISO week 46 of 2026 is Monday 11-09 to Sunday 11-15; team T (Anna) created
    // A5 400 000 on 11-10. All 7 days passed: pace = the whole 100 000.
    let week = &m.targets[1];
    assert_eq!(
        (week.start, week.end, week.scope_id.as_deref()),
        (date("2026-11-09"), date("2026-11-15"), Some("t"))
    );
    assert_eq!(
        kinds(1),
        [(
            TargetKind::NewPipeline,
            Figure::Money(kr(400_000)),
            Figure::Money(kr(100_000)),
            Figure::Money(kr(0)),
            Some(true)
        )]
    );
    // Q4 2026 for plan p: won in Q4 among its deals: A2 = 1 of 4. Q4 has 92 days,
    // 46 passed (10-01..11-15): pace 4 × 46 ÷ 92 = 2; gap 3.
    assert_eq!(
        kinds(2),
        [(
            TargetKind::Deals,
            Figure::Count(1),
            Figure::Count(2),
            Figure::Count(3),
            Some(false)
        )]
    );
}

#[test]
fn forecast_accuracy_by_hand() {
    let m = metrics();
    let [s] = m.forecast_accuracy.as_slice() else {
        panic!("one snapshot: {:?}", m.forecast_accuracy);
    };
    // The 2026-10-05 export, for Q4 2026. A6 was committed for 09-30 (Q3): left out.
    assert_eq!(
        (s.date, s.period.as_str(), s.start, s.end),
        (
            date("2026-10-05"),
            "2026-Q4",
            date("2026-10-01"),
            date("2026-12-31")
        )
    );
    // Anna: commit A2 100 000, won in Q4 (10-06): share 1. Best case (with commit):
    // A2 + A8 = 500 000, won 100 000: share 0.2. No slip. (A8 has left the export.)
    let anna = &s.by_seller[0];
    assert_eq!(
        (
            anna.commit.value,
            anna.commit.won_value,
            anna.commit.won_share
        ),
        (kr(100_000), kr(100_000), Some(1.0))
    );
    assert_eq!(
        (
            anna.best_case.value,
            anna.best_case.won_value,
            anna.best_case.won_share
        ),
        (kr(500_000), kr(100_000), Some(0.2))
    );
    assert_eq!((anna.slipped, anna.slip_rate), (0, Some(0.0)));
    // Bo: commit A4 200 000, still open, its close moved 11-30 → 12-10: slipped.
    // Best case: A4 + A9 = 250 000, of which A9 50 000 won (10-20): share 0.2.
    let bo = &s.by_seller[1];
    assert_eq!(
        (
            bo.commit.value,
            bo.commit.won_value,
            bo.slipped,
            bo.slip_rate
        ),
        (kr(200_000), kr(0), 1, Some(1.0))
    );
    assert_eq!(
        (bo.best_case.value, bo.best_case.won_value),
        (kr(250_000), kr(50_000))
    );
    // Total: commit 300 000, won 100 000 (share 1/3); best case 750 000, won
    // 150 000 (0.2); one of two committed deals slipped: 0.5.
    let t = &s.total;
    assert_eq!(
        (t.commit.count, t.commit.value, t.commit.won_value),
        (2, kr(300_000), kr(100_000))
    );
    assert_eq!(t.commit.won_share, Some(1.0 / 3.0));
    assert_eq!(
        (t.best_case.count, t.best_case.value, t.best_case.won_share),
        (4, kr(750_000), Some(0.2))
    );
    assert_eq!(t.slip_rate, Some(0.5));
    // One seller per team here, so the teams' lines are the sellers'.
    assert_eq!(s.by_team[0].commit, anna.commit);
    assert_eq!(s.by_team[1].best_case, bo.best_case);
}

/// With the fiscal year starting in May, 2026-11-15 lies in fiscal 2026/27 (from
/// 2026-05-01 to 2027-04-30), in its third quarter: November to January, from
/// 2026-11-01 to 2027-01-31. The built site's metrics.json says so.
#[test]
fn fiscal_year_from_may_sets_the_quarter_boundaries_on_the_built_site() {
    let model = project(5);
    let m = compute(&model, date("2026-11-15"));
    let theme = crate::theme::Theme::new(&[], crate::config::Language::En).expect("default theme");
    let files = crate::render::render(&model, &m, &theme, &crate::Options::new(m.as_of))
        .expect("site renders");
    let json = files
        .iter()
        .find(|f| f.path == "data/metrics.json")
        .expect("metrics.json");
    let json: serde_json::Value = serde_json::from_slice(&json.bytes).expect("json");
    let quarter = &json["quarter"];
    assert_eq!(quarter["period"], "2026-Q3");
    assert_eq!(quarter["label"], "Q3 2026/27");
    assert_eq!(quarter["start"], "2026-11-01");
    assert_eq!(quarter["end"], "2027-01-31");
    assert_eq!(json["year"]["label"], "2026/27");
    assert_eq!(json["year"]["start"], "2026-05-01");
    assert_eq!(json["year"]["end"], "2027-04-30");
    // Q1 May-Jul, Q2 Aug-Oct, Q3 Nov-Jan, Q4 Feb-Apr.
    let bounds: Vec<(String, String)> = json["year_quarters"]
        .as_array()
        .expect("quarters")
        .iter()
        .map(|q| (q["start"].to_string(), q["end"].to_string()))
        .collect();
    let expected = [
        ("2026-05-01", "2026-07-31"),
        ("2026-08-01", "2026-10-31"),
        ("2026-11-01", "2027-01-31"),
        ("2027-02-01", "2027-04-30"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| (format!("\"{a}\""), format!("\"{b}\"")))
        .collect();
    assert_eq!(bounds, expected);
    // The won values land in their fiscal quarters: A1 (08-10) in Q2 with A2
    // (10-06) and A9 (10-20): 300 000 + 100 000 + 50 000 = 450 000; none in Q3.
    assert_eq!(m.year_quarters[1].won_value, kr(450_000));
    assert_eq!(m.year_quarters[2].won_value, kr(0));
    // The tactics page names the quarters by the fiscal year.
    let tactics = files
        .iter()
        .find(|f| f.path == "tactics/index.html")
        .expect("tactics page");
    let html = String::from_utf8_lossy(&tactics.bytes);
    assert!(html.contains("Q3 2026/27"), "quarter label on tactics/");
    // The snapshot of 2026-10-05 falls in fiscal Q2 (Aug-Oct) under this calendar.
    assert_eq!(m.forecast_accuracy[0].period, "2026-Q2");
    assert_eq!(m.forecast_accuracy[0].end, date("2026-10-31"));
}

#[test]
fn forecast_accuracy_keeps_deals_of_no_seller_on_a_line_of_their_own() {
    // In the 2026-10-05 export A9 (best case, 50 000, won 10-20) belonged to "zed",
    // who is none of the sellers.
    let snapshot = SNAPSHOT.replace("A9,Nine,C2,b,", "A9,Nine,C2,zed,");
    assert_ne!(snapshot, SNAPSHOT);
    let m = compute(&project_with(1, &snapshot), date("2026-11-15"));
    let [s] = m.forecast_accuracy.as_slice() else {
        panic!("one snapshot: {:?}", m.forecast_accuracy);
    };
    // Bo keeps A4 alone: best case 200 000, nothing won.
    let bo = &s.by_seller[1];
    assert_eq!(
        (bo.best_case.value, bo.best_case.won_value),
        (kr(200_000), kr(0))
    );
    // The no-seller line: A9, 50 000 called and won: share 1.
    let nobody = s.by_seller.last().expect("lines");
    assert_eq!(nobody.key, crate::metrics::NO_SELLER);
    assert_eq!(
        (
            nobody.best_case.count,
            nobody.best_case.value,
            nobody.best_case.won_share
        ),
        (1, kr(50_000), Some(1.0))
    );
    assert_eq!(
        s.by_team.last().map(|t| t.key.as_str()),
        Some(crate::metrics::NO_SELLER)
    );
    // The total is as before, and the sum of the lines: best case 500 000 (Anna)
    // + 200 000 (Bo) + 50 000 = 750 000, won 100 000 + 0 + 50 000 = 150 000.
    assert_eq!(
        (s.total.best_case.value, s.total.best_case.won_value),
        (kr(750_000), kr(150_000))
    );
}
