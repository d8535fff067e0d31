//! The canonical model: the checked, typed project every later stage reads.
//!
//! [`resolve`] turns [`Inputs`](crate::load::Inputs) into a [`Model`] or the full list of problems. After
//! it, every deal's stage, owner, customer and plan is an index that is known to be
//! valid, every date and amount is parsed, and every customer has its segment.
//! Nothing here computes metrics or knows about pages.

mod content;
mod customers;
mod deals;
mod quality;
mod resolve;

pub use deals::CustomerIndex;
#[cfg(test)]
pub(crate) use resolve::read_deals_for_tests;
pub use resolve::{Rejected, SourceReport, resolve, resolve_reporting, resolve_with};

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::config::Config;
use crate::error::Diagnostic;
use crate::money::Money;
use crate::strategy::Strategy;

pub use content::{Meeting, Page};
pub use quality::{Finding, deal_warnings, warnings};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Won,
    Lost,
}

/// A deal's forecast category as the export gives it. Categories roll up
/// cumulatively: commit counts commit and closed, best case counts best case,
/// commit and closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ForecastCategory {
    Pipeline,
    BestCase,
    Commit,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Customer {
    pub id: String,
    pub name: String,
    pub industry: String,
    pub employees: Option<u32>,
    pub region: String,
    /// Index into the strategy's sellers.
    pub owner: Option<usize>,
    /// Index into the strategy's segments: the first whose rule matches.
    pub segment: Option<usize>,
    /// Columns beyond the known ones, in the file's order: (name, value).
    pub extra: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deal {
    pub id: Box<str>,
    pub name: Box<str>,
    /// Index into [`Model::customers`].
    pub customer: Option<u32>,
    /// Index into the strategy's sellers; `None` when the export names no owner
    /// or one who is not among them (both warnings, see [`Model::unlisted_owners`]).
    pub owner: Option<u32>,
    /// Index into the strategy's stages.
    pub stage: u32,
    pub status: Status,
    /// The value in the base currency (converted at the strategy's fixed rate when
    /// the deal is in another currency).
    pub value: Option<Money>,
    /// The deal's own currency when it is not the base currency.
    pub currency: Option<Box<str>>,
    /// The value in the deal's own currency, when that is not the base.
    pub own_value: Option<Money>,
    /// The probability the export gives, in whole percent; `None`: the stage's.
    pub probability: Option<u8>,
    pub created: NaiveDate,
    pub expected_close: Option<NaiveDate>,
    pub closed: Option<NaiveDate>,
    pub next_activity: Option<NaiveDate>,
    pub last_activity: Option<NaiveDate>,
    pub lost_reason: Box<str>,
    /// Index into the strategy's plans.
    pub plan: Option<u32>,
    /// Index into the strategy's segments, when the export sets the deal's own
    /// segment; otherwise the deal takes its customer's.
    pub segment: Option<u32>,
    /// Index into the strategy's offers: what is being sold, when the export says.
    pub offer: Option<u32>,
    /// The export's `forecast_category`, when it has one.
    pub forecast_category: Option<ForecastCategory>,
}

impl Customer {
    /// The customer's value for a field a segment rule names: a known column or an
    /// extra one; `None` when the export has no such column.
    pub fn field(&self, name: &str) -> Option<String> {
        match name {
            "id" => Some(self.id.clone()),
            "name" => Some(self.name.clone()),
            "industry" => Some(self.industry.clone()),
            "region" => Some(self.region.clone()),
            "employees" => self.employees.map(|n| n.to_string()),
            _ => self
                .extra
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone()),
        }
    }
}

/// The indexes a deal holds are `u32`, half a `usize`: a deal is read once per
/// export it is in, and at a million deals every byte of it is 2.4 MB. These give
/// them back as `usize`, for indexing.
impl Deal {
    pub fn customer(&self) -> Option<usize> {
        self.customer.map(|i| i as usize)
    }

    pub fn owner(&self) -> Option<usize> {
        self.owner.map(|i| i as usize)
    }

    pub fn stage(&self) -> usize {
        self.stage as usize
    }

    pub fn plan(&self) -> Option<usize> {
        self.plan.map(|i| i as usize)
    }

    pub fn segment(&self) -> Option<usize> {
        self.segment.map(|i| i as usize)
    }

    pub fn offer(&self) -> Option<usize> {
        self.offer.map(|i| i as usize)
    }

    /// The value, zero when the export left it empty.
    pub fn amount(&self) -> Money {
        self.value.unwrap_or(Money::ZERO)
    }
}

/// One earlier export of the deals.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub date: NaiveDate,
    pub deals: Vec<Deal>,
}

#[derive(Debug, Clone)]
pub struct Model {
    pub config: Config,
    pub strategy: Strategy,
    pub customers: Vec<Customer>,
    pub deals: Vec<Deal>,
    /// Oldest first.
    pub snapshots: Vec<Snapshot>,
    pub pages: Vec<Page>,
    /// Sales-meeting minutes, oldest first.
    pub meetings: Vec<Meeting>,
    /// An earlier strategy to compare with (`--compare-strategy`): its file as
    /// given, and the strategy.
    pub previous_strategy: Option<(std::path::PathBuf, Strategy)>,
    /// How each export was read and mapped.
    pub sources: Vec<SourceReport>,
    /// The line of the deals export each of [`Model::deals`] starts on.
    pub deal_lines: Vec<usize>,
    /// Deal id -> the owner its row names, for the current export's deals whose
    /// owner is not among the strategy's sellers (a former seller, a manager).
    pub unlisted_owners: BTreeMap<String, String>,
    /// Warnings about the customers export (an owner who is none of the sellers),
    /// in file order.
    pub customer_warnings: Vec<Finding>,
    /// With `--lenient`: the problems of the deal rows left out, sorted.
    pub skipped: Vec<Diagnostic>,
    /// The `[brand]` logo's bytes.
    pub logo: Option<Vec<u8>>,
    /// Every input file with its SHA-256, sorted by path (the report's provenance).
    pub files: Vec<crate::load::InputFile>,
}

impl Model {
    /// Empties every snapshot's list of deals, keeping the dates: for when the
    /// metrics are computed and nothing reads them again. At a million deals
    /// they are a third of the model.
    pub fn release_snapshot_deals(&mut self) {
        for snapshot in &mut self.snapshots {
            snapshot.deals = Vec::new();
        }
    }

    /// A deal's owner, when that is one of the strategy's sellers.
    pub fn seller(&self, deal: &Deal) -> Option<&crate::strategy::Seller> {
        deal.owner().map(|o| &self.strategy.sellers[o])
    }

    /// A deal's owner for a reader: the seller's name, else the owner as the export
    /// writes it (not among the sellers), else an empty string.
    pub fn owner_name<'m>(&'m self, deal: &Deal) -> &'m str {
        self.seller(deal)
            .map_or_else(|| self.unlisted_owner(deal), |s| &s.name)
    }

    /// A deal's owner in plain values: the seller's id, else the owner as written.
    pub fn owner_id<'m>(&'m self, deal: &Deal) -> &'m str {
        self.seller(deal)
            .map_or_else(|| self.unlisted_owner(deal), |s| &s.id)
    }

    fn unlisted_owner(&self, deal: &Deal) -> &str {
        self.unlisted_owners
            .get(&*deal.id)
            .map_or("", String::as_str)
    }

    /// A deal's win probability: its own, else its stage's default.
    pub fn probability(&self, deal: &Deal) -> u8 {
        deal.probability
            .unwrap_or(self.strategy.stages[deal.stage()].probability)
    }

    /// A deal's segment: its own when the export gives one, else its customer's.
    pub fn segment(&self, deal: &Deal) -> Option<usize> {
        deal.segment()
            .or_else(|| deal.customer().and_then(|c| self.customers[c].segment))
    }

    /// Whether a deal belongs to plan `plan`: its `plan` column names it, or the
    /// plan has `match_rules` and the deal names no plan, was created within the
    /// plan's period, is in one of its segments (when it lists any) and sells one of
    /// its offers (when it lists any).
    pub fn in_plan(&self, deal: &Deal, plan: usize) -> bool {
        if let Some(tied) = deal.plan() {
            return tied == plan;
        }
        let Some(p) = self.strategy.plans.get(plan) else {
            return false;
        };
        p.match_rules
            && (p.segments.is_empty()
                || self.segment(deal).is_some_and(|s| p.segments.contains(&s)))
            && (p.offers.is_empty() || deal.offer().is_some_and(|o| p.offers.contains(&o)))
            && p.start <= deal.created
            && deal.created <= p.end
    }
}

#[cfg(test)]
mod size_tests {
    /// A deal is held once per export it is in: 2.4 million at a million deals
    /// with twelve snapshots, so each byte of it is 2.4 MB of the build's peak.
    #[test]
    fn a_deal_stays_small() {
        // Four boxed strings (16 bytes each), two optional amounts (16), five
        // optional u32 indexes (8), the stage (4), five dates (4), the rest 4.
        let size = std::mem::size_of::<super::Deal>();
        assert!(size <= 168, "a Deal is {size} bytes, expected at most 168");
    }
}
