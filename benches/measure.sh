#!/usr/bin/env bash
# Whole-process figures for the scale budgets, each beside `cat` of the same
# files in the same run (the I/O floor):
#
#   1. process start to first frame on the bundled articles (`dossier render`);
#   2. the reader on a generated corpus in a real terminal (tmux): time to the
#      first interactive frame, time until loading has finished, peak memory;
#   3. `dossier facts --json` and `dossier text` over the same corpus: wall
#      time, MB/s, CPU use and peak memory; without the library
#      (`--no-cache`), on a first import into an empty library, and from
#      the library; and the library's size.
#   4. the reader's first import into an empty library, and its second
#      start on the unchanged folder: first frame, list complete, every
#      fact, the entity index and search ready.
#
#   benches/measure.sh [N] [DIR]     (N = 100000 articles by default, ≈300 MB)
#
# The corpus is written by `cargo run --release --example corpus -- DIR N`
# (once; kept in DIR for later runs). Needs /usr/bin/time; part 2 needs tmux.
set -euo pipefail

n=${1:-100000}
dir=${2:-${TMPDIR:-/tmp}/dossier-corpus-$n}
cd "$(dirname "$0")/.."

cargo build --release --quiet --bin dossier --example corpus
target=${CARGO_TARGET_DIR:-target}/release
bin=$(realpath "$target/dossier")

if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    "$target/examples/corpus" "$dir" "$n"
    touch "$dir/.complete"
fi
mb=$(du -sb --exclude=.complete "$dir" | awk '{printf "%.1f", $1 / 1e6}')
files=$(find "$dir" -type f ! -name .complete | wc -l)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1e6}' /proc/meminfo),"\
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "corpus: $files files, $mb MB in $dir"
echo

# Runs a command under /usr/bin/time -v and prints wall seconds (the time's
# own start-up included), CPU % and peak memory in MB on one line.
timed() {
    local log t0 t1
    log=$(mktemp)
    t0=$(date +%s%N)
    /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
    t1=$(date +%s%N)
    awk -F': ' -v ns=$((t1 - t0)) '
        /Percent of CPU/ { cpu = $2 }
        /Maximum resident/ { rss = $2 / 1024 }
        END { printf "%.3f s  %s CPU  %.0f MB peak", ns / 1e9, cpu, rss }' "$log"
    rm -f "$log"
}

# The median of five runs of `timed`, by wall time.
median5() {
    for _ in 1 2 3 4 5; do timed "$@"; echo; done | sort -n | sed -n 3p
}

echo "== 1. process start to first frame, bundled articles (median of 5)"
echo "cat seeds/*:              $(median5 sh -c 'cat seeds/* >/dev/null')"
echo "dossier render 120x40:    $(median5 "$bin" --no-state render --size 120x40)"
echo

# Warm the page cache, then the floor.
find "$dir" -type f -print0 | xargs -0 cat >/dev/null
echo "== 2. $files articles, $mb MB, warm cache"
floor=$(timed sh -c "find '$dir' -type f -print0 | xargs -0 cat >/dev/null")
echo "cat (I/O floor):          $floor"
tmp=$(mktemp -d)
trap 'tmux -S "$tmp/sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
export XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
export XDG_CACHE_HOME=$tmp/cache
rate() {
    local line secs
    line=$("$@")
    secs=${line%% s*}
    printf '%s  %.0f MB/s' "$line" "$(echo "$mb / $secs" | bc -l)"
}
for cmd in text "facts --json"; do
    printf '%-40s %s\n' "dossier $cmd, no library:" "$(rate timed "$bin" --no-state --no-cache $cmd "$dir")"
done
rm -rf "$tmp/cache"
printf '%-40s %s\n' "dossier facts --json, first import:" "$(rate timed "$bin" --no-state facts --json "$dir")"
printf '%-40s %s\n' "dossier facts --json, from the library:" "$(rate timed "$bin" --no-state facts --json "$dir")"
printf '%-40s %s\n' "dossier text, from the library:" "$(rate timed "$bin" --no-state text "$dir")"
db=$("$bin" --db-path)
echo "library: $(du -sb "$(dirname "$db")" | awk '{printf "%.0f MB", $1 / 1e6}') in $(dirname "$db")"
echo

echo "== 3. the reader in a real terminal (tmux, 160x50), polled every 10 ms"
if ! command -v tmux >/dev/null; then
    echo "tmux missing: skipped"
    exit 0
fi
now() { date +%s%N; }
ms() { echo $(( ($1 - start) / 1000000 )); }

# Opens the reader on "$@" in a fresh tmux server; prints the time to the
# first frame with its key hints, the time until the list is complete
# (nothing left to load), the time until nothing is left to load, extract
# or index, the time until the files are checked against the library too,
# and the reader's peak memory.
reader() {
    tmux -S "$tmp/sock" kill-server 2>/dev/null || true
    start=$(now)
    tmux -S "$tmp/sock" new-session -d -x 160 -y 50 "$bin --no-state $*; sleep 600"
    local pid="" first="" listed="" ready="" screen
    while :; do
        screen=$(tmux -S "$tmp/sock" capture-pane -p 2>/dev/null || true)
        [ -n "$pid" ] || pid=$(pgrep -n -f "^$bin --no-state" || true)
        if [ -z "$first" ] && grep -q '? help' <<<"$screen"; then
            first=$(ms "$(now)")
        fi
        if [ -n "$first" ] && [ -z "$listed" ] && ! grep -q 'loading' <<<"$screen"; then
            listed=$(ms "$(now)")
        fi
        # Ready when the status line shows neither the load's progress nor
        # facts still to extract nor the index being built; done when the
        # walk that checks the files against the library is over too.
        if [ -n "$first" ] && [ -z "$ready" ] && ! grep -qE 'loading|extracting|indexing' <<<"$screen"; then
            ready=$(ms "$(now)")
        fi
        if [ -n "$ready" ] && ! grep -qE 'loading|extracting|indexing|checking' <<<"$screen"; then
            break
        fi
        if [ $(( $(now) - start )) -gt 300000000000 ]; then
            echo "gave up after 300 s"
            break
        fi
        sleep 0.01
    done
    local all
    all=$(ms "$(now)")
    local peak
    peak=$(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || echo "?")
    echo "first frame ${first} ms · list complete ${listed} ms · everything ready ${ready} ms · files checked ${all} ms · peak memory $peak"
    tmux -S "$tmp/sock" send-keys q
}
echo "bundled articles:         $(reader)"
echo "$files articles, no library:  $(reader --no-cache "'$dir'")"
rm -rf "$tmp/cache"
echo "$files articles, first import: $(reader "'$dir'")"
echo "$files articles, second start: $(reader "'$dir'")"
