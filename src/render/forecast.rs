//! The forecast sections of `tactics/`: targets of every kind against actual,
//! forecast categories with their roll-ups per quarter, and forecast accuracy
//! across the snapshots. Views only; every figure comes from the metrics.

use super::Ctx;
use super::view::{Cell, Section, Table, Tone};
use crate::metrics::{AccuracyLine, Figure, KindResult};

fn figure(ctx: &Ctx<'_>, f: Figure) -> String {
    match f {
        Figure::Money(m) => ctx.money(m),
        Figure::Count(n) => ctx.locale.integer(i64::try_from(n).unwrap_or(i64::MAX)),
    }
}

fn status(ctx: &Ctx<'_>, k: &KindResult) -> Cell {
    match k.on_track {
        Some(true) => Cell::text(ctx.t("status.on_track")).tone(Some(Tone::Good)),
        Some(false) => Cell::text(ctx.t("status.behind")).tone(Some(Tone::Warn)),
        None => Cell::text(ctx.t("status.not_started")),
    }
}

/// Every `[[targets]]` entry, one row per kind it sets.
pub fn targets(ctx: &Ctx<'_>) -> Section {
    let mut table = Table::new(
        ctx.t("forecast.targets_table"),
        &[
            (ctx.t("col.period"), false),
            (ctx.t("forecast.scope"), false),
            (ctx.t("forecast.kind"), false),
            (ctx.t("col.target"), true),
            (ctx.t("forecast.actual"), true),
            (ctx.t("col.attainment"), true),
            (ctx.t("tactics.pace_today"), true),
            (ctx.t("tactics.status"), false),
            (ctx.t("tactics.gap"), true),
        ],
    )
    .empty_text(ctx.t("forecast.no_targets"));
    for t in &ctx.metrics.targets {
        let name = [("name", t.scope_name.as_str())];
        let scope = match t.scope {
            "company" => ctx.t("target.company").to_string(),
            "segment" => ctx.tf("target.segment", &name),
            "team" => ctx.tf("target.team", &name),
            "seller" => ctx.tf("target.seller", &name),
            _ => ctx.tf("target.plan", &name),
        };
        for k in &t.kinds {
            table.rows.push(vec![
                Cell::text(&t.label),
                Cell::text(&scope),
                Cell::text(match k.kind {
                    crate::metrics::TargetKind::Revenue => ctx.t("target.revenue"),
                    crate::metrics::TargetKind::NewCustomers => ctx.t("target.new_customers"),
                    crate::metrics::TargetKind::NewPipeline => ctx.t("target.new_pipeline"),
                    crate::metrics::TargetKind::Deals => ctx.t("target.deals"),
                }),
                Cell::number(figure(ctx, k.target)),
                Cell::number(figure(ctx, k.actual)),
                Cell::number(ctx.percent_or_dash(k.attainment)),
                Cell::number(figure(ctx, k.pace)),
                status(ctx, k),
                Cell::number(figure(ctx, k.gap)),
            ]);
        }
    }
    table.note = Some(ctx.t("forecast.targets_note").into());
    Section::new("targets", ctx.t("forecast.targets"))
        .intro(ctx.t("forecast.targets_intro"))
        .table(table)
}

/// Forecast categories and their cumulative roll-ups per quarter of the year.
pub fn categories(ctx: &Ctx<'_>) -> Option<Section> {
    let m = ctx.metrics;
    m.year.forecast_categories?;
    let mut table = Table::new(
        ctx.tf("forecast.categories_table", &[("period", &m.year.label)]),
        &[
            (ctx.t("tactics.quarter"), false),
            (ctx.t("forecast.closed_won"), true),
            (ctx.t("tactics.commit"), true),
            (ctx.t("forecast.best_case"), true),
            (ctx.t("nav.pipeline"), true),
            (ctx.t("forecast.commit_rollup"), true),
            (ctx.t("forecast.best_case_rollup"), true),
            (ctx.t("forecast.pipeline_rollup"), true),
        ],
    );
    for q in m.year_quarters.iter().chain(std::iter::once(&m.year)) {
        let Some(c) = q.forecast_categories else {
            continue;
        };
        table.rows.push(vec![
            Cell::text(&q.label),
            Cell::number(ctx.money(c.closed)),
            Cell::number(ctx.money(c.commit.open_value)),
            Cell::number(ctx.money(c.best_case.open_value)),
            Cell::number(ctx.money(c.pipeline.open_value)),
            Cell::number(ctx.money(c.commit_rollup)),
            Cell::number(ctx.money(c.best_case_rollup)),
            Cell::number(ctx.money(c.pipeline_rollup)),
        ]);
    }
    table.note = Some(ctx.t("forecast.categories_note").into());
    Some(
        Section::new("categories", ctx.t("def.categories_name"))
            .intro(ctx.t("forecast.categories_intro"))
            .table(table),
    )
}

fn accuracy_row(ctx: &Ctx<'_>, first: String, line: &AccuracyLine) -> Vec<Cell> {
    vec![
        Cell::text(first),
        Cell::number(ctx.money(line.commit.value)),
        Cell::number(ctx.money(line.commit.won_value)),
        Cell::number(ctx.percent_or_dash(line.commit.won_share)),
        Cell::number(ctx.money(line.best_case.value)),
        Cell::number(ctx.money(line.best_case.won_value)),
        Cell::number(ctx.percent_or_dash(line.best_case.won_share)),
        Cell::number(ctx.tf(
            "forecast.n_of",
            &[
                ("n", &ctx.locale.integer(line.slipped as i64)),
                ("all", &ctx.locale.integer(line.commit.count as i64)),
            ],
        )),
        Cell::number(ctx.percent_or_dash(line.slip_rate)),
    ]
}

fn accuracy_columns<'c>(ctx: &'c Ctx<'_>) -> [(&'c str, bool); 9] {
    [
        ("", false),
        (ctx.t("tactics.commit"), true),
        (ctx.t("col.won"), true),
        (ctx.t("forecast.won_share"), true),
        (ctx.t("forecast.best_case"), true),
        (ctx.t("col.won"), true),
        (ctx.t("forecast.won_share"), true),
        (ctx.t("forecast.slipped"), true),
        (ctx.t("mv.slip_rate"), true),
    ]
}

/// How each earlier snapshot's commit and best case turned out; the latest one per
/// seller and per team.
pub fn accuracy(ctx: &Ctx<'_>) -> Option<Section> {
    let snapshots = &ctx.metrics.forecast_accuracy;
    let latest = snapshots.last()?;
    let mut columns = accuracy_columns(ctx);
    columns[0].0 = ctx.t("forecast.snapshot_quarter");
    let mut table = Table::new(ctx.t("forecast.accuracy_table"), &columns);
    for s in snapshots {
        table.rows.push(accuracy_row(
            ctx,
            format!("{} ({})", ctx.locale.date(s.date), s.label),
            &s.total,
        ));
    }
    table.note = Some(ctx.t("forecast.accuracy_note").into());
    let mut section = Section::new("accuracy", ctx.t("forecast.accuracy"))
        .intro(ctx.t("forecast.accuracy_intro"))
        .table(table);
    for (what, lines) in [("seller", &latest.by_seller), ("team", &latest.by_team)] {
        let mut columns = accuracy_columns(ctx);
        let (head, key) = if what == "seller" {
            (ctx.t("col.seller"), "forecast.accuracy_per_seller")
        } else {
            (ctx.t("col.team"), "forecast.accuracy_per_team")
        };
        columns[0].0 = head;
        let mut table = Table::new(
            ctx.tf(
                key,
                &[
                    ("date", &ctx.locale.date(latest.date)),
                    ("period", &latest.label),
                ],
            ),
            &columns,
        );
        for line in lines.iter() {
            let name = super::blocks::seller_name(ctx, &line.key, &line.name);
            table.rows.push(accuracy_row(ctx, name.to_string(), line));
        }
        section = section.table(table);
    }
    Some(section)
}
