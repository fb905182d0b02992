"""Build the quotes dev set: ``src/<name>.ann`` (annotated article) -> ``<name>.txt`` + ``<name>.gold.json``.

Run from the repository root: ``.venv/bin/python tests/data/quotes/build_gold.py``.

Markup (offsets are computed here, never counted by hand):

* ``⟦…⟧{Speaker/cue}`` a quote; the first character of the span decides ``direct``
  (a quotation mark → direct). Options after the cue, ``/``-separated:
  ``via=Outlet``, ``anon``, ``opt`` (optional item), ``src=Name`` (the source
  when it differs from the speaker). ``cue`` ``-`` means no cue.
* ``⟪…⟫{key=value/…}`` an attribution: ``via=Outlet``, ``claimant=Name``,
  ``anon``, ``opt``; ``source`` is ``via`` when given, else ``claimant``.
* ``⟨…⟩{Place/Outlet}`` the dateline (``-`` for an unknown place).
* ``⟮…⟯{English Name}`` one mention of a speaker in the article text. Every quote whose
  ``speaker`` is that English name, and every attribution whose ``source`` or
  ``claimant`` is, gets ``speaker_mentions``: ``[[start, end], …]``, all marked mentions
  of the name in text order. The scorer counts a predicted speaker whose span overlaps
  one of them as naming the same entity (docs/evaluation.md). What to mark
  (docs/quotes.md, "Speaker mentions"): a person's name without the title before it
  (``الأمين العام للأمم المتحدة ⟮أنطونيو غوتيريش⟯``), a role noun with its adjectives
  when no name stands with it (``⟮المتحدث⟯ باسم الخارجية``, ``⟮مسؤول أمني⟯ لرويترز``),
  a body's name and its short or nominal mentions (``⟮الحلف⟯``), a source noun phrase
  (``⟮شهود عيان⟯``), a pair word for a joint speaker (``⟮الزعيمان⟯{A and B}``); no pronouns,
  nothing for a dropped subject. A marked name that no quote, attribution (source or
  claimant) or dateline outlet uses is an error.

First line of a ``.ann`` file: ``published: YYYY-MM-DD``. Markup may nest.
Every span is checked: ``text[start:end] == item.text``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OPEN = {"⟦": "q", "⟪": "a", "⟨": "d", "⟮": "m"}
CLOSE = {"⟧": "q", "⟫": "a", "⟩": "d", "⟯": "m"}
MARKS = set("“”„‟«»\"‘’‚'‹›")


def parse(src: str) -> tuple[str, list[tuple[str, int, int, str]]]:
    out: list[str] = []
    n = 0
    stack: list[tuple[str, int]] = []
    items: list[tuple[str, int, int, str]] = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch in OPEN:
            stack.append((OPEN[ch], n))
            i += 1
            continue
        if ch in CLOSE:
            kind, start = stack.pop()
            assert kind == CLOSE[ch], f"mismatched {ch} at {i}"
            assert src[i + 1] == "{", f"no annotation after {ch} at {i}: {src[i-40:i+5]!r}"
            j = src.index("}", i)
            items.append((kind, start, n, src[i + 2 : j]))
            i = j + 1
            continue
        out.append(ch)
        n += 1
        i += 1
    assert not stack, f"unclosed markup: {stack}"
    return "".join(out), items


def opts(parts: list[str]) -> dict[str, str | bool]:
    d: dict[str, str | bool] = {}
    for p in parts:
        if "=" in p:
            k, v = p.split("=", 1)
            d[k.strip()] = v.strip()
        elif p.strip():
            d[p.strip()] = True
    return d


def build(ann: Path) -> tuple[int, int]:
    first, body = ann.read_text(encoding="utf-8").split("\n", 1)
    assert first.startswith("published:")
    published = first.split(":", 1)[1].strip()
    text, items = parse(body)
    name = ann.stem
    gold: dict = {"doc": f"tests/data/quotes/{name}.txt", "published": published, "quotes": [], "attributions": []}
    mentions: dict[str, list[list[int]]] = {}
    for kind, s, e, a in sorted(items, key=lambda x: (x[1], x[2])):
        span = text[s:e]
        parts = a.split("/")
        if kind == "m":
            who = a.strip()
            assert who and span and span == span.strip(), f"{ann.name}: bad speaker mention {span!r}{{{a}}}"
            mentions.setdefault(who, []).append([s, e])
            continue
        if kind == "q":
            speaker, cue = parts[0].strip(), parts[1].strip()
            o = opts(parts[2:])
            item = {"start": s, "end": e, "text": span, "speaker": speaker or None,
                    "cue": None if cue == "-" else cue, "direct": span[:1] in MARKS}
            item["source"] = o.get("src", speaker or None)
            item["via"] = o.get("via")
            item["anonymous"] = bool(o.get("anon", False))
            if o.get("opt"):
                item["optional"] = True
            gold["quotes"].append(item)
        elif kind == "a":
            o = opts(parts)
            via, claimant = o.get("via"), o.get("claimant")
            item = {"start": s, "end": e, "text": span, "source": via or claimant, "via": via,
                    "claimant": claimant, "anonymous": bool(o.get("anon", False))}
            if o.get("opt"):
                item["optional"] = True
            gold["attributions"].append(item)
        else:
            place, outlet = parts[0].strip(), parts[1].strip()
            gold["dateline"] = {"start": s, "end": e, "text": span, "place_name_en": None if place == "-" else place,
                                "outlet": outlet}
    used: set[str] = set()
    for it in gold["quotes"]:
        if it["speaker"] in mentions:
            it["speaker_mentions"] = mentions[it["speaker"]]
            used.add(it["speaker"])
    for it in gold["attributions"]:
        who = next((w for w in (it["source"], it["claimant"]) if w in mentions), None)
        if who is not None:
            it["speaker_mentions"] = mentions[who]
        # a claimant's mentions are used even when the source is the outlet (``via``)
        used.update(w for w in (it["source"], it["claimant"]) if w in mentions)
    if "dateline" in gold:  # the dateline's outlet may be marked where it is named
        used.add(gold["dateline"]["outlet"])
    unused = sorted(set(mentions) - used)
    assert not unused, f"{ann.name}: speaker mentions of names no quote or attribution has: {unused}"
    for k in ("quotes", "attributions"):
        for it in gold[k]:
            assert text[it["start"] : it["end"]] == it["text"]
            for ms, me in it.get("speaker_mentions", ()):
                assert 0 <= ms < me <= len(text) and text[ms:me].strip() == text[ms:me], (ann.name, ms, me)
    (HERE / f"{name}.txt").write_text(text, encoding="utf-8")
    (HERE / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(gold["quotes"]), len(gold["attributions"])


def main() -> None:
    tq = ta = 0
    for ann in sorted((HERE / "src").glob("*.ann")):
        q, a = build(ann)
        tq += q
        ta += a
        print(f"{ann.stem}: {q} quotes, {a} attributions")
    print(f"total: {tq} quotes, {ta} attributions", file=sys.stderr)


if __name__ == "__main__":
    main()
