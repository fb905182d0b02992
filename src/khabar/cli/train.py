"""``khabar train pos|ner`` and ``khabar bench ner|pos``: rebuild and measure the trained models.

Training needs the ``train`` extra (``pip install 'khabar[train]'``: gensim and
numpy for the word clusters); inference needs only python-crfsuite.

    khabar train ner  [--data ../shared/data] [--out DIR] [--clusters]
    khabar train pos  [--data ../shared/data] [--out DIR]
    khabar bench ner  [--data ../shared/data]   # ANERcorp test, AQMAR test, speed
    khabar bench pos  [--data ../shared/data]   # PADT test, speed
"""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path
from typing import Annotated, Optional

import typer

from khabar.errors import ConfigError

__all__ = ["train_app", "train_ner", "train_pos", "bench_ner", "bench_pos"]

train_app = typer.Typer(help="Rebuild the trained models (NER, segmentation + POS) from ../shared/data.", no_args_is_help=True)

_DataOpt = Annotated[Optional[Path], typer.Option("--data", help="The shared data folder (default: ../shared/data).")]


def _data_dir(data: Path | None) -> str:
    cands = [data] if data else [Path.cwd().parent / "shared" / "data", Path(__file__).resolve().parents[4] / "shared" / "data"]
    for c in cands:
        if c is not None and (c / "README.md").exists():
            return str(c)
    raise ConfigError(f"shared data folder not found (tried {', '.join(str(c) for c in cands)}); pass --data PATH")


def _out_dir(out: Path | None) -> str:
    d = out or Path(__file__).resolve().parents[1] / "models" / "data"
    d.mkdir(parents=True, exist_ok=True)
    return str(d)


def _log(msg: str) -> None:
    typer.echo(f"[{time.strftime('%H:%M:%S')}] {msg}", err=True)


@train_app.command("ner")
def train_ner(
    data: _DataOpt = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Output folder (default: the package's models/data).")] = None,
    clusters: Annotated[bool, typer.Option("--clusters", help="Also retrain the SaudiNewsNet word clusters (≈ 2 min).")] = False,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 13,
) -> None:
    """Train the NER CRFs on ANERcorp train (fixed seed): ner.crfsuite, and ner_doc.crfsuite (opt-in second stage) from 4-fold first-stage output."""
    from khabar.models import ner_train

    d, o = _data_dir(data), _out_dir(out)
    t0 = time.time()
    if clusters:
        from khabar.models._text import word_table
        from khabar.models.clusters import train_clusters

        train_clusters(d, os.path.join(o, "clusters.tsv.gz"), seed=seed, log=_log)
        word_table.cache_clear()
    ner_train.train(d, os.path.join(o, "ner.crfsuite"), seed=seed, log=_log)
    _log(f"done in {time.time() - t0:.0f}s")


@train_app.command("pos")
def train_pos(
    data: _DataOpt = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Output folder (default: the package's models/data).")] = None,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 13,
) -> None:
    """Train the clitic segmenter and the UPOS tagger on PADT train (fixed seed)."""
    from khabar.models import segment_pos_train

    d, o = _data_dir(data), _out_dir(out)
    t0 = time.time()
    segment_pos_train.train(d, o, seed=seed, log=_log)
    _log(f"done in {time.time() - t0:.0f}s")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _fmt(scores: dict[str, dict[str, float]]) -> str:
    keys = [k for k in scores if k not in ("micro", "macro")] + ["micro", "macro"]
    return "  ".join(f"{k} {scores[k]['f1'] * 100:.1f}" for k in keys)


# imported here, after train_app exists, so that importing this module first works too
# (khabar.cli.main imports it back at its end to register train_app)
from khabar.cli.main import bench_app  # noqa: E402


@bench_app.command("ner")
def bench_ner(
    data: _DataOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    transformers: Annotated[Optional[str], typer.Option("--transformers", help="Also time this transformer NER model (local folder) on the first 5,000 tokens, one torch thread, and print the per-token cost ratio.")] = None,
) -> None:
    """NER: CoNLL entity F1 (micro, macro, per class) on ANERcorp test and AQMAR test; tokens/s on one core."""
    from khabar.models import ner, ner_train

    d = _data_dir(data)
    t = time.perf_counter()
    ner._tagger()
    load_s = time.perf_counter() - t
    res: dict[str, object] = {"load_s": round(load_s, 3)}
    for name in ("anercorp-test", "aqmar-test"):
        res[name] = ner_train.evaluate(ner_train.corpus(d, name))
    # speed: the whole predict_entities path over ANERcorp test as running text
    sents = ner_train.corpus(d, "anercorp-test")
    text = "\n".join(" ".join(t) for t, _ in sents)
    ntok = sum(len(t) for t, _ in sents)
    ner.predict_text(text[:2000])  # warm caches for KB and model
    t, c = time.perf_counter(), time.process_time()
    ner.predict_text(text)
    el, cpu = time.perf_counter() - t, time.process_time() - c
    res.update({"tokens": ntok, "seconds": round(el, 3), "tokens_per_s": round(ntok / el),
                "tokens_per_cpu_s": round(ntok / cpu), "peak_rss_mib": round(_peak_mib())})
    if transformers:
        try:
            import torch
        except ImportError as exc:
            from khabar.errors import ModelError

            raise ModelError("--transformers needs PyTorch and transformers: pip install 'khabar[transformers]'") from exc
        from khabar.models import hf_ner

        torch.set_num_threads(1)  # one core, like the CRF (several threads on a busy machine are far slower)
        n5 = 0
        lines = []
        for t_, _ in sents:
            lines.append(" ".join(t_))
            n5 += len(t_)
            if n5 >= 5000:
                break
        sub = "\n".join(lines)
        t = time.perf_counter()
        hf_ner.load(transformers)
        tload = time.perf_counter() - t
        hf_ner.predict_text(sub[:500], transformers)  # warm up
        t = time.perf_counter()
        hf_ner.predict_text(sub, transformers)
        el5 = time.perf_counter() - t
        res["transformers"] = {"model": transformers, "load_s": round(tload, 3), "tokens": n5,
                               "tokens_per_s": round(n5 / el5), "crf_speedup": round((ntok / el) / (n5 / el5), 1)}
    if as_json:
        typer.echo(json.dumps(res, indent=1))
        return
    for name in ("anercorp-test", "aqmar-test"):
        typer.echo(f"{name}: {_fmt(res[name])}  (F1 %)")  # type: ignore[arg-type]
    typer.echo(f"speed: {res['tokens_per_s']:,} tokens/s wall, {res['tokens_per_cpu_s']:,} tokens per CPU-second, one core ({ntok:,} tokens); model load {load_s:.2f}s; peak RSS {res['peak_rss_mib']} MiB")
    if transformers:
        tr = res["transformers"]
        typer.echo(f"transformers {tr['model']}: {tr['tokens_per_s']:,} tokens/s wall ({tr['tokens']:,} tokens, load {tr['load_s']:.2f}s); the CRF is {tr['crf_speedup']}x faster per token")  # type: ignore[index]


@bench_app.command("pos")
def bench_pos(
    data: _DataOpt = None,
    split: Annotated[str, typer.Option(help="PADT split to score: dev or test.")] = "test",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Segmentation F1 and UPOS on PADT (from PADT's surface tokens); tokens/s on one core."""
    from khabar.models import segment_pos as sp
    from khabar.models import segment_pos_train as spt

    if split not in ("dev", "test"):
        raise ConfigError(f"--split must be dev or test, not {split!r}")
    d = _data_dir(data)
    t = time.perf_counter()
    sp.load()
    load_s = time.perf_counter() - t
    res: dict[str, object] = {"load_s": round(load_s, 3), split: spt.evaluate(d, split)}
    sents = spt.read_padt(os.path.join(d, "ud_arabic_padt_upos", f"ar_padt-ud-{split}.txt"))
    text = "\n".join(" ".join(s for s, _ in sent) for sent in sents)
    ntok = sum(len(sent) for sent in sents)
    sp.clear_caches()  # cold: no word or segment type seen yet
    t, c = time.perf_counter(), time.process_time()
    sp.analyze(text)
    el, cpu = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    sp.analyze(text)  # again, with the per-word segmentation cache warm
    warm = ntok / (time.process_time() - c)
    res.update({"tokens": ntok, "seconds": round(el, 3), "tokens_per_s": round(ntok / el),
                "tokens_per_cpu_s": round(ntok / cpu), "tokens_per_cpu_s_warm": round(warm), "peak_rss_mib": round(_peak_mib())})
    if as_json:
        typer.echo(json.dumps(res, indent=1))
        return
    s = res[split]
    typer.echo(
        f"PADT {split}: segmentation F1 {s['seg_f1'] * 100:.2f}  UPOS F1 (predicted segmentation) {s['upos_f1'] * 100:.2f}  "  # type: ignore[index]
        f"UPOS accuracy (gold segmentation) {s['upos_gold_seg'] * 100:.2f}"  # type: ignore[index]
    )
    typer.echo(
        f"speed: {res['tokens_per_s']:,} tokens/s wall, {res['tokens_per_cpu_s']:,} tokens per CPU-second with a cold word cache, "
        f"{res['tokens_per_cpu_s_warm']:,} warm, one core ({ntok:,} tokens); model load {load_s:.2f}s; peak RSS {res['peak_rss_mib']} MiB"
    )
