# Sourced by the benchmark scripts: builds appeal in release mode and prints
# the path of the binary, where cargo leaves it.
release_binary() {
    cargo build --release --quiet
    echo target/release/appeal
}
