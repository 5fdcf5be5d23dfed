#!/usr/bin/env bash
# CPU training throughput of this checkout against a baseline commit, side by side on this machine.
#
#   bench/cpu/speedup.sh [BASE_COMMIT] [ROUNDS]      (defaults: 3b1092d, 3)
#
# Builds the baseline from `git archive BASE_COMMIT` into $SDROPS_BENCH_DIR (default /tmp/sdrops-bench/BASE) and this
# checkout as it is (Release), then runs `sdrops bench` of both builds alternately, ROUNDS times per configuration, and
# prints one Markdown table: median ms/step of each build, tokens/s and the ratio. Each build runs with its own default
# precision (the baseline's is fp32; this checkout's is `auto`, bf16 on CPUs with AVX512-BF16) unless the
# configuration names one. The machine should be idle: the script warns when the load average is above 0.3.
set -euo pipefail
base=${1:-3b1092d}
rounds=${2:-3}
source "$(dirname "$0")/builds.sh"

# name | arguments for both builds
configs=(
  "tiny|--preset tiny"
  "small-shaped (4×256, V 6,095, T 64, B 64)|--preset small --vocab 6095 --seq-len 64 --batch-size 64"
)
ms_of() { "$@" 2>&1 | tail -1 | sed -E 's/.*"millisecondsPerStep":([0-9.]+).*/\1/'; }
mode_of() { "$@" 2>&1 | tail -1 | sed -E 's/.*"mode":"([a-z0-9-]+)".*/\1/'; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "date $(date -u +%F), $(nproc) cores, $cpu; baseline $base, this build $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo '+changes'); $rounds rounds, 40 timed steps each, all cores"
echo
echo "| configuration | baseline mode | baseline ms/step | this build mode | this build ms/step | baseline tokens/s | this build tokens/s | speed-up |"
echo "|---|---|---|---|---|---|---|---|"
for entry in "${configs[@]}"; do
  name=${entry%%|*}; args=${entry#*|}
  b=(); h=()
  for ((r = 0; r < rounds; r++)); do
    b+=("$(ms_of "$base_bin" bench $args --bench-steps 40)")
    h+=("$(ms_of "$head_bin" bench $args --bench-steps 40)")
  done
  bm=$(echo "${b[*]}" | median); hm=$(echo "${h[*]}" | median)
  tokens=$(echo "$args" | awk '{t=64; b=64} /--seq-len/ {for(i=1;i<=NF;i++) if($i=="--seq-len") t=$(i+1)} /--batch-size/ {for(i=1;i<=NF;i++) if($i=="--batch-size") b=$(i+1)} END{print t*b}')
  bmode=$(mode_of "$base_bin" bench $args --bench-steps 1); hmode=$(mode_of "$head_bin" bench $args --bench-steps 1)
  awk -v n="$name" -v bm="$bm" -v hm="$hm" -v tk="$tokens" -v bmo="$bmode" -v hmo="$hmode" -v braw="${b[*]}" -v hraw="${h[*]}" \
    'BEGIN{printf "| %s | %s | %.1f (%s) | %s | %.1f (%s) | %.0f | %.0f | **%.2f×** |\n", n, bmo, bm, braw, hmo, hm, hraw, tk/bm*1000, tk/hm*1000, bm/hm}'
done
