//! The value of a live figure named in markdown (see `crate::figures`).
//!
//! Each figure is computed from the model with the same accumulators as the pages,
//! so a figure in the narrative equals the one in the tables: `{{ won year }}` is the
//! year's won value on the report, `{{ open segment=x }}` the segment's open value.

use chrono::NaiveDate;

use super::accum::PipelineSum;
use super::results;
use crate::figures::{Kpi, Scope, When};
use crate::model::{Deal, Model, Status};
use crate::money::Money;
use crate::period::DateRange;
use crate::strategy::TargetScope;

/// A figure's value, to be formatted by the renderer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Money(Money),
    Count(u64),
    /// A ratio (1.0 is 100 %).
    Ratio(f64),
    Days(f64),
    Date(NaiveDate),
    /// Not defined for the period and scope: no target set, no deal closed.
    None,
}

/// The value of `kpi` for `when` and `scope`, as of `as_of`.
pub fn value(model: &Model, as_of: NaiveDate, kpi: Kpi, when: When, scope: Scope) -> Value {
    let include = |deal: &Deal| match scope {
        Scope::Company => true,
        Scope::Segment(s) => model.segment(deal) == Some(s),
        Scope::Seller(s) => deal.owner() == Some(s),
        Scope::Team(t) => model.seller(deal).is_some_and(|s| s.team == t),
    };
    if !kpi.takes_period() {
        let mut open = PipelineSum::default();
        for deal in model
            .deals
            .iter()
            .filter(|d| d.status == Status::Open && include(d))
        {
            open.add(deal.amount(), model.probability(deal));
        }
        return match kpi {
            Kpi::Open => Value::Money(open.open_value),
            Kpi::OpenCount => Value::Count(open.open_count),
            Kpi::Weighted => Value::Money(open.weighted_value),
            _ => Value::Date(as_of),
        };
    }
    let calendar = model.strategy.calendar;
    let period = match when {
        When::Year => Some(calendar.year_of(as_of)),
        When::Quarter => Some(calendar.quarter_of(as_of)),
        When::Trailing => None,
        When::Fixed(p) => Some(p),
    };
    let range = match period {
        Some(p) => calendar.range(p).unwrap_or(DateRange {
            start: as_of,
            end: as_of,
        }),
        None => results::trailing_range(as_of),
    };
    let target_scope = match scope {
        Scope::Company => TargetScope::Company,
        Scope::Segment(s) => TargetScope::Segment(s),
        Scope::Seller(s) => TargetScope::Seller(s),
        Scope::Team(t) => TargetScope::Team(t),
    };
    let target = period.and_then(|p| model.strategy.target(p, target_scope));
    let gathered = results::for_range(model, as_of, range, include);
    let m = results::assemble(model, period, String::new(), range, target, gathered);
    let money = |m: Option<Money>| m.map_or(Value::None, Value::Money);
    let ratio = |r: Option<f64>| r.map_or(Value::None, Value::Ratio);
    match kpi {
        Kpi::Won => Value::Money(m.won_value),
        Kpi::WonCount => Value::Count(m.won_count),
        Kpi::Lost => Value::Money(m.lost_value),
        Kpi::LostCount => Value::Count(m.lost_count),
        Kpi::WinRate => ratio(m.win_rate_count),
        Kpi::WinRateValue => ratio(m.win_rate_value),
        Kpi::AverageDeal => money(m.average_deal),
        Kpi::CycleDays => m.cycle_mean_days.map_or(Value::None, Value::Days),
        Kpi::Target => money(m.target),
        Kpi::Attainment => ratio(m.attainment),
        Kpi::Gap => money(m.gap),
        Kpi::Forecast => Value::Money(m.forecast),
        Kpi::Expected => Value::Money(m.expected.open_value),
        Kpi::Coverage => ratio(m.coverage),
        Kpi::PipelineNeeded => money(m.pipeline_needed),
        Kpi::Open | Kpi::OpenCount | Kpi::Weighted | Kpi::AsOf => Value::None,
    }
}

#[cfg(test)]
mod tests {
    //! On the fixture of `metrics::tests`, as of 2026-11-15 (fiscal year = calendar
    //! year). Won in 2026: D4 300 000 (closed 2026-03-03, created 2026-02-01, 30
    //! days) and D5 150 000 (2026-10-20, created 2026-05-01, 172 days); lost: D6
    //! 50 000. D7 80 000 was won 2025-12-20. Open: D1 100 000 (lead, 10 %, core,
    //! Anna, closes 2026-12-15), D2 200 000.50 (35 %, small, Bo, 2026-11-01), D3 no
    //! value (Anna, 2027-02-01).
    use super::*;
    use crate::figures::{Kpi, Scope, When};
    use crate::metrics::tests::{date, kr, project};
    use crate::period::Period;

    fn of(kpi: Kpi, when: When, scope: Scope) -> Value {
        value(&project(), date("2026-11-15"), kpi, when, scope)
    }

    fn company(kpi: Kpi, when: When) -> Value {
        of(kpi, when, Scope::Company)
    }

    #[test]
    fn the_year_by_default() {
        // 300 000 + 150 000 = 450 000 won, two deals; 50 000 lost, one deal.
        assert_eq!(company(Kpi::Won, When::Year), Value::Money(kr(45_000_000)));
        assert_eq!(company(Kpi::WonCount, When::Year), Value::Count(2));
        assert_eq!(company(Kpi::Lost, When::Year), Value::Money(kr(5_000_000)));
        assert_eq!(company(Kpi::LostCount, When::Year), Value::Count(1));
        // 2 of 3 closed deals; 450 000 of 500 000 closed value.
        assert_eq!(company(Kpi::WinRate, When::Year), Value::Ratio(2.0 / 3.0));
        assert_eq!(company(Kpi::WinRateValue, When::Year), Value::Ratio(0.9));
        // 450 000 ÷ 2; (30 + 172) ÷ 2 days.
        assert_eq!(
            company(Kpi::AverageDeal, When::Year),
            Value::Money(kr(22_500_000))
        );
        assert_eq!(company(Kpi::CycleDays, When::Year), Value::Days(101.0));
        // Target 1 000 000: 45 % attained, 550 000 to go.
        assert_eq!(
            company(Kpi::Target, When::Year),
            Value::Money(kr(100_000_000))
        );
        assert_eq!(company(Kpi::Attainment, When::Year), Value::Ratio(0.45));
        assert_eq!(company(Kpi::Gap, When::Year), Value::Money(kr(55_000_000)));
    }

    #[test]
    fn the_quarter_and_its_forecast() {
        // Q4: D5 won 150 000 against 300 000. D1 and D2 are expected in it: open
        // 300 000.50, weighted 10 000 + 70 000.18 (200 000.50 × 35 %, to the öre).
        assert_eq!(
            company(Kpi::Won, When::Quarter),
            Value::Money(kr(15_000_000))
        );
        assert_eq!(company(Kpi::Attainment, When::Quarter), Value::Ratio(0.5));
        assert_eq!(
            company(Kpi::Expected, When::Quarter),
            Value::Money(kr(30_000_050))
        );
        assert_eq!(
            company(Kpi::Forecast, When::Quarter),
            Value::Money(kr(23_000_018))
        );
        // 300 000.50 ÷ (300 000 − 150 000).
        assert_eq!(
            company(Kpi::Coverage, When::Quarter),
            Value::Ratio(30_000_050.0 / 15_000_000.0)
        );
    }

    #[test]
    fn fixed_and_rolling_periods() {
        // March 2026: D4 alone; no target is set for a month.
        let march = When::Fixed(Period::Month(2026, 3));
        assert_eq!(company(Kpi::Won, march), Value::Money(kr(30_000_000)));
        assert_eq!(company(Kpi::Target, march), Value::None);
        // 2025-11-16 to 2026-11-15 adds D7 (2025-12-20): 530 000 from three deals.
        assert_eq!(
            company(Kpi::Won, When::Trailing),
            Value::Money(kr(53_000_000))
        );
        assert_eq!(company(Kpi::WonCount, When::Trailing), Value::Count(3));
        // Nothing was lost in 2025.
        assert_eq!(
            company(Kpi::WinRate, When::Fixed(Period::Year(2025))),
            Value::Ratio(1.0)
        );
    }

    #[test]
    fn scopes() {
        // Anna (seller 0) won D4 300 000 against her own 600 000.
        assert_eq!(
            of(Kpi::Won, When::Year, Scope::Seller(0)),
            Value::Money(kr(30_000_000))
        );
        assert_eq!(
            of(Kpi::Attainment, When::Year, Scope::Seller(0)),
            Value::Ratio(0.5)
        );
        // Core (segment 0) holds D1 only: 100 000 open, 10 000 weighted.
        assert_eq!(
            of(Kpi::Open, When::Year, Scope::Segment(0)),
            Value::Money(kr(10_000_000))
        );
        assert_eq!(
            of(Kpi::OpenCount, When::Year, Scope::Segment(0)),
            Value::Count(1)
        );
        assert_eq!(
            of(Kpi::Weighted, When::Year, Scope::Segment(0)),
            Value::Money(kr(1_000_000))
        );
        // No segment target is set.
        assert_eq!(of(Kpi::Target, When::Year, Scope::Segment(0)), Value::None);
        // Both sellers are in team 0: the company's open 300 000.50.
        assert_eq!(
            of(Kpi::Open, When::Year, Scope::Team(0)),
            Value::Money(kr(30_000_050))
        );
        assert_eq!(
            company(Kpi::AsOf, When::Year),
            Value::Date(date("2026-11-15"))
        );
    }
}
