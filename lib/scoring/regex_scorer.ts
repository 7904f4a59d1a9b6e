import { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import { formatValue } from "./format_value.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import { NORMALIZE_MODES, normalizeText } from "./normalize_text.ts";
import type { Scorer } from "./scorer.ts";

const FLAGS = z.string().regex(/^[dgimsuvy]*$/, "flags must be JavaScript RegExp flags (d, g, i, m, s, u, v, y)");

const settingsSchema = z.object({
  name: z.literal("regex"),
  /** JavaScript regular expression source, without slashes. */
  pattern: z.string().min(1),
  flags: FLAGS.default(""),
  normalize: z.enum(NORMALIZE_MODES).default("trim"),
  /**
   * Pattern the output must not match, e.g. the reply an instruction injected into the
   * input asks for. It uses `flags` too.
   */
  forbidden_pattern: z.string().min(1).optional(),
}).superRefine((settings, context) => {
  for (const field of ["pattern", "forbidden_pattern"] as const) {
    const source = settings[field];
    if (source === undefined) continue;
    try {
      new RegExp(source, settings.flags);
    } catch (error) {
      context.addIssue({
        code: "custom",
        path: [field],
        message: `${field} is not a valid regular expression: ${(error as Error).message}`,
      });
    }
  }
});

/**
 * Scorer for plain question-and-answer items: the normalised output must match a pattern
 * and, when `forbidden_pattern` is set, must not match that one.
 */
export const regexScorer: Scorer = {
  name: "regex",
  settings: settingsSchema,
  score(item: DatasetItem, output: string): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return Promise.resolve(empty);

    const settings = settingsSchema.parse(item.scorer);
    const pattern = new RegExp(settings.pattern, settings.flags);
    const got = normalizeText(output, settings.normalize);
    const note = ` (normalize: ${settings.normalize})`;

    if (settings.forbidden_pattern !== undefined) {
      const forbidden = new RegExp(settings.forbidden_pattern, settings.flags);
      const hit = got.match(forbidden);
      if (hit) {
        const reason = `${formatValue(got)} matches forbidden pattern ${forbidden} at ${formatValue(hit[0])}${note}`;
        return Promise.resolve({ pass: false, score: 0, reason });
      }
    }
    const pass = pattern.test(got);
    const reason = `${formatValue(got)} ${pass ? "matches" : "does not match"} ${pattern}${note}`;
    return Promise.resolve({ pass, score: pass ? 1 : 0, reason });
  },
};
