use super::chart_canvas::ChartCanvas;
use super::controls::Controls;
use super::data_table::DataTable;
use super::dataset_bar::DatasetBar;
use super::event_detail::EventDetail;
use super::events_list::EventsList;
use super::readout::Readout;
use super::story_notes::StoryNotes;
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
            <Readout />
            <Controls />
            <EventDetail />
            <EventsList />
            <DataTable />
            <StoryNotes />
            <p class="source">{move || {
                let ids: Vec<String> = state.view.with(|v| v.lines.iter().map(|l| l.id.clone()).collect());
                state.loaded.with(|l| {
                    let ds = &l.dataset;
                    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
                    let names: Vec<String> = ds.sources_for(&refs, None).iter().map(|x| x.publisher.clone()).collect();
                    let caveats: Vec<String> = refs.iter().filter_map(|id| ds.series(id)).filter_map(|s| s.caveat.as_ref().map(|c| format!("{}: {}", s.name.en, c.en))).collect();
                    format!("Source: {}. {}", names.join("; "), caveats.join(" "))
                })
            }}</p>
            <Sources />
        </article>
    }
    .into_any()
}
