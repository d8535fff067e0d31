//! `index.html`: the front page. Where the year stands against target, what the
//! forecast says, how healthy the pipeline is, and where to go next.

use super::blocks::{self, RESULTS_COLUMNS};
use super::view::{Kpi, Link, Section, Table, Tone};
use super::{Ctx, OutputFile};
use crate::charts::Orientation;
use crate::error::Error;

pub fn page(ctx: &Ctx<'_>) -> Result<OutputFile, Error> {
    let path = "index.html";
    let m = ctx.metrics;
    let (year, quarter) = (&m.year, &m.quarter);
    let year_pace = m.year_pace.last().and_then(|p| p.pace);
    let mut view = ctx.view(path, "home", ctx.model.config.title.clone());
    view.lead = Some(format!(
        "{} · as of {}",
        ctx.model.config.company, ctx.site.as_of
    ));
    view.kpis = headline_kpis(ctx, year_pace);

    let mut results = Table::new("Results against target", &RESULTS_COLUMNS);
    results.rows.push(blocks::results_row(ctx, year, year_pace));
    results.rows.push(blocks::results_row(ctx, quarter, None));
    results
        .rows
        .push(blocks::results_row(ctx, &m.trailing_12_months, None));
    view.sections.push(
        Section::new("results", "Results against target")
            .intro("Won value is counted on the closed date. Forecast = won + the weighted value of open deals expected to close in the period.")
            .table(results)
            .chart(blocks::pace_chart(ctx, &format!("Won so far in {} against the target's pace", year.label), &m.year_pace)),
    );

    view.sections.push(
        Section::new("pipeline", "Open pipeline by stage")
            .intro("Weighted value = value × the deal's probability, or its stage's when the export gives none.")
            .chart(blocks::breakdown_chart(ctx, "Open pipeline by stage", "Stage", &m.pipeline.by_stage, Orientation::Horizontal, |_| None))
            .links(vec![Link { href: "pipeline/index.html".into(), text: "The whole pipeline".into() }]),
    );

    let h = &m.health;
    let open = m.pipeline.total.open_count;
    let share = |n: u64| {
        if open == 0 {
            String::new()
        } else {
            format!(
                "{} of open deals",
                ctx.locale.percent(n as f64 / open as f64)
            )
        }
    };
    let warn = |n: u64| (n > 0).then_some(Tone::Warn);
    view.sections.push(
        Section::new("health", "Pipeline health")
            .intro("Deals to put right before they cost revenue: “time kills deals”.")
            .kpis(vec![
                Kpi::new("Stale deals", ctx.locale.integer(h.stale_count as i64))
                    .detail(share(h.stale_count))
                    .tone(warn(h.stale_count)),
                Kpi::new("Aging deals", ctx.locale.integer(h.aging_count as i64))
                    .detail(share(h.aging_count))
                    .tone(warn(h.aging_count)),
                Kpi::new("Hygiene fixes", ctx.locale.integer(h.hygiene_count as i64))
                    .detail(share(h.hygiene_count))
                    .tone(warn(h.hygiene_count)),
                Kpi::new(
                    "Off strategy",
                    ctx.locale.integer(h.off_strategy_count as i64),
                )
                .detail(share(h.off_strategy_count))
                .tone(warn(h.off_strategy_count)),
            ])
            .links(vec![Link {
                href: "meeting/index.html".into(),
                text: "The sales-meeting pack".into(),
            }]),
    );

    let mut links = vec![
        Link {
            href: "strategy/index.html".into(),
            text: "Strategy: segments and offers".into(),
        },
        Link {
            href: "tactics/index.html".into(),
            text: "Tactical plans".into(),
        },
        Link {
            href: "sellers/index.html".into(),
            text: "Each seller's daily focus".into(),
        },
        Link {
            href: "customers/index.html".into(),
            text: "Customer value".into(),
        },
        Link {
            href: "report/index.html".into(),
            text: "The CEO and board report".into(),
        },
    ];
    links.extend(
        ctx.model
            .pages
            .iter()
            .filter(|p| p.slug != super::report::NARRATIVE_SLUG)
            .map(|p| Link {
                href: format!("pages/{}/index.html", p.slug),
                text: p.title.clone(),
            }),
    );
    view.sections
        .push(Section::new("more", "More").links(links));
    ctx.render("index.html", path, &view)
}

/// The headline figures, shared with the report.
pub fn headline_kpis(ctx: &Ctx<'_>, year_pace: Option<crate::money::Money>) -> Vec<Kpi> {
    let m = ctx.metrics;
    let (year, quarter) = (&m.year, &m.quarter);
    vec![
        blocks::won_kpi(ctx, year, "no target set")
            .tone(blocks::pace_tone(year.won_value, year_pace)),
        Kpi::new(format!("Forecast {}", year.label), ctx.money(year.forecast)).detail(format!(
            "{} of target",
            ctx.percent_or_dash(year.forecast_attainment)
        )),
        blocks::won_kpi(ctx, quarter, "no target set"),
        blocks::coverage_kpi(ctx, quarter),
        Kpi::new("Open pipeline", ctx.money(m.pipeline.total.open_value)).detail(format!(
            "{} weighted · {} deals",
            ctx.money(m.pipeline.total.weighted_value),
            ctx.locale.integer(m.pipeline.total.open_count as i64)
        )),
        Kpi::new("Sales velocity", ctx.money_or_dash(m.velocity.per_month))
            .detail("per month, from this year's win rate and cycle"),
    ]
}
