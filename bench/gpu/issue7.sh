#!/bin/bash
# The one device call of issue 7 (~6 minutes on an H200): the side-by-side benchmark against Hugging Face
# (bench/compare.sh, ~4 min), then the CPU/CUDA and fp32/bf16 loss-curve checks (bench/gpu/precision-checks.sh, ~2 min).
# Prepare with bench/gpu/prepare.sh; every result is written under $OUT as soon as it exists, so a timeout keeps
# what was done: table.md, sdrops.jsonl, hf.jsonl, device.txt, compare.log, checks.jsonl, checks-runs.tgz.
set -u
cd "$(dirname "$0")/../.."
export OUT=${OUT:-/tmp/out}
mkdir -p "$OUT"
data=${SUDDENDROPS_DATA:-$PWD/.gpu/data}
[ -d "$data/text/gutenberg" ] || tar -C "$data/text" -xJf "$data/text/gutenberg.tar.xz"
bash bench/compare.sh
bash bench/gpu/precision-checks.sh
