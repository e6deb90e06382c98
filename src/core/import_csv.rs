//! Bring-your-own-data: a CSV with a header row, a date column first and one
//! or more numeric columns (what finance sites and spreadsheets export), comma-
//! or semicolon-separated. Each numeric column becomes a series; a column with
//! no numbers at all (a ticker symbol, say) is left out. Empty cells are gaps,
//! never filled in.

use super::csv;
use super::dataset::*;
use super::dataset_json;
use super::date::{Date, DatePrecision};
use super::lang::Text;
use super::series::{Point, Series};

/// Reads a file the reader picked or linked: a dataset (JSON) or a CSV.
pub fn load_any(text: &str, file_name: &str) -> Result<Dataset, Vec<Problem>> {
    load_any_noting(text, file_name).map(|(ds, _)| ds)
}

/// Like `load_any`, with the notes that do not stop a dataset from loading (unknown keys).
pub fn load_any_noting(text: &str, file_name: &str) -> Result<(Dataset, Vec<Problem>), Vec<Problem>> {
    if is_json(text) {
        dataset_json::read_noting(text)
    } else {
        import_csv(text, file_name).map(|ds| (ds, Vec::new()))
    }
}

/// Whether a file is a dataset (JSON) rather than a CSV: it opens with `{` or `[`.
pub fn is_json(text: &str) -> bool {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    body.starts_with('{') || body.starts_with('[')
}

/// Parses a number as spreadsheets write it: `1234.5`, `1,234.5` (quoted),
/// and with `;` as the separator also `1.234,5` or `1234,5`.
fn parse_number(cell: &str, semicolon: bool) -> Option<f64> {
    let s: String = cell.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'')).collect();
    if s.is_empty() {
        return None;
    }
    let s = if semicolon && s.contains(',') { s.replace('.', "").replace(',', ".") } else { s.replace(',', "") };
    s.parse::<f64>().ok()
}

/// A cell of the date column, read.
#[derive(Clone, Copy)]
struct When {
    /// The day as the file wrote it (its own zone).
    day: Date,
    /// Month or year precision for `2025-01` / `2025`, else a day.
    precision: DatePrecision,
    /// The instant in UTC, for a cell with a time of day or Unix time.
    instant: Option<Date>,
    /// The offset from UTC the cell gave, in minutes.
    offset: Option<i32>,
    /// True when the time the file wrote is midnight (a daily export that writes times).
    midnight: bool,
}

/// Reads a date cell: `2025-01-02`, `2025-01`, `2025`, a date-time
/// (`2025-09-10 09:31:00-04:00`, `2025-09-10T13:31Z`, `2025-09-10 13:31`), or,
/// in a column named like a time (time, timestamp, unix, epoch, date), Unix
/// seconds or milliseconds.
fn parse_when(cell: &str, unix_column: bool) -> Option<When> {
    let c = cell.trim();
    if c.len() > 10 && matches!(c.as_bytes()[10], b'T' | b't' | b' ') {
        let (instant, offset) = Date::parse_datetime(c).ok()?;
        let local = Date::from_secs(instant.secs() + offset.unwrap_or(0) as i64 * 60)?;
        return Some(When { day: local.day_start(), precision: DatePrecision::Day, instant: Some(instant), offset, midnight: !local.has_time() });
    }
    if unix_column && c.len() >= 5 && c.bytes().enumerate().all(|(i, b)| b.is_ascii_digit() || (i == 0 && b == b'-')) {
        let instant = Date::from_unix(c.parse().ok()?)?;
        return Some(When { day: instant.day_start(), precision: DatePrecision::Day, instant: Some(instant), offset: Some(0), midnight: !instant.has_time() });
    }
    let (day, precision) = Date::parse_flexible(c).ok()?;
    Some(When { day, precision, instant: None, offset: None, midnight: true })
}

/// Whether a header names a time column whose numbers may be Unix time.
fn names_a_time(header: &str) -> bool {
    let h = header.trim().to_ascii_lowercase();
    ["time", "unix", "epoch", "date"].iter().any(|w| h.contains(w)) || h == "ts"
}

/// "UTC−04:00" for −240 minutes.
fn utc_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '\u{2212}' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", m / 60, m % 60)
}

fn slug(s: &str) -> String {
    let id: String = s.trim().chars().map(|c| if c.is_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
    let id = id.trim_matches('_').to_string();
    if id.is_empty() {
        "COLUMN".into()
    } else {
        id
    }
}

/// Reads a CSV in one go (see [`CsvImport`] for reading a big one in slices).
pub fn import_csv(text: &str, file_name: &str) -> Result<Dataset, Vec<Problem>> {
    let mut import = CsvImport::new(text.to_string(), file_name)?;
    while !import.step(usize::MAX)? {}
    import.finish()
}

/// A cell after the date column, read.
#[derive(Clone, Copy)]
enum Cell {
    Empty,
    Number(f64),
    NotFinite,
    Text,
}

/// How far a sliced import has read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// Bytes of the text read so far, and in all.
    pub bytes: usize,
    pub total: usize,
    /// Rows read (with a date).
    pub rows: usize,
    /// Numbers read.
    pub points: usize,
}

/// A CSV import done in slices, so a big file never holds the page for long:
/// `new` checks the limits and reads the header, each `step` reads some rows
/// (the caller yields to the browser in between, shows `progress`, and may
/// drop the import to cancel it), and `finish` orders the rows and builds the
/// dataset. Rows keep only what they hold (a date and a number or a gap per
/// cell), never their text.
pub struct CsvImport {
    text: String,
    file_name: String,
    pos: usize,
    line: usize,
    delimiter: char,
    header: Vec<String>,
    unix_column: bool,
    /// Per row with a date: the date and the row's line.
    whens: Vec<(When, usize)>,
    /// Per row with a date, its cells after the date (row after row).
    cells: Vec<Cell>,
    points: usize,
    problems: Vec<Problem>,
    /// The file's lines are counted first (a few megabytes a step), so a file of
    /// more rows than a series may hold is refused before any is parsed: how far.
    counted: usize,
    lines: usize,
    done: bool,
}

/// Bytes whose lines are counted in one step.
const COUNT_STEP: usize = 8 << 20;

impl CsvImport {
    pub fn new(text: String, file_name: &str) -> Result<CsvImport, Vec<Problem>> {
        if text.len() > MAX_BYTES {
            return Err(vec![Problem::new(Loc::default(), ProblemKind::TooLarge { bytes: text.len(), limit: MAX_BYTES })]);
        }
        let delimiter = csv::sniff_delimiter(&text);
        let mut reader = csv::Reader::new(&text, delimiter);
        let header = match reader.next_record() {
            Some(Ok(h)) if h.fields.len() >= 2 => h.fields,
            Some(Err(e)) => return Err(vec![csv_problem(e)]),
            _ => return Err(vec![Problem::new(Loc::default(), ProblemKind::NotADataset)]),
        };
        let (pos, line) = (reader.pos(), reader.line());
        let unix_column = names_a_time(&header[0]);
        Ok(CsvImport {
            file_name: file_name.to_string(),
            pos,
            line,
            delimiter,
            unix_column,
            whens: Vec::new(),
            cells: Vec::new(),
            points: 0,
            problems: Vec::new(),
            counted: 0,
            lines: 0,
            done: false,
            header,
            text,
        })
    }

    pub fn progress(&self) -> Progress {
        Progress { bytes: self.pos, total: self.text.len(), rows: self.whens.len(), points: self.points }
    }

    /// Counts the next few megabytes' lines (blank ones aside); true once all
    /// are counted and the file is within the limit, with room made for its rows.
    fn count(&mut self) -> Result<bool, Vec<Problem>> {
        if self.counted < self.text.len() {
            let rest = &self.text[self.counted..];
            // A piece that ends just after a line break, so no line is cut in two.
            let end = rest.get(COUNT_STEP..).and_then(|r| r.find('\n')).map_or(rest.len(), |i| COUNT_STEP + i + 1);
            self.lines += rest[..end].lines().filter(|l| !l.trim().is_empty()).count();
            self.counted += end;
            if self.counted < self.text.len() {
                return Ok(false);
            }
            // More rows than a series may hold: refused before any is parsed.
            let rows = self.lines.saturating_sub(1);
            if rows > MAX_SERIES_POINTS {
                self.done = true;
                return Err(vec![Problem::new(Loc::default(), ProblemKind::TooManyPoints { count: rows, limit: MAX_SERIES_POINTS })]);
            }
            self.whens.reserve(rows);
            self.cells.reserve(rows.saturating_mul(self.header.len() - 1).min(MAX_TOTAL_POINTS));
        }
        Ok(true)
    }

    /// Reads up to `rows` more records (once the file's lines are counted); true once the whole file is read.
    pub fn step(&mut self, rows: usize) -> Result<bool, Vec<Problem>> {
        if self.done {
            return Ok(true);
        }
        if !self.count()? {
            return Ok(false);
        }
        let ncols = self.header.len();
        let semicolon = self.delimiter == ';';
        let mut reader = csv::Reader::at(&self.text, self.pos, self.line, self.delimiter);
        for _ in 0..rows {
            let r = match reader.next_record() {
                None => {
                    self.done = true;
                    break;
                }
                Some(Err(e)) => return Err(vec![csv_problem(e)]),
                Some(Ok(r)) => r,
            };
            if r.fields.len() != ncols {
                self.problems.push(Problem::new(
                    Loc { line: Some((r.line, 0)), ..Loc::default() },
                    ProblemKind::CsvRowLength { expected: ncols, found: r.fields.len() },
                ));
            } else {
                match parse_when(&r.fields[0], self.unix_column) {
                    Some(w) => {
                        self.whens.push((w, r.line));
                        for f in &r.fields[1..] {
                            let cell = match parse_number(f, semicolon) {
                                _ if f.trim().is_empty() => Cell::Empty,
                                Some(v) if v.is_finite() => Cell::Number(v),
                                Some(_) => Cell::NotFinite,
                                None => Cell::Text,
                            };
                            self.points += matches!(cell, Cell::Number(_)) as usize;
                            self.cells.push(cell);
                        }
                        if self.points > MAX_TOTAL_POINTS {
                            return Err(vec![Problem::new(Loc::default(), ProblemKind::TooManyPoints { count: self.points, limit: MAX_TOTAL_POINTS })]);
                        }
                    }
                    None if self.whens.is_empty() && self.problems.is_empty() => {
                        return Err(vec![Problem::new(Loc { line: Some((r.line, 1)), ..Loc::default() }, ProblemKind::CsvNoDateColumn)]);
                    }
                    None => {
                        self.problems.push(Problem::new(Loc { line: Some((r.line, 1)), ..Loc::default() }, ProblemKind::BadDate(r.fields[0].trim().into())))
                    }
                }
            }
            if self.problems.len() >= 200 {
                self.done = true;
                break;
            }
        }
        (self.pos, self.line) = (reader.pos(), reader.line());
        Ok(self.done)
    }

    /// Orders the rows by date and builds the dataset, or lists every problem.
    pub fn finish(self) -> Result<Dataset, Vec<Problem>> {
        let mut build = self.build()?;
        while !build.step() {}
        build.finish()
    }

    /// Reads what is left, orders the rows by date and checks them; the series
    /// are then built one column a step ([`Build::step`]), so a big file's last
    /// stage can yield to the page between columns too.
    pub fn build(mut self) -> Result<Build, Vec<Problem>> {
        while !self.step(usize::MAX)? {}
        let CsvImport { file_name, header, whens, cells, problems, .. } = self;
        let width = header.len() - 1;
        // Times of day: a file whose times are all midnight where it was written is a
        // daily export (its days are kept as written); any other time makes the file
        // intraday, kept in UTC, with the offsets the file gave said in a caveat.
        let intraday = whens.iter().any(|(w, _)| w.instant.is_some() && !w.midnight);
        let dated = Vec::with_capacity(whens.len());
        Ok(Build {
            file_name,
            header,
            cells,
            width,
            whens,
            intraday,
            offsets: Vec::new(),
            dated,
            caveat: None,
            problems,
            series: Vec::new(),
            ids: Vec::new(),
            stage: Stage::Dating(0),
        })
    }
}

/// Rows dated in one step of [`Build::step`].
const DATING_STEP: usize = 200_000;

/// Where a [`Build`] is.
enum Stage {
    /// Dating the rows from this one.
    Dating(usize),
    /// Ordering the rows and finding dates given twice.
    Ordering,
    /// Building this column's series.
    Column(usize),
    Done,
}

/// A CSV read, its rows being dated and ordered and its series built, a piece a step.
pub struct Build {
    file_name: String,
    header: Vec<String>,
    cells: Vec<Cell>,
    width: usize,
    whens: Vec<(When, usize)>,
    intraday: bool,
    /// The offsets from UTC the file gave (intraday files).
    offsets: Vec<i32>,
    /// (date, precision, row, line), in date order once ordered.
    dated: Vec<(Date, DatePrecision, usize, usize)>,
    caveat: Option<Text>,
    problems: Vec<Problem>,
    series: Vec<SeriesDef>,
    ids: Vec<String>,
    stage: Stage,
}

impl Build {
    /// Does the next piece of the work (dating up to [`DATING_STEP`] rows, ordering
    /// them, or one column's series; a column of text is no series); true once all is done.
    pub fn step(&mut self) -> bool {
        match self.stage {
            Stage::Dating(from) => {
                let to = (from + DATING_STEP).min(self.whens.len());
                for (row, (w, line)) in self.whens[from..to].iter().enumerate() {
                    let row = from + row;
                    match (self.intraday, w.instant) {
                        (true, Some(t)) => {
                            if let Some(o) = w.offset.filter(|o| !self.offsets.contains(o)) {
                                self.offsets.push(o);
                            }
                            self.dated.push((t, DatePrecision::Time, row, *line));
                        }
                        (true, None) => self.dated.push((w.day, DatePrecision::Time, row, *line)),
                        (false, _) => self.dated.push((w.day, w.precision, row, *line)),
                    }
                }
                self.stage = if to == self.whens.len() { Stage::Ordering } else { Stage::Dating(to) };
                false
            }
            Stage::Ordering => {
                self.order();
                self.stage = Stage::Column(0);
                false
            }
            Stage::Column(col) if col < self.width => {
                self.column(col);
                self.stage = Stage::Column(col + 1);
                false
            }
            Stage::Column(_) | Stage::Done => {
                self.stage = Stage::Done;
                true
            }
        }
    }

    fn order(&mut self) {
        super::order::sort_by_key(&mut self.offsets, |o| *o as i64);
        let given = self.offsets.iter().filter(|o| **o != 0).map(|o| utc_offset(*o)).collect::<Vec<_>>().join(", ");
        self.caveat = self.intraday.then(|| {
            if given.is_empty() {
                Text {
                    en: "Times of day in UTC (as the file gives them, or with no zone named).".into(),
                    ar: "الأوقات بالتوقيت العالمي المنسق (كما يذكرها الملف، أو دون منطقة زمنية مسمّاة).".into(),
                }
            } else {
                Text {
                    en: format!("Times of day shown in UTC; the file gave them at {given}."),
                    ar: format!("الأوقات معروضة بالتوقيت العالمي المنسق؛ أعطاها الملف بتوقيت {given}."),
                }
            }
        });
        let dated = &mut self.dated;
        // Exports come newest-first as often as oldest-first: order by date (at no cost when already in order).
        if dated.windows(2).all(|w| w[0].0 <= w[1].0) {
        } else if dated.windows(2).all(|w| w[0].0 > w[1].0) {
            dated.reverse();
        } else {
            super::order::sort_by_key(dated, |d| d.0.secs());
        }
        for w in dated.windows(2) {
            if w[0].0 == w[1].0 {
                self.problems.push(Problem::new(Loc { line: Some((w[1].3, 1)), ..Loc::default() }, ProblemKind::DuplicateDate(w[1].0.iso_at(w[1].1))));
            }
        }
    }

    /// Builds one column's series (a column of text is none).
    fn column(&mut self, col: usize) {
        let Build { header, cells, width, dated, caveat, problems, series, ids, .. } = self;
        let width = *width;
        let name = header[col + 1].trim();
        let mut points = Vec::new();
        let mut precision = Vec::new();
        let mut bad = Vec::new();
        for (d, p, row, line) in dated.iter() {
            match cells[row * width + col] {
                Cell::Empty => {}
                Cell::Number(v) => {
                    points.push(Point { date: *d, value: v });
                    precision.push(*p);
                }
                Cell::NotFinite => bad.push((*line, ProblemKind::NotFinite)),
                Cell::Text => bad.push((*line, ProblemKind::WrongType(Expected::Number))),
            }
        }
        if points.is_empty() {
            return; // a text column: not a series
        }
        let loc_name = if name.is_empty() { format!("{}", col + 2) } else { name.to_string() };
        for (line, kind) in bad.into_iter().take(20) {
            let loc = Loc { field: Some(loc_name.clone()), line: Some((line, col + 2)), ..Loc::default() };
            problems.push(Problem::new(loc, kind));
        }
        let mut id = slug(name);
        while ids.contains(&id) {
            id.push('_');
        }
        ids.push(id.clone());
        let label = if name.is_empty() { id.clone() } else { name.to_string() };
        series.push(SeriesDef {
            name: Text::same(&label),
            unit: Unit::Number,
            kind: Kind::Other,
            frequency: Frequency::Irregular,
            sources: vec!["file".into()],
            caveat: caveat.clone(),
            decimals: None,
            chart: None,
            series: Series::new(id, label, points),
            precision: precision.into(),
            notes: Vec::new(),
        });
    }

    /// The dataset, or every problem found.
    pub fn finish(self) -> Result<Dataset, Vec<Problem>> {
        let Build { file_name, series, mut problems, .. } = self;
        if series.is_empty() && problems.is_empty() {
            problems.push(Problem::new(Loc::default(), ProblemKind::CsvNoNumbers));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(csv_dataset(&file_name, series))
    }
}

fn csv_problem(e: csv::CsvError) -> Problem {
    Problem::new(Loc { line: Some((e.line, 0)), ..Loc::default() }, ProblemKind::Csv(e.fault))
}

/// The dataset of a CSV's series: titled by the file's name, its source "weak".
fn csv_dataset(file_name: &str, series: Vec<SeriesDef>) -> Dataset {
    let title = Text::same(file_name);
    let story = StoryDef {
        id: "data".into(),
        title: title.clone(),
        summary: Text::default(),
        series: vec![series[0].id().to_string()],
        compare: series[1..].iter().map(|s| s.id().to_string()).collect(),
        window: None,
        mode: Mode::Absolute,
        faq: Vec::new(),
        steps: Vec::new(),
    };
    Dataset {
        id: slug(file_name).to_ascii_lowercase(),
        title,
        published: None,
        sources: vec![SourceDef {
            id: "file".into(),
            publisher: file_name.into(),
            title: String::new(),
            url: None,
            date: None,
            note: Some("Loaded from a file; it does not say where its numbers come from.".into()),
            confidence: Confidence::Weak,
        }],
        series,
        events: Vec::new(),
        facts: Vec::new(),
        deals: Vec::new(),
        stories: vec![story],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::i18n::Say;

    #[test]
    fn a_yahoo_style_export_becomes_one_series_per_numeric_column() {
        let csv = "Date,Open,Close,Symbol\n2025-01-03,10,11,X\n2025-01-02,9,10.5,X\n2025-01-06,,12,X\n";
        let ds = import_csv(csv, "prices.csv").unwrap();
        let ids: Vec<_> = ds.series.iter().map(|s| s.id()).collect();
        assert_eq!(ids, vec!["OPEN", "CLOSE"], "the text column is left out");
        let close = &ds.series[1].series;
        assert_eq!(close.points.iter().map(|p| p.value).collect::<Vec<_>>(), vec![10.5, 11.0, 12.0], "sorted by date");
        assert_eq!(ds.series[0].series.len(), 2, "an empty cell is a gap, not a zero");
        assert_eq!(ds.stories[0].series, vec!["OPEN"]);
        assert_eq!(ds.stories[0].compare, vec!["CLOSE"]);
        assert_eq!(ds.title.en, "prices.csv");
    }

    #[test]
    fn a_minute_export_keeps_its_times_in_utc_and_says_the_offset() {
        let csv =
            "Datetime,Close\n2025-09-10 09:31:00-04:00,328.1\n2025-09-10 09:32:00-04:00,329.5\n2025-09-10 09:33:00-04:00,\n2025-09-10 09:34:00-04:00,330\n";
        let ds = import_csv(csv, "orcl-1m.csv").unwrap();
        let s = &ds.series[0];
        let iso: Vec<String> = s.series.points.iter().map(|p| p.date.iso()).collect();
        assert_eq!(iso, ["2025-09-10T13:31Z", "2025-09-10T13:32Z", "2025-09-10T13:34Z"]);
        assert!(s.precision.iter().all(|p| *p == DatePrecision::Time));
        let c = s.caveat.as_ref().unwrap();
        assert!(c.en.contains("UTC") && c.en.contains("UTC\u{2212}04:00"), "{}", c.en);
        assert!(c.ar.contains("UTC\u{2212}04:00"));
        // Across the change to winter time the offsets differ; both are said.
        let ds = import_csv("Datetime,Close\n2025-10-31 15:59:00-04:00,1\n2025-11-03 09:30:00-05:00,2\n", "dst.csv").unwrap();
        assert_eq!(ds.series[0].series.points[1].date.iso(), "2025-11-03T14:30Z");
        assert!(ds.series[0].caveat.as_ref().unwrap().en.contains("UTC\u{2212}05:00, UTC\u{2212}04:00"));
    }

    #[test]
    fn a_daily_export_that_writes_midnight_times_stays_daily() {
        // yfinance writes daily closes as "2025-01-02 00:00:00-05:00": the day as written, no time, no caveat.
        let ds = import_csv("Date,Close\n2025-01-02 00:00:00-05:00,10\n2025-01-03 00:00:00-05:00,11\n", "d.csv").unwrap();
        let s = &ds.series[0];
        assert_eq!(s.series.points.iter().map(|p| p.date.iso()).collect::<Vec<_>>(), ["2025-01-02", "2025-01-03"]);
        assert!(s.precision.iter().all(|p| *p == DatePrecision::Day) && s.caveat.is_none());
    }

    #[test]
    fn unix_time_in_a_time_column() {
        let ds = import_csv("timestamp,price\n1757511060,1\n1757511120,2\n", "u.csv").unwrap();
        assert_eq!(ds.series[0].series.points[0].date.iso(), "2025-09-10T13:31Z");
        let ds = import_csv("time,price\n1757511060000,1\n1757511120000,2\n", "ms.csv").unwrap();
        assert_eq!(ds.series[0].series.points[1].date.iso(), "2025-09-10T13:32Z");
        // Numbers in a column not named like a time are not dates.
        assert!(import_csv("id,price\n1757511060,1\n", "x.csv").is_err());
    }

    #[test]
    fn a_bad_time_is_named_with_its_line_and_column() {
        let msg = import_csv("Datetime,Close\n2025-09-10 09:31,1\n2025-09-10 25:00,2\n", "f.csv").unwrap_err()[0].say(Lang::En);
        assert!(msg.starts_with("line 3, column 1") && msg.contains("2025-09-10 25:00"), "{msg}");
    }

    #[test]
    fn a_file_read_in_slices_is_the_file_read_at_once() {
        let mut csv = String::from("\u{feff}Date,\"Close, adj\",Note\r\n");
        for i in 0..1000 {
            let day = Date::from_days(19_000 - i).iso();
            let note = if i % 7 == 0 { "\"two\nlines\"" } else { "x" };
            csv.push_str(&format!("{day},{}.5,{note}\r\n", 100 + i % 13));
            if i % 100 == 0 {
                csv.push_str("\r\n");
            }
        }
        let whole = import_csv(&csv, "s.csv").unwrap();
        let mut sliced = CsvImport::new(csv.clone(), "s.csv").unwrap();
        let mut seen = Vec::new();
        while !sliced.step(37).unwrap() {
            seen.push(sliced.progress());
        }
        assert!(seen.len() > 20 && seen.windows(2).all(|w| w[0].bytes < w[1].bytes && w[0].rows < w[1].rows), "{seen:?}");
        assert_eq!(seen.last().unwrap().total, csv.len());
        assert_eq!(sliced.progress(), Progress { bytes: csv.len(), total: csv.len(), rows: 1000, points: 1000 });
        assert_eq!(sliced.finish().unwrap(), whole);
        // Built a column a step (text columns are no series): the same dataset.
        let three = "Date,A,Note,B\n2025-01-02,1,x,2\n2025-01-03,3,y,4\n";
        let mut build = CsvImport::new(three.to_string(), "t.csv").unwrap().build().unwrap();
        let mut steps = 1;
        while !build.step() {
            steps += 1;
        }
        assert_eq!(steps, 6, "dating, ordering, a step per column, then done");
        assert_eq!(build.finish().unwrap(), import_csv(three, "t.csv").unwrap());
        assert_eq!(whole.series.len(), 1, "the note column is text");
        assert_eq!(whole.series[0].series.points[0].date, Date::from_days(19_000 - 999));
        // A quoting fault is found in whichever slice holds it.
        let mut broken = CsvImport::new(format!("{csv}2030-01-01,\"1\n"), "b.csv").unwrap();
        let err = loop {
            match broken.step(100) {
                Ok(false) => {}
                Ok(true) => panic!("the unclosed quote should be found"),
                Err(e) => break e,
            }
        };
        assert_eq!(err[0].kind, ProblemKind::Csv(csv::CsvFault::UnclosedQuote));
    }

    #[test]
    fn a_file_of_too_many_rows_is_refused_before_any_is_read() {
        let mut csv = String::from("Date,V\n");
        for i in 0..=MAX_SERIES_POINTS {
            csv.push_str(if i % 2 == 0 { "x,1\n" } else { "y,2\n\n" });
        }
        let mut import = CsvImport::new(csv, "long.csv").unwrap();
        let err = loop {
            match import.step(1_000) {
                Ok(false) => assert_eq!(import.progress().rows, 0, "nothing parsed while the lines are counted"),
                Ok(true) => panic!("refused"),
                Err(e) => break e,
            }
        };
        assert_eq!(err[0].kind, ProblemKind::TooManyPoints { count: MAX_SERIES_POINTS + 1, limit: MAX_SERIES_POINTS });
    }

    #[test]
    fn semicolons_and_decimal_commas() {
        let ds = import_csv("Datum;Schluss\n2025-01-02;1.234,5\n2025-01-03T00:00:00Z;1234,75\n", "de.csv").unwrap();
        assert_eq!(ds.series[0].series.points.iter().map(|p| p.value).collect::<Vec<_>>(), vec![1234.5, 1234.75]);
    }

    #[test]
    fn clear_messages_for_what_cannot_be_read() {
        let msg = |csv: &str| import_csv(csv, "f.csv").unwrap_err().iter().map(|p| p.say(Lang::En)).collect::<Vec<_>>();
        assert_eq!(
            msg("Name,Value\nabc,1\n"),
            vec!["line 2, column 1: the first column must hold dates (YYYY-MM-DD), date-times (YYYY-MM-DD HH:MM) or, if named like a time, Unix time"]
        );
        assert_eq!(msg("Date,Close\n2025-01-02,1\n2025-01-03,n/a\n"), vec!["line 3, column 2, field \"Close\": expected a number"]);
        assert_eq!(msg("Date,Close\n2025-01-02,1\n2025-01-02,2\n"), vec!["line 3, column 1: the date 2025-01-02 appears twice"]);
        assert_eq!(msg("Date,Close\n2025-01-02,1,3\n"), vec!["line 2: this row has 3 cells, the header has 2"]);
        assert_eq!(msg("Date,Name\n2025-01-02,abc\n"), vec!["no column after the date holds numbers"]);
        assert_eq!(msg("just some text\n"), vec!["this is neither a dataset (JSON) nor a CSV with a header row"]);
        // A CSV problem is named as a CSV problem, wholly in the reader's language.
        assert_eq!(msg("Date,Close\n\"2025-01-02,1\n"), vec!["line 2: this CSV is broken: a quoted field is never closed"]);
        let ar = import_csv("Date,Close\n\"2025-01-02,1\n", "f.csv").unwrap_err()[0].say(Lang::Ar);
        assert_eq!(ar, "السطر 2: ملف CSV هذا معطوب: حقل مقتبس لا يُغلق أبدًا");
    }

    #[test]
    fn load_any_tells_json_from_csv() {
        assert!(load_any("{\"format\": 1}", "x.json").is_err());
        assert!(load_any("Date,Close\n2025-01-02,1\n", "x.csv").is_ok());
    }
}
