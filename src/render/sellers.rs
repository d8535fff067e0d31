//! `sellers/` and `sellers/<id>/`: each seller's daily focus. Which deals to work
//! first and why ("time kills deals", ranked in `focus`), what is at risk, what to
//! tidy in the CRM, and where the next krona is cheapest to win.

mod focus;

use chrono::Days;

use super::blocks::{self, DealColumns};
use super::view::{Cell, Kpi, Link, Section, Table};
use super::{Ctx, OutputFile};
use crate::error::Error;
use rayon::prelude::*;

use crate::model::Deal;
use crate::strategy::Seller;

pub fn pages(ctx: &Ctx<'_>) -> Result<Vec<OutputFile>, Error> {
    let sellers = &ctx.model.strategy.sellers;
    let pages: Vec<Result<OutputFile, Error>> = (0..sellers.len())
        .into_par_iter()
        .map(|i| seller_page(ctx, i, &sellers[i]))
        .collect();
    let mut files = vec![index(ctx)?];
    for page in pages {
        files.push(page?);
    }
    Ok(files)
}

fn index(ctx: &Ctx<'_>) -> Result<OutputFile, Error> {
    let path = "sellers/index.html";
    let mut view = ctx.view(path, "sellers", "Sellers");
    view.lead = Some(
        "Each seller's page is their morning list. This table compares them for the manager."
            .into(),
    );
    let mut table = Table::new(
        "Sellers this fiscal year",
        &[
            ("Seller", false),
            ("Team", false),
            ("Open deals", true),
            ("Open value", true),
            ("Won", true),
            ("Target", true),
            ("Attainment", true),
            ("Forecast", true),
            ("Stale", true),
            ("Hygiene", true),
        ],
    );
    for s in &ctx.metrics.sellers {
        table.rows.push(vec![
            Cell::link(&s.name, blocks::seller_path(&s.id)),
            Cell::text(&s.team),
            Cell::number(ctx.locale.integer(s.pipeline.open_count as i64)),
            Cell::number(ctx.money(s.pipeline.open_value)),
            Cell::number(ctx.money(s.year.won_value)),
            Cell::number(ctx.money_or_dash(s.year.target)),
            Cell::number(ctx.percent_or_dash(s.year.attainment)),
            Cell::number(ctx.money(s.year.forecast)),
            Cell::number(ctx.locale.integer(s.stale_count as i64)),
            Cell::number(ctx.locale.integer(s.hygiene_count as i64)),
        ]);
    }
    view.sections
        .push(Section::new("sellers", "All sellers").table(table));
    ctx.render("sellers.html", path, &view)
}

/// The seller's open deals matching `keep`, ordered by `key` then id.
fn pick<K: Ord>(
    ctx: &Ctx<'_>,
    seller: usize,
    keep: impl Fn(usize, &Deal) -> bool,
    key: impl Fn(&Deal) -> K,
) -> Vec<usize> {
    let deals = &ctx.model.deals;
    let mut list: Vec<usize> = ctx.open_by_seller[seller]
        .iter()
        .copied()
        .filter(|&i| keep(i, &deals[i]))
        .collect();
    list.sort_by(|&a, &b| {
        key(&deals[a])
            .cmp(&key(&deals[b]))
            .then_with(|| deals[a].id.cmp(&deals[b].id))
    });
    list
}

fn seller_page(ctx: &Ctx<'_>, index: usize, seller: &Seller) -> Result<OutputFile, Error> {
    let path = blocks::seller_path(&seller.id);
    let model = ctx.model;
    let metrics = ctx.metrics;
    let as_of = metrics.as_of;
    let s = &metrics.sellers[index];
    let flags = &metrics.health.flags;
    let mut view = ctx.view(&path, "sellers", seller.name.clone());
    view.breadcrumbs = vec![Link {
        href: "sellers/index.html".into(),
        text: "Sellers".into(),
    }];
    view.lead = Some(format!("{} · focus for {}", s.team, ctx.site.as_of));
    view.kpis = vec![
        blocks::won_kpi(ctx, &s.year, "no personal target"),
        Kpi::new("Forecast", ctx.money(s.year.forecast))
            .detail("won + weighted open expected this year"),
        Kpi::new("Open pipeline", ctx.money(s.pipeline.open_value)).detail(format!(
            "{} deals",
            ctx.locale.integer(s.pipeline.open_count as i64)
        )),
        Kpi::new("Stale deals", ctx.locale.integer(s.stale_count as i64)).detail(format!(
            "{} with CRM gaps · {} aging",
            ctx.locale.integer(s.hygiene_count as i64),
            ctx.locale.integer(s.aging_count as i64)
        )),
    ];
    let weighted_desc = |d: &Deal| std::cmp::Reverse(d.amount().percent(model.probability(d)));
    let mine = DealColumns {
        owner: false,
        customer: true,
        flags: true,
    };

    view.sections.push(focus::deals(ctx, index));
    let soon = as_of.checked_add_days(Days::new(30)).unwrap_or(as_of);
    let closing = pick(
        ctx,
        index,
        |_, d| d.expected_close.is_some_and(|c| as_of <= c && c <= soon),
        weighted_desc,
    );
    view.sections.push(
        Section::new("closing", "Closing in the next 30 days").table(blocks::deal_table(
            ctx,
            "Expected to close within 30 days",
            &closing,
            mine,
            15,
        )),
    );
    let risk = pick(
        ctx,
        index,
        |i, _| flags[i].stale || flags[i].aging,
        weighted_desc,
    );
    view.sections.push(
        Section::new("at-risk", "At risk")
            .intro(format!(
                "Stale (no planned next step, or no activity for over {} days) or aging (older than 1.5 × the usual won cycle).",
                metrics.health.stale_after_days
            ))
            .table(blocks::deal_table(ctx, "Deals at risk", &risk, mine, 15)),
    );
    let hygiene = pick(
        ctx,
        index,
        |i, _| !flags[i].hygiene.is_empty(),
        weighted_desc,
    );
    view.sections.push(
        Section::new("hygiene", "Fix in the CRM")
            .intro("Deals missing a value, an expected close or a next activity, or whose expected close has passed.")
            .table(blocks::deal_table(ctx, "Hygiene fixes", &hygiene, mine, 25)),
    );
    view.sections
        .push(super::audit::off_strategy_for_seller(ctx, index));
    view.sections.push(focus::prospects(ctx, index));
    ctx.render("seller.html", &path, &view)
}
