#!/usr/bin/env bash
# Batch throughput and memory: appeal against mailmerge on the same signers.
#
#   bash benches/batch.sh [ROWS]        (default 100000)
#
# Prints letters per second for `appeal compose cecot --batch` to stdout, for
# `mailmerge --dry-run --no-limit --output-format raw` when it is installed
# (pip install mailmerge), their ratio, and appeal's peak memory on a
# million rows. A benchmark, not a test: it prints figures and judges nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=benches/release-binary.sh
. benches/release-binary.sh
appeal=$(release_binary)
export APPEAL_TODAY=2026-11-28 XDG_CONFIG_HOME=$work/config

signers() { # N FILE: a CSV of N signers in three languages, each with a note
    python3 - "$1" "$2" <<'PY'
import csv, sys
n, path = int(sys.argv[1]), sys.argv[2]
langs = ["en", "es", "fr"]
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["email", "name", "lang", "note", "city", "country"])
    for i in range(n):
        w.writerow([f"signer{i}@example.org", f"Signer {i}", langs[i % 3],
                    f"I am writing as signer {i}, because this matters to me.", "Lyon", "France"])
PY
}
signers "$rows" "$work/signers.csv"

seconds() { # COMMAND...: wall-clock seconds of one run, output discarded
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

best=999999
for _ in 1 2 3; do
    t=$(seconds "$appeal" compose cecot --batch "$work/signers.csv")
    best=$(echo "if ($t < $best) $t else $best" | bc -l)
done
appeal_rate=$(echo "$rows / $best" | bc -l)
printf 'appeal:    %d letters in %.3f s (best of 3): %.0f letters/s\n' "$rows" "$best" "$appeal_rate"

if command -v mailmerge > /dev/null; then
    # The same English letter as a mailmerge (Jinja2) template.
    python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
text = open("actions/cecot.yaml", encoding="utf-8").read()
body = text.split("    body: |\n", 1)[1]
lines = [l[6:] if l.startswith("      ") else l.strip() for l in body.splitlines()]
body = "\n".join(lines)
body = body.replace("{{#if note}}", "{% if note %}").replace("{{#if place}}", "{% if city %}")
body = body.replace("{{/if}}", "{% endif %}").replace("{{place}}", "{{city}}, {{country}}")
body = body.replace("{{date}}", "28 November 2026")
with open(f"{work}/template.txt", "w", encoding="utf-8") as f:
    f.write("TO: {{email}}\nSUBJECT: Return those illegally expelled to El Salvador\n"
            "FROM: appeal@example.org\n\n" + body)
with open(f"{work}/server.conf", "w") as f:
    f.write("[smtp_server]\nhost = localhost\nport = 25\nsecurity = Never\nusername = None\n")
PY
    t=$(seconds mailmerge --dry-run --no-limit --output-format raw \
        --template "$work/template.txt" --database "$work/signers.csv" --config "$work/server.conf")
    mm_rate=$(echo "$rows / $t" | bc -l)
    printf 'mailmerge: %d letters in %.3f s: %.0f letters/s\n' "$rows" "$t" "$mm_rate"
    printf 'appeal is %.0f times as fast (target: at least 50)\n' "$(echo "$appeal_rate / $mm_rate" | bc -l)"
else
    echo "mailmerge: not installed (pip install mailmerge) - skipped"
fi

signers 1000000 "$work/million.csv"
/usr/bin/time -f '%M' -o "$work/peak" "$appeal" compose cecot --batch "$work/million.csv" > /dev/null 2>&1
peak=$(tail -1 "$work/peak")
printf 'appeal peak memory on 1,000,000 rows: %.1f MiB (target: under 50)\n' "$(echo "$peak / 1024" | bc -l)"
