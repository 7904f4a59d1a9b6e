import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import type { ScoreOptions } from "./scorer.ts";
import { SCORERS } from "./scorers.ts";

/**
 * Grade one model output for a dataset item with the scorer its `scorer.name` selects.
 *
 * An empty or whitespace-only output is graded "no response" (`no_response: true`),
 * never a pass. A wrong output is a failed grade, not an exception. The function throws
 * only for faults of the item itself: an unknown scorer, invalid settings or a failing
 * reference.
 *
 * @example
 * ```ts
 * const grade = await scoreItem(item, '{"name": "Ada", "age": 36}');
 * grade.pass; // true when the JSON satisfies the item's schema and expected fields
 * ```
 */
export function scoreItem(item: DatasetItem, output: string, options: ScoreOptions = {}): Promise<Grade> {
  const name = item?.scorer?.name;
  const scorer = SCORERS.get(name);
  if (scorer === undefined) {
    const known = [...SCORERS.keys()].join(", ");
    throw new RangeError(`item ${item?.id}: unknown scorer ${JSON.stringify(name)}; use one of: ${known}`);
  }
  if (typeof output !== "string") {
    throw new TypeError(`item ${item.id}: output must be a string, got ${typeof output}`);
  }
  return scorer.score(item, output, options);
}
