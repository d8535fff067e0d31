//! Pipeline movement on the page: the waterfalls (whole pipeline and the period),
//! the list of deals that changed, repeated pushes and each seller's slip rate.

use super::Ctx;
use super::blocks;
use super::view::{Cell, Chart, Kpi, Section, Table};
use crate::charts::{self, Step, Waterfall};
use crate::metrics::{Bucket, Movement};
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
    let mut table = Table::new(title, &[("Step", false), ("Deals", true), ("Value", true)]);
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
        return Section::new(id, title).intro("No earlier export in data/snapshots yet: file one after each meeting (pipepress snapshot) to see what moved.");
    };
    let w = &m.waterfall;
    let p = &m.period;
    Section::new(id, title)
        .intro(format!(
            "From the export of {} to now. Won, lost and removed count the value a deal had then; the rest is the change in value of deals still open.",
            ctx.locale.date(m.from)
        ))
        .kpis(vec![
            Kpi::new("Open pipeline now", ctx.money(w.end.value)).detail(format!("was {}", ctx.money(w.start.value))),
            Kpi::new("New deals", ctx.locale.integer(w.new.count as i64)).detail(ctx.money(w.new.value)),
            Kpi::new("Won", ctx.locale.integer(w.won.count as i64)).detail(ctx.money(w.won.value)),
            Kpi::new("Lost", ctx.locale.integer(w.lost.count as i64)).detail(ctx.money(w.lost.value)),
            Kpi::new("Advanced / moved back", format!("{} / {}", m.advanced, m.moved_back)),
            Kpi::new("Close pushed / pulled in", format!("{} / {}", m.pushed, m.pulled_in)),
        ])
        .chart(waterfall(
            ctx,
            "Open pipeline: start to end",
            &[
                ("Start", w.start, 0),
                ("New", w.new, 1),
                ("Value up", w.value_up, 1),
                ("Value down", w.value_down, -1),
                ("Won", w.won, -1),
                ("Lost", w.lost, -1),
                ("Removed", w.removed, -1),
                ("End", w.end, 0),
            ],
        ))
        .chart(waterfall(
            ctx,
            &format!("Expected to close in {}: start to end", p.label),
            &[
                ("Start", p.start, 0),
                ("New", p.new, 1),
                ("Pulled in", p.pulled_in, 1),
                ("Pushed out", p.pushed_out, -1),
                ("Value up", p.value_up, 1),
                ("Value down", p.value_down, -1),
                ("Won", p.won, -1),
                ("Lost", p.lost, -1),
                ("Removed", p.removed, -1),
                ("End", p.end, 0),
            ],
        ))
        .table(changes(ctx, m, limit))
}

fn changes(ctx: &Ctx<'_>, m: &Movement, limit: usize) -> Table {
    let sellers = &ctx.model.strategy.sellers;
    let mut table = Table::new(
        "What changed, deal by deal",
        &[
            ("Deal", false),
            ("Owner", false),
            ("What", false),
            ("Value", true),
            ("Stage", false),
            ("Expected close", false),
        ],
    )
    .empty_text("Nothing moved.");
    // "before → after", or just the one there is (new deals have no before).
    let arrow = |a: String, b: String| match (a.as_str(), b.as_str()) {
        ("—", _) => b,
        (_, "—") => a,
        _ if a == b => b,
        _ => format!("{a} → {b}"),
    };
    for d in m.deals.iter().take(limit) {
        let owner = sellers.iter().find(|s| s.id == d.owner);
        let what: Vec<&str> = d.changes.iter().map(|c| c.label()).collect();
        table.rows.push(vec![
            Cell::text(format!("{} ({})", d.name, d.id)),
            owner.map_or_else(
                || Cell::text(&d.owner),
                |s| Cell::link(&s.name, blocks::seller_path(&s.id)),
            ),
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
        table.note = Some(format!(
            "Showing {limit} of {} deals, largest first.",
            m.deals.len()
        ));
    }
    table
}

/// Deals pushed again and again, and each seller's slip rate across all exports.
pub fn slip_section(ctx: &Ctx<'_>) -> Option<Section> {
    let m = ctx.metrics.movement.as_ref()?;
    let deals = &ctx.model.deals;
    let mut pushed = Table::new(
        "Deals whose close was pushed twice or more",
        &[
            ("Deal", false),
            ("Owner", false),
            ("Times pushed", true),
            ("Expected close", false),
        ],
    )
    .empty_text("No deal has been pushed twice.");
    for (id, times) in m.push_counts.iter().filter(|(_, n)| *n >= 2).take(30) {
        let Some(deal) = deals.iter().find(|d| &d.id == id) else {
            continue;
        };
        let seller = &ctx.model.strategy.sellers[deal.owner];
        pushed.rows.push(vec![
            Cell::text(format!("{} ({})", deal.name, deal.id)),
            Cell::link(&seller.name, blocks::seller_path(&seller.id)),
            Cell::number(ctx.locale.integer(*times as i64)),
            Cell::date(ctx.date_or_dash(deal.expected_close.or(deal.closed))),
        ]);
    }
    let mut slip = Table::new(
        "Slip rate per seller",
        &[
            ("Seller", false),
            ("Times a close could move", true),
            ("Times pushed", true),
            ("Slip rate", true),
        ],
    );
    for s in &m.slip {
        slip.rows.push(vec![
            Cell::link(&s.name, blocks::seller_path(&s.key)),
            Cell::number(ctx.locale.integer(s.observed as i64)),
            Cell::number(ctx.locale.integer(s.pushed as i64)),
            Cell::number(ctx.percent_or_dash(s.slip_rate)),
        ]);
    }
    Some(
        Section::new("slip", "Slipping deals")
            .intro("Across every pair of consecutive exports: how often an open deal's expected close moved later.")
            .table(pushed)
            .table(slip),
    )
}
