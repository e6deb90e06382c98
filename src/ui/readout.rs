//! The crosshair's readout: the date, and every visible series' value on it;
//! a series with no point that day shows its last value before, with that
//! value's own date. Announced politely to screen readers.

use super::intl::intl;
use super::state::AppState;
use crate::chart::{axis_value, Axis};
use crate::core::dataset::Mode;
use crate::core::fmt::Fmt;
use crate::core::view;
use crate::i18n::{t, tf, Key};
use leptos::prelude::*;

/// The date, then per line: its palette slot, name, value as shown, and the
/// date of that value when it is not the cursor's.
type Reads = (String, Vec<(usize, String, String, Option<String>)>);

#[component]
pub fn Readout() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    // While the window glides between steps the readout keeps what it said and
    // then says the step's reading once: no passing values are read out.
    let rows = Memo::new(move |prev: Option<&Option<Reads>>| {
        if state.gliding.get() {
            if let Some(p) = prev {
                return p.clone();
            }
        }
        let c = state.cursor.get()?;
        let f = intl(lang.get());
        Some(state.view.with(|v| {
            let rows = view::readout(v, c)
                .into_iter()
                .filter_map(|r| {
                    let l = v.lines.iter().find(|l| l.id == r.id)?;
                    let raw = f.amount(r.raw, l.unit, l.decimals);
                    let shown = match v.mode {
                        Mode::Absolute => raw.clone(),
                        Mode::Indexed => format!("{} ({raw})", axis_value(f, Axis::Index, r.value, 1)),
                        Mode::Percent | Mode::Drawdown => format!("{} ({raw})", axis_value(f, Axis::Change, r.value, 1)),
                    };
                    let when = (!r.exact).then(|| tf(lang.get(), Key::LastBefore, &[&f.date(r.date, r.precision)]));
                    Some((l.slot, l.name.get(lang.get()).to_string(), shown, when))
                })
                .collect::<Vec<_>>();
            (f.date(c, v.date_precision()), rows)
        }))
    });
    view! {
        <div id="readout" class="readout" aria-live="polite" aria-atomic="true">
            {move || match rows.get() {
                None => view! { <p class="hint">{t(lang.get(), Key::ReadoutHint)}</p> }.into_any(),
                Some((date, rows)) => view! {
                    <p><strong class="cursor-date">{date}</strong></p>
                    <ul>
                        {rows.into_iter().map(|(slot, name, value, when)| view! {
                            <li data-slot=slot><span class="name">{name}</span>": "<strong>{value}</strong>{when}</li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </div>
    }
}
