import type { ProviderName } from "../providers/types.ts";
import { checkPriceRow } from "./check_price_row.ts";
import { MODEL_NAME } from "./price_row_schema.ts";
import type { PriceTableRow } from "./price_table_row.ts";

/** Options of {@link importLitellmPrices}. */
export interface ImportLitellmOptions {
  /** Date the JSON file was taken, YYYY-MM-DD; written to every row's `as_of`. */
  asOf: string;
  /** Origin of the JSON, written into each row's `source` with the entry's key. */
  source?: string;
  /** Keep only these models, given as `provider:model` refs or bare model ids. */
  models?: readonly string[];
}

/** The rows made from a LiteLLM price file, and the entries left out with the reason. */
export interface LitellmImport {
  rows: PriceTableRow[];
  skipped: { key: string; reason: string }[];
  /** Remarks about imported rows, e.g. a price derived because the file lacks it. */
  notes: { key: string; note: string }[];
}

// LiteLLM's `litellm_provider` values that the project's providers bill directly.
const PROVIDERS: Record<string, ProviderName> = { openai: "openai", anthropic: "anthropic", gemini: "google" };
const CHAT_MODES = new Set(["chat", "responses"]);
const TIER_FIELD = /^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost)_above_(\d+)k_tokens$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_SOURCE = "LiteLLM model_prices_and_context_window.json";

/**
 * Convert LiteLLM's `model_prices_and_context_window.json` (USD per token, keyed by model
 * id, some keys prefixed such as `gemini/gemini-2.5-pro`) into price table rows (USD per
 * million tokens). Only chat models of OpenAI, Anthropic and the Gemini API are kept.
 *
 * `*_above_<N>k_tokens` prices become the long-context tier with a threshold of N × 1000
 * tokens. When several thresholds exist, the lowest is kept. A long-tier cache price the
 * file lacks is scaled from the base cache price by the long/base input ratio and noted.
 * Entries that break a price table rule are skipped with the reason, never repaired.
 *
 * @example
 * const { rows } = importLitellmPrices(JSON.parse(text), { asOf: "2026-07-24" });
 */
export function importLitellmPrices(data: unknown, options: ImportLitellmOptions): LitellmImport {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new TypeError("importLitellmPrices: data must be the parsed JSON object of model_prices_and_context_window.json");
  }
  if (!options || typeof options.asOf !== "string" || !ISO_DATE.test(options.asOf)) {
    throw new RangeError(`importLitellmPrices: options.asOf must be a date YYYY-MM-DD, got ${JSON.stringify(options?.asOf)}`);
  }
  if (options.models !== undefined && !Array.isArray(options.models)) {
    throw new TypeError("importLitellmPrices: options.models must be an array of model refs or ids");
  }
  const wanted = options.models === undefined ? null : new Set(options.models);
  const wantedIds = wanted === null ? null : new Set([...wanted].map((name) => name.slice(name.indexOf(":") + 1)));
  const result: LitellmImport = { rows: [], skipped: [], notes: [] };
  const seen = new Map<string, string>();

  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    if (key === "sample_spec") continue;
    // With a model list, entries whose id matches none of it are not reported as skipped.
    if (wantedIds !== null && !wantedIds.has(key) && !wantedIds.has(key.slice(key.indexOf("/") + 1))) continue;
    const converted = convertEntry(key, entry, options);
    if ("reason" in converted) {
      result.skipped.push({ key, reason: converted.reason });
      continue;
    }
    const { row, notes } = converted;
    const ref = `${row.provider}:${row.model}`;
    if (wanted !== null && !wanted.has(ref) && !wanted.has(row.model)) continue;
    const firstKey = seen.get(ref);
    if (firstKey !== undefined) {
      result.skipped.push({ key, reason: `repeats ${ref}, already imported from key ${firstKey}` });
      continue;
    }
    seen.set(ref, key);
    result.rows.push(row);
    result.notes.push(...notes.map((note) => ({ key, note })));
  }
  for (const name of wanted ?? []) {
    const found = result.rows.some((row) => name === `${row.provider}:${row.model}` || name === row.model);
    if (!found) result.skipped.push({ key: name, reason: "no importable entry in the file" });
  }
  return result;
}

type Converted = { row: PriceTableRow; notes: string[] } | { reason: string };

function convertEntry(key: string, entry: unknown, options: ImportLitellmOptions): Converted {
  if (entry === null || typeof entry !== "object" || Array.isArray(entry)) return { reason: "entry is not an object" };
  const fields = entry as Record<string, unknown>;
  const litellmProvider = typeof fields.litellm_provider === "string" ? fields.litellm_provider : null;
  const provider = litellmProvider === null ? undefined : PROVIDERS[litellmProvider];
  if (provider === undefined) return { reason: `litellm_provider ${JSON.stringify(litellmProvider)} is not billed by a project provider` };
  if (typeof fields.mode === "string" && !CHAT_MODES.has(fields.mode)) return { reason: `mode "${fields.mode}" is not a chat model` };
  const input = perMillion(fields.input_cost_per_token);
  const output = perMillion(fields.output_cost_per_token);
  if (input === null || output === null) return { reason: "input_cost_per_token or output_cost_per_token is missing" };

  const model = key.startsWith(`${litellmProvider}/`) ? key.slice(litellmProvider!.length + 1) : key;
  if (!MODEL_NAME.test(model)) return { reason: `model id "${model}" has characters a price table cannot hold` };

  const notes: string[] = [];
  const row: PriceTableRow = {
    provider,
    model,
    input_per_mtok: input,
    cached_input_per_mtok: perMillion(fields.cache_read_input_token_cost),
    cache_write_per_mtok: perMillion(fields.cache_creation_input_token_cost),
    output_per_mtok: output,
    context_window: tokenCount(fields.max_input_tokens),
    max_output: tokenCount(fields.max_output_tokens),
    source: "",
    as_of: options.asOf,
    supports_images: typeof fields.supports_vision === "boolean" ? fields.supports_vision : null,
    ...longContextTier(fields, notes),
  };
  row.source = [`${options.source ?? DEFAULT_SOURCE}, key ${key}`, ...notes].join("; ");
  const issue = checkPriceRow(row);
  if (issue !== null) return { reason: `${issue.column} ${issue.problem}` };
  return { row, notes };
}

function longContextTier(fields: Record<string, unknown>, notes: string[]): Partial<PriceTableRow> {
  const thresholds = new Set<number>();
  for (const name of Object.keys(fields)) {
    const match = TIER_FIELD.exec(name);
    if (match && perMillion(fields[name]) !== null) thresholds.add(Number(match[2]));
  }
  if (thresholds.size === 0) return {};
  const kilo = Math.min(...thresholds);
  if (thresholds.size > 1) notes.push(`tiers above thresholds other than ${kilo}k tokens were left out`);
  const above = (base: string) => perMillion(fields[`${base}_above_${kilo}k_tokens`]);

  const input = perMillion(fields.input_cost_per_token) as number;
  let inputLong = above("input_cost_per_token");
  if (inputLong === null) {
    inputLong = input;
    notes.push(`input price above ${kilo}k tokens not listed, base price kept`);
  }
  let outputLong = above("output_cost_per_token");
  if (outputLong === null) {
    outputLong = perMillion(fields.output_cost_per_token);
    notes.push(`output price above ${kilo}k tokens not listed, base price kept`);
  }
  const ratio = input > 0 ? inputLong / input : 1;
  const scaled = (field: string, label: string) => {
    const base = perMillion(fields[field]);
    const listed = above(field);
    if (listed !== null || base === null) return listed;
    notes.push(`${label} price above ${kilo}k tokens not listed, scaled from the base price by the input ratio ${ratio}`);
    return roundPrice(base * ratio);
  };
  return {
    long_context_threshold_tokens: kilo * 1000,
    input_per_mtok_long: inputLong,
    cached_input_per_mtok_long: scaled("cache_read_input_token_cost", "cache-read"),
    cache_write_per_mtok_long: scaled("cache_creation_input_token_cost", "cache-write"),
    output_per_mtok_long: outputLong,
  };
}

function perMillion(value: unknown): number | null {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return null;
  return roundPrice(value * 1_000_000);
}

// 2.5e-6 × 1e6 is 2.4999999999999996 in floating point; 12 significant digits undo that.
function roundPrice(value: number): number {
  return Number(value.toPrecision(12));
}

function tokenCount(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : null;
}
