//! A story's first screen as static markup, for the page to show until the app
//! has started: the masthead, the story picker, the headline, the step
//! controls and the first step's words, with the same elements and classes the
//! app renders (src/ui/masthead.rs, story_picker.rs, step_nav.rs,
//! step_text.rs), so the stylesheet lays both out alike and the app takes the
//! page over without moving it; in the chart's box, the first step drawn when
//! the site was built (`first-<story>-<lang>-<theme>-<size>.svg`). The controls
//! are `inert` until then (they do nothing without the app); the words and the
//! picture (named for screen readers) read as they will.

use crate::core::dataset::Dataset;
use crate::core::fmt::Plain;
use crate::core::lang::Lang;
use crate::core::markup::escape as esc;
use crate::core::story;
use crate::i18n::{t, tf, Key};

/// The picture's sizes, in CSS px: wide (the chart's box in a desktop column, 960 × 460) and phone
/// (375 px wide less the page's margins, and the phone chart's 280 px); the stylesheet shows the one
/// that applies, scaled to the box.
pub const SIZES: [(&str, (u32, u32)); 2] = [("wide", (960, 460)), ("phone", (343, 280))];

/// The story's finding in words: its title and its first step's title and sentences, figures filled
/// in (a story without steps: its summary).
pub fn finding(ds: &Dataset, id: &str, lang: Lang) -> Option<(String, Option<String>, String)> {
    let st = ds.story(id)?;
    let first = st.steps.first().and_then(|step| story::figures(ds, step).ok().map(|f| story::step_text(ds, step, &f, &Plain(lang))));
    Some(match first {
        Some(words) => (st.title.get(lang).to_string(), Some(words.title), words.text),
        None => (st.title.get(lang).to_string(), None, st.summary.get(lang).to_string()),
    })
}

/// The first screen of story `id` in `lang`, with the addresses of its pictures.
pub fn first_screen(ds: &Dataset, id: &str, lang: Lang) -> Option<String> {
    let st = ds.story(id)?;
    let (title, step_title, text) = finding(ds, id, lang)?;
    let code = lang.code();
    let ar = lang == Lang::Ar;
    let url = |theme: &str, size: &str| format!("url(first-{id}-{code}-{theme}-{size}.svg)");
    let style = format!(
        "--first-light-wide:{};--first-dark-wide:{};--first-light-phone:{};--first-dark-phone:{}",
        url("light", "wide"),
        url("dark", "wide"),
        url("light", "phone"),
        url("dark", "phone")
    );
    let other = if ar { "en" } else { "ar" };
    let masthead = format!(
        r#"<header class="masthead"><div class="top-row"><h1>{}</h1><div class="switches" inert><button type="button" class="lang-switch" lang="{other}" title="{}">{}</button><button type="button" class="theme-switch" title="{}">{}</button></div></div><p class="lede">{}</p></header>"#,
        esc(t(lang, Key::SiteTitle)),
        esc(t(lang, Key::SwitchLangLabel)),
        esc(t(lang, Key::SwitchLang)),
        esc(t(lang, Key::ThemeLabel)),
        esc(t(lang, Key::ThemeAuto)),
        esc(t(lang, Key::Lede)),
    );
    let tabs: String = ds
        .stories
        .iter()
        .map(|s| {
            format!(r#"<button type="button" class="story-tab" data-story="{}" aria-pressed="{}">{}</button>"#, esc(&s.id), s.id == id, esc(s.title.get(lang)))
        })
        .collect();
    let options: String = ds
        .stories
        .iter()
        .map(|s| format!(r#"<option value="{}"{}>{}</option>"#, esc(&s.id), if s.id == id { " selected" } else { "" }, esc(s.title.get(lang))))
        .collect();
    let picker = format!(
        r#"<nav class="stories" aria-label="{stories}" inert>{tabs}</nav><p class="story-select" inert><label>{stories}</label> <select>{options}</select></p>"#,
        stories = esc(t(lang, Key::Stories))
    );
    let count = st.steps.len();
    let steps = if count > 1 {
        let dots: String = st
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                format!(
                    r#"<li><button type="button" class="dot{}"{} aria-label="{}"></button></li>"#,
                    if i == 0 { " on" } else { "" },
                    if i == 0 { r#" aria-current="step""# } else { "" },
                    esc(&tf(lang, Key::GoToStep, &[&(i + 1).to_string(), s.title.get(lang)]))
                )
            })
            .collect();
        format!(
            r#"<nav class="steps" aria-label="{}" inert><button type="button" class="step-prev" aria-disabled="true"><span aria-hidden="true">{}</span>{}</button><span class="step-count">{}</span><ol class="step-dots">{dots}</ol><button type="button" class="step-next" aria-disabled="false">{}<span aria-hidden="true">{}</span></button></nav>"#,
            esc(t(lang, Key::StepsNav)),
            if ar { "→ " } else { "← " },
            esc(t(lang, Key::Previous)),
            esc(&tf(lang, Key::StepOf, &["1", &count.to_string()])),
            esc(t(lang, Key::Next)),
            if ar { " ←" } else { " →" },
        )
    } else {
        String::new()
    };
    let words = match step_title {
        Some(step) => format!(r#"<div class="step-text"><h3 class="step-title">{}</h3><p class="step-body">{}</p></div>"#, esc(&step), esc(&text)),
        None => format!(r#"<p class="dek">{}</p>"#, esc(&text)),
    };
    let label = if ar { format!("رسم بياني: {title}. {text}") } else { format!("Chart: {title}. {text}") };
    Some(format!(
        r#"<div class="first-view" lang="{code}" dir="{dir}" style="{style}">{masthead}<main><article class="story">{picker}<h2 class="headline">{title}</h2>{steps}{words}<div class="chart first-chart" role="img" aria-label="{label}" elementtiming="first-picture"></div></article></main></div>"#,
        dir = if ar { "rtl" } else { "ltr" },
        title = esc(&title),
        label = esc(&label),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bundled::dataset;

    #[test]
    fn each_story_has_its_first_screen_in_both_languages() {
        let ds = dataset().unwrap();
        for st in &ds.stories {
            for lang in [Lang::En, Lang::Ar] {
                let html = first_screen(&ds, &st.id, lang).unwrap();
                // The app's own elements, in its order: masthead, picker, headline, steps, words, chart.
                let order =
                    ["<header class=\"masthead\"", "<nav class=\"stories\"", "<h2 class=\"headline\"", "class=\"step-text\"", "class=\"chart first-chart\""];
                let at: Vec<usize> = order.iter().map(|m| html.find(m).unwrap_or_else(|| panic!("{} {lang:?}: no {m}", st.id))).collect();
                assert!(at.windows(2).all(|w| w[0] < w[1]), "{} {lang:?}: out of order", st.id);
                assert!(html.contains(&esc(st.title.get(lang))), "{} {lang:?}: the headline is the story's title", st.id);
                assert!(html.contains(&format!("url(first-{}-{}-dark-phone.svg)", st.id, lang.code())));
                // Its step count, the current story pressed, the other stories not; controls inert.
                assert!(html.contains(&format!("1 of {}", st.steps.len())) || lang == Lang::Ar || st.steps.len() < 2);
                assert_eq!(html.matches("aria-pressed=\"true\"").count(), 1);
                assert_eq!(html.matches(" inert>").count(), if st.steps.len() > 1 { 4 } else { 3 });
                assert!(!html.contains("<script") && !html.contains(" id="), "no script, and no id to clash with the app's");
            }
        }
        let ar = first_screen(&ds, "oracle", Lang::Ar).unwrap();
        assert!(ar.starts_with(r#"<div class="first-view" lang="ar" dir="rtl""#) && ar.contains("→ "), "Arabic runs right to left");
        assert!(first_screen(&ds, "no-such-story", Lang::En).is_none());
    }

    #[test]
    fn a_strangers_title_stays_text() {
        let mut ds = dataset().unwrap();
        ds.stories[0].title.en = "<img src=x onerror=alert(1)> & \"quoted\"".into();
        let html = first_screen(&ds, &ds.stories[0].id.clone(), Lang::En).unwrap();
        assert!(!html.contains("<img") && html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot;"));
    }
}
