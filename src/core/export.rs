//! What the downloads hold: the CSV of what the chart shows and of the full
//! series (UTF-8 with a byte-order mark, so spreadsheet programs read Arabic
//! names right, and the source citation under the data), and file names that
//! say what they hold.

use super::dataset::{Dataset, Mode};
use super::date::Date;
use super::lang::Lang;
use super::view::{self, View};

/// "Download the data": a zip with one CSV per series on show (every point, as
/// the sources give them, with its citation), `metadata.json` (the series, their
/// sources with confidence and dates, caveats, the facts of the story with the
/// disagreements between sources, the link to the view) and a README in plain
/// words. Built in the browser for the reader's view.
pub fn data_zip(ds: &Dataset, ids: &[&str], story: &str, lang: Lang, link: &str, citation: &[String]) -> Result<Vec<u8>, String> {
    let mut zip = super::zip::Zip::new();
    let too_big = |_| "the data is too big for a zip file".to_string();
    let defs: Vec<_> = ids.iter().filter_map(|id| ds.series(id)).collect();
    for s in &defs {
        zip.add(&format!("series/{}.csv", s.id()), csv_full(ds, &[s.id()], lang, citation).as_bytes()).map_err(too_big)?;
    }
    let sources = ds.sources_for(ids, Some(story));
    let meta = serde_json::json!({
        "dataset": {"id": ds.id, "title": ds.title.get(lang)},
        "view": link,
        "series": defs.iter().map(|s| serde_json::json!({
            "id": s.id(), "name": s.name.get(lang), "unit": s.unit.keyword(), "kind": s.kind.keyword(), "frequency": s.frequency.keyword(),
            "sources": s.sources, "caveat": s.caveat.as_ref().map(|c| c.get(lang)),
            "first": s.series.points.first().map(|p| p.date.iso()), "data_as_of": s.series.points.last().map(|p| p.date.iso()),
            "points": s.series.len(),
        })).collect::<Vec<_>>(),
        "sources": sources.iter().map(|s| serde_json::json!({
            "id": s.id, "publisher": s.publisher, "title": s.title, "url": s.url, "retrieved_or_dated": s.date, "note": s.note, "confidence": s.confidence.keyword(),
        })).collect::<Vec<_>>(),
        "facts": ds.facts.iter().filter(|f| f.stories.iter().any(|x| x == story)).map(|f| serde_json::json!({
            "id": f.id, "title": f.title.get(lang), "unit": f.unit.keyword(), "sources_disagree": f.is_conflict(),
            "values": f.values.iter().map(|a| serde_json::json!({"value": a.value, "high": a.high, "sources": a.sources, "quote": a.quote})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    zip.add("metadata.json", serde_json::to_string_pretty(&meta).unwrap_or_default().as_bytes()).map_err(too_big)?;
    let readme = match lang {
        Lang::En => format!(
            "The data behind this view of \"{}\".\n\nseries/: one CSV per series on the chart, every point as its source gives it (dates as the source dates them: a month or a year when that is all it gives). Gaps are gaps: nothing is filled in.\nmetadata.json: each series' unit, sources, caveats and the date of its last point (data as of); each source's publisher, address, date and how far to trust it (primary, secondary, weak); the facts of the story, with every value where sources disagree.\n\nThe view: {link}\n{}\n",
            ds.title.get(lang),
            citation.join("\n")
        ),
        Lang::Ar => format!(
            "البيانات التي يقوم عليها هذا العرض من \"{}\".\n\nالمجلد series: ملف CSV لكل سلسلة في الرسم، وكل نقطة كما يعطيها مصدرها (والتواريخ كما يؤرخها المصدر: شهرًا أو سنة حين لا يعطي غيرهما). الفجوات تبقى فجوات: لا يُملأ شيء.\nالملف metadata.json: وحدة كل سلسلة ومصادرها وتحفظاتها وتاريخ آخر نقطة فيها؛ وناشر كل مصدر وعنوانه وتاريخه ودرجة الثقة به (أولي، ثانوي، ضعيف)؛ ووقائع القصة، مع كل القيم حين تختلف المصادر.\n\nالعرض: {link}\n{}\n",
            ds.title.get(lang),
            citation.join("\n")
        ),
    };
    zip.add("README.txt", readme.as_bytes()).map_err(too_big)?;
    zip.finish().map_err(too_big)
}

/// The byte-order mark spreadsheet programs look for to read UTF-8.
pub const BOM: &str = "\u{FEFF}";

/// A text cell: quoted when it holds a separator, and defused when it begins
/// like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, return): a name from a
/// stranger's dataset must stay text when the CSV is opened (OWASP's CSV
/// injection advice: a leading apostrophe).
fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn number(v: f64) -> String {
    // Enough digits to be exact for the sources' precision, no float noise.
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// The rows of the chart's table as CSV: `date` then one column per line, in
/// the view's mode; empty cells where a line has no point. Then a blank line
/// and the citation lines.
pub fn csv_shown(v: &View, lang: Lang, citation: &[String]) -> String {
    let mut out = String::from(BOM);
    let head: Vec<String> = std::iter::once("date".to_string()).chain(v.lines.iter().map(|l| cell(l.name.get(lang)))).collect();
    out.push_str(&head.join(","));
    out.push('\n');
    for (d, cells) in view::table(v) {
        let row: Vec<String> = std::iter::once(d.iso()).chain(cells.iter().map(|c| c.map(number).unwrap_or_default())).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    push_citation(&mut out, citation);
    out
}

/// Every point of the given series, as the sources give them, by date.
pub fn csv_full(ds: &Dataset, ids: &[&str], lang: Lang, citation: &[String]) -> String {
    let defs: Vec<_> = ids.iter().filter_map(|id| ds.series(id)).collect();
    let mut dates: Vec<(Date, String)> = defs
        .iter()
        .flat_map(|s| s.series.points.iter().enumerate().map(|(i, p)| (p.date, p.date.iso_at(s.precision.get(i).copied().unwrap_or_default()))))
        .collect();
    super::order::sort_by_key(&mut dates, |(d, _)| d.secs());
    dates.dedup_by_key(|(d, _)| *d);
    let mut out = String::from(BOM);
    let head: Vec<String> =
        std::iter::once("date".to_string()).chain(defs.iter().map(|s| cell(&format!("{} ({})", s.name.get(lang), s.unit.keyword())))).collect();
    out.push_str(&head.join(","));
    out.push('\n');
    for (d, text) in dates {
        let row: Vec<String> =
            std::iter::once(text).chain(defs.iter().map(|s| s.series.index_of(d).map(|i| number(s.series.points[i].value)).unwrap_or_default())).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    push_citation(&mut out, citation);
    out
}

fn push_citation(out: &mut String, citation: &[String]) {
    if citation.is_empty() {
        return;
    }
    out.push('\n');
    for line in citation {
        out.push_str(&cell(line));
        out.push('\n');
    }
}

/// `oracle_2025-01-02_2025-12-31_indexed.png`: the story, the window, the mode.
pub fn file_name(story: &str, from: Date, to: Date, mode: Mode, ext: &str) -> String {
    let story: String = story.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    let story = if story.is_empty() { "chart".into() } else { story };
    format!("{story}_{}_{}_{}.{ext}", from.iso().replace(':', ""), to.iso().replace(':', ""), mode.keyword())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundled::dataset;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn the_shown_csv_is_the_table() {
        let ds = dataset().unwrap();
        let v = view::build(&ds, "ORCL", &["BTC".into()], d("2025-09-05"), d("2025-09-08"), Mode::Indexed, &|_| 1);
        let csv = csv_shown(&v, Lang::Ar, &["Source: Stooq; CryptoCompare".into()]);
        assert!(csv.starts_with(BOM));
        let lines: Vec<&str> = csv.trim_start_matches(BOM).lines().collect();
        assert_eq!(lines[0], "date,أوراكل (ORCL),بيتكوين (BTC)");
        let rows: Vec<&&str> = lines[1..].iter().take_while(|l| !l.is_empty()).collect();
        assert_eq!(rows.len(), view::table(&v).len(), "one row per table row");
        assert_eq!(rows[0], &"2025-09-05,100,100");
        assert!(rows[1].starts_with("2025-09-06,,"), "a gap stays a gap: {}", rows[1]);
        assert_eq!(lines.last(), Some(&"Source: Stooq; CryptoCompare"));
    }

    #[test]
    fn the_full_csv_holds_every_point_as_given() {
        let ds = dataset().unwrap();
        let csv = csv_full(&ds, &["CURSOR_VALUATION", "CURSOR_RAISED"], Lang::En, &[]);
        let lines: Vec<&str> = csv.trim_start_matches(BOM).lines().collect();
        assert_eq!(lines[0], "date,Cursor: post-money valuation (usd_bn),Cursor: money raised per round (usd_m)");
        assert!(lines.contains(&"2023-10,,8"), "month dates stay months: {lines:?}");
        assert!(lines.contains(&"2025-11-13,29.3,2300"));
        let orcl = csv_full(&ds, &["ORCL"], Lang::En, &[]);
        assert_eq!(orcl.lines().count(), 1 + 250);
        assert!(orcl.contains("2025-09-10,324.63\n"));
    }

    #[test]
    fn names_say_what_files_hold() {
        assert_eq!(file_name("oracle", d("2025-01-02"), d("2025-12-31"), Mode::Drawdown, "svg"), "oracle_2025-01-02_2025-12-31_drawdown.svg");
        assert_eq!(file_name("../x", d("2025-01-02"), d("2025-01-03"), Mode::Absolute, "csv"), "x_2025-01-02_2025-01-03_absolute.csv");
    }

    #[test]
    fn the_data_zip_holds_a_csv_per_series_the_metadata_and_a_readme() {
        use std::io::Read;
        let ds = crate::core::bundled::dataset().unwrap();
        let bytes = data_zip(&ds, &["ORCL", "QQQ"], "oracle", Lang::En, "https://example.org/oracle.html?step=2", &["Source: Stooq".into()]).unwrap();
        let mut z = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut names: Vec<String> = z.file_names().map(String::from).collect();
        names.sort();
        assert_eq!(names, ["README.txt", "metadata.json", "series/ORCL.csv", "series/QQQ.csv"]);
        let mut csv = String::new();
        z.by_name("series/ORCL.csv").unwrap().read_to_string(&mut csv).unwrap();
        assert!(csv.contains("2025-09-10,324.63"), "the values as the source gives them");
        let mut meta = String::new();
        z.by_name("metadata.json").unwrap().read_to_string(&mut meta).unwrap();
        let m: serde_json::Value = serde_json::from_str(&meta).unwrap();
        assert_eq!(m["series"][0]["data_as_of"], "2025-12-31");
        assert_eq!(m["view"], "https://example.org/oracle.html?step=2");
        assert!(m["facts"].as_array().unwrap().iter().any(|f| f["id"] == "orcl-mcap-peak" && f["sources_disagree"] == true));
        assert!(m["sources"].as_array().unwrap().iter().any(|s| s["confidence"] == "primary"));
    }

    #[test]
    fn cells_are_quoted_when_needed() {
        assert_eq!(cell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(number(-2.5), "-2.5", "numbers are numbers");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(number(2.5000001), "2.5");
        assert_eq!(number(324.63), "324.63");
        assert_eq!(number(-0.0000001), "0");
    }
}
