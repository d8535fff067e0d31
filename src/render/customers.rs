//! `customers/`: which customers create value and pay for it. Won value per
//! customer over the last twelve months, ABC classes, and fit with the segments.

use super::view::{Cell, Chart, Kpi, Section, Table};
use super::{Ctx, OutputFile};
use crate::charts::{self, CategoryChart, Orientation, Series};
use crate::error::Error;
use crate::metrics::{AbcClass, CustomerValue};
use crate::money::Money;

fn class_name(class: Option<AbcClass>) -> &'static str {
    match class {
        Some(AbcClass::A) => "A",
        Some(AbcClass::B) => "B",
        Some(AbcClass::C) => "C",
        None => "—",
    }
}

pub fn page(ctx: &Ctx<'_>) -> Result<OutputFile, Error> {
    let path = "customers/index.html";
    let rows = &ctx.metrics.customers;
    let mut view = ctx.view(path, "customers", ctx.t("home.link_customers"));
    view.lead = Some(ctx.t("customers.lead").into());
    let buying: Vec<&CustomerValue> = rows.iter().filter(|c| c.class.is_some()).collect();
    let total: Money = buying.iter().map(|c| c.won_value).sum();
    let class_sum = |k: AbcClass| -> (usize, Money) {
        let of: Vec<_> = buying.iter().filter(|c| c.class == Some(k)).collect();
        (of.len(), of.iter().map(|c| c.won_value).sum())
    };
    let unsegmented = rows.iter().filter(|c| c.segment.is_none()).count();
    let (a_count, a_value) = class_sum(AbcClass::A);
    view.kpis = vec![
        Kpi::new(
            ctx.t("nav.customers"),
            ctx.locale.integer(rows.len() as i64),
        )
        .detail(ctx.tf(
            "customers.bought",
            &[("count", &ctx.locale.integer(buying.len() as i64))],
        )),
        Kpi::new(ctx.t("customers.won_12"), ctx.money(total)),
        Kpi::new(ctx.t("customers.a"), ctx.locale.integer(a_count as i64)).detail(ctx.tf(
            "customers.of_won",
            &[("share", &ctx.percent_or_dash(a_value.ratio(total)))],
        )),
        Kpi::new(
            ctx.t("audit.unsegmented"),
            ctx.locale.integer(unsegmented as i64),
        )
        .detail(ctx.t("customers.no_rule")),
    ];

    let mut abc = Table::new(
        ctx.t("customers.abc"),
        &[
            (ctx.t("customers.class"), false),
            (ctx.t("nav.customers"), true),
            (ctx.t("customers.won_12"), true),
            (ctx.t("customers.share"), true),
        ],
    );
    for class in [AbcClass::A, AbcClass::B, AbcClass::C] {
        let (count, value) = class_sum(class);
        abc.rows.push(vec![
            Cell::text(class_name(Some(class))),
            Cell::number(ctx.locale.integer(count as i64)),
            Cell::number(ctx.money(value)),
            Cell::number(ctx.percent_or_dash(value.ratio(total))),
        ]);
    }
    abc.foot = Some(vec![
        Cell::text(ctx.t("col.total")),
        Cell::number(ctx.locale.integer(buying.len() as i64)),
        Cell::number(ctx.money(total)),
        Cell::number(ctx.percent_or_dash(total.ratio(total))),
    ]);
    view.sections.push(
        Section::new("abc", ctx.t("customers.abc"))
            .chart(pareto(ctx, &buying))
            .table(abc),
    );
    view.sections
        .push(Section::new("segments", ctx.t("customers.by_segment")).table(segment_fit(ctx)));

    let mut list = Table::new(
        ctx.t("customers.by_won"),
        &[
            (ctx.t("col.customer"), false),
            (ctx.t("col.segment"), false),
            (ctx.t("customers.class"), false),
            (ctx.t("customers.won_12"), true),
            (ctx.t("customers.won_deals"), true),
            (ctx.t("customers.cumulative"), true),
            (ctx.t("col.open_value"), true),
        ],
    );
    let mut cumulative = Money::ZERO;
    for c in rows.iter().take(100) {
        cumulative += c.won_value;
        let segment = c
            .segment
            .as_deref()
            .and_then(|id| ctx.model.strategy.segments.iter().find(|s| s.id == id))
            .map_or(ctx.t("audit.unsegmented"), |s| s.name.as_str());
        list.rows.push(vec![
            Cell::text(&c.name),
            Cell::text(segment),
            Cell::text(class_name(c.class)),
            Cell::number(ctx.money(c.won_value)),
            Cell::number(ctx.locale.integer(c.won_count as i64)),
            Cell::number(ctx.percent_or_dash(cumulative.ratio(total))),
            Cell::number(ctx.money(c.open_value)),
        ]);
    }
    if rows.len() > 100 {
        list.note = Some(ctx.tf(
            "customers.showing",
            &[("all", &ctx.locale.integer(rows.len() as i64))],
        ));
    }
    view.sections
        .push(Section::new("customers", ctx.t("nav.customers")).table(list));
    ctx.render("customers.html", path, view)
}

/// The 20 largest customers' won value, largest first.
fn pareto(ctx: &Ctx<'_>, buying: &[&CustomerValue]) -> Chart {
    let top: Vec<&&CustomerValue> = buying.iter().take(20).collect();
    let title = ctx.t("customers.top20");
    let names: Vec<String> = top.iter().map(|c| c.name.clone()).collect();
    let values: Vec<i64> = top.iter().map(|c| c.won_value.minor()).collect();
    let format = |minor: i64| ctx.locale.money_short(Money::from_minor(minor));
    let svg = charts::category_chart(&CategoryChart {
        title,
        categories: &names,
        series: &[Series {
            name: ctx.t("col.won"),
            values: &values,
        }],
        orientation: Orientation::Horizontal,
        format: &format,
    });
    let mut table = Table::new(
        title,
        &[
            (ctx.t("col.customer"), false),
            (ctx.t("customers.won_12"), true),
            (ctx.t("customers.class"), false),
        ],
    );
    for c in &top {
        table.rows.push(vec![
            Cell::text(&c.name),
            Cell::number(ctx.money(c.won_value)),
            Cell::text(class_name(c.class)),
        ]);
    }
    Chart { svg, table }
}

/// Value won per segment against the work it took, over the same twelve months as
/// the customer values above.
fn segment_fit(ctx: &Ctx<'_>) -> Table {
    let mut table = Table::new(
        ctx.t("customers.fit"),
        &[
            (ctx.t("col.segment"), false),
            (ctx.t("col.priority"), false),
            (ctx.t("nav.customers"), true),
            (ctx.t("col.won"), true),
            (ctx.t("customers.worked"), true),
            (ctx.t("customers.won_deals"), true),
            (ctx.t("col.win_rate"), true),
            (ctx.t("col.average_deal"), true),
            (ctx.t("col.median_cycle"), true),
        ],
    );
    for s in &ctx.metrics.segments {
        let t = &s.trailing_12_months;
        table.rows.push(vec![
            super::blocks::segment_cell(ctx, s),
            Cell::text(
                s.priority
                    .map_or("—", |p| super::blocks::priority_word(ctx, p)),
            ),
            Cell::number(ctx.locale.integer(s.customers as i64)),
            Cell::number(ctx.money(t.won_value)),
            Cell::number(ctx.locale.integer((t.won_count + t.lost_count) as i64)),
            Cell::number(ctx.locale.integer(t.won_count as i64)),
            Cell::number(ctx.percent_or_dash(t.win_rate_count)),
            Cell::number(ctx.money_or_dash(t.average_deal)),
            Cell::number(ctx.days_or_dash(t.cycle_median_days)),
        ]);
    }
    table
}
