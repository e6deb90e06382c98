//! The table of exactly what the chart shows: a row per date with data, a
//! column per line, in the view's mode; gaps stay empty. A page of rows at a
//! time (a million-point view never puts a million rows on the page; every row
//! is reachable, page by page), and rebuilt once the view settles, not at
//! every step of a drag.

use super::intl::intl;
use super::state::AppState;
use crate::chart::{axis_value, Axis};
use crate::core::dataset::Mode;
use crate::core::fmt::Fmt;
use crate::core::view;
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Rows per page.
pub const PAGE: usize = 200;

#[component]
pub fn DataTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let page = RwSignal::new(0usize);
    // The view's dates, taken once the view has been still for a moment (and at once when the table opens).
    let dates = RwSignal::new(Vec::new());
    let pending = StoredValue::new(None::<i32>);
    Effect::new(move |was_shown: Option<bool>| {
        let shown = state.show_table.get();
        state.view.track();
        if !shown {
            return false;
        }
        let settle = move || {
            dates.set(state.view.with_untracked(view::dates));
            page.set(0);
        };
        let Some(w) = web_sys::window() else { return true };
        if let Some(h) = pending.get_value() {
            w.clear_timeout_with_handle(h);
        }
        // Opening the table shows the view at once; later changes wait until it is still.
        if was_shown != Some(true) {
            settle();
            return true;
        }
        let cb = Closure::once_into_js(settle);
        pending.set_value(w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 250).ok());
        true
    });
    let body = move || {
        let l = lang.get();
        let f = intl(l);
        let p = page.get();
        dates.with(|all| {
            state.view.with_untracked(|v| {
                let heads: Vec<String> = v.lines.iter().map(|x| x.name.get(l).to_string()).collect();
                let rows: Vec<(String, Vec<String>)> = view::table_page(v, all, p * PAGE, PAGE)
                    .into_iter()
                    .map(|(d, cells)| {
                        let texts = cells
                            .iter()
                            .zip(&v.lines)
                            .map(|(c, line)| {
                                c.map(|x| match v.mode {
                                    Mode::Absolute => f.amount(x, line.unit, line.decimals),
                                    Mode::Indexed => axis_value(f, Axis::Index, x, 1),
                                    Mode::Percent | Mode::Drawdown => axis_value(f, Axis::Change, x, 1),
                                })
                                .unwrap_or_default()
                            })
                            .collect();
                        (f.date(d, v.date_precision()), texts)
                    })
                    .collect();
                (tf(l, Key::FromTo, &[&f.long(v.from), &f.long(v.to)]), heads, rows, all.len())
            })
        })
    };
    let pages = move || dates.with(|d| d.len().div_ceil(PAGE).max(1));
    view! {
        <Show when=move || state.show_table.get()>
            <div class="table-wrap" tabindex="0" role="region" aria-label=move || t(lang.get(), Key::TableRegion)>
                {move || {
                    let (caption, heads, rows, total) = body();
                    let first = page.get() * PAGE;
                    let f = intl(lang.get());
                    let range = tf(
                        lang.get(),
                        Key::RowsOf,
                        &[&f.number((first + 1).min(total) as f64, 0), &f.number((first + rows.len()) as f64, 0), &f.number(total as f64, 0)],
                    );
                    view! {
                        <table class="data">
                            <caption>{caption}" · "<span data-testid="rows">{range}</span></caption>
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
            <Show when=move || { pages() > 1 }>
                <nav class="table-pages" aria-label=move || t(lang.get(), Key::TablePages)>
                    <button type="button" class="page-prev" aria-disabled=move || (page.get() == 0).to_string()
                        on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>{move || t(lang.get(), Key::EarlierRows)}</button>
                    " "
                    <button type="button" class="page-next" aria-disabled=move || (page.get() + 1 >= pages()).to_string()
                        on:click=move |_| if page.get_untracked() + 1 < pages() { page.update(|p| *p += 1) }>{move || t(lang.get(), Key::LaterRows)}</button>
                </nav>
            </Show>
        </Show>
    }
}
