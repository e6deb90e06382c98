//! Property tests: whatever a stranger sends — a file, a CSV, a date, an
//! address, a window — the readers never panic, never hang, and every
//! rejection is a message that says where. A fixed budget of cases per
//! property (PROPTEST_CASES overrides it) keeps the whole under a minute.

use liquidity_explorer::core::bundled::dataset;
use liquidity_explorer::core::dataset::{Mode, Problem, ProblemKind};
use liquidity_explorer::core::dataset_json::read;
use liquidity_explorer::core::date::Date;
use liquidity_explorer::core::import_csv::{import_csv, load_any};
use liquidity_explorer::core::lang::Lang;
use liquidity_explorer::core::permalink::{parse, to_query};
use liquidity_explorer::i18n::Say;
use proptest::prelude::*;

/// A fixed seed, so the test command is repeatable (PROPTEST_RNG_SEED=… explores elsewhere;
/// every case ever found to fail is kept in `found_cases_stay_fixed` below).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(cases);
    let seed = std::env::var("PROPTEST_RNG_SEED").ok().and_then(|c| c.parse().ok()).unwrap_or(0x11_9E57_2025);
    ProptestConfig { cases, failure_persistence: None, rng_seed: proptest::test_runner::RngSeed::Fixed(seed), ..ProptestConfig::default() }
}

/// Every problem reads in both languages and says where it is (or is about the whole file).
fn located(problems: &[Problem]) -> Result<(), TestCaseError> {
    prop_assert!(!problems.is_empty());
    prop_assert!(problems.len() <= 200, "the list stays readable: {}", problems.len());
    for p in problems {
        let (en, ar) = (p.say(Lang::En), p.say(Lang::Ar));
        prop_assert!(!en.is_empty() && !ar.is_empty());
        let whole = matches!(
            p.kind,
            ProblemKind::NotAnObject | ProblemKind::NotADataset | ProblemKind::TooLarge { .. } | ProblemKind::CsvNoNumbers | ProblemKind::Syntax { .. }
        );
        let l = &p.loc;
        prop_assert!(whole || l.line.is_some() || !l.section.is_empty() || l.field.is_some(), "{en} has no place");
    }
    Ok(())
}

const EXAMPLE: &str = include_str!("../docs/example-dataset.json");

/// The example dataset with a few random edits: bytes replaced, cut out or repeated.
fn mutated() -> impl Strategy<Value = String> {
    prop::collection::vec((0usize..EXAMPLE.len(), 0u8..3, any::<char>(), 0usize..40), 1..6).prop_map(|edits| {
        let mut s: Vec<char> = EXAMPLE.chars().collect();
        for (at, how, c, n) in edits {
            let at = at % s.len().max(1);
            match how {
                0 => s[at] = c,
                1 => {
                    let end = (at + n).min(s.len());
                    s.drain(at..end);
                }
                _ => {
                    let end = (at + n).min(s.len());
                    let piece: Vec<char> = s[at..end].to_vec();
                    s.splice(at..at, piece);
                }
            }
            if s.is_empty() {
                s.push('{');
            }
        }
        s.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(config(4000))]

    #[test]
    fn any_text_read_as_a_dataset_is_accepted_or_refused_with_located_problems(text in "\\PC{0,400}") {
        if let Err(p) = read(&text) {
            located(&p)?;
        }
    }

    #[test]
    fn an_edited_dataset_never_panics(text in mutated()) {
        if let Err(p) = read(&text) {
            located(&p)?;
        }
    }

    #[test]
    fn any_csv_is_imported_or_refused_with_located_problems(text in "[0-9a-zA-Z,;\"\\n\\r\\-. :/]{0,300}") {
        if let Err(p) = import_csv(&text, "f.csv") {
            located(&p)?;
        }
        let _ = load_any(&text, "f.csv");
    }

    #[test]
    fn dates_parse_or_refuse_and_valid_ones_round_trip(text in "\\PC{0,24}", days in -100_000i32..100_000) {
        let _ = Date::parse_flexible(&text);
        let _ = Date::parse_iso(&text);
        let d = Date::from_days(days);
        prop_assert_eq!(Date::parse_iso(&d.iso()).ok(), Some(d));
    }

    #[test]
    fn date_times_parse_or_refuse_and_instants_round_trip(
        text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{0,10})?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?|\\PC{0,30}",
        secs in -62_135_596_800i64..253_402_300_799,
    ) {
        liquidity_explorer::tools::fuzz::date(&text);
        let d = Date::from_secs(secs).unwrap();
        prop_assert_eq!(Date::parse_instant(&d.iso()).ok(), Some(d));
        prop_assert_eq!(Date::from_t(d.t()), d);
    }

    #[test]
    fn any_address_is_read_and_what_is_read_survives_a_round_trip(q in "[?&=~.%+a-zA-Z0-9:_/\\-]{0,120}|\\PC{0,80}") {
        let p = parse(&q);
        prop_assert_eq!(parse(&to_query(&p)), p);
    }
}

proptest! {
    #![proptest_config(config(600))]

    /// Any window and mode over the bundled data builds a view and draws it (to SVG) without a panic.
    #[test]
    fn any_window_and_mode_draws(a in 19_000i32..20_800, len in -50i32..2_000, mode in 0usize..4, w in 40u32..2000, h in 40u32..700, story in 0usize..6) {
        use liquidity_explorer::chart::{for_view, svg, theme::LIGHT, FontMeasure, Style};
        use liquidity_explorer::core::{fmt::Plain, story as reg, view};
        let ds = dataset().unwrap();
        let st = &ds.stories[story % ds.stories.len()];
        let spec = reg::story_spec(&ds, st);
        let modes = [Mode::Absolute, Mode::Indexed, Mode::Percent, Mode::Drawdown];
        let (from, to) = (Date::from_days(a), Date::from_days(a + len));
        let v = view::build(&ds, &spec.main, &st.compare, from, to, modes[mode], &|_| 1);
        let fmt = Plain(Lang::Ar);
        let marks = reg::marks(&ds, &v, st.steps.first().map(|s| (s, &[][..])), false, &fmt);
        let chart = for_view(&ds, &v, &marks, &fmt, true, Some(from), false);
        let style = Style { scale: 1.0, theme: LIGHT, transparent: false };
        let drawn = svg((w, h), &chart, &style, &FontMeasure::default());
        prop_assert!(drawn.is_ok(), "drawing failed");
    }
}

/// Any finite number a CSV can hold: ordinary, tiny, huge, subnormal, zero, either sign.
fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6f64..1e6,
        prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
        prop::sample::select(vec![f64::MAX, f64::MIN, f64::MIN_POSITIVE, 5e-324, -5e-324, 1e308, -1e308, 0.0]),
    ]
}

proptest! {
    #![proptest_config(config(300))]

    /// A reader's file of any numbers draws in every mode, linear or log, at any size, or says why not;
    /// never a panic (the tests run with overflow checks) and never a hang.
    #[test]
    fn any_numbers_in_a_readers_file_draw_or_say_why(
        values in prop::collection::vec((any_number(), any_number()), 1..40),
        mode in 0usize..4,
        log in any::<bool>(),
        w in 40u32..1600,
        h in 40u32..600,
    ) {
        use liquidity_explorer::chart::{for_view, svg, theme::LIGHT, FontMeasure, Style};
        use liquidity_explorer::core::{fmt::Plain, story::Marks, view};
        let mut csv = String::from("Date,A,B\n");
        for (k, (a, b)) in values.iter().enumerate() {
            csv.push_str(&format!("{},{a:e},{b:e}\n", Date::from_days(20_000 + k as i32).iso()));
        }
        let ds = import_csv(&csv, "numbers.csv").map_err(|p| TestCaseError::fail(format!("{:?}", p.first().map(|p| p.say(Lang::En)))))?;
        let modes = [Mode::Absolute, Mode::Indexed, Mode::Percent, Mode::Drawdown];
        let (from, to) = (Date::from_days(20_000), Date::from_days(20_000 + values.len() as i32));
        let ids: Vec<String> = ds.series.iter().map(|s| s.id().to_string()).collect();
        prop_assert_eq!(ids.len(), 2);
        let v = view::build(&ds, &ids[0], &ids[1..], from, to, modes[mode], &|id| usize::from(id == ids[1]));
        prop_assert_eq!(v.lines.len(), 2, "both columns are on the chart");
        let fmt = Plain(Lang::En);
        let marks = Marks::default();
        let chart = for_view(&ds, &v, &marks, &fmt, log, Some(from), false);
        let drawn = svg((w, h), &chart, &Style { scale: 1.0, theme: LIGHT, transparent: false }, &FontMeasure::default());
        prop_assert!(drawn.is_ok(), "drawing failed");
    }
}

proptest! {
    #![proptest_config(config(400))]

    /// Thinning a window of a series with the series' blocks gives exactly what reading every point
    /// gives, for any window, width, and any order-keeping or order-reversing map of the values
    /// (absolute, indexed on a positive or a negative base, % change); values drawn from a hundred
    /// levels, so ties happen; columns wide enough to hold several blocks.
    #[test]
    fn thinning_by_blocks_is_thinning_point_by_point(
        values in prop::collection::vec(-50i32..50, 1..6000),
        from in 0usize..6000,
        len in 0usize..6000,
        columns in 1usize..40,
        scale in prop::sample::select(vec![1.0, 2.5, -0.5, -100.0]),
    ) {
        use liquidity_explorer::core::series::{Point, Series};
        use liquidity_explorer::core::transform::{decimate, decimate_with};
        let pts: Vec<Point> = values.iter().enumerate().map(|(i, v)| Point { date: Date::from_days(i as i32 * 3), value: *v as f64 }).collect();
        let series = Series::new("s".into(), "S".into(), pts);
        let from = from % series.points.len();
        let to = (from + len).min(series.points.len());
        let window: Vec<Point> = series.points[from..to].iter().map(|p| Point { date: p.date, value: scale * p.value + 7.0 }).collect();
        prop_assert_eq!(decimate_with(&window, columns, Some((&series.blocks, from))), decimate(&window, columns));
    }
}

proptest! {
    #![proptest_config(config(400))]

    /// Thinning finds each pixel column's points by searching near where they are expected; with
    /// dates spaced anyhow (gaps of a day to years) it still keeps exactly, per column, the lowest
    /// and the highest point (the first, if tied; in date order), and the two ends.
    #[test]
    fn thinning_keeps_each_columns_extremes_whatever_the_spacing(
        steps in prop::collection::vec((1i32..2000, -50i32..50), 1..4000),
        columns in 1usize..300,
    ) {
        use liquidity_explorer::core::series::Point;
        use liquidity_explorer::core::transform::decimate;
        let mut day = 0;
        let pts: Vec<Point> = steps.iter().map(|&(gap, v)| { day += if gap > 1900 { gap * 20 } else { gap % 7 + 1 }; Point { date: Date::from_days(day), value: v as f64 } }).collect();
        let out = decimate(&pts, columns);
        if pts.len() <= 2 * columns {
            prop_assert_eq!(out, pts);
        } else {
            // The reference: every point's column, read one by one.
            let (first, last) = (pts[0].date.t(), pts[pts.len() - 1].date.t());
            let span = (last - first).max(1.0);
            let col = |p: &Point| (((p.date.t() - first) / span) * (columns as f64 - 1.0)).round();
            let mut want: Vec<Point> = Vec::new();
            let mut i = 0;
            while i < pts.len() {
                let mut j = i;
                while j < pts.len() && col(&pts[j]) == col(&pts[i]) { j += 1; }
                let (mut lo, mut hi) = (i, i);
                for k in i..j {
                    if pts[k].value < pts[lo].value { lo = k; }
                    if pts[k].value > pts[hi].value { hi = k; }
                }
                want.push(pts[lo.min(hi)]);
                if lo != hi { want.push(pts[lo.max(hi)]); }
                i = j;
            }
            if want.first() != pts.first() { want.insert(0, pts[0]); }
            if want.last() != pts.last() { want.push(pts[pts.len() - 1]); }
            prop_assert_eq!(out, want);
        }
    }
}

proptest! {
    #![proptest_config(config(1500))]

    /// A dataset file read a piece at a time (its points lists scanned apart) reads as the file read
    /// at once: the same dataset, or the same problems in the same order.
    #[test]
    fn a_dataset_read_in_pieces_is_the_dataset_read_at_once(text in mutated(), budget in 1usize..5000) {
        use liquidity_explorer::core::dataset_json::{read_noting, read_sliced};
        use liquidity_explorer::core::json_slices::JsonImport;
        let whole = read_noting(&text);
        let mut import = JsonImport::new(text).unwrap();
        while !import.step(budget) {}
        prop_assert_eq!(read_sliced(import), whole);
    }
}

/// What the property tests found once, kept: a 74 px chart whose date labels are
/// wider than the chart itself panicked in `clamp` (min > max).
#[test]
fn found_cases_stay_fixed() {
    use liquidity_explorer::chart::{for_view, svg, theme::LIGHT, FontMeasure, Style};
    use liquidity_explorer::core::{fmt::Plain, story as reg, view};
    let ds = dataset().unwrap();
    for (a, len, w, h, story) in [(19385, 246, 74u32, 300u32, 1usize), (19385, 246, 41, 41, 0), (20000, 300, 2000, 41, 4)] {
        let st = &ds.stories[story];
        let spec = reg::story_spec(&ds, st);
        let v = view::build(&ds, &spec.main, &st.compare, Date::from_days(a), Date::from_days(a + len), Mode::Absolute, &|_| 1);
        let fmt = Plain(Lang::En);
        let marks = reg::marks(&ds, &v, None, false, &fmt);
        let chart = for_view(&ds, &v, &marks, &fmt, false, None, false);
        assert!(svg((w, h), &chart, &Style { scale: 1.0, theme: LIGHT, transparent: false }, &FontMeasure::default()).is_ok());
    }
}
