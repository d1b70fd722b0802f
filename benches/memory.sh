#!/usr/bin/env bash
# The reader's peak memory beside the size of the text it holds, for the
# memory budgets (at most 2× the text on the generated corpus, 3× for any
# mix of files):
#
#   1. the generated corpus of N articles (`cargo run --release --example
#      corpus -- DIR N`), without the library (`--no-cache`), on a first
#      import into an empty library, and on a second start from it;
#   2. one fact-dense article of MB megabytes (names, organisations, dates
#      and percentages repeated, as in benches/doubling.rs), the same three
#      ways;
#   and for each, `dossier facts --json` without the library (its peak as
#   GNU time reports it).
#
#   benches/memory.sh [N] [DIR] [MB]   (N = 20000, MB = 15: under the 16 MB limit of one article)
#
# Each figure is the reader's VmHWM once the status line shows neither
# `loading`, `extracting` nor `indexing` (every fact, the entity index and
# search ready), in a real terminal (tmux). `DOSSIER_BIN=path` measures
# another build (built already: nothing is built then). Needs tmux.
set -euo pipefail

n=${1:-20000}
dir=${2:-${TMPDIR:-/tmp}/dossier-corpus-$n}
dense_mb=${3:-15}
cd "$(dirname "$0")/.."

target=${CARGO_TARGET_DIR:-target}/release
if [ -z "${DOSSIER_BIN:-}" ] || [ ! -f "$dir/.complete" ]; then
    cargo build --release --quiet --bin dossier --example corpus
fi
bin=$(realpath "${DOSSIER_BIN:-$target/dossier}")

if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    "$target/examples/corpus" "$dir" "$n"
    touch "$dir/.complete"
fi

tmp=$(mktemp -d)
trap 'tmux -S "$tmp/sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
export XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export XDG_CACHE_HOME=$tmp/cache

# The fact-dense article: sentences dense in names, organisations, dates
# and percentages, a paragraph break every ten, up to MB megabytes.
dense=$tmp/dense
mkdir -p "$dense"
awk -v bytes=$((dense_mb << 20)) 'BEGIN {
    split("Anna Peter Maria Thomas Laura Jan Sofia Lukas", g, " ")
    split("Berger Holm Varga Lindqvist Moreau Kowalski Novak Brandt", s, " ")
    split("March June September December", m, " ")
    printf "A Long Article\n\n"; total = 16
    for (i = 0; total < bytes; i++) {
        a = g[i % 8 + 1]; b = s[int(i / 8) % 8 + 1]
        line = sprintf("%s %s of %s Holdings Ltd said on %d %s 2024 that sales rose %d.%d%%. ",
            a, b, b, i % 28 + 1, m[i % 4 + 1], i % 90, i % 10)
        if (i % 10 == 9) line = line "\n\n"
        printf "%s", line; total += length(line)
    }
}' >"$dense/dense.txt"

now() { date +%s%N; }

# Opens the reader on "$@" in a fresh tmux server until everything is
# ready; prints the seconds it took and its peak memory in MB.
peak() {
    tmux -S "$tmp/sock" kill-server 2>/dev/null || true
    local start pid="" screen
    start=$(now)
    local session="$bin --no-state $*; sleep 600"
    # A server still going away can refuse the new one: try again once.
    tmux -S "$tmp/sock" new-session -d -x 160 -y 50 "$session" 2>/dev/null \
        || { sleep 1; tmux -S "$tmp/sock" new-session -d -x 160 -y 50 "$session"; }
    while :; do
        screen=$(tmux -S "$tmp/sock" capture-pane -p 2>/dev/null || true)
        [ -n "$pid" ] || pid=$(pgrep -n -f "^$bin --no-state" || true)
        if [ -n "$pid" ] && grep -q '? help' <<<"$screen" \
            && ! grep -qE 'loading|extracting|indexing' <<<"$screen"; then
            break
        fi
        if [ $(( $(now) - start )) -gt 600000000000 ]; then
            echo -n "gave up after 600 s; "
            break
        fi
        sleep 0.05
    done
    local secs
    secs=$(echo "($(now) - $start) / 1000000000" | bc -l)
    awk -v s="$secs" '/VmHWM/ {printf "%.1f s, %.0f MB", s, $2 / 1024}' "/proc/$pid/status"
    tmux -S "$tmp/sock" send-keys q
    sleep 0.2
}

# Prints the peak of "$@" beside the text's size and their ratio.
row() {
    local label=$1 mb=$2
    shift 2
    local line rss
    line=$(peak "$@")
    rss=${line##*, }
    rss=${rss% MB}
    printf '%-44s %s peak, text %.0f MB: %.1f×\n' "$label" "$line" "$mb" "$(echo "$rss / $mb" | bc -l)"
}

for what in corpus dense; do
    if [ $what = corpus ]; then
        folder=$dir
        name="$n generated articles"
    else
        folder=$dense
        name="one fact-dense article"
    fi
    mb=$(du -sb --exclude=.complete "$folder" | awk '{print $1 / 1e6}')
    # The I/O floor, and the files warm in the page cache.
    floor=$( { /usr/bin/time -f '%e s, %M KB' sh -c "find '$folder' -type f -print0 | xargs -0 cat >/dev/null"; } 2>&1)
    echo "== $name ($mb MB); cat of the same files: $floor"
    row "  --no-cache:" "$mb" --no-cache "'$folder'"
    rm -rf "$tmp/cache"
    row "  first import:" "$mb" "'$folder'"
    row "  second start:" "$mb" "'$folder'"
    # Headless, every fact printed as JSON (the note of an article whose
    # facts were cut goes to stderr).
    /usr/bin/time -o "$tmp/time" -f '%e %M' "$bin" --no-state --no-cache facts --json "$folder" \
        >/dev/null 2>"$tmp/stderr" || true
    read -r secs kb <"$tmp/time"
    printf '%-44s %.1f s, %.0f MB peak, text %.0f MB: %.1f×\n' "  facts --json (--no-cache):" \
        "$secs" "$(echo "$kb / 1024" | bc -l)" "$mb" "$(echo "$kb / 1024 / $mb" | bc -l)"
done
