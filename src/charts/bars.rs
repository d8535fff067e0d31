//! Category charts: the layout of bars and columns (sizes, margins, how category labels
//! fit) and their drawing.
//!
//! The layout is computed before drawing because the SVG's height depends on it. The
//! value axis, legend and label text come from the sibling modules.

use plotters::prelude::*;
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{AXIS_LABEL_AREA, ValueAxis, ValuesAlong, draw_axis_lines, draw_value_grid};
use super::legend::{LEGEND_HEIGHT, draw_legend};
use super::text::{axis_label, draw_text, text_px, text_style};
use super::{Area, CategoryChart, DrawResult, Orientation, WIDTH};

const BAR_COLOURS: [RGBColor; 4] = [
    RGBColor(0x2f, 0x5d, 0x8a),
    RGBColor(0x9f, 0xb8, 0xd0),
    RGBColor(0x6b, 0x8f, 0x71),
    RGBColor(0xc9, 0xa2, 0x27),
];
/// Room above the plot when there is no legend.
const TOP_PAD: u32 = 12;
const COLUMN_PLOT_HEIGHT: u32 = 240;

/// How category labels sit along the column axis: every `every`th one is drawn, flat
/// or reading upwards.
#[derive(Clone, Copy, PartialEq, Debug)]
struct ColumnLabels {
    every: usize,
    rotated: bool,
}

impl ColumnLabels {
    /// Flat when every label fits its slot. Short labels that do not fit are usually a
    /// sequence (months, weeks) where every other or third label reads fine; longer
    /// ones are names, which are rotated so that none goes missing unless the slots
    /// are thinner than a line of text.
    fn fit(widest: i32, slot: i32) -> Self {
        let every = |needed: i32| {
            usize::try_from((needed + slot - 1) / slot.max(1))
                .unwrap_or(1)
                .max(1)
        };
        if widest + 8 <= slot {
            ColumnLabels {
                every: 1,
                rotated: false,
            }
        } else if widest <= text_px("2025-W52 ab") {
            ColumnLabels {
                every: every(widest + 12),
                rotated: false,
            }
        } else {
            ColumnLabels {
                every: every(18),
                rotated: true,
            }
        }
    }
}

pub(super) struct CategoryLayout {
    labels: Vec<String>,
    axis: ValueAxis,
    pub(super) height: u32,
    top: u32,
    /// Category label area (horizontal) or value label area (vertical), left of the plot.
    left: u32,
    right: u32,
    bottom: u32,
    column_labels: ColumnLabels,
    /// Free space either side of a bar group, as a fraction of its slot.
    bar_pad: f64,
}

impl CategoryLayout {
    pub(super) fn new(chart: &CategoryChart) -> Self {
        let labels: Vec<String> = chart.categories.iter().map(|c| axis_label(c)).collect();
        let n = labels.len();
        let values = chart.series.iter().flat_map(|s| s.values.iter().take(n));
        let axis = ValueAxis::new(values, chart.format);
        let top = if chart.series.len() > 1 {
            LEGEND_HEIGHT
        } else {
            TOP_PAD
        };
        let right = axis.right_margin();
        let widest = labels.iter().map(|l| text_px(l)).max().unwrap_or(0);
        let rows = u32::try_from(n.max(1)).unwrap_or(u32::MAX);
        match chart.orientation {
            Orientation::Horizontal => {
                let row = if chart.series.len() > 1 { 34 } else { 28 };
                let left = u32::try_from(widest.clamp(24, 200) + 16).unwrap_or(216);
                let bottom = AXIS_LABEL_AREA + 4;
                CategoryLayout {
                    height: (top + bottom).saturating_add(rows.saturating_mul(row)),
                    labels,
                    axis,
                    top,
                    left,
                    right,
                    bottom,
                    column_labels: ColumnLabels {
                        every: 1,
                        rotated: false,
                    },
                    // 5 px: whole pixels keep grouped bars equally thick.
                    bar_pad: 5.0 / f64::from(row),
                }
            }
            Orientation::Vertical => {
                let left = axis.label_area();
                let plot_width = i32::try_from(WIDTH.saturating_sub(left + right)).unwrap_or(1);
                let slot = (plot_width / i32::try_from(rows).unwrap_or(i32::MAX)).max(1);
                let column_labels = ColumnLabels::fit(widest, slot);
                let bottom = if column_labels.rotated {
                    u32::try_from(widest + 16).unwrap_or(216)
                } else {
                    AXIS_LABEL_AREA + 4
                };
                CategoryLayout {
                    height: top + COLUMN_PLOT_HEIGHT + bottom,
                    labels,
                    axis,
                    top,
                    left,
                    right,
                    bottom,
                    column_labels,
                    bar_pad: 0.16,
                }
            }
        }
    }
}

/// Where bar `j` of `count` sits across a category slot `[0, 1]` with `pad` free on
/// either side, as `(from, to)`.
fn bar_span(j: usize, count: usize, pad: f64) -> (f64, f64) {
    let thickness = (1.0 - 2.0 * pad) / count.max(1) as f64;
    let from = pad + j as f64 * thickness;
    (from, from + thickness)
}

pub(super) fn draw_category(
    chart: &CategoryChart,
    layout: &CategoryLayout,
    root: &Area,
) -> DrawResult {
    let n = layout.labels.len();
    let slots = n.max(1) as f64;
    let axis = &layout.axis;
    let count = chart.series.len();
    let horizontal = matches!(chart.orientation, Orientation::Horizontal);
    let (x_range, y_range) = if horizontal {
        (axis.lo..axis.hi, 0.0..slots)
    } else {
        (0.0..slots, axis.lo..axis.hi)
    };
    let mut plot = ChartBuilder::on(root)
        .margin_top(layout.top)
        .margin_right(layout.right)
        .x_label_area_size(layout.bottom)
        .y_label_area_size(layout.left)
        .build_cartesian_2d(x_range, y_range)?;
    let along = if horizontal {
        ValuesAlong::X
    } else {
        ValuesAlong::Y
    };
    draw_value_grid(root, &plot, axis, along)?;
    for (j, series) in chart.series.iter().enumerate() {
        let colour = BAR_COLOURS[j % BAR_COLOURS.len()];
        let (from, to) = bar_span(j, count, layout.bar_pad);
        // Zero bars are left out rather than drawn zero wide; values past the last
        // tick (only near i64::MAX) are cut at the plot edge.
        let values = (0..n).map(|i| (i, series.values.get(i).copied().unwrap_or(0)));
        let bars = values.filter(|(_, v)| *v != 0).map(|(i, v)| {
            let value = (v as f64).clamp(axis.lo, axis.hi);
            // plotters puts y = 0 at the bottom; category 0 belongs at the top.
            let top = slots - i as f64;
            let corners = if horizontal {
                [(0.0, top - from), (value, top - to)]
            } else {
                [(i as f64 + from, 0.0), (i as f64 + to, value)]
            };
            Rectangle::new(corners, colour.filled())
        });
        plot.draw_series(bars)?;
    }
    draw_axis_lines(root, &plot)?;
    for (i, label) in layout.labels.iter().enumerate() {
        if horizontal {
            let (x, y) = plot.backend_coord(&(axis.lo, slots - i as f64 - 0.5));
            draw_text(
                root,
                label,
                (x - 8, y),
                text_style(HPos::Right, VPos::Center),
            )?;
            continue;
        }
        let (x, y) = plot.backend_coord(&(i as f64 + 0.5, axis.lo));
        if !i.is_multiple_of(layout.column_labels.every) {
            continue;
        }
        let style = if layout.column_labels.rotated {
            text_style(HPos::Right, VPos::Center).transform(FontTransform::Rotate270)
        } else {
            text_style(HPos::Center, VPos::Top)
        };
        draw_text(root, label, (x, y + 8), style)?;
    }
    if count > 1 {
        let names: Vec<&str> = chart.series.iter().map(|s| s.name).collect();
        let legend_x = plot.backend_coord(&(plot.x_range().start, 0.0)).0;
        draw_legend(root, &names, &BAR_COLOURS, false, legend_x)?;
    }
    Ok(())
}
