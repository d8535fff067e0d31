//! A seller's or a team's view: the model cut down to their deals, customers and
//! targets before any figure is computed.
//!
//! Kept: the sellers of the audience; their deals, now and in every snapshot (a
//! snapshot's row counts for whoever owned the deal then); the customers those deals
//! name or that the sellers own; the targets of those sellers and their team. The
//! company's targets give way to the audience's own, so every "against target" on
//! the pages compares their results with their targets; plans keep no goals, which
//! are for every seller's deals together. Meeting minutes (written
//! for the whole team) are left out; the strategy's text stays.

use std::collections::{BTreeMap, BTreeSet};

use super::{Excluded, Label, Policy, Shown, What};
use crate::model::{Deal, Model};
use crate::money::Money;
use crate::period::Period;
use crate::strategy::{Target, TargetScope};

/// One seller's view.
pub(super) fn seller(model: Model, seller: usize, audience: String) -> Shown {
    let label = Label {
        kind: "seller",
        name: Some(model.strategy.sellers[seller].name.clone()),
    };
    let mut shown = restrict(model, &[seller], label, audience);
    // The seller is seller 0 of the restricted strategy: their targets become the
    // view's own.
    let own = own_targets(&shown.model.strategy.targets, TargetScope::Seller(0));
    shown.model.strategy.targets = own;
    shown
}

/// One team's view.
pub(super) fn team(model: Model, team: usize, audience: String) -> Shown {
    let label = Label {
        kind: "team",
        name: Some(model.strategy.teams[team].name.clone()),
    };
    let members: Vec<usize> = (0..model.strategy.sellers.len())
        .filter(|&s| model.strategy.sellers[s].team == team)
        .collect();
    let mut shown = restrict(model, &members, label, audience);
    let strategy = &shown.model.strategy;
    // The team is team 0 of the restricted strategy (a team without sellers has
    // none: it keeps no targets).
    let mut own = if strategy.teams.is_empty() {
        Vec::new()
    } else {
        own_targets(&strategy.targets, TargetScope::Team(0))
    };
    own.extend(summed_member_targets(
        &strategy.targets,
        strategy.sellers.len(),
        &own,
    ));
    shown.model.strategy.targets = own;
    shown
}

/// The targets of `scope`, each also as the view's company target; the sellers'
/// own targets stay (a team view shows each member against theirs).
fn own_targets(targets: &[Target], scope: TargetScope) -> Vec<Target> {
    let mut own: Vec<Target> = targets
        .iter()
        .filter(|t| t.scope == scope)
        .map(|t| Target {
            scope: TargetScope::Company,
            ..t.clone()
        })
        .collect();
    own.extend(
        targets
            .iter()
            .filter(|t| t.scope == scope || matches!(t.scope, TargetScope::Seller(_)))
            .cloned(),
    );
    own
}

/// For a period with no team target where every one of the team's `sellers` has a
/// revenue target: the sum of theirs, as the view's company revenue target.
fn summed_member_targets(targets: &[Target], sellers: usize, own: &[Target]) -> Vec<Target> {
    let mut by_period: BTreeMap<Period, Vec<Money>> = BTreeMap::new();
    for target in targets {
        if let (TargetScope::Seller(_), Some(revenue)) = (target.scope, target.revenue) {
            by_period.entry(target.period).or_default().push(revenue);
        }
    }
    by_period
        .into_iter()
        .filter(|(period, revenues)| {
            sellers > 0
                && revenues.len() == sellers
                && !own
                    .iter()
                    .any(|t| t.period == *period && t.scope == TargetScope::Company)
        })
        .map(|(period, revenues)| Target {
            period,
            scope: TargetScope::Company,
            revenue: Some(revenues.into_iter().fold(Money::ZERO, |a, b| a + b)),
            new_customers: None,
            new_pipeline: None,
            deals: None,
        })
        .collect()
}

/// The model with only `keep`'s sellers (indexes, ascending), their deals and
/// customers.
fn restrict(model: Model, keep: &[usize], label: Label, audience: String) -> Shown {
    let (mut strategy, sellers) = model.strategy.with_sellers(keep);
    // A plan's goals are for all its deals, of every seller: against the part this
    // view sees they would read as a shortfall. The view shows each plan's
    // contribution (won, open) without them.
    for plan in &mut strategy.plans {
        plan.goal_revenue = None;
        plan.goal_deals = None;
    }
    // A deal whose owner is none of the sellers is no audience's own.
    let kept = |deal: &Deal| deal.owner().is_some_and(|o| sellers[o].is_some());
    let all_deals = || {
        model
            .deals
            .iter()
            .chain(model.snapshots.iter().flat_map(|s| &s.deals))
    };
    // Customers the kept deals name or the kept sellers own, in the file's order.
    let mut wanted = vec![false; model.customers.len()];
    for deal in all_deals().filter(|d| kept(d)) {
        if let Some(c) = deal.customer() {
            wanted[c] = true;
        }
    }
    for (c, customer) in model.customers.iter().enumerate() {
        if customer.owner.is_some_and(|o| sellers[o].is_some()) {
            wanted[c] = true;
        }
    }
    let mut customers_map: Vec<Option<usize>> = vec![None; model.customers.len()];
    for (next, (slot, _)) in customers_map
        .iter_mut()
        .zip(&wanted)
        .filter(|(_, w)| **w)
        .enumerate()
    {
        *slot = Some(next);
    }
    let excluded = excluded_names(&model, &wanted, kept, audience);
    let renumber = |deal: &Deal| -> Option<Deal> {
        let owner = sellers[deal.owner()?]?;
        Some(Deal {
            owner: Some(owner as u32),
            customer: deal
                .customer()
                .and_then(|c| customers_map[c])
                .map(|c| c as u32),
            ..deal.clone()
        })
    };
    // The deals kept, with the line each starts on in the export.
    let (deals, deal_lines): (Vec<Deal>, Vec<usize>) = model
        .deals
        .iter()
        .zip(&model.deal_lines)
        .filter_map(|(deal, &line)| Some((renumber(deal)?, line)))
        .unzip();
    let snapshots = model
        .snapshots
        .iter()
        .map(|s| crate::model::Snapshot {
            date: s.date,
            deals: s.deals.iter().filter_map(renumber).collect(),
        })
        .collect();
    let customers = model
        .customers
        .iter()
        .zip(&wanted)
        .filter(|(_, w)| **w)
        .map(|(c, _)| {
            let mut customer = c.clone();
            customer.owner = c.owner.and_then(|o| sellers[o]);
            customer
        })
        .collect();
    Shown {
        model: Model {
            strategy,
            customers,
            deals,
            deal_lines,
            snapshots,
            // Only deals without a seller had them, and none of those is kept.
            unlisted_owners: Default::default(),
            // They name customers and people this view may leave out.
            customer_warnings: Vec::new(),
            meetings: Vec::new(),
            ..model
        },
        policy: Policy {
            label: Some(label),
            aggregates_only: false,
        },
        excluded,
    }
}

/// The titles of the deals left out and the names of the customers left out, less
/// any that a kept deal or customer has too.
fn excluded_names(
    model: &Model,
    wanted: &[bool],
    kept: impl Fn(&Deal) -> bool,
    audience: String,
) -> Excluded {
    let deals = || {
        model
            .deals
            .iter()
            .chain(model.snapshots.iter().flat_map(|s| &s.deals))
    };
    let shown: BTreeSet<&str> = deals()
        .filter(|d| kept(d))
        .map(|d| &*d.name)
        .chain(
            model
                .customers
                .iter()
                .zip(wanted)
                .filter(|(_, w)| **w)
                .map(|(c, _)| c.name.as_str()),
        )
        .collect();
    let mut names: BTreeSet<(What, &str)> = BTreeSet::new();
    names.extend(deals().filter(|d| !kept(d)).map(|d| (What::Deal, &*d.name)));
    names.extend(
        model
            .customers
            .iter()
            .zip(wanted)
            .filter(|(_, w)| !**w)
            .map(|(c, _)| (What::Customer, c.name.as_str())),
    );
    let names = names
        .into_iter()
        .filter(|(_, name)| !shown.contains(name))
        .map(|(what, name)| (what, name.to_string()))
        .collect();
    let structural = Excluded::structural_names(model);
    let sellers = model.strategy.sellers.iter().map(|s| s.name.as_str());
    Excluded {
        audience,
        configurable: false,
        names: super::guard::not_inside(
            names,
            shown
                .iter()
                .copied()
                .chain(structural.iter().copied())
                .chain(sellers),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(period: Period, scope: TargetScope, kr: i64) -> Target {
        Target {
            period,
            scope,
            revenue: Some(Money::from_major(kr)),
            new_customers: None,
            new_pipeline: None,
            deals: None,
        }
    }

    fn company_targets(targets: &[Target]) -> Vec<(Period, i64)> {
        targets
            .iter()
            .filter(|t| t.scope == TargetScope::Company)
            .map(|t| (t.period, t.revenue.map_or(0, |m| m.minor() / 100)))
            .collect()
    }

    #[test]
    fn a_sellers_targets_become_the_views_own() {
        let targets = [
            target(Period::Year(2026), TargetScope::Company, 1000),
            target(Period::Year(2026), TargetScope::Segment(0), 400),
            target(Period::Year(2026), TargetScope::Seller(0), 100),
            target(Period::Quarter(2026, 4), TargetScope::Seller(0), 30),
        ];
        let own = own_targets(&targets, TargetScope::Seller(0));
        // The company's 1000 and the segment's 400 go; the seller's 100 and 30 are
        // the view's company targets, and stay the seller's too.
        assert_eq!(
            company_targets(&own),
            [(Period::Year(2026), 100), (Period::Quarter(2026, 4), 30)]
        );
        assert_eq!(own.len(), 4);
    }

    #[test]
    fn a_team_without_a_target_gets_its_members_sum_when_all_have_one() {
        let targets = [
            target(Period::Year(2026), TargetScope::Seller(0), 100),
            target(Period::Year(2026), TargetScope::Seller(1), 250),
            // Only one of the two has a 2027 target: no sum for 2027.
            target(Period::Year(2027), TargetScope::Seller(0), 120),
        ];
        let own = own_targets(&targets, TargetScope::Team(0));
        let summed = summed_member_targets(&targets, 2, &own);
        // 100 + 250 = 350.
        assert_eq!(company_targets(&summed), [(Period::Year(2026), 350)]);
        // A team target of its own wins over the sum.
        let with_team = [
            targets.to_vec(),
            vec![target(Period::Year(2026), TargetScope::Team(0), 500)],
        ]
        .concat();
        let own = own_targets(&with_team, TargetScope::Team(0));
        assert_eq!(company_targets(&own), [(Period::Year(2026), 500)]);
        assert!(summed_member_targets(&with_team, 2, &own).is_empty());
    }
}
