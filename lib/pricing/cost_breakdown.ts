import type { Usage } from "../providers/types.ts";
import type { PriceRow } from "../runner/manifest.ts";
import { checkCostArguments } from "./check_cost_arguments.ts";
import type { LongContextPrices } from "./price_table_row.ts";

/** A correction applied to inconsistent usage counts before pricing them. */
export type CostFlag =
  /** Cache reads exceeded the input count; they were cut to the input count. */
  | "cache_reads_exceed_input"
  /** Cache writes exceeded the input left after cache reads; they were cut to that. */
  | "cache_writes_exceed_input";

/** Token counts per billing bucket. The three input buckets add up to `usage.inputTokens`. */
export interface CostBuckets<T> {
  uncached_input: T;
  cache_read: T;
  cache_write: T;
  output: T;
}

/** The cost of one request, the tier it was billed at, and how it splits into buckets. */
export interface CostBreakdown {
  usd: number;
  /** "long" when the input exceeded the row's long-context threshold, else "base". */
  tier: "base" | "long";
  /** The row's long-context threshold, or null when the row has no long-context tier. */
  threshold_tokens: number | null;
  tokens: CostBuckets<number>;
  /** USD per million tokens applied to each bucket. */
  prices_per_mtok: CostBuckets<number>;
  /** Corrections made to the usage counts; empty when they were consistent. */
  flags: CostFlag[];
}

/**
 * Price one request from normalised usage and a price row, bucket by bucket.
 *
 * `usage.inputTokens` counts every input token, cache reads and writes included (the
 * adapters normalise Anthropic's counts to this), so uncached input = input − cache reads
 * − cache writes. Output includes reasoning tokens. A null cache count counts as 0, and a
 * missing cache price means those tokens cost the input price of the same tier. Cache
 * counts above the input are clamped so no bucket is negative, and each clamp is flagged.
 *
 * When the row has a long-context tier and the input exceeds its threshold, the whole
 * request (every bucket) is billed at the long-context prices. An input exactly at the
 * threshold stays on the base tier.
 *
 * Returns null when the input or output count is null. Throws a RangeError for a negative
 * count or an invalid price row.
 *
 * @example
 * const b = costBreakdown(
 *   { inputTokens: 200_001, outputTokens: 1000, reasoningTokens: null, cachedInputTokens: null, cacheWriteTokens: null },
 *   geminiProRow,
 * ); // b.tier === "long"
 */
export function costBreakdown(usage: Usage, price: PriceRow & LongContextPrices): CostBreakdown | null {
  checkCostArguments("costBreakdown", usage, price);
  if (usage.inputTokens === null || usage.outputTokens === null) return null;

  const flags: CostFlag[] = [];
  const input = usage.inputTokens;
  const reads = usage.cachedInputTokens ?? 0;
  const cacheRead = Math.min(reads, input);
  if (reads > input) flags.push("cache_reads_exceed_input");
  const writes = usage.cacheWriteTokens ?? 0;
  const cacheWrite = Math.min(writes, input - cacheRead);
  if (writes > input - cacheRead) flags.push("cache_writes_exceed_input");
  const tokens = {
    uncached_input: input - cacheRead - cacheWrite,
    cache_read: cacheRead,
    cache_write: cacheWrite,
    output: usage.outputTokens,
  };

  const threshold = price.long_context_threshold_tokens ?? null;
  const tier = threshold !== null && input > threshold ? "long" : "base";
  const prices = tier === "long" ? longPrices(price) : basePrices(price);
  const microDollars = tokens.uncached_input * prices.uncached_input +
    tokens.cache_read * prices.cache_read +
    tokens.cache_write * prices.cache_write +
    tokens.output * prices.output;
  return { usd: microDollars / 1_000_000, tier, threshold_tokens: threshold, tokens, prices_per_mtok: prices, flags };
}

function basePrices(price: PriceRow): CostBuckets<number> {
  return {
    uncached_input: price.input_per_mtok,
    cache_read: price.cached_input_per_mtok ?? price.input_per_mtok,
    cache_write: price.cache_write_per_mtok ?? price.input_per_mtok,
    output: price.output_per_mtok,
  };
}

function longPrices(price: LongContextPrices): CostBuckets<number> {
  const input = price.input_per_mtok_long as number;
  return {
    uncached_input: input,
    cache_read: price.cached_input_per_mtok_long ?? input,
    cache_write: price.cache_write_per_mtok_long ?? input,
    output: price.output_per_mtok_long as number,
  };
}
