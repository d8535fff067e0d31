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
    let mut view = ctx.view(path, "pipeline", "Pipeline");
    view.lead = Some(format!(
        "{} open deals worth {} ({} weighted), as of {}.",
        ctx.locale.integer(p.total.open_count as i64),
        ctx.money(p.total.open_value),
        ctx.money(p.total.weighted_value),
        ctx.site.as_of
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
        "By stage",
        "Stage",
        &p.by_stage,
        Orientation::Horizontal,
        "Every stage in pipeline order. Weighted value = value × probability (the deal's own, else the stage's).",
        &|_| None,
    ));
    view.sections.push(section(
        "by-close-month",
        "By expected close month",
        "Month",
        &p.by_close_month,
        Orientation::Vertical,
        "Months before the as-of month hold deals whose expected close has passed: they need a new date.",
        &|_| None,
    ));
    view.sections.push(section(
        "by-owner",
        "By seller",
        "Seller",
        &p.by_owner,
        Orientation::Horizontal,
        "Each seller's open deals.",
        &|b| Some(blocks::seller_path(&b.key)),
    ));
    view.sections.push(section(
        "by-segment",
        "By segment",
        "Segment",
        &p.by_segment,
        Orientation::Horizontal,
        "Segment of the deal's customer, by the strategy's rules. Unsegmented deals are off strategy.",
        &|b| (b.key != UNSEGMENTED).then(|| blocks::segment_path(&b.key)),
    ));
    view.sections.push(section(
        "aging",
        "By age",
        "Age since created",
        &p.by_age,
        Orientation::Vertical,
        "Time kills deals: the older a deal, the less likely it closes.",
        &|_| None,
    ));
    view.sections.push(
        Section::new("trend", "Trend")
            .intro("Open and weighted pipeline in each earlier export (data/snapshots) and now.")
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
            Section::new("deals", "Open deals, largest first").table(blocks::deal_table(
                ctx,
                "Open deals, largest first",
                &deals,
                columns,
                100,
            )),
        );
    ctx.render("pipeline.html", path, &view)
}

fn trend_chart(ctx: &Ctx<'_>) -> Chart {
    let points = &ctx.metrics.history.points;
    let title = "Open pipeline over time";
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
                name: "Open",
                values: &open,
            },
            Series {
                name: "Weighted",
                values: &weighted,
            },
        ],
        format: &format,
        month: &month,
    });
    let mut table = Table::new(
        title,
        &[
            ("Export of", false),
            ("Deals", true),
            ("Open value", true),
            ("Weighted value", true),
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
    let mut table = Table::new("Open value per stage over time", &[("Export of", false)]);
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
        "Stage conversion of closed deals",
        &[
            ("Stage", false),
            ("Reached", true),
            ("From the first stage", true),
            ("From the stage before", true),
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
        Cell::text("Won"),
        Cell::number(ctx.locale.integer(c.won as i64)),
        Cell::number(ctx.percent_or_dash(c.win_rate)),
        Cell::text(""),
    ]);
    Section::new("conversion", "Stage conversion")
        .intro(format!(
            "Of the {} deals closed so far, how many got at least this far (the furthest stage seen in any export; won deals passed every stage).",
            ctx.locale.integer(c.closed_deals as i64)
        ))
        .table(table)
}
