#!/usr/bin/env bash
# Batch throughput and memory: appeal against mailmerge on the same signers.
#
#   bash benches/batch.sh [ROWS]        (default 100000)
#   APPEAL_BIN=path/to/appeal bash benches/batch.sh   (another build of appeal)
#   RUNS=5 bash benches/batch.sh        (runs of each program; default 3)
#   PEAK_ROWS="1000 10000" bash benches/batch.sh   (sizes for peak memory)
#
# 1. Throughput: `appeal compose cecot --batch` to stdout and
#    `mailmerge --dry-run --no-limit --output-format raw` (pip install
#    mailmerge) write the same English letter for ROWS signers, RUNS times
#    each, taking turns so that a change in the machine's load falls on
#    both; every run is printed, and the best of each is compared. appeal
#    runs with --width 0, as mailmerge does not wrap; appeal's default width
#    (72 columns off a terminal) is timed too.
# 2. Agreement: one more run of each, kept; mailmerge's raw output is parsed
#    into messages, and every letter's body must equal appeal's letter for
#    the same row. Both are counted.
# 3. appeal's peak memory (resident set) at 100,000 and 1,000,000 rows, to
#    stdout and with --out-dir.
#
# A benchmark, not a test: it judges nothing, but any run that fails, or
# letters that differ, stop it with an error.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -n ${APPEAL_BIN:-} ]]; then
    appeal=$APPEAL_BIN
else
    # shellcheck source=benches/release-binary.sh
    . benches/release-binary.sh
    appeal=$(release_binary)
fi
command -v mailmerge > /dev/null || {
    echo "batch.sh: mailmerge is not installed (pip install mailmerge)" >&2
    exit 1
}
export APPEAL_TODAY=2026-11-28 XDG_CONFIG_HOME=$work/config
echo "appeal: $appeal"

signers() { # N FILE: a CSV of N signers writing in English, each with a note
    python3 - "$1" "$2" << 'PY'
import csv, sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["email", "name", "lang", "note", "city", "country"])
    for i in range(n):
        w.writerow([f"signer{i}@example.org", f"Signer {i}", "en",
                    f"I am writing as signer {i}, because this matters to me.", "Lyon", "France"])
PY
}

# run OUT COMMAND...: runs COMMAND with stdout to OUT, and fails the whole
# script, with the command's messages, if it fails.
run() {
    local out=$1
    shift
    if ! "$@" > "$out" 2> "$work/stderr"; then
        echo "batch.sh: FAILED: $*" >&2
        cat "$work/stderr" >&2
        exit 1
    fi
}

# timed NAME COMMAND...: times one run of COMMAND (stdout discarded), prints
# it, and keeps the fastest of NAME's runs in best[NAME], in seconds.
declare -A best
timed() {
    local name=$1 start end t
    shift
    start=$(date +%s.%N)
    run /dev/null "$@"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    printf '  %-22s run %d: %7.3f s  %9.0f letters/s\n' "$name" "$i" "$t" "$(echo "$rows / $t" | bc -l)"
    if [[ -z ${best[$name]:-} ]] || (($(echo "$t < ${best[$name]}" | bc -l))); then best[$name]=$t; fi
}

signers "$rows" "$work/signers.csv"

# The same English letter as a mailmerge (Jinja2) template: the target's
# fields and the date filled in as appeal fills them, lines that hold only
# a block tag dropped as handlebars drops them.
"$appeal" show cecot --json > "$work/action.json"
python3 - "$work" << 'PY'
import json, re, sys
work = sys.argv[1]
target = json.load(open(f"{work}/action.json"))["target"]
text = open("actions/cecot.yaml", encoding="utf-8").read()
body = text.split("    body: |\n", 1)[1]
out = []
for line in body.splitlines():
    if line and not line.startswith("      "):
        break
    line = line[6:]
    line = re.sub(r"\{\{target\.(\w+)\}\}", lambda m: str(target[m[1]]), line)
    line = line.replace("{{date}}", "28 November 2026").replace("{{place}}", "{{city}}, {{country}}")
    if line in ("{{#if note}}", "{{#if place}}"):
        out.append("{% if city %}" if "place" in line else "{% if note %}")
    elif line == "{{/if}}":
        out.append("{% endif %}")
    else:
        out.append(line + "\n")
with open(f"{work}/template.txt", "w", encoding="utf-8") as f:
    f.write("TO: {{email}}\nSUBJECT: Return those illegally expelled to El Salvador\n"
            "FROM: appeal@example.org\n\n" + "".join(out))
with open(f"{work}/server.conf", "w") as f:
    f.write("[smtp_server]\nhost = localhost\nport = 25\nsecurity = Never\nusername = None\n")
PY
mailmerge=(mailmerge --dry-run --no-limit --output-format raw
    --template "$work/template.txt" --database "$work/signers.csv" --config "$work/server.conf")

echo "Throughput, $rows rows, $runs runs each, interleaved:"
for ((i = 1; i <= runs; i++)); do
    timed "appeal --width 0" "$appeal" compose cecot --batch "$work/signers.csv" --width 0
    timed "appeal (72 columns)" "$appeal" compose cecot --batch "$work/signers.csv"
    timed "mailmerge" "${mailmerge[@]}"
done
appeal_best=${best["appeal --width 0"]}
wrapped_best=${best["appeal (72 columns)"]}
mm_best=${best[mailmerge]}
appeal_rate=$(echo "$rows / $appeal_best" | bc -l)
mm_rate=$(echo "$rows / $mm_best" | bc -l)
printf 'appeal --width 0:    %9.0f letters/s (best of %d)\n' "$appeal_rate" "$runs"
printf 'appeal (72 columns): %9.0f letters/s (best of %d)\n' "$(echo "$rows / $wrapped_best" | bc -l)" "$runs"
printf 'mailmerge:           %9.0f letters/s (best of %d)\n' "$mm_rate" "$runs"
printf 'appeal is %.0f times as fast as mailmerge\n' "$(echo "$appeal_rate / $mm_rate" | bc -l)"

echo "Agreement:"
run "$work/appeal.out" "$appeal" compose cecot --batch "$work/signers.csv" --width 0
run "$work/mailmerge.out" "${mailmerge[@]}"
python3 - "$work" "$rows" << 'PY'
import email, email.policy, re, sys
work, rows = sys.argv[1], int(sys.argv[2])
appeal = open(f"{work}/appeal.out", encoding="utf-8").read().split("\x0c")
raw = open(f"{work}/mailmerge.out", encoding="utf-8").read()
messages = re.findall(r"^>>> message \d+\n(.*?)^>>> message \d+ sent\n", raw, re.S | re.M)
bodies = [email.message_from_string(m, policy=email.policy.default).get_content() for m in messages]
print(f"  appeal wrote {len(appeal)} letters, mailmerge {len(bodies)} messages")
norm = lambda s: s.rstrip("\n")
differ = [i for i, (a, b) in enumerate(zip(appeal, bodies)) if norm(a) != norm(b)]
if len(appeal) != rows or len(bodies) != rows or differ:
    if differ:
        i = differ[0]
        print(f"  {len(differ)} letters differ; the first, row {i + 1}:\n--- appeal\n{appeal[i]}\n--- mailmerge\n{bodies[i]}")
    sys.exit(f"batch.sh: FAILED: the two did not write the same {rows} letters")
print(f"  all {rows} letters are the same")
PY
rm -f "$work/appeal.out" "$work/mailmerge.out"

echo "appeal's peak memory (resident set, MiB):"
printf '  %-10s %10s %10s\n' rows stdout --out-dir
for size in ${PEAK_ROWS:-100000 1000000}; do
    signers "$size" "$work/$size.csv"
    run /dev/null /usr/bin/time -f %M -o "$work/peak" \
        "$appeal" compose cecot --batch "$work/$size.csv" --width 0
    stdout_peak=$(tail -1 "$work/peak")
    run /dev/null /usr/bin/time -f %M -o "$work/peak" \
        "$appeal" compose cecot --batch "$work/$size.csv" --width 0 --out-dir "$work/letters"
    dir_peak=$(tail -1 "$work/peak")
    written=$(find "$work/letters" -type f | wc -l)
    rm -rf "$work/letters" "$work/$size.csv"
    printf '  %-10s %10.1f %10.1f   (%d files written)\n' "$size" \
        "$(echo "$stdout_peak / 1024" | bc -l)" "$(echo "$dir_peak / 1024" | bc -l)" "$written"
done
