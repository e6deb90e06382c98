//! Builds the bundled dataset from the hand-written catalog (data/catalog.json)
//! and the research CSVs it names (data/series/). Pure: the caller supplies the
//! files, so the test can rebuild the bundle in memory and compare it with the
//! committed one. Run by `cargo run --bin build-dataset`.
//!
//! A catalog series names its CSV instead of holding points:
//! - `"csv"`: the file in data/series/ (header `date,value,unit,source`);
//! - `"unit_prefix"`: keep only rows whose unit starts with this (files that mix measures);
//! - `"round": "f32"`: the source stored single-precision floats (yfinance): take the
//!   shortest decimal that is the same f32 (6.090000152587891 → 6.09, 132.375 stays);
//!   a number instead rounds to that many decimals;
//! - `"row_sources"`: `[[substring, source id], …]`: each row's source column must
//!   contain one of the substrings; the point then carries that source id, the
//!   row's quoted source text and its unit text as a note.

use crate::core::csv;
use crate::core::dataset::Dataset;
use crate::core::dataset_json;
use crate::core::date::Date;
use crate::core::lang::Lang;
use crate::i18n::Say;
use serde_json::{Map, Value};

/// A row of a research CSV as the builder read it, for the value checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub date: String,
    pub value: String,
    pub unit: String,
    pub source: String,
}

/// Reads a research CSV into rows (no interpretation of the values).
pub fn research_rows(text: &str) -> Result<Vec<Row>, String> {
    let records = csv::parse(text, ',').map_err(|e| format!("line {}: {}", e.line, e.message))?;
    let mut it = records.into_iter();
    let header = it.next().ok_or("empty file")?;
    if header.fields.iter().map(|s| s.trim()).collect::<Vec<_>>() != ["date", "value", "unit", "source"] {
        return Err(format!("the header must be date,value,unit,source, not {}", header.fields.join(",")));
    }
    it.map(|r| {
        if r.fields.len() != 4 {
            return Err(format!("line {}: {} fields, expected 4", r.line, r.fields.len()));
        }
        let f = r.fields;
        Ok(Row { line: r.line, date: f[0].trim().into(), value: f[1].trim().into(), unit: f[2].clone(), source: f[3].clone() })
    })
    .collect()
}

/// Which rows of a CSV a catalog series takes.
pub fn selected<'a>(rows: &'a [Row], unit_prefix: Option<&str>) -> Vec<&'a Row> {
    rows.iter().filter(|r| unit_prefix.is_none_or(|p| r.unit.starts_with(p))).collect()
}

/// Rounds to `decimals` places, as the source quotes (cents for yfinance).
pub fn round_to(v: f64, decimals: u32) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (v * f).round() / f
}

/// Builds and validates the dataset. `file` returns a CSV's text by name.
pub fn build(catalog: &str, file: &dyn Fn(&str) -> Option<String>) -> Result<Dataset, Vec<String>> {
    let mut v: Value = serde_json::from_str(catalog).map_err(|e| vec![format!("catalog: {e}")])?;
    let mut errors = Vec::new();
    if let Some(list) = v.get_mut("series").and_then(Value::as_array_mut) {
        for s in list.iter_mut() {
            let Some(o) = s.as_object_mut() else { continue };
            let id = o.get("id").and_then(Value::as_str).unwrap_or("?").to_string();
            let Some(csv_name) = o.remove("csv") else { continue };
            let csv_name = csv_name.as_str().unwrap_or_default().to_string();
            match points_from_csv(o, &csv_name, file) {
                Ok(points) => {
                    o.insert("points".into(), Value::Array(points));
                }
                Err(e) => errors.extend(e.into_iter().map(|e| format!("series {id} ({csv_name}): {e}"))),
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let text = serde_json::to_string(&v).map_err(|e| vec![e.to_string()])?;
    dataset_json::read(&text).map_err(|p| p.iter().map(|p| p.say(Lang::En)).collect())
}

fn points_from_csv(o: &mut Map<String, Value>, name: &str, file: &dyn Fn(&str) -> Option<String>) -> Result<Vec<Value>, Vec<String>> {
    let unit_prefix = o.remove("unit_prefix").and_then(|v| v.as_str().map(String::from));
    let round = o.remove("round");
    let row_sources: Option<Vec<(String, String)>> = o
        .remove("row_sources")
        .and_then(|v| v.as_array().map(|a| a.iter().filter_map(|p| Some((p.get(0)?.as_str()?.to_string(), p.get(1)?.as_str()?.to_string()))).collect()));
    let text = file(name).ok_or_else(|| vec![format!("no such file in data/series/")])?;
    let rows = research_rows(&text).map_err(|e| vec![e])?;
    let rows = selected(&rows, unit_prefix.as_deref());
    if rows.is_empty() {
        return Err(vec![format!("no rows match unit prefix {unit_prefix:?}")]);
    }
    let mut errors = Vec::new();
    let mut points: Vec<(Date, Value)> = Vec::new();
    for r in rows {
        let Ok((date, prec)) = Date::parse_flexible(&r.date) else {
            errors.push(format!("line {}: bad date {:?}", r.line, r.date));
            continue;
        };
        let Ok(raw) = r.value.parse::<f64>() else {
            errors.push(format!("line {}: bad value {:?}", r.line, r.value));
            continue;
        };
        let value = match round.as_ref() {
            Some(Value::String(m)) if m == "f32" => {
                let v: f64 = format!("{}", raw as f32).parse().unwrap_or(raw);
                if (v - raw).abs() > 1e-6 * raw.abs().max(1.0) {
                    errors.push(format!("line {}: {raw} is not a single-precision float", r.line));
                }
                v
            }
            Some(d) => {
                let d = d.as_u64().unwrap_or(0) as u32;
                let v = round_to(raw, d);
                // Rounding removes float noise only: refuse to lose real digits.
                if (v - raw).abs() > 1e-5 * raw.abs().max(1.0) {
                    errors.push(format!("line {}: rounding {raw} to {d} places changes it", r.line));
                }
                v
            }
            None => raw,
        };
        let mut p = vec![Value::String(date.iso_at(prec)), serde_json::Number::from_f64(value).map(Value::Number).unwrap_or(Value::Null)];
        if let Some(map) = &row_sources {
            match map.iter().find(|(needle, _)| r.source.contains(needle.as_str())) {
                Some((_, id)) => {
                    let mut note = Map::new();
                    note.insert("source".into(), id.clone().into());
                    note.insert("quote".into(), r.source.clone().into());
                    note.insert("note".into(), r.unit.clone().into());
                    p.push(Value::Object(note));
                }
                None => errors.push(format!("line {}: no row_sources entry matches the source {:?}", r.line, r.source)),
            }
        }
        points.push((date, Value::Array(p)));
    }
    // The raw files are not always in order (a month date after a day in it).
    points.sort_by_key(|(d, _)| *d);
    if errors.is_empty() {
        Ok(points.into_iter().map(|(_, v)| v).collect())
    } else {
        Err(errors)
    }
}
