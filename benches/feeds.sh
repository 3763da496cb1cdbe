#!/usr/bin/env bash
# What feeds cost: publishing, updating over the loopback address (Python's
# http.server), and what a subscribed feed adds to `list` and to a
# `compose` of a built-in action, beside the same commands with no feed.
# The feed holds N actions (default 200), each the test draft with its
# Spanish translation.
#
#   bash benches/feeds.sh [N]
#
# A benchmark, not a test: it prints figures (hyperfine) and judges nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine python3; do
    command -v "$tool" > /dev/null || { echo "feeds.sh: install $tool" >&2; exit 1; }
done
count=${1:-200}
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server"; rm -rf "$work"' EXIT
# shellcheck source=benches/release-binary.sh
. benches/release-binary.sh
appeal=$PWD/$(release_binary)
export APPEAL_TODAY=2026-11-28 XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data LANG=C.UTF-8
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY

mkdir -p "$work/actions"
for i in $(seq 1 "$count"); do
    sed "s/Free the river keepers/River keepers $i/" tests/fixtures/draft.yaml > "$work/actions/river-$i.yaml"
    cp tests/fixtures/draft.es.yaml "$work/actions/river-$i.es.yaml"
done
cd "$work"
"$appeal" feed keygen -o keys --no-password 2> /dev/null

printf '\npublish %d actions (check, copy, sign, swap in)\n' "$count"
hyperfine --warmup 1 --runs 5 -N --style basic --output=null \
    "$appeal feed publish actions --key keys/minisign.key -o site/feed"

python3 -u -m http.server 0 --bind 127.0.0.1 --directory site > server.log 2>&1 &
server=$!
for _ in $(seq 50); do grep -q port server.log && break; sleep 0.1; done
port=$(grep -o 'port [0-9]*' server.log | grep -o '[0-9]*')

printf '\nno feed: list, and compose a built-in action\n'
hyperfine --warmup 2 --runs 20 -N --style basic --output=null \
    -n "list" "$appeal list" \
    -n "compose cecot" "$appeal compose cecot --name Ana --no-input --no-history -o -"

"$appeal" feed add bench "http://127.0.0.1:$port/feed/" --key keys/minisign.pub 2> /dev/null

printf '\nupdate: install %d actions over the loopback address, from nothing\n' "$count"
hyperfine --warmup 1 --runs 5 -N --style basic --output=null \
    --prepare "rm -rf $work/data/appeal/feeds/bench" \
    "$appeal update"

printf '\nupdate: the same publication again (nothing fetched but the index)\n'
hyperfine --warmup 1 --runs 10 -N --style basic --output=null "$appeal update"

printf '\na %d-action feed subscribed: list, compose a built-in action, compose a feed action\n' "$count"
hyperfine --warmup 2 --runs 20 -N --style basic --output=null \
    -n "list" "$appeal list" \
    -n "compose cecot" "$appeal compose cecot --name Ana --no-input --no-history -o -" \
    -n "compose river-$count" "$appeal compose river-$count --name Ana --no-input --no-history -o -"
