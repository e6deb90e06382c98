//! The data compiled into the app, so it works with no network. For now one
//! series (Oracle's 2025 closes) and the event that defines its story; the
//! full dataset format comes with the dataset work (see docs/data.md).

use super::date::Date;
use super::series::{parse_research_csv, Series, SeriesError, Source};

/// Copied verbatim from the research folder; see data/README.md.
const ORCL_CSV: &str = include_str!("../../data/series/orcl_close_daily.csv");

pub const ORCL_SOURCE: Source = Source {
    publisher: "Stooq, via github.com/DrRobAnthony/market-data",
    url: "https://github.com/DrRobAnthony/market-data/blob/005b3915a0af95392f0afce186c91535710e1e67/data/ORCL.csv",
    note: "Dividend-adjusted closes: levels sit about 1% below the printed closes \
           (10 Sep 2025: $324.63 adjusted, $328.33 printed); percentage moves are unaffected.",
};

/// A dated event drawn as a marker on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub date: Date,
    /// Short label drawn on the chart, next to the marker.
    pub label: &'static str,
    /// One sentence for the reader and for screen readers.
    pub text: &'static str,
    pub source: Source,
}

pub fn orcl() -> Result<Series, Vec<SeriesError>> {
    let points = parse_research_csv(ORCL_CSV)?;
    Series::new("ORCL", "Oracle (ORCL)", "USD per share", points)
}

/// 10 Sep 2025: the first session after Oracle's results (out after the close
/// on 9 Sep), when the $300bn OpenAI contract was reported.
pub fn orcl_events() -> Vec<Event> {
    vec![Event {
        date: Date::from_ymd(2025, 9, 10).expect("a real date"),
        label: "$300bn OpenAI deal reported",
        text: "10 Sep 2025: the Wall Street Journal reports OpenAI's $300bn, five-year cloud contract with Oracle, \
               the morning after Oracle's results (released after the close on 9 Sep).",
        source: Source {
            publisher: "Gene Munster, citing The Wall Street Journal",
            url: "https://genemunster.com/?p=12957",
            note: "\"OpenAI has agreed to purchase $300B in cloud computing power from Oracle over five years, beginning in 2027.\"",
        },
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oracle_series_is_the_research_file() {
        let s = orcl().expect("bundled ORCL parses");
        assert_eq!(s.len(), 250);
        assert_eq!(s.points[0].date.iso(), "2025-01-02");
        assert_eq!(s.points[249].date.iso(), "2025-12-31");
        let sep10 = Date::parse_iso("2025-09-10").unwrap();
        assert_eq!(s.points[s.index_of(sep10).unwrap()].value, 324.63);
        // FACTS.md cross-check: the series' 9→10 Sep move is +35.95%.
        let change = s.change_on(sep10).unwrap();
        assert!((change - 35.95).abs() < 0.01, "{change}");
    }

    #[test]
    fn the_marker_falls_on_a_trading_day_of_the_series() {
        let s = orcl().unwrap();
        for e in orcl_events() {
            assert!(s.index_of(e.date).is_some(), "{} is not in the series", e.date);
            assert!(e.source.url.starts_with("https://"));
        }
    }
}
