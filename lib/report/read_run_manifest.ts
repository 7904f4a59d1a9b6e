import { z } from "zod";
import type { RunManifest } from "../runner/manifest.ts";

const priceRowSchema = z.looseObject({
  provider: z.string(),
  model: z.string(),
  input_per_mtok: z.number(),
  cached_input_per_mtok: z.number().nullable(),
  cache_write_per_mtok: z.number().nullable(),
  output_per_mtok: z.number(),
  context_window: z.number().nullable(),
  max_output: z.number().nullable(),
  source: z.string(),
  as_of: z.string(),
});

const manifestSchema = z.looseObject({
  schema_version: z.number(),
  run_id: z.string().min(1),
  spec_path: z.string().nullable(),
  spec: z.record(z.string(), z.unknown()),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  status: z.enum(["running", "completed", "interrupted"]),
  stop_reason: z.string().nullable().default(null),
  deno_version: z.string(),
  sdk_versions: z.record(z.string(), z.string()),
  endpoints: z.record(z.string(), z.enum(["real", "emulated"])),
  endpoint_kind: z.enum(["real", "emulated", "mixed"]),
  emulator: z.object({ url: z.string(), seed: z.number(), profiles_file: z.string() }).nullable(),
  datasets: z.array(z.object({ name: z.string(), path: z.string(), items: z.number(), sha256: z.string() })),
  price_table: z.object({ path: z.string(), rows: z.array(priceRowSchema) }),
  trials_planned: z.number(),
  peak_in_flight: z.number().default(0),
  transports: z.record(z.string(), z.enum(["socket", "fetch"])).optional(),
  harness_load: z.object({
    cpu_load: z.number(),
    loop_lag_p50_ms: z.number().nullable(),
    loop_lag_p99_ms: z.number().nullable(),
    loop_lag_max_ms: z.number().nullable(),
    interval_ms: z.number(),
    wall_s: z.number(),
  }).optional(),
});

/**
 * Read and validate `<runDir>/run.json`. Throws an Error naming the file, the first
 * invalid field and the fix when the file is missing or does not match RunManifest.
 */
export async function readRunManifest(runDir: string): Promise<RunManifest> {
  if (typeof runDir !== "string" || runDir === "") {
    throw new TypeError("readRunManifest: runDir must be a run folder such as reports/runs/<run-id>");
  }
  const file = `${runDir.replace(/\/+$/, "")}/run.json`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await Deno.readTextFile(file));
  } catch (error) {
    const problem = error instanceof Deno.errors.NotFound ? "does not exist" : "is not readable JSON";
    throw new Error(`${file} ${problem}. Fix: pass the folder of a run written by the runner.`, { cause: error });
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `${file}: field "${issue.path.join(".")}" ${issue.message}. ` +
        "Fix: write run.json in the layout of lib/runner/manifest.ts (RunManifest).",
    );
  }
  return result.data as RunManifest;
}
