//! The table of exactly what the chart shows: a row per date with data, a
//! column per line, in the view's mode; gaps stay empty.

use super::state::AppState;
use crate::chart::{axis_value, Axis};
use crate::core::dataset::Mode;
use crate::core::format;
use crate::core::view;
use leptos::prelude::*;

#[component]
pub fn DataTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        state.view.with(|v| {
            let heads: Vec<String> = v.lines.iter().map(|l| l.name.en.clone()).collect();
            let rows: Vec<(String, Vec<String>)> = view::table(v)
                .into_iter()
                .map(|(d, cells)| {
                    let texts = cells
                        .iter()
                        .zip(&v.lines)
                        .map(|(c, l)| {
                            c.map(|x| match v.mode {
                                Mode::Absolute => format::value(x, l.unit, format::auto_decimals(x, l.unit, l.decimals)),
                                Mode::Indexed => axis_value(Axis::Index, x, 1),
                                _ => axis_value(Axis::Change, x, 1),
                            })
                            .unwrap_or_default()
                        })
                        .collect();
                    (d.long(), texts)
                })
                .collect();
            (heads, rows)
        })
    };
    view! {
        <Show when=move || state.show_table.get()>
            <div class="table-wrap" tabindex="0" role="region" aria-label="The chart's data as a table">
                {move || {
                    let (heads, rows) = body();
                    view! {
                        <table class="data">
                            <caption>{move || state.view.with(|v| format!("{} to {}", v.from.long(), v.to.long()))}</caption>
                            <thead><tr><th scope="col">"Date"</th>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {rows.into_iter().map(|(d, cells)| view! {
                                    <tr><th scope="row">{d}</th>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                }}
            </div>
        </Show>
    }
}
