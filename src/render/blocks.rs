//! Blocks shared by several pages: breakdown charts, deal tables, pace charts and
//! the tones that say whether a figure is on track.

use chrono::NaiveDate;

use super::Ctx;
use super::view::{Cell, Chart, Table, Tone};
use crate::charts::{self, CategoryChart, LineChart, Orientation, Series};
use crate::metrics::{Breakdown, DealFlags, PacePoint, PeriodMetrics};
use crate::model::{Deal, Status};
use crate::money::Money;

/// Site paths. Every href in a view is relative to the site root; templates put
/// the page's `root` in front.
pub fn segment_path(id: &str) -> String {
    format!("strategy/segments/{id}/index.html")
}

/// A segment line's name in the site's language: the strategy's own name, or the
/// translated name of the line of deals and customers in no segment.
pub fn segment_name<'a>(ctx: &'a Ctx<'_>, key: &str, name: &'a str) -> &'a str {
    match key {
        crate::metrics::UNSEGMENTED => ctx.t("pipeline.unsegmented"),
        _ => name,
    }
}

/// A segment's name, linked to its page (the unsegmented line has none).
pub fn segment_cell(ctx: &Ctx<'_>, s: &crate::metrics::SegmentMetrics) -> Cell {
    match s.priority {
        Some(_) => Cell::link(&s.name, segment_path(&s.id)),
        None => Cell::text(segment_name(ctx, &s.id, &s.name)),
    }
}

/// A seller line's name in the site's language: the seller's own name, or the
/// translated name of the line of the deals of no seller.
pub fn seller_name<'a>(ctx: &'a Ctx<'_>, key: &str, name: &'a str) -> &'a str {
    match key {
        crate::metrics::NO_SELLER => ctx.t("pipeline.no_seller"),
        _ => name,
    }
}

/// A seller line's name linked to their page; the line of the deals of no seller
/// (key [`crate::metrics::NO_SELLER`]) has no page.
pub fn seller_cell(ctx: &Ctx<'_>, key: &str, name: &str) -> Cell {
    match key {
        crate::metrics::NO_SELLER => Cell::text(seller_name(ctx, key, name)),
        _ => Cell::link(name, seller_path(key)),
    }
}

/// A deal's owner: the seller's name linked to their page, else the owner as the
/// export writes it (none of the sellers), else "—".
pub fn deal_owner_cell(ctx: &Ctx<'_>, deal: &Deal) -> Cell {
    match ctx.model.seller(deal) {
        Some(seller) => Cell::link(&seller.name, seller_path(&seller.id)),
        None => match ctx.model.owner_name(deal) {
            "" => Cell::text("—"),
            written => Cell::text(written),
        },
    }
}

/// An owner given as a seller id (as in the movement lists): the seller's name
/// linked to their page; an owner who is none of the sellers as written; else "—".
pub fn owner_cell(ctx: &Ctx<'_>, owner: &str) -> Cell {
    match ctx.model.strategy.sellers.iter().find(|s| s.id == owner) {
        Some(s) => Cell::link(&s.name, seller_path(&s.id)),
        None if owner.is_empty() => Cell::text("—"),
        None => Cell::text(owner),
    }
}

pub fn plan_path(id: &str) -> String {
    format!("tactics/{id}/index.html")
}

pub fn seller_path(id: &str) -> String {
    format!("sellers/{id}/index.html")
}

/// A breakdown line's name in the site's language: the lines the metrics add
/// beside the strategy's own (no segment, no seller, no close date, the age
/// buckets) are translated.
fn line_name<'a>(ctx: &'a Ctx<'_>, line: &'a Breakdown) -> &'a str {
    use crate::metrics::{NO_CLOSE_DATE, NO_SELLER, UNSEGMENTED};
    match (line.key.as_str(), line.name.as_str()) {
        // Ids the strategy may not use.
        (UNSEGMENTED, _) => segment_name(ctx, &line.key, &line.name),
        (NO_SELLER, _) => seller_name(ctx, &line.key, &line.name),
        (NO_CLOSE_DATE, "No expected close") => ctx.t("pipeline.no_expected_close"),
        ("0-30", "0–30 days") => ctx.t("pipeline.age_0_30"),
        ("31-90", "31–90 days") => ctx.t("pipeline.age_31_90"),
        ("91-180", "91–180 days") => ctx.t("pipeline.age_91_180"),
        ("181-365", "181–365 days") => ctx.t("pipeline.age_181_365"),
        ("over-365", "over 365 days") => ctx.t("pipeline.age_over_365"),
        _ => &line.name,
    }
}

/// A chart of open and weighted value per line, with its table (count, open,
/// weighted) and a total row that is the exact sum of the lines.
pub fn breakdown_chart(
    ctx: &Ctx<'_>,
    title: &str,
    label: &str,
    lines: &[Breakdown],
    orientation: Orientation,
    link: impl Fn(&Breakdown) -> Option<String>,
) -> Chart {
    let categories: Vec<String> = lines
        .iter()
        .map(|b| line_name(ctx, b).to_string())
        .collect();
    let open: Vec<i64> = lines.iter().map(|b| b.sum.open_value.minor()).collect();
    let weighted: Vec<i64> = lines.iter().map(|b| b.sum.weighted_value.minor()).collect();
    let format = |minor: i64| ctx.locale.money_short(Money::from_minor(minor));
    let svg = charts::category_chart(&CategoryChart {
        title,
        categories: &categories,
        series: &[
            Series {
                name: ctx.t("chart.open"),
                values: &open,
            },
            Series {
                name: ctx.t("chart.weighted"),
                values: &weighted,
            },
        ],
        orientation,
        format: &format,
    });
    let mut table = Table::new(
        title,
        &[
            (label, false),
            (ctx.t("col.deals"), true),
            (ctx.t("col.open_value"), true),
            (ctx.t("col.weighted_value"), true),
        ],
    );
    let mut total = crate::metrics::PipelineSum::default();
    for line in lines {
        total.merge(&line.sum);
        let name = match link(line) {
            Some(href) => Cell::link(line_name(ctx, line), href),
            None => Cell::text(line_name(ctx, line)),
        };
        table.rows.push(vec![
            name,
            Cell::number(ctx.locale.integer(line.sum.open_count as i64)),
            Cell::number(ctx.money(line.sum.open_value)),
            Cell::number(ctx.money(line.sum.weighted_value)),
        ]);
    }
    table.foot = Some(vec![
        Cell::text(ctx.t("col.total")),
        Cell::number(ctx.locale.integer(total.open_count as i64)),
        Cell::number(ctx.money(total.open_value)),
        Cell::number(ctx.money(total.weighted_value)),
    ]);
    Chart { svg, table }
}

/// Cumulative won value against the goal's linear pace.
pub fn pace_chart(ctx: &Ctx<'_>, title: &str, points: &[PacePoint]) -> Chart {
    let dates: Vec<NaiveDate> = points.iter().map(|p| p.date).collect();
    let won: Vec<i64> = points.iter().map(|p| p.won.minor()).collect();
    let pace: Vec<i64> = points
        .iter()
        .map(|p| p.pace.unwrap_or_default().minor())
        .collect();
    let has_goal = points.iter().any(|p| p.pace.is_some());
    let mut series = vec![Series {
        name: ctx.t("chart.won_cumulative"),
        values: &won,
    }];
    if has_goal {
        series.push(Series {
            name: ctx.t("chart.target_pace"),
            values: &pace,
        });
    }
    let format = |minor: i64| ctx.locale.money_short(Money::from_minor(minor));
    let month = |d: NaiveDate| ctx.locale.month_short(d);
    let svg = charts::line_chart(&LineChart {
        title,
        x: &dates,
        series: &series,
        format: &format,
        month: &month,
    });
    let mut table = Table::new(
        title,
        &[
            (ctx.t("col.date"), false),
            (ctx.t("chart.won_cumulative"), true),
            (ctx.t("chart.target_pace"), true),
        ],
    );
    for p in points {
        table.rows.push(vec![
            Cell::date(ctx.locale.date(p.date)),
            Cell::number(ctx.money(p.won)),
            Cell::number(ctx.money_or_dash(p.pace)),
        ]);
    }
    Chart { svg, table }
}

/// Whether won-to-date is on pace: at or above pace is good, within 10 % of it a
/// warning, below that bad.
pub fn pace_tone(won: Money, pace: Option<Money>) -> Option<Tone> {
    let pace = pace?;
    Some(if won >= pace {
        Tone::Good
    } else if i128::from(won.minor()) * 10 >= i128::from(pace.minor()) * 9 {
        Tone::Warn
    } else {
        Tone::Bad
    })
}

/// Coverage against the goal: at or above it good, above two thirds of it a
/// warning, below that bad.
pub fn coverage_tone(coverage: Option<f64>, goal: f64) -> Option<Tone> {
    let c = coverage?;
    Some(if c >= goal {
        Tone::Good
    } else if c >= goal * 2.0 / 3.0 {
        Tone::Warn
    } else {
        Tone::Bad
    })
}

/// Won in a period, with its share of the target, or `no_target` when none is set.
pub fn won_kpi(ctx: &Ctx<'_>, period: &PeriodMetrics, no_target: &str) -> super::view::Kpi {
    super::view::Kpi::new(
        ctx.tf("kpi.won_in", &[("period", &period.label)]),
        ctx.money(period.won_value),
    )
    .detail(match period.target {
        Some(t) => ctx.tf(
            "kpi.share_of",
            &[
                ("share", &ctx.percent_or_dash(period.attainment)),
                ("whole", &ctx.money(t)),
            ],
        ),
        None => no_target.to_string(),
    })
}

/// Coverage for a period, naming the variant used (open expected in the period ÷
/// remaining target) and the goal, coloured against the goal.
pub fn coverage_kpi(ctx: &Ctx<'_>, period: &PeriodMetrics) -> super::view::Kpi {
    super::view::Kpi::new(
        ctx.tf("kpi.coverage_in", &[("period", &period.label)]),
        period
            .coverage
            .map_or_else(|| "—".into(), |c| ctx.locale.times(c)),
    )
    .detail(
        ctx.tf(
            "kpi.coverage_detail",
            &[
                ("period", &period.label),
                ("goal", &ctx.locale.times(period.coverage_goal)),
                (
                    "whole",
                    &period
                        .coverage_of_target
                        .map_or_else(|| "—".into(), |c| ctx.locale.times(c)),
                ),
            ],
        ),
    )
    .tone(coverage_tone(period.coverage, period.coverage_goal))
}

/// Rows of a period's results, for the results tables of the home page and report.
pub fn results_row(ctx: &Ctx<'_>, period: &PeriodMetrics, pace: Option<Money>) -> Vec<Cell> {
    // A fiscal period's label is in the calendar's own form; the rolling window's
    // is a word of the site's language.
    let label = match period.period {
        Some(_) => period.label.as_str(),
        None => ctx.t("kpi.trailing_12"),
    };
    vec![
        Cell::text(label),
        Cell::number(ctx.money(period.won_value)).tone(pace_tone(period.won_value, pace)),
        Cell::number(ctx.money_or_dash(period.target)),
        Cell::number(ctx.percent_or_dash(period.attainment)),
        // A rolling window has no forecast: its open deals would be the overdue ones.
        Cell::number(match period.period {
            Some(_) => ctx.money(period.forecast),
            None => "—".into(),
        }),
        Cell::number(ctx.percent_or_dash(period.win_rate_count)),
        Cell::number(ctx.money_or_dash(period.average_deal)),
        Cell::number(ctx.days_or_dash(period.cycle_median_days)),
    ]
}

/// The columns of [`results_row`].
pub fn results_columns<'c>(ctx: &'c Ctx<'_>) -> [(&'c str, bool); 8] {
    [
        (ctx.t("col.period"), false),
        (ctx.t("col.won"), true),
        (ctx.t("col.target"), true),
        (ctx.t("col.attainment"), true),
        (ctx.t("col.forecast"), true),
        (ctx.t("col.win_rate"), true),
        (ctx.t("col.average_deal"), true),
        (ctx.t("col.median_cycle"), true),
    ]
}

/// The short words for what is wrong with a deal, looked up once for a whole
/// list (a CSV download can hold every open deal).
struct FlagWords<'c> {
    stale: &'c str,
    aging: &'c str,
    off_strategy: &'c str,
    no_value: &'c str,
    no_expected_close: &'c str,
    no_next_activity: &'c str,
    expected_close_passed: &'c str,
}

impl<'c> FlagWords<'c> {
    fn new(ctx: &'c Ctx<'_>) -> FlagWords<'c> {
        FlagWords {
            stale: ctx.t("flag.stale"),
            aging: ctx.t("flag.aging"),
            off_strategy: ctx.t("flag.off_strategy"),
            no_value: ctx.t("flag.no_value"),
            no_expected_close: ctx.t("flag.no_expected_close"),
            no_next_activity: ctx.t("flag.no_next_activity"),
            expected_close_passed: ctx.t("flag.expected_close_passed"),
        }
    }

    /// The words for `flags`, separated by commas.
    fn text<S: Default + for<'w> Extend<&'w str>>(&self, flags: &DealFlags) -> S {
        use crate::metrics::HygieneIssue;
        let hygiene = flags.hygiene.iter().map(|h| match h {
            HygieneIssue::MissingValue => self.no_value,
            HygieneIssue::MissingExpectedClose => self.no_expected_close,
            HygieneIssue::MissingNextActivity => self.no_next_activity,
            HygieneIssue::ExpectedClosePassed => self.expected_close_passed,
        });
        let words = [
            flags.stale.then_some(self.stale),
            flags.aging.then_some(self.aging),
            flags.off_strategy.then_some(self.off_strategy),
        ]
        .into_iter()
        .flatten()
        .chain(hygiene);
        let mut text = S::default();
        for (i, word) in words.enumerate() {
            let comma = if i == 0 { "" } else { ", " };
            text.extend([comma, word]);
        }
        text
    }
}

/// Which columns a deal table shows besides name and value.
#[derive(Debug, Clone, Copy)]
pub struct DealColumns {
    pub owner: bool,
    pub customer: bool,
    pub flags: bool,
}

/// A table of deals (indexes into the model's deals), in the order given, at most
/// `limit` rows with a note saying how many there are in all.
pub fn deal_table(
    ctx: &Ctx<'_>,
    caption: &str,
    deals: &[usize],
    columns: DealColumns,
    limit: usize,
) -> Table {
    let model = ctx.model;
    let mut heads: Vec<(&str, bool)> = vec![(ctx.t("col.deal"), false)];
    if columns.customer {
        heads.push((ctx.t("col.customer"), false));
    }
    if columns.owner {
        heads.push((ctx.t("col.owner"), false));
    }
    heads.extend([
        (ctx.t("col.stage"), false),
        (ctx.t("col.value"), true),
        (ctx.t("col.expected_close"), false),
        (ctx.t("col.next_activity"), false),
    ]);
    if columns.flags {
        heads.push((ctx.t("col.needs"), false));
    }
    let mut table = Table::new(caption, &heads).empty_text(ctx.t("table.no_deals"));
    let flag_words = FlagWords::new(ctx);
    for &index in deals.iter().take(limit) {
        let deal: &Deal = &model.deals[index];
        let mut row = vec![Cell::text(format!("{} ({})", deal.name, deal.id))];
        if columns.customer {
            row.push(Cell::text(
                deal.customer()
                    .map(|c| model.customers[c].name.clone())
                    .unwrap_or_else(|| "—".into()),
            ));
        }
        if columns.owner {
            row.push(deal_owner_cell(ctx, deal));
        }
        let stage = match deal.status {
            Status::Open => model.strategy.stages[deal.stage()].name.clone(),
            Status::Won => ctx.t("status.won").into(),
            Status::Lost => ctx.t("status.lost").into(),
        };
        row.push(Cell::text(stage));
        row.push(Cell::number(
            deal.value.map_or_else(|| "—".into(), |v| ctx.money(v)),
        ));
        row.push(Cell::date(ctx.date_or_dash(deal.expected_close)));
        row.push(Cell::date(ctx.date_or_dash(deal.next_activity)));
        if columns.flags {
            let flags = &ctx.metrics.health.flags[index];
            let tone = flags.any().then_some(Tone::Warn);
            row.push(Cell::text(flag_words.text::<String>(flags)).tone(tone));
        }
        table.rows.push(row);
    }
    if deals.len() > limit {
        table.note = Some(ctx.tf(
            "table.showing_of",
            &[
                ("shown", &ctx.locale.integer(limit as i64)),
                ("all", &ctx.locale.integer(deals.len() as i64)),
            ],
        ));
    }
    if !deals.is_empty() {
        table.csv = Some(deal_csv(ctx, deals));
    }
    table
}

/// Every deal of a list, in plain canonical values (ISO dates, amounts with a point
/// and two decimals), for its CSV download.
fn deal_csv(ctx: &Ctx<'_>, deals: &[usize]) -> super::view::Csv {
    let model = ctx.model;
    let header = [
        "id",
        "name",
        "customer_id",
        "customer",
        "owner",
        "stage",
        "status",
        "value",
        "probability",
        "expected_close",
        "next_activity",
        "last_activity",
        "needs",
    ];
    // Cells straight into their compact form: this list can be every open deal.
    use compact_str::{CompactString, ToCompactString};
    let text = |s: &str| CompactString::from(s);
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_compact_string()).unwrap_or_default();
    let flag_words = FlagWords::new(ctx);
    let rows = deals
        .iter()
        .map(|&i| {
            let deal = &model.deals[i];
            let customer = deal.customer().map(|c| &model.customers[c]);
            vec![
                text(&deal.id),
                text(&deal.name),
                customer.map(|c| text(&c.id)).unwrap_or_default(),
                customer.map(|c| text(&c.name)).unwrap_or_default(),
                text(model.owner_id(deal)),
                text(&model.strategy.stages[deal.stage()].id),
                text(crate::ingest::status_text(deal.status)),
                deal.value.map(|v| text(&v.canonical())).unwrap_or_default(),
                model.probability(deal).to_compact_string(),
                date(deal.expected_close),
                date(deal.next_activity),
                date(deal.last_activity),
                flag_words.text(&ctx.metrics.health.flags[i]),
            ]
        })
        .collect();
    super::view::Csv {
        header: header.iter().map(|h| (*h).to_string()).collect(),
        rows,
    }
}

/// Open deals, largest first (then by id), among those `include` accepts.
pub fn open_deals_by_value(ctx: &Ctx<'_>, include: impl Fn(&Deal) -> bool) -> Vec<usize> {
    let deals = &ctx.model.deals;
    let mut list: Vec<usize> = (0..deals.len())
        .filter(|&i| deals[i].status == Status::Open && include(&deals[i]))
        .collect();
    list.sort_by(|&a, &b| {
        deals[b]
            .amount()
            .cmp(&deals[a].amount())
            .then_with(|| deals[a].id.cmp(&deals[b].id))
    });
    list
}

/// A segment priority in the site's language.
pub fn priority_word<'c>(ctx: &'c Ctx<'_>, priority: crate::strategy::Priority) -> &'c str {
    use crate::strategy::Priority;
    match priority {
        Priority::Focus => ctx.t("priority.focus"),
        Priority::Maintain => ctx.t("priority.maintain"),
        Priority::Deprioritised => ctx.t("priority.deprioritised"),
    }
}

/// What happened to a deal between two exports, in the site's language.
pub fn change_word<'c>(ctx: &'c Ctx<'_>, change: crate::metrics::Change) -> &'c str {
    use crate::metrics::Change;
    match change {
        Change::New => ctx.t("change.new"),
        Change::Won => ctx.t("change.won"),
        Change::Lost => ctx.t("change.lost"),
        Change::Removed => ctx.t("change.removed"),
        Change::Advanced => ctx.t("change.advanced"),
        Change::MovedBack => ctx.t("change.moved_back"),
        Change::Pushed => ctx.t("change.pushed"),
        Change::PulledIn => ctx.t("change.pulled_in"),
        Change::ValueUp => ctx.t("change.value_up"),
        Change::ValueDown => ctx.t("change.value_down"),
    }
}
