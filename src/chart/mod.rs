//! The chart, drawn once against plotters' `DrawingBackend`: the canvas on
//! screen, SVG for downloads, the page's first picture and native tests. Everything here works
//! in device pixels: sizes in CSS pixels are multiplied by `scale` (the device
//! pixel ratio), so the canvas backing store can be CSS size × DPR and stay sharp.

#[cfg(not(target_arch = "wasm32"))]
pub mod metrics;
#[cfg(not(target_arch = "wasm32"))]
pub mod preview;
pub mod record;
pub mod theme;

use crate::core::axis::{date_tick_kinds, decimals_for_step, value_ticks};
use crate::core::dataset::{ChartKind, Dataset, Frequency, Kind, Mode, Unit};
use crate::core::date::Date;
use crate::core::fmt::{Fmt, Plain, Tick};
use crate::core::format;
use crate::core::lang::Lang;
use crate::core::order;
use crate::core::series::Blocks;
use crate::core::series::{Point, Series};
use crate::core::story::Marks;
use crate::core::transform::{decimate, decimate_with};
use crate::core::view::View;
use crate::i18n::{t, tf, Key};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use theme::{Theme, FONT, FONT_PX};

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
    /// A line, bars (amounts per period, side by side when compared) or steps
    /// (a value holds until the next point: valuations by round, a dot and a label each).
    pub kind: ChartKind,
    /// How often the series comes: a bar spans its period (a year's total, the year).
    pub frequency: Frequency,
    /// The series' [`Blocks`] and the position in it of `points[0]`, when the points
    /// are (an order-keeping map of) the series' own: thinning then reads per column.
    pub blocks: Option<(&'a Blocks, usize)>,
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
    /// Prefix marker labels with the main line's change that day ("10 Sept: +36%").
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

/// The chart of a view as the reader sees it: its lines (tickers as they are,
/// names in the reader's language), the axis and caption of its mode, the
/// marks of the story, the crosshair and the article's date. Used by the
/// canvas, the SVG download and the native tests alike.
pub fn for_view<'a>(ds: &'a Dataset, v: &'a View, marks: &'a Marks, fmt: &'a dyn Fmt, log: bool, cursor: Option<Date>, playing: bool) -> Chart<'a> {
    let lang = fmt.lang();
    let lines: Vec<Line> = v
        .lines
        .iter()
        .map(|x| Line {
            points: &x.points,
            label: if x.short == x.id { x.short.clone() } else { x.name.get(lang).to_string() },
            slot: x.slot,
            main: x.main,
            kind: x.kind,
            frequency: x.frequency,
            blocks: (v.mode != Mode::Drawdown).then_some((&*x.blocks, x.offset)),
        })
        .collect();
    let main = v.lines.iter().find(|x| x.main);
    let main_def = main.and_then(|m| ds.series(&m.id));
    let unit = main.map_or(Unit::Number, |m| m.unit);
    Chart {
        lines,
        axis: match v.mode {
            Mode::Absolute => Axis::Value { unit, decimals: main.and_then(|m| m.decimals) },
            Mode::Indexed => Axis::Index,
            Mode::Percent | Mode::Drawdown => Axis::Change,
        },
        from: v.from,
        to: v.to,
        markers: &marks.markers,
        refs: marks.refs.clone(),
        annotations: marks.annotations.clone(),
        caption: match v.mode {
            Mode::Absolute => unit_caption(lang, unit).to_string(),
            Mode::Indexed => t(lang, Key::CaptionIndexed).into(),
            Mode::Percent => t(lang, Key::CaptionPercent).into(),
            Mode::Drawdown => t(lang, Key::CaptionDrawdown).into(),
        },
        change_on_markers: main_def.is_some_and(|s| s.kind == Kind::Price && s.frequency == Frequency::Daily),
        main_series: main_def.map(|s| &s.series),
        zero_based: v.mode == Mode::Absolute && main_def.is_some_and(|s| matches!(s.kind, Kind::Funding | Kind::Valuation | Kind::Revenue)),
        // A log scale that cannot apply (percent, drawdown, bars) is not drawn.
        log: log && v.log_blocked().is_none(),
        cursor,
        after: ds.article_cutoff().map(|d| (d, t(lang, Key::AfterArticle).to_string())),
        reveal_until: if playing { cursor } else { None },
        fmt,
    }
}

/// A story's step drawn natively to SVG as the reader first sees it (guided),
/// in a language, at a size: for the preview cards and the native tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn step_svg(ds: &Dataset, story: &str, step: usize, lang: Lang, size: (u32, u32)) -> Option<(String, Drawn)> {
    step_svg_in(ds, story, step, lang, size, theme::LIGHT)
}

/// [`step_svg`] in a theme (the page's first picture comes light and dark).
#[cfg(not(target_arch = "wasm32"))]
pub fn step_svg_in(ds: &Dataset, story: &str, step: usize, lang: Lang, size: (u32, u32), theme: Theme) -> Option<(String, Drawn)> {
    use crate::core::{story as reg, view as v};
    let st = ds.story(story)?;
    let def = st.steps.get(step)?;
    let spec = reg::step_spec(ds, st, def);
    let order = v::slots(ds, story, &spec.main, &spec.compare, theme::LIGHT.palette.len());
    let built = v::build(ds, &spec.main, &spec.compare, spec.window.0, spec.window.1, spec.mode, &|id| v::slot_of(&order, id));
    let figs = reg::figures(ds, def).ok()?;
    let fmt = Plain(lang);
    let marks = reg::marks(ds, &built, Some((def, &figs)), true, &fmt);
    let chart = for_view(ds, &built, &marks, &fmt, spec.log, spec.cursor, false);
    svg(size, &chart, &Style { scale: 1.0, theme, transparent: false }, &FontMeasure::default()).ok()
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
    /// Each reference line's y (the pre-deal close, 100), in `refs` order.
    pub ref_y: Vec<i32>,
    /// Each marker's x, in `markers` order (`None` if outside the window).
    pub marker_x: Vec<Option<i32>>,
    pub end_labels: Vec<String>,
    /// True when a log axis was asked for but a value was not positive.
    pub log_refused: bool,
    /// Set when there was nothing to plot, with the message shown instead.
    pub message: Option<String>,
    /// Every text drawn, as (left, top, right, bottom) in device pixels, with its text: no two may overlap.
    pub boxes: Vec<(Rect, String)>,
    /// Labels that did not fit, drawn as numbered markers: (number, marker index or `None` for an
    /// annotation, the text). The list under the chart carries the same numbers.
    pub numbered: Vec<(usize, Option<usize>, String)>,
    /// Each bar: (line index, left, right, top of the bar or its value end, the zero baseline's y).
    pub bars: Vec<(usize, i32, i32, i32, i32)>,
    /// The zero baseline's y, when bars are drawn.
    pub baseline: Option<i32>,
}

impl Drawn {
    /// The date under a device-pixel x, if inside the plot.
    pub fn date_at(&self, x: f64) -> Option<Date> {
        let (l, _, r, _) = self.plot;
        if r <= l || x < l as f64 - 2.0 || x > r as f64 + 2.0 {
            return None;
        }
        let f = ((x - l as f64) / (r - l) as f64).clamp(0.0, 1.0);
        Some(Date::from_t(self.domain.0 + f * (self.domain.1 - self.domain.0)))
    }
}

/// Measures text as it will be drawn. On a canvas this is the context's own
/// `measureText` (exact, and no DOM reflow, unlike plotters' default which
/// lays out a `<span>` per call); natively it is plotters' font metrics.
pub trait TextMeasure {
    /// Width in device pixels of `text` at `px` device pixels.
    fn width(&self, text: &str, px: f64) -> u32;
}

#[cfg(not(target_arch = "wasm32"))]
pub use metrics::FontMeasure;

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Below this size (CSS px) there is no room for a chart; nothing is drawn.
pub const MIN_CSS_SIZE: f64 = 40.0;

/// A value as the axis reads it.
pub fn axis_value(fmt: &dyn Fmt, axis: Axis, v: f64, decimals: usize) -> String {
    match axis {
        // In Arabic the unit is words ("مليار دولار"): the caption above the axis says it once.
        Axis::Value { .. } if fmt.lang() == Lang::Ar => fmt.number(v, decimals),
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
    // Within what a float holds (1e-324 to 1e308), however the bounds came.
    let (a, b) = (lo.log10().floor().max(-330.0) as i32, hi.log10().ceil().min(310.0) as i32);
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

/// The chart drawn on a recorder of `size` pixels: what was drawn, and the
/// recording to replay on a backend (the canvas replays it piece by piece).
pub fn recorded(size: (u32, u32), chart: &Chart, style: &Style, measure: &dyn TextMeasure) -> Result<(Drawn, record::Recording), String> {
    record::record(size, |r| paint(r, chart, style, measure)).map_err(|e| format!("{e:?}"))
}

/// plotters' SVG backend writes a text's `font-size` as its size / 1.24 (made
/// for its own rough metrics); the chart lays its text out for the size it asks
/// for, so an SVG gets the sizes times this.
const SVG_TEXT: f64 = 1.24;

/// The chart drawn to SVG (a download, the page's first picture, a preview
/// card, a test), its text at the sizes it was laid out for.
pub fn svg(size: (u32, u32), chart: &Chart, style: &Style, measure: &dyn TextMeasure) -> Result<(String, Drawn), String> {
    let (drawn, mut recording) = recorded(size, chart, style, measure)?;
    recording.scale_text(SVG_TEXT);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        root.draw(&recording).map_err(|e| format!("{e:?}"))?;
        root.present().map_err(|e| format!("{e:?}"))?;
    }
    Ok((merge_polylines(&out), drawn))
}

/// The SVG with each run of opaque polylines in one stroke (a dashed line's
/// dashes, written by plotters one element each) as one `<path>` of several
/// pieces: the same picture from a fraction of the elements (the overview's
/// first picture: about a thousand polylines).
pub fn merge_polylines(svg: &str) -> String {
    const OPEN: &str = "<polyline fill=\"none\" opacity=\"1\" ";
    // A polyline's attributes but its points, and its points.
    let split = |line: &str| -> Option<(String, String)> {
        let rest = line.strip_prefix(OPEN)?.strip_suffix("\"/>")?;
        let (attrs, points) = rest.split_once(" points=\"")?;
        let d: Vec<String> = points.split_whitespace().filter_map(|xy| xy.split_once(',')).map(|(x, y)| format!("{x} {y}")).collect();
        (!d.is_empty() && !points.contains('"')).then(|| (attrs.to_string(), format!("M{}", d.join("L"))))
    };
    let mut out = String::with_capacity(svg.len());
    let mut run: Vec<(String, String, &str)> = Vec::new();
    let flush = |run: &mut Vec<(String, String, &str)>, out: &mut String| {
        match run.len() {
            0 => {}
            1 => {
                out.push_str(run[0].2);
                out.push('\n');
            }
            _ => {
                let d: String = run.iter().map(|r| r.1.as_str()).collect();
                out.push_str(&format!("<path fill=\"none\" opacity=\"1\" {} d=\"{d}\"/>\n", run[0].0));
            }
        }
        run.clear();
    };
    for line in svg.lines() {
        match split(line) {
            Some((attrs, d)) => {
                if run.last().is_some_and(|r| r.0 != attrs) {
                    flush(&mut run, &mut out);
                }
                run.push((attrs, d, line));
            }
            None => {
                flush(&mut run, &mut out);
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

fn paint(root: &DrawingArea<record::Recorder, Shift>, chart: &Chart, style: &Style, measure: &dyn TextMeasure) -> DrawResult<Drawn, record::Recorder> {
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
    // The height of a line of chart text.
    let th = (px * 1.2).round() as i32;
    let u = |css: f64| (css * s).round() as i32;
    let thin = u(1.0).max(1) as u32;
    let (w, h) = (w as i32, h as i32);

    // What is visible: each line's points in the window (and, while playing, up to the cursor).
    let until = chart.reveal_until.map_or(chart.to, |r| r.min(chart.to));
    let (visible, skipped): (Vec<&[Point]>, Vec<usize>) = chart
        .lines
        .iter()
        .map(|l| {
            let lo = l.points.partition_point(|p| p.date < chart.from);
            let hi = l.points.partition_point(|p| p.date <= until);
            (&l.points[lo..hi.max(lo)], lo)
        })
        .unzip();
    // Each line thinned once to at most two points per canvas column (its lowest and highest: every
    // extreme kept), which the axes and the lines then read: a big window costs per pixel, not per point.
    let thinned: Vec<Vec<Point>> = chart
        .lines
        .iter()
        .zip(visible.iter().zip(&skipped))
        .map(|(l, (v, lo))| match l.kind {
            ChartKind::Bars => Vec::new(),
            _ => decimate_with(v, w.max(1) as usize, l.blocks.map(|(b, offset)| (b, offset + lo))),
        })
        .collect();
    let shown = |i: usize| -> &[Point] {
        if chart.lines[i].kind == ChartKind::Bars {
            visible[i]
        } else {
            &thinned[i]
        }
    };

    root.draw(&Text::new(bidi(fmt, &chart.caption), (u(4.0), u(6.0)), text_style(px, &t.muted).pos(Pos::new(HPos::Left, VPos::Top))))?;
    drawn.boxes.push(((u(4.0), u(6.0), u(4.0) + measure.width(&chart.caption, px) as i32, u(6.0) + th), chart.caption.clone()));

    let in_window: Vec<(usize, &Marker)> = chart.markers.iter().enumerate().filter(|(_, e)| e.date >= chart.from && e.date <= until).collect();
    // Events of one day share a line and a label ("3 Nov: +4%, IREN–Microsoft, $9.7bn; Cipher–AWS, $5.5bn").
    let mut days: Vec<(Date, Vec<usize>)> = Vec::new();
    for (k, (_, e)) in in_window.iter().enumerate() {
        match days.iter_mut().find(|(d, _)| *d == e.date) {
            Some((_, ks)) => ks.push(k),
            None => days.push((e.date, vec![k])),
        }
    }
    let label_rows = days.len().min(MAX_LABEL_ROWS);
    let top = u(28.0 + (LABEL_ROW_CSS * label_rows as f64 + 6.0) * (label_rows > 0) as u8 as f64);
    let bottom = h - u(26.0);
    let all_values = || (0..chart.lines.len()).flat_map(|i| shown(i).iter().map(|p| p.value));
    // Nothing to plot: the reason, in the plot's middle, instead of a chart.
    let say_instead = |mut drawn: Drawn, msg: String| -> DrawResult<Drawn, record::Recorder> {
        root.draw(&Text::new(bidi(fmt, &msg), (w / 2, (top + bottom) / 2), text_style(px, &t.text).pos(Pos::new(HPos::Center, VPos::Center))))?;
        drawn.message = Some(msg);
        drawn.marker_x = vec![None; chart.markers.len()];
        Ok(drawn)
    };
    if all_values().next().is_none() {
        return say_instead(drawn, tf(fmt.lang(), Key::NoDataBetween, &[&fmt.long(chart.from), &fmt.long(chart.to)]));
    }

    // Value axis.
    let plot_h = (bottom - top).max(1);
    let max_y = ((plot_h as f64 / (36.0 * s)).floor() as usize).clamp(2, 8);
    let refs = chart.refs.iter().map(|r| r.value);
    // Bars: each point of a bar series stands for its period (a year's total spans the year).
    let bar_lines: Vec<usize> = chart.lines.iter().enumerate().filter(|(_, l)| l.kind == ChartKind::Bars).map(|(i, _)| i).collect();
    let periods: Vec<Vec<(f64, f64)>> = chart
        .lines
        .iter()
        .zip(&visible)
        .map(|(l, v)| if l.kind == ChartKind::Bars { v.iter().map(|p| bar_period(p.date, l.frequency)).collect() } else { Vec::new() })
        .collect();
    // Amounts and bars stand on zero, always shown.
    let zero = (chart.zero_based || !bar_lines.is_empty()).then_some(0.0);
    let use_log = chart.log && bar_lines.is_empty() && all_values().chain(refs.clone()).all(|v| v > 0.0);
    drawn.log_refused = chart.log && !use_log;
    let scaled = if use_log {
        let (mut lo, mut hi) = all_values().chain(refs).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
        let pad = (hi / lo).powf(0.05).max(1.02);
        lo /= pad;
        hi *= pad;
        let ticks = log_ticks(lo, hi, max_y);
        let dec = ticks.iter().map(|v| decimals_for_step(*v)).max().unwrap_or(0);
        (lo > 0.0 && hi.is_finite() && ticks.len() >= 2).then_some((lo, hi, ticks, dec))
    } else {
        value_ticks(all_values().chain(refs).chain(zero), max_y).map(|yt| (yt.lo, yt.hi, yt.ticks, decimals_for_step(yt.step)))
    };
    let Some((lo, hi, ticks, dec)) = scaled else {
        // Values a float cannot span on one axis (a stranger's ±1e308): said, not drawn wrong.
        return say_instead(drawn, crate::i18n::t(fmt.lang(), Key::TooFarApart).to_string());
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
    // Where a name must be cut, what tells the lines apart goes first: the words all the names share
    // ("venture funding") are left out before any letter is.
    let distinct = distinct_names(&chart.lines.iter().map(|l| l.label.as_str()).collect::<Vec<_>>());
    let ends: Vec<Option<(Point, String)>> = chart
        .lines
        .iter()
        .zip(&visible)
        .enumerate()
        .map(|(i, (l, v))| {
            v.last().map(|p| {
                let value = axis_value(fmt, chart.axis, p.value, value_decimals(p.value));
                // Names are shortened (…) so the labels never take more than a third of the chart; on a
                // phone, where a third leaves little room for a name beside the value, up to two fifths
                // while the plot keeps half the width.
                let room = ((w - left) / 3).max(((w - left) * 2 / 5).min(w / 2 - left - u(12.0)));
                let text = if chart.lines.len() > 1 { end_label(&l.label, &distinct[i], &value, room, &|t: &str| measure.width(t, px) as i32) } else { value };
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
    let (mut x0, mut x1) = if chart.from < chart.to { (chart.from.t(), chart.to.t()) } else { (chart.from.t() - 1.0, chart.from.t() + 1.0) };
    for (a, b) in periods.iter().flatten() {
        x0 = x0.min(*a);
        x1 = x1.max(*b);
    }
    drawn.domain = (x0, x1);
    let sxf = move |days: f64| (left as f64 + ((days - x0) / (x1 - x0) * (right - left) as f64).round()).clamp(-1e6, 1e6) as i32;
    let sx = move |d: Date| sxf(d.t());
    let (ly0, ly1) = if use_log { (lo.ln(), hi.ln()) } else { (lo, hi) };
    let sy = move |v: f64| {
        let v = if use_log { v.max(f64::MIN_POSITIVE).ln() } else { v };
        // Kept within reach of the plot: a value a mode took past what a float holds (±inf) draws at the edge.
        (bottom as f64 - ((v - ly0) / (ly1 - ly0) * plot_h as f64).round()).clamp(-1e6, 1e6) as i32
    };

    // After the article: a light shade with a label.
    if let Some((after, label)) = &chart.after {
        if *after < chart.to {
            let a = sx((*after).max(chart.from)).max(left);
            root.draw(&Rectangle::new([(a, top), (right, bottom)], t.after.filled()))?;
            let lw = measure.width(label, px) as i32;
            if right - a > lw + u(8.0) {
                root.draw(&Text::new(bidi(fmt, label), (right - u(4.0), bottom - u(4.0)), text_style(px, &t.muted).pos(Pos::new(HPos::Right, VPos::Bottom))))?;
                drawn.boxes.push(((right - u(4.0) - lw, bottom - u(4.0) - th, right - u(4.0), bottom - u(4.0)), label.clone()));
            }
        }
    }

    // Horizontal gridlines and value labels.
    for (v, label) in ticks.iter().zip(&y_labels) {
        let y = sy(*v);
        root.draw(&PathElement::new(vec![(left, y), (right, y)], t.grid.stroke_width(thin)))?;
        root.draw(&Text::new(bidi(fmt, label), (left - u(6.0), y), text_style(px, &t.muted).pos(Pos::new(HPos::Right, VPos::Center))))?;
        drawn.boxes.push(((left - u(6.0) - measure.width(label, px) as i32, y - th / 2, left - u(6.0), y + th / 2), label.clone()));
    }

    // Date labels: as many as fit without touching.
    // Measured on the widest labels a step can produce in this language.
    let sample = |m: u32, t: Tick| fmt.tick(Date::from_ymd(2025, m, 28).unwrap_or(chart.from), t);
    let widest = (1..=12).map(|m| measure.width(&sample(m, Tick::MonthYear), px).max(measure.width(&sample(m, Tick::DayMonth), px))).max().unwrap_or(0) as f64;
    let max_x = (((right - left) as f64 / (widest + 12.0 * s)).floor() as usize).max(1);
    let (_, mut kinds) = date_tick_kinds(chart.from, chart.to, max_x);
    // That estimate can leave a narrow chart one tick (an Arabic phone: six-month steps fall on January,
    // before the window, and July): then a finer step is taken if its own labels, measured, fit apart.
    let mut more = max_x;
    while kinds.len() < 2 && more < max_x + 4 {
        more += 1;
        let (_, finer) = date_tick_kinds(chart.from, chart.to, more);
        if finer.len() <= kinds.len() {
            continue;
        }
        let spans: Vec<(i32, i32)> = finer
            .iter()
            .map(|(d, k)| {
                let half = measure.width(&fmt.tick(*d, *k), px) as i32 / 2;
                let x = clamp_in(sx(*d), half + 1, w - half - 1);
                (x - half, x + half)
            })
            .collect();
        if spans.windows(2).all(|p| p[0].1 + u(12.0) <= p[1].0) {
            kinds = finer;
            break;
        }
    }
    // Years of yearly bars are labelled under their bars; everything else gets date ticks.
    let yearly =
        !bar_lines.is_empty() && chart.lines.iter().zip(&visible).all(|(l, v)| v.is_empty() || (l.kind == ChartKind::Bars && l.frequency == Frequency::Annual));
    let xt: Vec<(i32, String)> = if yearly {
        let mut years: Vec<(f64, f64)> = periods.iter().flatten().copied().collect();
        order::sort_by_key(&mut years, |y| order::f64_key(y.0));
        years.dedup_by(|a, b| (a.0 - b.0).abs() < 1.0);
        years.into_iter().map(|(a, b)| (sxf((a + b) / 2.0), fmt.tick(Date::from_days(a.round() as i32), Tick::Year))).collect()
    } else {
        kinds.into_iter().map(|(d, k)| (sx(d), fmt.tick(d, k))).collect()
    };
    root.draw(&PathElement::new(vec![(left, bottom), (right, bottom)], t.muted.stroke_width(thin)))?;
    for (x, label) in &xt {
        let x = *x;
        root.draw(&PathElement::new(vec![(x, bottom), (x, bottom + u(4.0))], t.muted.stroke_width(thin)))?;
        let half = measure.width(label, px) as i32 / 2;
        let lx = clamp_in(x, half + 1, w - half - 1);
        root.draw(&Text::new(bidi(fmt, label), (lx, bottom + u(7.0)), text_style(px, &t.muted).pos(Pos::new(HPos::Center, VPos::Top))))?;
        drawn.boxes.push(((lx - half, bottom + u(7.0), lx + half, bottom + u(7.0) + th), label.clone()));
    }

    // Reference lines (their labels go on once the lines are drawn, clear of them).
    for r in &chart.refs {
        let y = sy(r.value);
        root.draw(&DashedPathElement::new(vec![(left, y), (right, y)], u(2.0), u(3.0), t.muted.stroke_width(thin)))?;
        drawn.ref_y.push(y);
    }

    // Event markers: lines, and labels placed without overlaps.
    let change_at = |d: Date| {
        chart.change_on_markers.then(|| chart.main_series.and_then(|s| s.change_on(d))).flatten().filter(|c| c.abs() >= 0.5).map(|c| fmt.change(c, 0))
    };
    let sep = if fmt.lang() == Lang::Ar { "، " } else { ", " };
    let short_of = |d: Date| {
        let day = fmt.tick(d, Tick::DayMonth);
        match change_at(d) {
            Some(c) => format!("{day}: {c}"),
            None => day,
        }
    };
    let candidates: Vec<(i32, Vec<(String, i32)>)> = days
        .iter()
        .map(|(d, ks)| {
            let short = short_of(*d);
            let names: Vec<&str> = ks.iter().map(|k| in_window[*k].1.label.as_str()).collect();
            let long = format!("{short}{sep}{}", names.join(fmt.lang().semicolon()));
            let texts = [long, short].into_iter().map(|t| {
                let w = measure.width(&t, px) as i32;
                (t, w)
            });
            (sx(*d), texts.collect())
        })
        .collect();
    drawn.marker_x = vec![None; chart.markers.len()];
    for ((_, ks), (x, _)) in days.iter().zip(&candidates) {
        for k in ks {
            drawn.marker_x[in_window[*k].0] = Some(*x);
        }
        root.draw(&DashedPathElement::new(vec![(*x, top), (*x, bottom)], u(4.0), u(3.0), t.marker.stroke_width(thin)))?;
    }
    // What fits nowhere becomes a numbered marker, one for each event of the day; the list under the
    // chart has the same numbers.
    let mut badges: Vec<(i32, i32, usize)> = Vec::new();
    for (g, placed) in place_labels(&candidates, label_rows, (0, w), u(5.0), u(8.0)).into_iter().enumerate() {
        let Some(label) = placed else {
            for k in &days[g].1 {
                let n = drawn.numbered.len() + 1;
                let (i, e) = in_window[*k];
                drawn.numbered.push((n, Some(i), format!("{}{sep}{}", short_of(e.date), e.label)));
                badges.push((candidates[g].0, top + u(11.0), n));
            }
            continue;
        };
        // Clear of the top value label, which is centred on the top gridline.
        let y = top - u(8.0) - label.row as i32 * u(LABEL_ROW_CSS);
        let hpos = if label.left_of_line { HPos::Right } else { HPos::Left };
        root.draw(&Text::new(bidi(fmt, &label.text), (label.x, y), text_style(px, &t.text).pos(Pos::new(hpos, VPos::Bottom))))?;
        let lw = measure.width(&label.text, px) as i32;
        let x0 = if label.left_of_line { label.x - lw } else { label.x };
        drawn.boxes.push(((x0, y - th, x0 + lw, y), label.text.clone()));
        drawn.events.push(label.text);
    }

    // Bars, behind the lines: the points of each period side by side (only the series that have
    // one there), on the zero baseline, each labelled with its value where the label fits.
    let colour_of = |l: &Line| theme::line_style(&t, l.slot, l.main).0;
    let mut bar_tops: Vec<(usize, Date, f64, i32, i32)> = Vec::new();
    if !bar_lines.is_empty() {
        // Each period (its span in days) with the bars in it: (line, point).
        type Group = ((f64, f64), Vec<(usize, Point)>);
        let mut groups: Vec<Group> = Vec::new();
        for &i in &bar_lines {
            for (p, span) in visible[i].iter().zip(&periods[i]) {
                match groups.iter_mut().find(|(g, _)| (g.0 - span.0).abs() < 0.5 && (g.1 - span.1).abs() < 0.5) {
                    Some((_, members)) => members.push((i, *p)),
                    None => groups.push((*span, vec![(i, *p)])),
                }
            }
        }
        // Bars for a day or a round (no period of their own) are as wide as the closest two allow.
        let mut centres: Vec<i32> = groups.iter().map(|((a, b), _)| sxf((a + b) / 2.0)).collect();
        order::sort_by_key(&mut centres, |c| *c as i64);
        centres.dedup();
        let closest = centres.windows(2).map(|w| w[1] - w[0]).min().unwrap_or((right - left) / 4).max(u(4.0));
        let zero_y = sy(0.0);
        let gap = u(2.0).max(1);
        // Each bar: (its period's width, line, point, left, right, top).
        let mut rects: Vec<(i32, usize, Point, i32, i32, i32)> = Vec::new();
        for ((a, b), members) in &groups {
            let span = if b - a >= 2.0 { sxf(*b) - sxf(*a) } else { closest };
            let n = members.len() as i32;
            let group = ((span as f64 * 0.8) as i32).min(u(64.0) * n).max(n * (gap + 1));
            let bw = group / n;
            let centre = sxf((a + b) / 2.0);
            for (k, (i, p)) in members.iter().enumerate() {
                let bx0 = (centre - group / 2 + k as i32 * bw + gap / 2).max(left);
                let bx1 = (bx0 + bw - gap).max(bx0 + 1).min(right);
                rects.push((span, *i, *p, bx0, bx1, sy(p.value)));
            }
        }
        // Periods of different lengths (a year's total, a quarter's) overlap: the longer stand behind, and a
        // shorter one in front of a bar is cut out of it by a gap in the page's colour.
        order::sort_by_key(&mut rects, |r| -(r.0 as i64));
        let bar_rect = |r: &(i32, usize, Point, i32, i32, i32)| (r.3, r.5.min(zero_y), r.4, r.5.max(zero_y));
        for (k, r) in rects.iter().enumerate() {
            let (x0, y0, x1, y1) = bar_rect(r);
            if rects[..k].iter().any(|o| overlaps(bar_rect(o), (x0, y0, x1, y1))) {
                root.draw(&Rectangle::new([(x0 - gap, y0 - gap), (x1 + gap, y1)], t.background.filled()))?;
            }
            root.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour_of(&chart.lines[r.1]).filled()))?;
            drawn.bars.push((r.1, r.3, r.4, r.5, zero_y));
            bar_tops.push((r.1, r.2.date, r.2.value, (r.3 + r.4) / 2, r.5));
        }
        // Each bar's value above it, where it fits clear of every text and every other bar.
        for (k, &(_, _, p, bx0, bx1, y)) in rects.iter().enumerate() {
            let text = axis_value(fmt, chart.axis, p.value, value_decimals(p.value));
            let tw = measure.width(&text, px) as i32;
            let (ly0, ly1) = if p.value >= 0.0 { (y - u(3.0) - th, y - u(3.0)) } else { (y + u(3.0), y + u(3.0) + th) };
            let r = ((bx0 + bx1) / 2 - tw / 2, ly0, (bx0 + bx1) / 2 + tw / 2, ly1);
            let fits = tw <= bx1 - bx0 + 2 * gap
                && r.1 >= top
                && r.3 <= bottom
                && drawn.boxes.iter().all(|(o, _)| !overlaps(r, *o))
                && rects.iter().enumerate().all(|(j, o)| j == k || !overlaps(r, bar_rect(o)));
            if fits {
                root.draw(&Text::new(bidi(fmt, &text), (r.0, r.1), text_style(px, &t.text).pos(Pos::new(HPos::Left, VPos::Top))))?;
                drawn.boxes.push((r, text));
            }
        }
        root.draw(&PathElement::new(vec![(left, zero_y), (right, zero_y)], t.text.stroke_width(thin)))?;
        drawn.baseline = Some(zero_y);
    }

    // The lines: comparisons first, the main series on top.
    let columns = ((right - left).max(1) as usize).max(1);
    let mut order: Vec<usize> = (0..chart.lines.len()).filter(|i| chart.lines[*i].kind != ChartKind::Bars).collect();
    order::sort_by_key(&mut order, |i| chart.lines[*i].main as i64);
    let mut paths: Vec<Vec<(i32, i32)>> = Vec::new();
    for &i in &order {
        let line = &chart.lines[i];
        let colour = colour_of(line);
        let step = line.kind == ChartKind::Steps;
        let dots = line.kind == ChartKind::Dots;
        let pts = decimate(&thinned[i], columns);
        let width = if line.main { u(2.5) } else { u(1.5) }.max(1) as u32;
        // More points than pixels: the line is a band of each column's lowest to highest value.
        let dense = visible[i].len() > pts.len();
        drawn.points += visible[i].len();
        if dots {
            // Only the points: what lies between two quotes is not known. Each is an obstacle to labels.
            for p in &pts {
                let (x, y) = (sx(p.date), sy(p.value));
                root.draw(&Circle::new((x, y), u(3.5), colour.filled()))?;
                paths.push(vec![(x, y), (x, y)]);
            }
            continue;
        }
        let mut path: Vec<(i32, i32)> = Vec::with_capacity(pts.len() * 2);
        for (k, p) in pts.iter().enumerate() {
            if step && k > 0 {
                path.push((sx(p.date), sy(pts[k - 1].value)));
            }
            path.push((sx(p.date), sy(p.value)));
        }
        if step {
            if let Some(p) = pts.last() {
                path.push((sx(until.max(p.date)), sy(p.value)));
            }
        }
        if path.len() > 1 {
            match theme::line_style(&t, line.slot, line.main).1 {
                // Filled as that band (the line's width added), not stroked as a zig-zag through it:
                // the same picture, and the canvas fills it several times faster than it strokes it.
                None if dense && !step => root.draw(&Polygon::new(band(&path, width as i32), colour.filled()))?,
                Some((dash, gap)) => {
                    root.draw(&DashedPathElement::new(path.clone(), u(dash), u(gap), colour.stroke_width(width)))?;
                }
                None => root.draw(&PathElement::new(path.clone(), colour.stroke_width(width)))?,
            }
        }
        paths.push(path);
        if pts.len() <= 40 || step {
            for p in &pts {
                root.draw(&Circle::new((sx(p.date), sy(p.value)), u(if line.main { 3.5 } else { 2.5 }), colour.filled()))?;
            }
        }
    }
    drawn.points += bar_lines.iter().map(|i| visible[*i].len()).sum::<usize>();
    // The events' lines too: a label beside a ring on an event's day goes beside the line, not through it.
    // And the reference lines: a ring's label is not struck through by the pre-deal close.
    paths.extend(drawn.marker_x.iter().flatten().map(|x| vec![(*x, top), (*x, bottom)]));
    paths.extend(drawn.ref_y.iter().map(|y| vec![(left, *y), (right, *y)]));
    let crosses_a_line = |r: Rect| paths.iter().any(|p| p.windows(2).any(|s| segment_hits(s[0], s[1], r)));

    // Marker dots on the main line.
    if let Some(main) = chart.lines.iter().position(|l| l.main && l.kind != ChartKind::Bars) {
        for (_, e) in &in_window {
            if let Some(p) = visible[main].iter().find(|p| p.date == e.date) {
                root.draw(&Circle::new((sx(p.date), sy(p.value)), u(3.5), t.marker.filled()))?;
            }
        }
    }

    // A label where it collides with no text drawn so far, crosses no line and stands on no bar, inside the plot.
    let bar_rects: Vec<Rect> = drawn.bars.iter().map(|b| (b.1, b.3.min(b.4), b.2, b.3.max(b.4))).collect();
    let free_spot = |spots: &[(i32, i32)], lw: i32, boxes: &[(Rect, String)]| {
        spots.iter().map(|(lx, ly)| (*lx, *ly, lx + lw, ly + th)).find(|r| {
            r.0 >= left
                && r.2 <= right
                && r.1 >= top
                && r.3 <= bottom
                && boxes.iter().all(|(o, _)| !overlaps(*r, *o))
                && !crosses_a_line(*r)
                && !bar_rects.iter().any(|b| overlaps(*r, *b))
        })
    };

    // Reference labels: above their line at the left, else at the right, else below; else a number.
    for r in &chart.refs {
        let y = sy(r.value);
        let lw = measure.width(&r.label, px) as i32;
        let spots = [(left + u(4.0), y - u(3.0) - th), (right - u(4.0) - lw, y - u(3.0) - th), (left + u(4.0), y + u(3.0)), (right - u(4.0) - lw, y + u(3.0))];
        match free_spot(&spots, lw, &drawn.boxes) {
            Some(b) => {
                root.draw(&Text::new(bidi(fmt, &r.label), (b.0, b.1), text_style(px, &t.muted).pos(Pos::new(HPos::Left, VPos::Top))))?;
                drawn.boxes.push((b, r.label.clone()));
            }
            None if r.baseline => {}
            None => {
                let n = drawn.numbered.len() + 1;
                drawn.numbered.push((n, None, r.label.clone()));
                badges.push((left + u(12.0), y, n));
            }
        }
    }

    // Annotations: a ring, and a label beside it; what fits nowhere becomes a numbered marker.
    for a in chart.annotations.iter().filter(|a| a.date >= chart.from && a.date <= until) {
        // On a bar, the ring sits on the bar's top.
        let (x, y) = bar_tops.iter().find(|b| b.1 == a.date && b.2 == a.value).map_or((sx(a.date), sy(a.value)), |b| (b.3, b.4));
        root.draw(&Circle::new((x, y), u(5.0), t.text.stroke_width(thin)))?;
        let lw = measure.width(&a.label, px) as i32;
        let spots = [
            (x - lw / 2, y - u(9.0) - th),
            (x - lw / 2, y + u(9.0)),
            (x + u(9.0), y - th / 2),
            (x - u(9.0) - lw, y - th / 2),
            (x + u(7.0), y - u(7.0) - th),
            (x - u(7.0) - lw, y - u(7.0) - th),
            (x + u(7.0), y + u(7.0)),
            (x - u(7.0) - lw, y + u(7.0)),
            // Above the value written over a bar, and (near an edge) slid inside the plot.
            (x - lw / 2, y - u(12.0) - 2 * th),
            (x + u(9.0) - lw, y - u(12.0) - 2 * th),
            (x - u(9.0), y - u(12.0) - 2 * th),
            (clamp_in(x - lw / 2, left, right - lw), y - u(9.0) - th),
            (clamp_in(x - lw / 2, left, right - lw), y - u(12.0) - 2 * th),
        ];
        match free_spot(&spots, lw, &drawn.boxes) {
            Some(r) => {
                root.draw(&Text::new(bidi(fmt, &a.label), (r.0, r.1), text_style(px, &t.text).pos(Pos::new(HPos::Left, VPos::Top))))?;
                drawn.boxes.push((r, a.label.clone()));
            }
            None => {
                let n = drawn.numbered.len() + 1;
                drawn.numbered.push((n, None, a.label.clone()));
                badges.push((x + u(10.0), y - u(10.0), n));
            }
        }
    }

    // Steps: a dot and the value at each round, where the label fits.
    for &i in &order {
        let line = &chart.lines[i];
        if line.kind != ChartKind::Steps {
            continue;
        }
        for p in visible[i] {
            if chart.annotations.iter().any(|a| a.date == p.date && a.value == p.value) {
                continue;
            }
            let (x, y) = (sx(p.date), sy(p.value));
            let text = axis_value(fmt, chart.axis, p.value, value_decimals(p.value));
            let lw = measure.width(&text, px) as i32;
            let spots = [(x - lw - u(5.0), y - u(5.0) - th), (x + u(5.0), y - u(5.0) - th), (x - lw - u(5.0), y + u(5.0)), (x + u(5.0), y + u(5.0))];
            if let Some(r) = free_spot(&spots, lw, &drawn.boxes) {
                root.draw(&Text::new(bidi(fmt, &text), (r.0, r.1), text_style(px, &colour_of(line)).pos(Pos::new(HPos::Left, VPos::Top))))?;
                drawn.boxes.push((r, text));
            }
        }
    }

    // Numbered markers: a filled disc with its number, clear of every label.
    for (x, y, n) in &badges {
        let r = u(9.0);
        let d = 2 * r + u(2.0);
        let tries = [(0, 0), (0, d), (d, 0), (-d, 0), (0, -d), (0, 2 * d), (d, d), (-d, d), (2 * d, 0), (-2 * d, 0), (0, 3 * d)];
        let at = |(dx, dy): (i32, i32)| (clamp_in(*x + dx, left + r, right - r), clamp_in(*y + dy, top + r, bottom - r));
        let (x, y) =
            tries.iter().map(|o| at(*o)).find(|(x, y)| drawn.boxes.iter().all(|(o, _)| !overlaps((x - r, y - r, x + r, y + r), *o))).unwrap_or(at((0, 0)));
        root.draw(&Circle::new((x, y), r, t.marker.filled()))?;
        let label = n.to_string();
        root.draw(&Text::new(label.clone(), (x, y), text_style(px, &t.background).pos(Pos::new(HPos::Center, VPos::Center))))?;
        drawn.boxes.push(((x - r, y - r, x + r, y + r), format!("#{label}")));
    }

    // Direct labels at the ends, pushed apart vertically so they never overlap.
    let mut labels: Vec<(i32, i32, usize, String)> =
        ends.iter().enumerate().filter_map(|(i, e)| e.as_ref().map(|(p, text)| (sy(p.value), sx(p.date), i, text.clone()))).collect();
    order::sort_by_key(&mut labels, |l| l.0 as i64);
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
        let colour = colour_of(line);
        if let (Some((p, _)), false) = (&ends[i], line.kind == ChartKind::Bars) {
            root.draw(&Circle::new((x, sy(p.value)), u(3.0), colour.filled()))?;
        }
        root.draw(&Text::new(bidi(fmt, &text), (right + u(7.0), y), text_style(px, &colour).pos(Pos::new(HPos::Left, VPos::Center))))?;
        let tw = measure.width(&text, px) as i32;
        drawn.boxes.push(((right + u(7.0), y - th / 2, right + u(7.0) + tw, y + th / 2), text.clone()));
        drawn.end_labels.push(text);
    }

    // The crosshair.
    if let Some(c) = chart.cursor.filter(|c| *c >= chart.from && *c <= chart.to) {
        let x = sx(c);
        root.draw(&PathElement::new(vec![(x, top), (x, bottom)], t.text.stroke_width(thin)))?;
        for (line, pts) in chart.lines.iter().zip(&visible).filter(|(l, _)| l.kind != ChartKind::Bars) {
            let k = pts.partition_point(|p| p.date <= c);
            if k > 0 {
                let p = pts[k - 1];
                let colour = colour_of(line);
                root.draw(&Circle::new((sx(p.date), sy(p.value)), u(4.5), colour.filled()))?;
                root.draw(&Circle::new((sx(p.date), sy(p.value)), u(4.5), t.background.stroke_width(thin)))?;
            }
        }
    }

    drawn.plot = (left, top, right, bottom);
    drawn.x_labels = xt.into_iter().map(|(_, l)| l).collect();
    drawn.y_labels = y_labels;
    Ok(drawn)
}

/// The names without the words every one of them holds ("AI venture funding
/// (Dealroom)" and "Crypto venture funding (Galaxy)" become "AI (Dealroom)" and
/// "Crypto (Galaxy)"); a name that would be left empty stays whole.
pub fn distinct_names(names: &[&str]) -> Vec<String> {
    let word = |w: &str| w.trim_end_matches([',', '،', ':', ';']).to_string();
    let shared: Vec<String> = match names.split_first() {
        Some((first, rest)) if !rest.is_empty() => {
            first.split_whitespace().map(word).filter(|w| rest.iter().all(|n| n.split_whitespace().any(|x| word(x) == *w))).collect()
        }
        _ => Vec::new(),
    };
    names
        .iter()
        .map(|n| {
            let kept: Vec<&str> = n.split_whitespace().filter(|w| !shared.contains(&word(w))).collect();
            if kept.is_empty() {
                n.to_string()
            } else {
                kept.join(" ")
            }
        })
        .collect()
}

/// A line's end label, "name value", within `room`: the whole name, else the
/// name without the words every line's name shares (`distinct`), else what its
/// brackets hold (the tracker or ticker the step's words name: "Dealroom"), and
/// only then a name cut short with "…".
pub fn end_label(name: &str, distinct: &str, value: &str, room: i32, width: &dyn Fn(&str) -> i32) -> String {
    let tag = bracketed(distinct);
    [Some(name), Some(distinct), tag]
        .into_iter()
        .flatten()
        .map(|n| format!("{n} {value}"))
        .find(|t| width(t) <= room)
        .unwrap_or_else(|| shorten(tag.unwrap_or(distinct), value, room, width))
}

/// What a name's closing brackets hold: "Dealroom" in "AI (Dealroom)".
fn bracketed(name: &str) -> Option<&str> {
    let inner = name.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    Some(inner[open + 1..].trim()).filter(|t| !t.is_empty())
}

/// "name value", the name cut short with "…" until the whole fits `room`
/// (the value is never cut; with no room for any of the name, the value alone).
pub fn shorten(name: &str, value: &str, room: i32, width: &dyn Fn(&str) -> i32) -> String {
    let full = format!("{name} {value}");
    if width(&full) <= room {
        return full;
    }
    let chars: Vec<char> = name.chars().collect();
    for n in (1..chars.len()).rev() {
        let t = format!("{}… {value}", chars[..n].iter().collect::<String>().trim_end());
        if width(&t) <= room {
            return t;
        }
    }
    value.to_string()
}

/// `v` kept between `lo` and `hi`; the middle when there is no room between them
/// (a chart narrower than a label: `clamp` would panic).
fn clamp_in(v: i32, lo: i32, hi: i32) -> i32 {
    if lo <= hi {
        v.clamp(lo, hi)
    } else {
        (lo + hi) / 2
    }
}

/// A box on the chart: (left, top, right, bottom) in device pixels.
pub type Rect = (i32, i32, i32, i32);

/// Whether two boxes share any pixel.
pub fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The outline of a dense line's band: per pixel column, from its highest to its
/// lowest point, reaching halfway to the next column's where the line jumps
/// between them (so the band stays joined, as the stroke through them was), and
/// widened by the line's `width`; along the top from the left, back along the
/// bottom. `path` is the line's points on screen, in column order.
fn band(path: &[(i32, i32)], width: i32) -> Vec<(i32, i32)> {
    let (half, rest) = (width / 2, width - width / 2);
    let mut columns: Vec<(i32, i32, i32)> = Vec::new();
    for &(x, y) in path {
        match columns.last_mut() {
            Some((cx, top, bottom)) if *cx == x => {
                *top = (*top).min(y);
                *bottom = (*bottom).max(y);
            }
            _ => columns.push((x, y, y)),
        }
    }
    let spans: Vec<(i32, i32)> = columns.iter().map(|&(_, t, b)| (t, b)).collect();
    for (k, pair) in spans.windows(2).enumerate() {
        let ((t0, b0), (t1, b1)) = (pair[0], pair[1]);
        if t1 > b0 {
            // The next column lies wholly below this one (screen y grows downward).
            let mid = (b0 + t1) / 2;
            columns[k].2 = columns[k].2.max(mid);
            columns[k + 1].1 = columns[k + 1].1.min(mid);
        } else if b1 < t0 {
            let mid = (t0 + b1) / 2;
            columns[k].1 = columns[k].1.min(mid);
            columns[k + 1].2 = columns[k + 1].2.max(mid);
        }
    }
    let top = columns.iter().map(|&(x, t, _)| (x, t - half));
    let bottom = columns.iter().rev().map(|&(x, _, b)| (x, b + rest));
    top.chain(bottom).collect()
}

/// Whether the segment from `p` to `q` passes through the box.
fn segment_hits(p: (i32, i32), q: (i32, i32), r: Rect) -> bool {
    let inside = |(x, y): (i32, i32)| x > r.0 && x < r.2 && y > r.1 && y < r.3;
    if inside(p) || inside(q) {
        return true;
    }
    if p.0.max(q.0) <= r.0 || p.0.min(q.0) >= r.2 || p.1.max(q.1) <= r.1 || p.1.min(q.1) >= r.3 {
        return false;
    }
    // The segment's line against the box's corners: it crosses when they are not all on one side.
    let side = |(x, y): (i32, i32)| ((q.0 - p.0) as i64 * (y - p.1) as i64 - (q.1 - p.1) as i64 * (x - p.0) as i64).signum();
    let s: Vec<i64> = [(r.0, r.1), (r.2, r.1), (r.0, r.3), (r.2, r.3)].into_iter().map(side).collect();
    !(s.iter().all(|v| *v > 0) || s.iter().all(|v| *v < 0))
}

/// The span of time a bar stands for, in days since 1970: a year's total
/// (dated its last day, or its year) the whole year, a quarter's or a month's
/// likewise; anything else a single day.
pub fn bar_period(d: Date, f: Frequency) -> (f64, f64) {
    let (y, m, day) = (d.year(), d.month(), d.day());
    let days = |dt: Option<Date>| dt.map_or(d.days() as f64, |x| x.days() as f64);
    let month_end = |y: i32, m: u32| days(Date::from_ymd(y, m, 1).map(|x| x.add_months_first(1))) - 1.0;
    match f {
        Frequency::Annual if (m, day) == (12, 31) => (days(Date::from_ymd(y, 1, 1)), d.days() as f64 + 1.0),
        Frequency::Annual if (m, day) == (1, 1) => (d.days() as f64, days(Date::from_ymd(y + 1, 1, 1))),
        Frequency::Quarterly if m % 3 == 0 && d.days() as f64 == month_end(y, m) => (days(Date::from_ymd(y, m - 2, 1)), d.days() as f64 + 1.0),
        Frequency::Monthly if d.days() as f64 == month_end(y, m) => (days(Date::from_ymd(y, m, 1)), d.days() as f64 + 1.0),
        Frequency::Monthly if day == 1 => (d.days() as f64, month_end(y, m) + 1.0),
        _ => (d.t() - 0.5, d.t() + 0.5),
    }
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
    TextStyle::from(font(px)).color(c)
}

/// The chart's font at a size. Named as it is: plotters' `From<&str>` would
/// lowercase the name to look for a generic family, which brings Unicode's
/// case tables into the Wasm for nothing.
fn font(px: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::Name(FONT), px, FontStyle::Normal)
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
    fn runs_of_polylines_in_one_stroke_become_one_path() {
        let svg = "<svg>\n<polyline fill=\"none\" opacity=\"1\" stroke=\"#AAAAAA\" stroke-width=\"1\" points=\"1,2 3,4 \"/>\n\
                   <polyline fill=\"none\" opacity=\"1\" stroke=\"#AAAAAA\" stroke-width=\"1\" points=\"5,6 7,8 9,10 \"/>\n\
                   <polyline fill=\"none\" opacity=\"1\" stroke=\"#BBBBBB\" stroke-width=\"1\" points=\"1,1 2,2 \"/>\n\
                   <polyline fill=\"none\" opacity=\"0.5\" stroke=\"#AAAAAA\" stroke-width=\"1\" points=\"1,1 2,2 \"/>\n\
                   <text x=\"1\">a</text>\n</svg>\n";
        let out = merge_polylines(svg);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "<path fill=\"none\" opacity=\"1\" stroke=\"#AAAAAA\" stroke-width=\"1\" d=\"M1 2L3 4M5 6L7 8L9 10\"/>");
        // A lone polyline, a translucent one and everything else stay as written.
        assert!(lines[2].starts_with("<polyline") && lines[2].contains("#BBBBBB"));
        assert!(lines[3].contains("opacity=\"0.5\""));
        assert_eq!(&lines[4..], ["<text x=\"1\">a</text>", "</svg>"]);
    }

    #[test]
    fn names_lose_the_words_they_all_share_first() {
        let names = ["AI venture funding (Dealroom)", "Crypto venture funding (Galaxy)", "AI venture funding, global (PitchBook)"];
        assert_eq!(distinct_names(&names), ["AI (Dealroom)", "Crypto (Galaxy)", "AI global (PitchBook)"]);
        // Arabic alike; nothing shared, nothing left out; a name all shared words stays whole.
        assert_eq!(
            distinct_names(&["تمويل الذكاء الاصطناعي (Dealroom)", "تمويل العملات المشفرة (Galaxy)"]),
            ["الذكاء الاصطناعي (Dealroom)", "العملات المشفرة (Galaxy)"]
        );
        assert_eq!(distinct_names(&["IREN", "CIFR"]), ["IREN", "CIFR"]);
        assert_eq!(distinct_names(&["Bitcoin", "Bitcoin price"]), ["Bitcoin", "price"]);
        assert_eq!(distinct_names(&["One name"]), ["One name"]);
        assert_eq!(bracketed("AI global (PitchBook)"), Some("PitchBook"));
        assert_eq!(bracketed("Fetch.ai / ASI (FET) "), Some("FET"));
        assert_eq!(bracketed("Bitcoin"), None);
        assert_eq!(bracketed("odd ()"), None);
        // End labels, 7 px a character: whole where it fits, then shorter forms, then cut.
        let w = |t: &str| t.chars().count() as i32 * 7;
        let (name, distinct) = ("AI venture funding (Dealroom)", "AI (Dealroom)");
        assert_eq!(end_label(name, distinct, "$110bn", 300, &w), "AI venture funding (Dealroom) $110bn");
        assert_eq!(end_label(name, distinct, "$110bn", 150, &w), "AI (Dealroom) $110bn");
        assert_eq!(end_label(name, distinct, "$110bn", 110, &w), "Dealroom $110bn");
        assert_eq!(end_label(name, distinct, "$110bn", 90, &w), "Deal… $110bn");
        assert_eq!(end_label(name, distinct, "$110bn", 10, &w), "$110bn");
    }

    #[test]
    fn a_dense_lines_band_covers_each_column_joined_and_widened() {
        // Column 10 spans y 50..60, column 11 lies wholly below (y 80..90), column 12 back up at 40.
        let path = [(10, 60), (10, 50), (11, 80), (11, 90), (12, 40)];
        let b = band(&path, 3);
        // Along the top left to right, back along the bottom: six corners for three columns.
        assert_eq!(b.len(), 6);
        let top: Vec<_> = b[..3].to_vec();
        let bottom: Vec<_> = b[3..].iter().rev().cloned().collect();
        assert_eq!(top.iter().map(|p| p.0).collect::<Vec<_>>(), [10, 11, 12]);
        // Each column reaches halfway to its neighbour across a jump (60..80 meet at 70; 80..40
        // meet at 60), and the line's width is added: one pixel above, two below.
        assert_eq!(top, [(10, 49), (11, 59), (12, 39)]);
        assert_eq!(bottom, [(10, 72), (11, 92), (12, 62)]);
        for ((_, t), (_, b)) in top.iter().zip(&bottom) {
            assert!(t < b);
        }
        assert!(band(&[], 3).is_empty());
    }

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
