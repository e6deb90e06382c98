//! End-to-end tests in headless Chromium against the release build in dist/
//! (built by `trunk build --release`; ./scripts/test.sh does both).
//!
//! One browser for all scenarios, run one at a time (this is a `harness = false`
//! test). A hook injected at the top of index.html records console errors,
//! warnings, uncaught errors and rejected promises before the app loads; every
//! scenario checks that none happened.

mod support;

use liquidity_explorer::core::bundled::dataset;
use liquidity_explorer::core::date::Date;
use liquidity_explorer::core::lang::Lang;
use liquidity_explorer::core::story;
use liquidity_explorer::core::timeline::Timeline;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;
use support::server::{Options, StaticServer};
use support::webdriver::{keys, Browser, Element};

const HOOK: &str = r#"<script>(function(){var errs=window.__testErrors=[];
function rec(kind,args){errs.push(kind+': '+Array.prototype.map.call(args,function(a){return (a&&a.stack)||String(a);}).join(' '));}
var ce=console.error,cw=console.warn;
console.error=function(){rec('console.error',arguments);return ce.apply(console,arguments);};
console.warn=function(){rec('console.warn',arguments);return cw.apply(console,arguments);};
window.addEventListener('error',function(e){errs.push('error: '+(e.message||(e.target&&(e.target.src||e.target.href))||'unknown'));},true);
window.addEventListener('unhandledrejection',function(e){errs.push('unhandledrejection: '+((e.reason&&e.reason.stack)||e.reason));});
document.addEventListener('securitypolicyviolation',function(e){errs.push('csp: '+e.violatedDirective+' blocked '+(e.blockedURI||'inline')+' at '+e.sourceFile+':'+e.lineNumber);});
})();</script>"#;

/// Counts canvas pixels that are not background white.
const INK: &str = "const c=document.querySelector('.chart canvas');if(!c||!c.width||!c.height)return 0;\
const d=c.getContext('2d').getImageData(0,0,c.width,c.height).data;let n=0;\
for(let i=0;i<d.length;i+=4){if(d[i]<245||d[i+1]<245||d[i+2]<245)n++;}return n;";

/// A dataset from a stranger: markup and script in every text, a javascript: link, a formula.
const HOSTILE: &str = r#"{"format": "liquidity-explorer-dataset/1", "id": "x", "title": "<b>bold</b> title",
 "sources": [{"id": "s", "publisher": "<img src=x onerror=window.__pwned=1>", "url": "javascript:window.__pwned=3", "confidence": "weak"}],
 "series": [{"id": "A", "name": "=HYPERLINK(\"http://evil\") <script>window.__pwned=2</script>", "unit": "usd", "sources": ["s"],
             "points": [["2025-01-02", 1], ["2025-01-03", 2], ["2025-01-06", 3]]}],
 "events": [{"id": "e", "date": "2025-01-03", "title": "<script>window.__pwned=2</script>", "text": "<img src=x onerror=window.__pwned=1>", "series": ["A"], "sources": ["s"]}],
 "stories": [{"id": "x", "title": "<img src=x onerror=window.__pwned=1>", "series": ["A"],
   "steps": [{"title": "<script>window.__pwned=2</script>", "text": "Value {v} <img src=x onerror=window.__pwned=1>",
              "figures": [{"id": "v", "op": "value", "series": "A", "at": "2025-01-06"}], "events": ["e"]}]}]}"#;

/// Oracle over the whole of 2025, as an address with a view (the page opened
/// on this before stories had steps; such addresses still open exactly it).
const YEAR: &str = "?story=oracle&time=2025-01-02..2025-12-31";

/// A fingerprint of the canvas pixels (FNV-1a over every pixel).
const FINGERPRINT: &str = "const c=document.querySelector('.chart canvas');if(!c||!c.width||!c.height)return '';\
const d=c.getContext('2d').getImageData(0,0,c.width,c.height).data;let h=2166136261>>>0;\
for(let i=0;i<d.length;i++){h^=d[i];h=Math.imul(h,16777619)>>>0;}return c.width+'x'+c.height+':'+h;";

struct Ctx {
    browser: Browser,
    app: StaticServer,
    /// Puts the app's server down (503 to everything) while set.
    app_down: std::sync::Arc<std::sync::atomic::AtomicBool>,
    broken: StaticServer,
    /// The site with its Wasm held back while `wasm_held` is set: the page before the app starts.
    held: StaticServer,
    wasm_held: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// The linked timeline: every date of the bundled dataset.
    timeline: Timeline,
    dates: Vec<Date>,
    /// The first story's default window (Oracle, 2025) on that timeline.
    start0: usize,
    end0: usize,
    shots: PathBuf,
}

impl Ctx {
    fn open(&self, query: &str) -> Result<(), String> {
        self.browser.goto(&self.app.url(query))?;
        self.browser.wait_for("the chart to draw", &format!("return (function(){{{INK}}})()>2000"), Duration::from_secs(20))?;
        // The rest of the page is built once the chart is painted.
        self.browser.wait_for("the rest of the page", "return document.documentElement.dataset.ready==='1'", Duration::from_secs(10))?;
        Ok(())
    }
    fn js(&self, script: &str) -> Result<Value, String> {
        self.browser.js(script, vec![])
    }
    /// A date as the page writes it: the browser's Intl, with the app's locale and options.
    fn long_in(&self, d: Date, locale: &str) -> Result<String, String> {
        let v = self.js(&format!(
            "return new Intl.DateTimeFormat({locale:?},{{day:'numeric',month:'short',year:'numeric',timeZone:'UTC'}}).format(new Date({}))",
            d.days() as i64 * 86_400_000
        ))?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }
    fn long(&self, d: Date) -> Result<String, String> {
        self.long_in(d, "en-GB")
    }
    fn no_errors(&self) -> Result<(), String> {
        let errs = self.js("return window.__testErrors||['the hook did not run']")?;
        match errs.as_array() {
            Some(a) if a.is_empty() => Ok(()),
            _ => Err(format!("the console got errors: {errs}")),
        }
    }
    fn fingerprint(&self) -> Result<String, String> {
        Ok(self.js(FINGERPRINT)?.as_str().unwrap_or_default().to_string())
    }
    fn wait_changed(&self, from: &str) -> Result<String, String> {
        let script = format!("const f=(function(){{{FINGERPRINT}}})();return f&&f!=={from:?}?f:null;");
        Ok(self.browser.wait_for("the canvas to change", &script, Duration::from_secs(5))?.as_str().unwrap_or_default().into())
    }
    fn handle(&self, which: &str) -> Result<Element, String> {
        self.browser.find(&format!("[data-handle={which}]"))
    }
    fn now(&self, el: &Element) -> Result<usize, String> {
        self.browser.attr(el, "aria-valuenow")?.parse().map_err(|e| format!("aria-valuenow: {e}"))
    }
    fn expect_at(&self, el: &Element, index: usize) -> Result<(), String> {
        let now = self.now(el)?;
        let text = self.browser.attr(el, "aria-valuetext")?;
        let want = self.long(self.dates[index])?;
        if now != index || text != want {
            return Err(format!("handle at {now} ({text}), expected {index} ({want})"));
        }
        Ok(())
    }
    /// Centre of an element in viewport pixels, and of the track.
    fn centre(&self, css: &str) -> Result<(f64, f64, f64, f64), String> {
        let v = self.js(&format!(
            "const e=document.querySelector({css:?});e.scrollIntoView({{block:'center'}});const r=e.getBoundingClientRect();return [r.left,r.top,r.width,r.height];"
        ))?;
        let n = |i: usize| v[i].as_f64().unwrap_or(0.0);
        Ok((n(0) + n(2) / 2.0, n(1) + n(3) / 2.0, n(0), n(2)))
    }
    fn drag(&self, pointer: &str, from: (f64, f64), to: (f64, f64)) -> Result<(), String> {
        let mv = |x: f64, y: f64, ms: u64| json!({"type": "pointerMove", "duration": ms, "origin": "viewport", "x": x.round() as i64, "y": y.round() as i64});
        self.browser.pointer(
            pointer,
            vec![
                mv(from.0, from.1, 0),
                json!({"type": "pointerDown", "button": 0}),
                mv((from.0 + to.0) / 2.0, to.1, 100),
                mv(to.0, to.1, 100),
                json!({"type": "pointerUp", "button": 0}),
            ],
        )
    }
    fn shot(&self, name: &str) -> Result<(), String> {
        let png = self.browser.screenshot_png()?;
        std::fs::write(self.shots.join(name), png).map_err(|e| e.to_string())
    }
    fn metrics(&self, width: u32, height: u32, dpr: f64, mobile: bool) -> Result<(), String> {
        self.browser
            .cdp("Emulation.setDeviceMetricsOverride", json!({"width": width, "height": height, "deviceScaleFactor": dpr, "mobile": mobile}))
            .map(|_| ())
    }
}

fn loads_and_draws(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let v = c.js("return [!!document.getElementById('boot'), document.querySelector('h1').textContent, document.querySelector('.source').textContent, document.querySelector('.chart canvas').getAttribute('aria-label')]")?;
    if v[0] != json!(false) {
        return Err("the loading indicator is still there".into());
    }
    if !v[1].as_str().unwrap_or("").contains("Is AI eating crypto") {
        return Err(format!("title: {}", v[1]));
    }
    if !v[2].as_str().unwrap_or("").contains("Stooq") || !v[2].as_str().unwrap_or("").contains("adjusted") {
        return Err(format!("the source line must name the source and the caveat: {}", v[2]));
    }
    let label = v[3].as_str().unwrap_or("");
    let first = c.long(c.dates[c.start0])?;
    if !label.contains(&first) || !label.contains("Oracle") || !label.contains("$") {
        return Err(format!("the canvas's text alternative should describe the data from {first}: {label}"));
    }
    c.no_errors()
}

fn keyboard_moves_the_end_handle_and_redraws(c: &Ctx) -> Result<(), String> {
    c.open(YEAR)?;
    let (n, end0) = (c.dates.len(), c.end0);
    let big = (n / 10).max(1);
    let end = c.handle("end")?;
    c.expect_at(&end, end0)?;
    let full = c.fingerprint()?;
    c.browser.send_keys(&end, keys::LEFT)?;
    c.expect_at(&end, end0 - 1)?;
    c.wait_changed(&full)?;
    c.browser.send_keys(&end, keys::PAGE_DOWN)?;
    c.expect_at(&end, end0 - 1 - big)?;
    let shorter = c.wait_changed(&full)?;
    c.browser.send_keys(&end, keys::UP)?;
    c.expect_at(&end, end0 - big)?;
    c.browser.send_keys(&end, keys::PAGE_UP)?;
    c.expect_at(&end, end0)?;
    // Back to the same window: the same picture as at first.
    c.browser.wait_for("the full-year picture", &format!("return (function(){{{FINGERPRINT}}})()==={full:?}"), Duration::from_secs(5))?;
    if shorter == full {
        return Err("a shorter window drew the same picture".into());
    }
    c.browser.send_keys(&end, keys::END)?;
    c.expect_at(&end, n - 1)?;
    c.browser.send_keys(&end, keys::RIGHT)?;
    c.expect_at(&end, n - 1)?;
    c.browser.send_keys(&end, keys::DOWN)?;
    c.expect_at(&end, n - 2)?;
    let start = c.handle("start")?;
    c.browser.send_keys(&start, keys::END)?;
    c.expect_at(&start, n - 2)?;
    c.browser.send_keys(&start, keys::HOME)?;
    c.expect_at(&start, 0)?;
    c.no_errors()
}

fn the_start_never_passes_the_end(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let (start, end) = (c.handle("start")?, c.handle("end")?);
    let big = (c.dates.len() / 10).max(1);
    let s0 = c.start0;
    c.browser.send_keys(&end, keys::HOME)?;
    c.expect_at(&end, s0)?;
    // A one-day window still draws something (a dot and its value).
    c.browser.wait_for("a one-day picture", &format!("return (function(){{{INK}}})()>500"), Duration::from_secs(5))?;
    c.browser.send_keys(&end, &keys::PAGE_UP.repeat(2))?;
    c.expect_at(&end, s0 + 2 * big)?;
    c.browser.send_keys(&start, keys::END)?;
    c.expect_at(&start, s0 + 2 * big)?;
    c.browser.send_keys(&start, &format!("{}{}{}", keys::PAGE_UP, keys::RIGHT, keys::UP))?;
    c.expect_at(&start, s0 + 2 * big)?;
    c.browser.send_keys(&end, keys::HOME)?;
    c.expect_at(&end, s0 + 2 * big)?;
    // By pointer: drag the start handle past the end.
    c.browser.send_keys(&start, keys::HOME)?;
    let (sx, sy, _, _) = c.centre("[data-handle=start]")?;
    let (_, _, left, width) = c.centre(".track")?;
    c.drag("mouse", (sx, sy), (left + width - 2.0, sy))?;
    let (s, e) = (c.now(&start)?, c.now(&end)?);
    if s != e || s != s0 + 2 * big {
        return Err(format!("dragging the start past the end left start={s}, end={e}"));
    }
    c.no_errors()
}

fn pointer_and_touch_drags_move_the_window(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let full = c.fingerprint()?;
    let (ex, ey, _, _) = c.centre("[data-handle=end]")?;
    let (_, _, left, width) = c.centre(".track")?;
    // The track is calendar time: a point along it is a date.
    c.drag("mouse", (ex, ey), (left + width * 0.9, ey))?;
    let end = c.now(&c.handle("end")?)?;
    let want = c.timeline.index_at_fraction(0.9);
    if end.abs_diff(want) > 3 {
        return Err(format!("a mouse drag to 90% put the end at {end}, expected about {want}"));
    }
    c.wait_changed(&full)?;
    let (sx, sy, _, _) = c.centre("[data-handle=start]")?;
    c.drag("touch", (sx, sy), (left + width * 0.8, sy))?;
    let start = c.now(&c.handle("start")?)?;
    let want = c.timeline.index_at_fraction(0.8);
    if start.abs_diff(want) > 3 {
        return Err(format!("a touch drag to 80% put the start at {start}, expected about {want}"));
    }
    // A press on the bare track moves the nearer handle there.
    c.drag("mouse", (left + width * 0.05, ey), (left + width * 0.05, ey))?;
    let start2 = c.now(&c.handle("start")?)?;
    if start2 >= start {
        return Err(format!("a press near the left end of the track should move the start back (was {start}, now {start2})"));
    }
    c.no_errors()
}

fn sharp_on_high_dpi_and_follows_resizes(c: &Ctx) -> Result<(), String> {
    let backing = "const c=document.querySelector('.chart canvas');const r=c.getBoundingClientRect();\
        return [c.width,c.height,r.width,r.height,window.devicePixelRatio,document.documentElement.scrollWidth,document.documentElement.clientWidth];";
    let check = |label: &str| -> Result<(), String> {
        let want = c.browser.wait_for(
            "the backing store to match",
            "const c=document.querySelector('.chart canvas');const r=c.getBoundingClientRect();const d=window.devicePixelRatio;\
             return c.width===Math.round(r.width*d)&&c.height===Math.round(r.height*d)&&r.width>0;",
            Duration::from_secs(5),
        );
        let v = c.js(backing)?;
        want.map_err(|e| format!("{label}: {e}: {v}"))?;
        if v[5].as_f64() > v[6].as_f64() {
            return Err(format!("{label}: the page scrolls sideways: {v}"));
        }
        Ok(())
    };
    c.metrics(1280, 900, 2.0, false)?;
    c.open("")?;
    check("1280 px at 2×")?;
    let before = c.fingerprint()?;
    c.metrics(360, 740, 3.0, true)?;
    check("360 px at 3×")?;
    c.wait_changed(&before)?;
    c.browser.wait_for("ink at 360 px", &format!("return (function(){{{INK}}})()>2000"), Duration::from_secs(5))?;
    c.metrics(320, 640, 1.0, true)?;
    check("320 px at 1×")?;
    c.browser.cdp("Emulation.clearDeviceMetricsOverride", json!({}))?;
    c.no_errors()
}

fn says_so_when_the_wasm_cannot_start(c: &Ctx) -> Result<(), String> {
    c.browser.goto(&c.broken.url(""))?;
    let msg = c.browser.wait_for(
        "the failure message",
        "const b=document.getElementById('boot');return b&&b.getAttribute('role')==='alert'&&b.textContent.includes('could not start')?b.textContent:null;",
        Duration::from_secs(20),
    )?;
    if !msg.as_str().unwrap_or("").contains("Reload") {
        return Err(format!("the message should say what to do: {msg}"));
    }
    Ok(())
}

/// What a reader sees before the app has started (its Wasm held back, as on a slow network): the
/// story's finding over a picture of its first step, drawn when the site was built, in the reader's
/// language and theme and for the screen's width, and only that one picture fetched; an address that
/// names another view waits for the app instead; then the app takes the page over.
fn the_first_picture_shows_before_the_app(c: &Ctx) -> Result<(), String> {
    const SEEN: &str = r#"
        const shown=[...document.querySelectorAll('.first-view')].filter(e=>e.offsetParent!==null);
        const pics=performance.getEntriesByType('resource').map(e=>e.name.split('/').pop()).filter(n=>n.startsWith('first-'));
        const note=document.getElementById('boot-text');
        if(!note||(shown.length&&!pics.length)) return null;
        const v=shown[0], chart=v&&v.querySelector('.first-chart'), r=chart&&chart.getBoundingClientRect();
        return {views:shown.length, lang:v&&v.lang, title:v&&v.querySelector('h2').textContent, label:chart&&chart.getAttribute('aria-label'),
                w:r?r.width:0, h:r?r.height:0, pics, started:!!window.__appStarted, note:note.textContent};"#;
    let ds = dataset().map_err(|e| format!("{e:?}"))?;
    let title = |id: &str, lang: Lang| ds.story(id).map(|s| s.title.get(lang).to_string()).unwrap_or_default();
    c.wasm_held.store(true, std::sync::atomic::Ordering::SeqCst);
    let result = (|| -> Result<(), String> {
        // A story page at desktop width, light.
        c.browser.goto(&c.held.url("oracle.html"))?;
        let v = c.browser.wait_for("the first picture", SEEN, Duration::from_secs(10))?;
        let want = json!(["first-oracle-en-light-wide.svg"]);
        if v["views"] != json!(1) || v["lang"] != json!("en") || v["title"] != json!(title("oracle", Lang::En)) || v["pics"] != want {
            return Err(format!("the Oracle page should show its English finding and fetch only its wide light picture: {v}"));
        }
        if v["started"] != json!(false) || v["w"].as_f64().unwrap_or(0.0) < 300.0 || v["h"].as_f64().unwrap_or(0.0) < 150.0 {
            return Err(format!("the picture should fill the column before the app starts: {v}"));
        }
        if !v["label"].as_str().unwrap_or("").contains(&title("oracle", Lang::En)) || !v["note"].as_str().unwrap_or("").contains("interactive") {
            return Err(format!("the picture should be named for screen readers, the note say what is still coming: {v}"));
        }
        // Its styles come inside the page: no request for a stylesheet stands between it and the first frame.
        if c.js("return performance.getEntriesByType('resource').filter(e=>/\\.css(\\?|$)/.test(e.name)).map(e=>e.name)")? != json!([]) {
            return Err("the page should carry its stylesheet, not fetch it".into());
        }
        c.shot("first-picture-1280.png")?;
        // The Arabic page of another story, dark, on a phone: its own picture, only that one.
        c.metrics(375, 800, 2.0, true)?;
        c.browser.goto(&c.held.url("miners-ar.html?theme=dark"))?;
        let v = c.browser.wait_for("the Arabic first picture", SEEN, Duration::from_secs(10))?;
        if v["lang"] != json!("ar") || v["title"] != json!(title("miners", Lang::Ar)) || v["pics"] != json!(["first-miners-ar-dark-phone.svg"]) {
            return Err(format!("the Arabic miners page, dark, on a phone, should show its own picture: {v}"));
        }
        if c.js("return document.documentElement.dir")? != json!("rtl") {
            return Err("the Arabic page should be right-to-left before the app starts".into());
        }
        c.shot("first-picture-375-ar-dark.png")?;
        c.browser.cdp("Emulation.clearDeviceMetricsOverride", json!({}))?;
        // An address that names a view waits for the app: no picture of another view, none fetched.
        c.browser.goto(&c.held.url("oracle.html?step=3"))?;
        let v = c.browser.wait_for("the loading note alone", SEEN, Duration::from_secs(10))?;
        if v["views"] != json!(0) || v["pics"] != json!([]) {
            return Err(format!("a page opened on another step should not show the first step's picture: {v}"));
        }
        // The picture's text is the canvas's size (12 px), not plotters' SVG default (size / 1.24).
        let sizes = c.browser.js_async(
            "const done=arguments[arguments.length-1];fetch('first-oracle-en-light-wide.svg').then(r=>r.text()).then(s=>\
             done([...new DOMParser().parseFromString(s,'image/svg+xml').querySelectorAll('text')].map(t=>parseFloat(t.getAttribute('font-size')))));",
            vec![],
        )?;
        text_at_chart_size("the first picture", &sizes)?;
        // The app arrives and takes the page over without moving it: the headline, the step's words
        // and the chart's box stay where the first screen had them (a phone, then a desktop column).
        const PLACES: &str = r#"
            const root=document.getElementById('boot')?[...document.querySelectorAll('.first-view')].find(e=>e.offsetParent!==null):document;
            if(!root) return null;
            const at=s=>{const e=root.querySelector(s);if(!e)return null;const r=e.getBoundingClientRect();return [Math.round(r.top),Math.round(r.left),Math.round(r.width),Math.round(r.height)];};
            const said=s=>{const e=root.querySelector(s);return e?e.textContent.replace(/\s+/g,' ').trim():null;};
            return {headline:at('h2.headline'),words:at('.step-body'),chart:at('.chart'),steps:at('nav.steps'),title:at('.masthead h1'),
                    text:[said('h2.headline'),said('.step-body')]};"#;
        for (width, page) in [(375u32, "oracle.html"), (1280, "miners-ar.html")] {
            c.metrics(width, 900, 2.0, width < 500)?;
            c.wasm_held.store(true, std::sync::atomic::Ordering::SeqCst);
            c.browser.goto(&c.held.url(page))?;
            c.browser.wait_for("the first picture", SEEN, Duration::from_secs(10))?;
            let before = c.js(PLACES)?;
            c.wasm_held.store(false, std::sync::atomic::Ordering::SeqCst);
            app_took_over(c)?;
            let after = c.js(PLACES)?;
            for part in ["title", "headline", "steps", "words", "chart"] {
                let (b, a) = (&before[part], &after[part]);
                let close = b.as_array().zip(a.as_array()).is_some_and(|(b, a)| {
                    b.len() == 4 && a.len() == 4 && b.iter().zip(a).all(|(x, y)| (x.as_f64().unwrap_or(-1e9) - y.as_f64().unwrap_or(1e9)).abs() <= 2.0)
                });
                if !close {
                    return Err(format!("{page} at {width} px: the {part} moved when the app took over: {b} then {a}"));
                }
            }
            // Nor do the words change under the reader's eyes (dates and numbers read alike natively and through Intl).
            if before["text"] != after["text"] || before["text"][1].as_str().is_none_or(|t| t.len() < 40) {
                return Err(format!("{page} at {width} px: the first screen's words should be the app's: {} then {}", before["text"], after["text"]));
            }
        }
        // Where the Wasm comes at once, the first screen is still painted before the app takes the page over
        // (the app lets a frame pass first; the picture's element timing says when it was painted).
        c.browser.cdp("Emulation.clearDeviceMetricsOverride", json!({}))?;
        c.browser.goto(&c.held.url("oracle.html"))?;
        app_took_over(c)?;
        let when = c.browser.js_async(
            "const done=arguments[arguments.length-1];let got=null;new PerformanceObserver(l=>{for(const e of l.getEntries())if(e.identifier==='first-picture')got=e.renderTime||e.loadTime;})\
             .observe({type:'element',buffered:true});setTimeout(()=>{const m=performance.getEntriesByName('liquidity:mounted')[0];done([got,m?m.startTime:null]);},300);",
            vec![],
        )?;
        let (painted, mounted) = (when[0].as_f64(), when[1].as_f64());
        if !matches!((painted, mounted), (Some(p), Some(m)) if p > 0.0 && p <= m) {
            return Err(format!("the first screen should be painted before the app mounts (painted, mounted ms): {when}"));
        }
        c.no_errors()
    })();
    c.wasm_held.store(false, std::sync::atomic::Ordering::SeqCst);
    let _ = c.browser.cdp("Emulation.clearDeviceMetricsOverride", json!({}));
    result
}

/// Waits until the app has replaced the first screen and drawn its chart.
fn app_took_over(c: &Ctx) -> Result<(), String> {
    c.browser.wait_for("the app's chart", &format!("return !document.getElementById('boot')&&(function(){{{INK}}})()>2000"), Duration::from_secs(20))?;
    Ok(())
}

/// A chart drawn to SVG carries its text at the canvas's size, 12 px or more (plotters' SVG backend writes
/// sizes / 1.24 unless corrected): `sizes` are its `<text>` elements' font sizes.
fn text_at_chart_size(what: &str, sizes: &Value) -> Result<(), String> {
    let sizes: Vec<f64> = sizes.as_array().into_iter().flatten().filter_map(|v| v.as_f64()).collect();
    if sizes.is_empty() || sizes.iter().any(|s| *s < 11.99) {
        return Err(format!("{what}'s text should be 12 px or more: {sizes:?}"));
    }
    Ok(())
}

fn text_of(c: &Ctx, css: &str) -> Result<String, String> {
    Ok(c.js(&format!("const e=document.querySelector({css:?});return e?e.textContent:''"))?.as_str().unwrap_or_default().to_string())
}

fn loads_a_dataset_by_url_then_refuses_a_broken_one(c: &Ctx) -> Result<(), String> {
    c.open("?data=example-dataset.json")?;
    c.browser.wait_for(
        "the example dataset",
        "const e=document.querySelector('[data-testid=dataset-name]');return e&&e.textContent.includes('A small example')&&e.textContent.includes('example-dataset.json');",
        Duration::from_secs(10),
    )?;
    // Its one story and its series, drawn: three September closes.
    let label = c.js("return document.querySelector('.chart canvas').getAttribute('aria-label')")?;
    let (d9, d11) = (c.long(Date::parse_iso("2025-09-09").unwrap())?, c.long(Date::parse_iso("2025-09-11").unwrap())?);
    if !label.as_str().unwrap_or("").contains(&format!("from {d9} to {d11}")) {
        return Err(format!("the chart should describe the example's three days: {label}"));
    }
    c.browser.wait_for("the example chart", &format!("return (function(){{{INK}}})()>2000"), Duration::from_secs(5))?;
    let before = c.fingerprint()?;
    // Now a broken file through the form: every problem listed, the chart kept.
    c.js("document.querySelector('details.load').open=true")?;
    let input = c.browser.find("#data-url")?;
    c.browser.send_keys(&input, "broken.json\u{E007}")?;
    let problems = c.browser.wait_for(
        "the problems",
        "const p=document.querySelector('[data-testid=problems]');return p?Array.from(p.querySelectorAll('li')).map(l=>l.textContent):null;",
        Duration::from_secs(10),
    )?;
    let expected = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/bad/bad-points.expected")).unwrap();
    let expected: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
    let got: Vec<&str> = problems.as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
    if got != expected {
        return Err(format!("problems shown: {got:?}, expected {expected:?}"));
    }
    if !text_of(c, "[data-testid=dataset-name]")?.contains("A small example") {
        return Err("the dataset on show changed after a failed load".into());
    }
    if c.fingerprint()? != before {
        return Err("the chart changed after a failed load".into());
    }
    // The messages come in the reader's language.
    c.browser.goto(&c.app.url("?lang=ar&data=broken.json"))?;
    let ar = c.browser.wait_for(
        "Arabic problems",
        "const p=document.querySelector('[data-testid=problems] ul');return p&&p.getAttribute('dir')==='rtl'?p.textContent:null;",
        Duration::from_secs(10),
    )?;
    if !ar.as_str().unwrap_or("").contains("مكرر") {
        return Err(format!("expected the Arabic messages: {ar}"));
    }
    c.open("?data=example-dataset.json")?;
    c.js("document.querySelector('details.load').open=true")?;
    let input = c.browser.find("#data-url")?;
    // A URL that is not there: a clear message too.
    // Select all (Control+A), delete, type the new address, Enter.
    c.browser.send_keys(&input, "\u{E009}a\u{E000}\u{E017}missing.json\u{E007}")?;
    c.browser.wait_for(
        "the 404 message",
        "const p=document.querySelector('[data-testid=problems]');return p&&p.textContent.includes('404');",
        Duration::from_secs(10),
    )?;
    c.no_errors()
}

fn loads_a_csv_from_a_file(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let before = c.fingerprint()?;
    // Newest first and semicolon-separated with decimal commas, as some sites export.
    pick_file(c, "my-prices.csv", "Date;Close;Volume\n2025-03-05;12,5;1000\n2025-03-04;11,25;900\n2025-03-03;10;\n")?;
    let options = c.js("return Array.from(document.querySelectorAll('#series-select option')).map(o=>o.textContent)")?;
    if options != json!(["Close", "Volume"]) {
        return Err(format!("one series per numeric column expected, got {options}"));
    }
    let label = c.js("return document.querySelector('.chart canvas').getAttribute('aria-label')")?;
    if !label.as_str().unwrap_or("").contains("from 3 Mar 2025 to 5 Mar 2025. Close: 10 on 3 Mar 2025, 12.5 on 5 Mar 2025") {
        return Err(format!("the CSV's values, sorted by date: {label}"));
    }
    c.wait_changed(&before)?;
    // Dropping a file on the page works the same way.
    c.js("const dt=new DataTransfer();dt.items.add(new File(['Date,Price\\n2025-01-02,1\\n2025-01-03,2\\n'],'dropped.csv',{type:'text/csv'}));\
          document.body.dispatchEvent(new DragEvent('drop',{dataTransfer:dt,bubbles:true,cancelable:true}));")?;
    c.browser.wait_for(
        "the dropped file",
        "const e=document.querySelector('[data-testid=dataset-name]');return e&&e.textContent.includes('dropped.csv');",
        Duration::from_secs(10),
    )?;
    // And back.
    c.browser.find(".dataset-bar .reset").and_then(|b| c.browser.click(&b))?;
    c.browser.wait_for(
        "the bundled data",
        "return document.querySelector('[data-testid=dataset-name]').textContent.includes('comes with this page')",
        Duration::from_secs(5),
    )?;
    c.no_errors()
}

fn sources_view_lists_sources_and_disagreements(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let v = c.js("return [document.querySelectorAll('.source-list li').length, document.querySelector('.source-list').textContent, document.querySelector('.conflicts').textContent]")?;
    let n = v[0].as_u64().unwrap_or(0);
    let list = v[1].as_str().unwrap_or("");
    let conflicts = v[2].as_str().unwrap_or("");
    if n < 5 || !list.contains("primary source") || !list.contains("Stooq") {
        return Err(format!("{n} sources: {list}"));
    }
    if !(conflicts.contains("$946bn") && conflicts.contains("$920bn") && conflicts.contains("disagree")) {
        return Err(format!("Oracle's market-value conflict should show both values: {conflicts}"));
    }
    // Moving the window changes no source and no event in it, so none of the page's markup for them is
    // touched: the sources, the disagreements, the lines' "data as of", the events and why a control is off
    // (a screen reader's place in them is kept while the chart moves or plays; a step costs what the chart costs).
    c.js(
        "window.__redone={};window.__watch=new MutationObserver(ms=>ms.forEach(m=>{const a=m.target.closest?m.target.closest('[data-watch]'):m.target.parentElement.closest('[data-watch]');if(a)window.__redone[a.dataset.watch]=(window.__redone[a.dataset.watch]||0)+1;}));\
         for(const [k,sel] of [['sources','.source-list'],['disagreements','.conflicts'],['data as of','[data-testid=data-as-of]'],['events','.events'],['why a control is off','[data-testid=blocked]']]){const e=document.querySelector(sel);e.dataset.watch=k;window.__watch.observe(e,{subtree:true,attributes:true,childList:true,characterData:true});}",
    )?;
    let start = c.handle("start")?;
    let before = c.now(&start)?;
    for _ in 0..3 {
        c.browser.send_keys(&start, keys::RIGHT)?;
    }
    c.browser.wait_for(
        "the window to move",
        &format!("return +document.querySelector('[data-handle=start]').getAttribute('aria-valuenow')>{before}"),
        Duration::from_secs(5),
    )?;
    let redone = c.js("return new Promise(r=>requestAnimationFrame(()=>requestAnimationFrame(()=>{window.__watch.disconnect();r(window.__redone);})))")?;
    if redone != json!({}) {
        return Err(format!("moving the window should redo none of these (changes seen): {redone}"));
    }
    // Another story brings its own sources and conflicts.
    c.browser.find("[data-story=cursor]").and_then(|b| c.browser.click(&b))?;
    c.browser.wait_for(
        "Cursor's conflict",
        "const t=document.querySelector('.conflicts').textContent;return t.includes('$2.6bn')&&t.includes('$2.5bn');",
        Duration::from_secs(5),
    )?;
    if !text_of(c, ".source-list")?.contains("weak source") {
        return Err("Cursor's sources include weak ones, labelled so".into());
    }
    c.no_errors()
}

fn click_story(c: &Ctx, story: &str) -> Result<(), String> {
    c.browser.find(&format!("[data-story={story}]")).and_then(|b| c.browser.click(&b))?;
    c.browser.wait_for(
        "the story",
        &format!("return document.querySelector('[data-story={story}]').getAttribute('aria-pressed')==='true'"),
        Duration::from_secs(5),
    )?;
    Ok(())
}

/// Switches a comparison on (if it is not already).
fn switch_on(c: &Ctx, id: &str) -> Result<(), String> {
    let css = format!("[data-series={id}]");
    if c.js(&format!("return document.querySelector({css:?}).getAttribute('aria-checked')"))? != json!("true") {
        click(c, &css)?;
    }
    Ok(())
}

/// The window the page opens on: the first story's first step, snapped to the timeline.
fn first_step_window(c: &Ctx) -> (Date, Date) {
    let ds = dataset().unwrap();
    let st = &ds.stories[0];
    let (a, b) = story::step_spec(&ds, st, &st.steps[0]).window;
    c.timeline.dates(c.timeline.window_for(a, b)).unwrap_or((a, b))
}

fn click(c: &Ctx, css: &str) -> Result<(), String> {
    c.js(&format!("document.querySelector({css:?}).scrollIntoView({{block:'center'}})"))?;
    c.browser.find(css).and_then(|b| c.browser.click(&b))
}

/// Viewport coordinates of a date on the chart's time axis (at mid-height).
fn chart_point(c: &Ctx, date: &str) -> Result<(f64, f64), String> {
    let days = Date::parse_iso(date).map_err(|e| e.0)?.days() as f64;
    let v = c.js(&format!(
        "const c=document.querySelector('.chart canvas');c.scrollIntoView({{block:'center'}});const r=c.getBoundingClientRect();\
         const p=c.dataset.plot.split(',').map(Number),d=c.dataset.domain.split(',').map(Number);\
         return [r.left+p[0]+({days}-d[0])/(d[1]-d[0])*(p[2]-p[0]), r.top+(p[1]+p[3])/2];"
    ))?;
    Ok((v[0].as_f64().unwrap_or(0.0), v[1].as_f64().unwrap_or(0.0)))
}

fn every_story_draws_and_its_controls_change_the_picture(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    for story in ["oracle", "cursor", "funding", "tokens", "miners", "overview"] {
        click_story(c, story)?;
        // A view with no data in the window says so and offers to jump to its data.
        let empty = c.js("return !!document.querySelector('.empty-note')")?;
        if empty == json!(true) {
            click(c, ".empty-note .jump")?;
        }
        c.browser
            .wait_for(&format!("{story} to draw"), &format!("return (function(){{{INK}}})()>1500"), Duration::from_secs(5))
            .map_err(|e| format!("{story}: {e}"))?;
        // Each comparison switch changes the picture, reports its state, and switches back.
        let n = c.js("return document.querySelectorAll('.toggle').length")?.as_u64().unwrap_or(0);
        for i in 1..=n {
            let css = format!(".toggle:nth-child({i})");
            let before = c.fingerprint()?;
            let was = c.js(&format!("return document.querySelector({css:?}).getAttribute('aria-checked')"))?;
            click(c, &css)?;
            let now = c.js(&format!("return document.querySelector({css:?}).getAttribute('aria-checked')"))?;
            if was == now {
                return Err(format!("{story}: switch {i} does not report its state"));
            }
            // A comparison with no data in the window changes nothing, and says so.
            let name = c.js(&format!("return document.querySelector({css:?}).getAttribute('aria-label')"))?;
            let note = text_of(c, ".mode-note")?;
            let silent = now == json!("true") && note.contains("No data in this period for:") && note.contains(name.as_str().unwrap_or("?"));
            if !silent {
                c.wait_changed(&before).map_err(|e| format!("{story}, switch {i}: {e}"))?;
            }
            click(c, &css)?;
        }
        for mode in ["percent", "drawdown", "indexed", "absolute"] {
            let now = c.fingerprint()?;
            let was = c.js(&format!("return document.querySelector('[data-mode={mode}]').getAttribute('aria-pressed')"))?;
            // A mode that does not apply (drawdown for bars) is off, says why, and changes nothing.
            if c.js(&format!("return document.querySelector('[data-mode={mode}]').getAttribute('aria-disabled')"))? == json!("true") {
                click(c, &format!("[data-mode={mode}]"))?;
                std::thread::sleep(Duration::from_millis(150));
                if c.fingerprint()? != now {
                    return Err(format!("{story}: the disabled mode {mode} changed the chart"));
                }
                continue;
            }
            click(c, &format!("[data-mode={mode}]"))?;
            // Series in different units can't share a value axis: the view stays indexed and says why.
            let forced = mode == "absolute" && text_of(c, ".mode-note")?.contains("different units");
            if was != json!("true") && !forced {
                c.wait_changed(&now).map_err(|e| format!("{story}, mode {mode}: {e}"))?;
            }
        }
        let note = text_of(c, ".mode-note")?;
        let _ = note;
    }
    // Indexed says what 100 is.
    click_story(c, "overview")?;
    let note = text_of(c, ".mode-note")?;
    if !note.contains("100 = each series' first value on or after") {
        return Err(format!("the overview is indexed and must say to what: {note}"));
    }
    // Log scale changes the picture of a price.
    click_story(c, "oracle")?;
    click(c, "[data-mode=absolute]")?;
    let before = c.fingerprint()?;
    click(c, ".log")?;
    c.wait_changed(&before)?;
    click(c, ".log")?;
    c.no_errors()
}

fn the_crosshair_reads_known_values(c: &Ctx) -> Result<(), String> {
    c.open(YEAR)?;
    // The 10 Sep event puts the crosshair on that day: Oracle's close.
    click(c, "[data-event=orcl-openai-deal]")?;
    let r = c.browser.wait_for(
        "the readout",
        "const r=document.querySelector('#readout');return r.querySelector('.cursor-date')?r.textContent:null;",
        Duration::from_secs(5),
    )?;
    let r = r.as_str().unwrap_or("");
    if !(r.contains(&c.long(Date::parse_iso("2025-09-10").unwrap())?) && r.contains("$324.63")) {
        return Err(format!("readout on 10 Sep: {r}"));
    }
    if !text_of(c, "[data-testid=event-detail]")?.contains("Gene Munster") {
        return Err("the event's text and source should open".into());
    }
    // The keyboard moves it: the next trading day.
    let canvas = c.browser.find(".chart canvas")?;
    c.browser.send_keys(&canvas, keys::RIGHT)?;
    let d11 = c.long(Date::parse_iso("2025-09-11").unwrap())?;
    c.browser.wait_for("11 Sep", &format!("return document.querySelector('.cursor-date').textContent==={d11:?}"), Duration::from_secs(5))?;
    // A stock on a weekend reads its last close, labelled with that close's date.
    click_story(c, "miners")?;
    switch_on(c, "BTC")?;
    click(c, "[data-event=iren-msft]")?;
    let canvas = c.browser.find(".chart canvas")?;
    c.browser.send_keys(&canvas, keys::LEFT)?;
    let nov2 = c.long(Date::parse_iso("2025-11-02").unwrap())?;
    let oct31 = c.long(Date::parse_iso("2025-10-31").unwrap())?;
    let r = c.browser.wait_for(
        "Sunday 2 Nov",
        &format!("const r=document.querySelector('#readout');return r.textContent.includes({nov2:?})?r.textContent:null;"),
        Duration::from_secs(5),
    )?;
    let r = r.as_str().unwrap_or("");
    if !r.contains(&format!("last value before, on {oct31}")) {
        return Err(format!("IREN on a Sunday should read Friday's close, dated: {r}"));
    }
    // The pointer moves it too.
    let (x, y) = chart_point(c, "2025-06-16")?;
    c.browser.pointer("mouse", vec![json!({"type": "pointerMove", "duration": 0, "origin": "viewport", "x": x.round() as i64, "y": y.round() as i64})])?;
    c.browser.wait_for(
        "the pointer's date",
        "const d=document.querySelector('.cursor-date');return d&&/1[4-8] June? 2025/.test(d.textContent);",
        Duration::from_secs(5),
    )?;
    // Escape clears it.
    let canvas = c.browser.find(".chart canvas")?;
    c.browser.send_keys(&canvas, "\u{E00C}")?;
    c.browser.wait_for("no readout", "return !document.querySelector('.cursor-date')", Duration::from_secs(5))?;
    c.no_errors()
}

fn clicking_an_event_on_the_chart_opens_it(c: &Ctx) -> Result<(), String> {
    c.open(YEAR)?;
    let (x, y) = chart_point(c, "2025-11-07")?;
    c.browser.pointer(
        "mouse",
        vec![
            json!({"type": "pointerMove", "duration": 0, "origin": "viewport", "x": x.round() as i64, "y": y.round() as i64}),
            json!({"type": "pointerDown", "button": 0}),
            json!({"type": "pointerUp", "button": 0}),
        ],
    )?;
    let t =
        c.browser.wait_for("the event", "const e=document.querySelector('[data-testid=event-detail]');return e?e.textContent:null;", Duration::from_secs(5))?;
    if !t.as_str().unwrap_or("").contains("Barron's") {
        return Err(format!("the 7 Nov event should open with its source: {t}"));
    }
    c.no_errors()
}

fn the_timeline_is_linked_across_views(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let end = c.handle("end")?;
    c.browser.send_keys(&end, keys::PAGE_DOWN)?;
    let text = c.browser.attr(&end, "aria-valuetext")?;
    click_story(c, "tokens")?;
    let end = c.handle("end")?;
    let now = c.browser.attr(&end, "aria-valuetext")?;
    if now != text {
        return Err(format!("the window should follow into the next view: {text} then {now}"));
    }
    let label = c.js("return document.querySelector('.chart canvas').getAttribute('aria-label')")?;
    if !label.as_str().unwrap_or("").contains(&format!("to {text}")) {
        return Err(format!("the tokens chart should end on {text}: {label}"));
    }
    // The legend shows each series as the chart draws it: the quotes from reports as dots, TAO as a line
    // (the third step, where the quotes are a comparison).
    c.open("?story=tokens&step=3")?;
    let kinds = c.js(
        "const k=s=>{const e=document.querySelector('.toggle[data-series=\"'+s+'\"] .swatch');return e?[...e.children].map(x=>x.tagName).join(','):null;};\
         return [k('FET_ANCHORS'),k('TAO')];",
    )?;
    if kinds != json!(["circle,circle,circle", "line"]) {
        return Err(format!("the switches' samples should be dots for the quotes and a line for TAO: {kinds}"));
    }
    c.no_errors()
}

fn play_runs_and_stops(c: &Ctx) -> Result<(), String> {
    c.open(YEAR)?;
    click(c, ".play")?;
    c.browser.wait_for("playing", "return document.querySelector('.play').getAttribute('aria-pressed')==='true'", Duration::from_secs(2))?;
    let first = c.browser.wait_for("the cursor", "const d=document.querySelector('.cursor-date');return d?d.textContent:null;", Duration::from_secs(3))?;
    c.browser.wait_for("play to finish", "return document.querySelector('.play').getAttribute('aria-pressed')==='false'", Duration::from_secs(8))?;
    let last = text_of(c, ".cursor-date")?;
    let want = c.long(c.dates[c.end0])?;
    if last != want || json!(last) == first {
        return Err(format!("play should walk from the start ({first}) to the window's end ({want}), ended on {last}"));
    }
    // Pause stops it midway.
    click(c, ".play")?;
    std::thread::sleep(Duration::from_millis(600));
    click(c, ".play")?;
    let paused = text_of(c, ".cursor-date")?;
    std::thread::sleep(Duration::from_millis(400));
    if text_of(c, ".cursor-date")? != paused {
        return Err("pause should stop the crosshair".into());
    }
    // Readers who ask for reduced motion get no animation.
    c.browser.cdp("Emulation.setEmulatedMedia", json!({"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]}))?;
    c.open(YEAR)?;
    click(c, ".play")?;
    let d = text_of(c, ".cursor-date")?;
    let pressed = c.js("return document.querySelector('.play').getAttribute('aria-pressed')")?;
    c.browser.cdp("Emulation.setEmulatedMedia", json!({"features": []}))?;
    if d != want || pressed != json!("false") {
        return Err(format!("with reduced motion, play goes straight to the end: {d}, pressed {pressed}"));
    }
    c.no_errors()
}

fn the_table_shows_what_the_chart_shows(c: &Ctx) -> Result<(), String> {
    c.open(YEAR)?;
    click(c, ".table-toggle")?;
    let v = c.browser.wait_for("the table", "const t=document.querySelector('table.data');return t?[t.tBodies[0].rows.length, t.tBodies[0].rows[0].cells[1].textContent, t.tHead.rows[0].cells.length]:null;", Duration::from_secs(5))?;
    let ds = dataset().unwrap();
    let orcl = &ds.series("ORCL").unwrap().series;
    let (from, to) = (c.dates[c.start0], c.dates[c.end0]);
    let want = orcl.between(from, to);
    // A page of 200 rows, then the rest: every row reachable, never all of a big view at once.
    let page = want.len().min(200);
    if v[0] != json!(page) || v[1] != json!(format!("${:.2}", want[0].value)) || v[2] != json!(2) {
        return Err(format!("table {v}, expected {page} rows starting ${:.2}", want[0].value));
    }
    if !text_of(c, "[data-testid=rows]")?.contains(&format!("rows 1–{page} of {}", want.len())) {
        return Err(format!("the table says which rows it shows: {}", text_of(c, "[data-testid=rows]")?));
    }
    click(c, ".page-next")?;
    c.browser.wait_for(
        "the next page",
        &format!("const t=document.querySelector('table.data');return t&&t.tBodies[0].rows.length==={};", want.len() - page),
        Duration::from_secs(5),
    )?;
    click(c, ".page-prev")?;
    // A comparison adds a column; a mode changes the cells.
    click(c, "[data-series=QQQ]")?;
    click(c, "[data-mode=indexed]")?;
    let v = c.browser.wait_for(
        "the indexed table",
        "const t=document.querySelector('table.data');return t.tHead.rows[0].cells.length===3?t.tBodies[0].rows[0].cells[1].textContent:null;",
        Duration::from_secs(5),
    )?;
    if v != json!("100.0") {
        return Err(format!("indexed, the first row reads 100: {v}"));
    }
    c.no_errors()
}

fn the_miners_deals_sort_and_say_not_disclosed(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    click_story(c, "miners")?;
    let t = text_of(c, "[data-testid=deals]")?;
    if !t.contains("not disclosed") || !t.contains("Microsoft") {
        return Err(format!("deals table: {t}"));
    }
    let first = |c: &Ctx| -> Result<String, String> {
        Ok(c.js("return document.querySelector('[data-testid=deals] tbody tr').textContent")?.as_str().unwrap_or("").to_string())
    };
    click(c, "[data-testid=deals] thead th:nth-child(3) button")?;
    let low = first(c)?;
    click(c, "[data-testid=deals] thead th:nth-child(3) button")?;
    let high = first(c)?;
    if !low.starts_with("Bitfarms") || !high.starts_with("IREN") {
        return Err(format!("sorted by value: ascending starts {low}, descending starts {high}"));
    }
    c.no_errors()
}

fn the_overview_answers_the_faq_with_links(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    click_story(c, "overview")?;
    let faq = text_of(c, ".faq")?;
    if !faq.contains("bitcoin mining") {
        return Err(format!("FAQ: {faq}"));
    }
    click(c, ".faq button:nth-of-type(1)")?;
    let pressed = c.js("return Array.from(document.querySelectorAll('.story-tab[aria-pressed=true]')).map(b=>b.dataset.story)")?;
    if pressed != json!(["oracle"]) {
        return Err(format!("the first answer links to Oracle: {pressed}"));
    }
    c.no_errors()
}

fn has_arabic(s: &str) -> bool {
    s.chars().any(|ch| ('\u{0600}'..='\u{06FF}').contains(&ch))
}

fn the_arabic_page_is_right_to_left_and_in_arabic(c: &Ctx) -> Result<(), String> {
    c.open("?lang=ar")?;
    let v = c.js("const h=document.documentElement;return [h.lang,h.dir,document.querySelector('h1').textContent,document.title,\
        document.querySelector('.scrubber').getAttribute('dir'),document.querySelector('.chart canvas').getAttribute('dir'),\
        document.querySelector('.chart canvas').getAttribute('aria-label'),document.querySelector('[data-handle=end]').getAttribute('aria-valuetext'),\
        document.body.innerText]")?;
    let at = |i: usize| v[i].as_str().unwrap_or("").to_string();
    if at(0) != "ar" || at(1) != "rtl" {
        return Err(format!("lang/dir: {} {}", at(0), at(1)));
    }
    for (i, what) in [(2, "title"), (3, "document title"), (6, "chart description"), (7, "end date")] {
        if !has_arabic(&at(i)) {
            return Err(format!("the {what} should be Arabic: {}", at(i)));
        }
    }
    if at(4) != "ltr" || at(5) != "ltr" {
        return Err("time runs left to right on the chart and the scrubber in Arabic too".into());
    }
    // The end date reads as the browser writes it in Arabic, with Western digits.
    let want = c.long_in(first_step_window(c).1, "ar-u-nu-latn")?;
    if at(7) != want {
        return Err(format!("end date {} vs Intl {want}", at(7)));
    }
    if at(8).chars().any(|ch| ('\u{0660}'..='\u{0669}').contains(&ch)) {
        return Err("the page should use Western digits throughout (ar-u-nu-latn)".into());
    }
    // Interface strings come from the Arabic table: no English control label is left.
    let labels = c.js("return Array.from(document.querySelectorAll('.modes button, .story-tab, .dataset-bar summary, #sources-h')).map(b=>b.textContent)")?;
    for l in labels.as_array().into_iter().flatten() {
        if !has_arabic(l.as_str().unwrap_or("")) {
            return Err(format!("an English label in the Arabic interface: {l}"));
        }
    }
    // Phones: no sideways scrolling in Arabic either.
    c.metrics(320, 640, 2.0, true)?;
    let wide = c.browser.wait_for(
        "the phone layout",
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
        Duration::from_secs(5),
    )?;
    if wide[0].as_f64() > wide[1].as_f64() {
        return Err(format!("the Arabic page scrolls sideways at 320 px: {wide}"));
    }
    c.browser.cdp("Emulation.clearDeviceMetricsOverride", json!({}))?;
    // The crosshair reads in Arabic too: the deal day's step puts it on 10 Sep.
    // The readout says nothing in passing while the window glides there: once it
    // names 10 Sep it reads that day's close (not the last one before it).
    click(c, ".step-next")?;
    let r = c.browser.wait_for(
        "the readout on 10 Sep",
        "const d=document.querySelector('.cursor-date');return d&&d.textContent.startsWith('10 ')?document.querySelector('#readout').textContent:null;",
        Duration::from_secs(5),
    )?;
    if !r.as_str().unwrap_or("").contains("324.63 دولار") {
        return Err(format!("Arabic readout: {r}"));
    }
    // Where the sources disagree, each English name is set apart from the Arabic sentence (an isolate), so
    // "oninvest.com (MarketWatch / The Wall Street Journal)" keeps its brackets in order; likewise the line of
    // sources under the chart.
    let notes = text_of(c, ".step-sources")?;
    if !notes.contains("\u{2068}oninvest.com (MarketWatch / The Wall Street Journal)\u{2069}") {
        return Err(format!("the disagreement's sources, isolated: {notes:?}"));
    }
    let line = text_of(c, ".source")?;
    if !line.contains("\u{2068}Stooq") {
        return Err(format!("the source line's names, isolated: {line:?}"));
    }
    // An English quote among the disagreeing sources opens and closes with English marks, in their places.
    let marks = c.js("const q=document.querySelector('.conflicts q');return q?getComputedStyle(q).quotes:null")?;
    if !marks.as_str().unwrap_or("").starts_with("\"\u{201C}\" \"\u{201D}\"") {
        return Err(format!("the quote's marks on the Arabic page: {marks}"));
    }
    c.no_errors()
}

fn the_language_switch_and_the_address(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    if c.js("return document.documentElement.lang")? != json!("en") {
        return Err("an English browser gets English".into());
    }
    click(c, ".lang-switch")?;
    c.browser.wait_for(
        "Arabic",
        "return document.documentElement.lang==='ar'&&document.documentElement.dir==='rtl'&&location.search.includes('lang=ar')",
        Duration::from_secs(5),
    )?;
    // The address keeps the language: a reload (or a shared link) opens in Arabic.
    let url = c.js("return location.href")?;
    c.browser.goto(url.as_str().unwrap_or(""))?;
    c.browser.wait_for(
        "Arabic after reload",
        "const h=document.querySelector('h1');return document.documentElement.dir==='rtl'&&!!h&&/[\\u0600-\\u06FF]/.test(h.textContent)",
        Duration::from_secs(10),
    )?;
    click(c, ".lang-switch")?;
    c.browser.wait_for("English again", "return document.documentElement.dir==='ltr'&&location.search.includes('lang=en')", Duration::from_secs(5))?;
    // The browser's preference decides when the address says nothing.
    c.browser.cdp("Emulation.setLocaleOverride", json!({"locale": "ar-EG"}))?;
    let r = (|| -> Result<Value, String> {
        c.browser.goto(&c.app.url(""))?;
        c.browser.wait_for("the page", "return !!document.querySelector('h1')", Duration::from_secs(10))?;
        c.js("return [navigator.language, document.documentElement.lang]")
    })();
    c.browser.cdp("Emulation.setLocaleOverride", json!({}))?;
    let r = r?;
    if r[0].as_str().unwrap_or("").starts_with("ar") && r[1] != json!("ar") {
        return Err(format!("an Arabic browser should get Arabic: {r}"));
    }
    c.no_errors()
}

fn dark_mode_follows_the_system_and_can_be_overridden(c: &Ctx) -> Result<(), String> {
    // The canvas' corner pixel: the chart's background.
    let corner = "const c=document.querySelector('.chart canvas');const d=c.getContext('2d').getImageData(1,1,1,1).data;return d[0]+d[1]+d[2];";
    c.browser.cdp("Emulation.setEmulatedMedia", json!({"features": [{"name": "prefers-color-scheme", "value": "dark"}]}))?;
    let r = (|| -> Result<(), String> {
        c.open("")?;
        c.browser.wait_for("a dark page", "return document.documentElement.dataset.theme==='dark'", Duration::from_secs(5))?;
        c.browser.wait_for("a dark chart", &format!("return (function(){{{corner}}})()<150"), Duration::from_secs(5))?;
        // Auto → light → dark → auto.
        click(c, ".theme-switch")?;
        c.browser.wait_for(
            "light",
            "return document.documentElement.dataset.theme==='light'&&location.search.includes('theme=light')",
            Duration::from_secs(5),
        )?;
        c.browser.wait_for("a light chart", &format!("return (function(){{{corner}}})()>700"), Duration::from_secs(5))?;
        click(c, ".theme-switch")?;
        c.browser.wait_for("dark", "return document.documentElement.dataset.theme==='dark'", Duration::from_secs(5))?;
        click(c, ".theme-switch")?;
        c.browser.wait_for("auto", "return document.documentElement.dataset.theme==='dark'&&!location.search.includes('theme=')", Duration::from_secs(5))?;
        Ok(())
    })();
    c.browser.cdp("Emulation.setEmulatedMedia", json!({"features": []}))?;
    r?;
    // ?theme=dark wins over a light system.
    c.open("?theme=dark")?;
    c.browser.wait_for("forced dark", "return document.documentElement.dataset.theme==='dark'", Duration::from_secs(5))?;
    c.no_errors()
}

fn axe_finds_no_accessibility_violations(c: &Ctx) -> Result<(), String> {
    let axe = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/node_modules/axe-core/axe.min.js"))
        .map_err(|e| format!("axe-core is missing ({e}): ./scripts/test.sh installs it"))?;
    let mut failures = Vec::new();
    for (query, name) in
        [("?lang=en&theme=light", "en light"), ("?lang=en&theme=dark", "en dark"), ("?lang=ar&theme=light", "ar light"), ("?lang=ar&theme=dark", "ar dark")]
    {
        c.open(query)?;
        c.js(&format!("if(!window.axe){{{axe}}}"))?;
        for story in ["oracle", "cursor", "funding", "tokens", "miners", "overview"] {
            click_story(c, story)?;
            if c.js("return !!document.querySelector('.empty-note .jump')")? == json!(true) {
                click(c, ".empty-note .jump")?;
            }
            // Open what can be opened: the table, an event, the data form.
            if c.js("return document.querySelector('.table-toggle').getAttribute('aria-checked')")? != json!("true") {
                click(c, ".table-toggle")?;
            }
            if c.js("return !!document.querySelector('.event-open')")? == json!(true) {
                click(c, ".event-open")?;
            }
            c.js("document.querySelector('details.load').open=true")?;
            let r = c.browser.js_async(
                "const done=arguments[arguments.length-1];axe.run(document,{runOnly:{type:'tag',values:['wcag2a','wcag2aa','wcag21a','wcag21aa']}})\
                 .then(r=>done(r.violations.map(v=>v.id+': '+v.nodes.slice(0,3).map(n=>n.target.join(' ')+' '+(n.failureSummary||'').split('\\n').slice(1,2).join('')).join(' | '))))\
                 .catch(e=>done(['axe failed: '+e]));",
                vec![],
            )?;
            for v in r.as_array().into_iter().flatten() {
                failures.push(format!("{name}, {story}: {}", v.as_str().unwrap_or("?")));
            }
        }
    }
    if failures.is_empty() {
        c.no_errors()
    } else {
        Err(failures.join("\n    "))
    }
}

fn every_control_is_reachable_by_keyboard(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    click(c, ".table-toggle")?;
    c.js("document.activeElement.blur();window.scrollTo(0,0)")?;
    let body = c.browser.find("body")?;
    let mut seen: Vec<String> = Vec::new();
    for _ in 0..120 {
        c.browser.send_keys(&body, "\u{E004}")?;
        let d = c.js("const e=document.activeElement;if(!e||e===document.body)return 'body';\
            return (e.dataset.handle?'handle-'+e.dataset.handle:'')||(e.dataset.story?'story':'')||(e.dataset.series?'toggle':'')||(e.dataset.mode?'mode':'')||\
            (e.className&&typeof e.className==='string'?e.className.split(' ')[0]:'')||e.tagName.toLowerCase();")?;
        seen.push(d.as_str().unwrap_or("").to_string());
    }
    for want in [
        "skip",
        "lang-switch",
        "theme-switch",
        "story",
        "select",
        "canvas",
        "handle-start",
        "handle-end",
        "toggle",
        "mode",
        "log",
        "table-toggle",
        "play",
        "event-open",
        "table-wrap",
    ] {
        if !seen.iter().any(|s| s == want) {
            return Err(format!("Tab never reaches {want}: {seen:?}"));
        }
    }
    // No trap: focus keeps moving (never the same element for long).
    let longest = seen.windows(6).filter(|w| w.iter().all(|x| x == &w[0] && x != "story" && x != "toggle" && x != "mode" && x != "event-open")).count();
    if longest > 0 {
        return Err(format!("focus seems stuck: {seen:?}"));
    }
    c.no_errors()
}

fn the_address_restores_the_view(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let history0 = c.js("return history.length")?;
    click_story(c, "miners")?;
    switch_on(c, "BTC")?;
    click(c, "[data-mode=percent]")?;
    let end = c.handle("end")?;
    c.browser.send_keys(&end, &keys::LEFT.repeat(12))?;
    click(c, "[data-event=iren-msft]")?;
    click(c, ".table-toggle")?;
    click(c, ".lang-switch")?;
    // The address follows after a short pause, without new history entries.
    let href = c.browser.wait_for(
        "the address",
        "return location.search.includes('lang=ar')&&location.search.includes('cursor=')?location.href:null",
        Duration::from_secs(5),
    )?;
    let href = href.as_str().unwrap_or("").to_string();
    for part in ["story=miners", "compare=", "BTC", "mode=percent", "time=", "..", "cursor=2025-11-03", "table=1", "lang=ar"] {
        if !href.contains(part) {
            return Err(format!("the address should hold {part}: {href}"));
        }
    }
    if c.js("return history.length")? != history0 {
        return Err("scrubbing and switching must not add history entries".into());
    }
    let state = "return [document.querySelector('.story-tab[aria-pressed=true]').dataset.story, document.querySelector('[data-series=BTC]').getAttribute('aria-checked'),\
        document.querySelector('.mode[aria-pressed=true]').dataset.mode, !!document.querySelector('table.data'), document.documentElement.lang,\
        document.querySelector('.cursor-date')&&document.querySelector('.cursor-date').textContent, document.querySelector('[data-handle=end]').getAttribute('aria-valuetext')]";
    let before = c.js(state)?;
    std::thread::sleep(Duration::from_millis(300));
    let picture = c.fingerprint()?;
    c.browser.goto(&href)?;
    c.browser.wait_for(
        "the restored chart",
        &format!("return (function(){{{INK}}})()>2000&&!!document.querySelector('.cursor-date')"),
        Duration::from_secs(10),
    )?;
    let after = c.js(state)?;
    if before != after {
        return Err(format!("the same view after reload: {before} vs {after}"));
    }
    c.browser
        .wait_for("the same picture", &format!("return (function(){{{FINGERPRINT}}})()==={picture:?}"), Duration::from_secs(5))
        .map_err(|e| format!("the same picture after reload: {e}"))?;
    c.no_errors()
}

fn garbage_in_the_address_is_ignored(c: &Ctx) -> Result<(), String> {
    c.open("?story=%3Cscript%3E&mode=sideways&time=2025-13-01..x&compare=~~%ZZ&cursor=no&lang=xx&theme=neon&embed=maybe&data=&scale=cubic&&=&%%")?;
    let v =
        c.js("return [document.querySelector('.story-tab[aria-pressed=true]').dataset.story, document.documentElement.lang, !!document.querySelector('h1')]")?;
    if v != json!(["oracle", "en", true]) {
        return Err(format!("garbage should leave the default view: {v}"));
    }
    c.no_errors()
}

fn embed_flags_change_the_page(c: &Ctx) -> Result<(), String> {
    c.open("?embed=1&story=cursor")?;
    let v = c.js("return [!!document.querySelector('h1'), !!document.querySelector('.story-tab'), !!document.querySelector('.headline'), !!document.querySelector('.open-full a'), !!document.querySelector('.source'), !!document.querySelector('.dataset-bar')]")?;
    if v != json!([false, false, true, true, true, false]) {
        return Err(format!("embed: no page chrome, the headline, the source and a link out: {v}"));
    }
    c.open("?embed=1&plain=1")?;
    if c.js("return !!document.querySelector('.headline')")? != json!(false) || c.js("return !!document.querySelector('.source')")? != json!(true) {
        return Err("plain: no headline, the source line stays".into());
    }
    c.open("?embed=1&transparent=1")?;
    let v = c.js("const c=document.querySelector('.chart canvas');return [getComputedStyle(document.body).backgroundColor, c.getContext('2d').getImageData(1,1,1,1).data[3]]")?;
    if v != json!(["rgba(0, 0, 0, 0)", 0]) {
        return Err(format!("transparent: page and chart without background: {v}"));
    }
    c.open("?embed=1&dark=true")?;
    c.browser.wait_for("dark", "return document.documentElement.dataset.theme==='dark'", Duration::from_secs(5))?;
    c.no_errors()
}

fn the_embed_sizes_itself_in_a_page_from_another_origin(c: &Ctx) -> Result<(), String> {
    // The host page is served as localhost, the chart as 127.0.0.1: two origins.
    let host = format!("http://localhost:{}/host.html", c.app.port);
    c.browser.goto(&host)?;
    let managed = c.browser.wait_for(
        "the managed iframe to size itself",
        "const f=document.getElementById('managed');const h=parseFloat(f.style.height);return h&&h!==200?h:null;",
        Duration::from_secs(20),
    )?;
    // Its height is the chart page's, as measured inside (through its own messages).
    let msgs = c.js("return window.__msgs")?;
    let list: Vec<String> = msgs.as_array().into_iter().flatten().filter_map(|m| m.as_str().map(String::from)).collect();
    let ours = list.iter().rev().find(|m| m.contains("liquidity-explorer:height")).cloned().unwrap_or_default();
    let reported: f64 = ours.split("\"height\":").nth(1).and_then(|x| x.split([',', '}']).next()).and_then(|x| x.parse().ok()).unwrap_or(-1.0);
    if (managed.as_f64().unwrap_or(0.0) - reported).abs() > 1.0 {
        return Err(format!("iframe height {managed} vs the height the chart reports {reported}"));
    }
    if !list.iter().any(|m| m.contains("datawrapper-height")) {
        return Err(format!("no Datawrapper message: {list:?}"));
    }
    if !list.iter().any(|m| m.starts_with("pymxPYMxpym-1xPYMxheightxPYMx")) {
        return Err(format!("no pym.js message for childId pym-1: {list:?}"));
    }
    // A forged message from another frame (and one from the page itself) changes nothing.
    let h = c.js("return document.getElementById('managed').style.height")?;
    c.js("document.getElementById('forger').contentWindow.postMessage('go','*');window.postMessage({type:'liquidity-explorer:height',height:4321},'*');")?;
    std::thread::sleep(Duration::from_millis(700));
    let forged = c.js("return [document.getElementById('managed').style.height, window.__forged]")?;
    if forged[0] != h || forged[1] != json!(true) {
        return Err(format!("a forged height must be ignored: {forged} (was {h})"));
    }
    Ok(())
}

fn downloads_hold_what_the_screen_shows(c: &Ctx) -> Result<(), String> {
    c.metrics(1000, 900, 2.0, false)?;
    c.open(YEAR)?;
    // Catch the files instead of saving them.
    c.js(
        "window.__files=[];const o=URL.createObjectURL;URL.createObjectURL=function(b){const u=o.call(URL,b);window.__files.push({url:u,blob:b});return u;};\
          HTMLAnchorElement.prototype.click=function(){const f=window.__files.find(x=>x.url===this.href);if(f)f.name=this.download;};",
    )?;
    click(c, ".table-toggle")?;
    click(c, ".download-png")?;
    let png = c.browser.js_async("const done=arguments[arguments.length-1];const t=setInterval(()=>{const f=window.__files.find(x=>x.name&&x.name.endsWith('.png'));\
        if(f){clearInterval(t);createImageBitmap(f.blob).then(b=>{const c=document.querySelector('.chart canvas');done([f.name,b.width,b.height,c.width,c.height,c.getBoundingClientRect().width]);});}},50);", vec![])?;
    if png[1] != png[3] || png[2] != png[4] || (png[1].as_f64().unwrap_or(0.0) - 2.0 * png[5].as_f64().unwrap_or(0.0)).abs() > 1.0 {
        return Err(format!("the PNG is the canvas at CSS size × pixel ratio: {png}"));
    }
    if !png[0].as_str().unwrap_or("").starts_with("oracle_2025-01-02_2025-12-31_absolute") {
        return Err(format!("the PNG's name says what it holds: {}", png[0]));
    }
    click(c, ".download-svg")?;
    let svg = c.browser.js_async("const done=arguments[arguments.length-1];const t=setInterval(()=>{const f=window.__files.find(x=>x.name&&x.name.endsWith('.svg'));\
        if(f){clearInterval(t);f.blob.text().then(s=>{const d=new DOMParser().parseFromString(s,'image/svg+xml');\
        done([!!d.querySelector('parsererror'), Array.from(d.querySelectorAll('text')).map(t=>t.textContent.trim()), document.querySelector('.chart canvas').dataset.xLabels.split('|'),        Array.from(d.querySelectorAll('text')).map(t=>parseFloat(t.getAttribute('font-size')))]);});}},50);", vec![])?;
    if svg[0] != json!(false) {
        return Err("the SVG must parse".into());
    }
    // Its text at the canvas's size: 12 px or more (plotters' SVG writes sizes / 1.24 unless corrected).
    text_at_chart_size("the downloaded SVG", &svg[3])?;
    let texts: Vec<&str> = svg[1].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
    for label in svg[2].as_array().into_iter().flatten().filter_map(|v| v.as_str()) {
        if !texts.contains(&label) {
            return Err(format!("the SVG lacks the tick label {label:?}: {texts:?}"));
        }
    }
    click(c, ".download-csv")?;
    let csv = c.browser.js_async("const done=arguments[arguments.length-1];const t=setInterval(()=>{const f=window.__files.find(x=>x.name&&x.name.endsWith('_absolute.csv'));\
        if(f){clearInterval(t);f.blob.arrayBuffer().then(b=>{const bytes=new Uint8Array(b);const s=new TextDecoder().decode(b);\
        done([bytes[0],bytes[1],bytes[2], s.replace(/^\\uFEFF/,'').split('\\n\\n')[0].split('\\n').length-1, document.querySelector('table.data').tBodies[0].rows.length, s]);});}},50);", vec![])?;
    if csv[0] != json!(0xEF) || csv[1] != json!(0xBB) || csv[2] != json!(0xBF) {
        return Err(format!("the CSV starts with a UTF-8 byte-order mark: {csv}"));
    }
    let total = text_of(c, "[data-testid=rows]")?;
    if !total.ends_with(&format!(" of {}", csv[3])) {
        return Err(format!("CSV rows ({}) must equal the table's rows ({total})", csv[3]));
    }
    if !csv[5].as_str().unwrap_or("").contains("Stooq") {
        return Err("the CSV carries its source".into());
    }
    click(c, ".download-csv-full")?;
    c.browser.wait_for("the full CSV", "return window.__files.some(x=>x.name==='oracle_full-series.csv')", Duration::from_secs(5))?;
    // Copy link says what it copied (and never throws, even where the clipboard is refused).
    click(c, ".copy-link")?;
    c.browser.wait_for(
        "the copied link",
        "const s=document.querySelector('.share-status').textContent;return s.includes('story=oracle')&&s.includes('time=');",
        Duration::from_secs(5),
    )?;
    // The embed code is an iframe of this view, lazy, titled, with our script.
    click(c, ".embed-toggle")?;
    let code = c.browser.wait_for("the embed code", "const t=document.querySelector('.embed-code');return t?t.value:null;", Duration::from_secs(5))?;
    let code = code.as_str().unwrap_or("");
    for part in ["<iframe src=", "embed=1", "story=oracle", "loading=\"lazy\"", "title=\"", "data-liquidity-embed", "embed.js"] {
        if !code.contains(part) {
            return Err(format!("the embed code lacks {part}: {code}"));
        }
    }
    c.browser.cdp("Emulation.clearDeviceMetricsOverride", json!({}))?;
    c.no_errors()
}

fn the_offline_file_opens_with_no_network(c: &Ctx) -> Result<(), String> {
    // The very file the page offers for download (dist/), opened from disk.
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist/is-ai-eating-cryptos-liquidity.html");
    if !file.is_file() {
        return Err(format!("{} is missing: node scripts/offline.mjs builds it (./scripts/test.sh does)", file.display()));
    }
    // No server here: the error hook goes in through DevTools, before any script of the page runs.
    let hook = HOOK.trim_start_matches("<script>").trim_end_matches("</script>");
    let added = c.browser.cdp("Page.addScriptToEvaluateOnNewDocument", json!({ "source": hook }))?;
    c.browser.cdp("Network.enable", json!({}))?;
    c.browser.cdp("Network.emulateNetworkConditions", json!({"offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}))?;
    let r = (|| -> Result<(), String> {
        c.browser.goto(&format!("file://{}?lang=ar", file.display()))?;
        c.browser.wait_for("the offline chart", &format!("return (function(){{{INK}}})()>2000"), Duration::from_secs(20))?;
        let v = c.js("return [location.protocol, document.documentElement.dir, !!document.querySelector('.story-tab')]")?;
        if v != json!(["file:", "rtl", true]) {
            return Err(format!("offline page: {v}"));
        }
        if c.js("return !!document.querySelector('[data-testid=offline-copy]')&&!document.querySelector('.offline-link')")? != json!(true) {
            return Err("the offline copy says what it is and offers no download of itself".into());
        }
        // It works, not just draws: scrub, and switch a story.
        let before = c.fingerprint()?;
        let end = c.handle("end")?;
        c.browser.send_keys(&end, keys::PAGE_DOWN)?;
        c.wait_changed(&before)?;
        click_story(c, "miners")?;
        c.browser.wait_for("the miners chart", &format!("return (function(){{{INK}}})()>2000"), Duration::from_secs(5))?;
        c.no_errors()
    })();
    c.browser.cdp("Network.emulateNetworkConditions", json!({"offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}))?;
    c.browser.cdp("Page.removeScriptToEvaluateOnNewDocument", json!({ "identifier": added["identifier"] }))?;
    r
}

fn screenshots_for_review(c: &Ctx) -> Result<(), String> {
    // The visual review (docs/visual-review.md): every story's first step at phone and desktop
    // width, in English and Arabic, light and dark, a first screen each; plus whole pages.
    let ds = dataset().unwrap();
    for (w, h, dpr, mobile) in [(360u32, 740u32, 2.0, true), (1280, 900, 1.0, false)] {
        c.metrics(w, h, dpr, mobile)?;
        for st in &ds.stories {
            for lang in ["en", "ar"] {
                for theme in ["light", "dark"] {
                    c.open(&format!("?story={}&lang={lang}&theme={theme}", st.id))?;
                    if w > 600 {
                        c.js("document.querySelector('.headline').scrollIntoView()")?;
                    }
                    c.shot(&format!("review-{}-{w}-{lang}-{theme}.png", st.id))?;
                }
            }
        }
    }
    c.metrics(1280, 2400, 1.0, false)?;
    c.open("")?;
    c.shot("page-1280.png")?;
    c.metrics(360, 2600, 2.0, true)?;
    c.open("?lang=ar")?;
    c.shot("page-360-ar.png")?;
    c.browser.cdp("Emulation.clearDeviceMetricsOverride", json!({}))?;
    c.no_errors()
}

fn expect_step(c: &Ctx, count: &str, title: &str) -> Result<(), String> {
    c.browser
        .wait_for(
            &format!("step {count}"),
            &format!(
                "const n=document.querySelector('[data-testid=step-count]'),t=document.querySelector('.step-title');\
                 return (!n||n.textContent==={count:?})&&t&&t.textContent==={title:?};"
            ),
            Duration::from_secs(5),
        )
        .map(|_| ())
}

/// Waits until the canvas stops changing (a glide between steps has ended) and returns its fingerprint.
fn settled(c: &Ctx) -> Result<String, String> {
    let mut last = c.fingerprint()?;
    for _ in 0..40 {
        std::thread::sleep(Duration::from_millis(150));
        let now = c.fingerprint()?;
        if now == last {
            return Ok(now);
        }
        last = now;
    }
    Err("the chart never settled".into())
}

fn every_story_opens_on_its_point_from_every_other(c: &Ctx) -> Result<(), String> {
    let ds = dataset().unwrap();
    let ids: Vec<&str> = ds.stories.iter().map(|s| s.id.as_str()).collect();
    for a in &ids {
        for b in ids.iter().filter(|b| *b != a) {
            c.open(&format!("?story={a}"))?;
            click_story(c, b)?;
            let st = ds.story(b).unwrap();
            expect_step(c, &format!("1 of {}", st.steps.len()), &st.steps[0].title.en).map_err(|e| format!("{b} from {a}: {e}"))?;
            let v = c.js(&format!("return [!!document.querySelector('.empty-note'), (function(){{{INK}}})()]"))?;
            if v[0] != json!(false) || v[1].as_f64().unwrap_or(0.0) < 2000.0 {
                return Err(format!("{b} opened from {a} shows an empty chart: {v}"));
            }
        }
    }
    // A window the reader chose that holds none of the next story's data moves, and the reader is told.
    c.open("?story=oracle&time=2025-09-01..2025-09-30")?;
    click_story(c, "funding")?;
    let moved =
        c.browser.wait_for("the moved note", "const m=document.querySelector('[data-testid=moved]');return m?m.textContent:null;", Duration::from_secs(5))?;
    if !moved.as_str().unwrap_or("").contains("The window moved") || c.js("return !!document.querySelector('.empty-note')")? != json!(false) {
        return Err(format!("from September 2025 the funding story should move the window and say so: {moved}"));
    }
    // One that holds data is kept (the linked timeline).
    c.open("?story=oracle&time=2025-09-01..2025-11-28")?;
    let end = c.browser.attr(&c.handle("end")?, "aria-valuetext")?;
    click_story(c, "miners")?;
    let now = c.browser.attr(&c.handle("end")?, "aria-valuetext")?;
    if now != end || c.js("return !!document.querySelector('[data-testid=moved]')")? != json!(false) {
        return Err(format!("the miners story has data in Sep–Nov 2025: the window stays ({end} → {now})"));
    }
    c.no_errors()
}

fn steps_move_by_buttons_dots_and_keys(c: &Ctx) -> Result<(), String> {
    let ds = dataset().unwrap();
    let oracle = ds.story("oracle").unwrap();
    let title = |i: usize| oracle.steps[i].title.en.clone();
    c.open("?story=oracle")?;
    expect_step(c, "1 of 4", &title(0))?;
    if c.js("return document.querySelector('.step-text').getAttribute('aria-live')")? != json!("polite") {
        return Err("the step's text is announced politely".into());
    }
    let first = settled(c)?;
    click(c, ".step-next")?;
    expect_step(c, "2 of 4", &title(1))?;
    c.wait_changed(&first)?;
    c.browser.wait_for("the address", "return location.search.includes('step=2')&&!location.search.includes('time=')", Duration::from_secs(5))?;
    click(c, ".step-dots li:nth-child(4) .dot")?;
    expect_step(c, "4 of 4", &title(3))?;
    let prev = c.browser.find(".step-prev")?;
    c.browser.send_keys(&prev, keys::LEFT)?;
    expect_step(c, "3 of 4", &title(2))?;
    c.browser.send_keys(&prev, keys::HOME)?;
    expect_step(c, "1 of 4", &title(0))?;
    c.browser.send_keys(&prev, keys::END)?;
    expect_step(c, "4 of 4", &title(3))?;
    click(c, ".step-prev")?;
    expect_step(c, "3 of 4", &title(2))?;
    if c.js("return [...document.querySelectorAll('.step-dots .dot')].map(d=>d.getAttribute('aria-current'))")? != json!([null, null, "step", null]) {
        return Err("the third dot is the current step".into());
    }
    // Changing anything leaves the guided path: the address holds the whole view; the reader can return.
    click(c, "[data-mode=percent]")?;
    c.browser.wait_for("the off-path note", "return !!document.querySelector('[data-testid=off-path]')", Duration::from_secs(5))?;
    c.browser.wait_for(
        "the whole view in the address",
        "return location.search.includes('mode=percent')&&location.search.includes('time=')&&!location.search.includes('step=')",
        Duration::from_secs(5),
    )?;
    click(c, ".back-to-step")?;
    expect_step(c, "3 of 4", &title(2))?;
    c.browser.wait_for(
        "back on the step",
        "return !document.querySelector('[data-testid=off-path]')&&location.search.includes('step=3')&&!location.search.includes('mode=')",
        Duration::from_secs(5),
    )?;
    // Readers who prefer reduced motion get the step's window at once, with no glide.
    c.browser.cdp("Emulation.setEmulatedMedia", json!({"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]}))?;
    click(c, ".step-dots li:nth-child(2) .dot")?;
    let end = c.js("return document.querySelector('[data-handle=end]').getAttribute('aria-valuetext')")?;
    c.browser.cdp("Emulation.setEmulatedMedia", json!({"features": []}))?;
    let (a, b) = story::step_spec(&ds, oracle, &oracle.steps[1]).window;
    let want = c.long(c.timeline.dates(c.timeline.window_for(a, b)).map_or(b, |w| w.1))?;
    if end != json!(want) {
        return Err(format!("with reduced motion the window jumps to the step's: {end} vs {want}"));
    }
    // In Arabic the arrows follow the reading direction: left is forward.
    c.open("?story=oracle&lang=ar")?;
    expect_step(c, "1 من 4", &oracle.steps[0].title.ar)?;
    let next = c.browser.find(".step-next")?;
    c.browser.send_keys(&next, keys::LEFT)?;
    expect_step(c, "2 من 4", &oracle.steps[1].title.ar)?;
    if text_of(c, ".step-next")?.trim_end_matches(['←', ' ']) != "التالي" {
        return Err(format!("the Next button in Arabic: {}", text_of(c, ".step-next")?));
    }
    c.no_errors()
}

fn a_step_address_reproduces_the_step(c: &Ctx) -> Result<(), String> {
    let ds = dataset().unwrap();
    let oracle = ds.story("oracle").unwrap();
    c.open("?story=oracle")?;
    click(c, ".step-next")?;
    expect_step(c, "2 of 4", &oracle.steps[1].title.en)?;
    click(c, ".step-next")?;
    expect_step(c, "3 of 4", &oracle.steps[2].title.en)?;
    let walked = settled(c)?;
    c.open("?story=oracle&step=3")?;
    expect_step(c, "3 of 4", &oracle.steps[2].title.en)?;
    let opened = settled(c)?;
    if opened != walked {
        return Err("?story=oracle&step=3 should draw the same pixels as walking to step 3".into());
    }
    // The embed code keeps the step.
    click(c, ".embed-toggle")?;
    let code = c.browser.wait_for(
        "the embed code",
        "const t=document.querySelector('.embed-code');return t&&t.value.includes('step=3')?t.value:null;",
        Duration::from_secs(5),
    )?;
    if !code.as_str().unwrap_or("").contains("story=oracle") {
        return Err(format!("the embed code: {code}"));
    }
    // Invalid steps fall back to the first.
    for bad in ["step=0", "step=99", "step=two", "step=-3"] {
        c.open(&format!("?story=oracle&{bad}"))?;
        expect_step(c, "1 of 4", &oracle.steps[0].title.en).map_err(|e| format!("{bad}: {e}"))?;
    }
    // Today's permalinks keep opening the same views (off the guided path).
    c.open(YEAR)?;
    let v = c.js("return [document.querySelector('[data-handle=start]').getAttribute('aria-valuetext'),document.querySelector('[data-handle=end]').getAttribute('aria-valuetext'),!!document.querySelector('[data-testid=off-path]')]")?;
    let want = json!([c.long(c.dates[c.start0])?, c.long(c.dates[c.end0])?, true]);
    if v != want {
        return Err(format!("an address with a view opens that view: {v} vs {want}"));
    }
    c.no_errors()
}

fn a_page_on_another_origin_drives_the_steps(c: &Ctx) -> Result<(), String> {
    let ds = dataset().unwrap();
    c.browser.goto(&format!("http://localhost:{}/steps-host.html", c.app.port))?;
    c.browser.frame(Some("#chart"))?;
    expect_step(c, "1 of 4", &ds.story("oracle").unwrap().steps[0].title.en)?;
    c.browser.frame(None)?;
    // Junk, unknown stories, steps out of range and lookalikes are ignored.
    c.js("send('junk');send(null);send([1,2]);send({type:'liquidity-explorer:step',story:'oracle',step:99});\
          send({type:'liquidity-explorer:step',story:'nope',step:1});send({type:'liquidity-explorer:step',story:'oracle',step:'3'});\
          send({type:'liquidity-explorer:step',story:'oracle',step:2.5});send({type:'liquidity-explorer:step',story:'oracle',step:0});\
          send({type:'liquidity-explorer:height',height:10});")?;
    std::thread::sleep(Duration::from_millis(600));
    c.browser.frame(Some("#chart"))?;
    expect_step(c, "1 of 4", &ds.story("oracle").unwrap().steps[0].title.en).map_err(|e| format!("junk moved the chart: {e}"))?;
    c.no_errors()?;
    c.browser.frame(None)?;
    c.js("send({type:'liquidity-explorer:step',story:'oracle',step:3});")?;
    c.browser.frame(Some("#chart"))?;
    expect_step(c, "3 of 4", &ds.story("oracle").unwrap().steps[2].title.en)?;
    c.browser.frame(None)?;
    c.js("send({type:'liquidity-explorer:step',story:'miners',step:2});")?;
    c.browser.frame(Some("#chart"))?;
    expect_step(c, "2 of 4", &ds.story("miners").unwrap().steps[1].title.en)?;
    let r = c.no_errors();
    c.browser.frame(None)?;
    r
}

fn scrolling_the_scrolly_page_walks_the_chart_through_the_story(c: &Ctx) -> Result<(), String> {
    let ds = dataset().unwrap();
    let oracle = ds.story("oracle").unwrap();
    for (lang, dir) in [("en", "ltr"), ("ar", "rtl")] {
        for (w, h, mobile) in [(1280, 800, false), (360, 740, true)] {
            c.metrics(w, h, if mobile { 2.0 } else { 1.0 }, mobile)?;
            c.browser.goto(&c.app.url(&format!("scrolly.html?lang={lang}")))?;
            // scrolly.js sets the direction as it runs, at the end of the body: waited for, not read at once
            // (a read straight after the navigation once found the page before it).
            c.browser
                .wait_for(&format!("scrolly.html?lang={lang} to be {dir}"), &format!("return document.documentElement.dir==={dir:?}"), Duration::from_secs(5))
                .map_err(|e| format!("scrolly.html?lang={lang} should be {dir}: {e}"))?;
            for (i, st) in oracle.steps.iter().enumerate() {
                let n = i + 1;
                c.js(&format!("document.querySelector('[data-lang={lang}] [data-step=\"{n}\"]').scrollIntoView({{block:'center'}})"))?;
                let title = match lang {
                    "ar" => &st.title.ar,
                    _ => &st.title.en,
                };
                c.browser.wait_for(
                    &format!("step {n} in the chart ({lang}, {w} px)"),
                    &format!(
                        "const f=document.querySelector('iframe');const d=f.contentDocument;const t=d&&d.querySelector('.step-title');\
                             const p=document.querySelector('[data-lang={lang}] [data-step=\"{n}\"]');\
                             return t&&t.textContent==={title:?}&&p.classList.contains('is-active')&&d.documentElement.lang==={lang:?};"
                    ),
                    Duration::from_secs(8),
                )?;
            }
            c.browser.frame(Some("iframe"))?;
            let s = settled(c);
            c.browser.frame(None)?;
            s?;
            c.shot(&format!("scrolly-{lang}-{w}.png"))?;
            c.no_errors()?;
        }
    }
    Ok(())
}

/// The swatch colour and dash of each switch that is on (or added), by series id.
fn swatches(c: &Ctx) -> Result<Vec<(String, String, String)>, String> {
    let v = c.js("return [...document.querySelectorAll('.toggles .toggle')].filter(b=>b.getAttribute('aria-checked')!=='false')\
        .map(b=>{const l=b.querySelector('line');return [b.dataset.series,l.getAttribute('stroke'),l.getAttribute('stroke-dasharray')];})")?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .map(|x| (x[0].as_str().unwrap_or("").to_string(), x[1].as_str().unwrap_or("").to_string(), x[2].as_str().unwrap_or("").to_string()))
        .collect())
}

/// How many canvas pixels have exactly this `rgb(r,g,b)` colour.
fn pixels_of(c: &Ctx, rgb: &str) -> Result<u64, String> {
    let v = c.js(&format!(
        "const m={rgb:?}.match(/\\d+/g).map(Number);const cv=document.querySelector('.chart canvas');\
         const d=cv.getContext('2d').getImageData(0,0,cv.width,cv.height).data;let n=0;\
         for(let i=0;i<d.length;i+=4){{if(d[i]===m[0]&&d[i+1]===m[1]&&d[i+2]===m[2])n++;}}return n;"
    ))?;
    Ok(v.as_u64().unwrap_or(0))
}

fn controls_that_cannot_apply_are_disabled_with_their_reason(c: &Ctx) -> Result<(), String> {
    c.open(YEAR)?;
    if c.js("return document.querySelector('.log').getAttribute('aria-disabled')")? != Value::Null {
        return Err("log applies to Oracle's prices".into());
    }
    for mode in ["percent", "drawdown"] {
        click(c, &format!("[data-mode={mode}]"))?;
        let v = c.browser.wait_for(
            "log disabled",
            "const b=document.querySelector('.log');const r=document.getElementById(b.getAttribute('aria-describedby')||'x');\
             return b.getAttribute('aria-disabled')==='true'&&r?r.textContent:null;",
            Duration::from_secs(5),
        )?;
        if !v.as_str().unwrap_or("").contains("Log scale is off in % change and drawdown") {
            return Err(format!("the reason for log in {mode}: {v}"));
        }
        let before = settled(c)?;
        click(c, ".log")?;
        std::thread::sleep(Duration::from_millis(200));
        if c.js("return document.querySelector('.log').getAttribute('aria-checked')")? != json!("false") || c.fingerprint()? != before {
            return Err(format!("a disabled log switch changes nothing in {mode}"));
        }
    }
    // Prices are never bars; amounts per year are, and then log and drawdown cannot apply.
    if c.js("return document.querySelector('.bars-toggle').getAttribute('aria-disabled')")? != json!("true") {
        return Err("bars are off for prices".into());
    }
    c.open("?story=funding")?;
    let v = c
        .js("return [document.querySelector('.bars-toggle').getAttribute('aria-checked'),document.querySelector('.log').getAttribute('aria-disabled'),\
        document.querySelector('[data-mode=drawdown]').getAttribute('aria-disabled'),document.querySelector('[data-testid=blocked]').textContent]")?;
    if v[0] != json!("true")
        || v[1] != json!("true")
        || v[2] != json!("true")
        || !v[3].as_str().unwrap_or("").contains("Drawdown is off for amounts per period")
    {
        return Err(format!("funding draws bars; log and drawdown say why they are off: {v}"));
    }
    let bars = settled(c)?;
    click(c, ".bars-toggle")?;
    c.browser.wait_for(
        "lines instead of bars",
        "return document.querySelector('.bars-toggle').getAttribute('aria-checked')==='false'&&!document.querySelector('.log').getAttribute('aria-disabled')",
        Duration::from_secs(5),
    )?;
    c.wait_changed(&bars)?;
    c.browser.wait_for("the address", "return location.search.includes('chart=lines')", Duration::from_secs(5))?;
    c.no_errors()
}

/// Picks a file through the page's file input (as a reader would) and waits until it is on show.
fn pick_file(c: &Ctx, name: &str, body: &str) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("liquidity-e2e-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join(name);
    std::fs::write(&path, body).map_err(|e| e.to_string())?;
    c.js("document.querySelector('details.load').open=true")?;
    let input = c.browser.find("#data-file")?;
    c.browser.send_keys(&input, path.to_str().unwrap_or_default())?;
    let shown = c.browser.wait_for(
        &format!("the file {name}"),
        &format!("const e=document.querySelector('[data-testid=dataset-name]');return e&&e.textContent.includes({name:?});"),
        Duration::from_secs(10),
    );
    // On show means read: the file is no longer needed.
    let _ = std::fs::remove_file(&path);
    shown.map(|_| ())
}

fn every_line_gets_its_own_colour(c: &Ctx) -> Result<(), String> {
    // A reader's file with four series, all switched on.
    c.open("")?;
    let mut csv = String::from("Date,A,B,C,D\n");
    for d in 1..=28 {
        csv.push_str(&format!("2025-02-{d:02},{},{},{},{}\n", 10 + d, 20 + d * 2, 30 + d % 5, 40 - d));
    }
    pick_file(c, "four.csv", &csv)?;
    for id in ["B", "C", "D"] {
        switch_on(c, id)?;
    }
    settled(c)?;
    let sw = swatches(c)?;
    let main = c.js("return getComputedStyle(document.documentElement).getPropertyValue('--accent')")?;
    let pairs: Vec<(String, String)> = sw.iter().map(|x| (x.1.clone(), x.2.clone())).collect();
    if pairs.len() != 3 || (0..3).any(|i| (i + 1..3).any(|j| pairs[i] == pairs[j])) {
        return Err(format!("three comparisons, three looks: {sw:?} (main {main})"));
    }
    for (id, colour, _) in &sw {
        if pixels_of(c, colour)? < 30 {
            return Err(format!("{id}'s colour {colour} is not on the chart"));
        }
    }
    // Oracle with two series from other stories.
    c.open("?story=oracle&compare=TAO~IREN&mode=indexed")?;
    settled(c)?;
    let sw = swatches(c)?;
    let (tao, iren) = (sw.iter().find(|x| x.0 == "TAO"), sw.iter().find(|x| x.0 == "IREN"));
    let (Some(tao), Some(iren)) = (tao, iren) else { return Err(format!("TAO and IREN are listed: {sw:?}")) };
    if tao.1 == iren.1 || tao.1 == "rgb(192,57,43)" || iren.1 == "rgb(192,57,43)" {
        return Err(format!("Oracle's red, TAO and IREN are three colours: {sw:?}"));
    }
    for x in [tao, iren] {
        if pixels_of(c, &x.1)? < 30 {
            return Err(format!("{}'s colour is not on the chart", x.0));
        }
    }
    c.no_errors()
}

fn a_series_found_by_typing_joins_the_chart(c: &Ctx) -> Result<(), String> {
    c.open("?story=oracle")?;
    let before = settled(c)?;
    let input = c.browser.find("#add-series-input")?;
    c.browser.send_keys(&input, "Bitt")?;
    c.browser.wait_for(
        "the option",
        "const i=document.getElementById('add-series-input');const o=document.querySelector('[data-option=TAO]');\
         return i.getAttribute('aria-expanded')==='true'&&o&&o.getAttribute('aria-selected')==='true'&&i.getAttribute('aria-activedescendant')===o.id;",
        Duration::from_secs(5),
    )?;
    c.browser.send_keys(&input, "\u{E007}")?;
    c.browser.wait_for("TAO on the chart", "return !!document.querySelector('[data-remove=TAO]')", Duration::from_secs(5))?;
    c.wait_changed(&before)?;
    c.browser.wait_for("the address", "return /compare=[^&]*TAO/.test(location.search)", Duration::from_secs(5))?;
    let label = c.js("return document.querySelector('.chart canvas').getAttribute('aria-label')")?;
    if !label.as_str().unwrap_or("").contains("Bittensor") {
        return Err(format!("the chart describes TAO: {label}"));
    }
    // Units differ (a share price, a token): indexed, and the page says so.
    if !text_of(c, ".mode-note")?.contains("indexed")
        && c.js("return document.querySelector('[data-mode=indexed]').getAttribute('aria-pressed')")? != json!("true")
    {
        return Err("different units are indexed".into());
    }
    // Removed again.
    click(c, "[data-remove=TAO]")?;
    c.browser.wait_for("TAO gone", "return !document.querySelector('[data-remove=TAO]')&&!/TAO/.test(location.search)", Duration::from_secs(5))?;
    // In Arabic, by its Arabic name.
    let ar = dataset().unwrap().series("IREN").unwrap().name.ar.clone();
    c.open("?story=oracle&lang=ar")?;
    let input = c.browser.find("#add-series-input")?;
    c.browser.send_keys(&input, &ar)?;
    c.browser.wait_for("the Arabic option", "return !!document.querySelector('[data-option=IREN]')", Duration::from_secs(5))?;
    c.browser.send_keys(&input, "\u{E015}\u{E013}\u{E007}")?;
    c.browser.wait_for("IREN on the chart", "return !!document.querySelector('[data-remove=IREN]')", Duration::from_secs(5))?;
    c.no_errors()
}

fn every_story_fits_the_first_phone_screen(c: &Ctx) -> Result<(), String> {
    let ds = dataset().unwrap();
    c.metrics(360, 740, 2.0, true)?;
    for lang in ["en", "ar"] {
        for st in &ds.stories {
            c.open(&format!("?story={}&lang={lang}", st.id)).map_err(|e| format!("{} {lang}: {e}", st.id))?;
            let v = c.js("const c=document.querySelector('.chart').getBoundingClientRect(),h=document.querySelector('.headline').getBoundingClientRect(),\
                t=document.querySelector('.step-text').getBoundingClientRect();return [h.top,t.top,c.bottom,window.innerHeight,document.documentElement.scrollWidth];")?;
            let n = |i: usize| v[i].as_f64().unwrap_or(f64::MAX);
            c.shot(&format!("first-screen-{}-{lang}-360.png", st.id))?;
            if n(0) < 0.0 || n(2) > n(3) || n(4) > 360.0 {
                return Err(format!("{} ({lang}) at 360×740: headline at {}, chart ends at {} of {} (page {} wide)", st.id, n(0), n(2), n(3), n(4)));
            }
        }
    }
    c.no_errors()
}

fn the_page_runs_under_a_strict_content_security_policy(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let p = c.js("const m=document.querySelector('meta[http-equiv=Content-Security-Policy]');return m?m.content:null;")?;
    let p = p.as_str().unwrap_or("").to_string();
    let script = p.split(';').map(str::trim).find(|d| d.starts_with("script-src")).unwrap_or("").to_string();
    for (want, what) in [("'wasm-unsafe-eval'", "the Wasm"), ("'sha256-", "hashes for the inline scripts")] {
        if !script.contains(want) {
            return Err(format!("script-src should allow {what}: {p}"));
        }
    }
    for bad in ["'unsafe-inline'", "'unsafe-eval'", "*"] {
        if script.split_whitespace().any(|t| t == bad) {
            return Err(format!("script-src must not allow {bad}: {script}"));
        }
    }
    for d in ["object-src 'none'", "base-uri 'none'"] {
        if !p.contains(d) {
            return Err(format!("{d} missing: {p}"));
        }
    }
    // The policy is enforced, and the test hook sees a violation (so every scenario would fail on one).
    // (A script WebDriver runs is exempt from the policy, so the test injects an inline <script> the page would refuse.)
    c.js("const s=document.createElement('script');s.textContent='window.__injected=1';document.head.appendChild(s);")?;
    let seen = c
        .browser
        .wait_for(
            "the violation reports",
            "const e=(window.__testErrors||[]).filter(x=>x.startsWith('csp:'));return e.length>=1&&!window.__injected?e:null;",
            Duration::from_secs(5),
        )
        .map_err(|e| format!("{e}: {:?}", c.js("return [window.__testErrors, window.__injected]")))?;
    let _ = seen;
    c.js("window.__testErrors.length=0")?;
    // The host's copy of the policy, and the offline file's own (hashes and blob: for its glue).
    let headers = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("dist/_headers")).map_err(|e| e.to_string())?;
    if !headers.contains(&script) {
        return Err(format!("dist/_headers carries the same policy: {headers}"));
    }
    let offline =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("dist-offline/is-ai-eating-cryptos-liquidity.html")).map_err(|e| e.to_string())?;
    let meta = offline.split("Content-Security-Policy\" content=\"").nth(1).and_then(|x| x.split('"').next()).unwrap_or("");
    if !meta.contains("'sha256-") || !meta.contains("blob:") || meta.contains("'unsafe-eval'") {
        return Err(format!("the offline file's policy: {meta}"));
    }
    c.no_errors()
}

fn a_panic_leaves_a_message_and_the_last_picture(c: &Ctx) -> Result<(), String> {
    c.open("?lang=ar")?;
    let before = c.fingerprint()?;
    c.js("try{window.wasmBindings.simulate_panic()}catch(e){}")?;
    let v = c.browser.wait_for(
        "the message",
        "const f=document.getElementById('fatal');return f&&!f.hidden&&f.querySelector('a.reload')?[f.textContent,f.querySelector('a.reload').getAttribute('href')]:null;",
        Duration::from_secs(5),
    )?;
    let text = v[0].as_str().unwrap_or("");
    if !has_arabic(text) || !text.contains("الاستجابة لأحد عناصر التحكم") || v[1] != json!("") {
        return Err(format!("the message is in Arabic, says what was being done and offers a reload: {v}"));
    }
    if c.fingerprint()? != before {
        return Err("the last picture of the chart stays".into());
    }
    let errs = c.js("return window.__testErrors")?;
    if !errs.to_string().contains("panic: ") {
        return Err(format!("the panic is logged: {errs}"));
    }
    c.js("window.__testErrors.length=0")?;
    // The reload link starts the page again.
    click(c, "#fatal a.reload")?;
    c.browser.wait_for("a fresh page", &format!("return document.getElementById('fatal').hidden&&(function(){{{INK}}})()>2000"), Duration::from_secs(20))?;
    c.no_errors()
}

fn a_dataset_the_browser_may_not_read_is_explained(c: &Ctx) -> Result<(), String> {
    // Another origin (localhost vs 127.0.0.1) that sends no CORS header.
    let other = format!("http://localhost:{}/example-dataset.json", c.app.port);
    for (lang, words) in [("en", "does not let other pages read its files"), ("ar", "لا يسمح لصفحات أخرى بقراءة ملفاته")] {
        c.open(&format!("?lang={lang}&data={}", other.replace(':', "%3A").replace('/', "%2F")))?;
        let t = c.browser.wait_for(
            "the explanation",
            "const p=document.querySelector('.problem');return p&&p.textContent.length>20?p.textContent:null;",
            Duration::from_secs(10),
        )?;
        let t = t.as_str().unwrap_or("");
        if !t.contains(words) || c.js(&format!("return (function(){{{INK}}})()>2000"))? != json!(true) {
            return Err(format!("{lang}: a refused address is explained and the chart stays: {t}"));
        }
    }
    c.no_errors()
}

fn hostile_text_stays_text(c: &Ctx) -> Result<(), String> {
    c.open("?data=hostile.json")?;
    c.browser.wait_for(
        "the hostile dataset",
        "const e=document.querySelector('[data-testid=dataset-name]');return e&&e.textContent.includes('<b>bold</b>');",
        Duration::from_secs(10),
    )?;
    click(c, ".story-tab[data-story=x]").ok();
    let v = c.js(
        "return [window.__pwned||null, document.body.innerText, [...document.querySelectorAll('a[href]')].map(a=>a.protocol+'|'+(a.getAttribute('rel')||''))]",
    )?;
    if v[0] != Value::Null {
        return Err("a payload in the dataset ran".into());
    }
    let text = v[1].as_str().unwrap_or("");
    for literal in ["<img src=x onerror=window.__pwned=1>", "<script>window.__pwned=2</script>"] {
        if !text.contains(literal) {
            return Err(format!("{literal} is shown as text: {}", &text[..text.len().min(600)]));
        }
    }
    for link in v[2].as_array().into_iter().flatten() {
        let l = link.as_str().unwrap_or("");
        if !(l.starts_with("http:|") || l.starts_with("https:|")) {
            return Err(format!("a link with another scheme: {l}"));
        }
    }
    // The source's javascript: address is text, not a link.
    if !text.contains("javascript:window.__pwned=3") {
        return Err("the bad address is shown as text".into());
    }
    c.no_errors()
}

fn random_addresses_never_break_the_page(c: &Ctx) -> Result<(), String> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let keys = ["story=", "step=", "compare=", "time=", "cursor=", "mode=", "scale=", "chart=", "lang=", "theme=", "embed=", "plain=", "series=", "table="];
    let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyzORCLBTIEN0123456789-~.%&=<>\"'/:;+ \u{0639}\u{1F600}".chars().collect();
    for i in 0..200 {
        let mut q = String::from("?");
        for _ in 0..(1 + next() % 6) {
            q.push_str(keys[(next() % keys.len() as u64) as usize]);
            for _ in 0..(next() % 14) {
                let ch = alphabet[(next() % alphabet.len() as u64) as usize];
                q.push_str(&match ch {
                    ' ' | '"' | '\'' | '<' | '>' => format!("%{:02X}", ch as u32),
                    c if !c.is_ascii() => c.to_string().bytes().map(|b| format!("%{b:02X}")).collect(),
                    c => c.to_string(),
                });
            }
            q.push('&');
        }
        c.browser.goto(&c.app.url(&q))?;
        c.browser
            .wait_for("a working page", "return !!document.querySelector('.chart canvas')&&document.getElementById('fatal').hidden", Duration::from_secs(10))
            .map_err(|e| format!("address {i} {q}: {e}"))?;
        c.no_errors().map_err(|e| format!("address {i} {q}: {e}"))?;
    }
    Ok(())
}

fn limits_and_unknown_keys_are_told_and_the_chart_stays(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let before = settled(c)?;
    let drop = |js_file: &str| {
        format!("const dt=new DataTransfer();dt.items.add({js_file});document.body.dispatchEvent(new DragEvent('drop',{{dataTransfer:dt,bubbles:true,cancelable:true}}));")
    };
    // A file over the size limit is refused at once, naming the limit.
    c.js(&drop("new File([new Uint8Array(129*1024*1024)],'huge.json',{type:'application/json'})"))?;
    let t = c.browser.wait_for("the size refusal", "const p=document.querySelector('.problem');return p?p.textContent:null;", Duration::from_secs(10))?;
    if !t.as_str().unwrap_or("").contains("over the limit of 128 MB") || c.fingerprint()? != before {
        return Err(format!("a 129 MB file is refused and the chart stays: {t}"));
    }
    click(c, ".problem button")?;
    // A series over the point limit (a CSV of 1,000,001 rows) likewise.
    c.js(&drop("new File(['Date,V\\n'+Array.from({length:1000001},(_,i)=>'2025-01-01,'+i).join('\\n')],'long.csv',{type:'text/csv'})"))?;
    let t = c.browser.wait_for("the points refusal", "const p=document.querySelector('.problem');return p?p.textContent:null;", Duration::from_secs(30))?;
    if !t.as_str().unwrap_or("").contains("1000001 points, over the limit of 1000000") || c.fingerprint()? != before {
        return Err(format!("a series over the point limit is refused and the chart stays: {t}"));
    }
    // A misspelt key: the data loads, and a note says what was ignored and what was meant.
    c.open("?data=typo.json")?;
    let t = c.browser.wait_for("the note", "const p=document.querySelector('[data-testid=notes]');return p?p.textContent:null;", Duration::from_secs(10))?;
    if !t.as_str().unwrap_or("").contains("\"comapre\" is not a key of this format: did you mean \"compare\"?") {
        return Err(format!("the note on the misspelt key: {t}"));
    }
    c.no_errors()
}

fn the_page_offers_its_offline_copy(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let v = c.browser.wait_for(
        "the download link with its size",
        "const p=document.querySelector('[data-testid=offline]');const a=p&&p.querySelector('a');return a&&/\\d+\\.\\d MB/.test(p.textContent)?[a.getAttribute('href'),a.getAttribute('download'),p.textContent]:null;",
        Duration::from_secs(10),
    )?;
    let href = v[0].as_str().unwrap_or("").to_string();
    let got = c.browser.js_async(
        &format!("const done=arguments[arguments.length-1];fetch({href:?}).then(r=>r.arrayBuffer().then(b=>{{const t=new TextDecoder().decode(b);done([r.status,b.byteLength,t.includes('data-offline-copy'),t.includes('Content-Security-Policy')]);}})).catch(e=>done(String(e)));"),
        vec![],
    )?;
    let on_disk = std::fs::metadata(Path::new(env!("CARGO_MANIFEST_DIR")).join("dist").join(&href)).map(|m| m.len()).unwrap_or(0);
    if got[0] != json!(200) || got[2] != json!(true) || got[3] != json!(true) || got[1].as_u64().unwrap_or(0) + 1024 < on_disk {
        return Err(format!("the link delivers the single file: {got} ({on_disk} bytes on disk)"));
    }
    let mb = format!("{:.1} MB", on_disk as f64 / 1_048_576.0);
    if !v[2].as_str().unwrap_or("").contains(&mb) {
        return Err(format!("the link says its size ({mb}): {}", v[2]));
    }
    c.open("?lang=ar")?;
    c.browser.wait_for(
        "the Arabic link",
        "const p=document.querySelector('[data-testid=offline]');return p&&p.textContent.includes('ميغابايت');",
        Duration::from_secs(10),
    )?;
    c.no_errors()
}

fn the_site_works_offline_after_one_visit(c: &Ctx) -> Result<(), String> {
    c.open("?story=miners")?;
    c.browser.js_async(
        "const done=arguments[arguments.length-1];navigator.serviceWorker.ready.then(r=>caches.keys()).then(k=>done(k)).catch(e=>done(String(e)));",
        vec![],
    )?;
    c.browser.wait_for(
        "the cache of this build",
        "return window.__cached||(caches.keys().then(async ks=>{for(const k of ks){const c=await caches.open(k);if(await c.match('./'))window.__cached=true;}}),false);",
        Duration::from_secs(10),
    )?;
    c.app_down.store(true, std::sync::atomic::Ordering::SeqCst);
    let r = (|| -> Result<(), String> {
        c.browser.goto(&c.app.url("?story=oracle&step=2"))?;
        c.browser.wait_for("the chart with the server down", &format!("return (function(){{{INK}}})()>2000"), Duration::from_secs(20))?;
        expect_step(c, "2 of 4", &dataset().unwrap().story("oracle").unwrap().steps[1].title.en)?;
        c.no_errors()
    })();
    c.app_down.store(false, std::sync::atomic::Ordering::SeqCst);
    // Leave no worker behind for the other scenarios.
    c.browser.js_async(
        "const done=arguments[arguments.length-1];navigator.serviceWorker.getRegistrations().then(rs=>Promise.all(rs.map(r=>r.unregister()))).then(()=>caches.keys()).then(ks=>Promise.all(ks.map(k=>caches.delete(k)))).then(()=>done(1));",
        vec![],
    )?;
    r
}

fn each_story_has_a_page_with_its_preview_card(c: &Ctx) -> Result<(), String> {
    let ds = dataset().unwrap();
    let mut images = Vec::new();
    for st in &ds.stories {
        for (page, lang) in [(format!("{}.html", st.id), "en"), (format!("{}-ar.html", st.id), "ar")] {
            c.open("")?;
            let v = c.browser.js_async(
                &format!(
                    "const done=arguments[arguments.length-1];fetch({page:?}).then(r=>r.text()).then(async t=>{{const d=new DOMParser().parseFromString(t,'text/html');\
                     const m=n=>{{const e=d.querySelector('meta[property=\"'+n+'\"],meta[name=\"'+n+'\"]');return e&&e.content;}};\
                     const img=m('og:image');const b=await (await fetch(img)).blob();const bm=await createImageBitmap(b);\
                     const bytes=new Uint8Array(await b.arrayBuffer());let h=2166136261>>>0;for(const x of bytes){{h^=x;h=Math.imul(h,16777619)>>>0;}}\
                     done([m('og:title'),m('og:description'),img,m('og:url'),m('twitter:card'),bm.width,bm.height,h,d.documentElement.lang]);}}).catch(e=>done(String(e)));"
                ),
                vec![],
            )?;
            let title = if lang == "ar" { &st.title.ar } else { &st.title.en };
            if v[0] != json!(title) || v[5] != json!(1200) || v[6] != json!(630) || v[4] != json!("summary_large_image") || v[8] != json!(lang) {
                return Err(format!("{page}: its card: {v}"));
            }
            if !v[3].as_str().unwrap_or("").ends_with(&page) || v[1].as_str().unwrap_or("").is_empty() {
                return Err(format!("{page}: og:url and og:description: {v}"));
            }
            images.push(v[7].to_string());
            // The page opens the app on its story, in its language.
            c.browser.goto(&c.app.url(&page))?;
            c.browser.wait_for(
                &format!("{page} opens its story"),
                &format!("return (function(){{{INK}}})()>2000&&document.documentElement.lang==={lang:?}"),
                Duration::from_secs(20),
            )?;
            let step_title = if lang == "ar" { &st.steps[0].title.ar } else { &st.steps[0].title.en };
            c.browser.wait_for(
                &format!("{page} on its first step"),
                &format!("const t=document.querySelector('.step-title');return t&&t.textContent==={step_title:?};"),
                Duration::from_secs(5),
            )?;
        }
    }
    images.sort();
    images.dedup();
    if images.len() != ds.stories.len() * 2 {
        return Err(format!("every story and language has its own card: {} distinct of {}", images.len(), ds.stories.len() * 2));
    }
    // The share and embed addresses are the story pages'.
    c.open("?story=miners")?;
    click(c, ".embed-toggle")?;
    c.browser.wait_for(
        "the embed code",
        "const t=document.querySelector('.embed-code');return t&&t.value.includes('/miners.html?');",
        Duration::from_secs(5),
    )?;
    c.no_errors()
}

fn without_javascript_the_finding_is_readable(c: &Ctx) -> Result<(), String> {
    let ds = dataset().unwrap();
    let first = &ds.stories[0];
    c.open("")?;
    let v = c.browser.js_async(
        "const done=arguments[arguments.length-1];fetch('./').then(r=>r.text()).then(async t=>{const n=t.slice(t.indexOf('<noscript>'),t.indexOf('</noscript>'));\
         const data=await (await fetch('dataset.json')).json();done([n,data.format]);}).catch(e=>done(String(e)));",
        vec![],
    )?;
    let n = v[0].as_str().unwrap_or("");
    let text = first.steps[0].text.en.split('{').next().unwrap_or("").trim();
    if !n.contains(&format!("<img src=\"preview-{}-en.png\"", first.id))
        || !n.contains(&first.title.en.replace('\'', "&#39;").replace("&#39;", "'"))
        || !n.contains(text)
        || !n.contains("href=\"dataset.json\"")
    {
        return Err(format!("index.html's noscript holds the card, the finding in words and the data: {n}"));
    }
    if v[1] != json!("liquidity-explorer-dataset/1") {
        return Err(format!("the data link serves the dataset: {}", v[1]));
    }
    c.no_errors()
}

fn the_data_comes_with_its_provenance(c: &Ctx) -> Result<(), String> {
    use std::io::Read;
    c.open("?story=oracle&step=4")?;
    c.js(
        "window.__files=[];const o=URL.createObjectURL;URL.createObjectURL=function(b){const u=o.call(URL,b);window.__files.push({url:u,blob:b});return u;};\
          HTMLAnchorElement.prototype.click=function(){const f=window.__files.find(x=>x.url===this.href);if(f)f.name=this.download;};",
    )?;
    click(c, ".download-zip")?;
    let got = c.browser.js_async(
        "const done=arguments[arguments.length-1];const t=setInterval(()=>{const f=window.__files.find(x=>x.name&&x.name.endsWith('.zip'));\
         if(f){clearInterval(t);const r=new FileReader();r.onload=()=>done([f.name,r.result.split(',')[1]]);r.readAsDataURL(f.blob);}},50);",
        vec![],
    )?;
    let bytes = support::webdriver::base64_decode(got[1].as_str().unwrap_or(""))?;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut names: Vec<String> = z.file_names().map(String::from).collect();
    names.sort();
    let ds = dataset().unwrap();
    let oracle = ds.story("oracle").unwrap();
    let spec = story::step_spec(&ds, oracle, &oracle.steps[3]);
    let mut want: Vec<String> = std::iter::once(&spec.main).chain(&spec.compare).map(|id| format!("series/{id}.csv")).collect();
    want.extend(["README.txt".to_string(), "metadata.json".to_string()]);
    want.sort();
    if names != want {
        return Err(format!("a CSV per series shown, the metadata and a README: {names:?} vs {want:?}"));
    }
    // The same values as the chart's source: every ORCL close, as the dataset gives it.
    let mut csv = String::new();
    z.by_name("series/ORCL.csv").map_err(|e| e.to_string())?.read_to_string(&mut csv).map_err(|e| e.to_string())?;
    let orcl = &ds.series("ORCL").unwrap().series;
    for p in orcl.points.iter().step_by(25) {
        let row = format!("{},{}", p.date.iso(), format!("{:.6}", p.value).trim_end_matches('0').trim_end_matches('.'));
        if !csv.contains(&row) {
            return Err(format!("ORCL.csv lacks {row}"));
        }
    }
    let mut meta = String::new();
    z.by_name("metadata.json").map_err(|e| e.to_string())?.read_to_string(&mut meta).map_err(|e| e.to_string())?;
    let m: Value = serde_json::from_str(&meta).map_err(|e| e.to_string())?;
    if m["series"].as_array().map_or(0, |a| a.len()) != spec.compare.len() + 1 || !m["view"].as_str().unwrap_or("").contains("oracle.html?") {
        return Err(format!("the metadata: {}", &meta[..meta.len().min(400)]));
    }
    // How to cite, and when the data end.
    c.js("document.querySelector('details.cite').open=true")?;
    let cite = text_of(c, "[data-testid=cite]")?;
    if !cite.contains(&oracle.title.en) || !cite.contains("oracle.html?") || !cite.contains("31 Dec 2025") {
        return Err(format!("the citation: {cite}"));
    }
    if !text_of(c, "[data-testid=data-as-of]")?.contains("31 Dec 2025") {
        return Err("the sources say when the data end".into());
    }
    c.no_errors()
}

fn a_big_table_stays_light(c: &Ctx) -> Result<(), String> {
    // A reader's file of 100,000 points: the table holds one page of rows in the page, and says how many there are.
    c.open("")?;
    c.js("const rows=['Date,V'];const d=new Date(Date.UTC(1800,0,1));for(let i=0;i<100000;i++){rows.push(new Date(d.getTime()+i*86400000).toISOString().slice(0,10)+','+(i%997));}\
          const dt=new DataTransfer();dt.items.add(new File([rows.join('\\n')],'big.csv',{type:'text/csv'}));\
          document.body.dispatchEvent(new DragEvent('drop',{dataTransfer:dt,bubbles:true,cancelable:true}));")?;
    c.browser.wait_for(
        "the big file",
        "const e=document.querySelector('[data-testid=dataset-name]');return e&&e.textContent.includes('big.csv');",
        Duration::from_secs(30),
    )?;
    click(c, ".table-toggle")?;
    let v = c.browser.wait_for(
        "the table",
        "const t=document.querySelector('table.data');const r=document.querySelector('[data-testid=rows]');return t&&r?[document.querySelectorAll('table.data tbody tr').length,r.textContent]:null;",
        Duration::from_secs(10),
    )?;
    if v[0] != json!(200) || !v[1].as_str().unwrap_or("").contains("of 100,000") {
        return Err(format!("one page of rows in the page: {v}"));
    }
    c.no_errors()
}

fn the_data_arrives_beside_the_app(c: &Ctx) -> Result<(), String> {
    // The page names its data file (fetched beside the Wasm), and the Wasm no longer carries the data.
    c.open("")?;
    let v = c.browser.js_async(
        "const done=arguments[arguments.length-1];const l=document.querySelector('link[rel=preload][data-dataset]');\
         const w=performance.getEntriesByType('resource').map(e=>e.name).find(n=>n.endsWith('_bg.wasm'));\
         if(!l||!w)return done(['no link or no wasm',!!l,w]);\
         Promise.all([fetch(l.href).then(r=>r.json()),fetch(w).then(r=>r.arrayBuffer())]).then(([d,b])=>{\
         const t=new TextDecoder('latin1').decode(new Uint8Array(b));done([d.id,t.includes(d.sources[0].note.slice(0,40)),t.includes(d.title.en)]);}).catch(e=>done(String(e)));",
        vec![],
    )?;
    if v != json!([dataset().unwrap().id, false, false]) {
        return Err(format!("the data file and the Wasm: {v}"));
    }
    // Should the data not arrive, the page says so in the reader's language, with a reload link.
    c.browser.cdp("Network.enable", json!({}))?;
    c.browser.cdp("Network.setBlockedURLs", json!({"urls": ["*dataset-*.json"]}))?;
    let r = (|| -> Result<(), String> {
        c.browser.goto(&c.app.url("?lang=ar"))?;
        let m = c.browser.wait_for(
            "the message",
            "const f=document.getElementById('fatal');return f&&!f.hidden&&f.querySelector('a.reload')?f.textContent:null;",
            Duration::from_secs(10),
        )?;
        let m = m.as_str().unwrap_or_default();
        if !m.contains("لم تُحمَّل بيانات الرسم") || c.js("return !!document.getElementById('boot')")? != json!(false) {
            return Err(format!("the message of data that did not load: {m}"));
        }
        Ok(())
    })();
    c.browser.cdp("Network.setBlockedURLs", json!({"urls": []}))?;
    r?;
    c.open("")?;
    c.no_errors()
}

fn a_minute_file_reads_in_times_of_day(c: &Ctx) -> Result<(), String> {
    // A journalist's intraday export: a trading day of minute closes, written in New York time.
    c.open("")?;
    let mut csv = String::from("Datetime,Close\n");
    for i in 0..390 {
        let (h, m) = (9 + (30 + i) / 60, (30 + i) % 60);
        csv.push_str(&format!("2025-09-10 {h:02}:{m:02}:00-04:00,{}\n", 100 + i));
    }
    pick_file(c, "orcl-minutes.csv", &csv)?;
    // The source line says the times are UTC and which offset the file gave.
    let source = text_of(c, ".source")?;
    if !source.contains("UTC\u{2212}04:00") {
        return Err(format!("the offset is said: {source}"));
    }
    // The axis ticks hours: the chart's text names times of day.
    // The crosshair reads a minute: its time (UTC) and that minute's close.
    let canvas = c.browser.find(".chart canvas")?;
    c.browser.send_keys(&canvas, &format!("{}{}{}", keys::RIGHT, keys::RIGHT, keys::RIGHT))?;
    let r = c.browser.wait_for(
        "a time in the readout",
        "const d=document.querySelector('.cursor-date');return d&&/\\d\\d:\\d\\d/.test(d.textContent)?document.querySelector('#readout').textContent:null;",
        Duration::from_secs(5),
    )?;
    let r = r.as_str().unwrap_or_default().to_string();
    let hm = r.split(|ch: char| !ch.is_ascii_digit() && ch != ':').find(|w| w.len() == 5 && w.as_bytes()[2] == b':').unwrap_or_default().to_string();
    let minute = hm.get(..2).and_then(|h| h.parse::<i32>().ok()).unwrap_or(-1) * 60 + hm.get(3..).and_then(|m| m.parse::<i32>().ok()).unwrap_or(-1);
    let i = minute - (13 * 60 + 30);
    if !(0..390).contains(&i) || !r.contains("UTC") || !r.contains(&format!(": {}", 100 + i)) {
        return Err(format!("the readout at {hm} UTC should read minute {i}'s close {}: {r}", 100 + i));
    }
    // The address keeps the minute.
    c.browser.wait_for("the address", &format!("return location.search.includes('cursor=2025-09-10T{hm}Z')"), Duration::from_secs(5))?;
    // The table's rows carry their times.
    click(c, ".table-toggle")?;
    let first = c.browser.wait_for(
        "the table",
        "const t=document.querySelector('table.data');return t&&t.tBodies[0].rows.length?t.tBodies[0].rows[0].cells[0].textContent:null;",
        Duration::from_secs(5),
    )?;
    if !first.as_str().unwrap_or("").contains("13:30") {
        return Err(format!("the first row is 13:30 UTC: {first}"));
    }
    c.shot("intraday-minutes.png")?;
    c.no_errors()
}

fn numbers_past_what_an_axis_holds_are_told_and_the_page_keeps_working(c: &Ctx) -> Result<(), String> {
    // A stranger's file of ±1e308: the chart once stopped on a capacity overflow (the page's panic banner).
    c.open("")?;
    let mut csv = String::from("Date,Big,Small\n");
    for d in 1..29 {
        csv.push_str(&format!("2025-01-{d:02},{},{}\n", if d % 2 == 1 { "1e308" } else { "-1e308" }, d));
    }
    pick_file(c, "extremes.csv", &csv)?;
    let before = settled(c)?;
    // Every mode and the log scale: each draws (a message where the values cannot share an axis), none stops the page.
    for button in [".mode[data-mode=indexed]", ".mode[data-mode=percent]", ".mode[data-mode=drawdown]", ".mode[data-mode=absolute]", "button.log", "button.log"]
    {
        click(c, button)?;
        settled(c)?;
    }
    let fatal = c.js("const f=document.getElementById('fatal');return f&&!f.hidden?f.textContent:null")?;
    if !fatal.is_null() {
        return Err(format!("the page stopped: {fatal}"));
    }
    // Back to the bundled data: the page still draws it.
    c.open("")?;
    if settled(c)? == before {
        return Err("the bundled chart should differ from the refused one".into());
    }
    c.no_errors()
}

fn a_big_file_shows_its_progress_and_can_be_cancelled(c: &Ctx) -> Result<(), String> {
    c.open("")?;
    let before = settled(c)?;
    // Every text the status line shows, as it shows it, and every Cancel button that stood beside it.
    c.js("window.__busy=[];window.__cancel=[];const b=document.querySelector('[data-testid=busy]');new MutationObserver(()=>{window.__busy.push(b.textContent);\
          const x=document.querySelector('.cancel-load');if(x&&!window.__cancel.includes(x))window.__cancel.push(x);}).observe(b,{subtree:true,childList:true,characterData:true});")?;
    let drop = |rows: usize, name: &str| {
        format!(
            "const rows=['Date,A,B'];const d=Date.UTC(1800,0,1);for(let i=0;i<{rows};i++){{rows.push(new Date(d+i*86400000).toISOString().slice(0,10)+','+(i%997)+','+(i%13));}}\
             const dt=new DataTransfer();dt.items.add(new File([rows.join('\\n')],'{name}',{{type:'text/csv'}}));\
             document.body.dispatchEvent(new DragEvent('drop',{{dataTransfer:dt,bubbles:true,cancelable:true}}));"
        )
    };
    // A million rows: the page says how far it has read, and Cancel stops it.
    c.js(&drop(1_000_000, "million.csv"))?;
    let progress = c.browser.wait_for(
        "the progress",
        "const b=document.querySelector('[data-testid=busy]');return b&&/ MB/.test(b.textContent)&&document.querySelector('.cancel-load')?b.textContent:null;",
        Duration::from_secs(30),
    )?;
    if !progress.as_str().unwrap_or("").contains("million.csv") {
        return Err(format!("the progress names the file: {progress}"));
    }
    // Cancel, from the keyboard: focused, then Enter.
    c.js("document.querySelector('.cancel-load').focus()")?;
    c.browser.keys("\u{E007}")?;
    c.browser.wait_for(
        "the cancellation",
        "const b=document.querySelector('[data-testid=busy]');return b.textContent.includes('cancelled')&&!document.querySelector('.cancel-load');",
        Duration::from_secs(5),
    )?;
    std::thread::sleep(Duration::from_millis(500));
    if c.fingerprint()? != before || !text_of(c, "[data-testid=dataset-name]")?.contains("comes with this page") {
        return Err("after Cancel the chart and the data are as they were".into());
    }
    // A smaller big file is read to the end, its progress said on the way.
    c.js("window.__busy=[];window.__cancel=[];")?;
    c.js(&drop(300_000, "big.csv"))?;
    c.browser.wait_for(
        "the big file",
        "const e=document.querySelector('[data-testid=dataset-name]');return e&&e.textContent.includes('big.csv');",
        Duration::from_secs(60),
    )?;
    let seen = c.js("return window.__busy.filter(t=>/ of .* MB/.test(t))")?;
    if seen.as_array().map_or(0, |a| a.len()) < 2 {
        return Err(format!("the progress of a 300,000-row file is said as it goes: {seen}"));
    }
    // One Cancel button all along: it stays where it is, and a keyboard reader's focus on it stays, while the
    // progress moves.
    if c.js("return window.__cancel.length")? != json!(1) {
        return Err(format!("the Cancel button was replaced while the file was read: {}", c.js("return window.__cancel.length")?));
    }
    c.no_errors()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dist = std::env::var("E2E_DIST").map(PathBuf::from).unwrap_or_else(|_| root.join("dist"));
    if !dist.join("index.html").is_file() {
        eprintln!("e2e: {} has no index.html: build first with `trunk build --release` (./scripts/test.sh does it)", dist.display());
        std::process::exit(1);
    }
    let shots = root.join("target/screenshots");
    let _ = std::fs::create_dir_all(&shots);
    let browser = match Browser::start() {
        Ok(b) => b,
        Err(e) => {
            eprintln!("e2e: {e}");
            std::process::exit(1);
        }
    };
    let inject = Options { inject_head: Some(HOOK.into()), ..Options::default() };
    let broken_json = std::fs::read(root.join("tests/corpus/bad/bad-points.json")).expect("corpus file");
    // A news page on another origin (localhost vs 127.0.0.1) embedding the chart three ways.
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).unwrap_or(0);
    let chart = format!("http://127.0.0.1:{port}");
    let host = format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head><body>
<script>window.__msgs=[];window.addEventListener('message',function(e){{window.__msgs.push(typeof e.data==='string'?e.data:JSON.stringify(e.data));}});</script>
<p>An article.</p>
<iframe id="managed" src="{chart}/?embed=1&story=oracle&childId=pym-1" data-liquidity-embed title="chart" style="width:100%;height:200px;border:0"></iframe>
<iframe id="forger" title="forger" srcdoc="<script>window.addEventListener('message',function(){{parent.postMessage({{type:'liquidity-explorer:height',height:3000}},'*');parent.__forged=true;}});</script>"></iframe>
<script src="{chart}/embed.js"></script>
</body></html>"#
    );
    // A page on that other origin driving the chart's steps by postMessage.
    let steps_host = format!(
        r#"<!doctype html><html><head><meta charset="utf-8"><title>Steps host</title></head><body>
<iframe id="chart" src="{chart}/?embed=1&story=oracle" title="chart" style="width:100%;height:900px;border:0"></iframe>
<script>window.send=function(m){{document.getElementById('chart').contentWindow.postMessage(m,'*');}};</script>
</body></html>"#
    );
    let app_down = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let app = StaticServer::start_on(
        port,
        &dist,
        Options {
            down: app_down.clone(),
            extra: vec![
                ("broken.json".into(), broken_json),
                ("host.html".into(), host.into_bytes()),
                ("steps-host.html".into(), steps_host.into_bytes()),
                ("hostile.json".into(), HOSTILE.as_bytes().to_vec()),
                (
                    "typo.json".into(),
                    br#"{"format": "liquidity-explorer-dataset/1", "id": "t", "title": "Typo", "series": [{"id": "A", "name": "A", "unit": "usd", "points": [["2025-01-02", 1], ["2025-01-03", 2]]}], "stories": [{"id": "s", "title": "S", "series": ["A"], "comapre": ["A"]}]}"#.to_vec(),
                ),
            ],
            ..inject.clone()
        },
    );
    let broken = StaticServer::start(&dist, Options { refuse_suffix: Some(".wasm".into()), ..inject.clone() });
    let wasm_held = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let held = StaticServer::start(&dist, Options { hold: Some(("_bg.wasm".into(), wasm_held.clone())), ..inject });
    // The linked timeline holds every date of the dataset; the page opens on
    // the first story (Oracle) with its 2025 window.
    let ds = dataset().expect("bundled dataset");
    let timeline = Timeline::new(ds.series.iter().flat_map(|s| s.series.points.iter().map(|p| p.date)).collect());
    let dates: Vec<Date> = (0..timeline.len()).filter_map(|i| timeline.date(i)).collect();
    let (a, b) = ds.story("oracle").and_then(|s| s.window).expect("Oracle's window");
    let w = timeline.window_for(a, b);
    let ctx = Ctx { browser, app, app_down, broken, held, wasm_held, timeline, dates, start0: w.start, end0: w.end, shots };

    let filter: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    type Scenario = (&'static str, fn(&Ctx) -> Result<(), String>);
    let scenarios: [Scenario; 55] = [
        ("loads_and_draws", loads_and_draws),
        ("the_first_picture_shows_before_the_app", the_first_picture_shows_before_the_app),
        ("keyboard_moves_the_end_handle_and_redraws", keyboard_moves_the_end_handle_and_redraws),
        ("the_start_never_passes_the_end", the_start_never_passes_the_end),
        ("pointer_and_touch_drags_move_the_window", pointer_and_touch_drags_move_the_window),
        ("sharp_on_high_dpi_and_follows_resizes", sharp_on_high_dpi_and_follows_resizes),
        ("says_so_when_the_wasm_cannot_start", says_so_when_the_wasm_cannot_start),
        ("loads_a_dataset_by_url_then_refuses_a_broken_one", loads_a_dataset_by_url_then_refuses_a_broken_one),
        ("loads_a_csv_from_a_file", loads_a_csv_from_a_file),
        ("sources_view_lists_sources_and_disagreements", sources_view_lists_sources_and_disagreements),
        ("every_story_draws_and_its_controls_change_the_picture", every_story_draws_and_its_controls_change_the_picture),
        ("the_crosshair_reads_known_values", the_crosshair_reads_known_values),
        ("clicking_an_event_on_the_chart_opens_it", clicking_an_event_on_the_chart_opens_it),
        ("the_timeline_is_linked_across_views", the_timeline_is_linked_across_views),
        ("play_runs_and_stops", play_runs_and_stops),
        ("the_table_shows_what_the_chart_shows", the_table_shows_what_the_chart_shows),
        ("the_miners_deals_sort_and_say_not_disclosed", the_miners_deals_sort_and_say_not_disclosed),
        ("the_overview_answers_the_faq_with_links", the_overview_answers_the_faq_with_links),
        ("the_arabic_page_is_right_to_left_and_in_arabic", the_arabic_page_is_right_to_left_and_in_arabic),
        ("the_language_switch_and_the_address", the_language_switch_and_the_address),
        ("dark_mode_follows_the_system_and_can_be_overridden", dark_mode_follows_the_system_and_can_be_overridden),
        ("axe_finds_no_accessibility_violations", axe_finds_no_accessibility_violations),
        ("every_control_is_reachable_by_keyboard", every_control_is_reachable_by_keyboard),
        ("the_address_restores_the_view", the_address_restores_the_view),
        ("garbage_in_the_address_is_ignored", garbage_in_the_address_is_ignored),
        ("embed_flags_change_the_page", embed_flags_change_the_page),
        ("the_embed_sizes_itself_in_a_page_from_another_origin", the_embed_sizes_itself_in_a_page_from_another_origin),
        ("downloads_hold_what_the_screen_shows", downloads_hold_what_the_screen_shows),
        ("the_offline_file_opens_with_no_network", the_offline_file_opens_with_no_network),
        ("every_story_opens_on_its_point_from_every_other", every_story_opens_on_its_point_from_every_other),
        ("steps_move_by_buttons_dots_and_keys", steps_move_by_buttons_dots_and_keys),
        ("a_step_address_reproduces_the_step", a_step_address_reproduces_the_step),
        ("a_page_on_another_origin_drives_the_steps", a_page_on_another_origin_drives_the_steps),
        ("scrolling_the_scrolly_page_walks_the_chart_through_the_story", scrolling_the_scrolly_page_walks_the_chart_through_the_story),
        ("controls_that_cannot_apply_are_disabled_with_their_reason", controls_that_cannot_apply_are_disabled_with_their_reason),
        ("every_line_gets_its_own_colour", every_line_gets_its_own_colour),
        ("a_series_found_by_typing_joins_the_chart", a_series_found_by_typing_joins_the_chart),
        ("every_story_fits_the_first_phone_screen", every_story_fits_the_first_phone_screen),
        ("the_page_runs_under_a_strict_content_security_policy", the_page_runs_under_a_strict_content_security_policy),
        ("a_panic_leaves_a_message_and_the_last_picture", a_panic_leaves_a_message_and_the_last_picture),
        ("a_dataset_the_browser_may_not_read_is_explained", a_dataset_the_browser_may_not_read_is_explained),
        ("hostile_text_stays_text", hostile_text_stays_text),
        ("random_addresses_never_break_the_page", random_addresses_never_break_the_page),
        ("limits_and_unknown_keys_are_told_and_the_chart_stays", limits_and_unknown_keys_are_told_and_the_chart_stays),
        ("the_page_offers_its_offline_copy", the_page_offers_its_offline_copy),
        ("the_site_works_offline_after_one_visit", the_site_works_offline_after_one_visit),
        ("each_story_has_a_page_with_its_preview_card", each_story_has_a_page_with_its_preview_card),
        ("without_javascript_the_finding_is_readable", without_javascript_the_finding_is_readable),
        ("the_data_comes_with_its_provenance", the_data_comes_with_its_provenance),
        ("a_big_table_stays_light", a_big_table_stays_light),
        ("the_data_arrives_beside_the_app", the_data_arrives_beside_the_app),
        ("a_minute_file_reads_in_times_of_day", a_minute_file_reads_in_times_of_day),
        ("numbers_past_what_an_axis_holds_are_told_and_the_page_keeps_working", numbers_past_what_an_axis_holds_are_told_and_the_page_keeps_working),
        ("a_big_file_shows_its_progress_and_can_be_cancelled", a_big_file_shows_its_progress_and_can_be_cancelled),
        ("screenshots_for_review", screenshots_for_review),
    ];
    let mut failed = Vec::new();
    let mut ran = 0;
    for (name, f) in scenarios {
        if !filter.is_empty() && !filter.iter().any(|p| name.contains(p.as_str())) {
            continue;
        }
        ran += 1;
        let started = std::time::Instant::now();
        let result = f(&ctx);
        let _ = ctx.browser.cdp("Emulation.clearDeviceMetricsOverride", json!({}));
        match result {
            Ok(()) => println!("test e2e::{name} ... ok ({:.1}s)", started.elapsed().as_secs_f64()),
            Err(e) => {
                println!("test e2e::{name} ... FAILED\n    {e}");
                failed.push(name);
            }
        }
    }
    println!("\ne2e: {} passed, {} failed (screenshots in {})", ran - failed.len(), failed.len(), ctx.shots.display());
    drop(ctx);
    if !failed.is_empty() {
        std::process::exit(1);
    }
}
