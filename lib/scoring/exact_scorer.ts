import { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import { formatValue } from "./format_value.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import { NORMALIZE_MODES, normalizeText } from "./normalize_text.ts";
import type { Scorer } from "./scorer.ts";

const settingsSchema = z.object({
  name: z.literal("exact"),
  /** Expected output, or a list of accepted outputs. */
  expected: z.union([z.string(), z.array(z.string()).min(1)]),
  normalize: z.enum(NORMALIZE_MODES).default("trim"),
});

/**
 * Scorer for plain question-and-answer items: the normalised output must equal the
 * normalised expected answer (or one of them).
 */
export const exactScorer: Scorer = {
  name: "exact",
  settings: settingsSchema,
  score(item: DatasetItem, output: string): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return Promise.resolve(empty);

    const settings = settingsSchema.parse(item.scorer);
    const accepted = typeof settings.expected === "string" ? [settings.expected] : settings.expected;
    const got = normalizeText(output, settings.normalize);
    const pass = accepted.some((answer) => normalizeText(answer, settings.normalize) === got);

    const expectation = accepted.length === 1
      ? formatValue(accepted[0])
      : `one of ${accepted.map(formatValue).join(", ")}`;
    const reason = `${pass ? "matched" : "got"} ${formatValue(got)}, expected ${expectation}` +
      ` (normalize: ${settings.normalize})`;
    return Promise.resolve({ pass, score: pass ? 1 : 0, reason });
  },
};
