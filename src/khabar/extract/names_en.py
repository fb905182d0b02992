"""English spellings of person names the knowledge base does not know.

:func:`name_en` turns an Arabic person name (``باسم العوادي``) into the spelling English
newswire would most likely use (``Basim al-Awadi``):

1. **Table** (``khabar/data/kb/names_en.tsv``, curated): common Arabic given names
   (محمد Mohammed, إسماعيل Ismail, ماجد Majed …), name parts and frequent family names/nisbas
   (بن bin, أبو Abu, الجبوري → al-Jubouri), and foreign given names as Arabic news writes them
   (سكوت Scott, باتريك Patrick, دميتري Dmitry). Looked up by the normalized form
   (:func:`~khabar.text.normalize.normalize_phrase`), so hamza/alef/ى/ة spellings agree.
2. **Compounds**: ``عبد`` + ``الله`` → Abdullah; ``عبد`` + ``ال``X → Abdul-X (عبد الملك →
   Abdul-Malik); ``أبو`` X → Abu X.
3. **Article**: ``ال``X → ``al-`` + X (newswire keeps ``al-`` before sun letters too:
   al-Sudani, not as-Sudani).
4. **Vowel heuristics** for the rest (unvocalized Arabic writes no short vowels):
   consonants as in the common journalistic romanization (ش sh, خ kh, ث th, ذ dh, غ gh, ق q);
   ا → a, و/ي → ou/i between consonants and w/y next to a vowel; ى/ة → a at the end;
   ع and ء are not written (a vowel stands in for ع where it opens a syllable); an ``a``
   is inserted into a word-initial consonant pair (بصل → Bas…), an ``e`` into a final pair
   after a long vowel (the فاعل pattern: عايش → Ayesh) and an ``a`` into any other final
   pair (بصل → Basal). The result is a readable guess, not a scholarly romanization.

Every word is capitalized except the particles ``al-``, ``bin``, ``ibn``, ``bint``.
"""

from __future__ import annotations

import importlib.resources
from functools import lru_cache

from khabar.text.normalize import normalize, normalize_phrase

__all__ = ["name_en", "name_table", "given_names"]

_CONS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "ڤ": "v", "گ": "g", "چ": "ch",
}
_LOWER = frozenset({"al-", "bin", "ibn", "bint"})


@lru_cache(maxsize=1)
def name_table() -> dict[str, str]:
    """Normalized Arabic form → English spelling, from ``names_en.tsv`` (first row wins)."""
    out: dict[str, str] = {}
    path = importlib.resources.files("khabar.data.kb").joinpath("names_en.tsv")
    with path.open(encoding="utf-8") as f:
        header = True
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            if header:
                header = False
                continue
            ar, en, *_ = line.rstrip("\n").split("\t")
            out.setdefault(normalize_phrase(ar), en)
    return out


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Normalized given names of the table (kinds ``given`` and ``foreign``): evidence that a
    word starts a person's name."""
    out = set()
    path = importlib.resources.files("khabar.data.kb").joinpath("names_en.tsv")
    with path.open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[2] in ("given", "foreign"):
                out.add(normalize_phrase(cols[0]))
    return frozenset(out)


def _units(w: str) -> list[tuple[str, str]]:
    """The word as (kind, latin) units: kind ``C`` consonant, ``V`` vowel, ``A`` ع/ء."""
    out: list[tuple[str, str]] = []
    n = len(w)
    for i, ch in enumerate(w):
        prev = out[-1][0] if out else ""
        nxt = w[i + 1] if i + 1 < n else ""
        if ch in _CONS:
            out.append(("C", _CONS[ch]))
        elif ch in "اآ":
            out.append(("V", "a"))
        elif ch == "أ":
            out.append(("V", "a") if i == 0 or prev != "V" else ("A", ""))
        elif ch == "إ":
            out.append(("V", "i"))
        elif ch == "ى":
            out.append(("V", "a"))
        elif ch == "ة":
            out.append(("V", "a") if prev != "V" else ("C", "t"))
        elif ch in "عء":
            out.append(("A", ""))
        elif ch in "ئ":
            out.append(("V", "e"))
        elif ch in "ؤ":
            out.append(("V", "u"))
        elif ch == "و":
            if i == 0 or prev in ("V", "A") or nxt in "اىةآ" and i > 0:
                out.append(("C", "w"))
            else:
                out.append(("V", "o" if i == n - 1 else "ou"))
        elif ch == "ي":
            if i == n - 1:
                out.append(("V", "i") if prev != "V" or out[-1][1] != "i" else ("C", ""))
            elif prev == "V" and out[-1][1] == "a" and nxt in _CONS:
                # عايش → Ayesh (ي before the last letter: the فاعل pattern), رايدر → Ryder-like ay
                out.append(("V", "ye") if i + 2 == n else ("V", "y"))
            elif i == 0 or prev in ("V",) or nxt in "اىةآ":
                out.append(("C", "y"))
            else:
                out.append(("V", "i"))
    return out


def _guess(w: str) -> str:
    """Vowel-heuristic romanization of one unvocalized word (see the module docstring)."""
    units = _units(w)
    if not units:
        return ""
    # ع/ء: a syllable onset before a consonant or at the start reads as a vowel 'a'
    seq: list[tuple[str, str]] = []
    for k, (kind, lat) in enumerate(units):
        if kind == "A":
            nk = units[k + 1][0] if k + 1 < len(units) else ""
            pk = seq[-1][0] if seq else ""
            if pk == "C" and nk == "C":
                seq.append(("V", "aa"))  # سعد → Saad, جعفر → Jaafar
            elif pk != "V" and nk != "V":
                seq.append(("V", "a"))  # عمر → Amr…, final ع
            elif pk == "C" and k + 2 < len(units):
                seq.append(("V", "a"))  # السعيدي → al-Saidi (but السامعي → al-Sami)
            continue
        seq.append((kind, lat))
    # short vowels, once per consonant run: word-initial run → CaC…; final pair after a long
    # a → …aCeC (فاعل); other final runs and inner runs of three or more → open the first
    m = len(seq)
    insert_after: dict[int, str] = {}
    k = 0
    while k < m:
        if seq[k][0] != "C":
            k += 1
            continue
        j = k
        while j < m and seq[j][0] == "C":
            j += 1
        run = j - k
        if run >= 2:
            if k == 0:
                insert_after[k] = "a"
                if j == m and run == 3:
                    insert_after[k + 1] = "a"  # بصل → Basal
            elif j == m and run == 2:
                insert_after[k] = "e" if seq[k - 1] == ("V", "a") else "a"
            elif run >= 3 or j == m:
                insert_after[k] = "a"
        k = j
    out: list[str] = []
    for k, (_, lat) in enumerate(seq):
        out.append(lat)
        if k in insert_after:
            out.append(insert_after[k])
    return "".join(out)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _word(w: str, table: dict[str, str]) -> str:
    key = normalize_phrase(w)
    if key in table:
        en = table[key]
        return "al-" + en if key.startswith("ال") and not en.isupper() and not en.startswith("al-") else en
    if key.startswith("ال") and len(key) > 3:
        stem = key[2:]
        en = table.get(stem) or _cap(_guess(w[2:]))
        return en if en.isupper() else "al-" + en
    return _cap(_guess(w))


def name_en(ar: str) -> str:
    """An English spelling of the Arabic person name ``ar`` (the input when nothing is left).

    Example:
        >>> name_en("باسم العوادي")
        'Basim al-Awadi'
    """
    table = name_table()
    words = normalize(ar, alef=False, teh_marbuta=False, maqsura=False).text.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        key = normalize_phrase(w)
        nxt = words[i + 1] if i + 1 < len(words) else None
        if key == "عبد" and nxt is not None:
            nkey = normalize_phrase(nxt)
            if nkey == "الله":
                out.append("Abdullah")
            elif nkey.startswith("ال"):
                rest = _word(nxt, table)
                rest = rest[3:] if rest.startswith("al-") else rest
                out.append("Abdul-" + _cap(rest))
            else:
                out.append("Abdul-" + _cap(_word(nxt, table)))
            i += 2
            continue
        if key.startswith("عبدال") and key not in table and len(key) > 6:
            out.append("Abdul-" + _cap(_word(w[3:], table).removeprefix("al-")))
            i += 1
            continue
        out.append(_word(w, table))
        i += 1
    words_en = [x if x in _LOWER or x.startswith("al-") or x in ("bin", "ibn", "bint") else _cap(x) for x in out if x]
    return " ".join(words_en) or ar
