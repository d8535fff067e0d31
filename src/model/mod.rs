//! The canonical model: the checked, typed project every later stage reads.
//!
//! [`resolve`] turns [`Inputs`] into a [`Model`] or the full list of problems. After
//! it, every deal's stage, owner, customer and plan is an index that is known to be
//! valid, every date and amount is parsed, and every customer has its segment.
//! Nothing here computes metrics or knows about pages.

mod content;
mod customers;
mod deals;

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::config::Config;
use crate::error::{Diagnostic, Error, Problems};
use crate::load::Inputs;
use crate::money::Money;
use crate::strategy::{self, Strategy};

pub use content::{Meeting, Page};

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
    pub id: String,
    pub name: String,
    /// Index into [`Model::customers`].
    pub customer: Option<usize>,
    /// Index into the strategy's sellers.
    pub owner: usize,
    /// Index into the strategy's stages.
    pub stage: usize,
    pub status: Status,
    pub value: Option<Money>,
    /// The probability the export gives, in whole percent; `None`: the stage's.
    pub probability: Option<u8>,
    pub created: NaiveDate,
    pub expected_close: Option<NaiveDate>,
    pub closed: Option<NaiveDate>,
    pub next_activity: Option<NaiveDate>,
    pub last_activity: Option<NaiveDate>,
    pub lost_reason: String,
    /// Index into the strategy's plans.
    pub plan: Option<usize>,
    /// Index into the strategy's segments, when the export sets the deal's own
    /// segment; otherwise the deal takes its customer's.
    pub segment: Option<usize>,
    /// Index into the strategy's offers: what is being sold, when the export says.
    pub offer: Option<usize>,
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

impl Deal {
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
    /// The `[brand]` logo's bytes.
    pub logo: Option<Vec<u8>>,
    /// Every input file with its SHA-256, sorted by path (the report's provenance).
    pub files: Vec<crate::load::InputFile>,
}

impl Model {
    /// A deal's win probability: its own, else its stage's default.
    pub fn probability(&self, deal: &Deal) -> u8 {
        deal.probability
            .unwrap_or(self.strategy.stages[deal.stage].probability)
    }

    /// A deal's segment: its own when the export gives one, else its customer's.
    pub fn segment(&self, deal: &Deal) -> Option<usize> {
        deal.segment
            .or_else(|| deal.customer.and_then(|c| self.customers[c].segment))
    }

    /// Whether a deal belongs to plan `plan`: its `plan` column names it, or the
    /// plan has `match_rules` and the deal names no plan, was created within the
    /// plan's period, is in one of its segments (when it lists any) and sells one of
    /// its offers (when it lists any).
    pub fn in_plan(&self, deal: &Deal, plan: usize) -> bool {
        if let Some(tied) = deal.plan {
            return tied == plan;
        }
        let Some(p) = self.strategy.plans.get(plan) else {
            return false;
        };
        p.match_rules
            && (p.segments.is_empty()
                || self.segment(deal).is_some_and(|s| p.segments.contains(&s)))
            && (p.offers.is_empty() || deal.offer.is_some_and(|o| p.offers.contains(&o)))
            && p.start <= deal.created
            && deal.created <= p.end
    }
}

/// Reads a deals export against a strategy, for tests that build exports in code.
#[cfg(test)]
pub(crate) fn read_deals_for_tests(
    source: &crate::load::SourceText,
    strategy: &Strategy,
    customers: Option<&HashMap<&str, usize>>,
    problems: &mut Problems,
) -> Vec<Deal> {
    deals::read(source, strategy, customers, problems)
}

/// Checks and types everything `load` read. Every problem in every file is
/// collected before this fails.
pub fn resolve(inputs: Inputs) -> Result<Model, Error> {
    let mut problems = inputs.problems;
    let strategy = inputs
        .strategy
        .as_ref()
        .and_then(|s| strategy::parse(&s.path, &s.text, &mut problems));
    let customers = match (&inputs.customers, &strategy) {
        (Some(source), Some(strategy)) => customers::read(source, strategy, &mut problems),
        _ => Vec::new(),
    };
    // Without a readable customers file, deals' customer ids cannot be checked: the
    // missing file is the one problem to report, not every reference to it.
    let customer_index: Option<HashMap<&str, usize>> = inputs.customers.is_some().then(|| {
        customers
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect()
    });
    let read_deals = |source: &crate::load::SourceText, problems: &mut Problems| match &strategy {
        Some(strategy) => deals::read(source, strategy, customer_index.as_ref(), problems),
        None => Vec::new(),
    };
    let deals = inputs
        .deals
        .as_ref()
        .map(|s| read_deals(s, &mut problems))
        .unwrap_or_default();
    let snapshots: Vec<Snapshot> = inputs
        .snapshots
        .iter()
        .map(|(date, source)| Snapshot {
            date: *date,
            deals: read_deals(source, &mut problems),
        })
        .collect();
    let pages = content::read(&inputs.content, &mut problems);
    let meetings = content::meetings(&inputs.meetings);
    if let (Some(strategy), Some(source)) = (&strategy, &inputs.strategy) {
        content::check_figures(&pages, &meetings, strategy, source, &mut problems);
    }
    let previous_strategy = inputs.compare_strategy.as_ref().and_then(|s| {
        strategy::parse(&s.path, &s.text, &mut problems).map(|strategy| (s.path.clone(), strategy))
    });
    if strategy.is_some() && inputs.customers.is_some() && customers.is_empty() {
        problems.push(
            Diagnostic::file(
                inputs.config.as_ref().map_or_else(
                    || crate::config::DEFAULT_CUSTOMERS.into(),
                    |c| c.customers_file.clone(),
                ),
                "holds no customers, expected at least one row",
            )
            .with_code(crate::error::Code::NoCustomers),
        );
    }
    let (Some(config), Some(strategy)) = (inputs.config, strategy) else {
        // The reasons are already among the problems.
        return Err(problems
            .into_result(())
            .err()
            .unwrap_or(Error::Invalid(Vec::new())));
    };
    problems.into_result(Model {
        config,
        strategy,
        customers,
        deals,
        snapshots,
        pages,
        meetings,
        previous_strategy,
        logo: inputs.logo,
        files: inputs.files,
    })
}
