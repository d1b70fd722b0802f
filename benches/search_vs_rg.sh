#!/usr/bin/env bash
# Times dossier's corpus search against `rg -i -c` over the same generated
# corpus written to disk (100,000 articles by default, about 300 MB).
#
#   benches/search_vs_rg.sh [N] [DIR]
#
# rg reads files and matches case-insensitively, without accent folding or
# word boundaries; dossier answers from its index, built once beforehand
# (its build time is printed too). Both run warm: rg after one pass to fill
# the page cache, dossier as the median of 20 queries.
set -euo pipefail

n=${1:-100000}
dir=${2:-${TMPDIR:-/tmp}/dossier-search-corpus-$n}
cd "$(dirname "$0")/.."

command -v rg >/dev/null || { echo "ripgrep missing: apt-get install ripgrep" >&2; exit 1; }
cargo build --release --example search_bench --quiet
bin=${CARGO_TARGET_DIR:-target}/release/examples/search_bench

if [ ! -f "$dir/gen$(printf %06d $((n - 1))).txt" ]; then
    rm -rf "$dir"
    "$bin" write "$dir" "$n"
fi

# (rg pattern, dossier query) pairs: the same words, each tool's syntax.
pairs=(
    "alibaba|alibaba"
    "trung quốc|\"trung quoc\""
    "zwanenburg|zwanenburg"
    "der neue|\"der neue\""
)

rg -i -c alibaba "$dir" >/dev/null || true # warm the page cache: read every file once
declare -A rg_ms
for pair in "${pairs[@]}"; do
    pattern=${pair%%|*}
    start=$(date +%s%N)
    files=$(rg -i -c --no-messages -- "$pattern" "$dir" | wc -l)
    rg_ms[$pattern]=$((($(date +%s%N) - start) / 1000000))
    echo "rg -i -c '$pattern': ${rg_ms[$pattern]} ms, $files files"
done

queries=()
for pair in "${pairs[@]}"; do queries+=("${pair#*|}"); done
echo "dossier (query, median ms, articles):"
"$bin" time "$n" "${queries[@]}" | while IFS=$'\t' read -r q ms total rest; do
    for pair in "${pairs[@]}"; do
        if [ "${pair#*|}" = "$q" ]; then pattern=${pair%%|*}; fi
    done
    ratio=$(awk -v a="${rg_ms[$pattern]}" -v b="$ms" 'BEGIN { printf "%.0f", (b > 0 ? a / b : 0) }')
    printf '  %-16s %8s ms %7s articles   rg/dossier = %sx\n' "$q" "$ms" "$total" "$ratio"
done
