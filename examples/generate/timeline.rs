//! Simulates one deal's whole life as a timeline: creation, stage steps, value
//! changes, expected-close pushes, activities, and how and when it ends. A deal
//! is a pure function of (seed, index), so exports at any date can be written
//! in one streaming pass without keeping a million deals in memory.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::catalog::{Priority, SEGMENTS};
use crate::lifecycle;
use crate::offers::{Kind, OFFERS, PLANS, plant_areas};
use crate::rng::Rng;
use crate::world::World;

const STREAM_DEAL: u64 = 3;
/// How far back before the as-of date the first deals were created.
const HISTORY_DAYS: u64 = 800;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Won,
    Lost(&'static str),
}

/// Data-quality habits of the deal's owner, fixed for the deal's life.
#[derive(Default)]
pub struct Habits {
    pub value_missing_early: bool,
    pub no_next_activity: bool,
    pub sloppy_next: bool,
    pub no_activity_log: bool,
    pub probability_offset: Option<i64>,
    pub currency_sek: bool,
}

pub struct Timeline {
    pub index: usize,
    pub name: String,
    pub customer: Option<usize>,
    pub owner: usize,
    pub plan: Option<usize>,
    /// Index into `OFFERS`: what is being sold.
    pub offer: usize,
    pub created: NaiveDate,
    pub outcome: Outcome,
    /// The day the deal closes; after the as-of date it is still open then.
    pub close: NaiveDate,
    pub deleted: Option<NaiveDate>,
    /// (from date, stage index), in date order.
    pub stages: Vec<(NaiveDate, usize)>,
    /// (from date, value in öre), in date order.
    pub values: Vec<(NaiveDate, i64)>,
    /// (from date, expected close), in date order.
    pub expected: Vec<(NaiveDate, NaiveDate)>,
    pub activities: Vec<NaiveDate>,
    /// The deal went quiet: (from, the next activity that was planned but never happened).
    pub quiet: Option<(NaiveDate, Option<NaiveDate>)>,
    pub habits: Habits,
}

/// Shared, precomputed inputs of the simulation.
pub struct Simulator<'w> {
    pub world: &'w World,
    start: NaiveDate,
    /// Cumulative creation weight per day from `start` to the as-of date.
    curve: Vec<f64>,
    /// Offer indices allowed for each segment; the last entry serves unsegmented customers.
    offers_for: Vec<Vec<usize>>,
    plan_dates: Vec<(NaiveDate, NaiveDate)>,
}

pub fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs())).unwrap_or(d)
    }
}

pub fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

/// A date of the fiscal year `fy` plus (years, month, day).
pub fn plan_date(fy: i32, (years, month, day): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(fy + years, month, day).unwrap_or(NaiveDate::MIN)
}

impl<'w> Simulator<'w> {
    pub fn new(world: &'w World) -> Self {
        let as_of = world.cfg.as_of;
        let start = as_of
            .checked_sub_days(Days::new(HISTORY_DAYS))
            .unwrap_or(as_of);
        let mut total = 0.0;
        let curve = start
            .iter_days()
            .take_while(|d| *d <= as_of)
            .map(|d| {
                total += creation_weight(start, d);
                total
            })
            .collect();
        let mut offers_for: Vec<Vec<usize>> = SEGMENTS
            .iter()
            .map(|s| {
                (0..OFFERS.len())
                    .filter(|&o| OFFERS[o].segments.contains(&s.id))
                    .collect()
            })
            .collect();
        offers_for.push(
            (0..OFFERS.len())
                .filter(|&o| OFFERS[o].kind != Kind::SmallParts)
                .collect(),
        );
        let fy = world.fiscal_year;
        let plan_dates = PLANS
            .iter()
            .map(|p| (plan_date(fy, p.start), plan_date(fy, p.end)))
            .collect();
        Simulator {
            world,
            start,
            curve,
            offers_for,
            plan_dates,
        }
    }

    pub fn plan_dates(&self) -> &[(NaiveDate, NaiveDate)] {
        &self.plan_dates
    }

    pub fn simulate(&self, index: usize) -> Timeline {
        let world = self.world;
        let mut rng = Rng::derive(world.cfg.seed, STREAM_DEAL, index as u64);
        let created = self.creation_day(index, &mut rng);
        let customer = (!rng.chance(0.004)).then(|| world.pick_customer(rng.unit()));
        let segment = customer.and_then(|c| world.customers[c].segment);
        let offer = self.pick_offer(segment, &mut rng);
        let owner = match customer {
            Some(c) if rng.chance(0.9) => world.customers[c].owner,
            _ => rng.below(world.sellers.len()),
        };
        let plan = self.plan_for(segment, offer, created, &mut rng);
        let kind = OFFERS[offer].kind;
        let typical = typical_cycle(kind);
        let win = win_chance(kind, segment, world.sellers[owner].skill, plan.is_some());
        let mut t = Timeline {
            index,
            name: deal_name(world, customer, offer, &mut rng),
            customer,
            owner,
            plan,
            offer,
            created,
            outcome: Outcome::Won,
            close: created,
            deleted: None,
            stages: Vec::new(),
            values: Vec::new(),
            expected: Vec::new(),
            activities: Vec::new(),
            quiet: None,
            habits: habits(&mut rng),
        };
        lifecycle::decide_end(&mut t, kind, typical, win, &mut rng);
        lifecycle::build_stages(&mut t, &mut rng);
        lifecycle::build_values(&mut t, kind, &mut rng);
        lifecycle::build_expected(&mut t, typical, world.cfg.as_of, &mut rng);
        lifecycle::build_activities(&mut t, &mut rng);
        if rng.chance(0.025) {
            let gone = add_days(created, rng.range(2, 120));
            t.deleted = (gone < t.close).then_some(gone);
        }
        t
    }

    /// Deal ids follow creation order: deal i sits at quantile i/N of the curve.
    fn creation_day(&self, index: usize, rng: &mut Rng) -> NaiveDate {
        let n = self.world.cfg.deals.max(1) as f64;
        let total = self.curve.last().copied().unwrap_or(0.0);
        let target = (index as f64 + rng.unit()) / n * total;
        let day = self
            .curve
            .partition_point(|&c| c <= target)
            .min(self.curve.len() - 1);
        add_days(self.start, day as i64)
    }

    /// Mostly an offer made for the customer's segment; off-strategy customers
    /// sometimes get a field-sales offer anyway, as happens in real pipelines.
    fn pick_offer(&self, segment: Option<usize>, rng: &mut Rng) -> usize {
        let fits = segment.is_some_and(|s| SEGMENTS[s].priority != Priority::Deprioritised);
        let generic = SEGMENTS.len();
        let list = match segment {
            Some(s) if fits || !rng.chance(0.3) => s,
            _ => generic,
        };
        rng.pick(&self.offers_for[list])
    }

    fn plan_for(
        &self,
        segment: Option<usize>,
        offer: usize,
        created: NaiveDate,
        rng: &mut Rng,
    ) -> Option<usize> {
        let segment = SEGMENTS[segment?].id;
        let plan = PLANS
            .iter()
            .zip(&self.plan_dates)
            .position(|(p, (start, end))| {
                p.segments.contains(&segment)
                    && p.offers.contains(&OFFERS[offer].id)
                    && (*start..=*end).contains(&created)
            })?;
        rng.chance(0.75).then_some(plan)
    }
}

/// Growth over time, seasons (the Swedish industrial holiday in July), weekends.
fn creation_weight(start: NaiveDate, d: NaiveDate) -> f64 {
    let years = days_between(start, d) as f64 / 365.0;
    let season = [
        0.9, 1.0, 1.1, 1.0, 1.0, 0.85, 0.3, 0.8, 1.15, 1.15, 1.1, 0.7,
    ][d.month0() as usize];
    let weekday = match d.weekday() {
        Weekday::Sat | Weekday::Sun => 0.05,
        _ => 1.0,
    };
    (1.0 + 0.12 * years) * season * weekday
}

fn typical_cycle(kind: Kind) -> f64 {
    match kind {
        Kind::Project => 130.0,
        Kind::Service => 60.0,
        Kind::Training => 30.0,
        Kind::Parts => 24.0,
        Kind::SmallParts => 12.0,
    }
}

fn win_chance(kind: Kind, segment: Option<usize>, skill: f64, planned: bool) -> f64 {
    let base = match kind {
        Kind::Project => 0.36,
        Kind::Service => 0.5,
        Kind::Training => 0.55,
        Kind::Parts | Kind::SmallParts => 0.62,
    };
    let fit = match segment.map(|s| SEGMENTS[s].priority) {
        Some(Priority::Focus) => 1.1,
        Some(Priority::Maintain) => 1.0,
        Some(Priority::Deprioritised) => 0.8,
        None => 0.75,
    };
    let plan = if planned { 1.15 } else { 1.0 };
    (base * fit * skill * plan).clamp(0.05, 0.9)
}

fn habits(rng: &mut Rng) -> Habits {
    Habits {
        value_missing_early: rng.chance(0.1),
        no_next_activity: rng.chance(0.06),
        sloppy_next: rng.chance(0.08),
        no_activity_log: rng.chance(0.015),
        probability_offset: rng
            .chance(0.25)
            .then(|| rng.pick(&[-20, -10, -5, 5, 10, 15])),
        currency_sek: rng.chance(0.12),
    }
}

fn deal_name(world: &World, customer: Option<usize>, offer: usize, rng: &mut Rng) -> String {
    let trade = customer.map_or("Engineering workshop", |c| world.customers[c].trade);
    let title = rng
        .pick(OFFERS[offer].titles)
        .replace("{area}", rng.pick(plant_areas(trade)))
        .replace("{n}", &rng.range(2, 12).to_string());
    match customer {
        Some(c) => {
            let name = &world.customers[c].name;
            format!("{} – {title}", name.strip_suffix(" AB").unwrap_or(name))
        }
        None => title,
    }
}
