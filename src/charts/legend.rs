//! The legend: one row of colour swatches and series names above the plot.
//!
//! It only draws; which series get a legend, and where the row starts, is decided by
//! the chart kind that calls it.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::text::{axis_label, draw_text, text_px, text_style};
use super::{Area, DrawResult, draw_path};

/// Room above the plot for the legend row.
pub(super) const LEGEND_HEIGHT: u32 = 30;

/// Legend swatches in one row at the top; drawn only when there is more than one
/// series for bars, always for lines (there the colour is the only key).
pub(super) fn draw_legend(
    root: &Area,
    names: &[&str],
    colours: &[RGBColor],
    line: bool,
    x: i32,
) -> DrawResult {
    let y = i32::try_from(LEGEND_HEIGHT / 2).unwrap_or(15);
    let mut x = x;
    for (name, colour) in names.iter().zip(colours.iter().cycle()) {
        if line {
            draw_path(root, vec![(x, y), (x + 16, y)], colour.stroke_width(3))?;
        } else {
            root.draw(&Rectangle::new(
                [(x + 2, y - 6), (x + 14, y + 6)],
                colour.filled(),
            ))?;
        }
        let label = axis_label(name);
        draw_text(
            root,
            &label,
            (x + 22, y),
            text_style(HPos::Left, VPos::Center),
        )?;
        x += 22 + text_px(&label) + 22;
    }
    Ok(())
}
