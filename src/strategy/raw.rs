//! `strategy.toml` as written: serde structs that mirror the file one to one and
//! deny unknown keys. No checking beyond types here; that is `resolve.rs`'s job.

use serde::Deserialize;
use toml::Spanned;

use super::Priority;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStrategy {
    pub(super) currency: RawCurrency,
    pub(super) direction: RawDirection,
    pub(super) thresholds: RawThresholds,
    pub(super) stages: Vec<RawStage>,
    #[serde(default)]
    pub(super) teams: Vec<RawTeam>,
    pub(super) sellers: Vec<RawSeller>,
    #[serde(default)]
    pub(super) segments: Vec<RawSegment>,
    #[serde(default)]
    pub(super) offers: Vec<RawOffer>,
    #[serde(default)]
    pub(super) targets: Vec<RawTarget>,
    #[serde(default)]
    pub(super) plans: Vec<RawPlan>,
    #[serde(default)]
    pub(super) focus: RawFocus,
    pub(super) meeting: Option<RawMeeting>,
}

/// `[meeting]`: how often the sales meeting is held.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMeeting {
    pub(super) cadence_days: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCurrency {
    pub(super) base: Spanned<String>,
    /// Currency code -> base units per unit, as a decimal string ("11.50").
    #[serde(default)]
    pub(super) rates: std::collections::BTreeMap<String, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDirection {
    pub(super) statement: String,
    pub(super) positioning: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawThresholds {
    pub(super) stale_after_days: Spanned<i64>,
    pub(super) coverage_goal: Spanned<f64>,
    #[serde(default = "january")]
    pub(super) fiscal_year_start: Spanned<i64>,
}

pub(super) fn january() -> Spanned<i64> {
    Spanned::new(0..0, 1)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStage {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    pub(super) probability: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTeam {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    pub(super) manager: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSeller {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    pub(super) team: Spanned<String>,
    pub(super) email: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSegment {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    pub(super) priority: Priority,
    pub(super) why: String,
    pub(super) identify: String,
    #[serde(default)]
    pub(super) rules: Vec<Spanned<RawCondition>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCondition {
    pub(super) field: String,
    pub(super) equals: Option<String>,
    #[serde(rename = "in")]
    pub(super) one_of: Option<Vec<String>>,
    pub(super) min: Option<i64>,
    pub(super) max: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOffer {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    pub(super) segments: Vec<Spanned<String>>,
    pub(super) value: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTarget {
    pub(super) period: Spanned<String>,
    pub(super) revenue: Option<Spanned<RawMoney>>,
    pub(super) new_customers: Option<Spanned<i64>>,
    pub(super) new_pipeline: Option<Spanned<RawMoney>>,
    pub(super) deals: Option<Spanned<i64>>,
    pub(super) segment: Option<Spanned<String>>,
    pub(super) team: Option<Spanned<String>>,
    pub(super) seller: Option<Spanned<String>>,
    pub(super) plan: Option<Spanned<String>>,
}

/// Money in TOML: whole units as an integer, or a decimal string for öre.
#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum RawMoney {
    Whole(i64),
    Text(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlan {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    #[serde(default)]
    pub(super) segments: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) offers: Vec<Spanned<String>>,
    pub(super) start: Spanned<toml::value::Datetime>,
    pub(super) end: Spanned<toml::value::Datetime>,
    pub(super) owner: Spanned<String>,
    pub(super) channel: String,
    pub(super) goal_revenue: Option<Spanned<RawMoney>>,
    pub(super) goal_deals: Option<u32>,
    /// Also take deals in the plan's segments and offers created within its period.
    pub(super) match_rules: Option<Spanned<bool>>,
    pub(super) activities: String,
}

/// `[focus]`: the rules that rank each seller's focus list; every key optional.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFocus {
    pub(super) overdue_weight: Option<Spanned<i64>>,
    pub(super) closing_weight: Option<Spanned<i64>>,
    pub(super) aging_weight: Option<Spanned<i64>>,
    pub(super) late_stage_weight: Option<Spanned<i64>>,
    pub(super) late_stage_min_probability: Option<Spanned<i64>>,
    pub(super) late_stage_min_value: Option<Spanned<RawMoney>>,
    pub(super) pushed_weight: Option<Spanned<i64>>,
    pub(super) pushed_min_times: Option<Spanned<i64>>,
    pub(super) revisit_lost_after_days: Option<Spanned<i64>>,
}
