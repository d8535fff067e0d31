//! What a deal looked like in the CRM on a given day: one row of a deals
//! export, read off the deal's timeline. Exports at different dates therefore
//! agree with each other by construction.

use chrono::{Days, NaiveDate};

use crate::catalog::STAGES;
use crate::offers::{OFFERS, PLANS};
use crate::timeline::{Outcome, Timeline};
use crate::world::World;

pub const DEAL_COLUMNS: [&str; 18] = [
    "id",
    "name",
    "customer_id",
    "owner",
    "stage",
    "status",
    "value",
    "currency",
    "probability",
    "created",
    "expected_close",
    "closed",
    "next_activity",
    "last_activity",
    "lost_reason",
    "plan",
    "offer",
    "forecast_category",
];

/// The value in force on `day` of a dated series (the last entry not after it).
fn at<T: Copy>(series: &[(NaiveDate, T)], day: NaiveDate) -> Option<T> {
    let i = series.partition_point(|(from, _)| *from <= day);
    i.checked_sub(1).map(|i| series[i].1)
}

/// The seller's call: commit for the last two stages with a next step planned,
/// best case from the middle stages on, pipeline before that; closed once closed.
fn forecast_category(closed: bool, stage: usize, next_step: bool) -> &'static str {
    let late = stage + 2 >= STAGES.len();
    match (closed, late && next_step, stage >= 2) {
        (true, _, _) => "closed",
        (false, true, _) => "commit",
        (false, false, true) => "best_case",
        (false, false, false) => "pipeline",
    }
}

/// Money in öre as the format wants it: "84500" or "84500.50".
pub fn money(ore: i64) -> String {
    match ore % 100 {
        0 => (ore / 100).to_string(),
        rest => format!("{}.{:02}", ore / 100, rest),
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

impl Timeline {
    pub fn exists_on(&self, day: NaiveDate) -> bool {
        self.created <= day && self.deleted.is_none_or(|gone| gone > day)
    }

    pub fn is_closed_on(&self, day: NaiveDate) -> bool {
        self.close <= day
    }

    /// In the open pipeline on `day`: created, not deleted, not yet closed.
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.exists_on(day) && !self.is_closed_on(day)
    }

    pub fn won_value(&self) -> i64 {
        at(&self.values, self.close).unwrap_or(0)
    }

    fn last_activity(&self, day: NaiveDate) -> Option<NaiveDate> {
        if self.habits.no_activity_log {
            return None;
        }
        let i = self.activities.partition_point(|a| *a <= day);
        i.checked_sub(1).map(|i| self.activities[i])
    }

    fn next_activity(&self, day: NaiveDate) -> Option<NaiveDate> {
        if self.habits.no_next_activity {
            return None;
        }
        let planned = self.quiet.and_then(|(_, planned)| planned);
        if self.quiet.is_some_and(|(from, _)| from <= day) {
            return planned;
        }
        if self.habits.sloppy_next {
            return self
                .last_activity(day)
                .and_then(|d| d.checked_add_days(Days::new(7)));
        }
        let i = self.activities.partition_point(|a| *a <= day);
        self.activities.get(i).copied().or(planned)
    }

    /// The export row on `day`, or None when the deal is not in the CRM then.
    pub fn row(&self, world: &World, day: NaiveDate, id_width: usize) -> Option<[String; 18]> {
        if !self.exists_on(day) {
            return None;
        }
        let closed = self.is_closed_on(day);
        let seen = if closed { self.close } else { day };
        let stage = at(&self.stages, seen).unwrap_or(0);
        let value = at(&self.values, seen)
            .filter(|_| closed || !(self.habits.value_missing_early && stage < 3));
        let (status, probability, lost_reason) = match (closed, self.outcome) {
            (false, _) => ("open", self.probability(stage), ""),
            (true, Outcome::Won) => ("won", self.habits.probability_offset.map(|_| 100), ""),
            (true, Outcome::Lost(why)) => ("lost", self.habits.probability_offset.map(|_| 0), why),
        };
        let next_activity = if closed {
            None
        } else {
            self.next_activity(day)
        };
        Some([
            format!("D{:0id_width$}", self.index + 1),
            self.name.clone(),
            self.customer
                .map(|c| world.customers[c].id.clone())
                .unwrap_or_default(),
            world.sellers[self.owner].id.clone(),
            STAGES[stage].id.to_string(),
            status.to_string(),
            value.map(money).unwrap_or_default(),
            if self.habits.currency_sek { "SEK" } else { "" }.to_string(),
            probability.map(|p| p.to_string()).unwrap_or_default(),
            date(Some(self.created)),
            date(at(&self.expected, seen)),
            date(closed.then_some(self.close)),
            date(next_activity),
            date(self.last_activity(seen)),
            lost_reason.to_string(),
            self.plan
                .map(|p| PLANS[p].id.to_string())
                .unwrap_or_default(),
            OFFERS[self.offer].id.to_string(),
            forecast_category(closed, stage, next_activity.is_some()).to_string(),
        ])
    }

    /// A seller's own estimate, when they overrode the stage default.
    fn probability(&self, stage: usize) -> Option<i64> {
        let base = i64::from(STAGES[stage].probability);
        self.habits
            .probability_offset
            .map(|o| (base + o).clamp(5, 95))
    }
}
