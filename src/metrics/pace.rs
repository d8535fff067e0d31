//! Pace through a period: cumulative won value against a target paced linearly.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::model::{Deal, Status};
use crate::money::Money;
use crate::period::DateRange;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PacePoint {
    pub date: NaiveDate,
    /// Won value closed from the period's start up to and including `date`.
    pub won: Money,
    /// The goal × days passed ÷ days in the period, rounded half up to the öre.
    pub pace: Option<Money>,
}

/// Points at the start of the period, at each month end inside it before `as_of`,
/// and at `as_of` (or the period's end, if earlier), for `deals`.
pub fn points<'m>(
    as_of: NaiveDate,
    range: DateRange,
    goal: Option<Money>,
    deals: impl Iterator<Item = &'m Deal>,
) -> Vec<PacePoint> {
    let last = as_of.min(range.end);
    if last < range.start {
        return Vec::new();
    }
    let mut dates = vec![range.start];
    let mut month_start =
        NaiveDate::from_ymd_opt(range.start.year(), range.start.month(), 1).unwrap_or(range.start);
    while let Some(next) = month_start.checked_add_months(Months::new(1)) {
        let month_end = next.pred_opt().unwrap_or(next);
        if month_end >= last {
            break;
        }
        if month_end > range.start {
            dates.push(month_end);
        }
        month_start = next;
    }
    if last > range.start {
        dates.push(last);
    }
    let mut won: Vec<(NaiveDate, Money)> = deals
        .filter(|d| d.status == Status::Won)
        .filter_map(|d| {
            d.closed
                .filter(|c| range.start <= *c && *c <= last)
                .map(|c| (c, d.amount()))
        })
        .collect();
    won.sort();
    let days = range.days();
    let mut cumulative = Money::ZERO;
    let mut next = won.iter().peekable();
    dates
        .into_iter()
        .map(|date| {
            while let Some((_, value)) = next.next_if(|(closed, _)| *closed <= date) {
                cumulative += *value;
            }
            let passed = (date - range.start).num_days() + 1;
            let pace = goal.map(|g| {
                let (num, den) = (i128::from(g.minor()) * i128::from(passed), i128::from(days));
                Money::from_minor(((2 * num + den) / (2 * den)) as i64)
            });
            PacePoint {
                date,
                won: cumulative,
                pace,
            }
        })
        .collect()
}
