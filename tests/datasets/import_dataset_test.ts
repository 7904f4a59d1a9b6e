import assert from "node:assert/strict";
import { join } from "node:path";
import { DatasetError } from "../../lib/datasets/dataset_error.ts";
import { importHumanEval } from "../../lib/datasets/import_humaneval.ts";
import { importQaJsonl } from "../../lib/datasets/import_qa_jsonl.ts";
import { loadDataset } from "../../lib/datasets/load_dataset.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

const FIXTURES = new URL("./fixtures/", import.meta.url).pathname;
const read = (name: string) => Deno.readTextFile(join(FIXTURES, name));

function importError(run: () => unknown): DatasetError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DatasetError, `expected DatasetError, got ${error}`);
    return error;
  }
  assert.fail("import did not fail");
}

Deno.test("importHumanEval maps rows to code items", async () => {
  const items = importHumanEval(await read("humaneval_ts.jsonl"), "humaneval_ts.jsonl");
  assert.equal(items.length, 4);
  assert.equal(items[0].id, "humanevalts-0");
  assert.equal(items[0].kind, "code");
  assert.equal(items[0].scorer.name, "code-tests");
  assert.equal(items[0].scorer.entry, "hasCloseElements");
  assert.match(items[0].messages[1].content as string, /function hasCloseElements/);
});

Deno.test("importHumanEval references pass their tests", async () => {
  const items = importHumanEval(await read("humaneval_ts.jsonl"), "humaneval_ts.jsonl");
  for (const item of items) {
    const grade = await scoreItem(item, item.reference);
    assert.equal(grade.pass, true, `${item.id}: ${grade.reason}`);
  }
});

Deno.test("importHumanEval wrong solution fails", async () => {
  const [item] = importHumanEval(await read("humaneval_ts.jsonl"), "humaneval_ts.jsonl").slice(3);
  const wrong = (item.reference as string).replace("balance < 0", "balance <= 0");
  const grade = await scoreItem(item, wrong);
  assert.equal(grade.pass, false);
});

Deno.test("importHumanEval Python error names line and fix", async () => {
  const text = await read("humaneval_python.jsonl");
  const error = importError(() => importHumanEval(text, "he.jsonl"));
  assert.equal(error.file, "he.jsonl");
  assert.equal(error.line, 1);
  assert.equal(error.field, "prompt");
  assert.match(error.fix, /translate/);
});

Deno.test("importHumanEval missing field names it", () => {
  const row = { task_id: "T/1", prompt: "function f() {\n", canonical_solution: "  return 1;\n}\n", entry_point: "f" };
  const error = importError(() => importHumanEval(`\n${JSON.stringify(row)}\n`, "rows.jsonl"));
  assert.equal(error.line, 2);
  assert.equal(error.field, "test");
  assert.match(error.message, /rows\.jsonl:2: test: "test" must be a non-empty string, missing/);
});

Deno.test("importHumanEval test without check", () => {
  const row = { task_id: "T/1", prompt: "function f() {\n", canonical_solution: "  return 1;\n}\n", test: "assert(true);", entry_point: "f" };
  const error = importError(() => importHumanEval(JSON.stringify(row), "rows.jsonl"));
  assert.equal(error.field, "test");
});

Deno.test("importQaJsonl maps rows to exact items", async () => {
  const items = importQaJsonl(await read("qa_plain.jsonl"), "qa_plain.jsonl");
  assert.deepEqual(items.map((item) => item.id), ["qa-001", "qa-002", "qa-port"]);
  assert.equal(items[1].scorer.name, "exact");
  assert.deepEqual(items[1].scorer.expected, ["seconds a resolver may cache the record", "cache lifetime in seconds"]);
  assert.equal((await scoreItem(items[0], "429.")).pass, true);
  assert.equal((await scoreItem(items[0], "503")).pass, false);
});

Deno.test("importQaJsonl bad answer names field", () => {
  const error = importError(() => importQaJsonl('{"question": "q?", "answer": 7}\n', "qa.jsonl"));
  assert.equal(error.line, 1);
  assert.equal(error.field, "answer");
  assert.match(error.fix, /"answer": "Paris"/);
});

Deno.test("importQaJsonl invalid JSON names line", () => {
  const error = importError(() => importQaJsonl('{"question": "a", "answer": "b"}\n{"question": \n', "qa.jsonl"));
  assert.equal(error.line, 2);
});

Deno.test("import_dataset script writes a loadable file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const out = join(dir, "imported.jsonl");
    const script = new URL("../../scripts/import_dataset.ts", import.meta.url).pathname;
    const result = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", script, "--format", "humaneval", "--in", join(FIXTURES, "humaneval_ts.jsonl"), "--out", out],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(result.code, 0, new TextDecoder().decode(result.stderr));
    const dataset = await loadDataset(out);
    assert.equal(dataset.items.length, 4);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("import_dataset script reports bad row", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const script = new URL("../../scripts/import_dataset.ts", import.meta.url).pathname;
    const result = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", script, "--format", "humaneval", "--in", join(FIXTURES, "humaneval_python.jsonl"), "--out", join(dir, "x.jsonl")],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(result.code, 1);
    assert.match(new TextDecoder().decode(result.stderr), /humaneval_python\.jsonl:1: prompt: .* Fix: translate/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
