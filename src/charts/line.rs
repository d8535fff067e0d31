//! Line charts: the date axis (month ticks that do not collide) and the lines, markers
//! and legend drawn over it.
//!
//! Dates become day offsets from the first date; the value axis comes from `axis`.

use chrono::{Datelike, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{
    AXIS, AXIS_LABEL_AREA, ValueAxis, ValuesAlong, draw_axis_lines, draw_value_grid,
};
use super::legend::{LEGEND_HEIGHT, draw_legend};
use super::text::{draw_text, text_px, text_style};
use super::{Area, DrawResult, LineChart, draw_path};

/// The second line is usually a goal or pace line, hence the warm contrast.
const LINE_COLOURS: [RGBColor; 4] = [
    RGBColor(0x2f, 0x5d, 0x8a),
    RGBColor(0xc8, 0x55, 0x3d),
    RGBColor(0x6b, 0x8f, 0x71),
    RGBColor(0x8a, 0x6f, 0xb0),
];
pub(super) const LINE_CHART_HEIGHT: u32 = 320;

/// Month starts within `first..=last` as `(day offset, label)` (the label from
/// `month`, e.g. `jan 2026`), every 1, 2, 3, 4 or 6 months, or whole years, so that
/// labels `px_per_day` apart do not touch; the end dates in full (ISO) when fewer
/// than two month starts would be labelled.
fn date_ticks(
    first: NaiveDate,
    last: NaiveDate,
    px_per_day: f64,
    month: &dyn Fn(NaiveDate) -> String,
) -> Vec<(f64, String)> {
    // The shortest month is 28 days; labels are as wide as the widest month's.
    let widest = (1..=12)
        .filter_map(|m| NaiveDate::from_ymd_opt(2000, m, 1))
        .map(|d| text_px(&month(d)))
        .max()
        .unwrap_or(0);
    let months_apart = f64::from(widest + 12) / (28.0 * px_per_day);
    let years = (0..8).flat_map(|p| [12, 24, 60].map(|m| m * 10_i64.pow(p)));
    let every = [1, 2, 3, 4, 6]
        .into_iter()
        .chain(years)
        .find(|e| *e as f64 >= months_apart)
        .unwrap_or(i64::MAX);
    // Months counted from year 0, so `every` lines up with January.
    let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    let first_start = index(first) + i64::from(first.day() > 1);
    let month_start = |k: i64| {
        let year = i32::try_from(k.div_euclid(12)).ok()?;
        NaiveDate::from_ymd_opt(year, u32::try_from(k.rem_euclid(12)).ok()? + 1, 1)
    };
    let offset = |d: NaiveDate| (d - first).num_days() as f64;
    let ticks: Vec<(f64, String)> = (0..)
        .map_while(|k: i64| {
            let month = first_start.checked_add(every.checked_mul(k)?)?;
            let month = month.checked_add((every - month.rem_euclid(every)) % every)?;
            month_start(month).filter(|m| *m <= last)
        })
        .map(|m| (offset(m), month(m)))
        .collect();
    if ticks.len() >= 2 {
        return ticks;
    }
    let ends = if last > first {
        vec![first, last]
    } else {
        vec![first]
    };
    ends.into_iter()
        .map(|d| (offset(d), d.format("%Y-%m-%d").to_string()))
        .collect()
}

pub(super) fn draw_line(chart: &LineChart, root: &Area) -> DrawResult {
    let first = chart.x.iter().min().copied().unwrap_or_default();
    let last = chart.x.iter().max().copied().unwrap_or(first);
    let span = (last - first).num_days() as f64;
    // A single date sits in the middle rather than on the axis line.
    let x_range = if span > 0.0 { 0.0..span } else { -1.0..1.0 };
    let n = chart.x.len();
    let values = chart.series.iter().flat_map(|s| s.values.iter().take(n));
    let axis = ValueAxis::new(values, chart.format);
    let mut plot = ChartBuilder::on(root)
        .margin_top(LEGEND_HEIGHT)
        .margin_right(axis.right_margin().max(34))
        .x_label_area_size(AXIS_LABEL_AREA + 4)
        .y_label_area_size(axis.label_area())
        .build_cartesian_2d(x_range.clone(), axis.lo..axis.hi)?;
    draw_value_grid(root, &plot, &axis, ValuesAlong::Y)?;
    let (left, right) = (
        plot.backend_coord(&(x_range.start, axis.lo)),
        plot.backend_coord(&(x_range.end, axis.lo)),
    );
    let px_per_day = f64::from(right.0 - left.0) / (x_range.end - x_range.start);
    let ticks = if chart.x.is_empty() {
        Vec::new()
    } else {
        date_ticks(first, last, px_per_day, chart.month)
    };
    for (day, label) in ticks {
        let (x, y) = plot.backend_coord(&(day, axis.lo));
        draw_path(root, vec![(x, y), (x, y + 4)], AXIS.stroke_width(1))?;
        draw_text(
            root,
            &label,
            (x, y + 8),
            text_style(HPos::Center, VPos::Top),
        )?;
    }
    draw_axis_lines(root, &plot)?;
    let days: Vec<f64> = chart
        .x
        .iter()
        .map(|d| (*d - first).num_days() as f64)
        .collect();
    for (j, series) in chart.series.iter().enumerate() {
        let colour = LINE_COLOURS[j % LINE_COLOURS.len()];
        let points: Vec<(f64, f64)> = days
            .iter()
            .zip(series.values)
            .map(|(day, v)| (*day, (*v as f64).clamp(axis.lo, axis.hi)))
            .collect();
        // A lone point draws no line; short series also read better with markers.
        if points.len() <= 24 {
            plot.draw_series(points.iter().map(|p| Circle::new(*p, 3, colour.filled())))?;
        }
        plot.draw_series(LineSeries::new(points, colour.stroke_width(2)))?;
    }
    let names: Vec<&str> = chart.series.iter().map(|s| s.name).collect();
    draw_legend(root, &names, &LINE_COLOURS, true, left.0)
}
