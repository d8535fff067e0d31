//! Figures per seller, per segment and per tactical plan.

use chrono::NaiveDate;
use serde::Serialize;

use super::accum::PipelineSum;
use super::health::Health;
use super::results::{self, PeriodMetrics};
use crate::model::{Deal, Model, Status};
use crate::money::Money;
use crate::period::DateRange;
use crate::strategy::TargetScope;

#[derive(Debug, Clone, Serialize)]
pub struct SellerMetrics {
    pub id: String,
    pub name: String,
    pub team: String,
    pub pipeline: PipelineSum,
    /// The fiscal year, against the seller's own target.
    pub year: PeriodMetrics,
    pub stale_count: u64,
    pub aging_count: u64,
    pub hygiene_count: u64,
    pub off_strategy_count: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct TeamMetrics {
    pub id: String,
    pub name: String,
    pub pipeline: PipelineSum,
    /// The fiscal year; the target is the team's own revenue target, else the sum
    /// of the members' targets when every member has one.
    pub year: PeriodMetrics,
}

#[derive(Debug, Clone, Serialize)]
pub struct SegmentMetrics {
    pub id: String,
    pub name: String,
    /// `None` for the unsegmented line.
    pub priority: Option<crate::strategy::Priority>,
    pub customers: u64,
    pub pipeline: PipelineSum,
    /// The fiscal year, against the segment's own target.
    pub year: PeriodMetrics,
    pub trailing_12_months: PeriodMetrics,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanMetrics {
    pub id: String,
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub owner: String,
    /// Deals tied to the plan, any status.
    pub deal_count: u64,
    /// Tied deals won within the plan's period, up to the as-of date.
    pub won_count: u64,
    pub won_value: Money,
    pub open: PipelineSum,
    pub goal_revenue: Option<Money>,
    pub goal_deals: Option<u32>,
    /// Share of the plan's days passed at the as-of date, 0 to 1.
    pub elapsed: f64,
    /// The goal paced linearly over the period, at the as-of date.
    pub pace_revenue: Option<Money>,
    /// Won ÷ goal.
    pub progress: Option<f64>,
    /// Won at or above the linear pace.
    pub on_track: Option<bool>,
    /// Goal − won, never below zero.
    pub gap: Option<Money>,
    pub pace: Vec<super::pace::PacePoint>,
    /// The plan's period against `goal_revenue` as its target, for the plan's
    /// deals: won, forecast, coverage in both variants and the pipeline still needed.
    pub results: PeriodMetrics,
}

/// The deals of each seller, segment and plan (indexes into the model's deals,
/// in its order), gathered in one pass and once for every figure, so that a
/// seller's, team's, segment's or plan's figures cost its own deals.
pub struct Lists {
    /// Each seller's deals, then the deals of no seller.
    pub owned: Vec<Vec<usize>>,
    /// Each segment's deals, then the unsegmented.
    pub by_segment: Vec<Vec<usize>>,
    /// Each plan's deals (a deal may be in several plans that match by rules).
    pub by_plan: Vec<Vec<usize>>,
}

impl Lists {
    pub fn of(model: &Model) -> Lists {
        let strategy = &model.strategy;
        let (nobody, unsegmented) = (strategy.sellers.len(), strategy.segments.len());
        let mut lists = Lists {
            owned: vec![Vec::new(); nobody + 1],
            by_segment: vec![Vec::new(); unsegmented + 1],
            by_plan: vec![Vec::new(); strategy.plans.len()],
        };
        for (index, deal) in model.deals.iter().enumerate() {
            lists.owned[deal.owner().unwrap_or(nobody)].push(index);
            lists.by_segment[model.segment(deal).unwrap_or(unsegmented)].push(index);
            for (plan, list) in lists.by_plan.iter_mut().enumerate() {
                if model.in_plan(deal, plan) {
                    list.push(index);
                }
            }
        }
        lists
    }
}

/// The deals of a list of indexes.
pub(crate) fn deals_of<'m>(
    model: &'m Model,
    list: &'m [usize],
) -> impl Iterator<Item = &'m Deal> + Clone + 'm {
    list.iter().map(|&d| &model.deals[d])
}

/// A line's results for the fiscal year `period`, over its `range`.
fn fiscal_year_results(
    model: &Model,
    period: crate::period::Period,
    range: DateRange,
    target: Option<Money>,
    gathered: results::Gathered,
) -> PeriodMetrics {
    let label = model.strategy.calendar.label(period);
    results::assemble(model, Some(period), label, range, target, gathered)
}

/// Each seller's figures, in the strategy's order, and the same figures for the
/// deals of no seller (none when every deal has one).
pub fn sellers(
    model: &Model,
    as_of: NaiveDate,
    health: &Health,
    lists: &Lists,
) -> (Vec<SellerMetrics>, Option<SellerMetrics>) {
    let strategy = &model.strategy;
    let (period, range) = fiscal_year(strategy, as_of);
    let owned = &lists.owned;
    let line = |id: &str, name: &str, team: String, target, deals: &[usize]| {
        let gathered = results::for_deals(model, as_of, range, deals_of(model, deals));
        let mut pipeline = PipelineSum::default();
        let mut counts = [0u64; 4];
        for &d in deals {
            let (deal, flags) = (&model.deals[d], &health.flags[d]);
            if deal.status != Status::Open {
                continue;
            }
            pipeline.add(deal.amount(), model.probability(deal));
            for (count, flag) in counts.iter_mut().zip([
                flags.stale,
                flags.aging,
                !flags.hygiene.is_empty(),
                flags.off_strategy,
            ]) {
                *count += u64::from(flag);
            }
        }
        SellerMetrics {
            id: id.to_string(),
            name: name.to_string(),
            team,
            pipeline,
            year: fiscal_year_results(model, period, range, target, gathered),
            stale_count: counts[0],
            aging_count: counts[1],
            hygiene_count: counts[2],
            off_strategy_count: counts[3],
        }
    };
    let sellers = strategy
        .sellers
        .iter()
        .enumerate()
        .map(|(index, seller)| {
            let team = strategy
                .teams
                .get(seller.team)
                .map(|t| t.name.clone())
                .unwrap_or_default();
            let target = strategy.target(period, TargetScope::Seller(index));
            line(&seller.id, &seller.name, team, target, &owned[index])
        })
        .collect();
    let nobodys = &owned[strategy.sellers.len()];
    let without = (!nobodys.is_empty()).then(|| {
        let name = super::NO_SELLER_NAME;
        line(super::NO_SELLER, name, String::new(), None, nobodys)
    });
    (sellers, without)
}

/// Every segment in classification order, then the unsegmented ("unsegmented",
/// without a priority), so that the lines add up to the company's figures.
pub fn segments(model: &Model, as_of: NaiveDate, lists: &Lists) -> Vec<SegmentMetrics> {
    let strategy = &model.strategy;
    let (period, range) = fiscal_year(strategy, as_of);
    let trailing = super::results::trailing_range(as_of);
    let lines = strategy
        .segments
        .iter()
        .enumerate()
        .map(|(i, s)| (Some(i), s.id.as_str(), s.name.as_str(), Some(s.priority)));
    let unsegmented = std::iter::once((None, super::UNSEGMENTED, "Unsegmented", None));
    lines
        .chain(unsegmented)
        .zip(&lists.by_segment)
        .map(|((index, id, name, priority), deals)| {
            let target = index.and_then(|i| strategy.target(period, TargetScope::Segment(i)));
            let of_segment = deals_of(model, deals);
            let mut pipeline = PipelineSum::default();
            for deal in of_segment.clone().filter(|d| d.status == Status::Open) {
                pipeline.add(deal.amount(), model.probability(deal));
            }
            SegmentMetrics {
                id: id.to_string(),
                name: name.to_string(),
                priority,
                customers: model
                    .customers
                    .iter()
                    .filter(|c| c.segment == index)
                    .count() as u64,
                pipeline,
                year: fiscal_year_results(
                    model,
                    period,
                    range,
                    target,
                    results::for_deals(model, as_of, range, of_segment.clone()),
                ),
                trailing_12_months: results::assemble(
                    model,
                    None,
                    "Last 12 months".into(),
                    trailing,
                    None,
                    results::for_deals(model, as_of, trailing, of_segment),
                ),
            }
        })
        .collect()
}

pub fn plans(model: &Model, as_of: NaiveDate, lists: &Lists) -> Vec<PlanMetrics> {
    let strategy = &model.strategy;
    strategy
        .plans
        .iter()
        .zip(&lists.by_plan)
        .map(|(plan, deals)| {
            let range = DateRange {
                start: plan.start,
                end: plan.end,
            };
            let tied = || deals_of(model, deals);
            let (mut won_count, mut won_value, mut open) = (0, Money::ZERO, PipelineSum::default());
            for deal in tied() {
                match (deal.status, deal.closed) {
                    (Status::Won, Some(c)) if range.contains(c) && c <= as_of => {
                        won_count += 1;
                        won_value += deal.amount();
                    }
                    (Status::Open, _) => open.add(deal.amount(), model.probability(deal)),
                    _ => {}
                }
            }
            let passed = (as_of.min(plan.end) - plan.start).num_days() + 1;
            let elapsed = (passed.max(0) as f64 / range.days() as f64).clamp(0.0, 1.0);
            let pace = super::pace::points(as_of, range, plan.goal_revenue, tied());
            // The pace at the as-of date (or the plan's end); zero before it starts.
            let pace_revenue = plan
                .goal_revenue
                .map(|_| pace.last().and_then(|p| p.pace).unwrap_or(Money::ZERO));
            let results = results::assemble(
                model,
                None,
                format!("{} – {}", plan.start, plan.end),
                range,
                plan.goal_revenue,
                results::for_deals(model, as_of, range, tied()),
            );
            PlanMetrics {
                id: plan.id.clone(),
                name: plan.name.clone(),
                start: plan.start,
                end: plan.end,
                owner: plan
                    .owner
                    .and_then(|o| strategy.sellers.get(o))
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                deal_count: deals.len() as u64,
                won_count,
                won_value,
                open,
                goal_revenue: plan.goal_revenue,
                goal_deals: plan.goal_deals,
                elapsed,
                pace_revenue,
                progress: plan.goal_revenue.and_then(|g| won_value.ratio(g)),
                on_track: pace_revenue.map(|pace| won_value >= pace),
                gap: plan.goal_revenue.map(|g| {
                    if g > won_value {
                        g - won_value
                    } else {
                        Money::ZERO
                    }
                }),
                pace,
                results,
            }
        })
        .collect()
}

pub fn teams(model: &Model, as_of: NaiveDate, lists: &Lists) -> Vec<TeamMetrics> {
    let strategy = &model.strategy;
    let (period, range) = fiscal_year(strategy, as_of);
    let owned = &lists.owned;
    strategy
        .teams
        .iter()
        .enumerate()
        .map(|(index, team)| {
            let members: Vec<usize> = (0..strategy.sellers.len())
                .filter(|&s| strategy.sellers[s].team == index)
                .collect();
            let targets: Option<Vec<Money>> = members
                .iter()
                .map(|&s| strategy.target(period, TargetScope::Seller(s)))
                .collect();
            let target = strategy
                .target(period, TargetScope::Team(index))
                .or_else(|| {
                    targets
                        .filter(|t| !t.is_empty())
                        .map(|t| t.into_iter().sum())
                });
            let theirs = || (members.iter()).flat_map(|&s| deals_of(model, &owned[s]));
            let mut pipeline = PipelineSum::default();
            for deal in theirs().filter(|d| d.status == Status::Open) {
                pipeline.add(deal.amount(), model.probability(deal));
            }
            let gathered = results::for_deals(model, as_of, range, theirs());
            TeamMetrics {
                id: team.id.clone(),
                name: team.name.clone(),
                pipeline,
                year: fiscal_year_results(model, period, range, target, gathered),
            }
        })
        .collect()
}

/// The fiscal year containing `as_of` and its dates.
fn fiscal_year(
    strategy: &crate::strategy::Strategy,
    as_of: NaiveDate,
) -> (crate::period::Period, DateRange) {
    let period = strategy.calendar.year_of(as_of);
    let range = strategy.calendar.range(period).unwrap_or(DateRange {
        start: as_of,
        end: as_of,
    });
    (period, range)
}
