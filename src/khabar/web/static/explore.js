"use strict";
// The explorer: filtered events table, a timeline chart and a map, from the corpus API.

const $ = (id) => document.getElementById(id);
const SVGNS = "http://www.w3.org/2000/svg";
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const COLORS = ["#2563eb", "#16a34a", "#65a30d", "#0891b2", "#0d9488", "#4f46e5", "#7c3aed", "#9333ea",
  "#db2777", "#e11d48", "#ea580c", "#d97706", "#ca8a04", "#a16207", "#b91c1c", "#7f1d1d"];
let page = 1;
let world = null;

function svg(tag, attrs, ...children) {
  const n = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) n.setAttribute(k, String(v));
  for (const c of children) n.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return n;
}

function query() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData($("filters")).entries()) if (v) p.set(k, v);
  return p;
}

function drawTimeline(series) {
  const box = $("timeline");
  box.replaceChildren();
  if (!series.length) { box.append(el("div", { class: "muted" }, "No dated events.")); return; }
  const days = [...new Set(series.map((s) => s.period))].sort();
  const oneYear = new Set(days.map((d) => d.slice(0, 4))).size === 1;
  const totals = Object.fromEntries(days.map((d) => [d, 0]));
  for (const s of series) totals[s.period] += s.count;
  const max = Math.max(...Object.values(totals));
  const W = Math.max(320, days.length * 18 + 40), H = 160, bw = Math.max(4, (W - 40) / days.length - 2);
  const chart = svg("svg", { width: W, height: H + 70, role: "img", "aria-label": "events per day by type" });
  days.forEach((d, i) => {
    let y = H;
    for (const s of series.filter((x) => x.period === d)) {
      const h = (s.count / max) * (H - 10);
      y -= h;
      const color = COLORS[TYPES.indexOf(s.type)] || "#6b7280";
      const r = svg("rect", { x: 30 + i * (bw + 2), y, width: bw, height: h, fill: color });
      r.append(svg("title", {}, `${d} ${s.type}: ${s.count}`));
      chart.append(r);
    }
    if (days.length <= 31 || i % Math.ceil(days.length / 15) === 0)
      chart.append(svg("text", { x: 30 + i * (bw + 2), y: H + 14, transform: `rotate(30 ${30 + i * (bw + 2)} ${H + 14})` }, oneYear ? d.slice(5) : d));
  });
  chart.append(svg("text", { x: 2, y: 12 }, String(max)));
  box.append(chart);
  const legend = el("div", { class: "legend" });
  for (const t of TYPES) if (series.some((s) => s.type === t))
    legend.append(el("span", { style: `border-left: 10px solid ${COLORS[TYPES.indexOf(t)]}` }, t));
  box.append(legend);
}

async function drawMap(places) {
  const box = $("map");
  box.replaceChildren();
  if (!world) world = await api("/static/world.json");
  const W = 720, H = 360;
  const map = svg("svg", { viewBox: `0 0 ${world.width} ${world.height}`, width: W, height: H, role: "img", "aria-label": "map of event locations" });
  map.append(svg("rect", { x: 0, y: 0, width: world.width, height: world.height, fill: "#eff6ff" }));
  map.append(svg("path", { d: world.d, fill: "#e5e7eb", stroke: "#9ca3af", "stroke-width": 0.2 }));
  const max = Math.max(1, ...places.map((p) => p.count));
  for (const p of places) {
    if (p.lat == null || p.lon == null) continue;
    const c = svg("circle", { cx: p.lon + 180, cy: 90 - p.lat, r: 0.8 + 3 * Math.sqrt(p.count / max), fill: "#dc2626", "fill-opacity": 0.6, stroke: "#7f1d1d", "stroke-width": 0.2, class: "place" });
    c.append(svg("title", {}, `${p.name || p.name_ar}: ${p.count} events`));
    map.append(c);
  }
  box.append(map);
  const unplaced = places.filter((p) => p.lat == null).reduce((a, p) => a + p.count, 0);
  if (unplaced) box.append(el("div", { class: "muted" }, `${unplaced} events at places without coordinates`));
}

async function showEntity(key) {
  try {
    const ent = await api(`/v1/entities/${encodeURIComponent(key)}`);
    $("entity").hidden = false;
    $("entity-title").replaceChildren(bdi(ent.name_en || ent.key), " ", el("span", { class: "muted" }, [ent.label, ent.country].filter(Boolean).join(" · ")));
    const body = $("entity-body");
    body.replaceChildren(
      el("div", {}, `${ent.mentions.length} mentions in ${new Set(ent.mentions.map((m) => m.doc_id)).size} documents; ${ent.events.length} events`),
      el("ol", { class: "events" }, ...ent.events.slice(0, 50).map((e) => el("li", {}, e.event_day || e.event_date || "?", " ", el("b", {}, e.event_type), " ",
        bdi(e.source_name || e.source_text || "—"), " → ", bdi(e.target_name || e.target_text || "—")))));
    $("entity").scrollIntoView();
  } catch (err) { $("status").textContent = err.message; }
}

function actorCell(name, text, key) {
  const label = bdi(name || text || "—");
  if (!key) return label;
  return el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); showEntity(key); } }, label);
}

async function load() {
  $("status").textContent = "loading…";
  $("status").className = "muted";
  const q = query();
  try {
    const [ev, tl, pl] = await Promise.all([
      api(`/v1/events?${q}&page=${page}`),
      api(`/v1/stats/timeline?by=day&${q}`),
      api(`/v1/stats/places?${q}`),
    ]);
    const tbody = $("events").querySelector("tbody");
    tbody.replaceChildren(...ev.events.map((e) => el("tr", { class: "event-row", "data-type": e.event_type },
      el("td", {}, e.event_day || e.event_date || ""),
      el("td", {}, e.event_type + (e.mode ? ` (${e.mode})` : "")),
      el("td", {}, el("span", { class: `status ${e.status}` }, e.status)),
      el("td", {}, actorCell(e.source_name, e.source_text, e.source_name), " → ", actorCell(e.target_name, e.target_text, e.target_name)),
      el("td", {}, bdi(e.location_name || e.location_text || "")),
      el("td", { class: "ar", dir: "rtl", lang: "ar" }, e.sentence_text || ""),
      el("td", {}, el("a", { href: `/?doc=${encodeURIComponent(e.doc_id)}` }, e.outlet || e.doc_id.slice(0, 12))))));
    $("count").textContent = `(${ev.events.length} on page ${ev.page})`;
    $("pageno").textContent = `page ${ev.page}`;
    $("prev").disabled = ev.page <= 1;
    $("next").disabled = !ev.has_more;
    drawTimeline(tl.series);
    await drawMap(pl.places);
    $("status").textContent = "";
  } catch (err) {
    $("status").textContent = err.message;
    $("status").className = "error";
  }
}

function init() {
  const sel = $("f-type");
  for (const t of TYPES) sel.append(el("option", { value: t }, t));
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params.entries()) { const f = $("filters").elements.namedItem(k); if (f) f.value = v; }
  $("filters").addEventListener("submit", (e) => { e.preventDefault(); page = 1; load(); });
  $("prev").addEventListener("click", () => { if (page > 1) { page -= 1; load(); } });
  $("next").addEventListener("click", () => { page += 1; load(); });
  load();
}
init();
