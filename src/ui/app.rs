use super::add_series::AddSeries;
use super::chart_canvas::ChartCanvas;
use super::controls::Controls;
use super::data_table::DataTable;
use super::dataset_bar::DatasetBar;
use super::embed;
use super::event_detail::EventDetail;
use super::events_list::EventsList;
use super::loader;
use super::masthead::Masthead;
use super::offline::{register_service_worker, OfflineLink};
use super::permalink;
use super::problems::Problems;
use super::readout::Readout;
use super::scrubber::Scrubber;
use super::series_pick::SeriesPick;
use super::share::Share;
use super::sources::Sources;
use super::state::{AppState, ThemePref};
use super::step_nav::StepNav;
use super::step_text::{StepSources, StepText};
use super::story_notes::StoryNotes;
use super::story_picker::StoryPicker;
use crate::core::dataset::{Dataset, Problem};
use crate::core::lang::Lang;
use crate::i18n::{t, tf, Key, Say};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Keeps `state.system_dark` in step with the system's colour scheme.
fn follow_system_theme(state: AppState) {
    let Some(mq) = web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten()) else { return };
    state.system_dark.set(mq.matches());
    let cb = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| state.system_dark.set(e.matches()));
    let _ = mq.add_event_listener_with_callback("change", cb.as_ref().unchecked_ref());
    cb.forget();
}

#[component]
pub fn App(bundled: Result<Dataset, Vec<Problem>>) -> impl IntoView {
    let lang = loader::reader_lang();
    let dataset = match bundled {
        Ok(ds) => ds,
        Err(problems) => {
            // Cannot happen with a tested build; say so plainly if it does.
            let list = problems.iter().map(|p| view! { <li>{p.say(lang)}</li> }).collect_view();
            return view! {
                <div class="problem" role="alert">
                    <p>{t(lang, Key::BundledUnreadable)}</p>
                    <ul>{list}</ul>
                </div>
            }
            .into_any();
        }
    };
    let params = permalink::initial();
    let state = AppState::new(dataset);
    state.lang.set(lang);
    state.theme.set(match params.dark {
        Some(true) => ThemePref::Dark,
        Some(false) => ThemePref::Light,
        None => ThemePref::Auto,
    });
    state.embed.set(params.embed);
    state.plain.set(params.plain);
    state.transparent.set(params.transparent);
    follow_system_theme(state);
    provide_context(state);
    permalink::apply(state, &params);
    if let Some(url) = params.data.clone() {
        loader::load_url(state, url);
    }
    permalink::sync(state, params.clone());
    super::messages::listen(state);
    register_service_worker();
    embed::start(&params, params.child_id.clone().unwrap_or_else(|| state.story.get_untracked()));
    let embedded = state.embed.get_untracked();
    let full_link = {
        let mut p = params.clone();
        p.embed = false;
        p.plain = false;
        p.transparent = false;
        p.child_id = None;
        StoredValue::new(p)
    };

    // The document's language, direction, title and theme follow the state.
    Effect::new(move |_| {
        let lang = state.lang.get();
        let dark = state.dark();
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang.code());
            let _ = html.set_attribute("dir", if lang == Lang::Ar { "rtl" } else { "ltr" });
            let _ = html.set_attribute("data-theme", if dark { "dark" } else { "light" });
            let _ = html.set_attribute("data-embed", if state.embed.get() { "1" } else { "0" });
            let _ = html.set_attribute("data-transparent", if state.transparent.get() { "1" } else { "0" });
        }
        doc.set_title(t(lang, Key::SiteTitle));
    });

    let lang = state.lang;
    let story_text = move || {
        let id = state.story.get();
        let l = lang.get();
        // A story with steps says its point in its steps; the summary is for stories without.
        state.loaded.with(|d| d.dataset.story(&id).map(|s| (s.title.get(l).to_string(), s.steps.is_empty().then(|| s.summary.get(l).to_string()))))
    };
    let source_line = move || {
        let l = lang.get();
        let ids = state.line_ids.get();
        state.loaded.with(|d| {
            let ds = &d.dataset;
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            let names: Vec<String> = ds.sources_for(&refs, None).iter().map(|x| l.isolate(&x.publisher)).collect();
            let caveats: Vec<String> =
                refs.iter().filter_map(|id| ds.series(id)).filter_map(|s| s.caveat.as_ref().map(|c| format!("{}: {}", s.name.get(l), c.get(l)))).collect();
            format!("{} {}", tf(l, Key::SourceLine, &[&names.join(l.semicolon())]), caveats.join(" "))
        })
    };
    // A polite summary for screen readers when the view settles (not on every drag step).
    let summary = RwSignal::new(String::new());
    let pending = StoredValue::new(None::<i32>);
    Effect::new(move |_| {
        let text = state.description.get();
        let Some(w) = web_sys::window() else { return };
        if let Some(h) = pending.get_value() {
            w.clear_timeout_with_handle(h);
        }
        let cb = Closure::once_into_js(move || summary.set(text));
        pending.set_value(w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 700).ok());
    });

    // The first chart comes first: what sits under it (events, table, notes, sources, the
    // data and share boxes) is built once the browser has painted the chart (a frame, then a task).
    let later = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(
            move || {
                super::mark("liquidity:later");
                later.set(true);
                if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                    let _ = html.set_attribute("data-ready", "1");
                }
            },
            std::time::Duration::ZERO,
        )
    });

    // Embedded, the page shows the chosen view without the explorer around it.
    let share_params = StoredValue::new(params.clone());
    view! {
        {(!embedded).then(|| view! { <Masthead /> })}
        <main>
            <Problems />
            <article class="story">
                {(!embedded).then(|| view! { <StoryPicker /> })}
                {move || (!state.plain.get()).then(|| story_text().map(|(title, summary)| view! {
                    <h2 class="headline">{title}</h2>
                    {summary.map(|s| view! { <p class="dek">{s}</p> })}
                }))}
                // Plain (a host page drives the steps, as in scrollytelling): no step controls, and the
                // step's text becomes the chart's caption, under it, so the chart comes first in a small frame.
                {move || (!state.plain.get()).then(|| view! { <StepNav /> <StepText /> })}
                <ChartCanvas />
                {move || state.plain.get().then(|| view! { <StepText /> })}
                <Scrubber />
                <Readout />
                {move || state.plain.get().then(|| view! { <StepSources /> })}
                <Controls />
                {(!embedded).then(|| view! { <AddSeries /> <SeriesPick /> })}
                <p class="visually-hidden" aria-live="polite" data-testid="summary">{move || summary.get()}</p>
                <EventDetail />
                // Embedded, only what the chart numbered (its labels had no room).
                <EventsList compact=embedded />
                <Show when=move || later.get()>
                    <DataTable />
                    {(!embedded).then(|| view! { <StoryNotes /> })}
                </Show>
                // The source line stays in every mode: every value carries its source.
                {move || (!state.plain.get()).then(|| view! { <StepSources /> })}
                <p class="source">{source_line}</p>
                <Show when=move || later.get()>
                    {(!embedded).then(|| view! { <DatasetBar /> })}
                </Show>
                {embedded.then(|| view! {
                    <p class="open-full"><a href=move || full_link.with_value(|p| permalink::link(state, p)) target="_blank" rel="noopener">
                        {move || t(lang.get(), Key::OpenFull)}</a></p>
                })}
                <Show when=move || later.get()>
                    {(!embedded).then(|| view! { <Share base=share_params.get_value() /> <OfflineLink /> <Sources /> })}
                </Show>
            </article>
        </main>
    }
    .into_any()
}
