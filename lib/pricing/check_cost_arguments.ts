import type { Usage } from "../providers/types.ts";
import type { PriceRow } from "../runner/manifest.ts";
import type { LongContextPrices } from "./price_table_row.ts";

/**
 * Check the usage and price row given to a cost function; `caller` names the function in
 * error messages. Throws a TypeError or RangeError naming the field, the rule and the value.
 */
export function checkCostArguments(caller: string, usage: Usage, price: PriceRow & LongContextPrices): void {
  if (usage === null || typeof usage !== "object") {
    throw new TypeError(`${caller}: usage must be a Usage object; pass null checks to the caller`);
  }
  if (price === null || typeof price !== "object") {
    throw new TypeError(`${caller}: price must be a PriceRow; look it up with findPrice first`);
  }
  for (const field of ["input_per_mtok", "output_per_mtok"] as const) {
    if (!isNonNegative(price[field])) {
      throw new RangeError(`${caller}: price.${field} of ${price.model} must be a non-negative number, got ${price[field]}`);
    }
  }
  const threshold = price.long_context_threshold_tokens ?? null;
  if (threshold !== null) {
    for (const field of ["input_per_mtok_long", "output_per_mtok_long"] as const) {
      if (!isNonNegative(price[field])) {
        throw new RangeError(
          `${caller}: price.${field} of ${price.model} must be a non-negative number because the row has a ` +
            `long-context threshold of ${threshold} tokens, got ${price[field]}; fix the price table row`,
        );
      }
    }
  }
  for (const field of ["inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens"] as const) {
    const value = usage[field];
    if (value !== null && !isNonNegative(value)) {
      throw new RangeError(`${caller}: usage.${field} must be null or a non-negative number, got ${value}`);
    }
  }
}

function isNonNegative(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}
