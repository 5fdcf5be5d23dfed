#!/usr/bin/env python3
"""Side-by-side table of `sdrops bench` and bench/hf_bench.py JSON lines (see compare.sh). Standard library only.

Model FLOPs per training step (forward + backward = 3 x forward), the same nominal count for both implementations:

    FLOPs/step = 6 * P * B * T  +  12 * L * T^2 * d * B

P: trainable parameters, the tied word-embedding/decoder matrix counted once (each weight: one multiply-add per token
forward = 2 FLOPs, times 3 for forward + backward); the second term is attention's Q K^T and A V (2 * T^2 * d FLOPs
each per layer and sequence forward, times 3). Embedding lookups, softmax, LayerNorm, GELU and the optimiser are not
counted. Note: sdrops projects only the ~15 % masked positions onto the vocabulary, so of the decoder's
6 * V * d * B * T it executes only ~15 %; the nominal count credits it with all of it, as it does Hugging Face, which
computes every position (so tokens/s ratio = TFLOP/s ratio).

  python3 bench/compare_table.py sdrops.jsonl hf.jsonl [--peak-tflops 790] [--title "..."]
"""
import argparse
import json
import sys


def read_lines(path):
    """JSON objects of a file, one per line; other lines (tables, logs) are skipped."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:
                    pass
    return rows


def flops_per_step(parameters, layers, hidden, seq_len, batch):
    """6 P B T + 12 L T^2 d B (see the module docstring)."""
    return 6 * parameters * batch * seq_len + 12 * layers * seq_len ** 2 * hidden * batch


def tflops(row, parameters):
    if "millisecondsPerStep" not in row:
        return None
    f = flops_per_step(parameters, row["layers"], row["hidden"], row["sequenceLength"], row["batchSize"])
    return f / (row["millisecondsPerStep"] / 1000) / 1e12


def key(row):
    return row.get("preset"), row.get("mode")


def build_table(sdrops_rows, hf_rows, peak_tflops=None):
    """Markdown lines: one row per (preset, mode) in the order sdrops ran them, then HF-only rows."""
    hf = {key(r): r for r in hf_rows}
    ours = {key(r): r for r in sdrops_rows}
    order = [key(r) for r in sdrops_rows] + [key(r) for r in hf_rows if key(r) not in ours]
    header = "| preset | mode | sdrops ms/step | sdrops tokens/s | HF ms/step | HF tokens/s | sdrops / HF | sdrops TFLOP/s | HF TFLOP/s |"
    if peak_tflops:
        header += " sdrops % of peak | HF % of peak |"
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    seen = set()
    for k in order:
        if k in seen:
            continue
        seen.add(k)
        s, h = ours.get(k), hf.get(k)
        params = (s or {}).get("parameters") or (h or {}).get("parameters")

        def ms(r):
            if r is None:
                return "–"
            return f"{r['millisecondsPerStep']:.1f}" if "millisecondsPerStep" in r else "error"

        def tps(r):
            return f"{r['tokensPerSecond']:,.0f}" if r and "tokensPerSecond" in r else "–"

        ratio = (f"{s['tokensPerSecond'] / h['tokensPerSecond']:.2f}"
                 if s and h and "tokensPerSecond" in s and "tokensPerSecond" in h else "–")
        ts = tflops(s, params) if s else None
        th = tflops(h, params) if h else None
        cells = [k[0], k[1], ms(s), tps(s), ms(h), tps(h), ratio,
                 f"{ts:.1f}" if ts else "–", f"{th:.1f}" if th else "–"]
        if peak_tflops:
            cells += [f"{100 * ts / peak_tflops:.0f} %" if ts else "–", f"{100 * th / peak_tflops:.0f} %" if th else "–"]
        lines.append("| " + " | ".join(cells) + " |")
    errors = [f"{r.get('preset')}/{r.get('mode')}: {r['error']}" for r in sdrops_rows + hf_rows if "error" in r]
    return lines, errors


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("sdrops")
    p.add_argument("hf")
    p.add_argument("--peak-tflops", type=float, default=None, help="the GPU's bf16 peak, for the % columns")
    p.add_argument("--title", default=None)
    args = p.parse_args(argv)
    lines, errors = build_table(read_lines(args.sdrops), read_lines(args.hf), args.peak_tflops)
    if args.title:
        print(args.title + "\n")
    print("\n".join(lines))
    print("\nTFLOP/s = (6 P B T + 12 L T^2 d B) / step time; P = trainable parameters (tied decoder once), same P for both.")
    for e in errors:
        print("error: " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
