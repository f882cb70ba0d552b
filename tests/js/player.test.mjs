// Pure logic of the decision-tree player: URL state, path following, progress, answer/back/change.
// Run with: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const P = createRequire(import.meta.url)("../../decision_tree/assets/player.js");

// a ─┬─ b ─┬─ c ─┬─ o2        Branches of uneven length, and c is reachable three ways,
//    │     │     └─ o3        so changing an early answer can keep c's answer.
//    │     └─ o1
//    ├─ d ─┬─ c
//    │     └─ o3
//    └─ c (key "skip")
const q = (text, ...answers) => ({ text, answers: answers.map(([key, next]) => ({ key, label: `to ${next}`, next })) });
const TREE = {
  id: "t",
  title: "Test tree",
  start: "a",
  questions: {
    a: q("A?", ["b", "b"], ["d", "d"], ["skip", "c"]),
    b: q("B?", ["c", "c"], ["o1", "o1"]),
    c: q("C?", ["o2", "o2"], ["o3", "o3"]),
    d: q("D?", ["c", "c"], ["o3", "o3"]),
  },
  outcomes: {
    o1: { title: "One", url: "o1/", continue: null },
    o2: { title: "Two", url: "o2/", continue: { title: "Next tool", url: "../next/" } },
    o3: { title: "Three", url: "o3/", continue: null },
  },
  aliases: { "old-b": "b", "old-c": "c", "old-o1": "o1" },
};
const S = (pairs, at = null) => ({ pairs, at });
const FRESH = { pairs: [], at: null, stale: false, found: false, anchor: false, dropped: [], waiting: 0 };

test("parseHash reads this tree's pairs and at, in order", () => {
  assert.deepEqual(P.parseHash("#t=a:b,b:c&t.at=b", "t"), {
    pairs: [["a", "b"], ["b", "c"]], at: "b", found: true, bad: false, anchor: false,
  });
});

test("parseHash ignores other trees and other entries", () => {
  const r = P.parseHash("#other=a:b&tt=x:y&t-2=a:b&foo&t=a:d", "t");
  assert.deepEqual(r.pairs, [["a", "d"]]);
  assert.equal(r.bad, false);
});

test("parseHash decodes percent-encoded separators", () => {
  assert.deepEqual(P.parseHash("#t=a%3Ab%2Cb%3Ac", "t").pairs, [["a", "b"], ["b", "c"]]);
});

test("parseHash reads an outline anchor of this tree, not of another", () => {
  assert.equal(P.parseHash("#t--c", "t").anchor, "c");
  assert.equal(P.parseHash("#tt--c", "t").anchor, false);
  assert.equal(P.parseHash("#t--c", "t").found, false);
});

test("formatHash writes pairs in path order, then at", () => {
  assert.equal(P.formatHash("", "t", S([["a", "b"], ["b", "c"]], "b")), "#t=a:b,b:c&t.at=b");
  assert.equal(P.formatHash("#t=a:b", "t", S([])), "");
});

test("formatHash keeps other entries untouched and in place", () => {
  const hash = "#x=q:k&t=a:b&y.at=z&plain&t.at=a&w=%41";
  assert.equal(P.formatHash(hash, "t", S([["a", "d"]])), "#x=q:k&t=a:d&y.at=z&plain&w=%41");
  assert.equal(P.formatHash("#x=q:k", "t", S([["a", "d"]])), "#x=q:k&t=a:d");
  assert.equal(P.formatHash("#x=q:k&t=a:b", "t", S([])), "#x=q:k");
});

test("formatHash drops this tree's outline anchor", () => {
  assert.equal(P.formatHash("#t--c", "t", S([["a", "b"]])), "#t=a:b");
  assert.equal(P.formatHash("#u--c", "t", S([])), "#u--c");
});

test("parse and format round-trip", () => {
  for (const hash of ["#t=a:b,b:c,c:o2", "#t=a:b,b:c,c:o2&t.at=b", "#u=x:y&t=a:skip&v.at=q"]) {
    assert.equal(P.formatHash(hash, "t", P.parseHash(hash, "t")), hash);
  }
});

test("two trees in one hash are read and written independently", () => {
  const two = { ...TREE, id: "u" };
  let hash = P.formatHash("", "t", S([["a", "b"]]));
  hash = P.formatHash(hash, "u", S([["a", "d"]]));
  hash = P.formatHash(hash, "t", S([["a", "b"], ["b", "o1"]]));
  assert.equal(hash, "#t=a:b,b:o1&u=a:d");
  assert.deepEqual(P.read(TREE, hash).pairs, [["a", "b"], ["b", "o1"]]);
  assert.deepEqual(P.read(two, hash).pairs, [["a", "d"]]);
});

test("walk with no answers shows the start question", () => {
  assert.deepEqual(P.walk(TREE, S([])), { path: [], step: "a", at: null, done: false, stale: false, pending: [] });
});

test("walk follows answers to the first unanswered question", () => {
  const w = P.walk(TREE, S([["a", "b"], ["b", "c"]]));
  assert.deepEqual(w.path, [{ question: "a", key: "b", next: "b" }, { question: "b", key: "c", next: "c" }]);
  assert.equal(w.step, "c");
  assert.equal(w.done, false);
});

test("walk reaches an outcome", () => {
  const w = P.walk(TREE, S([["a", "skip"], ["c", "o3"]]));
  assert.deepEqual([w.step, w.done, w.stale], ["o3", true, false]);
});

test("walk follows an answer's old key (its aliases) and reads the current key into the path", () => {
  const tree = structuredClone(TREE);
  tree.questions.a.answers[2].aliases = ["yes-it-is-live", "older"];
  const w = P.walk(tree, S([["a", "yes-it-is-live"], ["c", "o3"]]));
  assert.deepEqual([w.step, w.done, w.stale], ["o3", true, false]);
  assert.deepEqual(w.path.map((step) => [step.question, step.key]), [["a", "skip"], ["c", "o3"]]);
  assert.deepEqual(P.read(tree, "#t=a:older,c:o3").pairs, [["a", "skip"], ["c", "o3"]]); // rewritten
  assert.equal(P.walk(TREE, S([["a", "yes-it-is-live"]])).stale, true); // without the alias: dropped
});

test("a retired question's answers are found on the question that took its place", () => {
  // old-b was split into b: its answers kept their keys there; old-c's answer o9 has no equivalent.
  const w = P.walk(TREE, S([["a", "old-b"], ["old-b", "c"], ["old-c", "o9"]]));
  assert.deepEqual([w.step, w.done, w.stale], ["c", false, true]); // stops at c, nearest, and says so
  assert.deepEqual(P.read(TREE, "#t=a:old-b,old-b:c,old-c:o9").dropped, ["C?"]);
});

test("walk accepts pairs in any order", () => {
  assert.equal(P.walk(TREE, S([["c", "o2"], ["a", "skip"]])).step, "o2");
});

test("read normalises a valid URL without a note", () => {
  assert.deepEqual(P.read(TREE, "#t=a:b,b:o1"), { ...FRESH, found: true, pairs: [["a", "b"], ["b", "o1"]] });
});

test("read of an empty or foreign hash starts fresh without a note", () => {
  for (const hash of ["", "#", null, undefined, "#other=a:b", "#=,:", "#&&&", "#t-extra=zz:zz"]) {
    assert.deepEqual(P.read(TREE, hash), FRESH, String(hash));
  }
});

test("read of an outline anchor of a question opens it, along the shortest way there", () => {
  assert.deepEqual(P.read(TREE, "#t--d"), { ...FRESH, anchor: "d", pairs: [["a", "d"]] });
  assert.deepEqual(P.read(TREE, "#t--c"), { ...FRESH, anchor: "c", pairs: [["a", "skip"]] }, "one answer, not two");
  assert.deepEqual(P.read(TREE, "#t--old-b").pairs, [["a", "b"]], "a retired question's anchor");
  assert.deepEqual(P.read(TREE, "#t--a"), { ...FRESH, anchor: "a" }, "the first question needs no answers");
});

test("read of an outline anchor of a result, or of no step, starts fresh without a note", () => {
  assert.deepEqual(P.read(TREE, "#t--o1"), { ...FRESH, anchor: "o1" });
  assert.deepEqual(P.read(TREE, "#t--gone"), { ...FRESH, anchor: "gone" });
  assert.deepEqual(P.read(TREE, "#t=a:b&t--d").pairs, [["a", "b"]], "answers win over an anchor");
});

test("routeTo finds the fewest answers from the start, or none", () => {
  assert.deepEqual(P.routeTo(TREE, "b"), [["a", "b"]]);
  assert.deepEqual(P.routeTo(TREE, "a"), []);
  assert.deepEqual(P.routeTo(TREE, "nowhere"), []);
  assert.deepEqual(P.routeTo(chain(DEPTH), `q${DEPTH - 1}`).length, DEPTH - 1, "10,000 deep, without recursion");
});

/** read() of a stale link: the answers kept, where it stops, and the questions of the answers dropped. */
const stale = (hash) => {
  const r = P.read(TREE, hash);
  assert.equal(r.stale, true, hash);
  return [r.pairs, P.walk(TREE, r).step, r.dropped];
};

test("stale: an unknown question is dropped and the answers that still lead on are kept", () => {
  assert.deepEqual(stale("#t=a:b,zz:c"), [[["a", "b"]], "b", [""]]);
  assert.deepEqual(stale("#t=gone:b"), [[], "a", [""]]);
  assert.deepEqual(stale("#t=a:b,zz:c,b:c,c:o2"), [[["a", "b"], ["b", "c"], ["c", "o2"]], "o2", [""]]);
});

test("stale: an answer no longer offered keeps the answers before it and asks its question again", () => {
  assert.deepEqual(stale("#t=a:c"), [[], "a", ["A?"]]);
  assert.deepEqual(stale("#t=a:b,b:gone,c:o2"), [[["a", "b"], ["c", "o2"]], "b", ["B?"]], "c's answer waits: c is ahead of b");
  assert.deepEqual(stale("#t=a:d,d:gone,b:o1"), [[["a", "d"]], "d", ["D?", "B?"]], "b is not ahead of d");
});

test("stale: a pair whose question is not on the path", () => {
  assert.deepEqual(stale("#t=a:d,b:c"), [[["a", "d"]], "d", ["B?"]]);
  assert.deepEqual(stale("#t=b:c"), [[["b", "c"]], "a", []], "b is ahead of a: its answer waits there");
  assert.deepEqual(stale("#t=a:skip,c:o2,d:c"), [[["a", "skip"], ["c", "o2"]], "o2", ["D?"]], "d is off the path a → c");
});

test("stale: the same question answered twice keeps the first, and names no question", () => {
  assert.deepEqual(stale("#t=a:b,a:b"), [[["a", "b"]], "b", [""]]);
  assert.deepEqual(stale("#t=a:b,old-b:c,b:o1"), [[["a", "b"], ["b", "c"]], "c", [""]], "an alias and its id");
  assert.deepEqual(stale("#t=a:b&t=a:b"), [[["a", "b"]], "b", [""]], "the entry twice");
});

test("stale: at not on the path, or not a question, is dropped and the answers kept", () => {
  assert.deepEqual(stale("#t=a:b&t.at=d"), [[["a", "b"]], "b", []]);
  assert.deepEqual(stale("#t=a:b,b:o1&t.at=o1"), [[["a", "b"], ["b", "o1"]], "o1", []]);
  assert.deepEqual(stale("#t=a:b&t.at=Bad_Id"), [[["a", "b"]], "b", [""]]);
  assert.deepEqual(stale("#t.at="), [[], "a", [""]]);
});

test("dropNote says what was left out and what is kept", () => {
  const note = (hash) => P.dropNote(P.read(TREE, hash));
  assert.equal(note("#t=a:b,b:gone"), "Part of that link no longer fits this tool, so it was left out: your answer to “B?”. "
    + "Your answers that still fit are kept.");
  assert.equal(note("#t=a:c,zz:y,yy:x"), "Part of that link no longer fits this tool, so it was left out: your answer to “A?”; "
    + "2 answers it could not place, so you are starting from the first question.");
  assert.equal(note("#t=gone:b"), "Part of that link no longer fits this tool, so it was left out: 1 answer it could not place, "
    + "so you are starting from the first question.");
  assert.equal(note("#t=a:b&t.at=d"), "That link points to a step that no longer exists. Your answers that still fit are kept.");
});

test("shareLink is a result's own page with the answers, in the tool's hash format", () => {
  const pairs = [["a", "b"], ["b", "o1"]];
  assert.equal(P.shareLink("https://x.test/tools/t/o1/", "t", pairs), "https://x.test/tools/t/o1/#t=a:b,b:o1");
  assert.equal(P.shareLink("https://x.test/tools/t/o1/#t=old", "t", pairs), "https://x.test/tools/t/o1/#t=a:b,b:o1");
  const read = P.read(TREE, new URL(P.shareLink("https://x.test/tools/t/o1/", "t", pairs)).hash);
  assert.deepEqual([read.pairs, P.walk(TREE, read).step], [pairs, "o1"], "it reads back to the same result");
});

test("stale: malformed text never throws", () => {
  const inputs = [
    "#t=%zz", "#t=a:b,%E0%A4%A", "#t==,:", "#t=,", "#t=:", "#t=a:", "#t=:b", "#t=a:b:c",
    "#t=a:b,,b:c", "#t=A:B", "#t=a b", "#t=a:b c", "#t=__proto__:x", "#t=constructor:b", "#t=a:constructor",
    "#t=toString:toString&t.at=hasOwnProperty", "#t=" + "a:b,".repeat(50000) + "b:c",
    "#t=" + "x".repeat(200000), "#t.at=" + "a".repeat(100000),
  ];
  for (const hash of inputs) {
    const r = P.read(TREE, hash);
    assert.equal(r.stale, true, hash.slice(0, 40));
    assert.equal(P.walk(TREE, r).stale, false, "what is kept is a route from the start");
  }
});

test("garbage outside this tree's entries is ignored, not stale", () => {
  assert.deepEqual(P.read(TREE, "#%zz&=,:&x=%zz&t%zz=a:c&t=a:b").pairs, [["a", "b"]]);
  assert.equal(P.read(TREE, "#" + "&".repeat(100000) + "q").stale, false);
});

test("malformed parts are dropped and the readable answers kept", () => {
  assert.deepEqual(stale("#t=a:b,,b:c"), [[["a", "b"], ["b", "c"]], "c", [""]]);
  assert.deepEqual(stale("#t=a:b,b:c:d"), [[["a", "b"]], "b", [""]]);
});

test("a tree whose id looks like an Object.prototype member still works", () => {
  const tree = { ...TREE, id: "constructor", aliases: {} };
  assert.deepEqual(P.read(tree, "#constructor=a:b").pairs, [["a", "b"]]);
  assert.equal(P.read(tree, "#constructor=a:old-b").stale, true, "no aliases at all");
});

test("retired question ids resolve through aliases", () => {
  const r = P.read(TREE, "#t=a:b,old-b:c");
  assert.deepEqual([r.pairs, r.stale], [[["a", "b"], ["b", "c"]], false]);
});

test("retired answer keys resolve through aliases", () => {
  assert.deepEqual(P.read(TREE, "#t=a:old-b,b:old-c,c:o2").pairs, [["a", "b"], ["b", "c"], ["c", "o2"]]);
  assert.deepEqual(P.read(TREE, "#t=a:b,b:old-o1").pairs, [["a", "b"], ["b", "o1"]]);
});

test("a retired at resolves through aliases", () => {
  assert.deepEqual(P.read(TREE, "#t=a:b,b:c&t.at=old-b"), { ...FRESH, found: true, pairs: [["a", "b"], ["b", "c"]], at: "b" });
});

test("resolve follows a chain and leaves current ids alone", () => {
  const tree = { aliases: { x: "y", y: "z" } };
  assert.equal(P.resolve(tree, "x"), "z");
  assert.equal(P.resolve(tree, "z"), "z");
  assert.equal(P.resolve({}, "a"), "a");
  assert.equal(P.resolve({ aliases: { p: "q", q: "p" } }, "p").length, 1, "a cycle ends");
});

test("at on the current unanswered question is dropped, not stale", () => {
  assert.deepEqual(P.read(TREE, "#t=a:b&t.at=b"), { ...FRESH, found: true, pairs: [["a", "b"]] });
  assert.deepEqual(P.read(TREE, "#t.at=a"), { ...FRESH, found: true });
});

test("at shows that question while keeping later answers", () => {
  const w = P.walk(TREE, S([["a", "b"], ["b", "c"], ["c", "o2"]], "b"));
  assert.deepEqual([w.step, w.at, w.done, w.path.length], ["b", "b", false, 3]);
});

test("span counts questions to an outcome, shortest and longest", () => {
  assert.deepEqual(P.span(TREE, "a"), [2, 3]);
  assert.deepEqual(P.span(TREE, "b"), [1, 2]);
  assert.deepEqual(P.span(TREE, "c"), [1, 1]);
  assert.deepEqual(P.span(TREE, "o1"), [0, 0]);
});

test("progress numbers the shown question and counts what may follow it", () => {
  assert.deepEqual(P.progress(TREE, S([])), { number: 1, min: 1, max: 2, done: false });
  assert.deepEqual(P.progress(TREE, S([["a", "b"]])), { number: 2, min: 0, max: 1, done: false });
  assert.deepEqual(P.progress(TREE, S([["a", "b"], ["b", "c"]])), { number: 3, min: 0, max: 0, done: false });
  assert.deepEqual(P.progress(TREE, S([["a", "skip"]])), { number: 2, min: 0, max: 0, done: false });
  assert.deepEqual(P.progress(TREE, S([["a", "skip"], ["c", "o3"]])), { number: 2, min: 0, max: 0, done: true });
  assert.deepEqual(P.progress(TREE, S([["a", "b"], ["b", "c"], ["c", "o2"]], "b")), { number: 2, min: 0, max: 1, done: false });
});

test("progressText words", () => {
  assert.equal(P.progressText({ number: 2, min: 1, max: 3 }), "Question 2 · 1–3 more questions");
  assert.equal(P.progressText({ number: 1, min: 1, max: 2 }), "Question 1 · 1–2 more questions");
  assert.equal(P.progressText({ number: 4, min: 0, max: 0 }), "Question 4 · last question");
  assert.equal(P.progressText({ number: 1, min: 2, max: 2 }), "Question 1 · 2 more questions");
  assert.equal(P.progressText({ number: 1, min: 1, max: 1 }), "Question 1 · 1 more question");
  assert.equal(P.progressText({ number: 2, min: 0, max: 1 }), "Question 2 · up to 1 more question");
});

// A link made before the start moved and the questions were reordered. It was published as
//   owner ─┬─ yes ─ kind ─┬─ train ─ keep          and "live" is now asked first, "kind" before "owner":
//          └─ no ─ hire    └─ llm ─ llm-hire
//   live ─┬─ yes ─ kind ─┬─ train ─ owner ─┬─ yes ─ keep
//         │              └─ llm ─ llm-hire  └─ no ─ hire
//         └─ no ─ wait
const MOVED = {
  id: "m",
  title: "Moved",
  start: "live",
  questions: {
    live: q("Live?", ["yes", "kind"], ["no", "wait"]),
    kind: q("Kind?", ["train", "owner"], ["llm", "llm-hire"]),
    owner: q("Owner?", ["yes", "keep"], ["no", "hire"]),
  },
  outcomes: Object.assign({}, ...["keep", "hire", "wait", "llm-hire"].map((id) => ({ [id]: { title: id, url: `${id}/`, continue: null } }))),
  aliases: { lead: "owner" },
};
MOVED.questions.owner.answers[0].aliases = ["kind"]; // its key when it led to kind
const OLD = "#m=lead:kind,kind:train"; // the old route to "keep", with the ids and keys of then

test("waiting: a link that does not answer the new start question lands there, keeping its answers", () => {
  const r = P.read(MOVED, OLD);
  assert.deepEqual([r.pairs, r.dropped, r.waiting, r.stale], [[["owner", "yes"], ["kind", "train"]], [], 2, true]);
  assert.deepEqual(P.walk(MOVED, r).step, "live");
  assert.equal(P.formatHash(OLD, "m", r), "#m=owner:yes,kind:train", "current ids and keys, in the link's order");
  assert.equal(P.dropNote(r), "This tool asks questions that link does not answer: answer them, and the link's answers are used if their questions come up.");
});

test("waiting: answering the new question takes the waiting answers in the tree's order, to the result", () => {
  const s = P.choose(MOVED, P.read(MOVED, OLD), "yes");
  assert.deepEqual(s, S([["live", "yes"], ["kind", "train"], ["owner", "yes"]]));
  assert.deepEqual([P.walk(MOVED, s).step, P.read(MOVED, P.formatHash("", "m", s)).stale], ["keep", false]);
});

test("waiting: answers to questions the reader's branch never reaches are dropped", () => {
  assert.deepEqual(P.choose(MOVED, P.read(MOVED, OLD), "no"), S([["live", "no"]]), "wait is a result");
  const r = P.read(MOVED, "#m=live:yes,kind:llm,owner:no");
  assert.deepEqual([r.pairs, P.walk(MOVED, r).step, r.dropped, r.waiting], [[["live", "yes"], ["kind", "llm"]], "llm-hire", ["Owner?"], 0]);
  const partly = P.choose(MOVED, P.read(MOVED, "#m=owner:no"), "yes"); // kind is now unanswered: owner is still ahead
  assert.deepEqual([partly, P.choose(MOVED, partly, "llm")], [S([["live", "yes"], ["owner", "no"]]), S([["live", "yes"], ["kind", "llm"]])]);
});

test("waiting: the first answer that fits a question wins, in whatever order the link has them", () => {
  const twice = P.read(MOVED, "#m=kind:train,kind:llm");
  assert.deepEqual([twice.pairs, twice.dropped], [[["kind", "train"]], [""]]);
  const retiredFirst = P.read(MOVED, "#m=kind:gone,lead:no,kind:llm");
  assert.deepEqual([retiredFirst.pairs, retiredFirst.dropped], [[["owner", "no"], ["kind", "llm"]], [""]]);
  const reversed = P.read(MOVED, "#m=owner:yes,kind:train,live:yes");
  assert.deepEqual([reversed.pairs, reversed.stale, P.walk(MOVED, reversed).step], [[["live", "yes"], ["kind", "train"], ["owner", "yes"]], false, "keep"]);
});

test("waiting: a retired answer stops at its question, named, and the answers after it wait", () => {
  const r = P.read(MOVED, "#m=live:gone,kind:train");
  assert.deepEqual([r.pairs, P.walk(MOVED, r).step, r.dropped, r.waiting], [[["kind", "train"]], "live", ["Live?"], 1]);
  assert.equal(P.dropNote(r), "Part of that link no longer fits this tool, so it was left out: your answer to “Live?”. "
    + "This tool asks questions that link does not answer: answer them, and the link's answers are used if their questions come up.");
});

test("waiting: back and change keep the waiting answers", () => {
  const s = P.choose(MOVED, P.read(MOVED, "#m=owner:yes"), "yes"); // at kind, owner's answer waiting
  assert.deepEqual(s, S([["live", "yes"], ["owner", "yes"]]));
  assert.deepEqual(P.back(MOVED, s), S([["owner", "yes"]]));
  assert.deepEqual(P.change(MOVED, s, "live"), S([["live", "yes"], ["owner", "yes"]], "live"));
  assert.deepEqual(P.back(MOVED, P.change(MOVED, s, "live")), S([["live", "yes"], ["owner", "yes"]], "live"));
  assert.deepEqual(P.choose(MOVED, P.change(MOVED, s, "live"), "yes"), s, "the same answer again");
  assert.deepEqual(P.progress(MOVED, s), { number: 2, min: 0, max: 1, done: false }, "counts from where the reader is");
});

test("a link 10,000 answers deep without the first answer waits, and is read in linear time", () => {
  const tree = chain(DEPTH), run = metered(tree), pairs = longest(DEPTH).slice(1).reverse();
  const [r, reads] = run(() => P.read(tree, P.formatHash("", "t", S(pairs))));
  linear(reads, DEPTH);
  assert.deepEqual([r.waiting, r.dropped, P.walk(tree, r).step], [DEPTH - 1, [], "q0"]);
  const [s, chose] = run(() => P.choose(tree, r, "q1"));
  linear(chose, DEPTH);
  assert.deepEqual([s.pairs.length, P.walk(tree, s).step], [DEPTH, "o0"]);
});

test("choose answers the current question and moves on", () => {
  let s = P.choose(TREE, S([]), "b");
  assert.deepEqual(s, S([["a", "b"]]));
  s = P.choose(TREE, s, "c");
  s = P.choose(TREE, s, "o2");
  assert.deepEqual(s, S([["a", "b"], ["b", "c"], ["c", "o2"]]));
  assert.equal(P.walk(TREE, s).done, true);
});

test("choose ignores an unknown key, and does nothing on an outcome", () => {
  const s = S([["a", "b"]]);
  assert.equal(P.choose(TREE, s, "nope"), s);
  const end = S([["a", "b"], ["b", "o1"]]);
  assert.equal(P.choose(TREE, end, "c"), end);
});

test("back drops the last answer", () => {
  assert.deepEqual(P.back(TREE, S([["a", "b"], ["b", "o1"]])), S([["a", "b"]]));
  assert.deepEqual(P.back(TREE, S([["a", "b"]])), S([]));
  assert.deepEqual(P.back(TREE, S([])), S([]));
});

test("back while changing moves to the previous question, keeping answers", () => {
  const all = [["a", "b"], ["b", "c"], ["c", "o2"]];
  assert.deepEqual(P.back(TREE, S(all, "c")), S(all, "b"));
  assert.deepEqual(P.back(TREE, S(all, "b")), S(all, "a"));
  assert.deepEqual(P.back(TREE, S(all, "a")), S(all, "a"), "nothing before the first question");
});

test("change reopens a question on the path, keeping every answer", () => {
  const all = [["a", "b"], ["b", "c"], ["c", "o2"]];
  assert.deepEqual(P.change(TREE, S(all), "b"), S(all, "b"));
  assert.deepEqual(P.change(TREE, S(all), "d"), S(all), "d is not on the path");
});

test("change then the same answer returns to where you were", () => {
  const all = [["a", "b"], ["b", "c"], ["c", "o2"]];
  assert.deepEqual(P.choose(TREE, P.change(TREE, S(all), "a"), "b"), S(all));
});

test("change keeps later answers that still apply and drops the others", () => {
  const all = [["a", "b"], ["b", "c"], ["c", "o2"]];
  // a → c directly: c's answer still applies, b's does not; lands on the outcome.
  const s = P.choose(TREE, P.change(TREE, S(all), "a"), "skip");
  assert.deepEqual(s, S([["a", "skip"], ["c", "o2"]]));
  assert.equal(P.walk(TREE, s).step, "o2");
});

test("change lands on the first unanswered question of the new path", () => {
  const all = [["a", "b"], ["b", "c"], ["c", "o2"]];
  const s = P.choose(TREE, P.change(TREE, S(all), "a"), "d");
  assert.deepEqual(s, S([["a", "d"]]));
  assert.deepEqual([P.walk(TREE, s).step, P.walk(TREE, s).stale], ["d", false]);
});

test("change to an answer that ends the path drops everything after it", () => {
  const s = P.choose(TREE, S([["a", "b"], ["b", "c"], ["c", "o3"]], "b"), "o1");
  assert.deepEqual(s, S([["a", "b"], ["b", "o1"]]));
});

test("every step's state survives a trip through the URL", () => {
  let s = S([]);
  const steps = [(x) => P.choose(TREE, x, "b"), (x) => P.choose(TREE, x, "c"), (x) => P.choose(TREE, x, "o3"),
    (x) => P.change(TREE, x, "a"), (x) => P.back(TREE, x), (x) => P.choose(TREE, x, "skip"), (x) => P.back(TREE, x)];
  for (const step of steps) {
    s = step(s);
    const r = P.read(TREE, P.formatHash("#other=1", "t", s));
    assert.deepEqual([r.pairs, r.at, r.stale], [s.pairs, s.at, false]);
  }
});

test("every path of the fixture ends at an outcome by choosing answers", () => {
  const seen = new Set();
  const explore = (s) => {
    const w = P.walk(TREE, s);
    if (w.done) return seen.add(w.step);
    for (const a of TREE.questions[w.step].answers) explore(P.choose(TREE, s, a.key));
  };
  explore(S([]));
  assert.deepEqual([...seen].sort(), ["o1", "o2", "o3"]);
});

// Large trees the engine accepts, shaped as decision_tree/generate.py writes them. The engine names an
// answer after its target, or after its label when two answers share one.
const DEPTH = 10_000;
const big = (questions, outcomes) => ({ id: "t", title: "Big", start: "q0", questions, outcomes, aliases: {} });
const outcome = (id) => ({ [id]: { title: id, url: `${id}/`, continue: null } });
const byTarget = (...targets) => targets.map((next) => [next, next]);
const byLabel = (next) => [["answer-1", next], ["answer-2", next]];
function chain(depth) { // each question leads on, or stops at the outcome
  const questions = {};
  for (let i = 0; i < depth; i++) {
    questions[`q${i}`] = q(`Question ${i}?`, ...(i + 1 < depth ? byTarget(`q${i + 1}`, "o0") : byLabel("o0")));
  }
  return big(questions, outcome("o0"));
}
function diamond(depth) { // both answers of each question lead on: 2^depth routes
  const questions = {};
  for (let i = 0; i < depth; i++) questions[`q${i}`] = q(`Question ${i}?`, ...byLabel(i + 1 < depth ? `q${i + 1}` : "o0"));
  return big(questions, outcome("o0"));
}
function wide(answers) { // one question, each answer to an outcome of its own
  const targets = Array.from({ length: answers }, (_, i) => `o${i}`);
  return big({ q0: q("Question 0?", ...byTarget(...targets)) }, Object.assign({}, ...targets.map(outcome)));
}
/** Return run(f): f's result and how many times it read a question's answers, the work it did on the tree. */
function metered(tree) {
  let reads = 0;
  for (const question of Object.values(tree.questions)) {
    const answers = question.answers;
    Object.defineProperty(question, "answers", { get: () => (reads++, answers) });
  }
  return (f) => { const before = reads, value = f(); return [value, reads - before]; };
}
/** The answers of the longest route of chain(depth), in order. */
const longest = (depth) => [...Array.from({ length: depth - 1 }, (_, i) => [`q${i}`, `q${i + 1}`]), [`q${depth - 1}`, "answer-1"]];
const linear = (reads, size) => assert.ok(reads <= 4 * size, `a few reads per question, not one per route or pair of questions: ${reads}`);

test("a chain 10,000 questions deep: span and progress, without recursion", () => {
  const tree = chain(DEPTH), run = metered(tree);
  assert.deepEqual(P.span(tree, "q0"), [1, DEPTH]);
  const [progress, reads] = run(() => P.progress(tree, S([])));
  assert.deepEqual(progress, { number: 1, min: 0, max: DEPTH - 1, done: false });
  linear(reads, DEPTH);
  assert.equal(P.progressText(progress), "Question 1 · up to 9999 more questions");
});

test("a link 10,000 answers deep is read, shown and stepped through, each step linear in the tree", () => {
  const tree = chain(DEPTH), run = metered(tree), pairs = longest(DEPTH), hash = P.formatHash("", "t", S(pairs));
  const steps = {
    read: () => P.read(tree, hash),
    progress: () => P.progress(tree, S(pairs)),
    readAt: () => P.read(tree, hash + "&t.at=q5000"),
    progressAt: () => P.progress(tree, S(pairs, "q5000")),
    backAt: () => P.back(tree, S(pairs, "q5000")),
    back: () => P.back(tree, S(pairs)),
    change: () => P.change(tree, S(pairs), "q3"),
    choose: () => P.choose(tree, S(pairs, "q3"), "o0"),
  };
  const got = {};
  for (const [name, step] of Object.entries(steps)) {
    const [value, reads] = run(step);
    linear(reads, DEPTH);
    got[name] = value;
  }
  assert.deepEqual([got.read.pairs.length, got.read.stale, P.walk(tree, got.read).step], [DEPTH, false, "o0"]);
  assert.deepEqual(got.progress, { number: DEPTH, min: 0, max: 0, done: true });
  assert.deepEqual([got.readAt.at, got.readAt.pairs.length], ["q5000", DEPTH]);
  assert.deepEqual(got.progressAt, { number: 5001, min: 0, max: 4999, done: false });
  assert.deepEqual(got.backAt, S(pairs, "q4999"));
  assert.equal(P.progressText(P.progress(tree, got.back)), `Question ${DEPTH} · last question`);
  assert.deepEqual(got.change, S(pairs, "q3"));
  assert.deepEqual(got.choose, S([...pairs.slice(0, 3), ["q3", "o0"]]));
});

test("a diamond of 2^60 routes: progress counts questions, never routes", () => {
  const tree = diamond(60), run = metered(tree);
  const [progress, reads] = run(() => P.progress(tree, S([])));
  assert.equal(P.progressText(progress), "Question 1 · 59 more questions");
  linear(reads, 60);
  let state = S([]);
  for (let i = 0; i < 60; i++) state = P.choose(tree, state, i % 2 ? "answer-1" : "answer-2");
  assert.deepEqual(P.progress(tree, state), { number: 60, min: 0, max: 0, done: true });
  assert.deepEqual(P.progress(tree, P.change(tree, state, "q30")), { number: 31, min: 29, max: 29, done: false });
});

test("a question with 10,000 answers, and a link that answers it 10,000 times", () => {
  const tree = wide(DEPTH), run = metered(tree), last = `o${DEPTH - 1}`;
  assert.deepEqual(P.progress(tree, S([])), { number: 1, min: 0, max: 0, done: false });
  const end = P.choose(tree, S([]), last);
  assert.deepEqual([P.walk(tree, end).step, P.walk(tree, end).done], [last, true]);
  const [read, reads] = run(() => P.read(tree, "#t=" + Array(DEPTH).fill(`q0:${last}`).join(",")));
  assert.equal(read.stale, true);
  assert.ok(reads <= 1, `the question's 10,000 answers are searched once, not once per pair: ${reads}`);
});

// Advice on a result: "Why this result", the caveat on unsure answers, and "What would change it".
//   live ─┬─ yes, not-sure ─ team ─┬─ nobody, not-sure ─ hire
//         │                        └─ a-team ─ grow
//         └─ not-yet ─ plan ─┬─ soon ─ team
//                            └─ later ─ wait
const answer = (key, next, extra = {}) => ({ key, label: `Label ${key}`, next, ...extra });
const ADVICE = {
  id: "advice",
  title: "Advice",
  start: "live",
  questions: {
    live: { text: "Live?", answers: [answer("yes", "team", { why: "It is live." }),
      answer("not-sure", "team", { why: "Nobody could say.", unsure: true }), answer("not-yet", "plan", { why: "Not live yet." })] },
    team: { text: "Team?", answers: [answer("nobody", "hire", { why: "Nobody runs it." }),
      answer("not-sure", "hire", { unsure: true }), answer("a-team", "grow")] },
    plan: { text: "Plan?", answers: [answer("soon", "team"), answer("later", "wait", { why: "Later." })] },
  },
  outcomes: { hire: { title: "Hire" }, grow: { title: "Grow" }, wait: { title: "Wait" } },
  aliases: {},
};
const route = (tree, pairs) => P.walk(tree, S(pairs));
const UNSURE = [["live", "not-sure"], ["team", "not-sure"]];
/** Summarise changes() as question id -> [other answer key, outcome or "min-max"]. */
const changed = (tree, pairs) => Object.fromEntries(P.changes(tree, route(tree, pairs)).map((pair) =>
  [pair.id, pair.others.map((other) => [other.answer.key, other.outcome || `${other.min}-${other.max}`])]));

test("reasons are the whys of the answers given, in route order, skipping answers without one", () => {
  assert.deepEqual(P.reasons(ADVICE, route(ADVICE, [["live", "not-yet"], ["plan", "soon"], ["team", "nobody"]])),
    ["Not live yet.", "Nobody runs it."]);
  assert.deepEqual(P.reasons(ADVICE, route(ADVICE, [["live", "yes"], ["team", "a-team"]])), ["It is live."]);
  assert.deepEqual(P.reasons(TREE, route(TREE, [["a", "b"], ["b", "o1"]])), [], "a tree without whys");
});

test("the caveat names the unsure answers in route order when there are two or more", () => {
  const unsure = P.caveat(ADVICE, route(ADVICE, UNSURE));
  assert.deepEqual(unsure.map((pair) => [pair.id, pair.question.text, pair.answer.label]),
    [["live", "Live?", "Label not-sure"], ["team", "Team?", "Label not-sure"]]);
  assert.equal(unsure[0].id, "live", "the earliest is the one to settle first");
  assert.equal(P.caveat(ADVICE, route(ADVICE, [["live", "not-sure"], ["team", "nobody"]])), null, "one is not enough");
  assert.equal(P.caveat(TREE, route(TREE, [["a", "b"], ["b", "o1"]])), null);
});

test("what would change it: other answers leading elsewhere, with the result or the new questions", () => {
  // live: yes leads to team, answered later, so back to this result; not-yet asks plan, then maybe team again.
  assert.deepEqual(changed(ADVICE, UNSURE), { live: [["not-yet", "1-2"]], team: [["a-team", "grow"]] });
  assert.deepEqual(changed(ADVICE, [["live", "not-yet"], ["plan", "soon"], ["team", "nobody"]]),
    { plan: [["later", "wait"]], team: [["a-team", "grow"]] });
  assert.deepEqual(changed(ADVICE, [["live", "yes"], ["team", "a-team"]]),
    { live: [["not-yet", "1-2"]], team: [["nobody", "hire"], ["not-sure", "hire"]] });
  // The player drops later answers at a new question (c's here), so they are asked again: counted.
  assert.deepEqual(changed(TREE, [["a", "skip"], ["c", "o2"]]), { a: [["b", "1-2"], ["d", "1-2"]], c: [["o3", "o3"]] });
});

test("every answer offered by changes() leads where it says, and every other answer to this result", () => {
  for (const tree of [TREE, ADVICE]) {
    const results = [];
    const explore = (s) => {
      const w = P.walk(tree, s);
      if (w.done) return results.push(s);
      for (const a of tree.questions[w.step].answers) explore(P.choose(tree, s, a.key));
    };
    explore(S([]));
    for (const s of results) {
      const here = P.walk(tree, s), offered = new Map();
      for (const pair of P.changes(tree, here)) for (const other of pair.others) offered.set(`${pair.id}:${other.answer.key}`, other);
      for (const taken of here.path) {
        for (const a of tree.questions[taken.question].answers) {
          if (a.key === taken.key) continue;
          const tried = P.walk(tree, P.choose(tree, P.change(tree, s, taken.question), a.key));
          const other = offered.get(`${taken.question}:${a.key}`), name = `${JSON.stringify(s.pairs)} ${taken.question}:${a.key}`;
          if (!other) assert.deepEqual([tried.done, tried.step], [true, here.step], name);
          else if (other.outcome) assert.deepEqual([tried.done, tried.step], [true, other.outcome], name);
          else {
            assert.deepEqual([tried.done, tried.path.length], [false, here.path.indexOf(taken) + 1], name);
            assert.deepEqual([other.min, other.max], P.span(tree, tried.step), name);
          }
        }
      }
    }
  }
});

test("countText words the new questions an answer would ask", () => {
  assert.equal(P.countText(1, 1), "1 more question");
  assert.equal(P.countText(2, 2), "2 more questions");
  assert.equal(P.countText(1, 9999), "1–9999 more questions");
  assert.equal(P.countText(0, 3), "up to 3 more questions");
});

test("a chain 10,000 questions deep: advice on a result, linear in the tree", () => {
  const tree = chain(DEPTH), run = metered(tree);
  for (const question of Object.values(tree.questions)) {
    for (const a of question.answers) Object.assign(a, { why: `Because ${a.key}.`, unsure: true });
  }
  const [early, earlyReads] = run(() => changed(tree, [["q0", "o0"]]));
  assert.deepEqual(early, { q0: [["q1", `1-${DEPTH - 1}`]] }, "q1 is new: 1 to 9,999 more questions");
  linear(earlyReads, DEPTH);
  const pairs = longest(DEPTH), end = route(tree, pairs);
  const [deep, deepReads] = run(() => P.changes(tree, end));
  assert.deepEqual(deep, [], "every other answer leads to the one outcome");
  linear(deepReads, DEPTH);
  const [[why, unsure], reads] = run(() => [P.reasons(tree, end), P.caveat(tree, end)]);
  assert.deepEqual([why.length, why[0], why.at(-1)], [DEPTH, "Because q1.", "Because answer-1."]);
  assert.deepEqual([unsure.length, unsure[0].id], [DEPTH, "q0"]);
  linear(reads, DEPTH);
});

test("a diamond of 2^60 routes: what would change it is found without enumerating routes", () => {
  const tree = diamond(60), run = metered(tree);
  tree.outcomes.o1 = { title: "o1", url: "o1/", continue: null };
  tree.questions.q59.answers[1].next = "o1";
  let state = S([]);
  for (let i = 0; i < 60; i++) state = P.choose(tree, state, "answer-1");
  const [found, reads] = run(() => changed(tree, state.pairs));
  assert.deepEqual(found, { q59: [["answer-2", "o1"]] }, "both answers of every other question lead on to q59");
  linear(reads, 60);
  const [fresh, freshReads] = run(() => changed(tree, [...state.pairs.slice(0, 59), ["q59", "answer-2"]]));
  assert.deepEqual(fresh, { q59: [["answer-1", "o0"]] });
  linear(freshReads, 60);
});
