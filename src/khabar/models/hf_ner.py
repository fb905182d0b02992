"""Optional transformer NER backend: a Hugging Face token-classification model on khabar's words.

Install with ``pip install 'khabar[transformers]'`` (``transformers``; PyTorch
is installed by the user, CPU or GPU build of their choice). Select it with
``khabar extract --ner transformers:PATH`` or the environment variable
``KHABAR_NER=transformers:PATH``; ``PATH`` is a local folder saved by
``save_pretrained`` (config, weights, a *fast* tokenizer), or a hub name when
the user has the model cached or a network. Nothing is downloaded by khabar
itself.

Public API::

    predict_text(text, model, sentences=None) -> list[tuple[int, int, str, float]]
    load(model) -> (tokenizer, model, id2label)

How sub-words map back to characters: the text is cut into khabar's words
(:func:`khabar.models._text.words`, code-point offsets), each sentence's words
go to the tokenizer with ``is_split_into_words=True``, and the label of a
word is the arg-max label of its **first** sub-word (``word_ids()``; the
usual convention of BERT NER fine-tuning). Word labels (IOB2, or IO/IOB1 —
any ``I-X`` not after ``X`` starts a span) give spans of whole words; the
span's characters are ``[start of first word, end of last word)``, then
words without a letter or digit at either edge are dropped,
proclitics are stripped as in the CRF (:func:`khabar.models.ner.strip_proclitics`)
and LOC is split into GPE/LOC by the knowledge base. Confidence is the mean
soft-max probability of the chosen labels. Sentences are cut into pieces of
at most ``max_words`` words, and a piece with more sub-words than the model's
``max_position_embeddings`` is halved until it fits (labels of the halves are
joined, so a name is cut only where a half ends).

Labels: ``PER``/``PERS`` → PER; ``ORG``; ``LOC`` → GPE or LOC (KB);
``GPE``, ``FAC``, ``NORP`` kept; ``MISC``/``MIS`` and any other → MISC.

Raises:
    khabar.errors.ModelError: transformers/torch missing, the model cannot be
        loaded, or its tokenizer is not a fast tokenizer (no ``word_ids``).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from khabar.errors import ModelError
from khabar.models._text import sentence_word_ranges

__all__ = ["load", "predict_text", "labels_to_spans", "MAX_WORDS"]

#: Longest piece of a sentence (in words) sent to the model at once.
MAX_WORDS = 120

_MAP = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE", "FAC": "FAC", "NORP": "NORP"}
_lock = threading.Lock()


@lru_cache(maxsize=4)
def load(model: str) -> tuple[Any, Any, dict[int, str]]:
    """``(tokenizer, model, id2label)`` for a local folder or hub name, loaded once per process (eval mode, CPU).

    Raises:
        ModelError: transformers or torch is not installed, or loading fails.
    """
    try:
        import torch  # noqa: F401
        from transformers import AutoModelForTokenClassification, AutoTokenizer
    except ImportError as exc:
        raise ModelError(
            "the transformers NER backend needs: pip install 'khabar[transformers]' and PyTorch (pip install torch)"
        ) from exc
    import os

    if model.startswith((os.sep, ".", "~")) and not os.path.isdir(os.path.expanduser(model)):
        raise ModelError(f"cannot load the transformers NER model {model!r}: no such folder")
    try:
        tok = AutoTokenizer.from_pretrained(model)
        mdl = AutoModelForTokenClassification.from_pretrained(model)
    except Exception as exc:  # noqa: BLE001 - many loader errors; one line for the user
        raise ModelError(f"cannot load the transformers NER model {model!r}: {str(exc).splitlines()[0]}") from exc
    if not getattr(tok, "is_fast", False):
        raise ModelError(f"the tokenizer of {model!r} is not a fast tokenizer; khabar needs word_ids() to map sub-words")
    mdl.eval()
    id2label = {int(k): str(v) for k, v in mdl.config.id2label.items()}
    return tok, mdl, id2label


def _wordy(w: str) -> bool:
    return any(c.isalnum() for c in w)


def labels_to_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, last_exclusive, type)`` word spans of IOB2/IOB1/IO labels (``I-X`` after no ``X`` starts a span)."""
    out: list[tuple[int, int, str]] = []
    i, n = 0, len(labels)
    while i < n:
        y = labels[i]
        if y in ("O", "") or "-" not in y:
            i += 1
            continue
        typ = y.split("-", 1)[1]
        j = i + 1
        while j < n and labels[j] == "I-" + typ:
            j += 1
        out.append((i, j, typ))
        i = j
    return out


def _tag_words(ws: Sequence[str], tok: Any, mdl: Any, id2label: dict[int, str]) -> tuple[list[str], list[float]]:
    """Label and probability of each word: those of its first sub-word."""
    import torch

    enc = tok(list(ws), is_split_into_words=True, return_tensors="pt")
    limit = int(getattr(mdl.config, "max_position_embeddings", 512) or 512)
    if enc["input_ids"].shape[1] > limit:
        if len(ws) > 1:  # too many sub-words for the model's window: halve the word list
            h = len(ws) // 2
            la, ca = _tag_words(ws[:h], tok, mdl, id2label)
            lb, cb = _tag_words(ws[h:], tok, mdl, id2label)
            return la + lb, ca + cb
        enc = tok(list(ws), is_split_into_words=True, return_tensors="pt", truncation=True, max_length=limit)
    with torch.no_grad():
        logits = mdl(**{k: v for k, v in enc.items() if k in ("input_ids", "attention_mask", "token_type_ids")}).logits[0]
    probs = torch.softmax(logits, dim=-1)
    best_p, best = probs.max(dim=-1)
    labels = ["O"] * len(ws)
    conf = [0.0] * len(ws)
    seen: set[int] = set()
    for pos, wid in enumerate(enc.word_ids(0)):
        if wid is None or wid in seen:
            continue
        seen.add(wid)
        labels[wid] = id2label.get(int(best[pos]), "O")
        conf[wid] = float(best_p[pos])
    return labels, conf


def predict_text(
    text: str, model: str, sentences: Sequence[tuple[int, int]] | None = None, *, max_words: int = MAX_WORDS
) -> list[tuple[int, int, str, float]]:
    """Entities of ``text`` found by the transformer ``model``: ``(start, end, label, confidence)``.

    Offsets are code points into ``text``, half-open, proclitics excluded;
    ``text[start:end]`` is the entity as written. ``sentences`` are
    ``(start, end)`` code-point ranges (split here when not given).

    Raises:
        ModelError: see the module docstring.
    """
    from khabar.models.ner import _geo_label, strip_proclitics

    tok, mdl, id2label = load(model)
    toks_all, ranges = sentence_word_ranges(text, sentences)
    out: list[tuple[int, int, str, float]] = []
    for k, j in ranges:
        sent = toks_all[k:j]
        for p in range(0, len(sent), max_words):
            piece = sent[p : p + max_words]
            with _lock:
                labels, conf = _tag_words([t[2] for t in piece], tok, mdl, id2label)
            for a, b, typ in labels_to_spans(labels):
                while a < b and not _wordy(piece[a][2]):  # punctuation at the edges is never part of a name
                    a += 1
                while b > a and not _wordy(piece[b - 1][2]):
                    b -= 1
                if a == b:
                    continue
                start, end = piece[a][0], piece[b - 1][1]
                start += strip_proclitics(text[start : piece[a][1]])
                if start >= end:
                    continue
                label = _MAP.get(typ.upper(), "MISC")
                if label == "LOC":
                    label = _geo_label(text[start:end])
                out.append((start, end, label, round(sum(conf[a:b]) / (b - a), 4)))
    return out
