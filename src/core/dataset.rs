//! The dataset: series, events, facts (with alternatives where sources
//! disagree), deals and stories, every item pointing at its sources. The JSON
//! format is documented in docs/data-format.md; reading and validating it is in
//! `dataset_json`, importing a plain CSV in `import_csv`.

use super::csv::CsvFault;
use super::date::{Date, DatePrecision};
use super::lang::Text;
use super::series::Series;
use std::sync::Arc;

/// The format tag every dataset file carries.
pub const FORMAT: &str = "liquidity-explorer-dataset/1";
/// Largest file accepted, in bytes (a 1,000,000-point series is about 25 MB of JSON,
/// four of them about 90 MB; the same as a CSV about 40 MB).
pub const MAX_BYTES: usize = 128 * 1024 * 1024;
/// Most points in one series.
pub const MAX_SERIES_POINTS: usize = 1_000_000;
/// Most points in one dataset.
pub const MAX_TOTAL_POINTS: usize = 4_000_000;
/// Most items in one list of a dataset (series, events, facts, deals, stories, sources, steps, figures).
pub const MAX_ITEMS: usize = 10_000;
/// Longest text (a name, a quote, a step's sentences), in characters.
pub const MAX_TEXT: usize = 20_000;
/// Deepest nesting of JSON the reader accepts (serde_json's own limit; the format needs six).
pub const MAX_DEPTH: usize = 128;

macro_rules! keyword_enum {
    ($(#[$m:meta])* $name:ident { $($var:ident = $kw:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($var),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            pub fn keyword(self) -> &'static str {
                match self { $($name::$var => $kw),+ }
            }
            pub fn from_keyword(s: &str) -> Option<$name> {
                match s { $($kw => Some($name::$var),)+ _ => None }
            }
            pub fn keywords() -> String {
                Self::ALL.iter().map(|k| k.keyword()).collect::<Vec<_>>().join(", ")
            }
        }
    };
}

keyword_enum!(
    /// What the numbers measure.
    Unit {
        Usd = "usd",
        UsdPerShare = "usd_per_share",
        UsdM = "usd_m",
        UsdBn = "usd_bn",
        Usdt = "usdt",
        Percent = "percent",
        Mw = "mw",
        UsdMPerMwYear = "usd_m_per_mw_year",
        Count = "count",
        Number = "number",
    }
);

keyword_enum!(
    /// What sort of series it is.
    Kind {
        Price = "price",
        Valuation = "valuation",
        Funding = "funding",
        Revenue = "revenue",
        Share = "share",
        Other = "other",
    }
);

keyword_enum!(
    /// How a series is drawn: prices and indices as lines, amounts per period
    /// as bars (side by side when compared), valuations by round as steps,
    /// prices known only on the days someone quoted them as dots.
    ChartKind {
        Line = "line",
        Bars = "bars",
        Steps = "steps",
        Dots = "dots",
    }
);

keyword_enum!(
    Frequency {
        Daily = "daily",
        Monthly = "monthly",
        Quarterly = "quarterly",
        Annual = "annual",
        Irregular = "irregular",
    }
);

keyword_enum!(
    /// How far to trust a source: primary (the issuer, a filing, the data
    /// vendor), secondary (a news report citing one), weak (a blog or aggregator).
    Confidence {
        Primary = "primary",
        Secondary = "secondary",
        Weak = "weak",
    }
);

keyword_enum!(
    /// How a story's chart reads its values.
    Mode {
        Absolute = "absolute",
        Indexed = "indexed",
        Percent = "percent",
        Drawdown = "drawdown",
    }
);

#[derive(Clone, Debug, PartialEq)]
pub struct SourceDef {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub url: Option<String>,
    /// As the source dates itself (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    pub date: Option<String>,
    pub note: Option<String>,
    pub confidence: Confidence,
}

/// What a single point's own source says, where it differs from the series'.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PointNote {
    pub source: Option<String>,
    pub quote: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SeriesDef {
    pub name: Text,
    pub unit: Unit,
    pub kind: Kind,
    pub frequency: Frequency,
    pub sources: Vec<String>,
    pub caveat: Option<Text>,
    /// Display precision, when the source's is known.
    pub decimals: Option<u8>,
    /// How to draw it, when the dataset says (see `chart_kind`).
    pub chart: Option<ChartKind>,
    /// The points; `series.id` is the series' id.
    pub series: Series,
    /// One per point.
    pub precision: Arc<Vec<DatePrecision>>,
    /// (point index, note) for points with their own source or remark.
    pub notes: Vec<(usize, PointNote)>,
}

/// A link from a dataset, if it is safe to follow: only `http:` and `https:`
/// addresses (no `javascript:`, `data:` or relative tricks), trimmed, without
/// control characters. Anything else is shown as text, never as a link.
pub fn safe_url(u: &str) -> Option<&str> {
    let u = u.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://")) && u.len() <= 2048 && !u.chars().any(|c| c.is_control() || c == ' ');
    ok.then_some(u)
}

impl SeriesDef {
    pub fn id(&self) -> &str {
        &self.series.id
    }

    /// How it is drawn: as the dataset declares, else valuations by round as
    /// steps, prices quoted now and then as dots (a line between two quotes
    /// months apart would draw prices nobody quoted), and everything else as
    /// lines (a reader's CSV gets lines).
    pub fn chart_kind(&self) -> ChartKind {
        self.chart.unwrap_or(match (self.kind, self.frequency) {
            (Kind::Valuation, Frequency::Irregular) => ChartKind::Steps,
            (Kind::Price, Frequency::Irregular) => ChartKind::Dots,
            _ => ChartKind::Line,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct EventDef {
    pub id: String,
    pub date: Date,
    pub precision: DatePrecision,
    pub title: Text,
    pub text: Text,
    pub series: Vec<String>,
    pub stories: Vec<String>,
    pub sources: Vec<String>,
    pub quote: Option<String>,
}

/// One sourced value of a fact.
#[derive(Clone, Debug, PartialEq)]
pub struct Alternative {
    pub value: f64,
    /// The top of a range, when the source gives one ("$2.2m to $3.1m").
    pub high: Option<f64>,
    pub sources: Vec<String>,
    pub quote: Option<String>,
    pub note: Option<Text>,
}

/// A figure that is not a series point (shares outstanding, a market value on
/// a day, a ratio). More than one alternative means the sources disagree, and
/// the app shows them side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct FactDef {
    pub id: String,
    pub title: Text,
    pub unit: Unit,
    pub date: Option<(Date, DatePrecision)>,
    pub stories: Vec<String>,
    pub series: Option<String>,
    pub values: Vec<Alternative>,
}

impl FactDef {
    pub fn is_conflict(&self) -> bool {
        self.values.len() > 1
    }
}

/// A miner's AI/HPC deal. Fields the sources don't give are `None` and read
/// "not disclosed", never a guess.
#[derive(Clone, Debug, PartialEq)]
pub struct DealDef {
    pub id: String,
    pub company: String,
    pub ticker: Option<String>,
    pub partner: Option<String>,
    pub date: Date,
    pub precision: DatePrecision,
    pub value_usd_bn: Option<f64>,
    pub mw: Option<f64>,
    pub term_years: Option<f64>,
    pub text: Text,
    /// The stories that show this deal (in a table).
    pub stories: Vec<String>,
    pub sources: Vec<String>,
    pub quote: Option<String>,
}

/// A reader's question with the story's answer, and the view that shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Faq {
    pub question: Text,
    pub answer: Text,
    pub story: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StoryDef {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub series: Vec<String>,
    pub compare: Vec<String>,
    pub window: Option<(Date, Date)>,
    pub mode: Mode,
    pub faq: Vec<Faq>,
    /// The guided path through the story; a story without steps opens on its own view.
    pub steps: Vec<StepDef>,
}

/// A date in a figure: written as a date, or as the id of an earlier figure
/// of the same step (its point's date: "the first close below after `peak`").
#[derive(Clone, Debug, PartialEq)]
pub enum DateRef {
    Date(Date),
    Figure(String),
}

/// How a figure is computed. Every number a step's text quotes is one of these,
/// computed from the data, or a sourced fact: never typed into the text.
#[derive(Clone, Debug, PartialEq)]
pub enum FigureOp {
    /// The series' point on `at`, or the last one before it (never interpolated).
    Value { series: String, at: DateRef },
    /// The change in percent from the point at `from` to the point at `to`.
    Change { series: String, from: DateRef, to: DateRef },
    /// How many times the value at `from` the value at `to` is (×2.96).
    Ratio { series: String, from: DateRef, to: DateRef },
    /// The highest point between two dates (the first, if tied).
    Max { series: String, from: DateRef, to: DateRef },
    /// The lowest point between two dates (the first, if tied).
    Min { series: String, from: DateRef, to: DateRef },
    /// The first point after `after` whose value is below figure `below`'s.
    FirstBelow { series: String, below: String, after: DateRef },
    /// Market value lost: the share count (a fact) × (price at `from` − price at `at`), in US$bn.
    Lost { series: String, shares: String, from: DateRef, at: DateRef },
    /// 100 × this series ÷ (this series + `other`) at a date: a share of a total, in percent.
    Share { series: String, other: String, at: DateRef },
    /// A fact's value (its first alternative; the step says where sources disagree).
    Fact { fact: String },
}

impl FigureOp {
    pub const KEYWORDS: &'static str = "value, change, ratio, max, min, first_below, lost, share, fact";

    /// The series it reads, if any.
    pub fn series(&self) -> Option<&str> {
        use FigureOp::*;
        match self {
            Value { series, .. }
            | Change { series, .. }
            | Ratio { series, .. }
            | Max { series, .. }
            | Min { series, .. }
            | FirstBelow { series, .. }
            | Lost { series, .. }
            | Share { series, .. } => Some(series),
            Fact { .. } => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FigureDef {
    pub id: String,
    pub op: FigureOp,
    /// Decimals to show; by default what the value needs.
    pub decimals: Option<u8>,
}

/// A figure drawn on the chart: a labelled point on its series, or a
/// horizontal line at its value (in the series' own unit, so only when the
/// chart shows absolute values of that series).
#[derive(Clone, Debug, PartialEq)]
pub struct MarkDef {
    pub figure: String,
    pub line: bool,
    pub label: Text,
}

/// One step of a story: a view of the chart and one to three sentences whose
/// numbers are `{figure}` placeholders (`{figure.date}` for its date).
#[derive(Clone, Debug, PartialEq)]
pub struct StepDef {
    pub title: Text,
    pub text: Text,
    /// The main series; by default the story's first.
    pub main: Option<String>,
    /// The comparisons on; by default the story's other series.
    pub compare: Option<Vec<String>>,
    pub mode: Option<Mode>,
    pub log: bool,
    /// By default the story's window.
    pub window: Option<(Date, Date)>,
    pub cursor: Option<Date>,
    /// The events that stand out (the only ones drawn while on the step).
    pub events: Vec<String>,
    pub figures: Vec<FigureDef>,
    pub marks: Vec<MarkDef>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub id: String,
    pub title: Text,
    /// When the story was published (`YYYY-MM` for "late November 2025"):
    /// data and events after it are marked as after the article.
    pub published: Option<(Date, DatePrecision)>,
    pub sources: Vec<SourceDef>,
    pub series: Vec<SeriesDef>,
    pub events: Vec<EventDef>,
    pub facts: Vec<FactDef>,
    pub deals: Vec<DealDef>,
    pub stories: Vec<StoryDef>,
}

impl Dataset {
    /// The last day the article could have seen: the publication date, or the
    /// end of its month or year when only that is known.
    pub fn article_cutoff(&self) -> Option<Date> {
        let (d, p) = self.published?;
        Some(match p {
            DatePrecision::Day | DatePrecision::Time => d,
            DatePrecision::Month => Date::from_days(d.add_months_first(1).days() - 1),
            DatePrecision::Year => Date::from_days(d.add_months_first(12).days() - 1),
        })
    }

    pub fn source(&self, id: &str) -> Option<&SourceDef> {
        self.sources.iter().find(|s| s.id == id)
    }
    pub fn series(&self, id: &str) -> Option<&SeriesDef> {
        self.series.iter().find(|s| s.id() == id)
    }
    /// The series whose id (a ticker) or name, in English or Arabic, contains what was typed
    /// (case aside); nothing for an empty query.
    pub fn find_series(&self, query: &str) -> Vec<&SeriesDef> {
        let q = query.trim().to_ascii_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        self.series.iter().filter(|s| [s.id(), &s.name.en, &s.name.ar].iter().any(|x| x.to_ascii_lowercase().contains(&q))).collect()
    }

    pub fn story(&self, id: &str) -> Option<&StoryDef> {
        self.stories.iter().find(|s| s.id == id)
    }
    pub fn total_points(&self) -> usize {
        self.series.iter().map(|s| s.series.len()).sum()
    }

    /// Every source behind what a story shows: its series (and their points'
    /// own sources), its events, facts and deals. In first-mention order.
    pub fn sources_for(&self, series_ids: &[&str], story: Option<&str>) -> Vec<&SourceDef> {
        let mut ids: Vec<&str> = Vec::new();
        let mut add = |id: &'_ str| {
            if let Some(src) = self.source(id) {
                if !ids.contains(&src.id.as_str()) {
                    ids.push(src.id.as_str());
                }
            }
        };
        for sid in series_ids {
            if let Some(s) = self.series(sid) {
                s.sources.iter().for_each(|x| add(x));
                s.notes.iter().filter_map(|(_, n)| n.source.as_deref()).for_each(&mut add);
            }
        }
        let in_story = |stories: &[String], series: &[String]| {
            story.is_some_and(|st| stories.iter().any(|x| x == st)) || series.iter().any(|x| series_ids.contains(&x.as_str()))
        };
        for e in self.events.iter().filter(|e| in_story(&e.stories, &e.series)) {
            e.sources.iter().for_each(|x| add(x));
        }
        for f in self.facts.iter().filter(|f| in_story(&f.stories, f.series.as_slice())) {
            f.values.iter().flat_map(|v| &v.sources).for_each(|x| add(x));
        }
        for d in self.deals.iter().filter(|d| story.is_some_and(|st| d.stories.iter().any(|x| x == st))) {
            d.sources.iter().for_each(|x| add(x));
        }
        ids.into_iter().filter_map(|id| self.source(id)).collect()
    }
}

/// Where a problem is: a section of the file, an item in it, maybe a point
/// and a field.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Loc {
    /// "series", "events", … or "" for the top level / the whole file.
    pub section: String,
    pub index: Option<usize>,
    pub id: Option<String>,
    pub point: Option<usize>,
    pub field: Option<String>,
    /// A line (and column) in the file, where known.
    pub line: Option<(usize, usize)>,
}

/// What a value should have been, named in the reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    String,
    Number,
    List,
    Object,
    Text,
    DatePair,
    DateValuePair,
    Ids,
    Bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// Not JSON: serde_json's own words (English), and whether the file simply ended too soon.
    Syntax {
        detail: String,
        eof: bool,
    },
    /// A CSV whose quoting is broken.
    Csv(CsvFault),
    NotAnObject,
    Missing,
    WrongType(Expected),
    UnknownKeyword {
        value: String,
        allowed: String,
    },
    UnsupportedFormat(String),
    NotFinite,
    BadDate(String),
    Unsorted,
    DuplicateDate(String),
    DuplicateId,
    Empty,
    UnknownRef {
        what: &'static str,
        id: String,
    },
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    TooManyPoints {
        count: usize,
        limit: usize,
    },
    CsvNoDateColumn,
    CsvNoNumbers,
    CsvRowLength {
        expected: usize,
        found: usize,
    },
    NotADataset,
    /// A key the format does not know (a warning: the data still loads), with the closest known key.
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    /// A list longer than the format allows.
    TooMany {
        count: usize,
        limit: usize,
    },
    /// A text longer than the format allows (in characters).
    TooLong {
        length: usize,
        limit: usize,
    },
    /// A `{placeholder}` or a figure reference names no figure of the step.
    UnknownFigure(String),
    /// A figure cannot be computed from the data (no point on or before a date, say).
    FigureNoData(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub loc: Loc,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(loc: Loc, kind: ProblemKind) -> Problem {
        Problem { loc, kind }
    }
}

impl Loc {
    pub fn top(field: &str) -> Loc {
        Loc { field: Some(field.into()), ..Loc::default() }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_url;

    #[test]
    fn only_http_and_https_links_are_followed() {
        assert_eq!(safe_url(" https://example.org/a?b=1 "), Some("https://example.org/a?b=1"));
        assert_eq!(safe_url("HTTP://example.org"), Some("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<b>",
            "//evil.example",
            "/relative",
            "vbscript:x",
            "https://a b",
            "https://x\u{0}y",
            "ftp://x",
            "",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }
}
