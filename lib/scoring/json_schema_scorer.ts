import { z } from "zod";
import type { DatasetItem } from "../datasets/schema.ts";
import type { Grade } from "../runner/record.ts";
import { compareFields } from "./compare_fields.ts";
import { describeSchemaIssues } from "./describe_schema_issues.ts";
import { extractJson } from "./extract_json.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import type { Scorer } from "./scorer.ts";

const MAX_LISTED = 3;

// z.fromJSONSchema builds a new validator on each call, and a dataset item is scored
// once per model and repetition, so validators are kept per schema object.
const validators = new WeakMap<object, z.ZodType>();

function compileSchema(schema: Record<string, unknown>): z.ZodType {
  let validator = validators.get(schema);
  if (validator === undefined) {
    validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    validators.set(schema, validator);
  }
  return validator;
}

const settingsSchema = z.object({
  name: z.literal("json-schema"),
  /** JSON Schema the output must satisfy; converted with `z.fromJSONSchema`. */
  schema: z.record(z.string(), z.unknown()),
  /** The correct JSON value; it must satisfy `schema`. */
  expected: z.unknown(),
  /** Compare string fields without regard to case. Default false: case is part of the value. */
  case_insensitive: z.boolean().default(false),
}).superRefine((settings, context) => {
  if (settings.expected === undefined) {
    context.addIssue({ code: "custom", path: ["expected"], message: "expected is missing: give the correct JSON value" });
    return;
  }
  let validator: z.ZodType;
  try {
    validator = compileSchema(settings.schema);
  } catch (error) {
    context.addIssue({
      code: "custom",
      path: ["schema"],
      message: `schema could not be converted by z.fromJSONSchema: ${(error as Error).message}`,
    });
    return;
  }
  const check = validator.safeParse(settings.expected);
  if (!check.success) {
    const issues = describeSchemaIssues(check.error.issues, settings.expected, settings.schema);
    context.addIssue({
      code: "custom",
      path: ["expected"],
      message: `expected does not satisfy schema: ${issues.join("; ")}`,
    });
  }
});

/**
 * Scorer for JSON extraction: the output must be JSON (alone, or in one fence that wraps
 * the whole output) that satisfies the item's JSON Schema. The score is the share of
 * expected leaf fields with an equal value (see `compareFields`), or 0 when the output is
 * not valid. Pass means valid and every field equal.
 */
export const jsonSchemaScorer: Scorer = {
  name: "json-schema",
  settings: settingsSchema,
  score(item: DatasetItem, output: string): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return Promise.resolve(empty);

    const settings = settingsSchema.parse(item.scorer);
    const extraction = extractJson(output);
    if (!extraction.ok) return Promise.resolve({ pass: false, score: 0, reason: extraction.reason });

    const check = compileSchema(settings.schema).safeParse(extraction.value);
    if (!check.success) {
      const issues = describeSchemaIssues(check.error.issues, extraction.value, settings.schema);
      const reason = `schema invalid: ${listed(issues)}`;
      return Promise.resolve({ pass: false, score: 0, reason });
    }

    const fields = compareFields(extraction.value, settings.expected, { caseInsensitive: settings.case_insensitive });
    const score = fields.total === 0 ? 1 : fields.matched / fields.total;
    const pass = fields.mismatches.length === 0;
    const counts = `schema valid${extraction.fenced ? " (fenced)" : ""}, ${fields.matched}/${fields.total} fields match`;
    const reason = pass ? counts : `${counts}: ${listed(fields.mismatches)}`;
    return Promise.resolve({ pass, score, reason });
  },
};

function listed(lines: string[]): string {
  const first = lines.slice(0, MAX_LISTED).join("; ");
  return lines.length > MAX_LISTED ? `${first}; and ${lines.length - MAX_LISTED} more` : first;
}
