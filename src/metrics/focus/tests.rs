//! Focus lists and prospects on a tiny project, every expectation worked out by hand
//! in the comments. As of 2026-11-15 (a Sunday in November 2026).
//!
//! Stages: lead 10 %, offer 50 %, closing 80 %. Segments in classification order:
//! core (focus, industry Kemi), keep (maintain, industry Bygg), small
//! (deprioritised, under 50 employees).

use std::path::PathBuf;

use chrono::NaiveDate;

use super::*;
use crate::load::{Inputs, SourceText};
use crate::model;
use crate::strategy::Priority;

const STRATEGY: &str = r#"
[currency]
base = "SEK"
[direction]
statement = "s"
positioning = "p"
[thresholds]
stale_after_days = 30
coverage_goal = 3.0
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
id = "keep"
name = "Keep"
priority = "maintain"
why = "w"
identify = "i"
rules = [{ field = "industry", equals = "Bygg" }]
[[segments]]
id = "small"
name = "Small"
priority = "deprioritised"
why = "w"
identify = "i"
rules = [{ field = "employees", max = 49 }]
"#;

// C1, C4, C6, C7, C10 core; C2, C5, C8 keep; C3 small. C6 is Bo's, the rest Anna's.
const CUSTOMERS: &str = "\
id,name,industry,employees,owner
C1,Kemi AB,Kemi,100,a
C2,Bygg AB,Bygg,300,a
C3,Liten AB,Handel,10,a
C4,Alfa Kemi,Kemi,200,a
C5,Beta Bygg,Bygg,500,a
C6,Gamma Kemi,Kemi,80,b
C7,Delta Kemi,Kemi,90,a
C8,Ebygg AB,Bygg,250,a
C10,Beta Kemi,Kemi,60,a
";

const HEADER: &str = "id,name,customer_id,owner,stage,status,value,currency,probability,created,expected_close,closed,next_activity,last_activity,lost_reason,plan\n";

// Won in the last 12 months (from 2025-11-16): W1 in 60 days (2026-01-01 to
// 03-02), W2 in 100 days (04-01 to 07-10); mean 80, so a deal ages after
// 1.5 × 80 = 120 days. W3 closed before the window.
const DEALS: &str = "\
O1,Overdue and closing,C1,a,offer,open,200000,,,2026-09-01,2026-11-25,,2026-11-10,,,
O2,Aging and pushed,C1,a,lead,open,50000,,,2026-05-01,2027-01-31,,2026-11-20,,,
O3,Big offer,C4,a,closing,open,400000,,,2026-10-01,2026-12-20,,2026-11-18,,,
O4,No next step,C1,a,lead,open,10000,,,2026-11-01,2027-03-01,,,,,
O5,Quiet,C1,a,lead,open,20000,,,2026-11-01,2027-02-01,,2026-11-30,,,
O6,Bo's offer,C3,b,offer,open,300000,,,2026-10-15,2026-11-30,,2026-11-15,,,
W1,Won one,C2,a,closing,won,100000,,,2026-01-01,,2026-03-02,,,,
W2,Won two,C4,b,closing,won,50000,,,2026-04-01,,2026-07-10,,,,
W3,Won long ago,C5,a,closing,won,500000,,,2025-03-01,,2025-06-01,,,,
L1,Lost long ago,C5,a,offer,lost,70000,,,2025-10-01,,2026-04-01,,,Price,
L2,Lost lately,C7,a,offer,lost,90000,,,2026-05-01,,2026-08-01,,,Timing,
L3,Lost at a busy customer,C1,a,offer,lost,40000,,,2025-09-01,,2025-12-01,,,Price,
";

// O2's expected close: 2026-12-15, then 2027-01-15, now 2027-01-31 (later twice).
// O1's moved earlier (12-01 to 11-25); O3's later once (12-01 to 12-20).
const SNAPSHOT_1: &str = "\
O1,Overdue and closing,C1,a,lead,open,150000,,,2026-09-01,2026-12-01,,,,,
O2,Aging and pushed,C1,a,lead,open,50000,,,2026-05-01,2026-12-15,,,,,
";

const SNAPSHOT_2: &str = "\
O1,Overdue and closing,C1,a,offer,open,200000,,,2026-09-01,2026-11-25,,,,,
O2,Aging and pushed,C1,a,lead,open,50000,,,2026-05-01,2027-01-15,,,,,
O3,Big offer,C4,a,closing,open,400000,,,2026-10-01,2026-12-01,,,,,
O6,Bo's offer,C3,b,offer,open,300000,,,2026-10-15,2026-11-30,,,,,
";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn source(path: &str, text: String) -> SourceText {
    SourceText {
        path: PathBuf::from(path),
        text,
    }
}

fn export(path: &str, text: &str) -> crate::ingest::Source {
    crate::ingest::from_text(path, text).expect("a readable test export")
}

/// The project with `focus` (a `[focus]` table, or nothing) after the strategy.
fn focus_with(focus: &str) -> Vec<SellerFocus> {
    let mut problems = crate::error::Problems::default();
    let config = crate::config::parse(
        std::path::Path::new("pipepress.toml"),
        "[site]\ntitle = \"T\"\ncompany = \"C\"\n",
        &mut problems,
    );
    let snapshot = |day: &str, rows: &str| {
        (
            date(day),
            crate::load::Export::from_text(
                &format!("data/snapshots/{day}/deals.csv"),
                &format!("{HEADER}{rows}"),
            ),
        )
    };
    let inputs = Inputs {
        root: PathBuf::from("."),
        config,
        strategy: Some(source("strategy.toml", format!("{STRATEGY}{focus}"))),
        deals: Some(crate::load::Export::from_text(
            "data/deals.csv",
            &format!("{HEADER}{DEALS}"),
        )),
        customers: Some(export("data/customers.csv", CUSTOMERS)),
        snapshots: vec![
            snapshot("2026-10-01", SNAPSHOT_1),
            snapshot("2026-11-01", SNAPSHOT_2),
        ],
        content: Vec::new(),
        meetings: Vec::new(),
        templates: Vec::new(),
        compare_strategy: None,
        logo: None,
        files: Vec::new(),
        problems,
    };
    let model = model::resolve(inputs).unwrap_or_else(|e| panic!("fixture is valid: {e}"));
    crate::metrics::compute(&model, date("2026-11-15")).focus
}

fn kr(major: i64) -> Money {
    Money::from_major(major)
}

/// (deal, score, reasons) per item.
fn lines(focus: &SellerFocus) -> Vec<(&str, u32, Vec<Reason>)> {
    focus
        .items
        .iter()
        .map(|i| {
            (
                i.deal.as_str(),
                i.score,
                i.hits.iter().map(|h| h.reason).collect(),
            )
        })
        .collect()
}

#[test]
fn deals_are_ranked_by_the_sum_of_their_rules() {
    let focus = focus_with("");
    assert_eq!(focus.len(), 2);
    assert_eq!(
        (focus[0].seller.as_str(), focus[1].seller.as_str()),
        ("a", "b")
    );
    // Open values 10 000, 20 000, 50 000, 200 000, 300 000, 400 000: the 75th
    // percentile by nearest rank is the ⌈0.75 × 6⌉ = 5th smallest, 300 000.
    assert_eq!(focus[0].late_stage_min_value, Some(kr(300_000)));
    // O1: next activity 2026-11-10, 5 days overdue (5); closes 11-25, this month,
    //     with nothing booked from the 15th (4): 9.
    // O2: 198 days old (2026-05-01 to 11-15) > 120 (3); pushed twice (2): 5,
    //     weighted 50 000 × 10 % = 5 000.
    // O4: no next activity (5): 5, weighted 10 000 × 10 % = 1 000, so after O2.
    // O3: 400 000 ≥ 300 000 at 80 % ≥ 50 % (3); pushed only once: 3.
    // O5: next step booked, closes in February, 14 days old, small: not listed.
    assert_eq!(
        lines(&focus[0]),
        [
            (
                "O1",
                9,
                vec![Reason::Overdue { days: 5 }, Reason::ClosingThisMonth]
            ),
            (
                "O2",
                5,
                vec![Reason::Aging { age_days: 198 }, Reason::Pushed { times: 2 }]
            ),
            ("O4", 5, vec![Reason::NoNextActivity]),
            ("O3", 3, vec![Reason::LateStage { probability: 80 }]),
        ]
    );
    let o1 = &focus[0].items[0];
    // 200 000 × 50 %, and each hit keeps its weight.
    assert_eq!(o1.weighted_value, kr(100_000));
    assert_eq!(o1.hits.iter().map(|h| h.weight).collect::<Vec<_>>(), [5, 4]);
    // O6: 300 000 is exactly the threshold, at 50 %, exactly the minimum (3). Its
    // next activity is today: neither overdue nor missing, and it counts as booked,
    // so closing on 11-30 adds nothing.
    assert_eq!(
        lines(&focus[1]),
        [("O6", 3, vec![Reason::LateStage { probability: 50 }])]
    );
}

#[test]
fn prospects_come_in_three_tiers() {
    let focus = focus_with("");
    let tiers = |f: &SellerFocus| -> Vec<(u8, String, Tier)> {
        f.prospects
            .iter()
            .map(|p| (p.tier.number(), p.customer.clone(), p.tier.clone()))
            .collect()
    };
    // Anna's customers without an open deal: C2, C5, C7, C8, C10 (C1 has O1, C4 has
    // O3, C3 has Bo's O6 and is deprioritised anyway).
    // Tier 1, bought before: C2 (W1: 100 000, in the last 12 months) before C5 (W3:
    // 500 000, but before the window).
    // Tier 2, never won: focus before maintain, then by name: Beta Kemi (C10), Delta
    // Kemi (C7), then Ebygg AB (C8).
    // Tier 3: lost on or before 2026-11-15 − 180 days = 2026-05-19: L1 (04-01, at
    // C5). L2 (08-01) is too recent; L3's customer C1 has open deals.
    assert_eq!(
        tiers(&focus[0]),
        [
            (
                1,
                "C2".into(),
                Tier::BoughtBefore {
                    won_12_months: kr(100_000),
                    won_total: kr(100_000)
                }
            ),
            (
                1,
                "C5".into(),
                Tier::BoughtBefore {
                    won_12_months: kr(0),
                    won_total: kr(500_000)
                }
            ),
            (
                2,
                "C10".into(),
                Tier::NotWonYet {
                    priority: Priority::Focus
                }
            ),
            (
                2,
                "C7".into(),
                Tier::NotWonYet {
                    priority: Priority::Focus
                }
            ),
            (
                2,
                "C8".into(),
                Tier::NotWonYet {
                    priority: Priority::Maintain
                }
            ),
            (
                3,
                "C5".into(),
                Tier::LostToRevisit {
                    deal: "L1".into(),
                    value: kr(70_000),
                    lost_on: date("2026-04-01"),
                    index: 9
                }
            ),
        ]
    );
    // Bo owns only C6 (core, no deals at all).
    assert_eq!(
        tiers(&focus[1]),
        [(
            2,
            "C6".into(),
            Tier::NotWonYet {
                priority: Priority::Focus
            }
        )]
    );
}

#[test]
fn the_focus_table_overrides_the_defaults() {
    let focus = focus_with(
        "[focus]\noverdue_weight = 1\npushed_weight = 0\nlate_stage_min_value = 200000\nlate_stage_min_probability = 80\nrevisit_lost_after_days = 100\n",
    );
    assert_eq!(focus[0].late_stage_min_value, Some(kr(200_000)));
    // O1: overdue (1) + closing this month (4) = 5; 200 000 reaches the amount but
    //     50 % is under 80 %.
    // O3: 400 000 at 80 % (3), weighted 320 000. O2: aging (3), weighted 5 000; its
    //     pushes weigh 0, so the rule is off. O4: no next activity (1).
    assert_eq!(
        lines(&focus[0]),
        [
            (
                "O1",
                5,
                vec![Reason::Overdue { days: 5 }, Reason::ClosingThisMonth]
            ),
            ("O3", 3, vec![Reason::LateStage { probability: 80 }]),
            ("O2", 3, vec![Reason::Aging { age_days: 198 }]),
            ("O4", 1, vec![Reason::NoNextActivity]),
        ]
    );
    // O6 at 50 % is no longer late enough.
    assert!(focus[1].items.is_empty());
    // Lost on or before 2026-11-15 − 100 days = 2026-08-07: L2 (90 000, 08-01) and
    // L1 (70 000), largest first.
    let revisit: Vec<&str> = focus[0]
        .prospects
        .iter()
        .filter_map(|p| match &p.tier {
            Tier::LostToRevisit { deal, .. } => Some(deal.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(revisit, ["L2", "L1"]);
}

#[test]
fn reasons_serialise_with_their_rule_and_weight() {
    let focus = focus_with("");
    let json = serde_json::to_value(&focus[0].items[0]).expect("serialises");
    assert_eq!(
        json["hits"],
        serde_json::json!([
            { "rule": "overdue", "days": 5, "weight": 5 },
            { "rule": "closing_this_month", "weight": 4 },
        ])
    );
    let json = serde_json::to_value(&focus[0].prospects[5]).expect("serialises");
    assert_eq!(
        json,
        serde_json::json!({
            "customer": "C5", "name": "Beta Bygg", "segment": "keep",
            "tier": "lost_to_revisit", "deal": "L1", "value": 70000.0, "lost_on": "2026-04-01",
        })
    );
}

#[test]
fn the_threshold_is_a_value_of_the_data() {
    // ⌈0.75 × n⌉-th smallest: n = 1 → the value itself; n = 4 → the 3rd.
    let values = |v: &[i64]| v.iter().map(|&m| kr(m)).collect::<Vec<_>>();
    assert_eq!(percentile_75(values(&[])), None);
    assert_eq!(percentile_75(values(&[7])), Some(kr(7)));
    assert_eq!(percentile_75(values(&[40, 10, 30, 20])), Some(kr(30)));
    // n = 5: ⌈3.75⌉ = 4th smallest.
    assert_eq!(percentile_75(values(&[5, 1, 4, 2, 3])), Some(kr(4)));
}
