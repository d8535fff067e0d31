//! Each seller's focus: which open deals to work first and why ("time kills
//! deals"), and where the next krona of revenue is cheapest (`prospects`).
//!
//! A deal's place on the list comes from explicit rules, each with a weight set in
//! `[focus]`: the deal's score is the sum of the weights of the rules it hits, and
//! every hit keeps its reason so the page can say why the deal is there. Pure: reads
//! the model, the health flags and the snapshots; formats nothing.

mod prospects;
#[cfg(test)]
mod tests;

use rustc_hash::FxHashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::health::Health;
use crate::model::{Deal, Model, Status};
use crate::money::Money;

pub use prospects::{Prospect, Tier};

/// Why a deal is on the focus list: one per rule hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Reason {
    /// Rule 1: the next activity was due `days` days before the as-of date.
    Overdue { days: i64 },
    /// Rule 1: no next activity at all.
    NoNextActivity,
    /// Rule 2: expected to close this calendar month, on or after the as-of date,
    /// with no next activity on or after it.
    ClosingThisMonth,
    /// Rule 3: older than 1.5 × the mean won cycle.
    Aging { age_days: i64 },
    /// Rule 4: a value at or above the threshold at a probability at or above the
    /// configured one.
    LateStage { probability: u8 },
    /// Rule 5: the expected close moved later `times` times across the exports.
    Pushed { times: u64 },
}

impl Reason {
    pub fn label(self) -> &'static str {
        match self {
            Reason::Overdue { .. } => "next activity overdue",
            Reason::NoNextActivity => "no next activity",
            Reason::ClosingThisMonth => "closes this month, no next step booked",
            Reason::Aging { .. } => "older than 1.5 × the usual won cycle",
            Reason::LateStage { .. } => "high value at a late stage",
            Reason::Pushed { .. } => "close date pushed",
        }
    }
}

/// One rule a deal hits and the weight it adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub reason: Reason,
    pub weight: u32,
}

/// One open deal on a seller's focus list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FocusItem {
    pub deal: String,
    pub name: String,
    /// The sum of the hits' weights.
    pub score: u32,
    pub weighted_value: Money,
    pub hits: Vec<Hit>,
    /// Index into the model's deals.
    #[serde(skip)]
    pub index: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SellerFocus {
    /// Seller id.
    pub seller: String,
    /// Rule 4's value threshold (the same for every seller); `None` without open
    /// deals with a value and without a configured amount.
    pub late_stage_min_value: Option<Money>,
    /// Every open deal of the seller that hits a rule: highest score first, then
    /// highest weighted value, then id.
    #[serde(serialize_with = "super::first_entries_per_seller")]
    pub items: Vec<FocusItem>,
    pub item_count: usize,
    /// Tier 1, then 2, then 3, each in its own order.
    #[serde(serialize_with = "super::first_entries_per_seller")]
    pub prospects: Vec<Prospect>,
    pub prospect_count: usize,
}

/// The focus of every seller, in the strategy's order.
pub fn compute(
    model: &Model,
    as_of: NaiveDate,
    health: &Health,
    push_counts: &[(String, u64)],
) -> Vec<SellerFocus> {
    let threshold = late_stage_threshold(model);
    let pushes: FxHashMap<&str, u64> = push_counts
        .iter()
        .map(|(id, n)| (id.as_str(), *n))
        .collect();
    let book = prospects::Book::new(model, as_of);
    let mut items: Vec<Vec<FocusItem>> = vec![Vec::new(); model.strategy.sellers.len()];
    for (index, deal) in model.deals.iter().enumerate() {
        // A deal whose owner is none of the sellers is on no seller's page.
        let Some(owner) = deal.owner().filter(|_| deal.status == Status::Open) else {
            continue;
        };
        let hits = hits(model, as_of, health, threshold, &pushes, index);
        if hits.is_empty() {
            continue;
        }
        items[owner].push(FocusItem {
            deal: deal.id.to_string(),
            name: deal.name.to_string(),
            score: hits.iter().map(|h| h.weight).sum(),
            weighted_value: deal.amount().percent(model.probability(deal)),
            hits,
            index,
        });
    }
    model
        .strategy
        .sellers
        .iter()
        .zip(items)
        .enumerate()
        .map(|(seller, (s, mut items))| {
            items.sort_by(|a, b| {
                b.score
                    .cmp(&a.score)
                    .then(b.weighted_value.cmp(&a.weighted_value))
                    .then_with(|| a.deal.cmp(&b.deal))
            });
            let prospects = book.for_seller(model, as_of, seller);
            SellerFocus {
                seller: s.id.clone(),
                late_stage_min_value: threshold,
                item_count: items.len(),
                items,
                prospect_count: prospects.len(),
                prospects,
            }
        })
        .collect()
}

/// The configured amount, else the 75th percentile of the open deals' values by
/// nearest rank: the smallest value with at least three quarters of the values at
/// or below it (the ⌈0.75 n⌉-th smallest), so it is always one of the values and
/// exact. Deals without a value are left out.
fn late_stage_threshold(model: &Model) -> Option<Money> {
    if let Some(amount) = model.strategy.focus.late_stage_min_value {
        return Some(amount);
    }
    percentile_75(
        model
            .deals
            .iter()
            .filter(|d| d.status == Status::Open)
            .filter_map(|d| d.value)
            .collect(),
    )
}

fn percentile_75(mut values: Vec<Money>) -> Option<Money> {
    values.sort();
    let rank = (3 * values.len()).div_ceil(4);
    rank.checked_sub(1).and_then(|i| values.get(i)).copied()
}

/// The rules `model.deals[index]` hits, in rule order; a rule weighted 0 is off.
fn hits(
    model: &Model,
    as_of: NaiveDate,
    health: &Health,
    threshold: Option<Money>,
    pushes: &FxHashMap<&str, u64>,
    index: usize,
) -> Vec<Hit> {
    let deal: &Deal = &model.deals[index];
    let rules = &model.strategy.focus;
    let mut hits = Vec::new();
    let mut hit = |weight: u32, reason: Reason| {
        if weight > 0 {
            hits.push(Hit { reason, weight });
        }
    };
    match deal.next_activity {
        None => hit(rules.overdue_weight, Reason::NoNextActivity),
        Some(next) if next < as_of => hit(
            rules.overdue_weight,
            Reason::Overdue {
                days: (as_of - next).num_days(),
            },
        ),
        Some(_) => {}
    }
    let booked = deal.next_activity.is_some_and(|n| n >= as_of);
    let closes_this_month = deal
        .expected_close
        .is_some_and(|c| c >= as_of && c.year() == as_of.year() && c.month() == as_of.month());
    if closes_this_month && !booked {
        hit(rules.closing_weight, Reason::ClosingThisMonth);
    }
    if let Some(flags) = health.flags.get(index).filter(|f| f.aging) {
        hit(
            rules.aging_weight,
            Reason::Aging {
                age_days: flags.age_days,
            },
        );
    }
    let probability = model.probability(deal);
    let high = matches!((deal.value, threshold), (Some(v), Some(t)) if v >= t);
    if high && probability >= rules.late_stage_min_probability {
        hit(rules.late_stage_weight, Reason::LateStage { probability });
    }
    let times = pushes.get(&*deal.id).copied().unwrap_or(0);
    if times >= u64::from(rules.pushed_min_times) {
        hit(rules.pushed_weight, Reason::Pushed { times });
    }
    hits
}
