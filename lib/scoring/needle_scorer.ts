import { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import { formatValue } from "./format_value.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import type { Scorer } from "./scorer.ts";

const settingsSchema = z.object({
  name: z.literal("needle"),
  /** Values hidden in the haystack; a passing output contains every one of them. */
  values: z.array(z.string().min(1)).min(1),
  /** Ignore case when looking for the values. Default true. */
  case_insensitive: z.boolean().default(true),
});

/**
 * Scorer for needle-in-a-haystack items: the output must contain every needle value
 * (whitespace runs and Unicode forms normalised, case ignored by default). Score is the
 * share of values found.
 */
export const needleScorer: Scorer = {
  name: "needle",
  settings: settingsSchema,
  score(item: DatasetItem, output: string): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return Promise.resolve(empty);

    const settings = settingsSchema.parse(item.scorer);
    const normalise = (text: string) => {
      const collapsed = text.normalize("NFKC").replace(/\s+/g, " ");
      return settings.case_insensitive ? collapsed.toLowerCase() : collapsed;
    };
    const haystack = normalise(output);
    const missing = settings.values.filter((value) => !haystack.includes(normalise(value)));
    const found = settings.values.length - missing.length;
    const score = found / settings.values.length;
    const head = `found ${found}/${settings.values.length} needle values`;
    const reason = missing.length === 0 ? head : `${head}: missing ${missing.map(formatValue).join(", ")}`;
    return Promise.resolve({ pass: missing.length === 0, score, reason });
  },
};
