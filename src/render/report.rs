//! `report/`: the CEO and board transparency report. One printable page: results
//! against target, the forecast, pipeline health, what moved, the top risks, the
//! segments, the narrative from `content/report.md`, and how every figure is defined.

use super::blocks::{self, DealColumns};
use super::view::{Cell, Kpi, Section, Table};
use super::{Ctx, OutputFile};
use crate::error::Error;
use crate::metrics::Change;
use crate::model::Deal;

/// The content page used as the report's narrative.
pub const NARRATIVE_SLUG: &str = "report";

pub fn page(ctx: &Ctx<'_>) -> Result<OutputFile, Error> {
    let path = "report/index.html";
    let m = ctx.metrics;
    let mut view = ctx.view(
        path,
        "report",
        ctx.tf("report.title", &[("date", &ctx.site.as_of)]),
    );
    view.lead = Some(ctx.tf(
        "report.lead",
        &[
            ("company", &ctx.model.config.company),
            ("date", &ctx.site.as_of),
        ],
    ));
    let year_pace = m.year_pace.last().and_then(|p| p.pace);
    view.kpis = super::home::headline_kpis(ctx, year_pace);

    if let Some(page) = ctx.model.pages.iter().find(|p| p.slug == NARRATIVE_SLUG) {
        view.sections.push(
            Section::new("narrative", page.title.clone())
                .html(ctx.markdown_body(&page.markdown, 1)),
        );
    }

    let mut results = Table::new(ctx.t("home.results"), &blocks::results_columns(ctx));
    results
        .rows
        .push(blocks::results_row(ctx, &m.year, year_pace));
    results
        .rows
        .push(blocks::results_row(ctx, &m.quarter, None));
    results
        .rows
        .push(blocks::results_row(ctx, &m.trailing_12_months, None));
    view.sections.push(
        Section::new("results", ctx.t("home.results"))
            .table(results)
            .chart(blocks::pace_chart(
                ctx,
                &ctx.tf("report.pace_chart", &[("period", &m.year.label)]),
                &m.year_pace,
            )),
    );

    let mut forecast = Table::new(
        ctx.t("col.forecast"),
        &[
            (ctx.t("col.period"), false),
            (ctx.t("col.won"), true),
            (ctx.t("report.weighted_open_expected"), true),
            (ctx.t("col.forecast"), true),
            (ctx.t("col.target"), true),
            (ctx.t("report.forecast_of_target"), true),
        ],
    );
    for p in m.year_quarters.iter().chain([&m.year]) {
        forecast.rows.push(vec![
            Cell::text(&p.label),
            Cell::number(ctx.money(p.won_value)),
            Cell::number(ctx.money(p.expected.weighted_value)),
            Cell::number(ctx.money(p.forecast)),
            Cell::number(ctx.money_or_dash(p.target)),
            Cell::number(ctx.percent_or_dash(p.forecast_attainment)),
        ]);
    }
    view.sections.push(
        Section::new("forecast", ctx.t("col.forecast"))
            .intro(ctx.t("report.forecast_intro"))
            .table(forecast),
    );
    view.sections.extend(super::forecast::categories(ctx));

    let h = &m.health;
    let q = &m.quarter;
    view.sections
        .push(Section::new("health", ctx.t("home.health")).kpis(vec![
            blocks::coverage_kpi(ctx, q),
            Kpi::new(
                ctx.t("kpi.velocity"),
                ctx.money_or_dash(m.velocity.per_month),
            )
            .detail(ctx.t("report.per_month")),
            Kpi::new(ctx.t("kpi.stale"), ctx.locale.integer(h.stale_count as i64)),
            Kpi::new(ctx.t("kpi.aging"), ctx.locale.integer(h.aging_count as i64)).detail(
                h.aging_after_days.map_or_else(String::new, |d| {
                    ctx.tf("report.older_than", &[("days", &ctx.locale.days(d as f64))])
                }),
            ),
            Kpi::new(
                ctx.t("report.off_strategy_deals"),
                ctx.locale.integer(h.off_strategy_count as i64),
            ),
        ]));

    view.sections.push(super::movement::section(
        ctx,
        "movement",
        ctx.t("report.movement"),
        15,
    ));

    view.sections.push(super::risk::section(ctx));
    let flags = &h.flags;
    let risks: Vec<usize> = blocks::open_deals_by_value(ctx, |_: &Deal| true)
        .into_iter()
        .filter(|&i| flags[i].stale || flags[i].aging || flags[i].off_strategy)
        .collect();
    view.sections.push(
        Section::new("risks", ctx.t("report.risks"))
            .intro(ctx.t("report.risks_intro"))
            .table(pushed_table(ctx, 10))
            .table(blocks::deal_table(
                ctx,
                ctx.t("report.risky_deals"),
                &risks,
                DealColumns {
                    owner: true,
                    customer: true,
                    flags: true,
                },
                10,
            )),
    );

    let mut segments = Table::new(
        ctx.t("report.segments_year"),
        &[
            (ctx.t("col.segment"), false),
            (ctx.t("col.priority"), false),
            (ctx.t("col.won"), true),
            (ctx.t("col.target"), true),
            (ctx.t("col.attainment"), true),
            (ctx.t("kpi.open_pipeline"), true),
        ],
    );
    for s in &m.segments {
        segments.rows.push(vec![
            Cell::text(blocks::segment_name(ctx, &s.id, &s.name)),
            Cell::text(s.priority.map_or("—", |p| blocks::priority_word(ctx, p))),
            Cell::number(ctx.money(s.year.won_value)),
            Cell::number(ctx.money_or_dash(s.year.target)),
            Cell::number(ctx.percent_or_dash(s.year.attainment)),
            Cell::number(ctx.money(s.pipeline.open_value)),
        ]);
    }
    view.sections
        .push(Section::new("segments", ctx.t("report.segment_performance")).table(segments));
    view.sections
        .push(Section::new("definitions", ctx.t("report.definitions")).table(definitions(ctx)));
    ctx.render("report.html", path, view)
}

/// Open deals whose expected close moved later between the previous export and
/// now, largest first: the slips a board should hear about.
fn pushed_table(ctx: &Ctx<'_>, limit: usize) -> Table {
    let mut table = Table::new(
        ctx.t("report.pushed"),
        &[
            (ctx.t("col.deal"), false),
            (ctx.t("col.owner"), false),
            (ctx.t("col.stage"), false),
            (ctx.t("col.value"), true),
            (ctx.t("report.close_was"), false),
            (ctx.t("report.close_now"), false),
        ],
    )
    .empty_text(ctx.t("report.none_pushed"));
    let Some(movement) = &ctx.metrics.movement else {
        table.empty = ctx.t("report.no_earlier").into();
        return table;
    };
    let mut pushed: Vec<_> = movement
        .deals
        .iter()
        .filter(|d| d.changes.contains(&Change::Pushed))
        .collect();
    pushed.sort_by(|a, b| {
        b.value_after
            .cmp(&a.value_after)
            .then_with(|| a.id.cmp(&b.id))
    });
    for d in pushed.iter().take(limit) {
        table.rows.push(vec![
            Cell::text(format!("{} ({})", d.name, d.id)),
            blocks::owner_cell(ctx, &d.owner),
            Cell::text(d.stage_after.clone().unwrap_or_default()),
            Cell::number(ctx.money_or_dash(d.value_after)),
            Cell::date(ctx.date_or_dash(d.close_before)),
            Cell::date(ctx.date_or_dash(d.close_after)),
        ]);
    }
    if pushed.len() > limit {
        table.note = Some(ctx.tf(
            "table.showing_of",
            &[
                ("shown", &ctx.locale.integer(limit as i64)),
                ("all", &ctx.locale.integer(pushed.len() as i64)),
            ],
        ));
    }
    table
}

fn definitions(ctx: &Ctx<'_>) -> Table {
    let th = &ctx.model.strategy.thresholds;
    let mut table = Table::new(
        ctx.t("report.how_computed"),
        &[
            (ctx.t("report.figure"), false),
            (ctx.t("report.definition"), false),
        ],
    );
    let rows = [
        (
            ctx.t("kpi.open_pipeline"),
            ctx.t("def.open_pipeline").to_string(),
        ),
        (ctx.t("col.weighted_value"), ctx.t("def.weighted").into()),
        (ctx.t("def.won_lost_name"), ctx.t("def.won_lost").into()),
        (ctx.t("col.win_rate"), ctx.t("def.win_rate").into()),
        (ctx.t("col.average_deal"), ctx.t("def.average_deal").into()),
        (ctx.t("def.cycle_name"), ctx.t("def.cycle").into()),
        (ctx.t("col.forecast"), ctx.t("def.forecast").into()),
        (ctx.t("col.attainment"), ctx.t("def.attainment").into()),
        (
            ctx.t("col.coverage"),
            ctx.tf(
                "def.coverage",
                &[("goal", &ctx.locale.times(th.coverage_goal))],
            ),
        ),
        (ctx.t("kpi.velocity"), ctx.t("def.velocity").into()),
        (
            ctx.t("def.stale_name"),
            ctx.tf("def.stale", &[("days", &th.stale_after_days.to_string())]),
        ),
        (ctx.t("def.aging_name"), ctx.t("def.aging").into()),
        (ctx.t("def.focus_name"), ctx.t("def.focus").into()),
        (ctx.t("def.hygiene_name"), ctx.t("def.hygiene").into()),
        (ctx.t("kpi.off_strategy"), ctx.t("def.off_strategy").into()),
        (ctx.t("def.ttm_name"), ctx.t("def.ttm").into()),
        (ctx.t("def.categories_name"), ctx.t("def.categories").into()),
        (ctx.t("def.movement_name"), ctx.t("def.movement").into()),
        (ctx.t("def.pushed_name"), ctx.t("def.pushed").into()),
        (ctx.t("def.hash_name"), ctx.t("def.hash").into()),
        (ctx.t("def.classes_name"), ctx.t("def.classes").into()),
    ];
    // A board build's pages show no focus score (that is the meeting pack's, which
    // the board does not get): its report does not define one.
    let focus = ctx.t("def.focus_name");
    for (name, text) in rows {
        if ctx.policy.aggregates_only && name == focus {
            continue;
        }
        table.rows.push(vec![Cell::text(name), Cell::text(text)]);
    }
    table.rows.push(vec![
        Cell::text(ctx.t("def.at_risk_name")),
        Cell::text(ctx.t("def.at_risk")),
    ]);
    table
}
