//! Prospects, by the hypothesis of the cheapest revenue krona: among a seller's own
//! customers (the customer's `owner`) in a segment the strategy prioritises (focus
//! or maintain) that have no open deal, first those who have bought from us, then
//! the others, then lost deals old enough to try again.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::model::{Model, Status};
use crate::money::Money;
use crate::strategy::Priority;

/// Why a customer is a prospect, in the order the tiers are worked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "tier", rename_all = "snake_case")]
pub enum Tier {
    /// 1: has won deals. Ranked by won value in the last 12 months, then in all.
    BoughtBefore {
        won_12_months: Money,
        won_total: Money,
    },
    /// 2: in a prioritised segment, never won. Ranked by priority, then name.
    NotWonYet { priority: Priority },
    /// 3: a deal lost long enough ago to revisit. Ranked by the deal's value.
    LostToRevisit {
        deal: String,
        value: Money,
        lost_on: NaiveDate,
        /// Index into the model's deals.
        #[serde(skip)]
        index: usize,
    },
}

impl Tier {
    pub fn number(&self) -> u8 {
        match self {
            Tier::BoughtBefore { .. } => 1,
            Tier::NotWonYet { .. } => 2,
            Tier::LostToRevisit { .. } => 3,
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            Tier::BoughtBefore { .. } => "buys from us",
            Tier::NotWonYet { .. } => "not won yet",
            Tier::LostToRevisit { .. } => "lost deal to revisit",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prospect {
    pub customer: String,
    pub name: String,
    /// Segment id.
    pub segment: String,
    #[serde(flatten)]
    pub tier: Tier,
    /// Index into the model's customers.
    #[serde(skip)]
    pub index: usize,
}

/// What every seller's prospects are drawn from, gathered in one pass over the
/// deals and customers (a seller's list then costs only their own customers).
pub struct Book {
    /// Per customer: has an open deal.
    busy: Vec<bool>,
    /// Per customer: (won in the last 12 months, won in all, any win).
    won: Vec<(Money, Money, bool)>,
    /// Per customer: their lost deals old enough to revisit.
    lost: Vec<Vec<usize>>,
    /// Per seller: the customers they own, in the customers' order.
    owned: Vec<Vec<usize>>,
}

impl Book {
    pub fn new(model: &Model, as_of: NaiveDate) -> Book {
        let customers = model.customers.len();
        let window = super::super::results::trailing_range(as_of);
        // Lost on or before this date: old enough to revisit.
        let days = u64::from(model.strategy.focus.revisit_lost_after_days);
        let revisit_limit = as_of.checked_sub_days(Days::new(days));
        let mut book = Book {
            busy: vec![false; customers],
            won: vec![(Money::ZERO, Money::ZERO, false); customers],
            lost: vec![Vec::new(); customers],
            owned: vec![Vec::new(); model.strategy.sellers.len()],
        };
        for (index, deal) in model.deals.iter().enumerate() {
            let Some(c) = deal.customer() else { continue };
            match (deal.status, deal.closed) {
                (Status::Open, _) => book.busy[c] = true,
                (Status::Won, Some(closed)) if closed <= as_of => {
                    let line = &mut book.won[c];
                    if window.contains(closed) {
                        line.0 += deal.amount();
                    }
                    line.1 += deal.amount();
                    line.2 = true;
                }
                (Status::Lost, Some(closed)) if revisit_limit.is_some_and(|l| closed <= l) => {
                    book.lost[c].push(index);
                }
                _ => {}
            }
        }
        for (index, customer) in model.customers.iter().enumerate() {
            if let Some(owner) = customer.owner {
                book.owned[owner].push(index);
            }
        }
        book
    }

    /// The seller's prospects: tier 1, tier 2, then tier 3. A customer with a lost
    /// deal to revisit is also in tier 1 or 2: the lost deal is a second, more
    /// specific way in.
    pub fn for_seller(&self, model: &Model, as_of: NaiveDate, seller: usize) -> Vec<Prospect> {
        let strategy = &model.strategy;
        let won = &self.won;
        let prospect = |index: usize, tier: Tier| {
            let customer = &model.customers[index];
            Prospect {
                customer: customer.id.clone(),
                name: customer.name.clone(),
                segment: customer
                    .segment
                    .map(|s| strategy.segments[s].id.clone())
                    .unwrap_or_default(),
                tier,
                index,
            }
        };
        let mine: Vec<(usize, Priority)> = self.owned[seller]
            .iter()
            .copied()
            .filter(|&i| !self.busy[i])
            .filter_map(|i| Some((i, strategy.segments[model.customers[i].segment?].priority)))
            .filter(|(_, p)| p.is_prioritised())
            .collect();

        let mut bought: Vec<(usize, Money, Money)> = mine
            .iter()
            .filter(|(i, _)| won[*i].2)
            .map(|&(i, _)| (i, won[i].0, won[i].1))
            .collect();
        bought.sort_by(|a, b| {
            (b.1, b.2)
                .cmp(&(a.1, a.2))
                .then_with(|| model.customers[a.0].id.cmp(&model.customers[b.0].id))
        });
        let mut not_won: Vec<(usize, Priority)> =
            mine.iter().copied().filter(|(i, _)| !won[*i].2).collect();
        let name = |i: usize| (&model.customers[i].name, &model.customers[i].id);
        not_won.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| name(a.0).cmp(&name(b.0))));

        let mut lost: Vec<(usize, usize)> = mine
            .iter()
            .flat_map(|&(c, _)| self.lost[c].iter().map(move |&d| (d, c)))
            .collect();
        let deals = &model.deals;
        lost.sort_by(|a, b| {
            deals[b.0]
                .amount()
                .cmp(&deals[a.0].amount())
                .then_with(|| deals[a.0].id.cmp(&deals[b.0].id))
        });

        let tier_1 = bought.into_iter().map(|(i, won_12_months, won_total)| {
            prospect(
                i,
                Tier::BoughtBefore {
                    won_12_months,
                    won_total,
                },
            )
        });
        let tier_2 = not_won
            .into_iter()
            .map(|(i, priority)| prospect(i, Tier::NotWonYet { priority }));
        let tier_3 = lost.into_iter().map(|(d, c)| {
            let deal = &deals[d];
            prospect(
                c,
                Tier::LostToRevisit {
                    deal: deal.id.to_string(),
                    value: deal.amount(),
                    lost_on: deal.closed.unwrap_or(as_of),
                    index: d,
                },
            )
        });
        tier_1.chain(tier_2).chain(tier_3).collect()
    }
}
