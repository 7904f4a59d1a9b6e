/**
 * Settings, checks and resampling steps shared by `bootstrapInterval` and
 * `bootstrapDifference`, so both draw and summarise resamples the same way.
 */
import { quantileSorted } from "./quantile_sorted.ts";

/** Options of the bootstrap functions. */
export interface BootstrapOptions {
  /** Resamples drawn; default 2,000. */
  resamples?: number;
  /** Seed of the pseudo-random draws; default 1, so results repeat. */
  seed?: number;
  /** Confidence level; default 0.95. */
  level?: number;
}

/** A point estimate with a percentile-bootstrap confidence interval. */
export interface BootstrapInterval {
  estimate: number;
  low: number;
  high: number;
  level: number;
  resamples: number;
  seed: number;
  method: "percentile bootstrap";
}

/** Validated bootstrap settings with defaults filled in. */
export interface BootstrapSettings {
  resamples: number;
  seed: number;
  level: number;
}

/** Fill in defaults and check bootstrap options; `caller` names the function in messages. */
export function checkBootstrapOptions(caller: string, options: BootstrapOptions): BootstrapSettings {
  const { resamples = 2000, seed = 1, level = 0.95 } = options ?? {};
  if (!Number.isInteger(resamples) || resamples < 100) {
    throw new RangeError(`${caller}: resamples must be a whole number ≥ 100, got ${resamples}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError(`${caller}: seed must be an integer, got ${seed}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`${caller}: level must be between 0 and 1, e.g. 0.95, got ${level}`);
  return { resamples, seed, level };
}

/** Copy a sample into a Float64Array after checking every value is finite. */
export function checkSample(caller: string, name: string, values: readonly number[]): Float64Array {
  if (!Array.isArray(values)) throw new TypeError(`${caller}: ${name} must be an array of numbers`);
  const sample = Float64Array.from(values);
  const bad = sample.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    throw new RangeError(`${caller}: ${name}[${bad}] must be a finite number, got ${values[bad]}; drop nulls first`);
  }
  return sample;
}

/** Overwrite `target` with a draw from `sample` with replacement. */
export function fillResample(sample: Float64Array, target: Float64Array, random: () => number): void {
  const n = sample.length;
  for (let i = 0; i < target.length; i++) target[i] = sample[Math.floor(random() * n)];
}

/** Turn bootstrap draws into the interval around `estimate`. */
export function finishBootstrap(estimate: number, draws: Float64Array, settings: BootstrapSettings): BootstrapInterval {
  draws.sort();
  const tail = (1 - settings.level) / 2;
  return {
    estimate,
    low: quantileSorted(draws, tail) as number,
    high: quantileSorted(draws, 1 - tail) as number,
    level: settings.level,
    resamples: settings.resamples,
    seed: settings.seed,
    method: "percentile bootstrap",
  };
}
