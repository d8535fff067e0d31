//! Pipeline history from the snapshots: the trend of the open pipeline, in total and
//! per stage.

use chrono::NaiveDate;
use serde::Serialize;

use super::accum::PipelineSum;
use crate::model::{Deal, Model, Status};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnapshotPoint {
    pub date: NaiveDate,
    #[serde(flatten)]
    pub sum: PipelineSum,
    /// The same per stage, in pipeline order.
    pub by_stage: Vec<PipelineSum>,
}

#[derive(Debug, Clone, Serialize)]
pub struct History {
    /// Each snapshot up to the as-of date, oldest first, then the current export.
    pub points: Vec<SnapshotPoint>,
}

fn point(model: &Model, date: NaiveDate, deals: &[Deal]) -> SnapshotPoint {
    let mut by_stage = vec![PipelineSum::default(); model.strategy.stages.len()];
    for deal in deals.iter().filter(|d| d.status == Status::Open) {
        by_stage[deal.stage()].add(deal.amount(), model.probability(deal));
    }
    let mut sum = PipelineSum::default();
    by_stage.iter().for_each(|s| sum.merge(s));
    SnapshotPoint {
        date,
        sum,
        by_stage,
    }
}

pub fn compute(model: &Model, as_of: NaiveDate) -> History {
    let earlier: Vec<_> = model.snapshots.iter().filter(|s| s.date < as_of).collect();
    let mut points: Vec<SnapshotPoint> = earlier
        .iter()
        .map(|s| point(model, s.date, &s.deals))
        .collect();
    points.push(point(model, as_of, &model.deals));
    History { points }
}
