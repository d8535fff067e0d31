//! Every `[[targets]]` entry against what happened: for each kind it sets
//! (revenue, new customers, new pipeline, deal count), the actual figure in its
//! period and scope, the target paced linearly to the as-of date, and the gap.

use std::collections::HashMap;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use super::people::{Lists, deals_of};
use crate::model::{Deal, Model, Status};
use crate::money::Money;
use crate::strategy::{Target, TargetScope};

/// A money amount or a count: what a target kind is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Figure {
    Money(Money),
    Count(u64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// Won value of deals closed in the period.
    Revenue,
    /// Customers whose first won deal ever closed in the period.
    NewCustomers,
    /// Value of the deals created in the period, any status.
    NewPipeline,
    /// Won deals closed in the period.
    Deals,
}

impl TargetKind {
    pub fn label(self) -> &'static str {
        match self {
            TargetKind::Revenue => "Revenue",
            TargetKind::NewCustomers => "New customers",
            TargetKind::NewPipeline => "New pipeline",
            TargetKind::Deals => "Won deals",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindResult {
    pub kind: TargetKind,
    pub target: Figure,
    /// Up to the as-of date.
    pub actual: Figure,
    /// Actual ÷ target.
    pub attainment: Option<f64>,
    /// The target × days passed ÷ days in the period, rounded half up (to the öre
    /// or the whole count); the whole target once the period is over.
    pub pace: Figure,
    /// Actual at or above pace; `None` before the period starts.
    pub on_track: Option<bool>,
    /// Target − actual, never below zero.
    pub gap: Figure,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetMetrics {
    pub period: String,
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// `company`, `segment`, `team`, `seller` or `plan`.
    pub scope: &'static str,
    /// The scope's id; `None` for the company.
    pub scope_id: Option<String>,
    pub scope_name: String,
    pub kinds: Vec<KindResult>,
}

/// Every target in the file's order.
pub fn compute(model: &Model, as_of: NaiveDate, lists: &Lists) -> Vec<TargetMetrics> {
    let first_wins = first_wins(model, as_of);
    model
        .strategy
        .targets
        .par_iter()
        .filter_map(|t| one(model, as_of, t, &first_wins, lists))
        .collect()
}

/// Each customer's first won deal (earliest close, then id) up to `as_of`.
fn first_wins(model: &Model, as_of: NaiveDate) -> HashMap<usize, &Deal> {
    let mut first: HashMap<usize, &Deal> = HashMap::new();
    for deal in &model.deals {
        let (Some(customer), Status::Won, Some(closed)) =
            (deal.customer(), deal.status, deal.closed)
        else {
            continue;
        };
        if closed > as_of {
            continue;
        }
        let entry = first.entry(customer).or_insert(deal);
        if (closed, &deal.id) < (entry.closed.unwrap_or(closed), &entry.id) {
            *entry = deal;
        }
    }
    first
}

fn one(
    model: &Model,
    as_of: NaiveDate,
    target: &Target,
    first_wins: &HashMap<usize, &Deal>,
    lists: &Lists,
) -> Option<TargetMetrics> {
    let strategy = &model.strategy;
    let range = strategy.calendar.range(target.period)?;
    let in_scope = |d: &Deal| match target.scope {
        TargetScope::Company => true,
        TargetScope::Segment(s) => model.segment(d) == Some(s),
        TargetScope::Team(t) => model.seller(d).is_some_and(|s| s.team == t),
        TargetScope::Seller(s) => d.owner() == Some(s),
        TargetScope::Plan(p) => model.in_plan(d, p),
    };
    let closed_in = |d: &Deal| d.closed.is_some_and(|c| range.contains(c) && c <= as_of);
    let mut won = (0u64, Money::ZERO);
    let mut created = Money::ZERO;
    // The target's own deals, from the lists gathered once: exactly those
    // `in_scope` takes.
    let scoped: Box<dyn Iterator<Item = &Deal> + '_> = match target.scope {
        TargetScope::Seller(s) => Box::new(deals_of(model, &lists.owned[s])),
        TargetScope::Team(t) => Box::new(
            (0..strategy.sellers.len())
                .filter(move |&s| strategy.sellers[s].team == t)
                .flat_map(move |s| deals_of(model, &lists.owned[s])),
        ),
        TargetScope::Segment(s) => Box::new(deals_of(model, &lists.by_segment[s])),
        TargetScope::Plan(p) => Box::new(deals_of(model, &lists.by_plan[p])),
        TargetScope::Company => Box::new(model.deals.iter()),
    };
    for deal in scoped {
        if deal.status == Status::Won && closed_in(deal) {
            won.0 += 1;
            won.1 += deal.amount();
        }
        if range.contains(deal.created) && deal.created <= as_of {
            created += deal.amount();
        }
    }
    let new_customers = first_wins
        .values()
        .filter(|d| closed_in(d) && in_scope(d))
        .count() as u64;
    let passed = (as_of.min(range.end) - range.start).num_days() + 1;
    let pace = |whole: i64| -> i64 {
        let (num, den) = (
            i128::from(whole) * i128::from(passed.max(0)),
            i128::from(range.days()),
        );
        ((2 * num + den) / (2 * den)) as i64
    };
    let started = passed > 0;
    let mut kinds = Vec::new();
    if let Some(t) = target.revenue {
        kinds.push(money_kind(TargetKind::Revenue, t, won.1, &pace, started));
    }
    if let Some(t) = target.new_customers {
        kinds.push(count_kind(
            TargetKind::NewCustomers,
            t,
            new_customers,
            &pace,
            started,
        ));
    }
    if let Some(t) = target.new_pipeline {
        kinds.push(money_kind(
            TargetKind::NewPipeline,
            t,
            created,
            &pace,
            started,
        ));
    }
    if let Some(t) = target.deals {
        kinds.push(count_kind(TargetKind::Deals, t, won.0, &pace, started));
    }
    let (scope, scope_id, scope_name) = match target.scope {
        TargetScope::Company => ("company", None, "Company".to_string()),
        TargetScope::Segment(i) => {
            let s = &strategy.segments[i];
            ("segment", Some(s.id.clone()), s.name.clone())
        }
        TargetScope::Team(i) => {
            let t = &strategy.teams[i];
            ("team", Some(t.id.clone()), t.name.clone())
        }
        TargetScope::Seller(i) => {
            let s = &strategy.sellers[i];
            ("seller", Some(s.id.clone()), s.name.clone())
        }
        TargetScope::Plan(i) => {
            let p = &strategy.plans[i];
            ("plan", Some(p.id.clone()), p.name.clone())
        }
    };
    Some(TargetMetrics {
        period: target.period.to_string(),
        label: strategy.calendar.label(target.period),
        start: range.start,
        end: range.end,
        scope,
        scope_id,
        scope_name,
        kinds,
    })
}

fn money_kind(
    kind: TargetKind,
    target: Money,
    actual: Money,
    pace: &dyn Fn(i64) -> i64,
    started: bool,
) -> KindResult {
    let paced = Money::from_minor(pace(target.minor()));
    KindResult {
        kind,
        target: Figure::Money(target),
        actual: Figure::Money(actual),
        attainment: actual.ratio(target),
        pace: Figure::Money(paced),
        on_track: started.then_some(actual >= paced),
        gap: Figure::Money(if target > actual {
            target - actual
        } else {
            Money::ZERO
        }),
    }
}

fn count_kind(
    kind: TargetKind,
    target: u32,
    actual: u64,
    pace: &dyn Fn(i64) -> i64,
    started: bool,
) -> KindResult {
    let paced = u64::try_from(pace(i64::from(target))).unwrap_or(0);
    let target = u64::from(target);
    KindResult {
        kind,
        target: Figure::Count(target),
        actual: Figure::Count(actual),
        attainment: (target > 0).then(|| actual as f64 / target as f64),
        pace: Figure::Count(paced),
        on_track: started.then_some(actual >= paced),
        gap: Figure::Count(target.saturating_sub(actual)),
    }
}
