import type { DatasetItem } from "../datasets/schema.ts";
import type { ProviderErrorInfo } from "../providers/types.ts";
import type { Grade } from "../runner/record.ts";

const MESSAGE_CHARS = 160;

/**
 * Grade a trial that ended in a classified provider error.
 *
 * When the item lists the error's class in `expect_error`, the error is the correct
 * outcome and the grade passes. When the item expects another class, the grade fails and
 * names both. An item that expects no error returns null: the trial stays an error
 * without a grade, as before.
 */
export function scoreError(item: DatasetItem, error: Pick<ProviderErrorInfo, "class" | "message">): Grade | null {
  if (item === null || typeof item !== "object") throw new TypeError("item must be a dataset item");
  if (error === null || typeof error !== "object" || typeof error.class !== "string") {
    throw new TypeError(`item ${item.id}: error must be a classified provider error with a class`);
  }
  if (item.expect_error === undefined) return null;
  const expected = [item.expect_error].flat();
  const message = (error.message ?? "").slice(0, MESSAGE_CHARS);
  if (expected.includes(error.class)) {
    return { pass: true, score: 1, reason: `expected ${error.class} error: ${message}` };
  }
  return { pass: false, score: 0, reason: `got a ${error.class} error, expected ${expected.join(" or ")}: ${message}` };
}
