import pl from "nodejs-polars";
import { costOf } from "../pricing/cost_of.ts";
import { findPrice } from "../pricing/find_price.ts";
import type { PriceRow } from "../runner/manifest.ts";
import { TRIAL_SCHEMA_VERSION } from "../runner/record.ts";
import { IMPORTED_COLUMNS, IMPORTED_SCHEMA } from "./imported_columns.ts";
import type { ImportedTrial, ParsedRow } from "./imported_trial.ts";

type PriceLookup = (model: string) => PriceRow | null;

/**
 * Collects imported rows column by column (cheaper than one object per row at a few
 * hundred thousand rows), fills in ids and the cost from the price table, and builds the
 * polars frame with the declared schema of `IMPORTED_SCHEMA`.
 */
export class TrialCollector {
  readonly #columns = new Map<keyof ImportedTrial, unknown[]>(IMPORTED_COLUMNS.map((name) => [name, []]));
  readonly #price: PriceLookup;
  readonly modelCounts = new Map<string, number>();
  /** Models that had rows but no price row, so their cost is null. */
  readonly unpricedModels = new Set<string>();
  size = 0;

  constructor(readonly name: string, prices: readonly PriceRow[]) {
    if (typeof name !== "string" || name === "") throw new TypeError("TrialCollector: name must be the import's name");
    if (!Array.isArray(prices)) throw new TypeError("TrialCollector: prices must be price table rows (an array)");
    const cache = new Map<string, PriceRow | null>();
    this.#price = (model) => {
      if (!cache.has(model)) cache.set(model, lookupPrice(prices, model));
      return cache.get(model)!;
    };
  }

  /** Adds one parsed row found at `source` (`file:line`). */
  add(row: ParsedRow, source: string): void {
    const price = this.#price(row.model);
    if (price === null) this.unpricedModels.add(row.model);
    const cost = price === null || row.status !== "ok" ? null : costOf(
      {
        inputTokens: row.input_tokens,
        outputTokens: row.output_tokens,
        reasoningTokens: row.reasoning_tokens,
        cachedInputTokens: row.cached_input_tokens,
        cacheWriteTokens: row.cache_write_tokens,
      },
      price,
    );
    const trial: ImportedTrial = {
      schema_version: TRIAL_SCHEMA_VERSION,
      run_id: this.name,
      trial_id: `${this.name}:${source}`,
      dataset: "production",
      endpoint_kind: "real",
      cost_usd: cost,
      source,
      ...row,
    };
    for (const name of IMPORTED_COLUMNS) this.#columns.get(name)!.push(trial[name]);
    this.modelCounts.set(row.model, (this.modelCounts.get(row.model) ?? 0) + 1);
    this.size++;
  }

  /** Builds the frame of every row added so far, typed by `IMPORTED_SCHEMA`. */
  toFrame(): pl.DataFrame {
    const data = Object.fromEntries(this.#columns);
    const frame = pl.DataFrame(data, { schema: IMPORTED_SCHEMA } as unknown as Record<string, unknown>);
    return frame.select(...IMPORTED_COLUMNS.map((name) => pl.col(name).cast(IMPORTED_SCHEMA[name])));
  }
}

// A model of a provider outside the project's list has no `provider:model` ref to price.
function lookupPrice(prices: readonly PriceRow[], model: string): PriceRow | null {
  try {
    return findPrice(prices, model);
  } catch {
    return null;
  }
}
