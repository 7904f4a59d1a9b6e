import { join } from "node:path";
import type { Spec } from "../spec/spec_schema.ts";
import type { RunManifest } from "./manifest.ts";
import { ResumeError } from "./resume_error.ts";

/**
 * Reads the manifest of an earlier session of this run, or returns null for a new run.
 *
 * A resumed run must use the same spec, or its trials would mix two benchmarks under one id.
 * Throws ResumeError naming every top-level spec field that differs.
 */
export async function readPreviousManifest(runDir: string, spec: Spec): Promise<RunManifest | null> {
  let text: string;
  try {
    text = await Deno.readTextFile(join(runDir, "run.json"));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
  const previous = JSON.parse(text) as RunManifest;
  const before = previous.spec ?? {};
  const now = spec as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(now)]);
  const differing = [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(now[key])).sort();
  if (differing.length > 0) {
    const details = differing.map((key) => `${key}: ${JSON.stringify(before[key])} → ${JSON.stringify(now[key])}`).join("; ");
    const origin = previous.spec_path ? ` (${previous.spec_path})` : "";
    throw new ResumeError(
      `run ${previous.run_id} in ${runDir} was recorded with a different spec${origin}, so it cannot be resumed: ${details}. ` +
        "Fix: resume it with the spec it was started with, or start a new run without --run-id.",
      runDir,
      differing,
    );
  }
  return previous;
}
