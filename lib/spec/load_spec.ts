import type { z } from "zod";
import { type Spec, specSchema } from "./spec_schema.ts";
import { SpecError } from "./spec_error.ts";

/** How to fix each top-level field, shown after the rule it broke. */
const FIXES: Record<string, string> = {
  name: 'give the run a short name such as "default" (letters, digits, ".", "_", "-")',
  models: 'list models as "provider:model", e.g. ["openai:gpt-4o", "anthropic:claude-sonnet-4-5"]',
  datasets:
    'list dataset names from datasets/ (e.g. "json-extraction"), paths to .jsonl files, or {"name": ..., "items": N} to use the first N items',
  items_per_dataset: "use a positive whole number, or null for every item",
  repetitions: "use a whole number of 1 or more",
  concurrency: "use a whole number from 1 to 4096 (requests in flight at once; 0 or unbounded is not allowed)",
  load:
    'set load.mode to "closed" or "open"; an open loop needs load.rate_per_s (requests per second); sweep lists concurrency levels from 1 to 4096',
  max_output_tokens: "use a whole number of 1 or more",
  temperature: "use a number from 0 to 2",
  timeouts: "set timeouts.first_token_ms, timeouts.total_ms and optionally timeouts.idle_ms in milliseconds, first ≤ total and idle ≤ total",
  retries: "set retries.max_retries (0 to 10), retries.base_delay_ms and retries.max_delay_ms",
  budget_usd: "use a positive number of US dollars, or null for no budget",
  endpoint: 'use "auto" (real API when its key is set), "emulator" or "real"',
  emulator: "set emulator.seed to a whole number, emulator.profiles to a profiles JSON file and emulator.replay to a run folder, or null",
  estimate_missing_usage: "use true or false",
  record_streams: "use true or false",
  rescore_from: "give the folder of an earlier run (reports/runs/<run-id>), or null",
};

const NESTED_FIELDS: Record<string, string> = {
  timeouts: "first_token_ms, total_ms, idle_ms",
  retries: "max_retries, base_delay_ms, max_delay_ms",
  emulator: "seed, profiles, replay",
  load: "mode, rate_per_s, arrival, seed, warmup_s, cooldown_s, sweep, goodput_targets",
};

/**
 * Reads and validates a spec file, filling in defaults.
 * Throws SpecError naming the file, the bad field, the rule and the fix.
 *
 * @example
 * const spec = await loadSpec("specs/default.json");
 */
export async function loadSpec(path: string): Promise<Spec> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw new SpecError(
      `spec ${path}: cannot be read (${(error as Error).message}). Fix: pass the path of an existing JSON spec file, e.g. specs/default.json.`,
      path,
      null,
      "pass an existing spec file",
      { cause: error },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SpecError(
      `spec ${path}: invalid JSON (${(error as Error).message}). Fix: correct the JSON syntax at that position.`,
      path,
      null,
      "correct the JSON syntax",
      { cause: error },
    );
  }
  return parseSpec(json, path);
}

/** Validates an already parsed spec object. `source` names it in error messages. */
export function parseSpec(value: unknown, source: string | null = null): Spec {
  const result = specSchema.safeParse(value);
  if (result.success) return result.data;
  throw specErrorFrom(result.error, value, source);
}

function specErrorFrom(error: z.ZodError, value: unknown, source: string | null): SpecError {
  const issue = error.issues[0];
  const path = issue.path.map(String);
  const top = path[0] ?? "";
  let field = formatPath(issue.path);
  let rule = issue.message;
  let fix = FIXES[top] ?? "see specs/default.json for a valid spec";

  let valuePath: PropertyKey[] = issue.path;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    field = field ? `${field}.${key}` : key;
    valuePath = [...issue.path, key];
    rule = "is not a known field";
    const known = top === "" ? Object.keys(FIXES).join(", ") : NESTED_FIELDS[top] ?? "see specs/default.json";
    fix = `remove it or correct its spelling (known fields: ${known})`;
  } else {
    rule = `is invalid: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`;
  }
  const got = field ? lookup(value, valuePath) : undefined;
  const gotText = got === undefined ? "" : ` (got ${JSON.stringify(got)})`;
  const where = source ? `spec ${source}` : "spec";
  const more = error.issues.length > 1 ? ` ${error.issues.length - 1} more problem(s) follow once this is fixed.` : "";
  const message = `${where}: field "${field || "(root)"}" ${rule}${gotText}. Fix: ${fix}.${more}`;
  return new SpecError(message, source, field || null, fix, { cause: error });
}

function formatPath(path: PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : (out ? "." : "") + String(part);
  }
  return out;
}

function lookup(value: unknown, path: PropertyKey[]): unknown {
  let current: unknown = value;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}
