#!/bin/bash
# Second device call of the tiny-preset search (README "The tiny preset"): variants around the first
# configuration that showed a structure onset (2 x 128 x 4, lr 5e-4, batch 64), on Wikipedia + Gutenberg
# as the tiny preset trains, 10,000 steps each, all at once on one GPU. Results: runs.tgz (no checkpoints).
set -u
DEVICE=${DEVICE:-cuda}
SCALE=${SCALE:-1}
LIMIT=${LIMIT:-380}
OUT=${OUT:-/tmp/out}
SDROPS=${SDROPS:-bash .gpu/run.sh}
RUNS=${RUNS:-/tmp/sdrops-runs}
mkdir -p "$OUT" "$RUNS"
export SUDDENDROPS_DATA=${SUDDENDROPS_DATA:-$PWD/.gpu/data}
[ -d "$SUDDENDROPS_DATA/text/gutenberg" ] || tar -C "$SUDDENDROPS_DATA/text" -xJf "$SUDDENDROPS_DATA/text/gutenberg.tar.xz"
steps() { python3 -c "print(max(2, int($1 * $SCALE)))"; }
(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>/dev/null || echo "no nvidia-smi") | tee "$OUT/device.txt"
date -u +%FT%TZ >> "$OUT/device.txt"

train() {
  local name=$1; shift
  SUDDENDROPS_CACHE=/tmp/cache-$name timeout "$LIMIT" $SDROPS train --device "$DEVICE" --out "$RUNS/$name" --preset tiny --decay constant --steps "$(steps 10000)" --threads 2 "$@" > "$RUNS/$name.log" 2>&1
  echo "$name exit $?" >> "$RUNS/exits.txt"
}
train r1-lr5e-4-b64  --lr 5e-4 --batch-size 64 &
train r2-lr7e-4-b64  --lr 7e-4 --batch-size 64 &
train r3-lr3e-4-b64  --lr 3e-4 --batch-size 64 &
train r4-lr5e-4-b128 --lr 5e-4 --batch-size 128 &
train r5-lr5e-4-b32  --lr 5e-4 --batch-size 32 &
train r6-h64-lr5e-4-b64 --hidden 64 --lr 5e-4 --batch-size 64 &
train r7-lr5e-4-b64-w1000 --lr 5e-4 --batch-size 64 --warmup 1000 &
wait
cat "$RUNS/exits.txt"
tar czf "$OUT/runs.tgz" -C "$RUNS" --exclude=checkpoints .
ls -la "$OUT"
