import assert from "node:assert/strict";
import { join } from "node:path";
import { DatasetError } from "../../lib/datasets/dataset_error.ts";
import { listDatasets } from "../../lib/datasets/list_datasets.ts";
import { loadDataset } from "../../lib/datasets/load_dataset.ts";

const GOOD_ITEM = {
  id: "qa-001",
  kind: "qa",
  messages: [{ role: "system", content: "Answer with one word." }, { role: "user", content: "Capital of France?" }],
  reference: "Paris",
  distractor: "Lyon",
  scorer: { name: "exact", expected: "Paris" },
  tags: ["geo"],
};

function line(changes: Record<string, unknown> = {}): string {
  return JSON.stringify({ ...GOOD_ITEM, ...changes });
}

async function withDatasetFile(
  lines: string[],
  check: (path: string, dir: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "custom.jsonl");
  await Deno.writeTextFile(path, lines.join("\n") + "\n");
  try {
    await check(path, dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function loadError(path: string): Promise<DatasetError> {
  try {
    await loadDataset(path);
  } catch (error) {
    assert.ok(error instanceof DatasetError, `expected DatasetError, got ${error}`);
    return error;
  }
  assert.fail(`${path} loaded without error`);
}

Deno.test("loadDataset reads path and skips blank lines", async () => {
  await withDatasetFile([line(), "", "   ", line({ id: "qa-002" })], async (path) => {
    const dataset = await loadDataset(path);
    assert.equal(dataset.name, "custom");
    assert.equal(dataset.path, path);
    assert.deepEqual(dataset.items.map((item) => item.id), ["qa-001", "qa-002"]);
  });
});

Deno.test("loadDataset resolves name in datasetsDir", async () => {
  await withDatasetFile([line()], async (_path, dir) => {
    const dataset = await loadDataset("custom", { datasetsDir: dir });
    assert.equal(dataset.items.length, 1);
  });
});

Deno.test("loadDataset invalid JSON names line and column", async () => {
  await withDatasetFile([line(), '{"id": "qa-002", "kind": "qa",}'], async (path) => {
    const error = await loadError(path);
    assert.equal(error.file, path);
    assert.equal(error.line, 2);
    assert.equal(error.field, null);
    assert.match(error.message, new RegExp(`^${path}:2: invalid JSON at column 31: Expected double-quoted property name`));
    assert.match(error.message, /Fix: write the item as one complete JSON object on this line\.$/);
  });
});

Deno.test("loadDataset unexpected token gets column", async () => {
  await withDatasetFile(['{"id": x}'], async (path) => {
    const error = await loadError(path);
    assert.match(error.message, /:1: invalid JSON at column 8: Unexpected token 'x'\./);
  });
});

Deno.test("loadDataset missing field names field and fix", async () => {
  const { reference: _dropped, ...withoutReference } = GOOD_ITEM;
  await withDatasetFile([JSON.stringify(withoutReference)], async (path) => {
    const error = await loadError(path);
    assert.equal(error.line, 1);
    assert.equal(error.field, "reference");
    assert.equal(error.fix, 'add "reference" (string)');
    assert.match(error.message, /:1: reference: Invalid input: expected string, received undefined\. Fix: add "reference"/);
  });
});

Deno.test("loadDataset bad role names nested field", async () => {
  await withDatasetFile([line({ messages: [{ role: "robot", content: "hi" }] })], async (path) => {
    const error = await loadError(path);
    assert.equal(error.field, "messages[0].role");
    assert.match(error.fix, /^set "messages\[0\]\.role" to one of "system", "user", "assistant"$/);
  });
});

Deno.test("loadDataset unknown kind", async () => {
  await withDatasetFile([line({ kind: "poetry" })], async (path) => {
    const error = await loadError(path);
    assert.equal(error.field, "kind");
    assert.match(error.fix, /"json-extraction"/);
  });
});

Deno.test("loadDataset unknown scorer", async () => {
  await withDatasetFile([line(), line({ id: "qa-002", scorer: { name: "jsn-schema" } })], async (path) => {
    const error = await loadError(path);
    assert.equal(error.line, 2);
    assert.equal(error.field, "scorer.name");
    assert.equal(error.rule, 'unknown scorer "jsn-schema"');
    assert.match(error.fix, /^use one of: .*json-schema.*code-tests.*sql-result/);
  });
});

Deno.test("loadDataset invalid scorer settings", async () => {
  await withDatasetFile([line({ scorer: { name: "code-tests", entry: "parse duration", tests: "test('x', () => {})" } })], async (path) => {
    const error = await loadError(path);
    assert.equal(error.field, "scorer.entry");
    assert.match(error.rule, /entry must be a JavaScript identifier/);
  });
});

Deno.test("loadDataset expected must satisfy schema", async () => {
  const scorer = {
    name: "json-schema",
    schema: { type: "object", properties: { age: { type: "integer" } }, required: ["age"] },
    expected: { age: "36" },
  };
  await withDatasetFile([line({ kind: "json-extraction", scorer })], async (path) => {
    const error = await loadError(path);
    assert.equal(error.field, "scorer.expected");
    assert.match(error.rule, /expected does not satisfy schema: age: got "36" \(string\), expected integer/);
  });
});

Deno.test("loadDataset unconvertible JSON schema", async () => {
  const scorer = { name: "json-schema", schema: { type: "objekt" }, expected: {} };
  await withDatasetFile([line({ kind: "json-extraction", scorer })], async (path) => {
    const error = await loadError(path);
    assert.equal(error.field, "scorer.schema");
    assert.match(error.rule, /Unsupported type: objekt/);
  });
});

Deno.test("loadDataset invalid regex pattern", async () => {
  await withDatasetFile([line({ scorer: { name: "regex", pattern: "([a-z" } })], async (path) => {
    const error = await loadError(path);
    assert.equal(error.field, "scorer.pattern");
    assert.match(error.rule, /pattern is not a valid regular expression/);
  });
});

Deno.test("loadDataset write as reference SQL", async () => {
  const scorer = { name: "sql-result", database: "shop", expected_sql: "DELETE FROM orders", order_matters: false };
  await withDatasetFile([line({ kind: "sql", scorer })], async (path, dir) => {
    await Deno.mkdir(join(dir, "sql"));
    await Deno.writeTextFile(join(dir, "sql", "shop.sql"), "CREATE TABLE orders (id INTEGER);");
    const error = await loadError(path);
    assert.equal(error.field, "scorer.expected_sql");
    assert.match(error.rule, /not a read-only query/);
  });
});

Deno.test("loadDataset missing database file", async () => {
  const scorer = { name: "sql-result", database: "warehouse", expected_sql: "SELECT 1", order_matters: false };
  await withDatasetFile([line({ kind: "sql", scorer })], async (path, dir) => {
    const error = await loadError(path);
    assert.equal(error.line, 1);
    assert.equal(error.field, "scorer.database");
    assert.equal(error.rule, `database file ${join(dir, "sql", "warehouse.sql")} not found`);
  });
});

Deno.test("loadDataset duplicate id names both lines", async () => {
  await withDatasetFile([line(), line({ id: "qa-002" }), "", line()], async (path) => {
    const error = await loadError(path);
    assert.equal(error.line, 4);
    assert.equal(error.field, "id");
    assert.equal(error.rule, 'duplicate id "qa-001", first used on line 1');
    assert.equal(error.fix, "give one of lines 1 and 4 a new id");
  });
});

Deno.test("loadDataset empty file", async () => {
  await withDatasetFile(["", ""], async (path) => {
    const error = await loadError(path);
    assert.equal(error.line, null);
    assert.equal(error.rule, "the file has no items");
  });
});

Deno.test("loadDataset missing file", async () => {
  const error = await loadError("/nonexistent-dir/none.jsonl");
  assert.equal(error.rule, "file not found");
  assert.match(error.message, /^\/nonexistent-dir\/none\.jsonl: file not found\. Fix: /);
});

Deno.test("loadDataset rejects bad name", async () => {
  await assert.rejects(loadDataset("bad name"), RangeError);
  await assert.rejects(loadDataset("-flag"), RangeError);
});

Deno.test("listDatasets lists jsonl names", async () => {
  await withDatasetFile([line()], async (_path, dir) => {
    await Deno.writeTextFile(join(dir, "notes.txt"), "not a dataset");
    await Deno.writeTextFile(join(dir, "another.jsonl"), line());
    assert.deepEqual(await listDatasets(dir), ["another", "custom"]);
  });
});
