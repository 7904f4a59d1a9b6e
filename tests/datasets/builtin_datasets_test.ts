import assert from "node:assert/strict";
import { listDatasets } from "../../lib/datasets/list_datasets.ts";
import { loadDataset } from "../../lib/datasets/load_dataset.ts";

const BUILT_IN = [
  { name: "json-extraction", kind: "json-extraction", scorer: "json-schema", idPrefix: "json-" },
  { name: "code-typescript", kind: "code", scorer: "code-tests", idPrefix: "code-" },
  { name: "sql-sqlite", kind: "sql", scorer: "sql-result", idPrefix: "sql-" },
];

Deno.test("listDatasets includes built-in sets", async () => {
  const names = await listDatasets();
  for (const { name } of BUILT_IN) assert.ok(names.includes(name), `${name} missing from ${names}`);
});

for (const { name, kind, scorer, idPrefix } of BUILT_IN) {
  Deno.test(`${name} loads with 24 or more items`, async () => {
    const dataset = await loadDataset(name);
    assert.equal(dataset.name, name);
    assert.ok(dataset.items.length >= 24, `${dataset.items.length} items`);
  });

  Deno.test(`${name} items share kind and scorer`, async () => {
    const { items } = await loadDataset(name);
    for (const item of items) {
      assert.equal(item.kind, kind, item.id);
      assert.equal(item.scorer.name, scorer, item.id);
      assert.ok(item.id.startsWith(idPrefix), item.id);
    }
  });

  Deno.test(`${name} items have system, user, distractor`, async () => {
    const { items } = await loadDataset(name);
    for (const item of items) {
      assert.equal(item.messages[0].role, "system", item.id);
      assert.equal(item.messages.at(-1)?.role, "user", item.id);
      assert.ok(item.reference.trim() !== "", `${item.id} reference`);
      assert.equal(typeof item.distractor, "string", `${item.id} distractor`);
      assert.notEqual(item.distractor?.trim(), "", `${item.id} distractor`);
      assert.notEqual(item.distractor, item.reference, item.id);
      assert.ok(item.tags.length > 0, `${item.id} tags`);
    }
  });
}
