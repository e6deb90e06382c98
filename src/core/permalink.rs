//! The whole view in the address: short, readable, and forgiving. Forms follow
//! Our World in Data's: `time=2025-09-01..2025-11-30`, lists joined by `~`.
//!
//! `story`, `step` (1-based: the story's guided path; with no view parameters
//! the story opens on that step), `series` (the main line, when not the story's first), `compare`
//! (the comparisons switched on; present and empty means none), `mode`
//! (`absolute|indexed|percent|drawdown`), `scale=log`, `time`, `cursor`, `table=1`,
//! `lang=ar|en`, `theme=dark|light`, `data=<url>`; embedding: `embed=1`,
//! `plain=1`, `transparent=1`, `dark=true|false|auto` (Datawrapper's flag), and
//! `childId` (pym.js). Unknown or malformed parameters are ignored, never fatal.

use super::dataset::Mode;
use super::date::Date;
use super::lang::Lang;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    pub story: Option<String>,
    /// The story's step, 1-based as written (`step=3`).
    pub step: Option<usize>,
    pub series: Option<String>,
    pub compare: Option<Vec<String>>,
    pub mode: Option<Mode>,
    pub log: Option<bool>,
    /// The bars switch: `chart=bars` or `chart=lines`.
    pub bars: Option<bool>,
    pub time: Option<(Date, Date)>,
    pub cursor: Option<Date>,
    pub table: Option<bool>,
    pub lang: Option<Lang>,
    /// `Some(true)` dark, `Some(false)` light, `None` the system's.
    pub dark: Option<bool>,
    pub data: Option<String>,
    pub embed: bool,
    pub plain: bool,
    pub transparent: bool,
    pub child_id: Option<String>,
}

impl Params {
    /// Whether the address carries a view of its own (today's permalinks):
    /// then it opens that view, off the guided path; otherwise a story opens on a step.
    pub fn has_view(&self) -> bool {
        self.series.is_some() || self.compare.is_some() || self.mode.is_some() || self.log.is_some() || self.bars.is_some() || self.time.is_some()
    }
}

/// Decodes `%XX` and `+` (a space, as forms encode it). Invalid escapes stay as they are.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Encodes a value, keeping what reads well in an address (`~`, `.`, `-`, `_`, `:`, `/`).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'~' | b'.' | b'-' | b'_' | b':' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn id(v: &str) -> Option<String> {
    let ok = !v.is_empty() && v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    ok.then(|| v.to_string())
}

fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "yes" | "" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

/// Reads a query string (with or without the leading `?`).
pub fn parse(query: &str) -> Params {
    let mut p = Params::default();
    for pair in query.trim_start_matches('?').split('&').filter(|s| !s.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (decode(k), decode(v));
        match k.as_str() {
            "story" => p.story = id(&v),
            "step" => p.step = v.parse::<usize>().ok().filter(|n| (1..=999).contains(n)),
            "series" => p.series = id(&v),
            "compare" => p.compare = Some(v.split('~').filter_map(id).take(32).collect()),
            "mode" => p.mode = Mode::from_keyword(&v),
            "scale" => {
                p.log = match v.as_str() {
                    "log" => Some(true),
                    "linear" => Some(false),
                    _ => None,
                }
            }
            "chart" => {
                p.bars = match v.as_str() {
                    "bars" => Some(true),
                    "lines" => Some(false),
                    _ => None,
                }
            }
            "time" => {
                p.time = v.split_once("..").and_then(|(a, b)| {
                    let (a, b) = (Date::parse_instant(a).ok()?, Date::parse_instant(b).ok()?);
                    Some((a.min(b), a.max(b)))
                })
            }
            "cursor" => p.cursor = Date::parse_instant(&v).ok(),
            "table" => p.table = flag(&v),
            "lang" => p.lang = Lang::from_code(&v).filter(|_| v.len() <= 8),
            "theme" => {
                p.dark = match v.as_str() {
                    "dark" => Some(true),
                    "light" => Some(false),
                    _ => p.dark,
                }
            }
            "dark" => {
                p.dark = match v.as_str() {
                    "true" | "1" => Some(true),
                    "false" | "0" => Some(false),
                    _ => None,
                }
            }
            "data" => p.data = (!v.trim().is_empty() && v.len() <= 2048).then_some(v),
            "embed" => p.embed = flag(&v).unwrap_or(false),
            "plain" => p.plain = flag(&v).unwrap_or(false),
            "transparent" => p.transparent = flag(&v).unwrap_or(false),
            "childId" => p.child_id = (v.len() <= 64 && !v.is_empty()).then_some(v),
            _ => {}
        }
    }
    p
}

/// Writes the parameters in a fixed order, leaving out what is not set.
pub fn to_query(p: &Params) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut put = |k: &str, v: String| parts.push(format!("{k}={v}"));
    if let Some(s) = &p.story {
        put("story", encode(s));
    }
    if let Some(n) = p.step {
        put("step", n.to_string());
    }
    if let Some(s) = &p.series {
        put("series", encode(s));
    }
    if let Some(c) = &p.compare {
        put("compare", c.iter().map(|x| encode(x)).collect::<Vec<_>>().join("~"));
    }
    if let Some(m) = p.mode {
        put("mode", m.keyword().into());
    }
    if let Some(l) = p.log {
        put("scale", if l { "log" } else { "linear" }.into());
    }
    if let Some(b) = p.bars {
        put("chart", if b { "bars" } else { "lines" }.into());
    }
    if let Some((a, b)) = p.time {
        put("time", format!("{}..{}", a.iso(), b.iso()));
    }
    if let Some(c) = p.cursor {
        put("cursor", c.iso());
    }
    if let Some(t) = p.table {
        put("table", if t { "1" } else { "0" }.into());
    }
    if let Some(l) = p.lang {
        put("lang", l.code().into());
    }
    if let Some(d) = p.dark {
        put("theme", if d { "dark" } else { "light" }.into());
    }
    if let Some(d) = &p.data {
        put("data", encode(d));
    }
    if p.embed {
        put("embed", "1".into());
    }
    if p.plain {
        put("plain", "1".into());
    }
    if p.transparent {
        put("transparent", "1".into());
    }
    if let Some(c) = &p.child_id {
        put("childId", encode(c));
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn a_full_view_round_trips_and_reads_well() {
        let p = Params {
            story: Some("miners".into()),
            step: Some(2),
            series: Some("IREN".into()),
            compare: Some(vec!["BTC".into(), "CIFR".into()]),
            mode: Some(Mode::Percent),
            log: Some(false),
            bars: Some(true),
            time: Some((d("2025-09-01"), d("2025-11-30"))),
            cursor: Some(d("2025-11-03")),
            table: Some(true),
            lang: Some(Lang::Ar),
            dark: Some(true),
            data: Some("https://example.org/my data.json?x=1&y=2".into()),
            embed: true,
            plain: true,
            transparent: true,
            child_id: Some("chart-1".into()),
        };
        let q = to_query(&p);
        assert!(
            q.starts_with(
                "story=miners&step=2&series=IREN&compare=BTC~CIFR&mode=percent&scale=linear&chart=bars&time=2025-09-01..2025-11-30&cursor=2025-11-03"
            ),
            "{q}"
        );
        assert!(q.contains("data=https://example.org/my%20data.json%3Fx%3D1%26y%3D2"), "{q}");
        assert_eq!(parse(&q), p);
        assert_eq!(parse(&format!("?{q}")), p);
    }

    #[test]
    fn times_of_day_travel_in_the_address() {
        let at = |s: &str| Date::parse_datetime(s).unwrap().0;
        let p = Params { time: Some((at("2025-09-10T13:31Z"), at("2025-09-10T19:59:30Z"))), cursor: Some(at("2025-09-10T15:00Z")), ..Params::default() };
        let q = to_query(&p);
        assert!(q.contains("time=2025-09-10T13:31Z..2025-09-10T19:59:30Z") && q.contains("cursor=2025-09-10T15:00Z"), "{q}");
        assert_eq!(parse(&q), p);
        // Only UTC instants, as written: an offset or a bare time is not an address's.
        assert_eq!(parse("cursor=2025-09-10T15:00-04:00").cursor, None);
        assert_eq!(parse("cursor=2025-09-10T15:00").cursor, None);
    }

    #[test]
    fn empty_compare_means_none_and_absent_means_the_default() {
        assert_eq!(parse("compare=").compare, Some(vec![]));
        assert_eq!(parse("story=oracle").compare, None);
        assert_eq!(to_query(&Params { compare: Some(vec![]), ..Params::default() }), "compare=");
    }

    #[test]
    fn malformed_values_are_ignored() {
        let p = parse(
            "story=<script>&mode=sideways&time=2025-13-01..2025-02-01&cursor=yesterday&lang=fr&scale=cubic&compare=A~~B~%ZZ~ok&dark=maybe&zzz=1&embed=perhaps",
        );
        assert_eq!(p.story, None);
        assert_eq!(p.mode, None);
        assert_eq!(p.time, None);
        assert_eq!(p.cursor, None);
        assert_eq!(p.lang, None);
        assert_eq!(p.log, None);
        assert_eq!(p.compare, Some(vec!["A".into(), "B".into(), "ok".into()]));
        assert_eq!(p.dark, None);
        assert!(!p.embed);
        for bad in ["step=0", "step=-1", "step=three", "step=1000", "step=2.5", "step="] {
            assert_eq!(parse(bad).step, None, "{bad}");
        }
        assert_eq!(parse("story=oracle&step=3").step, Some(3));
        assert!(!parse("story=oracle&step=3&cursor=2025-09-10&lang=ar").has_view(), "a step with a crosshair is still a step");
        assert!(parse("story=oracle&time=2025-09-01..2025-10-01").has_view());
        // A reversed range is put in order; Datawrapper's flag and ours agree.
        assert_eq!(parse("time=2025-12-01..2025-01-01").time, Some((d("2025-01-01"), d("2025-12-01"))));
        assert_eq!(parse("dark=true").dark, Some(true));
        assert_eq!(parse("theme=light").dark, Some(false));
        assert_eq!(parse("dark=auto").dark, None);
    }

    #[test]
    fn random_garbage_never_panics_and_what_is_read_round_trips() {
        // A small xorshift generator: repeatable garbage of every byte.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyz=&~.%+?#/:-_0123456789ABCDEFZ \u{0639}\u{1F600}\u{0}".chars().collect();
        let keys = ["story=", "step=", "chart=", "compare=", "time=", "cursor=", "mode=", "lang=", "data=", "childId=", "scale=", "dark="];
        for _ in 0..5_000 {
            let n = (next() % 60) as usize;
            let mut s = String::new();
            for _ in 0..n {
                if next() % 9 == 0 {
                    s.push_str(keys[(next() % keys.len() as u64) as usize]);
                }
                s.push(alphabet[(next() % alphabet.len() as u64) as usize]);
            }
            let p = parse(&s);
            // Whatever was understood survives a trip through the address.
            assert_eq!(parse(&to_query(&p)), p, "input {s:?}");
        }
    }

    #[test]
    fn decoding_is_lenient() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%D8%B9"), "ع");
        assert_eq!(encode("ع b"), "%D8%B9%20b");
    }
}
