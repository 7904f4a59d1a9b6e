import assert from "node:assert/strict";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { findUnsupported } from "../../lib/scoring/find_unsupported.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

const SOURCE = "Release 4.2.0 of the orders service shipped on 2024-04-10. Bulk cancellation accepts up to 100 ids. " +
  "The default page size went from 50 to 20. Maintainer: Priya Raman. Revenue was 4,200,000 USD. Three regions.";

function summaryItem(scorer: Record<string, unknown> = {}): DatasetItem {
  return {
    id: "sum-test",
    kind: "summarization",
    messages: [{ role: "system", content: "Summarise in 60 words." }, { role: "user", content: SOURCE }],
    reference: "",
    scorer: {
      name: "key-facts",
      facts: [
        { label: "version", any: ["4.2.0"] },
        { label: "bulk limit", any: ["100 ids", "up to 100"] },
        { label: "page size", pattern: "page size[^.]*\\b20\\b" },
      ],
      ...scorer,
    },
    tags: [],
  };
}

Deno.test("key-facts scorer all facts pass", async () => {
  const grade = await scoreItem(summaryItem(), "Orders 4.2.0 allows bulk cancellation of up to 100 orders and sets the page size to 20.");
  assert.equal(grade.pass, true, grade.reason);
  assert.equal(grade.score, 1);
  assert.equal(grade.reason, "3/3 key facts (need 3)");
});

Deno.test("key-facts scorer missing fact lowers recall", async () => {
  const grade = await scoreItem(summaryItem(), "Orders 4.2.0 allows bulk cancellation of up to 100 orders.");
  assert.equal(grade.pass, false);
  assert.ok(Math.abs(grade.score - 2 / 3) < 1e-9);
  assert.match(grade.reason, /2\/3 key facts \(need 3\); missing "page size"/);
});

Deno.test("key-facts scorer min_recall allows a miss", async () => {
  const grade = await scoreItem(summaryItem({ min_recall: 0.6 }), "Orders 4.2.0 allows bulk cancellation of up to 100 orders.");
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("key-facts scorer flags unsupported number", async () => {
  const grade = await scoreItem(summaryItem(), "Orders 4.2.0 cancels up to 100 orders at once, page size 20, for 350 customers.");
  assert.equal(grade.pass, false);
  assert.equal(grade.score, 0.5);
  assert.match(grade.reason, /unsupported by the source: "350"/);
});

Deno.test("key-facts scorer allow list accepts token", async () => {
  const grade = await scoreItem(summaryItem({ allow: ["350"] }), "Orders 4.2.0 cancels up to 100 orders at once, page size 20, for 350 customers.");
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("key-facts scorer max_words fails copy", async () => {
  const grade = await scoreItem(summaryItem({ max_words: 10 }), SOURCE);
  assert.equal(grade.pass, false);
  assert.match(grade.reason, /words, limit 10/);
});

Deno.test("key-facts scorer facts ignore case and markup", async () => {
  const grade = await scoreItem(summaryItem(), "**Orders 4.2.0**: Up To 100 cancellations; Page Size now 20.");
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("key-facts scorer rejects fact with both forms", async () => {
  const item = summaryItem({ facts: [{ label: "x", any: ["a"], pattern: "a" }] });
  const { SCORERS } = await import("../../lib/scoring/scorers.ts");
  assert.equal(SCORERS.get("key-facts")!.settings.safeParse(item.scorer).success, false);
});

const UNSUPPORTED_CASES: Array<[string, string[]]> = [
  ["Version 4.2.1 shipped.", ["4.2.1"]],
  ["Version 4.2.0 shipped.", []],
  ["It shipped on April 11.", ["April 11"]],
  ["It shipped on April 10.", []],
  ["It shipped on 10 April 2024.", []],
  ["Revenue was 4.2 million USD.", []],
  ["Revenue was 4.3 million USD.", ["4.3 million"]],
  ["Revenue was 4200000 USD.", []],
  ["It covers 3 regions.", []],
  ["Maintained by Priya Raman.", []],
  ["Maintained by Omar Haddad.", ["Omar", "Haddad"]],
  ["The orders API uses JSON over HTTP.", []],
  ["Migrated to PostgreSQL.", ["PostgreSQL"]],
];

for (const [summary, expected] of UNSUPPORTED_CASES) {
  Deno.test(`findUnsupported ${JSON.stringify(summary)}`, () => {
    assert.deepEqual(findUnsupported(summary, SOURCE), expected);
  });
}
