//! The chart, drawn once against plotters' `DrawingBackend`: the canvas on
//! screen, SVG in native tests (and later for downloads). Everything here works
//! in device pixels: sizes in CSS pixels are multiplied by `scale` (the device
//! pixel ratio), so the canvas backing store can be CSS size × DPR and stay sharp.

pub mod theme;

use crate::core::axis::{date_ticks, decimals_for_step, value_ticks};
use crate::core::dataset::Unit;
use crate::core::date::Date;
use crate::core::format;
use crate::core::series::Series;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use theme::{Theme, FONT, FONT_PX};

/// A dated event drawn on the chart: a dashed line and a short label.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub date: Date,
    pub label: String,
}

/// What to draw: one series over a date window, with its events.
pub struct LineChart<'a> {
    pub series: &'a Series,
    pub unit: Unit,
    /// Display decimals the dataset declares for the series.
    pub decimals: Option<u8>,
    pub from: Date,
    pub to: Date,
    pub markers: &'a [Marker],
    /// Caption above the value axis, e.g. "US dollars per share".
    pub unit_caption: &'a str,
    /// Prefix marker labels with the day's change ("10 Sep: +36%"), for prices.
    pub change_on_markers: bool,
    /// Start the value axis at zero (amounts: funding, valuations, revenue).
    pub zero_based: bool,
}

/// How to draw it.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    pub theme: Theme,
}

/// Where the plot area ended up, in device pixels, and what was drawn; lets the
/// caller map a pointer back to a date and lets tests check the picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    pub plot: (i32, i32, i32, i32),
    pub points: usize,
    pub x_labels: Vec<String>,
    pub y_labels: Vec<String>,
    pub events: Vec<String>,
    /// Set when there was nothing to plot, with the message shown instead.
    pub message: Option<String>,
}

/// Measures text as it will be drawn. On a canvas this is the context's own
/// `measureText` (exact, and no DOM reflow, unlike plotters' default which
/// lays out a `<span>` per call); natively it is plotters' font metrics.
pub trait TextMeasure {
    /// Width in device pixels of `text` at `px` device pixels.
    fn width(&self, text: &str, px: f64) -> u32;
}

/// Measures with the drawing area's backend (plotters' own font metrics).
pub struct BackendMeasure<'a, DB: DrawingBackend>(pub &'a DrawingArea<DB, Shift>);

impl<DB: DrawingBackend> TextMeasure for BackendMeasure<'_, DB> {
    fn width(&self, text: &str, px: f64) -> u32 {
        let style = TextStyle::from((FONT, px).into_font());
        self.0
            .estimate_text_size(text, &style)
            .map(|(w, _)| w)
            .unwrap_or_else(|_| (text.chars().count() as f64 * px * 0.6).ceil() as u32)
    }
}

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Below this size (CSS px) there is no room for a chart; nothing is drawn.
pub const MIN_CSS_SIZE: f64 = 40.0;

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &LineChart,
    style: &Style,
    measure: &dyn TextMeasure,
) -> DrawResult<Drawn, DB> {
    let s = if style.scale.is_finite() && style.scale > 0.0 { style.scale } else { 1.0 };
    let t = style.theme;
    let (w, h) = root.dim_in_pixel();
    let mut drawn = Drawn::default();
    if (w as f64) < MIN_CSS_SIZE * s || (h as f64) < MIN_CSS_SIZE * s {
        drawn.message = Some("too small to draw".into());
        return Ok(drawn);
    }
    root.fill(&t.background)?;
    let px = FONT_PX * s;
    let u = |css: f64| (css * s).round() as i32;

    let points = chart.series.between(chart.from, chart.to);
    let (w, h) = (w as i32, h as i32);

    // Caption above the value axis.
    root.draw(&Text::new(chart.unit_caption.to_string(), (u(4.0), u(6.0)), text_style(px, &t.muted).pos(Pos::new(HPos::Left, VPos::Top))))?;

    let in_window: Vec<&Marker> = chart.markers.iter().filter(|e| e.date >= chart.from && e.date <= chart.to).collect();
    // Rows above the plot: the unit caption, then up to three rows of event labels.
    let label_rows = in_window.len().min(MAX_LABEL_ROWS);
    let top = u(28.0 + (LABEL_ROW_CSS * label_rows as f64 + 6.0) * (label_rows > 0) as u8 as f64);
    let bottom = h - u(26.0);
    if points.is_empty() {
        let msg = format!("No data between {} and {}", chart.from.long(), chart.to.long());
        root.draw(&Text::new(msg.clone(), (w / 2, (top + bottom) / 2), text_style(px, &t.text).pos(Pos::new(HPos::Center, VPos::Center))))?;
        drawn.message = Some(msg);
        return Ok(drawn);
    }

    // Value axis: as many ticks as fit one per 36 CSS px.
    let plot_h = (bottom - top).max(1);
    let max_y = ((plot_h as f64 / (36.0 * s)).floor() as usize).clamp(2, 8);
    let zero = chart.zero_based.then_some(0.0);
    let Some(yt) = value_ticks(points.iter().map(|p| p.value).chain(zero), max_y) else {
        return Ok(drawn);
    };
    let dec = decimals_for_step(yt.step);
    let y_labels: Vec<String> = yt.ticks.iter().map(|v| format::value(*v, chart.unit, dec)).collect();
    let label_w = y_labels.iter().map(|l| measure.width(l, px)).max().unwrap_or(0) as i32;
    let left = label_w + u(10.0);
    // The last value is labelled in the right margin, beside the line's end.
    let last = points[points.len() - 1];
    let end_label = format::value(last.value, chart.unit, format::auto_decimals(last.value, chart.unit, chart.decimals));
    let end_w = measure.width(&end_label, px) as i32;
    let right = w - end_w - u(12.0);
    if right - left < u(20.0) {
        drawn.message = Some("too small to draw".into());
        return Ok(drawn);
    }

    // Time axis. A one-day window gets a day either side so the point is centred.
    let (x0, x1) = if chart.from < chart.to {
        (chart.from.days() as f64, chart.to.days() as f64)
    } else {
        (chart.from.days() as f64 - 1.0, chart.from.days() as f64 + 1.0)
    };
    let sx = move |d: Date| left + ((d.days() as f64 - x0) / (x1 - x0) * (right - left) as f64).round() as i32;
    let sy = move |v: f64| bottom - ((v - yt.lo) / (yt.hi - yt.lo) * plot_h as f64).round() as i32;

    // Horizontal gridlines and value labels.
    for (v, label) in yt.ticks.iter().zip(&y_labels) {
        let y = sy(*v);
        root.draw(&PathElement::new(vec![(left, y), (right, y)], t.grid.stroke_width(u(1.0).max(1) as u32)))?;
        root.draw(&Text::new(label.clone(), (left - u(6.0), y), text_style(px, &t.muted).pos(Pos::new(HPos::Right, VPos::Center))))?;
    }

    // Date labels: as many as fit without touching, measured on the widest
    // label a step can produce ("May 2025" for months, "28 Sep" for days).
    let widest = measure.width("May 2025", px).max(measure.width("28 Sep", px)) as f64;
    let max_x = (((right - left) as f64 / (widest + 12.0 * s)).floor() as usize).max(1);
    let (_, ticks) = date_ticks(chart.from, chart.to, max_x);
    root.draw(&PathElement::new(vec![(left, bottom), (right, bottom)], t.muted.stroke_width(u(1.0).max(1) as u32)))?;
    for (d, label) in &ticks {
        let x = sx(*d);
        root.draw(&PathElement::new(vec![(x, bottom), (x, bottom + u(4.0))], t.muted.stroke_width(u(1.0).max(1) as u32)))?;
        // Keep end labels inside the canvas.
        let half = measure.width(label, px) as i32 / 2;
        let lx = x.clamp(half + 1, w - half - 1);
        root.draw(&Text::new(label.clone(), (lx, bottom + u(7.0)), text_style(px, &t.muted).pos(Pos::new(HPos::Center, VPos::Top))))?;
    }

    // Events in the window: a dashed vertical line, a dot on the series and a
    // label at the top of the plot, on whichever side has room.
    // Each label gets the first row where it fits, on either side of its line,
    // long form first ("10 Sep: +36%, $300bn OpenAI deal reported"), then the
    // short one ("10 Sep: +36%"); a label that fits nowhere is left out (the
    // line stays, and the list under the chart says what it is).
    let candidates: Vec<(i32, Vec<(String, i32)>)> = in_window
        .iter()
        .map(|e| {
            let change = chart.change_on_markers.then(|| chart.series.change_on(e.date)).flatten().filter(|c| c.abs() >= 0.5).map(format_change);
            let short = match &change {
                Some(c) => format!("{}: {c}", e.date.day_month()),
                None => e.date.day_month(),
            };
            let long = format!("{short}, {}", e.label);
            let texts = [long, short].into_iter().map(|t| {
                let w = measure.width(&t, px) as i32;
                (t, w)
            });
            (sx(e.date), texts.collect())
        })
        .collect();
    let placed = place_labels(&candidates, label_rows, (0, w), u(5.0), u(8.0));
    for (e, (x, _)) in in_window.iter().zip(&candidates) {
        root.draw(&DashedPathElement::new(vec![(*x, top), (*x, bottom)], u(4.0), u(3.0), t.marker.stroke_width(u(1.0).max(1) as u32)))?;
        if let Some(p) = chart.series.index_of(e.date).map(|i| chart.series.points[i]) {
            root.draw(&Circle::new((*x, sy(p.value)), u(3.5), t.marker.filled()))?;
        }
    }
    for label in placed.into_iter().flatten() {
        // Clear of the top value label, which is centred on the top gridline.
        let y = top - u(8.0) - label.row as i32 * u(LABEL_ROW_CSS);
        let hpos = if label.left_of_line { HPos::Right } else { HPos::Left };
        root.draw(&Text::new(label.text.clone(), (label.x, y), text_style(px, &t.text).pos(Pos::new(hpos, VPos::Bottom))))?;
        drawn.events.push(label.text);
    }

    // The series itself, and a dot with its value at the window's last point.
    let stroke = t.line.stroke_width(u(2.0).max(1) as u32);
    if points.len() > 1 {
        root.draw(&PathElement::new(points.iter().map(|p| (sx(p.date), sy(p.value))).collect::<Vec<_>>(), stroke))?;
    }
    // Sparse series (rounds, annual totals, quoted prices): every point shows.
    if points.len() <= 40 {
        for p in points {
            root.draw(&Circle::new((sx(p.date), sy(p.value)), u(3.5), t.line.filled()))?;
        }
    }
    let (lx, ly) = (sx(last.date), sy(last.value));
    root.draw(&Circle::new((lx, ly), u(3.5), t.line.filled()))?;
    root.draw(&Text::new(end_label, (lx + u(7.0), ly), text_style(px, &t.line).pos(Pos::new(HPos::Left, VPos::Center))))?;

    drawn.plot = (left, top, right, bottom);
    drawn.points = points.len();
    drawn.x_labels = ticks.into_iter().map(|(_, l)| l).collect();
    drawn.y_labels = y_labels;
    root.present()?;
    Ok(drawn)
}

fn text_style(px: f64, c: &RGBColor) -> TextStyle<'_> {
    TextStyle::from((FONT, px).into_font()).color(c)
}

const MAX_LABEL_ROWS: usize = 3;
const LABEL_ROW_CSS: f64 = 15.0;

/// Where an event label goes.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    pub row: usize,
    /// The anchor: the label's left edge, or its right edge when left of its line.
    pub x: i32,
    pub left_of_line: bool,
    pub text: String,
}

/// Places labels without overlaps: for each item (its line's x and its
/// candidate texts with widths, preferred first), the first row and side where
/// the text fits inside `bounds` and clear of the labels already in that row
/// (`gap` apart); `None` when nothing fits.
pub fn place_labels(items: &[(i32, Vec<(String, i32)>)], rows: usize, bounds: (i32, i32), offset: i32, gap: i32) -> Vec<Option<PlacedLabel>> {
    let mut taken: Vec<Vec<(i32, i32)>> = vec![Vec::new(); rows];
    items
        .iter()
        .map(|(x, texts)| {
            for (text, w) in texts {
                for (row, spans) in taken.iter_mut().enumerate() {
                    for left_of_line in [false, true] {
                        let (a, b) = if left_of_line { (x - offset - w, x - offset) } else { (x + offset, x + offset + w) };
                        let inside = a >= bounds.0 && b <= bounds.1;
                        let clear = spans.iter().all(|(c, d)| b + gap <= *c || a >= d + gap);
                        if inside && clear {
                            spans.push((a, b));
                            let anchor = if left_of_line { b } else { a };
                            return Some(PlacedLabel { row, x: anchor, left_of_line, text: text.clone() });
                        }
                    }
                }
            }
            None
        })
        .collect()
}

/// `+36%`, `−4%` (a true minus sign), `0%`.
pub fn format_change(pct: f64) -> String {
    let r = pct.round();
    if r > 0.0 {
        format!("+{r:.0}%")
    } else if r < 0.0 {
        format!("−{:.0}%", -r)
    } else {
        "0%".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_take_the_first_free_row_and_never_overlap() {
        let item = |x: i32, w: i32| (x, vec![(format!("long{x}"), w), (format!("s{x}"), w / 4)]);
        let placed = place_labels(&[item(100, 200), item(150, 200), item(160, 200), item(170, 200)], 2, (0, 600), 5, 8);
        let p: Vec<_> = placed.iter().map(|p| p.as_ref().map(|p| (p.row, p.text.clone()))).collect();
        assert_eq!(p[0], Some((0, "long100".into())));
        assert_eq!(p[1], Some((1, "long150".into())), "the next row when the first is taken");
        // Both rows are taken around x=160: the short text, left of its line, fits nowhere either
        // (row 0 holds 105..305, row 1 holds 155..355), so the third label is dropped or shortened.
        for (i, a) in placed.iter().enumerate() {
            for b in placed.iter().skip(i + 1) {
                if let (Some(a), Some(b)) = (a, b) {
                    if a.row == b.row {
                        let span = |l: &PlacedLabel, w: i32| if l.left_of_line { (l.x - w, l.x) } else { (l.x, l.x + w) };
                        let wa = if a.text.starts_with("long") { 200 } else { 50 };
                        let wb = if b.text.starts_with("long") { 200 } else { 50 };
                        let (sa, sb) = (span(a, wa), span(b, wb));
                        assert!(sa.1 <= sb.0 || sb.1 <= sa.0, "{a:?} overlaps {b:?}");
                    }
                }
            }
        }
        // Near the right edge a label goes left of its line.
        let edge = place_labels(&[item(590, 200)], 1, (0, 600), 5, 8);
        assert!(edge[0].as_ref().unwrap().left_of_line);
    }

    #[test]
    fn changes_read_like_the_press() {
        assert_eq!(format_change(35.95), "+36%");
        assert_eq!(format_change(-23.1), "−23%");
        assert_eq!(format_change(0.2), "0%");
    }
}
