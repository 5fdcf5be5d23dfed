#!/usr/bin/env bash
# Where a training step's time goes on this CPU: `perf record` of `sdrops bench` (one thread, so every sample is the
# step's own work and none is a second thread spinning), sorted by kind of work (profile_kinds.py), then the step timed
# phase by phase (`sdrops bench --phases`) and the matmul roofline (`--roofline`).
#
#   bench/cpu/profile.sh SDROPS_BINARY [bench arguments...]     e.g. bench/cpu/profile.sh lib/SuddenDrops.Cli/bin/Release/net10.0/sdrops --preset tiny
#
# Needs Debian's linux-perf (`perf`); perf may only sample the CPU clock in a VM, which is all this uses.
set -euo pipefail
bin=$1; shift
data=$(mktemp /tmp/sdrops-profile.XXXXXX)
# -D skips the process start (JIT, model construction); 150 timed steps then fill the record.
DOTNET_PerfMapEnabled=1 perf record -q -e cpu-clock -F 1000 -D 6000 -o "$data" -- "$bin" bench "$@" --threads 1 --bench-steps 150 >/dev/null 2>&1
perf script -G -F ip,sym,dso -i "$data" 2>/dev/null | python3 "$(dirname "$0")/profile_kinds.py" --markdown
rm -f "$data" /tmp/perf-*.map
