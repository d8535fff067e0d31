//! `pipeline/`: the open pipeline cut every way the sales team asks for it.

use super::blocks::{self, DealColumns};
use super::view::{Cell, Chart, Section, Table};
use super::{Ctx, OutputFile};
use crate::charts::{self, LineChart, Orientation, Series};
use crate::error::Error;
use crate::metrics::UNSEGMENTED;
use crate::money::Money;

pub fn page(ctx: &Ctx<'_>) -> Result<OutputFile, Error> {
    let path = "pipeline/index.html";
    let p = &ctx.metrics.pipeline;
    let mut view = ctx.view(path, "pipeline", ctx.t("nav.pipeline"));
    view.lead = Some(ctx.tf(
        "pipeline.lead",
        &[
            ("count", &ctx.locale.integer(p.total.open_count as i64)),
            ("value", &ctx.money(p.total.open_value)),
            ("weighted", &ctx.money(p.total.weighted_value)),
            ("date", &ctx.site.as_of),
        ],
    ));
    let section = |id: &str,
                   title: &str,
                   label: &str,
                   lines,
                   orientation,
                   intro: &str,
                   link: &dyn Fn(&crate::metrics::Breakdown) -> Option<String>| {
        Section::new(id, title)
            .intro(intro)
            .chart(blocks::breakdown_chart(
                ctx,
                title,
                label,
                lines,
                orientation,
                link,
            ))
    };
    view.sections.push(section(
        "by-stage",
        ctx.t("pipeline.by_stage"),
        ctx.t("col.stage"),
        &p.by_stage,
        Orientation::Horizontal,
        ctx.t("pipeline.by_stage_intro"),
        &|_| None,
    ));
    view.sections.push(section(
        "by-close-month",
        ctx.t("pipeline.by_month"),
        ctx.t("col.month"),
        &p.by_close_month,
        Orientation::Vertical,
        ctx.t("pipeline.by_month_intro"),
        &|_| None,
    ));
    view.sections.push(section(
        "by-owner",
        ctx.t("pipeline.by_seller"),
        ctx.t("col.seller"),
        &p.by_owner,
        Orientation::Horizontal,
        ctx.t("pipeline.by_seller_intro"),
        &|b| (b.key != crate::metrics::NO_SELLER).then(|| blocks::seller_path(&b.key)),
    ));
    view.sections.push(section(
        "by-segment",
        ctx.t("pipeline.by_segment"),
        ctx.t("col.segment"),
        &p.by_segment,
        Orientation::Horizontal,
        ctx.t("pipeline.by_segment_intro"),
        &|b| (b.key != UNSEGMENTED).then(|| blocks::segment_path(&b.key)),
    ));
    view.sections.push(section(
        "aging",
        ctx.t("pipeline.by_age"),
        ctx.t("pipeline.age"),
        &p.by_age,
        Orientation::Vertical,
        ctx.t("pipeline.by_age_intro"),
        &|_| None,
    ));
    view.sections.push(
        Section::new("trend", ctx.t("pipeline.trend"))
            .intro(ctx.t("pipeline.trend_intro"))
            .chart(trend_chart(ctx))
            .table(trend_by_stage(ctx)),
    );
    view.sections.push(conversion(ctx));
    let deals = blocks::open_deals_by_value(ctx, |_| true);
    let columns = DealColumns {
        owner: true,
        customer: true,
        flags: true,
    };
    view.sections
        .push(
            Section::new("deals", ctx.t("pipeline.open_deals")).table(blocks::deal_table(
                ctx,
                ctx.t("pipeline.open_deals"),
                &deals,
                columns,
                100,
            )),
        );
    ctx.render("pipeline.html", path, view)
}

fn trend_chart(ctx: &Ctx<'_>) -> Chart {
    let points = &ctx.metrics.history.points;
    let title = ctx.t("pipeline.over_time");
    let dates: Vec<_> = points.iter().map(|p| p.date).collect();
    let open: Vec<i64> = points.iter().map(|p| p.sum.open_value.minor()).collect();
    let weighted: Vec<i64> = points
        .iter()
        .map(|p| p.sum.weighted_value.minor())
        .collect();
    let format = |minor: i64| ctx.locale.money_short(Money::from_minor(minor));
    let month = |d: chrono::NaiveDate| ctx.locale.month_short(d);
    let svg = charts::line_chart(&LineChart {
        title,
        x: &dates,
        series: &[
            Series {
                name: ctx.t("chart.open"),
                values: &open,
            },
            Series {
                name: ctx.t("chart.weighted"),
                values: &weighted,
            },
        ],
        format: &format,
        month: &month,
    });
    let mut table = Table::new(
        title,
        &[
            (ctx.t("pipeline.export_of"), false),
            (ctx.t("col.deals"), true),
            (ctx.t("col.open_value"), true),
            (ctx.t("col.weighted_value"), true),
        ],
    );
    for p in points {
        table.rows.push(vec![
            Cell::date(ctx.locale.date(p.date)),
            Cell::number(ctx.locale.integer(p.sum.open_count as i64)),
            Cell::number(ctx.money(p.sum.open_value)),
            Cell::number(ctx.money(p.sum.weighted_value)),
        ]);
    }
    Chart { svg, table }
}

/// Open value per stage in each export: where the pipeline grew or thinned.
fn trend_by_stage(ctx: &Ctx<'_>) -> Table {
    let stages = &ctx.model.strategy.stages;
    let mut table = Table::new(
        ctx.t("pipeline.stage_over_time"),
        &[(ctx.t("pipeline.export_of"), false)],
    );
    table
        .columns
        .extend(stages.iter().map(|s| super::view::Column {
            label: s.name.clone(),
            numeric: true,
        }));
    for p in &ctx.metrics.history.points {
        let mut row = vec![Cell::date(ctx.locale.date(p.date))];
        row.extend(
            p.by_stage
                .iter()
                .map(|s| Cell::number(ctx.money(s.open_value))),
        );
        table.rows.push(row);
    }
    table
}

/// How far closed deals got, stage by stage: the funnel.
fn conversion(ctx: &Ctx<'_>) -> Section {
    let c = &ctx.metrics.conversion;
    let mut table = Table::new(
        ctx.t("pipeline.conversion_table"),
        &[
            (ctx.t("col.stage"), false),
            (ctx.t("pipeline.reached"), true),
            (ctx.t("pipeline.from_first"), true),
            (ctx.t("pipeline.from_before"), true),
        ],
    );
    for s in &c.stages {
        table.rows.push(vec![
            Cell::text(&s.name),
            Cell::number(ctx.locale.integer(s.reached as i64)),
            Cell::number(ctx.percent_or_dash(s.cumulative)),
            Cell::number(ctx.percent_or_dash(s.from_previous)),
        ]);
    }
    table.foot = Some(vec![
        Cell::text(ctx.t("col.won")),
        Cell::number(ctx.locale.integer(c.won as i64)),
        Cell::number(ctx.percent_or_dash(c.win_rate)),
        Cell::text(""),
    ]);
    Section::new("conversion", ctx.t("pipeline.conversion"))
        .intro(ctx.tf(
            "pipeline.conversion_intro",
            &[("count", &ctx.locale.integer(c.closed_deals as i64))],
        ))
        .table(table)
}
