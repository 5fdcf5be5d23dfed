#!/usr/bin/env python3
"""Sorts the samples of a `perf record` of `sdrops bench` by kind of work, from the leaf symbol of each sample.

Usage: perf script -F sym,dso -i perf.data | python3 profile_kinds.py [--markdown]

The leaf function says what the CPU was doing: a GEMM kernel (MKL's sgemm for fp32, oneDNN's brgemm for bf16, whose
JIT-generated code has no symbol and shows up as an address in the process's perf map), a softmax, a LayerNorm, a
random-number generator (dropout masks), a copy or dtype cast, an allocator or kernel page-fault path, ... The optimizer
and clipping run the same elementwise kernels as the model; `sdrops bench --phases` times them separately.
"""
import re
import sys
from collections import Counter

# (kind, pattern on "symbol dso"), first match wins; order matters.
KINDS = [
    ("matmul (MKL sgemm, oneDNN brgemm)", r"gemm|dnnl|mkldnn|brgemm|jit_|perf-\d+\.map"),
    ("loss: log-softmax + NLL over [M, V]", r"log_softmax|nll_loss"),
    ("attention softmax", r"softmax"),
    ("LayerNorm", r"LayerNorm|layer_norm|RowwiseMoments"),
    ("GELU", r"[Gg]elu|erf"),
    ("dropout masks (random numbers, bit slicing)", r"random|bernoulli|CPUGeneratorImpl|mt19937|rshift|bitwise_and|uniform"),
    ("copies and bf16<->fp32 casts", r"copy_kernel|reduced_float_copy|direct_copy|memmove|memcpy"),
    ("embedding lookup and gradient", r"embedding|index_select|index_add|index_put|scatter|gather"),
    ("other elementwise (residual adds, masks, optimizer, clipping, reductions)",
     r"add_kernel|mul_kernel|div_|fill|where|sqrt|Sqrt|addc|sum|norm|reduce|exp|lerp|clamp|neg|ge_|compare|sub_|outer_sum|vectorized|Sleef|vml"),
    ("allocator and page faults (kernel)", r"malloc|free|_int_|unlink_chunk|sysmalloc|\[kernel|kallsyms|page|brk"),
]
OTHER = "dispatch, autograd bookkeeping, .NET and the rest"


def classify(line: str) -> str:
    for kind, pattern in KINDS:
        if re.search(pattern, line):
            return kind
    return OTHER


def main() -> None:
    counts = Counter()
    for line in sys.stdin:
        line = line.strip()
        if line:
            counts[classify(line)] += 1
    total = sum(counts.values()) or 1
    order = [k for k, _ in KINDS] + [OTHER]
    if "--markdown" in sys.argv:
        print("| kind of work | share of samples |")
        print("|---|---|")
        for kind in order:
            print(f"| {kind} | {100 * counts[kind] / total:.1f} % |")
        print(f"| (samples) | {total} |")
    else:
        for kind in order:
            print(f"{100 * counts[kind] / total:6.1f} %  {kind}")
        print(f"{total} samples")


if __name__ == "__main__":
    main()
