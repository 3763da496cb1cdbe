//! Rebuilds when a file is added to `actions/`: `include_dir!` alone only
//! notices changes to files it already embedded.
fn main() {
    println!("cargo:rerun-if-changed=actions");
}
