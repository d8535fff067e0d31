//! `strategy/` and `strategy/segments/<id>/`: the strategic level. Direction and
//! positioning, then the method's three questions answered from the strategy file
//! and checked against the deals: which customers and why, how to recognise them,
//! and with which offers.

use super::blocks::{self, DealColumns};
use super::view::{Cell, Item, Kpi, Link, Section, Table};
use super::{Ctx, OutputFile};
use crate::charts::Orientation;
use crate::error::Error;
use crate::metrics::SegmentMetrics;
use crate::money::Money;
use crate::strategy::{Condition, Segment};

pub fn pages(ctx: &Ctx<'_>) -> Result<Vec<OutputFile>, Error> {
    let mut files = vec![index(ctx)?];
    for (i, segment) in ctx.model.strategy.segments.iter().enumerate() {
        files.push(segment_page(ctx, i, segment)?);
    }
    Ok(files)
}

/// A segment's rules in plain words, for the "how to identify" part of its page.
fn rules_in_words(ctx: &Ctx<'_>, segment: &Segment) -> String {
    match segment.rule.conditions.as_slice() {
        [] => ctx.t("strategy.rules_none").into(),
        conditions => {
            let words: Vec<String> = conditions.iter().map(|c| condition(ctx, c)).collect();
            let and = ctx.t("strategy.rules_and");
            ctx.tf("strategy.rules", &[("conditions", &words.join(and))])
        }
    }
}

fn condition(ctx: &Ctx<'_>, condition: &Condition) -> String {
    let number = |n: &i64| ctx.locale.integer(*n);
    match condition {
        Condition::Equals { field, value } => {
            ctx.tf("strategy.rule_is", &[("field", field), ("value", value)])
        }
        Condition::In { field, values } => ctx.tf(
            "strategy.rule_in",
            &[("field", field), ("values", &values.join(", "))],
        ),
        Condition::Range {
            field,
            min: Some(min),
            max: Some(max),
        } => ctx.tf(
            "strategy.rule_between",
            &[
                ("field", field),
                ("min", &number(min)),
                ("max", &number(max)),
            ],
        ),
        Condition::Range {
            field,
            min: Some(min),
            max: None,
        } => ctx.tf(
            "strategy.rule_at_least",
            &[("field", field), ("min", &number(min))],
        ),
        Condition::Range {
            field,
            min: None,
            max: Some(max),
        } => ctx.tf(
            "strategy.rule_at_most",
            &[("field", field), ("max", &number(max))],
        ),
        Condition::Range { field, .. } => ctx.tf("strategy.rule_any", &[("field", field)]),
    }
}

/// The segments with the unsegmented line, and a total line of the company's own
/// figures: the lines add up to it (a test checks that they do).
fn segment_table(ctx: &Ctx<'_>, caption: &str) -> Table {
    let m = ctx.metrics;
    let year = &m.year.label;
    let won_12 = ctx.t("strategy.won_12");
    let target = ctx.tf("strategy.target_in", &[("period", year)]);
    let attainment = ctx.tf("strategy.attainment_in", &[("period", year)]);
    let mut table = Table::new(
        caption,
        &[
            (ctx.t("col.segment"), false),
            (ctx.t("col.priority"), false),
            (ctx.t("nav.customers"), true),
            (ctx.t("kpi.open_pipeline"), true),
            (won_12, true),
            (ctx.t("col.win_rate"), true),
            (ctx.t("col.average_deal"), true),
            (ctx.t("col.median_cycle"), true),
            (&target, true),
            (&attainment, true),
        ],
    );
    for s in &m.segments {
        table.rows.push(segment_row(ctx, s));
    }
    let t = &m.trailing_12_months;
    table.foot = Some(vec![
        Cell::text(ctx.t("strategy.all_customers")),
        Cell::text(""),
        Cell::number(ctx.locale.integer(ctx.model.customers.len() as i64)),
        Cell::number(ctx.money(m.pipeline.total.open_value)),
        Cell::number(ctx.money(t.won_value)),
        Cell::number(ctx.percent_or_dash(t.win_rate_count)),
        Cell::number(ctx.money_or_dash(t.average_deal)),
        Cell::number(ctx.days_or_dash(t.cycle_median_days)),
        Cell::number(ctx.money_or_dash(m.year.target)),
        Cell::number(ctx.percent_or_dash(m.year.attainment)),
    ]);
    table.note = Some(ctx.tf("strategy.table_note", &[("period", year)]));
    table
}

fn segment_row(ctx: &Ctx<'_>, s: &SegmentMetrics) -> Vec<Cell> {
    let t = &s.trailing_12_months;
    vec![
        blocks::segment_cell(ctx, s),
        Cell::text(s.priority.map_or("—", |p| blocks::priority_word(ctx, p))),
        Cell::number(ctx.locale.integer(s.customers as i64)),
        Cell::number(ctx.money(s.pipeline.open_value)),
        Cell::number(ctx.money(t.won_value)),
        Cell::number(ctx.percent_or_dash(t.win_rate_count)),
        Cell::number(ctx.money_or_dash(t.average_deal)),
        Cell::number(ctx.days_or_dash(t.cycle_median_days)),
        Cell::number(ctx.money_or_dash(s.year.target)),
        Cell::number(ctx.percent_or_dash(s.year.attainment)),
    ]
}

fn index(ctx: &Ctx<'_>) -> Result<OutputFile, Error> {
    let path = "strategy/index.html";
    let strategy = &ctx.model.strategy;
    let mut view = ctx.view(path, "strategy", ctx.t("nav.strategy"));
    view.lead = Some(ctx.t("strategy.lead").into());
    view.sections.push(
        Section::new("direction", ctx.t("strategy.direction"))
            .html(ctx.markdown(&strategy.direction.statement, 2)),
    );
    view.sections.push(
        Section::new("positioning", ctx.t("strategy.positioning"))
            .html(ctx.markdown(&strategy.direction.positioning, 2)),
    );

    let unsegmented = ctx
        .model
        .customers
        .iter()
        .filter(|c| c.segment.is_none())
        .count();
    let why = strategy
        .segments
        .iter()
        .map(|s| Item {
            title: s.name.clone(),
            tag: Some(blocks::priority_word(ctx, s.priority).into()),
            html: ctx.markdown(&s.why, 3),
            note: None,
        })
        .collect();
    view.sections.push(
        Section::new("which-customers", "1. Which customers we work, and why")
            .intro(ctx.tf(
                "strategy.segments_intro",
                &[
                    ("none", &ctx.locale.integer(unsegmented as i64)),
                    ("all", &ctx.locale.integer(ctx.model.customers.len() as i64)),
                ],
            ))
            .table(segment_table(ctx, ctx.t("report.segments_year")))
            .chart(blocks::breakdown_chart(
                ctx,
                ctx.t("strategy.by_segment"),
                ctx.t("col.segment"),
                &ctx.metrics.pipeline.by_segment,
                Orientation::Horizontal,
                |_| None,
            ))
            .items(why),
    );

    view.sections.push(unsegmented_customers(ctx));
    let identify = strategy
        .segments
        .iter()
        .map(|s| Item {
            title: s.name.clone(),
            tag: None,
            html: ctx.markdown(&s.identify, 3),
            note: Some(rules_in_words(ctx, s)),
        })
        .collect();
    view.sections
        .push(Section::new("where", "2. Where they are and how to recognise them").items(identify));

    let mut offers = Table::new(
        ctx.t("strategy.offers_by_segment"),
        &[
            (ctx.t("audit.offer"), false),
            (ctx.t("strategy.for_segments"), false),
        ],
    );
    let mut values = Vec::new();
    for offer in &strategy.offers {
        let names: Vec<&str> = offer
            .segments
            .iter()
            .map(|&s| strategy.segments[s].name.as_str())
            .collect();
        offers
            .rows
            .push(vec![Cell::text(&offer.name), Cell::text(names.join(", "))]);
        values.push(offer_item(ctx, offer));
    }
    view.sections.push(
        Section::new("offers", "3. With which values and offers")
            .table(offers.empty_text(ctx.t("strategy.no_offers")))
            .items(values),
    );
    view.sections.push(super::audit::off_strategy(ctx, 50));
    view.sections.push(super::audit::win_loss(ctx));
    view.sections.extend(super::audit::strategy_change(ctx));
    ctx.render("strategy.html", path, view)
}

fn segment_page(ctx: &Ctx<'_>, index: usize, segment: &Segment) -> Result<OutputFile, Error> {
    let path = blocks::segment_path(&segment.id);
    let strategy = &ctx.model.strategy;
    let s = &ctx.metrics.segments[index];
    let mut view = ctx.view(&path, "strategy", segment.name.clone());
    view.breadcrumbs = vec![Link {
        href: "strategy/index.html".into(),
        text: ctx.t("nav.strategy").into(),
    }];
    view.lead = Some(ctx.tf(
        "strategy.segment_lead",
        &[("priority", blocks::priority_word(ctx, segment.priority))],
    ));
    view.kpis = vec![
        Kpi::new(
            ctx.t("nav.customers"),
            ctx.locale.integer(s.customers as i64),
        ),
        Kpi::new(ctx.t("kpi.open_pipeline"), ctx.money(s.pipeline.open_value)).detail(ctx.tf(
            "strategy.weighted",
            &[("value", &ctx.money(s.pipeline.weighted_value))],
        )),
        blocks::won_kpi(ctx, &s.year, ctx.t("strategy.no_target")),
        Kpi::new(
            ctx.t("col.win_rate"),
            ctx.percent_or_dash(s.year.win_rate_count),
        )
        .detail(ctx.tf(
            "strategy.median_cycle",
            &[("days", &ctx.days_or_dash(s.year.cycle_median_days))],
        )),
    ];
    view.sections
        .push(Section::new("why", ctx.t("strategy.why")).html(ctx.markdown(&segment.why, 2)));
    view.sections.push(
        Section::new("identify", ctx.t("strategy.identify"))
            .html(ctx.markdown(&segment.identify, 2))
            .intro(rules_in_words(ctx, segment)),
    );
    let offers: Vec<Item> = strategy
        .offers
        .iter()
        .filter(|o| o.segments.contains(&index))
        .map(|o| offer_item(ctx, o))
        .collect();
    let mut section = Section::new("offers", ctx.t("strategy.offers")).items(offers);
    if section.items.is_empty() {
        section = section.intro(ctx.t("strategy.no_offer_here"));
    }
    view.sections.push(section);

    let mut customers = Table::new(
        ctx.t("strategy.ranked"),
        &[
            (ctx.t("col.customer"), false),
            (ctx.t("customers.won_12"), true),
            (ctx.t("customers.class"), false),
            (ctx.t("meeting.open_deals"), true),
            (ctx.t("col.open_value"), true),
        ],
    )
    .empty_text(ctx.t("strategy.no_match"));
    let ranked: Vec<_> = ctx
        .metrics
        .customers
        .iter()
        .filter(|c| c.segment.as_deref() == Some(segment.id.as_str()))
        .collect();
    for c in ranked.iter().take(50) {
        customers.rows.push(vec![
            Cell::text(&c.name),
            Cell::number(ctx.money(c.won_value)),
            Cell::text(c.class.map_or("—", |k| match k {
                crate::metrics::AbcClass::A => "A",
                crate::metrics::AbcClass::B => "B",
                crate::metrics::AbcClass::C => "C",
            })),
            Cell::number(ctx.locale.integer(c.open_count as i64)),
            Cell::number(ctx.money(c.open_value)),
        ]);
    }
    if ranked.len() > 50 {
        customers.note = Some(ctx.tf(
            "strategy.showing",
            &[("all", &ctx.locale.integer(ranked.len() as i64))],
        ));
    }
    view.sections
        .push(Section::new("customers", ctx.t("nav.customers")).table(customers));

    let deals = blocks::open_deals_by_value(ctx, |d| ctx.model.segment(d) == Some(index));
    let columns = DealColumns {
        owner: true,
        customer: true,
        flags: true,
    };
    view.sections
        .push(
            Section::new("pipeline", ctx.t("kpi.open_pipeline")).table(blocks::deal_table(
                ctx,
                ctx.t("strategy.open_here"),
                &deals,
                columns,
                50,
            )),
        );
    view.sections.push(
        Section::new("compare", ctx.t("strategy.against_others"))
            .table(segment_table(ctx, ctx.t("strategy.all_segments"))),
    );
    ctx.render("segment.html", &path, view)
}

/// How many unsegmented customers the strategy page lists; the CSV has them all.
const UNSEGMENTED_SHOWN: usize = 50;

/// Every customer no segment rule matches: candidates for a new rule, or customers
/// to serve at lower cost.
fn unsegmented_customers(ctx: &Ctx<'_>) -> Section {
    let mut table = Table::new(
        ctx.t("strategy.unsegmented"),
        &[
            (ctx.t("col.customer"), false),
            (ctx.t("strategy.industry"), false),
            (ctx.t("strategy.employees"), true),
            (ctx.t("strategy.region"), false),
            (ctx.t("customers.won_12"), true),
            (ctx.t("col.open_value"), true),
        ],
    )
    .empty_text(ctx.t("strategy.all_match"));
    let values: std::collections::HashMap<&str, &crate::metrics::CustomerValue> = ctx
        .metrics
        .customers
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    let value = |c: &crate::model::Customer| {
        values
            .get(c.id.as_str())
            .map_or((Money::ZERO, Money::ZERO), |v| (v.won_value, v.open_value))
    };
    // Largest open value first, then won value: the ones a new rule matters most for.
    let mut unsegmented: Vec<&crate::model::Customer> = ctx
        .model
        .customers
        .iter()
        .filter(|c| c.segment.is_none())
        .collect();
    unsegmented.sort_by(|a, b| {
        let ((won_a, open_a), (won_b, open_b)) = (value(a), value(b));
        (open_b, won_b)
            .cmp(&(open_a, won_a))
            .then_with(|| a.id.cmp(&b.id))
    });
    for customer in unsegmented.iter().take(UNSEGMENTED_SHOWN) {
        let (won, open) = value(customer);
        table.rows.push(vec![
            Cell::text(format!("{} ({})", customer.name, customer.id)),
            Cell::text(&customer.industry),
            Cell::number(
                customer
                    .employees
                    .map_or_else(|| "—".into(), |n| ctx.locale.integer(i64::from(n))),
            ),
            Cell::text(&customer.region),
            Cell::number(ctx.money(won)),
            Cell::number(ctx.money(open)),
        ]);
    }
    if unsegmented.len() > UNSEGMENTED_SHOWN {
        table.note = Some(ctx.tf(
            "strategy.unsegmented_shown",
            &[
                ("shown", &ctx.locale.integer(UNSEGMENTED_SHOWN as i64)),
                ("all", &ctx.locale.integer(unsegmented.len() as i64)),
            ],
        ));
    }
    if !unsegmented.is_empty() {
        let header = [
            "id",
            "name",
            "industry",
            "employees",
            "region",
            "won_12_months",
            "open_value",
        ];
        let rows = unsegmented
            .iter()
            .map(|c| {
                let (won, open) = value(c);
                vec![
                    c.id.clone(),
                    c.name.clone(),
                    c.industry.clone(),
                    c.employees.map(|n| n.to_string()).unwrap_or_default(),
                    c.region.clone(),
                    won.canonical(),
                    open.canonical(),
                ]
            })
            .collect::<Vec<_>>();
        table.csv = Some(super::view::Csv::new(&header, rows));
    }
    Section::new("unsegmented", ctx.t("strategy.unsegmented"))
        .intro(ctx.t("strategy.unsegmented_intro"))
        .table(table)
}

fn offer_item(ctx: &Ctx<'_>, offer: &crate::strategy::Offer) -> Item {
    Item {
        title: offer.name.clone(),
        tag: None,
        html: ctx.markdown(&offer.value, 3),
        note: None,
    }
}
