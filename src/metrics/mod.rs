//! Metrics: every number the site shows, computed from the model for an as-of date.
//!
//! Pure functions over [`Model`]: no I/O, no formatting, exact money. Definitions
//! follow DESIGN.md and are restated on the report's definitions appendix. Figures
//! are built with the composable accumulators of `accum`, so each breakdown sums to
//! its total exactly. The whole [`Metrics`] value serialises as `data/metrics.json`.

mod accum;
mod accuracy;
mod conversion;
mod customers;
mod figures;
mod focus;
mod health;
mod history;
mod movement;
#[cfg(test)]
mod movement_tests;
mod pace;
mod people;
mod results;
mod strategic;
#[cfg(test)]
mod strategic_tests;
#[cfg(test)]
mod tactical_tests;
mod targets;
#[cfg(test)]
pub(crate) mod tests;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::model::{Model, Status};
use crate::money::Money;
use crate::period::Period;

pub use accum::{Outcomes, PipelineSum};
pub use accuracy::{AccuracyLine, Called, SnapshotAccuracy};
pub use conversion::{Conversion, StageConversion};
pub use customers::{AbcClass, CustomerValue};
pub use figures::{Value, value as figure_value};
pub use focus::{FocusItem, Hit, Prospect, Reason, SellerFocus, Tier};
pub use health::{DealFlags, Health, HygieneIssue};
pub use history::{History, SnapshotPoint};
pub use movement::{Bucket, Change, DealMovement, Movement, PeriodWaterfall, Slip};
pub use pace::PacePoint;
pub use people::{PlanMetrics, SegmentMetrics, SellerMetrics, TeamMetrics};
pub use results::{ForecastCategories, PeriodMetrics, Velocity};
pub use strategic::{
    LostReason, Move, OffShare, OffStrategy, Placement, StrategyChange, WinLoss, WinRate, size_band,
};
pub use targets::{Figure, KindResult, TargetKind, TargetMetrics};

#[derive(Debug, Clone, Serialize)]
pub struct Metrics {
    pub as_of: NaiveDate,
    pub currency: String,
    pub pipeline: Pipeline,
    /// The fiscal year containing the as-of date.
    pub year: PeriodMetrics,
    /// The fiscal quarter containing the as-of date.
    pub quarter: PeriodMetrics,
    /// The twelve months up to and including the as-of date.
    pub trailing_12_months: PeriodMetrics,
    /// Each quarter of the fiscal year: target, won so far and forecast.
    pub year_quarters: Vec<PeriodMetrics>,
    /// How far closed deals got, stage by stage.
    pub conversion: Conversion,
    /// Cumulative won value through the fiscal year against its target's pace.
    pub year_pace: Vec<PacePoint>,
    pub velocity: Velocity,
    pub health: Health,
    pub sellers: Vec<SellerMetrics>,
    /// The sellers' figures for the deals of no seller, when there are any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub without_seller: Option<SellerMetrics>,
    pub teams: Vec<TeamMetrics>,
    pub segments: Vec<SegmentMetrics>,
    pub plans: Vec<PlanMetrics>,
    /// Every `[[targets]]` entry against its actual figures, in the file's order.
    pub targets: Vec<TargetMetrics>,
    /// For each earlier snapshot: how its commit and best case turned out.
    pub forecast_accuracy: Vec<SnapshotAccuracy>,
    /// Every customer, highest won value first (in JSON: the first
    /// [`JSON_LIST_LIMIT`], with `customer_count`).
    #[serde(serialize_with = "first_entries")]
    pub customers: Vec<CustomerValue>,
    pub customer_count: usize,
    pub off_strategy: OffStrategy,
    pub win_loss: WinLoss,
    /// Present when built with `--compare-strategy`.
    pub strategy_change: Option<StrategyChange>,
    pub history: History,
    /// From the last meeting's export to now; `None` without an earlier snapshot.
    pub movement: Option<Movement>,
    /// Each seller's focus list and prospects, in the strategy's order.
    pub focus: Vec<SellerFocus>,
    /// The currencies other than the base that some deal (current or in a
    /// snapshot) was converted from, in order: for the pages' note on rates.
    #[serde(skip)]
    pub converted_from: Vec<String>,
}

/// One line of a pipeline breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    pub key: String,
    pub name: String,
    #[serde(flatten)]
    pub sum: PipelineSum,
}

#[derive(Debug, Clone, Serialize)]
pub struct Pipeline {
    #[serde(flatten)]
    pub total: PipelineSum,
    /// Every stage in pipeline order, empty ones included.
    pub by_stage: Vec<Breakdown>,
    /// Every seller in the strategy's order.
    pub by_owner: Vec<Breakdown>,
    /// Every segment in classification order, then "unsegmented".
    pub by_segment: Vec<Breakdown>,
    /// By month of expected close (`YYYY-MM`), then `none` for deals without one.
    pub by_close_month: Vec<Breakdown>,
    /// By age since created: 0-30, 31-90, 91-180, 181-365, over 365 days.
    pub by_age: Vec<Breakdown>,
}

pub const UNSEGMENTED: &str = "unsegmented";
pub const NO_CLOSE_DATE: &str = "none";
/// The `by_owner` line of open deals whose owner is none of the sellers.
pub const NO_SELLER: &str = "no-seller";
/// The name of the [`NO_SELLER`] lines (the site translates it).
pub const NO_SELLER_NAME: &str = "No seller";
const AGE_BUCKETS: [(i64, &str, &str); 5] = [
    (30, "0-30", "0–30 days"),
    (90, "31-90", "31–90 days"),
    (180, "91-180", "91–180 days"),
    (365, "181-365", "181–365 days"),
    (i64::MAX, "over-365", "over 365 days"),
];

/// Computes everything for `as_of`.
pub fn compute(model: &Model, as_of: NaiveDate) -> Metrics {
    compute_since(model, as_of, None)
}

/// Computes everything for `as_of`, with movement measured from the latest snapshot
/// on or before `since`. Without it, the last meeting's date is `as_of` less the
/// strategy's meeting cadence, and without a cadence, the latest snapshot before
/// `as_of` is used.
pub fn compute_since(model: &Model, as_of: NaiveDate, since: Option<NaiveDate>) -> Metrics {
    compute_between(model, as_of, since, None)
}

/// An export's deals by id.
pub(crate) type ById<'m> = rustc_hash::FxHashMap<&'m str, &'m crate::model::Deal>;

pub(crate) fn by_id(deals: &[crate::model::Deal]) -> ById<'_> {
    deals.iter().map(|d| (&*d.id, d)).collect()
}

/// The currencies deals were converted from, current and in snapshots, in order.
fn converted_from(model: &Model) -> Vec<String> {
    let used: std::collections::BTreeSet<&str> = model
        .deals
        .iter()
        .chain(model.snapshots.iter().flat_map(|s| &s.deals))
        .filter_map(|d| d.currency.as_deref())
        .collect();
    used.into_iter().map(str::to_string).collect()
}

/// As [`compute_since`], with the movement ending at the latest snapshot on or
/// before `until` instead of the current export: the movement between any two
/// exports.
pub fn compute_between(
    model: &Model,
    as_of: NaiveDate,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Metrics {
    let since = since.or_else(|| {
        let days = model.strategy.meeting_cadence_days?;
        as_of.checked_sub_days(chrono::Days::new(u64::from(days)))
    });
    let calendar = model.strategy.calendar;
    // The current deals by id, for every figure that follows a deal across
    // exports (pushes, accuracy, movement): built once, at a million deals 50 MB;
    // so are the lists of each seller's, segment's and plan's deals.
    let (((year, quarter), (trailing, lists)), (current, pushes)) = rayon::join(
        || {
            rayon::join(
                || {
                    rayon::join(
                        || results::for_period(model, as_of, calendar.year_of(as_of)),
                        || results::for_period(model, as_of, calendar.quarter_of(as_of)),
                    )
                },
                || {
                    rayon::join(
                        || results::trailing_year(model, as_of),
                        || people::Lists::of(model),
                    )
                },
            )
        },
        || {
            let current = by_id(&model.deals);
            let pushes = movement::pushes(model, &current);
            (current, pushes)
        },
    );
    let (current, lists) = (&current, &lists);
    let health = health::compute(model, as_of, &trailing.outcomes);
    let year_range = crate::period::DateRange {
        start: year.start,
        end: year.end,
    };
    let quarter_range = crate::period::DateRange {
        start: quarter.start,
        end: quarter.end,
    };

    // The rest are independent of each other: each task fills its own slot, on
    // whichever core is free (a million deals take seconds, not minutes).
    let (mut pipeline_, mut year_pace, mut velocity, mut sellers, mut focus) =
        (None, None, None, None, None);
    let (mut teams, mut segments, mut plans, mut targets, mut accuracy_) =
        (None, None, None, None, None);
    let (mut customers_, mut off_strategy, mut win_loss, mut strategy_change, mut history_) =
        (None, None, None, None, None);
    let (mut year_quarters, mut conversion_, mut movement_) = (None, None, None);
    rayon::scope(|s| {
        let health = &health;
        let year = &year;
        s.spawn(|_| pipeline_ = Some(pipeline(model, as_of)));
        s.spawn(|_| {
            year_pace = Some(pace::points(
                as_of,
                year_range,
                year.target,
                model.deals.iter(),
            ));
        });
        s.spawn(|_| velocity = Some(results::velocity(model, &year.outcomes)));
        s.spawn(|_| sellers = Some(people::sellers(model, as_of, health, lists)));
        s.spawn(|_| focus = Some(focus::compute(model, as_of, health, &pushes.0)));
        s.spawn(|_| teams = Some(people::teams(model, as_of, lists)));
        s.spawn(|_| segments = Some(people::segments(model, as_of, lists)));
        s.spawn(|_| plans = Some(people::plans(model, as_of, lists)));
        s.spawn(|_| targets = Some(targets::compute(model, as_of, lists)));
        s.spawn(|_| accuracy_ = Some(accuracy::compute(model, as_of, current)));
        s.spawn(|_| customers_ = Some(customers::values(model, as_of)));
        s.spawn(|_| off_strategy = Some(strategic::off_strategy(model, &health.flags)));
        s.spawn(|_| win_loss = Some(strategic::win_loss(model, as_of)));
        s.spawn(|_| strategy_change = Some(strategic::strategy_change(model)));
        s.spawn(|_| history_ = Some(history::compute(model, as_of)));
        s.spawn(|_| {
            let fiscal_year = year.period_year();
            year_quarters = Some(
                (1..=4)
                    .map(|q| {
                        let period = crate::period::Period::Quarter(fiscal_year, q);
                        results::for_period(model, as_of, period)
                    })
                    .collect(),
            );
        });
        s.spawn(|_| conversion_ = Some(conversion::compute(model)));
        s.spawn(|_| {
            let period = (quarter.label.clone(), quarter_range);
            let between = (since, until);
            movement_ = Some(movement::compute(
                model, as_of, between, period, &pushes, current,
            ));
        });
    });
    let (sellers, without_seller) = done(sellers);
    Metrics {
        converted_from: converted_from(model),
        as_of,
        currency: model.strategy.currency.clone(),
        pipeline: done(pipeline_),
        year_pace: done(year_pace),
        velocity: done(velocity),
        sellers,
        without_seller,
        focus: done(focus),
        teams: done(teams),
        segments: done(segments),
        plans: done(plans),
        targets: done(targets),
        forecast_accuracy: done(accuracy_),
        customer_count: model.customers.len(),
        customers: done(customers_),
        off_strategy: done(off_strategy),
        win_loss: done(win_loss),
        strategy_change: done(strategy_change),
        history: done(history_),
        year_quarters: done(year_quarters),
        conversion: done(conversion_),
        movement: done(movement_),
        year,
        quarter,
        trailing_12_months: trailing,
        health,
    }
}

/// Lists of single deals or customers in `metrics.json` stop at this many entries,
/// the largest or most urgent first (each list's own order); their counts stay
/// whole, and the full lists are the site's CSV downloads. So the file stays a few
/// megabytes however many deals there are.
pub const JSON_LIST_LIMIT: usize = 100;

/// Lists kept per seller (their focus items and prospects) stop here: there is one
/// such list for each seller, and the seller's page shows fewer.
pub const JSON_SELLER_LIST_LIMIT: usize = 20;

/// Serialises the first [`JSON_SELLER_LIST_LIMIT`] entries of a per-seller list.
pub(crate) fn first_entries_per_seller<T: Serialize, S: serde::Serializer>(
    list: &[T],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(list.iter().take(JSON_SELLER_LIST_LIMIT))
}

/// Serialises the first [`JSON_LIST_LIMIT`] entries of a list.
pub(crate) fn first_entries<T: Serialize, S: serde::Serializer>(
    list: &[T],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(list.iter().take(JSON_LIST_LIMIT))
}

/// A task's result after `rayon::scope`, which returns only when every task it
/// spawned has run.
fn done<T>(slot: Option<T>) -> T {
    slot.expect("rayon::scope runs every spawned task before it returns")
}

fn pipeline(model: &Model, as_of: NaiveDate) -> Pipeline {
    let strategy = &model.strategy;
    let mut total = PipelineSum::default();
    let mut stages = vec![PipelineSum::default(); strategy.stages.len()];
    // One line per seller, then the deals without one (no owner, or an owner
    // who is not among the sellers), so that the lines sum to the total.
    let mut owners = vec![PipelineSum::default(); strategy.sellers.len() + 1];
    let mut segments = vec![PipelineSum::default(); strategy.segments.len() + 1];
    let mut months: BTreeMap<String, PipelineSum> = BTreeMap::new();
    let mut ages = [PipelineSum::default(); AGE_BUCKETS.len()];
    for deal in model.deals.iter().filter(|d| d.status == Status::Open) {
        let (value, p) = (deal.amount(), model.probability(deal));
        total.add(value, p);
        stages[deal.stage()].add(value, p);
        owners[deal.owner().unwrap_or(strategy.sellers.len())].add(value, p);
        segments[model.segment(deal).unwrap_or(strategy.segments.len())].add(value, p);
        let month = deal
            .expected_close
            .map_or_else(|| "~".to_string(), month_key);
        months.entry(month).or_default().add(value, p);
        let age = (as_of - deal.created).num_days();
        let bucket = AGE_BUCKETS
            .iter()
            .position(|(max, _, _)| age <= *max)
            .unwrap_or(0);
        ages[bucket].add(value, p);
    }
    let line = |key: &str, name: &str, sum: &PipelineSum| Breakdown {
        key: key.into(),
        name: name.into(),
        sum: *sum,
    };
    let mut by_segment: Vec<Breakdown> = strategy
        .segments
        .iter()
        .zip(&segments)
        .map(|(s, sum)| line(&s.id, &s.name, sum))
        .collect();
    by_segment.push(line(
        UNSEGMENTED,
        "Unsegmented",
        &segments[strategy.segments.len()],
    ));
    let mut by_owner: Vec<Breakdown> = strategy
        .sellers
        .iter()
        .zip(&owners)
        .map(|(s, sum)| line(&s.id, &s.name, sum))
        .collect();
    let without_seller = &owners[strategy.sellers.len()];
    if without_seller.open_count > 0 {
        by_owner.push(line(NO_SELLER, NO_SELLER_NAME, without_seller));
    }
    Pipeline {
        total,
        by_stage: strategy
            .stages
            .iter()
            .zip(&stages)
            .map(|(s, sum)| line(&s.id, &s.name, sum))
            .collect(),
        by_owner,
        by_segment,
        // "~" sorts after every "YYYY-MM" key, so deals without a date come last.
        by_close_month: months
            .iter()
            .map(|(key, sum)| match key.as_str() {
                "~" => line(NO_CLOSE_DATE, "No expected close", sum),
                month => line(month, month, sum),
            })
            .collect(),
        by_age: AGE_BUCKETS
            .iter()
            .zip(&ages)
            .map(|((_, key, name), sum)| line(key, name, sum))
            .collect(),
    }
}

/// `2026-03` for any date in March 2026.
pub fn month_key(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// The period's company target, if the strategy sets one.
fn company_target(model: &Model, period: Option<Period>) -> Option<Money> {
    period.and_then(|p| {
        model
            .strategy
            .target(p, crate::strategy::TargetScope::Company)
    })
}
