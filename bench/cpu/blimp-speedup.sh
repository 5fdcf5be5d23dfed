#!/usr/bin/env bash
# BLiMP (pseudo-log-likelihood) throughput of this checkout against a baseline commit, side by side on this machine.
#
#   bench/cpu/blimp-speedup.sh [BASE_COMMIT] [ROUNDS]      (defaults: 3b1092d, 3)
#
# Builds the baseline as bench/cpu/speedup.sh does (shared folder $SDROPS_BENCH_DIR, default /tmp/sdrops-bench/BASE) and
# this checkout as it is, then scores the same 1,340 pairs (20 per paradigm, sample seed 0) with the committed checkpoint
# of data/runs/cpu-tiny/tiny-s0, both builds alternately, ROUNDS times, all cores; reports go to a temporary folder, never
# into the run. Prints one Markdown row per build and precision: pairs/s of every round, the median, the accuracy and the
# ratio to the baseline. The machine should be idle: the script warns when the load average is above 0.3.
set -euo pipefail
base=${1:-3b1092d}
rounds=${2:-3}
source "$(dirname "$0")/builds.sh"
checkpoint="$root/data/runs/cpu-tiny/tiny-s0"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One scoring with a build and its extra options: prints "pairs_per_s mean_over_paradigms".
score() { local bin=$1; shift; "$bin" blimp --checkpoint "$checkpoint" --per-paradigm 20 --out "$out/report.json" "$@" 2>&1 \
  | grep '^blimp:' | sed -E 's/.*mean_over_paradigms=([0-9.]+).*pairs_per_s=([0-9.]+).*/\2 \1/'; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "date $(date -u +%F), $(nproc) cores, $cpu; baseline $base, this build $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo '+changes'); $rounds rounds of 1,340 pairs, all cores"
echo
echo "| build | precision | pairs/s (rounds) | median pairs/s | mean over paradigms | speed-up |"
echo "|---|---|---|---|---|---|"
declare -A rates accuracy
for ((r = 0; r < rounds; r++)); do
  for key in base fp32 auto; do
    case $key in
      base) result=$(score "$base_bin") ;;
      fp32) result=$(score "$head_bin" --precision fp32) ;;
      auto) result=$(score "$head_bin") ;;
    esac
    read -r rate acc <<<"$result"
    rates[$key]="${rates[$key]:-} $rate"; accuracy[$key]=$acc
  done
done
base_median=$(echo "${rates[base]}" | median)
for entry in "base|$base|baseline default (fp32)" "fp32|this build|fp32" "auto|this build|default (auto)"; do
  key=${entry%%|*}; rest=${entry#*|}; build=${rest%%|*}; precision=${rest#*|}
  m=$(echo "${rates[$key]}" | median)
  awk -v b="$build" -v p="$precision" -v raw="${rates[$key]# }" -v m="$m" -v a="${accuracy[$key]}" -v bm="$base_median" \
    'BEGIN{printf "| %s | %s | %s | %.1f | %.2f %% | **%.2f×** |\n", b, p, raw, m, 100*a, m/bm}'
done
