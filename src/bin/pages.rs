//! Builds, into a built site (`cargo run --release --bin pages -- dist`):
//! - a page per story and language (`oracle.html`, `oracle-ar.html`, …): the app's
//!   own index.html opening on that story, with its preview card for links shared
//!   on social media (og:title, og:description, og:image, og:url,
//!   twitter:card summary_large_image) and, for readers and crawlers without
//!   JavaScript, a <noscript> with the card, the story's finding in words and a link
//!   to the data;
//! - the preview cards (`preview-oracle-en.png`, 1200 × 630), drawn by the chart code;
//! - index.html's <noscript> the same way (the first story);
//! - the first screen of each page (src/tools/first_screen.rs: the app's own masthead, picker,
//!   headline, step controls and first step's words) with its picture in the chart's box
//!   (`first-oracle-en-light-wide.svg`, light and dark, wide and phone-sized: the story's first step
//!   drawn by the chart code), in place of the loading note until the app has started
//!   (index.html: the first story);
//! - `dataset.json`, the bundled data, for the "link to the data".
//!
//! Absolute addresses for og:image and og:url need the site's address:
//! `SITE_URL=https://example.org/liquidity/` (without it, relative addresses).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use liquidity_explorer::chart::preview::{card_png, card_svg};
    use liquidity_explorer::chart::step_svg_in;
    use liquidity_explorer::chart::theme::{DARK, LIGHT};
    use liquidity_explorer::core::bundled::{dataset, DATASET_JSON};
    use liquidity_explorer::core::lang::Lang;
    use liquidity_explorer::core::markup::escape as esc;
    use liquidity_explorer::i18n::{t, Key};
    use liquidity_explorer::tools::first_screen;
    use std::path::PathBuf;

    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let site = std::env::var("SITE_URL").unwrap_or_default();
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_else(|e| panic!("{}: {e} (build the site first)", dist.display()));
    let ds = dataset().expect("the bundled dataset");
    std::fs::write(dist.join("dataset.json"), DATASET_JSON).expect("write dataset.json");

    // The story's finding in words: its title and its first step's sentences, figures filled in.
    let finding = |id: &str, lang: Lang| -> (String, String) {
        let (title, _, text) = first_screen::finding(&ds, id, lang).expect("story");
        (title, text)
    };
    let noscript = |id: &str, lang: Lang, image: &str| {
        let (title, text) = finding(id, lang);
        let data = if lang == Lang::Ar { "البيانات ومصادرها (JSON)" } else { "The data and its sources (JSON)" };
        format!(
            r#"<noscript><article class="noscript" lang="{}" dir="{}"><h2>{}</h2><p><img src="{image}" width="1200" height="630" alt="{}" style="max-width:100%;height:auto"></p><p>{}</p><p><a href="dataset.json">{data}</a></p><p class="boot failed">{}</p></article></noscript>"#,
            lang.code(),
            if lang == Lang::Ar { "rtl" } else { "ltr" },
            esc(&title),
            esc(&title),
            esc(&text),
            esc(t(lang, Key::NeedsScript)),
        )
    };
    // The first picture: each story's first step drawn as its reader first sees it, light and dark,
    // wide and phone-sized, shown in place of the loading note until the app has started (the CSS
    // picks the one file the reader needs: public/app.css, "The first screen").
    let mut pictures = 0;
    for st in &ds.stories {
        for lang in [Lang::En, Lang::Ar] {
            for (theme_name, theme) in [("light", LIGHT), ("dark", DARK)] {
                for (size_name, size) in first_screen::SIZES {
                    let (svg, _) = step_svg_in(&ds, &st.id, 0, lang, size, theme).expect("the first step draws");
                    std::fs::write(dist.join(format!("first-{}-{}-{theme_name}-{size_name}.svg", st.id, lang.code())), svg).expect("write first picture");
                    pictures += 1;
                }
            }
        }
    }
    // In each language (the page script shows the reader's), the story's first screen as the app will
    // lay it out, its picture in the chart's box, and under it the note that the rest is coming.
    let first_view = |id: &str| -> String {
        let blocks: String = [Lang::En, Lang::Ar].iter().map(|&lang| first_screen::first_screen(&ds, id, lang).expect("story")).collect();
        format!(
            r#"<div id="boot" class="boot has-first">{blocks}<p class="boot-note" role="status"><span class="spinner" aria-hidden="true"></span><span id="boot-text">{}</span></p></div>"#,
            BOOT_TEXT
        )
    };
    const BOOT_TEXT: &str = "Loading the interactive chart… · جارٍ تحميل الرسم التفاعلي…";
    let boot =
        format!(r#"<div id="boot" class="boot" role="status"><span class="spinner" aria-hidden="true"></span><span id="boot-text">{BOOT_TEXT}</span></div>"#);
    assert!(index.contains(&boot), "index.html's loading note is not as pages.rs expects it");

    let mut written = 0;
    for st in &ds.stories {
        for lang in [Lang::En, Lang::Ar] {
            let image = format!("preview-{}-{}.png", st.id, lang.code());
            let svg = card_svg(&ds, &st.id, lang, t(lang, Key::SiteTitle)).expect("card");
            std::fs::write(dist.join(&image), card_png(&svg).expect("png")).expect("write card");
            let page = if lang == Lang::Ar { format!("{}-ar.html", st.id) } else { format!("{}.html", st.id) };
            let (title, text) = finding(&st.id, lang);
            let head = format!(
                r#"<meta name="liquidity-story" content="{id}"><meta name="liquidity-lang" content="{code}"><meta name="liquidity-first" content="first-{id}">
  <meta property="og:type" content="article"><meta property="og:title" content="{title}"><meta property="og:description" content="{text}">
  <meta property="og:image" content="{site}{image}"><meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
  <meta property="og:url" content="{site}{page}"><meta name="twitter:card" content="summary_large_image">"#,
                id = st.id,
                code = lang.code(),
                title = esc(&title),
                text = esc(&text),
            );
            let mut html = index.replacen("<title>", &format!("{head}\n  <title>"), 1);
            html = replace_between(&html, "<title>", "</title>", &esc(&format!("{title} — {}", t(lang, Key::SiteTitle))));
            html = replace_between(&html, "<meta name=\"description\" content=\"", "\">", &esc(&text));
            if lang == Lang::Ar {
                html = html.replacen("<html lang=\"en\" dir=\"ltr\">", "<html lang=\"ar\" dir=\"rtl\">", 1);
            }
            html = replace_noscript(&html, &noscript(&st.id, lang, &image));
            html = html.replacen(&boot, &first_view(&st.id), 1);
            std::fs::write(dist.join(&page), html).expect("write page");
            written += 1;
        }
    }
    // index.html: the first story, in English.
    if let Some(first) = ds.stories.first() {
        let html = replace_noscript(&index, &noscript(&first.id, Lang::En, &format!("preview-{}-en.png", first.id)))
            .replacen(&boot, &first_view(&first.id), 1)
            .replacen("<title>", &format!("<meta name=\"liquidity-first\" content=\"first-{}\">\n  <title>", first.id), 1);
        std::fs::write(dist.join("index.html"), html).expect("write index.html");
    }
    println!("pages: {written} story pages, {written} preview cards, {pictures} first pictures, index.html's first view and noscript, dataset.json");

    fn replace_between(html: &str, start: &str, end: &str, with: &str) -> String {
        let Some(a) = html.find(start).map(|i| i + start.len()) else { return html.to_string() };
        let Some(b) = html[a..].find(end).map(|i| a + i) else { return html.to_string() };
        format!("{}{with}{}", &html[..a], &html[b..])
    }
    fn replace_noscript(html: &str, with: &str) -> String {
        match (html.find("<noscript>"), html.find("</noscript>")) {
            (Some(a), Some(b)) if b > a => format!("{}{with}{}", &html[..a], &html[b + "</noscript>".len()..]),
            _ => html.to_string(),
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
