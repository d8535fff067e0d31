//! `data-quality/`: what the build read but did not trust. The data-quality
//! warnings (customers and deals whose owner is none of the sellers, deals without
//! an owner or a customer, likely duplicates, zero values, won deals closed in the
//! future) with their `file:line`, and, with `--lenient`, the deal
//! rows left out with every problem found in them. Each seller's page lists the
//! warnings about their own deals among its hygiene fixes.

use super::view::{Cell, Kpi, Section, Table};
use super::{Ctx, OutputFile};
use crate::error::{Diagnostic, Error};
use crate::model::Finding;

pub const PATH: &str = "data-quality/index.html";

/// Warnings shown in a table; the CSV download beside it has them all.
const SHOWN: usize = 200;

/// Where a problem is: `data/deals.csv:17` for a warning (it is about the row),
/// `data/deals.csv:17:4` for a problem in one cell.
fn place(d: &Diagnostic) -> String {
    let path = d.path.display();
    match d.location {
        Some((line, _)) if d.severity() == crate::error::Severity::Warning => {
            format!("{path}:{line}")
        }
        Some((line, column)) => format!("{path}:{line}:{column}"),
        None => path.to_string(),
    }
}

/// The warnings in the site's language, with where each is and its code.
fn warnings_table<'a>(ctx: &Ctx<'_>, warnings: impl Iterator<Item = &'a Finding>) -> Table {
    let mut table = Table::new(
        ctx.t("quality.warnings_caption"),
        &[
            (ctx.t("quality.where"), false),
            (ctx.t("quality.code"), false),
            (ctx.t("quality.finding"), false),
        ],
    )
    .empty_text(ctx.t("quality.no_warnings"));
    let words = &ctx.theme.words;
    let warnings: Vec<&Finding> = warnings.collect();
    for f in warnings.iter().take(SHOWN) {
        table.rows.push(vec![
            Cell::text(place(&f.warning)),
            Cell::code(f.warning.code.as_str()),
            Cell::text(f.text(words)),
        ]);
    }
    if warnings.len() > SHOWN {
        table.note = Some(ctx.tf(
            "quality.shown",
            &[
                ("shown", &ctx.locale.integer(SHOWN as i64)),
                ("all", &ctx.locale.integer(warnings.len() as i64)),
            ],
        ));
    }
    if !warnings.is_empty() {
        table.csv = Some(super::view::Csv::new(
            &["where", "code", "finding"],
            warnings.iter().map(|f| {
                let code = f.warning.code.as_str().to_string();
                vec![place(&f.warning), code, f.text(words)]
            }),
        ));
    }
    table
}

/// The page, when there is anything to show.
pub fn page(ctx: &Ctx<'_>) -> Result<Option<OutputFile>, Error> {
    let skipped = &ctx.model.skipped;
    if ctx.warnings.is_empty() && skipped.is_empty() {
        return Ok(None);
    }
    let mut view = ctx.view(PATH, "data-quality", ctx.t("quality.title"));
    view.lead = Some(ctx.t("quality.lead").into());
    view.kpis = vec![
        Kpi::new(
            ctx.t("quality.warnings"),
            ctx.locale.integer(ctx.warnings.len() as i64),
        ),
        Kpi::new(
            ctx.t("quality.left_out"),
            ctx.locale.integer(skipped.len() as i64),
        )
        .detail(ctx.t("quality.left_out_detail")),
    ];
    view.sections.push(
        Section::new("warnings", ctx.t("quality.warnings"))
            .intro(ctx.t("quality.warnings_intro"))
            .table(warnings_table(ctx, ctx.warnings.iter())),
    );
    if !skipped.is_empty() {
        let mut table = Table::new(
            ctx.t("quality.left_out_caption"),
            &[
                (ctx.t("quality.where"), false),
                (ctx.t("quality.problem"), false),
            ],
        );
        for problem in skipped {
            table.rows.push(vec![
                Cell::text(place(problem)),
                Cell::text(&problem.message),
            ]);
        }
        view.sections.push(
            Section::new("left-out", ctx.t("quality.left_out"))
                .intro(ctx.t("quality.left_out_intro"))
                .table(table),
        );
    }
    ctx.render("page.html", PATH, view).map(Some)
}

/// The warnings about `seller`'s own deals, for their page's hygiene fixes.
pub fn for_seller(ctx: &Ctx<'_>, seller: usize) -> Option<Table> {
    let deals = &ctx.model.deals;
    let mine: Vec<&Finding> = ctx
        .warnings
        .iter()
        .filter(|f| f.deal.is_some_and(|d| deals[d].owner() == Some(seller)))
        .collect();
    (!mine.is_empty()).then(|| warnings_table(ctx, mine.into_iter()))
}
