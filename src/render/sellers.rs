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
    let mut view = ctx.view(path, "sellers", ctx.t("nav.sellers"));
    view.lead = Some(ctx.t("sellers.lead").into());
    let mut table = Table::new(
        ctx.t("sellers.this_year"),
        &[
            (ctx.t("col.seller"), false),
            (ctx.t("col.team"), false),
            (ctx.t("meeting.open_deals"), true),
            (ctx.t("col.open_value"), true),
            (ctx.t("col.won"), true),
            (ctx.t("col.target"), true),
            (ctx.t("col.attainment"), true),
            (ctx.t("col.forecast"), true),
            (ctx.t("meeting.stale_col"), true),
            (ctx.t("sellers.hygiene_col"), true),
        ],
    );
    // The deals of no seller last, on a line of their own without a page.
    let nobody = ctx.metrics.without_seller.iter();
    for s in ctx.metrics.sellers.iter().chain(nobody) {
        table.rows.push(vec![
            blocks::seller_cell(ctx, &s.id, &s.name),
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
        .push(Section::new("sellers", ctx.t("sellers.all")).table(table));
    ctx.render("sellers.html", path, view)
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
        text: ctx.t("nav.sellers").into(),
    }];
    view.lead = Some(ctx.tf(
        "sellers.seller_lead",
        &[("team", &s.team), ("date", &ctx.site.as_of)],
    ));
    view.kpis = vec![
        blocks::won_kpi(ctx, &s.year, ctx.t("sellers.no_target")),
        Kpi::new(ctx.t("col.forecast"), ctx.money(s.year.forecast))
            .detail(ctx.t("sellers.forecast_detail")),
        Kpi::new(ctx.t("kpi.open_pipeline"), ctx.money(s.pipeline.open_value)).detail(ctx.tf(
            "audit.n_deals",
            &[("count", &ctx.locale.integer(s.pipeline.open_count as i64))],
        )),
        Kpi::new(ctx.t("kpi.stale"), ctx.locale.integer(s.stale_count as i64)).detail(ctx.tf(
            "sellers.stale_detail",
            &[
                ("gaps", &ctx.locale.integer(s.hygiene_count as i64)),
                ("aging", &ctx.locale.integer(s.aging_count as i64)),
            ],
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
    view.sections
        .push(
            Section::new("closing", ctx.t("sellers.closing")).table(blocks::deal_table(
                ctx,
                ctx.t("sellers.closing_table"),
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
        Section::new("at-risk", ctx.t("sellers.at_risk"))
            .intro(ctx.tf(
                "sellers.at_risk_intro",
                &[("days", &metrics.health.stale_after_days.to_string())],
            ))
            .table(blocks::deal_table(
                ctx,
                ctx.t("sellers.deals_at_risk"),
                &risk,
                mine,
                15,
            )),
    );
    let hygiene = pick(
        ctx,
        index,
        |i, _| !flags[i].hygiene.is_empty(),
        weighted_desc,
    );
    let mut fixes = Section::new("hygiene", ctx.t("sellers.fix"))
        .intro(ctx.t("sellers.fix_intro"))
        .table(blocks::deal_table(
            ctx,
            ctx.t("kpi.hygiene"),
            &hygiene,
            mine,
            25,
        ));
    if let Some(warnings) = super::quality::for_seller(ctx, index) {
        fixes = fixes.table(warnings);
    }
    view.sections.push(fixes);
    view.sections
        .push(super::audit::off_strategy_for_seller(ctx, index));
    view.sections.push(focus::prospects(ctx, index));
    ctx.render("seller.html", &path, view)
}
