//! How one deal's life unfolds once it exists: how and when it ends, its
//! stage steps, value changes, expected-close pushes and logged activities.
//! Each step appends to the deal's dated series; reading them is `state`'s job.

use chrono::{Datelike, NaiveDate};

use crate::catalog::STAGES;
use crate::offers::Kind;
use crate::rng::Rng;
use crate::timeline::{Outcome, Timeline, add_days, days_between};

const LOST_REASONS: &[(&str, u32)] = &[
    ("Pris", 28),
    ("Valde konkurrent", 24),
    ("Ingen budget", 14),
    ("Projektet skjuts upp", 12),
    ("Löste det internt", 8),
    ("Krav ej uppfyllda", 6),
    ("Fel tidpunkt", 8),
];

/// Decides outcome and close date; a quiet deal stalls and is closed lost later.
pub fn decide_end(t: &mut Timeline, kind: Kind, typical: f64, win: f64, rng: &mut Rng) {
    let quiet_chance = if matches!(kind, Kind::Parts | Kind::SmallParts) {
        0.08
    } else {
        0.2
    };
    if rng.chance(quiet_chance) {
        let from = add_days(
            t.created,
            (typical * rng.between(0.15, 0.7)).max(3.0) as i64,
        );
        let planned = rng.chance(0.7).then(|| add_days(from, rng.range(3, 20)));
        t.quiet = Some((from, planned));
        t.close = add_days(from, rng.range(40, 260));
        t.outcome = Outcome::Lost(if rng.chance(0.6) {
            "Inget beslut"
        } else {
            "Kunden slutade svara"
        });
        return;
    }
    let cycle = rng.log_normal(typical, 0.45).clamp(3.0, typical * 3.2) as i64;
    let mut close = add_days(t.created, cycle.max(1));
    if close.month() == 7 && rng.chance(0.6) {
        close = add_days(close, 21);
    }
    t.close = close;
    t.outcome = if rng.chance(win) {
        Outcome::Won
    } else {
        Outcome::Lost(rng.weighted(LOST_REASONS))
    };
}

/// The last day the deal moves: its close, or the day it went quiet.
fn active_until(t: &Timeline) -> NaiveDate {
    t.quiet.map_or(t.close, |(from, _)| from)
}

pub fn build_stages(t: &mut Timeline, rng: &mut Rng) {
    let top = STAGES.len() - 1;
    let last = match (t.outcome, t.quiet) {
        (_, Some(_)) => rng.weighted(&[(0, 35), (1, 30), (2, 20), (3, 15)]),
        (Outcome::Won, None) => {
            if rng.chance(0.85) {
                top
            } else {
                top - 1
            }
        }
        (Outcome::Lost(_), None) => rng.weighted(&[(0, 30), (1, 25), (2, 20), (3, 15), (4, 10)]),
    };
    let first = if rng.chance(0.15) { last.min(1) } else { 0 };
    let span = days_between(t.created, active_until(t)).max(0) as f64;
    let mut fractions: Vec<f64> = (first..last).map(|_| rng.between(0.0, 0.92)).collect();
    fractions.sort_by(f64::total_cmp);
    t.stages.push((t.created, first));
    for (step, f) in fractions.iter().enumerate() {
        t.stages
            .push((add_days(t.created, (f * span) as i64), first + step + 1));
    }
    // Now and then a deal moves back a stage for a while.
    if t.stages.len() >= 3 && rng.chance(0.06) {
        let j = rng.range(2, t.stages.len() as i64 - 1) as usize;
        let until = t.stages.get(j + 1).map_or(active_until(t), |s| s.0);
        let back = add_days(t.stages[j].0, days_between(t.stages[j].0, until) / 2);
        t.stages.insert(j + 1, (back, t.stages[j].1 - 1));
    }
}

pub fn build_values(t: &mut Timeline, kind: Kind, rng: &mut Rng) {
    let first = first_value(kind, rng);
    t.values.push((t.created, first));
    if rng.chance(0.12) {
        let span = days_between(t.created, active_until(t)).max(1);
        let when = add_days(t.created, rng.range(1, span));
        let changed = round_value(kind, first as f64 / 100.0 * rng.between(0.7, 1.35), rng);
        t.values.push((when, changed));
    }
}

/// A deal value in öre: a lognormal by kind, rounded the way sellers quote.
fn first_value(kind: Kind, rng: &mut Rng) -> i64 {
    if kind == Kind::Project && rng.chance(0.012) {
        return rng.range(80, 150) * 100_000 * 100;
    }
    let kronor = match kind {
        Kind::Project => rng.log_normal(900_000.0, 0.6).clamp(150_000.0, 5_000_000.0),
        Kind::Service => rng.log_normal(220_000.0, 0.5).clamp(40_000.0, 1_200_000.0),
        Kind::Training => rng.log_normal(65_000.0, 0.45).clamp(15_000.0, 250_000.0),
        Kind::Parts => rng.log_normal(55_000.0, 0.7).clamp(4_000.0, 400_000.0),
        Kind::SmallParts => rng.log_normal(18_000.0, 0.7).clamp(800.0, 120_000.0),
    };
    round_value(kind, kronor, rng)
}

fn round_value(kind: Kind, kronor: f64, rng: &mut Rng) -> i64 {
    let unit = match kind {
        Kind::Project => 5_000.0,
        Kind::Service => 1_000.0,
        Kind::Training => 500.0,
        Kind::Parts | Kind::SmallParts => 1.0,
    };
    let whole = ((kronor / unit).round() * unit).max(unit) as i64 * 100;
    let ore = match kind {
        Kind::Parts | Kind::SmallParts if rng.chance(0.35) => rng.pick(&[50, 25, 75, 90, 10]),
        Kind::Service if rng.chance(0.05) => 50,
        _ => 0,
    };
    whole + ore
}

/// Sellers start optimistic and push the date when it passes, a little late.
pub fn build_expected(t: &mut Timeline, typical: f64, as_of: NaiveDate, rng: &mut Rng) {
    let horizon = add_days(as_of, 365);
    let guess = match t.quiet {
        Some(_) => typical * rng.between(0.6, 1.1),
        None => days_between(t.created, t.close) as f64 * rng.between(0.45, 0.95),
    };
    let mut expected = add_days(t.created, guess.max(7.0) as i64).min(horizon);
    t.expected.push((t.created, expected));
    let limit = active_until(t);
    for _ in 0..10 {
        if t.quiet.is_none() && expected >= t.close {
            break;
        }
        let when = add_days(expected, rng.range(-10, 25)).max(add_days(t.created, 1));
        if when >= limit {
            break;
        }
        expected = add_days(when, rng.range(10, 60))
            .max(add_days(expected, 7))
            .min(horizon);
        t.expected.push((when, expected));
    }
    if t.outcome == Outcome::Won {
        t.expected.push((t.close, t.close));
    }
}

pub fn build_activities(t: &mut Timeline, rng: &mut Rng) {
    let stop = active_until(t);
    let mut day = t.created;
    while day < stop {
        t.activities.push(day);
        day = add_days(day, rng.range(2, 16));
    }
    if t.quiet.is_none() {
        t.activities.push(t.close);
    }
}
