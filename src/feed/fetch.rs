//! Reading a feed's files where it is published: over HTTPS (plain HTTP on
//! the loopback address only), or from a folder (`file://`, a shared drive,
//! a USB stick). Every read has a size limit; every download a time limit,
//! and all of one feed's downloads a limit together, so that a server that
//! stalls or trickles ends the update in a bounded time.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use url::{Host, Url};

/// Where a feed is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `https://…/` (or `http://` on the loopback address), ending in `/`.
    Web(Url),
    /// An absolute folder.
    Folder(PathBuf),
}

/// Redirects followed for one file.
const MAX_REDIRECTS: usize = 5;

/// The time limit for one download, unless `--timeout` says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// All of one feed's downloads must end within this many times the
/// limit for one.
pub const FEED_BUDGET: u32 = 20;

impl Source {
    /// Reads SOURCE as `feed add` takes it: an `https://` or `file://` URL,
    /// an `http://` URL on the loopback address, or a folder's path. A URL
    /// or path ending in `index.json` names its folder.
    pub fn parse(text: &str) -> Result<Source, String> {
        if !text.contains("://") {
            let path = Path::new(text);
            let path = if path.file_name().is_some_and(|n| n == "index.json") {
                path.parent().unwrap_or(Path::new("."))
            } else {
                path
            };
            let path = if path.as_os_str().is_empty() {
                Path::new(".")
            } else {
                path
            };
            return std::path::absolute(path)
                .map(Source::Folder)
                .map_err(|e| e.to_string());
        }
        let mut url = Url::parse(text)
            .map_err(|e| crate::ui::tr!("feed-source-bad-url", error = e.to_string()))?;
        if url.query().is_some() || url.fragment().is_some() {
            return Err(crate::ui::tr!("feed-source-query"));
        }
        // A feed is public, and its signature what protects it: a password
        // in its address would only be shown in every message.
        if !url.username().is_empty() || url.password().is_some() {
            return Err(crate::ui::tr!("feed-source-credentials"));
        }
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&url) => {}
            "http" => return Err(crate::ui::tr!("feed-source-http")),
            "file" => {
                let path = url
                    .to_file_path()
                    .map_err(|()| crate::ui::tr!("feed-source-bad-file-url"))?;
                return Source::parse(&path.to_string_lossy());
            }
            other => return Err(crate::ui::tr!("feed-source-scheme", scheme = other)),
        }
        if let Some(folder) = url.path().strip_suffix("index.json") {
            let folder = folder.to_string();
            url.set_path(&folder);
        }
        if !url.path().ends_with('/') {
            let folder = format!("{}/", url.path());
            url.set_path(&folder);
        }
        Ok(Source::Web(url))
    }

    /// The source as the subscriptions file keeps it, and as messages show it.
    pub fn to_text(&self) -> String {
        match self {
            Source::Web(url) => url.to_string(),
            Source::Folder(path) => path.display().to_string(),
        }
    }

    /// Where the file at `rel` (a checked relative path) is, for messages.
    pub fn locate(&self, rel: &str) -> String {
        match self {
            Source::Web(url) => url
                .join(rel)
                .map_or_else(|_| rel.to_string(), |u| u.to_string()),
            Source::Folder(path) => path.join(rel).display().to_string(),
        }
    }
}

/// The loopback address: `localhost`, `127.0.0.0/8`, `::1`.
fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Not there (404, 410, no such file).
    Missing,
    /// Larger than the limit, in bytes.
    TooLarge(u64),
    /// A redirect to another scheme (HTTPS to HTTP), or off the loopback
    /// address in plain HTTP.
    Redirect(String),
    /// A folder's file that is a link to somewhere outside the folder.
    Outside,
    /// Not a regular file: a folder, a FIFO, a device.
    NotAFile,
    /// The time limit passed.
    Timeout(Duration),
    /// The server answered with this status.
    Status(u16),
    /// The certificate was not trusted, or TLS failed.
    Tls(String),
    /// Anything else: no route, a refused connection, a read error.
    Unreachable(String),
}

impl Failure {
    /// Whether the feed is at fault (refused, exit code 3) rather than the
    /// way to it (exit code 1).
    pub fn is_refusal(&self) -> bool {
        matches!(
            self,
            Failure::Missing
                | Failure::TooLarge(_)
                | Failure::Redirect(_)
                | Failure::Outside
                | Failure::NotAFile
        )
    }

    /// What happened, in the interface's language.
    pub fn message(&self) -> String {
        match self {
            Failure::Missing => crate::ui::tr!("feed-fetch-missing"),
            Failure::TooLarge(limit) => crate::ui::tr!("feed-fetch-too-large", kib = limit / 1024),
            Failure::Redirect(to) => crate::ui::tr!("feed-fetch-redirect", to = to.as_str()),
            Failure::Outside => crate::ui::tr!("feed-fetch-outside"),
            Failure::NotAFile => crate::ui::tr!("feed-fetch-not-file"),
            Failure::Timeout(limit) => {
                crate::ui::tr!("feed-fetch-timeout", seconds = limit.as_secs())
            }
            Failure::Status(code) => crate::ui::tr!("feed-fetch-status", code = *code),
            Failure::Tls(error) => crate::ui::tr!("feed-fetch-tls", error = error.as_str()),
            Failure::Unreachable(error) => error.clone(),
        }
    }
}

/// Reads the files of one feed, within one feed's time budget.
pub struct Fetcher {
    agent: Option<ureq::Agent>,
    timeout: Duration,
    deadline: Instant,
}

impl Fetcher {
    /// `timeout` bounds each download; all of them together end within
    /// [`FEED_BUDGET`] times that.
    pub fn new(timeout: Duration) -> Fetcher {
        Fetcher {
            agent: None,
            timeout,
            deadline: Instant::now() + timeout * FEED_BUDGET,
        }
    }

    /// The bytes of the file at `rel` (a checked relative path, or the
    /// index's own names), refused above `limit` bytes.
    pub fn get(&mut self, source: &Source, rel: &str, limit: u64) -> Result<Vec<u8>, Failure> {
        match source {
            Source::Folder(root) => read_in_folder(root, rel, limit),
            Source::Web(base) => {
                let url = base
                    .join(rel)
                    .map_err(|e| Failure::Unreachable(e.to_string()))?;
                self.download(url, limit)
            }
        }
    }

    fn download(&mut self, mut url: Url, limit: u64) -> Result<Vec<u8>, Failure> {
        let scheme = url.scheme().to_string();
        let agent = self.agent.get_or_insert_with(agent).clone();
        for _ in 0..=MAX_REDIRECTS {
            let left = self.deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Failure::Timeout(self.timeout * FEED_BUDGET));
            }
            let limit_now = left.min(self.timeout);
            let call = agent
                .get(url.as_str())
                .config()
                .timeout_global(Some(limit_now))
                .build()
                .call();
            let mut response = call.map_err(|e| failure(e, limit_now))?;
            match response.status().as_u16() {
                200 => {
                    return response
                        .body_mut()
                        .with_config()
                        .limit(limit)
                        .read_to_vec()
                        .map_err(|e| match e {
                            ureq::Error::BodyExceedsLimit(_) => Failure::TooLarge(limit),
                            e => failure(e, limit_now),
                        });
                }
                301 | 302 | 303 | 307 | 308 => {
                    let location = response
                        .headers()
                        .get("location")
                        .and_then(|v| v.to_str().ok())
                        .ok_or(Failure::Status(response.status().as_u16()))?;
                    let next = url
                        .join(location)
                        .map_err(|_| Failure::Redirect(location.to_string()))?;
                    if next.scheme() != scheme || (scheme == "http" && !is_loopback(&next)) {
                        return Err(Failure::Redirect(next.to_string()));
                    }
                    url = next;
                }
                404 | 410 => return Err(Failure::Missing),
                code => return Err(Failure::Status(code)),
            }
        }
        Err(Failure::Unreachable(
            ureq::Error::TooManyRedirects.to_string(),
        ))
    }
}

/// The one HTTP client: rustls with the system's trusted certificates
/// (rustls-native-certs, which honours `SSL_CERT_FILE` and `SSL_CERT_DIR`),
/// no redirects followed on its own, no compression, HTTP errors as
/// answers to read.
fn agent() -> ureq::Agent {
    use ureq::tls::{Certificate, RootCerts, TlsConfig, TlsProvider};
    let roots: Vec<Certificate<'static>> = rustls_native_certs::load_native_certs()
        .certs
        .iter()
        .map(|der| Certificate::from_der(der.as_ref()).to_owned())
        .collect();
    let tls = TlsConfig::builder()
        .provider(TlsProvider::Rustls)
        .root_certs(RootCerts::Specific(Arc::new(roots)))
        .unversioned_rustls_crypto_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .build();
    ureq::Agent::config_builder()
        .tls_config(tls)
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("appeal/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

fn failure(e: ureq::Error, limit: Duration) -> Failure {
    match e {
        ureq::Error::Timeout(_) => Failure::Timeout(limit),
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => Failure::Timeout(limit),
        ureq::Error::Rustls(_) | ureq::Error::Tls(_) => Failure::Tls(e.to_string()),
        ureq::Error::Io(io)
            if io
                .get_ref()
                .is_some_and(|inner| inner.is::<rustls::Error>()) =>
        {
            Failure::Tls(io.to_string())
        }
        e => Failure::Unreachable(e.to_string()),
    }
}

/// A file of a feed kept in a folder: a regular file, inside the folder
/// even through links, within the limit.
fn read_in_folder(root: &Path, rel: &str, limit: u64) -> Result<Vec<u8>, Failure> {
    let path = root.join(rel);
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Failure::Missing,
        _ => Failure::Unreachable(e.to_string()),
    };
    // Checked before opening: opening a FIFO would wait for a writer.
    let meta = fs::metadata(&path).map_err(io)?;
    if !meta.is_file() {
        return Err(Failure::NotAFile);
    }
    let inside = fs::canonicalize(root)
        .and_then(|root| Ok(fs::canonicalize(&path)?.starts_with(root)))
        .map_err(io)?;
    if !inside {
        return Err(Failure::Outside);
    }
    if meta.len() > limit {
        return Err(Failure::TooLarge(limit));
    }
    let mut bytes = Vec::new();
    fs::File::open(&path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(Failure::TooLarge(limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_https_loopback_http_file_urls_or_folders() {
        let web = |s: &str| match Source::parse(s) {
            Ok(Source::Web(url)) => url.to_string(),
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(web("https://example.org/feed"), "https://example.org/feed/");
        assert_eq!(
            web("https://example.org/feed/index.json"),
            "https://example.org/feed/"
        );
        assert_eq!(web("http://127.0.0.1:8080/"), "http://127.0.0.1:8080/");
        assert_eq!(web("http://[::1]/f/"), "http://[::1]/f/");
        assert_eq!(web("http://localhost/f/"), "http://localhost/f/");
        assert!(Source::parse("http://example.org/feed/").is_err());
        assert!(Source::parse("http://127.0.0.1.example.org/").is_err());
        assert!(Source::parse("ftp://example.org/").is_err());
        assert!(Source::parse("https://example.org/?x=1").is_err());
        assert!(Source::parse("https://me:secret@example.org/feed/").is_err());
        assert_eq!(
            Source::parse("file:///media/usb/feed/index.json"),
            Ok(Source::Folder(PathBuf::from("/media/usb/feed")))
        );
        match Source::parse("feed") {
            Ok(Source::Folder(path)) => assert!(path.is_absolute() && path.ends_with("feed")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_folder_gives_regular_files_inside_it_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("feed");
        fs::create_dir(&root).unwrap();
        fs::write(root.join("index.json"), b"1234").unwrap();
        fs::write(dir.path().join("secret"), b"outside").unwrap();
        assert_eq!(read_in_folder(&root, "index.json", 4), Ok(b"1234".to_vec()));
        assert_eq!(
            read_in_folder(&root, "index.json", 3),
            Err(Failure::TooLarge(3))
        );
        assert_eq!(read_in_folder(&root, "nothing", 3), Err(Failure::Missing));
        fs::create_dir(root.join("actions")).unwrap();
        assert_eq!(read_in_folder(&root, "actions", 3), Err(Failure::NotAFile));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret"), root.join("link")).unwrap();
            assert_eq!(read_in_folder(&root, "link", 100), Err(Failure::Outside));
        }
    }
}
