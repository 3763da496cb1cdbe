#!/usr/bin/env bash
# Whole `appeal import` processes, the sandboxed reader included: a
# two-page PDF (goal: under 100 ms) and a 1 MB web page (goal: under
# 200 ms), each written to an action file and checked, as a user runs it;
# and the worst of a mebibyte of each shape of text that once made import
# quadratic (goal: well under a second).
#
#   bash benches/import.sh
#   APPEAL_BIN=path/to/appeal bash benches/import.sh   (another build)
#
# hyperfine gives each command's median; a benchmark, not a test: it prints
# figures and judges nothing. The in-process parts are timed by
# `cargo bench --bench import`.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine > /dev/null; then
    echo "import.sh: hyperfine is not installed; install it with" >&2
    echo "  apt-get install -y hyperfine" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -n ${APPEAL_BIN:-} ]]; then
    appeal=$APPEAL_BIN
else
    # shellcheck source=benches/release-binary.sh
    . benches/release-binary.sh
    appeal=$(release_binary)
fi
export APPEAL_TODAY=2026-11-28 XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data

# A web page of 1 MB: the seed's paragraphs under a site's navigation, its
# background repeated, its target block and letter once.
python3 - tests/fixtures/cecot-urgent-action.txt "$work/page.html" <<'PY'
import html, sys
seed = open(sys.argv[1], encoding="utf-8").read().split("\n")
out = ["<!DOCTYPE html><html><head><title>Urgent action</title></head><body>",
       "<nav><ul><li><a href='/'>Home</a></li><li><a href='/act'>Act</a></li></ul></nav><main>"]
out += ["<p>%s</p>" % html.escape(l) for l in seed]
long = ["<p>%s</p>" % html.escape(l) for l in seed if len(l) > 200]
size = sum(len(l) + 1 for l in out)
while size < 1_000_000:
    out += long
    size += sum(len(l) + 1 for l in long)
out.append("</main><footer>Footer</footer></body></html>")
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))
PY
cp tests/fixtures/import/labelled-2017.pdf "$work/two-pages.pdf"
echo "documents: $(wc -c < "$work/two-pages.pdf") bytes of PDF (2 pages), $(wc -c < "$work/page.html") bytes of HTML"

run() { # name, file
    hyperfine --warmup 3 --runs "${RUNS:-30}" -N -i --export-json "$work/$1.json" \
        -n "$1" "$appeal import $work/$2 -o $work/$1.yaml --force" > /dev/null
    python3 - "$work/$1.json" "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]}: median {r['median']*1000:.1f} ms (min {r['min']*1000:.1f}, max {r['max']*1000:.1f}, {len(r['times'])} runs)")
PY
}
run pdf two-pages.pdf
run html page.html

# The worst case of text, a mebibyte of one shape each.
cargo run --quiet --example hostile-documents -- "$work/seeds"
worst=0
worst_name=""
for seed in "$work"/seeds/import_text/shape-*.txt; do
    big="$work/$(basename "$seed" .txt)-1MiB.txt"
    # The 4 KiB seed is whole lines of one shape: 255 of it is just under 1 MiB.
    for _ in $(seq 255); do cat "$seed"; done > "$big"
    start=$(date +%s%N)
    "$appeal" import "$big" -o "$work/shape.yaml" --force > /dev/null 2>&1 || true
    took=$(( ($(date +%s%N) - start) / 1000000 ))
    if (( took > worst )); then worst=$took; worst_name=$(basename "$seed"); fi
done
echo "text, worst of $(ls "$work"/seeds/import_text | wc -l) shapes of 1 MiB: $worst ms ($worst_name)"
