//! Real servers on the loopback address for the feed tests: Python's
//! `http.server` for a feed as any web host serves it, and a small server
//! of our own, plain or TLS (with a certificate from a test authority made
//! here), that can also stall, redirect or serve a file it was given.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// `python3 -m http.server` serving `root`, stopped when dropped.
pub struct Python {
    child: Child,
    pub port: u16,
}

impl Python {
    pub fn serve(root: &Path) -> Python {
        let mut child = Command::new("python3")
            .args([
                "-u",
                "-m",
                "http.server",
                "0",
                "--bind",
                "127.0.0.1",
                "--directory",
            ])
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 is installed");
        // "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..."
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .expect("http.server says where it listens");
        let port = line
            .split_whitespace()
            .skip_while(|w| *w != "port")
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Python { child, port }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }
}

impl Drop for Python {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What our server does with a request.
#[derive(Debug, Clone)]
pub enum Behaviour {
    /// Serves the file under the root, or 404.
    Serve,
    /// Reads the request and never answers.
    Stall,
    /// Answers every request with a redirect to this prefix + the path.
    RedirectTo(String),
}

/// A test authority and a certificate it issued for 127.0.0.1.
pub struct Tls {
    /// The authority's certificate, PEM, to trust through SSL_CERT_FILE.
    pub ca_pem: String,
    config: Arc<rustls::ServerConfig>,
}

impl Tls {
    pub fn new() -> Tls {
        use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, SanType};
        let ca_key = KeyPair::generate().expect("a key");
        let mut ca = CertificateParams::new(Vec::<String>::new()).expect("params");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name
            .push(DnType::CommonName, "appeal test authority");
        let ca_cert = ca
            .self_signed(&ca_key)
            .expect("the authority's certificate");
        let issuer = Issuer::new(ca, ca_key);
        let key = KeyPair::generate().expect("a key");
        let mut leaf = CertificateParams::new(vec!["localhost".to_string()]).expect("params");
        leaf.subject_alt_names
            .push(SanType::IpAddress([127, 0, 0, 1].into()));
        let cert = leaf
            .signed_by(&key, &issuer)
            .expect("the server's certificate");
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(
                vec![cert.der().clone(), ca_cert.der().clone()],
                rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
            )
            .expect("a server configuration");
        Tls {
            ca_pem: ca_cert.pem(),
            config: Arc::new(config),
        }
    }
}

/// Our server: serves `root`, or misbehaves as told; stopped when dropped.
pub struct Server {
    pub port: u16,
    tls: bool,
    behaviour: Arc<Mutex<Behaviour>>,
    /// Bytes to serve at a path instead of the file there.
    overrides: Arc<Mutex<HashMap<String, Vec<u8>>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn http(root: &Path) -> Server {
        Server::start(root, None)
    }

    pub fn https(root: &Path, tls: &Tls) -> Server {
        Server::start(root, Some(tls.config.clone()))
    }

    fn start(root: &Path, tls: Option<Arc<rustls::ServerConfig>>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        listener.set_nonblocking(true).expect("non-blocking");
        let port = listener.local_addr().expect("an address").port();
        let server = Server {
            port,
            tls: tls.is_some(),
            behaviour: Arc::new(Mutex::new(Behaviour::Serve)),
            overrides: Arc::new(Mutex::new(HashMap::new())),
            stop: Arc::new(AtomicBool::new(false)),
        };
        let shared = Shared {
            root: root.to_path_buf(),
            behaviour: server.behaviour.clone(),
            overrides: server.overrides.clone(),
            stop: server.stop.clone(),
        };
        std::thread::spawn(move || {
            while !shared.stop.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let shared = shared.clone();
                        let tls = tls.clone();
                        std::thread::spawn(move || {
                            let _ = stream.set_nonblocking(false);
                            shared.answer(stream, tls);
                        });
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        server
    }

    pub fn url(&self, path: &str) -> String {
        let scheme = if self.tls { "https" } else { "http" };
        format!("{scheme}://127.0.0.1:{}/{path}", self.port)
    }

    pub fn set(&self, behaviour: Behaviour) {
        *self.behaviour.lock().unwrap() = behaviour;
    }

    /// Serves `bytes` at `path` (`feed/index.json`) instead of the file.
    pub fn serve_bytes(&self, path: &str, bytes: Vec<u8>) {
        self.overrides
            .lock()
            .unwrap()
            .insert(format!("/{path}"), bytes);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

#[derive(Clone)]
struct Shared {
    root: PathBuf,
    behaviour: Arc<Mutex<Behaviour>>,
    overrides: Arc<Mutex<HashMap<String, Vec<u8>>>>,
    stop: Arc<AtomicBool>,
}

impl Shared {
    fn answer(&self, stream: TcpStream, tls: Option<Arc<rustls::ServerConfig>>) {
        match tls {
            Some(config) => {
                let Ok(connection) = rustls::ServerConnection::new(config) else {
                    return;
                };
                self.exchange(rustls::StreamOwned::new(connection, stream));
            }
            None => self.exchange(stream),
        }
    }

    fn exchange(&self, mut stream: impl Read + Write) {
        let Some(path) = read_request(&mut stream) else {
            return;
        };
        let behaviour = self.behaviour.lock().unwrap().clone();
        let (status, headers, body) = match behaviour {
            Behaviour::Stall => {
                while !self.stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(50));
                }
                return;
            }
            Behaviour::RedirectTo(prefix) => (
                "302 Found",
                format!("Location: {prefix}{}\r\n", path.trim_start_matches('/')),
                Vec::new(),
            ),
            Behaviour::Serve => {
                let given = self.overrides.lock().unwrap().get(&path).cloned();
                let file = self.root.join(path.trim_start_matches('/'));
                match given.or_else(|| std::fs::read(file).ok()) {
                    Some(bytes) => ("200 OK", String::new(), bytes),
                    None => ("404 Not Found", String::new(), b"not found".to_vec()),
                }
            }
        };
        let head = format!(
            "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body);
        let _ = stream.flush();
    }
}

/// The path of a GET request, read up to the end of its head.
fn read_request(stream: &mut impl Read) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
        if stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.lines().next()?.split_whitespace().nth(1)?;
    Some(path.to_string())
}
