import assert from "node:assert/strict";
import { corruptReference } from "../../lib/emulator/corrupt_reference.ts";
import { seededRandom } from "../../lib/emulator/seeded_random.ts";

const draws = (count: number) => Array.from({ length: count }, (_, index) => seededRandom("corrupt", index));

Deno.test("json corruption changes exactly one field", () => {
  const reference = '{"invoice": 42, "vendor": "Acme Ltd", "paid": false, "total": 99.5}';
  for (const random of draws(30)) {
    const original = JSON.parse(reference);
    const corrupted = JSON.parse(corruptReference("json-extraction", reference, random));
    const changed = Object.keys(original).filter((key) => original[key] !== corrupted[key]);

    assert.deepEqual(Object.keys(corrupted), Object.keys(original));
    assert.equal(changed.length, 1);
  }
});

Deno.test("json corruption keeps surrounding fences", () => {
  const reference = '```json\n{\n  "city": "Paris"\n}\n```';
  const corrupted = corruptReference("json-extraction", reference, seededRandom(1));

  assert.match(corrupted, /^```json\n\{\n {2}"city": "[^"]+"\n\}\n```$/);
  assert.notEqual(corrupted, reference);
});

Deno.test("code corruption prefers an off-by-one", () => {
  const reference = "def sum_to(n):\n    return sum(range(n + 1))";
  const variants = new Set(draws(30).map((random) => corruptReference("code", reference, random)));

  assert.ok(!variants.has(reference));
  assert.ok(variants.has("def sum_to(n):\n    return sum(range(n - 1))"));
  assert.ok(variants.has("def sum_to(n):\n    return sum(range(n + 1 - 1))"));
});

Deno.test("code corruption without patterns drops a line", () => {
  const reference = "def greet(name):\n    message = f'Hello {name}'\n    print(message)";
  const corrupted = corruptReference("code", reference, seededRandom(2));

  assert.equal(corrupted, "def greet(name):\n    message = f'Hello {name}'");
});

Deno.test("sql corruption changes the WHERE condition", () => {
  const reference = "SELECT name FROM users WHERE age >= 18 ORDER BY name;";
  for (const random of draws(20)) {
    const corrupted = corruptReference("sql", reference, random);
    const [head, condition] = corrupted.split(/WHERE/);

    assert.equal(head, "SELECT name FROM users ");
    assert.notEqual(condition, " age >= 18 ORDER BY name;");
  }
});

Deno.test("summary corruption drops the key facts", () => {
  const reference = "Revenue grew 12% to $4.2M in Q3. Costs were flat. Margins improved.";
  const corrupted = corruptReference("summarization", reference, seededRandom(3));

  assert.ok(!/\d/.test(corrupted));
  assert.ok(corrupted.includes("Costs were flat."));
});

Deno.test("qa corruption gives another answer", () => {
  const cases = ["Paris", "The capital is Paris.", "1969", "Yes", "3.14"];
  for (const reference of cases) {
    const corrupted = corruptReference("qa", reference, seededRandom(reference));

    assert.notEqual(corrupted, reference);
    assert.ok(!corrupted.includes(reference), `${corrupted} still contains ${reference}`);
  }
  assert.equal(corruptReference("qa", "Yes", seededRandom(4)), "No");
});
