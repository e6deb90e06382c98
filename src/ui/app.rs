use super::chart_canvas::ChartCanvas;
use super::scrubber::Scrubber;
use crate::core::bundled::{orcl, orcl_events, ORCL_SOURCE};
use crate::core::timeline::Timeline;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let series = match orcl() {
        Ok(s) => s,
        Err(errors) => {
            let list = errors.iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view();
            return view! {
                <div class="problem" role="alert">
                    <p>"The bundled data could not be read:"</p>
                    <ul>{list}</ul>
                </div>
            }
            .into_any();
        }
    };
    let events = orcl_events();
    let timeline = Timeline::new(series.points.iter().map(|p| p.date).collect());
    let window = RwSignal::new(timeline.full());
    let series = StoredValue::new(series);
    let events = StoredValue::new(events);
    let timeline = StoredValue::new(timeline);

    let event_notes = events.with_value(|evs| {
        evs.iter()
            .map(|e| {
                view! {
                    <li>
                        {e.text}" "
                        <a href=e.source.url rel="noopener">{e.source.publisher}</a>
                    </li>
                }
            })
            .collect_view()
    });

    view! {
        <article class="story">
            <h2 class="headline">"Oracle's OpenAI-deal jump, and the fall that followed"</h2>
            <p class="dek">
                "Oracle's daily closing share price in 2025. Drag the handles under the chart, or focus one and use the arrow keys, to choose the period."
            </p>
            <ChartCanvas series=series events=events timeline=timeline window=window />
            <Scrubber timeline=timeline window=window />
            <ul class="events" aria-label="Marked on the chart">{event_notes}</ul>
            <p class="source">
                "Source: "
                <a href=ORCL_SOURCE.url rel="noopener">{ORCL_SOURCE.publisher}</a>
                ". "{ORCL_SOURCE.note}
            </p>
        </article>
    }
    .into_any()
}
