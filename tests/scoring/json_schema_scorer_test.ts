import assert from "node:assert/strict";
import type { DatasetItem } from "../../lib/datasets/schema.ts";
import { extractJson } from "../../lib/scoring/extract_json.ts";
import { scoreItem } from "../../lib/scoring/score_item.ts";

const PERSON_SCHEMA = {
  type: "object",
  required: ["name", "age"],
  properties: { name: { type: "string" }, age: { type: "integer" } },
  additionalProperties: false,
};

function jsonItem(scorer: Record<string, unknown>): DatasetItem {
  return {
    id: "json-test",
    kind: "json-extraction",
    messages: [{ role: "user", content: "Extract the person." }],
    reference: "",
    scorer: { name: "json-schema", ...scorer },
    tags: [],
  };
}

const person = jsonItem({ schema: PERSON_SCHEMA, expected: { name: "Ada", age: 36 } });

const FENCE_CASES = [
  { label: "fenced valid object", output: '```json\n{"name": "Ada", "age": 36}\n```', pass: true, reason: /fenced/ },
  { label: "plain valid object", output: '{"name": "Ada", "age": 36}', pass: true, reason: /^schema valid, 2\/2/ },
  {
    label: "prose before fence",
    output: 'Sure! ```json\n{"name": "Ada", "age": 36}\n```',
    pass: false,
    reason: /^invalid format: text before the ``` fence/,
  },
  {
    label: "fenced age as string",
    output: '```json\n{"name": "Ada", "age": "36"}\n```',
    pass: false,
    reason: /^schema invalid: age: got "36" \(string\), expected integer$/,
  },
  {
    label: "backticks inside string value",
    output: '{"note": "use ```json fences", "name": "Ada", "age": 36}',
    pass: false,
    reason: /^schema invalid: \(root\): unexpected field "note" \(additionalProperties is false\)$/,
  },
];

for (const { label, output, pass, reason } of FENCE_CASES) {
  Deno.test(`json-schema scorer ${label}`, async () => {
    const grade = await scoreItem(person, output);
    assert.equal(grade.pass, pass);
    assert.match(grade.reason, reason);
    assert.equal(grade.no_response, undefined);
  });
}

Deno.test("json-schema scorer passes 2 of 5 fence cases", async () => {
  const grades = await Promise.all(FENCE_CASES.map(({ output }) => scoreItem(person, output)));
  const passed = grades.filter((grade) => grade.pass).length;
  assert.equal(passed / grades.length, 0.4);
});

Deno.test("json-schema scorer text after fence", async () => {
  const grade = await scoreItem(person, '```json\n{"name": "Ada", "age": 36}\n```\nLet me know if you need more.');
  assert.equal(grade.pass, false);
  assert.match(grade.reason, /^invalid format: text after the closing ``` fence/);
});

Deno.test("json-schema scorer fence with other language", async () => {
  const grade = await scoreItem(person, '```yaml\n{"name": "Ada", "age": 36}\n```');
  assert.equal(grade.pass, false);
  assert.match(grade.reason, /fence language is "yaml"/);
});

Deno.test("json-schema scorer fenced backticks in value", async () => {
  const item = jsonItem({
    schema: { type: "object", properties: { note: { type: "string" } }, required: ["note"] },
    expected: { note: "use ```json fences" },
  });
  const grade = await scoreItem(item, '```json\n{"note": "use ```json fences"}\n```');
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("json-schema scorer invalid JSON", async () => {
  const grade = await scoreItem(person, '{"name": "Ada", "age": 36,}');
  assert.equal(grade.pass, false);
  assert.equal(grade.score, 0);
  assert.match(grade.reason, /^invalid JSON: Expected double-quoted property name in JSON at position 26/);
});

Deno.test("json-schema scorer missing required field", async () => {
  const grade = await scoreItem(person, '{"name": "Ada"}');
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, "schema invalid: age: missing, expected integer");
});

Deno.test("json-schema scorer field accuracy", async () => {
  const grade = await scoreItem(person, '{"name": "Ada Lovelace", "age": 36}');
  assert.equal(grade.pass, false);
  assert.equal(grade.score, 0.5);
  assert.equal(grade.reason, 'schema valid, 1/2 fields match: name: got "Ada Lovelace", expected "Ada"');
});

Deno.test("json-schema scorer trims string fields", async () => {
  const grade = await scoreItem(person, '{"name": "  Ada ", "age": 36}');
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("json-schema scorer compares case by default", async () => {
  const grade = await scoreItem(person, '{"name": "ADA", "age": 36}');
  assert.equal(grade.pass, false);
});

Deno.test("json-schema scorer case_insensitive option", async () => {
  const item = jsonItem({ schema: PERSON_SCHEMA, expected: { name: "Ada", age: 36 }, case_insensitive: true });
  const grade = await scoreItem(item, '{"name": "ADA", "age": 36}');
  assert.equal(grade.pass, true, grade.reason);
});

Deno.test("json-schema scorer extra array entries", async () => {
  const item = jsonItem({
    schema: { type: "object", properties: { tags: { type: "array", items: { type: "string" } } }, required: ["tags"] },
    expected: { tags: ["a", "b"] },
  });
  const grade = await scoreItem(item, '{"tags": ["a", "b", "c"]}');
  assert.equal(grade.pass, false);
  assert.equal(grade.score, 2 / 3);
  assert.match(grade.reason, /tags: got 3 items, expected 2 items/);
});

Deno.test("json-schema scorer nested enum violation", async () => {
  const item = jsonItem({
    schema: {
      type: "object",
      properties: { ticket: { type: "object", properties: { priority: { enum: ["low", "high"] } } } },
    },
    expected: { ticket: { priority: "high" } },
  });
  const grade = await scoreItem(item, '{"ticket": {"priority": "urgent"}}');
  assert.equal(grade.pass, false);
  assert.equal(grade.reason, 'schema invalid: ticket.priority: got "urgent", expected one of "low", "high"');
});

Deno.test("extractJson accepts bare fence", () => {
  const extraction = extractJson('```\n[1, 2]\n```');
  assert.deepEqual(extraction, { ok: true, value: [1, 2], fenced: true });
});

Deno.test("extractJson rejects plain prose", () => {
  const extraction = extractJson("The person is Ada, aged 36.");
  assert.equal(extraction.ok, false);
  assert.match(!extraction.ok ? extraction.reason : "", /^invalid format: output is not JSON/);
});
