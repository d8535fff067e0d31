//! `[focus]`: the weights and limits of the rules that rank each seller's focus
//! list and pick the lost deals worth revisiting. Every key is optional; a missing
//! one takes the default below. Checking ranges here; applying the rules is
//! `metrics::focus`'s work.

use toml::Spanned;

use super::raw::RawFocus;
use super::resolve::Checker;
use crate::money::Money;

/// The largest weight a rule may have: far above any sensible one, and low enough
/// that the sum of every rule's weight can never overflow.
const MAX_WEIGHT: u32 = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    /// Rule 1: the next activity is before the as-of date, or missing.
    pub overdue_weight: u32,
    /// Rule 2: expected to close this calendar month with no next step booked.
    pub closing_weight: u32,
    /// Rule 3: older than 1.5 × the mean won cycle (the health flag "aging").
    pub aging_weight: u32,
    /// Rule 4: high value at a late stage.
    pub late_stage_weight: u32,
    /// Rule 4's "late": a win probability of at least this many percent.
    pub late_stage_min_probability: u8,
    /// Rule 4's "high": at least this value; `None`: the 75th percentile of the
    /// open deals' values.
    pub late_stage_min_value: Option<Money>,
    /// Rule 5: the expected close moved later at least `pushed_min_times` times.
    pub pushed_weight: u32,
    pub pushed_min_times: u32,
    /// A lost deal is worth revisiting this many days after it was lost.
    pub revisit_lost_after_days: u32,
}

impl Default for Focus {
    fn default() -> Focus {
        Focus {
            overdue_weight: 5,
            closing_weight: 4,
            aging_weight: 3,
            late_stage_weight: 3,
            late_stage_min_probability: 50,
            late_stage_min_value: None,
            pushed_weight: 2,
            pushed_min_times: 2,
            revisit_lost_after_days: 180,
        }
    }
}

/// Checks `[focus]`, reporting each value out of range where it is written; a bad
/// value keeps its default so that the rest of the file is still checked.
pub(super) fn resolve(check: &mut Checker<'_>, raw: &RawFocus) -> Focus {
    let default = Focus::default();
    let mut weight = |name: &str, value: &Option<Spanned<i64>>, default: u32| {
        whole(
            check,
            name,
            value,
            (0, MAX_WEIGHT),
            "a weight from 0 (rule off) to 1000",
            default,
        )
    };
    let overdue_weight = weight(
        "overdue_weight",
        &raw.overdue_weight,
        default.overdue_weight,
    );
    let closing_weight = weight(
        "closing_weight",
        &raw.closing_weight,
        default.closing_weight,
    );
    let aging_weight = weight("aging_weight", &raw.aging_weight, default.aging_weight);
    let late_stage_weight = weight(
        "late_stage_weight",
        &raw.late_stage_weight,
        default.late_stage_weight,
    );
    let pushed_weight = weight("pushed_weight", &raw.pushed_weight, default.pushed_weight);
    let probability = whole(
        check,
        "late_stage_min_probability",
        &raw.late_stage_min_probability,
        (0, 100),
        "a whole percent from 0 to 100",
        u32::from(default.late_stage_min_probability),
    );
    Focus {
        overdue_weight,
        closing_weight,
        aging_weight,
        late_stage_weight,
        late_stage_min_probability: u8::try_from(probability)
            .unwrap_or(default.late_stage_min_probability),
        late_stage_min_value: raw
            .late_stage_min_value
            .as_ref()
            .and_then(|m| check.money(m)),
        pushed_weight,
        pushed_min_times: whole(
            check,
            "pushed_min_times",
            &raw.pushed_min_times,
            (1, 1000),
            "a whole number of times from 1 to 1000",
            default.pushed_min_times,
        ),
        revisit_lost_after_days: whole(
            check,
            "revisit_lost_after_days",
            &raw.revisit_lost_after_days,
            (0, 36_500),
            "a whole number of days from 0 to 36500",
            default.revisit_lost_after_days,
        ),
    }
}

/// A whole number within `range` (inclusive), else a problem and `default`.
fn whole(
    check: &mut Checker<'_>,
    name: &str,
    value: &Option<Spanned<i64>>,
    (min, max): (u32, u32),
    expected: &str,
    default: u32,
) -> u32 {
    let Some(value) = value else {
        return default;
    };
    let n = *value.get_ref();
    match u32::try_from(n) {
        Ok(n) if (min..=max).contains(&n) => n,
        _ => {
            check.report(
                value,
                format!("{name} = {n} is out of range, expected {expected}"),
            );
            default
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::error::{Error, Problems};

    const STRATEGY: &str = "\
[currency]
base = \"SEK\"
[direction]
statement = \"s\"
positioning = \"p\"
[thresholds]
stale_after_days = 30
coverage_goal = 3.0
[[stages]]
id = \"lead\"
name = \"Lead\"
probability = 10
[[teams]]
id = \"t\"
name = \"Team\"
[[sellers]]
id = \"a\"
name = \"Anna\"
team = \"t\"
";

    fn parse(focus: &str) -> Result<Focus, Vec<String>> {
        let text = format!("{STRATEGY}{focus}");
        let mut problems = Problems::default();
        let strategy = super::super::parse(Path::new("strategy.toml"), &text, &mut problems);
        match problems.into_result(strategy) {
            Ok(strategy) => Ok(strategy.expect("a strategy when no problems").focus),
            Err(Error::Invalid(list)) => Err(list.iter().map(ToString::to_string).collect()),
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn defaults_without_a_focus_table() {
        assert_eq!(parse(""), Ok(Focus::default()));
        let focus = Focus::default();
        assert_eq!(
            (
                focus.overdue_weight,
                focus.closing_weight,
                focus.aging_weight,
                focus.late_stage_weight,
                focus.late_stage_min_probability,
                focus.late_stage_min_value,
                focus.pushed_weight,
                focus.pushed_min_times,
                focus.revisit_lost_after_days,
            ),
            (5, 4, 3, 3, 50, None, 2, 2, 180)
        );
    }

    #[test]
    fn keys_override_their_default_only() {
        let focus = parse(
            "[focus]\noverdue_weight = 1\nlate_stage_min_value = \"250000.50\"\nrevisit_lost_after_days = 90\n",
        )
        .expect("valid");
        assert_eq!(
            focus,
            Focus {
                overdue_weight: 1,
                late_stage_min_value: Some(Money::from_minor(25_000_050)),
                revisit_lost_after_days: 90,
                ..Focus::default()
            }
        );
        // Whole units, as elsewhere in strategy.toml.
        let focus = parse("[focus]\nlate_stage_min_value = 300000\n").expect("valid");
        assert_eq!(focus.late_stage_min_value, Some(Money::from_major(300_000)));
    }

    #[test]
    fn unknown_keys_and_bad_values_are_reported_where_they_are() {
        // [focus] starts on line 20 of the text.
        let problems = parse(
            "[focus]\noverdue_wieght = 5\nclosing_weight = -1\nlate_stage_min_probability = 101\npushed_min_times = 0\nlate_stage_min_value = \"12,5\"\n",
        )
        .expect_err("invalid");
        assert_eq!(
            problems,
            [
                "strategy.toml:21:1: unknown field `overdue_wieght`, expected one of `overdue_weight`, `closing_weight`, `aging_weight`, `late_stage_weight`, `late_stage_min_probability`, `late_stage_min_value`, `pushed_weight`, `pushed_min_times`, `revisit_lost_after_days`",
                "strategy.toml:22:18: closing_weight = -1 is out of range, expected a weight from 0 (rule off) to 1000",
                "strategy.toml:23:30: late_stage_min_probability = 101 is out of range, expected a whole percent from 0 to 100",
                "strategy.toml:24:20: pushed_min_times = 0 is out of range, expected a whole number of times from 1 to 1000",
                "strategy.toml:25:24: \"12,5\" is not an amount, expected whole units (48000000) or a decimal string (\"1250000.50\"), not negative",
            ]
        );
    }
}
