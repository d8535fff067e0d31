//! `meeting/`: the sales-meeting pack, following the method's three agenda points:
//! a shared view of how the pipeline develops, whether progress is enough to reach
//! the targets, and whether the deals are up to date and in line with the strategy.

use super::blocks::{self, DealColumns};
use super::view::{Cell, Kpi, Link, Section, Table};
use super::{Ctx, OutputFile};
use crate::charts::Orientation;
use crate::error::Error;
use crate::model::Deal;

pub fn page(ctx: &Ctx<'_>) -> Result<OutputFile, Error> {
    let path = "meeting/index.html";
    let m = ctx.metrics;
    let mut view = ctx.view(path, "meeting", ctx.t("nav.meeting"));
    view.lead = Some(ctx.tf("meeting.lead", &[("date", &ctx.site.as_of)]));

    let mut shared = super::movement::section(ctx, "development", ctx.t("meeting.point1"), 40);
    shared = shared
        .chart(blocks::breakdown_chart(
            ctx,
            ctx.t("home.by_stage"),
            ctx.t("col.stage"),
            &m.pipeline.by_stage,
            Orientation::Horizontal,
            |_| None,
        ))
        .links(vec![Link {
            href: "pipeline/index.html#trend".into(),
            text: ctx.t("meeting.trend_link").into(),
        }]);
    view.sections.push(shared);
    view.sections.extend(super::movement::slip_section(ctx));

    let year_pace = m.year_pace.last().and_then(|p| p.pace);
    let mut results = Table::new(ctx.t("meeting.results"), &blocks::results_columns(ctx));
    results
        .rows
        .push(blocks::results_row(ctx, &m.quarter, None));
    results
        .rows
        .push(blocks::results_row(ctx, &m.year, year_pace));
    let year = &m.year.label;
    let columns = [
        ("", false),
        (ctx.t("col.won"), true),
        (ctx.t("col.target"), true),
        (ctx.t("col.attainment"), true),
        (ctx.t("col.forecast"), true),
        (ctx.t("col.coverage"), true),
        (ctx.t("meeting.still_needed"), true),
    ];
    let line = |name: Cell, p: &crate::metrics::PeriodMetrics| {
        vec![
            name,
            Cell::number(ctx.money(p.won_value)),
            Cell::number(ctx.money_or_dash(p.target)),
            Cell::number(ctx.percent_or_dash(p.attainment)),
            Cell::number(ctx.money(p.forecast)),
            Cell::number(
                p.coverage
                    .map_or_else(|| "—".into(), |c| ctx.locale.times(c)),
            ),
            Cell::number(ctx.money_or_dash(p.pipeline_needed)),
        ]
    };
    let mut sellers = Table::new(
        ctx.tf("meeting.sellers_targets", &[("year", &year.to_string())]),
        &columns,
    );
    sellers.columns[0].label = ctx.t("col.seller").into();
    for s in &m.sellers {
        sellers.rows.push(line(
            Cell::link(&s.name, blocks::seller_path(&s.id)),
            &s.year,
        ));
    }
    if let Some(nobody) = &m.without_seller {
        sellers
            .rows
            .push(line(Cell::text(ctx.t("pipeline.no_seller")), &nobody.year));
    }
    let mut teams = Table::new(
        ctx.tf("meeting.teams_targets", &[("year", &year.to_string())]),
        &columns,
    );
    teams.columns[0].label = ctx.t("col.team").into();
    for t in &m.teams {
        teams.rows.push(line(Cell::text(&t.name), &t.year));
    }
    if let Some(nobody) = &m.without_seller {
        teams
            .rows
            .push(line(Cell::text(ctx.t("pipeline.no_seller")), &nobody.year));
    }
    teams.note = Some(ctx.t("meeting.coverage_note").into());
    let q = &m.quarter;
    view.sections.push(
        Section::new("progress", ctx.t("meeting.point2"))
            .kpis(vec![
                Kpi::new(
                    ctx.tf("meeting.remaining_in", &[("period", &q.label)]),
                    ctx.money_or_dash(q.remaining_target),
                ),
                Kpi::new(
                    ctx.tf("meeting.open_expected_in", &[("period", &q.label)]),
                    ctx.money(q.expected.open_value),
                )
                .detail(ctx.tf(
                    "meeting.weighted",
                    &[("value", &ctx.money(q.expected.weighted_value))],
                )),
                blocks::coverage_kpi(ctx, q),
                Kpi::new(
                    ctx.tf("meeting.still_needed_in", &[("period", &q.label)]),
                    ctx.money_or_dash(q.pipeline_needed),
                )
                .detail(ctx.t("meeting.at_win_rate")),
            ])
            .table(results)
            .table(sellers)
            .table(teams),
    );

    let with_owner = DealColumns {
        owner: true,
        customer: true,
        flags: true,
    };
    let flags = &m.health.flags;
    let open = blocks::open_deals_by_value(ctx, |_: &Deal| true);
    let by_value = |keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
        open.iter().copied().filter(|&i| keep(i)).collect()
    };
    let stale = by_value(&|i| flags[i].stale);
    let hygiene = by_value(&|i| !flags[i].hygiene.is_empty());
    let off = by_value(&|i| flags[i].off_strategy);
    view.sections.push(
        Section::new("up-to-date", ctx.t("meeting.point3"))
            .intro(ctx.tf(
                "meeting.point3_intro",
                &[("days", &m.health.stale_after_days.to_string())],
            ))
            .table(blocks::deal_table(
                ctx,
                ctx.t("meeting.stale"),
                &stale,
                with_owner,
                30,
            ))
            .table(blocks::deal_table(
                ctx,
                ctx.t("meeting.missing"),
                &hygiene,
                with_owner,
                30,
            ))
            .table(blocks::deal_table(
                ctx,
                ctx.t("meeting.off"),
                &off,
                with_owner,
                30,
            ))
            .table(super::audit::share_by_seller(ctx))
            .table(care_per_seller(ctx)),
    );
    if let Some(page) = ctx.model.pages.iter().find(|p| p.slug == "lessons-learned") {
        view.sections.push(
            Section::new("lessons", ctx.t("meeting.lessons"))
                .intro(ctx.t("meeting.lessons_intro"))
                .links(vec![Link {
                    href: format!("pages/{}/index.html", page.slug),
                    text: page.title.clone(),
                }]),
        );
    }
    if !ctx.model.meetings.is_empty() {
        let minutes = ctx
            .model
            .meetings
            .iter()
            .map(|m| super::view::Item {
                title: ctx.tf("meeting.meeting_of", &[("date", &ctx.locale.date(m.date))]),
                tag: (!m.open_decisions.is_empty()).then(|| {
                    ctx.tf(
                        "meeting.open_decisions",
                        &[("count", &ctx.locale.integer(m.open_decisions.len() as i64))],
                    )
                }),
                html: ctx.markdown_body(&m.markdown, 2),
                note: None,
            })
            .collect();
        view.sections.push(
            Section::new("minutes", ctx.t("meeting.minutes"))
                .intro(ctx.t("meeting.minutes_intro"))
                .items(minutes),
        );
    }
    ctx.render("meeting.html", path, view)
}

/// Each seller's deals to put right, counted: the lists above, per person.
fn care_per_seller(ctx: &Ctx<'_>) -> Table {
    let mut table = Table::new(
        ctx.t("meeting.per_seller"),
        &[
            (ctx.t("col.seller"), false),
            (ctx.t("meeting.open_deals"), true),
            (ctx.t("meeting.stale_col"), true),
            (ctx.t("meeting.missing_col"), true),
            (ctx.t("meeting.aging_col"), true),
            (ctx.t("kpi.off_strategy"), true),
        ],
    );
    let count = |n: u64| Cell::number(ctx.locale.integer(n as i64));
    let nobody = ctx.metrics.without_seller.iter();
    for s in ctx.metrics.sellers.iter().chain(nobody) {
        table.rows.push(vec![
            blocks::seller_cell(ctx, &s.id, &s.name),
            count(s.pipeline.open_count),
            count(s.stale_count),
            count(s.hygiene_count),
            count(s.aging_count),
            count(s.off_strategy_count),
        ]);
    }
    table
}
