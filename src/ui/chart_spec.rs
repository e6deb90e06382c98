//! What a story adds to its chart besides the lines: the events of the series
//! on show as markers, and the story's reference lines and annotations (for
//! Oracle: the pre-deal close, the peak, the first close back below, the
//! November low), computed from the data.

use crate::chart::{Annotation, Marker, RefLine};
use crate::core::dataset::{Dataset, Mode, Unit};
use crate::core::fmt::{Fmt, Tick};
use crate::core::stories::oracle_marks;
use crate::core::view::View;
use crate::i18n::{tf, Key};

pub struct ChartSpec {
    pub markers: Vec<Marker>,
    /// The event id of each marker.
    pub marker_ids: Vec<String>,
    pub refs: Vec<RefLine>,
    pub annotations: Vec<Annotation>,
}

impl ChartSpec {
    pub fn new(ds: &Dataset, v: &View, story: &str, fmt: &dyn Fmt) -> ChartSpec {
        let lang = fmt.lang();
        let main = v.lines.iter().find(|l| l.main).map(|l| l.id.as_str()).unwrap_or("");
        // The events of every series on show (each miner's deal days, say).
        let events: Vec<_> = ds.events.iter().filter(|e| e.series.iter().any(|s| v.lines.iter().any(|l| &l.id == s))).collect();
        let mut refs = Vec::new();
        let mut annotations = Vec::new();
        match v.mode {
            Mode::Indexed => refs.push(RefLine { value: 100.0, label: fmt.number(100.0, 0) }),
            Mode::Percent | Mode::Drawdown => refs.push(RefLine { value: 0.0, label: fmt.change(0.0, 0) }),
            Mode::Absolute => {}
        }
        if story == "oracle" && main == "ORCL" && v.mode == Mode::Absolute {
            if let Some(m) = oracle_marks(ds) {
                let usd = |x: f64| fmt.value(x, Unit::UsdPerShare, 2);
                let day = |d| fmt.tick(d, Tick::DayMonth);
                refs.push(RefLine { value: m.pre_deal.value, label: tf(lang, Key::PreDeal, &[&day(m.pre_deal.date), &usd(m.pre_deal.value)]) });
                annotations.push(Annotation { date: m.peak.date, value: m.peak.value, label: tf(lang, Key::PeakClose, &[&usd(m.peak.value)]) });
                if let Some(p) = m.first_below {
                    annotations.push(Annotation { date: p.date, value: p.value, label: tf(lang, Key::BackBelow, &[&day(p.date)]) });
                }
                if let Some(p) = m.november_low {
                    annotations.push(Annotation { date: p.date, value: p.value, label: tf(lang, Key::NovLow, &[&usd(p.value)]) });
                }
            }
        }
        ChartSpec {
            markers: events.iter().map(|e| Marker { date: e.date, label: e.title.get(lang).to_string() }).collect(),
            marker_ids: events.iter().map(|e| e.id.clone()).collect(),
            refs,
            annotations,
        }
    }
}
