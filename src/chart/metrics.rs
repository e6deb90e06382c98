//! Text measured natively as a browser would draw it: shaped (rustybuzz) in the
//! faces kept in assets/fonts (Noto Sans, and Noto Sans Arabic for Arabic runs),
//! so a chart drawn to SVG at build time (the page's first picture, the preview
//! cards, the native tests) is laid out for the text it will show: 12 px labels
//! that fit where the canvas's would. Native only; in the browser the canvas
//! measures its own text (`ui::chart_canvas::CanvasMeasure`).

use super::TextMeasure;
use std::cell::RefCell;
use std::collections::HashMap;

pub(crate) const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
pub(crate) const ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");

/// Letters of the Arabic script (and its presentation forms).
pub fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Measures with the bundled faces. Widths are kept by text and size: a chart asks for the same
/// labels many times.
#[derive(Default)]
pub struct FontMeasure {
    seen: RefCell<HashMap<(String, u64), u32>>,
}

thread_local! {
    static FACES: (rustybuzz::Face<'static>, rustybuzz::Face<'static>) = (
        rustybuzz::Face::from_slice(REGULAR, 0).expect("assets/fonts/NotoSans-Regular.ttf reads"),
        rustybuzz::Face::from_slice(ARABIC, 0).expect("assets/fonts/NotoSansArabic-Regular.ttf reads"),
    );
}

/// The advance of `run` shaped in `face`, in font units.
fn advance(face: &rustybuzz::Face<'_>, run: &str) -> f64 {
    let mut buf = rustybuzz::UnicodeBuffer::new();
    buf.push_str(run);
    buf.guess_segment_properties();
    let shaped = rustybuzz::shape(face, &[], buf);
    shaped.glyph_positions().iter().map(|p| p.x_advance as f64).sum::<f64>() / face.units_per_em() as f64
}

impl TextMeasure for FontMeasure {
    fn width(&self, text: &str, px: f64) -> u32 {
        let key = (text.to_string(), px.to_bits());
        if let Some(w) = self.seen.borrow().get(&key) {
            return *w;
        }
        // Runs of Arabic letters in the Arabic face, the rest (digits, signs, Latin) in the Latin face;
        // the bidi isolates the chart wraps Arabic labels in have no width.
        let em = FACES.with(|(latin, arabic)| {
            let mut em = 0.0;
            let mut run = String::new();
            let mut in_arabic = false;
            for c in text.chars().filter(|c| !matches!(c, '\u{2066}'..='\u{2069}')) {
                let a = is_arabic(c) || (in_arabic && c == ' ');
                if a != in_arabic && !run.is_empty() {
                    em += advance(if in_arabic { arabic } else { latin }, &run);
                    run.clear();
                }
                in_arabic = a;
                run.push(c);
            }
            if !run.is_empty() {
                em += advance(if in_arabic { arabic } else { latin }, &run);
            }
            em
        });
        let w = (em * px).ceil() as u32;
        self.seen.borrow_mut().insert(key, w);
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_the_faces_own() {
        let m = FontMeasure::default();
        // Noto Sans: a digit is 0.572 em; "$250" at 12 px is about 27 px.
        let w = m.width("$250", 12.0);
        assert!((25..=30).contains(&w), "{w}");
        // Twice the size, twice the width (to the pixel); longer text is wider.
        assert!((m.width("$250", 24.0) as i32 - 2 * w as i32).abs() <= 1);
        assert!(m.width("Close before the deal", 12.0) > m.width("Close", 12.0) * 3);
        // Arabic is shaped in its own face (joined forms), and the bidi isolates cost nothing.
        let ar = m.width("سبتمبر", 12.0);
        assert!((20..=60).contains(&ar), "{ar}");
        assert_eq!(m.width("\u{2067}سبتمبر\u{2069}", 12.0), ar);
        assert_eq!(m.width("", 12.0), 0);
    }
}
