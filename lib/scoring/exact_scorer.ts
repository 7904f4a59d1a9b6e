import { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import { formatValue } from "./format_value.ts";
import { matchText } from "./match_text.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import { NORMALIZE_MODES } from "./normalize_text.ts";
import type { Scorer } from "./scorer.ts";

const settingsSchema = z.object({
  name: z.literal("exact"),
  /** Expected output, or a list of accepted outputs. */
  expected: z.union([z.string(), z.array(z.string()).min(1)]),
  normalize: z.enum(NORMALIZE_MODES).default("trim"),
  /** `whole` (default): the output equals an answer. `contains`: an answer appears in it as whole words. */
  match: z.enum(["whole", "contains"]).default("whole"),
  /** Absolute tolerance for numeric answers; null compares text. */
  tolerance: z.number().min(0).nullable().default(null),
});

/**
 * Scorer for plain question-and-answer items: the normalised output must equal (or, with
 * `match: "contains"`, contain) a normalised expected answer. Numeric answers compare
 * within `tolerance` when it is set.
 */
export const exactScorer: Scorer = {
  name: "exact",
  settings: settingsSchema,
  score(item: DatasetItem, output: string): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return Promise.resolve(empty);

    const settings = settingsSchema.parse(item.scorer);
    const accepted = typeof settings.expected === "string" ? [settings.expected] : settings.expected;
    const result = matchText(output, accepted, settings);

    const expectation = accepted.length === 1
      ? formatValue(accepted[0])
      : `one of ${accepted.map(formatValue).join(", ")}`;
    const options = [`normalize: ${settings.normalize}`];
    if (settings.match !== "whole") options.push(`match: ${settings.match}`);
    if (settings.tolerance !== null) options.push(`tolerance: ${settings.tolerance}`);
    let reason: string;
    if (settings.match === "contains") {
      reason = `${result.got} ${result.pass ? "contains" : "does not contain"} ${expectation} (${options.join(", ")})`;
    } else {
      reason = `${result.pass ? "matched" : "got"} ${result.got}, expected ${expectation} (${options.join(", ")})`;
    }
    return Promise.resolve({ pass: result.pass, score: result.pass ? 1 : 0, reason });
  },
};
