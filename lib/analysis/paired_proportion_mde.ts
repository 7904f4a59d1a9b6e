import { type PowerOptions, zValues } from "./power_options.ts";

export type { PowerOptions } from "./power_options.ts";

/**
 * Compute the smallest pass-rate difference between two models on the same n items that
 * McNemar's test detects with the given power, for a share ψ of items on which the models
 * disagree. Solves Connor's (1987) sample-size formula for the difference δ:
 * √n × δ = z(1 − α/2) × √ψ + z(power) × √(ψ − δ²).
 * Returns null when ψ or n is 0, or when even δ = ψ (every disagreement going one way)
 * would not be detected.
 *
 * @example
 * pairedProportionMde(100, 0.2); // about 0.124
 */
export function pairedProportionMde(n: number, discordantFraction: number, options: PowerOptions = {}): number | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`pairedProportionMde: n must be a whole number ≥ 0, got ${n}`);
  if (!(discordantFraction >= 0 && discordantFraction <= 1)) {
    throw new RangeError(`pairedProportionMde: discordantFraction must be between 0 and 1, got ${discordantFraction}`);
  }
  const { zAlpha, zPower } = zValues("pairedProportionMde", options);
  const psi = discordantFraction;
  if (n === 0 || psi === 0) return null;

  const gap = (delta: number) => Math.sqrt(n) * delta - zAlpha * Math.sqrt(psi) - zPower * Math.sqrt(Math.max(0, psi - delta * delta));
  if (gap(psi) < 0) return null;
  // gap rises with delta, so bisection finds its single root in [0, ψ].
  let low = 0;
  let high = psi;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (gap(mid) < 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
