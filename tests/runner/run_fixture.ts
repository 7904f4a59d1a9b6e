/** Test helpers for runs on the emulator: a temporary workspace with a small dataset and profiles. */
import { join } from "node:path";
import { parseSpec } from "../../lib/spec/load_spec.ts";
import type { Spec } from "../../lib/spec/spec_schema.ts";

/** Builds a profile whose timing has no jitter: first token after `ttftMs`, then 2,000 tokens per second. */
export function steadyProfile(provider: string, ttftMs: number, extra: Record<string, unknown> = {}) {
  return {
    provider,
    model_version: null,
    context_window: 100_000,
    max_output_tokens: 4096,
    ttft_ms: ttftMs,
    ttft_ms_per_1k_input_tokens: 0,
    output_tokens_per_s: 2000,
    jitter: 0,
    thinking: 0,
    accuracy: { default: 1 },
    supports_images: false,
    ...extra,
  };
}

/** A temporary folder with `datasets/mini.jsonl` (`items` questions), `profiles.json` and `runs/`. */
export interface Workspace {
  dir: string;
  datasetsDir: string;
  runsDir: string;
  profilesPath: string;
  /** Builds a spec on the `mini` dataset that runs on this workspace's emulator profiles. */
  spec(fields: Record<string, unknown>): Spec;
}

/** Creates a workspace; `profiles` maps model names to profiles (a `default` is added). */
export async function makeWorkspace(profiles: Record<string, unknown>, items = 5): Promise<Workspace> {
  const dir = await Deno.makeTempDir({ prefix: "bench-run-" });
  const datasetsDir = join(dir, "datasets");
  await Deno.mkdir(datasetsDir);
  const lines = Array.from({ length: items }, (_, i) =>
    JSON.stringify({
      id: `q${i + 1}`,
      kind: "qa",
      messages: [{ role: "user", content: `Question number ${i + 1}: name a prime number above ${i * 10}.` }],
      reference: "97",
      scorer: { name: "exact", expected: "97" },
      tags: [],
    }));
  await Deno.writeTextFile(join(datasetsDir, "mini.jsonl"), lines.join("\n") + "\n");
  await Deno.copyFile(new URL("../../datasets/prices.csv", import.meta.url), join(datasetsDir, "prices.csv"));
  const profilesPath = join(dir, "profiles.json");
  await Deno.writeTextFile(profilesPath, JSON.stringify({ default: steadyProfile("openai-compatible", 10), ...profiles }, null, 2));
  const runsDir = join(dir, "runs");
  return {
    dir,
    datasetsDir,
    runsDir,
    profilesPath,
    spec: (fields) =>
      parseSpec({
        name: "test",
        datasets: ["mini"],
        endpoint: "emulator",
        max_output_tokens: 8,
        ...fields,
        emulator: { seed: 1, profiles: profilesPath, ...(fields.emulator as object ?? {}) },
      }),
  };
}

/** Reads a JSONL file of a run folder; a missing file reads as no lines. */
export async function readLines<T>(path: string): Promise<T[]> {
  try {
    return (await Deno.readTextFile(path)).split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as T);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
}
