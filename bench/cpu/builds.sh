# Sourced by the side-by-side CPU benchmarks (speedup.sh, blimp-speedup.sh): builds the baseline commit and this checkout,
# warns when the machine is not idle, and defines `median`. Expects $base (a commit) and sets root, base_bin, head_bin.
# The baseline is built once from `git archive` into $SDROPS_BENCH_DIR/BASE (default /tmp/sdrops-bench/BASE).
root=$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)
work=${SDROPS_BENCH_DIR:-/tmp/sdrops-bench}
base_dir="$work/$base"
base_bin="$base_dir/lib/SuddenDrops.Cli/bin/Release/net10.0/sdrops"
head_bin="$root/lib/SuddenDrops.Cli/bin/Release/net10.0/sdrops"

if [ ! -x "$base_bin" ]; then
  rm -rf "$base_dir"; mkdir -p "$base_dir"
  git -C "$root" archive "$base" | tar -x -C "$base_dir"
  dotnet build "$base_dir/lib/SuddenDrops.Cli" -c Release -v q -nologo >/dev/null
fi
dotnet build "$root/lib/SuddenDrops.Cli" -c Release -v q -nologo >/dev/null

load=$(cut -d' ' -f1 /proc/loadavg)
if awk "BEGIN{exit !($load > 0.3)}"; then echo "warning: load average $load; the numbers are not those of an idle machine" >&2; fi

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
