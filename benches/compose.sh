#!/usr/bin/env bash
# One letter, one process: `appeal compose` against `envsubst` filling the
# same English letter.
#
#   bash benches/compose.sh
#
# Builds appeal in release mode, turns the English CECOT model letter of
# actions/cecot.yaml into an envsubst template ($DATE, $NAME, $NOTE, $PLACE),
# checks that both print the same letter, then times one whole
# non-interactive `appeal compose` process and one `envsubst` process side
# by side with hyperfine. The figures are also written as JSON to
# target/bench/compose.json. A benchmark, not a test: it prints figures and
# judges nothing (the exit code is 0 whatever the ratio).
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

# shellcheck source=benches/release-binary.sh
. benches/release-binary.sh
# Timed as installed, the way `cargo install` leaves it: a copy. On this
# kind of machine a binary just written by the linker starts 0.25-0.4 ms
# slower than the same bytes copied into a new file or read back from disk
# (more page faults, from how its page cache was filled), and envsubst is
# an installed binary too.
install -m 755 "$(release_binary)" "$work/appeal"
appeal=$work/appeal

# The same answers for both. A date before the action's deadline, so that
# appeal has no warning to print.
# --no-history: envsubst keeps no record; what recording adds is measured by
# `cargo bench --bench history`.
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

# hyperfine's --input (1.16+) gives envsubst its stdin without a shell, so
# both commands run bare; without it, both run under `sh -c 'exec …'` and pay
# the same shell, whose cost is measured on its own (`sh -c :`) as well.
json=target/bench/compose.json
if hyperfine --help | grep -q -- '--input'; then
    method="no shell (hyperfine -N, envsubst's stdin from --input)"
    q() { local s=${1//"'"/"'\\''"}; printf "'%s'" "$s"; } # quoted for hyperfine
    hyperfine --warmup 20 -N --output=null --input "$TEMPLATE" --export-json "$json" \
        -n appeal "$(q "$appeal") compose cecot --name $(q "$NAME") --note $(q "$NOTE") --city $(q "$CITY") --country $(q "$COUNTRY") --no-input --no-history --width 0 -o -" \
        -n envsubst "envsubst $(q "$VARS")"
else
    method="both under sh -c (hyperfine $(hyperfine --version | cut -d' ' -f2) has no --input)"
    hyperfine --warmup 20 -N --output=null --export-json "$json" \
        -n appeal "sh -c 'exec \"\$APPEAL\" compose cecot --name \"\$NAME\" --note \"\$NOTE\" --city \"\$CITY\" --country \"\$COUNTRY\" --no-input --no-history --width 0 -o -'" \
        -n envsubst "sh -c 'exec envsubst \"\$VARS\" < \"\$TEMPLATE\"'" \
        -n "sh alone" "sh -c :"
fi

echo
echo "method: $method; output to /dev/null; JSON in $json"
python3 - "$json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ms = lambda r: (r["mean"] * 1e3, r["stddev"] * 1e3, r["median"] * 1e3)
a, e = ms(results["appeal"]), ms(results["envsubst"])
for name, (mean, sd, median) in (("appeal", a), ("envsubst", e)):
    print(f"{name:>9}: mean {mean:.3f} ± {sd:.3f} ms, median {median:.3f} ms")
if "sh alone" in results:
    s = ms(results["sh alone"])
    print(f"{'sh alone':>9}: mean {s[0]:.3f} ± {s[1]:.3f} ms, median {s[2]:.3f} ms")
    # Medians: a mean this small is at the mercy of a few slow runs.
    aa, ee = a[2] - s[2], e[2] - s[2]
    print(f"medians without the shell: appeal: {aa:.3f} ms, envsubst: {ee:.3f} ms, ratio: {aa / ee:.2f}")
print(f"medians: appeal: {a[2]:.3f} ms, envsubst: {e[2]:.3f} ms, ratio: {a[2] / e[2]:.2f}")
print(f"appeal: {a[0]:.3f} ms, envsubst: {e[0]:.3f} ms, ratio: {a[0] / e[0]:.2f} (target ≤ 1.5)")
PY

# Instructions, counted by valgrind: the same for the same binary and input
# however busy the machine is (time is not, on a shared one).
if command -v valgrind > /dev/null; then
    count() { # COMMAND...: instructions executed, dynamic loader included
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
            sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
    }
    ai=$(count "$appeal" compose cecot --name "$NAME" --note "$NOTE" --city "$CITY" --country "$COUNTRY" \
        --no-input --no-history --width 0 -o - < /dev/null)
    ei=$(count envsubst "$VARS" < "$TEMPLATE")
    python3 -c "a, e = $ai, $ei; print(f'instructions (valgrind): appeal {a:,}, envsubst {e:,}, ratio {a / e:.2f}')"
fi
