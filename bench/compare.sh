#!/bin/bash
# Training throughput side by side on one GPU, in one device call: `sdrops bench` (TorchSharp) and Hugging Face's
# BertForMaskedLM (bench/hf_bench.py, the machine's PyTorch) for the presets tiny, small and base, in the modes
#   fp32 (strict fp32 matmuls), tf32 (TF32 tensor cores: what `sdrops train` uses on CUDA), bf16 (mixed precision),
#   fp32-attn / bf16-attn (attention probabilities materialised, what UAS and the syntactic regulariser need).
# Same shape, batch, masking, AdamW and clipping on both sides (each preset's vocabulary, layers, width, heads, FFN,
# positions, T and B are read from sdrops' own JSON line and handed to the HF script).
#
# Prepare here (CPU):
#   bash ../shared/device/pack-for-gpu.sh lib/SuddenDrops.Cli/SuddenDrops.Cli.csproj .gpu
#   git rev-parse --short HEAD > .gpu/commit
# Run there:   bash bench/compare.sh            (device call: carry [".gpu"], timeout ~300 s)
# Results under $OUT: table.md (the table), sdrops.jsonl, hf.jsonl, device.txt, compare.log.
# Knobs: PRESETS, MODES, STEPS (timed steps, tiny/small), BASE_STEPS, SDROPS (how to run the CLI), DEVICE.
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/out}
SDROPS=${SDROPS:-bash .gpu/run.sh}
DEVICE=${DEVICE:-cuda}
PRESETS=${PRESETS:-tiny small base}
MODES=${MODES:-fp32 tf32 bf16 fp32-attn bf16-attn}
STEPS=${STEPS:-50}
BASE_STEPS=${BASE_STEPS:-10}
mkdir -p "$OUT"
log="$OUT/compare.log"
: > "$OUT/sdrops.jsonl"; : > "$OUT/hf.jsonl"; : > "$log"
clock=$(date +%s)
# run.sh asks python for torch's lib folder on every start; ask once
export TORCH_LIB=${TORCH_LIB:-$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null)}

gpu=$(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)
commit=$(cat .gpu/commit 2>/dev/null || git rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  echo "gpu: ${gpu:-none}"
  nvidia-smi --query-gpu=memory.total,driver_version --format=csv,noheader 2>/dev/null
  echo "date: $(date -u +%FT%TZ)"; echo "commit: $commit"
  python3 -c 'import torch, transformers; print("torch", torch.__version__, "transformers", transformers.__version__)' 2>&1
} | tee "$OUT/device.txt"

flags_for() {
  case $1 in
    fp32) echo "--precision fp32 --no-tf32" ;;
    tf32) echo "--precision fp32" ;;
    bf16) echo "--precision bf16" ;;
    fp32-attn) echo "--precision fp32 --no-tf32 --with-attentions" ;;
    tf32-attn) echo "--precision fp32 --with-attentions" ;;
    bf16-attn) echo "--precision bf16 --with-attentions" ;;
    *) echo "unknown mode $1" >&2; return 1 ;;
  esac
}
steps_for() { [ "$1" = base ] && echo "$BASE_STEPS" || echo "$STEPS"; }

for preset in $PRESETS; do
  for mode in $MODES; do
    line=$(timeout 90 $SDROPS bench --preset "$preset" --device "$DEVICE" --bench-steps "$(steps_for "$preset")" $(flags_for "$mode") 2>&1 \
      | tee -a "$log" | grep '^{' | tail -n 1)
    [ -n "$line" ] || line="{\"impl\": \"sdrops\", \"preset\": \"$preset\", \"mode\": \"$mode\", \"error\": \"no result (see compare.log)\"}"
    echo "$line" >> "$OUT/sdrops.jsonl"
    echo "sdrops $preset $mode: $line" | cut -c1-220
  done
  # the model sdrops measured, as hf_bench.py arguments
  dims=$(python3 - "$OUT/sdrops.jsonl" "$preset" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("preset") == sys.argv[2] and "layers" in r:
        print(f"--layers {r['layers']} --hidden {r['hidden']} --heads {r['heads']} --ffn {r['intermediate']} --vocab {r['vocabSize']} "
              f"--max-positions {r['maxPositions']} --seq-len {r['sequenceLength']} --batch-size {r['batchSize']}")
        break
PY
)
  if [ -z "$dims" ]; then echo "no sdrops result for $preset: skipping HF" | tee -a "$log"; continue; fi
  timeout 200 python3 bench/hf_bench.py --preset "$preset" $dims --modes "$(echo $MODES | tr ' ' ,)" \
    --steps "$(steps_for "$preset")" --device "$DEVICE" 2>>"$log" | tee -a "$OUT/hf.jsonl" | cut -c1-220
  echo "[$(( $(date +%s) - clock )) s] $preset done"
done

peak=()
case "$gpu" in *H200*) peak=(--peak-tflops 790) ;; esac # bf16 peak measured with PyTorch on the H200 (issue 7)
python3 bench/compare_table.py "$OUT/sdrops.jsonl" "$OUT/hf.jsonl" "${peak[@]}" \
  --title "sdrops vs Hugging Face BertForMaskedLM, training tokens/s — ${gpu:-no GPU}, $(date -u +%F), commit $commit" | tee "$OUT/table.md"
echo "total $(( $(date +%s) - clock )) s"
