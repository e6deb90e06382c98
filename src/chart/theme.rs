//! Colours and sizes of the chart, in CSS pixels (scaled by the device pixel
//! ratio when drawn).

use plotters::style::RGBColor;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub marker: RGBColor,
    /// The shade over dates after the article.
    pub after: RGBColor,
    /// Series colours, the first for the story's main series.
    pub palette: [RGBColor; 8],
}

/// The light theme. Text colours keep WCAG AA contrast (≥ 4.5:1) on the
/// background and series colours ≥ 3:1 (graphical objects); a test checks both.
/// The palette follows Okabe and Ito's colour-blind-safe hues, darkened where
/// needed for contrast; line styles and direct labels tell series apart too.
pub const LIGHT: Theme = Theme {
    background: RGBColor(255, 255, 255),
    text: RGBColor(34, 34, 34),
    muted: RGBColor(94, 94, 94),
    grid: RGBColor(229, 229, 229),
    marker: RGBColor(60, 60, 60),
    after: RGBColor(243, 243, 243),
    palette: [
        RGBColor(192, 57, 43),
        RGBColor(0, 114, 178),
        RGBColor(0, 122, 90),
        RGBColor(168, 69, 138),
        RGBColor(140, 101, 0),
        RGBColor(51, 51, 51),
        RGBColor(182, 79, 0),
        RGBColor(91, 91, 176),
    ],
};

/// The dark theme: light text on near-black, the palette lightened to keep
/// the same contrast.
pub const DARK: Theme = Theme {
    background: RGBColor(24, 24, 27),
    text: RGBColor(236, 236, 236),
    muted: RGBColor(170, 170, 170),
    grid: RGBColor(60, 60, 66),
    marker: RGBColor(200, 200, 200),
    after: RGBColor(38, 38, 44),
    palette: [
        RGBColor(255, 122, 105),
        RGBColor(102, 178, 255),
        RGBColor(72, 201, 160),
        RGBColor(230, 140, 205),
        RGBColor(224, 184, 84),
        RGBColor(220, 220, 220),
        RGBColor(255, 160, 80),
        RGBColor(170, 170, 255),
    ],
};

/// Dash patterns (dash, gap) in CSS px by palette slot; `None` is solid.
pub const DASHES: [Option<(f64, f64)>; 8] =
    [None, None, Some((7.0, 4.0)), Some((2.0, 3.0)), Some((11.0, 4.0)), Some((5.0, 2.0)), Some((3.0, 6.0)), Some((9.0, 2.0))];

/// Dash patterns for the lines beyond the palette, drawn grey: each its own.
pub const GREY_DASHES: [Option<(f64, f64)>; 7] =
    [None, Some((7.0, 4.0)), Some((2.0, 3.0)), Some((11.0, 4.0)), Some((5.0, 2.0)), Some((3.0, 6.0)), Some((9.0, 2.0))];

/// The colour and dash of a line by its palette slot (slot 0, the main line, is
/// solid). Past the palette, lines are grey and told apart by their dashes and
/// their direct labels.
pub fn line_style(theme: &Theme, slot: usize, main: bool) -> (RGBColor, Option<(f64, f64)>) {
    let n = theme.palette.len();
    let (colour, dash) = if slot < n { (theme.palette[slot], DASHES[slot]) } else { (theme.muted, GREY_DASHES[(slot - n) % GREY_DASHES.len()]) };
    (colour, if main { None } else { dash })
}

/// The page's own faces (public/app.css), so page and chart read as one type scale. Arabic falls back
/// to the first face with Arabic glyphs: Noto Sans Arabic where installed (Linux, Android), SF Arabic /
/// Geeza Pro on Apple systems, Segoe UI on Windows.
pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans Arabic', sans-serif";
/// Tick and label text size, CSS px.
pub const FONT_PX: f64 = 12.0;

/// WCAG 2 contrast ratio between two colours.
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    fn lum(c: RGBColor) -> f64 {
        let ch = |v: u8| {
            let s = v as f64 / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_keeps_wcag_contrast_on_the_canvas() {
        for t in [LIGHT, DARK] {
            assert!(contrast(t.text, t.background) >= 4.5);
            assert!(contrast(t.muted, t.background) >= 4.5, "tick labels: {}", contrast(t.muted, t.background));
            assert!(contrast(t.muted, t.after) >= 4.5, "labels over the after-article shade");
            for (i, c) in t.palette.iter().enumerate() {
                // End labels are drawn in the series colour: text contrast for them.
                assert!(contrast(*c, t.background) >= 4.5, "palette {i}: {}", contrast(*c, t.background));
                assert!(contrast(*c, t.after) >= 3.0, "palette {i} over the after-article shade");
            }
        }
        assert!((contrast(RGBColor(0, 0, 0), RGBColor(255, 255, 255)) - 21.0).abs() < 1e-9);
    }

    #[test]
    fn twelve_lines_get_twelve_distinct_colour_and_dash_pairs() {
        for t in [LIGHT, DARK] {
            let styles: Vec<_> = (0..12).map(|slot| line_style(&t, slot, slot == 0)).collect();
            for (i, a) in styles.iter().enumerate() {
                for (j, b) in styles.iter().enumerate().skip(i + 1) {
                    assert!(a != b, "slots {i} and {j} look the same: {a:?}");
                }
                // Past the palette, grey: still AA against the background (it is the tick colour).
                assert!(contrast(a.0, t.background) >= 4.5);
            }
            assert!(styles[8..].iter().all(|s| s.0 == t.muted), "beyond the palette, grey");
        }
    }
}
