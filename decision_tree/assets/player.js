/* Decision-tree player: a tree's outline, one question at a time. State is in the URL hash,
 * "#<tree>=<question>:<key>,...&<tree>.at=<question>": the answers along the path (then those of an old
 * link waiting for their questions), and the question reopened by "Change". Other hash entries are kept.
 * On a result: why, a caveat on unsure answers, and what other answers would change it (README.md).
 * Pure functions (node-tested) first, then DOM.
 * The id pattern, the hash's separators, the outline's names and the shared labels come from
 * contract.json, which render.py reads too; the shipped player.min.js is this file bundled with it. */
(() => {
  "use strict";

  const CONTRACT = require("./contract.json");
  const SEP = CONTRACT.hash, CLASSES = CONTRACT.classes, ATTRIBUTES = CONTRACT.attributes, LABELS = CONTRACT.labels;
  const CAVEAT = "Before you rely on this";
  const BASED = "Based on these answers";
  const MAIL_MAX = 1800; // characters of a mailto: link; some mail clients cut longer ones
  const WAITING = "This tool asks questions that link does not answer: answer them, and the link's answers are used if their questions come up.";
  const FILLED = "You followed a link to this question, so the answers before it are the shortest way here: change any of them below.";
  const ID = new RegExp(CONTRACT.id);
  const ID_BODY = CONTRACT.id.replace(/^\^|\$$/g, "");
  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const PAIR = new RegExp("^(" + ID_BODY + ")" + escapeRegExp(SEP.pair) + "(" + ID_BODY + ")$");
  const AT = SEP.at, VALUE = SEP.value;
  const own = (object, key) => !!object && Object.prototype.hasOwnProperty.call(object, key);
  const entries = (hash) => String(hash || "").replace(/^#/, "").split(SEP.entries).filter(Boolean);
  const decode = (text) => { try { return decodeURIComponent(text); } catch (error) { return null; } };
  const nameOf = (entry) => decode(entry.split(VALUE)[0]);
  const pairsOf = (route) => route.path.map((step) => [step.question, step.key]);
  const kept = (route) => pairsOf(route).concat(route.pending);

  /** Read tree `treeId`'s entries from a hash, unchecked: {pairs, at, found, bad, anchor (an outline
   * anchor's step id, "#tree--step", or false)}. */
  function parseHash(hash, treeId) {
    const parsed = { pairs: [], at: null, found: false, bad: false, anchor: false };
    const seen = new Set();
    for (const entry of entries(hash)) {
      const hasValue = entry.includes(VALUE), name = nameOf(entry);
      const value = hasValue ? decode(entry.slice(entry.indexOf(VALUE) + VALUE.length)) : null;
      if (!hasValue) { // an outline anchor, "#tree--step"
        if (!parsed.anchor && name && name.startsWith(treeId + SEP.anchor)) parsed.anchor = name.slice(treeId.length + SEP.anchor.length);
      } else if (name === treeId || name === treeId + AT) {
        parsed.found = true;
        if (value === null || seen.has(name)) parsed.bad = true;
        else if (name !== treeId) {
          if (ID.test(value)) parsed.at = value; else parsed.bad = true;
        } else for (const part of value ? value.split(SEP.pairs) : []) {
          const match = PAIR.exec(part);
          if (match) parsed.pairs.push([match[1], match[2]]); else parsed.bad = true;
        }
        seen.add(name);
      }
    }
    return parsed;
  }

  /** Return `hash` with tree `treeId`'s entries and anchors replaced by `state`. */
  function formatHash(hash, treeId, state) {
    const mine = [], kept = [];
    if (state.pairs.length) mine.push(treeId + VALUE + state.pairs.map((pair) => pair.join(SEP.pair)).join(SEP.pairs));
    if (state.at) mine.push(treeId + AT + VALUE + state.at);
    for (const entry of entries(hash)) {
      const name = nameOf(entry) || "";
      const ours = entry.includes(VALUE) ? name === treeId || name === treeId + AT : name.startsWith(treeId + SEP.anchor);
      if (!ours) kept.push(entry);
      else kept.push(...mine.splice(0));
    }
    kept.push(...mine);
    return kept.length ? "#" + kept.join(SEP.entries) : "";
  }

  /** Return the current id of a possibly retired one. */
  function resolve(tree, id) {
    for (let hops = 0; hops < 8 && own(tree.aliases, id); hops++) id = tree.aliases[id];
    return id;
  }

  /** Return the questions reachable from node `id`, itself included. */
  function ahead(tree, id) {
    const found = new Set();
    for (const todo = [id]; todo.length;) {
      const node = todo.pop();
      if (own(tree.questions, node) && !found.has(node)) found.add(node), todo.push(...tree.questions[node].answers.map((answer) => answer.next));
    }
    return found;
  }

  /** Follow the answers from the start: {path, step (shown), at, done (step is an outcome), stale, pending}.
   * An answer is found by its key, a retired step id its key was (tree aliases), or an old key of its own
   * (its aliases); the path holds current keys, so the address is rewritten with them. The answers are
   * taken in the tree's order, whatever the link's: the first that fits a question wins. Where the path
   * stops at a question the link does not answer (one added since, or whose answer was retired), the
   * answers to questions still ahead wait there, [[question, key]] in the link's order, to be taken when
   * the reader reaches them (no loops, so a question comes up once at most); the others are dropped. */
  function walk(tree, state) {
    const questions = tree.questions, chosen = new Map(), path = [];
    let stale = false, at = null, current = tree.start;
    for (const [writtenQuestion, writtenKey] of state.pairs) {
      const questionId = resolve(tree, writtenQuestion), key = resolve(tree, writtenKey);
      const answer = !chosen.has(questionId) && own(questions, questionId) && questions[questionId].answers.find(
        (option) => option.key === writtenKey || option.key === key || (option.aliases || []).includes(writtenKey));
      if (answer) chosen.set(questionId, answer); else stale = true;
    }
    for (let answer; own(questions, current) && (answer = chosen.get(current)); current = answer.next) {
      chosen.delete(current); // also ends any loop
      path.push({ question: current, key: answer.key, next: answer.next });
    }
    const reachable = chosen.size ? ahead(tree, current) : chosen, pending = [];
    for (const [questionId, answer] of chosen) if (reachable.has(questionId)) pending.push([questionId, answer.key]);
    if (state.at) {
      const questionId = resolve(tree, state.at);
      if (path.some((step) => step.question === questionId)) at = questionId;
      else if (questionId !== current || !own(questions, questionId)) stale = true;
    }
    return { path, step: at || current, at, done: !at && !own(questions, current), stale: stale || chosen.size > pending.length, pending };
  }

  /** Return the shortest answers from the start to question `target` ([[question, key]]), or []. */
  function routeTo(tree, target) {
    const questions = tree.questions, from = new Map([[tree.start, null]]);
    for (let todo = [tree.start], index = 0; index < todo.length && !from.has(target);) {
      const id = todo[index++];
      if (own(questions, id)) for (const answer of questions[id].answers) {
        if (!from.has(answer.next)) from.set(answer.next, [id, answer.key]), todo.push(answer.next);
      }
    }
    const pairs = [];
    for (let pair = own(questions, target) && from.get(target); pair; pair = from.get(pair[0])) pairs.unshift(pair);
    return pairs;
  }

  /** Return the checked state in a hash: {pairs, at, stale, found, anchor, dropped, waiting}. The answers
   * that still lead on from the start are kept, then those waiting for their questions (`waiting` counts
   * them: the link is stale too); `dropped` holds the question of each answer left out, or "" for one that
   * names no question of this tree (or repeats one). An outline anchor of a question, with no answers,
   * opens that question: the answers before it are those of the shortest way there. */
  function read(tree, hash) {
    const parsed = parseHash(hash, tree.id), route = walk(tree, parsed), asked = new Set(kept(route).map((pair) => pair[0]));
    const left = new Set(asked), dropped = [];
    for (const [question] of parsed.pairs) {
      const id = resolve(tree, question);
      if (!left.delete(id)) dropped.push(own(tree.questions, id) && !asked.has(id) ? tree.questions[id].text : "");
    }
    if (parsed.bad && !dropped.length) dropped.push("");
    const anchor = parsed.anchor && resolve(tree, parsed.anchor);
    const pairs = parsed.found || !anchor ? kept(route) : routeTo(tree, anchor), waiting = route.pending.length;
    return { pairs, at: route.at, stale: parsed.bad || route.stale || !!waiting, found: parsed.found, anchor: parsed.anchor, dropped, waiting };
  }

  /** Return the note on a link read with answers left out or waiting: what was dropped, and what is kept. */
  function dropNote(state) {
    const named = state.dropped.filter(Boolean).map((text) => "your answer to “" + text + "”");
    const others = state.dropped.length - named.length;
    if (others) named.push(others + (others > 1 ? " answers" : " answer") + " it could not place");
    const left = named.length && "Part of that link no longer fits this tool, so it was left out: " + named.join("; ");
    if (state.waiting) return (left ? left + ". " : "") + WAITING;
    return (left || "That link points to a step that no longer exists") + (state.pairs.length
      ? ". Your answers that still fit are kept." : ", so you are starting from the first question.");
  }

  /** Return the link to share a result: the result's own page (`address`) and the answers. */
  const shareLink = (address, treeId, pairs) => address.split("#")[0] + formatHash("", treeId, { pairs, at: null });

  /** Answer the shown question, keeping the answers still on the path and those still waiting ahead. */
  function choose(tree, state, key) {
    const route = walk(tree, state);
    if (route.done || !tree.questions[route.step].answers.some((answer) => answer.key === key)) return state;
    const chosen = new Map(pairsOf(route)).set(route.step, key), pairs = pairsOf(walk(tree, { pairs: [...chosen] }));
    return { pairs: kept(walk(tree, { pairs: pairs.concat(route.pending) })), at: null };
  }

  /** Go to the previous question. */
  function back(tree, state) {
    const route = walk(tree, state), pairs = pairsOf(route), index = pairs.findIndex((pair) => pair[0] === route.at);
    return route.at ? { pairs: kept(route), at: index > 0 ? pairs[index - 1][0] : route.at } : { pairs: pairs.slice(0, -1).concat(route.pending), at: null };
  }

  /** Reopen question `questionId` of the path, keeping every answer. */
  function change(tree, state, questionId) {
    const route = walk(tree, state);
    return { pairs: kept(route), at: route.path.some((step) => step.question === questionId) ? questionId : route.at };
  }

  /** Return a function of a node id: [min, max] questions from it to an outcome. What it has counted is
   * kept between calls, so asking about many nodes costs one pass over the tree: a loop, as trees can be
   * 10,000 deep. */
  function spans(tree) {
    const questions = tree.questions, counted = new Map();
    return (id) => {
      for (const todo = [id]; todo.length;) {
        const node = todo.pop();
        if (!own(questions, node)) counted.set(node, [0, 0]);
        else if (!counted.has(node)) { // targets first, then the node again
          counted.set(node, 0);
          todo.push(node);
          for (const answer of questions[node].answers) todo.push(answer.next);
        } else if (!counted.get(node)) counted.set(node, questions[node].answers.reduce(([min, max], answer) => {
          const [low, high] = counted.get(answer.next);
          return [Math.min(min, low + 1), Math.max(max, high + 1)];
        }, [Infinity, 0]));
      }
      return counted.get(id);
    };
  }

  /** Return [min, max] questions from node `id` to an outcome. */
  const span = (tree, id) => spans(tree)(id);

  /** Return {number, min, max, done}: the shown question's number, and how many may follow. */
  function progress(tree, state) {
    const route = walk(tree, state), index = route.path.findIndex((step) => step.question === route.step);
    const [min, max] = span(tree, route.step);
    return route.done ? { number: route.path.length, min: 0, max: 0, done: true }
      : { number: (index < 0 ? route.path.length : index) + 1, min: min - 1, max: max - 1, done: false };
  }

  /** Return "1–3 more questions", "up to 2 more questions", "1 more question". */
  function countText(min, max) {
    const more = (count) => count + " more question" + (count === 1 ? "" : "s");
    return min === max ? more(max) : (min ? min + "–" : "up to ") + more(max);
  }

  /** Return "Question 2 · 1–3 more questions" and the like. */
  const progressText = (counts) => "Question " + counts.number + " · " + (counts.max ? countText(counts.min, counts.max) : "last question");

  /** Return the answers given along a route, in order: [{id (the question's), question, answer}]. */
  const given = (tree, route) => route.path.map((taken) => {
    const question = tree.questions[taken.question];
    return { id: taken.question, question, answer: question.answers.find((answer) => answer.key === taken.key) };
  });

  /** Return the `why` of each answer given that has one, in route order. */
  const reasons = (tree, route) => given(tree, route).map((pair) => pair.answer.why).filter(Boolean);

  /** Return the answers given that were unsure ([{id, question, answer}], the first to settle first), when
   * there are two or more; else null. */
  function caveat(tree, route) {
    const unsure = given(tree, route).filter((pair) => pair.answer.unsure === true);
    return unsure.length > 1 ? unsure : null;
  }

  /** On a result, return what would change it: for each answer given, in route order, the other answers to
   * that question that lead elsewhere: [{id, question, answer (given), others: [{answer, outcome, min, max}]}],
   * as choosing them after Change would. An other answer leads to an outcome (`outcome`), to a question
   * answered later on the route, or to a new question. The player then reuses the later answers, and the
   * tree has no loops, so they retrace the route to this result: left out. At a new question it stops and
   * drops them, so min and max count the questions from there to an outcome, as progress does. */
  function changes(tree, route) {
    const count = spans(tree), asked = new Set(route.path.map((taken) => taken.question)), result = [];
    for (const pair of given(tree, route)) {
      const others = [];
      for (const answer of pair.question.answers) {
        const next = answer.next;
        if (answer === pair.answer || next === route.step || asked.has(next)) continue;
        const [min, max] = count(next);
        others.push({ answer, outcome: max ? null : next, min, max });
      }
      if (others.length) result.push({ ...pair, others });
    }
    return result;
  }

  /** Return the hiring brief's link for a finished route, `base` being the site's root ("../../"):
   * "<base>brief/?r=…&ss=…&gr=…&pack=<tree>:<outcome>#<tree>=<answers>". The role title is the result's, the
   * brief's fields come from the answers (the last to set one wins); "" when the route sets none. The
   * answers stay in the hash, which is never sent to the server. */
  function briefLink(base, tree, route) {
    const fields = {}, role = tree.outcomes[route.step].role;
    if (role) fields.r = role;
    for (const pair of given(tree, route)) Object.assign(fields, pair.answer.brief);
    if (!Object.keys(fields).length) return "";
    fields.pack = tree.id + SEP.pair + route.step;
    return base + "brief/?" + new URLSearchParams(fields) + formatHash("", tree.id, { pairs: pairsOf(route), at: null });
  }

  /** Return a mailto: link to `address` about result `title`: its page with the answers (`link`), each
   * [question, answer] of `rows` and the brief's link (`brief`, or ""). Mail clients cut long links, so
   * answers are left out from the end, with a note, to keep it within MAIL_MAX characters. */
  function mailLink(address, title, link, rows, brief) {
    for (let shown = rows.length; ; shown--) {
      const lines = ["Result: " + title, link].concat(rows.length ? ["", "Our answers:"] : []);
      for (const [question, answer] of rows.slice(0, shown)) lines.push("- " + question, "  " + answer);
      if (shown < rows.length) lines.push("(" + (rows.length - shown) + " more answers are in the link above.)");
      if (brief) lines.push("", "Hiring brief with this result: " + brief);
      const href = "mailto:" + address + "?subject=" + encodeURIComponent("Hiring result: " + title)
        + "&body=" + encodeURIComponent(lines.join("\n"));
      if (href.length <= MAIL_MAX || !shown) return href;
    }
  }

  const api = {
    parseHash, formatHash, resolve, walk, read, routeTo, dropNote, shareLink, choose, back, change, span, progress, progressText,
    countText, reasons, caveat, changes, briefLink, mailLink, CONTRACT,
  };
  // Under node (the tests), export the pure functions; in a browser, go on to the DOM.
  if (typeof document === "undefined") return void (module.exports = api);

  /* ----------------------------------------------------------------------------------------- DOM */

  const players = new WeakMap();
  let listening = false, focusTaken = false;

  function element(tag, className, text, attributes) {
    const created = document.createElement(tag);
    if (className) created.className = className;
    if (text != null) created.textContent = text;
    for (const name in attributes) created.setAttribute(name, attributes[name]);
    return created;
  }

  function button(className, text, onClick) {
    const created = element("button", className, text, { type: "button" });
    created.addEventListener("click", onClick);
    return created;
  }

  function say(player, text) {
    player.live.textContent = ""; // so that a repeated message is read again
    setTimeout(() => { player.live.textContent = text; }, 50);
  }

  /** Clone part of the outline (never re-parse author HTML). */
  function clone(player, step, className) {
    const part = player.steps[step] && player.steps[step].querySelector("." + className);
    const copy = part && part.cloneNode(true);
    if (copy) for (const withId of [copy, ...copy.querySelectorAll("[id]")]) withId.removeAttribute("id");
    return copy || "";
  }

  const url = (hash) => location.pathname + location.search + hash;

  function go(player, state) {
    history.pushState(null, "", url(formatHash(location.hash, player.tree.id, state)));
    render(player, "step");
  }

  /** Show the URL's state; `how` is "load", "step" or "history". */
  function render(player, how) {
    const tree = player.tree, hash = location.hash, state = read(tree, hash), canonical = formatHash(hash, tree.id, state);
    const key = (state.stale ? "!" : "") + formatHash("", tree.id, state), load = how === "load", opened = state.found || !!state.anchor;
    // popstate, hashchange and location$ may report one change
    if (how === "history" && (hash === player.seen || key === player.key)) return;
    // Normalise on load only: Material restores the hash it is handling.
    if (load && canonical !== hash) history.replaceState(history.state, "", url(canonical));
    player.key = key;
    player.seen = location.hash;
    const active = document.activeElement, hadFocus = !active || active === document.body || player.root.contains(active);
    const heading = draw(player, state), route = walk(tree, state);
    document.title = heading.textContent + " - " + player.title;
    if (load && state.anchor && !state.pairs.length) player.root.scrollIntoView();
    if (load ? opened && !focusTaken : how === "step" || hadFocus) {
      heading.focus();
      // On a phone, the question goes to the top, not the page's header and intro.
      if ((load || how === "step") && matchMedia("(max-width: 44.9375em)").matches) player.view.scrollIntoView();
    }
    focusTaken = focusTaken || load && opened;
    if (!load || state.stale) { // answers waiting keep the note shown, but it is read out once
      say(player, (state.stale && how !== "step" ? dropNote(state) + " " : "") + (route.done ? "Your result: " : progressText(progress(tree, state)) + ". ")
        + heading.textContent + (route.done && caveat(tree, route) ? ". " + CAVEAT + ": some answers were unsure." : ""));
    }
  }

  function draw(player, state) {
    if (refill) refill(); // the printed address follows the steps
    const tree = player.tree, route = walk(tree, state), view = player.view, step = route.step;
    const bar = element("div", "dt-actions");
    const heading = element("h2", "dt-heading", route.done ? tree.outcomes[step].title : tree.questions[step].text,
      { tabindex: -1, id: "dt-heading-" + tree.id });
    view.textContent = "";
    if (state.stale) view.append(element("p", "dt-note", dropNote(state)));
    else if (!state.found && state.pairs.length) view.append(element("p", "dt-note", FILLED));
    view.append(element("p", "dt-progress", route.done ? "Your result" : progressText(progress(tree, state))), heading);
    if (route.done) {
      // Its own page, with the answers: what "Share this result" copies, and what the one it is sent to sees.
      const outcome = tree.outcomes[step], links = element("p", CLASSES.links), own = shareLink(outcome.url
        ? new URL(outcome.url, location.href).href : location.href, tree.id, state.pairs);
      if (outcome.continue) {
        links.append(element("a", CLASSES.continue, LABELS.continue + outcome.continue.title, { href: outcome.continue.url }), " ");
      }
      if (outcome.url) links.append(element("a", CLASSES.permalink, LABELS.permalink, { href: own }));
      view.append(clone(player, step, CLASSES.summary), clone(player, step, CLASSES.body), links, ...advice(player, state, route),
        ...handOff(tree, route, own));
      bar.append(...shareButtons("Share this result", () => own, (text) => say(player, text)));
    } else {
      const list = element("div", CLASSES.answers, null, { role: "group", "aria-labelledby": heading.id });
      const earlier = route.path.find((taken) => taken.question === step);
      for (const answer of tree.questions[step].answers) {
        const choice = button("dt-answer", answer.label, () => go(player, choose(tree, state, answer.key)));
        choice.setAttribute(ATTRIBUTES.key, answer.key);
        if (earlier && earlier.key === answer.key) {
          choice.classList.add("dt-chosen");
          choice.append(element("span", "dt-was", "Your answer"));
        }
        list.append(choice);
      }
      view.append(clone(player, step, CLASSES.help), list);
    }
    if (route.path.length && route.path[0].question !== route.at) bar.append(button("dt-back", "Back", () => go(player, back(tree, state))));
    if (state.pairs.length) bar.append(button("dt-restart", "Start again", () => go(player, { pairs: [], at: null })));
    view.append(bar);
    if (route.path.length) view.append(yourAnswers(player, state, route));
    return heading;
  }

  /** Return a section headed `title` (an h3, under the step's h2), holding `parts`. */
  function section(className, title, ...parts) {
    const box = element("section", className, null, { "aria-label": title });
    box.append(element("h3", null, title), ...parts);
    return box;
  }

  /** Return a list (`tag`) of `rows`, the first `from` folded into a closed <details> before it, summarised
   * "<from> <what>": layout skips a closed <details>, not 9,000 rows. */
  function folded(rows, from, what, tag) {
    const earlier = element("details"), list = element(tag, null, null, from && tag === "ol" ? { start: from + 1 } : {});
    earlier.append(element("summary", null, from + " " + what), element(tag));
    rows.forEach((row, index) => (index < from ? earlier.lastChild : list).append(row));
    return from ? [earlier, list] : [list];
  }

  /** Return a list of `rows`, all but the last 20 folded. */
  const lastRows = (rows, what) => folded(rows, Math.max(0, rows.length - 20), what, "ul");

  const changeButton = (player, state, pair) => {
    const reopen = button("dt-change", "Change", () => go(player, change(player.tree, state, pair.id)));
    reopen.append(element("span", "dt-sr", " answer to: " + pair.question.text));
    return reopen;
  };

  const questionAndAnswer = (pair) => [element("span", "dt-q", pair.question.text), " ", element("span", "dt-a", pair.answer.label)];

  /** Return the sections under a result: "Why this result", the caveat on unsure answers, "What would change it". */
  function advice(player, state, route) {
    const tree = player.tree, why = reasons(tree, route), unsure = caveat(tree, route), sections = [];
    if (why.length) sections.push(section("dt-why", "Why this result", ...lastRows(why.map((reason) => element("li", null, reason)), "earlier reasons")));
    if (unsure) {
      const first = element("p", null, "Settle this one first: " + unsure[0].question.text + " ");
      first.append(changeButton(player, state, unsure[0]));
      const rows = unsure.map((pair) => {
        const row = element("li");
        row.append(...questionAndAnswer(pair));
        return row;
      });
      sections.push(section("dt-caveat", CAVEAT, element("p", null, "You were unsure about " + unsure.length
        + " of your answers, so this result may not hold:"), ...lastRows(rows, "earlier answers"), first));
    }
    const rows = changes(tree, route).map((pair) => {
      const row = element("li"), others = element("ul");
      row.append(...questionAndAnswer(pair), others);
      for (const other of pair.others) {
        const instead = button("dt-try", other.answer.label, () => go(player, choose(tree, change(tree, state, pair.id), other.answer.key)));
        instead.append(element("span", "dt-sr", " instead of " + pair.answer.label));
        others.appendChild(element("li")).append(instead, " leads to ", element("strong", null,
          other.outcome ? tree.outcomes[other.outcome].title : countText(other.min, other.max)));
      }
      return row;
    });
    if (rows.length) sections.push(section("dt-changes", "What would change it", ...lastRows(rows, "earlier answers")));
    return sections;
  }

  function yourAnswers(player, state, route) {
    // Fold all but the last 20, and any being changed.
    const at = route.path.findIndex((taken) => taken.question === route.at);
    const from = Math.max(0, Math.min(route.path.length - 20, at < 0 ? 1e9 : at));
    const rows = given(player.tree, route).map((pair, index) => {
      const row = element("li", index === at ? "dt-current" : null);
      row.append(...questionAndAnswer(pair), " ", changeButton(player, state, pair));
      if (index === at) row.setAttribute("aria-current", "step");
      return row;
    });
    return section("dt-history", "Your answers", ...folded(rows, from, "earlier answers", "ol"));
  }

  /** Return a copy button labelled `label` that copies `link()`, a Print button and their status line, a
   * live region unless `announce` (the player's one) reads it out. */
  function shareButtons(label, link, announce) {
    const status = element("p", "dt-status", null, announce ? {} : { role: "status" });
    const input = element("input", "dt-url", null, { readonly: "", "aria-label": "Link" });
    const tell = (text) => { status.textContent = text; if (announce) announce(text); };
    const copy = button("dt-copy", label, () => {
      const text = link();
      input.remove();
      status.textContent = "";
      const fallback = () => { // the clipboard was refused: the link, selected, to copy by hand
        input.value = text;
        status.after(input);
        input.select();
        tell("Copy the link selected below");
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(() => tell("Link copied"), fallback);
      } else fallback();
    });
    return [copy, button("dt-print", "Print", () => window.print()), status];
  }

  /** The site's root, relative to this page ("../.."), from Material's config; null without it. */
  function siteBase() {
    const config = document.getElementById("__config");
    try { return JSON.parse(config.textContent).base.replace(/\/?$/, "/"); } catch (error) { return null; }
  }

  /** The address "Send to us" writes to: the call to action's (mkdocs.yml, extra.contact), or "". */
  const contact = () => (document.querySelector("[data-mail]") || { getAttribute: () => "" }).getAttribute("data-mail");

  /** Return the hand-off under a result: "Use this in a hiring brief" where the route fills any of it in,
   * and "Send this result to us", with the address as text, where the page names one. */
  function handOff(tree, route, link) {
    const base = siteBase(), brief = base === null ? "" : briefLink(base, tree, route), address = contact(), parts = [];
    const title = tree.outcomes[route.step].title;
    if (brief) parts.push(element("a", "dt-brief", "Use this in a hiring brief", { href: brief }));
    if (address) {
      const rows = given(tree, route).map((pair) => [pair.question.text, pair.answer.label]);
      const mail = mailLink(address, title, link, rows, brief && new URL(brief, location.href).href);
      if (parts.length) parts.push(element("br"));
      parts.push(element("a", "dt-mail", "Send it to us", { href: mail }), " at ", element("span", "dt-address", address));
    }
    if (!parts.length) return [];
    const box = element("p", "dt-handoff");
    box.append(...parts);
    return [box];
  }

  /** Put, once per page, a line shown only on paper: the page's address, the date printed and how to
   * reach us; both kept current when the page is printed. */
  function printLine() {
    const host = document.querySelector(".md-content__inner");
    if (!host) return;
    let line = host.querySelector(".print-meta");
    if (!line) host.prepend(line = element("p", "print-meta"));
    refill = () => {
      const address = contact();
      line.textContent = "Printed from " + location.href + " on " + new Date().toLocaleDateString("en-GB",
        { day: "numeric", month: "long", year: "numeric" }) + "." + (address ? " Contact us: " + address : "");
    };
    refill();
  }
  let refill = null;

  // The island sits in a <template>, where Material's instant navigation does not re-run scripts.
  const island = (root) => JSON.parse(root.querySelector("template." + CLASSES.data).content.querySelector("script").textContent);

  /** On a result's own page: the answers a share link carries, if any, and Copy link and Print. */
  function showResult(root) {
    const box = root.querySelector(".dt-share"), tree = island(root), state = read(tree, location.hash), route = walk(tree, state);
    const check = element("a", null, "Check these answers for your own team", {
      href: shareLink(new URL(root.getAttribute("data-tool"), location.href).href, tree.id, state.pairs) });
    const bar = element("div", "dt-actions");
    if (state.stale) { // what Copy link copies: the answers kept
      box.append(element("p", "dt-note", dropNote(state)));
      history.replaceState(history.state, "", url(formatHash(location.hash, tree.id, { pairs: state.pairs })));
    }
    if (route.done && route.step === root.getAttribute("data-outcome")) {
      const rows = given(tree, route).map((pair) => {
        const row = element("li");
        row.append(...questionAndAnswer(pair));
        return row;
      });
      const based = section("dt-based", BASED, ...lastRows(rows, "earlier answers"), element("p", null, "Is your team different? "));
      based.replaceChild(element("h2", null, BASED), based.firstChild); // under the page's h1
      based.lastChild.append(check, ": the tool opens with them, and you can change any answer.");
      box.append(based);
    } else if (state.found) {
      box.append(element("p", "dt-note", "The answers in this link no longer lead to this result. "));
      box.lastChild.append(check);
      check.textContent = "See where they lead";
    }
    bar.append(...shareButtons("Copy link", () => location.href));
    box.append(bar);
    const outcome = root.getAttribute("data-outcome"), answered = route.done && route.step === outcome;
    box.append(...handOff(tree, answered ? route : { path: [], step: outcome }, location.href));
  }

  /** Start the trees and results not started yet (again after each instant navigation). */
  function init() {
    focusTaken = false;
    if (document.querySelector("[data-decision-tree-outcome], [" + ATTRIBUTES.tree + "]")) printLine();
    for (const root of document.querySelectorAll("[data-decision-tree-outcome]")) {
      if (players.has(root)) continue;
      players.set(root, null);
      try { showResult(root); } catch (error) { console.error("decision tree:", error); }
    }
    for (const root of document.querySelectorAll("[" + ATTRIBUTES.tree + "]")) {
      if (players.has(root)) continue;
      players.set(root, null);
      const outlines = root.querySelectorAll("." + CLASSES.outline), box = element("div", "dt-player");
      const show = (visible) => { for (const outline of outlines) outline.hidden = !visible; };
      try {
        const player = { root, tree: island(root), steps: {}, path: location.pathname, title: document.title };
        for (const section of root.querySelectorAll("." + CLASSES.step)) player.steps[section.getAttribute(ATTRIBUTES.step)] = section;
        player.live = element("p", "dt-live dt-sr", null, { role: "status" });
        player.view = element("div", "dt-view");
        box.append(player.live, player.view);
        root.append(box);
        const guide = root.querySelector(".dt-guide");
        if (guide) { // a listed tree (render.py's list_html): the player is an option, and opens a link with answers
          const toggle = button("dt-start", "", () => {
            player.guide(!player.on);
            if (player.on) render(player, "step");
            else history.pushState(null, "", url(formatHash(location.hash, player.tree.id, { pairs: [], at: null })));
          });
          guide.append(toggle);
          player.guide = (on) => {
            player.on = on;
            box.hidden = !on;
            show(!on);
            toggle.textContent = on ? "Show all questions" : "Find your answer step by step";
            if (!on) document.title = player.title;
          };
          player.guide(parseHash(location.hash, player.tree.id).found);
          if (player.on) render(player, "load");
        } else {
          show(false); // first, so focus scrolls to the right place
          render(player, "load");
        }
        root.setAttribute("data-dt-ready", "");
        players.set(root, player);
      } catch (error) { // keep the outline
        show(true);
        box.remove();
        console.error("decision tree:", error);
      }
    }
    if (!listening) {
      listening = true;
      const sync = () => {
        for (const root of document.querySelectorAll("[data-dt-ready]")) {
          const player = players.get(root);
          if (!player || player.path !== location.pathname) continue;
          if (player.guide) { // a listed tree: answers in the link open the player, a heading's anchor the list
            const parsed = parseHash(location.hash, player.tree.id), target = parsed.anchor && document.getElementById(player.tree.id + SEP.anchor + parsed.anchor);
            if (parsed.found && !player.on) player.guide(true);
            else if (target && !parsed.found && player.on) player.guide(false), target.scrollIntoView();
            if (!player.on) continue;
          }
          render(player, "history");
        }
      };
      addEventListener("popstate", sync);
      addEventListener("hashchange", sync);
      addEventListener("beforeprint", () => refill && refill());
      // Material pushes same-page links itself and reports them only on location$
      if (window.location$ && window.location$.subscribe) window.location$.subscribe(sync);
    }
  }

  window.decisionTree = api;
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
