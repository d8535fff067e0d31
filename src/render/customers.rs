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
    let mut view = ctx.view(path, "customers", "Customer value");
    view.lead = Some("Won value per customer over the last 12 months. A: the customers making up the first 80 % of it; B: the next 15 %; C: the rest.".into());
    let buying: Vec<&CustomerValue> = rows.iter().filter(|c| c.class.is_some()).collect();
    let total: Money = buying.iter().map(|c| c.won_value).sum();
    let class_sum = |k: AbcClass| -> (usize, Money) {
        let of: Vec<_> = buying.iter().filter(|c| c.class == Some(k)).collect();
        (of.len(), of.iter().map(|c| c.won_value).sum())
    };
    let unsegmented = rows.iter().filter(|c| c.segment.is_none()).count();
    let (a_count, a_value) = class_sum(AbcClass::A);
    view.kpis = vec![
        Kpi::new("Customers", ctx.locale.integer(rows.len() as i64)).detail(format!(
            "{} bought in the last 12 months",
            ctx.locale.integer(buying.len() as i64)
        )),
        Kpi::new("Won, 12 months", ctx.money(total)),
        Kpi::new("A customers", ctx.locale.integer(a_count as i64)).detail(format!(
            "{} of won value",
            ctx.percent_or_dash(a_value.ratio(total))
        )),
        Kpi::new("Unsegmented", ctx.locale.integer(unsegmented as i64))
            .detail("match no segment rule"),
    ];

    let mut abc = Table::new(
        "ABC classes",
        &[
            ("Class", false),
            ("Customers", true),
            ("Won, 12 months", true),
            ("Share", true),
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
        Cell::text("Total"),
        Cell::number(ctx.locale.integer(buying.len() as i64)),
        Cell::number(ctx.money(total)),
        Cell::number(ctx.percent_or_dash(total.ratio(total))),
    ]);
    view.sections.push(
        Section::new("abc", "ABC classes")
            .chart(pareto(ctx, &buying))
            .table(abc),
    );
    view.sections
        .push(Section::new("segments", "Value by segment against effort").table(segment_fit(ctx)));

    let mut list = Table::new(
        "Customers by won value",
        &[
            ("Customer", false),
            ("Segment", false),
            ("Class", false),
            ("Won, 12 months", true),
            ("Won deals", true),
            ("Cumulative share", true),
            ("Open value", true),
        ],
    );
    let mut cumulative = Money::ZERO;
    for c in rows.iter().take(100) {
        cumulative += c.won_value;
        let segment = c
            .segment
            .as_deref()
            .and_then(|id| ctx.model.strategy.segments.iter().find(|s| s.id == id))
            .map_or("Unsegmented", |s| s.name.as_str());
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
        list.note = Some(format!(
            "Showing the first 100 of {} customers.",
            rows.len()
        ));
    }
    view.sections
        .push(Section::new("customers", "Customers").table(list));
    ctx.render("customers.html", path, &view)
}

/// The 20 largest customers' won value, largest first.
fn pareto(ctx: &Ctx<'_>, buying: &[&CustomerValue]) -> Chart {
    let top: Vec<&&CustomerValue> = buying.iter().take(20).collect();
    let title = "Won value, the 20 largest customers (last 12 months)";
    let names: Vec<String> = top.iter().map(|c| c.name.clone()).collect();
    let values: Vec<i64> = top.iter().map(|c| c.won_value.minor()).collect();
    let format = |minor: i64| ctx.locale.money_short(Money::from_minor(minor));
    let svg = charts::category_chart(&CategoryChart {
        title,
        categories: &names,
        series: &[Series {
            name: "Won",
            values: &values,
        }],
        orientation: Orientation::Horizontal,
        format: &format,
    });
    let mut table = Table::new(
        title,
        &[
            ("Customer", false),
            ("Won, 12 months", true),
            ("Class", false),
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
        "Segments: value won against the work it took, last 12 months",
        &[
            ("Segment", false),
            ("Priority", false),
            ("Customers", true),
            ("Won", true),
            ("Deals worked to a close", true),
            ("Won deals", true),
            ("Win rate", true),
            ("Average deal", true),
            ("Median cycle", true),
        ],
    );
    for s in &ctx.metrics.segments {
        let t = &s.trailing_12_months;
        table.rows.push(vec![
            super::blocks::segment_cell(s),
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
