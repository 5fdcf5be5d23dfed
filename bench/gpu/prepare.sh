#!/bin/bash
# Prepares the .gpu folder (git-ignored) for the device call of issue 7 (bench/gpu/issue7.sh), here on the CPU:
# the CLI published for the GPU machine with the .NET runtime (../shared/device/pack-for-gpu.sh), the commit id, and
# the data of bench/gpu/precision-checks.sh (the Gutenberg books, xz-packed, and the bert-base-uncased vocabulary).
# Then: device call with carry [".gpu"], command "bash bench/gpu/issue7.sh" (see bench/RESULTS.md, "How to measure").
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED:-../shared}
bash "$shared/device/pack-for-gpu.sh" lib/SuddenDrops.Cli/SuddenDrops.Cli.csproj .gpu
git rev-parse --short HEAD > .gpu/commit
git diff --quiet HEAD -- lib bench || echo "+local changes" >> .gpu/commit
mkdir -p .gpu/data/text .gpu/data/vocab
cp "$shared/data/vocab/bert-base-uncased-vocab.txt" .gpu/data/vocab/
[ -f .gpu/data/text/gutenberg.tar.xz ] || tar -C "$shared/data/text" -cJf .gpu/data/text/gutenberg.tar.xz gutenberg
du -sh .gpu | sed 's/^/carry size: /'
