//! Accumulators that compose: per-seller and per-segment figures merge into totals.
//!
//! Each has `add` for one deal and `merge` for another accumulator, so a breakdown
//! and its total are built the same way and the parts always sum to the whole.

use serde::Serialize;

use crate::money::Money;

/// Open pipeline: count, value and probability-weighted value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct PipelineSum {
    pub open_count: u64,
    pub open_value: Money,
    pub weighted_value: Money,
}

impl PipelineSum {
    pub fn add(&mut self, value: Money, probability: u8) {
        self.open_count += 1;
        self.open_value += value;
        self.weighted_value += value.percent(probability);
    }

    pub fn merge(&mut self, other: &PipelineSum) {
        self.open_count += other.open_count;
        self.open_value += other.open_value;
        self.weighted_value += other.weighted_value;
    }
}

/// Closed deals: won and lost, and the cycle of each won deal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcomes {
    pub won_count: u64,
    pub won_value: Money,
    pub lost_count: u64,
    pub lost_value: Money,
    /// Days from created to closed for each won deal.
    pub won_cycles: Vec<i64>,
}

impl Outcomes {
    pub fn add_won(&mut self, value: Money, cycle_days: i64) {
        self.won_count += 1;
        self.won_value += value;
        self.won_cycles.push(cycle_days);
    }

    pub fn add_lost(&mut self, value: Money) {
        self.lost_count += 1;
        self.lost_value += value;
    }

    pub fn merge(&mut self, other: &Outcomes) {
        self.won_count += other.won_count;
        self.won_value += other.won_value;
        self.lost_count += other.lost_count;
        self.lost_value += other.lost_value;
        self.won_cycles.extend_from_slice(&other.won_cycles);
    }

    /// Won ÷ (won + lost), by count.
    pub fn win_rate_count(&self) -> Option<f64> {
        let closed = self.won_count + self.lost_count;
        (closed > 0).then(|| self.won_count as f64 / closed as f64)
    }

    /// Won ÷ (won + lost), by value.
    pub fn win_rate_value(&self) -> Option<f64> {
        self.won_value.ratio(self.won_value + self.lost_value)
    }

    /// Mean value of the won deals.
    pub fn average_deal(&self) -> Option<Money> {
        self.won_value.mean(self.won_count)
    }

    pub fn cycle_days_total(&self) -> i64 {
        self.won_cycles.iter().sum()
    }

    pub fn cycle_mean(&self) -> Option<f64> {
        let n = self.won_cycles.len();
        (n > 0).then(|| self.cycle_days_total() as f64 / n as f64)
    }

    pub fn cycle_median(&self) -> Option<f64> {
        let mut days = self.won_cycles.clone();
        days.sort_unstable();
        let n = days.len();
        match n {
            0 => None,
            _ if n % 2 == 1 => Some(days[n / 2] as f64),
            _ => Some((days[n / 2 - 1] + days[n / 2]) as f64 / 2.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn outcomes_by_hand() {
        // Won 100 000 (cycle 30 d) and 50 000.50 (cycle 61 d); lost 49 999.50.
        let mut o = Outcomes::default();
        o.add_won(Money::from_major(100_000), 30);
        o.add_won(Money::from_minor(5_000_050), 61);
        o.add_lost(Money::from_minor(4_999_950));
        assert_eq!(o.won_value, Money::from_minor(15_000_050));
        // 2 of 3 by count
        assert_eq!(o.win_rate_count(), Some(2.0 / 3.0));
        // 150 000.50 / 200 000.00 = 0.7500025
        assert_eq!(o.win_rate_value(), Some(15_000_050.0 / 20_000_000.0));
        // (100 000 + 50 000.50) / 2 = 75 000.25
        assert_eq!(o.average_deal(), Some(Money::from_minor(7_500_025)));
        // mean (30 + 61) / 2 = 45.5; median of two = the same
        assert_eq!(o.cycle_mean(), Some(45.5));
        assert_eq!(o.cycle_median(), Some(45.5));
        o.add_won(Money::ZERO, 200);
        // cycles 30, 61, 200: median 61, mean 97
        assert_eq!(o.cycle_median(), Some(61.0));
        assert_eq!(o.cycle_mean(), Some(97.0));
    }

    #[test]
    fn empty_outcomes_have_no_rates() {
        let o = Outcomes::default();
        assert_eq!(o.win_rate_count(), None);
        assert_eq!(o.win_rate_value(), None);
        assert_eq!(o.average_deal(), None);
        assert_eq!(o.cycle_median(), None);
    }

    proptest! {
        #[test]
        fn parts_sum_to_the_whole_in_any_order(
            deals in prop::collection::vec((0i64..10_000_000_000, 0u8..=100, 0usize..4), 0..60),
        ) {
            let mut total = PipelineSum::default();
            let mut parts = [PipelineSum::default(); 4];
            for (minor, p, part) in &deals {
                total.add(Money::from_minor(*minor), *p);
                parts[*part].add(Money::from_minor(*minor), *p);
            }
            let mut forward = PipelineSum::default();
            parts.iter().for_each(|p| forward.merge(p));
            let mut backward = PipelineSum::default();
            parts.iter().rev().for_each(|p| backward.merge(p));
            prop_assert_eq!(forward, total);
            prop_assert_eq!(backward, total);
        }
    }
}
