// The hand-off from a result: the hiring brief's link and the mail to us (issue 12, item 3).
// Run with: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const P = createRequire(import.meta.url)("../../decision_tree/assets/player.js");

// live ─┬─ reach ─┬─ platform (role)     "reach" sets the scope; "rules" then changes nothing but
//       │         └─ rules ─┬─ focused    governance, and "late" sets the scope again: the last wins.
//       └─ early (no role, nothing set)
const TREE = {
  id: "arch",
  title: "Which hire?",
  start: "live",
  questions: {
    live: { text: "Is a model live?", answers: [
      { key: "reach", label: "Yes", next: "reach" },
      { key: "early", label: "No", next: "early" }] },
    reach: { text: "Who does the work serve?", answers: [
      { key: "platform", label: "Several teams", next: "platform", brief: { ss: "platform" } },
      { key: "rules", label: "One product", next: "rules", brief: { ss: "product" } }] },
    rules: { text: "Is it regulated?", answers: [
      { key: "focused", label: "Yes & audited", next: "focused", brief: { gr: "reg", ss: "tbd" } },
      { key: "late", label: "No", next: "focused", brief: { gr: "none" } }] },
  },
  outcomes: {
    platform: { title: "ML platform engineer", role: "ML platform engineer" },
    focused: { title: "A focused hire", role: "MLOps engineer (deployment)" },
    early: { title: "Too early" },
  },
  aliases: {},
};

const route = (...pairs) => P.walk(TREE, { pairs, at: null });

test("the brief link carries the role, the answers' brief fields and the pack, answers in the hash", () => {
  const link = P.briefLink("../../", TREE, route(["live", "reach"], ["reach", "platform"]));
  assert.equal(link, "../../brief/?r=ML+platform+engineer&ss=platform&pack=arch%3Aplatform#arch=live:reach,reach:platform");
  const url = new URL(link, "https://example.org/tools/arch/");
  assert.equal(url.pathname, "/brief/");
  assert.deepEqual(Object.fromEntries(url.searchParams), { r: "ML platform engineer", ss: "platform", pack: "arch:platform" });
});

test("when two answers set a brief field, the later one wins", () => {
  const link = P.briefLink("/", TREE, route(["live", "reach"], ["reach", "rules"], ["rules", "focused"]));
  const params = new URL(link, "https://example.org/").searchParams;
  assert.equal(params.get("ss"), "tbd");
  assert.equal(params.get("gr"), "reg");
  assert.equal(params.get("r"), "MLOps engineer (deployment)");
});

test("a result whose route hands nothing to the brief has no brief link", () => {
  assert.equal(P.briefLink("/", TREE, route(["live", "early"])), "");
  // A result page opened bare still hands over its role title.
  assert.equal(P.briefLink("../", TREE, { path: [], step: "platform" }), "../brief/?r=ML+platform+engineer&pack=arch%3Aplatform");
});

const bodyOf = (href) => decodeURIComponent(href.split("&body=")[1]);
const rows = (n) => Array.from({ length: n }, (_, i) => ["Question number " + (i + 1) + " about the team?", "Answer " + (i + 1) + " & more"]);

test("the mail names the result, its link with the answers, each answer and the brief", () => {
  const href = P.mailLink("hello@example.org", "ML platform engineer", "https://example.org/tools/arch/platform/#arch=live:reach",
    [["Is a model live?", "Yes"], ["Who does the work serve?", "Several teams"]], "https://example.org/brief/?r=ML+platform+engineer");
  assert.ok(href.startsWith("mailto:hello@example.org?subject=" + encodeURIComponent("Hiring result: ML platform engineer") + "&body="));
  assert.equal(bodyOf(href), [
    "Result: ML platform engineer", "https://example.org/tools/arch/platform/#arch=live:reach", "", "Our answers:",
    "- Is a model live?", "  Yes", "- Who does the work serve?", "  Several teams", "",
    "Hiring brief with this result: https://example.org/brief/?r=ML+platform+engineer"].join("\n"));
});

test("a long route's mail stays under 1,800 characters: the last answers give way to a note", () => {
  const href = P.mailLink("hello@example.org", "A result", "https://example.org/r/#t=a:b", rows(40), "https://example.org/brief/");
  assert.ok(href.length <= 1800, href.length);
  const body = bodyOf(href);
  assert.match(body, /- Question number 1 about the team\?\n {2}Answer 1 & more/);
  const shown = body.match(/^- /gm).length;
  assert.ok(shown > 3 && shown < 40);
  assert.ok(body.includes("(" + (40 - shown) + " more answers are in the link above.)"));
  assert.ok(body.endsWith("Hiring brief with this result: https://example.org/brief/"));
  // As many answers as fit: with one more, the link would be too long.
  assert.ok(href.length > 1800 - encodeURIComponent("- " + rows(40)[shown][0] + "\n  " + rows(40)[shown][1] + "\n").length);
  // A result page opened bare has no answers to list.
  assert.equal(bodyOf(P.mailLink("a@b.c", "R", "https://x/r/", [], "https://x/brief/?r=R")),
    "Result: R\nhttps://x/r/\n\nHiring brief with this result: https://x/brief/?r=R");
  // Short routes are not cut.
  assert.ok(!bodyOf(P.mailLink("a@b.c", "R", "https://x/", rows(3), "")).includes("more answers"));
});
