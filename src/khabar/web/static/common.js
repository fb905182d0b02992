// Shared helpers for khabar's pages. Strings from documents are only ever put into the
// page as text nodes (textContent), never as HTML, so an article cannot inject markup.
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// An isolated run of text (Arabic inside English or the reverse keeps its order).
function bdi(text, lang) { return el("bdi", { lang: lang || null, dir: "auto" }, text == null ? "" : String(text)); }

async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : `HTTP ${res.status}`;
    throw new Error(msg);
  }
  return body;
}

// SPEC offsets are Unicode code points; JavaScript strings index UTF-16 units.
// Convert once, here, at the web boundary.
function codePoints(text) { return Array.from(text); }

function actorName(a) {
  if (!a) return "—";
  return a.name_en || a.text || "—";
}
