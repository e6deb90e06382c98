//! The story registry: from a story's steps in the dataset, everything the
//! chart and the notes need for any step, as plain data — the view to show,
//! the figures its text quotes (computed from the data, or sourced facts),
//! the text with those figures filled in, the marks on the chart and the
//! events that stand out. The browser layer renders this and matches on no
//! story id; a reader's own dataset can carry its own stories the same way.

use super::dataset::{Dataset, DateRef, FigureOp, Frequency, Mode, ProblemKind, StepDef, StoryDef, Unit};
use super::date::{Date, DatePrecision};
use super::fmt::Fmt;
use super::series::Point;
use super::transform::{first_below, multiple, peak, trough, value_at, value_lost};
use super::view::View;

/// A dated event drawn on the chart: a dashed line and a short label.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub date: Date,
    pub label: String,
}

/// A horizontal reference line with its label (the pre-deal close, 100, 0%).
#[derive(Clone, Debug, PartialEq)]
pub struct RefLine {
    pub value: f64,
    pub label: String,
    /// A mode's baseline (100, 0%): the axis already reads it, so its label is left out where it does not fit.
    pub baseline: bool,
}

/// A labelled point (the peak, a first crossing, a low).
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    pub date: Date,
    pub value: f64,
    pub label: String,
}

/// How a figure reads.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FigureKind {
    /// A value in a unit: "$238.79", "$29.3bn", "36%".
    Amount(Unit),
    /// A change with its sign: "+36%".
    Change,
    /// A multiple: "×2.96".
    Multiple,
}

/// A computed figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: String,
    pub value: f64,
    pub kind: FigureKind,
    /// The point's date (and how precisely the source dates it), where the figure has one.
    pub date: Option<(Date, DatePrecision)>,
    /// The series it was computed from.
    pub series: Option<String>,
    /// The fact it was taken from.
    pub fact: Option<String>,
    /// Where the number comes from: the series' sources (and the point's own), or the fact's.
    pub sources: Vec<String>,
    pub decimals: Option<u8>,
    /// The top of a range, when a fact gives one ("$2.2m to $3.1m").
    pub high: Option<f64>,
}

impl Figure {
    /// The figure as a reader sees it.
    pub fn format(&self, fmt: &dyn Fmt) -> String {
        match self.kind {
            FigureKind::Amount(unit) => {
                let d = self.decimals.map_or_else(|| super::format::auto_decimals(self.value, unit, None), |d| d as usize);
                let one = fmt.value(self.value, unit, d);
                match self.high {
                    // "$0.61–0.79m per MW a year": the range inside the unit's words.
                    Some(h) => one.replacen(&fmt.number(self.value, d), &format!("{}–{}", fmt.number(self.value, d), fmt.number(h, d)), 1),
                    None => one,
                }
            }
            FigureKind::Change => fmt.change(self.value, self.decimals.unwrap_or(0) as usize),
            FigureKind::Multiple => format!("×{}", fmt.number(self.value, self.decimals.unwrap_or(2) as usize)),
        }
    }
}

/// Why a figure could not be computed.
#[derive(Clone, Debug, PartialEq)]
pub enum FigureError {
    /// It names a figure not defined before it.
    Unknown(String),
    /// The data has no point where it looks (or the fact has no value).
    NoData(String),
}

impl FigureError {
    pub fn kind(&self) -> ProblemKind {
        match self {
            FigureError::Unknown(f) => ProblemKind::UnknownFigure(f.clone()),
            FigureError::NoData(f) => ProblemKind::FigureNoData(f.clone()),
        }
    }
}

fn find<'a>(figs: &'a [Figure], id: &str) -> Result<&'a Figure, FigureError> {
    figs.iter().find(|f| f.id == id).ok_or_else(|| FigureError::Unknown(id.to_string()))
}

fn date_of(figs: &[Figure], r: &DateRef) -> Result<Date, FigureError> {
    match r {
        DateRef::Date(d) => Ok(*d),
        DateRef::Figure(id) => find(figs, id)?.date.map(|d| d.0).ok_or_else(|| FigureError::NoData(id.clone())),
    }
}

/// Computes a step's figures in order (each may use the ones before it).
pub fn figures(ds: &Dataset, step: &StepDef) -> Result<Vec<Figure>, FigureError> {
    let mut out: Vec<Figure> = Vec::with_capacity(step.figures.len());
    for def in &step.figures {
        let none = || FigureError::NoData(def.id.clone());
        let fig = |value: f64, kind: FigureKind, point: Option<(Date, DatePrecision)>, series: &str, extra: &[&str]| {
            let s = ds.series(series);
            let mut sources: Vec<String> = s.map(|s| s.sources.clone()).unwrap_or_default();
            // A point with its own source (a funding round quoted by one outlet) adds it.
            if let (Some(s), Some((d, _))) = (s, point) {
                if let Some(i) = s.series.index_of(d) {
                    sources.extend(s.notes.iter().filter(|(j, _)| *j == i).filter_map(|(_, n)| n.source.clone()));
                }
            }
            sources.extend(extra.iter().map(|x| x.to_string()));
            sources.dedup();
            Figure { id: def.id.clone(), value, kind, date: point, series: Some(series.to_string()), fact: None, sources, decimals: def.decimals, high: None }
        };
        let series_of = |id: &str| ds.series(id).ok_or_else(none);
        let dated = |id: &str, p: Point| {
            let s = ds.series(id)?;
            // A year's total is dated by its year ("2024"), whatever day the file gives.
            let prec = if s.frequency == Frequency::Annual {
                DatePrecision::Year
            } else {
                s.series.index_of(p.date).and_then(|i| s.precision.get(i).copied()).unwrap_or_default()
            };
            Some((p.date, prec))
        };
        let f = match &def.op {
            FigureOp::Value { series, at } => {
                let s = series_of(series)?;
                let p = value_at(&s.series, date_of(&out, at)?).ok_or_else(none)?;
                fig(p.value, FigureKind::Amount(s.unit), dated(series, p), series, &[])
            }
            FigureOp::Change { series, from, to } | FigureOp::Ratio { series, from, to } => {
                let s = series_of(series)?;
                let a = value_at(&s.series, date_of(&out, from)?).ok_or_else(none)?;
                let b = value_at(&s.series, date_of(&out, to)?).ok_or_else(none)?;
                let (value, kind) = match def.op {
                    FigureOp::Change { .. } if a.value != 0.0 => (100.0 * (b.value - a.value) / a.value, FigureKind::Change),
                    FigureOp::Ratio { .. } => (multiple(a.value, b.value).ok_or_else(none)?, FigureKind::Multiple),
                    _ => return Err(none()),
                };
                fig(value, kind, dated(series, b), series, &[])
            }
            FigureOp::Max { series, from, to } | FigureOp::Min { series, from, to } => {
                let s = series_of(series)?;
                let pts = s.series.between(date_of(&out, from)?, date_of(&out, to)?);
                let p = if matches!(def.op, FigureOp::Max { .. }) { peak(pts) } else { trough(pts) }.ok_or_else(none)?;
                fig(p.value, FigureKind::Amount(s.unit), dated(series, p), series, &[])
            }
            FigureOp::FirstBelow { series, below, after } => {
                let s = series_of(series)?;
                let level = find(&out, below)?.value;
                let p = first_below(&s.series.points, level, date_of(&out, after)?).ok_or_else(none)?;
                fig(p.value, FigureKind::Amount(s.unit), dated(series, p), series, &[])
            }
            FigureOp::Lost { series, shares, from, at } => {
                let s = series_of(series)?;
                let fact = ds.facts.iter().find(|f| &f.id == shares).ok_or_else(none)?;
                let count = fact.values.first().ok_or_else(none)?;
                let a = value_at(&s.series, date_of(&out, from)?).ok_or_else(none)?;
                let b = value_at(&s.series, date_of(&out, at)?).ok_or_else(none)?;
                let extra: Vec<&str> = count.sources.iter().map(String::as_str).collect();
                let mut f = fig(value_lost(count.value, a.value, b.value) / 1e9, FigureKind::Amount(Unit::UsdBn), dated(series, b), series, &extra);
                f.fact = Some(shares.clone());
                f
            }
            FigureOp::Share { series, other, at } => {
                let (a, b) = (series_of(series)?, series_of(other)?);
                let d = date_of(&out, at)?;
                let (x, y) = (value_at(&a.series, d).ok_or_else(none)?, value_at(&b.series, d).ok_or_else(none)?);
                if x.value + y.value == 0.0 {
                    return Err(none());
                }
                let extra: Vec<&str> = b.sources.iter().map(String::as_str).collect();
                fig(100.0 * x.value / (x.value + y.value), FigureKind::Amount(Unit::Percent), dated(series, x), series, &extra)
            }
            FigureOp::Fact { fact } => {
                let fd = ds.facts.iter().find(|f| &f.id == fact).ok_or_else(none)?;
                let alt = fd.values.first().ok_or_else(none)?;
                Figure {
                    id: def.id.clone(),
                    value: alt.value,
                    kind: FigureKind::Amount(fd.unit),
                    date: fd.date,
                    series: None,
                    fact: Some(fact.clone()),
                    sources: alt.sources.clone(),
                    decimals: def.decimals,
                    high: alt.high,
                }
            }
        };
        out.push(f);
    }
    Ok(out)
}

/// The placeholders of a template, in order: (figure id, wants its date).
pub fn placeholders(template: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else { break };
        let name = &after[..j];
        if !name.is_empty() && name.len() <= 64 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.') {
            match name.strip_suffix(".date") {
                Some(id) => out.push((id.to_string(), true)),
                None => out.push((name.to_string(), false)),
            }
        }
        rest = &after[j + 1..];
    }
    out
}

/// Fills `{id}` with the figure and `{id.date}` with its date; anything else stays as written.
pub fn fill(template: &str, figs: &[Figure], fmt: &dyn Fmt) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else {
            out.push_str(&rest[i..]);
            return out;
        };
        let name = &after[..j];
        let (id, date) = match name.strip_suffix(".date") {
            Some(id) => (id, true),
            None => (name, false),
        };
        match figs.iter().find(|f| f.id == id) {
            Some(f) if date => match f.date {
                Some((d, p)) => out.push_str(&fmt.date(d, p)),
                None => out.push_str(&rest[i..i + j + 2]),
            },
            Some(f) => out.push_str(&f.format(fmt)),
            None => out.push_str(&rest[i..i + j + 2]),
        }
        rest = &after[j + 1..];
    }
    out.push_str(rest);
    out
}

/// The main series, comparisons, mode and window a step shows.
#[derive(Clone, Debug, PartialEq)]
pub struct StepSpec {
    pub main: String,
    pub compare: Vec<String>,
    pub mode: Mode,
    pub log: bool,
    pub window: (Date, Date),
    pub cursor: Option<Date>,
}

/// Where a set of series has data: first and last date over all of them.
pub fn extent(ds: &Dataset, ids: &[String]) -> Option<(Date, Date)> {
    ids.iter()
        .filter_map(|id| ds.series(id))
        .flat_map(|s| s.series.points.first().into_iter().chain(s.series.points.last()).map(|p| p.date))
        .fold(None, |acc: Option<(Date, Date)>, d| Some(acc.map_or((d, d), |(a, b)| (a.min(d), b.max(d)))))
}

/// The view of a story without steps: its own series, comparisons, mode and window.
pub fn story_spec(ds: &Dataset, story: &StoryDef) -> StepSpec {
    let main = story.series.first().or(story.compare.first()).cloned().unwrap_or_default();
    let compare: Vec<String> = story.series.iter().skip(1).cloned().collect();
    let ids: Vec<String> = std::iter::once(main.clone()).chain(compare.iter().cloned()).collect();
    let window = story.window.or_else(|| extent(ds, &ids)).unwrap_or((Date::from_days(0), Date::from_days(0)));
    StepSpec { main, compare, mode: story.mode, log: false, window, cursor: None }
}

/// The view a step shows, its defaults taken from the story.
pub fn step_spec(ds: &Dataset, story: &StoryDef, step: &StepDef) -> StepSpec {
    let base = story_spec(ds, story);
    let main = step.main.clone().unwrap_or(base.main);
    let compare: Vec<String> = step.compare.clone().unwrap_or(base.compare).into_iter().filter(|c| *c != main).collect();
    let ids: Vec<String> = std::iter::once(main.clone()).chain(compare.iter().cloned()).collect();
    let window = step.window.or(story.window).or_else(|| extent(ds, &ids)).unwrap_or(base.window);
    StepSpec { main, compare, mode: step.mode.unwrap_or(story.mode), log: step.log, window, cursor: step.cursor }
}

/// Whether any of the series has a point in the window.
pub fn has_data(ds: &Dataset, ids: &[String], window: (Date, Date)) -> bool {
    ids.iter().filter_map(|id| ds.series(id)).any(|s| !s.series.between(window.0, window.1).is_empty())
}

/// The window a story opens with. The linked timeline keeps a window the
/// reader chose (`current`) when the step has data in it; otherwise — and on
/// the guided path, where each step shows its own window — the step's window.
/// The flag says the reader's window had to move.
pub fn opening_window(ds: &Dataset, spec: &StepSpec, current: Option<(Date, Date)>) -> ((Date, Date), bool) {
    let ids: Vec<String> = std::iter::once(spec.main.clone()).chain(spec.compare.iter().cloned()).collect();
    match current {
        Some(w) if has_data(ds, &ids, w) => (w, false),
        Some(w) => (spec.window, w != spec.window),
        None => (spec.window, false),
    }
}

/// Everything the notes need for a step, in the reader's language.
#[derive(Clone, Debug, PartialEq)]
pub struct StepText {
    pub title: String,
    pub text: String,
    /// The sources behind the figures, in first-use order.
    pub sources: Vec<String>,
    /// Facts quoted whose sources disagree: (fact id, each alternative as "value (publisher)").
    pub disagreements: Vec<(String, Vec<String>)>,
}

pub fn step_text(ds: &Dataset, step: &StepDef, figs: &[Figure], fmt: &dyn Fmt) -> StepText {
    let lang = fmt.lang();
    let mut sources: Vec<String> = Vec::new();
    for s in figs.iter().flat_map(|f| &f.sources) {
        if !sources.contains(s) {
            sources.push(s.clone());
        }
    }
    let mut disagreements = Vec::new();
    for f in figs.iter().filter_map(|f| f.fact.as_ref()) {
        let Some(fd) = ds.facts.iter().find(|x| &x.id == f).filter(|x| x.is_conflict()) else { continue };
        if disagreements.iter().any(|(id, _)| id == f) {
            continue;
        }
        let alts = fd
            .values
            .iter()
            .map(|a| {
                let who: Vec<&str> = a.sources.iter().filter_map(|s| ds.source(s)).map(|s| s.publisher.as_str()).collect();
                // "$946bn, per oninvest.com (MarketWatch / …)": no brackets around a name that has its own.
                let (amount, who) = (fmt.amount(a.value, fd.unit, None), lang.isolate(&who.join(", ")));
                match lang {
                    crate::core::lang::Lang::En => format!("{amount}, per {who}"),
                    crate::core::lang::Lang::Ar => format!("{amount} بحسب {who}"),
                }
            })
            .collect();
        disagreements.push((fd.title.get(lang).to_string(), alts));
    }
    StepText { title: step.title.get(lang).to_string(), text: fill(step.text.get(lang), figs, fmt), sources, disagreements }
}

/// What a view adds to its lines: event markers, reference lines and annotations.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    pub markers: Vec<Marker>,
    /// The event id of each marker.
    pub marker_ids: Vec<String>,
    pub refs: Vec<RefLine>,
    pub annotations: Vec<Annotation>,
}

/// The marks for a view. On a step (`guided`), only the step's events are
/// drawn; off it, every event of the series on show. A step's figure marks
/// stay while they apply: a point while its series is drawn (at its value in
/// the view's mode), a line while the chart shows that series' own values.
pub fn marks(ds: &Dataset, view: &View, step: Option<(&StepDef, &[Figure])>, guided: bool, fmt: &dyn Fmt) -> Marks {
    let mut refs = Vec::new();
    match view.mode {
        Mode::Indexed => refs.push(RefLine { value: 100.0, label: fmt.number(100.0, 0), baseline: true }),
        Mode::Percent | Mode::Drawdown => refs.push(RefLine { value: 0.0, label: fmt.change(0.0, 0), baseline: true }),
        Mode::Absolute => {}
    }
    let lang = fmt.lang();
    let shown = |ids: &[String]| ids.iter().any(|s| view.lines.iter().any(|l| &l.id == s));
    let events: Vec<_> = match step {
        // On a step only its own events are drawn (none, if it names none): the chart shows the step's point.
        Some((st, _)) if guided => ds.events.iter().filter(|e| st.events.contains(&e.id)).collect(),
        _ => ds.events.iter().filter(|e| shown(&e.series)).collect(),
    };
    let mut annotations = Vec::new();
    if let Some((st, figs)) = step {
        let main = view.lines.iter().find(|l| l.main).map(|l| l.id.as_str());
        for m in &st.marks {
            let Some(f) = figs.iter().find(|f| f.id == m.figure) else { continue };
            let label = fill(m.label.get(lang), figs, fmt);
            if m.line {
                if view.mode == Mode::Absolute && f.series.as_deref() == main {
                    refs.push(RefLine { value: f.value, label, baseline: false });
                }
                continue;
            }
            let (Some(series), Some((date, _))) = (&f.series, f.date) else { continue };
            let Some(line) = view.lines.iter().find(|l| &l.id == series) else { continue };
            if let Ok(i) = line.points.binary_search_by(|p| p.date.cmp(&date)) {
                let p = line.points[i];
                annotations.push(Annotation { date, value: p.value, label });
            }
        }
    }
    Marks {
        markers: events.iter().map(|e| Marker { date: e.date, label: e.title.get(lang).to_string() }).collect(),
        marker_ids: events.iter().map(|e| e.id.clone()).collect(),
        refs,
        annotations,
    }
}

/// Every problem with a story's steps that the data decides: series, events
/// and facts that do not exist, placeholders and figures that name nothing,
/// figures that cannot be computed. (field path, problem) pairs.
pub fn check_steps(ds: &Dataset, story: &StoryDef) -> Vec<(String, ProblemKind)> {
    let mut out = Vec::new();
    let series_ok = |id: &str| ds.series(id).is_some();
    for (i, st) in story.steps.iter().enumerate() {
        let before = out.len();
        let at = |f: &str| format!("steps[{i}].{f}");
        for id in st.main.iter().chain(st.compare.iter().flatten()) {
            if !series_ok(id) {
                out.push((at(if st.main.as_ref() == Some(id) { "main" } else { "compare" }), ProblemKind::UnknownRef { what: "series", id: id.clone() }));
            }
        }
        for e in &st.events {
            if !ds.events.iter().any(|x| &x.id == e) {
                out.push((at("events"), ProblemKind::UnknownRef { what: "event", id: e.clone() }));
            }
        }
        let mut known: Vec<&str> = Vec::new();
        for (k, f) in st.figures.iter().enumerate() {
            let here = at(&format!("figures[{k}]"));
            let mut refs: Vec<(&'static str, &str)> = f.op.series().map(|s| ("series", s)).into_iter().collect();
            let mut figs: Vec<&str> = Vec::new();
            fn date<'a>(d: &'a DateRef, figs: &mut Vec<&'a str>) {
                if let DateRef::Figure(id) = d {
                    figs.push(id.as_str())
                }
            }
            match &f.op {
                FigureOp::Value { at, .. } => date(at, &mut figs),
                FigureOp::Change { from, to, .. } | FigureOp::Ratio { from, to, .. } | FigureOp::Max { from, to, .. } | FigureOp::Min { from, to, .. } => {
                    date(from, &mut figs);
                    date(to, &mut figs);
                }
                FigureOp::FirstBelow { below, after, .. } => {
                    figs.push(below);
                    date(after, &mut figs);
                }
                FigureOp::Lost { shares, from, at, .. } => {
                    refs.push(("fact", shares));
                    date(from, &mut figs);
                    date(at, &mut figs);
                }
                FigureOp::Share { other, at, .. } => {
                    refs.push(("series", other));
                    date(at, &mut figs);
                }
                FigureOp::Fact { fact } => refs.push(("fact", fact)),
            }
            for (what, id) in refs {
                let ok = if what == "series" { series_ok(id) } else { ds.facts.iter().any(|x| x.id == id) };
                if !ok {
                    out.push((here.clone(), ProblemKind::UnknownRef { what, id: id.to_string() }));
                }
            }
            for id in figs {
                if !known.contains(&id) {
                    out.push((here.clone(), ProblemKind::UnknownFigure(id.to_string())));
                }
            }
            if known.contains(&f.id.as_str()) {
                out.push((here.clone(), ProblemKind::DuplicateId));
            }
            known.push(&f.id);
        }
        let mut templates: Vec<(String, &str)> = vec![(at("text"), st.text.en.as_str()), (at("text"), st.text.ar.as_str())];
        for (k, m) in st.marks.iter().enumerate() {
            if !known.contains(&m.figure.as_str()) {
                out.push((at(&format!("marks[{k}]")), ProblemKind::UnknownFigure(m.figure.clone())));
            }
            templates.push((at(&format!("marks[{k}].label")), m.label.en.as_str()));
            templates.push((at(&format!("marks[{k}].label")), m.label.ar.as_str()));
        }
        for (field, t) in templates {
            for (id, _) in placeholders(t) {
                if !known.contains(&id.as_str()) && !out.iter().any(|(f, p)| *f == field && *p == ProblemKind::UnknownFigure(id.clone())) {
                    out.push((field.clone(), ProblemKind::UnknownFigure(id)));
                }
            }
        }
        // Only a step whose references hold can be computed.
        if out.len() == before {
            if let Err(e) = figures(ds, st) {
                out.push((at("figures"), e.kind()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundled::dataset;
    use crate::core::fmt::Plain;
    use crate::core::lang::Lang;
    use crate::core::view;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    fn step<'a>(ds: &'a Dataset, story: &str, i: usize) -> &'a StepDef {
        &ds.story(story).unwrap().steps[i]
    }

    fn fig(ds: &Dataset, story: &str, i: usize, id: &str) -> Figure {
        figures(ds, step(ds, story, i)).unwrap().into_iter().find(|f| f.id == id).unwrap()
    }

    #[test]
    fn every_step_of_every_bundled_story_builds_a_view_with_data_and_a_text_with_its_figures() {
        let ds = dataset().unwrap();
        let min = [("oracle", 4), ("cursor", 3), ("funding", 3), ("tokens", 3), ("miners", 4), ("overview", 2)];
        for (id, n) in min {
            assert!(ds.story(id).unwrap().steps.len() >= n, "{id} has at least {n} steps");
        }
        for story in &ds.stories {
            for (i, st) in story.steps.iter().enumerate() {
                let spec = step_spec(&ds, story, st);
                let v = view::build(&ds, &spec.main, &spec.compare, spec.window.0, spec.window.1, spec.mode, &|_| 1);
                assert!(!v.is_empty(), "{} step {} has data in its window", story.id, i + 1);
                assert!(v.lines.iter().any(|l| l.main && !l.points.is_empty()), "{} step {}: the main line is drawn", story.id, i + 1);
                let figs = figures(&ds, st).unwrap();
                for lang in [Lang::En, Lang::Ar] {
                    let t = step_text(&ds, st, &figs, &Plain(lang));
                    assert!(!t.text.contains('{') && !t.text.contains('}'), "{} step {} {lang:?}: every placeholder filled: {}", story.id, i + 1, t.text);
                    assert!(!t.sources.is_empty() || figs.is_empty(), "{} step {}: its figures carry sources", story.id, i + 1);
                    assert!(t.sources.iter().all(|s| ds.source(s).is_some()));
                }
                for e in &st.events {
                    let ev = ds.events.iter().find(|x| &x.id == e).unwrap();
                    assert!(ev.date >= spec.window.0 && ev.date <= spec.window.1, "{} step {}: highlighted event {e} is in the window", story.id, i + 1);
                }
            }
        }
    }

    #[test]
    fn no_number_is_typed_into_a_step_text() {
        // Every number a step states comes from a figure: outside placeholders there are no digits.
        let ds = dataset().unwrap();
        for story in &ds.stories {
            for (i, st) in story.steps.iter().enumerate() {
                for t in [&st.text.en, &st.text.ar, &st.title.en, &st.title.ar] {
                    let mut outside = String::new();
                    let mut depth = 0;
                    for c in t.chars() {
                        match c {
                            '{' => depth += 1,
                            '}' => depth -= 1,
                            c if depth == 0 => outside.push(c),
                            _ => {}
                        }
                    }
                    let outside = outside.replace("QQQ", "");
                    assert!(
                        !outside.chars().any(|c| c.is_ascii_digit() || ('\u{660}'..='\u{669}').contains(&c)),
                        "{} step {}: a typed number in {t:?}",
                        story.id,
                        i + 1
                    );
                }
            }
        }
    }

    #[test]
    fn the_oracle_figures_equal_the_fact_sheet() {
        let ds = dataset().unwrap();
        // FACTS.md §3.2 (Stooq adjusted closes).
        let pre = fig(&ds, "oracle", 1, "pre");
        assert_eq!((pre.value, pre.date.unwrap().0), (238.7884, d("2025-09-09")));
        let jump = fig(&ds, "oracle", 1, "jump");
        assert!((jump.value - 100.0 * (324.63 - 238.7884) / 238.7884).abs() < 1e-9);
        assert_eq!(Plain(Lang::En).change(jump.value, 0), "+36%");
        let peak = fig(&ds, "oracle", 2, "peak");
        assert_eq!((peak.value, peak.date.unwrap().0), (324.63, d("2025-09-10")));
        let below = fig(&ds, "oracle", 2, "below");
        assert_eq!(below.date.unwrap().0, d("2025-11-07"));
        assert!(below.value < pre.value);
        let lost = fig(&ds, "oracle", 3, "lost");
        let close18 = ds.series("ORCL").unwrap().series.points.iter().find(|p| p.date == d("2025-11-18")).unwrap().value;
        assert!((lost.value - 2_873_130_000.0 * (324.63 - close18) / 1e9).abs() < 1e-6);
        assert!(lost.value > 300.0 && lost.value < 310.0, "FACTS.md: ≈ −$305bn vs 10 Sep");
        assert!(lost.sources.contains(&"portfoliosavvy".to_string()), "the share count's source is cited");
        let ft = fig(&ds, "oracle", 3, "ft");
        assert_eq!((ft.value, ft.sources.clone()), (300.0, vec!["fe-ft".to_string()]));
        let en = step_text(&ds, step(&ds, "oracle", 1), &figures(&ds, step(&ds, "oracle", 1)).unwrap(), &Plain(Lang::En));
        assert!(en.text.contains("$300bn") && en.text.contains("+36%") && en.text.contains("$238.79") && en.text.contains("10 Sept 2025"), "{}", en.text);
        // The market value at the peak: WSJ and Mint disagree, and the step says so.
        assert_eq!(en.disagreements.len(), 1);
        assert!(en.disagreements[0].1.iter().any(|a| a.contains("$946bn")) && en.disagreements[0].1.iter().any(|a| a.contains("$920bn")));
        let ar = step_text(&ds, step(&ds, "oracle", 1), &figures(&ds, step(&ds, "oracle", 1)).unwrap(), &Plain(Lang::Ar));
        assert!(ar.text.contains("300 مليار دولار") && ar.text.contains("10 سبتمبر 2025"), "{}", ar.text);
    }

    #[test]
    fn cursor_funding_tokens_miners_and_overview_figures_by_hand() {
        let ds = dataset().unwrap();
        let x = fig(&ds, "cursor", 1, "x");
        assert!((x.value - 29.3 / 9.9).abs() < 1e-12);
        assert_eq!(x.format(&Plain(Lang::En)), "×2.96");
        let share = fig(&ds, "funding", 1, "share");
        assert!((share.value - 100.0 * 131.5 / 368.5).abs() < 1e-9);
        assert_eq!(share.format(&Plain(Lang::En)), "36%");
        assert_eq!(fig(&ds, "funding", 2, "h1").value, 49.2);
        // The crypto peak: Galaxy (2021) and The Block (2022) disagree; the step says so.
        let st = step(&ds, "funding", 0);
        assert_eq!(step_text(&ds, st, &figures(&ds, st).unwrap(), &Plain(Lang::En)).disagreements.len(), 1);
        let exit = fig(&ds, "tokens", 1, "exit");
        assert!((exit.value - 100.0 * (0.495297 - 0.555205) / 0.555205).abs() < 1e-9, "FACTS.md §10: FET −10.8% on 9 Oct");
        assert_eq!(exit.format(&Plain(Lang::En)), "−10.8%");
        let bitf = fig(&ds, "miners", 3, "day");
        assert!((bitf.value - 100.0 * (2.6 - 3.17) / 3.17).abs() < 1e-9, "FACTS.md §10: BITF −18.0% on 13 Nov");
        let wulf = fig(&ds, "miners", 1, "wulf");
        assert!((wulf.value - 100.0 * (8.71 - 5.46) / 5.46).abs() < 1e-9, "FACTS.md §10: WULF +59.5% on 14 Aug");
        let range = fig(&ds, "miners", 2, "ai");
        assert_eq!(range.format(&Plain(Lang::En)), "$2.2–3.1m per MW a year");
        let top = fig(&ds, "overview", 1, "top");
        assert_eq!(top.date.unwrap().0, d("2025-10-06"));
        assert!((top.value - 124_766.0).abs() < 1.0, "FACTS.md §7: record close $124,766");
        let low = fig(&ds, "overview", 1, "low");
        assert_eq!(low.date.unwrap().0, d("2025-11-22"), "FACTS.md §7: lowest November close on 22 Nov");
    }

    #[test]
    fn marks_follow_the_view() {
        let ds = dataset().unwrap();
        let st = step(&ds, "oracle", 2);
        let figs = figures(&ds, st).unwrap();
        let fmt = Plain(Lang::En);
        let v = view::build(&ds, "ORCL", &[], d("2025-08-15"), d("2025-11-30"), Mode::Absolute, &|_| 1);
        let m = marks(&ds, &v, Some((st, &figs)), true, &fmt);
        assert_eq!(m.marker_ids, vec!["orcl-openai-deal", "orcl-gains-gone"], "on the step: only its events");
        let first = step(&ds, "miners", 0);
        let mv = view::build(&ds, "IREN", &["CIFR".into()], d("2025-01-02"), d("2025-11-28"), Mode::Indexed, &|_| 1);
        assert!(marks(&ds, &mv, Some((first, &[])), true, &fmt).markers.is_empty(), "a step that names no event draws none");
        assert!(!marks(&ds, &mv, Some((first, &[])), false, &fmt).markers.is_empty(), "off the step, every event of the lines on show");
        assert_eq!(m.refs.len(), 1);
        assert_eq!(m.refs[0].value, 238.7884);
        assert_eq!(m.annotations.len(), 2);
        // Off the path: every event of the series on show; in % change the line mark (a price) does not apply,
        // the points sit at their values in the mode.
        let p = view::build(&ds, "ORCL", &[], d("2025-08-15"), d("2025-11-30"), Mode::Percent, &|_| 1);
        let m = marks(&ds, &p, Some((st, &figs)), false, &fmt);
        assert!(m.marker_ids.len() >= 4);
        assert_eq!(m.refs.len(), 1, "only the 0% line");
        let peak = m.annotations.iter().find(|a| a.date == d("2025-09-10")).unwrap();
        let first = p.lines[0].raw[0].value;
        assert!((peak.value - 100.0 * (324.63 - first) / first).abs() < 1e-9);
    }

    #[test]
    fn opening_a_story_keeps_a_window_with_its_data_and_moves_one_without() {
        let ds = dataset().unwrap();
        let funding = ds.story("funding").unwrap();
        let spec = step_spec(&ds, funding, &funding.steps[0]);
        let (w, moved) = opening_window(&ds, &spec, Some((d("2025-09-01"), d("2025-09-30"))));
        assert!(moved && w == spec.window);
        let (w, moved) = opening_window(&ds, &spec, Some((d("2021-01-01"), d("2023-12-31"))));
        assert!(!moved && w == (d("2021-01-01"), d("2023-12-31")));
        assert_eq!(opening_window(&ds, &spec, None), (spec.window, false));
    }

    #[test]
    fn templates() {
        assert_eq!(placeholders("a {x} b {y.date} {not a name} {"), vec![("x".to_string(), false), ("y".to_string(), true)]);
        let f = Figure {
            id: "x".into(),
            value: 1.5,
            kind: FigureKind::Multiple,
            date: Some((d("2025-09-10"), DatePrecision::Day)),
            series: None,
            fact: None,
            sources: vec![],
            decimals: Some(1),
            high: None,
        };
        assert_eq!(fill("{x} on {x.date}, {y} and {", &[f], &Plain(Lang::En)), "×1.5 on 10 Sept 2025, {y} and {");
    }
}
