//! Stage conversion, read from the exports: how far closed deals got.
//!
//! Every export (each snapshot, then the current one) shows each deal in a stage.
//! A deal's furthest stage is the highest it was seen in; a won deal has passed
//! every stage. Among deals now closed, conversion into stage s is the share that
//! got at least that far: cumulatively from the first stage, and step by step from
//! the stage before. Deals still open are left out, as their end is not known yet.

use rustc_hash::FxHashMap;

use serde::Serialize;

use crate::model::{Model, Status};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageConversion {
    pub key: String,
    pub name: String,
    /// Closed deals that reached this stage (won deals reach every stage).
    pub reached: u64,
    /// Reached ÷ the deals counted at the first stage.
    pub cumulative: Option<f64>,
    /// Reached ÷ those that reached the stage before.
    pub from_previous: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conversion {
    /// Closed deals seen in at least one export.
    pub closed_deals: u64,
    pub won: u64,
    pub stages: Vec<StageConversion>,
    /// Won ÷ closed deals.
    pub win_rate: Option<f64>,
}

pub fn compute(model: &Model) -> Conversion {
    let stages = &model.strategy.stages;
    // The furthest stage each deal was seen in among the snapshots; the current
    // export's own stage is taken with it below (a map of the snapshots' deals is
    // a fraction of one of every deal).
    let mut furthest: FxHashMap<&str, usize> = FxHashMap::default();
    for deal in model.snapshots.iter().flat_map(|s| &s.deals) {
        let entry = furthest.entry(&*deal.id).or_insert(deal.stage());
        *entry = (*entry).max(deal.stage());
    }
    let mut reached = vec![0u64; stages.len()];
    let (mut closed, mut won) = (0u64, 0u64);
    for deal in model.deals.iter().filter(|d| d.status != Status::Open) {
        closed += 1;
        let top = if deal.status == Status::Won {
            won += 1;
            stages.len().saturating_sub(1)
        } else {
            furthest
                .get(&*deal.id)
                .map_or(deal.stage(), |&then| then.max(deal.stage()))
        };
        for count in reached.iter_mut().take(top + 1) {
            *count += 1;
        }
    }
    let first = reached.first().copied().unwrap_or(0);
    let ratio = |a: u64, b: u64| (b > 0).then(|| a as f64 / b as f64);
    Conversion {
        closed_deals: closed,
        won,
        stages: stages
            .iter()
            .enumerate()
            .map(|(i, s)| StageConversion {
                key: s.id.clone(),
                name: s.name.clone(),
                reached: reached[i],
                cumulative: ratio(reached[i], first),
                from_previous: if i == 0 {
                    None
                } else {
                    ratio(reached[i], reached[i - 1])
                },
            })
            .collect(),
        win_rate: ratio(won, closed),
    }
}
