//! The board's model: every deal, customer and seller keeps its figures but loses
//! its name and id to a pseudonym carrying [`MARK`], unless `[audience.board]
//! names` allows that kind of name.
//!
//! The pseudonyms are never meant to be read: they let the board's pages recognise
//! and drop whatever is about one deal, customer or seller (see `redact`), and let
//! the guard prove that nothing of the kind got through. Deal ids are renumbered
//! consistently across the current export and every snapshot, so pipeline movement
//! is measured exactly as in the full build.

use std::collections::{BTreeMap, BTreeSet};

use super::{Excluded, Label, Policy, Shown, What};
use crate::model::Model;

/// Marks a pseudonym at both ends (a Unicode private-use character, which no
/// template or export writes): whatever holds it names one deal, customer or seller.
pub const MARK: char = '\u{E000}';

fn pseudonym(kind: &str, n: usize) -> String {
    format!("{MARK}{kind}-{n}{MARK}")
}

pub(super) fn shown(mut model: Model) -> Shown {
    let allow = model.config.board_names;
    let mut shown: Vec<String> = Excluded::structural_names(&model)
        .into_iter()
        .map(String::from)
        .collect();
    if allow.sellers {
        shown.extend(model.strategy.sellers.iter().map(|s| s.name.clone()));
    }
    if allow.customers {
        shown.extend(model.customers.iter().map(|c| c.name.clone()));
    }
    if allow.deals {
        shown.extend(model.deals.iter().map(|d| d.name.to_string()));
        shown.extend(
            model
                .snapshots
                .iter()
                .flat_map(|s| s.deals.iter().map(|d| d.name.to_string())),
        );
    }
    let mut names: BTreeSet<(What, String)> = BTreeSet::new();
    if !allow.sellers {
        for (n, seller) in model.strategy.sellers.iter_mut().enumerate() {
            names.insert((What::Seller, std::mem::take(&mut seller.name)));
            seller.id = pseudonym("seller", n + 1);
            seller.name = seller.id.clone();
            seller.email = None;
        }
        model.strategy.reindex_sellers();
        // An owner who is none of the sellers is a person's name too.
        let mut people: BTreeMap<String, String> = BTreeMap::new();
        for owner in model.unlisted_owners.values_mut() {
            let next = model.strategy.sellers.len() + people.len() + 1;
            let pseudonym = people
                .entry(std::mem::take(owner))
                .or_insert_with(|| pseudonym("seller", next));
            owner.clone_from(pseudonym);
        }
        names.extend(people.into_keys().map(|text| (What::Seller, text)));
    }
    if !allow.customers {
        for (n, customer) in model.customers.iter_mut().enumerate() {
            names.insert((What::Customer, std::mem::take(&mut customer.name)));
            customer.id = pseudonym("customer", n + 1);
            customer.name = customer.id.clone();
        }
    }
    if !allow.deals {
        let ids: BTreeSet<String> = model
            .deals
            .iter()
            .chain(model.snapshots.iter().flat_map(|s| &s.deals))
            .map(|d| d.id.to_string())
            .collect();
        let numbers: BTreeMap<String, usize> = ids
            .into_iter()
            .enumerate()
            .map(|(n, id)| (id, n + 1))
            .collect();
        let deals = model
            .deals
            .iter_mut()
            .chain(model.snapshots.iter_mut().flat_map(|s| &mut s.deals));
        for deal in deals {
            names.insert((What::Deal, std::mem::take(&mut deal.name).into()));
            deal.id = pseudonym("deal", numbers[&*deal.id]).into();
            deal.name = deal.id.clone();
        }
        // The owners that are not sellers are found by deal id.
        model.unlisted_owners = std::mem::take(&mut model.unlisted_owners)
            .into_iter()
            .filter_map(|(id, owner)| Some((pseudonym("deal", *numbers.get(&id)?), owner)))
            .collect();
    }
    // Minutes of the sales meeting are about single deals; the board gets none.
    model.meetings.clear();
    Shown {
        model,
        policy: Policy {
            label: Some(Label {
                kind: "board",
                name: None,
            }),
            aggregates_only: true,
        },
        excluded: Excluded {
            audience: "board".into(),
            configurable: true,
            names: super::guard::not_inside(
                names.into_iter().collect(),
                shown.iter().map(String::as_str),
            ),
        },
    }
}
