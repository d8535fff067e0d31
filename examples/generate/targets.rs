//! Revenue targets and plan goals, calibrated against the simulated world so
//! that they are ambitious but plausible: the company beat last year's target
//! slightly and is somewhat behind this year's at the as-of date.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::catalog::{Priority, SEGMENTS};
use crate::offers::PLANS;
use crate::rng::Rng;
use crate::timeline::{Outcome, Simulator, Timeline};

const STREAM_TARGETS: u64 = 4;
/// Share of a fiscal year's target that each quarter carries.
const QUARTER_SHARES: [f64; 4] = [0.22, 0.26, 0.20, 0.32];

/// Won value (öre) the simulation will produce, including deals that close
/// after the as-of date: the "truth" the targets were set against.
pub struct Totals {
    fiscal_year: i32,
    by_year: BTreeMap<i32, i64>,
    by_segment: Vec<i64>,
    by_seller: Vec<i64>,
    /// (won value, won count) of each plan's deals closed within the plan.
    by_plan: Vec<(i64, u64)>,
    plan_dates: Vec<(NaiveDate, NaiveDate)>,
}

pub struct Target {
    pub period: String,
    pub revenue: i64,
    pub segment: Option<&'static str>,
    pub seller: Option<usize>,
}

pub struct Goals {
    pub targets: Vec<Target>,
    /// (goal_revenue in kronor, goal_deals) per plan.
    pub plans: Vec<(i64, u64)>,
}

impl Totals {
    pub fn new(sim: &Simulator) -> Self {
        Totals {
            fiscal_year: sim.world.fiscal_year,
            by_year: BTreeMap::new(),
            by_segment: vec![0; SEGMENTS.len()],
            by_seller: vec![0; sim.world.sellers.len()],
            by_plan: vec![(0, 0); PLANS.len()],
            plan_dates: sim.plan_dates().to_vec(),
        }
    }

    pub fn add(&mut self, t: &Timeline, segment: Option<usize>) {
        if t.outcome != Outcome::Won || t.deleted.is_some() {
            return;
        }
        let value = t.won_value();
        *self.by_year.entry(t.close.year()).or_default() += value;
        if t.close.year() == self.fiscal_year {
            if let Some(s) = segment {
                self.by_segment[s] += value;
            }
            self.by_seller[t.owner] += value;
        }
        if let Some(p) = t.plan {
            let (start, end) = self.plan_dates[p];
            if (start..=end).contains(&t.close) {
                self.by_plan[p].0 += value;
                self.by_plan[p].1 += 1;
            }
        }
    }

    pub fn goals(&self, as_of: NaiveDate, seed: u64) -> Goals {
        let fy = self.fiscal_year;
        let won = |y: i32| self.by_year.get(&y).copied().unwrap_or(0) as f64 / 100.0;
        let current = (won(fy) * 1.06).max(won(fy - 1) * 1.1).max(1_000_000.0);
        let unit = nice_unit(current);
        let this_year = round_to(current, unit);
        let next_year = round_to(current * 1.12, unit);
        let mut targets = vec![
            company(fy - 1, round_to(won(fy - 1) * 0.97, unit).max(unit)),
            company(fy, this_year),
            company(fy + 1, next_year),
        ];
        targets.extend(quarters(fy, this_year, unit));
        targets.extend(quarters(fy + 1, next_year, unit));
        targets.extend(self.segment_targets(fy, this_year, won(fy)));
        targets.extend(self.seller_targets(fy, this_year, won(fy), seed));
        Goals {
            targets,
            plans: self.plan_goals(as_of, seed),
        }
    }

    fn segment_targets(&self, fy: i32, target: i64, won: f64) -> Vec<Target> {
        let unit = nice_unit(target as f64) / 10;
        let scale = target as f64 / won.max(1.0);
        SEGMENTS
            .iter()
            .zip(&self.by_segment)
            .map(|(s, &value)| {
                let tilt = match s.priority {
                    Priority::Focus => 1.08,
                    Priority::Maintain => 0.98,
                    Priority::Deprioritised => 0.75,
                };
                let revenue = round_to(value as f64 / 100.0 * scale * tilt, unit).max(unit);
                Target {
                    period: fy.to_string(),
                    revenue,
                    segment: Some(s.id),
                    seller: None,
                }
            })
            .collect()
    }

    /// Each seller's share mixes their territory's results with an even split,
    /// with some noise, so targets sum to roughly the company target.
    fn seller_targets(&self, fy: i32, target: i64, won: f64, seed: u64) -> Vec<Target> {
        let n = self.by_seller.len() as f64;
        let mut rng = Rng::derive(seed, STREAM_TARGETS, 0);
        let shares: Vec<f64> = self
            .by_seller
            .iter()
            .map(|&v| (0.85 * v as f64 / 100.0 / won.max(1.0) + 0.15 / n) * rng.between(0.9, 1.1))
            .collect();
        let total: f64 = shares.iter().sum();
        let unit = (nice_unit(target as f64 / n) / 10).max(1_000);
        shares
            .iter()
            .enumerate()
            .map(|(seller, share)| Target {
                period: fy.to_string(),
                revenue: round_to(target as f64 * share / total, unit).max(unit),
                segment: None,
                seller: Some(seller),
            })
            .collect()
    }

    /// Goals for the whole plan period, extrapolated when it is still running,
    /// and set with varying ambition: some plans beat their goal, some miss.
    fn plan_goals(&self, as_of: NaiveDate, seed: u64) -> Vec<(i64, u64)> {
        let mut rng = Rng::derive(seed, STREAM_TARGETS, 1);
        self.by_plan
            .iter()
            .zip(&self.plan_dates)
            .map(|(&(value, count), &(start, end))| {
                let elapsed = (as_of.min(end) - start).num_days().max(30) as f64;
                // Damped: deals created late in a plan rarely close within it.
                let still_to_come = ((end - start).num_days() as f64 / elapsed).sqrt();
                let factor = still_to_come * rng.between(0.85, 1.25);
                let revenue = value as f64 / 100.0 * factor;
                let goal = round_to(revenue, nice_unit(revenue.max(100_000.0)));
                (
                    goal.max(100_000),
                    ((count as f64 * factor).ceil() as u64).max(2),
                )
            })
            .collect()
    }
}

fn company(year: i32, revenue: i64) -> Target {
    Target {
        period: year.to_string(),
        revenue,
        segment: None,
        seller: None,
    }
}

/// Quarter targets by seasonal share; the last quarter takes the remainder
/// so the quarters sum exactly to the year.
fn quarters(year: i32, total: i64, unit: i64) -> Vec<Target> {
    let unit = (unit / 10).max(1_000);
    let mut left = total;
    (1..=4)
        .map(|q| {
            let revenue = if q == 4 {
                left
            } else {
                round_to(total as f64 * QUARTER_SHARES[q - 1], unit)
            };
            left -= revenue;
            Target {
                period: format!("{year}-Q{q}"),
                revenue,
                segment: None,
                seller: None,
            }
        })
        .collect()
}

/// A round unit about a thousandth of the amount: 48 MSEK rounds to 100 000.
fn nice_unit(amount: f64) -> i64 {
    let digits = amount.max(1.0).log10().floor() as i32;
    10_i64.pow((digits - 2).max(3) as u32)
}

fn round_to(amount: f64, unit: i64) -> i64 {
    (amount / unit as f64).round() as i64 * unit
}
