//! Embeds the shipped actions: every `actions/*.yaml` as a string, so the
//! compiler checks each is UTF-8 and a compose reads it in place, with no
//! check at run time. Rebuilds when a file in `actions/` is added,
//! removed or changed.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=actions");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("actions");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .expect("actions/ is readable")
        .map(|entry| entry.expect("actions/ is readable").file_name())
        .filter_map(|name| name.into_string().ok())
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    names.sort();
    let mut out = String::from(
        "/// The shipped actions and translations: file name and text, by name.\n\
         pub static EMBEDDED: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        println!("cargo:rerun-if-changed=actions/{name}");
        out.push_str(&format!(
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/actions/\", {name:?}))),\n"
        ));
    }
    out.push_str("];\n");
    let path = Path::new(&env::var("OUT_DIR").expect("cargo sets it")).join("embedded.rs");
    fs::write(path, out).expect("OUT_DIR is writable");
}
