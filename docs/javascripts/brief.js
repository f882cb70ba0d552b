/* Hiring brief: keeps the answers in the page address, so a filled brief is a link anyone can open.
 *
 * The hash is "#brief=" + a format + "." + URL-safe base64 (no padding) of UTF-8 JSON bytes:
 *   #brief=j.<base64url(JSON)>                  e.g. {"r":"MLOps engineer","ss":"platform"}
 *   #brief=z.<base64url(deflate-raw(JSON))>     used instead when it is shorter (longer briefs)
 * The JSON keys are the controls' `name`s; only answered controls are written, in form order;
 * ticked checkboxes sharing a name are joined with commas. Unknown keys are ignored, so fields can
 * be added without breaking old links. Nothing leaves the browser: a URL's hash is never sent to
 * the server.
 * Pure functions (no DOM) come first, then the DOM code. Only the brief loads it; it acts only on
 * form[data-brief].
 *
 * From a tool's result (player.js, briefLink) the brief opens as a hiring pack:
 *   /brief/?r=<role title>&ss=<scope>&gr=<governance>&pack=<tree>:<outcome>#<tree>=<question>:<key>,...
 * r, ss and gr fill in the form when the address holds no brief yet, then leave the address (the
 * brief's hash holds them from then on); pack stays, and the result, fetched from its own page, and the
 * answers in the hash entry named after the tree are shown above the form and print with it. That
 * entry is kept beside the brief's: "#brief=j.…&<tree>=…".
 */
(() => {
  "use strict";

  const PREFIX = "#brief=";
  const BAD_LINK = "This link could not be read; the form is empty.";
  const LONG_LINK = 2000; // some email clients break longer links
  const MAX_BYTES = 1 << 20; // refuse to inflate a crafted link beyond this
  const SAVE_DELAY = 300; // ms after the last keystroke

  /** Return URL-safe base64 without padding for `bytes` (a Uint8Array). */
  function toBase64url(bytes) {
    let s = "";
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  /** Return the bytes of URL-safe base64 `text`, or null when it is not that. */
  function fromBase64url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
    try {
      const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      const bytes = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
      return bytes;
    } catch (e) {
      return null;
    }
  }

  const canCompress = (() => {
    try {
      new CompressionStream("deflate-raw");
      new DecompressionStream("deflate-raw");
      return true;
    } catch (e) {
      return false;
    }
  })();

  async function deflate(bytes) {
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  /** Inflate `bytes`, refusing output larger than MAX_BYTES; throws on corrupt or truncated data. */
  async function inflate(bytes) {
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    const parts = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_BYTES) {
        reader.cancel().catch(() => {});
        throw new Error("brief too large");
      }
      parts.push(value);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  }

  /** Return the hash code ("j.…" or "z.…") for `state` (a Map of name to string), "" when empty. */
  async function encode(state) {
    if (!state.size) return "";
    const bytes = new TextEncoder().encode(JSON.stringify(Object.fromEntries(state)));
    let best = "j." + toBase64url(bytes);
    if (canCompress) {
      try {
        const z = "z." + toBase64url(await deflate(bytes));
        if (z.length < best.length) best = z;
      } catch (e) { /* keep the plain form */ }
    }
    return best;
  }

  /** Return the Map of name to string that `code` holds, or null when it cannot be read. */
  async function decode(code) {
    const m = /^([jz])\.(.*)$/s.exec(code);
    let bytes = m && fromBase64url(m[2]);
    if (!bytes) return null;
    try {
      if (m[1] === "z") bytes = await inflate(bytes);
      const data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      if (!data || typeof data !== "object" || Array.isArray(data)) return null;
      const state = new Map(Object.entries(data));
      for (const v of state.values()) if (typeof v !== "string") return null;
      return state;
    } catch (e) {
      return null;
    }
  }

  /** Return the brief's code in `hash`, or null when the hash is not a brief (empty, or an anchor). */
  function codeOf(hash) {
    const entry = hash.replace(/^#/, "").split("&").find((part) => part.startsWith(PREFIX.slice(1)));
    return entry === undefined || !hash.startsWith("#") ? null : entry.slice(PREFIX.length - 1);
  }

  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  /** Return the result a hiring pack link names ({tree, outcome}), from `search` ("?pack=tree:outcome"), or null. */
  function packOf(search) {
    const [tree, outcome, more] = (new URLSearchParams(search).get("pack") || "").split(":");
    return ID.test(tree || "") && ID.test(outcome || "") && more === undefined ? { tree, outcome } : null;
  }

  /** Return the answers of tree `tree` in `hash` ("#<tree>=q:key,..."): [[question, key]]. */
  function answersOf(hash, tree) {
    const entry = hash.replace(/^#/, "").split("&").find((part) => part.startsWith(tree + "="));
    return entry ? entry.slice(tree.length + 1).split(",").map((pair) => pair.split(":")).filter((pair) => pair.length === 2) : [];
  }

  /** Return the form's answers a link from a result fills in (r, ss, gr), as a Map; empty without them. */
  function prefillOf(search) {
    const params = new URLSearchParams(search), state = new Map();
    for (const name of ["r", "ss", "gr"]) if (params.get(name)) state.set(name, params.get(name));
    return state;
  }

  const api = { encode, decode, codeOf, packOf, answersOf, prefillOf, toBase64url, fromBase64url };

  /* ---- DOM ---- */

  const started = new WeakSet();
  let current = null; // the brief on the page now
  let listening = false;

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  /** Return the answers as a Map of control name to string, in form order. */
  function readForm(b) {
    const state = new Map();
    for (const c of b.controls) {
      if (c.type === "radio") {
        if (c.checked) state.set(c.name, c.value);
      } else if (c.type === "checkbox") {
        if (c.checked) state.set(c.name, state.has(c.name) ? state.get(c.name) + "," + c.value : c.value);
      } else if (c.value !== "") {
        state.set(c.name, c.value);
      }
    }
    return state;
  }

  /** Set every control from `state`; controls it does not mention are emptied. */
  function fill(b, state) {
    for (const c of b.controls) {
      const v = state.get(c.name);
      if (c.type === "radio") c.checked = v === c.value;
      else if (c.type === "checkbox") c.checked = typeof v === "string" && v.split(",").includes(c.value);
      else c.value = typeof v === "string" ? v : "";
      mirror(b, c);
    }
  }

  /** Copy a text control's value into its print copy (printed instead of a clipped box). */
  function mirror(b, c) {
    const copy = b.copies.get(c);
    if (!copy) return;
    copy.textContent = c.value;
    c.closest(".brief-field").classList.toggle("brief-filled", c.value.trim() !== "");
  }

  /** Show and announce `text` in the polite live region; emptied first, so a repeat is heard again. */
  function say(b, text) {
    clearTimeout(b.sayTimer);
    b.status.textContent = "";
    if (text) b.sayTimer = setTimeout(() => { b.status.textContent = text; }, 50);
  }

  function note(p, text) {
    p.textContent = text;
    p.hidden = !text;
  }

  /** Whether `b` is still the brief on screen (instant navigation replaces the page body). */
  function live(b) {
    return b === current && b.form.isConnected && location.pathname === b.path;
  }

  /** Return this page's address with `code` as the brief; a hiring pack's answers are kept beside it. */
  function urlFor(code) {
    const pack = packOf(location.search), kept = pack ? location.hash.replace(/^#/, "").split("&").filter((part) => part.startsWith(pack.tree + "=")) : [];
    const parts = (code ? [PREFIX.slice(1) + code] : []).concat(kept);
    return location.pathname + location.search + (parts.length ? "#" + parts.join("&") : "");
  }

  /** Put `code` in the address without a new history entry, and warn when the link gets long. */
  function write(b, code) {
    b.written = code;
    note(b.linkNote, ""); // the address holds a good brief again
    const url = urlFor(code);
    if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    printLine(); // the printed address is the brief's
    const n = location.href.length, long = n > LONG_LINK;
    note(b.lengthNote, long
      ? "This link is " + n.toLocaleString("en-GB") + " characters long. Some email clients break links longer than " +
        "about 2,000 characters; if it does not open for someone, shorten the longest answers or send a printed copy instead."
      : "");
    if (long && !b.long) say(b, "The link to this brief is getting long.");
    b.long = long;
  }

  /** Write the form into the address now; return the code. */
  async function save(b) {
    clearTimeout(b.timer);
    const seq = ++b.seq;
    const code = await encode(readForm(b));
    if (seq === b.seq && live(b)) write(b, code);
    return code;
  }

  /**
   * Fill the form from the address; a hash that is not a brief leaves an empty form.
   * `from` is the brief this form replaces when Material re-fetched the same page (it does so on
   * the first Back/Forward or in-page link after a full load): its answers, including any not yet
   * saved, carry over unless the address now holds a different brief.
   */
  async function restore(b, from) {
    clearTimeout(b.timer);
    const seq = ++b.seq, code = codeOf(location.hash);
    const news = code !== null ? code !== from?.written : !location.hash && from?.written !== "";
    if (from && !news) {
      fill(b, readForm(from));
      const f = from.focused && document.getElementById(from.focused);
      if (f && b.form.contains(f) && (!document.activeElement || document.activeElement === document.body)) {
        f.focus({ preventScroll: true });
      }
      save(b);
      return;
    }
    const given = code === null ? prefillOf(location.search) : null;
    if (given && given.size) { // from a result: fill in, then the brief's hash holds it, not the query
      const params = new URLSearchParams(location.search);
      for (const name of given.keys()) params.delete(name);
      const search = params.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
      fill(b, given);
      save(b);
      return;
    }
    const state = code === null ? new Map() : await decode(code);
    if (seq !== b.seq || !live(b)) return; // the user typed, or left, meanwhile
    fill(b, state || new Map());
    note(b.linkNote, state ? "" : BAD_LINK);
    if (state) {
      if (code === null) b.written = ""; // leave an anchor such as "#scope" alone
      else write(b, code);
    } else {
      b.written = null;
      note(b.lengthNote, "");
      say(b, BAD_LINK);
    }
  }

  /** Follow the address after Back/Forward, a pasted link or an in-page link. */
  function sync() {
    const b = current;
    if (!b || !live(b)) return;
    const code = codeOf(location.hash);
    if (code !== null) {
      if (code !== b.written) restore(b);
    } else if (!location.hash) {
      if (b.written !== "") restore(b); // e.g. Forward to the entry "Clear the brief" made
    } else if (b.written) {
      write(b, b.written); // an anchor such as "Skip to content": keep the brief in the address
    }
  }

  async function copyLink(b) {
    const code = await save(b);
    if (!live(b)) return;
    const url = location.origin + urlFor(code);
    try {
      await navigator.clipboard.writeText(url);
      say(b, "Link copied");
    } catch (e) { // no clipboard API (an insecure page) or no permission: select the link instead
      let field = b.form.querySelector(".brief-url");
      if (!field) {
        field = el("input", "brief-url");
        field.type = "text";
        field.readOnly = true;
        field.id = "brief-url";
        const label = el("label", "brief-url-label", "Link to this brief");
        label.htmlFor = field.id;
        b.actions.after(label, field);
      }
      field.value = url;
      field.focus();
      field.select();
      let copied = false;
      try { copied = document.execCommand("copy"); } catch (e2) { /* not supported */ }
      say(b, copied ? "Link copied" : "Press Control+C, or Command+C on a Mac, to copy the link.");
    }
  }

  function clearBrief(b) {
    clearTimeout(b.timer);
    b.seq++;
    const had = readForm(b).size > 0;
    fill(b, new Map());
    note(b.linkNote, "");
    const field = b.form.querySelector(".brief-url");
    if (field) field.value = "";
    // A new history entry, so the browser's Back button brings the answers back.
    if (had && live(b)) history.pushState(null, "", urlFor(""));
    write(b, "");
    say(b, had ? "The brief is cleared. Your browser's Back button brings the answers back." : "The brief is already empty.");
  }

  /** The site's root, relative to this page ("../"), from Material's config. */
  function siteBase() {
    try { return JSON.parse(document.getElementById("__config").textContent).base.replace(/\/?$/, "/"); } catch (e) { return "../"; }
  }

  const contact = () => { const cta = document.querySelector("[data-mail]"); return cta ? cta.getAttribute("data-mail") : ""; };

  /** Keep the line printed at the top of the page current: the address, the date printed and how to reach us. */
  function printLine() {
    const host = document.querySelector(".md-content__inner");
    if (!host) return;
    let line = host.querySelector(".print-meta");
    if (!line) host.prepend(line = el("p", "print-meta"));
    const address = contact();
    line.textContent = "Printed from " + location.href + " on " + new Date().toLocaleDateString("en-GB",
      { day: "numeric", month: "long", year: "numeric" }) + "." + (address ? " Contact us: " + address : "");
  }

  /** Show a hiring pack's result and answers above the form: read from the result's own page, so the
   * text is the site's, never the link's. */
  async function showPack(form) {
    const pack = packOf(location.search);
    if (!pack) return;
    const box = el("section", "brief-pack"), heading = el("h2", null, "Hiring pack");
    heading.id = "hiring-pack";
    box.setAttribute("aria-labelledby", heading.id);
    box.append(heading);
    // Under the page's title: the result first, then the brief, on screen and on paper.
    const title = form.closest(".md-content__inner")?.querySelector("h1");
    if (title && title.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING) title.after(box);
    else form.before(box);
    const page = siteBase() + "tools/" + pack.tree + "/" + pack.outcome + "/";
    const answers = answersOf(location.hash, pack.tree);
    try {
      const response = await fetch(page);
      if (!response.ok) throw new Error(response.status);
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const tree = JSON.parse(doc.querySelector("template.dt-data").content.querySelector("script").textContent);
      const result = el("p", "brief-pack-result");
      const link = el("a", null, tree.outcomes[pack.outcome].title);
      link.href = page + (answers.length ? "#" + pack.tree + "=" + answers.map((pair) => pair.join(":")).join(",") : "");
      result.append("Result of “" + tree.title + "”: ", link);
      box.append(result);
      const summary = doc.querySelector(".dt-summary");
      if (summary) box.append(el("p", "brief-pack-summary", summary.textContent));
      const rows = [];
      for (const [question, key] of answers) {
        const q = Object.prototype.hasOwnProperty.call(tree.questions, question) && tree.questions[question];
        const a = q && q.answers.find((answer) => answer.key === key || (answer.aliases || []).includes(key));
        if (a) {
          const row = el("li");
          row.append(el("span", "brief-pack-q", q.text), " ", el("strong", null, a.label));
          rows.push(row);
        }
      }
      if (rows.length) {
        const list = el("ol");
        list.append(...rows);
        box.append(el("h3", null, "The answers"), list);
      }
      box.append(el("p", "brief-pack-next", "The hiring brief below starts from this result."));
    } catch (e) {
      box.append(el("p", "brief-note", "The result this pack was made from could not be loaded; the brief below still works."));
    }
  }

  function setup(form) {
    const b = {
      form, path: location.pathname, seq: 0, timer: 0, written: null, long: false, focused: "", sayTimer: 0,
      controls: Array.from(form.elements).filter((c) => c.name && (c.tagName === "TEXTAREA" || c.tagName === "INPUT")),
      copies: new Map(),
      actions: form.querySelector(".brief-actions"),
      status: form.querySelector(".brief-status"),
      linkNote: form.querySelector("#brief-link-note"),
      lengthNote: form.querySelector("#brief-length-note"),
    };
    for (const c of b.controls) {
      if (c.type === "radio" || c.type === "checkbox") continue;
      const copy = el("div", "brief-answer");
      copy.setAttribute("aria-hidden", "true");
      c.after(copy);
      b.copies.set(c, copy);
    }
    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("focusin", (e) => { b.focused = e.target.id; });
    const edited = (e) => {
      if (b.copies.has(e.target)) mirror(b, e.target);
      if (b.status.textContent) say(b, "");
      clearTimeout(b.timer);
      b.timer = setTimeout(() => save(b), SAVE_DELAY);
    };
    form.addEventListener("input", edited);
    form.addEventListener("change", edited);
    b.actions.querySelector(".brief-copy").addEventListener("click", () => copyLink(b));
    b.actions.querySelector(".brief-print").addEventListener("click", () => window.print());
    b.actions.querySelector(".brief-clear").addEventListener("click", () => clearBrief(b));
    return b;
  }

  /** Start the brief on this page if there is one and it is not started; safe to call again. */
  function init() {
    const form = document.querySelector("form[data-brief]");
    if (!form) {
      current = null;
      return;
    }
    if (started.has(form)) return;
    started.add(form);
    const from = current && !current.form.isConnected && current.path === location.pathname ? current : null;
    if (from) clearTimeout(from.timer);
    try {
      current = setup(form);
      for (const p of form.querySelectorAll(".brief-nojs")) p.hidden = true;
      current.actions.hidden = false;
      form.setAttribute("data-brief-ready", "");
      restore(current, from);
      printLine();
      showPack(form);
    } catch (e) { // the form still works as a printable checklist
      if (window.console) console.error("hiring brief:", e);
    }
    if (!listening) {
      listening = true;
      window.addEventListener("hashchange", sync);
      window.addEventListener("popstate", sync);
      window.addEventListener("beforeprint", () => { if (current && live(current)) printLine(); });
      // Material handles in-page links itself (pushState, no hashchange); its location$ reports them.
      if (window.location$ && typeof window.location$.subscribe === "function") {
        window.location$.subscribe(() => setTimeout(sync));
      }
    }
  }

  // Only the brief loads this file. With Material's instant navigation the page's own scripts sit in
  // its content, and Material runs them again on each visit to the page: the first copy goes on.
  if (window.hiringBrief) return void window.hiringBrief.start();

  let subscribed = false;
  /** Start now and, where Material swaps pages in place, on every page it swaps in (document$). */
  function start() {
    if (subscribed) return void init();
    if (window.document$ && typeof window.document$.subscribe === "function") {
      subscribed = true;
      window.document$.subscribe(init); // replays the page shown now
    } else init();
  }
  api.start = start;
  window.hiringBrief = api;
  // Material's script, when the page has it, has run by DOMContentLoaded even if it comes later in the
  // page; a visit by instant navigation runs this file after the page has loaded.
  if (document.readyState === "complete") start();
  else {
    document.addEventListener("DOMContentLoaded", start, { once: true });
    window.addEventListener("load", start, { once: true }); // loaded after DOMContentLoaded, before load
  }
})();
