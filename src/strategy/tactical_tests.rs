//! Targets of every kind and scope, and plans matching deals by rules: what
//! `strategy.toml` accepts and where it reports what it does not.

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
[[segments]]
id = \"core\"
name = \"Core\"
priority = \"focus\"
why = \"w\"
identify = \"i\"
[[plans]]
id = \"p\"
name = \"Plan\"
segments = [\"core\"]
start = 2026-01-01
end = 2026-06-30
owner = \"a\"
channel = \"c\"
activities = \"x\"
";

/// Line 35 is the first line after [`STRATEGY`].
fn parse(more: &str) -> Result<Strategy, Vec<String>> {
    let text = format!("{STRATEGY}{more}");
    let mut problems = Problems::default();
    let strategy = super::parse(Path::new("strategy.toml"), &text, &mut problems);
    match problems.into_result(strategy) {
        Ok(strategy) => Ok(strategy.expect("a strategy when no problems")),
        Err(Error::Invalid(list)) => Err(list.iter().map(ToString::to_string).collect()),
        Err(other) => panic!("{other}"),
    }
}

#[test]
fn targets_of_every_kind_scope_and_period() {
    let s = parse(
        "[[targets]]\nperiod = \"2026\"\nrevenue = 100\n\
         [[targets]]\nperiod = \"2026-03\"\nteam = \"t\"\nnew_customers = 2\ndeals = 5\n\
         [[targets]]\nperiod = \"2026-W07\"\nplan = \"p\"\nnew_pipeline = \"10.50\"\n",
    )
    .expect("valid");
    assert_eq!(
        s.targets,
        [
            Target {
                period: Period::Year(2026),
                scope: TargetScope::Company,
                revenue: Some(Money::from_major(100)),
                new_customers: None,
                new_pipeline: None,
                deals: None,
            },
            Target {
                period: Period::Month(2026, 3),
                scope: TargetScope::Team(0),
                revenue: None,
                new_customers: Some(2),
                new_pipeline: None,
                deals: Some(5),
            },
            Target {
                period: Period::Week(2026, 7),
                scope: TargetScope::Plan(0),
                revenue: None,
                new_customers: None,
                new_pipeline: Some(Money::from_minor(1050)),
                deals: None,
            },
        ]
    );
    // Only revenue targets are the revenue target of their period and scope.
    assert_eq!(
        s.target(Period::Year(2026), TargetScope::Company),
        Some(Money::from_major(100))
    );
    assert_eq!(s.target(Period::Month(2026, 3), TargetScope::Team(0)), None);
}

#[test]
fn target_problems_are_located() {
    let errors = parse(
        "[[targets]]\nperiod = \"2026-M03\"\nrevenue = 1\n\
         [[targets]]\nperiod = \"2026\"\nsegment = \"core\"\n\
         [[targets]]\nperiod = \"2026\"\ndeals = -1\nteam = \"t\"\nplan = \"p\"\n\
         [[targets]]\nperiod = \"2026\"\nplan = \"nope\"\ndeals = 1\n",
    )
    .expect_err("invalid");
    assert_eq!(
        errors,
        [
            "strategy.toml:36:10: period \"2026-M03\" is not a period, expected a fiscal year \"2026\", a quarter \"2026-Q3\", a month \"2026-03\" or an ISO week \"2026-W07\"",
            "strategy.toml:39:10: target sets no figure, expected at least one of `revenue`, `new_customers`, `new_pipeline` or `deals`",
            "strategy.toml:43:9: deals = -1 is not a count, expected a whole number from 0",
            "strategy.toml:45:8: target names both a team and a plan, expected at most one of segment, team, seller and plan",
            "strategy.toml:48:8: plan \"nope\" is not defined, expected one of \"p\"",
        ]
    );
}

#[test]
fn match_rules_needs_segments_or_offers() {
    let plan = "[[plans]]\nid = \"q\"\nname = \"Q\"\nstart = 2026-01-01\nend = 2026-01-31\nowner = \"a\"\nchannel = \"c\"\nactivities = \"x\"\nmatch_rules = true\n";
    assert_eq!(
        parse(plan).expect_err("invalid"),
        [
            "strategy.toml:43:15: match_rules = true on a plan without segments or offers, expected `segments` or `offers` to match deals by"
        ]
    );
    let s = parse("").expect("valid");
    assert!(!s.plans[0].match_rules);
}

#[test]
fn the_ids_of_the_figures_own_lines_are_reserved() {
    // A seller "no-seller" or a segment "unsegmented" would be taken for the line
    // of deals without a seller or a segment.
    let errors = parse(
        "[[sellers]]\nid = \"no-seller\"\nname = \"N\"\nteam = \"t\"\n\
         [[segments]]\nid = \"unsegmented\"\nname = \"U\"\npriority = \"maintain\"\nwhy = \"w\"\nidentify = \"i\"\n",
    )
    .expect_err("invalid");
    assert_eq!(
        errors,
        [
            "strategy.toml:36:6: seller id \"no-seller\" is reserved for the figures' own line, expected another id",
            "strategy.toml:40:6: segment id \"unsegmented\" is reserved for the figures' own line, expected another id",
        ]
    );
}
