#!/usr/bin/env python3
"""Checks of compare_table.py (standard library only): python3 bench/test_compare_table.py"""
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_table  # noqa: E402

BERT_BASE_PARAMETERS = 109_514_298  # BertForMaskedLM, V 30522, 512 positions: embeddings 23,837,184 + 12 x 7,087,872 + head 622,650


def row(impl, mode, ms, preset="base", batch=256, params=BERT_BASE_PARAMETERS):
    tokens = batch * 128
    return {"impl": impl, "preset": preset, "mode": mode, "layers": 12, "hidden": 768, "heads": 12, "intermediate": 3072,
            "vocabSize": 30522, "sequenceLength": 128, "batchSize": batch, "millisecondsPerStep": ms,
            "tokensPerSecond": tokens / (ms / 1000), "parameters": params}


class FlopsTests(unittest.TestCase):
    def test_bert_base_step_by_hand(self):
        # 6 P B T: 6 * 109,514,298 * 32,768; attention 12 L T^2 d B = 12 * 12 * 128^2 * 768 * 256 = 463,856,467,968
        self.assertEqual(compare_table.flops_per_step(BERT_BASE_PARAMETERS, 12, 768, 128, 256),
                         6 * BERT_BASE_PARAMETERS * 32_768 + 463_856_467_968)

    def test_tflops_of_a_100_ms_step(self):
        f = 6 * BERT_BASE_PARAMETERS * 32_768 + 463_856_467_968
        self.assertAlmostEqual(compare_table.tflops(row("sdrops", "bf16", 100.0), BERT_BASE_PARAMETERS), f / 0.1 / 1e12)


class TableTests(unittest.TestCase):
    def test_pairs_modes_and_computes_the_ratio(self):
        lines, errors = compare_table.build_table(
            [row("sdrops", "tf32", 154.3), row("sdrops", "bf16", 60.0)],
            [row("hf", "tf32", 180.0), row("hf", "bf16", 120.0), row("hf", "fp32", 520.0)], peak_tflops=790)
        self.assertEqual(errors, [])
        self.assertEqual(len(lines), 2 + 3)
        bf16 = next(l for l in lines if "| bf16 |" in l)
        cells = [c.strip() for c in bf16.strip("|").split("|")]
        self.assertEqual(cells[6], "2.00")  # 120 ms / 60 ms
        expected = compare_table.flops_per_step(BERT_BASE_PARAMETERS, 12, 768, 128, 256) / 0.060 / 1e12
        self.assertEqual(cells[7], f"{expected:.1f}")
        self.assertEqual(cells[9], f"{100 * expected / 790:.0f} %")
        fp32 = next(l for l in lines if "| fp32 |" in l)
        self.assertIn("| – |", fp32)  # HF-only row: no sdrops numbers, no ratio

    def test_reads_json_lines_among_other_output_and_reports_errors(self):
        with tempfile.TemporaryDirectory() as d:
            s, h = os.path.join(d, "s.jsonl"), os.path.join(d, "h.jsonl")
            with open(s, "w") as f:
                f.write("┌──table──┐\n" + json.dumps(row("sdrops", "bf16-attn", 80.0)) + "\nnot json {\n")
            with open(h, "w") as f:
                f.write(json.dumps({"impl": "hf", "preset": "base", "mode": "bf16-attn", "error": "OutOfMemoryError: CUDA"}) + "\n")
            lines, errors = compare_table.build_table(compare_table.read_lines(s), compare_table.read_lines(h))
            self.assertEqual(len(lines), 3)
            self.assertIn("| error |", lines[2])
            self.assertEqual(errors, ["base/bf16-attn: OutOfMemoryError: CUDA"])


if __name__ == "__main__":
    unittest.main()
