//! Pipeline movement between two exports (by default an earlier one and now): what was new, won, lost,
//! advanced, moved back, pushed, pulled in, changed value or was removed.
//!
//! The waterfall reconciles by construction: every open deal at the start leaves
//! through exactly one of won, lost, removed or "still open" (whose value change is
//! up or down), and every open deal at the end that was not open at the start is
//! new. So start + new + up − down − won − lost − removed = end, to the öre. Won,
//! lost and removed count the value the deal had at the start. The period view does
//! the same for open value expected to close in one period, with deals moving in
//! (pulled in) and out (pushed out) of it.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::{Deal, Model, Snapshot, Status};
use crate::money::Money;
use crate::period::DateRange;

/// A count and the value it stands for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Bucket {
    pub count: u64,
    pub value: Money,
}

impl Bucket {
    fn add(&mut self, value: Money) {
        self.count += 1;
        self.value += value;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    New,
    Won,
    Lost,
    Removed,
    Advanced,
    MovedBack,
    Pushed,
    PulledIn,
    ValueUp,
    ValueDown,
}

impl Change {
    pub fn label(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Won => "won",
            Change::Lost => "lost",
            Change::Removed => "removed",
            Change::Advanced => "advanced",
            Change::MovedBack => "moved back",
            Change::Pushed => "close pushed",
            Change::PulledIn => "close pulled in",
            Change::ValueUp => "value up",
            Change::ValueDown => "value down",
        }
    }
}

/// What happened to one deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DealMovement {
    pub id: String,
    pub name: String,
    /// The seller's id; for a deal of no seller, the owner as the current export
    /// writes it, else empty.
    pub owner: String,
    pub changes: Vec<Change>,
    pub value_before: Option<Money>,
    pub value_after: Option<Money>,
    pub stage_before: Option<String>,
    pub stage_after: Option<String>,
    pub close_before: Option<NaiveDate>,
    pub close_after: Option<NaiveDate>,
}

/// The whole open pipeline's waterfall.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Waterfall {
    pub start: Bucket,
    pub new: Bucket,
    pub value_up: Bucket,
    pub value_down: Bucket,
    pub won: Bucket,
    pub lost: Bucket,
    pub removed: Bucket,
    pub end: Bucket,
}

/// Open value expected to close in one period, and how it moved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PeriodWaterfall {
    pub label: String,
    pub start: Bucket,
    pub new: Bucket,
    pub pulled_in: Bucket,
    pub pushed_out: Bucket,
    pub value_up: Bucket,
    pub value_down: Bucket,
    pub won: Bucket,
    pub lost: Bucket,
    pub removed: Bucket,
    pub end: Bucket,
}

/// Slip per seller across every pair of consecutive exports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slip {
    pub key: String,
    pub name: String,
    /// Times a deal was open in two consecutive exports with an expected close in both.
    pub observed: u64,
    /// Of those, times the expected close moved later.
    pub pushed: u64,
    pub slip_rate: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Movement {
    /// The earlier export's date.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub waterfall: Waterfall,
    pub period: PeriodWaterfall,
    pub advanced: u64,
    pub moved_back: u64,
    pub pushed: u64,
    pub pulled_in: u64,
    /// Every deal that changed, largest value first.
    #[serde(serialize_with = "super::first_entries")]
    pub deals: Vec<DealMovement>,
    pub deal_count: usize,
    /// Deal id → times its expected close moved later across all exports (≥ 1 only).
    #[serde(serialize_with = "super::first_entries")]
    pub push_counts: Vec<(String, u64)>,
    pub slip: Vec<Slip>,
}

fn open_value(deal: &Deal) -> Option<Money> {
    (deal.status == Status::Open).then(|| deal.amount())
}

/// Movement from the latest snapshot on or before `since` (default: the latest
/// before `as_of`) to the current export; `None` without such a snapshot.
pub fn compute(
    model: &Model,
    as_of: NaiveDate,
    (since, until): (Option<NaiveDate>, Option<NaiveDate>),
    period: (String, DateRange),
    pushes: &(Vec<(String, u64)>, Vec<Slip>),
    current: &super::ById<'_>,
) -> Option<Movement> {
    // The end: the current export, or the latest snapshot on or before `until`.
    let ended;
    let (to, end_deals, now): (NaiveDate, &[Deal], &super::ById<'_>) =
        match until.filter(|u| *u < as_of) {
            Some(until) => {
                let end = model.snapshots.iter().rev().find(|s| s.date <= until)?;
                ended = super::by_id(&end.deals);
                (end.date, &end.deals, &ended)
            }
            None => (as_of, &model.deals, current),
        };
    let limit = since.unwrap_or(to.pred_opt()?);
    let from: &Snapshot = model
        .snapshots
        .iter()
        .rev()
        .find(|s| s.date <= limit && s.date < to)?;
    let then: FxHashMap<&str, &Deal> = from.deals.iter().map(|d| (&*d.id, d)).collect();
    let (label, range) = period;
    let mut w = Waterfall::default();
    let mut p = PeriodWaterfall {
        label,
        ..PeriodWaterfall::default()
    };
    let in_period =
        |d: &Deal| d.status == Status::Open && d.expected_close.is_some_and(|c| range.contains(c));
    let mut deals = Vec::new();
    let (mut advanced, mut moved_back, mut pushed, mut pulled_in) = (0, 0, 0, 0);
    let stage_name = |d: &Deal| model.strategy.stages[d.stage()].name.clone();

    // Deals open at the start: each leaves through exactly one door.
    for old in from.deals.iter().filter(|d| d.status == Status::Open) {
        let start = old.amount();
        w.start.add(start);
        let was_in = in_period(old);
        if was_in {
            p.start.add(start);
        }
        let new = now.get(&*old.id).copied();
        let mut changes = Vec::new();
        match new.map(|d| d.status) {
            None => {
                w.removed.add(start);
                if was_in {
                    p.removed.add(start);
                }
                changes.push(Change::Removed);
            }
            Some(Status::Won) => {
                w.won.add(start);
                if was_in {
                    p.won.add(start);
                }
                changes.push(Change::Won);
            }
            Some(Status::Lost) => {
                w.lost.add(start);
                if was_in {
                    p.lost.add(start);
                }
                changes.push(Change::Lost);
            }
            Some(Status::Open) => {
                let deal = new?;
                let end = deal.amount();
                let is_in = in_period(deal);
                if end > start {
                    w.value_up.add(end - start);
                    changes.push(Change::ValueUp);
                } else if end < start {
                    w.value_down.add(start - end);
                    changes.push(Change::ValueDown);
                }
                match (was_in, is_in) {
                    (true, true) if end > start => p.value_up.add(end - start),
                    (true, true) if end < start => p.value_down.add(start - end),
                    (true, false) => p.pushed_out.add(start),
                    (false, true) => p.pulled_in.add(end),
                    _ => {}
                }
                if deal.stage > old.stage {
                    advanced += 1;
                    changes.push(Change::Advanced);
                } else if deal.stage < old.stage {
                    moved_back += 1;
                    changes.push(Change::MovedBack);
                }
                match (old.expected_close, deal.expected_close) {
                    (Some(a), Some(b)) if b > a => {
                        pushed += 1;
                        changes.push(Change::Pushed);
                    }
                    (Some(a), Some(b)) if b < a => {
                        pulled_in += 1;
                        changes.push(Change::PulledIn);
                    }
                    _ => {}
                }
            }
        }
        if !changes.is_empty() {
            changes.sort();
            deals.push(DealMovement {
                id: old.id.to_string(),
                name: new.map_or_else(|| old.name.to_string(), |d| d.name.to_string()),
                owner: model.owner_id(new.unwrap_or(old)).to_string(),
                changes,
                value_before: Some(start),
                value_after: new.and_then(open_value).or(new.map(Deal::amount)),
                stage_before: Some(stage_name(old)),
                stage_after: new.map(stage_name),
                close_before: old.expected_close,
                close_after: new.and_then(|d| d.expected_close.or(d.closed)),
            });
        }
    }
    // Deals open at the end that were not open at the start.
    for deal in end_deals.iter().filter(|d| d.status == Status::Open) {
        let end = deal.amount();
        w.end.add(end);
        if in_period(deal) {
            p.end.add(end);
        }
        if then
            .get(&*deal.id)
            .is_some_and(|d| d.status == Status::Open)
        {
            continue;
        }
        w.new.add(end);
        if in_period(deal) {
            p.new.add(end);
        }
        deals.push(DealMovement {
            id: deal.id.to_string(),
            name: deal.name.to_string(),
            owner: model.owner_id(deal).to_string(),
            changes: vec![Change::New],
            value_before: None,
            value_after: Some(end),
            stage_before: None,
            stage_after: Some(stage_name(deal)),
            close_before: None,
            close_after: deal.expected_close,
        });
    }
    let size = |d: &DealMovement| d.value_after.max(d.value_before).unwrap_or_default();
    deals.sort_by(|a, b| size(b).cmp(&size(a)).then_with(|| a.id.cmp(&b.id)));
    let (push_counts, slip) = pushes.clone();
    Some(Movement {
        from: from.date,
        to,
        waterfall: w,
        period: p,
        advanced,
        moved_back,
        pushed,
        pulled_in,
        deal_count: deals.len(),
        deals,
        push_counts,
        slip,
    })
}

/// Across every consecutive pair of exports (each snapshot, then the current one):
/// how often each deal's expected close moved later, and each seller's slip rate.
/// `current`: the current deals by id.
pub(super) fn pushes(model: &Model, current: &super::ById<'_>) -> (Vec<(String, u64)>, Vec<Slip>) {
    let mut exports: Vec<&[Deal]> = model.snapshots.iter().map(|s| s.deals.as_slice()).collect();
    exports.push(&model.deals);
    let mut counts: FxHashMap<&str, u64> = FxHashMap::default();
    // One line per seller, then the deals of no seller.
    let line = |key: &str, name: &str| Slip {
        key: key.into(),
        name: name.into(),
        observed: 0,
        pushed: 0,
        slip_rate: None,
    };
    let mut slip: Vec<Slip> = model
        .strategy
        .sellers
        .iter()
        .map(|s| line(&s.id, &s.name))
        .chain(std::iter::once(line(
            super::NO_SELLER,
            super::NO_SELLER_NAME,
        )))
        .collect();
    let without_seller = model.strategy.sellers.len();
    let last = exports.len().saturating_sub(2);
    for (i, pair) in exports.windows(2).enumerate() {
        let built;
        let later = match i == last {
            true => current,
            false => {
                built = super::by_id(pair[1]);
                &built
            }
        };
        for old in pair[0].iter().filter(|d| d.status == Status::Open) {
            let Some(new) = later.get(&*old.id).filter(|d| d.status == Status::Open) else {
                continue;
            };
            let (Some(a), Some(b)) = (old.expected_close, new.expected_close) else {
                continue;
            };
            let line = &mut slip[new.owner().unwrap_or(without_seller)];
            line.observed += 1;
            if b > a {
                line.pushed += 1;
                *counts.entry(&*old.id).or_default() += 1;
            }
        }
    }
    if slip.last().is_some_and(|l| l.observed == 0) {
        slip.pop();
    }
    for line in &mut slip {
        line.slip_rate = (line.observed > 0).then(|| line.pushed as f64 / line.observed as f64);
    }
    let mut counts: Vec<(String, u64)> = counts
        .into_iter()
        .map(|(id, n)| (id.to_string(), n))
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    (counts, slip)
}
