#!/usr/bin/env bash
# How long `appeal check` and `appeal compose` take on generated worst
# cases, each file up to 1 MiB: the template rules and limits should keep
# every one well under a second.
#
#   bash benches/hostile.sh
#
# A benchmark, not a test: it prints figures (hyperfine) and judges nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine > /dev/null || { echo "hostile.sh: install hyperfine" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck source=benches/release-binary.sh
. benches/release-binary.sh
appeal=$(release_binary)
export APPEAL_TODAY=2026-11-28 XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
base = open("actions/cecot.yaml", encoding="utf-8").read()
head, _ = base.split("    body: |\n", 1)

def action(name, body):
    lines = "".join("      " + l + "\n" for l in body.split("\n"))
    open(f"{work}/{name}.yaml", "w", encoding="utf-8").write(head + "    body: |\n" + lines)

# The largest template allowed, all tags: the parser's worst case.
action("tags-64k", ("{{name}} {{note}} {{place}} word " * 10 + "\n") * 190)
# The largest template allowed, all prose.
action("prose-64k", ("word " * 12 + "\n") * 1000)
# A block as long as a block may be, repeated to the template's limit.
action("blocks", ("{{#if note}}\n" + ("word " * 12 + "\n") * 250 + "{{/if}}\n") * 3)
# each over copies and their address, the deepest allowed.
action("each", "{{#each copies}}{{full_name}}{{#each address}} {{this}}{{/each}}\n{{/each}}\n" * 500)
# Refused before parsing: 4,000 nested (not …) and a 1 MiB template.
action("nested-not", "{{#if " + "(not " * 4000 + "note" + ")" * 4000 + "}}x{{/if}}")
action("huge", ("word " * 200 + "\n") * 1000)
# A 1 MiB file: the background at the size limit.
big = base.replace("background: |\n", "background: |\n" + ("  " + "word " * 200 + "\n\n") * 1000, 1)
open(f"{work}/background-1m.yaml", "w", encoding="utf-8").write(big[: 1024 * 1024 - 1])
PY

for f in "$work"/*.yaml; do
    name=$(basename "$f" .yaml)
    size=$(wc -c < "$f")
    printf '\n%s (%d KiB)\n' "$name" $((size / 1024))
    # -i: most of these files are refused (exit 1 or 3), as they should be.
    hyperfine --warmup 1 --runs 5 -N -i --style basic --output=null \
        -n "check" "$appeal check $f" \
        -n "compose" "$appeal compose $f --no-input --no-history --name A -o -"
done

# A stranger's message file, checked by a translator (`check FILE.ftl`),
# and a stranger's batch file: nesting 100,000 deep (refused before
# parsing), 90,000 messages each with a finding, and a quoted CSV cell of
# 300 MB of lines fed through a pipe (refused at 1 MiB, the reading stopped).
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
n = 100_000
open(f"{work}/deep.ftl", "w").write("m = " + "{" * n + "}" * n + "\n")
open(f"{work}/calls.ftl", "w").write("m = { " + "F(" * n + ")" * n + " }\n")
open(f"{work}/many.ftl", "w").write("".join(f"m{i}={{x}}\n" for i in range(90_000)))
PY
for f in "$work"/*.ftl; do
    printf '\n%s (%d KiB)\n' "$(basename "$f")" $(($(wc -c < "$f") / 1024))
    hyperfine --warmup 1 --runs 5 -N -i --style basic --output=null -n "check" "$appeal check $f"
done
printf '\na quoted CSV cell of 300 MB of lines, through a pipe\n'
hyperfine --warmup 1 --runs 5 -i --style basic --output=null -n "compose --batch -" \
    "{ printf 'name,note\nAna,ok\nBen,\"'; yes 'a line of the note' | head -c 300000000; printf '\"\n'; } | $appeal compose cecot --batch - --batch-format csv --jsonl --no-history"
