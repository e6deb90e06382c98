//! Prints speed figures for the pure core and the drawing (native, release):
//! `cargo run --release --bin bench` (or ./scripts/bench.sh, which adds sizes).
//! Figures, not assertions: compare them between commits on the same machine.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use liquidity_explorer::chart::{svg, theme::LIGHT, Chart, FontMeasure, Line, Style};
    use liquidity_explorer::core::bundled::{dataset, DATASET_JSON};
    use liquidity_explorer::core::dataset::{ChartKind, Frequency, Mode, Unit};
    use liquidity_explorer::core::dataset_json::read;
    use liquidity_explorer::core::date::Date;
    use liquidity_explorer::core::series::Point;
    use liquidity_explorer::core::transform::decimate;
    use liquidity_explorer::core::view;
    use std::fmt::Write;
    use std::time::Instant;

    fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) -> T {
        let mut out = f();
        let start = Instant::now();
        for _ in 0..runs {
            out = f();
        }
        let per = start.elapsed().as_secs_f64() / runs as f64;
        println!("{label:<58} {:>10.3} ms", per * 1e3);
        out
    }

    println!("{:<58} {:>13}", "what", "time per run");
    let ds = time("read + validate the bundled dataset (7,501 points)", 20, || read(DATASET_JSON).unwrap());
    let d = |s: &str| Date::parse_iso(s).unwrap();
    time("view: Oracle + 7 comparisons, 2025, indexed", 200, || {
        let c: Vec<String> = ["QQQ", "SPY", "MSFT", "NVDA", "AMZN", "GOOGL", "META"].iter().map(|s| s.to_string()).collect();
        view::build(&ds, "ORCL", &c, d("2025-01-02"), d("2025-12-31"), Mode::Indexed, &|_| 1)
    });
    let orcl = &dataset().unwrap().series("ORCL").unwrap().series.clone();
    time("draw Oracle 2025 to SVG, 1280×600", 50, || {
        let line = Line { points: &orcl.points, label: "ORCL".into(), slot: 0, main: true, kind: ChartKind::Line, frequency: Frequency::Daily, blocks: None };
        let chart = Chart::single(line, Unit::UsdPerShare, Some(2), d("2025-01-02"), d("2025-12-31"));
        svg((1280, 600), &chart, &Style { scale: 1.0, theme: LIGHT, transparent: false }, &FontMeasure::default()).unwrap().0.len()
    });
    // A reader's big file: one series of a million points.
    let mut big =
        String::from(r#"{"format":"liquidity-explorer-dataset/1","id":"big","title":"big","series":[{"id":"A","name":"A","unit":"number","points":["#);
    let start = d("1900-01-01").days();
    for i in 0..1_000_000 {
        if i > 0 {
            big.push(',');
        }
        let _ = write!(big, "[\"{}\",{}]", Date::from_days(start + i).iso(), (i * 7919) % 1000);
    }
    big.push_str("]}]}");
    println!("{:<58} {:>10.1} MB", "a 1,000,000-point file", big.len() as f64 / 1e6);
    let big_ds = time("read + validate it", 3, || read(&big).unwrap());
    let mut scanned = None;
    time("the same, its points scanned in pieces of 256 KB", 3, || {
        let mut import = liquidity_explorer::core::json_slices::JsonImport::new(big.clone()).unwrap();
        let mut pieces = 0;
        while !import.step(1 << 18) {
            pieces += 1;
        }
        scanned = Some(import);
        pieces
    });
    let start = Instant::now();
    let _ = liquidity_explorer::core::dataset_json::read_sliced(scanned.take().unwrap()).unwrap();
    println!("{:<58} {:>10.3} ms", "  then read as one file (the skeleton, once)", start.elapsed().as_secs_f64() * 1e3);
    let pts: Vec<Point> = big_ds.series[0].series.points.to_vec();
    time("a series made of a million points (its blocks, shared)", 5, || {
        liquidity_explorer::core::series::Series::new("S".into(), "S".into(), pts.clone()).len()
    });
    time("  of which the copy of the points", 5, || pts.clone().len());
    let thin = time("decimate it to 1,200 pixel columns", 10, || decimate(&pts, 1200));
    println!("{:<58} {:>10}", "points left to draw", thin.len());
    let blocks = &big_ds.series[0].series.blocks;
    time("the same through the series' blocks (64 points each)", 10, || liquidity_explorer::core::transform::decimate_with(&pts, 1200, Some((blocks, 0))));
    let four: Vec<&[Point]> = vec![&pts[..]; 4];
    time("every date of 4 series of 1,000,000 points (the timeline)", 5, || liquidity_explorer::core::series::merged_dates(four.iter().copied()).len());
    time("the timeline of them", 5, || {
        liquidity_explorer::core::timeline::Timeline::new(liquidity_explorer::core::series::merged_dates(four.iter().copied())).len()
    });
    // A scrub step at a million points: the view of a window one point shorter, then the chart of it.
    let (first, last) = (pts[0].date, pts[pts.len() - 1].date);
    let mut k = 0;
    for mode in [Mode::Absolute, Mode::Indexed] {
        time(&format!("scrub step at 1,000,000 points: the view ({mode:?})"), 20, || {
            k += 1;
            view::build(&big_ds, "A", &[], Date::from_days(first.days() + k % 50), last, mode, &|_| 1)
        });
    }
    let v = view::build(&big_ds, "A", &[], first, last, Mode::Absolute, &|_| 1);
    let marks = liquidity_explorer::core::story::Marks::default();
    let spec = liquidity_explorer::chart::for_view(
        &big_ds,
        &v,
        &marks,
        &liquidity_explorer::core::fmt::Plain(liquidity_explorer::core::lang::Lang::En),
        false,
        None,
        false,
    );
    time("scrub step at 1,000,000 points: the chart, 1280×600 SVG", 10, || {
        let (out, _) = svg((1280, 600), &spec, &Style { scale: 1.0, theme: LIGHT, transparent: false }, &FontMeasure::default()).unwrap();
        out.len()
    });
}

#[cfg(target_arch = "wasm32")]
fn main() {}
