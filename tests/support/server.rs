//! A tiny static file server for the browser tests: serves dist/ on a free
//! loopback port from a thread, with the right MIME types. For the tests it can
//! inject a script at the top of index.html (the console/error hook, which must
//! run before the app loads) and refuse chosen files (to test failure paths).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread;

#[derive(Clone, Default)]
pub struct Options {
    /// HTML inserted right after `<head>` of every .html page.
    pub inject_head: Option<String>,
    /// Requests whose path ends with this suffix get a 404.
    pub refuse_suffix: Option<String>,
    /// Extra files served from memory: (URL path without the leading slash, body).
    pub extra: Vec<(String, Vec<u8>)>,
    /// While set, every request gets a 503 (the site is down: the service worker's test).
    pub down: Arc<std::sync::atomic::AtomicBool>,
    /// Requests whose path ends with this suffix wait while the flag is set (a slow network: the page
    /// before the app has started).
    pub hold: Option<(String, Arc<std::sync::atomic::AtomicBool>)>,
    /// Serves a file's `.gz` copy (beside it in the folder, or among `extra`) to a browser that accepts
    /// gzip, as a host of the built site would (scripts/compress.mjs writes them). HTML pages are sent as
    /// they are (the head script is injected into them).
    pub gzip: bool,
    /// While set, responses go as over a slow mobile link shared by every request: each waits a round
    /// trip, then the bytes leave at the link's rate (Chrome DevTools' "Slow 4G": 150 ms, 1.6 Mbit/s).
    /// Done here, not in Chrome, so that it holds the same for every page and every navigation.
    pub slow: Arc<std::sync::atomic::AtomicBool>,
}

/// When the server's slow link is next free (one per server, shared by its responses).
type Link = Arc<std::sync::Mutex<Option<std::time::Instant>>>;

/// The slow link: round trip and bytes per second.
const SLOW_RTT: std::time::Duration = std::time::Duration::from_millis(150);
const SLOW_BYTES_PER_SEC: f64 = 1_600_000.0 / 8.0;

/// Writes `bytes` as the slow link would let them through, sharing it with every other response.
fn write_slowly(stream: &mut TcpStream, bytes: &[u8], link: &std::sync::Mutex<Option<std::time::Instant>>) -> std::io::Result<()> {
    for chunk in bytes.chunks(8 * 1024) {
        let due = {
            let mut free = link.lock().unwrap_or_else(|e| e.into_inner());
            let now = std::time::Instant::now();
            let start = free.filter(|f| *f > now).unwrap_or(now);
            let end = start + std::time::Duration::from_secs_f64(chunk.len() as f64 / SLOW_BYTES_PER_SEC);
            *free = Some(end);
            end
        };
        let now = std::time::Instant::now();
        if due > now {
            thread::sleep(due - now);
        }
        stream.write_all(chunk)?;
    }
    Ok(())
}

pub struct StaticServer {
    pub port: u16,
}

impl StaticServer {
    pub fn start(root: &Path, options: Options) -> StaticServer {
        StaticServer::start_on(0, root, options)
    }

    /// On a given port (0: any free one).
    pub fn start_on(port: u16, root: &Path, options: Options) -> StaticServer {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind a loopback port");
        let port = listener.local_addr().unwrap().port();
        let root = Arc::new(root.to_path_buf());
        let options = Arc::new(options);
        let link = Link::default();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, options, link) = (root.clone(), options.clone(), link.clone());
                thread::spawn(move || {
                    let _ = serve(stream, &root, &options, &link);
                });
            }
        });
        StaticServer { port }
    }

    pub fn url(&self, path_and_query: &str) -> String {
        format!("http://127.0.0.1:{}/{}", self.port, path_and_query.trim_start_matches('/'))
    }
}

fn serve(mut stream: TcpStream, root: &Path, options: &Options, link: &Link) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the headers (requests from the browser have no body we need).
    let mut gzip_ok = false;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        let lower = line.to_ascii_lowercase();
        if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
            gzip_ok = true;
        }
    }
    if options.down.load(std::sync::atomic::Ordering::SeqCst) {
        let body = b"down";
        write!(stream, "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len())?;
        stream.write_all(body)?;
        return Ok(());
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let refused = options.refuse_suffix.as_deref().is_some_and(|s| path.ends_with(s));
    if let Some((suffix, held)) = &options.hold {
        let start = std::time::Instant::now();
        while path.ends_with(suffix.as_str()) && held.load(std::sync::atomic::Ordering::SeqCst) && start.elapsed().as_secs() < 60 {
            thread::sleep(std::time::Duration::from_millis(20));
        }
    }
    let extra = options.extra.iter().find(|(p, _)| p == path.trim_start_matches('/'));
    let file = match extra {
        Some((p, body)) => Some((PathBuf::from(p), body.clone())),
        None => resolve(root, path).and_then(|f| std::fs::read(&f).ok().map(|b| (f, b))),
    };
    let mut encoding = "";
    let (status, mime, body) = match file.filter(|_| !refused) {
        Some((f, mut body)) => {
            let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext == "html" {
                if let Some(inject) = &options.inject_head {
                    let html = String::from_utf8_lossy(&body).replacen("<head>", &format!("<head>{inject}"), 1);
                    body = html.into_bytes();
                }
            } else if options.gzip && gzip_ok {
                let gz_path = format!("{}.gz", path.trim_start_matches('/'));
                let gz = match options.extra.iter().find(|(p, _)| *p == gz_path) {
                    Some((_, b)) => Some(b.clone()),
                    None => resolve(root, &format!("{path}.gz")).and_then(|f| std::fs::read(f).ok()),
                };
                if let Some(gz) = gz {
                    body = gz;
                    encoding = "Content-Encoding: gzip\r\n";
                }
            }
            ("200 OK", mime(ext), body)
        }
        None => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let slow = options.slow.load(std::sync::atomic::Ordering::SeqCst);
    if slow {
        thread::sleep(SLOW_RTT);
    }
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\n{encoding}Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if slow {
        write_slowly(&mut stream, &body, link)?;
    } else {
        stream.write_all(&body)?;
    }
    // Let the client read everything before the socket closes.
    let _ = stream.flush();
    let mut sink = [0u8; 64];
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_millis(5)));
    let _ = stream.read(&mut sink);
    Ok(())
}

fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let mut p = root.to_path_buf();
    for part in Path::new(url_path.trim_start_matches('/')).components() {
        match part {
            Component::Normal(s) => p.push(s),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if p.is_dir() {
        p.push("index.html");
    }
    p.is_file().then_some(p)
}

fn mime(ext: &str) -> &'static str {
    match ext {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}
