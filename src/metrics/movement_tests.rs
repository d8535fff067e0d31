//! Movement, reconciliation properties and breakdown properties, on the fixture of
//! `tests.rs` (expected figures worked out by hand in the comments).

use super::tests::*;
use super::*;
use crate::load::SourceText;
use crate::model::Model;

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
        let customers: crate::model::CustomerIndex<'_> = [("C1", 0)].into_iter().collect();
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
