//! The report's risk summary: open deals at risk counted and valued by kind of
//! risk and by segment, with no deal named, so that it survives a board build's
//! redaction (the full build's "Top risks" tables list the deals themselves).

use std::collections::HashSet;

use super::Ctx;
use super::view::{Cell, Section, Table};
use crate::metrics::Change;
use crate::model::Status;
use crate::money::Money;

/// Deals counted once each and their open value (a deal without a value adds zero).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tally {
    count: u64,
    value: Money,
}

impl Tally {
    fn add(&mut self, value: Money) {
        self.count += 1;
        self.value += value;
    }
}

/// One line of the by-segment table: every open deal, and those at risk.
#[derive(Debug, Clone, Default)]
struct SegmentRisk {
    name: String,
    open: Tally,
    at_risk: Tally,
}

#[derive(Debug, Clone, Default)]
struct Summary {
    /// `None` when there is no earlier export to compare with.
    pushed: Option<Tally>,
    stale: Tally,
    aging: Tally,
    off_strategy: Tally,
    /// At least one of the risks above, each deal once.
    any: Tally,
    open: Tally,
    /// The strategy's segments in order, then the unsegmented deals.
    segments: Vec<SegmentRisk>,
}

fn summarise(ctx: &Ctx<'_>) -> Summary {
    let model = ctx.model;
    let flags = &ctx.metrics.health.flags;
    let pushed_ids: Option<HashSet<&str>> = ctx.metrics.movement.as_ref().map(|m| {
        m.deals
            .iter()
            .filter(|d| d.changes.contains(&Change::Pushed))
            .map(|d| d.id.as_str())
            .collect()
    });
    let mut s = Summary {
        pushed: pushed_ids.as_ref().map(|_| Tally::default()),
        segments: model
            .strategy
            .segments
            .iter()
            .map(|seg| SegmentRisk {
                name: seg.name.clone(),
                ..SegmentRisk::default()
            })
            .chain([SegmentRisk {
                name: ctx.t("risk.unsegmented").into(),
                ..SegmentRisk::default()
            }])
            .collect(),
        ..Summary::default()
    };
    let unsegmented = model.strategy.segments.len();
    for (i, deal) in model.deals.iter().enumerate() {
        if deal.status != Status::Open {
            continue;
        }
        let value = deal.amount();
        let f = &flags[i];
        let pushed = pushed_ids
            .as_ref()
            .is_some_and(|ids| ids.contains(&*deal.id));
        if let Some(t) = s.pushed.as_mut().filter(|_| pushed) {
            t.add(value);
        }
        for (hit, tally) in [
            (f.stale, &mut s.stale),
            (f.aging, &mut s.aging),
            (f.off_strategy, &mut s.off_strategy),
        ] {
            if hit {
                tally.add(value);
            }
        }
        let at_risk = pushed || f.stale || f.aging || f.off_strategy;
        let segment = &mut s.segments[model.segment(deal).unwrap_or(unsegmented)];
        s.open.add(value);
        segment.open.add(value);
        if at_risk {
            s.any.add(value);
            segment.at_risk.add(value);
        }
    }
    // The unsegmented line only when some open deal is in no segment.
    if s.segments[unsegmented].open.count == 0 {
        s.segments.pop();
    }
    s
}

/// The "Risk summary" section of the report, in every build.
pub fn section(ctx: &Ctx<'_>) -> Section {
    let s = summarise(ctx);
    let count = |t: &Tally| Cell::number(ctx.locale.integer(t.count as i64));
    let value = |t: &Tally| Cell::number(ctx.money(t.value));
    let share = |part: Money, whole: Money| Cell::number(ctx.percent_or_dash(part.ratio(whole)));

    let mut kinds = Table::new(
        ctx.t("risk.by_kind"),
        &[
            (ctx.t("risk.risk"), false),
            (ctx.t("risk.deals"), true),
            (ctx.t("risk.open_value"), true),
            (ctx.t("risk.share_of_open"), true),
        ],
    );
    let mut lines: Vec<(&str, Tally)> = Vec::new();
    if let Some(pushed) = s.pushed {
        lines.push((ctx.t("risk.pushed"), pushed));
    }
    lines.extend([
        (ctx.t("risk.stale"), s.stale),
        (ctx.t("risk.aging"), s.aging),
        (ctx.t("risk.off_strategy"), s.off_strategy),
        (ctx.t("risk.any"), s.any),
    ]);
    for (label, t) in &lines {
        kinds.rows.push(vec![
            Cell::text(*label),
            count(t),
            value(t),
            share(t.value, s.open.value),
        ]);
    }
    if s.pushed.is_none() {
        kinds.note = Some(ctx.t("risk.no_earlier").into());
    }

    let mut segments = Table::new(
        ctx.t("risk.by_segment"),
        &[
            (ctx.t("risk.segment"), false),
            (ctx.t("risk.open_deals"), true),
            (ctx.t("risk.open_value"), true),
            (ctx.t("risk.deals_at_risk"), true),
            (ctx.t("risk.value_at_risk"), true),
            (ctx.t("risk.share_at_risk"), true),
        ],
    );
    for seg in &s.segments {
        segments.rows.push(vec![
            Cell::text(&seg.name),
            count(&seg.open),
            value(&seg.open),
            count(&seg.at_risk),
            value(&seg.at_risk),
            share(seg.at_risk.value, seg.open.value),
        ]);
    }
    segments.foot = Some(vec![
        Cell::text(ctx.t("risk.total")),
        count(&s.open),
        value(&s.open),
        count(&s.any),
        value(&s.any),
        share(s.any.value, s.open.value),
    ]);

    Section::new("risk-summary", ctx.t("risk.title"))
        .intro(ctx.t("risk.intro"))
        .table(kinds)
        .table(segments)
}
