//! Charts: turns already-computed series into inline SVG strings.
//!
//! This module owns chart layout and drawing (plotters' SVG backend, text left to the
//! browser's fonts) and the accessibility wrapper around it: `role="img"`, an
//! `aria-label` and a `<title>`. It must not read or write files, compute metrics or
//! format money itself (the caller passes the tick formatter), and it emits no HTML
//! around the `<svg>`: the caller renders the chart's data table, which holds the full
//! labels and exact figures that the axes abbreviate. Output is byte-deterministic: no
//! ids, no randomness, no clock.
//!
//! Drawing into a `String` can only fail on plotters' own layout checks. A chart is an
//! illustration of a table the page already shows, so rather than make every page
//! fallible, a failed drawing yields a fallback `<svg>` that carries only the title.
//!
//! The work is split by concept: `bars` and `line` lay out and draw the two chart
//! kinds, `axis` owns the value axis and the plot frame, `legend` the series key, and
//! `text` every label's cleaning, escaping and measuring. This file holds the public
//! API and the SVG post-processing that every chart goes through.

use chrono::NaiveDate;
use plotters::coord::Shift;
use plotters::prelude::*;

use bars::{CategoryLayout, draw_category};
use line::{LINE_CHART_HEIGHT, draw_line};
use text::{clean_text, escape_xml};
pub use waterfall::{Step, Waterfall};
use waterfall::{WATERFALL_HEIGHT, draw_waterfall};

mod axis;
mod bars;
mod legend;
mod line;
pub(crate) mod text;
mod waterfall;

#[cfg(test)]
mod tests;

/// Which way the bars of a [`CategoryChart`] run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Bars grow to the right; the first category is at the top.
    Horizontal,
    /// Columns grow upwards; the first category is at the left (months, quarters).
    Vertical,
}

/// One named row of values, aligned with the chart's categories or dates.
pub struct Series<'a> {
    pub name: &'a str,
    /// Minor units for money, or plain counts.
    pub values: &'a [i64],
}

/// Bars per category; two series are drawn as grouped bars with a legend.
pub struct CategoryChart<'a> {
    /// Goes into `<title>` and `aria-label`; not drawn.
    pub title: &'a str,
    /// One label per bar group, in display order. Long labels are shortened on the axis.
    pub categories: &'a [String],
    /// 1 or 2 series; a missing value counts as 0 and extra values are ignored.
    pub series: &'a [Series<'a>],
    pub orientation: Orientation,
    /// Value-axis tick labels. Ticks fall on 1, 2 or 5 × 10^k units.
    pub format: &'a dyn Fn(i64) -> String,
}

/// Lines over dates, e.g. cumulative won against a goal pace.
pub struct LineChart<'a> {
    /// Goes into `<title>` and `aria-label`; not drawn.
    pub title: &'a str,
    /// Shared x positions, ascending.
    pub x: &'a [NaiveDate],
    /// Each series has one value per date; the second is drawn as the goal colour.
    pub series: &'a [Series<'a>],
    /// Value-axis tick labels. Ticks fall on 1, 2 or 5 × 10^k units.
    pub format: &'a dyn Fn(i64) -> String,
    /// Date-axis labels for month starts, in words: `jan 2026` / `Jan 2026`.
    pub month: &'a dyn Fn(NaiveDate) -> String,
}

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type DrawResult = Result<(), DrawingAreaErrorKind<std::io::Error>>;

const WIDTH: u32 = 760;

/// Draws bars per category as an inline `<svg>`; never panics (see the module docs).
pub fn category_chart(chart: &CategoryChart) -> String {
    let layout = CategoryLayout::new(chart);
    render(chart.title, (WIDTH, layout.height), |root| {
        draw_category(chart, &layout, root)
    })
}

/// Draws one line per series over dates as an inline `<svg>`; never panics.
pub fn line_chart(chart: &LineChart) -> String {
    render(chart.title, (WIDTH, LINE_CHART_HEIGHT), |root| {
        draw_line(chart, root)
    })
}

/// A waterfall: totals and the changes between them, as floating columns.
pub fn waterfall_chart(chart: &Waterfall) -> String {
    render(chart.title, (WIDTH, WATERFALL_HEIGHT), |root| {
        draw_waterfall(chart, root)
    })
}

fn render(title: &str, size: (u32, u32), draw: impl FnOnce(&Area) -> DrawResult) -> String {
    let mut buf = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        draw(&root).and_then(|()| root.present())
    };
    match drawn {
        Ok(()) => with_accessible_name(&buf, title).unwrap_or_else(|| fallback(title, size)),
        Err(_) => fallback(title, size),
    }
}

/// Adds `role`, `aria-label` and a first-child `<title>` to plotters' root element,
/// which has none of them and (in 0.3.7) no XML declaration to strip.
fn with_accessible_name(svg: &str, title: &str) -> Option<String> {
    let svg = svg.trim_start();
    let svg = match svg.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>")?.1.trim_start(),
        None => svg,
    };
    let rest = svg.strip_prefix("<svg")?;
    let (attributes, children) = rest.split_once('>')?;
    let title = escape_xml(&clean_text(title));
    Some(format!(
        "<svg role=\"img\" aria-label=\"{title}\"{attributes}>\n<title>{title}</title>{children}"
    ))
}

fn fallback(title: &str, (width, height): (u32, u32)) -> String {
    let title = escape_xml(&clean_text(title));
    format!(
        "<svg role=\"img\" aria-label=\"{title}\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n\
         <title>{title}</title>\n</svg>\n"
    )
}

fn draw_path(root: &Area, points: Vec<(i32, i32)>, style: ShapeStyle) -> DrawResult {
    root.draw(&PathElement::new(points, style))
}
