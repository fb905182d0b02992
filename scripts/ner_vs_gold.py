"""Lenient and strict F1 of the NER model alone (khabar.models.ner) against gold entity files.

    .venv/bin/python scripts/ner_vs_gold.py ../shared/gold/*.gold.json

Lenient: a predicted span overlapping a gold span with the same label; strict:
same span and label. Optional gold items neither count as misses nor as false
positives. Gold labels the model never predicts (NORP, FAC) are left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from khabar.models.ner import predict_text

LABELS = {"PER", "ORG", "GPE", "LOC", "MISC"}


def main(paths: list[str]) -> None:
    tp_l = tp_s = n_pred = n_gold = 0
    for p in paths:
        g = json.loads(Path(p).read_text(encoding="utf-8"))
        doc = Path(p).resolve().parent.parent / g["doc"]
        text = doc.read_text(encoding="utf-8")
        gold = [e for e in g.get("entities", []) if e["label"] in LABELS]
        req = [e for e in gold if not e.get("optional")]
        pred = predict_text(text)
        n_gold += len(req)
        for s, e, lab, _ in pred:
            hit = [x for x in gold if x["label"] == lab and x["start"] < e and s < x["end"]]
            if hit and all(x.get("optional") for x in hit):
                continue
            n_pred += 1
            if hit:
                tp_l += 1
                tp_s += any(x["start"] == s and x["end"] == e for x in hit)
    for name, tp in (("lenient", tp_l), ("strict", tp_s)):
        pr, rc = tp / max(n_pred, 1), min(tp, n_gold) / max(n_gold, 1)
        print(f"{name}: P {pr * 100:.1f} R {rc * 100:.1f} F1 {2 * pr * rc / max(pr + rc, 1e-9) * 100:.1f} ({n_pred} predicted, {n_gold} gold)")


if __name__ == "__main__":
    main(sys.argv[1:])
