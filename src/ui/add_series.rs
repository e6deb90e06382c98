//! "Add a series": a combobox (ARIA 1.2 pattern, list autocomplete) that finds
//! any series of the dataset by name or ticker, in English or Arabic, and adds
//! it to the chart (indexed when the units differ, as the view does for any
//! comparison). Arrow keys move through the options, Enter adds, Escape closes.

use super::state::AppState;
use crate::core::lang::Lang;
use crate::i18n::{t, Key};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

#[component]
pub fn AddSeries() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(0usize);
    let open = RwSignal::new(false);
    let options = move || {
        let q = query.get();
        let l = lang.get();
        let main = state.series.get();
        let on = state.compare.get();
        state.loaded.with(|d| {
            d.dataset
                .find_series(&q)
                .into_iter()
                .filter(|s| s.id() != main && !on.iter().any(|c| c == s.id()))
                .take(12)
                .map(|s| (s.id().to_string(), s.name.get(l).to_string()))
                .collect::<Vec<_>>()
        })
    };
    let add = move |id: String| {
        state.compare.update(|c| {
            if !c.contains(&id) {
                c.push(id);
            }
        });
        query.set(String::new());
        open.set(false);
        active.set(0);
    };
    let on_key = move |ev: KeyboardEvent| {
        let n = options().len();
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                open.set(true);
                if n > 0 {
                    active.update(|a| *a = (*a + 1) % n);
                }
            }
            "ArrowUp" => {
                ev.prevent_default();
                open.set(true);
                if n > 0 {
                    active.update(|a| *a = (*a + n - 1) % n);
                }
            }
            "Enter" => {
                if let Some((id, _)) = options().get(active.get_untracked().min(n.saturating_sub(1))).cloned() {
                    ev.prevent_default();
                    add(id);
                }
            }
            "Escape" => {
                open.set(false);
                query.set(String::new());
            }
            _ => {}
        }
    };
    let expanded = move || open.get() && !query.with(|q| q.trim().is_empty());
    view! {
        <div class="add-series">
            <label for="add-series-input">{move || t(lang.get(), Key::AddSeries)}</label>
            <input id="add-series-input" type="text" role="combobox" autocomplete="off" spellcheck="false"
                aria-autocomplete="list" aria-controls="add-series-list" aria-expanded=move || expanded().to_string()
                aria-describedby="add-series-hint"
                aria-activedescendant=move || (expanded() && !options().is_empty()).then(|| format!("add-opt-{}", active.get()))
                placeholder=move || t(lang.get(), Key::AddSeriesHint)
                prop:value=move || query.get()
                on:input=move |ev| { query.set(event_target_value(&ev)); active.set(0); open.set(true); }
                on:keydown=on_key
                on:blur=move |_| open.set(false) />
            <span id="add-series-hint" class="visually-hidden">{move || t(lang.get(), Key::AddSeriesHint)}</span>
            <ul id="add-series-list" role="listbox" class="add-series-list" hidden=move || !expanded()
                aria-label=move || t(lang.get(), Key::AddSeries)>
                {move || {
                    let opts = options();
                    if opts.is_empty() {
                        return view! { <li class="none" role="option" aria-disabled="true">{t(lang.get(), Key::NoMatch)}</li> }.into_any();
                    }
                    opts.into_iter().enumerate().map(|(i, (id, name))| {
                        let (pick, data, ticker) = (id.clone(), id.clone(), id);
                        let rtl = lang.get_untracked() == Lang::Ar;
                        view! {
                            <li role="option" id=format!("add-opt-{i}") data-option=data class:active=move || active.get() == i
                                aria-selected=move || (active.get() == i).to_string()
                                // mousedown, not click: it comes before the input's blur closes the list.
                                on:mousedown=move |ev| { ev.prevent_default(); add(pick.clone()); }>
                                <span>{name}</span>" "<bdi class="ticker" dir=if rtl { "ltr" } else { "auto" }>{ticker}</bdi>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
        </div>
    }
}
