//! Data-quality findings that do not stop a build: warnings with `file:line`.
//!
//! Likely duplicates (same customer, value and close date), zero values, deals
//! without a customer, deals without an owner or with one who is not a seller, and
//! won deals closed after the as-of date; before them, the customers' owners who are
//! not sellers, found as the customers export is read. Computed from the
//! checked model and the as-of date; nothing here changes a deal.

use rustc_hash::FxHashMap;

use chrono::NaiveDate;

use super::{Model, Status};
use crate::error::{Code, Diagnostic};
use crate::money::Money;

/// Every warning about the customers export, then about the current deals export,
/// each in file order.
pub fn warnings(model: &Model, as_of: NaiveDate) -> Vec<Diagnostic> {
    deal_warnings(model, as_of)
        .into_iter()
        .map(|(_, warning)| warning)
        .collect()
}

/// [`warnings`], each with the index of the deal it is about (`None`: a customer).
pub fn deal_warnings(model: &Model, as_of: NaiveDate) -> Vec<(Option<usize>, Diagnostic)> {
    let path = &model.config.deals_file;
    let mut found: Vec<(Option<usize>, Diagnostic)> = model
        .customer_warnings
        .iter()
        .map(|warning| (None, warning.clone()))
        .collect();
    // Customer, value and close date -> the first deal with them (its index: at a
    // million deals each byte of an entry is 2 MB).
    let mut first_seen: FxHashMap<(u32, NaiveDate, Money), u32> = FxHashMap::default();
    first_seen.reserve(model.deals.len());
    for (index, (deal, &line)) in model.deals.iter().zip(&model.deal_lines).enumerate() {
        let mut warn = |code: Code, message: String| {
            found.push((
                Some(index),
                Diagnostic::at(path, line, 1, message).with_code(code),
            ));
        };
        if deal.value == Some(Money::ZERO) {
            warn(
                Code::DealZeroValue,
                format!(
                    "deal {} \"{}\" has the value 0, expected its value (or leave it empty when not known)",
                    deal.id, deal.name
                ),
            );
        }
        if deal.customer.is_none() {
            warn(
                Code::DealNoCustomer,
                format!(
                    "deal {} \"{}\" names no customer, expected one from the customers export",
                    deal.id, deal.name
                ),
            );
        }
        if deal.owner.is_none() {
            match model.unlisted_owners.get(&*deal.id) {
                Some(owner) => warn(
                    Code::DealOwnerUnknown,
                    format!(
                        "deal {} \"{}\": owner \"{owner}\" is none of the sellers in strategy.toml, expected one of their ids (or map the name with [sources.deals] owners in pipepress.toml); the deal counts in the totals but is on no seller's page",
                        deal.id, deal.name
                    ),
                ),
                None => warn(
                    Code::DealNoOwner,
                    format!(
                        "deal {} \"{}\" names no owner, expected a seller id from strategy.toml; the deal counts in the totals but is on no seller's page",
                        deal.id, deal.name
                    ),
                ),
            }
        }
        if deal.status == Status::Won && deal.closed.is_some_and(|c| c > as_of) {
            let closed = deal.closed.unwrap_or(as_of);
            warn(
                Code::DealWonInFuture,
                format!(
                    "deal {} \"{}\" is won but closes {closed}, after the as-of date {as_of}, expected a closed date that has passed",
                    deal.id, deal.name
                ),
            );
        }
        let close = deal.closed.or(deal.expected_close);
        if let (Some(customer), Some(value), Some(close)) = (deal.customer, deal.value, close) {
            match first_seen.get(&(customer, close, value)) {
                Some(&other) => warn(
                    Code::DealDuplicate,
                    format!(
                        "deal {} \"{}\" has the customer, value and close date of deal {} (line {}): likely the same deal twice",
                        deal.id,
                        deal.name,
                        model.deals[other as usize].id,
                        model.deal_lines[other as usize]
                    ),
                ),
                None => {
                    first_seen.insert((customer, close, value), index as u32);
                }
            }
        }
    }
    found
}
