/* Decision-tree player: a tree's outline, one question at a time. State is in the URL hash,
 * "#<tree>=<question>:<key>,...&<tree>.at=<question>": the answers along the path, and the question
 * reopened by "Change". Other hash entries are kept. Pure functions (node-tested) first, then DOM. */
(() => {
  "use strict";

  const NOTE = "That link points to a step that no longer exists, so you are starting from the first question.";
  const PAIR = /^([a-z0-9-]+):([a-z0-9-]+)$/;
  const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const own = (o, k) => !!o && Object.prototype.hasOwnProperty.call(o, k);
  const entries = (hash) => String(hash || "").replace(/^#/, "").split("&").filter(Boolean);
  const decode = (s) => { try { return decodeURIComponent(s); } catch (e) { return null; } };
  const nameOf = (e) => decode(e.split("=")[0]);
  const pairsOf = (w) => w.path.map((p) => [p.q, p.key]);

  /** Read tree `id`'s entries from a hash, unchecked: {pairs, at, found, bad, anchor}. */
  function parseHash(hash, id) {
    const r = { pairs: [], at: null, found: false, bad: false, anchor: false };
    const seen = new Set();
    for (const e of entries(hash)) {
      const name = nameOf(e), value = e.includes("=") ? decode(e.slice(e.indexOf("=") + 1)) : null;
      if (!e.includes("=")) { // an outline anchor, "#tree--step"
        r.anchor = r.anchor || !!name && name.startsWith(id + "--");
      } else if (name === id || name === id + ".at") {
        r.found = true;
        if (value === null || seen.has(name)) r.bad = true;
        else if (name !== id) {
          if (ID.test(value)) r.at = value; else r.bad = true;
        } else for (const part of value ? value.split(",") : []) {
          const m = PAIR.exec(part);
          if (m) r.pairs.push([m[1], m[2]]); else r.bad = true;
        }
        seen.add(name);
      }
    }
    return r;
  }

  /** Return `hash` with tree `id`'s entries and anchors replaced by `state`. */
  function formatHash(hash, id, state) {
    const mine = [], out = [];
    if (state.pairs.length) mine.push(id + "=" + state.pairs.map((p) => p.join(":")).join(","));
    if (state.at) mine.push(id + ".at=" + state.at);
    for (const e of entries(hash)) {
      const name = nameOf(e) || "";
      const ours = e.includes("=") ? name === id || name === id + ".at" : name.startsWith(id + "--");
      if (!ours) out.push(e);
      else out.push(...mine.splice(0));
    }
    out.push(...mine);
    return out.length ? "#" + out.join("&") : "";
  }

  /** Return the current id of a possibly retired one. */
  function resolve(tree, id) {
    for (let n = 0; n < 8 && own(tree.aliases, id); n++) id = tree.aliases[id];
    return id;
  }

  /** Follow the answers from the start: {path, step (shown), at, done (step is an outcome), stale}. */
  function walk(tree, state) {
    const Q = tree.questions, chosen = new Map(), path = [];
    let stale = false, at = null, cur = tree.start;
    for (const [q0, k] of state.pairs) {
      const q = resolve(tree, q0), k1 = resolve(tree, k);
      const a = !chosen.has(q) && own(Q, q) && Q[q].answers.find((x) => x.key === k || x.key === k1);
      if (a) chosen.set(q, a); else stale = true;
    }
    for (let a; own(Q, cur) && (a = chosen.get(cur)); cur = a.next) {
      chosen.delete(cur); // also ends any loop
      path.push({ q: cur, key: a.key, next: a.next });
    }
    if (state.at) {
      const q = resolve(tree, state.at);
      if (path.some((p) => p.q === q)) at = q;
      else if (q !== cur || !own(Q, q)) stale = true;
    }
    return { path, step: at || cur, at, done: !at && !own(Q, cur), stale: stale || chosen.size > 0 };
  }

  /** Return the checked state in a hash: {pairs, at, stale, found, anchor}. */
  function read(tree, hash) {
    const p = parseHash(hash, tree.id), w = walk(tree, p), stale = p.bad || w.stale;
    return { pairs: stale ? [] : pairsOf(w), at: stale ? null : w.at, stale, found: p.found, anchor: p.anchor };
  }

  /** Answer the shown question, keeping the answers still on the path. */
  function choose(tree, state, key) {
    const w = walk(tree, state);
    if (w.done || !tree.questions[w.step].answers.some((a) => a.key === key)) return state;
    const chosen = new Map(pairsOf(w)).set(w.step, key);
    return { pairs: pairsOf(walk(tree, { pairs: [...chosen] })), at: null };
  }

  /** Go to the previous question. */
  function back(tree, state) {
    const w = walk(tree, state), pairs = pairsOf(w), i = pairs.findIndex((p) => p[0] === w.at);
    return w.at ? { pairs, at: i > 0 ? pairs[i - 1][0] : w.at } : { pairs: pairs.slice(0, -1), at: null };
  }

  /** Reopen question `q` of the path, keeping every answer. */
  function change(tree, state, q) {
    const w = walk(tree, state), pairs = pairsOf(w);
    return { pairs, at: pairs.some((p) => p[0] === q) ? q : w.at };
  }

  /** Return [min, max] questions from node `id` to an outcome: a loop, as trees can be 10,000 deep. */
  function span(tree, id) {
    const Q = tree.questions, spans = new Map(), todo = [id];
    while (todo.length) {
      const n = todo.pop();
      if (!own(Q, n)) spans.set(n, [0, 0]);
      else if (!spans.has(n)) { // targets first, then n again
        spans.set(n, 0);
        todo.push(n);
        for (const a of Q[n].answers) todo.push(a.next);
      } else if (!spans.get(n)) spans.set(n, Q[n].answers.reduce(([min, max], a) => {
        const [lo, hi] = spans.get(a.next);
        return [Math.min(min, lo + 1), Math.max(max, hi + 1)];
      }, [Infinity, 0]));
    }
    return spans.get(id);
  }

  /** Return {n, min, max, done}: the question's number, and how many may follow. */
  function progress(tree, state) {
    const w = walk(tree, state), i = w.path.findIndex((p) => p.q === w.step), [min, max] = span(tree, w.step);
    return w.done ? { n: w.path.length, min: 0, max: 0, done: true }
      : { n: (i < 0 ? w.path.length : i) + 1, min: min - 1, max: max - 1, done: false };
  }

  /** Return "Question 2 · 1–3 more questions" and the like. */
  function progressText(p) {
    const more = (n) => n + " more question" + (n === 1 ? "" : "s");
    return "Question " + p.n + " · " + (!p.max ? "last question" : p.min === p.max ? more(p.max)
      : (p.min ? p.min + "–" : "up to ") + more(p.max));
  }

  const api = { parseHash, formatHash, resolve, walk, read, choose, back, change, span, progress, progressText, NOTE };
  if (typeof module === "object" && module.exports) return void (module.exports = api);

  /* ----------------------------------------------------------------------------------------- DOM */

  const players = new WeakMap();
  let listening = false, focusTaken = false;

  function el(tag, cls, text, attrs) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  function button(cls, text, onClick) {
    const b = el("button", cls, text, { type: "button" });
    b.addEventListener("click", onClick);
    return b;
  }

  function say(p, text) {
    p.live.textContent = ""; // so that a repeated message is read again
    setTimeout(() => { p.live.textContent = text; }, 50);
  }

  /** Clone part of the outline (never re-parse author HTML). */
  function clone(p, step, selector) {
    const n = p.steps[step] && p.steps[step].querySelector(selector), c = n && n.cloneNode(true);
    if (c) for (const e of [c, ...c.querySelectorAll("[id]")]) e.removeAttribute("id");
    return c || "";
  }

  const url = (hash) => location.pathname + location.search + hash;

  function go(p, state) {
    history.pushState(null, "", url(formatHash(location.hash, p.tree.id, state)));
    render(p, "step");
  }

  /** Show the URL's state; `how` is "load", "step" or "history". */
  function render(p, how) {
    const t = p.tree, hash = location.hash, r = read(t, hash), canon = formatHash(hash, t.id, r);
    const key = r.stale ? "!" : formatHash("", t.id, r), load = how === "load";
    // popstate, hashchange and location$ may report one change
    if (how === "history" && (hash === p.seen || key === p.key)) return;
    // Normalise on load only: Material restores the hash it is handling.
    if (load && canon !== hash) history.replaceState(history.state, "", url(canon));
    p.key = key;
    p.seen = location.hash;
    const a = document.activeElement, hadFocus = !a || a === document.body || p.root.contains(a);
    const h = draw(p, r), w = walk(t, r);
    if (load ? r.found && !focusTaken : how === "step" || hadFocus) h.focus();
    if (load) {
      focusTaken = focusTaken || r.found;
      if (r.anchor && !r.found) p.root.scrollIntoView();
    }
    if (!load || r.stale) {
      say(p, (r.stale ? NOTE + " " : "") + (w.done ? "Your result: " : progressText(progress(t, r)) + ". ") + h.textContent);
    }
  }

  function draw(p, r) {
    const t = p.tree, w = walk(t, r), v = p.view, step = w.step, bar = el("div", "dt-actions");
    const h = el("h2", "dt-heading", w.done ? t.outcomes[step].title : t.questions[step].text, { tabindex: -1 });
    v.textContent = "";
    if (r.stale) v.append(el("p", "dt-note", NOTE));
    v.append(el("p", "dt-progress", w.done ? "Your result" : progressText(progress(t, r))), h);
    if (w.done) {
      const o = t.outcomes[step], links = el("p", "dt-links");
      if (o.continue) links.append(el("a", "dt-continue", "Continue: " + o.continue.title, { href: o.continue.url }), " ");
      if (o.url) links.append(el("a", "dt-permalink", "Open this result on its own page", { href: o.url }));
      v.append(clone(p, step, ".dt-summary"), clone(p, step, ".dt-body"), links);
      const copy = button("dt-copy", "Copy link", () => copyLink(p, copy));
      bar.append(copy, button("dt-print", "Print", () => window.print()));
    } else {
      const list = el("div", "dt-answers", null, { role: "group", "aria-label": "Answers" });
      const was = w.path.find((x) => x.q === step);
      for (const a of t.questions[step].answers) {
        const b = button("dt-answer", a.label, () => go(p, choose(t, r, a.key)));
        b.dataset.key = a.key;
        if (was && was.key === a.key) {
          b.classList.add("dt-chosen");
          b.append(el("span", "dt-was", "Your answer"));
        }
        list.append(b);
      }
      v.append(clone(p, step, ".dt-help"), list);
    }
    if (w.path.length) {
      if (w.path[0].q !== w.at) bar.append(button("dt-back", "Back", () => go(p, back(t, r))));
      bar.append(button("dt-restart", "Start again", () => go(p, { pairs: [], at: null })));
    }
    v.append(bar);
    if (w.path.length) v.append(yourAnswers(p, r, w));
    return h;
  }

  function yourAnswers(p, r, w) {
    const t = p.tree, box = el("section", "dt-history", null, { "aria-label": "Your answers" });
    // Fold all but the last 20 (and any being changed): layout skips a closed <details>, not 9,000 rows.
    const at = w.path.findIndex((x) => x.q === w.at), from = Math.max(0, Math.min(w.path.length - 20, at < 0 ? 1e9 : at));
    const earlier = el("details"), list = el("ol", null, null, { start: from + 1 });
    earlier.append(el("summary", null, from + " earlier answers"), el("ol"));
    box.append(el("h3", null, "Your answers"), from ? earlier : "", list);
    w.path.forEach((x, i) => {
      const q = t.questions[x.q], li = (i < from ? earlier.lastChild : list).appendChild(el("li", i === at ? "dt-current" : null));
      const c = button("dt-change", "Change", () => go(p, change(t, r, x.q)));
      c.append(el("span", "dt-sr", " answer to: " + q.text));
      li.append(el("span", "dt-q", q.text), " ", el("span", "dt-a", q.answers.find((a) => a.key === x.key).label), " ", c);
      if (i === at) li.setAttribute("aria-current", "step");
    });
    return box;
  }

  function copyLink(p, b) {
    const done = () => { b.textContent = "Link copied"; say(p, "Link copied"); };
    const fallback = () => {
      const input = b.parentNode.querySelector(".dt-url") || el("input", "dt-url", null, { readonly: "", "aria-label": "Link" });
      input.value = location.href;
      b.after(input);
      input.select();
      try { if (document.execCommand("copy")) return done(); } catch (e) { /* copy by hand */ }
      say(p, "Press Control+C to copy the link");
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(location.href).then(done, fallback);
    else fallback();
  }

  /** Start the trees not started yet (again after each instant navigation). */
  function init() {
    focusTaken = false;
    for (const root of document.querySelectorAll("[data-decision-tree]")) {
      if (players.has(root)) continue;
      players.set(root, null);
      const outlines = root.querySelectorAll(".dt-outline"), box = el("div", "dt-player");
      const show = (on) => { for (const o of outlines) o.hidden = !on; };
      try {
        // The island sits in a <template>, where Material's instant navigation does not re-run scripts.
        const data = root.querySelector("template.dt-data").content.querySelector("script");
        const p = { root, tree: JSON.parse(data.textContent), steps: {}, path: location.pathname };
        for (const s of root.querySelectorAll(".dt-step")) p.steps[s.dataset.step] = s;
        p.live = el("p", "dt-live dt-sr", null, { role: "status" });
        p.view = el("div", "dt-view");
        box.append(p.live, p.view);
        root.append(box);
        show(false); // first, so focus scrolls to the right place
        render(p, "load");
        root.setAttribute("data-dt-ready", "");
        players.set(root, p);
      } catch (e) { // keep the outline
        show(true);
        box.remove();
        console.error("decision tree:", e);
      }
    }
    if (!listening) {
      listening = true;
      const sync = () => {
        for (const root of document.querySelectorAll("[data-dt-ready]")) {
          const p = players.get(root);
          if (p && p.path === location.pathname) render(p, "history");
        }
      };
      addEventListener("popstate", sync);
      addEventListener("hashchange", sync);
      // Material pushes same-page links itself and reports them only on location$
      if (window.location$ && window.location$.subscribe) window.location$.subscribe(sync);
    }
  }

  window.decisionTree = api;
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
