//! Waterfall charts: a starting total, the steps that add to or take from it, and
//! the total they reach, as floating columns.
//!
//! The caller gives the steps and the totals; nothing is summed here beyond placing
//! each step where the previous one ended, so a waterfall that does not reconcile
//! shows a visible gap at its end total rather than being hidden.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::axis::{AXIS_LABEL_AREA, ValueAxis, ValuesAlong, draw_axis_lines, draw_value_grid};
use super::text::{axis_label, draw_text, text_style};
use super::{Area, DrawResult};

const TOTAL: RGBColor = RGBColor(0x2f, 0x5d, 0x8a);
const UP: RGBColor = RGBColor(0x3f, 0x8f, 0x5a);
const DOWN: RGBColor = RGBColor(0xc8, 0x55, 0x3d);
pub(super) const WATERFALL_HEIGHT: u32 = 320;
const BOTTOM: u32 = 64;

/// One column: a total drawn from zero, or a change drawn from where the previous
/// column ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Total(i64),
    Change(i64),
}

pub struct Waterfall<'a> {
    pub title: &'a str,
    /// One label per step.
    pub labels: &'a [String],
    pub steps: &'a [Step],
    pub format: &'a dyn Fn(i64) -> String,
}

/// Each step's (from, to) level.
fn spans(steps: &[Step]) -> Vec<(i64, i64)> {
    let mut level: i64 = 0;
    steps
        .iter()
        .map(|step| match *step {
            Step::Total(total) => {
                level = total;
                (0, total)
            }
            Step::Change(change) => {
                let from = level;
                level = level.saturating_add(change);
                (from, level)
            }
        })
        .collect()
}

pub(super) fn draw_waterfall(chart: &Waterfall, root: &Area) -> DrawResult {
    let spans = spans(chart.steps);
    let levels: Vec<i64> = spans.iter().flat_map(|(a, b)| [*a, *b]).collect();
    let axis = ValueAxis::new(levels.iter(), chart.format);
    let slots = spans.len().max(1) as f64;
    let mut plot = ChartBuilder::on(root)
        .margin_top(12)
        .margin_right(axis.right_margin())
        .x_label_area_size(BOTTOM)
        .y_label_area_size(axis.label_area())
        .build_cartesian_2d(0.0..slots, axis.lo..axis.hi)?;
    draw_value_grid(root, &plot, &axis, ValuesAlong::Y)?;
    let bars = chart
        .steps
        .iter()
        .zip(&spans)
        .enumerate()
        .filter(|(_, (_, (a, b)))| a != b)
        .map(|(i, (step, (a, b)))| {
            let colour = match step {
                Step::Total(_) => TOTAL,
                Step::Change(change) if *change >= 0 => UP,
                Step::Change(_) => DOWN,
            };
            let (lo, hi) = (
                (*a.min(b) as f64).clamp(axis.lo, axis.hi),
                (*a.max(b) as f64).clamp(axis.lo, axis.hi),
            );
            Rectangle::new(
                [(i as f64 + 0.18, lo), (i as f64 + 0.82, hi)],
                colour.filled(),
            )
        });
    plot.draw_series(bars)?;
    draw_axis_lines(root, &plot)?;
    for (i, label) in chart.labels.iter().enumerate().take(spans.len()) {
        let (x, y) = plot.backend_coord(&(i as f64 + 0.5, axis.lo));
        // Two lines at most: the step's name, then its amount.
        let amount = match chart.steps[i] {
            Step::Total(total) => (chart.format)(total),
            Step::Change(change) if change >= 0 => format!("+{}", (chart.format)(change)),
            Step::Change(change) => format!("−{}", (chart.format)(change.saturating_abs())),
        };
        draw_text(
            root,
            &axis_label(label),
            (x, y + 8),
            text_style(HPos::Center, VPos::Top),
        )?;
        draw_text(
            root,
            &amount,
            (x, y + 8 + i32::try_from(AXIS_LABEL_AREA).unwrap_or(26) - 6),
            text_style(HPos::Center, VPos::Top),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_float_from_the_previous_level() {
        // start 100, +30, −50, total 80
        let spans = spans(&[
            Step::Total(100),
            Step::Change(30),
            Step::Change(-50),
            Step::Total(80),
        ]);
        assert_eq!(spans, [(0, 100), (100, 130), (130, 80), (0, 80)]);
    }
}
