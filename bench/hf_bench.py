#!/usr/bin/env python3
"""Training throughput of Hugging Face's BertForMaskedLM, for comparison with `sdrops bench` (see compare.sh).

Same model shape, batch, optimiser and masking as `sdrops bench` (lib/SuddenDrops/Experiments/TrainingBenchmark.cs):
- one fixed random batch: ids uniform over [5, V) (0-4 are the special pieces of a pruned vocabulary), no padding;
- BERT masking: 15 % of tokens are targets; of those 80 % become [MASK] (id 4), 10 % a random piece, 10 % stay;
- AdamW (lr 1e-4, betas 0.9/0.999, eps 1e-6, weight decay 0.01), gradient clipping at norm 1, dropout 0.1.
A timed step is forward + loss + backward + clipping + optimiser step, eager PyTorch (no torch.compile).
Differences that are Hugging Face's own: its MLM head projects every position to the vocabulary (sdrops only the
masked ones) and it uses torch.optim.AdamW's multi-tensor (foreach) implementation.

Modes: fp32 (strict fp32 matmuls), tf32 (TF32 tensor cores), bf16 (torch.autocast bfloat16 over fp32 weights),
and fp32-attn / tf32-attn / bf16-attn with output_attentions=True (eager attention, the probabilities materialised).
Prints one JSON line per mode, with the keys of `sdrops bench`'s JSON line.

  python3 bench/hf_bench.py --layers 12 --hidden 768 --heads 12 --ffn 3072 --vocab 30522 --seq-len 128 --batch-size 256
  python3 bench/hf_bench.py ... --dry-run     # parse and print the plan, without importing torch
"""
import argparse
import json
import sys
import time

MODES = ("fp32", "tf32", "bf16", "fp32-attn", "tf32-attn", "bf16-attn")
MASK_ID = 4
FIRST_ORDINARY_ID = 5


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="Time BertForMaskedLM training steps on random masked batches.")
    p.add_argument("--preset", default="custom", help="label copied into the output (tiny, small, base, ...)")
    p.add_argument("--layers", type=int, required=True)
    p.add_argument("--hidden", type=int, required=True)
    p.add_argument("--heads", type=int, required=True)
    p.add_argument("--ffn", type=int, required=True, help="intermediate (feed-forward) width")
    p.add_argument("--vocab", type=int, required=True)
    p.add_argument("--seq-len", type=int, required=True)
    p.add_argument("--batch-size", type=int, required=True)
    p.add_argument("--max-positions", type=int, default=512)
    p.add_argument("--modes", default="fp32,tf32,bf16,fp32-attn,bf16-attn", help="comma-separated, from: " + ", ".join(MODES))
    p.add_argument("--steps", type=int, default=20, help="timed steps per mode")
    p.add_argument("--warmup", type=int, default=3, help="untimed steps per mode before timing")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", default="cuda", help="cuda, cuda:N or cpu (tf32 modes only mean something on CUDA)")
    p.add_argument("--dry-run", action="store_true", help="print the plan as JSON and exit (no torch needed)")
    args = p.parse_args(argv)
    args.modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in args.modes if m not in MODES]
    if unknown:
        p.error(f"unknown mode(s) {unknown}; choose from {', '.join(MODES)}")
    if args.hidden % args.heads:
        p.error(f"--hidden {args.hidden} is not divisible by --heads {args.heads}")
    if args.seq_len > args.max_positions:
        p.error(f"--seq-len {args.seq_len} exceeds --max-positions {args.max_positions}")
    if args.vocab <= FIRST_ORDINARY_ID:
        p.error(f"--vocab must exceed {FIRST_ORDINARY_ID} (ids 0-4 are special)")
    if args.steps < 1 or args.warmup < 0:
        p.error("--steps must be positive and --warmup non-negative")
    return args


def masked_batch(torch, vocab, batch, seq_len, seed, device):
    """Random ids with BERT's 15 % / 80-10-10 masking; labels are -100 where there is no target."""
    g = torch.Generator().manual_seed(seed)
    ids = torch.randint(FIRST_ORDINARY_ID, vocab, (batch, seq_len), generator=g)
    selected = torch.rand(batch, seq_len, generator=g) < 0.15
    if not selected.any():
        selected[0, 0] = True  # never an empty loss, as in MlmMasker
    r = torch.rand(batch, seq_len, generator=g)
    replacement = torch.randint(FIRST_ORDINARY_ID, vocab, (batch, seq_len), generator=g)
    inputs = ids.clone()
    inputs[selected & (r < 0.8)] = MASK_ID
    random_piece = selected & (r >= 0.8) & (r < 0.9)
    inputs[random_piece] = replacement[random_piece]
    labels = torch.where(selected, ids, torch.full_like(ids, -100))
    attention_mask = torch.ones_like(ids)
    return inputs.to(device), attention_mask.to(device), labels.to(device)


def run_mode(torch, transformers, args, mode, batch):
    precision, _, attn = mode.partition("-")
    with_attentions = attn == "attn"
    # the stable switch for TF32 matmuls: "highest" = strict fp32, "high" = TF32 allowed
    torch.set_float32_matmul_precision("high" if precision == "tf32" else "highest")
    torch.manual_seed(args.seed)
    config = transformers.BertConfig(
        vocab_size=args.vocab, hidden_size=args.hidden, num_hidden_layers=args.layers, num_attention_heads=args.heads,
        intermediate_size=args.ffn, max_position_embeddings=args.max_positions, type_vocab_size=2,
        hidden_act="gelu", hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1, layer_norm_eps=1e-12,
        initializer_range=0.02, attn_implementation="eager" if with_attentions else "sdpa")
    model = transformers.BertForMaskedLM(config)
    wanted = "eager" if with_attentions else "sdpa"
    if getattr(model.config, "_attn_implementation", wanted) != wanted and hasattr(model, "set_attn_implementation"):
        model.set_attn_implementation(wanted)  # in case the config keyword was not honoured
    model = model.to(args.device).train()
    on_cuda = args.device.startswith("cuda")
    synchronize = torch.cuda.synchronize if on_cuda else (lambda: None)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.9, 0.999), eps=1e-6, weight_decay=0.01)
    inputs, attention_mask, labels = batch

    def step():
        with torch.autocast(device_type="cuda" if on_cuda else "cpu", dtype=torch.bfloat16, enabled=precision == "bf16"):
            out = model(input_ids=inputs, attention_mask=attention_mask, labels=labels, output_attentions=with_attentions)
        optimizer.zero_grad(set_to_none=True)
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        return out

    out = None
    for _ in range(args.warmup):
        out = step()
    if with_attentions and out is not None and (out.attentions is None or len(out.attentions) != args.layers):
        raise RuntimeError("output_attentions=True returned no attention probabilities")
    del out
    synchronize()
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    synchronize()
    ms = (time.perf_counter() - start) * 1000 / args.steps
    tokens = args.batch_size * args.seq_len
    result = {
        "impl": "hf", "preset": args.preset, "device": torch.cuda.get_device_name() if on_cuda else args.device, "mode": mode,
        "layers": args.layers, "hidden": args.hidden, "heads": args.heads, "intermediate": args.ffn,
        "vocabSize": args.vocab, "maxPositions": args.max_positions, "sequenceLength": args.seq_len, "batchSize": args.batch_size,
        "precision": "bf16" if precision == "bf16" else "fp32", "tf32": precision == "tf32",
        "withAttentions": with_attentions, "steps": args.steps,
        "millisecondsPerStep": ms, "tokensPerSecond": tokens / (ms / 1000),
        "parameters": sum(p.numel() for p in model.parameters()),
        "attnImplementation": getattr(model.config, "_attn_implementation", None),
        "torch": torch.__version__, "transformers": transformers.__version__,
    }
    del model, optimizer
    if on_cuda:
        torch.cuda.empty_cache()
    return result


def main(argv=None):
    args = parse_args(argv)
    if args.dry_run:
        print(json.dumps({"dryRun": True, **{k: v for k, v in vars(args).items() if k != "dry_run"}}))
        return 0
    import torch
    import transformers
    if args.device.startswith("cuda") and not torch.cuda.is_available():
        print("hf_bench.py: CUDA is not available (use --device cpu to try it on a CPU)", file=sys.stderr)
        return 2
    batch = masked_batch(torch, args.vocab, args.batch_size, args.seq_len, args.seed, args.device)
    failed = 0
    for mode in args.modes:
        try:
            print(json.dumps(run_mode(torch, transformers, args, mode, batch)), flush=True)
        except Exception as e:  # one failing mode (e.g. out of memory) must not cost the others
            failed += 1
            print(json.dumps({"impl": "hf", "preset": args.preset, "mode": mode, "error": f"{type(e).__name__}: {e}"}), flush=True)
            if torch.cuda.is_available():
                torch.cuda.empty_cache()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
