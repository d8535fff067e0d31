//! The value axis and the frame around a plot: tick computation, gridlines with their
//! labels, and the axis lines.
//!
//! Ticks are chosen here, not by plotters' mesh, so they fall on round steps and carry
//! the caller's formatter. The category and date axes belong to their chart kinds.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::text::{draw_text, text_px, text_style};
use super::{Area, DrawResult, draw_path};

/// Axis lines and the date axis' tick marks.
pub(super) const AXIS: RGBColor = RGBColor(0x99, 0x99, 0x99);
const GRID: RGBColor = RGBColor(0xe2, 0xe2, 0xe2);
/// Room below the plot for one row of axis labels.
pub(super) const AXIS_LABEL_AREA: u32 = 26;

pub(super) type Plot<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Tick values on 1, 2 or 5 × 10^k covering `min(lo, 0)..=max(hi, 0)` in about five
/// steps; a single `[0]` when everything is zero. Computed in i128 so extreme values
/// cannot overflow; ticks beyond i64 are dropped.
pub(super) fn nice_ticks(lo: i64, hi: i64) -> Vec<i64> {
    let lo = i128::from(lo.min(0));
    let hi = i128::from(hi.max(0));
    if lo == hi {
        return vec![0];
    }
    let raw = (hi - lo + 4) / 5;
    let mut magnitude: i128 = 1;
    while magnitude * 10 <= raw {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10 * magnitude);
    let first = lo.div_euclid(step) * step;
    let last = -(-hi).div_euclid(step) * step;
    (0..)
        .map(|k| first + k * step)
        .take_while(|t| *t <= last)
        .filter_map(|t| i64::try_from(t).ok())
        .collect()
}

/// The value axis: its ticks, their labels, and the plotted range they span.
pub(super) struct ValueAxis {
    ticks: Vec<f64>,
    labels: Vec<String>,
    pub(super) lo: f64,
    pub(super) hi: f64,
}

impl ValueAxis {
    pub(super) fn new<'v>(
        values: impl Iterator<Item = &'v i64>,
        format: &dyn Fn(i64) -> String,
    ) -> Self {
        let (lo, hi) = values.fold((0, 0), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
        let ticks = nice_ticks(lo, hi);
        let lo = ticks.first().map_or(0.0, |t| *t as f64);
        let hi = ticks.last().map_or(1.0, |t| *t as f64);
        ValueAxis {
            labels: ticks.iter().map(|t| format(*t)).collect(),
            ticks: ticks.iter().map(|t| *t as f64).collect(),
            lo,
            hi: if hi > lo { hi } else { lo + 1.0 },
        }
    }

    /// Room left of the plot for the tick labels when they sit there.
    pub(super) fn label_area(&self) -> u32 {
        let widest = self.labels.iter().map(|l| text_px(l)).max().unwrap_or(0);
        u32::try_from(widest + 16).unwrap_or(80).max(40)
    }

    /// Room right of the plot so the last tick label, centred on the edge, is not cut.
    pub(super) fn right_margin(&self) -> u32 {
        let last = self.labels.last().map_or(0, |l| text_px(l));
        u32::try_from(last / 2 + 10).unwrap_or(0).max(16)
    }
}

/// Which side of the plot the values run along.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum ValuesAlong {
    X,
    Y,
}

/// Gridlines and tick labels at the value axis' own ticks. plotters' mesh would pick
/// its own ticks (`WithKeyPoints` has no label formatter), so they are drawn here.
pub(super) fn draw_value_grid(
    root: &Area,
    plot: &Plot,
    axis: &ValueAxis,
    along: ValuesAlong,
) -> DrawResult {
    let (x, y) = (plot.x_range(), plot.y_range());
    for (tick, label) in axis.ticks.iter().zip(&axis.labels) {
        let (from, to) = match along {
            ValuesAlong::X => ((*tick, y.start), (*tick, y.end)),
            ValuesAlong::Y => ((x.start, *tick), (x.end, *tick)),
        };
        let (from, to) = (plot.backend_coord(&from), plot.backend_coord(&to));
        draw_path(root, vec![from, to], GRID.stroke_width(1))?;
        match along {
            ValuesAlong::X => draw_text(
                root,
                label,
                (from.0, from.1 + 8),
                text_style(HPos::Center, VPos::Top),
            )?,
            ValuesAlong::Y => draw_text(
                root,
                label,
                (from.0 - 8, from.1),
                text_style(HPos::Right, VPos::Center),
            )?,
        }
    }
    Ok(())
}

/// The left and bottom axis lines, drawn over the bars' ends.
pub(super) fn draw_axis_lines(root: &Area, plot: &Plot) -> DrawResult {
    let (x, y) = (plot.x_range(), plot.y_range());
    let corner = plot.backend_coord(&(x.start, y.start));
    let points = vec![
        plot.backend_coord(&(x.start, y.end)),
        corner,
        plot.backend_coord(&(x.end, y.start)),
    ];
    draw_path(root, points, AXIS.stroke_width(1))
}
