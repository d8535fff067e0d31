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
            ("Period", false),
            (ctx.t("forecast.scope"), false),
            (ctx.t("forecast.kind"), false),
            ("Target", true),
            (ctx.t("forecast.actual"), true),
            ("Attainment", true),
            ("Pace today", true),
            ("Status", false),
            ("Gap", true),
        ],
    )
    .empty_text(ctx.t("forecast.no_targets"));
    for t in &ctx.metrics.targets {
        let scope = match t.scope {
            "company" => t.scope_name.clone(),
            kind => format!("{} ({kind})", t.scope_name),
        };
        for k in &t.kinds {
            table.rows.push(vec![
                Cell::text(&t.label),
                Cell::text(&scope),
                Cell::text(k.kind.label()),
                Cell::number(figure(ctx, k.target)),
                Cell::number(figure(ctx, k.actual)),
                Cell::number(ctx.percent_or_dash(k.attainment)),
                Cell::number(figure(ctx, k.pace)),
                status(ctx, k),
                Cell::number(figure(ctx, k.gap)),
            ]);
        }
    }
    table.note = Some("Revenue = won value closed in the period; new customers = customers whose first won deal closed in it; new pipeline = value of the deals created in it; won deals = their count. Pace = the target spread evenly over the period's days.".into());
    Section::new("targets", ctx.t("forecast.targets"))
        .intro(ctx.t("forecast.targets_intro"))
        .table(table)
}

/// Forecast categories and their cumulative roll-ups per quarter of the year.
pub fn categories(ctx: &Ctx<'_>) -> Option<Section> {
    let m = ctx.metrics;
    m.year.forecast_categories?;
    let mut table = Table::new(
        format!("Forecast categories per quarter of {}", m.year.label),
        &[
            ("Quarter", false),
            ("Closed (won)", true),
            ("Commit", true),
            ("Best case", true),
            ("Pipeline", true),
            ("Commit roll-up", true),
            ("Best-case roll-up", true),
            ("Pipeline roll-up", true),
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
    table.note = Some("Open value of the deals expected to close in the quarter, by the export's forecast_category (none counts as pipeline). Roll-ups are cumulative: commit = commit + closed; best case = best case + commit + closed; pipeline = all of them.".into());
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
        Cell::number(format!(
            "{} of {}",
            ctx.locale.integer(line.slipped as i64),
            ctx.locale.integer(line.commit.count as i64)
        )),
        Cell::number(ctx.percent_or_dash(line.slip_rate)),
    ]
}

const ACCURACY_COLUMNS: [(&str, bool); 9] = [
    ("", false),
    ("Commit", true),
    ("Won", true),
    ("Won share", true),
    ("Best case", true),
    ("Won", true),
    ("Won share", true),
    ("Slipped", true),
    ("Slip rate", true),
];

/// How each earlier snapshot's commit and best case turned out; the latest one per
/// seller and per team.
pub fn accuracy(ctx: &Ctx<'_>) -> Option<Section> {
    let snapshots = &ctx.metrics.forecast_accuracy;
    let latest = snapshots.last()?;
    let mut columns = ACCURACY_COLUMNS;
    columns[0].0 = "Snapshot (quarter)";
    let mut table = Table::new(ctx.t("forecast.accuracy_table"), &columns);
    for s in snapshots {
        table.rows.push(accuracy_row(
            ctx,
            format!("{} ({})", ctx.locale.date(s.date), s.label),
            &s.total,
        ));
    }
    table.note = Some("For each earlier export: the open deals it called commit, and best case (with commit), for the quarter containing its date; won = those closed won in that quarter by the as-of date. A committed deal slipped when its expected close moved later or out of the quarter, or it closed after the quarter.".into());
    let mut section = Section::new("accuracy", ctx.t("forecast.accuracy"))
        .intro(ctx.t("forecast.accuracy_intro"))
        .table(table);
    for (what, lines) in [("seller", &latest.by_seller), ("team", &latest.by_team)] {
        let mut columns = ACCURACY_COLUMNS;
        columns[0].0 = if what == "seller" { "Seller" } else { "Team" };
        let mut table = Table::new(
            format!(
                "Forecast accuracy per {what}, snapshot of {} ({})",
                ctx.locale.date(latest.date),
                latest.label
            ),
            &columns,
        );
        for line in lines.iter() {
            table.rows.push(accuracy_row(ctx, line.name.clone(), line));
        }
        section = section.table(table);
    }
    Some(section)
}
