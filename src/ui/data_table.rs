//! The table of exactly what the chart shows: a row per date with data, a
//! column per line, in the view's mode; gaps stay empty.

use super::intl::intl;
use super::state::AppState;
use crate::chart::{axis_value, Axis};
use crate::core::dataset::Mode;
use crate::core::fmt::Fmt;
use crate::core::view;
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;

#[component]
pub fn DataTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let body = move || {
        let l = lang.get();
        let f = intl(l);
        state.view.with(|v| {
            let heads: Vec<String> = v.lines.iter().map(|x| x.name.get(l).to_string()).collect();
            let rows: Vec<(String, Vec<String>)> = view::table(v)
                .into_iter()
                .map(|(d, cells)| {
                    let texts = cells
                        .iter()
                        .zip(&v.lines)
                        .map(|(c, line)| {
                            c.map(|x| match v.mode {
                                Mode::Absolute => f.amount(x, line.unit, line.decimals),
                                Mode::Indexed => axis_value(f, Axis::Index, x, 1),
                                _ => axis_value(f, Axis::Change, x, 1),
                            })
                            .unwrap_or_default()
                        })
                        .collect();
                    (f.long(d), texts)
                })
                .collect();
            (tf(l, Key::FromTo, &[&f.long(v.from), &f.long(v.to)]), heads, rows)
        })
    };
    view! {
        <Show when=move || state.show_table.get()>
            <div class="table-wrap" tabindex="0" role="region" aria-label=move || t(lang.get(), Key::TableRegion)>
                {move || {
                    let (caption, heads, rows) = body();
                    view! {
                        <table class="data">
                            <caption>{caption}</caption>
                            <thead><tr><th scope="col">{t(lang.get(), Key::DateCol)}</th>{heads.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
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
