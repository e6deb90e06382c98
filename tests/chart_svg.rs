//! Draws the real chart (the same code the canvas uses) to plotters' SVG
//! backend and checks what a reader would see in it.

use liquidity_explorer::chart::{svg as to_svg, theme::LIGHT, Chart, Drawn, FontMeasure, Line, Marker, Style};
use liquidity_explorer::core::bundled::dataset;
use liquidity_explorer::core::dataset::{ChartKind, Frequency};
use liquidity_explorer::core::date::Date;
use liquidity_explorer::core::series::Series;

fn orcl() -> Option<Series> {
    Some(dataset().ok()?.series("ORCL")?.series.clone())
}

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn render(from: &str, to: &str, size: (u32, u32), scale: f64) -> (String, Drawn) {
    let ds = dataset().unwrap();
    let series = &ds.series("ORCL").unwrap().series;
    let markers: Vec<Marker> =
        ds.events.iter().filter(|e| e.series.iter().any(|s| s == "ORCL")).map(|e| Marker { date: e.date, label: e.title.en.clone() }).collect();
    let line = Line { points: &series.points, label: "ORCL".into(), slot: 0, main: true, kind: ChartKind::Line, frequency: Frequency::Daily, blocks: None };
    let mut chart = Chart::single(line, liquidity_explorer::core::dataset::Unit::UsdPerShare, Some(2), d(from), d(to));
    chart.markers = &markers;
    chart.caption = "USD per share".into();
    chart.change_on_markers = true;
    chart.main_series = Some(series);
    let (svg, drawn) = to_svg(size, &chart, &Style { scale, theme: LIGHT, transparent: false }, &FontMeasure::default()).unwrap();
    (svg, drawn)
}

/// The text of every `<text>` element, in order.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.trim().replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&")))
        .collect()
}

#[test]
fn full_year_shows_months_prices_the_event_and_the_last_close() {
    let (svg, drawn) = render("2025-01-02", "2025-12-31", (960, 420), 1.0);
    let t = texts(&svg);
    assert_eq!(drawn.points, 250);
    assert!(t.contains(&"Feb 2025".to_string()), "{t:?}");
    assert!(t.iter().any(|l| l == "Sept"), "{t:?}");
    for y in ["$150", "$200", "$250", "$300"] {
        assert!(t.iter().any(|l| l == y), "missing {y} in {t:?}");
    }
    assert!(drawn.events.iter().any(|e| e.starts_with("10 Sept: +36%")), "{:?}", drawn.events);
    assert!(drawn.events.contains(&"10 Sept: +36%, $300bn OpenAI deal reported".to_string()), "room for the full label at 960 px: {:?}", drawn.events);
    assert!(t.iter().any(|l| l.contains("+36%")));
    // The window's last close, at cents, labels the line's end.
    let last = orcl().unwrap().points.last().unwrap().value;
    assert!(t.contains(&format!("${last:.2}")), "{t:?}");
    assert!(svg.contains("<polyline") || svg.contains("<path"), "the line is drawn");
}

#[test]
fn a_window_changes_the_axes_and_hides_events_outside_it() {
    let (svg, drawn) = render("2025-01-02", "2025-03-31", (960, 420), 1.0);
    assert!(drawn.events.is_empty(), "{:?}", drawn.events);
    assert!(drawn.points > 50 && drawn.points < 65, "{}", drawn.points);
    let t = texts(&svg);
    assert!(!t.iter().any(|l| l == "$300"), "Q1 prices never reached $300: {t:?}");
}

#[test]
fn date_labels_never_overlap_from_phone_to_desktop() {
    for width in [320u32, 360, 414, 600, 768, 1024, 1280, 1920] {
        for (from, to) in [("2025-01-02", "2025-12-31"), ("2025-09-01", "2025-09-30"), ("2025-08-15", "2025-11-28")] {
            let (svg, drawn) = render(from, to, (width, 300), 1.0);
            assert!(!drawn.x_labels.is_empty(), "{width} {from}");
            // Label centres from the SVG, with widths from the same font metrics.
            let xs: Vec<(f64, String)> = svg
                .split("<text")
                .skip(1)
                .filter_map(|t| {
                    let x = t.split("x=\"").nth(1)?.split('"').next()?.parse::<f64>().ok()?;
                    let label = t.split_once('>')?.1.split_once("</text>")?.0.trim().to_string();
                    drawn.x_labels.contains(&label).then_some((x, label))
                })
                .collect();
            assert_eq!(xs.len(), drawn.x_labels.len(), "every date label is in the SVG");
            for pair in xs.windows(2) {
                let gap = pair[1].0 - pair[0].0;
                let need = 12.0 * 0.6 * (pair[0].1.len() + pair[1].1.len()) as f64 / 2.0;
                assert!(gap > need, "{width}px {from}..{to}: {:?} and {:?} overlap", pair[0], pair[1]);
            }
        }
    }
}

#[test]
fn high_dpi_scales_everything() {
    let (svg1, one) = render("2025-01-02", "2025-12-31", (400, 300), 1.0);
    let (svg2, two) = render("2025-01-02", "2025-12-31", (800, 600), 2.0);
    assert_eq!(one.x_labels, two.x_labels, "same labels at 2× in twice the pixels");
    assert_eq!(one.y_labels, two.y_labels);
    let font = |svg: &str| svg.split("font-size=\"").nth(1).unwrap().split('"').next().unwrap().parse::<f64>().unwrap();
    assert!((font(&svg2) / font(&svg1) - 2.0).abs() < 1e-6, "fonts doubled");
    // Doubled, to a pixel: text widths are measured at each size and rounded up.
    let (w1, w2) = (one.plot.2 - one.plot.0, two.plot.2 - two.plot.0);
    assert!((w2 - 2 * w1).abs() <= 2, "plot area doubled: {w1} and {w2}");
}

#[test]
fn bad_windows_give_a_sensible_picture() {
    // One point: drawn as a dot, with its value.
    let (svg, drawn) = render("2025-09-10", "2025-09-10", (600, 300), 1.0);
    assert_eq!(drawn.points, 1);
    assert!(texts(&svg).contains(&"$324.63".to_string()));
    // A window outside the data: a message, no panic.
    let (svg, drawn) = render("2030-01-01", "2030-02-01", (600, 300), 1.0);
    assert_eq!(drawn.points, 0);
    assert!(drawn.message.as_deref().unwrap().starts_with("No data between"));
    assert!(texts(&svg).iter().any(|t| t.starts_with("No data between 1 Jan 2030")));
    // A reversed window: same.
    let (_, drawn) = render("2025-12-01", "2025-01-01", (600, 300), 1.0);
    assert!(drawn.message.is_some());
    // Zero and tiny sizes: nothing drawn, nothing panics.
    for size in [(0, 0), (0, 300), (600, 0), (10, 10)] {
        let (_, drawn) = render("2025-01-02", "2025-12-31", size, 1.0);
        assert_eq!(drawn.points, 0);
    }
    // A silly scale falls back to 1.
    let (_, drawn) = render("2025-01-02", "2025-12-31", (600, 300), f64::NAN);
    assert_eq!(drawn.points, 250);
}

#[test]
fn every_label_stays_inside_the_chart() {
    // Widths measured with the same metrics the chart used to place them.
    let m = FontMeasure::default();
    use liquidity_explorer::chart::TextMeasure;
    for width in [320u32, 360, 414, 768, 1280] {
        for (from, to) in [("2025-01-02", "2025-12-31"), ("2025-09-08", "2025-09-12"), ("2025-09-10", "2025-12-31"), ("2025-01-02", "2025-09-10")] {
            let (svg, _) = render(from, to, (width, 320), 1.0);
            for t in svg.split("<text").skip(1) {
                let attr = |name: &str| t.split(&format!("{name}=\"")).nth(1).and_then(|v| v.split('"').next()).unwrap_or("");
                let x: f64 = attr("x").parse().unwrap();
                let label =
                    t.split_once('>').unwrap().1.split_once("</text>").unwrap().0.trim().replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
                let label = label.as_str();
                let w = m.width(label, 12.0) as f64;
                let (x0, x1) = match attr("text-anchor") {
                    "end" => (x - w, x),
                    "middle" => (x - w / 2.0, x + w / 2.0),
                    _ => (x, x + w),
                };
                assert!(x0 >= -0.5 && x1 <= width as f64 + 0.5, "{width}px {from}..{to}: {label:?} spans {x0}..{x1}");
            }
        }
    }
}

#[test]
fn event_labels_never_overlap() {
    let m = FontMeasure::default();
    use liquidity_explorer::chart::TextMeasure;
    for width in [320u32, 360, 600, 960, 1280] {
        for (from, to) in [("2025-01-02", "2025-12-31"), ("2025-08-01", "2025-12-31"), ("2025-09-01", "2025-11-30")] {
            let (svg, drawn) = render(from, to, (width, 360), 1.0);
            let mut spans: Vec<(i64, f64, f64, String)> = Vec::new();
            for t in svg.split("<text").skip(1) {
                let attr = |name: &str| t.split(&format!("{name}=\"")).nth(1).and_then(|v| v.split('"').next()).unwrap_or("").to_string();
                let label =
                    t.split_once('>').unwrap().1.split_once("</text>").unwrap().0.trim().replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
                if !drawn.events.contains(&label) {
                    continue;
                }
                let x: f64 = attr("x").parse().unwrap();
                let y: f64 = attr("y").parse().unwrap();
                let w = m.width(&label, 12.0) as f64;
                let (a, b) = if attr("text-anchor") == "end" { (x - w, x) } else { (x, x + w) };
                spans.push((y.round() as i64, a, b, label));
            }
            assert_eq!(spans.len(), drawn.events.len());
            for (i, p) in spans.iter().enumerate() {
                for q in &spans[i + 1..] {
                    assert!(p.0 != q.0 || p.2 <= q.1 || q.2 <= p.1, "{width}px {from}..{to}: {p:?} overlaps {q:?}");
                }
            }
            assert!(!drawn.events.is_empty() || from == "2025-01-02" && width < 400, "{width} {from}: some label shows");
        }
    }
}

#[test]
fn amounts_start_at_zero_and_read_in_billions() {
    let ds = dataset().unwrap();
    let s = ds.series("CURSOR_VALUATION").unwrap();
    let line =
        Line { points: &s.series.points, label: "Cursor".into(), slot: 0, main: true, kind: ChartKind::Steps, frequency: Frequency::Irregular, blocks: None };
    let mut chart = Chart::single(line, s.unit, s.decimals, s.series.points[0].date, s.series.points.last().unwrap().date);
    chart.zero_based = true;
    let (svg, drawn) = to_svg((800, 400), &chart, &Style { scale: 1.0, theme: LIGHT, transparent: false }, &FontMeasure::default()).unwrap();
    assert_eq!(drawn.y_labels.first().map(String::as_str), Some("$0bn"), "{:?}", drawn.y_labels);
    assert!(texts(&svg).contains(&"$29.3bn".to_string()), "the last round's valuation labels the line's end");
    assert_eq!(drawn.points, 4);
}

#[test]
fn arabic_labels_are_right_to_left_runs_with_arabic_months() {
    use liquidity_explorer::core::fmt::Plain;
    use liquidity_explorer::core::lang::Lang;
    let ds = dataset().unwrap();
    let series = &ds.series("ORCL").unwrap().series;
    let line = Line { points: &series.points, label: "ORCL".into(), slot: 0, main: true, kind: ChartKind::Line, frequency: Frequency::Daily, blocks: None };
    let ar = Plain(Lang::Ar);
    let mut chart = Chart::single(line, liquidity_explorer::core::dataset::Unit::UsdPerShare, Some(2), d("2025-01-02"), d("2025-12-31"));
    chart.fmt = &ar;
    let (svg, drawn) = to_svg((960, 400), &chart, &Style { scale: 1.0, theme: LIGHT, transparent: false }, &FontMeasure::default()).unwrap();
    assert!(drawn.x_labels.iter().any(|l| l.contains("سبتمبر")), "{:?}", drawn.x_labels);
    // The unit is words in Arabic: the caption says it once, the ticks are numbers.
    assert!(drawn.y_labels.iter().all(|l| l.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')), "{:?}", drawn.y_labels);
    for t in texts(&svg) {
        assert!(t.starts_with('\u{2067}') && t.ends_with('\u{2069}'), "{t:?} is not isolated as right-to-left");
        assert!(!t.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c)), "Western digits: {t}");
    }
}

/// A story's step drawn as the reader sees it (guided), to SVG, at a width, in a language.
fn render_step(story: &str, step: usize, width: u32, lang: liquidity_explorer::core::lang::Lang) -> (String, Drawn) {
    let height = if width < 600 { 320 } else { 440 };
    liquidity_explorer::chart::step_svg(&dataset().unwrap(), story, step, lang, (width, height)).expect("the step draws")
}

#[test]
fn yearly_amounts_are_bars_on_their_years_from_zero_side_by_side_and_labelled() {
    use liquidity_explorer::core::lang::Lang;
    let (svg, drawn) = render_step("funding", 0, 1280, Lang::En);
    let base = drawn.baseline.expect("a zero baseline");
    assert!(drawn.y_labels.iter().any(|l| l == "$0bn"), "{:?}", drawn.y_labels);
    assert_eq!(drawn.bars.len(), 8, "two trackers a year, 2021–2024: {:?}", drawn.bars);
    let (l, _, r, _) = drawn.plot;
    let year_x = |y: i32| {
        let (a, b) = (Date::from_ymd(y, 1, 1).unwrap().days() as f64, Date::from_ymd(y, 12, 31).unwrap().days() as f64 + 1.0);
        let sx = |d: f64| l as f64 + (d - drawn.domain.0) / (drawn.domain.1 - drawn.domain.0) * (r - l) as f64;
        (sx(a), sx(b))
    };
    for (i, x0, x1, top, zero) in &drawn.bars {
        assert_eq!(*zero, base, "every bar stands on zero");
        assert!(top < zero, "positive amounts go up");
        let _ = i;
        // Each bar sits inside one year's span on the axis.
        assert!((2021..=2024).any(|y| {
            let (a, b) = year_x(y);
            *x0 as f64 >= a - 1.0 && *x1 as f64 <= b + 1.0
        }));
    }
    // Compared: in 2021, Crunchbase's AI bar and Galaxy's crypto bar side by side, not on top of each other.
    let (a, b) = year_x(2021);
    let in2021: Vec<_> = drawn.bars.iter().filter(|x| x.1 as f64 >= a - 1.0 && x.2 as f64 <= b + 1.0).collect();
    assert_eq!(in2021.len(), 2);
    assert!(in2021[0].2 <= in2021[1].1 || in2021[1].2 <= in2021[0].1, "side by side: {in2021:?}");
    // Years label the bars; values label them where they fit.
    for y in ["2021", "2022", "2023", "2024"] {
        assert!(drawn.x_labels.iter().any(|l| l == y), "{:?}", drawn.x_labels);
    }
    let t = texts(&svg);
    for v in ["$48bn", "$33.8bn", "$131.5bn", "$110bn"] {
        assert!(t.iter().any(|x| x == v), "bar label {v} in {t:?}");
    }
}

#[test]
fn labels_never_overlap_at_any_width_in_either_language() {
    use liquidity_explorer::core::lang::Lang;
    let ds = dataset().unwrap();
    let mut failures = Vec::new();
    for story in &ds.stories {
        for i in 0..story.steps.len() {
            for lang in [Lang::En, Lang::Ar] {
                for width in (320..=1920).step_by(200) {
                    let (_, drawn) = render_step(&story.id, i, width, lang);
                    let b = &drawn.boxes;
                    for (k, (p, pt)) in b.iter().enumerate() {
                        for (q, qt) in &b[k + 1..] {
                            if liquidity_explorer::chart::overlaps(*p, *q) {
                                failures.push(format!("{} step {} {lang:?} {width}px: {pt:?} {p:?} overlaps {qt:?} {q:?}", story.id, i + 1));
                            }
                        }
                        if p.0 < 0 || p.2 > width as i32 {
                            failures.push(format!("{} step {} {lang:?} {width}px: {pt:?} leaves the chart", story.id, i + 1));
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} overlaps:\n{}", failures.len(), failures.iter().take(40).cloned().collect::<Vec<_>>().join("\n"));
}

#[test]
fn what_does_not_fit_becomes_a_numbered_marker() {
    // Oracle's year at phone width: five events, two of them a day apart.
    let (svg, drawn) = render("2025-01-02", "2025-12-31", (320, 300), 1.0);
    let in_window = 5;
    assert_eq!(drawn.events.len() + drawn.numbered.len(), in_window, "every event is labelled or numbered: {:?} / {:?}", drawn.events, drawn.numbered);
    assert!(!drawn.numbered.is_empty(), "at 320 px not every label fits");
    let t = texts(&svg);
    for (n, marker, text) in &drawn.numbered {
        assert!(marker.is_some() && !text.is_empty());
        assert!(t.contains(&n.to_string()), "the number {n} is on the chart");
    }
    let numbers: Vec<usize> = drawn.numbered.iter().map(|x| x.0).collect();
    assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>(), "numbered 1, 2, … in order");
    // With room, fewer need a number.
    let (_, wide) = render("2025-01-02", "2025-12-31", (1280, 400), 1.0);
    assert!(wide.numbered.len() < drawn.numbered.len());
}

#[test]
fn every_story_step_draws_at_phone_width_in_both_languages() {
    use liquidity_explorer::core::lang::Lang;
    let ds = dataset().unwrap();
    for story in &ds.stories {
        for i in 0..story.steps.len() {
            for lang in [Lang::En, Lang::Ar] {
                let (_, drawn) = render_step(&story.id, i, 320, lang);
                assert!(drawn.message.is_none(), "{} step {} {lang:?} at 320 px: {:?}", story.id, i + 1, drawn.message);
                let (l, _, r, _) = drawn.plot;
                assert!(
                    r - l >= 160,
                    "{} step {}: the plot keeps half the width at 320 px ({}: {:?} {:?} {:?})",
                    story.id,
                    i + 1,
                    r - l,
                    drawn.plot,
                    drawn.end_labels,
                    drawn.y_labels
                );
            }
        }
    }
    let w = |t: &str| t.chars().count() as i32 * 7;
    assert_eq!(liquidity_explorer::chart::shorten("AI venture funding (Dealroom)", "$110bn", 100, &w), "AI ven… $110bn");
    assert_eq!(liquidity_explorer::chart::shorten("QQQ", "107", 100, &w), "QQQ 107");
    assert_eq!(liquidity_explorer::chart::shorten("Something long", "$131.5bn", 40, &w), "$131.5bn");
}

#[test]
fn a_strangers_labels_stay_text_in_the_svg() {
    let ds = dataset().unwrap();
    let series = &ds.series("ORCL").unwrap().series;
    let evil = "<script>alert(1)</script> & \"quotes\"";
    let line = Line { points: &series.points, label: evil.into(), slot: 0, main: true, kind: ChartKind::Line, frequency: Frequency::Daily, blocks: None };
    let markers = vec![Marker { date: d("2025-09-10"), label: evil.into() }];
    let mut chart = Chart::single(line, liquidity_explorer::core::dataset::Unit::UsdPerShare, Some(2), d("2025-01-02"), d("2025-12-31"));
    chart.markers = &markers;
    chart.caption = evil.into();
    let (svg, _) = to_svg((960, 400), &chart, &Style { scale: 1.0, theme: LIGHT, transparent: false }, &FontMeasure::default()).unwrap();
    assert!(!svg.contains("<script"), "markup in a label must be escaped in the SVG");
    assert!(texts(&svg).iter().any(|t| t.contains("<script>alert(1)</script>")), "and still read as written");
}

#[test]
fn a_million_points_draw_with_every_extreme_on_the_axis() {
    // A flat million-point series with one spike up and one dip: the axis reaches both, though
    // the chart thins the line to a couple of points per pixel column.
    use liquidity_explorer::core::series::Point;
    let start = d("1800-01-01").days();
    let points: Vec<Point> = (0..1_000_000)
        .map(|i| Point {
            date: Date::from_days(start + i),
            value: if i == 612_345 {
                1_000.0
            } else if i == 87_654 {
                10.0
            } else {
                100.0 + (i % 7) as f64
            },
        })
        .collect();
    // Read point by point, and through the series' blocks (as a view in absolute mode does): the same.
    let series = liquidity_explorer::core::series::Series::new("S".into(), "S".into(), points.clone());
    for blocks in [None, Some((&*series.blocks, 0))] {
        let line = Line { points: &points, label: "S".into(), slot: 0, main: true, kind: ChartKind::Line, frequency: Frequency::Daily, blocks };
        let chart = Chart::single(line, liquidity_explorer::core::dataset::Unit::Number, Some(0), points[0].date, points[999_999].date);
        let (svg, drawn) = to_svg((960, 400), &chart, &Style { scale: 1.0, theme: LIGHT, transparent: false }, &FontMeasure::default()).unwrap();
        let ticks: Vec<f64> = drawn.y_labels.iter().filter_map(|l| l.replace(',', "").parse().ok()).collect();
        assert!(ticks.first().is_some_and(|t| *t <= 10.0) && ticks.last().is_some_and(|t| *t >= 1_000.0), "{:?}", drawn.y_labels);
        assert_eq!(drawn.points, 1_000_000);
        // The drawn path holds a few points per column, not a million.
        assert!(svg.len() < 200_000, "{} bytes of SVG", svg.len());
        // Denser than its pixels, the line is one filled band in its colour (not a zig-zag stroked
        // through it), and the band reaches the spike near the plot's top and the dip near its bottom.
        let c = LIGHT.palette[0];
        let fill = format!("fill=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2);
        let bands: Vec<&str> = svg.split("<polygon").skip(1).filter(|p| p.split('>').next().is_some_and(|tag| tag.contains(&fill))).collect();
        assert_eq!(bands.len(), 1, "one band in {fill}");
        let ys: Vec<f64> = bands[0]
            .split("points=\"")
            .nth(1)
            .and_then(|p| p.split('"').next())
            .map(|p| p.split_whitespace().filter_map(|xy| xy.split(',').nth(1)?.parse().ok()).collect())
            .unwrap_or_default();
        let h = (drawn.plot.3 - drawn.plot.1) as f64;
        let (hi, lo) = (ys.iter().cloned().fold(f64::MAX, f64::min), ys.iter().cloned().fold(f64::MIN, f64::max));
        let mut sorted = ys.clone();
        sorted.sort_by(f64::total_cmp);
        let flat = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
        // The spike (1,000) far above the flat run (100–106), the dip (10) below it.
        assert!(ys.len() > 100 && flat - hi > 0.6 * h && lo - flat > 0.05 * h, "band from y {hi} to {lo}, flat at {flat}, plot {h} px high");
        assert!(
            !svg.split("<polyline")
                .skip(1)
                .any(|p| p.split('>').next().is_some_and(|tag| tag.contains(&format!("stroke=\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2)))),
            "no zig-zag stroked as well"
        );
    }
}

#[test]
fn prices_quoted_now_and_then_are_dots_with_no_line_between() {
    // Five quotes over two years (as the tokens story's "prices quoted in reports"): a dot at each,
    // and nothing drawn between them, where no one quoted a price.
    use liquidity_explorer::core::series::Point;
    let points: Vec<Point> = [("2024-03-15", 3.45), ("2025-10-17", 0.5), ("2025-11-01", 0.3), ("2025-11-07", 0.28), ("2025-12-04", 0.23)]
        .iter()
        .map(|&(date, value)| Point { date: d(date), value })
        .collect();
    let line = Line { points: &points, label: "FET".into(), slot: 0, main: true, kind: ChartKind::Dots, frequency: Frequency::Irregular, blocks: None };
    let chart = Chart::single(line, liquidity_explorer::core::dataset::Unit::Usd, Some(2), d("2024-01-01"), d("2025-12-31"));
    let (svg, _) = to_svg((960, 400), &chart, &Style { scale: 1.0, theme: LIGHT, transparent: false }, &FontMeasure::default()).unwrap();
    let c = LIGHT.palette[0];
    let colour = format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
    let tags = |name: &str| -> Vec<String> { svg.split(&format!("<{name}")).skip(1).filter_map(|p| p.split('>').next()).map(String::from).collect() };
    // (The last one may be drawn twice: once as a quote, once as the line's end.)
    let mut dots: Vec<String> = tags("circle")
        .into_iter()
        .filter(|t| t.contains(&format!("fill=\"{colour}\"")))
        .map(|t| t.split_whitespace().filter(|a| a.starts_with("cx=") || a.starts_with("cy=")).collect::<Vec<_>>().join(" "))
        .collect();
    dots.dedup();
    assert_eq!(dots.len(), 5, "a dot for each quote: {dots:?}");
    for name in ["polyline", "path", "polygon"] {
        assert!(!tags(name).iter().any(|t| t.contains(&colour)), "no {name} in the series' colour: nothing between the quotes");
    }
}

#[test]
fn on_a_phone_compared_lines_keep_the_words_that_tell_them_apart() {
    // The funding story compares trackers whose names differ only at the end ("AI venture funding
    // (Dealroom)", "… (PitchBook)"): cut from the end, every label read "AI v…". The step's words name
    // the trackers, so the labels keep them.
    use liquidity_explorer::core::lang::Lang;
    let (_, drawn) = render_step("funding", 0, 343, Lang::En);
    for tracker in ["Dealroom", "PitchBook", "Galaxy", "The Block", "Crunchbase"] {
        assert!(drawn.end_labels.iter().any(|l| l.starts_with(&tracker[..5])), "{tracker} in {:?}", drawn.end_labels);
    }
    assert!(drawn.end_labels.iter().filter(|l| l.contains('…')).count() <= 2, "most whole: {:?}", drawn.end_labels);
    // At desktop width the names are whole.
    let (_, wide) = render_step("funding", 0, 960, Lang::En);
    assert!(wide.end_labels.iter().any(|l| l.starts_with("AI venture funding (Dealroom)")), "{:?}", wide.end_labels);
}

#[test]
fn an_arabic_phone_chart_of_a_year_has_more_than_one_date() {
    // The miners' first step on a phone in Arabic: month names are wide, and the conservative estimate
    // left a single tick ("يوليو 2025") under a year of data.
    use liquidity_explorer::core::lang::Lang;
    for lang in [Lang::Ar, Lang::En] {
        let (_, drawn) = render_step("miners", 0, 343, lang);
        assert!(drawn.x_labels.len() >= 2, "{lang:?}: {:?}", drawn.x_labels);
    }
}

/// Every step of every story drawn in both languages at each width: `check` gets where ("oracle step 2 Ar
/// 360px") and what was drawn.
fn every_step(widths: &[u32], mut check: impl FnMut(&str, &Drawn)) {
    use liquidity_explorer::core::lang::Lang;
    let ds = dataset().unwrap();
    for story in &ds.stories {
        for i in 0..story.steps.len() {
            for lang in [Lang::En, Lang::Ar] {
                for &width in widths {
                    let (_, drawn) = render_step(&story.id, i, width, lang);
                    check(&format!("{} step {} {lang:?} {width}px", story.id, i + 1), &drawn);
                }
            }
        }
    }
}

#[test]
fn no_label_is_written_across_an_events_line_or_a_reference_line() {
    // The deal day's ring sits on the event's line: its label goes beside the line, not through it.
    let mut failures = Vec::new();
    let mut checked = 0;
    every_step(&[343, 360, 720, 1280], |at, drawn| {
        let (left, top, right, bottom) = drawn.plot;
        for y in &drawn.ref_y {
            for (r, text) in drawn.boxes.iter().filter(|(r, t)| !t.starts_with('#') && r.0 < right && r.2 > left) {
                if r.1 < *y && *y < r.3 {
                    failures.push(format!("{at}: {text:?} {r:?} crosses the reference line at y {y}"));
                }
            }
        }
        for x in drawn.marker_x.iter().flatten() {
            // A numbered marker stands on its line by design; texts above and below the plot are clear of it.
            for (r, text) in drawn.boxes.iter().filter(|(r, t)| !t.starts_with('#') && r.3 > top && r.1 < bottom) {
                checked += 1;
                if r.0 < *x && *x < r.2 {
                    failures.push(format!("{at}: {text:?} {r:?} crosses the event line at x {x}"));
                }
            }
        }
    });
    assert!(checked > 50, "labels inside the plot beside event lines: {checked}");
    assert!(failures.is_empty(), "{}:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn no_text_stands_on_a_bar() {
    // Funding's third step puts a year's total behind a quarter's bars: their values go where no bar is.
    let mut failures = Vec::new();
    let mut bars = 0;
    every_step(&[343, 360, 720, 1280], |at, drawn| {
        bars += drawn.bars.len();
        for (r, text) in drawn.boxes.iter().filter(|(_, t)| !t.starts_with('#')) {
            for b in &drawn.bars {
                let bar = (b.1, b.3.min(b.4), b.2, b.3.max(b.4));
                if liquidity_explorer::chart::overlaps(*r, bar) {
                    failures.push(format!("{at}: {text:?} {r:?} on the bar {bar:?}"));
                }
            }
        }
    });
    assert!(bars > 100, "bars drawn over the stories: {bars}");
    assert!(failures.is_empty(), "{}:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn events_of_one_day_share_a_label() {
    use liquidity_explorer::core::lang::Lang;
    // 3 Nov 2025: IREN's Microsoft contract and Cipher's AWS lease, on the miners' second step.
    let (_, wide) = render_step("miners", 1, 1280, Lang::En);
    let both: Vec<_> = wide.events.iter().filter(|e| e.contains("IREN–Microsoft") && e.contains("Cipher–AWS")).collect();
    assert_eq!(both.len(), 1, "one label names both: {:?}", wide.events);
    assert!(both[0].starts_with("3 Nov"), "{both:?}");
    // At any width, in either language, a day is written once above the chart.
    every_step(&[343, 720, 1280], |at, drawn| {
        let days: Vec<&str> = drawn.events.iter().map(|e| e.split([':', ',', '،']).next().unwrap_or("")).collect();
        for (k, d) in days.iter().enumerate() {
            assert!(!days[k + 1..].contains(d), "{at}: {d} twice in {:?}", drawn.events);
        }
    });
}

/// A reader's CSV drawn in every mode, linear and log, as the page would (off any story).
fn draw_csv(csv: &str, size: (u32, u32)) -> Vec<(String, Drawn)> {
    use liquidity_explorer::core::dataset::Mode;
    use liquidity_explorer::core::{fmt::Plain, lang::Lang, story::Marks, view};
    let ds = liquidity_explorer::core::import_csv::import_csv(csv, "x.csv").expect("the file reads");
    let ids: Vec<String> = ds.series.iter().map(|s| s.id().to_string()).collect();
    let (from, to) =
        ds.series.iter().flat_map(|s| s.series.points.iter().map(|p| p.date)).fold((d("9999-01-01"), d("0001-01-01")), |(a, b), x| (a.min(x), b.max(x)));
    let mut out = Vec::new();
    for mode in [Mode::Absolute, Mode::Indexed, Mode::Percent, Mode::Drawdown] {
        for log in [false, true] {
            let built = view::build(&ds, &ids[0], &ids[1..], from, to, mode, &|id| ids.iter().position(|x| x == id).unwrap_or(0));
            let fmt = Plain(Lang::En);
            let marks = Marks::default();
            let chart = liquidity_explorer::chart::for_view(&ds, &built, &marks, &fmt, log, None, false);
            let drawn = to_svg(size, &chart, &Style { scale: 1.0, theme: LIGHT, transparent: false }, &FontMeasure::default()).expect("draws");
            out.push((format!("{mode:?} log {log}"), drawn.1));
        }
    }
    out
}

#[test]
fn values_at_the_ends_of_what_a_number_holds_are_told_not_drawn_wrong() {
    // ±1e308 (a stranger's file): the axis' span is past what a float holds. The page said nothing and
    // stopped (a capacity overflow); on a log axis, 1e-300 to 1e300 would have looped for ever.
    let rows: String = (1..29).map(|d| format!("2025-01-{d:02},{}\n", if d % 2 == 1 { 1e308 } else { -1e308 })).collect();
    for (what, drawn) in draw_csv(&format!("Date,Big\n{rows}"), (640, 360)) {
        assert!(drawn.message.is_some() || !drawn.y_labels.is_empty(), "{what}: a message or an axis");
    }
    let (_, absolute) = &draw_csv(&format!("Date,Big\n{rows}"), (640, 360))[0];
    assert!(absolute.message.as_deref().is_some_and(|m| m.contains("too far apart")), "{:?}", absolute.message);
    let rows: String = (1..29).map(|d| format!("2025-01-{d:02},{}\n", if d % 2 == 1 { 1e300 } else { 1e-300 })).collect();
    for (what, drawn) in draw_csv(&format!("Date,Wide\n{rows}"), (640, 360)) {
        assert!(drawn.message.is_some() || drawn.y_labels.len() <= 8, "{what}: {:?}", drawn.y_labels);
    }
    // Whatever a stranger's numbers, every mode draws or says why, and nothing panics (debug: no overflow).
    for (a, b) in [(f64::MAX, f64::MIN), (5e-324, 1.0), (0.0, 1e308), (-1.0, 1e-320), (1e308, 1e308), (0.0, 0.0), (-1e308, 0.0)] {
        let rows: String = (1..29).map(|d| format!("2025-01-{d:02},{:e},{:e}\n", if d % 3 == 0 { a } else { b }, if d % 2 == 0 { b } else { a })).collect();
        for (what, drawn) in draw_csv(&format!("Date,A,B\n{rows}"), (360, 300)) {
            assert!(drawn.message.is_some() || drawn.y_labels.len() >= 2, "{a:e} {b:e} {what}: {:?}", drawn.y_labels);
        }
    }
    // Tiny and huge but drawable: an axis, no message.
    let rows: String = (1..29).map(|d| format!("2025-01-{d:02},{}\n", d as f64 * 1e-12)).collect();
    let (_, tiny) = &draw_csv(&format!("Date,Tiny\n{rows}"), (640, 360))[0];
    assert!(tiny.message.is_none() && tiny.y_labels.len() >= 2, "{:?} {:?}", tiny.message, tiny.y_labels);
}
