//! The seller page's focus list and prospects, from `metrics::focus`: every line
//! says which rules put it there (or which tier it is in), so the order can be
//! checked by hand.

use super::super::Ctx;
use super::super::blocks::{self, DealColumns};
use super::super::view::{Cell, Column, Section, Table};
use crate::metrics::{FocusItem, Prospect, Reason, SellerFocus, Tier};

/// Focus lines shown; the note gives the total.
const FOCUS_LIMIT: usize = 15;
/// Prospects shown per tier.
const TIER_LIMIT: usize = 10;

/// The seller's open deals that hit a focus rule, highest score first.
pub fn deals(ctx: &Ctx<'_>, seller: usize) -> Section {
    let Some(focus) = ctx.metrics.focus.get(seller) else {
        return Section::new("focus", ctx.t("focus.title"));
    };
    let indexes: Vec<usize> = focus.items.iter().map(|i| i.index).collect();
    let columns = DealColumns {
        owner: false,
        customer: true,
        flags: false,
    };
    let mut table = blocks::deal_table(ctx, ctx.t("focus.table"), &indexes, columns, FOCUS_LIMIT)
        .empty_text(ctx.t("focus.none"));
    table.columns.push(Column {
        label: ctx.t("focus.why").into(),
        numeric: false,
    });
    for (row, item) in table.rows.iter_mut().zip(&focus.items) {
        row.push(Cell::text(why(ctx, item)));
    }
    if let Some(csv) = &mut table.csv {
        csv.header.extend(["score".to_string(), "why".to_string()]);
        for (row, item) in csv.rows.iter_mut().zip(&focus.items) {
            row.extend([item.score.to_string().into(), why(ctx, item).into()]);
        }
    }
    Section::new("focus", ctx.t("focus.section"))
        .intro(rules(ctx, focus))
        .table(table)
}

/// The rules in force and their weights, for the section's intro.
fn rules(ctx: &Ctx<'_>, focus: &SellerFocus) -> String {
    let f = &ctx.model.strategy.focus;
    let aging = ctx
        .metrics
        .health
        .aging_after_days
        .map_or_else(String::new, |d| {
            ctx.tf("focus.here", &[("days", &ctx.locale.days(d as f64))])
        });
    let value = focus
        .late_stage_min_value
        .map_or_else(|| ctx.t("focus.any_value").into(), |v| ctx.money(v));
    let rules = [
        (f.overdue_weight, ctx.t("focus.rule_next").to_string()),
        (f.closing_weight, ctx.t("focus.rule_month").into()),
        (
            f.aging_weight,
            ctx.tf("focus.rule_aging", &[("here", &aging)]),
        ),
        (
            f.late_stage_weight,
            ctx.tf(
                "focus.rule_late",
                &[
                    ("value", &value),
                    ("probability", &percent(ctx, f.late_stage_min_probability)),
                ],
            ),
        ),
        (
            f.pushed_weight,
            ctx.tf(
                "focus.rule_pushed",
                &[("times", &f.pushed_min_times.to_string())],
            ),
        ),
    ];
    let on: Vec<String> = rules
        .iter()
        .filter(|(weight, _)| *weight > 0)
        .map(|(weight, text)| format!("{text} (+{weight})"))
        .collect();
    ctx.tf("focus.intro", &[("rules", &on.join("; "))])
}

fn percent(ctx: &Ctx<'_>, whole: u8) -> String {
    ctx.locale.percent(f64::from(whole) / 100.0)
}

/// Every reason of a focus line with its weight, in rule order.
fn why(ctx: &Ctx<'_>, item: &FocusItem) -> String {
    let reasons: Vec<String> = item
        .hits
        .iter()
        .map(|hit| {
            let text = match hit.reason {
                Reason::Overdue { days } => {
                    ctx.tf("reason.overdue", &[("days", &ctx.locale.days(days as f64))])
                }
                Reason::Aging { age_days } => ctx.tf(
                    "reason.aging",
                    &[("days", &ctx.locale.days(age_days as f64))],
                ),
                Reason::LateStage { probability } => ctx.tf(
                    "reason.late_stage",
                    &[("probability", &percent(ctx, probability))],
                ),
                Reason::Pushed { times } => {
                    ctx.tf("reason.pushed", &[("times", &times.to_string())])
                }
                Reason::NoNextActivity => ctx.t("reason.no_next").to_string(),
                Reason::ClosingThisMonth => ctx.t("reason.closing").to_string(),
            };
            format!("{text} (+{})", hit.weight)
        })
        .collect();
    reasons.join("; ")
}

/// Where the seller's next krona is cheapest: the three tiers, at most
/// [`TIER_LIMIT`] lines each.
pub fn prospects(ctx: &Ctx<'_>, seller: usize) -> Section {
    let lost_after = ctx.model.strategy.focus.revisit_lost_after_days;
    let mut table = Table::new(
        ctx.t("focus.prospects_table"),
        &[
            (ctx.t("focus.tier"), false),
            (ctx.t("col.customer"), false),
            (ctx.t("col.segment"), false),
            (ctx.t("focus.why"), false),
        ],
    )
    .empty_text(ctx.t("focus.no_prospects"));
    let prospects: &[Prospect] = ctx
        .metrics
        .focus
        .get(seller)
        .map_or(&[], |f| f.prospects.as_slice());
    let mut counts = [0usize; 3];
    for prospect in prospects {
        let count = &mut counts[usize::from(prospect.tier.number() - 1)];
        *count += 1;
        if *count > TIER_LIMIT {
            continue;
        }
        let segment = match ctx.model.strategy.segment_index(&prospect.segment) {
            Some(s) => Cell::link(
                &ctx.model.strategy.segments[s].name,
                blocks::segment_path(&prospect.segment),
            ),
            None => Cell::text("—"),
        };
        table.rows.push(vec![
            Cell::text(format!(
                "{} · {}",
                prospect.tier.number(),
                match prospect.tier {
                    Tier::BoughtBefore { .. } => ctx.t("focus.tier_bought"),
                    Tier::NotWonYet { .. } => ctx.t("focus.tier_not_won"),
                    Tier::LostToRevisit { .. } => ctx.t("focus.tier_lost"),
                }
            )),
            Cell::text(&prospect.name),
            segment,
            Cell::text(tier_why(ctx, &prospect.tier)),
        ]);
    }
    if !prospects.is_empty() {
        let header = ["tier", "customer_id", "customer", "segment", "why"];
        table.csv = Some(super::super::view::Csv::new(
            &header,
            prospects.iter().map(|p| {
                vec![
                    p.tier.number().to_string(),
                    p.customer.clone(),
                    p.name.clone(),
                    p.segment.clone(),
                    tier_why(ctx, &p.tier),
                ]
            }),
        ));
    }
    if counts.iter().any(|&n| n > TIER_LIMIT) {
        table.note = Some(ctx.tf(
            "focus.tiers_note",
            &[
                ("limit", &TIER_LIMIT.to_string()),
                ("one", &counts[0].to_string()),
                ("two", &counts[1].to_string()),
                ("three", &counts[2].to_string()),
            ],
        ));
    }
    Section::new("prospects", ctx.t("focus.prospects"))
        .intro(ctx.tf(
            "focus.prospects_intro",
            &[("days", &ctx.locale.days(f64::from(lost_after)))],
        ))
        .table(table)
}

fn tier_why(ctx: &Ctx<'_>, tier: &Tier) -> String {
    match tier {
        Tier::BoughtBefore {
            won_12_months,
            won_total,
        } => ctx.tf(
            "focus.why_bought",
            &[
                ("recent", &ctx.money(*won_12_months)),
                ("all", &ctx.money(*won_total)),
            ],
        ),
        Tier::NotWonYet { priority } => ctx.tf(
            "focus.why_not_won",
            &[("priority", super::blocks::priority_word(ctx, *priority))],
        ),
        Tier::LostToRevisit {
            value,
            lost_on,
            index,
            ..
        } => {
            let deal = &ctx.model.deals[*index];
            let reason = match &*deal.lost_reason {
                "" => String::new(),
                text => format!(" ({text})"),
            };
            ctx.tf(
                "focus.why_lost",
                &[
                    ("deal", &format!("{} ({})", deal.name, deal.id)),
                    ("value", &ctx.money(*value)),
                    ("date", &ctx.locale.date(*lost_on)),
                    ("reason", &reason),
                ],
            )
        }
    }
}
