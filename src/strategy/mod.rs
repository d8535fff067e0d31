//! The strategy: direction, segments, offers, stages, targets, plans and people.
//!
//! [`Strategy`] is the checked form of `strategy.toml`: every id is unique and every
//! reference points at something that exists, so later stages index into its vectors
//! without checking again. The file's shape lives in `raw.rs`, its checking in
//! `resolve.rs` (the `[focus]` table's in `focus.rs`), and the classification of
//! customers into segments in `rules.rs`.
//! Nothing here reads deals or computes metrics.

mod focus;
mod raw;
mod resolve;
mod rules;
mod subset;
#[cfg(test)]
mod tactical_tests;
mod targets;

use rustc_hash::FxHashMap;

use chrono::NaiveDate;

use crate::money::Money;
use crate::period::{FiscalCalendar, Period};

pub use focus::Focus;
pub use resolve::parse;
pub use rules::{Condition, Rule};

pub const FILE_NAME: &str = "strategy.toml";

#[derive(Debug, Clone)]
pub struct Strategy {
    pub currency: String,
    /// `[currency] rates`: fixed rates into the base currency, by currency code.
    pub rates: std::collections::BTreeMap<String, crate::money::Rate>,
    pub direction: Direction,
    pub thresholds: Thresholds,
    pub calendar: FiscalCalendar,
    pub stages: Vec<Stage>,
    pub teams: Vec<Team>,
    pub sellers: Vec<Seller>,
    pub segments: Vec<Segment>,
    pub offers: Vec<Offer>,
    pub targets: Vec<Target>,
    pub plans: Vec<Plan>,
    /// `[focus]`: how each seller's focus list is ranked.
    pub focus: Focus,
    /// `[meeting] cadence_days`: days between sales meetings; movement is measured
    /// from the export of the last meeting by default.
    pub meeting_cadence_days: Option<u32>,
    index: Index,
}

#[derive(Debug, Clone)]
pub struct Direction {
    pub statement: String,
    pub positioning: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    pub stale_after_days: i64,
    pub coverage_goal: f64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub id: String,
    pub name: String,
    /// Default win probability in whole percent.
    pub probability: u8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Team {
    pub id: String,
    pub name: String,
    /// Index into [`Strategy::sellers`].
    pub manager: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seller {
    pub id: String,
    pub name: String,
    /// Index into [`Strategy::teams`].
    pub team: usize,
    pub email: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Focus,
    Maintain,
    Deprioritised,
}

impl Priority {
    /// Whether deals in such a segment are in line with the strategy.
    pub fn is_prioritised(self) -> bool {
        matches!(self, Priority::Focus | Priority::Maintain)
    }
}

#[derive(Debug, Clone)]
pub struct Segment {
    pub id: String,
    pub name: String,
    pub priority: Priority,
    pub why: String,
    pub identify: String,
    pub rule: Rule,
}

#[derive(Debug, Clone)]
pub struct Offer {
    pub id: String,
    pub name: String,
    /// Indexes into [`Strategy::segments`].
    pub segments: Vec<usize>,
    pub value: String,
}

/// Whose target it is; each index points into the strategy's vector of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TargetScope {
    Company,
    Segment(usize),
    Team(usize),
    Seller(usize),
    Plan(usize),
}

/// A target for one period and scope: at least one of its kinds is set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub period: Period,
    pub scope: TargetScope,
    /// Won value wanted in the period.
    pub revenue: Option<Money>,
    /// Customers whose first won deal closes in the period.
    pub new_customers: Option<u32>,
    /// Value of the deals created in the period.
    pub new_pipeline: Option<Money>,
    /// Won deals closed in the period.
    pub deals: Option<u32>,
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub id: String,
    pub name: String,
    pub segments: Vec<usize>,
    pub offers: Vec<usize>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Index into [`Strategy::sellers`]; `None` in a view of part of the company
    /// (`--audience`) that leaves the plan's owner out.
    pub owner: Option<usize>,
    pub channel: String,
    pub goal_revenue: Option<Money>,
    pub goal_deals: Option<u32>,
    /// Whether deals in the plan's segments and offers created within its period
    /// belong to it too, beside those whose `plan` column names it.
    pub match_rules: bool,
    pub activities: String,
}

/// Id → position in the file's list. FxHash: ingest looks ids up for every row,
/// and the ids come from the project's own strategy, not from an adversary.
type IdMap = FxHashMap<String, usize>;

#[derive(Debug, Clone, Default)]
struct Index {
    stages: IdMap,
    sellers: IdMap,
    segments: IdMap,
    offers: IdMap,
    plans: IdMap,
}

impl Strategy {
    pub fn stage_index(&self, id: &str) -> Option<usize> {
        self.index.stages.get(id).copied()
    }

    pub fn seller_index(&self, id: &str) -> Option<usize> {
        self.index.sellers.get(id).copied()
    }

    pub fn plan_index(&self, id: &str) -> Option<usize> {
        self.index.plans.get(id).copied()
    }

    pub fn segment_index(&self, id: &str) -> Option<usize> {
        self.index.segments.get(id).copied()
    }

    pub fn offer_index(&self, id: &str) -> Option<usize> {
        self.index.offers.get(id).copied()
    }

    /// Every field written in markdown, where live figures may stand.
    pub fn markdown_fields(&self) -> impl Iterator<Item = &str> {
        [
            self.direction.statement.as_str(),
            &self.direction.positioning,
        ]
        .into_iter()
        .chain(
            self.segments
                .iter()
                .flat_map(|s| [s.why.as_str(), &s.identify]),
        )
        .chain(self.offers.iter().map(|o| o.value.as_str()))
        .chain(self.plans.iter().map(|p| p.activities.as_str()))
    }

    /// The revenue target for a period and scope, if one is set.
    pub fn target(&self, period: Period, scope: TargetScope) -> Option<Money> {
        self.targets
            .iter()
            .find(|t| t.period == period && t.scope == scope)
            .and_then(|t| t.revenue)
    }

    /// The first segment (in the file's order) whose rule the fields satisfy.
    pub fn classify<S: AsRef<str>>(&self, field: impl Fn(&str) -> Option<S>) -> Option<usize> {
        self.segments.iter().position(|s| s.rule.matches(&field))
    }

    /// Ids in the order the file lists them, for "expected one of" messages.
    fn stage_ids(&self) -> String {
        quoted_list(self.stages.iter().map(|s| s.id.as_str()))
    }

    /// A message for an unknown stage id.
    pub fn unknown_stage(&self, found: &str) -> String {
        format!(
            "stage \"{found}\" is not in strategy.toml, expected one of {}",
            self.stage_ids()
        )
    }

    pub fn unknown_seller(&self, found: &str) -> String {
        let ids = quoted_list(self.sellers.iter().map(|s| s.id.as_str()));
        format!("seller \"{found}\" is not in strategy.toml, expected one of {ids}")
    }

    pub fn unknown_segment(&self, found: &str) -> String {
        let ids = quoted_list(self.segments.iter().map(|s| s.id.as_str()));
        format!("segment \"{found}\" is not in strategy.toml, expected one of {ids}")
    }

    pub fn unknown_offer(&self, found: &str) -> String {
        let ids = quoted_list(self.offers.iter().map(|o| o.id.as_str()));
        format!("offer \"{found}\" is not in strategy.toml, expected one of {ids}")
    }

    pub fn unknown_plan(&self, found: &str) -> String {
        let ids = quoted_list(self.plans.iter().map(|p| p.id.as_str()));
        format!("plan \"{found}\" is not in strategy.toml, expected one of {ids}")
    }
}

/// `"a", "b", "c"` (at most ten, then `…`).
pub fn quoted_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut items: Vec<String> = items.map(|s| format!("\"{s}\"")).collect();
    if items.len() > 10 {
        items.truncate(10);
        items.push("…".into());
    }
    items.join(", ")
}
