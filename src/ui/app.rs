use super::chart_canvas::ChartCanvas;
use super::dataset_bar::DatasetBar;
use super::events_list::EventsList;
use super::loader;
use super::problems::Problems;
use super::scrubber::Scrubber;
use super::sources::Sources;
use super::state::AppState;
use super::story_picker::StoryPicker;
use crate::core::bundled;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let dataset = match bundled::dataset() {
        Ok(ds) => ds,
        Err(problems) => {
            // Cannot happen with a tested build; say so plainly if it does.
            let list = problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view();
            return view! {
                <div class="problem" role="alert">
                    <p>"The bundled data could not be read:"</p>
                    <ul>{list}</ul>
                </div>
            }
            .into_any();
        }
    };
    let state = AppState::new(dataset);
    state.lang.set(loader::reader_lang());
    provide_context(state);
    if let Some(url) = loader::param("data") {
        loader::load_url(state, url);
    }

    let story_text = move || {
        let id = state.story.get();
        state.loaded.with(|l| l.dataset.story(&id).map(|s| (s.title.en.clone(), s.summary.en.clone())))
    };

    view! {
        <DatasetBar />
        <Problems />
        <article class="story">
            <StoryPicker />
            {move || story_text().map(|(title, summary)| view! {
                <h2 class="headline">{title}</h2>
                <p class="dek">{summary}</p>
            })}
            <ChartCanvas />
            <Scrubber />
            <EventsList />
            <p class="source">{move || {
                state.with_series(|s, ds| {
                    let names: Vec<String> = ds.sources_for(&[s.id()], None).iter().map(|x| x.publisher.clone()).collect();
                    let caveat = s.caveat.as_ref().map(|c| format!(" {}", c.en)).unwrap_or_default();
                    format!("Source: {}.{caveat}", names.join("; "))
                })
            }}</p>
            <Sources />
        </article>
    }
    .into_any()
}
