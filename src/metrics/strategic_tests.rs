//! The strategic audit, win/loss, strategy change, conversion and quarters, on the
//! fixture of `tests.rs` (expected figures worked out by hand in the comments).

use super::tests::*;
use super::*;

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
