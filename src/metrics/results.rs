//! Results for a period: won and lost, rates, cycle, target, forecast and coverage.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::accum::{Outcomes, PipelineSum};
use crate::model::{Deal, ForecastCategory, Model, Status};
use crate::money::Money;
use crate::period::{DateRange, Period};

#[derive(Debug, Clone, Serialize)]
pub struct PeriodMetrics {
    /// `2026` or `2026-Q4`; `None` for a rolling window.
    pub period: Option<String>,
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub won_count: u64,
    pub won_value: Money,
    pub lost_count: u64,
    pub lost_value: Money,
    pub win_rate_count: Option<f64>,
    pub win_rate_value: Option<f64>,
    pub average_deal: Option<Money>,
    pub cycle_mean_days: Option<f64>,
    pub cycle_median_days: Option<f64>,
    pub target: Option<Money>,
    /// Won ÷ target.
    pub attainment: Option<f64>,
    /// Target − won: negative once the target is passed.
    pub gap: Option<Money>,
    /// Target − won, never below zero.
    pub remaining_target: Option<Money>,
    /// Open deals expected to close in the period.
    pub expected: PipelineSum,
    /// Won + weighted value of open deals expected to close in the period.
    pub forecast: Money,
    /// Forecast ÷ target.
    pub forecast_attainment: Option<f64>,
    /// Open value expected in the period ÷ remaining target; `None` without a
    /// target or once it is reached. The variant the site shows.
    pub coverage: Option<f64>,
    /// Open value expected in the period ÷ the whole target: the other common variant.
    pub coverage_of_target: Option<f64>,
    pub coverage_goal: f64,
    /// New pipeline still needed to reach the target at the period's win rate by
    /// value: remaining target ÷ win rate − open value expected in the period, never
    /// below zero; `None` without a target or without a win in the period.
    pub pipeline_needed: Option<Money>,
    /// The last day new pipeline can be created and still close in the period at
    /// the period's mean won cycle: the end less the mean cycle, rounded up to whole
    /// days; `None` when no pipeline is needed or there is no cycle.
    pub pipeline_needed_by: Option<NaiveDate>,
    /// Forecast categories of the open deals expected in the period and their
    /// roll-ups; `None` when no deal of the export carries a category.
    pub forecast_categories: Option<ForecastCategories>,
    #[serde(skip)]
    pub outcomes: Outcomes,
}

/// Open deals expected in a period by forecast category, and the cumulative
/// roll-ups. An open deal without a category counts as pipeline; closed is the won
/// value of the period, so each roll-up is a sum of parts shown beside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ForecastCategories {
    pub pipeline: PipelineSum,
    pub best_case: PipelineSum,
    pub commit: PipelineSum,
    /// Won value closed in the period up to the as-of date.
    pub closed: Money,
    /// Commit + closed (open value).
    pub commit_rollup: Money,
    /// Best case + commit + closed.
    pub best_case_rollup: Money,
    /// Pipeline + best case + commit + closed.
    pub pipeline_rollup: Money,
}

impl ForecastCategories {
    fn add(&mut self, deal: &Deal, probability: u8) {
        let line = match deal.forecast_category {
            Some(ForecastCategory::Commit) => &mut self.commit,
            Some(ForecastCategory::BestCase) => &mut self.best_case,
            _ => &mut self.pipeline,
        };
        line.add(deal.amount(), probability);
    }

    fn roll_up(mut self, closed: Money) -> ForecastCategories {
        self.closed = closed;
        self.commit_rollup = closed + self.commit.open_value;
        self.best_case_rollup = self.commit_rollup + self.best_case.open_value;
        self.pipeline_rollup = self.best_case_rollup + self.pipeline.open_value;
        self
    }
}

/// What [`for_range`] gathers for [`assemble`].
#[derive(Debug, Clone, Default)]
pub struct Gathered {
    outcomes: Outcomes,
    expected: PipelineSum,
    categories: ForecastCategories,
}

impl PeriodMetrics {
    /// The fiscal year this period belongs to (for a rolling window, the end's year).
    pub fn period_year(&self) -> i32 {
        self.period
            .as_deref()
            .and_then(Period::parse)
            .map_or_else(|| chrono::Datelike::year(&self.end), Period::fiscal_year)
    }
}

/// Won and lost deals closed in `range` up to `as_of`, and open deals expected to
/// close in it, among the deals `include` accepts.
pub fn for_range(
    model: &Model,
    as_of: NaiveDate,
    range: DateRange,
    include: impl Fn(&Deal) -> bool,
) -> Gathered {
    for_deals(
        model,
        as_of,
        range,
        model.deals.iter().filter(|d| include(d)),
    )
}

/// [`for_range`] over the given deals (a seller's, gathered once for all sellers).
pub fn for_deals<'m>(
    model: &Model,
    as_of: NaiveDate,
    range: DateRange,
    deals: impl Iterator<Item = &'m Deal>,
) -> Gathered {
    let mut outcomes = Outcomes::default();
    let mut expected = PipelineSum::default();
    let mut categories = ForecastCategories::default();
    for deal in deals {
        match (deal.status, deal.closed) {
            (Status::Won, Some(closed)) if range.contains(closed) && closed <= as_of => {
                outcomes.add_won(deal.amount(), (closed - deal.created).num_days());
            }
            (Status::Lost, Some(closed)) if range.contains(closed) && closed <= as_of => {
                outcomes.add_lost(deal.amount());
            }
            (Status::Open, _) if deal.expected_close.is_some_and(|d| range.contains(d)) => {
                expected.add(deal.amount(), model.probability(deal));
                categories.add(deal, model.probability(deal));
            }
            _ => {}
        }
    }
    Gathered {
        outcomes,
        expected,
        categories,
    }
}

/// Whether any deal of the current export carries a forecast category.
pub fn has_categories(model: &Model) -> bool {
    model.deals.iter().any(|d| d.forecast_category.is_some())
}

/// Assembles a period's figures from what [`for_range`] gathered.
pub fn assemble(
    model: &Model,
    period: Option<Period>,
    label: String,
    range: DateRange,
    target: Option<Money>,
    gathered: Gathered,
) -> PeriodMetrics {
    let Gathered {
        outcomes,
        expected,
        categories,
    } = gathered;
    let won = outcomes.won_value;
    let remaining = target.map(|t| if t > won { t - won } else { Money::ZERO });
    let forecast = won + expected.weighted_value;
    let pipeline_needed =
        remaining.and_then(|r| pipeline_needed(r, &outcomes, expected.open_value));
    let pipeline_needed_by = pipeline_needed.filter(|n| *n > Money::ZERO).and_then(|_| {
        let cycle = outcomes.cycle_mean()?.ceil();
        (cycle.is_finite() && cycle >= 0.0)
            .then(|| range.end.checked_sub_days(Days::new(cycle as u64)))
            .flatten()
    });
    PeriodMetrics {
        period: period.map(|p| p.to_string()),
        label,
        start: range.start,
        end: range.end,
        won_count: outcomes.won_count,
        won_value: won,
        lost_count: outcomes.lost_count,
        lost_value: outcomes.lost_value,
        win_rate_count: outcomes.win_rate_count(),
        win_rate_value: outcomes.win_rate_value(),
        average_deal: outcomes.average_deal(),
        cycle_mean_days: outcomes.cycle_mean(),
        cycle_median_days: outcomes.cycle_median(),
        attainment: target.and_then(|t| won.ratio(t)),
        forecast_attainment: target.and_then(|t| forecast.ratio(t)),
        coverage: remaining.and_then(|r| expected.open_value.ratio(r)),
        coverage_of_target: target.and_then(|t| expected.open_value.ratio(t)),
        coverage_goal: model.strategy.thresholds.coverage_goal,
        pipeline_needed,
        pipeline_needed_by,
        forecast_categories: has_categories(model).then(|| categories.roll_up(won)),
        gap: target.map(|t| t - won),
        remaining_target: remaining,
        target,
        expected,
        forecast,
        outcomes,
    }
}

/// `remaining × (won + lost) ÷ won − open`, rounded up to the öre, never below
/// zero: one exact fraction, with the win rate by value as `won ÷ (won + lost)`.
fn pipeline_needed(remaining: Money, outcomes: &Outcomes, open: Money) -> Option<Money> {
    let won = i128::from(outcomes.won_value.minor());
    if won <= 0 {
        return None;
    }
    let closed = won + i128::from(outcomes.lost_value.minor());
    let needed =
        (i128::from(remaining.minor()) * closed + won - 1) / won - i128::from(open.minor());
    Some(Money::from_minor(
        i64::try_from(needed.max(0)).unwrap_or(i64::MAX),
    ))
}

/// The company's figures for a fiscal period.
pub fn for_period(model: &Model, as_of: NaiveDate, period: Period) -> PeriodMetrics {
    let calendar = model.strategy.calendar;
    let range = calendar.range(period).unwrap_or(DateRange {
        start: as_of,
        end: as_of,
    });
    let target = super::company_target(model, Some(period));
    let gathered = for_range(model, as_of, range, |_| true);
    assemble(
        model,
        Some(period),
        calendar.label(period),
        range,
        target,
        gathered,
    )
}

/// The twelve months up to and including `as_of` (no target: targets are set per
/// fiscal period).
pub fn trailing_year(model: &Model, as_of: NaiveDate) -> PeriodMetrics {
    let range = trailing_range(as_of);
    let gathered = for_range(model, as_of, range, |_| true);
    assemble(model, None, "Last 12 months".into(), range, None, gathered)
}

/// The 365 days up to and including `as_of`.
pub fn trailing_range(as_of: NaiveDate) -> DateRange {
    DateRange {
        start: as_of.checked_sub_days(Days::new(364)).unwrap_or(as_of),
        end: as_of,
    }
}

/// Sales velocity: open deals × average deal × win rate ÷ average cycle.
#[derive(Debug, Clone, Serialize)]
pub struct Velocity {
    pub open_count: u64,
    pub average_deal: Option<Money>,
    pub win_rate_count: Option<f64>,
    pub cycle_mean_days: Option<f64>,
    pub per_day: Option<Money>,
    /// Per average month of 365.25 / 12 days.
    pub per_month: Option<Money>,
}

/// Velocity from the open deals and `outcomes` (the fiscal year's closed deals),
/// computed as one exact fraction and rounded once:
/// `open × (won_value / won) × (won / (won + lost)) ÷ (cycle_days / won)`
/// `= open × won_value × won ÷ ((won + lost) × cycle_days)`.
pub fn velocity(model: &Model, outcomes: &Outcomes) -> Velocity {
    let open_count = model
        .deals
        .iter()
        .filter(|d| d.status == Status::Open)
        .count() as u64;
    let won = i128::from(outcomes.won_count);
    let closed = i128::from(outcomes.won_count + outcomes.lost_count);
    let cycle_days = i128::from(outcomes.cycle_days_total());
    let per = |num_factor: i128, den_factor: i128| -> Option<Money> {
        let numerator =
            i128::from(open_count) * i128::from(outcomes.won_value.minor()) * won * num_factor;
        let denominator = closed * cycle_days * den_factor;
        (denominator > 0)
            .then(|| Money::from_minor(((2 * numerator + denominator) / (2 * denominator)) as i64))
    };
    Velocity {
        open_count,
        average_deal: outcomes.average_deal(),
        win_rate_count: outcomes.win_rate_count(),
        cycle_mean_days: outcomes.cycle_mean(),
        per_day: per(1, 1),
        per_month: per(1461, 48),
    }
}
