import { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import { formatValue } from "./format_value.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import { NORMALIZE_MODES, normalizeText } from "./normalize_text.ts";
import type { Scorer } from "./scorer.ts";

const settingsSchema = z.object({
  name: z.literal("regex"),
  /** JavaScript regular expression source, without slashes. */
  pattern: z.string().min(1),
  flags: z.string().regex(/^[dgimsuvy]*$/, "flags must be JavaScript RegExp flags (d, g, i, m, s, u, v, y)")
    .default(""),
  normalize: z.enum(NORMALIZE_MODES).default("trim"),
}).superRefine((settings, context) => {
  try {
    new RegExp(settings.pattern, settings.flags);
  } catch (error) {
    context.addIssue({
      code: "custom",
      path: ["pattern"],
      message: `pattern is not a valid regular expression: ${(error as Error).message}`,
    });
  }
});

/** Scorer for plain question-and-answer items: the normalised output must match a pattern. */
export const regexScorer: Scorer = {
  name: "regex",
  settings: settingsSchema,
  score(item: DatasetItem, output: string): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return Promise.resolve(empty);

    const settings = settingsSchema.parse(item.scorer);
    const pattern = new RegExp(settings.pattern, settings.flags);
    const got = normalizeText(output, settings.normalize);
    const pass = pattern.test(got);

    const reason = `${formatValue(got)} ${pass ? "matches" : "does not match"} ${pattern}` +
      ` (normalize: ${settings.normalize})`;
    return Promise.resolve({ pass, score: pass ? 1 : 0, reason });
  },
};
