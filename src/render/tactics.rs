//! `tactics/` and `tactics/<plan>/`: the tactical plans, each against its goal with
//! an on-track indicator from linear pacing through the plan's period.

use super::blocks::{self, DealColumns};
use super::view::{Cell, Item, Kpi, Link, Section, Table, Tone};
use super::{Ctx, OutputFile};
use crate::charts::Orientation;
use crate::error::Error;
use crate::metrics::{Breakdown, PipelineSum, PlanMetrics};
use crate::model::Status;
use crate::strategy::Plan;

pub fn pages(ctx: &Ctx<'_>) -> Result<Vec<OutputFile>, Error> {
    let mut files = vec![index(ctx)?];
    for (i, plan) in ctx.model.strategy.plans.iter().enumerate() {
        files.push(plan_page(ctx, i, plan)?);
    }
    Ok(files)
}

fn on_track(ctx: &Ctx<'_>, p: &PlanMetrics) -> Cell {
    match p.on_track {
        Some(true) => Cell::text(ctx.t("status.on_track")).tone(Some(Tone::Good)),
        Some(false) => Cell::text(ctx.tf(
            "status.behind_by",
            &[(
                "value",
                &ctx.money(p.pace_revenue.unwrap_or_default() - p.won_value),
            )],
        ))
        .tone(blocks::pace_tone(p.won_value, p.pace_revenue)),
        None => Cell::text(ctx.t("tactics.no_goal")),
    }
}

fn index(ctx: &Ctx<'_>) -> Result<OutputFile, Error> {
    let path = "tactics/index.html";
    let mut view = ctx.view(path, "tactics", ctx.t("home.link_tactics"));
    view.lead = Some(ctx.t("tactics.lead").into());
    let mut table = Table::new(
        ctx.t("tactics.plans"),
        &[
            (ctx.t("tactics.plan"), false),
            (ctx.t("col.owner"), false),
            (ctx.t("col.period"), false),
            (ctx.t("tactics.goal"), true),
            (ctx.t("col.won"), true),
            (ctx.t("tactics.progress"), true),
            (ctx.t("tactics.pace_today"), true),
            (ctx.t("tactics.status"), false),
            (ctx.t("tactics.gap"), true),
            (ctx.t("kpi.open_pipeline"), true),
        ],
    )
    .empty_text(ctx.t("tactics.no_plans"));
    for p in &ctx.metrics.plans {
        table.rows.push(vec![
            Cell::link(&p.name, blocks::plan_path(&p.id)),
            Cell::text(&p.owner),
            Cell::text(format!(
                "{} – {}",
                ctx.locale.date(p.start),
                ctx.locale.date(p.end)
            )),
            Cell::number(ctx.money_or_dash(p.goal_revenue)),
            Cell::number(ctx.money(p.won_value)),
            Cell::number(ctx.percent_or_dash(p.progress)),
            Cell::number(ctx.money_or_dash(p.pace_revenue)),
            on_track(ctx, p),
            Cell::number(ctx.money_or_dash(p.gap)),
            Cell::number(ctx.money(p.open.open_value)),
        ]);
    }
    view.sections
        .push(Section::new("plans", ctx.t("tactics.all")).table(table));
    view.sections.push(quarters(ctx));
    view.sections.push(super::forecast::targets(ctx));
    view.sections.extend(super::forecast::categories(ctx));
    view.sections.extend(super::forecast::accuracy(ctx));
    ctx.render("tactics.html", path, view)
}

fn plan_page(ctx: &Ctx<'_>, index: usize, plan: &Plan) -> Result<OutputFile, Error> {
    let path = blocks::plan_path(&plan.id);
    let strategy = &ctx.model.strategy;
    let p = &ctx.metrics.plans[index];
    let mut view = ctx.view(&path, "tactics", plan.name.clone());
    view.breadcrumbs = vec![Link {
        href: "tactics/index.html".into(),
        text: ctx.t("home.link_tactics").into(),
    }];
    view.lead = Some(ctx.tf(
        "tactics.plan_lead",
        &[
            ("start", &ctx.locale.date(plan.start)),
            ("end", &ctx.locale.date(plan.end)),
            ("owner", &p.owner),
            ("channel", &plan.channel),
            ("passed", &ctx.locale.percent(p.elapsed)),
        ],
    ));
    view.kpis = vec![
        Kpi::new(ctx.t("col.won"), ctx.money(p.won_value))
            .detail(ctx.tf(
                "tactics.won_detail",
                &[
                    ("count", &ctx.locale.integer(p.won_count as i64)),
                    ("goal", &ctx.money_or_dash(p.goal_revenue)),
                ],
            ))
            .tone(blocks::pace_tone(p.won_value, p.pace_revenue)),
        Kpi::new(
            ctx.t("tactics.pace_today"),
            ctx.money_or_dash(p.pace_revenue),
        )
        .detail(ctx.t("tactics.pace_detail")),
        Kpi::new(ctx.t("tactics.gap_to_goal"), ctx.money_or_dash(p.gap)),
        Kpi::new(
            ctx.t("tactics.deal_goal"),
            p.goal_deals
                .map_or_else(|| "—".into(), |g| ctx.locale.integer(i64::from(g))),
        )
        .detail(ctx.tf(
            "tactics.won_so_far",
            &[("count", &ctx.locale.integer(p.won_count as i64))],
        )),
        Kpi::new(ctx.t("kpi.open_pipeline"), ctx.money(p.open.open_value)).detail(ctx.tf(
            "strategy.weighted",
            &[("value", &ctx.money(p.open.weighted_value))],
        )),
    ];
    view.sections.push(forecast_section(ctx, p));
    let segments: Vec<&str> = plan
        .segments
        .iter()
        .map(|&s| strategy.segments[s].name.as_str())
        .collect();
    let offers: Vec<&str> = plan
        .offers
        .iter()
        .map(|&o| strategy.offers[o].name.as_str())
        .collect();
    view.sections.push(
        Section::new("goals", ctx.t("tactics.goals"))
            .intro(ctx.tf(
                "tactics.goals_intro",
                &[
                    ("segments", &or_none(ctx, &segments)),
                    ("offers", &or_none(ctx, &offers)),
                ],
            ))
            .items(vec![Item {
                title: ctx.t("tactics.activities").into(),
                tag: None,
                html: ctx.markdown(&plan.activities, 3),
                note: None,
            }]),
    );
    view.sections.push(
        Section::new("pace", ctx.t("tactics.pace")).chart(blocks::pace_chart(
            ctx,
            &ctx.tf("tactics.pace_chart", &[("plan", &plan.name)]),
            &p.pace,
        )),
    );

    let mut funnel = vec![PipelineSum::default(); strategy.stages.len()];
    for deal in ctx
        .model
        .deals
        .iter()
        .filter(|d| ctx.model.in_plan(d, index) && d.status == Status::Open)
    {
        funnel[deal.stage()].add(deal.amount(), ctx.model.probability(deal));
    }
    let lines: Vec<Breakdown> = strategy
        .stages
        .iter()
        .zip(funnel)
        .map(|(s, sum)| Breakdown {
            key: s.id.clone(),
            name: s.name.clone(),
            sum,
        })
        .collect();
    view.sections
        .push(
            Section::new("funnel", ctx.t("tactics.funnel")).chart(blocks::breakdown_chart(
                ctx,
                &ctx.tf("tactics.funnel_chart", &[("plan", &plan.name)]),
                ctx.t("col.stage"),
                &lines,
                Orientation::Horizontal,
                |_| None,
            )),
        );
    let deals = &ctx.model.deals;
    let mut tied: Vec<usize> = (0..deals.len())
        .filter(|&i| ctx.model.in_plan(&deals[i], index))
        .collect();
    tied.sort_by(|&a, &b| {
        deals[a]
            .status
            .cmp(&deals[b].status)
            .then(deals[b].amount().cmp(&deals[a].amount()))
            .then(deals[a].id.cmp(&deals[b].id))
    });
    let columns = DealColumns {
        owner: true,
        customer: true,
        flags: true,
    };
    view.sections.push(
        Section::new("deals", ctx.t("tactics.deals")).table(blocks::deal_table(
            ctx,
            ctx.t("tactics.deals_table"),
            &tied,
            columns,
            100,
        )),
    );
    ctx.render("plan.html", &path, view)
}

/// The plan's forecast for its period, with the coverage variant named.
fn forecast_section(ctx: &Ctx<'_>, p: &PlanMetrics) -> Section {
    let r = &p.results;
    let times = |c: Option<f64>| c.map_or_else(|| "—".into(), |c| ctx.locale.times(c));
    let mut kpis = vec![
        Kpi::new(ctx.t("col.forecast"), ctx.money(r.forecast)).detail(ctx.tf(
            "tactics.forecast_detail",
            &[
                ("won", &ctx.money(r.won_value)),
                ("weighted", &ctx.money(r.expected.weighted_value)),
                ("date", &ctx.locale.date(r.end)),
            ],
        )),
        Kpi::new(ctx.t("col.attainment"), ctx.percent_or_dash(r.attainment)).detail(ctx.tf(
            "tactics.forecast_share",
            &[("share", &ctx.percent_or_dash(r.forecast_attainment))],
        )),
        Kpi::new(ctx.t("col.coverage"), times(r.coverage)).detail(ctx.tf(
            "tactics.coverage_detail",
            &[("whole", &times(r.coverage_of_target))],
        )),
        Kpi::new(
            ctx.t("tactics.needed"),
            ctx.money_or_dash(r.pipeline_needed),
        )
        .detail(match r.pipeline_needed_by {
            Some(by) => ctx.tf("tactics.needed_by", &[("date", &ctx.locale.date(by))]),
            None => ctx.t("tactics.at_win_rate").into(),
        }),
    ];
    if let Some(c) = r.forecast_categories {
        kpis.push(
            Kpi::new(ctx.t("tactics.commit"), ctx.money(c.commit_rollup)).detail(ctx.tf(
                "tactics.commit_detail",
                &[("best", &ctx.money(c.best_case_rollup))],
            )),
        );
    }
    Section::new("forecast", ctx.t("tactics.forecast"))
        .intro(ctx.t("tactics.forecast_intro"))
        .kpis(kpis)
}

fn or_none(ctx: &Ctx<'_>, names: &[&str]) -> String {
    if names.is_empty() {
        ctx.t("tactics.none_named").into()
    } else {
        names.join(", ")
    }
}

/// Target, won and forecast for each quarter of the fiscal year.
fn quarters(ctx: &Ctx<'_>) -> Section {
    let m = ctx.metrics;
    let title = ctx.tf("tactics.quarters_chart", &[("period", &m.year.label)]);
    let labels: Vec<String> = m.year_quarters.iter().map(|q| q.label.clone()).collect();
    let target: Vec<i64> = m
        .year_quarters
        .iter()
        .map(|q| q.target.unwrap_or_default().minor())
        .collect();
    let won: Vec<i64> = m
        .year_quarters
        .iter()
        .map(|q| q.won_value.minor())
        .collect();
    let forecast: Vec<i64> = m.year_quarters.iter().map(|q| q.forecast.minor()).collect();
    let format = |minor: i64| {
        ctx.locale
            .money_short(crate::money::Money::from_minor(minor))
    };
    let svg = crate::charts::category_chart(&crate::charts::CategoryChart {
        title: &title,
        categories: &labels,
        series: &[
            crate::charts::Series {
                name: ctx.t("col.target"),
                values: &target,
            },
            crate::charts::Series {
                name: ctx.t("col.won"),
                values: &won,
            },
            crate::charts::Series {
                name: ctx.t("col.forecast"),
                values: &forecast,
            },
        ],
        orientation: Orientation::Vertical,
        format: &format,
    });
    let mut table = Table::new(
        title.clone(),
        &[
            (ctx.t("tactics.quarter"), false),
            (ctx.t("col.target"), true),
            (ctx.t("col.won"), true),
            (ctx.t("col.forecast"), true),
            (ctx.t("col.coverage"), true),
            (ctx.t("tactics.coverage_of_target"), true),
            (ctx.t("meeting.still_needed"), true),
        ],
    );
    let times = |c: Option<f64>| c.map_or_else(|| "—".into(), |c| ctx.locale.times(c));
    for q in &m.year_quarters {
        table.rows.push(vec![
            Cell::text(&q.label),
            Cell::number(ctx.money_or_dash(q.target)),
            Cell::number(ctx.money(q.won_value)),
            Cell::number(ctx.money(q.forecast)),
            Cell::number(times(q.coverage)),
            Cell::number(times(q.coverage_of_target)),
            Cell::number(ctx.money_or_dash(q.pipeline_needed)),
        ]);
    }
    table.note = Some(ctx.t("tactics.coverage_note").into());
    Section::new("quarters", ctx.t("tactics.quarters"))
        .intro(ctx.t("tactics.quarters_intro"))
        .chart(super::view::Chart { svg, table })
}
