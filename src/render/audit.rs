//! Sections of the strategic audit shared by several pages: off-strategy deals,
//! win/loss analysis and the impact of a strategy change.

use super::Ctx;
use super::blocks::{self, DealColumns};
use super::view::{Cell, Column, Kpi, Section, Table};
use crate::metrics::{OffShare, Placement, WinRate, size_band};
use crate::money::Money;

fn share_row(ctx: &Ctx<'_>, line: &OffShare, name: Cell) -> Vec<Cell> {
    vec![
        name,
        Cell::number(ctx.locale.integer(line.off_count as i64)),
        Cell::number(ctx.money(line.off_value)),
        Cell::number(ctx.percent_or_dash(line.share_count)),
        Cell::number(ctx.percent_or_dash(line.share_value)),
    ]
}

fn share_columns<'c>(ctx: &'c Ctx<'_>) -> [(&'c str, bool); 5] {
    [
        ("", false),
        (ctx.t("report.off_strategy_deals"), true),
        (ctx.t("audit.off_value"), true),
        (ctx.t("audit.share_deals"), true),
        (ctx.t("audit.share_value"), true),
    ]
}

fn share_table(
    ctx: &Ctx<'_>,
    caption: &str,
    first: &str,
    lines: &[OffShare],
    link: impl Fn(&OffShare) -> Option<String>,
) -> Table {
    let mut columns = share_columns(ctx);
    columns[0].0 = first;
    let mut table = Table::new(caption, &columns);
    for line in lines {
        let shown = blocks::seller_name(ctx, &line.key, &line.name);
        let name = match link(line) {
            Some(href) => Cell::link(shown, href),
            None => Cell::text(shown),
        };
        table.rows.push(share_row(ctx, line, name));
    }
    table.foot = Some(share_row(
        ctx,
        &ctx.metrics.off_strategy.total,
        Cell::text(ctx.t("audit.all_open")),
    ));
    table
}

/// The company-wide audit: the share off strategy, per seller and team, and the
/// deals themselves.
pub fn off_strategy(ctx: &Ctx<'_>, limit: usize) -> Section {
    let off = &ctx.metrics.off_strategy;
    let deals = &off.indexes;
    Section::new("off-strategy", ctx.t("audit.title"))
        .intro(ctx.t("audit.intro"))
        .kpis(vec![
            Kpi::new(
                ctx.t("report.off_strategy_deals"),
                ctx.locale.integer(off.total.off_count as i64),
            )
            .detail(ctx.tf(
                "audit.of_open_deals",
                &[("share", &ctx.percent_or_dash(off.total.share_count))],
            )),
            Kpi::new(ctx.t("audit.off_value"), ctx.money(off.total.off_value)).detail(ctx.tf(
                "audit.of_open_value",
                &[("share", &ctx.percent_or_dash(off.total.share_value))],
            )),
        ])
        .table(share_by_seller(ctx))
        .table(share_table(
            ctx,
            ctx.t("audit.per_team"),
            ctx.t("col.team"),
            &off.by_team,
            |_| None,
        ))
        .table(blocks::deal_table(
            ctx,
            ctx.t("meeting.off"),
            deals,
            DealColumns {
                owner: true,
                customer: true,
                flags: true,
            },
            limit,
        ))
}

/// The off-strategy share of each seller's open deals.
pub fn share_by_seller(ctx: &Ctx<'_>) -> Table {
    let off = &ctx.metrics.off_strategy;
    share_table(
        ctx,
        ctx.t("audit.per_seller"),
        ctx.t("col.seller"),
        &off.by_seller,
        |l| (l.key != crate::metrics::NO_SELLER).then(|| blocks::seller_path(&l.key)),
    )
}

/// One seller's off-strategy share and deals.
pub fn off_strategy_for_seller(ctx: &Ctx<'_>, seller: usize) -> Section {
    let line = &ctx.metrics.off_strategy.by_seller[seller];
    let deals: Vec<usize> = (ctx.metrics.off_strategy.indexes.iter().copied())
        .filter(|&i| ctx.model.deals[i].owner() == Some(seller))
        .collect();
    Section::new("off-strategy", ctx.t("kpi.off_strategy"))
        .intro(ctx.tf(
            "audit.yours_intro",
            &[
                ("count", &ctx.percent_or_dash(line.share_count)),
                ("value", &ctx.percent_or_dash(line.share_value)),
            ],
        ))
        .table(blocks::deal_table(
            ctx,
            ctx.t("audit.yours"),
            &deals,
            DealColumns {
                owner: false,
                customer: true,
                flags: true,
            },
            25,
        ))
}

fn rate_table(
    ctx: &Ctx<'_>,
    caption: &str,
    first: &str,
    lines: &[WinRate],
    name: impl Fn(&WinRate) -> String,
) -> Table {
    let mut table = Table::new(
        caption,
        &[
            (first, false),
            (ctx.t("col.won"), true),
            (ctx.t("audit.won_value"), true),
            (ctx.t("mv.lost"), true),
            (ctx.t("audit.lost_value"), true),
            (ctx.t("col.win_rate"), true),
            (ctx.t("audit.win_rate_value"), true),
        ],
    );
    for line in lines.iter().filter(|l| l.won_count + l.lost_count > 0) {
        table.rows.push(vec![
            Cell::text(name(line)),
            Cell::number(ctx.locale.integer(line.won_count as i64)),
            Cell::number(ctx.money(line.won_value)),
            Cell::number(ctx.locale.integer(line.lost_count as i64)),
            Cell::number(ctx.money(line.lost_value)),
            Cell::number(ctx.percent_or_dash(line.win_rate_count)),
            Cell::number(ctx.percent_or_dash(line.win_rate_value)),
        ]);
    }
    table
}

/// A size band's name from its bounds: "100 tkr – 250 tkr", "5 Mkr and over".
fn band_name(ctx: &Ctx<'_>, index: usize) -> String {
    let probe = [0, 100_000, 250_000, 500_000, 1_000_000, 5_000_000][index];
    let (_, lower, upper) = size_band(Money::from_major(probe));
    let short = |major: i64| ctx.locale.money_short(Money::from_major(major));
    match upper {
        Some(upper) => format!("{} – {}", short(lower), short(upper)),
        None => ctx.tf("audit.and_over", &[("amount", &short(lower))]),
    }
}

/// Win rates by segment, offer and deal size, and lost reasons by segment and by
/// the stage the deal was lost in.
pub fn win_loss(ctx: &Ctx<'_>) -> Section {
    let w = &ctx.metrics.win_loss;
    let strategy = &ctx.model.strategy;
    let segment_name = |key: &str| {
        strategy.segments.iter().find(|s| s.id == key).map_or_else(
            || ctx.t("audit.unsegmented").to_string(),
            |s| s.name.clone(),
        )
    };
    let mut reasons_by_segment = Table::new(
        ctx.t("audit.reasons_segment"),
        &[(ctx.t("audit.reason"), false)],
    );
    reasons_by_segment
        .columns
        .extend(w.segment_keys.iter().map(|k| Column {
            label: segment_name(k),
            numeric: true,
        }));
    reasons_by_segment.columns.push(Column {
        label: ctx.t("audit.lost_value").into(),
        numeric: true,
    });
    let mut reasons_by_stage = Table::new(
        ctx.t("audit.reasons_stage"),
        &[(ctx.t("audit.reason"), false)],
    );
    reasons_by_stage
        .columns
        .extend(strategy.stages.iter().map(|s| Column {
            label: s.name.clone(),
            numeric: true,
        }));
    for r in &w.lost_reasons {
        let counts = |v: &[u64]| {
            v.iter()
                .map(|n| Cell::number(ctx.locale.integer(*n as i64)))
                .collect::<Vec<_>>()
        };
        let mut row = vec![Cell::text(&r.reason)];
        row.extend(counts(&r.by_segment));
        row.push(Cell::number(ctx.money(r.value)));
        reasons_by_segment.rows.push(row);
        let mut row = vec![Cell::text(&r.reason)];
        row.extend(counts(&r.by_stage));
        reasons_by_stage.rows.push(row);
    }
    Section::new("win-loss", ctx.t("audit.win_loss"))
        .intro(ctx.tf(
            "audit.win_loss_intro",
            &[
                ("from", &ctx.locale.date(w.start)),
                ("to", &ctx.locale.date(w.end)),
            ],
        ))
        .table(rate_table(
            ctx,
            ctx.t("audit.by_segment"),
            ctx.t("col.segment"),
            &w.by_segment,
            |l| blocks::segment_name(ctx, &l.key, &l.name).to_string(),
        ))
        .table(rate_table(
            ctx,
            ctx.t("audit.by_offer"),
            ctx.t("audit.offer"),
            &w.by_offer,
            |l| l.name.clone(),
        ))
        .table(rate_table(
            ctx,
            ctx.t("audit.by_size"),
            ctx.t("audit.size"),
            &w.by_size,
            |l| {
                let index = w.by_size.iter().position(|x| x.key == l.key).unwrap_or(0);
                band_name(ctx, index)
            },
        ))
        .table(reasons_by_segment.empty_text(ctx.t("audit.none_lost")))
        .table(reasons_by_stage.empty_text(ctx.t("audit.none_lost")))
}

fn placement(ctx: &Ctx<'_>, p: &Placement, names: &[(String, String)]) -> String {
    match (&p.segment, p.priority) {
        (Some(id), Some(priority)) => {
            let name = names
                .iter()
                .find(|(k, _)| k == id)
                .map_or(id.as_str(), |(_, n)| n.as_str());
            format!(
                "{name} ({})",
                blocks::priority_word(ctx, priority).to_lowercase()
            )
        }
        _ => ctx.t("audit.unsegmented").into(),
    }
}

/// The customers and open deals that an earlier strategy placed differently.
pub fn strategy_change(ctx: &Ctx<'_>) -> Option<Section> {
    let change = ctx.metrics.strategy_change.as_ref()?;
    let mut names: Vec<(String, String)> = ctx
        .model
        .strategy
        .segments
        .iter()
        .map(|s| (s.id.clone(), s.name.clone()))
        .collect();
    if let Some((_, previous)) = &ctx.model.previous_strategy {
        names.extend(
            previous
                .segments
                .iter()
                .map(|s| (s.id.clone(), s.name.clone())),
        );
    }
    let mut customers = Table::new(
        ctx.t("audit.customers_change"),
        &[
            (ctx.t("col.customer"), false),
            (ctx.t("audit.before"), false),
            (ctx.t("audit.now"), false),
        ],
    )
    .empty_text(ctx.t("audit.no_customer_change"));
    for m in &change.customers {
        customers.rows.push(vec![
            Cell::text(format!("{} ({})", m.name, m.id)),
            Cell::text(placement(ctx, &m.before, &names)),
            Cell::text(placement(ctx, &m.after, &names)),
        ]);
    }
    let mut deals = Table::new(
        ctx.t("audit.deals_change"),
        &[
            (ctx.t("col.deal"), false),
            (ctx.t("col.value"), true),
            (ctx.t("audit.before"), false),
            (ctx.t("audit.now"), false),
        ],
    )
    .empty_text(ctx.t("audit.no_deal_change"));
    for m in &change.deals {
        deals.rows.push(vec![
            Cell::text(format!("{} ({})", m.name, m.id)),
            Cell::number(ctx.money(m.value.unwrap_or_default())),
            Cell::text(placement(ctx, &m.before, &names)),
            Cell::text(placement(ctx, &m.after, &names)),
        ]);
    }
    Some(
        Section::new("strategy-change", ctx.t("audit.strategy_change"))
            .intro(ctx.tf(
                "audit.compared_with",
                &[("file", &change.compared_with.to_string())],
            ))
            .kpis(vec![
                Kpi::new(
                    ctx.t("audit.customers_moving"),
                    ctx.locale.integer(change.customers.len() as i64),
                ),
                Kpi::new(ctx.t("audit.value_moving"), ctx.money(change.value_moved)).detail(
                    ctx.tf(
                        "audit.n_deals",
                        &[("count", &ctx.locale.integer(change.deals.len() as i64))],
                    ),
                ),
                Kpi::new(ctx.t("audit.into"), ctx.money(change.value_into_strategy)),
                Kpi::new(
                    ctx.t("audit.out_of"),
                    ctx.money(change.value_out_of_strategy),
                ),
            ])
            .table(customers)
            .table(deals),
    )
}
