import type { Usage } from "../providers/types.ts";
import type { PriceRow } from "../runner/manifest.ts";
import { checkCostArguments } from "./check_cost_arguments.ts";
import { costBreakdown } from "./cost_breakdown.ts";
import type { LongContextPrices } from "./price_table_row.ts";

/**
 * Compute the USD cost of one request from normalised usage and a price row.
 *
 * Buckets, priced per million tokens: uncached input (input − cache reads − cache writes)
 * at the input price, cache reads at the cache-read price, cache writes at the cache-write
 * price, and output (reasoning included) at the output price. A missing cache price means
 * the provider has no separate price, so those tokens cost the input price. A null cache
 * count counts as 0. Cache counts larger than the input are clamped, so no bucket is
 * negative and the buckets add up to the input count. `costBreakdown` reports such clamps.
 *
 * A row with a long-context tier bills the whole request at the long-context prices when
 * the input exceeds the threshold; an input exactly at the threshold stays on the base tier.
 *
 * Returns null when the input or output count is null.
 */
export function costOf(usage: Usage, price: PriceRow & LongContextPrices): number | null {
  checkCostArguments("costOf", usage, price);
  return costBreakdown(usage, price)?.usd ?? null;
}
