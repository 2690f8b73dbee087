//! The charts the examples draw with `--svg FILE`: horizontal bar charts,
//! written as SVG through plotters' SVG backend (no system libraries).
//!
//! Shared by the examples as a module (`#[path = "support/chart.rs"] mod
//! chart;`), and by `tests/examples/charts.rs`, which checks the SVG's structure
//! (every label present, everything inside the picture); `.ci/chart-check`
//! renders the charts in headless Chromium to look at.
//!
//! Text is laid out with a deliberately wide estimate of its width
//! ([`text_width`]: 0.62 em a character, wider than the average glyph of
//! the common sans-serif faces), because an SVG cannot know the font the
//! viewer will use.

#![allow(dead_code)] // Each example uses a part.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One bar: its label, its length (`None`: no value to draw, such as a
/// total nothing was disclosed for) and the text written beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The name of the group: `Guatemala`.
    pub label: String,
    /// The bar's length in the unit of the chart; `None` draws no bar.
    pub value: Option<f64>,
    /// What the bar is, as people read it: `$310m`, `undisclosed (2)`.
    pub text: String,
}

/// A horizontal bar chart: a title, lines of notes under it (the rates
/// used, the counts), one bar a row.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// The title: what is measured, in which unit.
    pub title: String,
    /// Lines under the title.
    pub notes: Vec<String>,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
}

/// Font sizes in pixels.
const TITLE_PX: f64 = 18.0;
const NOTE_PX: f64 = 13.0;
const LABEL_PX: f64 = 14.0;
const MARGIN: i32 = 16;
const ROW: i32 = 24;
const BAR_HEIGHT: i32 = 16;
const BAR_SPAN: i32 = 420;
const GAP: i32 = 8;

/// The width `text` may take at `px` pixels: 0.62 em a character, more
/// than the common sans-serif faces use on average, so that a label laid
/// out by it fits whatever font the viewer has.
pub fn text_width(text: &str, px: f64) -> i32 {
    (text.chars().count() as f64 * px * 0.62).ceil() as i32
}

/// plotters divides a font's size by 1.24 when it writes it in an SVG.
fn font(px: f64) -> FontDesc<'static> {
    ("sans-serif", px * 1.24).into_font()
}

impl BarChart {
    /// A chart titled `title`, with no notes or bars yet.
    pub fn new(title: impl Into<String>) -> BarChart {
        BarChart {
            title: title.into(),
            notes: Vec::new(),
            bars: Vec::new(),
        }
    }

    /// Adds a line under the title.
    pub fn note(mut self, line: impl Into<String>) -> BarChart {
        self.notes.push(line.into());
        self
    }

    /// Adds a bar.
    pub fn bar(mut self, label: impl Into<String>, value: Option<f64>, text: impl Into<String>) -> BarChart {
        self.bars.push(Bar {
            label: label.into(),
            value,
            text: text.into(),
        });
        self
    }

    /// Adds a bar for a group's total: its length the total, its text the
    /// total compact (`$310m`) and the count of records without an amount
    /// (`$310m (+1 undisclosed)`); a group where nothing was disclosed has
    /// no bar, only that count (`undisclosed (2)`).
    pub fn total(self, label: impl Into<String>, group: &statecraft::aggregate::GroupTotal) -> BarChart {
        use rust_decimal::prelude::ToPrimitive;
        let (value, text) = match group.disclosed_total() {
            Some(total) => {
                let extra = match group.undisclosed() {
                    0 => String::new(),
                    n => format!(" (+{n} undisclosed)"),
                };
                (total.amount().to_f64(), format!("{}{extra}", total.to_compact()))
            }
            None => (None, format!("undisclosed ({})", group.undisclosed())),
        };
        self.bar(label, value, text)
    }

    /// Puts the largest bars first (bars without a value last), ties by
    /// label; keeps the first `n` and says in a note how many were left
    /// out.
    pub fn largest_first(mut self, n: usize, what: &str) -> BarChart {
        self.bars.sort_by(|a, b| {
            let v = |bar: &Bar| bar.value.unwrap_or(f64::NEG_INFINITY);
            v(b).total_cmp(&v(a)).then_with(|| a.label.cmp(&b.label))
        });
        let all = self.bars.len();
        if all > n {
            self.bars.truncate(n);
            self.notes.push(format!("the {n} largest of {all} {what}"));
        }
        self
    }

    /// The picture's size: wide enough for the longest label, the bars
    /// and the longest value text, the title and the notes.
    pub fn size(&self) -> (u32, u32) {
        let (label_w, value_w) = self.columns();
        let body = label_w + GAP + BAR_SPAN + GAP + value_w;
        let title = text_width(&self.title, TITLE_PX);
        let notes = self.notes.iter().map(|n| text_width(n, NOTE_PX)).max().unwrap_or(0);
        let width = 2 * MARGIN + body.max(title).max(notes);
        let height = self.top() + ROW * self.bars.len() as i32 + MARGIN;
        (width as u32, height as u32)
    }

    /// The widths of the label and the value columns.
    fn columns(&self) -> (i32, i32) {
        let label = self
            .bars
            .iter()
            .map(|b| text_width(&b.label, LABEL_PX))
            .max()
            .unwrap_or(0);
        let value = self
            .bars
            .iter()
            .map(|b| text_width(&b.text, LABEL_PX))
            .max()
            .unwrap_or(0);
        (label, value)
    }

    /// Where the first row begins: under the title and the notes.
    fn top(&self) -> i32 {
        MARGIN + 26 + 20 * self.notes.len() as i32 + 10
    }

    /// The chart as an SVG document.
    ///
    /// # Errors
    ///
    /// What plotters reports when it cannot draw, as text.
    pub fn to_svg(&self) -> Result<String, String> {
        to_svg(std::slice::from_ref(self))
    }

    /// Draws the chart with its top at `top`.
    fn draw(&self, root: &Area<'_>, top: i32) -> Result<(), Box<dyn std::error::Error + '_>> {
        let ink = RGBColor(33, 33, 33);
        let grey = RGBColor(90, 90, 90);
        let blue = RGBColor(52, 101, 164);
        let left = |px| {
            TextStyle::from(font(px))
                .color(&ink)
                .pos(Pos::new(HPos::Left, VPos::Top))
        };
        root.draw(&Text::new(self.title.clone(), (MARGIN, top + MARGIN), left(TITLE_PX)))?;
        for (i, note) in self.notes.iter().enumerate() {
            let style = TextStyle::from(font(NOTE_PX))
                .color(&grey)
                .pos(Pos::new(HPos::Left, VPos::Top));
            root.draw(&Text::new(
                note.clone(),
                (MARGIN, top + MARGIN + 26 + 20 * i as i32),
                style,
            ))?;
        }
        let (label_w, _) = self.columns();
        let bars_left = MARGIN + label_w + GAP;
        let values = self.bars.iter().filter_map(|b| b.value);
        let max = values.clone().fold(0.0_f64, f64::max);
        let min = values.fold(0.0_f64, f64::min);
        let span = if max > min { max - min } else { 1.0 };
        let x_of = |v: f64| bars_left + ((v - min) / span * f64::from(BAR_SPAN)).round() as i32;
        let zero = x_of(0.0);
        let label = TextStyle::from(font(LABEL_PX))
            .color(&ink)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let value = TextStyle::from(font(LABEL_PX))
            .color(&ink)
            .pos(Pos::new(HPos::Left, VPos::Center));
        for (i, bar) in self.bars.iter().enumerate() {
            let y = top + self.top() + ROW * i as i32 + ROW / 2;
            root.draw(&Text::new(bar.label.clone(), (bars_left - GAP, y), label.clone()))?;
            let mut end = zero;
            if let Some(v) = bar.value {
                let x = x_of(v);
                let (a, b) = (zero.min(x), zero.max(x).max(zero.min(x) + 1));
                root.draw(&Rectangle::new(
                    [(a, y - BAR_HEIGHT / 2), (b, y + BAR_HEIGHT / 2)],
                    blue.filled(),
                ))?;
                end = b;
            }
            root.draw(&Text::new(bar.text.clone(), (end + GAP, y), value.clone()))?;
        }
        Ok(())
    }

    /// Writes the chart to `path`.
    ///
    /// # Errors
    ///
    /// `cannot write `PATH`: REASON` when the file cannot be written.
    pub fn write(&self, path: &str) -> Result<(), String> {
        write(path, std::slice::from_ref(self))
    }
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// `charts` one under another, in one SVG document, as wide as the
/// widest.
///
/// # Errors
///
/// What plotters reports when it cannot draw, as text.
pub fn to_svg(charts: &[BarChart]) -> Result<String, String> {
    let width = charts.iter().map(|c| c.size().0).max().unwrap_or(0);
    let height = charts.iter().map(|c| c.size().1).sum();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let err = |e: &dyn std::fmt::Display| format!("cannot draw the chart: {e}");
        root.fill(&WHITE).map_err(|e| err(&e))?;
        let mut top = 0;
        for chart in charts {
            chart.draw(&root, top).map_err(|e| err(&e))?;
            top += chart.size().1 as i32;
        }
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

/// Writes `charts`, one under another, to `path`.
///
/// # Errors
///
/// `cannot write `PATH`: REASON` when the file cannot be written.
pub fn write(path: &str, charts: &[BarChart]) -> Result<(), String> {
    let svg = to_svg(charts)?;
    std::fs::write(path, svg).map_err(|e| format!("cannot write `{path}`: {e}"))
}

/// What [`check_svg`] finds wrong with a chart.
#[derive(Debug, PartialEq)]
pub struct Problem(pub String);

/// Checks an SVG as the examples write it: every text of `wanted` is
/// there, and every text (by [`text_width`]) and rectangle lies inside
/// the `viewBox`.
///
/// # Errors
///
/// Each problem found.
pub fn check_svg(svg: &str, wanted: &[String]) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let attr = |tag: &str, name: &str| -> Option<f64> {
        let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        let rest = tag.get(start..)?;
        rest.get(..rest.find('"')?)?.parse().ok()
    };
    let Some(view) = svg
        .split_once("viewBox=\"")
        .and_then(|(_, r)| r.split_once('"'))
        .map(|(v, _)| v)
    else {
        return Err(vec![Problem("no viewBox".into())]);
    };
    let view: Vec<f64> = view.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    let [x0, y0, w, h] = view[..] else {
        return Err(vec![Problem(format!("viewBox {view:?}"))]);
    };
    let inside = |x: f64, y: f64| x >= x0 && y >= y0 && x <= x0 + w && y <= y0 + h;
    let mut texts = Vec::new();
    for piece in svg.split('<').skip(1) {
        let Some((tag, body)) = piece.split_once('>') else {
            continue;
        };
        if tag.starts_with("text") {
            let text = body
                .trim()
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&apos;", "'")
                .replace("&quot;", "\"");
            let (Some(x), Some(y)) = (attr(tag, "x"), attr(tag, "y")) else {
                problems.push(Problem(format!("text `{text}` has no position")));
                continue;
            };
            let px = attr(tag, "font-size").unwrap_or(16.0);
            let width = f64::from(text_width(&text, px));
            let (left, right) = if tag.contains("text-anchor=\"end\"") {
                (x - width, x)
            } else if tag.contains("text-anchor=\"middle\"") {
                (x - width / 2.0, x + width / 2.0)
            } else {
                (x, x + width)
            };
            // plotters places the text's top (`dy="0.76em"`), middle
            // (`0.5ex`) or baseline (`-0.5ex`) at `y`.
            let (top, bottom) = if tag.contains("dy=\"0.76em\"") {
                (y, y + px)
            } else if tag.contains("dy=\"0.5ex\"") {
                (y - px / 2.0, y + px / 2.0)
            } else {
                (y - px, y + px / 4.0)
            };
            if !(inside(left, top) && inside(right, bottom)) {
                problems.push(Problem(format!(
                    "text `{text}` at ({x}, {y}) reaches outside the picture"
                )));
            }
            texts.push(text);
        } else if tag.starts_with("rect") {
            let (Some(x), Some(y), Some(rw), Some(rh)) =
                (attr(tag, "x"), attr(tag, "y"), attr(tag, "width"), attr(tag, "height"))
            else {
                continue;
            };
            if !(inside(x, y) && inside(x + rw, y + rh)) {
                problems.push(Problem(format!(
                    "rectangle at ({x}, {y}) of {rw} × {rh} reaches outside the picture"
                )));
            }
        }
    }
    for text in wanted {
        if !texts.iter().any(|t| t == text) {
            problems.push(Problem(format!("text `{text}` is missing")));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
