//! Pipeline movement on the page: the waterfalls (whole pipeline and the period),
//! the list of deals that changed, repeated pushes and each seller's slip rate.

use super::Ctx;
use super::blocks;
use super::view::{Cell, Chart, Kpi, Section, Table};
use crate::charts::{self, Step, Waterfall};
use crate::metrics::{Bucket, Movement};
use crate::model::Deal;
use crate::money::Money;

/// A waterfall chart and its table: each step's deals and value, signed.
fn waterfall(ctx: &Ctx<'_>, title: &str, steps: &[(&str, Bucket, i8)]) -> Chart {
    let labels: Vec<String> = steps.iter().map(|(l, _, _)| (*l).to_string()).collect();
    let shape: Vec<Step> = steps
        .iter()
        .map(|(_, b, sign)| match sign {
            0 => Step::Total(b.value.minor()),
            1 => Step::Change(b.value.minor()),
            _ => Step::Change(-b.value.minor()),
        })
        .collect();
    let format = |minor: i64| ctx.locale.money_short(Money::from_minor(minor));
    let svg = charts::waterfall_chart(&Waterfall {
        title,
        labels: &labels,
        steps: &shape,
        format: &format,
    });
    let mut table = Table::new(
        title,
        &[
            (ctx.t("mv.step"), false),
            (ctx.t("col.deals"), true),
            (ctx.t("col.value"), true),
        ],
    );
    for (label, bucket, sign) in steps {
        let value = match sign {
            0 => ctx.money(bucket.value),
            1 => format!("+ {}", ctx.money(bucket.value)),
            _ => format!("− {}", ctx.money(bucket.value)),
        };
        table.rows.push(vec![
            Cell::text(*label),
            Cell::number(ctx.locale.integer(bucket.count as i64)),
            Cell::number(value),
        ]);
    }
    Chart { svg, table }
}

/// The movement section: KPIs, both waterfalls and the list of what changed.
pub fn section(ctx: &Ctx<'_>, id: &str, title: &str, limit: usize) -> Section {
    let Some(m) = &ctx.metrics.movement else {
        return Section::new(id, title).intro(ctx.t("mv.no_earlier"));
    };
    let w = &m.waterfall;
    let p = &m.period;
    Section::new(id, title)
        .intro(ctx.tf("mv.intro", &[("date", &ctx.locale.date(m.from))]))
        .kpis(vec![
            Kpi::new(ctx.t("mv.open_now"), ctx.money(w.end.value))
                .detail(ctx.tf("mv.was", &[("value", &ctx.money(w.start.value))])),
            Kpi::new(
                ctx.t("mv.new_deals"),
                ctx.locale.integer(w.new.count as i64),
            )
            .detail(ctx.money(w.new.value)),
            Kpi::new(ctx.t("col.won"), ctx.locale.integer(w.won.count as i64))
                .detail(ctx.money(w.won.value)),
            Kpi::new(ctx.t("mv.lost"), ctx.locale.integer(w.lost.count as i64))
                .detail(ctx.money(w.lost.value)),
            Kpi::new(
                ctx.t("mv.advanced"),
                format!("{} / {}", m.advanced, m.moved_back),
            ),
            Kpi::new(
                ctx.t("mv.pushed_pulled"),
                format!("{} / {}", m.pushed, m.pulled_in),
            ),
        ])
        .chart(waterfall(
            ctx,
            ctx.t("mv.waterfall"),
            &[
                (ctx.t("mv.start"), w.start, 0),
                (ctx.t("mv.new"), w.new, 1),
                (ctx.t("mv.value_up"), w.value_up, 1),
                (ctx.t("mv.value_down"), w.value_down, -1),
                (ctx.t("col.won"), w.won, -1),
                (ctx.t("mv.lost"), w.lost, -1),
                (ctx.t("mv.removed"), w.removed, -1),
                (ctx.t("mv.end"), w.end, 0),
            ],
        ))
        .chart(waterfall(
            ctx,
            &ctx.tf("mv.period_waterfall", &[("period", &p.label)]),
            &[
                (ctx.t("mv.start"), p.start, 0),
                (ctx.t("mv.new"), p.new, 1),
                (ctx.t("mv.pulled_in"), p.pulled_in, 1),
                (ctx.t("mv.pushed_out"), p.pushed_out, -1),
                (ctx.t("mv.value_up"), p.value_up, 1),
                (ctx.t("mv.value_down"), p.value_down, -1),
                (ctx.t("col.won"), p.won, -1),
                (ctx.t("mv.lost"), p.lost, -1),
                (ctx.t("mv.removed"), p.removed, -1),
                (ctx.t("mv.end"), p.end, 0),
            ],
        ))
        .table(changes(ctx, m, limit))
}

fn changes(ctx: &Ctx<'_>, m: &Movement, limit: usize) -> Table {
    let mut table = Table::new(
        ctx.t("mv.by_deal"),
        &[
            (ctx.t("col.deal"), false),
            (ctx.t("col.owner"), false),
            (ctx.t("mv.what"), false),
            (ctx.t("col.value"), true),
            (ctx.t("col.stage"), false),
            (ctx.t("col.expected_close"), false),
        ],
    )
    .empty_text(ctx.t("mv.nothing"));
    // "before → after", or just the one there is (new deals have no before).
    let arrow = |a: String, b: String| match (a.as_str(), b.as_str()) {
        ("—", _) => b,
        (_, "—") => a,
        _ if a == b => b,
        _ => format!("{a} → {b}"),
    };
    for d in m.deals.iter().take(limit) {
        let what: Vec<&str> = d
            .changes
            .iter()
            .map(|c| super::blocks::change_word(ctx, *c))
            .collect();
        table.rows.push(vec![
            Cell::text(format!("{} ({})", d.name, d.id)),
            blocks::owner_cell(ctx, &d.owner),
            Cell::text(what.join(", ")),
            Cell::number(arrow(
                ctx.money_or_dash(d.value_before),
                ctx.money_or_dash(d.value_after),
            )),
            Cell::text(arrow(
                d.stage_before.clone().unwrap_or_else(|| "—".into()),
                d.stage_after.clone().unwrap_or_else(|| "—".into()),
            )),
            Cell::date(arrow(
                ctx.date_or_dash(d.close_before),
                ctx.date_or_dash(d.close_after),
            )),
        ]);
    }
    if m.deals.len() > limit {
        table.note = Some(ctx.tf(
            "mv.showing",
            &[
                ("shown", &ctx.locale.integer(limit as i64)),
                ("all", &ctx.locale.integer(m.deals.len() as i64)),
            ],
        ));
    }
    table
}

/// Deals pushed again and again, and each seller's slip rate across all exports.
pub fn slip_section(ctx: &Ctx<'_>) -> Option<Section> {
    let m = ctx.metrics.movement.as_ref()?;
    let deals = &ctx.model.deals;
    let mut pushed = Table::new(
        ctx.t("mv.pushed_twice"),
        &[
            (ctx.t("col.deal"), false),
            (ctx.t("col.owner"), false),
            (ctx.t("mv.times_pushed"), true),
            (ctx.t("col.expected_close"), false),
        ],
    )
    .empty_text(ctx.t("mv.none_twice"));
    let shown: Vec<&(String, u64)> = m
        .push_counts
        .iter()
        .filter(|(_, n)| *n >= 2)
        .take(30)
        .collect();
    // The shown deals found in one pass over the list (a million deals at scale;
    // an export uses each id once).
    let mut found: rustc_hash::FxHashMap<&str, Option<&Deal>> =
        shown.iter().map(|(id, _)| (id.as_str(), None)).collect();
    for deal in deals {
        if let Some(slot) = found.get_mut(&*deal.id) {
            *slot = Some(deal);
        }
    }
    for (id, times) in shown {
        let Some(&Some(deal)) = found.get(id.as_str()) else {
            continue;
        };
        pushed.rows.push(vec![
            Cell::text(format!("{} ({})", deal.name, deal.id)),
            blocks::deal_owner_cell(ctx, deal),
            Cell::number(ctx.locale.integer(*times as i64)),
            Cell::date(ctx.date_or_dash(deal.expected_close.or(deal.closed))),
        ]);
    }
    let mut slip = Table::new(
        ctx.t("mv.slip_per_seller"),
        &[
            (ctx.t("col.seller"), false),
            (ctx.t("mv.could_move"), true),
            (ctx.t("mv.times_pushed"), true),
            (ctx.t("mv.slip_rate"), true),
        ],
    );
    for s in &m.slip {
        slip.rows.push(vec![
            blocks::seller_cell(ctx, &s.key, &s.name),
            Cell::number(ctx.locale.integer(s.observed as i64)),
            Cell::number(ctx.locale.integer(s.pushed as i64)),
            Cell::number(ctx.percent_or_dash(s.slip_rate)),
        ]);
    }
    Some(
        Section::new("slip", ctx.t("mv.slipping"))
            .intro(ctx.t("mv.slipping_intro"))
            .table(pushed)
            .table(slip),
    )
}
