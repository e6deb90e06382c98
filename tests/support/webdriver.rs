//! A minimal W3C WebDriver client over plain HTTP/1.1 on loopback: enough to
//! drive headless Chromium through chromedriver (navigate, run scripts, find
//! elements, keys, pointer actions, window size, screenshots). Written here to
//! keep the test build lean: no async runtime, no TLS stack.

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub mod keys {
    pub const LEFT: &str = "\u{E012}";
    pub const RIGHT: &str = "\u{E014}";
    pub const UP: &str = "\u{E013}";
    pub const DOWN: &str = "\u{E015}";
    pub const PAGE_UP: &str = "\u{E00E}";
    pub const PAGE_DOWN: &str = "\u{E00F}";
    pub const HOME: &str = "\u{E011}";
    pub const END: &str = "\u{E010}";
}

pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: TempDir,
}

struct TempDir(std::path::PathBuf);
impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[derive(Clone, Debug)]
pub struct Element(pub String);

impl Browser {
    /// Starts chromedriver on a free port and opens a headless Chromium session.
    pub fn start() -> Result<Browser, String> {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| e.to_string())?.port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start chromedriver ({e}); run ./scripts/test.sh, which installs it"))?;
        let profile = std::env::temp_dir().join(format!("liquidity-e2e-{}-{port}", std::process::id()));
        let mut b = Browser { driver, port, session: String::new(), _profile: TempDir(profile.clone()) };
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(v) = b.http("GET", "/status", None) {
                if v["value"]["ready"].as_bool() == Some(true) {
                    break;
                }
            }
            if Instant::now() > deadline {
                return Err("chromedriver did not become ready".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let chrome = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chrome,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                         "--no-first-run", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--hide-scrollbars", "--window-size=1280,900",
                         format!("--user-data-dir={}", profile.display())]
            }
        }}});
        let v = b.http("POST", "/session", Some(&caps))?;
        b.session = v["value"]["sessionId"].as_str().ok_or_else(|| format!("no session: {v}"))?.to_string();
        // Long audits (axe) take a while.
        b.cmd("POST", "/timeouts", Some(json!({"script": 60_000})))?;
        Ok(b)
    }

    fn http(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(Duration::from_secs(60))).ok();
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let req = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
        // chromedriver may keep the connection open: read the head, then
        // exactly Content-Length bytes (or chunks until the last one).
        let mut raw = Vec::new();
        let mut buf = [0u8; 16384];
        let split = loop {
            if let Some(p) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
                break p;
            }
            let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                return Err("chromedriver closed the connection".into());
            }
            raw.extend_from_slice(&buf[..n]);
        };
        let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
        let mut payload = raw[split + 4..].to_vec();
        let length = head.lines().find_map(|l| l.strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap_or(0)));
        let chunked = head.contains("transfer-encoding: chunked") || head.contains("transfer-encoding:chunked");
        loop {
            let done = match length {
                Some(len) => payload.len() >= len,
                None if chunked => payload.windows(5).any(|w| w == b"0\r\n\r\n"),
                None => false,
            };
            if done {
                break;
            }
            let n = stream.read(&mut buf).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            payload.extend_from_slice(&buf[..n]);
        }
        if chunked {
            payload = dechunk(&payload);
        }
        let v: Value = serde_json::from_slice(&payload).map_err(|e| format!("bad JSON from chromedriver: {e}"))?;
        if v["value"].get("error").is_some() {
            return Err(format!("{} {path}: {}: {}", method, v["value"]["error"], v["value"]["message"]));
        }
        Ok(v)
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let v = self.http(method, &format!("/session/{}{path}", self.session), body.as_ref())?;
        Ok(v["value"].clone())
    }

    pub fn goto(&self, url: &str) -> Result<(), String> {
        self.cmd("POST", "/url", Some(json!({ "url": url }))).map(|_| ())
    }

    /// Runs a script (a function body; `arguments` holds the args) and returns its value.
    pub fn js(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.cmd("POST", "/execute/sync", Some(json!({ "script": script, "args": args })))
    }

    /// Runs an asynchronous script: it calls `arguments[arguments.length - 1]` with its result.
    pub fn js_async(&self, script: &str, args: Vec<Value>) -> Result<Value, String> {
        self.cmd("POST", "/execute/async", Some(json!({ "script": script, "args": args })))
    }

    /// Polls a script until it returns a truthy value; returns that value.
    pub fn wait_for(&self, what: &str, script: &str, timeout: Duration) -> Result<Value, String> {
        let deadline = Instant::now() + timeout;
        loop {
            // A page still loading may not have the element yet: a script error means "not yet", until the deadline.
            let v = match self.js(script, vec![]) {
                Ok(v) => v,
                Err(e) if e.contains("javascript error") && Instant::now() <= deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                    continue;
                }
                Err(e) => return Err(e),
            };
            let truthy = !(v.is_null() || v == json!(false) || v == json!(0) || v == json!(""));
            if truthy {
                return Ok(v);
            }
            if Instant::now() > deadline {
                return Err(format!("timed out waiting for {what} (last value {v})"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn find(&self, css: &str) -> Result<Element, String> {
        let v = self.cmd("POST", "/element", Some(json!({"using": "css selector", "value": css})))?;
        Ok(Element(v[ELEMENT_KEY].as_str().ok_or_else(|| format!("no element {css}"))?.to_string()))
    }

    pub fn send_keys(&self, el: &Element, text: &str) -> Result<(), String> {
        self.cmd("POST", &format!("/element/{}/value", el.0), Some(json!({ "text": text }))).map(|_| ())
    }

    pub fn click(&self, el: &Element) -> Result<(), String> {
        self.cmd("POST", &format!("/element/{}/click", el.0), Some(json!({}))).map(|_| ())
    }

    pub fn attr(&self, el: &Element, name: &str) -> Result<String, String> {
        let v = self.cmd("GET", &format!("/element/{}/attribute/{name}", el.0), None)?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// Performs W3C pointer actions with the given pointer type ("mouse", "touch", "pen").
    pub fn pointer(&self, pointer_type: &str, actions: Vec<Value>) -> Result<(), String> {
        let body = json!({"actions": [{"type": "pointer", "id": format!("p-{pointer_type}"),
            "parameters": {"pointerType": pointer_type}, "actions": actions}]});
        self.cmd("POST", "/actions", Some(body))?;
        self.cmd("DELETE", "/actions", None).map(|_| ())
    }

    /// Presses keys (W3C key actions: each character down and up) wherever the focus is.
    pub fn keys(&self, keys: &str) -> Result<(), String> {
        let actions: Vec<Value> =
            keys.chars().flat_map(|k| [json!({"type": "keyDown", "value": k.to_string()}), json!({"type": "keyUp", "value": k.to_string()})]).collect();
        let body = json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]});
        self.cmd("POST", "/actions", Some(body))?;
        self.cmd("DELETE", "/actions", None).map(|_| ())
    }

    /// Moves into an iframe (found by CSS in the current document), or back to the top page with `None`.
    pub fn frame(&self, css: Option<&str>) -> Result<(), String> {
        let id = match css {
            Some(css) => {
                let el = self.find(css)?;
                json!({ ELEMENT_KEY: el.0 })
            }
            None => Value::Null,
        };
        self.cmd("POST", "/frame", Some(json!({ "id": id }))).map(|_| ())
    }

    /// Chrome DevTools command through chromedriver (e.g. device-metrics emulation).
    pub fn cdp(&self, command: &str, params: Value) -> Result<Value, String> {
        self.cmd("POST", "/goog/cdp/execute", Some(json!({"cmd": command, "params": params})))
    }

    pub fn screenshot_png(&self) -> Result<Vec<u8>, String> {
        let v = self.cmd("GET", "/screenshot", None)?;
        base64_decode(v.as_str().unwrap_or_default())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.http("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(pos) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..pos]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = pos + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

pub fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let bytes: Vec<u8> = s.bytes().filter(|c| !c.is_ascii_whitespace() && *c != b'=').collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut acc = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            acc |= val(*c).ok_or("bad base64")? << (18 - 6 * i);
        }
        let n = chunk.len() * 6 / 8;
        for i in 0..n {
            out.push((acc >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}
