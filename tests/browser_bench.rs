//! The browser benchmark: our release build against a page drawing the same
//! data with uPlot (pinned in tools/package.json, used by nothing else), in one
//! headless Chromium, interleaved (ours, uPlot, uPlot, ours, …), at device pixel
//! ratio 1 and 2. Figures, never assertions on time.
//!
//!   ./scripts/bench.sh                                  (builds, then runs this in full)
//!   cargo test --test browser_bench -- --full [cases]   (on an existing dist/; BENCH_REPS=3 runs per page)
//!   cargo test --test browser_bench -- --smoke          (the test command's smoke run)
//!
//! Cases: `bundled` (the first view: Oracle's first step, from the page's own
//! data) and generated files of 10k, 100k, 1M and 4×1M points (daily dates, a
//! seeded random walk), loaded through the reader's path (`?data=` a CSV) on
//! ours and parsed by a few lines of JS on uPlot's page.
//!
//! Per page: the time from navigation to the first chart with the data on it;
//! per scrub step (the window's start moved one point, 100 times, two frames
//! each) the main thread's busy time (CDP TaskDuration) and the CPU of every
//! Chromium process (/proc); the same per toggle (a second series on/off);
//! long tasks (> 50 ms) while scrubbing and toggling; the JS heap and, for
//! ours, the Wasm memory after the steps. The table goes to stdout and to
//! target/bench/browser.md, with the sizes of the built files.

#[allow(dead_code)] // the browser tests' helpers: this uses some of them
mod support;

use serde_json::json;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::server::{Options, StaticServer};
use support::webdriver::Browser;

/// Before anything on either page: long tasks, the Wasm's memory, and the first
/// frame whose chart canvas has ink (for ours: once the reader's file is on show).
const HOOK: &str = r#"<script>(function(){
window.__long=[];window.__first=null;window.__errors=[];
try{new PerformanceObserver(function(l){l.getEntries().forEach(function(e){if(e.identifier==='first-picture')window.__picture=e.renderTime||e.loadTime;});}).observe({type:'element',buffered:true});}catch(e){}
try{new PerformanceObserver(function(l){l.getEntries().forEach(function(e){window.__long.push(e.duration);(window.__longAt=window.__longAt||[]).push(Math.round(e.startTime)+'+'+Math.round(e.duration));});}).observe({type:'longtask',buffered:true});}catch(e){}
var ce=console.error;console.error=function(){window.__errors.push(Array.prototype.join.call(arguments,' '));return ce.apply(console,arguments);};
window.addEventListener('error',function(e){window.__errors.push(String(e.message||'error'));});
addEventListener('TrunkApplicationStarted',function(e){window.__wasm=e.detail&&e.detail.wasm;});
var want=new URLSearchParams(location.search).get('data');want=want&&want.split('/').pop();
function ink(c){if(!c||!c.width||!c.height)return 0;var d=c.getContext('2d').getImageData(0,0,c.width,c.height).data,n=0;
for(var i=0;i<d.length;i+=64){if(d[i+3]>0&&(d[i]<235||d[i+1]<235||d[i+2]<235))n++;}return n;}
function ready(){var c=document.querySelector('.chart canvas')||document.querySelector('.uplot canvas');if(!c)return false;
if(want&&document.querySelector('.chart canvas')){var n=document.querySelector('[data-testid=dataset-name]');if(!n||n.textContent.indexOf(want)<0)return false;}
return ink(c)>50;}
(function poll(){requestAnimationFrame(function(){if(ready())window.__first=performance.now();else poll();});})();
})();</script>"#;

/// uPlot's page: the same data, the same size as our chart, the same steps.
const UPLOT_PAGE: &str = r#"<!doctype html><html><head><meta charset="utf-8"><title>uPlot</title>
<link rel="stylesheet" href="uPlot.min.css"><script src="uPlot.iife.min.js"></script>
<style>body{margin:0;font:14px system-ui,sans-serif}</style></head><body><div id="c"></div><script>
(async function(){
  const q=new URLSearchParams(location.search), w=+q.get('w')||900, h=+q.get('h')||400, file=q.get('data');
  let cols, names;
  if (file) {
    const t=await (await fetch(file)).text();
    const lines=t.split('\n'); if(!lines[lines.length-1])lines.pop();
    names=lines[0].split(',').slice(1); const n=lines.length-1;
    cols=[new Float64Array(n)].concat(names.map(()=>new Float64Array(n)));
    for(let i=0;i<n;i++){const f=lines[i+1].split(',');cols[0][i]=Date.parse(f[0]+'T00:00:00Z')/1000;for(let j=1;j<f.length;j++)cols[j][i]=+f[j];}
  } else {
    // The bundled data's first view: Oracle in its first step's window.
    const link=q.get('dataset'); const ds=await (await fetch(link)).json();
    const s=ds.series.find(x=>x.id==='ORCL'); const a=q.get('from'), b=q.get('to');
    const pts=s.points.filter(p=>p[0]>=a&&p[0]<=b); names=['ORCL'];
    cols=[pts.map(p=>Date.parse(p[0]+'T00:00:00Z')/1000), pts.map(p=>p[1])];
  }
  const colours=['#c0392b','#1f77b4','#2ca02c','#9467bd'];
  window.u=new uPlot({width:w,height:h,series:[{}].concat(names.map((n,i)=>({label:n,stroke:colours[i%4],width:2,show:i===0}))),scales:{x:{time:true}}},cols,document.getElementById('c'));
  window.__xs=cols[0];
})();
</script></body></html>"#;

#[derive(Clone)]
struct Case {
    name: String,
    /// The reader's file: (URL path, CSV), or none for the bundled first view.
    file: Option<(String, Vec<u8>)>,
    /// The same data as a dataset (JSON), when ours reads that instead of the CSV.
    json: Option<(String, Vec<u8>)>,
    series: usize,
    /// On a phone: 375 px wide, over a slow mobile link (as Chrome DevTools' "Slow 4G": 150 ms round
    /// trips, 1.6 Mbit/s shared by every file; tests/support/server.rs paces it), files gzipped as a host would.
    phone: bool,
}

#[derive(Default, Clone)]
struct Figures {
    /// When the reader first sees the data drawn: ours, the page's first picture (drawn when the site was
    /// built) where the page has one, else the chart; uPlot's page, its chart.
    picture_ms: Option<f64>,
    first_ms: Option<f64>,
    /// The longest task from navigation until the chart has settled (loading, reading, the first draws).
    load_long_ms: Option<f64>,
    step_main_ms: Option<f64>,
    step_cpu_ms: Option<f64>,
    toggle_main_ms: Option<f64>,
    toggle_cpu_ms: Option<f64>,
    long_tasks: Option<f64>,
    long_max_ms: Option<f64>,
    heap_mb: Option<f64>,
    wasm_mb: Option<f64>,
    note: String,
    /// Where the time to the first chart went (ours).
    timeline: String,
}

const COLUMNS: [&str; 11] = [
    "first picture ms",
    "first chart ms",
    "load: longest task ms",
    "main ms/step",
    "CPU ms/step",
    "main ms/toggle",
    "CPU ms/toggle",
    "long tasks",
    "longest ms",
    "JS heap MB",
    "Wasm MB",
];

impl Figures {
    fn values(&self) -> [Option<f64>; 11] {
        [
            self.picture_ms,
            self.first_ms,
            self.load_long_ms,
            self.step_main_ms,
            self.step_cpu_ms,
            self.toggle_main_ms,
            self.toggle_cpu_ms,
            self.long_tasks,
            self.long_max_ms,
            self.heap_mb,
            self.wasm_mb,
        ]
    }
}

/// A seeded random walk per series, one row a day from 1800-01-01.
fn generate(points: usize, series: usize) -> Vec<u8> {
    let mut out = String::with_capacity(points * (12 + series * 9));
    out.push_str("Date");
    for s in 0..series {
        let _ = write!(out, ",S{}", s + 1);
    }
    out.push('\n');
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut v: Vec<f64> = (0..series).map(|s| 100.0 + 20.0 * s as f64).collect();
    let start = liquidity_explorer::core::date::Date::from_ymd(1800, 1, 1).unwrap().days();
    for i in 0..points {
        let d = liquidity_explorer::core::date::Date::from_days(start + i as i32);
        out.push_str(&d.iso());
        for x in v.iter_mut() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            *x = (*x + ((seed % 2001) as f64 / 1000.0 - 1.0)).max(1.0);
            let _ = write!(out, ",{:.2}", x);
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// The generated CSV as a dataset file (JSON, a point a line), with a story
/// holding every series so that the second can be switched.
fn as_dataset(csv: &[u8], series: usize) -> Vec<u8> {
    let text = std::str::from_utf8(csv).unwrap();
    let rows: Vec<Vec<&str>> = text.lines().skip(1).map(|l| l.split(',').collect()).collect();
    let mut out = String::from("{\"format\": \"liquidity-explorer-dataset/1\", \"id\": \"bench\", \"title\": \"bench\", \"series\": [\n");
    for s in 0..series {
        let _ = writeln!(out, "{}{{\"id\": \"S{n}\", \"name\": \"S{n}\", \"unit\": \"number\", \"points\": [", if s > 0 { ",\n" } else { "" }, n = s + 1);
        for (i, r) in rows.iter().enumerate() {
            let _ = writeln!(out, "{}[\"{}\",{}]", if i > 0 { "," } else { "" }, r[0], r[s + 1]);
        }
        out.push_str("]}");
    }
    let ids: Vec<String> = (1..=series).map(|n| format!("\"S{n}\"")).collect();
    let _ = write!(out, "],\n\"stories\": [{{\"id\": \"data\", \"title\": \"bench\", \"series\": [{}], \"compare\": [{}]}}]}}\n", ids[0], ids[1..].join(", "));
    out.into_bytes()
}

/// Busy time of every Chromium process so far (user + system), in ms.
fn chromium_cpu_ms() -> f64 {
    let tick = 1000.0 / 100.0; // USER_HZ is 100 on Linux
    let mut total = 0.0;
    for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else { continue };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else { continue };
        if !stat[open + 1..close].starts_with("chrom") {
            continue;
        }
        let f: Vec<&str> = stat[close + 2..].split(' ').collect();
        if let (Some(u), Some(s)) = (f.get(11).and_then(|x| x.parse::<f64>().ok()), f.get(12).and_then(|x| x.parse::<f64>().ok())) {
            total += (u + s) * tick;
        }
    }
    total
}

fn metric(b: &Browser, name: &str) -> Result<f64, String> {
    let m = b.cdp("Performance.getMetrics", json!({}))?;
    m["metrics"].as_array().and_then(|a| a.iter().find(|x| x["name"] == name)).and_then(|x| x["value"].as_f64()).ok_or_else(|| format!("no metric {name}"))
}

/// Runs `script` (async; it calls `done`) and returns (main thread ms, CPU ms) it took per `n`.
fn busy(b: &Browser, script: &str, n: usize) -> Result<(f64, f64), String> {
    let (t0, c0) = (metric(b, "TaskDuration")?, chromium_cpu_ms());
    let v = b.js_async(script, vec![])?;
    if v != json!(true) {
        return Err(format!("the steps did not run: {v}"));
    }
    let (t1, c1) = (metric(b, "TaskDuration")?, chromium_cpu_ms());
    Ok(((t1 - t0) * 1000.0 / n as f64, (c1 - c0) / n as f64))
}

const RAF: &str = "const raf=()=>new Promise(r=>requestAnimationFrame(()=>r()));";

fn measure(b: &Browser, url: &str, ours: bool, case: &Case, steps: usize, toggles: usize) -> Result<Figures, String> {
    let mut f = Figures::default();
    b.goto(url)?;
    let loaded = b.wait_for(
        "the first chart",
        "if(window.__errors&&window.__errors.length)return 'error: '+window.__errors.join(' | ');\
         const p=document.querySelector('.problems, .problem');if(p&&p.textContent.trim())return 'refused: '+p.textContent.trim().slice(0,160);\
         return window.__first;",
        Duration::from_secs(240),
    )?;
    if let Some(msg) = loaded.as_str() {
        f.note = msg.to_string();
        return Ok(f);
    }
    f.first_ms = loaded.as_f64();
    f.picture_ms = if ours { b.js("return window.__picture||null;", vec![])?.as_f64().or(f.first_ms) } else { f.first_ms };
    if ours {
        // Where the time to the first chart went: the files' arrival and the app's own marks.
        let v = b.js(
            "const r=n=>{const e=performance.getEntriesByType('resource').find(x=>x.name.includes(n));return e?Math.round(e.responseEnd):null;};\
             const m=n=>{const e=performance.getEntriesByName(n)[0];return e?Math.round(e.startTime):null;};\
             const nav=performance.getEntriesByType('navigation')[0];\
             return 'html '+Math.round(nav.responseEnd)+(window.__picture?', first picture painted '+Math.round(window.__picture):'')+', js '+r('.js')+', wasm '+r('_bg.wasm')+', data '+r('dataset-')+', wasm started '+m('liquidity:start')+', data read '+m('liquidity:data')+', page built '+m('liquidity:mounted')+', chart drawn '+m('liquidity:drawn')+', below begun '+m('liquidity:later')+(m('liquidity:file-built')?', file fetched '+m('liquidity:file-fetched')+', file read '+m('liquidity:file-read')+', built '+m('liquidity:file-built')+', prepared '+m('liquidity:file-prepared')+', accept '+m('liquidity:file-accept')+', shown '+m('liquidity:file-shown'):'')+'; tasks over 50 ms: '+(window.__longAt||[]).join(' ');",
            vec![],
        )?;
        f.timeline = v.as_str().unwrap_or_default().to_string();
    }
    std::thread::sleep(Duration::from_millis(300));
    f.load_long_ms = b.js("return (window.__long||[]).reduce((a,b)=>Math.max(a,b),0);", vec![])?.as_f64();
    b.js("window.__long=[];", vec![])?;
    let step = if ours {
        format!(
            "const done=arguments[arguments.length-1];{RAF}const el=document.querySelector('[data-handle=start]');\
             (async()=>{{for(let i=0;i<{steps};i++){{el.dispatchEvent(new KeyboardEvent('keydown',{{key:'ArrowRight',bubbles:true,cancelable:true}}));await raf();await raf();}}done(true);}})().catch(e=>done(String(e)));"
        )
    } else {
        format!(
            "const done=arguments[arguments.length-1];{RAF}const xs=window.__xs;\
             (async()=>{{for(let i=1;i<={steps};i++){{u.setScale('x',{{min:xs[Math.min(i,xs.length-2)],max:xs[xs.length-1]}});await raf();await raf();}}done(true);}})().catch(e=>done(String(e)));"
        )
    };
    let at =
        if ours { "const h=document.querySelector('[data-handle=start]');return h?+h.getAttribute('aria-valuenow'):null;" } else { "return u.scales.x.min;" };
    let before = b.js(at, vec![])?;
    let (m, c) = busy(b, &step, steps)?;
    (f.step_main_ms, f.step_cpu_ms) = (Some(m), Some(c));
    let after = b.js(at, vec![])?;
    if after.as_f64().zip(before.as_f64()).is_none_or(|(a, b)| a <= b) {
        f.note = format!("the window did not move ({before} → {after})");
    }
    if case.series > 1 {
        let toggle = if ours {
            format!(
                "const done=arguments[arguments.length-1];{RAF}const el=document.querySelector('[data-series=S2]');\
                 if(!el)return done('no switch for S2');(async()=>{{for(let i=0;i<{toggles};i++){{el.click();await raf();await raf();}}done(true);}})().catch(e=>done(String(e)));"
            )
        } else {
            format!(
                "const done=arguments[arguments.length-1];{RAF}\
                 (async()=>{{for(let i=0;i<{toggles};i++){{u.setSeries(2,{{show:i%2===0}});await raf();await raf();}}done(true);}})().catch(e=>done(String(e)));"
            )
        };
        let (m, c) = busy(b, &toggle, toggles)?;
        (f.toggle_main_ms, f.toggle_cpu_ms) = (Some(m), Some(c));
    }
    let v = b.js(
        "return [window.__long.length, window.__long.reduce((a,b)=>Math.max(a,b),0), window.__wasm&&window.__wasm.memory?window.__wasm.memory.buffer.byteLength:null, window.__errors.join(' | ')]",
        vec![],
    )?;
    f.long_tasks = v[0].as_f64();
    f.long_max_ms = v[1].as_f64();
    f.wasm_mb = v[2].as_f64().map(|x| x / 1_048_576.0);
    f.heap_mb = Some(metric(b, "JSHeapUsedSize")? / 1_048_576.0);
    if let Some(e) = v[3].as_str().filter(|e| !e.is_empty()) {
        f.note = format!("errors: {e}");
    }
    Ok(f)
}

fn median(xs: &[Option<f64>]) -> Option<f64> {
    let mut v: Vec<f64> = xs.iter().flatten().copied().collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 })
}

fn cell(x: Option<f64>) -> String {
    match x {
        None => "–".into(),
        Some(v) if v.abs() >= 100.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.2}"),
    }
}

struct Run {
    steps: usize,
    toggles: usize,
    reps: usize,
    dprs: Vec<f64>,
    cases: Vec<Case>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let smoke = args.iter().any(|a| a == "--smoke");
    let full = args.iter().any(|a| a == "--full");
    if !smoke && !full {
        // `cargo test` with no flag (as the native test list would run it): nothing to do.
        println!("browser_bench: pass --full (./scripts/bench.sh) or --smoke");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dist = std::env::var("E2E_DIST").map(PathBuf::from).unwrap_or_else(|_| root.join("dist"));
    let uplot = root.join("tools/node_modules/uplot/dist");
    if !dist.join("index.html").is_file() || !uplot.join("uPlot.iife.min.js").is_file() {
        eprintln!("browser_bench: build first (./scripts/build.sh) and install the tools (scripts/setup.sh installs uPlot)");
        std::process::exit(1);
    }
    let only: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let wanted = |n: &str| only.is_empty() || only.iter().any(|o| *o == n);
    let mut cases = Vec::new();
    let mut add = |name: &str, points: usize, series: usize| {
        if wanted(name) {
            let csv = generate(points, series);
            let json = name.ends_with("json").then(|| (format!("bench/{name}.json"), as_dataset(&csv, series)));
            cases.push(Case { name: name.into(), file: Some((format!("bench/{name}.csv"), csv)), json, series, phone: false });
        }
    };
    let run = if smoke {
        add("smoke-1k", 1_000, 2);
        Run { steps: 10, toggles: 4, reps: 1, dprs: vec![1.0], cases }
    } else {
        add("10k", 10_000, 1);
        add("100k", 100_000, 1);
        add("4x100k", 100_000, 4);
        add("1M", 1_000_000, 1);
        add("4x1M", 1_000_000, 4);
        // Ours reads the dataset format (JSON) here; uPlot's page the same numbers as CSV.
        add("4x1M-json", 1_000_000, 4);
        if wanted("bundled-phone") {
            cases.insert(0, Case { name: "bundled-phone".into(), file: None, json: None, series: 1, phone: true });
        }
        if wanted("bundled") {
            cases.insert(0, Case { name: "bundled".into(), file: None, json: None, series: 1, phone: false });
        }
        let reps = std::env::var("BENCH_REPS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
        Run { steps: 100, toggles: 20, reps, dprs: vec![1.0, 2.0], cases }
    };

    let mut extra: Vec<(String, Vec<u8>)> = vec![
        ("bench/uplot.html".into(), UPLOT_PAGE.as_bytes().to_vec()),
        ("bench/uPlot.iife.min.js".into(), std::fs::read(uplot.join("uPlot.iife.min.js")).unwrap()),
        ("bench/uPlot.min.css".into(), std::fs::read(uplot.join("uPlot.min.css")).unwrap()),
    ];
    extra.extend(run.cases.iter().flat_map(|c| c.file.iter().chain(&c.json).cloned()));
    // uPlot's files gzipped too, as the site's are (scripts/compress.mjs): both pages as a host serves them.
    let gzipped: Vec<(String, Vec<u8>)> =
        extra.iter().filter(|(p, _)| p.ends_with(".js") || p.ends_with(".css")).filter_map(|(p, b)| gzip(b).map(|g| (format!("{p}.gz"), g))).collect();
    extra.extend(gzipped);
    let slow = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let server = StaticServer::start(&dist, Options { inject_head: Some(HOOK.into()), extra, gzip: true, slow: slow.clone(), ..Options::default() });
    let browser = match Browser::start() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("browser_bench: {e}");
            std::process::exit(1);
        }
    };
    let _ = browser.cdp("Performance.enable", json!({"timeDomain": "threadTicks"}));
    // The bundled view's window and our chart's size, for uPlot's page.
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap_or_default();
    let dataset_link = index.split("href=\"./").find(|s| s.starts_with("dataset-")).and_then(|s| s.split('"').next()).unwrap_or("dataset.json").to_string();
    let ds = liquidity_explorer::core::bundled::dataset().expect("the bundled dataset");
    let st = &ds.stories[0];
    let (from, to) = liquidity_explorer::core::story::step_spec(&ds, st, &st.steps[0]).window;

    let mut rows: Vec<(String, f64, Figures, Figures)> = Vec::new();
    let mut failures = Vec::new();
    for case in &run.cases {
        for &dpr in &run.dprs {
            let (w, h) = if case.phone { (375, 800) } else { (1280, 900) };
            let _ = browser.cdp("Emulation.setDeviceMetricsOverride", json!({"width": w, "height": h, "deviceScaleFactor": dpr, "mobile": case.phone}));
            // The network: a phone's slow link, or the machine's own (the server paces its answers).
            slow.store(case.phone, std::sync::atomic::Ordering::SeqCst);
            let ours_url = server.url(&match case.json.as_ref().or(case.file.as_ref()) {
                Some((p, _)) => format!("index.html?data={p}"),
                None => "index.html".into(),
            });
            let mut ours = Vec::new();
            let mut theirs = Vec::new();
            for rep in 0..run.reps {
                // Ours first in even runs, uPlot first in odd ones.
                for turn in 0..2 {
                    let ours_now = (turn == 0) == (rep % 2 == 0);
                    let r = if ours_now {
                        measure(&browser, &ours_url, true, case, run.steps, run.toggles)
                    } else {
                        let size = browser
                            .js(
                                "const c=document.querySelector('.chart canvas');return c?[Math.round(c.clientWidth),Math.round(c.clientHeight)]:[900,400]",
                                vec![],
                            )
                            .unwrap_or(json!([900, 400]));
                        let (w, h) = (size[0].as_u64().unwrap_or(900), size[1].as_u64().unwrap_or(400));
                        let q = match &case.file {
                            Some((p, _)) => format!("data={}", p.trim_start_matches("bench/")),
                            None => format!("dataset=../{dataset_link}&from={}&to={}", from.iso(), to.iso()),
                        };
                        measure(&browser, &server.url(&format!("bench/uplot.html?{q}&w={w}&h={h}")), false, case, run.steps, run.toggles)
                    };
                    match r {
                        Ok(f) => {
                            if ours_now {
                                ours.push(f)
                            } else {
                                theirs.push(f)
                            }
                        }
                        Err(e) => failures.push(format!("{} at dpr {dpr} ({}): {e}", case.name, if ours_now { "ours" } else { "uPlot" })),
                    }
                }
            }
            let pick = |fs: &[Figures]| {
                let mut m = Figures::default();
                let col = |g: fn(&Figures) -> Option<f64>| median(&fs.iter().map(g).collect::<Vec<_>>());
                m.picture_ms = col(|f| f.picture_ms);
                m.first_ms = col(|f| f.first_ms);
                m.load_long_ms = col(|f| f.load_long_ms);
                m.step_main_ms = col(|f| f.step_main_ms);
                m.step_cpu_ms = col(|f| f.step_cpu_ms);
                m.toggle_main_ms = col(|f| f.toggle_main_ms);
                m.toggle_cpu_ms = col(|f| f.toggle_cpu_ms);
                m.long_tasks = col(|f| f.long_tasks);
                m.long_max_ms = col(|f| f.long_max_ms);
                m.heap_mb = col(|f| f.heap_mb);
                m.wasm_mb = col(|f| f.wasm_mb);
                m.note = fs.iter().map(|f| f.note.clone()).find(|n| !n.is_empty()).unwrap_or_default();
                m.timeline = fs.last().map(|f| f.timeline.clone()).unwrap_or_default();
                m
            };
            rows.push((case.name.clone(), dpr, pick(&ours), pick(&theirs)));
            eprintln!("browser_bench: {} at dpr {dpr} done", case.name);
        }
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "Browser benchmark: ours against uPlot 1.6.32, medians of {} interleaved runs; {} scrub steps and {} toggles per run.\n",
        run.reps, run.steps, run.toggles
    );
    let _ = writeln!(out, "| case | dpr | page | {} | note |", COLUMNS.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(COLUMNS.len() + 4));
    for (name, dpr, ours, theirs) in &rows {
        let o = ours.values();
        let t = theirs.values();
        let line = |page: &str, v: &[Option<f64>], note: &str| {
            format!("| {name} | {dpr} | {page} | {} | {} |", v.iter().map(|x| cell(*x)).collect::<Vec<_>>().join(" | "), note.replace('|', "/"))
        };
        let _ = writeln!(out, "{}", line("ours", &o, &ours.note));
        let _ = writeln!(out, "{}", line("uPlot", &t, &theirs.note));
        let ratio: Vec<Option<f64>> = o
            .iter()
            .zip(t.iter())
            .map(|(a, b)| match (a, b) {
                (Some(a), Some(b)) if *b > 0.0 => Some(a / b),
                _ => None,
            })
            .collect();
        let _ = writeln!(
            out,
            "| {name} | {dpr} | **ours/uPlot** | {} | |",
            ratio.iter().map(|x| x.map_or("–".into(), |r| format!("×{r:.2}"))).collect::<Vec<_>>().join(" | ")
        );
    }
    let _ = writeln!(out, "\nWhere our time to the first chart went (ms from navigation, the last run of each case):\n");
    for (name, dpr, ours, _) in &rows {
        let _ = writeln!(out, "- {name} at dpr {dpr}: {}", ours.timeline);
    }
    let sizes = std::process::Command::new("node").arg(root.join("scripts/size.mjs")).arg(&dist).output();
    if let Ok(s) = sizes {
        let _ = writeln!(out, "\nSizes of the served files (KB; * the first view):\n```\n{}```", String::from_utf8_lossy(&s.stdout));
    }
    let _ = writeln!(out, "\nMachine: {} cores; {}", std::thread::available_parallelism().map_or(0, |n| n.get()), chromium_version(&browser));
    for f in &failures {
        let _ = writeln!(out, "\nfailed: {f}");
    }
    println!("{out}");
    let dir = root.join("target/bench");
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join(if smoke { "browser-smoke.md" } else { "browser.md" });
    let _ = std::fs::write(&file, &out);
    eprintln!("browser_bench: written to {}", file.display());

    if smoke {
        // Every figure printed for both pages (the Wasm's memory for ours only), no errors: not a timing check.
        let mut missing = failures.clone();
        for (name, _, ours, theirs) in &rows {
            for (page, f) in [("ours", ours), ("uPlot", theirs)] {
                for (i, v) in f.values().iter().enumerate() {
                    if v.is_none() && !(page == "uPlot" && COLUMNS[i] == "Wasm MB") {
                        missing.push(format!("{name} {page}: no {}", COLUMNS[i]));
                    }
                }
                if !f.note.is_empty() {
                    missing.push(format!("{name} {page}: {}", f.note));
                }
            }
        }
        if rows.iter().any(|r| !r.2.timeline.contains("chart drawn ") || r.2.timeline.contains("null")) {
            missing.push(format!("the first chart's timeline: {:?}", rows.iter().map(|r| &r.2.timeline).collect::<Vec<_>>()));
        }
        if !out.contains("the first view") {
            missing.push("no sizes".into());
        }
        if !missing.is_empty() {
            eprintln!("browser_bench smoke: {}", missing.join("; "));
            std::process::exit(1);
        }
        eprintln!("browser_bench smoke: every figure printed");
    }
}

/// `gzip -9` of some bytes (the benchmark's own files; the site's come gzipped from its build).
fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write as _;
    let mut child = std::process::Command::new("gzip").arg("-9c").stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn().ok()?;
    child.stdin.take()?.write_all(bytes).ok()?;
    let out = child.wait_with_output().ok()?;
    out.status.success().then_some(out.stdout)
}

fn chromium_version(b: &Browser) -> String {
    b.cdp("Browser.getVersion", json!({})).ok().and_then(|v| v["product"].as_str().map(String::from)).unwrap_or_else(|| "Chromium".into())
}
