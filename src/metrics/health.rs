//! Pipeline health: stale, aging, hygiene and off-strategy deals.
//!
//! Per open deal, the flags the sales meeting and each seller act on, with the
//! reason for each, following DESIGN.md's definitions.

use chrono::NaiveDate;
use serde::Serialize;

use super::accum::Outcomes;
use crate::model::{Deal, Model, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HygieneIssue {
    MissingValue,
    MissingExpectedClose,
    MissingNextActivity,
    ExpectedClosePassed,
}

impl HygieneIssue {
    pub fn label(self) -> &'static str {
        match self {
            HygieneIssue::MissingValue => "no value",
            HygieneIssue::MissingExpectedClose => "no expected close",
            HygieneIssue::MissingNextActivity => "no next activity",
            HygieneIssue::ExpectedClosePassed => "expected close has passed",
        }
    }
}

/// What is wrong with one open deal.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DealFlags {
    pub stale: bool,
    pub aging: bool,
    pub off_strategy: bool,
    pub hygiene: Vec<HygieneIssue>,
    pub age_days: i64,
    /// Days since the last logged activity, when there is one.
    pub days_idle: Option<i64>,
}

impl DealFlags {
    pub fn any(&self) -> bool {
        self.stale || self.aging || self.off_strategy || !self.hygiene.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Health {
    pub stale_count: u64,
    pub aging_count: u64,
    pub hygiene_count: u64,
    pub off_strategy_count: u64,
    /// 1.5 × the mean cycle of deals won in the last 12 months.
    pub aging_after_days: Option<i64>,
    pub stale_after_days: i64,
    /// One entry per deal of the model, in its order (closed deals: no flags).
    #[serde(skip)]
    pub flags: Vec<DealFlags>,
}

pub fn compute(model: &Model, as_of: NaiveDate, trailing: &Outcomes) -> Health {
    let stale_after = model.strategy.thresholds.stale_after_days;
    // 1.5 × mean cycle = 3 × total ÷ (2 × count), rounded up to whole days (cycles
    // are never negative: a deal cannot close before it is created).
    let aging_after = match trailing.won_cycles.len() as i64 {
        0 => None,
        n => Some((3 * trailing.cycle_days_total() + 2 * n - 1) / (2 * n)),
    };
    let flags: Vec<DealFlags> = model
        .deals
        .iter()
        .map(|deal| match deal.status {
            Status::Open => flags(model, deal, as_of, stale_after, aging_after),
            _ => DealFlags::default(),
        })
        .collect();
    let count = |f: fn(&DealFlags) -> bool| flags.iter().filter(|d| f(d)).count() as u64;
    Health {
        stale_count: count(|f| f.stale),
        aging_count: count(|f| f.aging),
        hygiene_count: count(|f| !f.hygiene.is_empty()),
        off_strategy_count: count(|f| f.off_strategy),
        aging_after_days: aging_after,
        stale_after_days: stale_after,
        flags,
    }
}

fn flags(
    model: &Model,
    deal: &Deal,
    as_of: NaiveDate,
    stale_after: i64,
    aging_after: Option<i64>,
) -> DealFlags {
    let days_idle = deal.last_activity.map(|d| (as_of - d).num_days());
    let stale =
        deal.next_activity.is_none_or(|d| d < as_of) || days_idle.is_some_and(|d| d > stale_after);
    let age_days = (as_of - deal.created).num_days();
    let mut hygiene = Vec::new();
    if deal.value.is_none() {
        hygiene.push(HygieneIssue::MissingValue);
    }
    match deal.expected_close {
        None => hygiene.push(HygieneIssue::MissingExpectedClose),
        Some(d) if d < as_of => hygiene.push(HygieneIssue::ExpectedClosePassed),
        Some(_) => {}
    }
    if deal.next_activity.is_none() {
        hygiene.push(HygieneIssue::MissingNextActivity);
    }
    let off_strategy = model
        .segment(deal)
        .is_none_or(|s| !model.strategy.segments[s].priority.is_prioritised());
    DealFlags {
        stale,
        aging: aging_after.is_some_and(|limit| age_days > limit),
        off_strategy,
        hygiene,
        age_days,
        days_idle,
    }
}
