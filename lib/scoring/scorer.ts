import type { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";

/** Options shared by every scorer. */
export interface ScoreOptions {
  /**
   * Folder that contains the dataset file and its `sql/` databases. Defaults to the
   * repository's `datasets/` folder.
   */
  datasetsDir?: string;
  /** Signal that stops a sandboxed run early. The grade then reports the cancellation. */
  signal?: AbortSignal;
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
