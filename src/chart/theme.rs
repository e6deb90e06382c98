//! Colours and sizes of the chart, in CSS pixels (scaled by the device pixel
//! ratio when drawn).

use plotters::style::RGBColor;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub line: RGBColor,
    pub marker: RGBColor,
}

/// The light theme. Text colours keep WCAG AA contrast (≥ 4.5:1) on the
/// background; the series colour keeps ≥ 3:1 (a graphical object).
pub const LIGHT: Theme = Theme {
    background: RGBColor(255, 255, 255),
    text: RGBColor(34, 34, 34),
    muted: RGBColor(94, 94, 94),
    grid: RGBColor(229, 229, 229),
    line: RGBColor(192, 57, 43),
    marker: RGBColor(60, 60, 60),
};

pub const FONT: &str = "sans-serif";
/// Tick and label text size, CSS px.
pub const FONT_PX: f64 = 12.0;
