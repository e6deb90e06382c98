//! Reading a dataset from JSON with every problem reported (not just the
//! first), each naming where it is; and writing one back, deterministically,
//! one item per line so that diffs stay readable.

use super::dataset::*;
use super::date::{Date, DatePrecision};
use super::json_slices::{JsonImport, Lifted};
use super::lang::Text;
use super::series::{Blocks, Point, Series};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// Parses and validates a dataset. On any problem, returns all of them.
pub fn read(text: &str) -> Result<Dataset, Vec<Problem>> {
    read_noting(text).map(|(ds, _)| ds)
}

/// Like `read`, with the warnings that do not stop the data from loading: keys
/// the format does not know (a misspelt "comapre"), each with the closest known key.
pub fn read_noting(text: &str) -> Result<(Dataset, Vec<Problem>), Vec<Problem>> {
    if text.len() > MAX_BYTES {
        return Err(vec![Problem::new(Loc::default(), ProblemKind::TooLarge { bytes: text.len(), limit: MAX_BYTES })]);
    }
    read_with(text, Vec::new(), &|line, column| (line, column))
}

/// Like `read_noting`, for a file read a piece at a time by [`JsonImport`]: the same dataset and problems.
pub fn read_sliced(import: JsonImport) -> Result<(Dataset, Vec<Problem>), Vec<Problem>> {
    let mut skeleton = import.finish();
    let text = std::mem::take(&mut skeleton.text);
    let lifted = std::mem::take(&mut skeleton.lifted);
    read_with(&text, lifted, &|line, column| skeleton.place(line, column))
}

/// Reads `text`, whose series' points lists at the places `lifted` holds were read already;
/// `place` turns a line and column of `text` into the file's.
fn read_with(text: &str, lifted: Vec<Option<Lifted>>, place: &dyn Fn(usize, usize) -> (usize, usize)) -> Result<(Dataset, Vec<Problem>), Vec<Problem>> {
    let value: Value = match serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text)) {
        Ok(v) => v,
        Err(e) => {
            let msg = e.to_string();
            let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
            let loc = Loc { line: Some(place(e.line(), e.column())), ..Loc::default() };
            return Err(vec![Problem::new(loc, ProblemKind::Syntax { detail: msg, eof: e.is_eof() })]);
        }
    };
    let mut r = Reader { problems: Vec::new(), warnings: Vec::new(), lifted };
    too_long(&value, &mut String::new(), &mut r.problems);
    if !r.problems.is_empty() {
        return Err(r.problems);
    }
    let ds = r.dataset(&value);
    match ds {
        Some(ds) if r.problems.is_empty() => Ok((ds, r.warnings)),
        _ => Err(r.problems),
    }
}

/// Every text longer than `MAX_TEXT`, by its JSON path (`/series/3/name`), before any other work.
fn too_long(v: &Value, path: &mut String, out: &mut Vec<Problem>) {
    if out.len() >= 20 {
        return;
    }
    match v {
        Value::String(s) if s.len() > MAX_TEXT && s.chars().count() > MAX_TEXT => {
            let loc = Loc { field: Some(path.clone()), ..Loc::default() };
            out.push(Problem::new(loc, ProblemKind::TooLong { length: s.chars().count(), limit: MAX_TEXT }));
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let n = path.len();
                path.push_str(&format!("/{i}"));
                too_long(x, path, out);
                path.truncate(n);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                let n = path.len();
                path.push('/');
                path.extend(k.chars().take(64));
                if k.chars().count() > MAX_TEXT {
                    out.push(Problem::new(
                        Loc { field: Some(path.clone()), ..Loc::default() },
                        ProblemKind::TooLong { length: k.chars().count(), limit: MAX_TEXT },
                    ));
                }
                too_long(x, path, out);
                path.truncate(n);
            }
        }
        _ => {}
    }
}

/// A series' points as read, with their blocks when the scanner made them.
struct PointsRead {
    points: Vec<Point>,
    precision: Vec<DatePrecision>,
    notes: Vec<(usize, PointNote)>,
    blocks: Option<Blocks>,
}

struct Reader {
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
    /// Points lists read already, by the series' place (see [`JsonImport`]).
    lifted: Vec<Option<Lifted>>,
}

/// The keys each kind of object may hold.
const KEYS_TOP: &[&str] = &["format", "id", "title", "published", "sources", "series", "events", "facts", "deals", "stories"];
const KEYS_SOURCE: &[&str] = &["id", "publisher", "title", "url", "date", "note", "confidence"];
// The catalog's build keys (csv, unit_prefix, round, row_sources) are the maintainer's (docs/data-format.md).
const KEYS_SERIES: &[&str] =
    &["id", "name", "unit", "kind", "frequency", "chart", "sources", "caveat", "decimals", "points", "csv", "unit_prefix", "round", "row_sources"];
const KEYS_EVENT: &[&str] = &["id", "date", "title", "text", "series", "stories", "sources", "quote"];
const KEYS_FACT: &[&str] = &["id", "title", "unit", "date", "stories", "series", "values"];
const KEYS_ALTERNATIVE: &[&str] = &["value", "high", "sources", "quote", "note"];
const KEYS_DEAL: &[&str] = &["id", "company", "ticker", "partner", "date", "value_usd_bn", "mw", "term_years", "text", "stories", "sources", "quote"];
const KEYS_STORY: &[&str] = &["id", "title", "summary", "series", "compare", "window", "mode", "faq", "steps"];
const KEYS_FAQ: &[&str] = &["question", "answer", "story"];
const KEYS_STEP: &[&str] = &["title", "text", "main", "compare", "mode", "log", "window", "cursor", "events", "figures", "marks"];
const KEYS_FIGURE: &[&str] = &["id", "op", "series", "at", "from", "to", "below", "after", "shares", "other", "fact", "decimals"];
const KEYS_MARK: &[&str] = &["figure", "as", "label"];
const KEYS_POINT_NOTE: &[&str] = &["source", "quote", "note"];

/// Edit distance (Levenshtein), for "did you mean": small strings only.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The known key closest to a misspelt one, if it is close enough to be a typo.
pub fn closest_key<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    if key.chars().count() > 64 {
        return None;
    }
    let k = key.to_ascii_lowercase();
    known.iter().map(|x| (distance(&k, x), *x)).filter(|(d, x)| *d <= (x.len() / 3).max(1)).min_by_key(|(d, _)| *d).map(|(_, x)| x)
}

/// The location of an item in a section, for messages.
#[derive(Clone)]
struct At {
    section: &'static str,
    index: usize,
    id: Option<String>,
}

impl At {
    fn loc(&self, field: &str) -> Loc {
        Loc {
            section: self.section.into(),
            index: Some(self.index),
            id: self.id.clone(),
            field: (!field.is_empty()).then(|| field.to_string()),
            ..Loc::default()
        }
    }
}

const T_STRING: Expected = Expected::String;
const T_NUMBER: Expected = Expected::Number;
const T_LIST: Expected = Expected::List;
const T_OBJECT: Expected = Expected::Object;
const T_TEXT: Expected = Expected::Text;

impl Reader {
    /// Notes every key of `o` that is not in `known` (the data still loads).
    fn keys(&mut self, o: &Map<String, Value>, known: &[&str], loc: impl Fn(&str) -> Loc) {
        for k in o.keys().filter(|k| !known.contains(&k.as_str())) {
            if self.warnings.len() < 200 {
                let suggestion = closest_key(k, known).map(String::from);
                let key: String = k.chars().take(64).collect();
                self.warnings.push(Problem::new(loc(k), ProblemKind::UnknownKey { key, suggestion }));
            }
        }
    }

    fn push(&mut self, loc: Loc, kind: ProblemKind) {
        // A broken file can have millions of identical problems: keep the list readable.
        if self.problems.len() < 200 {
            self.problems.push(Problem::new(loc, kind));
        }
    }

    fn dataset(&mut self, v: &Value) -> Option<Dataset> {
        let Some(o) = v.as_object() else {
            self.push(Loc::default(), ProblemKind::NotAnObject);
            return None;
        };
        match o.get("format").and_then(Value::as_str) {
            Some(FORMAT) => {}
            Some(other) => self.push(Loc::top("format"), ProblemKind::UnsupportedFormat(other.into())),
            None if o.get("format").is_some() => self.push(Loc::top("format"), ProblemKind::WrongType(T_STRING)),
            None => self.push(Loc::top("format"), ProblemKind::Missing),
        }
        let top = At { section: "", index: 0, id: None };
        self.keys(o, KEYS_TOP, |_| Loc::default());
        let id = self.req_str(o, "id", &top_at(&top)).unwrap_or_default();
        let title = self.text(o, "title", &top_at(&top), true).unwrap_or_default();
        let published = self.date(o, "published", &top_at(&top), false);

        let sources = self.section(o, "sources", false, |r, o, at| r.source(o, at));
        let series = self.section(o, "series", true, |r, o, at| r.series(o, at));
        let events = self.section(o, "events", false, |r, o, at| r.event(o, at));
        let facts = self.section(o, "facts", false, |r, o, at| r.fact(o, at));
        let deals = self.section(o, "deals", false, |r, o, at| r.deal(o, at));
        let stories = self.section(o, "stories", false, |r, o, at| r.story(o, at));

        let total: usize = series.iter().map(|s| s.series.len()).sum();
        if total > MAX_TOTAL_POINTS {
            self.push(Loc::top("series"), ProblemKind::TooManyPoints { count: total, limit: MAX_TOTAL_POINTS });
        }
        let ds = Dataset { id, title, published, sources, series, events, facts, deals, stories };
        self.check_refs(&ds);
        for (i, s) in ds.stories.iter().enumerate() {
            for (field, kind) in super::story::check_steps(&ds, s) {
                let loc = Loc { section: "stories".into(), index: Some(i), id: Some(s.id.clone()), field: Some(field), ..Loc::default() };
                self.push(loc, kind);
            }
        }
        Some(ds)
    }

    /// Reads a list of objects, checking ids are unique.
    fn section<T>(
        &mut self,
        o: &Map<String, Value>,
        name: &'static str,
        required: bool,
        mut item: impl FnMut(&mut Reader, &Map<String, Value>, &At) -> Option<T>,
    ) -> Vec<T> {
        let Some(v) = o.get(name) else {
            if required {
                self.push(Loc::top(name), ProblemKind::Missing);
            }
            return Vec::new();
        };
        let Some(list) = v.as_array() else {
            self.push(Loc::top(name), ProblemKind::WrongType(T_LIST));
            return Vec::new();
        };
        if list.len() > MAX_ITEMS {
            self.push(Loc::top(name), ProblemKind::TooMany { count: list.len(), limit: MAX_ITEMS });
            return Vec::new();
        }
        let known = match name {
            "sources" => KEYS_SOURCE,
            "series" => KEYS_SERIES,
            "events" => KEYS_EVENT,
            "facts" => KEYS_FACT,
            "deals" => KEYS_DEAL,
            _ => KEYS_STORY,
        };
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let id = v.get("id").and_then(Value::as_str).map(String::from);
            let at = At { section: name, index: i, id: id.clone() };
            let Some(obj) = v.as_object() else {
                self.push(at.loc(""), ProblemKind::NotAnObject);
                continue;
            };
            self.keys(obj, known, |_| at.loc(""));
            if let Some(id) = &id {
                if !seen.insert(id.clone()) {
                    self.push(at.loc("id"), ProblemKind::DuplicateId);
                }
            }
            if let Some(t) = item(self, obj, &at) {
                out.push(t);
            }
        }
        out
    }

    fn req_str(&mut self, o: &Map<String, Value>, f: &str, at: &At) -> Option<String> {
        match o.get(f) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            Some(Value::String(_)) | None => {
                self.push(at.loc(f), ProblemKind::Missing);
                None
            }
            Some(_) => {
                self.push(at.loc(f), ProblemKind::WrongType(T_STRING));
                None
            }
        }
    }

    fn opt_str(&mut self, o: &Map<String, Value>, f: &str, at: &At) -> Option<String> {
        match o.get(f) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.push(at.loc(f), ProblemKind::WrongType(T_STRING));
                None
            }
        }
    }

    fn opt_num(&mut self, o: &Map<String, Value>, f: &str, at: &At) -> Option<f64> {
        match o.get(f) {
            None | Some(Value::Null) => None,
            Some(v) => self.number(v, at.loc(f)),
        }
    }

    fn number(&mut self, v: &Value, loc: Loc) -> Option<f64> {
        match v {
            Value::Number(n) => match n.as_f64() {
                Some(x) if x.is_finite() => Some(x),
                _ => {
                    self.push(loc, ProblemKind::NotFinite);
                    None
                }
            },
            // "NaN", "Infinity", null: say what is wrong with the value itself.
            Value::String(s) if s.trim().parse::<f64>().is_ok() || s.eq_ignore_ascii_case("nan") => {
                self.push(loc, ProblemKind::NotFinite);
                None
            }
            Value::Null => {
                self.push(loc, ProblemKind::NotFinite);
                None
            }
            _ => {
                self.push(loc, ProblemKind::WrongType(T_NUMBER));
                None
            }
        }
    }

    fn text(&mut self, o: &Map<String, Value>, f: &str, at: &At, required: bool) -> Option<Text> {
        match o.get(f) {
            None | Some(Value::Null) => {
                if required {
                    self.push(at.loc(f), ProblemKind::Missing);
                }
                None
            }
            Some(Value::String(s)) if !s.trim().is_empty() => Some(Text::same(s)),
            Some(Value::Object(t)) => {
                let en = t.get("en").and_then(Value::as_str).filter(|s| !s.trim().is_empty());
                let ar = t.get("ar").and_then(Value::as_str).filter(|s| !s.trim().is_empty());
                match (en, ar) {
                    (Some(en), Some(ar)) => Some(Text::new(en, ar)),
                    (Some(one), None) | (None, Some(one)) => Some(Text::same(one)),
                    (None, None) => {
                        self.push(at.loc(f), ProblemKind::WrongType(T_TEXT));
                        None
                    }
                }
            }
            Some(_) => {
                self.push(at.loc(f), ProblemKind::WrongType(T_TEXT));
                None
            }
        }
    }

    fn ids(&mut self, o: &Map<String, Value>, f: &str, at: &At) -> Vec<String> {
        match o.get(f) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => {
                let mut out = Vec::new();
                for v in a {
                    match v.as_str() {
                        Some(s) => out.push(s.to_string()),
                        None => self.push(at.loc(f), ProblemKind::WrongType(Expected::Ids)),
                    }
                }
                out
            }
            Some(Value::String(s)) => vec![s.clone()],
            Some(_) => {
                self.push(at.loc(f), ProblemKind::WrongType(Expected::Ids));
                Vec::new()
            }
        }
    }

    fn keyword<K>(&mut self, o: &Map<String, Value>, f: &str, at: &At, parse: fn(&str) -> Option<K>, allowed: String, default: Option<K>) -> Option<K> {
        match o.get(f) {
            None | Some(Value::Null) => {
                if default.is_none() {
                    self.push(at.loc(f), ProblemKind::Missing);
                }
                default
            }
            Some(Value::String(s)) => {
                let k = parse(s);
                if k.is_none() {
                    self.push(at.loc(f), ProblemKind::UnknownKeyword { value: s.clone(), allowed });
                }
                k
            }
            Some(_) => {
                self.push(at.loc(f), ProblemKind::WrongType(T_STRING));
                None
            }
        }
    }

    fn date(&mut self, o: &Map<String, Value>, f: &str, at: &At, required: bool) -> Option<(Date, DatePrecision)> {
        match o.get(f) {
            None | Some(Value::Null) => {
                if required {
                    self.push(at.loc(f), ProblemKind::Missing);
                }
                None
            }
            Some(Value::String(s)) => match Date::parse_flexible(s) {
                Ok(d) => Some(d),
                Err(_) => {
                    self.push(at.loc(f), ProblemKind::BadDate(s.clone()));
                    None
                }
            },
            Some(_) => {
                self.push(at.loc(f), ProblemKind::WrongType(T_STRING));
                None
            }
        }
    }

    fn source(&mut self, o: &Map<String, Value>, at: &At) -> Option<SourceDef> {
        let id = self.req_str(o, "id", at);
        let publisher = self.req_str(o, "publisher", at);
        let title = self.opt_str(o, "title", at).unwrap_or_default();
        let url = self.opt_str(o, "url", at);
        let date = self.opt_str(o, "date", at);
        if let Some(d) = &date {
            if Date::parse_flexible(d).is_err() {
                self.push(at.loc("date"), ProblemKind::BadDate(d.clone()));
            }
        }
        let note = self.opt_str(o, "note", at);
        let confidence = self.keyword(o, "confidence", at, Confidence::from_keyword, Confidence::keywords(), None);
        Some(SourceDef { id: id?, publisher: publisher?, title, url, date, note, confidence: confidence? })
    }

    fn series(&mut self, o: &Map<String, Value>, at: &At) -> Option<SeriesDef> {
        let id = self.req_str(o, "id", at);
        let name = self.text(o, "name", at, true);
        let unit = self.keyword(o, "unit", at, Unit::from_keyword, Unit::keywords(), None);
        let kind = self.keyword(o, "kind", at, Kind::from_keyword, Kind::keywords(), Some(Kind::Other));
        let frequency = self.keyword(o, "frequency", at, Frequency::from_keyword, Frequency::keywords(), Some(Frequency::Irregular));
        let sources = self.ids(o, "sources", at);
        let caveat = self.text(o, "caveat", at, false);
        let decimals = self.opt_num(o, "decimals", at).map(|d| d.clamp(0.0, 12.0) as u8);
        let chart = match o.get("chart") {
            None | Some(Value::Null) => None,
            Some(_) => self.keyword(o, "chart", at, ChartKind::from_keyword, ChartKind::keywords(), None),
        };
        let PointsRead { points, precision, notes, blocks } = self.points(o, at);
        let id = id?;
        let label = name.as_ref().map(|n| n.en.clone()).unwrap_or_default();
        let series = match blocks {
            Some(b) => Series::with_blocks(id.clone(), label, points, b),
            None => Series::new(id.clone(), label, points),
        };
        Some(SeriesDef {
            name: name?,
            unit: unit?,
            kind: kind?,
            frequency: frequency?,
            sources,
            caveat,
            decimals,
            chart,
            series,
            precision: precision.into(),
            notes,
        })
    }

    fn points(&mut self, o: &Map<String, Value>, at: &At) -> PointsRead {
        let (mut pts, mut prec, mut notes) = (Vec::new(), Vec::new(), Vec::new());
        if let Some(list) = self.lifted.get_mut(at.index).and_then(Option::take).filter(|_| at.section == "series") {
            return self.lifted_points(list, at);
        }
        let Some(v) = o.get("points") else {
            self.push(at.loc("points"), ProblemKind::Missing);
            return PointsRead { points: pts, precision: prec, notes, blocks: None };
        };
        let Some(list) = v.as_array() else {
            self.push(at.loc("points"), ProblemKind::WrongType(T_LIST));
            return PointsRead { points: pts, precision: prec, notes, blocks: None };
        };
        if list.is_empty() {
            self.push(at.loc("points"), ProblemKind::Empty);
        }
        if list.len() > MAX_SERIES_POINTS {
            self.push(at.loc("points"), ProblemKind::TooManyPoints { count: list.len(), limit: MAX_SERIES_POINTS });
            return PointsRead { points: pts, precision: prec, notes, blocks: None };
        }
        pts.reserve(list.len());
        let mut prev: Option<Date> = None;
        for (i, p) in list.iter().enumerate() {
            let loc = |field: &str| Loc { point: Some(i), ..at.loc(field) };
            let Some(pair) = p.as_array().filter(|a| a.len() == 2 || a.len() == 3) else {
                self.push(loc(""), ProblemKind::WrongType(Expected::DateValuePair));
                continue;
            };
            let date = match pair[0].as_str().map(Date::parse_flexible) {
                Some(Ok(d)) => Some(d),
                Some(Err(_)) => {
                    self.push(loc("date"), ProblemKind::BadDate(pair[0].as_str().unwrap_or_default().into()));
                    None
                }
                None => {
                    self.push(loc("date"), ProblemKind::WrongType(T_STRING));
                    None
                }
            };
            let value = self.number(&pair[1], loc("value"));
            if let Some(extra) = pair.get(2) {
                match extra.as_object() {
                    Some(m) => {
                        self.keys(m, KEYS_POINT_NOTE, |_| loc("note"));
                        let get = |k: &str| m.get(k).and_then(Value::as_str).map(String::from);
                        notes.push((pts.len(), PointNote { source: get("source"), quote: get("quote"), note: get("note") }));
                    }
                    None => self.push(loc("note"), ProblemKind::WrongType(T_OBJECT)),
                }
            }
            let (Some((d, pr)), Some(v)) = (date, value) else { continue };
            if let Some(prev) = prev {
                if d == prev {
                    self.push(loc("date"), ProblemKind::DuplicateDate(d.iso_at(pr)));
                    continue;
                }
                if d < prev {
                    self.push(loc("date"), ProblemKind::Unsorted);
                    continue;
                }
            }
            prev = Some(d);
            pts.push(Point { date: d, value: v });
            prec.push(pr);
        }
        PointsRead { points: pts, precision: prec, notes, blocks: None }
    }

    /// A points list the scanner read and checked: its problems, placed.
    fn lifted_points(&mut self, list: Lifted, at: &At) -> PointsRead {
        if list.count > MAX_SERIES_POINTS {
            self.push(at.loc("points"), ProblemKind::TooManyPoints { count: list.count, limit: MAX_SERIES_POINTS });
            return PointsRead { points: Vec::new(), precision: Vec::new(), notes: Vec::new(), blocks: None };
        }
        for (i, kind) in list.dropped {
            self.push(Loc { point: Some(i), ..at.loc("date") }, kind);
        }
        PointsRead { points: list.points, precision: list.precision, notes: Vec::new(), blocks: Some(list.blocks) }
    }

    fn event(&mut self, o: &Map<String, Value>, at: &At) -> Option<EventDef> {
        let id = self.req_str(o, "id", at);
        let date = self.date(o, "date", at, true);
        let title = self.text(o, "title", at, true);
        let text = self.text(o, "text", at, false);
        let series = self.ids(o, "series", at);
        let stories = self.ids(o, "stories", at);
        let sources = self.ids(o, "sources", at);
        let quote = self.opt_str(o, "quote", at);
        let (date, precision) = date?;
        let title = title?;
        Some(EventDef { id: id?, date, precision, text: text.unwrap_or_else(|| title.clone()), title, series, stories, sources, quote })
    }

    fn fact(&mut self, o: &Map<String, Value>, at: &At) -> Option<FactDef> {
        let id = self.req_str(o, "id", at);
        let title = self.text(o, "title", at, true);
        let unit = self.keyword(o, "unit", at, Unit::from_keyword, Unit::keywords(), None);
        let date = self.date(o, "date", at, false);
        let stories = self.ids(o, "stories", at);
        let series = self.opt_str(o, "series", at);
        let mut values = Vec::new();
        match o.get("values").and_then(Value::as_array) {
            None => self.push(at.loc("values"), ProblemKind::Missing),
            Some(list) if list.is_empty() => self.push(at.loc("values"), ProblemKind::Empty),
            Some(list) => {
                for (i, v) in list.iter().enumerate() {
                    let vat = At { section: at.section, index: at.index, id: at.id.clone() };
                    let Some(m) = v.as_object() else {
                        self.push(Loc { point: Some(i), ..vat.loc("values") }, ProblemKind::NotAnObject);
                        continue;
                    };
                    self.keys(m, KEYS_ALTERNATIVE, |_| Loc { point: Some(i), ..vat.loc("values") });
                    let value = match m.get("value") {
                        Some(x) => self.number(x, Loc { point: Some(i), ..vat.loc("value") }),
                        None => {
                            self.push(Loc { point: Some(i), ..vat.loc("value") }, ProblemKind::Missing);
                            None
                        }
                    };
                    let high = self.opt_num(m, "high", &vat);
                    let sources = self.ids(m, "sources", &vat);
                    let quote = self.opt_str(m, "quote", &vat);
                    let note = self.text(m, "note", &vat, false);
                    if let Some(value) = value {
                        values.push(Alternative { value, high, sources, quote, note });
                    }
                }
            }
        }
        Some(FactDef { id: id?, title: title?, unit: unit?, date, stories, series, values })
    }

    fn deal(&mut self, o: &Map<String, Value>, at: &At) -> Option<DealDef> {
        let id = self.req_str(o, "id", at);
        let company = self.req_str(o, "company", at);
        let ticker = self.opt_str(o, "ticker", at);
        let partner = self.opt_str(o, "partner", at);
        let date = self.date(o, "date", at, true);
        let value_usd_bn = self.opt_num(o, "value_usd_bn", at);
        let mw = self.opt_num(o, "mw", at);
        let term_years = self.opt_num(o, "term_years", at);
        let text = self.text(o, "text", at, true);
        let stories = self.ids(o, "stories", at);
        let sources = self.ids(o, "sources", at);
        let quote = self.opt_str(o, "quote", at);
        let (date, precision) = date?;
        Some(DealDef { stories, id: id?, company: company?, ticker, partner, date, precision, value_usd_bn, mw, term_years, text: text?, sources, quote })
    }

    fn story(&mut self, o: &Map<String, Value>, at: &At) -> Option<StoryDef> {
        let id = self.req_str(o, "id", at);
        let title = self.text(o, "title", at, true);
        let summary = self.text(o, "summary", at, false);
        let series = self.ids(o, "series", at);
        let compare = self.ids(o, "compare", at);
        let mode = self.keyword(o, "mode", at, Mode::from_keyword, Mode::keywords(), Some(Mode::Absolute));
        let window = self.window(o, "window", at);
        let mut faq = Vec::new();
        if let Some(list) = o.get("faq") {
            match list.as_array() {
                Some(items) => {
                    for item in items {
                        let Some(m) = item.as_object() else {
                            self.push(at.loc("faq"), ProblemKind::NotAnObject);
                            continue;
                        };
                        self.keys(m, KEYS_FAQ, |_| at.loc("faq"));
                        let (q, a) = (self.text(m, "question", at, true), self.text(m, "answer", at, true));
                        let story = self.opt_str(m, "story", at);
                        if let (Some(question), Some(answer)) = (q, a) {
                            faq.push(Faq { question, answer, story });
                        }
                    }
                }
                None => self.push(at.loc("faq"), ProblemKind::WrongType(T_LIST)),
            }
        }
        let mut steps = Vec::new();
        match o.get("steps") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let sat = At { section: at.section, index: at.index, id: at.id.clone() };
                    match item.as_object() {
                        Some(m) => steps.extend(self.step(m, &sat, i)),
                        None => self.push(at.loc(&format!("steps[{i}]")), ProblemKind::NotAnObject),
                    }
                }
            }
            Some(_) => self.push(at.loc("steps"), ProblemKind::WrongType(T_LIST)),
        }
        let title = title?;
        Some(StoryDef { id: id?, summary: summary.unwrap_or_default(), title, series, compare, window, mode: mode?, faq, steps })
    }

    fn window(&mut self, o: &Map<String, Value>, f: &str, at: &At) -> Option<(Date, Date)> {
        match o.get(f) {
            None | Some(Value::Null) => None,
            Some(Value::Array(a)) if a.len() == 2 => {
                let d = |v: &Value| v.as_str().and_then(|s| Date::parse_flexible(s).ok()).map(|d| d.0);
                match (d(&a[0]), d(&a[1])) {
                    (Some(x), Some(y)) => Some((x.min(y), x.max(y))),
                    _ => {
                        self.push(at.loc(f), ProblemKind::WrongType(Expected::DatePair));
                        None
                    }
                }
            }
            Some(_) => {
                self.push(at.loc(f), ProblemKind::WrongType(Expected::DatePair));
                None
            }
        }
    }

    /// One step of a story; `i` is its place in `steps` (problems say `steps[i].field`).
    fn step(&mut self, o: &Map<String, Value>, at: &At, i: usize) -> Option<StepDef> {
        let f = |name: &str| format!("steps[{i}].{name}");
        // Fields are read from the step object but reported under the story.
        let sub = At { section: at.section, index: at.index, id: at.id.clone() };
        let loc = |name: &str| sub.loc(&f(name));
        self.keys(o, KEYS_STEP, |_| sub.loc(&format!("steps[{i}]")));
        let title = self.sub_text(o, "title", loc("title"), true);
        let text = self.sub_text(o, "text", loc("text"), true);
        let main = match o.get("main") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                self.push(loc("main"), ProblemKind::WrongType(T_STRING));
                None
            }
        };
        let compare = o.get("compare").filter(|v| !v.is_null()).map(|_| self.relocated(loc("compare"), |r| r.ids(o, "compare", &sub)));
        let mode = match o.get("mode") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => {
                let m = Mode::from_keyword(s);
                if m.is_none() {
                    self.push(loc("mode"), ProblemKind::UnknownKeyword { value: s.clone(), allowed: Mode::keywords() });
                }
                m
            }
            Some(_) => {
                self.push(loc("mode"), ProblemKind::WrongType(T_STRING));
                None
            }
        };
        let log = match o.get("log") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.push(loc("log"), ProblemKind::WrongType(Expected::Bool));
                false
            }
        };
        let window = self.relocated(loc("window"), |r| r.window(o, "window", &sub));
        let cursor = match o.get("cursor") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => match Date::parse_flexible(s) {
                Ok((d, _)) => Some(d),
                Err(_) => {
                    self.push(loc("cursor"), ProblemKind::BadDate(s.clone()));
                    None
                }
            },
            Some(_) => {
                self.push(loc("cursor"), ProblemKind::WrongType(T_STRING));
                None
            }
        };
        let events = self.relocated(loc("events"), |r| r.ids(o, "events", &sub));
        let mut figures = Vec::new();
        if let Some(v) = o.get("figures").filter(|v| !v.is_null()) {
            match v.as_array() {
                Some(list) => {
                    for (k, item) in list.iter().enumerate() {
                        let floc = loc(&format!("figures[{k}]"));
                        match item.as_object() {
                            Some(m) => figures.extend(self.figure(m, floc)),
                            None => self.push(floc, ProblemKind::NotAnObject),
                        }
                    }
                }
                None => self.push(loc("figures"), ProblemKind::WrongType(T_LIST)),
            }
        }
        let mut marks = Vec::new();
        if let Some(v) = o.get("marks").filter(|v| !v.is_null()) {
            match v.as_array() {
                Some(list) => {
                    for (k, item) in list.iter().enumerate() {
                        let mloc = loc(&format!("marks[{k}]"));
                        let Some(m) = item.as_object() else {
                            self.push(mloc, ProblemKind::NotAnObject);
                            continue;
                        };
                        self.keys(m, KEYS_MARK, |_| mloc.clone());
                        let figure = m.get("figure").and_then(Value::as_str).map(String::from);
                        let line = match m.get("as").and_then(Value::as_str) {
                            Some("line") => Some(true),
                            Some("point") | None => Some(false),
                            Some(other) => {
                                self.push(mloc.clone(), ProblemKind::UnknownKeyword { value: other.into(), allowed: "point, line".into() });
                                None
                            }
                        };
                        let label = self.sub_text(m, "label", mloc.clone(), true);
                        if figure.is_none() {
                            self.push(Loc { field: Some(format!("{}.figure", mloc.field.clone().unwrap_or_default())), ..mloc.clone() }, ProblemKind::Missing);
                        }
                        if let (Some(figure), Some(line), Some(label)) = (figure, line, label) {
                            marks.push(MarkDef { figure, line, label });
                        }
                    }
                }
                None => self.push(loc("marks"), ProblemKind::WrongType(T_LIST)),
            }
        }
        Some(StepDef { title: title?, text: text?, main, compare, mode, log, window, cursor, events, figures, marks })
    }

    /// Runs a reader whose problems belong at `loc` (a field inside a step).
    fn relocated<T>(&mut self, loc: Loc, read: impl FnOnce(&mut Reader) -> T) -> T {
        let before = self.problems.len();
        let t = read(self);
        for p in self.problems.iter_mut().skip(before) {
            p.loc = loc.clone();
        }
        t
    }

    fn sub_text(&mut self, o: &Map<String, Value>, f: &str, loc: Loc, required: bool) -> Option<Text> {
        let at = At { section: "", index: 0, id: None };
        self.relocated(loc, |r| r.text(o, f, &at, required))
    }

    fn figure(&mut self, o: &Map<String, Value>, loc: Loc) -> Option<FigureDef> {
        self.keys(o, KEYS_FIGURE, |_| loc.clone());
        let field = |name: &str| Loc { field: Some(format!("{}.{name}", loc.field.clone().unwrap_or_default())), ..loc.clone() };
        let s = |r: &mut Reader, name: &str| -> Option<String> {
            match o.get(name) {
                Some(Value::String(v)) if !v.trim().is_empty() => Some(v.clone()),
                Some(Value::String(_)) | None | Some(Value::Null) => {
                    r.push(field(name), ProblemKind::Missing);
                    None
                }
                Some(_) => {
                    r.push(field(name), ProblemKind::WrongType(T_STRING));
                    None
                }
            }
        };
        let id = s(self, "id");
        let op = s(self, "op")?;
        let date = |r: &mut Reader, name: &str| -> Option<DateRef> {
            let v = s(r, name)?;
            Some(match Date::parse_flexible(&v) {
                Ok((d, _)) => DateRef::Date(d),
                Err(_) if v.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
                    r.push(field(name), ProblemKind::BadDate(v));
                    return None;
                }
                Err(_) => DateRef::Figure(v),
            })
        };
        let op = match op.as_str() {
            "value" => FigureOp::Value { series: s(self, "series")?, at: date(self, "at")? },
            "change" | "ratio" | "max" | "min" => {
                let (series, from, to) = (s(self, "series"), date(self, "from"), date(self, "to"));
                let (series, from, to) = (series?, from?, to?);
                match op.as_str() {
                    "change" => FigureOp::Change { series, from, to },
                    "ratio" => FigureOp::Ratio { series, from, to },
                    "max" => FigureOp::Max { series, from, to },
                    _ => FigureOp::Min { series, from, to },
                }
            }
            "first_below" => {
                let (series, below, after) = (s(self, "series"), s(self, "below"), date(self, "after"));
                FigureOp::FirstBelow { series: series?, below: below?, after: after? }
            }
            "lost" => {
                let (series, shares, from, at) = (s(self, "series"), s(self, "shares"), date(self, "from"), date(self, "at"));
                FigureOp::Lost { series: series?, shares: shares?, from: from?, at: at? }
            }
            "share" => {
                let (series, other, at) = (s(self, "series"), s(self, "other"), date(self, "at"));
                FigureOp::Share { series: series?, other: other?, at: at? }
            }
            "fact" => FigureOp::Fact { fact: s(self, "fact")? },
            other => {
                self.push(field("op"), ProblemKind::UnknownKeyword { value: other.into(), allowed: FigureOp::KEYWORDS.into() });
                return None;
            }
        };
        let decimals = match o.get("decimals") {
            None | Some(Value::Null) => None,
            Some(v) => self.number(v, field("decimals")).map(|d| d.clamp(0.0, 6.0) as u8),
        };
        Some(FigureDef { id: id?, op, decimals })
    }

    /// Every id that points somewhere must point at something.
    fn check_refs(&mut self, ds: &Dataset) {
        let sources: HashSet<&str> = ds.sources.iter().map(|s| s.id.as_str()).collect();
        let series: HashSet<&str> = ds.series.iter().map(|s| s.id()).collect();
        let stories: HashSet<&str> = ds.stories.iter().map(|s| s.id.as_str()).collect();
        let mut problems = Vec::new();
        let mut check = |set: &HashSet<&str>, what: &'static str, ids: &mut dyn Iterator<Item = &String>, loc: Loc| {
            for id in ids {
                if !set.contains(id.as_str()) {
                    problems.push(Problem::new(loc.clone(), ProblemKind::UnknownRef { what, id: id.clone() }));
                }
            }
        };
        let loc = |section: &str, i: usize, id: &str, field: &str| Loc {
            section: section.into(),
            index: Some(i),
            id: Some(id.into()),
            field: Some(field.into()),
            ..Loc::default()
        };
        for (i, s) in ds.series.iter().enumerate() {
            check(&sources, "source", &mut s.sources.iter(), loc("series", i, s.id(), "sources"));
            for (p, n) in &s.notes {
                check(&sources, "source", &mut n.source.iter(), Loc { point: Some(*p), ..loc("series", i, s.id(), "source") });
            }
        }
        for (i, e) in ds.events.iter().enumerate() {
            check(&series, "series", &mut e.series.iter(), loc("events", i, &e.id, "series"));
            check(&stories, "story", &mut e.stories.iter(), loc("events", i, &e.id, "stories"));
            check(&sources, "source", &mut e.sources.iter(), loc("events", i, &e.id, "sources"));
        }
        for (i, f) in ds.facts.iter().enumerate() {
            check(&stories, "story", &mut f.stories.iter(), loc("facts", i, &f.id, "stories"));
            check(&series, "series", &mut f.series.iter(), loc("facts", i, &f.id, "series"));
            for v in &f.values {
                check(&sources, "source", &mut v.sources.iter(), loc("facts", i, &f.id, "sources"));
            }
        }
        for (i, d) in ds.deals.iter().enumerate() {
            check(&sources, "source", &mut d.sources.iter(), loc("deals", i, &d.id, "sources"));
            check(&stories, "story", &mut d.stories.iter(), loc("deals", i, &d.id, "stories"));
        }
        for (i, s) in ds.stories.iter().enumerate() {
            check(&stories, "story", &mut s.faq.iter().filter_map(|f| f.story.as_ref()), loc("stories", i, &s.id, "faq"));
            check(&series, "series", &mut s.series.iter(), loc("stories", i, &s.id, "series"));
            check(&series, "series", &mut s.compare.iter(), loc("stories", i, &s.id, "compare"));
        }
        for p in problems {
            self.push(p.loc, p.kind);
        }
    }
}

fn top_at(_: &At) -> At {
    At { section: "", index: 0, id: None }
}

// ---------------------------------------------------------------- writing

fn text_json(t: &Text) -> Value {
    if t.en == t.ar {
        Value::String(t.en.clone())
    } else {
        serde_json::json!({ "en": t.en, "ar": t.ar })
    }
}

fn put(m: &mut Map<String, Value>, k: &str, v: Value) {
    if !(v.is_null() || v.as_array().is_some_and(|a| a.is_empty())) {
        m.insert(k.into(), v);
    }
}

fn strs(v: &[String]) -> Value {
    Value::Array(v.iter().map(|s| Value::String(s.clone())).collect())
}

fn opt<T: Into<Value> + Clone>(v: &Option<T>) -> Value {
    v.clone().map(Into::into).unwrap_or(Value::Null)
}

/// Writes the dataset as JSON: top-level keys one per line, each item of a
/// section on its own line. Reading it back gives the same dataset.
pub fn write(ds: &Dataset) -> String {
    let mut out = String::from("{\n");
    let line = |k: &str, v: &Value| format!("\"{k}\": {}", serde_json::to_string(v).unwrap_or_default());
    let mut top = vec![line("format", &FORMAT.into()), line("id", &ds.id.clone().into()), line("title", &text_json(&ds.title))];
    if let Some((d, p)) = ds.published {
        top.push(line("published", &d.iso_at(p).into()));
    }
    let section = |name: &str, items: Vec<Value>| {
        let body: Vec<String> = items.iter().map(|v| serde_json::to_string(v).unwrap_or_default()).collect();
        format!("\"{name}\": [\n{}\n]", body.join(",\n"))
    };
    top.push(section(
        "sources",
        ds.sources
            .iter()
            .map(|s| {
                let mut m = Map::new();
                put(&mut m, "id", s.id.clone().into());
                put(&mut m, "publisher", s.publisher.clone().into());
                put(&mut m, "title", if s.title.is_empty() { Value::Null } else { s.title.clone().into() });
                put(&mut m, "url", opt(&s.url));
                put(&mut m, "date", opt(&s.date));
                put(&mut m, "note", opt(&s.note));
                put(&mut m, "confidence", s.confidence.keyword().into());
                Value::Object(m)
            })
            .collect(),
    ));
    top.push(section(
        "series",
        ds.series
            .iter()
            .map(|s| {
                let mut m = Map::new();
                put(&mut m, "id", s.id().into());
                put(&mut m, "name", text_json(&s.name));
                put(&mut m, "unit", s.unit.keyword().into());
                put(&mut m, "kind", s.kind.keyword().into());
                put(&mut m, "frequency", s.frequency.keyword().into());
                put(&mut m, "sources", strs(&s.sources));
                put(&mut m, "caveat", s.caveat.as_ref().map(text_json).unwrap_or(Value::Null));
                put(&mut m, "decimals", s.decimals.map(Value::from).unwrap_or(Value::Null));
                put(&mut m, "chart", s.chart.map(|c| Value::from(c.keyword())).unwrap_or(Value::Null));
                let pts = s
                    .series
                    .points
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        let mut a = vec![Value::String(p.date.iso_at(s.precision.get(i).copied().unwrap_or_default())), num(p.value)];
                        if let Some((_, n)) = s.notes.iter().find(|(j, _)| *j == i) {
                            let mut nm = Map::new();
                            put(&mut nm, "source", opt(&n.source));
                            put(&mut nm, "quote", opt(&n.quote));
                            put(&mut nm, "note", opt(&n.note));
                            a.push(Value::Object(nm));
                        }
                        Value::Array(a)
                    })
                    .collect();
                m.insert("points".into(), Value::Array(pts));
                Value::Object(m)
            })
            .collect(),
    ));
    top.push(section(
        "events",
        ds.events
            .iter()
            .map(|e| {
                let mut m = Map::new();
                put(&mut m, "id", e.id.clone().into());
                put(&mut m, "date", e.date.iso_at(e.precision).into());
                put(&mut m, "title", text_json(&e.title));
                put(&mut m, "text", text_json(&e.text));
                put(&mut m, "series", strs(&e.series));
                put(&mut m, "stories", strs(&e.stories));
                put(&mut m, "sources", strs(&e.sources));
                put(&mut m, "quote", opt(&e.quote));
                Value::Object(m)
            })
            .collect(),
    ));
    top.push(section(
        "facts",
        ds.facts
            .iter()
            .map(|f| {
                let mut m = Map::new();
                put(&mut m, "id", f.id.clone().into());
                put(&mut m, "title", text_json(&f.title));
                put(&mut m, "unit", f.unit.keyword().into());
                put(&mut m, "date", f.date.map(|(d, p)| Value::from(d.iso_at(p))).unwrap_or(Value::Null));
                put(&mut m, "stories", strs(&f.stories));
                put(&mut m, "series", opt(&f.series));
                let vals = f
                    .values
                    .iter()
                    .map(|a| {
                        let mut vm = Map::new();
                        put(&mut vm, "value", num(a.value));
                        put(&mut vm, "high", a.high.map(num).unwrap_or(Value::Null));
                        put(&mut vm, "sources", strs(&a.sources));
                        put(&mut vm, "quote", opt(&a.quote));
                        put(&mut vm, "note", a.note.as_ref().map(text_json).unwrap_or(Value::Null));
                        Value::Object(vm)
                    })
                    .collect();
                m.insert("values".into(), Value::Array(vals));
                Value::Object(m)
            })
            .collect(),
    ));
    top.push(section(
        "deals",
        ds.deals
            .iter()
            .map(|d| {
                let mut m = Map::new();
                put(&mut m, "id", d.id.clone().into());
                put(&mut m, "company", d.company.clone().into());
                put(&mut m, "ticker", opt(&d.ticker));
                put(&mut m, "partner", opt(&d.partner));
                put(&mut m, "date", d.date.iso_at(d.precision).into());
                put(&mut m, "value_usd_bn", d.value_usd_bn.map(num).unwrap_or(Value::Null));
                put(&mut m, "mw", d.mw.map(num).unwrap_or(Value::Null));
                put(&mut m, "term_years", d.term_years.map(num).unwrap_or(Value::Null));
                put(&mut m, "text", text_json(&d.text));
                put(&mut m, "stories", strs(&d.stories));
                put(&mut m, "sources", strs(&d.sources));
                put(&mut m, "quote", opt(&d.quote));
                Value::Object(m)
            })
            .collect(),
    ));
    top.push(section(
        "stories",
        ds.stories
            .iter()
            .map(|s| {
                let mut m = Map::new();
                put(&mut m, "id", s.id.clone().into());
                put(&mut m, "title", text_json(&s.title));
                put(&mut m, "summary", if s.summary.en.is_empty() { Value::Null } else { text_json(&s.summary) });
                put(&mut m, "series", strs(&s.series));
                put(&mut m, "compare", strs(&s.compare));
                put(&mut m, "window", s.window.map(|(a, b)| serde_json::json!([a.iso(), b.iso()])).unwrap_or(Value::Null));
                put(&mut m, "mode", s.mode.keyword().into());
                let faq: Vec<Value> = s
                    .faq
                    .iter()
                    .map(|f| {
                        let mut fm = Map::new();
                        put(&mut fm, "question", text_json(&f.question));
                        put(&mut fm, "answer", text_json(&f.answer));
                        put(&mut fm, "story", opt(&f.story));
                        Value::Object(fm)
                    })
                    .collect();
                put(&mut m, "faq", Value::Array(faq));
                put(&mut m, "steps", Value::Array(s.steps.iter().map(step_json).collect()));
                Value::Object(m)
            })
            .collect(),
    ));
    out.push_str(&top.join(",\n"));
    out.push_str("\n}\n");
    out
}

fn step_json(st: &StepDef) -> Value {
    let mut m = Map::new();
    let date_ref = |d: &DateRef| match d {
        DateRef::Date(d) => Value::from(d.iso()),
        DateRef::Figure(f) => Value::from(f.clone()),
    };
    put(&mut m, "title", text_json(&st.title));
    put(&mut m, "text", text_json(&st.text));
    put(&mut m, "main", opt(&st.main));
    if let Some(c) = &st.compare {
        // An empty list means "no comparisons": keep it.
        m.insert("compare".into(), strs(c));
    }
    put(&mut m, "mode", st.mode.map(|x| Value::from(x.keyword())).unwrap_or(Value::Null));
    if st.log {
        m.insert("log".into(), Value::Bool(true));
    }
    put(&mut m, "window", st.window.map(|(a, b)| serde_json::json!([a.iso(), b.iso()])).unwrap_or(Value::Null));
    put(&mut m, "cursor", st.cursor.map(|d| Value::from(d.iso())).unwrap_or(Value::Null));
    put(&mut m, "events", strs(&st.events));
    let figs: Vec<Value> = st
        .figures
        .iter()
        .map(|f| {
            let mut fm = Map::new();
            put(&mut fm, "id", f.id.clone().into());
            let mut field = |k: &str, v: Value| put(&mut fm, k, v);
            match &f.op {
                FigureOp::Value { series, at } => {
                    field("op", "value".into());
                    field("series", series.clone().into());
                    field("at", date_ref(at));
                }
                FigureOp::Change { series, from, to }
                | FigureOp::Ratio { series, from, to }
                | FigureOp::Max { series, from, to }
                | FigureOp::Min { series, from, to } => {
                    let op = match f.op {
                        FigureOp::Change { .. } => "change",
                        FigureOp::Ratio { .. } => "ratio",
                        FigureOp::Max { .. } => "max",
                        _ => "min",
                    };
                    field("op", op.into());
                    field("series", series.clone().into());
                    field("from", date_ref(from));
                    field("to", date_ref(to));
                }
                FigureOp::FirstBelow { series, below, after } => {
                    field("op", "first_below".into());
                    field("series", series.clone().into());
                    field("below", below.clone().into());
                    field("after", date_ref(after));
                }
                FigureOp::Lost { series, shares, from, at } => {
                    field("op", "lost".into());
                    field("series", series.clone().into());
                    field("shares", shares.clone().into());
                    field("from", date_ref(from));
                    field("at", date_ref(at));
                }
                FigureOp::Share { series, other, at } => {
                    field("op", "share".into());
                    field("series", series.clone().into());
                    field("other", other.clone().into());
                    field("at", date_ref(at));
                }
                FigureOp::Fact { fact } => {
                    field("op", "fact".into());
                    field("fact", fact.clone().into());
                }
            }
            put(&mut fm, "decimals", f.decimals.map(Value::from).unwrap_or(Value::Null));
            Value::Object(fm)
        })
        .collect();
    put(&mut m, "figures", Value::Array(figs));
    let marks: Vec<Value> = st
        .marks
        .iter()
        .map(|k| {
            let mut mm = Map::new();
            put(&mut mm, "figure", k.figure.clone().into());
            put(&mut mm, "as", if k.line { "line" } else { "point" }.into());
            put(&mut mm, "label", text_json(&k.label));
            Value::Object(mm)
        })
        .collect();
    put(&mut m, "marks", Value::Array(marks));
    Value::Object(m)
}

/// Whole numbers are written without ".0" (2300, not 2300.0).
fn num(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        Value::from(v as i64)
    } else {
        Value::from(v)
    }
}

#[cfg(test)]
mod tests {
    use crate::core::lang::Lang;
    use crate::i18n::Say;

    #[test]
    fn unknown_keys_are_noted_with_the_closest_known_one_and_the_data_still_loads() {
        let text = r#"{"format": "liquidity-explorer-dataset/1", "id": "t", "title": "T", "colour": "red",
          "series": [{"id": "A", "name": "A", "unit": "usd", "frequncy": "daily", "points": [["2025-01-02", 1]]}],
          "stories": [{"id": "s", "title": "S", "series": ["A"], "comapre": ["A"]}]}"#;
        let (ds, notes) = super::read_noting(text).expect("the data loads");
        assert_eq!(ds.series.len(), 1);
        let m: Vec<String> = notes.iter().map(|p| p.say(Lang::En)).collect();
        assert_eq!(
            m,
            vec![
                "\"colour\" is not a key of this format (ignored)",
                "series \"A\": \"frequncy\" is not a key of this format: did you mean \"frequency\"? (ignored)",
                "story \"s\": \"comapre\" is not a key of this format: did you mean \"compare\"? (ignored)",
            ]
        );
        assert!(notes[2].say(Lang::Ar).contains("هل تقصد"));
    }

    #[test]
    fn limits_are_enforced_before_the_work() {
        use crate::core::dataset::{MAX_ITEMS, MAX_TEXT};
        let long = "x".repeat(MAX_TEXT + 1);
        let text = format!(r#"{{"format": "liquidity-explorer-dataset/1", "id": "t", "title": "{long}", "series": []}}"#);
        let p = super::read(&text).unwrap_err();
        assert_eq!(p[0].say(Lang::En), format!("field \"/title\": {} characters, over the limit of {MAX_TEXT}", MAX_TEXT + 1));
        let many: Vec<String> = (0..=MAX_ITEMS).map(|i| format!(r#"{{"id": "e{i}"}}"#)).collect();
        let text = format!(r#"{{"format": "liquidity-explorer-dataset/1", "id": "t", "title": "T", "series": [], "events": [{}]}}"#, many.join(","));
        let p = super::read(&text).unwrap_err();
        assert!(p.iter().any(|x| x.say(Lang::En) == format!("field \"events\": {} items, over the limit of {MAX_ITEMS}", MAX_ITEMS + 1)), "{p:?}");
        // Nesting deeper than serde_json's limit is refused as JSON, never a stack overflow.
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(super::read(&deep).is_err());
    }
}
