import type { PriceRow } from "../runner/manifest.ts";

/**
 * Prices of a long-context tier, USD per million tokens. When a request's input tokens
 * (cached and uncached together) exceed `long_context_threshold_tokens`, every token of
 * that request is billed at these prices. A request exactly at the threshold stays on
 * the base prices. Fields are absent or null on rows without such a tier.
 */
export interface LongContextPrices {
  long_context_threshold_tokens?: number | null;
  input_per_mtok_long?: number | null;
  /** Cache-read price above the threshold; null means cache reads cost `input_per_mtok_long`. */
  cached_input_per_mtok_long?: number | null;
  /** Cache-write price above the threshold; null means cache writes cost `input_per_mtok_long`. */
  cache_write_per_mtok_long?: number | null;
  output_per_mtok_long?: number | null;
}

/**
 * A price table row as this module reads it: the shared {@link PriceRow}, an optional
 * long-context tier and optional capability columns. `supports_images` is null when the
 * table leaves the cell empty.
 */
export interface PriceTableRow extends PriceRow, LongContextPrices {
  supports_images?: boolean | null;
}
