//! A dataset file (JSON) read a piece at a time. In a big file nearly every
//! byte is a series' points (`[["2025-01-02", 182.5], …]`): a small scanner
//! walks the text in slices, reading each series' points straight into numbers
//! and leaving `[]` in their place, so what serde_json and the validator then
//! read in one piece is a skeleton of a few kilobytes. The result is the same as
//! reading the file at once ([`super::dataset_json::read_noting`]), problems
//! included: a points list the scanner does not take in full (a point with its
//! own note, a bad date, anything odd) stays in the skeleton as written and is
//! read, and reported, the ordinary way.

use super::dataset::{Loc, Problem, ProblemKind, MAX_BYTES, MAX_SERIES_POINTS};
use super::date::{Date, DatePrecision};
use super::series::{Blocks, Point};

/// A points list read by the scanner, already checked as the reader checks
/// one: the points kept, and each one dropped with why (a date given twice or
/// out of order), by its place in the list.
#[derive(Debug, Default)]
pub struct Lifted {
    /// The points in the list, kept or not.
    pub count: usize,
    pub points: Vec<Point>,
    pub precision: Vec<DatePrecision>,
    pub dropped: Vec<(usize, ProblemKind)>,
    /// The points' blocks, made as the list is read.
    pub blocks: Blocks,
}

impl Lifted {
    fn push(&mut self, (date, precision, value): (Date, DatePrecision, f64)) {
        let i = self.count;
        self.count += 1;
        if let Some(prev) = self.points.last().map(|p| p.date) {
            if date <= prev {
                self.dropped.push((i, if date == prev { ProblemKind::DuplicateDate(date.iso_at(precision)) } else { ProblemKind::Unsorted }));
                return;
            }
        }
        self.points.push(Point { date, value });
        self.precision.push(precision);
    }
}

/// serde_json's own limit on nesting; deeper, the scanner stops and leaves the rest to it.
const MAX_DEPTH: usize = 128;

#[derive(Clone, Copy, PartialEq)]
enum Key {
    Series,
    Points,
    Other,
}

struct Frame {
    object: bool,
    /// In an object: the last key, and whether its value comes next.
    key: Key,
    after_colon: bool,
    /// In an array: the values begun so far.
    count: usize,
    /// This container's place in the array holding it.
    index: usize,
}

/// A points list being read: where it began, whose it is, what has been read.
struct Lifting {
    start: usize,
    series: usize,
    points: Lifted,
    /// A point read, so a comma or the end comes next.
    after_point: bool,
    /// Line breaks in the list so far (counted as it is read, not read again).
    newlines: usize,
}

/// What serde_json reads in one piece: the file with its points lists taken
/// out, the points taken, and how to put a place in it back into the file.
pub struct Skeleton {
    pub text: String,
    pub lifted: Vec<Option<Lifted>>,
    shifts: Vec<(usize, usize, usize)>,
}

impl Skeleton {
    /// The file's line and column for a line and column of the skeleton (the
    /// lines are the file's; a column after a list taken out moves right).
    pub fn place(&self, line: usize, column: usize) -> (usize, usize) {
        let shift = self.shifts.iter().filter(|(l, c, _)| *l == line && *c < column).map(|(_, _, s)| *s).next_back().unwrap_or(0);
        (line, column + shift)
    }
}

pub struct JsonImport {
    text: String,
    pos: usize,
    stack: Vec<Frame>,
    lifting: Option<Lifting>,
    skeleton: String,
    /// The text before this is in the skeleton.
    copied: usize,
    /// By the series' place in the file's series list.
    lifted: Vec<Option<Lifted>>,
    /// Where each list taken ends: (line, column in the skeleton, columns the skeleton is short there).
    shifts: Vec<(usize, usize, usize)>,
    /// Lines before `copied`, counted, and where the last of them begins.
    lines: usize,
    line_start: usize,
    points: usize,
    done: bool,
}

/// How far a read has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub bytes: usize,
    pub total: usize,
    pub points: usize,
}

impl JsonImport {
    /// Refuses a file over the size limit before any other work.
    pub fn new(text: String) -> Result<JsonImport, Vec<Problem>> {
        if text.len() > MAX_BYTES {
            return Err(vec![Problem::new(Loc::default(), ProblemKind::TooLarge { bytes: text.len(), limit: MAX_BYTES })]);
        }
        let pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Ok(JsonImport {
            text,
            pos,
            stack: Vec::new(),
            lifting: None,
            skeleton: String::new(),
            copied: 0,
            lifted: Vec::new(),
            shifts: Vec::new(),
            lines: 0,
            line_start: 0,
            points: 0,
            done: false,
        })
    }

    pub fn progress(&self) -> Progress {
        Progress { bytes: self.pos, total: self.text.len(), points: self.points }
    }

    /// Scans about `budget` more bytes; true once the whole text is scanned.
    pub fn step(&mut self, budget: usize) -> bool {
        let stop = self.pos.saturating_add(budget.max(1));
        // The text is read while the scanner's state changes: held apart meanwhile.
        let text = std::mem::take(&mut self.text);
        while !self.done && self.pos < stop {
            if self.lifting.is_some() {
                self.lift_some(&text, stop);
            } else {
                self.scan_one(text.as_bytes());
            }
        }
        self.text = text;
        self.done
    }

    /// The skeleton and the points read, for [`super::dataset_json`] to read as one file.
    pub fn finish(mut self) -> Skeleton {
        while !self.step(usize::MAX) {}
        let mut text = std::mem::take(&mut self.skeleton);
        text.push_str(&self.text[self.copied..]);
        Skeleton { text, lifted: self.lifted, shifts: self.shifts }
    }

    /// One token of the ordinary walk.
    fn scan_one(&mut self, b: &[u8]) {
        self.pos = space(b, self.pos);
        let Some(&c) = b.get(self.pos) else {
            self.done = true;
            return;
        };
        match c {
            b'"' => {
                let Some(end) = string_end(b, self.pos) else {
                    self.done = true; // never closed: serde_json says where
                    return;
                };
                let key = match self.stack.last() {
                    Some(f) if f.object && !f.after_colon => Some(match &b[self.pos + 1..end - 1] {
                        b"series" => Key::Series,
                        b"points" => Key::Points,
                        _ => Key::Other,
                    }),
                    _ => None,
                };
                match key {
                    Some(k) => {
                        // The last key wins: a second "series" list at the top replaces the first, and a
                        // series' second "points" whatever was taken for its first.
                        if k == Key::Series && self.stack.len() == 1 {
                            self.lifted.clear();
                        }
                        if let [top, list, series] = &self.stack[..] {
                            if k == Key::Points && top.key == Key::Series && !list.object {
                                if let Some(slot) = self.lifted.get_mut(series.index) {
                                    *slot = None;
                                }
                            }
                        }
                        if let Some(f) = self.stack.last_mut() {
                            f.key = k;
                        }
                    }
                    None => {
                        self.value_begins();
                    }
                }
                self.pos = end;
            }
            b':' | b',' => {
                if let Some(f) = self.stack.last_mut().filter(|f| f.object) {
                    f.after_colon = c == b':';
                }
                self.pos += 1;
            }
            b'{' | b'[' => {
                if c == b'[' {
                    if let Some(series) = self.points_list_here() {
                        // Room for the points the rest of the file could hold (a point takes at least 16
                        // bytes), so that a big list is not copied as it grows.
                        let room = ((b.len() - self.pos) / 16).min(MAX_SERIES_POINTS);
                        let points = Lifted { points: Vec::with_capacity(room), precision: Vec::with_capacity(room), ..Lifted::default() };
                        self.lifting = Some(Lifting { start: self.pos, series, points, after_point: false, newlines: 0 });
                        self.pos += 1;
                        return;
                    }
                }
                let index = self.value_begins();
                if self.stack.len() >= MAX_DEPTH {
                    self.done = true;
                    return;
                }
                self.stack.push(Frame { object: c == b'{', key: Key::Other, after_colon: false, count: 0, index });
                self.pos += 1;
            }
            b'}' | b']' => {
                self.stack.pop();
                self.pos += 1;
            }
            _ => {
                self.value_begins();
                while self.pos < b.len() && !matches!(b[self.pos], b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}' | b':') {
                    self.pos += 1;
                }
            }
        }
    }

    /// A value begins in the container on top: counted if it is an array. Its place.
    fn value_begins(&mut self) -> usize {
        match self.stack.last_mut() {
            Some(f) if !f.object => {
                f.count += 1;
                f.count - 1
            }
            _ => 0,
        }
    }

    /// At a `[` that is the value of `series[i].points` at the top of the file: `i`.
    fn points_list_here(&self) -> Option<usize> {
        match &self.stack[..] {
            [top, list, series]
                if top.object
                    && top.key == Key::Series
                    && top.after_colon
                    && !list.object
                    && series.object
                    && series.key == Key::Points
                    && series.after_colon =>
            {
                Some(series.index)
            }
            _ => None,
        }
    }

    /// Reads points until `stop`, the list's end, or something the scanner does
    /// not take (then the list is left to the ordinary walk, as written).
    fn lift_some(&mut self, text: &str, stop: usize) {
        let Some(mut l) = self.lifting.take() else { return };
        let b = text.as_bytes();
        let breaks = |from: usize, to: usize| b[from..to].iter().filter(|c| **c == b'\n').count();
        loop {
            let at = space(b, self.pos);
            l.newlines += breaks(self.pos, at);
            self.pos = at;
            match (b.get(self.pos), l.after_point) {
                (Some(b']'), true) => {
                    self.pos += 1;
                    self.lifted_list(text, l);
                    return;
                }
                (Some(b','), true) => {
                    self.pos += 1;
                    l.after_point = false;
                }
                (Some(b'['), false) => match point_at(b, self.pos) {
                    Some((point, end)) => {
                        l.points.push(point);
                        l.newlines += breaks(self.pos, end);
                        self.points += 1;
                        self.pos = end;
                        l.after_point = true;
                    }
                    None => break,
                },
                _ => break,
            }
            if self.pos >= stop {
                self.lifting = Some(l);
                return;
            }
        }
        // Not taken: the ordinary walk reads the list from its `[`.
        self.pos = l.start;
        let index = self.value_begins();
        self.stack.push(Frame { object: false, key: Key::Other, after_colon: false, count: 0, index });
        self.pos += 1;
    }

    /// A points list read whole: `[]` in the skeleton (keeping its lines, so
    /// serde_json's line numbers stay the file's), its points kept aside.
    fn lifted_list(&mut self, text: &str, l: Lifting) {
        let before = &text[self.copied..l.start];
        self.skeleton.push_str(before);
        self.skeleton.push('[');
        self.skeleton.extend(std::iter::repeat_n('\n', l.newlines));
        self.skeleton.push(']');
        self.lines += before.bytes().filter(|c| *c == b'\n').count() + l.newlines;
        // Where the list's last line begins: found near its end, never by reading back through the file.
        let last_break = if l.newlines > 0 { text[l.start..self.pos].rfind('\n').map(|i| l.start + i) } else { before.rfind('\n').map(|i| self.copied + i) };
        if let Some(i) = last_break {
            self.line_start = i + 1;
        }
        self.copied = self.pos;
        // Columns (bytes from the line's start) where the list ends, in the file and in the skeleton.
        let file = self.pos - self.line_start;
        let skeleton = self.skeleton.len() - self.skeleton.rfind('\n').map_or(0, |i| i + 1);
        self.shifts.push((self.lines + 1, skeleton, file - skeleton));
        if self.lifted.len() <= l.series {
            self.lifted.resize_with(l.series + 1, || None);
        }
        let mut points = l.points;
        points.blocks = Blocks::of(&points.points);
        self.lifted[l.series] = Some(points);
    }
}

/// The first index from `i` that is not white space.
fn space(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The index just past the closing quote of the string opening at `at`.
fn string_end(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    while i < b.len() {
        match b[i] {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    None
}

/// `["date", number]` at `at`, exactly as JSON writes it: the point and the
/// index past its `]`; `None` for anything else (a note, an escape, a bad date
/// or number), which the ordinary reader then reads and reports.
fn point_at(b: &[u8], at: usize) -> Option<((Date, DatePrecision, f64), usize)> {
    let space = |i: usize| space(b, i);
    let mut i = space(at + 1);
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let start = i + 1;
    let end = start + b.get(start..)?.iter().position(|c| *c == b'"')?;
    let date = &b[start..end];
    if date.iter().any(|c| *c == b'\\' || *c < 0x20) {
        return None;
    }
    let (date, precision) = Date::parse_flexible(std::str::from_utf8(date).ok()?).ok()?;
    i = space(end + 1);
    if b.get(i) != Some(&b',') {
        return None;
    }
    i = space(i + 1);
    let n = json_number(b.get(i..)?)?;
    let value: f64 = std::str::from_utf8(&b[i..i + n]).ok()?.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    i = space(i + n);
    (b.get(i) == Some(&b']')).then_some(((date, precision, value), i + 1))
}

/// The length of the JSON number at the start of `b` (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`).
fn json_number(b: &[u8]) -> Option<usize> {
    let digits = |i: usize| b[i.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = usize::from(b.first() == Some(&b'-'));
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i += digits(i),
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        let n = digits(i + 1);
        if n == 0 {
            return None;
        }
        i += 1 + n;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = digits(i);
        if n == 0 {
            return None;
        }
        i += n;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset_json::{read_noting, read_sliced};

    fn sliced(text: &str, budget: usize) -> Result<(crate::core::dataset::Dataset, Vec<Problem>), Vec<Problem>> {
        let mut import = JsonImport::new(text.to_string())?;
        while !import.step(budget) {}
        read_sliced(import)
    }

    /// The bundled dataset, the documented example, and every broken file of the
    /// corpus: read in pieces of any size, the same dataset or the same problems.
    #[test]
    fn a_file_read_in_pieces_is_the_file_read_at_once() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![crate::core::bundled::DATASET_JSON.to_string(), std::fs::read_to_string(root.join("docs/example-dataset.json")).unwrap()];
        for e in std::fs::read_dir(root.join("tests/corpus/bad")).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                files.push(std::fs::read_to_string(p).unwrap());
            }
        }
        assert!(files.len() > 10);
        for text in &files {
            let whole = read_noting(text);
            for budget in [1, 7, 64, 4096, usize::MAX] {
                assert_eq!(sliced(text, budget), whole, "budget {budget}: {}", &text[..text.len().min(200)]);
            }
        }
    }

    #[test]
    fn the_points_leave_a_small_skeleton_and_odd_lists_are_read_as_written() {
        let mut text = String::from(r#"{"format": "liquidity-explorer-dataset/1", "id": "t", "title": "T", "series": ["#);
        for (s, id) in ["A", "B"].iter().enumerate() {
            text.push_str(&format!(
                r#"{}{{"id": "{id}", "name": "{id}", "unit": "number", "points": [
"#,
                if s > 0 { "," } else { "" }
            ));
            for i in 0..5_000 {
                text.push_str(&format!("{}[\"{}\", {}.5]\n", if i > 0 { "," } else { "" }, Date::from_days(10_000 + i).iso(), i));
            }
            text.push_str("]}");
        }
        // A third series whose points carry a note: read the ordinary way.
        text.push_str(r#", {"id": "C", "name": "C", "unit": "number", "points": [["2025-01-02", 1, {"note": "n"}], ["2025-01-03", -2e3]]}]}"#);
        let mut import = JsonImport::new(text.clone()).unwrap();
        while !import.step(10_000) {}
        assert_eq!(import.progress().points, 10_000);
        let Skeleton { text: skeleton, lifted, .. } = import.finish();
        assert!(skeleton.bytes().filter(|c| *c != b'\n').count() < 1_000, "{} bytes left", skeleton.len());
        assert_eq!(skeleton.lines().count(), text.lines().count(), "lines kept, so serde_json's line numbers are the file's");
        assert_eq!(lifted.iter().flatten().map(|l| l.points.len()).collect::<Vec<_>>(), vec![5_000, 5_000]);
        let ds = sliced(&text, 3_000).unwrap().0;
        assert_eq!(ds, read_noting(&text).unwrap().0);
        assert_eq!(ds.series[2].series.points[1].value, -2000.0);
        assert_eq!(ds.series[1].series.points[4_999].value, 4_999.5);
        // A fault just after a list taken out, in a file of many lines and in one of one line: the same place.
        let flat = text.replace('\n', "");
        for file in [&text, &flat] {
            let broken = file.replacen("]}", "]} x", 1);
            let (a, b) = (sliced(&broken, 5_000), read_noting(&broken));
            assert!(matches!(&b, Err(p) if p[0].loc.line.is_some()), "{b:?}");
            assert_eq!(a, b);
            assert_eq!(sliced(file, 5_000), read_noting(file));
        }
        // A file cut short, a date given twice, a series list given twice: as read at once.
        for odd in [&text[..text.len() / 2], &text.replacen("[\"1997-05-20\"", "[\"1997-05-19\"", 1), &format!("{}, \"series\": []}}", &text[..text.len() - 1])]
        {
            assert_eq!(sliced(odd, 777), read_noting(odd));
        }
    }

    #[test]
    fn numbers_as_json_writes_them() {
        for (ok, n) in [("0", 1), ("-0.5", 4), ("12e3", 4), ("1.25E-2", 7), ("7]", 1)] {
            assert_eq!(json_number(ok.as_bytes()), Some(n), "{ok}");
        }
        for bad in ["01", "1.", ".5", "+1", "-", "1e", "NaN"] {
            assert_ne!(json_number(bad.as_bytes()), Some(bad.len()), "{bad}");
        }
    }
}
