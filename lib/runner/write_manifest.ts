import { join } from "node:path";
import type { Dataset } from "../datasets/schema.ts";
import type { Endpoint } from "../providers/types.ts";
import type { Spec } from "../spec/spec_schema.ts";
import { type PriceRow, RUN_SCHEMA_VERSION, type RunManifest } from "./manifest.ts";
import type { EmulatorProcess } from "./start_emulator_process.ts";
import { readSdkVersions } from "./sdk_versions.ts";
import { describeDatasets } from "./describe_datasets.ts";

/** What a run knows about itself when it starts. */
export interface StartFacts {
  runId: string;
  spec: Spec;
  specPath: string | null;
  endpoints: Map<string, Endpoint>;
  emulator: EmulatorProcess | null;
  datasets: Dataset[];
  pricesPath: string;
  priceRows: PriceRow[];
  trialsPlanned: number;
  estimatedMaxCostUsd: number;
}

/** Builds the manifest of a run that is starting, with status "running". */
export async function startManifest(facts: StartFacts): Promise<RunManifest> {
  const kinds = [...facts.endpoints.values()].map((endpoint) => endpoint.kind);
  const endpointKind = kinds.every((kind) => kind === "emulated")
    ? "emulated"
    : kinds.every((kind) => kind === "real")
    ? "real"
    : "mixed";
  const { emulator } = facts;
  return {
    schema_version: RUN_SCHEMA_VERSION,
    run_id: facts.runId,
    spec_path: facts.specPath,
    spec: facts.spec as unknown as Record<string, unknown>,
    started_at: new Date().toISOString(),
    finished_at: null,
    status: "running",
    stop_reason: null,
    deno_version: Deno.version.deno,
    sdk_versions: await readSdkVersions(),
    endpoints: Object.fromEntries([...facts.endpoints].map(([ref, endpoint]) => [ref, endpoint.kind])),
    endpoint_kind: endpointKind,
    emulator: emulator === null
      ? null
      : { url: emulator.url, seed: emulator.seed, profiles_file: emulator.profilesFile, replay: emulator.replay },
    datasets: await describeDatasets(facts.datasets),
    price_table: { path: facts.pricesPath, rows: facts.priceRows },
    trials_planned: facts.trialsPlanned,
    peak_in_flight: 0,
    phases: [],
    estimated_max_cost_usd: facts.estimatedMaxCostUsd,
    spent_real_usd: 0,
  };
}

/** Writes `run.json` atomically (a temporary file, then a rename). */
export async function writeManifest(runDir: string, manifest: RunManifest): Promise<void> {
  const path = join(runDir, "run.json");
  await Deno.writeTextFile(`${path}.tmp`, JSON.stringify(manifest, null, 2) + "\n");
  await Deno.rename(`${path}.tmp`, path);
}
