import assert from "node:assert/strict";
import { newcombeInterval } from "../../lib/analysis/newcombe_interval.ts";

function close(actual: number | undefined, expected: number, tolerance = 5e-5): void {
  assert.notEqual(actual, undefined);
  assert.ok(Math.abs((actual as number) - expected) < tolerance, `expected ${expected}, got ${actual}`);
}

Deno.test("newcombeInterval 56/70 against 48/80", () => {
  // Newcombe (1998), example (a): d = 0.8 − 0.6 = 0.2.
  // Wilson 56/70 = [0.6918, 0.8770], 48/80 = [0.4905, 0.7004].
  // low  = 0.2 − √((0.8 − 0.6918)² + (0.7004 − 0.6)²) = 0.2 − √(0.011706 + 0.010076) = 0.0524
  // high = 0.2 + √((0.8770 − 0.8)² + (0.6 − 0.4905)²) = 0.2 + √(0.005926 + 0.012003) = 0.3339
  const difference = newcombeInterval(48, 80, 56, 70);
  close(difference?.estimate, 0.2, 1e-12);
  close(difference?.low, 0.0524);
  close(difference?.high, 0.3339);
});

Deno.test("newcombeInterval equal rates straddle zero", () => {
  const difference = newcombeInterval(40, 50, 40, 50)!;
  assert.ok(difference.low < 0, JSON.stringify(difference));
  assert.ok(difference.high > 0, JSON.stringify(difference));
});

Deno.test("newcombeInterval stays within minus one and one", () => {
  const difference = newcombeInterval(0, 5, 5, 5)!;
  assert.ok(difference.low >= -1, JSON.stringify(difference));
  assert.ok(difference.high <= 1, JSON.stringify(difference));
});

Deno.test("newcombeInterval without trials is null", () => {
  assert.equal(newcombeInterval(0, 0, 3, 4), null);
});
