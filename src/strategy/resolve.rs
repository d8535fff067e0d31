//! The checked conversion of `strategy.toml` into [`Strategy`]: what serde cannot
//! check. Unique ids, references between sections, ranges, dates and money, each
//! problem reported at the place in the file it comes from.

use std::path::Path;

use chrono::NaiveDate;
use toml::Spanned;

use super::raw::{RawCondition, RawMoney, RawStrategy};
use super::targets::ScopeIds;
use super::{
    Condition, Direction, IdMap, Index, Offer, Plan, Rule, Segment, Seller, Stage, Strategy, Team,
    Thresholds,
};
use crate::error::{Code, Problems};
use crate::money::Money;
use crate::period::FiscalCalendar;
use crate::toml_source;

/// Checks that the file's ids are unique slugs and reports problems at `path`.
pub(super) struct Checker<'a> {
    path: &'a Path,
    text: &'a str,
    problems: &'a mut Problems,
}

impl Checker<'_> {
    pub(super) fn report<T>(&mut self, at: &Spanned<T>, message: String) {
        self.report_as(Code::StrategyValue, at, message);
    }

    fn report_as<T>(&mut self, code: Code, at: &Spanned<T>, message: String) {
        let problem = toml_source::at(self.path, self.text, at, message);
        self.problems.push(problem.with_code(code));
    }

    /// Builds an id → index map, reporting duplicates and ids that are not slugs.
    fn ids<'s>(&mut self, kind: &str, ids: impl Iterator<Item = &'s Spanned<String>>) -> IdMap {
        let mut map = IdMap::default();
        for (i, id) in ids.enumerate() {
            let text = id.get_ref();
            if !is_slug(text) {
                self.report_as(
                    Code::StrategyId,
                    id,
                    format!("{kind} id \"{text}\" is not a slug, expected lowercase letters a-z, digits and '-' (e.g. \"north-team\")"),
                );
            }
            // The figures add lines of their own beside the strategy's, with these keys.
            let reserved = match kind {
                "seller" | "team" => Some(crate::metrics::NO_SELLER),
                "segment" => Some(crate::metrics::UNSEGMENTED),
                _ => None,
            };
            if reserved == Some(text.as_str()) {
                self.report_as(
                    Code::StrategyId,
                    id,
                    format!("{kind} id \"{text}\" is reserved for the figures' own line, expected another id"),
                );
            }
            if map.insert(text.clone(), i).is_some() {
                self.report_as(
                    Code::StrategyId,
                    id,
                    format!("{kind} id \"{text}\" is used twice, expected each {kind} id once"),
                );
            }
        }
        map
    }

    pub(super) fn lookup(
        &mut self,
        kind: &str,
        map: &IdMap,
        id: &Spanned<String>,
    ) -> Option<usize> {
        let found = map.get(id.get_ref()).copied();
        if found.is_none() {
            let mut known: Vec<(&String, &usize)> = map.iter().collect();
            known.sort_by_key(|(_, i)| **i);
            let list = super::quoted_list(known.into_iter().map(|(k, _)| k.as_str()));
            self.report_as(
                Code::StrategyReference,
                id,
                format!(
                    "{kind} \"{}\" is not defined, expected one of {list}",
                    id.get_ref()
                ),
            );
        }
        found
    }

    pub(super) fn money(&mut self, raw: &Spanned<RawMoney>) -> Option<Money> {
        let money = match raw.get_ref() {
            RawMoney::Whole(n) => n.checked_mul(100).map(Money::from_minor),
            RawMoney::Text(text) => Money::parse(text),
        };
        match money {
            Some(m) if m >= Money::ZERO => Some(m),
            _ => {
                let found = match raw.get_ref() {
                    RawMoney::Whole(n) => n.to_string(),
                    RawMoney::Text(t) => format!("\"{t}\""),
                };
                self.report_as(
                    Code::StrategyAmount,
                    raw,
                    format!("{found} is not an amount, expected whole units (48000000) or a decimal string (\"1250000.50\"), not negative"),
                );
                None
            }
        }
    }

    fn date(&mut self, raw: &Spanned<toml::value::Datetime>) -> Option<NaiveDate> {
        let value = raw.get_ref();
        let date = match (value.date, value.time) {
            (Some(d), None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
            }
            _ => None,
        };
        if date.is_none() {
            self.report_as(
                Code::StrategyDate,
                raw,
                format!("{value} is not a date, expected a TOML date such as 2026-01-31"),
            );
        }
        date
    }
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads and checks `strategy.toml`. Returns a strategy whenever the file could be
/// read at all, even with problems, so that the data files can still be checked
/// against its stages and sellers in the same run.
pub fn parse(path: &Path, text: &str, problems: &mut Problems) -> Option<Strategy> {
    let raw: RawStrategy = toml_source::parse(path, text, problems)?;
    let mut check = Checker {
        path,
        text,
        problems,
    };

    let currency = raw.currency.base.get_ref().clone();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        check.report(&raw.currency.base, format!("currency \"{currency}\" is not an ISO 4217 code, expected three capital letters such as \"SEK\""));
    }
    let mut rates = std::collections::BTreeMap::new();
    for (code, rate) in &raw.currency.rates {
        let is_code = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
        match crate::money::Rate::parse(rate.get_ref()) {
            Some(parsed) if is_code && *code != currency => {
                rates.insert(code.clone(), parsed);
            }
            Some(_) if !is_code => check.report(rate, format!("rates: \"{code}\" is not an ISO 4217 code, expected three capital letters such as \"EUR\"")),
            Some(_) => check.report(rate, format!("rates: {code} is the base currency, expected only other currencies (the base needs no rate)")),
            None => check.report(rate, format!("rates: {code} = \"{}\" is not a rate, expected a positive decimal string of base units per {code}, such as \"11.50\"", rate.get_ref())),
        }
    }

    let th = &raw.thresholds;
    if *th.stale_after_days.get_ref() < 1 {
        check.report(
            &th.stale_after_days,
            format!(
                "stale_after_days = {} is too small, expected a whole number of days from 1",
                th.stale_after_days.get_ref()
            ),
        );
    }
    let coverage_goal = *th.coverage_goal.get_ref();
    if !(coverage_goal.is_finite() && coverage_goal > 0.0) {
        check.report(
            &th.coverage_goal,
            format!("coverage_goal = {coverage_goal} is not a positive ratio, expected e.g. 3.0"),
        );
    }
    let start_month = u32::try_from(*th.fiscal_year_start.get_ref()).ok();
    let calendar = start_month.and_then(FiscalCalendar::new);
    if calendar.is_none() {
        check.report(
            &th.fiscal_year_start,
            format!(
                "fiscal_year_start = {} is not a month, expected 1 (January) to 12",
                th.fiscal_year_start.get_ref()
            ),
        );
    }

    let stage_ids = check.ids("stage", raw.stages.iter().map(|s| &s.id));
    if raw.stages.is_empty() {
        check.problems.push(
            crate::error::Diagnostic::file(
                path,
                "no [[stages]], expected the pipeline's stages in order",
            )
            .with_code(Code::StrategyNoStages),
        );
    }
    let stages = raw
        .stages
        .iter()
        .map(|s| {
            let p = *s.probability.get_ref();
            let probability = u8::try_from(p).ok().filter(|p| *p <= 100);
            if probability.is_none() {
                check.report(
                    &s.probability,
                    format!(
                        "probability {p} is out of range, expected a whole percent from 0 to 100"
                    ),
                );
            }
            Stage {
                id: s.id.get_ref().clone(),
                name: s.name.clone(),
                probability: probability.unwrap_or(0),
            }
        })
        .collect();

    let team_ids = check.ids("team", raw.teams.iter().map(|t| &t.id));
    let seller_ids = check.ids("seller", raw.sellers.iter().map(|s| &s.id));
    let segment_ids = check.ids("segment", raw.segments.iter().map(|s| &s.id));
    let offer_ids = check.ids("offer", raw.offers.iter().map(|o| &o.id));
    let plan_ids = check.ids("plan", raw.plans.iter().map(|p| &p.id));

    let teams = raw
        .teams
        .iter()
        .map(|t| Team {
            id: t.id.get_ref().clone(),
            name: t.name.clone(),
            manager: t
                .manager
                .as_ref()
                .and_then(|m| check.lookup("seller", &seller_ids, m)),
        })
        .collect();
    let sellers = raw
        .sellers
        .iter()
        .map(|s| Seller {
            id: s.id.get_ref().clone(),
            name: s.name.clone(),
            team: check.lookup("team", &team_ids, &s.team).unwrap_or(0),
            email: s.email.clone(),
        })
        .collect();

    let segments = raw
        .segments
        .iter()
        .map(|s| Segment {
            id: s.id.get_ref().clone(),
            name: s.name.clone(),
            priority: s.priority,
            why: s.why.clone(),
            identify: s.identify.clone(),
            rule: Rule {
                conditions: s
                    .rules
                    .iter()
                    .filter_map(|c| condition(&mut check, c))
                    .collect(),
            },
        })
        .collect();

    let offers = raw
        .offers
        .iter()
        .map(|o| Offer {
            id: o.id.get_ref().clone(),
            name: o.name.clone(),
            segments: o
                .segments
                .iter()
                .filter_map(|s| check.lookup("segment", &segment_ids, s))
                .collect(),
            value: o.value.clone(),
        })
        .collect();

    let scopes = ScopeIds {
        segments: &segment_ids,
        teams: &team_ids,
        sellers: &seller_ids,
        plans: &plan_ids,
    };
    let targets = super::targets::resolve(&mut check, &raw.targets, &scopes);
    let focus = super::focus::resolve(&mut check, &raw.focus);
    let meeting_cadence_days = raw.meeting.as_ref().and_then(|m| {
        let days = *m.cadence_days.get_ref();
        let valid = u32::try_from(days).ok().filter(|d| (1..=366).contains(d));
        if valid.is_none() {
            check.report(&m.cadence_days, format!("cadence_days = {days} is out of range, expected the days between meetings, from 1 to 366 (e.g. 7)"));
        }
        valid
    });

    let plans = raw
        .plans
        .iter()
        .map(|p| {
            let start = check.date(&p.start);
            let end = check.date(&p.end);
            if let (Some(start), Some(end)) = (start, end)
                && end < start
            {
                check.report(&p.end, format!("plan ends {end}, before it starts ({start}), expected an end on or after the start"));
            }
            let match_rules = p.match_rules.as_ref().is_some_and(|m| *m.get_ref());
            if let Some(m) = &p.match_rules
                && match_rules
                && p.segments.is_empty()
                && p.offers.is_empty()
            {
                check.report(m, "match_rules = true on a plan without segments or offers, expected `segments` or `offers` to match deals by".into());
            }
            Plan {
                id: p.id.get_ref().clone(),
                name: p.name.clone(),
                segments: p.segments.iter().filter_map(|s| check.lookup("segment", &segment_ids, s)).collect(),
                offers: p.offers.iter().filter_map(|o| check.lookup("offer", &offer_ids, o)).collect(),
                start: start.unwrap_or_default(),
                end: end.unwrap_or_default(),
                owner: check.lookup("seller", &seller_ids, &p.owner),
                channel: p.channel.clone(),
                goal_revenue: p.goal_revenue.as_ref().and_then(|m| check.money(m)),
                goal_deals: p.goal_deals,
                match_rules,
                activities: p.activities.clone(),
            }
        })
        .collect();

    Some(Strategy {
        currency,
        rates,
        direction: Direction {
            statement: raw.direction.statement,
            positioning: raw.direction.positioning,
        },
        thresholds: Thresholds {
            stale_after_days: *th.stale_after_days.get_ref(),
            coverage_goal,
        },
        calendar: calendar.unwrap_or(FiscalCalendar::new(1)?),
        stages,
        teams,
        sellers,
        segments,
        offers,
        targets,
        plans,
        focus,
        meeting_cadence_days,
        index: Index {
            stages: stage_ids,
            sellers: seller_ids,
            segments: segment_ids,
            offers: offer_ids,
            plans: plan_ids,
        },
    })
}

fn condition(check: &mut Checker<'_>, raw: &Spanned<RawCondition>) -> Option<Condition> {
    let c = raw.get_ref();
    let field = c.field.clone();
    match (&c.equals, &c.one_of, c.min, c.max) {
        (Some(value), None, None, None) => Some(Condition::Equals {
            field,
            value: value.clone(),
        }),
        (None, Some(values), None, None) => Some(Condition::In {
            field,
            values: values.clone(),
        }),
        (None, None, min, max) if min.is_some() || max.is_some() => {
            if let (Some(lo), Some(hi)) = (min, max)
                && lo > hi
            {
                check.report(
                    raw,
                    format!(
                        "rule on \"{}\" has min {lo} above max {hi}, expected min <= max",
                        c.field
                    ),
                );
                return None;
            }
            Some(Condition::Range { field, min, max })
        }
        _ => {
            check.report(raw, format!("rule on \"{}\" mixes or lacks tests, expected exactly one of `equals`, `in`, or `min`/`max`", c.field));
            None
        }
    }
}
