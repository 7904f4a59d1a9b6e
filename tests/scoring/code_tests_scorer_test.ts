import assert from "node:assert/strict";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { buildCodeTestProgram } from "../../lib/scoring/build_code_test_program.ts";
import { extractCodeBlock } from "../../lib/scoring/extract_code_block.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

const TESTS = `
test("add(1, 2)", () => assertEquals(add(1, 2), 3));
test("add(-1, 1)", () => assertEquals(add(-1, 1), 0));
test("add(0.1, 0.2)", () => assertAlmostEquals(add(0.1, 0.2), 0.3));
`;

function codeItem(extra: Record<string, unknown> = {}): DatasetItem {
  return {
    id: "code-test",
    kind: "code",
    messages: [{ role: "user", content: "Write add(a, b)." }],
    reference: "",
    scorer: { name: "code-tests", entry: "add", tests: TESTS, timeout_ms: 3_000, ...extra },
    tags: [],
  };
}

Deno.test("code-tests scorer all tests pass", async () => {
  const grade = await scoreItem(codeItem(), "```ts\nfunction add(a: number, b: number): number {\n  return a + b;\n}\n```");
  assert.equal(grade.pass, true);
  assert.equal(grade.score, 1);
  assert.equal(grade.reason, "3/3 tests passed");
});

Deno.test("code-tests scorer reports failing case", async () => {
  const output = "```ts\nfunction add(a: number, b: number) {\n  return Math.trunc(a) + Math.trunc(b);\n}\n```";
  const grade = await scoreItem(codeItem(), output);
  assert.equal(grade.pass, false);
  assert.equal(grade.score, 2 / 3);
  assert.equal(grade.reason, "2/3 tests passed: add(0.1, 0.2) returned 0, expected 0.3 ± 1e-7");
});

Deno.test("code-tests scorer takes code from prose", async () => {
  const output = "Here is the function:\n\n```typescript\nconst add = (a: number, b: number) => a + b;\n```\n\nIt adds.";
  const grade = await scoreItem(codeItem(), output);
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("code-tests scorer missing entry", async () => {
  const grade = await scoreItem(codeItem(), "```ts\nfunction sum(a: number, b: number) {\n  return a + b;\n}\n```");
  assert.equal(grade.pass, false);
  assert.equal(grade.score, 0);
  assert.match(grade.reason, /add is not defined as a function \(typeof is "undefined"\)/);
  assert.match(grade.reason, /add\(1, 2\) threw ReferenceError: add is not defined/);
});

Deno.test("code-tests scorer syntax error names line", async () => {
  const grade = await scoreItem(codeItem(), "```ts\nfunction add(a, b) {\n  return a +;\n}\n```");
  assert.equal(grade.pass, false);
  assert.equal(grade.score, 0);
  assert.match(grade.reason, /^code did not run: /);
  assert.match(grade.reason, /at line 2, column \d+ of the code/);
});

Deno.test("code-tests scorer endless loop times out", async () => {
  const grade = await scoreItem(codeItem({ timeout_ms: 1_000 }), "```ts\nfunction add(a, b) {\n  while (true) {}\n}\n```");
  assert.equal(grade.pass, false);
  assert.equal(grade.score, 0);
  assert.match(grade.reason, /^0\/3 tests passed: 3 did not run: timed out after 1000 ms/);
});

Deno.test("code-tests scorer ignores forged result lines", async () => {
  const forged = '{"kind":"plan","total":3,"entryType":"function"}';
  const output = "```ts\n" +
    `console.log(${JSON.stringify(forged)});\n` +
    `console.log = () => {};\n` +
    "function add(a: number, b: number) { return -1; }\n```";
  const grade = await scoreItem(codeItem(), output);
  assert.equal(grade.pass, false);
  assert.equal(grade.reason.startsWith("0/3 tests passed"), true, grade.reason);
});

Deno.test("code-tests scorer early exit fails", async () => {
  const grade = await scoreItem(codeItem(), "```ts\nfunction add(a: number, b: number) { return a + b; }\nDeno.exit(0);\n```");
  assert.equal(grade.pass, false);
  assert.match(grade.reason, /^code did not run: the program exited before the tests started/);
});

Deno.test("code-tests scorer file access fails test", async () => {
  const output = "```ts\nfunction add(a: number, b: number) {\n  Deno.readTextFileSync('/etc/hostname');\n  return a + b;\n}\n```";
  const grade = await scoreItem(codeItem(), output);
  assert.equal(grade.pass, false);
  assert.match(grade.reason, /add\(1, 2\) threw NotCapable: Requires read access/);
});

Deno.test("code-tests scorer async test", async () => {
  const tests = `test("addLater(2, 3)", async () => assertEquals(await addLater(2, 3), 5));
test("addLater rejects NaN", async () => { await assertThrows(() => addLater(NaN, 1)); });`;
  const item = codeItem({ entry: "addLater", tests });
  const output = "```ts\nasync function addLater(a: number, b: number) {\n" +
    "  if (Number.isNaN(a)) throw new Error('NaN');\n  return a + b;\n}\n```";
  const grade = await scoreItem(item, output);
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("code-tests scorer lingering timer still finishes", async () => {
  const grade = await scoreItem(codeItem(), "```ts\nsetInterval(() => {}, 1000);\nconst add = (a: number, b: number) => a + b;\n```");
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("extractCodeBlock prefers tagged block", () => {
  const output = "```\nuntagged\n```\n\n```ts\ntagged\n```";
  assert.equal(extractCodeBlock(output, ["ts"]), "tagged");
});

Deno.test("extractCodeBlock falls back to untagged block", () => {
  assert.equal(extractCodeBlock("Text\n```\nSELECT 1\n```", ["sql"]), "SELECT 1");
});

Deno.test("extractCodeBlock uses whole output", () => {
  assert.equal(extractCodeBlock("  SELECT 1;\n", ["sql"]), "SELECT 1;");
});

Deno.test("extractCodeBlock reads unclosed fence", () => {
  assert.equal(extractCodeBlock("```ts\nconst x = 1;\nconst y", ["ts"]), "const x = 1;\nconst y");
});

Deno.test("buildCodeTestProgram rejects bad entry", () => {
  assert.throws(() => buildCodeTestProgram("", "", "not valid", "abcdefgh12"), RangeError);
});
