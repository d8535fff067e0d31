//! `[[targets]]`: each target's period, scope and figures, checked and reported at
//! their place in the file.

use toml::Spanned;

use super::raw::RawTarget;
use super::resolve::Checker;
use super::{IdMap, Target, TargetScope};
use crate::period::Period;

/// The id maps a target's scope keys are looked up in.
pub(super) struct ScopeIds<'a> {
    pub(super) segments: &'a IdMap,
    pub(super) teams: &'a IdMap,
    pub(super) sellers: &'a IdMap,
    pub(super) plans: &'a IdMap,
}

fn count(check: &mut Checker<'_>, kind: &str, raw: &Spanned<i64>) -> Option<u32> {
    let n = *raw.get_ref();
    let valid = u32::try_from(n).ok();
    if valid.is_none() {
        check.report(
            raw,
            format!("{kind} = {n} is not a count, expected a whole number from 0"),
        );
    }
    valid
}

pub(super) fn resolve(
    check: &mut Checker<'_>,
    raw: &[RawTarget],
    ids: &ScopeIds<'_>,
) -> Vec<Target> {
    let mut targets: Vec<Target> = Vec::new();
    for t in raw {
        let period = Period::parse(t.period.get_ref());
        if period.is_none() {
            check.report(&t.period, format!("period \"{}\" is not a period, expected a fiscal year \"2026\", a quarter \"2026-Q3\", a month \"2026-03\" or an ISO week \"2026-W07\"", t.period.get_ref()));
        }
        let revenue = t.revenue.as_ref().map(|m| check.money(m));
        let new_pipeline = t.new_pipeline.as_ref().map(|m| check.money(m));
        let new_customers = t
            .new_customers
            .as_ref()
            .map(|n| count(check, "new_customers", n));
        let deals = t.deals.as_ref().map(|n| count(check, "deals", n));
        let kinds_valid = [
            revenue.is_none_or(|m| m.is_some()),
            new_pipeline.is_none_or(|m| m.is_some()),
            new_customers.is_none_or(|n| n.is_some()),
            deals.is_none_or(|n| n.is_some()),
        ]
        .iter()
        .all(|ok| *ok);
        if revenue.is_none() && new_pipeline.is_none() && new_customers.is_none() && deals.is_none()
        {
            check.report(&t.period, "target sets no figure, expected at least one of `revenue`, `new_customers`, `new_pipeline` or `deals`".into());
            continue;
        }
        let named: Vec<(&str, &Spanned<String>)> = [
            ("segment", &t.segment),
            ("team", &t.team),
            ("seller", &t.seller),
            ("plan", &t.plan),
        ]
        .into_iter()
        .filter_map(|(kind, id)| id.as_ref().map(|id| (kind, id)))
        .collect();
        let scope = match named.as_slice() {
            [] => Some(TargetScope::Company),
            [("segment", s)] => check
                .lookup("segment", ids.segments, s)
                .map(TargetScope::Segment),
            [("team", s)] => check.lookup("team", ids.teams, s).map(TargetScope::Team),
            [("seller", s)] => check
                .lookup("seller", ids.sellers, s)
                .map(TargetScope::Seller),
            [("plan", s)] => check.lookup("plan", ids.plans, s).map(TargetScope::Plan),
            [(first, _), (second, s), ..] => {
                check.report(
                    s,
                    format!("target names both a {first} and a {second}, expected at most one of segment, team, seller and plan"),
                );
                None
            }
            [(kind, s)] => {
                check.report(
                    s,
                    format!("{kind} is not a target scope, expected segment, team, seller or plan"),
                );
                None
            }
        };
        let (Some(period), Some(scope), true) = (period, scope, kinds_valid) else {
            continue;
        };
        if targets
            .iter()
            .any(|o| o.period == period && o.scope == scope)
        {
            check.report(&t.period, format!("a second target for period \"{period}\" and the same scope, expected one target per period and scope (one target may set several figures)"));
            continue;
        }
        targets.push(Target {
            period,
            scope,
            revenue: revenue.flatten(),
            new_customers: new_customers.flatten(),
            new_pipeline: new_pipeline.flatten(),
            deals: deals.flatten(),
        });
    }
    targets
}
