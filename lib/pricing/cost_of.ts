import type { Usage } from "../providers/types.ts";
import type { PriceRow } from "../runner/manifest.ts";

/**
 * Compute the USD cost of one request from normalised usage and a price row.
 *
 * Buckets, priced per million tokens: uncached input (input − cache reads − cache writes)
 * at the input price, cache reads at the cache-read price, cache writes at the cache-write
 * price, and output (reasoning included) at the output price. A missing cache price means
 * the provider has no separate price, so those tokens cost the input price. A null cache
 * count counts as 0. Cache counts larger than the input are clamped so no bucket is
 * negative and the buckets add up to the input count.
 *
 * Returns null when the input or output count is null.
 * NOTE: long-context tiers (e.g. prompts over 200k tokens re-priced as a whole) are not
 * applied; the row's base prices are used for every prompt size.
 */
export function costOf(usage: Usage, price: PriceRow): number | null {
  if (usage === null || typeof usage !== "object") {
    throw new TypeError("costOf: usage must be a Usage object; pass null checks to the caller");
  }
  if (price === null || typeof price !== "object") {
    throw new TypeError("costOf: price must be a PriceRow; look it up with findPrice first");
  }
  for (const field of ["input_per_mtok", "output_per_mtok"] as const) {
    if (!isNonNegative(price[field])) {
      throw new RangeError(`costOf: price.${field} of ${price.model} must be a non-negative number, got ${price[field]}`);
    }
  }
  for (const field of ["inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens"] as const) {
    const value = usage[field];
    if (value !== null && !isNonNegative(value)) {
      throw new RangeError(`costOf: usage.${field} must be null or a non-negative number, got ${value}`);
    }
  }
  if (usage.inputTokens === null || usage.outputTokens === null) return null;

  const input = usage.inputTokens;
  const cached = Math.min(usage.cachedInputTokens ?? 0, input);
  const writes = Math.min(usage.cacheWriteTokens ?? 0, input - cached);
  const uncached = input - cached - writes;

  const cachedPrice = price.cached_input_per_mtok ?? price.input_per_mtok;
  const writePrice = price.cache_write_per_mtok ?? price.input_per_mtok;
  const microDollars = uncached * price.input_per_mtok +
    cached * cachedPrice +
    writes * writePrice +
    usage.outputTokens * price.output_per_mtok;
  return microDollars / 1_000_000;
}

function isNonNegative(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}
