//! Signed action feeds, end to end: a coordinator makes keys and publishes
//! with `appeal feed`, or writes a feed by hand and signs it with the real
//! `minisign` program; real servers on the loopback address (Python's
//! `http.server`, and a server of our own, plain or TLS) serve it; a
//! member adds it, updates, lists and composes. Every refusal of a hostile
//! feed leaves the installed copy as it was, and the same letter.

#[path = "../common/mod.rs"]
mod common;
mod server;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use common::{Sandbox, exit, fixture_text, stderr_of, stdout_of};
use serde_json::Value;
use server::{Behaviour, Python, Server, Tls};
use sha2::{Digest, Sha256};

/// `appeal` in the sandbox (whose environment has no proxy or certificate
/// settings from the machine), stopped if it hangs.
fn appeal(sb: &Sandbox) -> assert_cmd::Command {
    let mut cmd = sb.appeal();
    cmd.timeout(Duration::from_secs(120));
    cmd
}

fn run(sb: &Sandbox, args: &[&str]) -> Output {
    appeal(sb).args(args).output().expect("appeal runs")
}

/// Runs `appeal ARGS`, which must succeed; returns stdout.
fn ok(sb: &Sandbox, args: &[&str]) -> String {
    let out = run(sb, args);
    assert!(
        out.status.success(),
        "appeal {args:?} failed: {}",
        stderr_of(&out)
    );
    stdout_of(&out)
}

/// Runs `appeal ARGS`, which must fail with `code`; returns stderr.
fn fails(sb: &Sandbox, args: &[&str], code: i32) -> String {
    let out = run(sb, args);
    let stderr = stderr_of(&out);
    assert_eq!(out.status.code(), Some(code), "appeal {args:?}: {stderr}");
    stderr
}

/// The letter `compose SPEC` writes, in English unless `lang`.
fn letter(sb: &Sandbox, spec: &str, lang: &str) -> String {
    ok(
        sb,
        &[
            "compose",
            spec,
            "--name",
            "Ana Díaz",
            "--lang",
            lang,
            "--no-input",
            "--no-history",
            "-o",
            "-",
        ],
    )
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every file under `root` and its bytes (the lock file aside).
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.map(|e| e.unwrap()) {
            let path = entry.path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if !path.to_string_lossy().ends_with(".lock") {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// The coordinator's folder of actions: `river` (the test draft, with its
/// Spanish translation) and a `cecot` of the section's own, which is the
/// river action again under the built-in action's id.
fn write_actions(sb: &Sandbox) {
    sb.write("actions/river.yaml", &fixture_text("draft.yaml"));
    sb.write("actions/river.es.yaml", &fixture_text("draft.es.yaml"));
    sb.write(
        "actions/cecot.yaml",
        &fixture_text("draft.yaml").replace("Free the river keepers", "The section's own cecot"),
    );
}

/// `appeal feed keygen` without a password, then `appeal feed publish`.
fn publish(sb: &Sandbox, extra: &[&str]) -> String {
    if !sb.path("keys/minisign.key").exists() {
        ok(sb, &["feed", "keygen", "-o", "keys", "--no-password"]);
    }
    let mut args = vec![
        "feed",
        "publish",
        "actions",
        "--key",
        "keys/minisign.key",
        "-o",
        "site/feed",
    ];
    args.extend_from_slice(extra);
    let out = run(sb, &args);
    assert!(out.status.success(), "publish: {}", stderr_of(&out));
    stderr_of(&out)
}

/// Signs `file` with the real minisign program, as a coordinator with
/// their own tools would.
fn minisign_sign(key: &Path, file: &Path, legacy: bool) {
    let mut cmd = std::process::Command::new("minisign");
    cmd.arg("-S");
    if legacy {
        cmd.arg("-l");
    }
    let status = cmd
        .arg("-s")
        .arg(key)
        .arg("-m")
        .arg(file)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("minisign is installed (Debian package minisign)");
    assert!(status.success(), "minisign -S {}", file.display());
}

/// A key pair made by the real minisign program, without a password.
fn minisign_keygen(sb: &Sandbox, name: &str) -> (PathBuf, PathBuf) {
    let (public, secret) = (
        sb.path(&format!("{name}.pub")),
        sb.path(&format!("{name}.key")),
    );
    let status = std::process::Command::new("minisign")
        .args(["-G", "-W", "-f", "-p"])
        .arg(&public)
        .arg("-s")
        .arg(&secret)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("minisign is installed (Debian package minisign)");
    assert!(status.success());
    (public, secret)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().map(|e| e.unwrap()) {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn a_feed_made_by_publish_is_served_added_updated_listed_and_composed_from() {
    let sb = Sandbox::new();
    write_actions(&sb);
    let said = publish(&sb, &[]);
    assert!(
        said.contains("published 2 actions (0 closed) to site/feed: publication 1"),
        "{said}"
    );
    // What publish wrote is what minisign itself verifies.
    let verified = std::process::Command::new("minisign")
        .args(["-Vm", "site/feed/index.json", "-p", "keys/minisign.pub"])
        .current_dir(sb.dir.path())
        .output()
        .expect("minisign runs");
    assert!(
        verified.status.success(),
        "{}",
        String::from_utf8_lossy(&verified.stderr)
    );
    let index: Value =
        serde_json::from_slice(&std::fs::read(sb.path("site/feed/index.json")).unwrap()).unwrap();
    assert_eq!(index["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(index["_appeal"]["sequence"], 1);
    assert_eq!(index["items"][1]["id"], "river");
    assert_eq!(
        index["items"][1]["_appeal"]["files"][1]["path"],
        "actions/river.es.yaml"
    );

    let web = Python::serve(&sb.path("site"));
    let said = stderr_of(&run(
        &sb,
        &[
            "feed",
            "add",
            "lyon",
            &web.url("feed/"),
            "--key",
            "keys/minisign.pub",
        ],
    ));
    assert!(said.contains("run `appeal update lyon`"), "{said}");
    assert!(
        !sb.path("data/appeal/feeds/lyon").exists(),
        "add fetches nothing"
    );
    let updated = ok(&sb, &["update"]);
    assert!(
        updated.contains("lyon: publication 1 installed"),
        "{updated}"
    );
    assert!(updated.contains("new: river"), "{updated}");
    assert!(updated.contains("new: lyon/cecot"), "{updated}");
    assert_eq!(
        ok(&sb, &["update", "lyon"]),
        "lyon: up to date (publication 1)\n"
    );

    let listed = run(&sb, &["list"]);
    let table = stdout_of(&listed);
    assert!(
        regex_line(
            &table,
            r"^river\s+Free the river keepers\s+2099-12-31 .*\s+feed lyon\s+-$"
        ),
        "{table}"
    );
    assert!(
        regex_line(
            &table,
            r"^cecot\s+Stop illegal expulsions.*\s+built-in\s+-$"
        ),
        "{table}"
    );
    assert!(
        regex_line(
            &table,
            r"^lyon/cecot\s+The section's own cecot\s+.*\s+feed lyon\s+-$"
        ),
        "{table}"
    );
    let notes = stderr_of(&listed);
    assert!(notes.contains("feed `lyon` was last updated on"), "{notes}");
    assert!(notes.contains("(today)"), "{notes}");

    let english = letter(&sb, "river", "en");
    assert!(
        english.contains("Please release the river keepers."),
        "{english}"
    );
    assert!(english.trim_end().ends_with("Ana Díaz"), "{english}");
    let spanish = letter(&sb, "river", "es");
    assert!(spanish.contains("Estimada ministra:"), "{spanish}");
    assert_eq!(
        letter(&sb, "lyon/river", "en"),
        english,
        "river is also lyon/river"
    );
}

/// Whether a line of `text` matches `pattern`.
fn regex_line(text: &str, pattern: &str) -> bool {
    use predicates::Predicate;
    predicates::str::is_match(format!("(?m){pattern}"))
        .expect("a valid pattern")
        .eval(text)
}

#[test]
fn a_feed_written_by_hand_and_signed_by_minisign_is_added_updated_listed_and_composed_from() {
    let sb = Sandbox::new();
    let (public, secret) = minisign_keygen(&sb, "hand");
    let english = fixture_text("draft.yaml");
    let spanish = fixture_text("draft.es.yaml");
    sb.write("site/feed/ua/2026/river-keepers.yaml", &english);
    sb.write("site/feed/ua/2026/river-keepers.es.yaml", &spanish);
    // The format as the README documents it, with fields appeal ignores.
    let index = format!(
        r#"{{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Hand-made feed",
  "home_page_url": "https://section.example.org/",
  "_appeal": {{"version": 1, "sequence": 7, "expires": "2099-01-01T00:00:00Z", "note": "ignored"}},
  "items": [
    {{
      "id": "river-keepers",
      "title": "Free the river keepers",
      "content_text": "Three river keepers were detained.",
      "date_published": "2026-11-01T09:00:00+01:00",
      "tags": ["water"],
      "_appeal": {{
        "status": "active",
        "deadline": "2099-12-31",
        "files": [
          {{"path": "ua/2026/river-keepers.yaml", "sha256": "{}"}},
          {{"path": "ua/2026/river-keepers.es.yaml", "sha256": "{}"}}
        ]
      }}
    }}
  ]
}}
"#,
        sha256(english.as_bytes()),
        sha256(spanish.as_bytes())
    );
    let index_path = sb.write("site/feed/index.json", &index);
    minisign_sign(&secret, &index_path, false);

    let web = Python::serve(&sb.path("site"));
    ok(
        &sb,
        &[
            "feed",
            "add",
            "hand",
            &web.url("feed/index.json"),
            "--key",
            public.to_str().unwrap(),
        ],
    );
    let updated = ok(&sb, &["update"]);
    assert!(
        updated.contains("hand: publication 7 installed"),
        "{updated}"
    );
    assert!(updated.contains("new: river-keepers"), "{updated}");
    let table = ok(&sb, &["list"]);
    assert!(
        regex_line(
            &table,
            r"^river-keepers\s+Free the river keepers\s+.*\s+feed hand\s+-$"
        ),
        "{table}"
    );
    let json: Value = serde_json::from_str(&ok(&sb, &["list", "--json"])).unwrap();
    let item = json
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "river-keepers")
        .expect("listed");
    assert_eq!(item["from"], "feed");
    assert_eq!(item["feed"], "hand");
    assert_eq!(item["status"], "active");
    assert!(item["feed_updated"].is_string());
    let letter = letter(&sb, "river-keepers", "es");
    assert!(
        letter.contains("Le ruego que libere a los guardianes del río."),
        "{letter}"
    );
}

#[test]
fn a_feed_in_a_folder_signed_the_legacy_way_is_read_from_a_file_url() {
    let sb = Sandbox::new();
    write_actions(&sb);
    publish(&sb, &[]);
    // The section re-signs the index with minisign's legacy signature.
    minisign_signed_again(&sb, true);
    let url = format!("file://{}", sb.path("site/feed").display());
    ok(
        &sb,
        &["feed", "add", "usb", &url, "--key", "keys/minisign.pub"],
    );
    let updated = ok(&sb, &["update", "usb"]);
    assert!(
        updated.contains("usb: publication 1 installed"),
        "{updated}"
    );
    assert!(letter(&sb, "river", "en").contains("Please release the river keepers."));
    // The installed copy is itself a feed, to pass on as it is.
    let copy = sb.path("data/appeal/feeds/usb");
    let verified = std::process::Command::new("minisign")
        .arg("-Vm")
        .arg(copy.join("index.json"))
        .arg("-p")
        .arg(sb.path("keys/minisign.pub"))
        .output()
        .unwrap();
    assert!(verified.status.success());
}

/// Signs `site/feed/index.json` again with the coordinator's key, with the
/// real minisign program.
fn minisign_signed_again(sb: &Sandbox, legacy: bool) {
    minisign_sign(
        &sb.path("keys/minisign.key"),
        &sb.path("site/feed/index.json"),
        legacy,
    );
}

#[test]
fn an_https_feed_is_fetched_when_its_authority_is_trusted_and_refused_when_not() {
    let sb = Sandbox::new();
    write_actions(&sb);
    publish(&sb, &[]);
    let tls = Tls::new();
    let ca = sb.write("test-ca.pem", &tls.ca_pem);
    let web = Server::https(&sb.path("site"), &tls);
    ok(
        &sb,
        &[
            "feed",
            "add",
            "lyon",
            &web.url("feed/"),
            "--key",
            "keys/minisign.pub",
        ],
    );

    // The system's store alone does not know the test authority.
    let refused = fails(&sb, &["update"], exit::FAILURE);
    assert!(
        refused.contains("the secure connection failed"),
        "{refused}"
    );
    assert!(refused.contains("UnknownIssuer"), "{refused}");
    assert!(
        refused.contains("feed `lyon` was not updated: nothing was installed"),
        "{refused}"
    );
    assert!(!sb.path("data/appeal/feeds/lyon").exists());

    let out = appeal(&sb)
        .args(["update"])
        .env("SSL_CERT_FILE", &ca)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains("lyon: publication 1 installed"));
    assert!(letter(&sb, "river", "en").contains("Please release the river keepers."));
}

/// A feed served by our own server, installed, with the letter it gives.
struct Installed {
    sb: Sandbox,
    server: Server,
    letter: String,
    copy: BTreeMap<PathBuf, Vec<u8>>,
}

fn installed_over(sb: Sandbox, server: Server, env: &[(&str, &Path)]) -> Installed {
    ok(
        &sb,
        &[
            "feed",
            "add",
            "lyon",
            &server.url("feed/"),
            "--key",
            "keys/minisign.pub",
        ],
    );
    let mut cmd = appeal(&sb);
    cmd.arg("update");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let letter = letter(&sb, "river", "en");
    let copy = tree(&sb.path("data/appeal/feeds/lyon"));
    assert!(copy.contains_key(Path::new("actions/river.yaml")));
    Installed {
        sb,
        server,
        letter,
        copy,
    }
}

fn installed() -> Installed {
    let sb = Sandbox::new();
    write_actions(&sb);
    publish(&sb, &[]);
    let server = Server::http(&sb.path("site"));
    installed_over(sb, server, &[])
}

impl Installed {
    /// `appeal update ARGS` is refused with `code`, saying `why`; the copy
    /// is as it was, nothing is left half-made, and the letter is the same.
    fn refused(&self, args: &[&str], env: &[(&str, &Path)], code: i32, why: &str) -> String {
        let mut cmd = appeal(&self.sb);
        cmd.arg("update").args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(code), "{stderr}");
        assert!(stderr.contains(why), "expected {why:?} in: {stderr}");
        assert!(
            stderr.contains("feed `lyon`"),
            "the feed is named: {stderr}"
        );
        assert!(
            stderr.contains("feed `lyon` was not updated: its copy of"),
            "{stderr}"
        );
        assert_eq!(tree(&self.sb.path("data/appeal/feeds/lyon")), self.copy);
        let left: Vec<_> = std::fs::read_dir(self.sb.path("data/appeal/feeds"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with(".lock"))
            .collect();
        assert_eq!(left, ["lyon"], "no staging folder is left behind");
        assert_eq!(letter(&self.sb, "river", "en"), self.letter);
        stderr
    }

    fn index(&self) -> Value {
        serde_json::from_slice(&std::fs::read(self.sb.path("site/feed/index.json")).unwrap())
            .unwrap()
    }

    /// Writes `index` as the served index and signs it with the pinned key.
    fn sign(&self, index: &Value) {
        let path = self.sb.path("site/feed/index.json");
        std::fs::write(&path, serde_json::to_vec_pretty(index).unwrap()).unwrap();
        minisign_signed_again(&self.sb, false);
    }

    /// The next publication, edited by `edit`, signed with the pinned key.
    fn next_signed(&self, edit: impl FnOnce(&mut Value)) {
        let mut index = self.index();
        index["_appeal"]["sequence"] = Value::from(2);
        edit(&mut index);
        self.sign(&index);
    }

    /// The next publication, signed, with `text` as the river action.
    fn next_with_river(&self, text: &str) {
        self.sb.write("site/feed/actions/river.yaml", text);
        self.next_signed(|index| {
            Installed::river(index)["_appeal"]["files"][0]["sha256"] =
                Value::from(sha256(text.as_bytes()));
        });
    }

    fn river(index: &mut Value) -> &mut Value {
        index["items"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|i| i["id"] == "river")
            .unwrap()
    }
}

#[test]
fn an_index_changed_after_signing_is_refused() {
    let feed = installed();
    let path = feed.sb.path("site/feed/index.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("\"sequence\": 1", "\"sequence\": 2")).unwrap();
    feed.refused(
        &[],
        &[],
        exit::BAD_INPUT,
        "the signature does not match index.json",
    );
}

#[test]
fn an_index_without_a_signature_is_refused() {
    let feed = installed();
    std::fs::remove_file(feed.sb.path("site/feed/index.json.minisig")).unwrap();
    feed.refused(
        &[],
        &[],
        exit::BAD_INPUT,
        "there is no signature beside the index",
    );
}

#[test]
fn an_index_signed_with_a_key_that_is_not_pinned_is_refused() {
    let feed = installed();
    let (public, secret) = minisign_keygen(&feed.sb, "stranger");
    let mut index = feed.index();
    index["_appeal"]["sequence"] = Value::from(2);
    let path = feed.sb.path("site/feed/index.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&index).unwrap()).unwrap();
    minisign_sign(&secret, &path, false);
    let stranger = std::fs::read_to_string(public).unwrap();
    // minisign writes the id in its comment without leading zeros; appeal
    // always gives all sixteen digits.
    let id = stranger.split_whitespace().nth(5).expect("the key id");
    let id = format!(
        "{:016X}",
        u64::from_str_radix(id, 16).expect("a hex key id")
    );
    let said = feed.refused(
        &[],
        &[],
        exit::BAD_INPUT,
        "which is not pinned for this feed",
    );
    assert!(said.contains(&format!("signed with key {id}")), "{said}");
}

#[test]
fn an_older_publication_served_again_is_refused() {
    let mut feed = installed();
    copy_dir(&feed.sb.path("site/feed"), &feed.sb.path("old-feed"));
    feed.sb.write(
        "actions/river.yaml",
        &fixture_text("draft.yaml").replace("Please release", "Please free"),
    );
    publish(&feed.sb, &[]);
    let updated = ok(&feed.sb, &["update"]);
    assert!(
        updated.contains("publication 2 installed (was 1)"),
        "{updated}"
    );
    assert!(updated.contains("updated: river"), "{updated}");
    feed.letter = letter(&feed.sb, "river", "en");
    assert!(feed.letter.contains("Please free the river keepers."));
    feed.copy = tree(&feed.sb.path("data/appeal/feeds/lyon"));
    std::fs::remove_dir_all(feed.sb.path("site/feed")).unwrap();
    copy_dir(&feed.sb.path("old-feed"), &feed.sb.path("site/feed"));
    feed.refused(
        &[],
        &[],
        exit::BAD_INPUT,
        "this index is publication 1, older than publication 2 already installed",
    );
}

#[test]
fn an_expired_index_is_refused() {
    let feed = installed();
    feed.next_signed(|index| {
        index["_appeal"]["expires"] = Value::from("2020-01-01T00:00:00Z");
    });
    feed.refused(
        &[],
        &[],
        exit::BAD_INPUT,
        "this index expired on 2020-01-01T00:00:00Z",
    );
}

#[test]
fn a_file_whose_sha256_differs_from_the_index_is_refused() {
    let feed = installed();
    let meant = fixture_text("draft.yaml").replace("Please release", "Please free");
    feed.next_signed(|index| {
        Installed::river(index)["_appeal"]["files"][0]["sha256"] =
            Value::from(sha256(meant.as_bytes()));
    });
    // What is served is not what was signed for.
    feed.sb.write(
        "site/feed/actions/river.yaml",
        &meant.replace("Please free", "Please keep"),
    );
    let said = feed.refused(&[], &[], exit::BAD_INPUT, "but the signed index says");
    assert!(said.contains("actions/river.yaml"), "{said}");
}

#[test]
fn a_path_that_leaves_the_feeds_folder_is_refused() {
    let feed = installed();
    let outside = fixture_text("draft.yaml");
    feed.sb.write("site/river.yaml", &outside);
    feed.next_signed(|index| {
        let river = Installed::river(index);
        river["_appeal"]["files"] = serde_json::json!([
            {"path": "../river.yaml", "sha256": sha256(outside.as_bytes())}
        ]);
    });
    let said = feed.refused(
        &[],
        &[],
        exit::BAD_INPUT,
        "`../river.yaml` may not be a path in a feed",
    );
    assert!(said.contains("items[1]._appeal.files[0].path"), "{said}");
}

#[test]
fn an_index_over_its_size_limit_is_refused() {
    let feed = installed();
    let mut huge = b"{\"padding\": \"".to_vec();
    huge.resize(1024 * 1024 + 16, b'x');
    huge.extend_from_slice(b"\"}");
    feed.server.serve_bytes("feed/index.json", huge);
    let said = feed.refused(&[], &[], exit::BAD_INPUT, "larger than 1024 KiB: refused");
    assert!(said.contains("index.json"), "{said}");
}

#[test]
fn a_file_over_its_size_limit_is_refused() {
    let feed = installed();
    let big = format!(
        "{}{}",
        fixture_text("draft.yaml"),
        "# padding\n".repeat(110 * 1024)
    );
    feed.next_with_river(&big);
    let said = feed.refused(&[], &[], exit::BAD_INPUT, "larger than 1024 KiB: refused");
    assert!(said.contains("actions/river.yaml"), "{said}");
}

#[test]
fn an_action_that_fails_the_rules_of_action_files_is_refused() {
    let feed = installed();
    let bad = fixture_text("draft.yaml").replace("people:", "unknown_field: 1\npeople:");
    feed.next_with_river(&bad);
    let said = feed.refused(&[], &[], exit::BAD_INPUT, "unknown field");
    assert!(said.contains("/feed/actions/river.yaml:4:"), "{said}");
}

#[test]
fn a_redirect_from_https_to_http_is_refused() {
    let sb = Sandbox::new();
    write_actions(&sb);
    publish(&sb, &[]);
    let tls = Tls::new();
    let ca = sb.write("test-ca.pem", &tls.ca_pem);
    let server = Server::https(&sb.path("site"), &tls);
    let feed = installed_over(sb, server, &[("SSL_CERT_FILE", &ca)]);
    let plain = Server::http(&feed.sb.path("site"));
    feed.server.set(Behaviour::RedirectTo(plain.url("")));
    let said = feed.refused(
        &[],
        &[("SSL_CERT_FILE", &ca)],
        exit::BAD_INPUT,
        "redirected to http://127.0.0.1:",
    );
    assert!(said.contains("may not move to another scheme"), "{said}");
}

#[test]
fn a_server_that_stalls_is_given_up_on_after_the_timeout() {
    let feed = installed();
    feed.server.set(Behaviour::Stall);
    let said = feed.refused(
        &["--timeout", "2"],
        &[],
        exit::FAILURE,
        "no answer within 2 seconds",
    );
    assert!(said.contains("index.json"), "{said}");
}

#[test]
fn a_feed_action_with_a_built_in_id_is_reached_as_name_slash_id() {
    let feed = installed();
    let builtin = letter(&feed.sb, "cecot", "en");
    assert!(
        builtin.contains("Dear Secretary Noem,"),
        "the bare id stays the built-in one"
    );
    let theirs = letter(&feed.sb, "lyon/cecot", "en");
    assert!(
        theirs.contains("Please release the river keepers."),
        "{theirs}"
    );
    let listed = run(&feed.sb, &["list"]);
    assert!(
        stderr_of(&listed).contains(
            "`lyon/cecot` is the feed's `cecot`: another action has the id `cecot`, and keeps it"
        ),
        "{}",
        stderr_of(&listed)
    );
    let shown = ok(&feed.sb, &["show", "lyon/cecot"]);
    assert!(
        shown.starts_with("The section's own cecot  (lyon/cecot)"),
        "{shown}"
    );
    // The history keeps them apart.
    ok(
        &feed.sb,
        &[
            "compose",
            "lyon/cecot",
            "--name",
            "Ana",
            "--no-input",
            "-o",
            "-",
        ],
    );
    let history: Value = serde_json::from_str(&ok(&feed.sb, &["history", "--json"])).unwrap();
    assert_eq!(history[0]["action"], "lyon/cecot");
    let mine = ok(&feed.sb, &["history", "lyon/cecot"]);
    assert!(mine.contains("lyon/cecot"), "{mine}");
}

#[test]
fn an_earlier_feed_keeps_a_bare_id_that_a_later_one_also_has() {
    let sb = Sandbox::new();
    write_actions(&sb);
    publish(&sb, &[]);
    let first = Server::http(&sb.path("site"));
    let second = Python::serve(&sb.path("site"));
    ok(
        &sb,
        &[
            "feed",
            "add",
            "first",
            &first.url("feed/"),
            "--key",
            "keys/minisign.pub",
        ],
    );
    ok(
        &sb,
        &[
            "feed",
            "add",
            "second",
            &second.url("feed/"),
            "--key",
            "keys/minisign.pub",
        ],
    );
    let updated = ok(&sb, &["update"]);
    assert!(updated.contains("new: second/river"), "{updated}");
    let ids: Vec<String> = serde_json::from_str::<Value>(&ok(&sb, &["list", "--json"]))
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "cecot",
            "first/cecot",
            "river",
            "second/cecot",
            "second/river"
        ]
    );
}

#[test]
fn a_closed_action_is_marked_warned_of_and_not_reminded_of() {
    let feed = installed();
    publish(&feed.sb, &["--close", "river"]);
    let updated = ok(&feed.sb, &["update"]);
    assert!(
        updated.contains("closed: river (no more letters are wanted)"),
        "{updated}"
    );
    let table = ok(&feed.sb, &["list"]);
    assert!(
        regex_line(
            &table,
            r"^river\s+.*2099-12-31 \(closed\)\s+.*feed lyon\s+-$"
        ),
        "{table}"
    );
    let json: Value = serde_json::from_str(&ok(&feed.sb, &["list", "--json"])).unwrap();
    let river = json
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "river")
        .unwrap();
    assert_eq!(river["status"], "closed");
    let open = ok(&feed.sb, &["list", "--open"]);
    assert!(!open.contains("river"), "{open}");
    let out = run(
        &feed.sb,
        &[
            "compose",
            "river",
            "--name",
            "Ana",
            "--no-input",
            "--no-history",
            "-o",
            "-",
        ],
    );
    assert!(out.status.success());
    assert!(
        stderr_of(&out).contains("the feed `lyon` has closed `river`: no more letters are wanted"),
        "{}",
        stderr_of(&out)
    );
    let refused = fails(&feed.sb, &["remind", "river"], exit::USAGE);
    assert!(refused.contains("has closed `river`"), "{refused}");
    // It stays closed in the next publication, until it is opened again.
    publish(&feed.sb, &[]);
    let index: Value =
        serde_json::from_slice(&std::fs::read(feed.sb.path("site/feed/index.json")).unwrap())
            .unwrap();
    assert_eq!(index["items"][1]["_appeal"]["status"], "closed");
    publish(&feed.sb, &["--reopen", "river"]);
    ok(&feed.sb, &["update"]);
    ok(&feed.sb, &["remind", "river"]);
}

#[test]
fn further_information_on_an_action_already_written_for_is_announced() {
    let feed = installed();
    ok(
        &feed.sb,
        &["compose", "river", "--name", "Ana", "--no-input", "-o", "-"],
    );
    feed.sb.write(
        "actions/river-2.yaml",
        &fixture_text("draft.yaml")
            .replace(
                "Free the river keepers",
                "River keepers, further information",
            )
            .replace(
                "deadline: 2099-12-31",
                "deadline: 2099-12-31\nprevious_ua: river",
            ),
    );
    publish(&feed.sb, &[]);
    let index: Value =
        serde_json::from_slice(&std::fs::read(feed.sb.path("site/feed/index.json")).unwrap())
            .unwrap();
    assert_eq!(index["items"][2]["_appeal"]["supersedes"], "river");
    let updated = ok(&feed.sb, &["update"]);
    assert!(updated.contains("new: river-2"), "{updated}");
    assert!(
        updated.contains(
            "further information: `river-2` follows `river`, which you wrote for on 28 November 2026"
        ),
        "{updated}"
    );
}

#[test]
fn publish_stops_at_an_action_with_errors_and_writes_nothing() {
    let sb = Sandbox::new();
    write_actions(&sb);
    publish(&sb, &[]);
    let before = tree(&sb.path("site/feed"));
    sb.write(
        "actions/broken.yaml",
        &fixture_text("draft.yaml")
            .replace("deadline: 2099-12-31", "deadline: [DEADLINE: the date]"),
    );
    let said = fails(
        &sb,
        &[
            "feed",
            "publish",
            "actions",
            "--key",
            "keys/minisign.key",
            "-o",
            "site/feed",
        ],
        exit::FAILURE,
    );
    assert!(said.contains("actions/broken.yaml:"), "{said}");
    assert!(said.contains("error"), "{said}");
    assert!(said.contains("nothing was published"), "{said}");
    assert_eq!(tree(&sb.path("site/feed")), before);
    let names: Vec<_> = std::fs::read_dir(sb.path("site"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["feed"], "no half-made folder beside it");
}

#[test]
fn publish_takes_the_next_sequence_and_never_replaces_an_unrelated_folder() {
    let sb = Sandbox::new();
    write_actions(&sb);
    publish(&sb, &[]);
    publish(&sb, &["--expires", "2w", "--title", "Lyon"]);
    let index: Value =
        serde_json::from_slice(&std::fs::read(sb.path("site/feed/index.json")).unwrap()).unwrap();
    assert_eq!(index["_appeal"]["sequence"], 2);
    assert_eq!(index["title"], "Lyon");
    sb.write("elsewhere/notes.txt", "mine");
    let said = fails(
        &sb,
        &[
            "feed",
            "publish",
            "actions",
            "--key",
            "keys/minisign.key",
            "-o",
            "elsewhere",
        ],
        exit::USAGE,
    );
    assert!(said.contains("holds files but no feed"), "{said}");
    assert_eq!(
        std::fs::read_to_string(sb.path("elsewhere/notes.txt")).unwrap(),
        "mine"
    );
    let said = fails(
        &sb,
        &[
            "feed",
            "publish",
            "actions",
            "--key",
            "keys/minisign.key",
            "-o",
            "x",
            "--expires",
            "soon",
        ],
        exit::USAGE,
    );
    assert!(said.contains("soon"), "{said}");
}

#[test]
fn a_password_protected_key_signs_what_minisign_verifies() {
    let sb = Sandbox::new();
    write_actions(&sb);
    appeal(&sb)
        .args(["feed", "keygen", "-o", "keys"])
        .write_stdin("a long pass phrase\n")
        .assert()
        .success();
    let secret = std::fs::read_to_string(sb.path("keys/minisign.key")).unwrap();
    assert!(secret.starts_with("untrusted comment: minisign encrypted secret key\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(sb.path("keys/minisign.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let publish = [
        "feed",
        "publish",
        "actions",
        "--key",
        "keys/minisign.key",
        "-o",
        "site/feed",
    ];
    let wrong = appeal(&sb)
        .args(publish)
        .write_stdin("not it\n")
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(exit::BAD_INPUT));
    assert!(stderr_of(&wrong).contains("the password is wrong for this key"));
    assert!(!sb.path("site/feed").exists());
    appeal(&sb)
        .args(publish)
        .write_stdin("a long pass phrase\n")
        .assert()
        .success();
    let verified = std::process::Command::new("minisign")
        .args(["-Vm", "site/feed/index.json", "-p", "keys/minisign.pub"])
        .current_dir(sb.dir.path())
        .output()
        .unwrap();
    assert!(verified.status.success());
    // Keys are never replaced without --force.
    let said = fails(
        &sb,
        &["feed", "keygen", "-o", "keys", "--no-password"],
        exit::DELIVERY,
    );
    assert!(said.contains("already exists"), "{said}");
}

#[test]
fn feeds_are_added_listed_and_removed_with_their_copy() {
    let sb = Sandbox::new();
    write_actions(&sb);
    publish(&sb, &[]);
    let said = fails(
        &sb,
        &[
            "feed",
            "add",
            "far",
            "http://example.org/feed/",
            "--key",
            "keys/minisign.pub",
        ],
        exit::USAGE,
    );
    assert!(
        said.contains("plain http:// is accepted only on the loopback address"),
        "{said}"
    );
    fails(
        &sb,
        &[
            "feed",
            "add",
            "Bad Name",
            "site/feed",
            "--key",
            "keys/minisign.pub",
        ],
        exit::USAGE,
    );
    fails(
        &sb,
        &["feed", "add", "x", "site/feed", "--key", "RWnotakey"],
        exit::USAGE,
    );
    ok(
        &sb,
        &[
            "feed",
            "add",
            "lyon",
            "site/feed",
            "--key",
            "keys/minisign.pub",
        ],
    );
    let config = sb.path("config/appeal/feeds.yaml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&config).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "feeds.yaml is its owner's alone");
    }
    let said = fails(
        &sb,
        &[
            "feed",
            "add",
            "lyon",
            "site/feed",
            "--key",
            "keys/minisign.pub",
        ],
        exit::USAGE,
    );
    assert!(said.contains("there is already a feed `lyon`"), "{said}");
    let listed = ok(&sb, &["feed", "list"]);
    assert!(
        regex_line(&listed, r"^lyon\s+/.*site/feed\s+[0-9A-F]{16}\s+never\s+-$"),
        "{listed}"
    );
    ok(&sb, &["update"]);
    let json: Value = serde_json::from_str(&ok(&sb, &["feed", "list", "--json"])).unwrap();
    assert_eq!(json[0]["name"], "lyon");
    assert_eq!(json[0]["sequence"], 1);
    assert_eq!(json[0]["actions"], 2);
    let said = fails(&sb, &["feed", "remove", "lyn"], exit::USAGE);
    assert!(said.contains("did you mean `lyon`?"), "{said}");
    ok(&sb, &["feed", "remove", "lyon"]);
    assert!(!sb.path("data/appeal/feeds/lyon").exists());
    fails(
        &sb,
        &["compose", "river", "--name", "Ana", "--no-input"],
        exit::USAGE,
    );
    assert!(ok(&sb, &["feed", "list", "--json"]).trim() == "[]");
}

#[test]
fn list_suggests_an_update_after_a_week() {
    let feed = installed();
    let state = feed.sb.path("data/appeal/feeds/lyon/.appeal-feed.json");
    let mut value: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    let old = (chrono::Utc::now() - chrono::TimeDelta::days(9)).to_rfc3339();
    value["checked"] = Value::from(old);
    std::fs::write(&state, value.to_string()).unwrap();
    let said = stderr_of(&run(&feed.sb, &["list"]));
    assert!(
        said.contains("(9 days ago): run `appeal update lyon`"),
        "{said}"
    );
    let before = ok(&feed.sb, &["feed", "list"]);
    ok(&feed.sb, &["update"]);
    assert_ne!(
        ok(&feed.sb, &["feed", "list"]),
        before,
        "update records the check"
    );
}

#[test]
fn refusals_are_told_in_the_interface_language() {
    let feed = installed();
    std::fs::remove_file(feed.sb.path("site/feed/index.json.minisig")).unwrap();
    let out = appeal(&feed.sb)
        .args(["update"])
        .env("LANG", "es_ES.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(exit::BAD_INPUT));
    let said = stderr_of(&out);
    assert!(
        said.contains("no hay ninguna firma junto al índice"),
        "{said}"
    );
    assert!(said.contains("la fuente `lyon` no se actualizó"), "{said}");
    let out = appeal(&feed.sb)
        .args(["update"])
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    assert!(stderr_of(&out).contains("il n'y a pas de signature à côté de l'index"));
}

#[test]
fn a_folder_that_is_not_there_is_a_feed_not_reached() {
    let sb = Sandbox::new();
    write_actions(&sb);
    publish(&sb, &[]);
    let said = stderr_of(&run(
        &sb,
        &[
            "feed",
            "add",
            "usb",
            "stick/feed",
            "--key",
            "keys/minisign.pub",
        ],
    ));
    assert!(said.contains("stick/feed is not there now"), "{said}");
    let said = fails(&sb, &["update"], exit::FAILURE);
    assert!(said.contains("stick/feed/index.json: not found"), "{said}");
    assert!(
        said.contains("feed `usb` was not updated: nothing was installed"),
        "{said}"
    );
    // Plugged in, it is read.
    copy_dir(&sb.path("site/feed"), &sb.path("stick/feed"));
    assert!(ok(&sb, &["update"]).contains("usb: publication 1 installed"));
}
