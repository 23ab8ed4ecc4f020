#!/usr/bin/env bash
# bench.sh — the performance targets of shouhou, measured in one run.
#
#   scripts/bench.sh            # ~3 minutes on a 2-core machine
#   MB=50 RUNS=5 scripts/bench.sh
#
# Generates a corpus from testdata/ (scripts/gencorpus), builds shouhou and
# a comparison build with gse's full dictionary (-tags fulldict), and
# prints a table of medians and ratios:
#   cold start     shouhou audit --format json on one 2 KB policy   target <= 50 ms
#   throughput     the MB-sized corpus, default --jobs               target >= 20 MB/s
#   identical      the same corpus with --jobs 1 gives the same bytes
#   memory         peak RSS on 1,000 and 10,000 documents            target <= 150 MB, flat
#   rg             ripgrep over the corpus for the rulebook's words  (ratio)
#   full dict      the fulldict build: cold start and throughput      (ratios)
# Needs hyperfine and ripgrep (Debian: apt-get install hyperfine ripgrep);
# the script installs them with apt-get when it can.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${MB:-50}
RUNS=${RUNS:-5}
WORK=${WORK:-$(mktemp -d /tmp/shouhou-bench.XXXXXX)}
mkdir -p "$WORK"

need() {
	command -v "$1" >/dev/null && return
	if command -v apt-get >/dev/null; then
		echo "bench: installing $2" >&2
		(apt-get install -y "$2" >/dev/null 2>&1 || sudo apt-get install -y "$2" >/dev/null 2>&1) || true
	fi
	command -v "$1" >/dev/null || { echo "bench: $1 is missing (apt-get install $2)" >&2; exit 1; }
}
need hyperfine hyperfine
need rg ripgrep

echo "bench: building into $WORK" >&2
go build -o "$WORK/shouhou" .
go build -tags fulldict -o "$WORK/shouhou-fulldict" .

if [ ! -d "$WORK/corpus" ]; then
	go run ./scripts/gencorpus -out "$WORK/corpus" -mb "$MB"
	go run ./scripts/gencorpus -out "$WORK/k1" -docs 1000 -mb 15 -seed 2
	go run ./scripts/gencorpus -out "$WORK/k10" -docs 10000 -mb 150 -seed 3
fi
go run ./scripts/gencorpus -keywords >"$WORK/keywords.txt"
bytes=$(find "$WORK/corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
docs=$(find "$WORK/corpus" -type f | wc -l)

# A 2 KB policy: the shipped example, repeated.
p2k="$WORK/policy-2k.txt"
: >"$p2k"
while [ "$(stat -c %s "$p2k")" -lt 2000 ]; do cat testdata/policies/bad_policy.txt >>"$p2k"; done
# cut to 2,048 bytes, dropping a character cut in half
{ head -c 2048 "$p2k" | iconv -c -f utf-8 -t utf-8 2>/dev/null || true; } >"$p2k.tmp"
mv "$p2k.tmp" "$p2k"

# median CMD... : hyperfine's median in seconds.
median() {
	local runs=$1; shift
	hyperfine -N -i --warmup 1 --runs "$runs" --export-csv "$WORK/h.csv" "$@" >/dev/null 2>&1
	awk -F, 'NR==2 {print $4}' "$WORK/h.csv"
}

echo "bench: cold start" >&2
cold=$(median 30 "$WORK/shouhou audit --format json $p2k")
coldfull=$(median 3 "$WORK/shouhou-fulldict audit --format json $p2k")

echo "bench: throughput ($docs documents, $((bytes / 1048576)) MB)" >&2
thr=$(median "$RUNS" "$WORK/shouhou audit -q -f jsonl -o $WORK/out.jsonl $WORK/corpus")
"$WORK/shouhou" audit -q -f jsonl -j 1 "$WORK/corpus" >"$WORK/j1.jsonl" || true
"$WORK/shouhou" audit -q -f jsonl "$WORK/corpus" >"$WORK/jn.jsonl" || true
identical=no
cmp -s "$WORK/j1.jsonl" "$WORK/jn.jsonl" && identical=yes
rgt=$(median "$RUNS" "rg -c -f $WORK/keywords.txt $WORK/corpus")
full=$(median 1 "$WORK/shouhou-fulldict audit -q -f jsonl -o $WORK/full.jsonl $WORK/corpus")

echo "bench: memory" >&2
# peak RSS in KB (shouhou exits 1 on findings; that is not a failure here)
rss() { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -1; }
m1=$(rss "$WORK/shouhou" audit -q -f jsonl "$WORK/k1")
m10=$(rss "$WORK/shouhou" audit -q -f jsonl "$WORK/k10")
mc=$(rss "$WORK/shouhou" audit -q -f jsonl "$WORK/corpus")

awk -v cold="$cold" -v coldfull="$coldfull" -v thr="$thr" -v rgt="$rgt" -v full="$full" \
	-v bytes="$bytes" -v docs="$docs" -v ident="$identical" -v m1="$m1" -v m10="$m10" -v mc="$mc" -v cores="$(nproc)" 'BEGIN {
	mb = bytes / 1048576
	printf "\nshouhou benchmark — %d documents, %.1f MB, %d cores; medians\n\n", docs, mb, cores
	printf "| measure | target | measured | ratio | met |\n|---|---|---|---|---|\n"
	printf "| cold start, 2 KB policy, --format json | <= 50 ms | %.1f ms | full dict %.0fx slower (%.0f ms) | %s |\n", cold*1000, coldfull/cold, coldfull*1000, (cold <= 0.050 ? "yes" : "NO")
	printf "| throughput, default --jobs | >= 20 MB/s | %.1f MB/s (%.2f s) | | %s |\n", mb/thr, thr, (mb/thr >= 20 ? "yes" : "NO")
	printf "| same findings as --jobs 1 | identical | %s | | %s |\n", ident, (ident == "yes" ? "yes" : "NO")
	printf "| peak RSS, 1,000 / 10,000 documents | <= 150 MB, flat | %.0f / %.0f MB | 10k/1k %.2f | %s |\n", m1/1024, m10/1024, m10/m1, (m10/1024 <= 150 && m10/m1 < 1.5 ? "yes" : "NO")
	printf "| peak RSS, this corpus | <= 150 MB | %.0f MB | | %s |\n", mc/1024, (mc/1024 <= 150 ? "yes" : "NO")
	printf "| ripgrep, rulebook words (rg -c -f) | | %.2f s (%.0f MB/s) | shouhou takes %.1fx rg | |\n", rgt, mb/rgt, thr/rgt
	printf "| full gse dictionary build | | %.2f s (%.1f MB/s) | %.2fx slower than shouhou | |\n", full, mb/full, full/thr
}'
echo "bench: files in $WORK" >&2
