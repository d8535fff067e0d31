//! The strategic level's figures: the off-strategy audit, win/loss analysis, and
//! the impact of a strategy change.
//!
//! Off strategy means an open deal whose segment is none or a deprioritised one.
//! Win/loss looks at deals closed in the twelve months up to the as-of date.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::health::DealFlags;
use crate::model::{Deal, Model, Status};
use crate::money::Money;
use crate::strategy::{Priority, Strategy};

/// Off-strategy deals against all open deals, for one seller, team or the company.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OffShare {
    pub key: String,
    pub name: String,
    pub off_count: u64,
    pub off_value: Money,
    pub open_count: u64,
    pub open_value: Money,
    /// Off-strategy share of open deals, by count and by value.
    pub share_count: Option<f64>,
    pub share_value: Option<f64>,
}

impl OffShare {
    fn new(key: &str, name: &str) -> OffShare {
        OffShare {
            key: key.into(),
            name: name.into(),
            ..OffShare::default()
        }
    }

    fn add(&mut self, value: Money, off: bool) {
        self.open_count += 1;
        self.open_value += value;
        if off {
            self.off_count += 1;
            self.off_value += value;
        }
    }

    fn finish(mut self) -> OffShare {
        self.share_count =
            (self.open_count > 0).then(|| self.off_count as f64 / self.open_count as f64);
        self.share_value = self.off_value.ratio(self.open_value);
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct OffStrategy {
    #[serde(flatten)]
    pub total: OffShare,
    pub by_seller: Vec<OffShare>,
    pub by_team: Vec<OffShare>,
    /// Ids of the off-strategy open deals, largest first.
    #[serde(serialize_with = "super::first_entries")]
    pub deals: Vec<String>,
    /// The same deals as indexes into the model's deals.
    #[serde(skip)]
    pub indexes: Vec<usize>,
}

pub fn off_strategy(model: &Model, flags: &[DealFlags]) -> OffStrategy {
    let strategy = &model.strategy;
    let mut total = OffShare::new("all", "All sellers");
    let mut sellers: Vec<OffShare> = strategy
        .sellers
        .iter()
        .map(|s| OffShare::new(&s.id, &s.name))
        .collect();
    let mut teams: Vec<OffShare> = strategy
        .teams
        .iter()
        .map(|t| OffShare::new(&t.id, &t.name))
        .collect();
    // Deals whose owner is none of the sellers: a line of their own in both
    // tables, so that each sums to the total.
    let mut without_seller = OffShare::new(super::NO_SELLER, super::NO_SELLER_NAME);
    let mut off: Vec<(usize, &Deal)> = Vec::new();
    for (index, (deal, flags)) in model
        .deals
        .iter()
        .zip(flags)
        .enumerate()
        .filter(|(_, (d, _))| d.status == Status::Open)
    {
        let value = deal.amount();
        total.add(value, flags.off_strategy);
        match deal.owner() {
            Some(owner) => {
                sellers[owner].add(value, flags.off_strategy);
                if let Some(team) = teams.get_mut(strategy.sellers[owner].team) {
                    team.add(value, flags.off_strategy);
                }
            }
            None => without_seller.add(value, flags.off_strategy),
        }
        if flags.off_strategy {
            off.push((index, deal));
        }
    }
    off.sort_by(|(_, a), (_, b)| b.amount().cmp(&a.amount()).then_with(|| a.id.cmp(&b.id)));
    if without_seller.open_count > 0 {
        sellers.push(without_seller.clone());
        teams.push(without_seller);
    }
    OffStrategy {
        total: total.finish(),
        by_seller: sellers.into_iter().map(OffShare::finish).collect(),
        by_team: teams.into_iter().map(OffShare::finish).collect(),
        deals: off.iter().map(|(_, d)| d.id.to_string()).collect(),
        indexes: off.iter().map(|&(i, _)| i).collect(),
    }
}

/// Won and lost among closed deals of one kind (a segment, an offer, a size band).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WinRate {
    pub key: String,
    pub name: String,
    pub won_count: u64,
    pub won_value: Money,
    pub lost_count: u64,
    pub lost_value: Money,
    pub win_rate_count: Option<f64>,
    pub win_rate_value: Option<f64>,
}

impl WinRate {
    fn new(key: &str, name: &str) -> WinRate {
        WinRate {
            key: key.into(),
            name: name.into(),
            ..WinRate::default()
        }
    }

    fn add(&mut self, deal: &Deal) {
        match deal.status {
            Status::Won => {
                self.won_count += 1;
                self.won_value += deal.amount();
            }
            Status::Lost => {
                self.lost_count += 1;
                self.lost_value += deal.amount();
            }
            Status::Open => {}
        }
    }

    fn finish(mut self) -> WinRate {
        let closed = self.won_count + self.lost_count;
        self.win_rate_count = (closed > 0).then(|| self.won_count as f64 / closed as f64);
        self.win_rate_value = self.won_value.ratio(self.won_value + self.lost_value);
        self
    }
}

/// One lost reason: how often, for how much, and where deals were lost with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LostReason {
    pub reason: String,
    pub count: u64,
    pub value: Money,
    /// Counts per segment, in the order of [`WinLoss::segment_keys`].
    pub by_segment: Vec<u64>,
    /// Counts per stage reached, in the order of [`WinLoss::stage_keys`].
    pub by_stage: Vec<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WinLoss {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Segment ids in the strategy's order, then "unsegmented".
    pub segment_keys: Vec<String>,
    pub stage_keys: Vec<String>,
    /// Most frequent first; a lost deal without a reason counts as "(no reason given)".
    pub lost_reasons: Vec<LostReason>,
    pub by_segment: Vec<WinRate>,
    /// Offers in the strategy's order, then "no-offer" for deals that name none.
    pub by_offer: Vec<WinRate>,
    pub by_size: Vec<WinRate>,
}

/// Deal-size bands in whole currency units: (upper bound exclusive, key).
const SIZE_BANDS: [(i64, &str); 6] = [
    (100_000, "under-100k"),
    (250_000, "100k-250k"),
    (500_000, "250k-500k"),
    (1_000_000, "500k-1m"),
    (5_000_000, "1m-5m"),
    (i64::MAX, "5m-and-over"),
];

/// The size band of an amount: the index into the bands and its lower and upper
/// bound in whole units (upper `None` for the last).
pub fn size_band(value: Money) -> (usize, i64, Option<i64>) {
    let major = value.minor() / 100;
    let index = SIZE_BANDS
        .iter()
        .position(|(upper, _)| major < *upper)
        .unwrap_or(SIZE_BANDS.len() - 1);
    let lower = if index == 0 {
        0
    } else {
        SIZE_BANDS[index - 1].0
    };
    let upper = (index + 1 < SIZE_BANDS.len()).then_some(SIZE_BANDS[index].0);
    (index, lower, upper)
}

pub fn win_loss(model: &Model, as_of: NaiveDate) -> WinLoss {
    let strategy = &model.strategy;
    let start = as_of.checked_sub_days(Days::new(364)).unwrap_or(as_of);
    let closed: Vec<&Deal> = model
        .deals
        .iter()
        .filter(|d| d.status != Status::Open && d.closed.is_some_and(|c| start <= c && c <= as_of))
        .collect();
    let unsegmented = strategy.segments.len();
    let mut by_segment: Vec<WinRate> = strategy
        .segments
        .iter()
        .map(|s| WinRate::new(&s.id, &s.name))
        .collect();
    by_segment.push(WinRate::new(super::UNSEGMENTED, "Unsegmented"));
    let mut by_offer: Vec<WinRate> = strategy
        .offers
        .iter()
        .map(|o| WinRate::new(&o.id, &o.name))
        .collect();
    by_offer.push(WinRate::new("no-offer", "No offer named"));
    let mut by_size: Vec<WinRate> = SIZE_BANDS
        .iter()
        .map(|(_, key)| WinRate::new(key, key))
        .collect();
    let mut reasons: Vec<LostReason> = Vec::new();
    for deal in &closed {
        let segment = model.segment(deal).unwrap_or(unsegmented);
        by_segment[segment].add(deal);
        by_offer[deal.offer().unwrap_or(strategy.offers.len())].add(deal);
        by_size[size_band(deal.amount()).0].add(deal);
        if deal.status == Status::Lost {
            let reason = match deal.lost_reason.trim() {
                "" => "(no reason given)",
                text => text,
            };
            let row = match reasons.iter().position(|r| r.reason == reason) {
                Some(i) => &mut reasons[i],
                None => {
                    reasons.push(LostReason {
                        reason: reason.to_string(),
                        count: 0,
                        value: Money::ZERO,
                        by_segment: vec![0; unsegmented + 1],
                        by_stage: vec![0; strategy.stages.len()],
                    });
                    let last = reasons.len() - 1;
                    &mut reasons[last]
                }
            };
            row.count += 1;
            row.value += deal.amount();
            row.by_segment[segment] += 1;
            row.by_stage[deal.stage()] += 1;
        }
    }
    reasons.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.reason.cmp(&b.reason)));
    let mut segment_keys: Vec<String> = strategy.segments.iter().map(|s| s.id.clone()).collect();
    segment_keys.push(super::UNSEGMENTED.into());
    WinLoss {
        start,
        end: as_of,
        segment_keys,
        stage_keys: strategy.stages.iter().map(|s| s.id.clone()).collect(),
        lost_reasons: reasons,
        by_segment: by_segment.into_iter().map(WinRate::finish).collect(),
        by_offer: by_offer.into_iter().map(WinRate::finish).collect(),
        by_size: by_size.into_iter().map(WinRate::finish).collect(),
    }
}

/// Where a customer or deal sits under one strategy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Placement {
    /// Segment id, `None` when unsegmented.
    pub segment: Option<String>,
    pub priority: Option<Priority>,
}

impl Placement {
    fn of(strategy: &Strategy, segment: Option<usize>) -> Placement {
        Placement {
            segment: segment.map(|s| strategy.segments[s].id.clone()),
            priority: segment.map(|s| strategy.segments[s].priority),
        }
    }

    /// In a focus or maintain segment.
    pub fn is_prioritised(&self) -> bool {
        self.priority.is_some_and(Priority::is_prioritised)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    pub id: String,
    pub name: String,
    pub before: Placement,
    pub after: Placement,
    /// For deals: the open value that moves.
    pub value: Option<Money>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StrategyChange {
    /// The earlier strategy file, as given.
    pub compared_with: String,
    #[serde(serialize_with = "super::first_entries")]
    pub customers: Vec<Move>,
    pub customer_count: usize,
    #[serde(serialize_with = "super::first_entries")]
    pub deals: Vec<Move>,
    pub deal_count: usize,
    /// Open value of the deals that change segment or priority.
    pub value_moved: Money,
    /// Of it: open value that comes into a prioritised segment, and that leaves one.
    pub value_into_strategy: Money,
    pub value_out_of_strategy: Money,
}

/// Customers and open deals whose segment or priority differs between the earlier
/// strategy and the current one; `None` without an earlier strategy.
pub fn strategy_change(model: &Model) -> Option<StrategyChange> {
    let (path, previous) = model.previous_strategy.as_ref()?;
    let now = &model.strategy;
    let before: Vec<Option<usize>> = model
        .customers
        .iter()
        .map(|c| previous.classify(|f| c.field(f)))
        .collect();
    let mut customers = Vec::new();
    for (customer, before) in model.customers.iter().zip(&before) {
        let (was, is) = (
            Placement::of(previous, *before),
            Placement::of(now, customer.segment),
        );
        if was != is {
            customers.push(Move {
                id: customer.id.clone(),
                name: customer.name.clone(),
                before: was,
                after: is,
                value: None,
            });
        }
    }
    let mut change = StrategyChange {
        compared_with: path.display().to_string(),
        customer_count: customers.len(),
        customers,
        deals: Vec::new(),
        deal_count: 0,
        value_moved: Money::ZERO,
        value_into_strategy: Money::ZERO,
        value_out_of_strategy: Money::ZERO,
    };
    for deal in model.deals.iter().filter(|d| d.status == Status::Open) {
        // A deal's own segment id is looked up again in the earlier strategy.
        let earlier = match deal.segment() {
            Some(own) => previous.segment_index(&now.segments[own].id),
            None => deal.customer().and_then(|c| before[c]),
        };
        let (was, is) = (
            Placement::of(previous, earlier),
            Placement::of(now, model.segment(deal)),
        );
        if was == is {
            continue;
        }
        let value = deal.amount();
        change.value_moved += value;
        match (was.is_prioritised(), is.is_prioritised()) {
            (false, true) => change.value_into_strategy += value,
            (true, false) => change.value_out_of_strategy += value,
            _ => {}
        }
        change.deals.push(Move {
            id: deal.id.to_string(),
            name: deal.name.to_string(),
            before: was,
            after: is,
            value: Some(value),
        });
    }
    change
        .deals
        .sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.id.cmp(&b.id)));
    change.deal_count = change.deals.len();
    Some(change)
}
