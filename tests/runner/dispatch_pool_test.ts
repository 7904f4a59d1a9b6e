import assert from "node:assert/strict";
import { arrivalSchedule } from "../../lib/runner/arrival_schedule.ts";
import { CANCELLED_REASON, dispatchPool } from "../../lib/runner/dispatch_pool.ts";

const clock = () => performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Deno.test("arrival schedule constant has equal gaps", () => {
  assert.deepEqual(arrivalSchedule(4, { ratePerS: 200, arrival: "constant", seed: 1 }), [0, 5, 10, 15]);
});

Deno.test("arrival schedule poisson repeats with its seed", () => {
  const a = arrivalSchedule(50, { ratePerS: 10, arrival: "poisson", seed: 3 });
  const b = arrivalSchedule(50, { ratePerS: 10, arrival: "poisson", seed: 3 });
  const c = arrivalSchedule(50, { ratePerS: 10, arrival: "poisson", seed: 4 });

  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

Deno.test("arrival schedule poisson keeps the mean rate", () => {
  const times = arrivalSchedule(20_000, { ratePerS: 50, arrival: "poisson", seed: 1 });
  const rate = (times.length - 1) / (times.at(-1)! / 1000);

  assert.ok(Math.abs(rate / 50 - 1) < 0.03, `mean rate ${rate}`);
});

Deno.test("arrival schedule rejects a zero rate", () => {
  assert.throws(() => arrivalSchedule(3, { ratePerS: 0, arrival: "constant", seed: 1 }), /rate_per_s/);
});

Deno.test("closed pool holds its concurrency", async () => {
  let running = 0;
  let maxRunning = 0;
  const result = await dispatchPool(20, async () => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    await sleep(20);
    running--;
  }, { maxInFlight: 4, arrivalsMs: null, clock });

  assert.equal(maxRunning, 4);
  assert.equal(result.peakInFlight, 4);
  assert.equal(result.started, 20);
});

Deno.test("closed pool rejects zero concurrency", async () => {
  await assert.rejects(dispatchPool(1, () => Promise.resolve(), { maxInFlight: 0, arrivalsMs: null, clock }), /maxInFlight/);
});

Deno.test("open pool counts saturation as queue delay", async () => {
  const delays: number[] = [];
  const start = clock();
  const arrivals = arrivalSchedule(6, { ratePerS: 100, arrival: "constant", seed: 1 });
  await dispatchPool(6, async (_index, scheduledAt) => {
    delays.push(clock() - scheduledAt);
    await sleep(50);
  }, { maxInFlight: 2, arrivalsMs: arrivals, clock });

  // Two slots, 50 ms each, arrivals every 10 ms: the last pair waits about 100 ms for a slot.
  assert.ok(delays[0] < 15, `first delay ${delays[0]}`);
  assert.ok(delays[5] > 60, `last delay ${delays[5]}`);
  assert.ok(clock() - start >= 140);
});

Deno.test("open pool sends on schedule when not saturated", async () => {
  const sends: number[] = [];
  const start = clock();
  await dispatchPool(10, async () => {
    sends.push(clock() - start);
    await sleep(1);
  }, { maxInFlight: 10, arrivalsMs: arrivalSchedule(10, { ratePerS: 100, arrival: "constant", seed: 1 }), clock });

  sends.forEach((t, i) => assert.ok(t >= i * 10 - 0.5 && t < i * 10 + 15, `request ${i} sent at ${t} ms`));
});

Deno.test("pool stops when admission refuses", async () => {
  let ran = 0;
  const result = await dispatchPool(10, () => {
    ran++;
    return Promise.resolve();
  }, { maxInFlight: 2, arrivalsMs: null, clock, admit: (index) => (index === 3 ? "budget reached" : null) });

  assert.equal(ran, 3);
  assert.equal(result.stopReason, "budget reached");
});

Deno.test("pool stops on abort", async () => {
  const controller = new AbortController();
  let ran = 0;
  const result = await dispatchPool(10, async () => {
    ran++;
    if (ran === 2) controller.abort();
    await sleep(1);
  }, { maxInFlight: 1, arrivalsMs: null, clock, signal: controller.signal });

  assert.equal(ran, 2);
  assert.equal(result.stopReason, CANCELLED_REASON);
});
