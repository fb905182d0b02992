"""PLOVER event coding: triggers from the Arabic lexicon, arguments, status.

:func:`code_events` is the pipeline's ``events`` component. For every
sentence it

1. finds triggers with :func:`khabar.events.lexicon.trigger_matcher` (longest
   match wins, so اتصالا هاتفيا and شن هجوما beat their parts), keeps an entry
   with an object class (``obj=TROOPS`` …) only when such an object follows
   (خفض عديد القوات yes, خفض التوتر no), and drops masdars used as a noun
   modifier (مهمة التدريب، أنشطة …);
2. splits the sentence into clauses at ، ؛ : quotes, relative pronouns and
   و/ف + verb (never inside an actor phrase);
3. finds the **source** and **target** among the actor phrases of
   :func:`khabar.events.actors.find_actor_phrases` (rules in
   ``docs/plover.md``: SVO/VSO order, genitive after a masdar, target
   prepositions per entry, تعرض لـ passive, تلقى/استقبل swap, agents after
   على يد / من قبل / من جانب, weapon + nationality → that state's military,
   pronoun complementizers أنها/أنه resolved to the matrix subject);
4. sets **status** from the nearest cue before the trigger (negation →
   denied, inside a REQUEST complement → requested, قد + imperfect / من
   المرجح … → possible, توقع / من المتوقع … → expected, س/سوف/يعتزم/من
   المقرر … → planned, else occurred);
5. attaches **location** (GPE/LOC/FAC governed by في/ب/داخل/قرب/شمال …),
   **date** (nearest DATE/TIME timex in the clause, else the sentence) and
   **quantities** (in the clause);
6. merges triggers of one type in one sentence that describe the same
   event (مقتل … في هجوم …), keeping the first and filling its gaps.

Confidence (documented score, in [0, 1]): ``0.45·strength + 0.25·[source] +
0.2·[target] + 0.1·[object/mode evidence]``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from functools import lru_cache

from khabar.doc import Actor, Document, Entity, Event, Sentence, Span, Timex
from khabar.events.actors import (
    COMPLEMENTIZERS,
    member_word as bare_head_member,
    COUNTERPARTS,
    IGO_NAMES,
    PREPOSITIONS,
    ActorPhrase,
    country_actor,
    country_name,
    find_actor_phrases,
    possessive_head,
    strip_clitics,
)
from khabar.events.discourse import claimant_of, date_fields, is_headline, merge_mentions, quantities_for, tally as _tally
from khabar.events.lexicon import OBJECT_CLASSES, Trigger, bare, is_perfect, load_triggers, trigger_matcher, verb_forms
from khabar.text.matcher import Match
from khabar.text.normalize import normalize, normalize_phrase

__all__ = ["code_events", "STATUS_CUES"]

# ---------------------------------------------------------------- cue lists (normalized)
_REPORT_VERBS = ("قال", "اضاف", "اعلن", "اكد", "اوضح", "اشار", "لفت", "تابع", "ذكر", "كشف", "صرح", "افاد")
_PLAN_VERBS = ("اعتزم", "خطط", "نوي", "قرر", "استعد", "سعي", "عزم")
_EXPECT_VERBS = ("توقع", "رجح", "انتظر")
_DENY_VERBS = ("نفي", "انكر", "نفت", "نفوا")

#: Status cues: normalized token → status (multi-word cues are in :data:`_MULTI_CUES`).
STATUS_CUES: dict[str, str] = {}
for _v in _PLAN_VERBS:
    for _f in verb_forms(_v, "نوي" if _v == "نوي" else ("سعي" if _v == "سعي" else None)):
        STATUS_CUES[_f] = "planned"
for _w in ("سوف", "سيتم", "ستتم", "سيجري", "ستجري", "خطه", "خطط", "الخطه", "الخطط", "نيه", "اعتزام", "مقرر", "المقرر",
           "مرتقب", "المرتقب", "مزمع", "المزمع", "ينوي", "تنوي", "ينوون", "قررت", "قرر"):
    STATUS_CUES[_w] = "planned"
_TERMS_CUES = frozenset(("ينص", "تنص", "نص", "نصت", "يقضي", "تقضي"))  # ينص الاتفاق على …: terms, not facts
for _v in _EXPECT_VERBS:
    for _f in verb_forms(_v):
        STATUS_CUES[_f] = "expected"
for _w in ("المتوقع", "متوقع", "المنتظر", "منتظر", "توقعات"):
    STATUS_CUES[_w] = "expected"
for _w in ("المرجح", "مرجح", "ربما", "الارجح", "يحتمل", "المحتمل", "محتمل", "يمكن", "احتمال", "لعل"):
    STATUS_CUES[_w] = "possible"
for _v in _DENY_VERBS:
    for _f in verb_forms(_v, "نفي"):
        STATUS_CUES[_f] = "denied"
_NOUN_CUES = frozenset(("خطه", "خطط", "الخطه", "الخطط", "نيه", "اعتزام", "توقعات", "احتمال"))
_NEG = frozenset(("لم", "لن", "لا", "ما", "ليس", "ليست", "عدم", "دون", "بدون", "لما"))
_REL = frozenset(("الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان", "اللواتي", "اللاتي"))
_PUNCT_BREAK = frozenset("،,؛;:\"“”«»()[]—–")
_PASSIVE_AUX = frozenset(("تم", "يتم", "سيتم", "جري", "يجري", "سيجري", "تمت", "ستتم", "تتم"))
_EXPOSE = ("تعرض", "واجه")  # تعرّض لـ، تواجه عقوبات: the subject is the target
_RECEIVE = ("تلقي", "تسلم", "استقبل")  # تلقى اتصالا من X: X is the source
_AGENT_MARKERS = (("علي", "يد"), ("من", "قبل"), ("من", "جانب"), ("علي", "ايدي"))
_WEAPONS = frozenset("طائره طائرات صاروخ صواريخ قذيفه قذائف مدفعيه مقاتله مقاتلات مسيره مسيرات بارجه دبابه دبابات".split())
_LOC_PREPS = frozenset(("في", "داخل", "قرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "انحاء", "ب", "بمدينه", "بالقرب",
                        "مدينه", "محافظه", "منطقه", "عند", "قرب", "حول"))
_NOMINAL_HEADS = frozenset("مهمه قوه انشطه نشاط خدمات مركز لجنه مجلس قانون برنامج برامج دوره دورات معسكر مدرسه "
                           "اكاديميه قاعده فريق جهاز وحده "
                           # a group or role named by a masdar: مرشح المعارضة، زعيم المعارضة، شبكات التمويل
                           "مرشح مرشحه مرشحي زعيم زعيمه قاده قائد حزب احزاب قوي صفوف جبهه شبكه شبكات مصادر "
                           "قنوات".split())
_AID_CUES = frozenset("تدريب التدريب تدريبيه التدريبيه تدريبي التدريبي للتدريب مشوره المشوره استشاري استشاريه "
                      "اسناد مساعده دعم حفظ اغاثه الاغاثه بطلب بدعوه".split())
_AGREEMENT_NOUNS = frozenset("اتفاق اتفاقيه معاهده منظمه محادثات مفاوضات حلف تحالف".split())
_AGREEMENT_PL = frozenset("اتفاقيات اتفاقات معاهدات مذكره مذكرات".split())
_CONSEQUENCE = frozenset(("ادي", "اسفر", "اسفرت", "ادت", "خلف", "خلفت", "اوقع", "اوقعت"))
_ADJUNCT_PREPS = frozenset(("في", "خلال", "اثر", "عقب", "بعد", "قبل", "جراء", "بسبب", "منذ"))


@lru_cache(maxsize=1)
def _verbish() -> frozenset[str]:
    """Normalized surface forms that are finite verbs (clause openers)."""
    out: set[str] = set()
    for t in load_triggers():
        if t.pos == "verb":
            out |= verb_forms(t.form, t.impf, t.forms)
    for v in _REPORT_VERBS + ("كان", "اصبح", "بات", "ظل"):
        out |= verb_forms(v, {"كان": "كون"}.get(v))
    out.discard("قبل")
    return frozenset(out)


@dataclass
class _Cand:
    m: Match[Trigger]
    trig: Trigger
    tok: int  # index into doc.tokens of the trigger's first token
    tok_end: int  # one past the last token
    sent: int
    noun: bool
    typ: str
    mode: str | None
    evidence: bool


_PLACE_INDEX: list[tuple[tuple[Entity, ...], list[int], list[tuple[int, Entity]]]] = []


def _place_index(doc: Document) -> tuple[list[int], list[tuple[int, Entity]]]:
    """GPE/LOC/FAC entities of ``doc`` as ``(token index, entity)`` sorted by token, built once per document.

    Keeps location look-ups linear in the document size (each trigger bisects
    into the places of its clause instead of scanning every entity).
    """
    for ents, toks, places in _PLACE_INDEX:
        if ents is doc.entities:
            return toks, places
    places = sorted(((_tok_at(doc, e.start), e) for e in doc.entities if e.label in ("GPE", "LOC", "FAC")), key=lambda x: x[0])
    toks = [t for t, _ in places]
    _PLACE_INDEX[:] = [(doc.entities, toks, places)]
    return toks, places


def _tok_at(doc: Document, offset: int) -> int:
    """Index of the last token starting at or before ``offset`` (0 when none does)."""
    return max(0, bisect.bisect_right(doc.tokens, offset, key=lambda t: t.start) - 1)


@lru_cache(maxsize=65536)
def _stem(norm: str) -> str:
    """Token without و/ف and future س (for verb look-ups)."""
    p, rest = strip_clitics(norm)
    if "ال" in p:
        return norm
    return rest if p in ("و", "ف") else norm


def _sentence_tokens(doc: Document, s: Sentence) -> tuple[int, int]:
    """The token range ``[a, b)`` inside sentence ``s`` (two binary searches, not a scan)."""
    a = _tok_at(doc, s.start)
    if doc.tokens and doc.tokens[a].start < s.start:
        a += 1
    # the first token whose end lies beyond the sentence
    lo, hi = a, len(doc.tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.tokens[mid].end <= s.end:
            lo = mid + 1
        else:
            hi = mid
    return a, lo


def _event_antecedent(doc: Document, k: int, a: int, event_starts: set[int] | frozenset[int],
                      phrases: list[ActorPhrase]) -> bool:
    """The relative pronoun at token ``k`` follows an event noun, directly or after up to two adjectives
    (الهجوم الذي، التفجير الإرهابي المشين الذي), with no actor phrase in between: the event is the antecedent."""
    for back in range(1, 4):
        m = k - back
        if m < a or any(p.tok_start <= m < p.tok_end for p in phrases):
            return False
        if doc.tokens[m].start in event_starts:
            return True
        if doc.tokens[m].kind != "word" or not doc.tokens[m].norm.startswith("ال"):
            return False  # adjectives of a definite event noun carry the article
    return False


def _first_prep(doc: Document, a: int, b: int, also: tuple[str, ...] = ()) -> str | None:
    """The first separate preposition (or word of ``also``) among tokens ``[a, b)`` before any punctuation."""
    for k in range(a, b):
        t = doc.tokens[k]
        if t.kind == "punct":
            return None
        if t.norm in PREPOSITIONS or t.norm in also:
            return t.norm
    return None


#: Contrastive and temporal conjunctions: the clause after them is another statement (… يعود لخمسينات القرن
#: الماضي لكن الحرب والعقوبات …: the decade is not the sanctions' date; فتدعم إيران … فيما تدعو تركيا: Turkey
#: is the subject of the second verb).
_CONTRAST = frozenset("لكن ولكن لكنه لكنها لكنهم ولكنه ولكنها ولكنهم فيما بينما".split())

#: Verbs of repelling or foiling an act (their subject is its target, not its agent), as :func:`_stem` forms.
_REPEL = frozenset(_stem(f) for v in ("صد", "أحبط", "أفشل", "أجهض", "أوقف") for f in verb_forms(v))

#: Prepositions never followed directly by a finite verb: all but those that may be (منذ وصل، حتى يعود، بعد
#: / قبل / عقب / إثر in dates and clauses) and the nouns of direction and place among them.
_NO_VERB_AFTER = PREPOSITIONS - frozenset("بين شمال جنوب شرق غرب وسط انحاء منذ خلال بحق اثر عقب قبل بعد حتي وراء".split())


def _idiom_object(doc: Document, words: tuple[str, ...], j: int, b: int) -> bool:
    """One of ``words`` (normalized phrases; the proclitics of their first word set aside, as of every token)
    occurs in tokens ``[j, b)``."""
    norms = [strip_clitics(doc.tokens[k].norm)[1] for k in range(j, b) if doc.tokens[k].kind == "word"]
    joined = f" {' '.join(norms)} "
    for w in words:
        first, *rest = w.split(" ")
        if f" {' '.join([strip_clitics(first)[1], *rest])} " in joined:
            return True
    return False


#: Nouns of halting an act (normalized): وقف الغارات، تعليق العمليات العسكرية is a ceasefire (RETREAT), not an attack.
_HALT_NOUNS = frozenset(normalize_phrase(w) for w in "وقف إيقاف تعليق إنهاء توقف إنهائها".split())

_ANONYMITY = frozenset("كشف الكشف ذكر نشر الافصاح افصاح الاعلان كشفه ذكره".split())


def _anonymity_formula(doc: Document, t: Trigger, j: int, b: int) -> bool:
    """A request for anonymity (طلب عدم كشف اسمه، وطلب القائدان عدم نشر اسميهما): عدم and a verb of
    disclosing within the three tokens from ``j`` after the REQUEST trigger. Such a formula describes the source, not
    an event."""
    return t.type == "REQUEST" and any(
        doc.tokens[k].norm == "عدم" and doc.tokens[k + 1].norm in _ANONYMITY for k in range(j, min(j + 3, b - 1)))


def _clause_bounds(doc: Document, a: int, b: int, phrases: list[ActorPhrase]) -> list[int]:
    """Token indices (absolute) where a new clause starts, within [a, b)."""
    inside = set()
    for p in phrases:
        inside.update(range(p.tok_start + 1, p.tok_end))
    verbs = _verbish()
    cuts = [a]
    for i in range(a, b):
        if i in inside:
            continue
        t = doc.tokens[i]
        n = t.norm
        if t.kind == "punct" and (n in _PUNCT_BREAK or t.text in _PUNCT_BREAK):
            cuts.append(i + 1)
        elif n in _REL or n in _CONTRAST:
            cuts.append(i)
        elif n in ("و", "ف") and i + 1 < b and doc.tokens[i + 1].norm in verbs:
            cuts.append(i)
        elif n in ("ولم", "ولن", "فلم", "فلن") or (n in ("ولا", "فلا") and i + 1 < b and doc.tokens[i + 1].norm in verbs):
            cuts.append(i)  # … استهدفت المتمردين ولم تقصف تركيا داعش: a negated co-ordinated verb opens a clause
        elif n[:1] in ("و", "ف") and n[1:] in verbs and len(n) > 3:
            cuts.append(i)
    return sorted(set(cuts))


def _clause_of(cuts: list[int], i: int, b: int) -> tuple[int, int]:
    s = cuts[0]
    e = b
    for c in cuts:
        if c <= i:
            s = c
        else:
            e = c
            break
    return s, e


def _object_at(doc: Document, cls: str, i: int, b: int) -> int | None:
    """Token index of the first word of object class ``cls`` within four words from token ``i``, else ``None``.

    A date (a timex with its governing في/منذ) and the later tokens of one
    multi-word entity (الولايات المتحدة) count as no words: علقت الولايات
    المتحدة في أكتوبر الماضي مساعدات still finds مساعدات. A word is tried as
    written, without و/ف/ب/ل/ال and a pronoun suffix (وجود is not و+جود).
    """
    words = OBJECT_CLASSES[cls]
    spans = _skip_spans(doc)
    k = i
    seen = 0
    while k < b and seen < 4:
        t = doc.tokens[k]
        if t.kind == "punct":
            return None
        if t.kind == "word":
            n = t.norm
            if _word_forms(n) & words:
                return k
            if not _skipped(spans, doc, k):
                seen += 1
        k += 1
    return None


def _has_object(doc: Document, cls: str, i: int, b: int) -> bool:
    return _object_at(doc, cls, i, b) is not None


_SKIP_CACHE: list[tuple[tuple[Timex, ...], tuple[Entity, ...], list[tuple[int, int, bool]]]] = []


def _skip_spans(doc: Document) -> list[tuple[int, int, bool]]:
    """Sorted ``(start, end, is_timex)`` of timexes and multi-word entities (cached per document)."""
    for tx, en, spans in _SKIP_CACHE:
        if tx is doc.timexes and en is doc.entities:
            return spans
    spans = sorted([(t.start, t.end, True) for t in doc.timexes]
                   + [(e.start, e.end, False) for e in doc.entities if " " in e.text])
    _SKIP_CACHE[:] = [(doc.timexes, doc.entities, spans)]
    return spans


def _skipped(spans: list[tuple[int, int, bool]], doc: Document, k: int) -> bool:
    """Token ``k`` is inside a timex, a non-first word of a multi-word entity, or في/منذ right before a timex."""
    t = doc.tokens[k]
    j = bisect.bisect_right(spans, (t.start, 1 << 62, True)) - 1
    for jj in range(j, max(-1, j - 4), -1):  # spans may nest (a name inside a date): look a few back
        s0, e0, is_t = spans[jj]
        if s0 <= t.start < e0 and (is_t or s0 < t.start):
            return True
    if t.norm in ("في", "منذ") and k + 1 < len(doc.tokens):
        nxt = doc.tokens[k + 1].start
        j = bisect.bisect_right(spans, (nxt, 1 << 62, True)) - 1
        if j >= 0 and spans[j][2] and spans[j][0] <= nxt < spans[j][1]:
            return True
    return False


def _inside_name(named: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether ``[s, e)`` lies inside one entity span (``named`` sorted by start)."""
    k = bisect.bisect_right(named, (s, 1 << 62)) - 1
    while k >= 0 and named[k][0] <= s:
        if named[k][1] >= e:
            return True
        k -= 1
        if s - named[k][0] > 80 if k >= 0 else True:
            break
    return False


def _candidates(doc: Document) -> list[_Cand]:
    norm = normalize(doc.text)
    out: list[_Cand] = []
    by_span: dict[tuple[int, int], list[Match[Trigger]]] = {}
    for m in trigger_matcher().find(norm):
        if m.payload.strength <= 0:
            continue
        by_span.setdefault((m.start, m.end), []).append(m)
    named = sorted((x.start, x.end) for x in doc.entities)
    governed_objs: dict[int, str] = {}  # token index of an object found by an obj= verb -> that verb's type
    for (s, e), ms in sorted(by_span.items()):
        if _inside_name(named, s, e) and not _clause_initial_verb(doc, s, ms):
            continue  # part of a name: تشاد، الحشد الشعبي، مجلس التعاون، مشتاق طالب
        ti = _tok_at(doc, s)
        tj = _tok_at(doc, max(s, e - 1)) + 1
        tok = doc.tokens[ti]
        whole = tok.norm
        core = whole[1:] if whole[:1] in ("و", "ف") and len(whole) > 4 else whole
        if core in ("وزاره", "وزارات", "وزارتي", "وزارته", "وزارتها") or whole in ("وزاره", "الوزاره"):
            continue  # و+زار+ه: the noun "ministry", not the verb "visited him"
        key = ms[0].key
        article = key.startswith("ال") or key.startswith("ل") and not any(x.payload.is_verb for x in ms)
        prep = any(c in ms[0].prefix for c in "بلك")
        # after a separate preposition (في قصف، بعد هجوم) or in construct after an indefinite noun (عن بدء خفض
        # عديد القوات, by the POS tagger) a form that is both a verb and a masdar is the masdar
        nounish = article or prep or (ti > 0 and doc.tokens[ti - 1].norm in PREPOSITIONS and not ms[0].prefix)
        if not nounish and ti > 0 and any(m.payload.is_verb for m in ms) and any(not m.payload.is_verb for m in ms) \
                and not ms[0].prefix and _construct_head(doc, ti - 1):
            nounish = True
        sent = doc.sentence_index(s)
        sent_a, b = _sentence_tokens(doc, doc.sentences[sent]) if doc.sentences else (0, len(doc.tokens))
        # entries that need an object keep only when it follows; those whose object is there come
        # first (استدعى جنود الاحتياط: call-up, not summoning an ambassador)
        with_obj = [m for m in ms if m.payload.obj is not None and _has_object(doc, m.payload.obj, tj, b)]
        ms = with_obj + [m for m in ms if m.payload.obj is None]
        if not ms:
            continue
        pick = None
        for m in ms:
            if m.payload.is_verb and not nounish:
                pick = m
                break
        if pick is None:
            pick = next((m for m in ms if not m.payload.is_verb), None)
            lead = normalize(doc.text[tok.start:s]).text if s > tok.start else ms[0].prefix
            if pick is None and ("ال" in lead or lead.endswith("لل")):
                continue  # للأسلحة is no verb: a verb takes no article
            if pick is None and not ms[0].prefix and ti > 0 and doc.tokens[ti - 1].norm in _NO_VERB_AFTER:
                continue  # هجوم على سجن في الموصل: a word right after في/على/من … is a noun, not the verb سجن
            pick = pick or ms[0]
        if all(m.payload.is_verb for m in ms) and ms[0].suffix in ("ات", "ين"):
            continue  # صادرات النفط (exports) is no صادر+ات: verbs take no plural-noun ending
        clitics = ms[0].prefix.lstrip("وف")
        if pick.payload.is_verb and (any(c in clitics for c in "بك") or "ل" in clitics and is_perfect(pick.payload, pick.key)):
            pick = next((m for m in ms if not m.payload.is_verb), None)  # لعبت is no ل+عبت: a perfect verb takes no ب ك ل
            if pick is None:
                continue
        if pick.payload.notnext and tj < b and doc.tokens[tj].norm in pick.payload.notnext:
            continue  # قانون صادر في 2003 ("issued", not "confiscated"); حشد من المتظاهرين (a crowd, not a build-up)
        if pick.payload.is_verb and pick.payload.notprep and \
                _first_prep(doc, tj, min(b, tj + 4), also=pick.payload.notprep) in pick.payload.notprep:
            continue  # بحثت عن عمل، بحثت الأسرة عن مأوى: "searched for", not "discussed"
        if pick.payload.notname and tj < b and (doc.tokens[tj].text[:1] in "\"«“'" or doc.tokens[tj].kind == "latin"
                                                 or any(x.start == doc.tokens[tj].start for x in doc.entities)):
            continue  # مقاطعة “سانت لويس”: a county before its name, not a boycott
        if pick.payload.notpre and any(strip_clitics(doc.tokens[k].norm)[1] in pick.payload.notpre
                                       for k in range(max(sent_a, ti - 4), ti)):
            continue  # إزالة 450 عبوة ناسفة، تفكيك عبوة: removed or defused, not an attack
        if pick.payload.notobj and _idiom_object(doc, pick.payload.notobj, tj, b):
            continue  # فجرت … مفاجأة، تبادل منسوبو المكتبة التهاني: an idiom, not a bombing or co-operation
        if _anonymity_formula(doc, pick.payload, tj, b):
            continue  # المصدر الذي طلب عدم كشف اسمه: the formula of an unnamed source, not a request
        if not pick.payload.is_verb and pick.payload.indef and ("ال" in clitics or clitics.endswith("لل")):
            continue  # للمعارضة: with the article the masdar is the actor noun (indef entries)
        if pick.payload.is_verb and doc.text[tok.start:tok.end].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652").endswith("ة"):
            pick = next((m for m in ms if not m.payload.is_verb), None)  # أسلحة is no أسلح+ه: a verb never ends in ة
            if pick is None:
                continue
        t = pick.payload
        evidence = t.obj is not None
        noun = not t.is_verb
        # a masdar that modifies a preceding noun (مهمة التدريب، قوة الردع، اتفاقية التعاون) is not an
        # event by itself: the head noun is (or names) the event
        if noun and ti > 0 and (_word_forms(doc.tokens[ti - 1].norm) & (_NOMINAL_HEADS | _AGREEMENT_NOUNS | _AGREEMENT_PL)):
            continue
        if noun and "ب" in pick.prefix and _after_accusation(doc, ti, sent_a):
            continue  # تتهمها بتمويل جماعة …: the content of an allegation, not a reported happening
        if t.is_verb and (whole in _DAWN or whole[1:] in _DAWN and whole[:1] in ("و", "ف") or whole == "فجر" and tj < b and (
                _starts_timex(doc, tj) or doc.tokens[tj].norm in ("اليوم", "امس"))):
            continue  # فجرا / فجر اليوم: dawn, not "blew up"
        if t.type == "AGREE" and t.is_verb and tj < b and _starts_timex(doc, tj):
            continue  # ويوافق يوم الجمعة العاشر من …: a calendar equivalence, not consent
        if noun and _state_of_duration(doc, ti, sent_a):
            continue  # عقد من الانتشار العسكري: a long-standing state, not a happening
        if t.type == "ASSAULT" and t.is_verb and _hazard_subject(doc, ti, tj, sent_a, b):
            continue  # الزلزال الذي ضرب …: a natural hazard is no actor
        if t.obj is not None:  # (a masdar's object too: تقديم الدعم الجوي is aid, not a second SUPPORT event)
            k_obj = _object_at(doc, t.obj, tj, b)
            if k_obj is not None:
                governed_objs[k_obj] = t.type
        typ, mode = t.type, t.mode
        if typ == "AID/MOBILIZE":
            window = set().union(*(_word_forms(x.norm) for x in doc.tokens[tj : min(b, tj + 12)]))
            if window & _AID_CUES:
                typ, mode = "AID", "military"
            else:
                typ, mode = "MOBILIZE", "troops"
            evidence = True
        if typ == "ASSAULT" and noun and ti > sent_a and (doc.tokens[ti - 1].norm in _HALT_NOUNS
                                                          or _stem(doc.tokens[ti - 1].norm) in _HALT_NOUNS):
            typ, mode = "RETREAT", "ceasefire"  # إعلان واشنطن وقف ضرباتها: halting strikes de-escalates
        if typ == "RETREAT" and mode == "withdraw" and t.obj is None:
            nxt = set().union(*(_word_forms(x.norm) for x in doc.tokens[tj : min(b, tj + 3)]))
            if nxt & _AGREEMENT_NOUNS:
                typ, mode = "SANCTION", "withdraw"
        if mode is not None and t.pos in ("nphrase", "vphrase"):
            evidence = True
        if typ == "ASSAULT" and mode in (None, "aerial"):
            near = {bare(x.norm) for x in doc.tokens[ti : min(b, tj + 3)]}
            if near & {"مسيره", "مسيرات", "درون", "مسير"}:
                mode = "drone"  # codebook: unmanned aerial vehicles
            elif mode is None and near & {"صاروخي", "صاروخيه", "صواريخ", "مدفعي", "مدفعيه", "قذائف"}:
                mode = "heavy-weapons"
            elif mode is None and near & {"طائره", "طائرات", "جوي", "جويه", "مقاتلات"}:
                mode = "aerial"
        out.append(_Cand(pick, t, ti, tj, sent, noun, typ, mode, evidence))
    # a noun that is the object found for another type's verb is that event's object, not a second event
    # (علقت الولايات المتحدة … مساعدات: SANCTION, not AID)
    out = [c for c in out if not (c.noun and governed_objs.get(c.tok, c.typ) != c.typ)]
    # a definite noun takes up an earlier phrase with the same head (مناورات عسكرية مشتركة … وتهدف المناورات):
    # the same happening, so the same type
    heads: dict[str, tuple[str, str | None]] = {}
    for c in out:
        key = normalize(c.m.key).text if c.m.key else ""
        words = key.split(" ")
        if c.noun and c.trig.pos == "nphrase" and len(words) > 1:
            heads[words[0].removeprefix("ال")] = (c.typ, c.mode)
        elif c.noun and len(words) == 1 and key.startswith("ال") and key[2:] in heads and heads[key[2:]][0] != c.typ:
            c.typ, c.mode = heads[key[2:]]
    # one expansion, one reading: a mission expansion read as AID anywhere in the document (a training
    # complement) makes the others AID too (the headline الناتو يوسع مهامه has no complement)
    if any(c.trig.type == "AID/MOBILIZE" and c.typ == "AID" for c in out):
        for c in out:
            if c.trig.type == "AID/MOBILIZE" and c.typ == "MOBILIZE" and c.trig.obj == "MISSION":
                c.typ, c.mode = "AID", "military"
    return out


_DISCUSS = frozenset(("بحث", "ناق", "تنا", "تبا", "است", "تطر", "يبح", "تبح", "ينا", "يتن", "يتب", "يتط", "تتن", "تتب", "تتط"))
_DAWN = frozenset(("فجرا", "الفجر"))
_STANCE_TYPES = frozenset(("ACCUSE", "REJECT", "SUPPORT"))


def _same_actor_strict(x: Actor, y: Actor) -> bool:
    return (x.start is not None and x.start == y.start) or (x.entity is not None and x.entity == y.entity) or x.text == y.text


_RETALIATION = frozenset(("ردا", "رد", "انتقاما", "ثارا"))
_MEANS_PREPS = frozenset(("في", "جراء", "اثر", "بسبب", "خلال"))


def _link_kind(doc: Document, c: _Cand, a: int) -> str | None:
    """How a trigger relates to an earlier one of its sentence (see :func:`_merge`), or ``None``."""
    i = c.tok
    if c.noun:
        for k in range(max(a, i - 3), i):
            if _stem(doc.tokens[k].norm) in _RETALIATION or bare(doc.tokens[k].norm) in _RETALIATION:
                return "retaliation"
        if c.typ == "ASSAULT" and i > a and (doc.tokens[i - 1].norm in _MEANS_PREPS or "ب" in c.m.prefix):
            return "means"
    elif i > a and doc.tokens[i - 1].norm in ("،", ",") and _participle(c):
        return "own"  # …، مطالبا X بـ …: a second act of the same subject, not a mention of the first
    elif c.typ == "CONSULT" and c.trig.pos == "verb" and "و" in c.m.prefix and _dual_verb(c.m.key, c.trig.form):
        return "recip"
    elif c.typ == "CONSULT" and c.trig.pos == "verb" and c.tok_end < len(doc.tokens) and _stem(doc.tokens[i].norm)[:3] in _DISCUSS and \
            doc.tokens[c.tok_end].norm in ("خلاله", "خلالها", "خلالهما", "فيه", "فيها"):
        return "recip"  # اتصالا هاتفيا … بحث خلاله …: what was discussed during the call
    return None


_DAMMA, _FATHA = "\u064f", "\u064e"
_PASSIVE_LEMMAS = frozenset(("أصيب",))  # verbs used only in the passive


def written_passive(word: str) -> bool:
    """A verb written with the vowels of the passive voice.

    Perfect: a damma on the first letter (قُتل، سُلِّم، أُصيب) or on the third of a
    form starting with alef (اعتُقل، استُهدف). Imperfect (damma on ي/ت/ن/أ): only
    with a fatha on the last-but-one letter (يُقتَل، تُسلَّم), since active forms
    II–IV also carry that damma (يُهاجِم). Undiacritized words give ``False``.
    """
    letters: list[tuple[str, str]] = []
    for ch in word:
        if "\u064b" <= ch <= "\u0652" or ch == "\u0670":
            if letters:
                letters[-1] = (letters[-1][0], letters[-1][1] + ch)
        elif ch == "\u0640":
            continue
        else:
            letters.append((ch, ""))
    if len(letters) < 3:
        return False
    first, marks = letters[0]
    if _DAMMA in marks:
        if first in "يتن":
            return _FATHA in letters[-2][1]
        return not (first == "أ" and "\u0650" in letters[-2][1])  # أُصيب, not أُهاجِم (I attack)
        
    return first == "ا" and _DAMMA in letters[2][1]


@lru_cache(maxsize=1)
def _report_forms() -> frozenset[str]:
    out: set[str] = set()
    for v in _REPORT_VERBS + ("نقل", "نشر", "بث"):
        out |= verb_forms(v)
    return frozenset(out)


def _reporter(doc: Document, p: ActorPhrase, a: int) -> bool:
    """The phrase is the subject of a reporting verb right before it (أعلن الجيش، ذكرت وزارة الدفاع)."""
    k = p.tok_start - 1
    return k >= a and _stem(doc.tokens[k].norm) in _report_forms()


_PRON_SUBJ = frozenset("لكنها لكنه لكنهم ولكنها ولكنه ولكنهم انها انه انهم وانها وانه وانهم فانها فانه فانهم "
                       "بانها بانه بانهم لانها لانه لانهم".split())
_PARTICLES = frozenset("ان بان انه انها انهم قد و ف ثم لم لن ما لا كما كان كانت وكان وكانت فيما بينما حيث اذ اذا "
                       "لكن ولكن بل او ام حتي كي لكي الذي التي الذين ان،".split())


def _noun_subject(doc: Document, cs: int, i: int, barrier: int) -> int | None:
    """Token index of a plain noun right before the verb at ``i`` in its clause (an SVO subject that is
    not an actor phrase), or ``None``: the word must follow the clause start and any complementizer,
    and be neither a particle nor a verb."""
    k = i - 1
    while k >= cs and doc.tokens[k].norm == "قد":
        k -= 1
    if k < cs or k <= barrier:
        return None
    t = doc.tokens[k]
    if t.kind != "word" or t.norm in _PARTICLES or _is_verbish(doc, k):
        return None
    if not t.norm.startswith(("ال", "وال", "فال")):
        return None  # an indefinite word before a verb is rarely its subject
    return k


def _is_verbish(doc: Document, k: int) -> bool:
    n = doc.tokens[k].norm
    return n in _verbish() or _stem(n) in _verbish()


def _dual_verb(key: str, form: str) -> bool:
    """A verb form with a dual subject suffix (بحثا، ناقشتا، يبحثان): "the two of them …"."""
    f = normalize(form).text
    return key in (f + "ا", f + "تا") or (key.endswith("ان") and key[:1] in ("ي", "ت") and len(key) > len(f))


_HAZARDS = frozenset("زلزال زلازل هزه اعصار اعاصير عاصفه عواصف فيضان فيضانات سيول بركان جفاف تسونامي وباء".split())
_DURATIONS = frozenset("عقد عقدين عقود سنوات سنين اعوام عامين سنتين قرن".split())


def _starts_timex(doc: Document, k: int) -> bool:
    """Token ``k`` begins (or lies in) a timex, or is a weekday/day word (يوم، الجمعة)."""
    t = doc.tokens[k]
    if bare(t.norm) in ("يوم", "ليله", "تاريخ") or t.norm in ("الجمعه", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس"):
        return True
    return any(x.start <= t.start < x.end for x in doc.timexes)


@lru_cache(maxsize=1)
def _accuse_forms() -> frozenset[str]:
    out = set(verb_forms("اتهم")) | {"اتهام", "الاتهام", "تهمه", "بتهمه"}
    return frozenset(out)


def _after_accusation(doc: Document, ti: int, a: int) -> bool:
    """An accusation verb or noun (اتهم، تتهمها، بتهمة) in the two words before token ``ti``."""
    forms = _accuse_forms()
    for k in range(max(a, ti - 2), ti):
        n = _stem(doc.tokens[k].norm)
        if n in forms or any(n.endswith(e) and n[: -len(e)] in forms for e in ("ها", "هم", "ه", "هما")):
            return True
    return False


@lru_cache(maxsize=65536)
def _word_forms(n: str) -> frozenset[str]:
    """A normalized word as written, without one proclitic group (و ف ب ل ال وال بال لل …) and via
    :func:`bare` (which also drops a pronoun suffix). ``bare`` alone reads a final ة (ه) as the pronoun
    and ل as a preposition (لجنه → جنه), so look-ups of nouns try every form."""
    out = {n, bare(n), strip_clitics(n)[1]}
    for p in ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل"):
        if n.startswith(p) and len(n) - len(p) >= 3:
            out.add(n[len(p):])
    return frozenset(out)


def _hazard_subject(doc: Document, ti: int, tj: int, a: int, b: int) -> bool:
    """A natural hazard is the subject of a violent verb: before it (relative pronoun allowed) or right after."""
    k = ti - 1
    if k >= a and doc.tokens[k].norm in _REL:
        k -= 1
    if k >= a and _word_forms(doc.tokens[k].norm) & _HAZARDS:
        return True
    return tj < b and bool(_word_forms(doc.tokens[tj].norm) & _HAZARDS)


def _state_of_duration(doc: Document, ti: int, a: int) -> bool:
    """``عقد من الانتشار`` / ``سنوات من الحرب``: a masdar counted in years is a state, not one happening."""
    return ti - 2 >= a and doc.tokens[ti - 1].norm == "من" and bool(_word_forms(doc.tokens[ti - 2].norm) & _DURATIONS)


def _clause_initial_verb(doc: Document, s: int, ms: list[Match[Trigger]]) -> bool:
    """A verb trigger with و/ف at the start of a clause is a verb even when the name tagger took the word as a
    name (وطالب نواب …, after a person named طالب elsewhere in the article)."""
    if not any(m.payload.is_verb for m in ms) or not any(ch in ms[0].prefix for ch in "وف"):
        return False
    k = _tok_at(doc, s)
    if k == 0:
        return True
    prev = doc.tokens[k - 1]
    if prev.kind == "punct":
        return True
    # the first word of its sentence
    si = doc.sentence_index(s)
    return doc.sentences[si].start >= prev.end if doc.sentences else False


def _phrase_after(phrases: list[ActorPhrase], i: int, limit: int, skip_prep: bool = True) -> ActorPhrase | None:
    for p in phrases:
        if p.tok_start >= i and p.tok_start < limit:
            if skip_prep and p.prep:
                continue
            return p
    return None


def _actor_of(doc: Document, p: ActorPhrase, ent_map: dict[str, Entity]) -> Actor:
    a = p.actor
    if a.entity is not None and a.sector is None and a.name_en is None:
        e = ent_map.get(a.entity)
        if e is not None and e.label in ("GPE", "NORP"):
            a = country_actor(e, a.text, (p.start, p.end))
    if a.sector is None and a.country and p.tok_start > 0:
        w = doc.tokens[p.tok_start - 1].norm
        if bare(w) in _WEAPONS or strip_clitics(w)[1] in _WEAPONS or w[2:] in _WEAPONS:
            a = replace(a, sector="MIL")  # الطائرات الإسرائيلية: a nationality after a weapon is that state's military
    return a


def _counterpart(doc: Document, p: ActorPhrase) -> bool:
    """True when ``p`` follows نظير + possessive (نظيره المصري، نظيرتها الألمانية): the counterpart of the
    clause's subject is an object, never the subject of the verb before it."""
    k = p.tok_start - 1
    if k < 0 or doc.tokens[k].kind != "word":
        return False
    return strip_clitics(doc.tokens[k].norm)[1] in _COUNTERPART


_COUNTERPART = COUNTERPARTS


def _backward_subject(doc: Document, phrases: list[ActorPhrase], a: int, i: int) -> ActorPhrase | None:
    """Nearest unmarked actor phrase before token ``i`` in the sentence (from ``a``).

    Stops at a bare complementizer (إن/أن: the speaker is not the agent) but
    crosses one with a pronoun (أنها/أنه/أنهم), which refers back to the
    matrix subject.
    """
    k = i - 1
    cands = [p for p in phrases if p.tok_end <= i and not p.prep]
    lo = min(a, phrases[0].tok_start) if phrases else a  # the complementizer may lie before the clause
    while k >= lo:
        n = doc.tokens[k].norm
        if n in ("ان", "بان") or (doc.tokens[k].kind == "punct" and n in ("؛", ";")):
            lim = k
            cands = [p for p in cands if p.tok_start > lim]
            break
        k -= 1
    if not cands:
        return None
    best = _first_conjunct(phrases, cands[-1])  # القوات الأردنية والمصرية: the first party leads
    if best not in cands:
        best = cands[-1]
    if best.actor.entity is None and len(cands) >= 2:
        # apposition: الكاظمي، رئيس المخابرات السابق … → the named head
        prev = cands[-2]
        gap = [doc.tokens[k].norm for k in range(prev.tok_end, best.tok_start)]
        if prev.actor.entity is not None and gap and all(g in ("،", ",") for g in gap):
            return prev
    return best


def _agent_phrase(doc: Document, phrases: list[ActorPhrase], i: int, e: int) -> ActorPhrase | None:
    for p in phrases:
        if p.tok_start < i or p.tok_start >= e:
            continue
        k = p.tok_start
        n1 = doc.tokens[k - 1].norm if k >= 1 else ""
        n2 = doc.tokens[k - 2].norm if k >= 2 else ""
        for a1, a2 in _AGENT_MARKERS:
            if n2 == a1 and strip_clitics(n1)[1] == a2 or n1 == a2 and n2 == a1:
                return p
    return None


def _weapon_source(doc: Document, i: int, e: int) -> Actor | None:
    """``بطائرة أمريكية`` / ``بصواريخ إيرانية``: a weapon noun + nationality → that state's military."""
    return _weapon_source_at(doc, i, e)[0]


def _weapon_source_at(doc: Document, i: int, e: int) -> tuple[Actor | None, tuple[int, ...]]:
    """:func:`_weapon_source` and the token indices of the weapon noun and its nationality."""
    for k in range(i, e):
        if bare(doc.tokens[k].norm) in _WEAPONS or strip_clitics(doc.tokens[k].norm)[1] in _WEAPONS:
            for k2 in range(k + 1, min(e, k + 3)):
                t = doc.tokens[k2]
                for ent in doc.entities:
                    if ent.label == "NORP" and t.start <= ent.start < t.end and ent.country:
                        base = country_actor(ent)
                        return replace(base, sector="MIL"), (k, k2)
    return None, ()


#: Target prepositions by type, used when the entry's own (``tprep``) find none: a hostile act is done
#: against (على، ضد، بحق) someone, a joint one with (مع) someone, aid goes to (إلى، لـ) someone, a protest
#: is held in front of (أمام) or against its target.
_TYPE_TPREP: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("علي", "ضد", "بحق"), "COERCE": ("علي", "ضد", "بحق"), "SANCTION": ("علي", "ضد", "بحق", "مع"),
    "THREATEN": ("ضد", "بحق"), "PROTEST": ("ضد", "امام", "علي"),
    "REJECT": ("مع",), "CONSULT": ("مع",), "COOPERATE": ("مع",), "AGREE": ("مع",), "SUPPORT": ("مع",),
    "AID": ("الي", "ل"), "CONCEDE": ("مع",),
}
#: Types whose two parties act together: a second co-ordinated party is the target (وقعت مصر والأردن اتفاقية).
_SYMMETRIC = frozenset(("AGREE", "CONSULT", "COOPERATE"))
_ORDINALS = frozenset("الاولي الاول الثانيه الثاني الثالثه الثالث الاخيره الاخير اول اخر".split())
_DURING = frozenset(("خلاله", "خلالها", "خلالهما", "خلالهم"))
_OBJ_PRON = frozenset(("ه", "ها", "هم", "هما", "وه", "وها", "وهم", "اه", "اها", "اهم"))
_EXTENT = frozenset("معظمها معظمه معظمهم بعضها بعضه اغلبها اغلبه جميعها كلها غالبيتها".split())


@lru_cache(maxsize=1)
def _gather_forms() -> frozenset[str]:
    out: set[str] = set()
    for v in ("جمع", "ضم"):
        for f in verb_forms(v):
            out |= {f, f + "ه", f + "ها", f + "هم"}
    return frozenset(out)


_GATHER_FORMS = _gather_forms()


@lru_cache(maxsize=1)
def _support_forms() -> frozenset[str]:
    """Verbs that carry out an event named before them (شن، نفذ، فرض، تبنى، ارتكب، قاد)."""
    out: set[str] = set()
    for v, impf in (("شن", None), ("نفذ", None), ("فرض", None), ("تبنى", None), ("ارتكب", None), ("قاد", "قود"),
                    ("اعلن", None)):
        out |= verb_forms(v, impf)
    return frozenset(out)


def _resumptive_agent(doc: Document, phrases: list[ActorPhrase], j: int, b: int) -> ActorPhrase | None:
    """The agent of an event noun named by a verb after it that takes up the noun with a pronoun (هجوم شنه
    مسلحون، عقوبات فرضتها المجموعة، ضربة نفذتها، … تبنت معظمها فصائل): the subject after that verb."""
    forms = _support_forms()
    for k in range(j, min(b, j + 12)):
        t = doc.tokens[k]
        if t.kind == "punct" and t.norm in (".", "؛", ";"):
            return None
        hit = False
        for n in dict.fromkeys((t.norm, _stem(t.norm))):  # فرضتها is not ف+رضتها
            hit = any(n.endswith(p) and n[: -len(p)] in forms for p in ("ه", "ها", "هم", "هما"))
            if not hit and n in forms and k + 1 < b and doc.tokens[k + 1].norm in _EXTENT:
                hit = True
                k += 1
            if hit:
                break
        if hit:
            if n.startswith("اعلن") and not any(doc.tokens[x].norm.endswith("مسؤوليه") for x in range(k, min(b, k + 3))):
                continue
            return next((p for p in phrases if k < p.tok_start <= k + 3 and not p.prep), None)
    return None


def _after_ordinal(doc: Document, p: ActorPhrase) -> bool:
    """``p`` follows an ordinal (هي الأولى لمسؤول أردني): a record, not a recipient."""
    k = p.tok_start - 1
    return k >= 0 and doc.tokens[k].norm in _ORDINALS or (k >= 1 and doc.tokens[k].start >= p.start and
                                                          doc.tokens[k - 1].norm in _ORDINALS)


def _first_conjunct(phrases: list[ActorPhrase], p: ActorPhrase) -> ActorPhrase:
    """The first of co-ordinated phrases ending in ``p`` (مصر والأردن → مصر)."""
    idx = phrases.index(p) if p in phrases else -1
    while idx > 0 and phrases[idx].coord and phrases[idx - 1].tok_end >= phrases[idx].tok_start - 1 and \
            phrases[idx - 1].prep == phrases[idx].prep:
        idx -= 1
    return phrases[idx] if idx >= 0 else p


def _co_party(phrases: list[ActorPhrase], p: ActorPhrase) -> ActorPhrase | None:
    """The phrase co-ordinated right after ``p`` (القوات الأردنية والمصرية → المصرية), else ``None``."""
    idx = phrases.index(p) if p in phrases else -1
    if 0 <= idx < len(phrases) - 1:
        q = phrases[idx + 1]
        if q.coord and q.tok_start <= p.tok_end + 1 and q.prep == p.prep:
            return q
    return None


def _participle(c: _Cand) -> bool:
    """The trigger is an active participle in the accusative (داعياً، مطالباً، مؤكداً), not a finite verb."""
    t = c.trig
    if not t.is_verb:
        return False
    key = c.m.key.split(" ")[0]
    if key in verb_forms(t.form, t.impf) or key.endswith("وا"):
        return False
    return key.endswith(("ا", "ين")) and (key.startswith("م") or key[1:2] == "ا")


def _main_subject(doc: Document, phrases: list[ActorPhrase], a: int, i: int) -> ActorPhrase | None:
    """The subject of a sentence's main verb: its first unmarked actor before any complementizer (أكد المقداد أن …)."""
    comp = next((k for k in range(a, i) if doc.tokens[k].norm in ("ان", "بان") or doc.tokens[k].norm in COMPLEMENTIZERS), i)
    return next((p for p in phrases if a <= p.tok_start and p.tok_end <= comp and not p.prep), None)


def _destination(doc: Document, phrases: list[ActorPhrase], cs: int, ce: int, src: ActorPhrase | None) -> ActorPhrase | None:
    """The place a visit goes to (وصل … إلى دمشق في زيارة، في أول زيارة للرياض): a GPE after إلى/لـ/في in the clause."""
    for prep in ("الي", "ل", "في"):
        for p in phrases:
            if cs <= p.tok_start < ce and p.prep == prep and p.actor.sector is None and p.actor.country and \
                    p.entities and (src is None or p.actor.country != src.actor.country):
                return p
    return None


def _possessed_weapon(doc: Document, phrases: list[ActorPhrase], a: int, i: int) -> Actor | None:
    """A weapon with a possessive pronoun as the subject (أن تكون طائراتها قد قصفت): the owner's military."""
    k = i - 1
    while k > a and doc.tokens[k].norm in ("قد", "لم", "لن"):
        k -= 1
    t = doc.tokens[k] if k >= a else None
    if t is None or t.kind != "word":
        return None
    n = _stem(t.norm)
    if not any(n.endswith(p) and bare(n) in _WEAPONS for p in ("ها", "هم", "ه")):
        return None
    owner = next((p for p in reversed(phrases) if p.tok_end <= k and p.actor.country), None)
    if owner is None:
        return None
    cc = owner.actor.country
    return Actor(text=t.text, entity=None, name_en=country_name(cc) or owner.actor.name_en, country=cc,
                 sector="MIL", start=t.start, end=t.end)


def _antecedent(doc: Document, phrases: list[ActorPhrase], a: int, i: int, src: ActorPhrase | None,
                event_starts: frozenset[int]) -> ActorPhrase | None:
    """The actor an object pronoun on the verb at ``i`` stands for: the nearest phrase before it in the
    sentence that is not the subject; ``None`` when an event noun is nearer (هجوم شنه: the pronoun is the event)."""
    cands = [p for p in phrases if a <= p.tok_start and p.tok_end <= i and p is not src
             and (src is None or (p.actor.text != src.actor.text and (p.actor.entity is None or p.actor.entity != src.actor.entity)))]
    last = cands[-1] if cands else None
    lo = last.tok_end if last is not None else a
    if any(doc.tokens[k].start in event_starts for k in range(lo, i)):
        return None
    return last


#: Verbs of consequence in the imperfect or future (يعني، سيؤدي، من شأنه): a masdar that is their subject names a
#: hypothetical act (رفض الاتفاق يعني الحرب، إن رفض الحلول سيؤدي إلى الحرب), not a reported one.
_CONSEQUENCE_VERBS = frozenset(normalize_phrase(w) for w in (
    "يعني تعني سيعني ستعني يؤدي تؤدي سيؤدي ستؤدي سيجعل ستجعل يجعل تجعل سيقود ستقود سيفتح ستفتح سيدفع ستدفع"
).split())


def _hypothetical_subject(doc: Document, c: _Cand, b: int) -> bool:
    """The masdar trigger ``c`` (with its complement, at most five words) is the subject of a verb of consequence.
    A bare form that is both verb and masdar (رفض) counts: a finite verb is rarely followed so closely by one."""
    for k in range(c.tok_end, min(b, c.tok_end + 6)):
        t = doc.tokens[k]
        if t.kind == "punct" or t.norm in _REL or t.norm in COMPLEMENTIZERS or t.norm in PREPOSITIONS:
            return False  # حذر من أن …، الاتفاق الذي يعني …: the consequence belongs to another clause
        if t.norm in _CONSEQUENCE_VERBS:
            return True
    return False


def _status(doc: Document, c: _Cand, a: int, cs: int, req_before: frozenset[int]) -> str:
    """The status of one trigger from the nearest cue before it (rules in the module docstring)."""
    i = c.tok
    if "س" in c.m.prefix:
        planned_prefix = True
    else:
        planned_prefix = False
    # negation right before the trigger (or before its auxiliary)
    for k in range(max(cs, i - 3), i):
        n = doc.tokens[k].norm
        if n in _NEG or _stem(n) in ("لم", "لن"):
            return "denied"
    if planned_prefix or c.m.prefix.endswith("س") and _future_verb(doc, i):
        return "planned"
    if i > a and doc.tokens[i - 1].norm in ("،", ",") and _participle(c):
        return "occurred"  # …، مطالباً …: a circumstantial act of the main verb's subject; earlier cues are the clause's
    for k in range(a, i):  # ينص الاتفاق على …: the terms scope over the whole sentence
        if _stem(doc.tokens[k].norm) in _TERMS_CUES:
            return "planned"
    if req_before and _in_request_scope(doc, max(req_before), i):
        return "requested"
    for k in range(i - 1, max(a, i - 9) - 1, -1):
        t = doc.tokens[k]
        n = t.norm
        st = _stem(n)
        if t.kind == "punct" and n in ("؛", ";"):
            break
        if k in req_before and _in_request_scope(doc, k, i):
            return "requested"
        if n == "قد" and k + 1 <= i:
            nxt = doc.tokens[k + 1].norm if k + 1 < len(doc.tokens) else ""
            if nxt[:1] in ("ي", "ت", "ن") and nxt not in ("تم",) and not nxt.startswith("تعرض"):
                return "possible"
            continue
        if n in STATUS_CUES or st in STATUS_CUES:
            s = STATUS_CUES.get(n) or STATUS_CUES[st]
            if (n in _NOUN_CUES or st in _NOUN_CUES) and i - k > 2:
                continue  # a noun cue (خطط، نية) scopes only over its own complement
            return s
        fn = n[1:] if n[:1] in ("و", "ف") and len(n) > 4 else n  # وسنواصل إرسال …: و + future س
        if fn[:1] == "س" and fn[1:2] in ("ي", "ت", "ن", "ا") and (fn[1:] in _verbish() or _future_verb(doc, k)):
            return "planned"
        if k < cs and (n in ("ان", "بان") or n in COMPLEMENTIZERS) and k < cs - 6:
            break
    return _status_across_complementizer(doc, a, i) or "occurred"


_AUX_VERBS = frozenset(normalize_phrase(w) for w in "تكون يكون تكونا يكونوا كانت كان قد".split())


def _status_across_complementizer(doc: Document, a: int, i: int) -> str | None:
    """A status cue governing the أن-clause the trigger at token ``i`` stands in, however long the subject
    between them (ونفى المتحدث باسم الجيش السوداني العميد نبيل عبد الله في بيان أن تكون قواته قد قصفت …:
    denied; ومن المقرر أن يتوجه الوزير … لإجراء محادثات: planned). The clause must hold no finite verb before
    the trigger but auxiliaries (تكون، كان، قد), and the cue must be the first verb or cue before أن."""
    comp = next((k for k in range(i - 1, max(a, i - 25) - 1, -1) if doc.tokens[k].norm in ("ان", "بان")), None)
    if comp is None:
        return None
    for k in range(comp + 1, i):
        t = doc.tokens[k]
        if t.kind == "punct" and t.norm in ("؛", ";", "."):
            return None
        if _is_verbish(doc, k) and _stem(t.norm) not in _AUX_VERBS:
            # another finite verb between: only a purpose complement (أن يتوجه … لإجراء محادثات) stays in scope
            if not any(doc.tokens[x].norm.startswith("ل") for x in range(k + 1, i + 1)):
                return None
    for k in range(comp - 1, max(a, comp - 16) - 1, -1):
        t = doc.tokens[k]
        n, st = t.norm, _stem(t.norm)
        if t.kind == "punct" and n in ("؛", ";", "."):
            return None
        if n in STATUS_CUES or st in STATUS_CUES:
            status = STATUS_CUES.get(n) or STATUS_CUES[st]
            noun_cue = n in _NOUN_CUES or st in _NOUN_CUES
            return status if not noun_cue or n in ("المقرر", "مقرر") or st in ("المقرر", "مقرر") else None
        if _is_verbish(doc, k):
            return None
    return None



def _in_request_scope(doc: Document, r: int, i: int) -> bool:
    """Token ``i`` lies in the complement of the REQUEST trigger at token ``r`` (دعا الوزير إلى توسيع العمل …
    داخل العراق، وزيادة رقعة التعاون …): no sentence break (؛ ; .), no comma before anything but و + noun, and
    no new finite verb or participle clause between them (…، وأكد أن …; …، مؤكدا …). A verb right after
    أن/ل (دعا إلى أن تنسحب) belongs to the complement."""
    for k in range(r + 1, i):
        t = doc.tokens[k]
        n = t.norm
        if t.kind == "punct" or n in ("،", ",", "؛", ";", "."):
            if n in ("؛", ";", ".", "!", "?", "؟") or t.text in ("؛", ";", ".", "!", "?", "؟"):
                return False
            if n in ("،", ",") or t.text in ("،", ","):
                nxt = doc.tokens[k + 1] if k + 1 < i else None
                if nxt is None or not (nxt.norm == "و" or (nxt.norm[:1] == "و" and not _is_verbish(doc, k + 1))):
                    return False
            continue
        if k > r + 1 and _is_verbish(doc, k) and doc.tokens[k - 1].norm not in ("ان", "بان", "لكي", "كي") \
                and not n.startswith("ل"):
            return False
    return True


_POS_CACHE: dict[tuple[int, int, str], bool] = {}


def _future_verb(doc: Document, k: int) -> bool:
    """Token ``k`` is future س + imperfect verb by the POS tagger (سنواصل، ستشكل), not سيارة/سنوات.

    The tagger (:func:`khabar.models.segment_pos.analyze`) runs only on the
    word itself with its neighbours, only for words that start with س + an
    imperfect prefix, and results are cached; without the model the answer is
    ``False``.
    """
    t = doc.tokens[k]
    n = t.norm
    conj = n[:1] in ("و", "ف") and len(n) > 5 and n[1:2] == "س"
    if conj:
        n = n[1:]
    if len(n) < 5 or n[:1] != "س" or n[1:2] not in ("ي", "ت", "ن", "ا"):
        return False
    lo = doc.tokens[max(0, k - 2)].start
    hi = doc.tokens[min(len(doc.tokens) - 1, k + 2)].end
    window = doc.text[lo:hi]
    key = (t.start - lo, t.end - lo, window)
    if key in _POS_CACHE:
        return _POS_CACHE[key]
    ok = False
    try:
        from khabar.models.segment_pos import analyze

        segs = [x for x in analyze(window) if key[0] <= x.start < key[1]]
        if conj and segs and segs[0].text in ("و", "ف"):
            segs = segs[1:]
        ok = len(segs) >= 2 and segs[0].text == "س" and any(x.upos == "VERB" for x in segs[1:])
    except Exception:  # noqa: BLE001 - a missing model only disables this cue
        ok = False
    if len(_POS_CACHE) > 50000:
        _POS_CACHE.clear()
    _POS_CACHE[key] = ok
    return ok


def _upos(doc: Document, k: int) -> str | None:
    """The UPOS of token ``k``'s stem by the POS tagger on a five-word window (cached), ``None`` without the model."""
    t = doc.tokens[k]
    lo = doc.tokens[max(0, k - 2)].start
    hi = doc.tokens[min(len(doc.tokens) - 1, k + 2)].end
    window = doc.text[lo:hi]
    key = (t.start - lo, t.end - lo, window)
    if key in _UPOS_CACHE:
        return _UPOS_CACHE[key]
    tag: str | None = None
    try:
        from khabar.models.segment_pos import analyze

        segs = [x for x in analyze(window) if key[0] <= x.start < key[1] and x.role == "stem"]
        tag = segs[0].upos if segs else None
    except Exception:  # noqa: BLE001 - a missing model only disables this cue
        tag = None
    if len(_UPOS_CACHE) > 50000:
        _UPOS_CACHE.clear()
    _UPOS_CACHE[key] = tag
    return tag


_UPOS_CACHE: dict[tuple[int, int, str], str | None] = {}


def _construct_head(doc: Document, k: int) -> bool:
    """Token ``k`` is an indefinite common noun (no article, no name, tagged NOUN): the word after it is its
    genitive (بدء خفض، إعلان دعم), so a verb/masdar form there is the masdar."""
    t = doc.tokens[k]
    if t.kind != "word" or t.norm.startswith(("ال", "وال")) or "ال" in strip_clitics(t.norm)[0] or len(t.norm) < 3:
        return False
    if t.norm in _PARTICLES or t.norm in PREPOSITIONS or _is_verbish(doc, k):
        return False
    if any(e.start <= t.start < e.end for e in doc.entities):
        return False
    return _upos(doc, k) == "NOUN"


def _future_date(doc: Document, date_id: str | None) -> bool:
    """The clause date lies after publication (or is FUTURE_REF: خلال الأيام المقبلة)."""
    if date_id is None:
        return False
    t = next((x for x in doc.timexes if x.id == date_id), None)
    if t is None or not t.value:
        return False
    if t.value == "FUTURE_REF":
        return True
    pub = doc.meta.published
    if pub is None or not t.value[:4].isdigit():
        return False
    v = t.value.split("T", 1)[0]
    p = pub.isoformat()
    if len(v) == 10:
        return v > p
    if len(v) == 7:
        return v > p[:7]
    if len(v) == 4:
        return v > p[:4]
    return False


#: Sports vocabulary (normalized; with و ف ب ل the same): a document using four or more of these words is a
#: sports report. Homographs of politics (الفريق "lieutenant general", هدف "target", فوز "election win",
#: الاتحاد "union") are left out. Measured on the first 5,000 SaudiNewsNet articles: 456 (9 %) have 4 or
#: more, and a sample of them were all sports; no project gold article has more than 3.
SPORTS_WORDS = frozenset(normalize_phrase(w) for w in (
    "مباراة المباراة مباريات المباريات الدوري دوري كأس الكأس المنتخب منتخب اللاعب لاعب اللاعبين لاعبين لاعبا "
    "لاعبو المدرب مدرب مدربا النادي نادي الأندية أندية المهاجم مهاجم المدافع مدافع حارس الحارس المرمى مرمى "
    "الملعب ملعب البطولة بطولة الشوط شوط ركلة التعادل تعادل هدفين أهداف الأهداف لاعبي الرياضي الرياضية "
    "الكروي الكروية"
).split())
_SPORTS_KEPT = frozenset(("COERCE", "SANCTION", "PROTEST"))


def sports_report(doc: Document) -> bool:
    """Whether ``doc`` is a sports report: four or more distinct :data:`SPORTS_WORDS` among its tokens (كرة القدم,
    السلة, اليد count as two)."""
    seen = set()
    for k, t in enumerate(doc.tokens):
        n = t.norm
        if n in ("كره", "لكره", "بكره") and k + 1 < len(doc.tokens) and doc.tokens[k + 1].norm in ("القدم", "السله", "اليد"):
            seen.update(("كره", n + "_"))  # كرة القدم / السلة / اليد: football, basketball, handball count twice
        if n in SPORTS_WORDS:
            seen.add(n)
        elif n[:1] in ("و", "ف", "ب", "ل") and n[1:] in SPORTS_WORDS:
            seen.add(n[1:])
        if len(seen) >= 4:
            return True
    return False


def _repeated_headline(doc: Document) -> tuple[int, int] | None:
    """The span of a later verbatim repetition of the headline (``None`` when there is none): pages often end
    with a share line that quotes it. Headlines of fewer than four words are not looked for."""
    if not is_headline(doc):
        return None
    s0 = doc.sentences[0]
    head = doc.text[s0.start:s0.end].strip()
    if len(head.split()) < 4:
        return None
    k = doc.text.find(head, s0.end)
    return (k, k + len(head)) if k != -1 else None


def code_events(doc: Document) -> tuple[Event, ...]:
    """PLOVER events of a document.

    Args:
        doc: a document with ``sentences`` and ``tokens`` (``segment``) and,
            for arguments, ``entities``, ``timexes`` and ``quantities``.

    Returns:
        :class:`~khabar.doc.Event` records sorted by trigger start, ids
        ``ev1``, ``ev2``, …; trigger spans satisfy
        ``doc.text[t.start:t.end] == t.text`` (code points, half-open).
        An empty tuple for a document without sentences or tokens.
    """
    if not doc.tokens or not doc.sentences:
        return ()
    cands = _candidates(doc)
    repeat = _repeated_headline(doc)
    if repeat is not None:
        # the page's share line repeats the headline (رابط الخبر بصحيفة …: <headline>): its events are the headline's
        cands = [c for c in cands if not (repeat[0] <= c.m.start < repeat[1])]
    if cands and sports_report(doc):
        # a match report's هجوم (offense), إصابة (injury), لقاء/مواجهة (match), عقد (contract) are no
        # political events; arrests, bans and protests still are
        cands = [c for c in cands if c.typ in _SPORTS_KEPT]
    if not cands:
        return ()
    ent_map = {e.id: e for e in doc.entities}
    by_sent: dict[int, list[_Cand]] = {}
    for c in cands:
        by_sent.setdefault(c.sent, []).append(c)
    events: list[tuple[int, Event]] = []
    definite: dict[int, bool] = {}
    memory: list[Actor] = []  # actors with country and sector coded so far (for الجيش، قواتها)
    weak_places: set[int] = set()  # trigger starts of events placed by their sentence or dateline only
    for si, cs_list in sorted(by_sent.items()):
        sent = doc.sentences[si]
        a, b = _sentence_tokens(doc, sent)
        stop = frozenset(k for c in cs_list for k in range(c.tok, c.tok_end))
        phrases = find_actor_phrases(doc, sent, stop)
        cuts = _clause_bounds(doc, a, b, phrases)
        req_positions = {c.tok for c in cs_list if c.typ == "REQUEST"}
        starts = frozenset(doc.tokens[c.tok].start for c in cs_list)
        sent_events: list[tuple[Event, bool | str]] = []
        governors: list[tuple[int, str, int]] = []  # (last token, status, clause start) of this sentence's triggers
        stance_noun: dict[int, bool] = {}
        stance_objs: list[tuple[int, _Cand]] = []
        stance_end: dict[int, int] = {}
        for c in cs_list:
            i = c.tok
            cs, ce = _clause_of(cuts, i, b)
            # requested: a REQUEST trigger earlier in the sentence governs this one
            req_before = frozenset(k for k in req_positions if k < i) if c.typ != "REQUEST" else frozenset()
            status = _status(doc, c, a, cs, req_before)
            if status == "occurred" and (c.noun or c.m.key == normalize_phrase(c.trig.form)) and \
                    not (i > a and doc.tokens[i - 1].start in starts) and _hypothetical_subject(doc, c, b):
                status = "possible"  # رفض الاتفاق يعني الحرب: a conditional, not a reported rejection
            source, target = _arguments(doc, c, phrases, a, b, cs, ce, ent_map, event_starts=starts)
            nxt = [x.tok for x in cs_list if x.tok > i]
            loc = _location(doc, c, phrases, cs, ce, a, b, source, target, min(nxt) if nxt else None)
            if loc is not None and status == "requested":
                le = doc.entity(loc)
                if le is not None and le.start < doc.tokens[i].start:
                    loc = None  # دعا الوزير في عمان إلى زيادة التعاون: the call was made there, the cooperation is not
            date = _date(doc, cs, ce, sent, i)
            if status == "occurred" and c.typ not in ("REQUEST", "THREATEN") and _future_date(doc, date):
                # يصادق … خلال الأيام المقبلة; a call or threat is made now, whatever date its
                # complement carries (دعا الاتحاد إلى إضراب عام في 25 يونيو)
                status = "planned"
            if status == "occurred" and c.noun:
                # a purpose/complement masdar right after a not-yet-real event shares its status
                # (ستشكل لجنة لترتيب إنهاء وجود …: the ending is planned too)
                gov = [(k0, st) for k0, st, c0 in governors if c0 == cs and 0 < i - k0 <= 6]
                if gov and gov[-1][1] in ("planned", "expected", "possible", "requested"):
                    status = gov[-1][1]
            governors.append((c.tok_end - 1, status, cs))
            qids = tuple(q.id for q in doc.quantities if doc.tokens[cs].start <= q.start < doc.tokens[ce - 1].end)
            conf = 0.45 * c.trig.strength + 0.25 * (source is not None) + 0.2 * (target is not None) + 0.1 * c.evidence
            t_end = c.m.end
            if c.m.suffix == "ا":  # tanwin alef belongs to the word (اتصالاً هاتفياً)
                t_end = normalize(doc.text).span(c.m.norm_start, c.m.norm_end + 1)[1]
            trig = Span(c.m.start, t_end, doc.text[c.m.start : t_end])
            conseq = any(_stem(doc.tokens[k].norm) in _CONSEQUENCE for k in range(max(a, i - 6), i))
            link = _link_kind(doc, c, a)
            stance = next((e for e, _ in reversed(sent_events) if e.type in _STANCE_TYPES and not stance_noun.get(e.trigger.start, True)
                           and 0 <= i - stance_end.get(e.trigger.start, -99) <= 3), None) if c.noun else None
            if stance is not None:
                # أدان غوتيريش استهداف المدنيين: the condemned act's agent is not the one who condemns it
                if source is not None and stance.source is not None and _same_actor_strict(source, stance.source):
                    source = None
                link = "retaliation"  # no inherited agent, never merged into an earlier event
            if link == "retaliation" and stance is None and source is not None and any(
                    e.source is not None and _same_actor_strict(source, e.source) for e, _ in sent_events):
                source = None  # ردا على هجوم …: the retaliating side did not carry out the attack it answers
            stance_noun[trig.start] = c.noun
            stance_end[trig.start] = c.tok_end
            if source is None and link != "retaliation":
                prev_same = [e for e, _ in sent_events if e.type == c.typ and e.source is not None]
                prev_any = [e for e, _ in sent_events if e.source is not None and e.trigger.start < trig.start]
                if prev_same:
                    source = prev_same[-1].source  # elaborations (بما في ذلك هجوم …) share the actor
                elif prev_any and not c.noun and "و" in c.m.prefix and not written_passive(trig.text):
                    # coordinated verbs share their subject (فرضت الوزارة عقوبات …، وجمدت أصولا)
                    source = prev_any[-1].source
                else:
                    source = _arguments(doc, c, phrases, a, b, cs, ce, ent_map, wide=True, event_starts=starts)[0]
            witness = _witness_place(doc, cs, i) if c.noun else None
            if witness is not None and loc is None:
                loc = witness.id
            if witness is not None and source is not None and source.entity == witness.id and source.sector is None:
                # شهدت العاصمة نيامي مظاهرات: the place that saw the event did not do it; unnamed protesters are
                # the civilians of that place's country (CAMEO/PLOVER's country + CVL), other events get no source
                source = replace(source, sector="CVL", entity=None, name_en=country_name(source.country)) \
                    if c.typ == "PROTEST" and source.country else None
            source = _state_of_city(doc, source)
            if c.typ not in _PLACE_TYPES:
                target = _state_of_city(doc, target)  # a city is a place only where places are hit or held
            source, target = _informative(source), _informative(target)
            source = _civilians_here(doc, source, a, b, i)
            target = _civilians_here(doc, target, a, b, i)
            if c.typ in _STANCE_TYPES and target is None and not c.noun:
                obj = _event_object(doc, c, cs_list, phrases, ce)
                if obj is not None:
                    stance_objs.append((len(sent_events), obj))
            source = _fill_country(doc, source, phrases, i, memory)
            if source is not None and source.country and source.sector:
                memory.append(source)  # (طالب نواب في البرلمان العراقي الحكومة: the addressee is their government)
            # the side attacked is not the attacker's: a hostile act's target takes no country from the source's
            # (مقتل القائد الميداني في غارة بطائرة أمريكية: the commander is not American)
            t_memory = memory if c.typ not in _HOSTILE_TYPES or source is None or not source.country else [
                m for m in memory if m.country != source.country]
            target = _fill_country(doc, target, phrases, i, t_memory)
            if target is not None and target.country and target.sector:
                memory.append(target)
            # a named actor does not attack, accuse or sanction itself: one side was read from too far
            # (an earlier event's agent; a phrase inside a charge, بتهمة الدعاية ضد النظام)
            if c.noun:
                source, target = _not_label(doc, a, i, source), _not_label(doc, a, i, target)
                if any(_stem(doc.tokens[k].norm) in _REPEL for k in range(max(a, cs, i - 4), i)):
                    # صدت القوات الهجوم، أحبط الجيش هجوما: the subject of a verb of repelling is the side attacked
                    source, target = None, target or source
            source, target = _without_self_loop(c.typ, source, target, trig)
            date_source, date_value = date_fields(doc, date, status)
            definite[trig.start] = c.noun and (c.m.key.startswith("ال") or _anaphoric(doc, i, a) or c.m.suffix in _OBJ_PRON)
            sent_events.append(
                (Event(
                    id="", type=c.typ, status=status, trigger=trig, sentence=si, mode=c.mode, source=source,
                    target=target, location=loc, date=date, quantities=quantities_for(doc, c.typ, qids),
                    confidence=round(min(1.0, conf), 3), claimant=claimant_of(doc, trig.start),
                    date_source=date_source, date_value=date_value,
                ), conseq or link)
            )
        for idx, (ev0, lk) in enumerate(sent_events):
            if ev0.type == "AID" and ev0.target is None and ev0.source is not None:
                # aid with no recipient named goes to whom the same giver declared support for in the sentence
                # (تضامن الأردن مع الشعب السوري … وسنواصل إرسال المساعدات)
                sup = next((e for e, _ in sent_events if e.type == "SUPPORT" and e.target is not None and e.source is not None
                            and (e.source.country or "") == (ev0.source.country or "-")), None)
                if sup is not None:
                    sent_events[idx] = (replace(ev0, target=sup.target), lk)
        _victims_act_not(sent_events, phrases, doc)
        for idx, obj in stance_objs:
            # ودانت الحكومة العراقية الضربة، رفضت إسرائيل الدعوة: the one who carried out (or made) the event
            # named as the object is the target of the condemnation/rejection/support
            ev0 = sent_events[idx][0]
            ref = _referenced_source(obj, ev0, sent_events[:idx] + sent_events[idx + 1:], events)
            if ref is not None:
                sent_events[idx] = (replace(ev0, target=ref), sent_events[idx][1])
        settled: list[tuple[Event, bool | str]] = [(ev, False) for ev in _merge(sent_events, doc)]
        weak_places |= _sentence_setting(doc, phrases, a, b, settled)
        _during_dates(doc, settled)
        _coordinated_dates(doc, settled)
        for ev, _ in settled:
            events.append((ev.trigger.start, ev))
    events.sort(key=lambda x: x[0])
    merged = merge_mentions(doc, [ev for _, ev in events], definite, weak_places)
    merged.sort(key=lambda ev: ev.trigger.start)
    merged = [_no_self_loop(ev) for ev in merged]  # merging may bring back a side dropped in the sentence
    return tuple(replace(ev, id=f"ev{n}") for n, ev in enumerate(merged, start=1))




def _conjuncts(doc: Document, phrases: list[ActorPhrase], p: ActorPhrase) -> list[ActorPhrase]:
    """``p`` and the phrases co-ordinated after it (الولايات المتحدة وحلفاءها العرب, مصر والأردن): a phrase that
    starts with و right after it, or follows one و-word (وحلفاءها) with the same preposition."""
    out = [p]
    idx = phrases.index(p)
    for q in phrases[idx + 1:]:
        last = out[-1]
        gap = q.tok_start - last.tok_end
        if q.prep != last.prep and not (q.coord and q.prep == ""):
            break
        if gap == 0 and q.coord or gap == 1 and doc.tokens[last.tok_end].norm[:1] == "و" and doc.tokens[last.tok_end].kind == "word":
            out.append(q)
        else:
            break
    return out


def _victims_act_not(sent_events: list[tuple[Event, bool | str]], phrases: list[ActorPhrase], doc: Document) -> None:
    """Victims are not agents: the target of an attack or coercion in a sentence (the subject of تعرض لـ, the
    wounded of إصابة، the object of استهدف) and the phrases co-ordinated with it (الولايات المتحدة وحلفاءها العرب)
    are never the source of a hostile event of the same sentence; such an event takes the source of the previous
    one of its type (an elaboration, بما في ذلك هجوم …) when that one is no victim, else none. In place."""
    victims: set[int] = set()
    by_start = {p.start: p for p in phrases}
    for ev, _ in sent_events:
        if ev.type in ("ASSAULT", "COERCE") and ev.target is not None and ev.target.start is not None:
            victims.add(ev.target.start)
            p = by_start.get(ev.target.start)
            if p is not None:
                victims.update(q.start for q in _conjuncts(doc, phrases, p))
    if not victims:
        return
    for idx, (ev, lk) in enumerate(sent_events):
        if ev.type not in _HOSTILE_TYPES or ev.source is None or ev.source.start not in victims:
            continue
        prev = [e for e, _ in sent_events[:idx] if e.type == ev.type and e.source is not None
                and e.source.start not in victims and e.trigger.start < ev.trigger.start]
        sent_events[idx] = (replace(ev, source=prev[-1].source if prev and lk != "retaliation" else None), lk)


@lru_cache(maxsize=1)
def _movement_forms() -> frozenset[str]:
    """Words that take someone to a place: وصل، زار، توجه، حط (verbs, inflected) and the visit/arrival nouns."""
    out: set[str] = set()
    for v, impf in (("وصل", "صل"), ("زار", "زور"), ("توجه", None), ("حط", None)):  # يصل, never توصل (reached)
        out |= verb_forms(v, impf)
    out |= {"زياره", "الزياره", "زيارته", "زيارتها", "وصول", "وصوله", "وصولها", "جوله", "جولته", "جولتها"}
    return frozenset(out)


def _destination_place(doc: Document, a: int, b: int) -> Entity | None:
    """Where a sentence is set by a movement (وصل الوزير إلى دمشق، زار بلينكن الرياض، في زيارة إلى القاهرة): the
    one GPE after إلى/لـ (or right after زار) within eight words of a movement word; ``None`` when there is no
    such word, no such place or two different places (ambiguous)."""
    moves = _movement_forms()
    toks, places = _place_index(doc)
    found: dict[str, Entity] = {}
    for k in range(a, b):
        n = doc.tokens[k].norm
        if n not in moves and _stem(n) not in moves:
            continue
        visit_verb = _stem(n)[:3] in ("زار", "يزو", "تزو", "سيز")
        for ti, e in places[bisect.bisect_left(toks, k + 1):bisect.bisect_left(toks, min(b, k + 9))]:
            if e.label != "GPE":
                continue
            tok = doc.tokens[ti]
            pre = normalize(doc.text[tok.start : e.start]).text if e.start > tok.start else ""
            prev = doc.tokens[ti - 1].norm if ti > a else ""
            if prev == "الي" or pre.lstrip("وف") in ("ل", "لل") or (visit_verb and ti == k + 1) or (
                    visit_verb and not pre and prev not in PREPOSITIONS):
                found.setdefault(e.name_en or e.text, e)
                break
    return next(iter(found.values())) if len(found) == 1 else None


def _dateline_place(doc: Document, si: int) -> Entity | None:
    """The dateline city of sentence ``si`` when that sentence opens with it (بغداد - قُتل …), else ``None``."""
    a, b = _sentence_tokens(doc, doc.sentences[si])
    if b - a < 3 or doc.tokens[a + 1].kind == "word" or doc.tokens[a + 1].text.strip() not in ("-", "–", "—"):
        return None
    return next((x for x in doc.entities if x.label == "GPE" and x.start == doc.tokens[a].start), None)


def _coordinated_dates(doc: Document, sent_events: list[tuple[Event, bool | str]]) -> None:
    """An occurred event dated only by publication takes the clause date of a later event of the same type in its
    sentence when the clauses are co-ordinated by و + verb (قُتل 23 جندياً … وأصيب نحو 40 آخرين في هجوم … أمس
    الأحد: both on Sunday). In place."""
    for idx, (ev, lk) in enumerate(sent_events):
        if ev.status != "occurred" or ev.date_source != "published":
            continue
        for later, _ in sent_events[idx + 1:]:
            if later.type != ev.type or later.status != "occurred" or later.date_source != "clause":
                continue
            k = _tok_at(doc, later.trigger.start)
            if not (doc.tokens[k].norm[:1] in ("و", "ف") and doc.tokens[k].start == later.trigger.start - 1 or
                    k > 0 and doc.tokens[k - 1].norm in ("و", "ف")):
                continue
            sent_events[idx] = (replace(ev, date=later.date, date_source="clause", date_value=later.date_value), lk)
            break


def _during_dates(doc: Document, sent_events: list[tuple[Event, bool | str]]) -> None:
    """A verb followed by خلالها/خلاله (والتقى خلالها الأسد: during the visit) happened on the day of the earlier
    event of its sentence that it refers to: it takes that event's clause date when it has none. In place."""
    for idx, (ev, lk) in enumerate(sent_events):
        if idx == 0 or ev.date_source == "clause":
            continue
        k = _tok_at(doc, ev.trigger.end)
        if k < len(doc.tokens) and doc.tokens[k].start < ev.trigger.end:
            k += 1
        if k >= len(doc.tokens) or doc.tokens[k].norm not in _DURING:
            continue
        prev = next((e for e, _ in reversed(sent_events[:idx]) if e.date_source == "clause"), None)
        if prev is not None:
            sent_events[idx] = (replace(ev, date=prev.date, date_source=prev.date_source, date_value=prev.date_value), lk)


def _sentence_setting(doc: Document, phrases: list[ActorPhrase], a: int, b: int,
                      sent_events: list[tuple[Event, bool | str]]) -> set[int]:
    """Fill empty places from where the sentence is set, in place.

    * A movement to one place (وصل الوزير إلى دمشق … والتقى خلالها الأسد; زار; في زيارة إلى): every event of the
      sentence that is not a requested one takes that destination.
    * One place named in the sentence, governed by a locative preposition (… في العراق، إذ أوضح … سيتم تخفيض
      عدد القوات): the events of the sentence that happen somewhere (:data:`_PHYSICAL_TYPES`) take it.
    * The dateline (دمشق - …): the events of the dateline's own sentence — the lead, the story the dateline
      reports — that happen somewhere (:data:`_PHYSICAL_TYPES`) and occurred take the dateline city. Events of
      later sentences do not: the article may report happenings elsewhere.
    Events that already have a place keep it; nothing is filled when the setting is ambiguous. Runs on the
    sentence's merged events (a place of any mention wins over the setting).

    Returns:
        The trigger starts of the events placed by the sentence's single place or the dateline (weak places,
        which do not keep mentions apart across sentences: :func:`~khabar.events.discourse.merge_mentions`).
    """
    weak: set[int] = set()
    if not sent_events or all(ev.location for ev, _ in sent_events):
        return weak
    dest = _destination_place(doc, a, b)
    one = _sentence_place(doc, phrases, a, b) if dest is None else None
    dl = _dateline_place(doc, sent_events[0][0].sentence) if dest is None else None
    if dest is None and dl is None and one is None:
        return weak
    for idx, (ev, lk) in enumerate(sent_events):
        if ev.location or ev.status == "requested":
            continue
        if dest is not None:
            sent_events[idx] = (replace(ev, location=dest.id), lk)
            continue
        if ev.type not in _PHYSICAL_TYPES:
            continue
        for pl in (one, dl if ev.status == "occurred" else None):
            if pl is not None and not (ev.source is not None and ev.source.entity == pl.id) and not (
                    ev.target is not None and ev.target.entity == pl.id and (ev.target.sector is not None or _is_state(pl))):
                sent_events[idx] = (replace(ev, location=pl.id), lk)
                weak.add(ev.trigger.start)
                break
    return weak


#: event types whose source and target cannot be one and the same named actor
_HOSTILE_TYPES = frozenset({"ASSAULT", "FIGHT", "COERCE", "THREATEN", "ACCUSE", "SANCTION"})


def _not_label(doc: Document, a: int, i: int, actor: Actor | None) -> Actor | None:
    """``None`` when ``actor`` is a headline label: a name of at most three words that opens sentence token ``a``
    and is closed by a colon right before the nominal trigger at token ``i`` (حلب: مقتل خمسة أطفال، سوريا:
    غارات جوية على …). Such a label is where the story is, or who speaks of it (طهران: الهجوم على السفارة
    عمل إرهابي), never the agent or the victim of the act named after the colon."""
    if actor is None or i < a + 2 or i - a > 4 or doc.tokens[i - 1].text.strip() != ":":
        return actor
    colon = doc.tokens[i - 1].start
    if actor.end <= colon and actor.start >= doc.tokens[a].start and \
            any(e.start == doc.tokens[a].start and e.end >= doc.tokens[i - 2].end for e in doc.entities):
        return None
    return actor


def _without_self_loop(typ: str, source: Actor | None, target: Actor | None, trig: Span) -> tuple[Actor | None, Actor | None]:
    """``(source, target)`` of a hostile event whose two sides are the same named actor, less the side
    farther from the trigger (it was read from too far); other pairs unchanged."""
    if typ not in _HOSTILE_TYPES or source is None or target is None or not _same_named(source, target):
        return source, target
    if _distance(source, trig) >= _distance(target, trig):
        return None, target
    return source, None


def _no_self_loop(ev: Event) -> Event:
    """:func:`_without_self_loop` on a (merged) event."""
    source, target = _without_self_loop(ev.type, ev.source, ev.target, ev.trigger)
    return ev if (source, target) == (ev.source, ev.target) else replace(ev, source=source, target=target)


def _same_named(x: Actor, y: Actor) -> bool:
    """Whether two actors are the same named entity: the same entity id, or the same English name and sector.

    A state and its civilians or opposition share a name (*Turkey*) but not a
    sector (GOV vs CVL/OPP), so a state arresting its citizens is kept.
    """
    if x.entity is not None and x.entity == y.entity:
        return True
    return bool(x.name_en) and x.name_en == y.name_en and x.sector == y.sector


def _distance(x: Actor, trig: Span) -> int:
    """Characters between an actor's phrase and the trigger (a large number when the actor has no span)."""
    if x.start is None or x.end is None:
        return 1 << 30
    return max(0, x.start - trig.end, trig.start - x.end)


def _informative(x: Actor | None) -> Actor | None:
    """``None`` for a phrase that names no one: no name, no country, no sector (a bare place such as مخيم جنين
    without a KB entry, منشآتها)."""
    return x if x is None or x.name_en or x.country or x.sector else None


def _civilians_here(doc: Document, x: Actor | None, a: int, b: int, i: int) -> Actor | None:
    """Civilians, protesters or people without a nationality (مقتل أربعة مدنيين قرب دهوك، آلاف المحتجين في
    نيامي) belong to the country of the place named in their sentence (the nearest GPE/LOC to the trigger)."""
    if x is None or x.sector != "CVL" or x.country or x.entity is not None:
        return x
    toks, places = _place_index(doc)
    best: tuple[int, Entity] | None = None
    for ti, e in places[bisect.bisect_left(toks, a):bisect.bisect_left(toks, b)]:
        if e.country and e.label in ("GPE", "LOC") and (best is None or abs(ti - i) < best[0]):
            best = (abs(ti - i), e)
    return replace(x, country=best[1].country) if best is not None else x


def _event_object(doc: Document, c: _Cand, cs_list: list[_Cand], phrases: list[ActorPhrase], ce: int) -> _Cand | None:
    """The event noun a stance verb takes as its object (دانت الحكومة الضربة، رفضت إسرائيل الدعوة، رحبت
    المنظمة بالإفراج): right after the verb or after its subject, definite or after a demonstrative."""
    for c2 in cs_list:
        if not c2.noun or c2.tok < c.tok_end or c2.tok >= ce:
            continue
        gap = c2.tok - c.tok_end
        subj = next((p for p in phrases if p.tok_start == c.tok_end), None)
        if gap and not (subj is not None and subj.tok_end == c2.tok) and not (gap == 1 and doc.tokens[c2.tok - 1].norm in _DEMONSTRATIVES):
            return None
        key = c2.m.key
        if key.startswith("ال") or "ال" in c2.m.prefix or doc.tokens[c2.tok - 1].norm in _DEMONSTRATIVES or \
                c2.m.suffix in _OBJ_PRON:
            return c2
        return None
    return None


def _referenced_source(obj: _Cand, stance: Event, same_sentence: list[tuple[Event, bool | str]],
                       earlier: list[tuple[int, Event]]) -> Actor | None:
    """Who carried out the event ``obj`` names: its own source, else that of the latest earlier event of its type."""
    own = next((e for e, _ in same_sentence if e.trigger.start == obj.m.start), None)
    cands = [own] if own is not None and own.source is not None else []
    cands += [e for e, _ in reversed(same_sentence) if e.type == obj.typ and e.trigger.start < stance.trigger.start]
    cands += [e for _, e in reversed(earlier) if e.type == obj.typ]
    for e in cands:
        if e.source is not None and (stance.source is None or not _same_actor_strict(e.source, stance.source)):
            return e.source
    return None
#: Types whose target may be a place as such (a city shelled, a town besieged, a protest in a square).
_PLACE_TYPES = frozenset(("ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "PROTEST"))


def _state_of_city(doc: Document, a: Actor | None) -> Actor | None:
    """A city standing for its state (تسعى نيامي إلى …، زيارة إلى دمشق → Niger, Syria): the actor keeps its
    text and entity, and takes the country's name. Countries and other actors are unchanged."""
    if a is None or a.entity is None or a.sector is not None or not a.country:
        return a
    e = doc.entity(a.entity)
    if e is None or e.label != "GPE":
        return a
    from khabar.extract.kb import get_kb

    entry = get_kb().get(e.canonical) if e.canonical else None
    if entry is None or entry.population <= 0:
        return a
    name = country_name(a.country)
    return replace(a, name_en=name) if name else a


def _fill_country(doc: Document, a: Actor | None, phrases: list[ActorPhrase], i: int, memory: list[Actor]) -> Actor | None:
    """Give a country to a sector-noun actor that names none.

    ``قواتها`` / ``جيشهم`` (a possessive on the head): the country of the nearest
    actor with a country before it in the sentence (the possessor);
    ``الجيش`` / ``قوات الأمن`` / ``السلطات`` (bare definite): the country of the
    latest actor of the same sector already coded in the document. Unchanged
    when neither is found, or when the actor is an entity or has a country.
    """
    if a is not None and not a.country and a.entity is not None and a.sector in ("GOV", "MIL"):
        # a ruling body known by a generic name (المجلس العسكري الحاكم) is the home country's
        e = doc.entity(a.entity)
        home = _home_country(doc)
        if e is not None and e.label == "ORG" and not e.country and home and (a.name_en or "") not in IGO_NAMES:
            return replace(a, country=home)
        return a
    if a is None or a.country or a.entity is not None or not a.sector:
        return a
    head = normalize(a.text).text.split(" ")[0] if a.text else ""
    if head.lstrip("وف").startswith("نظير") or head.lstrip("وف").startswith("نظراء"):
        return a  # نظيره: the possessor's counterpart is from another country
    if _no_article(head) in _MANY_STATES:
        return a  # الدول الغربية: several states, no one country
    if possessive_head(head):
        before = [p.actor for p in phrases if p.actor.country and p.actor.text != a.text and p.tok_end <= i + 8]
        pos = [p for p in phrases if p.actor.text == a.text]
        if pos:
            before = [p.actor for p in phrases if p.actor.country and p.tok_end <= pos[0].tok_start]
        if not before:
            # no possessor in the sentence: the latest coded actor of the article (قواتهم after الجماعة)
            before = [m for m in memory if m.country][-1:]
        if before:
            own = before[-1]
            # his government is the leader's (أن حكومته ستشكل … → the prime minister); its forces are the state's
            name = own.name_en if a.sector == "GOV" and own.sector == "GOV" else country_name(own.country)
            sector = own.sector if own.sector and bare_head_member(head) else a.sector  # عناصرها: the police's men
            return replace(a, country=own.country, name_en=a.name_en or name, sector=sector)
        return a
    bare_head = _no_article(head)
    for m in reversed(memory):  # الوزارة after وزارة الخارجية الجزائرية: the same noun names the same body
        mh = normalize(m.text).text.split(" ")[0] if m.text else ""
        if m.country and m.sector == a.sector and _no_article(mh) == bare_head:
            return replace(a, country=m.country, name_en=a.name_en or country_name(m.country))
    for m in reversed(memory):
        if m.sector == a.sector and m.country:
            return replace(a, country=m.country, name_en=a.name_en or country_name(m.country))
    if strip_clitics(head)[1] in _DOMESTIC or "الامن" in normalize(a.text).text.split(" ")[1:2]:
        # the police, the authorities are those of the place the article is about: the latest country coded
        # (ولم تتدخل الشرطة لتفريق المتظاهرين, after آلاف السودانيين)
        for m in reversed(memory):
            if m.country:
                return replace(a, country=m.country, name_en=a.name_en or country_name(m.country))
    return a


_HOME: list[tuple[tuple[Entity, ...], str | None]] = []


def _home_country(doc: Document) -> str | None:
    """The country an article is filed from: its dateline place (``Document.dateline``), else a GPE opening
    one of its first three sentences before a dash (نيامي - غادرت …)."""
    for ents, cc in _HOME:
        if ents is doc.entities:
            return cc
    cc: str | None = None
    if doc.dateline is not None and doc.dateline.place:
        e = doc.entity(doc.dateline.place)
        cc = e.country if e is not None else None
    if cc is None:
        for s in doc.sentences[:3]:
            a, b = _sentence_tokens(doc, s)
            if b - a < 3:
                continue
            e = next((x for x in doc.entities if x.label == "GPE" and x.start == doc.tokens[a].start), None)
            if e is not None and e.country and doc.tokens[a + 1].kind != "word" and doc.tokens[a + 1].text.strip() in ("-", "–", "—"):
                cc = e.country
                break
    _HOME[:] = [(doc.entities, cc)]
    return cc


def _no_article(w: str) -> str:
    """A normalized word without و/ف + the article (والوزارة → وزاره); وزارة keeps its و."""
    for p in ("وال", "فال", "ال"):
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p):]
    return w


#: Heads that name several states (الدول الغربية، البلدان المانحة): never filled with one country.
_MANY_STATES = frozenset(("دول", "بلدان"))

#: Institutions that act only at home: a bare الشرطة/السلطات/قوات الأمن is the local one.
_DOMESTIC = frozenset(("شرطه", "سلطات", "اجهزه"))


_DEMONSTRATIVES = frozenset(("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "هؤلاء"))


def _anaphoric(doc: Document, i: int, a: int) -> bool:
    """A demonstrative right before the trigger token (هذه الغارة، ذلك الهجوم)."""
    return i > a and doc.tokens[i - 1].norm in _DEMONSTRATIVES


def _same_actor(x: Actor | None, y: Actor | None, doc: Document | None = None) -> bool:
    if x is None or y is None:
        return True
    if (x.name_en or x.text) == (y.name_en or y.text):
        return True
    if doc is not None and x.entity and y.entity and x.entity != y.entity:
        ex, ey = doc.entity(x.entity), doc.entity(y.entity)
        if ex is not None and ey is not None and "PER" in (ex.label, ey.label) and ex.name_en != ey.name_en:
            return False  # a person met is not the state visited (زيارة دمشق ≠ التقى الأسد; targets only)
    return x.country is not None and x.country == y.country


def _instance(ev: Event, earlier: list[Event]) -> bool:
    """``ev`` is a singular event noun after a tally of its type in the sentence (see :func:`_tally`)."""
    w = normalize(ev.trigger.text).text.split(" ")[0]
    if _tally(ev.trigger.text) or w in _verbish() or _stem(w) in _verbish():
        return False
    return any(o.type == ev.type and _tally(o.trigger.text) for o in earlier)


def _merge(evs: list[tuple[Event, bool | str]], doc: Document | None = None) -> list[Event]:
    """Merge same-type events of one sentence that describe one event.

    A later trigger joins an earlier one of the same type and status when
    their actors do not conflict, or always when it is a consequence of it
    (أدى إلى مقتل …، أسفر عن إصابة …), the means of it (قُتل … في ضربة …:
    ``"means"``, whose actors fill the earlier event's gaps) or a
    reciprocal verb after a consultation (تلقى اتصالا … وبحثا: ``"recip"``).
    A trigger after ردا على / انتقاما (``"retaliation"``) names an earlier,
    different happening and never merges. The earlier event keeps its values
    and takes the later one's only where it has none.
    """
    out: list[Event] = []
    for ev, link in evs:
        if link in ("retaliation", "own"):
            out.append(ev)
            continue
        conseq = link is True
        host = None
        if not conseq and link != "means" and _instance(ev, out):
            out.append(ev)  # هجمات …، بما في ذلك هجوم … وهجوم …: instances of a tally are happenings of their own
            continue
        for o in reversed(out):
            if link == "recip" and o.type == ev.type == "CONSULT" or link == "means" and o.type == ev.type:
                host = o
                break
            if o.type == ev.type and (conseq or (
                o.status == ev.status and _same_actor(o.target, ev.target, doc) and _same_actor(o.source, ev.source)
                and (o.mode is None or ev.mode is None or o.mode == ev.mode or o.type not in _STANCE_TYPES)
            )):  # (ندد … واتهم: a condemnation and an allegation are two acts)
                host = o
                break
        if host is None:
            out.append(ev)
            continue
        merged = replace(
            host,
            mode=host.mode or ev.mode,
            source=host.source or (None if conseq or link == "recip" else ev.source),
            # the victims of a consequence are the attack's target (… هجوم أدى إلى إصابة 3 عسكريين أميركيين)
            target=host.target or (None if link == "recip" or (conseq and ev.type != "ASSAULT") else ev.target),
            location=host.location or ev.location,
            date=host.date or ev.date,
            quantities=tuple(dict.fromkeys(host.quantities + ev.quantities)),
            confidence=max(host.confidence, ev.confidence),
            mentions=(host.mentions or (host.trigger,)) + (ev.mentions or (ev.trigger,)),
            claimant=host.claimant or ev.claimant,
            date_source=host.date_source if host.date_source == "clause" or ev.date_source != "clause" else ev.date_source,
            date_value=host.date_value if host.date_source == "clause" or ev.date_source != "clause" else ev.date_value,
        )
        out[out.index(host)] = merged
    return out


def _arguments(
    doc: Document, c: _Cand, phrases: list[ActorPhrase], a: int, b: int, cs: int, ce: int, ent_map: dict[str, Entity],
    wide: bool = False, event_starts: frozenset[int] = frozenset(),
) -> tuple[Actor | None, Actor | None]:
    """Source and target actors of one trigger (rules in the module docstring and docs/plover.md).

    ``wide=False`` looks for an implicit subject only inside the clause;
    ``wide=True`` searches back through the sentence (used when no earlier
    event of the same type lends its actor).
    """
    t = c.trig
    back_from = a if wide else cs
    i, j = c.tok, c.tok_end
    src: ActorPhrase | None = None
    tgt: ActorPhrase | None = None
    src_actor: Actor | None = None
    # agent after على يد / من قبل / من جانب; weapon + nationality
    ag = _agent_phrase(doc, phrases, j, ce)
    weapon_toks: tuple[int, ...] = ()
    if ag is not None:
        src = ag
    else:
        src_actor, weapon_toks = _weapon_source_at(doc, j, ce)
        if src_actor is not None:
            # the weapon named as an actor phrase (قصفت المدفعية التركية …) is the source phrase itself
            wp = next((p for p in phrases if any(p.tok_start <= k < p.tok_end for k in weapon_toks)), None)
            if wp is not None and wp.actor.sector == "MIL" and wp.actor.country:
                src, src_actor = wp, None
    if src is None and src_actor is None and c.noun:
        src = _resumptive_agent(doc, phrases, j, b)  # هجوم شنه مسلحون، عقوبات فرضتها المجموعة، تبنت معظمها فصائل
    before_in_clause = [p for p in phrases if cs <= p.tok_start and p.tok_end <= i and not p.prep]
    norms_before = [doc.tokens[k].norm for k in range(cs, i)]
    exposed = any(_stem(n).startswith(_EXPOSE) or _stem(n)[1:].startswith(_EXPOSE) for n in norms_before)
    if exposed:
        # تعرضت القوات لهجوم … أدى إلى مقتل متعاقد وإصابة جندي: the subject suffered the attack, not its
        # consequences, whose victims are their own genitives
        last = max(k for k, n in enumerate(norms_before) if _stem(n).startswith(_EXPOSE) or _stem(n)[1:].startswith(_EXPOSE))
        exposed = not any(_stem(n) in _CONSEQUENCE for n in norms_before[last:])
    received = any(_stem(n) in _RECEIVE or _stem(n)[1:] in _RECEIVE or _stem(n).startswith(("تلق", "يتلق")) for n in norms_before)
    passive = any(_stem(n) in _PASSIVE_AUX for n in norms_before[-2:])
    # phrases after the trigger in its clause; the agent and the weapon's owner are no targets
    after = [p for p in phrases if j <= p.tok_start < ce and p is not src
             and not any(p.tok_start <= k < p.tok_end for k in weapon_toks)]
    # target: a preposition the entry lists, else one its type takes (ضد، بحق for hostile acts, مع for
    # co-operation); never a ل-phrase after an ordinal (زيارة هي الأولى لمسؤول أردني: the visitor)
    for preps in (t.tprep, _TYPE_TPREP.get(c.typ, ())):
        for p in after:
            if p.prep and (p.prep in preps or (p.prep == "ل" and "ل" in preps)) and not _after_ordinal(doc, p):
                tgt = p
                break
        if tgt is not None:
            break
    first_after = after[0] if after else None
    gen = first_after if first_after is not None and not first_after.prep and (
        first_after.tok_start == j or _counted_run(doc, j, first_after.tok_start)) else None  # مقتل 15 شخصا
    if exposed and c.noun:
        subj = before_in_clause[-1] if before_in_clause else None
        tgt = subj or tgt
        return (_actor_of(doc, src, ent_map) if src else src_actor), (_actor_of(doc, tgt, ent_map) if tgt else None)
    if received and c.noun:
        frm = next((p for p in after if p.prep == "من" or p.prep == "م"), None)
        subj = before_in_clause[-1] if before_in_clause else _phrase_after(phrases, cs, i)
        return (_actor_of(doc, frm, ent_map) if frm else src_actor), (_actor_of(doc, subj, ent_map) if subj else None)
    if c.noun:
        if c.typ == "CONSULT" and j < ce and _stem(doc.tokens[j].norm) in _GATHER_FORMS:
            # لقاء جمع الأسد بوكيل الأمين العام …: the first party after جمع/ضم is the source, the next the target
            first = next((p for p in after if p.tok_start <= j + 2 and not p.prep), None)
            if first is not None:
                second = next((p for p in after if p.tok_start >= first.tok_end and p.prep in ("", "ب", "مع")), None)
                return _actor_of(doc, first, ent_map), (_actor_of(doc, second, ent_map) if second else None)
        visitor: ActorPhrase | None = None
        if c.typ == "CONSULT" and c.mode == "visit" and tgt is not None and tgt.prep == "ل" and tgt.actor.sector:
            # زيارة لوزير خارجية أردني: a person after ل is the visitor (when no subject is named), not the host
            visitor, tgt = tgt, None
        if gen is not None and gen.tok_start == j and t.gen is None and src is None and src_actor is None and \
                gen.actor.sector is None and gen.entities and all(ent_map[e].label == "NORP" for e in gen.entities if e in ent_map) \
                and c.typ not in ("AID", "REQUEST"):
            # a nationality right after the event noun names who did it (غارة جوية أمريكية، هجوم صاروخي إيراني):
            # for violence, that state's military
            src, gen = gen, None
            if c.typ in ("ASSAULT", "COERCE"):
                src_actor, src = replace(_actor_of(doc, src, ent_map), sector="MIL"), None
        if gen is not None:
            if t.gen == "source" and src is None and src_actor is None:
                src = gen
            elif t.gen == "target" and tgt is None:
                tgt = gen
            elif t.gen is None and tgt is None and gen.tok_start > j and c.typ == "ASSAULT":
                tgt = gen  # the counted victims of a casualty noun (إصابة 3 عسكريين أميركيين)
        if src is None and src_actor is None:
            frm = next((p for p in after if p.prep in ("من",) and p.tok_start <= j + 1), None)
            if frm is not None and c.typ in ("REQUEST", "CONSULT", "THREATEN", "ACCUSE", "AID", "SUPPORT"):
                src = frm
        prev = _stem(doc.tokens[i - 1].norm) if i > a else ""
        # ل + masdar after a verb of its clause is a purpose (ولم تتدخل الشرطة لتفريق المتظاهرين): the verb's
        # subject is its agent; ب/ك and other ل-phrases are governed adjuncts
        purpose = c.m.prefix.lstrip("وف")[:1] == "ل" and (
            any(p.tok_end == i and not p.prep and p.tok_start > cs for p in phrases) or (i > cs and _is_verbish(doc, i - 1)))
        governed = prev in _ADJUNCT_PREPS or any(ch in c.m.prefix for ch in "بك") or ("ل" in c.m.prefix and not purpose)
        if governed and c.typ == "CONSULT" and prev == "في":
            governed = False  # وصل أردوغان إلى القاهرة في زيارة: whoever came is the visitor
        # و + masdar right after a noun phrase starts a new noun phrase (… النفط الإيراني واحتجاجات في تونس):
        # no verb governs it, so no subject before it is its agent
        coordinated = "و" in c.m.prefix and i > a and not _is_verbish(doc, i - 1)
        if src is None and src_actor is None and not passive and not governed and not coordinated:
            src = _backward_subject(doc, phrases, back_from, i)
            if src is tgt:
                src = None
            if src is not None and c.typ == "ASSAULT" and t.gen == "target" and _reporter(doc, src, a):
                src = None  # أعلن الجيش مقتل 3 جنود: who announces a death did not cause it
        if c.typ == "RETREAT" and gen is None and src_actor is None and ag is None:
            # the reduced/withdrawn forces are the retreating actor (سيتم تخفيض عدد القوات الأمريكية, إنهاء وجود
            # التحالف) unless a subject of their own country orders it (أعلنت وزارة الدفاع الأميركية … عن بدء
            # خفض عديد القوات الأمريكية)
            forces = next((p for p in after if not p.prep and p.actor.sector == "MIL"), None) or next(
                (p for p in after if p.actor.sector == "MIL"), None)
            if forces is not None:
                boss = src if src is not None else (None if passive or governed or coordinated else
                                                    _backward_subject(doc, phrases, a, i))
                fc = _actor_of(doc, forces, ent_map).country
                bc = _actor_of(doc, boss, ent_map).country if boss is not None else None
                src = boss if boss is not None and bc and bc == fc else forces
        between = next((p for p in after if p.prep == "بين" and p.tok_start <= j + 2), None)
        if c.typ in _SYMMETRIC and between is not None and _co_party(phrases, between) is not None and (
                src is None or tgt is None) and src_actor is None:
            # الاتفاق بين السودان وجنوب السودان: the two parties named after بين
            src, tgt = between, _co_party(phrases, between)
        if tgt is None and c.typ in _SYMMETRIC and src is not None:
            tgt = _co_party(phrases, src)  # القوات الأردنية والمصرية: the second party
        if c.typ == "CONSULT" and c.mode == "visit":
            src = src if src is not None or src_actor is not None else visitor
            if tgt is None:
                tgt = _destination(doc, phrases, cs, ce, src)
    else:
        # a bare complementizer (أن/إن) separates the speaker from the reported clause
        barrier = max((k for k in range(cs, i) if doc.tokens[k].norm in ("ان", "بان")), default=-1)
        before_in_clause = [p for p in before_in_clause if p.tok_start > barrier]
        subj_before = _first_conjunct(phrases, before_in_clause[-1]) if before_in_clause else None
        if subj_before is not None and subj_before.tok_start < cs:
            subj_before = before_in_clause[-1]
        if i > a and doc.tokens[i - 1].norm in ("،", ",") and _participle(c) and src is None and src_actor is None:
            # a circumstantial participle after a comma (…، داعياً الدول الغربية إلى …) describes the subject of
            # the sentence's main verb, not the nearest actor
            main = _main_subject(doc, phrases, a, i)
            if main is not None:
                unmarked = [p for p in after if not p.prep]
                ptgt = tgt or (unmarked[0] if unmarked and not t.intr else None)
                if ptgt is None and c.typ == "REQUEST":
                    ptgt = next((p for p in phrases if p.tok_start >= j and p.prep not in _NOT_ADDRESSEE), None)
                return _actor_of(doc, main, ent_map), (_actor_of(doc, ptgt, ent_map) if ptgt else None)
        if j < ce and doc.tokens[j].norm in _DURING and subj_before is None and (
                "و" in c.m.prefix or i > a and doc.tokens[i - 1].norm in ("،", ",")):
            # والتقى خلالها الرئيس السوري …، …، التقى خلالها …: "during it" refers to the previous event, whose
            # subject this verb shares (code_events); the phrase after it is the object
            unmarked = [p for p in after if not p.prep]
            ptgt = tgt or (unmarked[0] if unmarked and not t.intr else None)
            return (_actor_of(doc, src, ent_map) if src else src_actor), (_actor_of(doc, ptgt, ent_map) if ptgt else None)
        if j < ce and doc.tokens[j].norm in ("فيها", "فيه", "فيهم") and "و" not in c.m.prefix:
            # a relative clause on an indefinite noun (مظاهرات … طالب فيها آلاف المحتجين): VSO, the subject follows
            subj_before = None
            barrier = i - 1
        if c.m.suffix in _OBJ_PRON and src is None and src_actor is None and not t.swap and c.typ != "AID" and \
                not written_passive(doc.text[c.m.start:c.m.end]):
            first = next((p for p in after if not p.prep), None)
            if first is not None and first.tok_start == j and not _counted_run(doc, j, first.tok_start):
                # VSO with the object as a pronoun (… أرملة قيادي كانت تعتقلها القوات الأميركية، مقاتلين يدعمهم
                # الغرب): the object slot is taken, so the phrase right after the verb is its subject and the
                # pronoun's antecedent its target (double-object verbs of giving, AID, are left out)
                ptgt = tgt or _antecedent(doc, phrases, a, i, first, event_starts)
                return _actor_of(doc, first, ent_map), (_actor_of(doc, ptgt, ent_map) if ptgt else None)
        if written_passive(doc.text[c.m.start:c.m.end]) or t.form in _PASSIVE_LEMMAS:
            # قُتل ثلاثة جنود، اعتُقل نحو أربعين متظاهرا: the grammatical subject is the patient;
            # the agent only from على يد/من قبل or a weapon's nationality
            # the patient (the grammatical subject) before a place or thing governed by على
            unmarked = [p for p in after if not p.prep and (p.tok_start == j or _counted_run(doc, j, p.tok_start))]
            ptgt = subj_before or (unmarked[0] if unmarked else None) or tgt
            return (_actor_of(doc, src, ent_map) if src else src_actor), (_actor_of(doc, ptgt, ent_map) if ptgt else None)
        k = i - 1
        while k > a and doc.tokens[k].norm in ("قد", "و", "ف"):
            k -= 1
        if k >= a and doc.tokens[k].norm in _REL and k - 1 >= a and doc.tokens[k - 1].norm in ("هو", "هي", "هم"):
            # cleft (… الكاظمي، رئيس المخابرات السابق الذي …، هو الذي يحرص): the pronoun takes up the
            # topic, the first actor after the complementizer, across appositions and relative clauses
            bar = max((x for x in range(a, k) if doc.tokens[x].norm in ("ان", "بان")), default=a - 1)
            topic = [p for p in phrases if p.tok_start > bar and p.tok_end <= k - 1 and not p.prep]
            subj_before = topic[0] if topic else subj_before
        elif (k >= a and doc.tokens[k].norm in _REL and _event_antecedent(doc, k, a, event_starts, phrases)) or (
                i - 1 >= a and i - 1 >= cs and doc.tokens[i - 1].start in event_starts and c.m.suffix not in _OBJ_PRON
                and "و" not in c.m.prefix):
            # the antecedent is an event noun (أدانت السعودية الهجوم الذي استهدف ناقلة): the event is the
            # subject, the actor after the verb its target, and nobody before it its agent
            unmarked = [p for p in after if not p.prep]
            etgt = tgt or (unmarked[0] if unmarked and not t.intr else None)
            return (_actor_of(doc, src, ent_map) if src else src_actor), (_actor_of(doc, etgt, ent_map) if etgt else None)
        elif k >= a and doc.tokens[k].norm in _REL:
            # relative clause: the subject is the antecedent (… ترامب الذي دعا الحلف)
            ante = [p for p in phrases if p.tok_end <= k]
            subj_before = ante[-1] if ante else subj_before
        if t.swap:
            obj = next((p for p in after if not p.prep), None)
            host = subj_before or (after[0] if after and not after[0].prep else None)
            if host is obj and len([p for p in after if not p.prep]) > 1:
                obj = [p for p in after if not p.prep][1]
            return (_actor_of(doc, obj, ent_map) if obj and obj is not host else None), (_actor_of(doc, host, ent_map) if host else None)
        unmarked_after = [p for p in after if not p.prep]
        if c.typ == "RETREAT" and t.obj == "TROOPS" and subj_before is None and src is None and src_actor is None:
            # VSO with the forces as subject, also after a partitive من (غادرت آخر دفعة من الجنود الفرنسيين النيجر)
            mil = next((p for p in after[:2] if p.prep in ("", "من") and p.actor.sector == "MIL"), None)
            if mil is not None:
                src = mil
                unmarked_after = [p for p in unmarked_after if p is not mil]
        kp = i - 1
        while kp > a and doc.tokens[kp].norm == "قد":
            kp -= 1
        if subj_before is None and src is None and src_actor is None and kp >= a and doc.tokens[kp].norm in _PRON_SUBJ:
            # a subject pronoun on a particle (لكنها دعت طهران …، إنه التقى …): the sentence's topic, the
            # first unmarked actor before it; the phrase after the verb is then the object
            topic = next((p for p in phrases if not p.prep and p.tok_end <= kp), None)
            if topic is not None:
                src = topic
                tgt = tgt or (unmarked_after[0] if unmarked_after and not t.intr else None)
                return _actor_of(doc, src, ent_map), (_actor_of(doc, tgt, ent_map) if tgt is not None else None)
        if subj_before is None and src is None and src_actor is None:
            src_actor = _possessed_weapon(doc, phrases, a, i)  # أن تكون طائراتها قد قصفت: its owner's military
            if src_actor is not None:
                unmarked = [p for p in after if not p.prep]
                ptgt = tgt or (unmarked[0] if unmarked and not t.intr else None)
                return src_actor, (_actor_of(doc, ptgt, ent_map) if ptgt else None)
        nsubj = _noun_subject(doc, cs, i, barrier) if subj_before is None else None
        if nsubj is not None and src is None and src_actor is None:
            # SVO with a subject that is no actor (أن الطائرة أطلقت صواريخ): not VSO; a weapon subject
            # takes the nationality of the same weapon named earlier (طائرة مسيّرة أميركية)
            wn = doc.tokens[nsubj].norm
            if bare(wn) in _WEAPONS or strip_clitics(wn)[1] in _WEAPONS or wn[2:] in _WEAPONS:
                src_actor = _weapon_source(doc, max(0, i - 400), nsubj)
            tgt = tgt or (unmarked_after[0] if unmarked_after and not t.intr else None)
            s_act = _actor_of(doc, src, ent_map) if src is not None else src_actor
            return s_act, (_actor_of(doc, tgt, ent_map) if tgt is not None else None)
        if subj_before is None and src is None and src_actor is None and unmarked_after:
            first = unmarked_after[0]
            if c.typ in ("ASSAULT", "COERCE") and (_counted_run(doc, j, first.tok_start) or (
                    not _subject_suffix(c.m.key, t) and _agentless_np(doc, first, j, ce))):
                # the patient right after the verb: a counted phrase (قتل ثلاثة جنود، واعتقلت 12 شخصا) or, for a
                # violent or coercive verb written without vowels, a lone indefinite phrase with no object after
                # it (قتل قيادي في الحرس الثوري في غارة): an unvowelled passive, or the object of a verb whose
                # subject was named before (coordinated verbs share it: see code_events)
                return None, _actor_of(doc, tgt or first, ent_map)
        if subj_before is None and src is None and src_actor is None and "و" in c.m.prefix and i > a and \
                doc.tokens[i - 1].norm in ("،", ",") and len(unmarked_after) == 1 and unmarked_after[0].tok_start == j and \
                unmarked_after[0].tok_end < ce and strip_clitics(doc.tokens[unmarked_after[0].tok_end].norm)[0][:1] == "ب" \
                and not t.intr:
            # …، واتهمت إسرائيل بارتكاب …: a co-ordinated verb after a comma with one phrase and its ب-complement
            # takes that phrase as its object; the subject is the previous verb's (code_events)
            return None, _actor_of(doc, tgt or unmarked_after[0], ent_map)
        if subj_before is None and src is None and src_actor is None and _subject_suffix(c.m.key, t):
            # the verb carries its own plural/dual subject (وقتلوا عشرة جنود، هاجموا القوات): what follows is
            # its object; the subject is the previous verb's (code_events) or the nearest one before
            tgt = tgt or (unmarked_after[0] if unmarked_after and not t.intr else None)
            unmarked_after = []
        if subj_before is None and j < ce and doc.tokens[j].start in event_starts:
            # the subject is an event noun (استهدفت الهجمات الولايات المتحدة): the next actor is the target
            if tgt is None and unmarked_after:
                tgt = unmarked_after[0]
            unmarked_after = []
            subj_before = None
        if subj_before is not None and src_actor is None and (src is None or src is ag) and _passive_prone(t) and \
                not any(p.tok_start == j and not p.prep for p in after) and _no_object(doc, j, ce):
            # ثلاثة من عناصرها قتلوا في هجوم …: a killing/arrest verb with no object after it is a passive; its
            # subject is the victim (the agent only from من قبل or the means)
            return (_actor_of(doc, src, ent_map) if src is not None else None), _actor_of(doc, subj_before, ent_map)
        if subj_before is not None:
            if src is None and src_actor is None:
                src = subj_before
            if tgt is None and not t.intr and unmarked_after:
                tgt = unmarked_after[0]
            if tgt is None and c.typ in _SYMMETRIC and src is subj_before:
                tgt = _co_party(phrases, src)  # وقعت مصر والأردن اتفاقية: the second party
        else:
            co: ActorPhrase | None = None
            if unmarked_after and src is None and src_actor is None and not _counterpart(doc, unmarked_after[0]):
                src = unmarked_after[0]
                rest = unmarked_after[1:]
                while rest and rest[0].coord and rest[0].tok_start <= src.tok_end + 1:
                    # a co-subject (رحب الاتحاد الأفريقي والاتحاد الأوروبي): a second source, not the target
                    co = co or rest[0]
                    rest = rest[1:]
                if co is not None and c.typ in _SYMMETRIC and not any(not p.prep for p in rest) and tgt is None:
                    tgt = co  # اتفق الأردن ومصر على …: the parties of a joint act
            else:
                rest = unmarked_after
            if tgt is None and not t.intr and rest:
                tgt = rest[0]
            if src is None and src_actor is None and not ("و" in c.m.prefix and not wide and i <= cs):
                # (a coordinated verb with no subject of its own shares the previous verb's: see code_events)
                src = _backward_subject(doc, phrases, back_from, i)
                if src is not None and tgt is None and not t.intr and unmarked_after:
                    tgt = unmarked_after[0]
        if c.typ == "RETREAT":
            if tgt is not None and tgt.prep == "":
                tgt = None  # the reduced forces are not a recipient
            if src is None and src_actor is None:
                src = next((p for p in after if p.actor.sector == "MIL"), None)
    if tgt is None and not c.noun and c.m.suffix in _OBJ_PRON and not t.intr:
        # an object pronoun on the verb (واتهمتها، تتهمها) stands for the nearest actor before it that is not
        # the subject; after an event noun (هجوم شنه) it stands for the event
        tgt = _antecedent(doc, phrases, a, i, src, event_starts)
    if c.typ == "REQUEST" and tgt is None:
        # the addressee named inside the requested action (دعت … إلى زيادة التعاون بين قوات الناتو …)
        tgt = next((p for p in phrases if p.tok_start >= j and p.prep not in _NOT_ADDRESSEE and p is not src), None)
    if tgt is not None and src is tgt:
        tgt = None
    s_act = _actor_of(doc, src, ent_map) if src is not None else src_actor
    t_act = _actor_of(doc, tgt, ent_map) if tgt is not None else None
    if t_act is None and c.typ == "AID":
        # aid delivered in a country benefits that country
        loc_e = _loc_entity(doc, phrases, cs, ce, a, b, c.tok, None)
        if loc_e is not None and loc_e.label == "GPE" and loc_e.country and (s_act is None or s_act.country != loc_e.country):
            t_act = country_actor(loc_e)
    return s_act, t_act


#: Prepositions of phrases inside a requested action that never name the addressee of the request: the means
#: (عبر), place (في), content (ب), origin (من) and the party the requested act is against (رفع العقوبات المفروضة
#: على دمشق: Damascus is not asked to do anything).
_NOT_ADDRESSEE = frozenset(("عبر", "في", "ب", "من", "علي", "ضد", "بحق"))


#: Violent or coercive verbs whose unvowelled forms are mostly passives when no object follows.
_PASSIVE_PRONE = frozenset(("قتل", "اعتقل", "اختطف", "خطف", "جرح", "اغتال", "اعدم", "احتجز", "اسر"))


def _passive_prone(t: Trigger) -> bool:
    return t.pos == "verb" and normalize(t.form).text in _PASSIVE_PRONE


def _no_object(doc: Document, j: int, ce: int) -> bool:
    """Nothing but a preposition, a date or the clause end follows the verb (قتلوا في هجوم، اعتقل أمس)."""
    if j >= ce:
        return True
    t = doc.tokens[j]
    if t.kind != "word" or any(x.start <= t.start < x.end for x in doc.timexes):
        return True
    return t.norm in PREPOSITIONS or t.norm in ("جراء", "اثر", "بعد", "خلال") or (t.norm[:1] == "ب" and len(t.norm) > 3)


_APPROX = frozenset("نحو حوالي حوالى اكثر اقل من قرابه زهاء ما يقارب يزيد علي عن".split())


def _counted_run(doc: Document, j: int, k: int) -> bool:
    """Tokens ``[j, k)`` are a cardinal with its approximators (ثلاثة، 12، نحو 20، أكثر من 100)."""
    from khabar.events.actors import _counted

    if k <= j or k - j > 4:
        return False
    toks = doc.tokens[j:k]
    return any(_counted(x) for x in toks) and all(_counted(x) or x.norm in _APPROX for x in toks)


def _subject_suffix(key: str, t: Trigger) -> bool:
    """The verb form carries a plural or dual subject (هاجموا، قتلوا، يهاجمون، قصفتا): no subject follows it."""
    if not t.is_verb:
        return False
    p = normalize(t.form).text.split(" ")[0]
    head = key.split(" ")[0]
    impf = normalize(t.impf).text if t.impf else (p[1:] if p.startswith("ا") and len(p) > 3 else p)
    perfect = {p + "وا", p + "تا"} | ({p[:-1] + "وا"} if p.endswith(("ا", "ي")) else set())
    imperfect = {pre + impf + suf for pre in ("ي", "ت") for suf in ("ون", "وا", "ان")}
    return head in perfect or head in imperfect


def _agentless_np(doc: Document, p: ActorPhrase, j: int, ce: int) -> bool:
    """``p`` follows the verb at once, is indefinite (no article, no name) and has no object after it:
    only a preposition, a conjunction, a date or the clause end (قتل جندي في هجوم، اعتقل ناشط بارز أمس)."""
    if p.tok_start != j or any(x.start <= doc.tokens[j].start < x.end for x in doc.entities):
        return False  # a name right after the verb is too often its subject
    w = doc.tokens[p.tok_start].norm
    if w.startswith("ال") or "ال" in strip_clitics(w)[0]:
        return False
    k = p.tok_end
    while k < ce and doc.tokens[k].kind == "word" and any(x.start <= doc.tokens[k].start < x.end for x in doc.timexes):
        k += 1
    if k >= ce:
        return True
    nxt = doc.tokens[k]
    if nxt.kind != "word":
        return True
    n = nxt.norm
    return n in PREPOSITIONS or n[:1] in ("و", "ف", "ب", "ل") and len(n) > 3 or n in ("و", "ف", "اثر", "جراء", "بعد")


def _loc_entity(doc: Document, phrases: list[ActorPhrase], cs: int, ce: int, a: int, b: int, i: int,
                limit: int | None = None) -> Entity | None:
    """The place of the event at token ``i``: a GPE/LOC/FAC governed by a locative preposition
    after the trigger, before ``limit`` (the next trigger), in the clause or a relative clause right after it."""
    ext = ce
    if ce < b and doc.tokens[ce].norm in _REL:
        ext = b
        for k in range(ce + 1, b):
            if doc.tokens[k].kind == "punct":
                ext = k
                break
    hi = min(ext, limit if limit is not None else ext)
    best: tuple[int, Entity] | None = None
    toks, places = _place_index(doc)
    lo_k = bisect.bisect_left(toks, i)
    hi_k = bisect.bisect_left(toks, hi)
    for ti, e in places[lo_k:hi_k]:
        tok = doc.tokens[ti]
        pre = normalize(doc.text[tok.start : e.start]).text if e.start > tok.start else ""
        prev = doc.tokens[ti - 1].norm if ti > a else ""
        governed = "ب" in pre or prev in _LOC_PREPS or bare(prev) in _LOC_PREPS
        if not governed:
            continue
        in_clause = cs <= ti < ce
        dist = abs(ti - i) + (0 if in_clause else 100) + (0 if ti >= i else 5)
        # prefer the widest entity at the same place (شمال العراق over العراق)
        if best is None or dist < best[0] or (dist == best[0] and (e.end - e.start) > (best[1].end - best[1].start)):
            best = (dist, e)
    return best[1] if best else None


def _location(doc: Document, c: _Cand, phrases: list[ActorPhrase], cs: int, ce: int, a: int, b: int,
              source: Actor | None, target: Actor | None, limit: int | None = None) -> str | None:
    e = _loc_entity(doc, phrases, cs, ce, a, b, c.tok, limit)
    if e is None:
        # a place as the direct object (يزور بلينكن الرياض، قصفت الطائرات الموصل) is also where it happened;
        # a state attacked (هجمات استهدفت الولايات المتحدة) is the victim, not the place
        if c.typ in _PLACE_OBJECT_TYPES and target is not None and target.entity and target.sector is None \
                and target.start is not None and target.start > doc.tokens[c.tok].start:
            te = doc.entity(target.entity)
            if te is not None and te.label == "GPE" and not (c.typ in ("ASSAULT", "COERCE") and _is_state(te)):
                return te.id
        e = _retreat_place(doc, c, phrases, cs, ce) or _loc_before(doc, phrases, cs, c.tok)
        if e is None:
            return None
    if (source is not None and source.entity == e.id) or (target is not None and target.entity == e.id and target.sector is not None):
        return None
    return e.id


_PLACE_OBJECT_TYPES = frozenset(("CONSULT", "ASSAULT", "COERCE"))
#: Types that happen somewhere (a strike, an arrest, a deployment, a meeting): a place named once in their
#: sentence is theirs. Speech acts (calls, accusations, rejections) are not placed by their sentence's places.
_PHYSICAL_TYPES = frozenset(("ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "PROTEST", "AID", "CONSULT", "FIGHT"))


def _is_state(e: Entity) -> bool:
    """A GPE that is a country (الولايات المتحدة، العراق), not a city or region (بغداد، أربيل)."""
    if not e.country:
        return False
    from khabar.extract.kb import country_entry

    ce = country_entry(e.country)
    if ce is not None and e.canonical and ce.qid == e.canonical:
        return True
    return bool(e.name_en) and e.name_en == country_name(e.country)


def _governed_place(doc: Document, ti: int, e: Entity, a: int) -> bool:
    """The place entity ``e`` at token ``ti`` is governed by a locative preposition (في بغداد، بالعراق، قرب دهوك)."""
    tok = doc.tokens[ti]
    pre = normalize(doc.text[tok.start : e.start]).text if e.start > tok.start else ""
    prev = doc.tokens[ti - 1].norm if ti > a else ""
    return "ب" in pre or prev in _LOC_PREPS or bare(prev) in _LOC_PREPS


def _seat(phrases: list[ActorPhrase], ti: int) -> bool:
    """The place at token ``ti`` (or its preposition right before) follows an institution or a person (a phrase
    with a sector): it names where that body sits (القيادة الأمريكية في أفريقيا، مسؤول في العراق، السفير في
    بغداد), not where an event happened."""
    return any(p.actor.sector is not None and p.tok_end in (ti, ti - 1) and p.tok_start < ti for p in phrases)


def _in_report_frame(doc: Document, a: int, ti: int) -> bool:
    """Token ``ti`` lies between a reporting verb and its complementizer (وقالت القيادة الأمريكية في أفريقيا إن
    …، قال المتحدث في بغداد إن …): a place there is where the report was made or its speaker sits."""
    comp = next((k for k in range(ti + 1, min(len(doc.tokens), ti + 10))
                 if doc.tokens[k].norm in ("ان", "بان") or doc.tokens[k].norm in COMPLEMENTIZERS), None)
    if comp is None:
        return False
    forms = _report_forms()
    return any(_stem(doc.tokens[k].norm) in forms for k in range(max(a, ti - 10), ti))


def _loc_before(doc: Document, phrases: list[ActorPhrase], cs: int, i: int) -> Entity | None:
    """A governed place before the trigger in its own clause, the nearest (فصائل … في العراق واليمن هجمات →
    العراق; أعلن الجيش في بغداد اعتقال …), used when none follows the trigger; never an institution's seat
    (:func:`_seat`)."""
    toks, places = _place_index(doc)
    best: Entity | None = None
    for ti, e in places[bisect.bisect_left(toks, cs):bisect.bisect_left(toks, i)]:
        if _in_report_frame(doc, cs, ti):
            continue
        if _governed_place(doc, ti, e, cs) and (best is None or e.start >= best.start):
            if best is not None and e.start < best.end:
                continue  # keep the widest of nested places (شمال العراق over العراق)
            best = e
    return best


_SITUATED = frozenset(("الواقع", "الواقعه", "تقع", "يقع", "واقع", "واقعه"))


def _retreat_place(doc: Document, c: _Cand, phrases: list[ActorPhrase], cs: int, ce: int) -> Entity | None:
    """The place a withdrawal leaves (غادرت آخر دفعة من الجنود الفرنسيين النيجر، انسحبت القوات من العراق): for
    RETREAT, the first GPE after the trigger in its clause that is a bare object or follows من."""
    if c.typ != "RETREAT":
        return None
    for p in phrases:
        if c.tok_end <= p.tok_start < ce and p.prep in ("", "من") and p.actor.sector is None and p.entities:
            e = doc.entity(p.entities[0])
            if e is not None and e.label == "GPE":
                return e
    return None


_WITNESS = frozenset(("شهد", "شهدت", "تشهد", "يشهد", "شهدتها", "شهده"))


def _witness_place(doc: Document, cs: int, i: int) -> Entity | None:
    """``شهدت العاصمة نيامي مظاهرات`` / ``تشهد بغداد احتجاجات``: the place that witnessed the event (the
    subject of شهد, a GPE/LOC between the verb and the trigger in its clause, at most eight words apart)."""
    for k in range(max(cs, i - 8), i):
        if _stem(doc.tokens[k].norm) in _WITNESS:
            toks, places = _place_index(doc)
            for ti, e in places[bisect.bisect_left(toks, k + 1):bisect.bisect_left(toks, i)]:
                if e.label in ("GPE", "LOC"):
                    return e
    return None


def _sentence_place(doc: Document, phrases: list[ActorPhrase], a: int, b: int) -> Entity | None:
    """The one place the sentence names, governed by a locative preposition (… التواجد الأميركي في العراق،
    إذ أوضح … سيتم تخفيض عدد القوات → Iraq); ``None`` when it names none or several (ambiguous). An
    institution's seat (:func:`_seat`) and a place in a relative clause on a place (البلد الواقع في منطقة
    الساحل) do not count."""
    toks, places = _place_index(doc)
    found: dict[str, Entity] = {}
    for ti, e in places[bisect.bisect_left(toks, a):bisect.bisect_left(toks, b)]:
        if _seat(phrases, ti) or (ti >= a + 2 and _stem(doc.tokens[ti - 2].norm) in _SITUATED) or _in_report_frame(doc, a, ti):
            continue
        if _governed_place(doc, ti, e, a):
            key = e.name_en or e.text
            if not any(key != k and (e.start < x.end and x.start < e.end) for k, x in found.items()):
                found.setdefault(key, e)
    # nested places (شمال العراق / العراق) count once: keep the widest
    keys = list(found)
    for k in keys:
        x = found[k]
        if any(k2 != k and found[k2].start <= x.start and x.end <= found[k2].end for k2 in keys if k2 in found):
            found.pop(k, None)
    return next(iter(found.values())) if len(found) == 1 else None

_TIMEX_STARTS: list[tuple[tuple[Timex, ...], list[int]]] = []


def _timex_starts(doc: Document) -> list[int]:
    """Start offsets of ``doc.timexes`` (sorted by start, as the tagger returns them), built once per document."""
    for tx, starts in _TIMEX_STARTS:
        if tx is doc.timexes:
            return starts
    starts = [t.start for t in doc.timexes]
    _TIMEX_STARTS[:] = [(doc.timexes, starts)]
    return starts


def _date(doc: Document, cs: int, ce: int, sent: Sentence, i: int) -> str | None:
    c0 = doc.tokens[cs].start
    c1 = doc.tokens[ce - 1].end
    pos = doc.tokens[i].start
    best: tuple[int, str] | None = None
    comps = [doc.tokens[k].start for k in range(cs, i) if doc.tokens[k].norm in COMPLEMENTIZERS]
    starts = _timex_starts(doc)
    for t in doc.timexes[bisect.bisect_left(starts, c0) : bisect.bisect_left(starts, c1)]:
        if t.type not in ("DATE", "TIME"):
            continue
        if any(t.end <= cp for cp in comps):
            continue  # dates the reporting verb (أعلنت في سبتمبر أنها ستقلل), not the event
        d = abs(t.start - pos)
        if best is None or d < best[0]:
            best = (d, t.id)
    return best[1] if best else None
