#!/usr/bin/env bash
# bench.sh — every row of the performance table (issue 18), measured in one
# run, each as a ratio to something measured interleaved with it: on a
# shared 2-core machine only ratios mean anything.
#
#   scripts/bench.sh                       # about 10 minutes on 2 cores
#   RUNS=5 START_RUNS=30 scripts/bench.sh
#   SHOUHOU=/path/to/other/build scripts/bench.sh   # measure another build
#
# Builds shouhou and a hello-world Go binary in the same run, generates the
# corpora with scripts/gencorpus, and times with scripts/benchtool (wall
# time and peak RSS, medians of interleaved rounds). Needs rg (ripgrep);
# installs it with apt-get when it can.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
START_RUNS=${START_RUNS:-30}
WORK=${WORK:-$(mktemp -d /tmp/shouhou-bench.XXXXXX)}
mkdir -p "$WORK"

if ! command -v rg >/dev/null; then
	echo "bench: installing ripgrep" >&2
	(apt-get install -y ripgrep >/dev/null 2>&1 || sudo apt-get install -y ripgrep >/dev/null 2>&1) || true
	command -v rg >/dev/null || { echo "bench: rg is missing (apt-get install ripgrep)" >&2; exit 1; }
fi

echo "bench: building into $WORK" >&2
if [ -n "${SHOUHOU:-}" ]; then
	cp "$SHOUHOU" "$WORK/shouhou"
else
	go build -o "$WORK/shouhou" .
fi
go build -o "$WORK/benchtool" ./scripts/benchtool
mkdir -p "$WORK/hello"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$WORK/hello/main.go"
(cd "$WORK/hello" && GO111MODULE=off go build -o "$WORK/hello-world" main.go)
S="$WORK/shouhou"
B="$WORK/benchtool"

gen() { # gen DIR ARGS...: generate a corpus once
	local dir=$1; shift
	[ -d "$dir" ] || go run ./scripts/gencorpus -out "$dir" "$@" >&2
}
echo "bench: corpora" >&2
gen "$WORK/corpus" -mb 50
gen "$WORK/doc10" -docs 1 -mb 10 -seed 4
gen "$WORK/doc50" -docs 1 -mb 50 -seed 5
gen "$WORK/k1" -docs 1000 -mb 2 -seed 2
gen "$WORK/k10" -docs 10000 -mb 20 -seed 3
gen "$WORK/k50" -docs 50000 -mb 100 -seed 6
go run ./scripts/gencorpus -keywords >"$WORK/keywords.txt"

# A 2 KB policy: the shipped example, repeated, cut to whole characters.
p2k="$WORK/policy-2k.txt"
: >"$p2k"
while [ "$(stat -c %s "$p2k")" -lt 2000 ]; do cat testdata/policies/bad_policy.txt >>"$p2k"; done
{ head -c 2048 "$p2k" | iconv -c -f utf-8 -t utf-8 2>/dev/null || true; } >"$p2k.tmp"
mv "$p2k.tmp" "$p2k"

# bench NAME RUNS WARMUP: run the spec $WORK/NAME.tsv, results in $WORK/NAME.out
bench() {
	"$B" -runs "$2" -warmup "$3" "$WORK/$1.tsv" >"$WORK/$1.out"
}
q="audit -q --max-size 1GB"

echo "bench: start-up" >&2
printf 'hello\t%s\nversion\t%s version\naudit\t%s audit --format json %s\n' "$WORK/hello-world" "$S" "$S" "$p2k" >"$WORK/start.tsv"
bench start "$START_RUNS" 3

echo "bench: 50 MB corpus against rg" >&2
printf 'corpus\t%s %s -f jsonl -o %s/out.jsonl %s/corpus\nrg\trg -c -f %s/keywords.txt %s/corpus\n' "$S" "$q" "$WORK" "$WORK" "$WORK" "$WORK" >"$WORK/corpus.tsv"
bench corpus "$RUNS" 1

echo "bench: one big document" >&2
printf 'doc10\t%s %s -f jsonl -o %s/d10.jsonl %s/doc10\ndoc50\t%s %s -f jsonl -o %s/d50.jsonl %s/doc50\n' "$S" "$q" "$WORK" "$WORK" "$S" "$q" "$WORK" "$WORK" >"$WORK/big.tsv"
bench big 1 0

echo "bench: 10,000 small files" >&2
: >"$WORK/k10.tsv"
for f in jsonl xlsx json sarif; do
	printf '%s\t%s %s -f %s -o %s/k10.%s %s/k10\n' "$f" "$S" "$q" "$f" "$WORK" "$f" "$WORK" >>"$WORK/k10.tsv"
done
bench k10 1 0

echo "bench: 1,000 and 50,000 small files" >&2
printf 'k1\t%s %s -f jsonl -o %s/k1.jsonl %s/k1\nk50\t%s %s -f jsonl -o %s/k50.jsonl %s/k50\n' "$S" "$q" "$WORK" "$WORK" "$S" "$q" "$WORK" "$WORK" >"$WORK/kk.tsv"
bench kk 1 0

# Hostile documents cost time linear in their size (ratios inside the test).
echo "bench: hostile documents scale linearly" >&2
scaling=yes
SHOUHOU_SCALING=1 go test -count=1 -run TestHostileScaling . >"$WORK/scaling.out" 2>&1 || scaling=no

# Same findings with one job as with many.
"$S" $q -f jsonl -j 1 -o "$WORK/j1.jsonl" "$WORK/corpus" || true
identical=no
cmp -s "$WORK/j1.jsonl" "$WORK/out.jsonl" && identical=yes

cat "$WORK"/{start,corpus,big,k10,kk}.out | awk -v ident="$identical" -v scaling="$scaling" -v cores="$(nproc)" -v runs="$RUNS" -v sruns="$START_RUNS" -F'\t' '
{ t[$1] = $2; m[$1] = $3 / 1024 }
function met(ok) { return ok ? "yes" : "NO" }
END {
	printf "\nshouhou benchmark — %d cores; medians of interleaved rounds (start-up %d, corpus %d, the rest 1)\n\n", cores, sruns, runs
	printf "| measure | measured | ratio | target | met |\n|---|---|---|---|---|\n"
	r = t["audit"] / t["hello"]
	printf "| cold start, audit --format json, 2 KB policy, vs hello world | %.1f ms vs %.1f ms | %.1fx | <= 4x | %s |\n", t["audit"]*1000, t["hello"]*1000, r, met(r <= 4)
	r = t["version"] / t["hello"]
	printf "| cold start, shouhou version, vs hello world | %.1f ms | %.1fx | <= 2.5x | %s |\n", t["version"]*1000, r, met(r <= 2.5)
	r = t["corpus"] / t["rg"]
	printf "| 50 MB corpus, default --jobs, vs rg -c -f the cue words | %.2f s vs %.2f s | %.1fx | <= 6x | %s |\n", t["corpus"], t["rg"], r, met(r <= 6)
	printf "| same findings as --jobs 1 | %s | | identical | %s |\n", ident, met(ident == "yes")
	printf "| hostile documents (one line, 9, 9, …, brackets), 2 MB vs 1 MB | %s | see scaling.out | <= 3x | %s |\n", scaling, met(scaling == "yes")
	printf "| one 10 MiB document, peak RSS | %.0f MiB | %.1f bytes per input byte | <= 150 MiB | %s |\n", m["doc10"], m["doc10"]/10, met(m["doc10"] <= 150)
	r = (t["doc50"]/50) / (t["doc10"]/10)
	printf "| one 50 MiB document | %.1f s, %.0f MiB | cost per MiB %+.0f%% over 10 MiB | linear, <= 400 MiB | %s |\n", t["doc50"], m["doc50"], (r-1)*100, met(r <= 1.15 && m["doc50"] <= 400)
	r = t["xlsx"] / t["jsonl"]
	printf "| 10,000 small files, -f xlsx, vs jsonl | %.1f s, %.0f MiB (jsonl %.1f s, %.0f MiB) | %.2fx the time | <= 2x, <= 200 MiB | %s |\n", t["xlsx"], m["xlsx"], t["jsonl"], m["jsonl"], r, met(r <= 2 && m["xlsx"] <= 200)
	printf "| 10,000 small files, -f json / -f sarif | %.0f / %.0f MiB | %.2f / %.2fx jsonl | <= 200 MiB | %s |\n", m["json"], m["sarif"], m["json"]/m["jsonl"], m["sarif"]/m["jsonl"], met(m["json"] <= 200 && m["sarif"] <= 200)
	r = m["k50"] / m["k1"]
	printf "| 50,000 small files, jsonl, peak RSS vs 1,000 | %.0f vs %.0f MiB | %.2fx | <= 1.2x | %s |\n", m["k50"], m["k1"], r, met(r <= 1.2)
}'
echo "bench: files in $WORK" >&2
