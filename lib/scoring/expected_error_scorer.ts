import { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import type { ItemProblem, Scorer } from "./scorer.ts";

const settingsSchema = z.object({ name: z.literal("expected-error") });

/**
 * Scorer for items whose correct outcome is a classified provider error, named in the
 * item's `expect_error` (e.g. a prompt over every model's context window). Any answer
 * fails; `scoreError` grades the error itself.
 */
export const expectedErrorScorer: Scorer = {
  name: "expected-error",
  settings: settingsSchema,
  score(item: DatasetItem, output: string): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return Promise.resolve(empty);
    const expected = [item.expect_error ?? []].flat().join(" or ");
    const reason = `got an answer of ${output.length} characters, expected a ${expected} error`;
    return Promise.resolve({ pass: false, score: 0, reason });
  },
  check(item: DatasetItem): Promise<ItemProblem | null> {
    if (item.expect_error !== undefined) return Promise.resolve(null);
    return Promise.resolve({
      field: "expect_error",
      rule: "the expected-error scorer needs the error class the item expects",
      fix: 'add "expect_error", e.g. "context_length_exceeded"',
    });
  },
};
