import assert from "node:assert/strict";
import { countTokens } from "gpt-tokenizer";
import { generateHaystack } from "../../lib/datasets/generate_haystack.ts";

const exactCount = (text: string) => countTokens(text, { disallowedSpecial: new Set() });
const NEEDLE = "The recovery code for the Kestrel archive is 7316-QX.";

for (const tokens of [1, 37, 1000, 8000, 32000]) {
  Deno.test(`generateHaystack ${tokens} tokens is exact`, () => {
    const haystack = generateHaystack({ seed: 5, tokens: Math.max(tokens, 20), needles: tokens > 20 ? [{ depth: 50, text: NEEDLE }] : [] });
    assert.equal(haystack.tokens, Math.max(tokens, 20));
    assert.equal(exactCount(haystack.text), haystack.tokens);
  });
}

Deno.test("generateHaystack places needles by depth", () => {
  const needles = [
    { depth: 100, text: "Needle C is 3." },
    { depth: 0, text: "Needle A is 1." },
    { depth: 50, text: "Needle B is 2." },
  ];
  const haystack = generateHaystack({ seed: 2, tokens: 4000, needles });
  const [c, a, b] = needles.map((needle) => haystack.text.indexOf(needle.text));
  assert.equal(a, 0);
  assert.ok(b > a, `B at ${b} after A at ${a}`);
  assert.ok(c > b, `C at ${c} after B at ${b}`);
  assert.ok(haystack.text.endsWith("Needle C is 3."));
  assert.ok(Math.abs(haystack.needleOffsets[2] - 2000) < 60, `offset ${haystack.needleOffsets[2]}`);
});

Deno.test("generateHaystack repeats for a seed", () => {
  const options = { seed: 9, tokens: 3000, needles: [{ depth: 25, text: NEEDLE }] };
  assert.equal(generateHaystack(options).text, generateHaystack(options).text);
  assert.notEqual(generateHaystack(options).text, generateHaystack({ ...options, seed: 10 }).text);
});

Deno.test("generateHaystack filler has no digits", () => {
  const { text } = generateHaystack({ seed: 4, tokens: 20000, needles: [] });
  assert.doesNotMatch(text, /\d/);
});

Deno.test("generateHaystack rejects oversized needles", () => {
  assert.throws(() => generateHaystack({ seed: 1, tokens: 5, needles: [{ depth: 0, text: NEEDLE }] }), RangeError);
});

Deno.test("generateHaystack rejects bad depth", () => {
  assert.throws(() => generateHaystack({ seed: 1, tokens: 500, needles: [{ depth: 120, text: NEEDLE }] }), /depth/);
});
