//! `report/`: the CEO and board transparency report. One printable page: results
//! against target, the forecast, pipeline health, what moved, the top risks, the
//! segments, the narrative from `content/report.md`, and how every figure is defined.

use super::blocks::{self, DealColumns, RESULTS_COLUMNS};
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
    let mut view = ctx.view(path, "report", format!("Sales report {}", ctx.site.as_of));
    view.lead = Some(format!(
        "{} · transparency report to the CEO and board · as of {}",
        ctx.model.config.company, ctx.site.as_of
    ));
    let year_pace = m.year_pace.last().and_then(|p| p.pace);
    view.kpis = super::home::headline_kpis(ctx, year_pace);

    if let Some(page) = ctx.model.pages.iter().find(|p| p.slug == NARRATIVE_SLUG) {
        view.sections.push(
            Section::new("narrative", page.title.clone())
                .html(ctx.markdown_body(&page.markdown, 1)),
        );
    }

    let mut results = Table::new("Results against target", &RESULTS_COLUMNS);
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
        Section::new("results", "Results against target")
            .table(results)
            .chart(blocks::pace_chart(
                ctx,
                &format!("Won in {} against the target's pace", m.year.label),
                &m.year_pace,
            )),
    );

    let mut forecast = Table::new(
        "Forecast",
        &[
            ("Period", false),
            ("Won", true),
            ("Weighted open expected", true),
            ("Forecast", true),
            ("Target", true),
            ("Forecast ÷ target", true),
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
    view.sections.push(Section::new("forecast", "Forecast").intro("Forecast = won + the weighted value of open deals expected to close in the period, for each quarter of the fiscal year and the year.").table(forecast));
    view.sections.extend(super::forecast::categories(ctx));

    let h = &m.health;
    let q = &m.quarter;
    view.sections
        .push(Section::new("health", "Pipeline health").kpis(vec![
            blocks::coverage_kpi(ctx, q),
            Kpi::new("Sales velocity", ctx.money_or_dash(m.velocity.per_month)).detail("per month"),
            Kpi::new("Stale deals", ctx.locale.integer(h.stale_count as i64)),
            Kpi::new("Aging deals", ctx.locale.integer(h.aging_count as i64)).detail(
                h.aging_after_days.map_or_else(String::new, |d| {
                    format!("older than {}", ctx.locale.days(d as f64))
                }),
            ),
            Kpi::new(
                "Off-strategy deals",
                ctx.locale.integer(h.off_strategy_count as i64),
            ),
        ]));

    view.sections.push(super::movement::section(
        ctx,
        "movement",
        "Movement since the previous report",
        15,
    ));

    view.sections.push(super::risk::section(ctx));
    let flags = &h.flags;
    let risks: Vec<usize> = blocks::open_deals_by_value(ctx, |_: &Deal| true)
        .into_iter()
        .filter(|&i| flags[i].stale || flags[i].aging || flags[i].off_strategy)
        .collect();
    view.sections.push(
        Section::new("risks", "Top risks")
            .intro("The largest open deals whose expected close moved later since the previous export, and the largest that are stale, aging or off strategy.")
            .table(pushed_table(ctx, 10))
            .table(blocks::deal_table(
                ctx,
                "Largest deals that are stale, aging or off strategy",
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
        "Segments this fiscal year",
        &[
            ("Segment", false),
            ("Priority", false),
            ("Won", true),
            ("Target", true),
            ("Attainment", true),
            ("Open pipeline", true),
        ],
    );
    for s in &m.segments {
        segments.rows.push(vec![
            Cell::text(&s.name),
            Cell::text(s.priority.map_or("—", |p| p.label())),
            Cell::number(ctx.money(s.year.won_value)),
            Cell::number(ctx.money_or_dash(s.year.target)),
            Cell::number(ctx.percent_or_dash(s.year.attainment)),
            Cell::number(ctx.money(s.pipeline.open_value)),
        ]);
    }
    view.sections
        .push(Section::new("segments", "Segment performance").table(segments));
    view.sections
        .push(Section::new("definitions", "Definitions").table(definitions(ctx)));
    ctx.render("report.html", path, &view)
}

/// Open deals whose expected close moved later between the previous export and
/// now, largest first: the slips a board should hear about.
fn pushed_table(ctx: &Ctx<'_>, limit: usize) -> Table {
    let mut table = Table::new(
        "Largest deals pushed since the previous export",
        &[
            ("Deal", false),
            ("Owner", false),
            ("Stage", false),
            ("Value", true),
            ("Close was", false),
            ("Close now", false),
        ],
    )
    .empty_text("No open deal's expected close moved later since the previous export.");
    let Some(movement) = &ctx.metrics.movement else {
        table.empty = "No earlier export to compare with.".into();
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
    let sellers = &ctx.model.strategy.sellers;
    for d in pushed.iter().take(limit) {
        let owner = sellers.iter().find(|s| s.id == d.owner);
        table.rows.push(vec![
            Cell::text(format!("{} ({})", d.name, d.id)),
            owner.map_or_else(
                || Cell::text(&d.owner),
                |s| Cell::link(&s.name, blocks::seller_path(&s.id)),
            ),
            Cell::text(d.stage_after.clone().unwrap_or_default()),
            Cell::number(ctx.money_or_dash(d.value_after)),
            Cell::date(ctx.date_or_dash(d.close_before)),
            Cell::date(ctx.date_or_dash(d.close_after)),
        ]);
    }
    if pushed.len() > limit {
        table.note = Some(format!("Showing {limit} of {} deals.", pushed.len()));
    }
    table
}

fn definitions(ctx: &Ctx<'_>) -> Table {
    let th = &ctx.model.strategy.thresholds;
    let mut table = Table::new(
        "How each figure is computed",
        &[("Figure", false), ("Definition", false)],
    );
    let rows = [
        ("Open pipeline", "Sum of the value of open deals. A deal without a value counts as zero (and is listed as a hygiene fix).".to_string()),
        ("Weighted value", "Value × win probability, the deal's own or else its stage's default, rounded to the öre per deal.".into()),
        ("Won, lost", "Deals with that status whose closed date falls in the period, up to the as-of date.".into()),
        ("Win rate", "Won ÷ (won + lost) in the period, by count (by value in metrics.json).".into()),
        ("Average deal", "Mean value of the deals won in the period.".into()),
        ("Sales cycle", "Days from created to closed for deals won in the period; mean and median.".into()),
        ("Forecast", "Won in the period + weighted value of open deals expected to close in it.".into()),
        ("Attainment", "Won ÷ the period's target.".into()),
        ("Coverage", format!("Open value expected to close in the period ÷ (target − won). Goal: {}.", ctx.locale.times(th.coverage_goal))),
        ("Sales velocity", "Open deals × average deal × win rate ÷ mean cycle, per day; shown per month (365.25 ÷ 12 days), from the fiscal year's closed deals.".into()),
        ("Stale deal", format!("Open with no next activity, a next activity before the as-of date, or a last activity more than {} days old.", th.stale_after_days)),
        ("Aging deal", "Open and older than 1.5 × the mean cycle of deals won in the last 12 months.".into()),
        ("Focus score", "Per open deal, the sum of the weights (strategy.toml [focus]) of the rules it hits: next activity overdue or missing; closing this month with no next step booked; aging; value at or above the threshold (by default the 75th percentile of open values) at a late stage; close date pushed repeatedly across the snapshots.".into()),
        ("Hygiene fix", "Open deal missing a value, an expected close or a next activity, or whose expected close has passed.".into()),
        ("Off strategy", "Open deal whose customer is in no segment, or in a deprioritised one.".into()),
        ("Trailing 12 months", "The twelve months up to and including the as-of date.".into()),
        ("Forecast categories", "Open value by the export's forecast category (commit, best case, pipeline); roll-ups add what has closed won: commit roll-up = closed + commit; best case roll-up = that + best case; pipeline roll-up = all.".into()),
        ("Movement", "Between the previous export (data/snapshots) and now: start + new + value up − value down − won − lost − removed = end, to the öre; won, lost and removed at the value the deal had then.".into()),
        ("Pushed deal", "Open in both exports with an expected close that moved later.".into()),
        ("Input file hash", "SHA-256 of each file's bytes as read; any change to a file changes it.".into()),
        ("Customer classes", "Customers ranked by won value over the last 12 months; A while the customers above make up less than 80 % of it, B below 95 %, C the rest.".into()),
    ];
    for (name, text) in rows {
        if ctx.policy.aggregates_only && !board_defines(name) {
            continue;
        }
        table.rows.push(vec![Cell::text(name), Cell::text(text)]);
    }
    table.rows.push(vec![
        Cell::text("Deal at risk"),
        Cell::text("Open deal that is stale, aging, off strategy or pushed since the previous export; the risk summary counts it once however many of these it is."),
    ]);
    table
}

/// Whether a board build's report defines `figure`: its pages show no focus score
/// (that is the meeting pack's, which the board does not get).
fn board_defines(figure: &str) -> bool {
    figure != "Focus score"
}
