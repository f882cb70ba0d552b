// The player and the outline share one contract, decision_tree/assets/contract.json: the player's URL
// functions follow it, and the shipped, minified player is this source bundled with it.
// Run with: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ASSETS = join(ROOT, "decision_tree", "assets");
const require = createRequire(import.meta.url);
const CONTRACT = JSON.parse(readFileSync(join(ASSETS, "contract.json"), "utf8"));

const q = (...answers) => ({ text: "?", answers: answers.map((next) => ({ key: next, label: next, next })) });
const TREE = { id: "t", title: "T", start: "a", questions: { a: q("b", "o"), b: q("o", "p") },
  outcomes: { o: { title: "O" }, p: { title: "P" } }, aliases: {} };

/** Return the player's pure functions, loaded with `contract` in place of the shipped one. */
function playerWith(contract) {
  const folder = mkdtempSync(join(tmpdir(), "player-"));
  copyFileSync(join(ASSETS, "player.js"), join(folder, "player.js"));
  writeFileSync(join(folder, "contract.json"), JSON.stringify(contract));
  return require(join(folder, "player.js"));
}

test("the player reads the contract the outline is rendered with", () => {
  assert.deepEqual(require(join(ASSETS, "player.js")).CONTRACT, CONTRACT);
});

test("parseHash and formatHash write and read the separators the contract names", () => {
  const hash = { entries: ";", value: "~", pairs: "+", pair: "!", at: "_step", anchor: "__" };
  const player = playerWith({ ...CONTRACT, hash });
  const state = { pairs: [["a", "b"], ["b", "o"]], at: "a" };
  const written = player.formatHash("#other~1", "t", state);
  assert.equal(written, "#other~1;t~a!b+b!o;t_step~a");
  assert.deepEqual(player.parseHash(written, "t"), { ...state, found: true, bad: false, anchor: false });
  assert.equal(player.parseHash("#t__b", "t").anchor, "b");
  assert.equal(player.read(TREE, "#t=a:b").found, false, "the shipped separators mean nothing here");
});

test("ids in the hash follow the contract's id pattern", () => {
  const player = playerWith({ ...CONTRACT, id: "^[a-z]+(?:_[a-z]+)*$" });
  assert.deepEqual(player.parseHash("#t=a_x:b_y&t.at=a_x", "t"), {
    pairs: [["a_x", "b_y"]], at: "a_x", found: true, bad: false, anchor: false });
  assert.equal(player.parseHash("#t=a-x:b", "t").bad, true);
});

test("the shipped player is the source with the contract, minified: it reads the same hashes", () => {
  const window = {};
  const document = { readyState: "loading", addEventListener() {} };  // the DOM part waits for a load
  vm.runInNewContext(readFileSync(join(ASSETS, "player.min.js"), "utf8"), { window, document });
  const shipped = window.decisionTree, source = require(join(ASSETS, "player.js"));
  const same = (a, b, what) => assert.equal(JSON.stringify(a), JSON.stringify(b), what); // objects of another realm
  for (const hash of ["#t=a:b,b:o", "#x=1&t=a:b&t.at=a", "#t=a:zz", "#t--b", "#t=a:o"]) {
    same(shipped.read(TREE, hash), source.read(TREE, hash), hash);
    same(shipped.formatHash(hash, "t", { pairs: [["a", "b"]], at: null }), source.formatHash(hash, "t", { pairs: [["a", "b"]], at: null }));
  }
  same(shipped.CONTRACT, CONTRACT);
  const advised = { ...TREE, questions: { ...TREE.questions, a: { text: "?", answers: [
    { key: "b", label: "b", next: "b", why: "Because.", unsure: true }, { key: "o", label: "o", next: "o" }] },
  b: { text: "?", answers: [{ key: "o", label: "o", next: "o", unsure: true }, { key: "p", label: "p", next: "p" }] } } };
  for (const hash of ["#t=a:b,b:o", "#t=a:o"]) {
    const route = source.walk(advised, source.read(advised, hash));
    for (const name of ["reasons", "caveat", "changes"]) same(shipped[name](advised, route), source[name](advised, route), name + " " + hash);
  }
});

const esbuild = join(ROOT, "node_modules", ".bin", "esbuild");
test("player.min.js is what `npm run player` makes of player.js today", { skip: !existsSync(esbuild)
  && "esbuild is not installed: run npm ci" }, () => {
  const built = execFileSync("npm", ["run", "--silent", "player"], { cwd: ROOT, encoding: "utf8" });
  assert.ok(built === readFileSync(join(ASSETS, "player.min.js"), "utf8"),
    "decision_tree/assets/player.min.js is out of date: run npm run --silent player > decision_tree/assets/player.min.js");
});

test("player.min.css is what `npm run player-css` makes of player.css today", { skip: !existsSync(esbuild)
  && "esbuild is not installed: run npm ci" }, () => {
  const built = execFileSync("npm", ["run", "--silent", "player-css"], { cwd: ROOT, encoding: "utf8" });
  assert.ok(built === readFileSync(join(ASSETS, "player.min.css"), "utf8"),
    "decision_tree/assets/player.min.css is out of date: run npm run --silent player-css > decision_tree/assets/player.min.css");
});
