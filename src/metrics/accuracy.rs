//! Forecast accuracy across snapshots: of what stood in commit and in best case in
//! each earlier export, for the fiscal quarter containing that export's date, how
//! much has closed won in that quarter by the as-of date; and how many committed
//! deals slipped. The calibration a manager needs before trusting the next commit.
//!
//! Best case is cumulative, as in the forecast roll-ups: best case + commit. A deal
//! counts for the seller who owned it in the snapshot, and a seller's line for
//! their team, so the sellers' lines and the teams' lines each sum to the total.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Deal, ForecastCategory, Model, Status};
use crate::money::Money;
use crate::period::DateRange;

/// Deals called in one category, and how many of them have closed won in the period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Called {
    pub count: u64,
    pub value: Money,
    pub won_count: u64,
    pub won_value: Money,
    /// Won value ÷ called value.
    pub won_share: Option<f64>,
}

impl Called {
    fn add(&mut self, value: Money, won: bool) {
        self.count += 1;
        self.value += value;
        if won {
            self.won_count += 1;
            self.won_value += value;
        }
        self.won_share = self.won_value.ratio(self.value);
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccuracyLine {
    pub key: String,
    pub name: String,
    pub commit: Called,
    /// Best case + commit.
    pub best_case: Called,
    /// Committed deals whose expected close moved later, or out of the period.
    pub slipped: u64,
    /// Slipped ÷ committed deals.
    pub slip_rate: Option<f64>,
}

impl AccuracyLine {
    fn new(key: &str, name: &str) -> AccuracyLine {
        AccuracyLine {
            key: key.into(),
            name: name.into(),
            commit: Called::default(),
            best_case: Called::default(),
            slipped: 0,
            slip_rate: None,
        }
    }

    fn add(&mut self, category: ForecastCategory, value: Money, won: bool, slipped: bool) {
        self.best_case.add(value, won);
        if category == ForecastCategory::Commit {
            self.commit.add(value, won);
            self.slipped += u64::from(slipped);
        }
        self.slip_rate =
            (self.commit.count > 0).then(|| self.slipped as f64 / self.commit.count as f64);
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SnapshotAccuracy {
    pub date: NaiveDate,
    /// The fiscal quarter containing the snapshot's date, e.g. `2026-Q3`.
    pub period: String,
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub total: AccuracyLine,
    /// Every seller in the strategy's order, then the deals of no seller
    /// ([`super::NO_SELLER`]) when there are any.
    pub by_seller: Vec<AccuracyLine>,
    /// Every team in the strategy's order, then the deals of no seller.
    pub by_team: Vec<AccuracyLine>,
}

/// One line per snapshot dated before `as_of`, oldest first; empty when no
/// snapshot carries a forecast category.
/// `now`: the current deals by id.
pub fn compute(model: &Model, as_of: NaiveDate, now: &super::ById<'_>) -> Vec<SnapshotAccuracy> {
    let categorised = model
        .snapshots
        .iter()
        .any(|s| s.deals.iter().any(|d| d.forecast_category.is_some()));
    if !categorised {
        return Vec::new();
    }
    let strategy = &model.strategy;
    let calendar = strategy.calendar;
    model
        .snapshots
        .iter()
        .filter(|s| s.date < as_of)
        .filter_map(|snapshot| {
            let period = calendar.quarter_of(snapshot.date);
            let range = calendar.range(period)?;
            // One line per seller, then the deals of no seller (on a line of their
            // own when there are any), so that the lines sum to the total.
            let mut by_seller: Vec<AccuracyLine> = strategy
                .sellers
                .iter()
                .map(|s| AccuracyLine::new(&s.id, &s.name))
                .chain(std::iter::once(AccuracyLine::new(
                    super::NO_SELLER,
                    super::NO_SELLER_NAME,
                )))
                .collect();
            let without_seller = strategy.sellers.len();
            for then in &snapshot.deals {
                let (Status::Open, Some(expected), Some(category)) =
                    (then.status, then.expected_close, then.forecast_category)
                else {
                    continue;
                };
                if !range.contains(expected)
                    || !matches!(
                        category,
                        ForecastCategory::Commit | ForecastCategory::BestCase
                    )
                {
                    continue;
                }
                let current = now.get(&*then.id).copied();
                let won = current.is_some_and(|d| {
                    d.status == Status::Won
                        && d.closed.is_some_and(|c| range.contains(c) && c <= as_of)
                });
                by_seller[then.owner().unwrap_or(without_seller)].add(
                    category,
                    then.amount(),
                    won,
                    slipped(current, expected, range),
                );
            }
            let mut total = AccuracyLine::new("all", "All sellers");
            let mut by_team: Vec<AccuracyLine> = strategy
                .teams
                .iter()
                .map(|t| AccuracyLine::new(&t.id, &t.name))
                .collect();
            for (seller, line) in strategy.sellers.iter().zip(&by_seller) {
                merge(&mut total, line);
                if let Some(team) = by_team.get_mut(seller.team) {
                    merge(team, line);
                }
            }
            let nobody = by_seller.pop().filter(|l| l.best_case.count > 0);
            if let Some(nobody) = nobody {
                merge(&mut total, &nobody);
                by_team.push(nobody.clone());
                by_seller.push(nobody);
            }
            Some(SnapshotAccuracy {
                date: snapshot.date,
                period: period.to_string(),
                label: calendar.label(period),
                start: range.start,
                end: range.end,
                total,
                by_seller,
                by_team,
            })
        })
        .collect()
}

/// A committed deal slipped when it is now open with its expected close later than
/// then, missing, or outside the period, or when it closed after the period ended.
/// A deal no longer in the export has not slipped: nothing is known of it.
fn slipped(current: Option<&Deal>, expected_then: NaiveDate, range: DateRange) -> bool {
    match current {
        None => false,
        Some(d) if d.status == Status::Open => d
            .expected_close
            .is_none_or(|e| e > expected_then || !range.contains(e)),
        Some(d) => d.closed.is_some_and(|c| c > range.end),
    }
}

fn merge(into: &mut AccuracyLine, line: &AccuracyLine) {
    for (a, b) in [
        (&mut into.commit, &line.commit),
        (&mut into.best_case, &line.best_case),
    ] {
        a.count += b.count;
        a.value += b.value;
        a.won_count += b.won_count;
        a.won_value += b.won_value;
        a.won_share = a.won_value.ratio(a.value);
    }
    into.slipped += line.slipped;
    into.slip_rate =
        (into.commit.count > 0).then(|| into.slipped as f64 / into.commit.count as f64);
}
