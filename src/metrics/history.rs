//! Pipeline history from the snapshots: the trend of the open pipeline, and what
//! changed since the latest snapshot before the as-of date.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::accum::PipelineSum;
use crate::model::{Deal, Model, Status};
use crate::money::Money;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnapshotPoint {
    pub date: NaiveDate,
    #[serde(flatten)]
    pub sum: PipelineSum,
}

/// Deals that changed between the latest earlier snapshot and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SinceSnapshot {
    pub date: NaiveDate,
    pub open_then: PipelineSum,
    pub open_now: PipelineSum,
    /// Open now, absent then.
    pub new_count: u64,
    pub new_value: Money,
    /// Open then, won now.
    pub won_count: u64,
    pub won_value: Money,
    /// Open then, lost now.
    pub lost_count: u64,
    pub lost_value: Money,
    /// Open then, in a later stage now.
    pub advanced_count: u64,
    /// Open then and now, expected close moved later.
    pub pushed_count: u64,
    /// Open then, absent now.
    pub removed_count: u64,
    pub removed_value: Money,
}

#[derive(Debug, Clone, Serialize)]
pub struct History {
    /// Each snapshot up to the as-of date, oldest first, then the current export.
    pub points: Vec<SnapshotPoint>,
    pub since_last: Option<SinceSnapshot>,
}

fn open_sum(model: &Model, deals: &[Deal]) -> PipelineSum {
    let mut sum = PipelineSum::default();
    for deal in deals.iter().filter(|d| d.status == Status::Open) {
        sum.add(deal.amount(), model.probability(deal));
    }
    sum
}

pub fn compute(model: &Model, as_of: NaiveDate) -> History {
    let earlier: Vec<_> = model.snapshots.iter().filter(|s| s.date < as_of).collect();
    let mut points: Vec<SnapshotPoint> = earlier
        .iter()
        .map(|s| SnapshotPoint {
            date: s.date,
            sum: open_sum(model, &s.deals),
        })
        .collect();
    let open_now = open_sum(model, &model.deals);
    points.push(SnapshotPoint {
        date: as_of,
        sum: open_now,
    });
    let since_last = earlier.last().map(|snapshot| {
        let now: HashMap<&str, &Deal> = model.deals.iter().map(|d| (d.id.as_str(), d)).collect();
        let then: HashMap<&str, &Deal> = snapshot.deals.iter().map(|d| (d.id.as_str(), d)).collect();
        let mut since = SinceSnapshot {
            date: snapshot.date,
            open_then: open_sum(model, &snapshot.deals),
            open_now,
            new_count: 0,
            new_value: Money::ZERO,
            won_count: 0,
            won_value: Money::ZERO,
            lost_count: 0,
            lost_value: Money::ZERO,
            advanced_count: 0,
            pushed_count: 0,
            removed_count: 0,
            removed_value: Money::ZERO,
        };
        for deal in model.deals.iter().filter(|d| d.status == Status::Open && !then.contains_key(d.id.as_str())) {
            since.new_count += 1;
            since.new_value += deal.amount();
        }
        for old in snapshot.deals.iter().filter(|d| d.status == Status::Open) {
            match now.get(old.id.as_str()) {
                None => {
                    since.removed_count += 1;
                    since.removed_value += old.amount();
                }
                Some(new) => match new.status {
                    Status::Won => {
                        since.won_count += 1;
                        since.won_value += new.amount();
                    }
                    Status::Lost => {
                        since.lost_count += 1;
                        since.lost_value += new.amount();
                    }
                    Status::Open => {
                        since.advanced_count += u64::from(new.stage > old.stage);
                        since.pushed_count += u64::from(matches!((old.expected_close, new.expected_close), (Some(a), Some(b)) if b > a));
                    }
                },
            }
        }
        since
    });
    History { points, since_last }
}
