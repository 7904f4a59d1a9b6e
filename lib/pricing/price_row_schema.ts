import { z } from "zod";
import { PROVIDER_NAMES } from "../providers/types.ts";

const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^[1-9]\d*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Model ids a price table accepts: no spaces, no colon (a colon separates the provider in a model ref). */
export const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

const price = z.string().trim().regex(DECIMAL, "must be a non-negative decimal number").transform(Number);
const optionalPrice = z.string().trim()
  .refine((s) => s === "" || DECIMAL.test(s), "must be empty or a non-negative decimal number")
  .transform((s) => (s === "" ? null : Number(s)));
const optionalCount = z.string().trim()
  .refine((s) => s === "" || INTEGER.test(s), "must be empty or a positive whole number of tokens")
  .transform((s) => (s === "" ? null : Number(s)));
const isoDate = z.string().trim()
  .refine((s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "must be a date YYYY-MM-DD");
const optionalBoolean = z.string().trim()
  .refine((s) => s === "" || s === "true" || s === "false", "must be empty, true or false")
  .transform((s) => (s === "" ? null : s === "true"));

/** Schema of one CSV record, all cells as text, to a typed price row. Optional columns may be absent. */
export const priceRowSchema = z.object({
  provider: z.enum(PROVIDER_NAMES, { error: `must be one of ${PROVIDER_NAMES.join(", ")}` }),
  model: z.string().trim().regex(MODEL_NAME, "must be a model id without spaces, such as gpt-4o"),
  input_per_mtok: price,
  cached_input_per_mtok: optionalPrice,
  cache_write_per_mtok: optionalPrice,
  output_per_mtok: price,
  context_window: optionalCount,
  max_output: optionalCount,
  source: z.string().trim().min(1, "must name where the prices come from"),
  as_of: isoDate,
  supports_images: optionalBoolean.optional(),
  long_context_threshold_tokens: optionalCount.optional(),
  input_per_mtok_long: optionalPrice.optional(),
  cached_input_per_mtok_long: optionalPrice.optional(),
  cache_write_per_mtok_long: optionalPrice.optional(),
  output_per_mtok_long: optionalPrice.optional(),
});

/** How to repair a bad cell, per column. */
export const PRICE_COLUMN_FIXES: Record<string, string> = {
  provider: `write one of ${PROVIDER_NAMES.join(", ")}`,
  model: "write the provider's model id, e.g. claude-sonnet-4-5",
  input_per_mtok: "write USD per million input tokens, e.g. 2.5",
  cached_input_per_mtok: "write USD per million cache-read tokens, or leave it empty when the provider gives no discount",
  cache_write_per_mtok: "write USD per million cache-write tokens, or leave it empty when writes cost the input price",
  output_per_mtok: "write USD per million output tokens, e.g. 10",
  context_window: "write the maximum input tokens as a whole number, or leave it empty",
  max_output: "write the maximum output tokens as a whole number, or leave it empty",
  source: "name the page or file the prices were taken from",
  as_of: "write the date the prices were read, as YYYY-MM-DD",
  supports_images: "write true, false, or leave it empty",
  long_context_threshold_tokens:
    "write the input-token count above which the whole request is billed at the long-context prices, or leave it empty",
  input_per_mtok_long: "write USD per million input tokens above the threshold, or leave it empty",
  cached_input_per_mtok_long: "write USD per million cache-read tokens above the threshold, or leave it empty",
  cache_write_per_mtok_long: "write USD per million cache-write tokens above the threshold, or leave it empty",
  output_per_mtok_long: "write USD per million output tokens above the threshold, or leave it empty",
};
