"use strict";
// The reader: paste, upload or open an article; show what khabar found, highlighted in place.

const $ = (id) => document.getElementById(id);

function spansOf(rec) {
  const spans = [];
  for (const q of rec.quotes || []) spans.push({ start: q.start, end: q.end, cls: "quote", kind: "quote", item: q });
  for (const e of rec.entities || []) spans.push({ start: e.start, end: e.end, cls: e.label, kind: "entity", item: e });
  for (const t of rec.timexes || []) spans.push({ start: t.start, end: t.end, cls: "timex", kind: "date", item: t });
  for (const q of rec.quantities || []) spans.push({ start: q.start, end: q.end, cls: "qty", kind: "quantity", item: q });
  for (const ev of rec.events || []) spans.push({ start: ev.trigger.start, end: ev.trigger.end, cls: "trigger", kind: "event", item: ev });
  return spans;
}

function card(span, rec) {
  const it = span.item;
  const rows = [];
  const row = (k, v) => { if (v !== null && v !== undefined && v !== "") rows.push(el("div", {}, el("b", {}, k + ": "), v)); };
  if (span.kind === "entity") {
    row("label", it.label); row("English", bdi(it.name_en, "en")); row("country", it.country); row("kb", it.kb);
    if (it.lat != null && it.lon != null) row("coordinates", `${it.lat}, ${it.lon}`);
  } else if (span.kind === "date") {
    row("type", it.type); row("value", it.value === null ? `unresolved (${it.anchor || "no anchor"})` : it.value); row("mod", it.mod);
  } else if (span.kind === "quantity") {
    const v = it.value !== null && it.value !== undefined ? it.value.toLocaleString("en") : `${it.min ?? "?"}–${it.max ?? "?"}`;
    row("value", v); row("unit", it.unit); row("approximate", it.approx ? "yes" : null); row("bound", it.bound);
  } else if (span.kind === "quote") {
    row("speaker", it.speaker ? bdi(it.speaker.name_en || it.speaker.text) : "unknown"); row("cue", bdi(it.cue, "ar"));
    row("kind", it.direct ? "direct" : "indirect");
  } else if (span.kind === "event") {
    row("type", it.type + (it.mode ? ` (${it.mode})` : "")); row("status", it.status);
    row("source", bdi(actorName(it.source))); row("target", bdi(actorName(it.target)));
    const loc = (rec.entities || []).find((e) => e.id === it.location);
    const when = (rec.timexes || []).find((t) => t.id === it.date);
    row("where", loc ? bdi(loc.name_en || loc.text) : null); row("when", when ? when.value : null);
    row("confidence", it.confidence);
  }
  return el("div", { class: "itemcard" }, el("div", { class: "kind" }, span.kind),
    el("div", { class: "ar", dir: "rtl", lang: "ar" }, span.item.text || span.item.trigger.text), ...rows);
}

function render(rec) {
  const cps = codePoints(rec.text);
  const spans = spansOf(rec);
  const cuts = new Set([0, cps.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const box = $("article");
  box.replaceChildren();
  const segs = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i], b = bounds[i + 1];
    const covering = spans.filter((s) => s.start <= a && b <= s.end && s.start < s.end);
    const text = cps.slice(a, b).join("");
    if (!covering.length) { box.append(document.createTextNode(text)); continue; }
    const cls = ["seg", "clickable", ...new Set(covering.map((s) => s.cls))].join(" ");
    const node = el("span", { class: cls, "data-start": a, "data-end": b, title: covering.map((s) => s.kind).join(", ") }, text);
    node.addEventListener("click", () => {
      for (const s of segs) s.classList.remove("selected");
      node.classList.add("selected");
      $("cards").replaceChildren(...covering.map((s) => card(s, rec)));
    });
    segs.push(node);
    box.append(node);
  }
  const list = $("events");
  list.replaceChildren();
  for (const ev of rec.events || []) {
    const loc = (rec.entities || []).find((e) => e.id === ev.location);
    const when = (rec.timexes || []).find((t) => t.id === ev.date);
    const li = el("li", { class: "event", "data-type": ev.type },
      bdi(actorName(ev.source)), " → ", el("b", {}, ev.type + (ev.mode ? ` (${ev.mode})` : "")), " → ", bdi(actorName(ev.target)),
      loc ? el("span", {}, ", in ", bdi(loc.name_en || loc.text)) : null,
      when && when.value ? `, ${when.value}` : null, " ",
      el("span", { class: `status ${ev.status}` }, ev.status), " ",
      el("span", { class: "muted", dir: "rtl", lang: "ar" }, "«", ev.trigger.text, "»"));
    li.addEventListener("click", () => {
      const seg = segs.find((s) => +s.dataset.start >= ev.trigger.start && +s.dataset.end <= ev.trigger.end);
      if (seg) { seg.click(); seg.scrollIntoView({ block: "center" }); }
    });
    list.append(li);
  }
  $("noevents").hidden = (rec.events || []).length > 0;
  $("result").hidden = false;
}

async function run() {
  const text = $("text").value;
  $("status").textContent = "extracting…";
  $("status").className = "muted";
  try {
    const body = { text, published: $("published").value || null, title: $("title").value || null };
    const t0 = performance.now();
    const rec = await api("/v1/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    render(rec);
    $("status").textContent = `${(rec.entities || []).length} entities, ${(rec.events || []).length} events in ${Math.round(performance.now() - t0)} ms`;
  } catch (err) {
    $("status").textContent = err.message;
    $("status").className = "error";
  }
}

async function init() {
  $("run").addEventListener("click", run);
  $("file").addEventListener("change", async (e) => {
    const f = e.target.files[0];
    if (f) $("text").value = await f.text();
  });
  try {
    const ex = await api("/v1/examples");
    if (ex.examples && ex.examples.length) {
      const btn = $("example");
      btn.hidden = false;
      btn.addEventListener("click", async () => {
        const first = await api(`/v1/examples/${encodeURIComponent(ex.examples[0].name)}`);
        $("text").value = first.text;
        $("published").value = first.published || "";
        $("title").value = first.title || "";
        await run();
      });
    }
  } catch (e) { /* no examples on this install */ }
  const docId = new URLSearchParams(location.search).get("doc");
  if (docId) {
    try { render(await api(`/v1/documents/${encodeURIComponent(docId)}`)); }
    catch (err) { $("status").textContent = err.message; $("status").className = "error"; }
  }
}
init();
