#!/bin/bash
# Prepares the .gpu folder (git-ignored) for issue 20's second device command (bench/gpu/small-runs.sh), here on the
# CPU: the CLI published for the GPU machine with the .NET runtime (../shared/device/pack-for-gpu.sh), the commit id,
# and the data its runs read — the Wikipedia extract (training text), EWT dev (UAS probe) and train (the gold rows of
# the regulariser variants), BLiMP (probe) and the bert-base-uncased vocabulary; the treebank and BLiMP xz-packed.
# Then: device call with carry [".gpu"], command "bash bench/gpu/small-runs.sh" (timeout_s 540).
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED:-../shared}
bash "$shared/device/pack-for-gpu.sh" lib/SuddenDrops.Cli/SuddenDrops.Cli.csproj .gpu
# Within the 64 MiB carry: the plotting libraries (figures are drawn here, not there), docs and symbols stay behind.
( cd .gpu/app && rm -f Plotly.NET.dll Plotly.NET.CSharp.dll FSharp.Core.dll Giraffe.ViewEngine.dll DynamicObj.dll \
    Fable.Core.dll SkiaSharp.dll ./*.xml ./*.pdb )
git rev-parse --short HEAD > .gpu/commit
git diff --quiet HEAD -- lib bench || echo "+local changes" >> .gpu/commit
rm -rf .gpu/data && mkdir -p .gpu/data/text .gpu/data/vocab
cp "$shared/data/vocab/bert-base-uncased-vocab.txt" .gpu/data/vocab/
cp "$shared/data/text/enwiki-extract.txt.gz" .gpu/data/text/
tar -C "$shared/data" -cJf .gpu/data/ud-blimp.tar.xz ud/en_ewt-ud-dev.conllu ud/en_ewt-ud-train.conllu blimp
du -sh --apparent-size .gpu | sed 's/^/carry size (at most 64 MiB): /'
