import { seededRandom } from "../emulator/seeded_random.ts";

/** Settings of an open-loop arrival process. */
export interface ArrivalOptions {
  /** Mean arrivals per second. */
  ratePerS: number;
  /** `constant`: equal gaps of 1/rate. `poisson`: exponential gaps with mean 1/rate, drawn from `seed`. */
  arrival: "constant" | "poisson";
  seed: number;
}

/**
 * Returns the arrival time of each of `count` requests in ms after the start of the load
 * phase. The first request arrives at 0. Times are absolute offsets, so a dispatcher that
 * runs late does not push later arrivals back: it owes them, and the owed time shows up as
 * queue delay.
 *
 * @example
 * arrivalSchedule(3, { ratePerS: 200, arrival: "constant", seed: 1 }); // [0, 5, 10]
 */
export function arrivalSchedule(count: number, options: ArrivalOptions): number[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  if (!(options.ratePerS > 0) || !Number.isFinite(options.ratePerS)) {
    throw new RangeError(`rate_per_s must be a positive number of requests per second, got ${options.ratePerS}`);
  }
  const meanGapMs = 1000 / options.ratePerS;
  if (options.arrival === "constant") return Array.from({ length: count }, (_, i) => i * meanGapMs);
  if (options.arrival !== "poisson") {
    throw new RangeError(`arrival must be "constant" or "poisson", got ${JSON.stringify(options.arrival)}`);
  }

  const random = seededRandom("arrivals", options.seed, options.ratePerS);
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0) t += -Math.log(1 - random.next()) * meanGapMs;
    times.push(t);
  }
  return times;
}
