//! The chart, drawn once against plotters' `DrawingBackend`: the canvas on
//! screen, SVG in native tests (and later for downloads). Everything here works
//! in device pixels: sizes in CSS pixels are multiplied by `scale` (the device
//! pixel ratio), so the canvas backing store can be CSS size × DPR and stay sharp.

pub mod theme;

use crate::core::axis::{date_tick_kinds, decimals_for_step, value_ticks};
use crate::core::dataset::Unit;
use crate::core::date::Date;
use crate::core::fmt::{Fmt, Plain, Tick};
use crate::core::format;
use crate::core::lang::Lang;
use crate::core::series::{Point, Series};
use crate::core::transform::decimate;
use crate::i18n::{tf, Key};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use theme::{Theme, DASHES, FONT, FONT_PX};

pub use crate::core::story::{Annotation, Marker, RefLine};

/// One line of the chart.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// The points to draw, already in the chart's mode and window.
    pub points: &'a [Point],
    /// The direct label at the line's end ("ORCL"); the value is added to it.
    pub label: String,
    /// Palette slot: colour and dash pattern.
    pub slot: usize,
    /// The story's own series: drawn thicker, on top.
    pub main: bool,
    /// Draw as steps (a value holds until the next point: valuations by round).
    pub step: bool,
}

/// How values read on the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Axis {
    /// In the series' unit ("$250", "$29.3bn").
    Value { unit: Unit, decimals: Option<u8> },
    /// Indexed, 100 = the base.
    Index,
    /// Percent change or drawdown ("+20%", "−40%").
    Change,
}

/// What to draw.
pub struct Chart<'a> {
    pub lines: Vec<Line<'a>>,
    pub axis: Axis,
    pub from: Date,
    pub to: Date,
    pub markers: &'a [Marker],
    pub refs: Vec<RefLine>,
    pub annotations: Vec<Annotation>,
    /// Caption above the value axis, e.g. "US dollars per share".
    pub caption: String,
    /// Prefix marker labels with the main line's change that day ("10 Sep: +36%").
    pub change_on_markers: bool,
    /// The main line's own series, for the change on marker days.
    pub main_series: Option<&'a Series>,
    /// Start the value axis at zero (amounts: funding, valuations, revenue).
    pub zero_based: bool,
    /// Logarithmic value axis (ignored, and reported, when a value is not positive).
    pub log: bool,
    /// The crosshair's date.
    pub cursor: Option<Date>,
    /// Dates after this one are shaded and labelled "after the article".
    pub after: Option<(Date, String)>,
    /// While playing: draw lines and events only up to this date.
    pub reveal_until: Option<Date>,
    /// Dates and numbers in the reader's language.
    pub fmt: &'a dyn Fmt,
}

/// English without the browser: the default formatter.
pub static PLAIN_EN: Plain = Plain(Lang::En);

impl<'a> Chart<'a> {
    /// A chart of one line in its own unit, nothing else: the simplest case.
    pub fn single(line: Line<'a>, unit: Unit, decimals: Option<u8>, from: Date, to: Date) -> Chart<'a> {
        Chart {
            lines: vec![line],
            axis: Axis::Value { unit, decimals },
            from,
            to,
            markers: &[],
            refs: Vec::new(),
            annotations: Vec::new(),
            caption: unit_caption(Lang::En, unit).into(),
            change_on_markers: false,
            main_series: None,
            zero_based: false,
            log: false,
            cursor: None,
            after: None,
            reveal_until: None,
            fmt: &PLAIN_EN,
        }
    }
}

/// How to draw it.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    pub theme: Theme,
    /// Leave the background unpainted (an embed on the host page's colour).
    pub transparent: bool,
}

/// Where things ended up, in device pixels, and what was drawn; lets the
/// caller map a pointer back to a date and lets tests check the picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawn {
    pub plot: (i32, i32, i32, i32),
    /// The time axis' domain in days since 1970 (left and right edges of the plot).
    pub domain: (f64, f64),
    pub points: usize,
    pub x_labels: Vec<String>,
    pub y_labels: Vec<String>,
    pub events: Vec<String>,
    /// Each marker's x, in `markers` order (`None` if outside the window).
    pub marker_x: Vec<Option<i32>>,
    pub end_labels: Vec<String>,
    /// True when a log axis was asked for but a value was not positive.
    pub log_refused: bool,
    /// Set when there was nothing to plot, with the message shown instead.
    pub message: Option<String>,
}

impl Drawn {
    /// The date under a device-pixel x, if inside the plot.
    pub fn date_at(&self, x: f64) -> Option<Date> {
        let (l, _, r, _) = self.plot;
        if r <= l || x < l as f64 - 2.0 || x > r as f64 + 2.0 {
            return None;
        }
        let f = ((x - l as f64) / (r - l) as f64).clamp(0.0, 1.0);
        Some(Date::from_days((self.domain.0 + f * (self.domain.1 - self.domain.0)).round() as i32))
    }
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
        self.0.estimate_text_size(text, &style).map(|(w, _)| w).unwrap_or_else(|_| (text.chars().count() as f64 * px * 0.6).ceil() as u32)
    }
}

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Below this size (CSS px) there is no room for a chart; nothing is drawn.
pub const MIN_CSS_SIZE: f64 = 40.0;

/// A value as the axis reads it.
pub fn axis_value(fmt: &dyn Fmt, axis: Axis, v: f64, decimals: usize) -> String {
    match axis {
        Axis::Value { unit, .. } => fmt.value(v, unit, decimals),
        Axis::Index => fmt.number(v, decimals),
        Axis::Change => fmt.change(v, decimals),
    }
}

/// What the axis caption says the numbers are.
pub fn unit_caption(lang: Lang, unit: Unit) -> &'static str {
    crate::i18n::t(
        lang,
        match unit {
            Unit::Usd => Key::UnitUsd,
            Unit::UsdPerShare => Key::UnitUsdPerShare,
            Unit::UsdM => Key::UnitUsdM,
            Unit::UsdBn => Key::UnitUsdBn,
            Unit::Usdt => Key::UnitUsdt,
            Unit::Percent => Key::UnitPercent,
            Unit::Mw => Key::UnitMw,
            Unit::UsdMPerMwYear => Key::UnitUsdMPerMwYear,
            Unit::Count => Key::UnitCount,
            Unit::Number => Key::UnitNumber,
        },
    )
}

/// Ticks for a log axis: 1, 2, 5 × 10^k inside the range, thinned to `max`.
fn log_ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    let mut out = Vec::new();
    let (a, b) = (lo.log10().floor() as i32, hi.log10().ceil() as i32);
    for k in a..=b {
        for m in [1.0, 2.0, 5.0] {
            let v = m * 10f64.powi(k);
            if v >= lo && v <= hi {
                out.push(v);
            }
        }
    }
    if out.len() > max.max(2) {
        let ones: Vec<f64> = out.iter().copied().filter(|v| (v.log10().fract()).abs() < 1e-9).collect();
        if ones.len() >= 2 {
            out = ones;
        }
        let stride = out.len().div_ceil(max.max(2));
        out = out.into_iter().step_by(stride.max(1)).collect();
    }
    out
}

pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, chart: &Chart, style: &Style, measure: &dyn TextMeasure) -> DrawResult<Drawn, DB> {
    let s = if style.scale.is_finite() && style.scale > 0.0 { style.scale } else { 1.0 };
    let t = style.theme;
    let fmt = chart.fmt;
    let (w, h) = root.dim_in_pixel();
    let mut drawn = Drawn::default();
    if (w as f64) < MIN_CSS_SIZE * s || (h as f64) < MIN_CSS_SIZE * s {
        drawn.message = Some("too small to draw".into());
        return Ok(drawn);
    }
    if !style.transparent {
        root.fill(&t.background)?;
    }
    let px = FONT_PX * s;
    let u = |css: f64| (css * s).round() as i32;
    let thin = u(1.0).max(1) as u32;
    let (w, h) = (w as i32, h as i32);

    // What is visible: each line's points in the window (and, while playing, up to the cursor).
    let until = chart.reveal_until.map_or(chart.to, |r| r.min(chart.to));
    let visible: Vec<&[Point]> = chart
        .lines
        .iter()
        .map(|l| {
            let lo = l.points.partition_point(|p| p.date < chart.from);
            let hi = l.points.partition_point(|p| p.date <= until);
            &l.points[lo..hi.max(lo)]
        })
        .collect();

    root.draw(&Text::new(bidi(fmt, &chart.caption), (u(4.0), u(6.0)), text_style(px, &t.muted).pos(Pos::new(HPos::Left, VPos::Top))))?;

    let in_window: Vec<(usize, &Marker)> = chart.markers.iter().enumerate().filter(|(_, e)| e.date >= chart.from && e.date <= until).collect();
    let label_rows = in_window.len().min(MAX_LABEL_ROWS);
    let top = u(28.0 + (LABEL_ROW_CSS * label_rows as f64 + 6.0) * (label_rows > 0) as u8 as f64);
    let bottom = h - u(26.0);
    let all_values = || visible.iter().flat_map(|v| v.iter().map(|p| p.value));
    if all_values().next().is_none() {
        let msg = tf(fmt.lang(), Key::NoDataBetween, &[&fmt.long(chart.from), &fmt.long(chart.to)]);
        root.draw(&Text::new(bidi(fmt, &msg), (w / 2, (top + bottom) / 2), text_style(px, &t.text).pos(Pos::new(HPos::Center, VPos::Center))))?;
        drawn.message = Some(msg);
        drawn.marker_x = vec![None; chart.markers.len()];
        return Ok(drawn);
    }

    // Value axis.
    let plot_h = (bottom - top).max(1);
    let max_y = ((plot_h as f64 / (36.0 * s)).floor() as usize).clamp(2, 8);
    let refs = chart.refs.iter().map(|r| r.value);
    let zero = chart.zero_based.then_some(0.0);
    let use_log = chart.log && all_values().chain(refs.clone()).all(|v| v > 0.0);
    drawn.log_refused = chart.log && !use_log;
    let (lo, hi, ticks, dec) = if use_log {
        let (mut lo, mut hi) = all_values().chain(refs).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
        let pad = (hi / lo).powf(0.05).max(1.02);
        lo /= pad;
        hi *= pad;
        let ticks = log_ticks(lo, hi, max_y);
        let dec = ticks.iter().map(|v| decimals_for_step(*v)).max().unwrap_or(0);
        (lo, hi, ticks, dec)
    } else {
        let Some(yt) = value_ticks(all_values().chain(refs).chain(zero), max_y) else {
            return Ok(drawn);
        };
        let dec = decimals_for_step(yt.step);
        (yt.lo, yt.hi, yt.ticks, dec)
    };
    let y_labels: Vec<String> = ticks.iter().map(|v| axis_value(fmt, chart.axis, *v, dec)).collect();
    let label_w = y_labels.iter().map(|l| measure.width(l, px)).max().unwrap_or(0) as i32;
    let left = label_w + u(10.0);

    // Direct labels at the lines' ends, in the right margin.
    let value_decimals = |v: f64| match chart.axis {
        Axis::Value { unit, decimals } => format::auto_decimals(v, unit, decimals),
        _ => {
            if v.abs() >= 100.0 {
                0
            } else {
                1
            }
        }
    };
    let ends: Vec<Option<(Point, String)>> = chart
        .lines
        .iter()
        .zip(&visible)
        .map(|(l, v)| {
            v.last().map(|p| {
                let value = axis_value(fmt, chart.axis, p.value, value_decimals(p.value));
                let text = if chart.lines.len() > 1 { format!("{} {value}", l.label) } else { value };
                (*p, text)
            })
        })
        .collect();
    let end_w = ends.iter().flatten().map(|(_, t)| measure.width(t, px)).max().unwrap_or(0) as i32;
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
    drawn.domain = (x0, x1);
    let sx = move |d: Date| left + ((d.days() as f64 - x0) / (x1 - x0) * (right - left) as f64).round() as i32;
    let (ly0, ly1) = if use_log { (lo.ln(), hi.ln()) } else { (lo, hi) };
    let sy = move |v: f64| {
        let v = if use_log { v.max(f64::MIN_POSITIVE).ln() } else { v };
        bottom - ((v - ly0) / (ly1 - ly0) * plot_h as f64).round() as i32
    };

    // After the article: a light shade with a label.
    if let Some((after, label)) = &chart.after {
        if *after < chart.to {
            let a = sx((*after).max(chart.from)).max(left);
            root.draw(&Rectangle::new([(a, top), (right, bottom)], t.after.filled()))?;
            let lw = measure.width(label, px) as i32;
            if right - a > lw + u(8.0) {
                root.draw(&Text::new(bidi(fmt, &label), (right - u(4.0), bottom - u(4.0)), text_style(px, &t.muted).pos(Pos::new(HPos::Right, VPos::Bottom))))?;
            }
        }
    }

    // Horizontal gridlines and value labels.
    for (v, label) in ticks.iter().zip(&y_labels) {
        let y = sy(*v);
        root.draw(&PathElement::new(vec![(left, y), (right, y)], t.grid.stroke_width(thin)))?;
        root.draw(&Text::new(bidi(fmt, &label), (left - u(6.0), y), text_style(px, &t.muted).pos(Pos::new(HPos::Right, VPos::Center))))?;
    }

    // Date labels: as many as fit without touching.
    // Measured on the widest labels a step can produce in this language.
    let sample = |m: u32, t: Tick| fmt.tick(Date::from_ymd(2025, m, 28).unwrap_or(chart.from), t);
    let widest = (1..=12).map(|m| measure.width(&sample(m, Tick::MonthYear), px).max(measure.width(&sample(m, Tick::DayMonth), px))).max().unwrap_or(0) as f64;
    let max_x = (((right - left) as f64 / (widest + 12.0 * s)).floor() as usize).max(1);
    let (_, kinds) = date_tick_kinds(chart.from, chart.to, max_x);
    let xt: Vec<(Date, String)> = kinds.into_iter().map(|(d, k)| (d, fmt.tick(d, k))).collect();
    root.draw(&PathElement::new(vec![(left, bottom), (right, bottom)], t.muted.stroke_width(thin)))?;
    for (d, label) in &xt {
        let x = sx(*d);
        root.draw(&PathElement::new(vec![(x, bottom), (x, bottom + u(4.0))], t.muted.stroke_width(thin)))?;
        let half = measure.width(label, px) as i32 / 2;
        let lx = x.clamp(half + 1, w - half - 1);
        root.draw(&Text::new(bidi(fmt, &label), (lx, bottom + u(7.0)), text_style(px, &t.muted).pos(Pos::new(HPos::Center, VPos::Top))))?;
    }

    // Reference lines.
    for r in &chart.refs {
        let y = sy(r.value);
        root.draw(&DashedPathElement::new(vec![(left, y), (right, y)], u(2.0), u(3.0), t.muted.stroke_width(thin)))?;
        root.draw(&Text::new(bidi(fmt, &r.label), (left + u(4.0), y - u(3.0)), text_style(px, &t.muted).pos(Pos::new(HPos::Left, VPos::Bottom))))?;
    }

    // Event markers: lines, and labels placed without overlaps.
    let change_at = |d: Date| {
        chart.change_on_markers.then(|| chart.main_series.and_then(|s| s.change_on(d))).flatten().filter(|c| c.abs() >= 0.5).map(|c| fmt.change(c, 0))
    };
    let candidates: Vec<(i32, Vec<(String, i32)>)> = in_window
        .iter()
        .map(|(_, e)| {
            let day = fmt.tick(e.date, Tick::DayMonth);
            let short = match change_at(e.date) {
                Some(c) => format!("{day}: {c}"),
                None => day,
            };
            let sep = if fmt.lang() == Lang::Ar { "، " } else { ", " };
            let long = format!("{short}{sep}{}", e.label);
            let texts = [long, short].into_iter().map(|t| {
                let w = measure.width(&t, px) as i32;
                (t, w)
            });
            (sx(e.date), texts.collect())
        })
        .collect();
    drawn.marker_x = vec![None; chart.markers.len()];
    for ((i, _), (x, _)) in in_window.iter().zip(&candidates) {
        drawn.marker_x[*i] = Some(*x);
        root.draw(&DashedPathElement::new(vec![(*x, top), (*x, bottom)], u(4.0), u(3.0), t.marker.stroke_width(thin)))?;
    }
    for label in place_labels(&candidates, label_rows, (0, w), u(5.0), u(8.0)).into_iter().flatten() {
        // Clear of the top value label, which is centred on the top gridline.
        let y = top - u(8.0) - label.row as i32 * u(LABEL_ROW_CSS);
        let hpos = if label.left_of_line { HPos::Right } else { HPos::Left };
        root.draw(&Text::new(bidi(fmt, &label.text), (label.x, y), text_style(px, &t.text).pos(Pos::new(hpos, VPos::Bottom))))?;
        drawn.events.push(label.text);
    }

    // The lines: comparisons first, the main series on top.
    let columns = ((right - left).max(1) as usize).max(1);
    let mut order: Vec<usize> = (0..chart.lines.len()).collect();
    order.sort_by_key(|i| chart.lines[*i].main);
    for i in order {
        let (line, pts) = (&chart.lines[i], visible[i]);
        let colour = t.palette[line.slot % t.palette.len()];
        let width = if line.main { u(2.5) } else { u(1.5) }.max(1) as u32;
        let pts = decimate(pts, columns);
        drawn.points += visible[i].len();
        let mut path: Vec<(i32, i32)> = Vec::with_capacity(pts.len() * 2);
        for (k, p) in pts.iter().enumerate() {
            if line.step && k > 0 {
                path.push((sx(p.date), sy(pts[k - 1].value)));
            }
            path.push((sx(p.date), sy(p.value)));
        }
        if line.step {
            if let Some(p) = pts.last() {
                path.push((sx(until.max(p.date)), sy(p.value)));
            }
        }
        if path.len() > 1 {
            match DASHES[line.slot % DASHES.len()] {
                Some((dash, gap)) if !line.main => {
                    root.draw(&DashedPathElement::new(path, u(dash), u(gap), colour.stroke_width(width)))?;
                }
                _ => root.draw(&PathElement::new(path, colour.stroke_width(width)))?,
            }
        }
        if pts.len() <= 40 {
            for p in &pts {
                root.draw(&Circle::new((sx(p.date), sy(p.value)), u(if line.main { 3.5 } else { 2.5 }), colour.filled()))?;
            }
        }
    }

    // Marker dots on the main line.
    if let Some(main) = chart.lines.iter().position(|l| l.main) {
        for (_, e) in &in_window {
            if let Some(p) = visible[main].iter().find(|p| p.date == e.date) {
                root.draw(&Circle::new((sx(p.date), sy(p.value)), u(3.5), t.marker.filled()))?;
            }
        }
    }

    // Annotations: a ring, and a label where it collides with nothing drawn
    // as text so far (above, below, right, left); none if it fits nowhere.
    let mut taken: Vec<(i32, i32, i32, i32)> = chart
        .refs
        .iter()
        .map(|r| {
            let y = sy(r.value);
            (left + u(4.0), y - u(3.0) - u(14.0), left + u(4.0) + measure.width(&r.label, px) as i32, y - u(3.0))
        })
        .collect();
    for a in chart.annotations.iter().filter(|a| a.date >= chart.from && a.date <= until) {
        let (x, y) = (sx(a.date), sy(a.value));
        root.draw(&Circle::new((x, y), u(5.0), t.text.stroke_width(thin)))?;
        let (lw, lh) = (measure.width(&a.label, px) as i32, u(14.0));
        let spots = [(x - lw / 2, y - u(9.0) - lh), (x - lw / 2, y + u(9.0)), (x + u(9.0), y - lh / 2), (x - u(9.0) - lw, y - lh / 2)];
        let free = spots
            .into_iter()
            .map(|(lx, ly)| (lx, ly, lx + lw, ly + lh))
            .find(|r| r.0 >= left && r.2 <= right && r.1 >= top && r.3 <= bottom && taken.iter().all(|o| r.2 <= o.0 || r.0 >= o.2 || r.3 <= o.1 || r.1 >= o.3));
        if let Some(r) = free {
            taken.push(r);
            root.draw(&Text::new(bidi(fmt, &a.label), (r.0, r.1), text_style(px, &t.text).pos(Pos::new(HPos::Left, VPos::Top))))?;
        }
    }

    // Direct labels at the ends, pushed apart vertically so they never overlap.
    let mut labels: Vec<(i32, i32, usize, String)> =
        ends.iter().enumerate().filter_map(|(i, e)| e.as_ref().map(|(p, text)| (sy(p.value), sx(p.date), i, text.clone()))).collect();
    labels.sort_by_key(|l| l.0);
    let gap = u(14.0);
    for k in 1..labels.len() {
        if labels[k].0 < labels[k - 1].0 + gap {
            labels[k].0 = labels[k - 1].0 + gap;
        }
    }
    if let Some(last) = labels.last() {
        let over = last.0 - (bottom - u(4.0));
        if over > 0 {
            for l in labels.iter_mut() {
                l.0 -= over;
            }
        }
    }
    for (y, x, i, text) in labels {
        let line = &chart.lines[i];
        let colour = t.palette[line.slot % t.palette.len()];
        if let Some((p, _)) = &ends[i] {
            root.draw(&Circle::new((x, sy(p.value)), u(3.0), colour.filled()))?;
        }
        root.draw(&Text::new(bidi(fmt, &text), (right + u(7.0), y), text_style(px, &colour).pos(Pos::new(HPos::Left, VPos::Center))))?;
        drawn.end_labels.push(text);
    }

    // The crosshair.
    if let Some(c) = chart.cursor.filter(|c| *c >= chart.from && *c <= chart.to) {
        let x = sx(c);
        root.draw(&PathElement::new(vec![(x, top), (x, bottom)], t.text.stroke_width(thin)))?;
        for (line, pts) in chart.lines.iter().zip(&visible) {
            let k = pts.partition_point(|p| p.date <= c);
            if k > 0 {
                let p = pts[k - 1];
                let colour = t.palette[line.slot % t.palette.len()];
                root.draw(&Circle::new((sx(p.date), sy(p.value)), u(4.5), colour.filled()))?;
                root.draw(&Circle::new((sx(p.date), sy(p.value)), u(4.5), t.background.stroke_width(thin)))?;
            }
        }
    }

    drawn.plot = (left, top, right, bottom);
    drawn.x_labels = xt.into_iter().map(|(_, l)| l).collect();
    drawn.y_labels = y_labels;
    root.present()?;
    Ok(drawn)
}

/// The canvas stays left to right (time runs left to right in both
/// languages, and plotters' "start"/"end" alignment must not flip), so Arabic
/// labels are wrapped in a right-to-left isolate (U+2067 … U+2069): "300 دولار"
/// then reads in the right order whatever the canvas's direction.
pub fn bidi(fmt: &dyn Fmt, s: &str) -> String {
    if fmt.lang() == Lang::Ar {
        format!("\u{2067}{s}\u{2069}")
    } else {
        s.to_string()
    }
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
}
