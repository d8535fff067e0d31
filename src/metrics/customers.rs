//! Customer value: won value per customer over the last 12 months, and ABC classes.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::model::{Model, Status};
use crate::money::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum AbcClass {
    A,
    B,
    C,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerValue {
    pub id: String,
    pub name: String,
    /// Segment id, or `None` when the customer matches no segment.
    pub segment: Option<String>,
    pub won_value: Money,
    pub won_count: u64,
    pub open_value: Money,
    pub open_count: u64,
    /// Share of all customers' won value, 0 to 1.
    pub share: f64,
    /// `None` for customers with no won value in the window.
    pub class: Option<AbcClass>,
}

/// Every customer, ranked by won value in the 12 months up to `as_of` (highest
/// first, then by id). ABC by the cumulative share of the customers ranked above:
/// under 80 % → A, under 95 % → B, else C; so the customer that crosses 80 % is
/// still an A.
pub fn values(model: &Model, as_of: NaiveDate) -> Vec<CustomerValue> {
    let start = as_of.checked_sub_days(Days::new(364)).unwrap_or(as_of);
    let mut rows: Vec<CustomerValue> = model
        .customers
        .iter()
        .map(|c| CustomerValue {
            id: c.id.clone(),
            name: c.name.clone(),
            segment: c.segment.map(|s| model.strategy.segments[s].id.clone()),
            won_value: Money::ZERO,
            won_count: 0,
            open_value: Money::ZERO,
            open_count: 0,
            share: 0.0,
            class: None,
        })
        .collect();
    for deal in &model.deals {
        let Some(row) = deal.customer().map(|c| &mut rows[c]) else {
            continue;
        };
        match (deal.status, deal.closed) {
            (Status::Won, Some(closed)) if start <= closed && closed <= as_of => {
                row.won_value += deal.amount();
                row.won_count += 1;
            }
            (Status::Open, _) => {
                row.open_value += deal.amount();
                row.open_count += 1;
            }
            _ => {}
        }
    }
    rows.sort_by(|a, b| b.won_value.cmp(&a.won_value).then_with(|| a.id.cmp(&b.id)));
    let total: Money = rows.iter().map(|r| r.won_value).sum();
    let total_minor = i128::from(total.minor());
    let mut before = 0i128;
    for row in rows.iter_mut().filter(|r| r.won_value > Money::ZERO) {
        row.share = row.won_value.ratio(total).unwrap_or(0.0);
        row.class = Some(if before * 100 < total_minor * 80 {
            AbcClass::A
        } else if before * 100 < total_minor * 95 {
            AbcClass::B
        } else {
            AbcClass::C
        });
        before += i128::from(row.won_value.minor());
    }
    rows
}
