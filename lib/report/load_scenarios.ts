import { z } from "zod";
import { CRITERION_METRICS, type CriterionMetric, type ScenarioDefinition } from "./scenarios.ts";

const metric = z.enum(Object.keys(CRITERION_METRICS) as [CriterionMetric, ...CriterionMetric[]]);
const scope = { task_kind: z.string().min(1).optional(), images_only: z.boolean().optional() };

const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes, e.g. support-bot"),
  title: z.string().min(1),
  workload: z.string().min(1),
  criteria: z.array(z.strictObject({ metric, weight: z.number().positive(), ...scope })).min(1),
  constraints: z.array(
    z.union([
      z.strictObject({ capability: z.literal("image_input") }),
      z.strictObject({ metric, min: z.number().optional(), max: z.number().optional(), ...scope })
        .refine((c) => c.min !== undefined || c.max !== undefined, "needs min or max"),
    ]),
  ).default([]),
});

const listSchema = z.array(scenarioSchema);
// Picked by shape, so an error points into the scenario rather than at the top level.
const fileSchema = (data: unknown) => Array.isArray(data) ? listSchema : z.strictObject({ scenarios: listSchema });

/** A scenarios file or spec entry that is not valid JSON or breaks the scenario layout. */
export class ScenarioFileError extends Error {
  readonly source: string;
  constructor(source: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ScenarioFileError";
    this.source = source;
  }
}

/**
 * Parse user-defined scenarios: a JSON array of scenarios, or `{ "scenarios": [...] }`.
 * Each has id, title, workload, weighted `criteria` (metric, weight, optional task_kind or
 * images_only) and `constraints` (metric with min/max, or { capability: "image_input" }).
 * `source` names the file (or "run.json spec.scenarios") in errors and in the report.
 * Throws {@link ScenarioFileError} naming the field, the rule and the fix.
 */
export function parseScenarios(data: unknown, source: string): ScenarioDefinition[] {
  if (typeof source !== "string" || source === "") throw new TypeError("parseScenarios: source must name where the data came from");
  const result = fileSchema(data).safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.length > 0 ? issue.path.join(".") : "(top level)";
    throw new ScenarioFileError(
      source,
      `${source}: field "${path}" ${issue.message}. Fix: write a JSON array of scenarios ` +
        `({ id, title, workload, criteria: [{ metric, weight }], constraints: [] }); metrics: ${Object.keys(CRITERION_METRICS).join(", ")}.`,
    );
  }
  const list = Array.isArray(result.data) ? result.data : result.data.scenarios;
  const ids = new Set<string>();
  for (const s of list) {
    if (ids.has(s.id)) throw new ScenarioFileError(source, `${source}: scenario id "${s.id}" appears twice. Fix: give each scenario its own id.`);
    ids.add(s.id);
  }
  return list.map((s) => ({ ...s, source }));
}

/** Read and parse a scenarios JSON file with {@link parseScenarios}. */
export async function loadScenarios(path: string): Promise<ScenarioDefinition[]> {
  if (typeof path !== "string" || path === "") throw new TypeError("loadScenarios: path must be a JSON file path");
  let data: unknown;
  try {
    data = JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    const problem = error instanceof Deno.errors.NotFound ? "does not exist" : "is not readable JSON";
    throw new ScenarioFileError(path, `${path} ${problem}. Fix: pass a JSON file of scenarios to --scenarios.`, { cause: error });
  }
  return parseScenarios(data, path);
}
