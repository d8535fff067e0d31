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

/// A data-quality warning: the diagnostic `check` prints (in English), with the
/// theme's words for it and the values they name, so that a page can say it in
/// the site's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The index of the deal it is about (`None`: a customer).
    pub deal: Option<usize>,
    pub warning: Diagnostic,
    /// The key of its words among the theme's (`warning.*`).
    pub key: &'static str,
    /// The values its words name, e.g. `("id", "D17")`.
    pub values: Vec<(&'static str, String)>,
}

impl Finding {
    /// A finding whose diagnostic `at` makes from the English words.
    pub fn new(
        deal: Option<usize>,
        key: &'static str,
        values: Vec<(&'static str, String)>,
        at: impl FnOnce(String) -> Diagnostic,
    ) -> Finding {
        let warning = at(crate::i18n::Words::english().fill(key, &Self::args(&values)));
        Finding {
            deal,
            warning,
            key,
            values,
        }
    }

    /// What it says in `words`' language.
    pub fn text(&self, words: &crate::i18n::Words) -> String {
        words.fill(self.key, &Self::args(&self.values))
    }

    fn args<'a>(values: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
        values.iter().map(|(k, v)| (*k, v.as_str())).collect()
    }
}

/// Every warning about the customers export, then about the current deals export,
/// each in file order.
pub fn warnings(model: &Model, as_of: NaiveDate) -> Vec<Diagnostic> {
    deal_warnings(model, as_of)
        .into_iter()
        .map(|finding| finding.warning)
        .collect()
}

/// [`warnings`] as findings, each with the index of the deal it is about.
pub fn deal_warnings(model: &Model, as_of: NaiveDate) -> Vec<Finding> {
    let path = &model.config.deals_file;
    let mut found: Vec<Finding> = model.customer_warnings.clone();
    // Customer, value and close date -> the first deal with them (its index: at a
    // million deals each byte of an entry is 2 MB).
    let mut first_seen: FxHashMap<(u32, NaiveDate, Money), u32> = FxHashMap::default();
    first_seen.reserve(model.deals.len());
    for (index, (deal, &line)) in model.deals.iter().zip(&model.deal_lines).enumerate() {
        let mut warn = |code: Code, key: &'static str, more: Vec<(&'static str, String)>| {
            let mut values = vec![("id", deal.id.to_string()), ("name", deal.name.to_string())];
            values.extend(more);
            found.push(Finding::new(Some(index), key, values, |message| {
                Diagnostic::at(path, line, 1, message).with_code(code)
            }));
        };
        if deal.value == Some(Money::ZERO) {
            warn(Code::DealZeroValue, "warning.deal_zero_value", vec![]);
        }
        if deal.customer.is_none() {
            warn(Code::DealNoCustomer, "warning.deal_no_customer", vec![]);
        }
        if deal.owner.is_none() {
            match model.unlisted_owners.get(&*deal.id) {
                Some(owner) => warn(
                    Code::DealOwnerUnknown,
                    "warning.deal_owner_unknown",
                    vec![("owner", owner.clone())],
                ),
                None => warn(Code::DealNoOwner, "warning.deal_no_owner", vec![]),
            }
        }
        if deal.status == Status::Won && deal.closed.is_some_and(|c| c > as_of) {
            let closed = deal.closed.unwrap_or(as_of);
            warn(
                Code::DealWonInFuture,
                "warning.deal_won_in_future",
                vec![("closed", closed.to_string()), ("as_of", as_of.to_string())],
            );
        }
        let close = deal.closed.or(deal.expected_close);
        if let (Some(customer), Some(value), Some(close)) = (deal.customer, deal.value, close) {
            match first_seen.get(&(customer, close, value)) {
                Some(&other) => warn(
                    Code::DealDuplicate,
                    "warning.deal_duplicate",
                    vec![
                        ("other", model.deals[other as usize].id.to_string()),
                        ("line", model.deal_lines[other as usize].to_string()),
                    ],
                ),
                None => {
                    first_seen.insert((customer, close, value), index as u32);
                }
            }
        }
    }
    found
}
