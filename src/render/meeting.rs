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
    let mut view = ctx.view(path, "meeting", "Sales meeting");
    view.lead = Some(format!(
        "The pack for the meeting of {}: three points, in order.",
        ctx.site.as_of
    ));

    let mut shared =
        super::movement::section(ctx, "development", "1. How the pipeline is developing", 40);
    shared = shared
        .chart(blocks::breakdown_chart(
            ctx,
            "Open pipeline by stage",
            "Stage",
            &m.pipeline.by_stage,
            Orientation::Horizontal,
            |_| None,
        ))
        .links(vec![Link {
            href: "pipeline/index.html#trend".into(),
            text: "The pipeline's trend".into(),
        }]);
    view.sections.push(shared);
    view.sections.extend(super::movement::slip_section(ctx));

    let year_pace = m.year_pace.last().and_then(|p| p.pace);
    let mut results = Table::new("Results and forecast", &blocks::results_columns(ctx));
    results
        .rows
        .push(blocks::results_row(ctx, &m.quarter, None));
    results
        .rows
        .push(blocks::results_row(ctx, &m.year, year_pace));
    let year = &m.year.label;
    let columns = [
        ("", false),
        ("Won", true),
        ("Target", true),
        ("Attainment", true),
        ("Forecast", true),
        ("Coverage", true),
        ("Pipeline still needed", true),
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
    let mut sellers = Table::new(format!("Sellers against their {year} targets"), &columns);
    sellers.columns[0].label = "Seller".into();
    for s in &m.sellers {
        sellers.rows.push(line(
            Cell::link(&s.name, blocks::seller_path(&s.id)),
            &s.year,
        ));
    }
    let mut teams = Table::new(format!("Teams against their {year} targets"), &columns);
    teams.columns[0].label = "Team".into();
    for t in &m.teams {
        teams.rows.push(line(Cell::text(&t.name), &t.year));
    }
    teams.note = Some(
        "Coverage = open value expected in the year ÷ remaining target. Pipeline still needed = remaining target ÷ the year's win rate by value − that open value; a team's target is the sum of its sellers' targets."
            .into(),
    );
    let q = &m.quarter;
    view.sections.push(
        Section::new("progress", "2. Enough progress to reach the targets?")
            .kpis(vec![
                Kpi::new(
                    format!("Remaining target {}", q.label),
                    ctx.money_or_dash(q.remaining_target),
                ),
                Kpi::new(
                    format!("Open expected in {}", q.label),
                    ctx.money(q.expected.open_value),
                )
                .detail(format!("{} weighted", ctx.money(q.expected.weighted_value))),
                blocks::coverage_kpi(ctx, q),
                Kpi::new(
                    format!("Pipeline still needed {}", q.label),
                    ctx.money_or_dash(q.pipeline_needed),
                )
                .detail("at this quarter's win rate by value"),
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
        Section::new("up-to-date", "3. Are the deals up to date and relevant?")
            .intro(format!(
                "Up to date: a value, an expected close in the future and a planned next activity, with activity in the last {} days. Relevant: the customer is in a segment the strategy prioritises.",
                m.health.stale_after_days
            ))
            .table(blocks::deal_table(ctx, "Stale deals, largest first", &stale, with_owner, 30))
            .table(blocks::deal_table(ctx, "Deals missing data, largest first", &hygiene, with_owner, 30))
            .table(blocks::deal_table(ctx, "Off-strategy deals, largest first", &off, with_owner, 30))
            .table(super::audit::share_by_seller(ctx))
            .table(care_per_seller(ctx)),
    );
    if let Some(page) = ctx.model.pages.iter().find(|p| p.slug == "lessons-learned") {
        view.sections.push(
            Section::new("lessons", "Lessons fed back")
                .intro("Write what the team learnt today into the lessons log, so the next meeting starts from it.")
                .links(vec![Link { href: format!("pages/{}/index.html", page.slug), text: page.title.clone() }]),
        );
    }
    if !ctx.model.meetings.is_empty() {
        let minutes = ctx
            .model
            .meetings
            .iter()
            .map(|m| super::view::Item {
                title: format!("Meeting of {}", ctx.locale.date(m.date)),
                tag: (!m.open_decisions.is_empty())
                    .then(|| format!("{} open", m.open_decisions.len())),
                html: ctx.markdown_body(&m.markdown, 2),
                note: None,
            })
            .collect();
        view.sections.push(
            Section::new("minutes", "Minutes and decisions")
                .intro("From content/meetings/, in date order: what was decided and learnt, fed back into the next meeting.")
                .items(minutes),
        );
    }
    ctx.render("meeting.html", path, &view)
}

/// Each seller's deals to put right, counted: the lists above, per person.
fn care_per_seller(ctx: &Ctx<'_>) -> Table {
    let mut table = Table::new(
        "Deals to put right, per seller",
        &[
            ("Seller", false),
            ("Open deals", true),
            ("Stale", true),
            ("Missing data", true),
            ("Aging", true),
            ("Off strategy", true),
        ],
    );
    let count = |n: u64| Cell::number(ctx.locale.integer(n as i64));
    for s in &ctx.metrics.sellers {
        table.rows.push(vec![
            Cell::link(&s.name, blocks::seller_path(&s.id)),
            count(s.pipeline.open_count),
            count(s.stale_count),
            count(s.hygiene_count),
            count(s.aging_count),
            count(s.off_strategy_count),
        ]);
    }
    table
}
