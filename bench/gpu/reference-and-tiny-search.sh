#!/bin/bash
# One device call (see ../../environment.md, "GPU"): the `small` preset (the reference run's settings) on CUDA,
# and candidate `tiny` configurations side by side, all at once on one GPU. Results come back as runs.tgz
# (config.json, run.json, metrics.csv, train_log.csv of every run; no checkpoints).
#
# Prepare here:  bash ../shared/device/pack-for-gpu.sh lib/SuddenDrops.Cli/SuddenDrops.Cli.csproj .gpu
#                mkdir -p .gpu/data/text .gpu/data/ud .gpu/data/vocab and copy the Wikipedia extract, EWT dev and the vocab into it
# Run there:     bash bench/gpu/reference-and-tiny-search.sh   (DEVICE=cpu SCALE=0.01 tries it on a CPU)
set -u
DEVICE=${DEVICE:-cuda}
SCALE=${SCALE:-1}
LIMIT=${LIMIT:-430}
OUT=${OUT:-/tmp/out}
SDROPS=${SDROPS:-bash .gpu/run.sh}
RUNS=${RUNS:-/tmp/sdrops-runs}
mkdir -p "$OUT" "$RUNS"
export SUDDENDROPS_DATA=${SUDDENDROPS_DATA:-$PWD/.gpu/data}
steps() { python3 -c "print(max(2, int($1 * $SCALE)))"; }
(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>/dev/null || echo "no nvidia-smi") | tee "$OUT/device.txt"
date -u +%FT%TZ >> "$OUT/device.txt"

train() {
  local name=$1; shift
  SUDDENDROPS_CACHE=/tmp/cache-$name timeout "$LIMIT" $SDROPS train --device "$DEVICE" --out "$RUNS/$name" "$@" > "$RUNS/$name.log" 2>&1
  echo "$name exit $?" >> "$RUNS/exits.txt"
}

train small   --preset small --steps "$(steps 6500)" --threads 2 &
train tiny-a  --preset tiny --sources wikipedia --decay constant --steps "$(steps 6000)" --threads 2 &
train tiny-b  --preset tiny --sources wikipedia --decay constant --layers 4 --steps "$(steps 6000)" --threads 2 &
train tiny-c  --preset tiny --sources wikipedia --decay constant --lr 2e-3 --steps "$(steps 6000)" --threads 2 &
train tiny-d  --preset tiny --sources wikipedia --decay constant --layers 4 --hidden 256 --steps "$(steps 6000)" --threads 2 &
train tiny-e  --preset tiny --sources wikipedia --decay constant --lr 5e-4 --batch-size 64 --steps "$(steps 6000)" --threads 2 &
wait

for r in "$RUNS"/*/; do tail -n 2 "${r%/}.log"; done
cat "$RUNS/exits.txt"
timeout 60 $SDROPS bench --preset base --vocab 0 --device "$DEVICE" --bench-steps "$(steps 20)" 2>&1 | tail -n 1 | tee "$OUT/bench.txt"
timeout 45 $SDROPS bench --preset small --vocab 0 --device "$DEVICE" --bench-steps "$(steps 50)" 2>&1 | tail -n 1 | tee -a "$OUT/bench.txt"
tar czf "$OUT/runs.tgz" -C "$RUNS" --exclude=checkpoints .
ls -la "$OUT"
