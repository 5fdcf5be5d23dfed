#!/bin/bash
# Device checks of issue 7 that need real text (one device call, ~2 minutes on an H200):
#  1. CPU and CUDA give the same losses for a fixed seed: tiny preset, dropout 0 (CPU and CUDA draw different dropout
#     masks), SAME_STEPS steps; CUDA runs its fp32 matmuls in TF32, so "the same" means within 1 %.
#     Then --resume of the finished CUDA run: loading a checkpoint (model and AdamW state) onto the device.
#  2. bf16 mixed precision tracks fp32 (TF32): the small preset (4 x 256 x 4, T 128, B 128), CURVE_STEPS steps each.
# Both on the Gutenberg books with the full bert-base-uncased vocabulary, no probes. Results under $OUT:
# checks.jsonl (one line per comparison, from bench/compare_curves.py) and checks-runs.tgz (logs, metrics; no checkpoints).
#
# Prepare here (CPU), besides the packing of bench/compare.sh:
#   mkdir -p .gpu/data/text .gpu/data/vocab
#   cp -r ../shared/data/text/gutenberg .gpu/data/text/ && cp ../shared/data/vocab/bert-base-uncased-vocab.txt .gpu/data/vocab/
# Run there:  bash bench/gpu/precision-checks.sh     (DEVICE=cpu SAME_STEPS=4 CURVE_STEPS=4 tries it on a CPU)
set -u
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/out}
SDROPS=${SDROPS:-bash .gpu/run.sh}
DEVICE=${DEVICE:-cuda}
RUNS=${RUNS:-/tmp/sdrops-checks}
SAME_STEPS=${SAME_STEPS:-30}
CURVE_STEPS=${CURVE_STEPS:-400}
LIMIT=${LIMIT:-150}
export SUDDENDROPS_DATA=${SUDDENDROPS_DATA:-$PWD/.gpu/data}
export SUDDENDROPS_CACHE=${SUDDENDROPS_CACHE:-/tmp/sdrops-cache}
export TORCH_LIB=${TORCH_LIB:-$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null)}
rm -rf "$RUNS"; mkdir -p "$OUT" "$RUNS"
clock=$(date +%s)

train() { # log name, run folder name, arguments
  local name=$1 folder=$2; shift 2
  timeout "$LIMIT" $SDROPS train --out "$RUNS/$folder" --sources gutenberg --vocab 0 --no-probes "$@" > "$RUNS/$name.log" 2>&1
  echo "$name exit $? [$(( $(date +%s) - clock )) s]" | tee -a "$RUNS/exits.txt"
}

# the first run tokenises the books into the cache; the other three read it and run side by side
same=(--preset tiny --device "$DEVICE" --dropout 0 --steps "$SAME_STEPS")
train same-device same-device "${same[@]}"
# --resume of the finished run loads its last checkpoint (model and AdamW state) onto the device: must exit 0
train same-device-resume same-device "${same[@]}" --resume
train same-cpu same-cpu --preset tiny --device cpu --dropout 0 --steps "$SAME_STEPS" --threads 8 &
train curve-fp32 curve-fp32 --preset small --device "$DEVICE" --steps "$CURVE_STEPS" &
train curve-bf16 curve-bf16 --preset small --device "$DEVICE" --precision bf16 --steps "$CURVE_STEPS" &
wait

python3 bench/compare_curves.py "$RUNS/same-cpu" "$RUNS/same-device" --tolerance 0.01 \
  --label "cpu vs $DEVICE: tiny preset, fp32 (TF32 on CUDA), dropout 0, $SAME_STEPS steps" | tee -a "$OUT/checks.jsonl"
python3 bench/compare_curves.py "$RUNS/curve-fp32" "$RUNS/curve-bf16" --tolerance 0.03 \
  --label "fp32 (TF32 on CUDA) vs bf16: small preset, $CURVE_STEPS steps" | tee -a "$OUT/checks.jsonl"
for r in "$RUNS"/*.log; do echo "== $r"; tail -n 3 "$r"; done | cut -c1-200
tar czf "$OUT/checks-runs.tgz" -C "$RUNS" --exclude=checkpoints .
echo "checks: $(( $(date +%s) - clock )) s"
