import assert from "node:assert/strict";
import { listDatasets } from "../../lib/datasets/list_datasets.ts";
import { loadDataset } from "../../lib/datasets/load_dataset.ts";

interface Suite {
  name: string;
  kind: string;
  scorers: string[];
  idPrefix: string;
  minItems: number;
  /** Items may lack a system message (edge cases test exactly that). */
  systemOptional?: boolean;
}

const BUILT_IN: Suite[] = [
  { name: "json-extraction", kind: "json-extraction", scorers: ["json-schema"], idPrefix: "json-", minItems: 30 },
  { name: "code-typescript", kind: "code", scorers: ["code-tests"], idPrefix: "code-", minItems: 30 },
  { name: "code-fix", kind: "code-fix", scorers: ["code-tests"], idPrefix: "fix-", minItems: 30 },
  { name: "sql-sqlite", kind: "sql", scorers: ["sql-result"], idPrefix: "sql-", minItems: 30 },
  { name: "summarization", kind: "summarization", scorers: ["key-facts"], idPrefix: "sum-", minItems: 30 },
  { name: "long-context", kind: "long-context", scorers: ["needle"], idPrefix: "needle-", minItems: 30 },
  { name: "images", kind: "image", scorers: ["exact"], idPrefix: "image-", minItems: 30 },
  {
    name: "edge-cases",
    kind: "edge-case",
    scorers: ["exact", "regex", "json-schema", "expected-error"],
    idPrefix: "edge-",
    minItems: 30,
    systemOptional: true,
  },
];

Deno.test("listDatasets includes built-in sets", async () => {
  const names = await listDatasets();
  for (const { name } of BUILT_IN) assert.ok(names.includes(name), `${name} missing from ${names}`);
});

for (const suite of BUILT_IN) {
  Deno.test(`${suite.name} loads with ${suite.minItems} or more items`, async () => {
    const dataset = await loadDataset(suite.name);
    assert.equal(dataset.name, suite.name);
    assert.ok(dataset.items.length >= suite.minItems, `${dataset.items.length} items`);
  });

  Deno.test(`${suite.name} items share kind and scorers`, async () => {
    const { items } = await loadDataset(suite.name);
    for (const item of items) {
      assert.equal(item.kind, suite.kind, item.id);
      assert.ok(suite.scorers.includes(item.scorer.name), `${item.id}: scorer ${item.scorer.name}`);
      assert.ok(item.id.startsWith(suite.idPrefix), item.id);
    }
  });

  Deno.test(`${suite.name} items have prompt, distractor, tags`, async () => {
    const { items } = await loadDataset(suite.name);
    for (const item of items) {
      if (!suite.systemOptional) assert.equal(item.messages[0].role, "system", item.id);
      assert.equal(item.messages.at(-1)?.role, "user", item.id);
      if (item.expect_error === undefined) assert.ok(item.reference.trim() !== "", `${item.id} reference`);
      assert.equal(typeof item.distractor, "string", `${item.id} distractor`);
      assert.notEqual(item.distractor?.trim(), "", `${item.id} distractor`);
      assert.notEqual(item.distractor, item.reference, item.id);
      assert.ok(item.tags.length > 0, `${item.id} tags`);
    }
  });
}

Deno.test("long-context covers sizes and depths", async () => {
  const { items } = await loadDataset("long-context");
  const cells = new Set(
    items.filter((item) => item.tags.includes("needles:1")).map((item) =>
      `${item.tags.find((tag) => tag.startsWith("context:"))}/${item.tags.find((tag) => tag.startsWith("depth:"))}`
    ),
  );
  for (const size of [1000, 8000, 32000, 128000, 200000, 1000000]) {
    for (const depth of [0, 25, 50, 75, 100]) assert.ok(cells.has(`context:${size}/depth:${depth}`), `${size}/${depth}`);
  }
  assert.ok(items.some((item) => item.tags.includes("needles:3")), "an item with several needles");
});

Deno.test("long-context file stays compact", async () => {
  const { size } = await Deno.stat(new URL("../../datasets/long-context.jsonl", import.meta.url));
  assert.ok(size < 100_000, `${size} bytes`);
});

Deno.test("edge-cases cover every edge kind", async () => {
  const { items } = await loadDataset("edge-cases");
  const kinds = new Set(items.flatMap((item) => item.tags.filter((tag) => tag.startsWith("edge:"))));
  for (const kind of ["over-window", "empty", "whitespace", "long-line", "unicode", "malformed", "injection"]) {
    assert.ok(kinds.has(`edge:${kind}`), kind);
  }
});

Deno.test("images items carry a PNG", async () => {
  const { items } = await loadDataset("images");
  for (const item of items) {
    const content = item.messages[1].content;
    assert.ok(Array.isArray(content), item.id);
    const image = content.find((part) => part.type === "image");
    assert.equal(image?.media_type, "image/png", item.id);
    assert.ok(image?.data.startsWith("iVBORw0KGgo"), `${item.id} PNG signature`);
  }
});
