#!/usr/bin/env bash
# One letter, one process: appeal's start-up and a whole compose beside
# envsubst, and what the history adds. Everything is measured in one run:
#
#   bash benches/compose.sh
#   APPEAL_BIN=path/to/appeal bash benches/compose.sh   (another build)
#
# 1. `appeal compose` against `envsubst` filling the same English letter:
#    the CECOT model letter of actions/cecot.yaml becomes an envsubst
#    template ($DATE, $NAME, $NOTE, $PLACE, $SALUTATION), and both must
#    print the same bytes. Ratio of the medians (goal: at most 1.5).
# 2. `appeal --version` against `envsubst --version`: start-up alone.
# 3. `appeal compose` against the same compose with `--no-history`: what
#    looking up the last letter and recording this one adds (goal: under
#    0.5 ms). The history fills up as hyperfine runs, as a writer's does.
# hyperfine times the five commands together, in rounds (JSON in
# target/bench/compose.json.N); then come each one's page faults
# (getrusage, median of 50 runs), the binary's relative relocations
# (readelf), and instructions (valgrind, when installed), which the
# machine's load doesn't move. A benchmark, not a test: it prints figures and judges
# nothing (the exit code is 0 whatever the ratios).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine > /dev/null; then
    echo "compose.sh: hyperfine is not installed; install it with" >&2
    echo "  apt-get install -y hyperfine    (or, to time without a shell: cargo install --locked hyperfine@1.20.0)" >&2
    exit 1
fi
if ! command -v envsubst > /dev/null; then
    echo "compose.sh: envsubst is not installed; install it with" >&2
    echo "  apt-get install -y gettext-base" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config" target/bench

if [[ -n ${APPEAL_BIN:-} ]]; then
    built=$APPEAL_BIN
else
    # shellcheck source=benches/release-binary.sh
    . benches/release-binary.sh
    built=$(release_binary)
fi
# Timed as installed, the way `cargo install` leaves it: a copy. On this
# kind of machine a binary just written by the linker starts 0.25-0.4 ms
# slower than the same bytes copied into a new file or read back from disk
# (more page faults, from how its page cache was filled), and envsubst is
# an installed binary too.
install -m 755 "$built" "$work/appeal"
appeal=$work/appeal

# The same answers for both. A date before the action's deadline, so that
# appeal has no warning to print. Against envsubst, appeal runs with
# --no-history (envsubst keeps no record); the history is timed apart.
export APPEAL_TODAY=2025-05-20 XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
export DATE="20 May 2025"
export NAME="Ana Díaz"
export NOTE="I have family in El Salvador, and I am writing because this matters to me."
export CITY=Quito COUNTRY=Ecuador
export PLACE="$CITY, $COUNTRY"
export SALUTATION="Dear Secretary Noem,"
export APPEAL="$appeal"

# letters.en.body of actions/cecot.yaml as an envsubst template: the four
# variables become $DATE $NAME $NOTE $PLACE, and the {{#if}}/{{/if}} lines go.
python3 - actions/cecot.yaml "$work/template.txt" <<'PY'
import re, sys
source, out = sys.argv[1], sys.argv[2]
text = open(source, encoding="utf-8").read()
try:
    import yaml
    body = yaml.safe_load(text)["letters"]["en"]["body"]
except ImportError:  # no PyYAML: take the block scalar by its indentation
    block = text.split("\n  en:\n", 1)[1].split("    body: |\n", 1)[1]
    lines = []
    for line in block.split("\n"):
        if line.strip() and not line.startswith("      "):
            break
        lines.append(line[6:])
    body = "\n".join(lines).rstrip("\n") + "\n"
lines = [l for l in body.split("\n") if not re.fullmatch(r"\s*\{\{(#if [^}]*|/if)\}\}\s*", l)]
body = "\n".join(lines)
for var in ("date", "name", "note", "place"):
    body = body.replace("{{%s}}" % var, "$" + var.upper())
body = body.replace("{{target.salutation}}", "$SALUTATION")
left = re.findall(r"\{\{[^}]*\}\}", body)
if left:
    sys.exit(f"compose.sh: the template still has {left}; teach this script about them")
open(out, "w", encoding="utf-8").write(body)
PY
export TEMPLATE=$work/template.txt
# shellcheck disable=SC2016 # what envsubst replaces, and nothing else
export VARS='$DATE $NAME $NOTE $PLACE $SALUTATION'

# Both must print the same letter, or the comparison means nothing.
"$appeal" compose cecot --name "$NAME" --note "$NOTE" --city "$CITY" --country "$COUNTRY" \
    --no-input --no-history --width 0 -o - > "$work/appeal.txt"
envsubst "$VARS" < "$TEMPLATE" > "$work/envsubst.txt"
if cmp -s "$work/appeal.txt" "$work/envsubst.txt"; then
    echo "same letter from both ($(wc -c < "$work/appeal.txt") bytes)"
else
    echo "compose.sh: the two letters differ:" >&2
    diff "$work/appeal.txt" "$work/envsubst.txt" >&2 || true
    exit 1
fi

# The compose, once without the history and once with it.
compose=(compose cecot --name "$NAME" --note "$NOTE" --city "$CITY" --country "$COUNTRY"
    --no-input --width 0 -o -)
q() { local s=${1//"'"/"'\\''"}; printf "'%s'" "$s"; } # quoted for hyperfine
line() { local out="" w; for w in "$@"; do out+="$(q "$w") "; done; printf '%s' "${out% }"; }

# hyperfine's --input (1.16+) gives envsubst its stdin without a shell, so
# every command runs bare; without it, appeal and envsubst are compared
# under `sh -c 'exec …'`, both paying the same shell, whose cost is measured
# on its own (`sh -c :`) and taken off. The --version and history pairs
# never need a shell.
#
# hyperfine times one command's runs after another's, so a change in the
# machine's load between them would show as a difference: the five are
# timed in ROUNDS rounds (default 3) of RUNS/ROUNDS runs each, and every
# figure is the median of all of a command's runs.
json=target/bench/compose.json
rounds=${ROUNDS:-3}
per_round=$(( (${RUNS:-300} + rounds - 1) / rounds ))
nohist=$(line "$appeal" "${compose[@]}" --no-history)
if hyperfine --help | grep -q -- '--input'; then
    method="no shell (hyperfine -N, envsubst's stdin from --input)"
    input=(--input "$TEMPLATE")
    pair=(-n envsubst "envsubst $(q "$VARS")")
else
    method="appeal and envsubst under sh -c, the shell's time taken off (hyperfine $(hyperfine --version | cut -d' ' -f2) has no --input)"
    input=()
    pair=(-n "appeal under sh" "sh -c 'exec \"\$APPEAL\" compose cecot --name \"\$NAME\" --note \"\$NOTE\" --city \"\$CITY\" --country \"\$COUNTRY\" --no-input --width 0 -o - --no-history'"
        -n envsubst "sh -c 'exec envsubst \"\$VARS\" < \"\$TEMPLATE\"'"
        -n "sh alone" "sh -c :")
fi
for round in $(seq "$rounds"); do
    echo "round $round of $rounds"
    hyperfine --warmup 10 --runs "$per_round" -N --output=null "${input[@]}" \
        --export-json "$json.$round" --style basic \
        -n "compose, no history" "$nohist" \
        "${pair[@]}" \
        -n "appeal --version" "$(line "$appeal" --version)" \
        -n "envsubst --version" "envsubst --version" \
        -n "compose, history" "$(line "$appeal" "${compose[@]}")" > /dev/null
done

echo
echo "method: $method; output to /dev/null; $rounds rounds, JSON in $json.N"
python3 - "$json" "$rounds" <<'PY'
import json, statistics, sys
times = {}
for n in range(1, int(sys.argv[2]) + 1):
    for r in json.load(open(f"{sys.argv[1]}.{n}"))["results"]:
        times.setdefault(r["command"], []).extend(r["times"])
# Medians: a mean this small is at the mercy of a few slow runs.
median = {name: statistics.median(t) * 1e3 for name, t in times.items()}
for name, t in times.items():
    q = statistics.quantiles(t, n=4)
    print(f"{name:>20}: median {median[name]:.3f} ms (quartiles {q[0] * 1e3:.3f}-{q[2] * 1e3:.3f}), {len(t)} runs")
if "sh alone" in median:
    a = median["appeal under sh"] - median["sh alone"]
    e = median["envsubst"] - median["sh alone"]
    print(f"without the shell: appeal {a:.3f} ms, envsubst {e:.3f} ms")
else:
    a, e = median["compose, no history"], median["envsubst"]
print(f"one compose: appeal {a / e:.2f} times envsubst (goal: at most 1.5)")
v = median["appeal --version"] / median["envsubst --version"]
print(f"start-up: appeal --version {v:.2f} times envsubst --version")
h = median["compose, history"] - median["compose, no history"]
print(f"the history adds {h:.3f} ms to a compose (goal: under 0.5)")
PY

# Page faults, which a start-up mostly is: the median of 50 runs of each
# command, counted by the kernel for the child (getrusage).
python3 - "$appeal" "$TEMPLATE" "$VARS" "${compose[@]}" <<'PY'
import os, statistics, sys
appeal, template, variables, compose = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
def faults(argv, stdin="/dev/null"):
    counts = []
    for _ in range(50):
        fd_in, fd_out = os.open(stdin, os.O_RDONLY), os.open("/dev/null", os.O_WRONLY)
        actions = [(os.POSIX_SPAWN_DUP2, fd_in, 0), (os.POSIX_SPAWN_DUP2, fd_out, 1), (os.POSIX_SPAWN_DUP2, fd_out, 2)]
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
        _, _, usage = os.wait4(pid, 0)
        os.close(fd_in), os.close(fd_out)
        counts.append(usage.ru_minflt + usage.ru_majflt)
    return int(statistics.median(counts))
rows = [
    ("appeal compose", faults([appeal, *compose, "--no-history"])),
    ("envsubst", faults(["envsubst", variables], template)),
    ("appeal --version", faults([appeal, "--version"])),
    ("envsubst --version", faults(["envsubst", "--version"])),
    ("compose, history", faults([appeal, *compose])),
]
print("page faults (median of 50): " + ", ".join(f"{name} {n}" for name, n in rows))
PY
if command -v readelf > /dev/null; then
    echo "relative relocations in the binary: $(readelf -r "$appeal" | grep -c RELATIVE)"
fi

# Instructions, counted by valgrind: the same for the same binary and input
# however busy the machine is (time is not, on a shared one).
if command -v valgrind > /dev/null; then
    count() { # COMMAND...: instructions executed, dynamic loader included
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
            sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    }
    ai=$(count "$appeal" "${compose[@]}" --no-history < /dev/null)
    ei=$(count envsubst "$VARS" < "$TEMPLATE")
    python3 -c "a, e = $ai, $ei; print(f'instructions (valgrind): appeal {a:,}, envsubst {e:,}, ratio {a / e:.2f}')"
fi
