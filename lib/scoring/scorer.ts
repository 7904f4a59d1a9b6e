import type { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { EndpointMode } from "../providers/resolve_endpoint.ts";
import type { Clock } from "../providers/types.ts";
import type { PriceTableRow } from "../pricing/price_table_row.ts";
import type { Grade } from "../runner/record.ts";

/** Endpoint settings of the `llm-judge` scorer's grading requests. */
export interface JudgeOptions {
  /** Judge model (`provider:model`) for items whose settings name none. */
  model?: string;
  /** Environment that contains the API keys. Default: no keys, so only the emulator is reachable. */
  env?: Record<string, string | undefined>;
  /** URL of a running emulator, for judges without an API key. */
  emulatorUrl?: string | null;
  /** Real API, emulator, or the real API when its key is set ("auto", the default). */
  mode?: EndpointMode;
  /** Price rows for the judge's cost. Default: `datasets/prices.csv`. */
  priceRows?: readonly PriceTableRow[];
  clock?: Clock;
}

/** Options shared by every scorer. */
export interface ScoreOptions {
  /**
   * Folder that contains the dataset file and its `sql/` databases. Defaults to the
   * repository's `datasets/` folder.
   */
  datasetsDir?: string;
  /** Signal that stops a sandboxed run early. The grade then reports the cancellation. */
  signal?: AbortSignal;
  /** Judge settings of the `llm-judge` scorer; other scorers ignore them. */
  judge?: JudgeOptions;
}

/** A fault of an item that its settings schema cannot see, e.g. a missing database file. */
export interface ItemProblem {
  /** Field path inside the item, e.g. `scorer.database`. */
  field: string;
  rule: string;
  fix: string;
}

/** A scorer: the zod schema of its settings (`item.scorer`) and its grading function. */
export interface Scorer {
  /** Value of `item.scorer.name` that selects this scorer. */
  name: string;
  /** Validates `item.scorer`, including `name`. The dataset loader checks items with it. */
  settings: z.ZodType;
  /** Grades one output. A wrong or empty output is a failed grade, never an exception. */
  score(item: DatasetItem, output: string, options?: ScoreOptions): Promise<Grade>;
  /**
   * Checks what the item refers to outside itself (files); the dataset loader calls it
   * after the settings passed. Returns null when the item is usable.
   */
  check?(item: DatasetItem, options: { datasetsDir: string }): Promise<ItemProblem | null>;
}
