//! A story's preview card for links shared on social media and in messaging
//! apps (og:image, 1200 × 630): the site's name, the story's title (its
//! finding) and the chart of its first step, drawn by the same chart code as
//! the page (to SVG), then rasterized with resvg using the fonts kept in
//! assets/fonts (Noto Sans and Noto Sans Arabic, OFL), so Arabic is shaped
//! right. Native only: run at build time by `cargo run --bin pages`.

use super::metrics::is_arabic;
use super::step_svg;
use crate::core::dataset::Dataset;
use crate::core::lang::Lang;
use crate::core::markup::escape;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const FONTS: [&[u8]; 4] = [
    super::metrics::REGULAR,
    include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
    super::metrics::ARABIC,
    include_bytes!("../../assets/fonts/NotoSansArabic-Bold.ttf"),
];

/// Wraps each run of Arabic and of other letters in a <tspan> of its own face:
/// the rasterizer shapes a run in one face, so mixed text ("OpenAI" in an Arabic
/// title, "+36%" in an Arabic label) must name the face of each run. Spaces and
/// punctuation stay with the run they are in.
fn faces(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let mut arabic: Option<bool> = None;
    let flush = |out: &mut String, run: &mut String, arabic: Option<bool>| {
        if run.is_empty() {
            return;
        }
        let face = if arabic == Some(true) { "Noto Sans Arabic" } else { "Noto Sans" };
        out.push_str(&format!("<tspan font-family=\"{face}\">{run}</tspan>"));
        run.clear();
    };
    for c in text.chars() {
        let kind = if is_arabic(c) {
            Some(true)
        } else if c.is_alphanumeric() || "+%$−-".contains(c) {
            Some(false)
        } else {
            None
        };
        if let (Some(k), Some(cur)) = (kind, arabic) {
            if k != cur {
                flush(&mut out, &mut run, arabic);
            }
        }
        if kind.is_some() {
            arabic = kind;
        }
        // The bidi isolates plotters adds for Arabic labels have no glyph; the text's direction does their work.
        if !matches!(c, '\u{2066}'..='\u{2069}') {
            run.push(c);
        }
    }
    flush(&mut out, &mut run, arabic);
    out
}

/// The chart's <text> elements as one face can shape them: a label that mixes
/// Arabic with Latin signs ("9 سبتمبر: +1%، …", an event's label) is left off the
/// card (the rasterizer shapes a run in one face; the page itself draws it whole).
fn runs_in_faces(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        let Some(close) = rest[i..].find("</text>").map(|j| i + j + "</text>".len()) else { break };
        let content = &rest[i..close];
        // The text itself: between the tag's '>' and "</text>" (whose letters are not the label's).
        let inner = content.split_once('>').map_or("", |(_, x)| x).trim_end_matches("</text>");
        let mixed = inner.chars().any(is_arabic) && inner.chars().any(|c| c.is_ascii_alphabetic() || "+%$".contains(c));
        out.push_str(&rest[..i]);
        if !mixed {
            out.push_str(content);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Splits a title into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The card as SVG: the title, then the first step's chart under it.
pub fn card_svg(ds: &Dataset, story: &str, lang: Lang, site: &str) -> Option<String> {
    let st = ds.story(story)?;
    let (chart, _) = step_svg(ds, story, 0, lang, (WIDTH - 80, 400))?;
    let chart = chart.split_once("?>").map_or(chart.as_str(), |(_, rest)| rest).trim().to_string();
    let rtl = lang == Lang::Ar;
    let (x, anchor) = if rtl { (WIDTH - 40, "end") } else { (40, "start") };
    // The face of the card's language first: a run of text is shaped in the first face that has its
    // first character, so an Arabic label that starts with a digit must still find the Arabic face.
    let family = if rtl { "'Noto Sans Arabic', 'Noto Sans'" } else { "'Noto Sans', 'Noto Sans Arabic'" };
    let chart = runs_in_faces(&chart.replace(&super::theme::FONT.replace('\'', "&apos;"), family).replace(super::theme::FONT, family));
    let title: String = wrap(st.title.get(lang), 46)
        .iter()
        .take(2)
        .enumerate()
        .map(|(i, l)| {
            format!(
                r##"<text x="{x}" y="{}" font-family="{family}" font-size="42" font-weight="bold" fill="#222" text-anchor="{anchor}" direction="{}">{}</text>"##,
                112 + i as u32 * 52,
                if rtl { "rtl" } else { "ltr" },
                faces(&escape(l))
            )
        })
        .collect();
    let site = format!(
        r##"<text x="{x}" y="52" font-family="{family}" font-size="24" fill="#5e5e5e" text-anchor="{anchor}" direction="{}">{}</text>"##,
        if rtl { "rtl" } else { "ltr" },
        escape(site)
    );
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}"><rect width="100%" height="100%" fill="#fff"/><rect width="{WIDTH}" height="8" fill="#c0392b"/>{site}{title}<g transform="translate(40,210)">{chart}</g></svg>"##
    ))
}

/// Rasterizes a card to PNG bytes.
pub fn card_png(svg: &str) -> Result<Vec<u8>, String> {
    let mut opt = resvg::usvg::Options::default();
    let db = opt.fontdb_mut();
    for f in FONTS {
        db.load_font_data(f.to_vec());
    }
    db.set_sans_serif_family("Noto Sans");
    let tree = resvg::usvg::Tree::from_str(svg, &opt).map_err(|e| e.to_string())?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("no pixmap")?;
    resvg::render(&tree, resvg::tiny_skia::Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundled::dataset;

    #[test]
    fn every_story_has_a_card_in_both_languages() {
        let ds = dataset().unwrap();
        let mut seen = Vec::new();
        for st in &ds.stories {
            for lang in [Lang::En, Lang::Ar] {
                let svg = card_svg(&ds, &st.id, lang, "Is AI eating crypto's liquidity?").unwrap();
                let png = card_png(&svg).unwrap();
                let img = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
                assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT), "{} {lang:?}", st.id);
                // Not blank: plenty of pixels that are not the white background.
                let ink = img.pixels().iter().filter(|p| p.red() < 200 || p.green() < 200 || p.blue() < 200).count();
                assert!(ink > 10_000, "{} {lang:?}: {ink} inked pixels", st.id);
                seen.push(png);
            }
        }
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), ds.stories.len() * 2, "every card is its own");
    }

    #[test]
    fn an_arabic_card_keeps_its_arabic_labels() {
        let ds = dataset().unwrap();
        let svg = card_svg(&ds, "miners", Lang::Ar, "site").unwrap();
        // The caption and the months are Arabic only: kept; a label mixing Arabic and Latin letters is left off.
        for kept in ["مؤشر، 100 = بداية الفترة", "يوليو", "IREN 457"] {
            assert!(svg.contains(kept), "the Arabic card lost {kept:?}");
        }
        assert_eq!(runs_in_faces("<text x=\"1\">\nسبتمبر: +36%، OpenAI\n</text><text>مارس</text>"), "<text>مارس</text>");
    }
}
