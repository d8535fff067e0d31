//! `index.html`: the front page. Where the year stands against target, what the
//! forecast says, how healthy the pipeline is, and where to go next.

use super::blocks;
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
    view.lead = Some(ctx.tf(
        "home.lead",
        &[
            ("company", &ctx.model.config.company),
            ("date", &ctx.site.as_of),
        ],
    ));
    view.kpis = headline_kpis(ctx, year_pace);

    let mut results = Table::new(ctx.t("home.results"), &blocks::results_columns(ctx));
    results.rows.push(blocks::results_row(ctx, year, year_pace));
    results.rows.push(blocks::results_row(ctx, quarter, None));
    results
        .rows
        .push(blocks::results_row(ctx, &m.trailing_12_months, None));
    view.sections.push(
        Section::new("results", ctx.t("home.results"))
            .intro(ctx.t("home.results_intro"))
            .table(results)
            .chart(blocks::pace_chart(
                ctx,
                &ctx.tf("home.pace_chart", &[("period", &year.label)]),
                &m.year_pace,
            )),
    );

    view.sections.push(
        Section::new("pipeline", ctx.t("home.by_stage"))
            .intro(ctx.t("home.weighted_intro"))
            .chart(blocks::breakdown_chart(
                ctx,
                ctx.t("home.by_stage"),
                ctx.t("col.stage"),
                &m.pipeline.by_stage,
                Orientation::Horizontal,
                |_| None,
            ))
            .links(vec![Link {
                href: "pipeline/index.html".into(),
                text: ctx.t("home.whole_pipeline").into(),
            }]),
    );

    let h = &m.health;
    let open = m.pipeline.total.open_count;
    let share = |n: u64| {
        if open == 0 {
            String::new()
        } else {
            ctx.tf(
                "home.share_of_open",
                &[("share", &ctx.locale.percent(n as f64 / open as f64))],
            )
        }
    };
    let warn = |n: u64| (n > 0).then_some(Tone::Warn);
    view.sections.push(
        Section::new("health", ctx.t("home.health"))
            .intro(ctx.t("home.health_intro"))
            .kpis(vec![
                Kpi::new(ctx.t("kpi.stale"), ctx.locale.integer(h.stale_count as i64))
                    .detail(share(h.stale_count))
                    .tone(warn(h.stale_count)),
                Kpi::new(ctx.t("kpi.aging"), ctx.locale.integer(h.aging_count as i64))
                    .detail(share(h.aging_count))
                    .tone(warn(h.aging_count)),
                Kpi::new(
                    ctx.t("kpi.hygiene"),
                    ctx.locale.integer(h.hygiene_count as i64),
                )
                .detail(share(h.hygiene_count))
                .tone(warn(h.hygiene_count)),
                Kpi::new(
                    ctx.t("kpi.off_strategy"),
                    ctx.locale.integer(h.off_strategy_count as i64),
                )
                .detail(share(h.off_strategy_count))
                .tone(warn(h.off_strategy_count)),
            ])
            .links(vec![Link {
                href: "meeting/index.html".into(),
                text: ctx.t("home.link_meeting").into(),
            }]),
    );

    let mut links = vec![
        Link {
            href: "strategy/index.html".into(),
            text: ctx.t("home.link_strategy").into(),
        },
        Link {
            href: "tactics/index.html".into(),
            text: ctx.t("home.link_tactics").into(),
        },
        Link {
            href: "sellers/index.html".into(),
            text: ctx.t("home.link_sellers").into(),
        },
        Link {
            href: "customers/index.html".into(),
            text: ctx.t("home.link_customers").into(),
        },
        Link {
            href: "report/index.html".into(),
            text: ctx.t("home.link_report").into(),
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
        .push(Section::new("more", ctx.t("home.more")).links(links));
    ctx.render("index.html", path, view)
}

/// The headline figures, shared with the report.
pub fn headline_kpis(ctx: &Ctx<'_>, year_pace: Option<crate::money::Money>) -> Vec<Kpi> {
    let m = ctx.metrics;
    let (year, quarter) = (&m.year, &m.quarter);
    vec![
        blocks::won_kpi(ctx, year, ctx.t("kpi.no_target"))
            .tone(blocks::pace_tone(year.won_value, year_pace)),
        Kpi::new(
            ctx.tf("kpi.forecast_in", &[("period", &year.label)]),
            ctx.money(year.forecast),
        )
        .detail(ctx.tf(
            "kpi.of_target",
            &[("share", &ctx.percent_or_dash(year.forecast_attainment))],
        )),
        blocks::won_kpi(ctx, quarter, ctx.t("kpi.no_target")),
        blocks::coverage_kpi(ctx, quarter),
        Kpi::new(
            ctx.t("kpi.open_pipeline"),
            ctx.money(m.pipeline.total.open_value),
        )
        .detail(ctx.tf(
            "kpi.open_pipeline_detail",
            &[
                ("weighted", &ctx.money(m.pipeline.total.weighted_value)),
                (
                    "count",
                    &ctx.locale.integer(m.pipeline.total.open_count as i64),
                ),
            ],
        )),
        Kpi::new(
            ctx.t("kpi.velocity"),
            ctx.money_or_dash(m.velocity.per_month),
        )
        .detail(ctx.t("kpi.velocity_detail")),
    ]
}
