import { normalQuantile } from "./normal_quantile.ts";

/** Options of the minimum-detectable-effect functions. */
export interface PowerOptions {
  /** Two-sided significance level; default 0.05. */
  alpha?: number;
  /** Probability of detecting an effect of the returned size; default 0.8. */
  power?: number;
}

/** z(1 − α/2) and z(power) after checking both options. */
export function zValues(caller: string, options: PowerOptions): { zAlpha: number; zPower: number } {
  const { alpha = 0.05, power = 0.8 } = options ?? {};
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`${caller}: alpha must be between 0 and 1, e.g. 0.05, got ${alpha}`);
  if (!(power > 0 && power < 1)) throw new RangeError(`${caller}: power must be between 0 and 1, e.g. 0.8, got ${power}`);
  return { zAlpha: normalQuantile(1 - alpha / 2), zPower: normalQuantile(power) };
}
