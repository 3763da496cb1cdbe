# Sourced by the benchmark scripts: builds appeal in release mode and prints
# the path of the binary. Cargo says where it is: .cargo/config.toml builds
# for an explicit target, so it is under target/<host tuple>/release.
release_binary() {
    cargo build --release --quiet --message-format=json |
        python3 -c '
import json, sys
paths = [m["executable"] for m in map(json.loads, sys.stdin)
         if m.get("reason") == "compiler-artifact" and m.get("executable")
         and m["target"]["name"] == "appeal"]
print(paths[-1])
'
}
