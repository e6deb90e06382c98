//! The page's title and lede, the language switch (`?lang=` is kept in the
//! address so a shared link opens in the same language), and the theme switch.

use super::state::{AppState, ThemePref};
use crate::core::lang::Lang;
use crate::i18n::{t, Key};
use leptos::prelude::*;

/// Sets a query parameter in the address bar without a new history entry.
pub fn set_param(name: &str, value: Option<&str>) {
    let Some(w) = web_sys::window() else { return };
    let Ok(href) = w.location().href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    match value {
        Some(v) => url.search_params().set(name, v),
        None => url.search_params().delete(name),
    }
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}

#[component]
pub fn Masthead() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let switch_lang = move |_| {
        let next = if lang.get_untracked() == Lang::En { Lang::Ar } else { Lang::En };
        lang.set(next);
        set_param("lang", Some(next.code()));
    };
    let cycle_theme = move |_| {
        let next = match state.theme.get_untracked() {
            ThemePref::Auto => ThemePref::Light,
            ThemePref::Light => ThemePref::Dark,
            ThemePref::Dark => ThemePref::Auto,
        };
        state.theme.set(next);
        set_param(
            "theme",
            match next {
                ThemePref::Auto => None,
                ThemePref::Light => Some("light"),
                ThemePref::Dark => Some("dark"),
            },
        );
    };
    let theme_text = move || {
        t(
            lang.get(),
            match state.theme.get() {
                ThemePref::Auto => Key::ThemeAuto,
                ThemePref::Light => Key::ThemeLight,
                ThemePref::Dark => Key::ThemeDark,
            },
        )
    };
    view! {
        <header class="masthead">
            <a class="skip" href="#chart">{move || t(lang.get(), Key::SkipToChart)}</a>
            <div class="top-row">
                <h1>{move || t(lang.get(), Key::SiteTitle)}</h1>
                <div class="switches">
                    // Named in the language it switches to; the hint says what it does.
                    <button type="button" class="lang-switch" lang=move || if lang.get() == Lang::En { "ar" } else { "en" }
                        title=move || t(lang.get(), Key::SwitchLangLabel) on:click=switch_lang>
                        {move || t(lang.get(), Key::SwitchLang)}
                    </button>
                    <button type="button" class="theme-switch" title=move || t(lang.get(), Key::ThemeLabel) on:click=cycle_theme>
                        {theme_text}
                    </button>
                </div>
            </div>
            <p class="lede">{move || t(lang.get(), Key::Lede)}</p>
        </header>
    }
}
