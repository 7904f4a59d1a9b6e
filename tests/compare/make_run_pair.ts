/**
 * Test fixture: writes synthetic run folders (`run.json` and `trials.jsonl`) for run
 * comparisons. Every number is drawn from a seeded pseudo-random stream around fixed
 * per-model means; none was measured. Two runs with different seeds are draws from the
 * same distribution unless `ttftScale` changes a model's TTFT.
 */
import { costOf } from "../../lib/pricing/cost_of.ts";
import { findPrice } from "../../lib/pricing/find_price.ts";
import { loadPriceTable } from "../../lib/pricing/load_price_table.ts";
import type { RunManifest } from "../../lib/runner/manifest.ts";
import type { TrialRecord } from "../../lib/runner/record.ts";
import { createSeededRandom } from "../../lib/analysis/seeded_random.ts";
import { trialRecord, writeTrials } from "../report/make_fake_run.ts";

/** Options of {@link writeRun}. */
export interface SyntheticRunOptions {
  runId: string;
  seed: number;
  /** Factor on a model's TTFT, e.g. { "openai:gpt-4o-mini": 2 }. */
  ttftScale?: Record<string, number>;
  /** Models to leave out of the run. */
  without?: string[];
  /** Dataset names to use instead of the default two. */
  datasets?: string[];
  /** Content hash to record for every dataset; default a fixed value. */
  datasetHash?: string;
  /** Spec fields to set in run.json. */
  spec?: Record<string, unknown>;
}

const MODELS = [
  { ref: "openai:gpt-4o-mini", ttftMs: 400, tokensPerSecond: 90, passRate: 0.8 },
  { ref: "anthropic:claude-haiku-4-5", ttftMs: 650, tokensPerSecond: 110, passRate: 0.9 },
  { ref: "google:gemini-2.5-flash", ttftMs: 380, tokensPerSecond: 210, passRate: 0.85 },
];
const ITEMS = 60;
const REPETITIONS = 2;
const SPREAD = 0.1;
const ERROR_RATE = 0.02;
// Share of items whose outcome differs from run to run; the rest are fixed by item difficulty.
const FLIP_RATE = 0.03;

/** Write a synthetic run folder under `parentDir` and return its path. */
export async function writeRun(parentDir: string, options: SyntheticRunOptions): Promise<string> {
  const random = createSeededRandom(options.seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const prices = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);
  const datasets = options.datasets ?? ["json-extraction", "sql-sqlite"];
  const models = MODELS.filter((m) => !(options.without ?? []).includes(m.ref));

  const records: TrialRecord[] = [];
  let clock = 0;
  for (const model of models) {
    const price = findPrice(prices, model.ref);
    for (const dataset of datasets) {
      for (let item = 0; item < ITEMS; item++) {
        for (let repetition = 0; repetition < REPETITIONS; repetition++) {
          const base = { model: model.ref, dataset, item_id: `${dataset}-${item}`, repetition, send_ms: clock, scheduled_ms: clock };
          clock += 25;
          if (random() < ERROR_RATE) {
            records.push(trialRecord({ ...base, status: "error", error_class: "server", error_http_status: 500, e2e_ms: 40, end_ms: base.send_ms + 40 }));
            continue;
          }
          const ttft = model.ttftMs * (options.ttftScale?.[model.ref] ?? 1) * Math.exp(SPREAD * normal());
          const speed = model.tokensPerSecond * Math.exp(SPREAD * normal());
          const outputTokens = Math.round((100 + ((item * 37) % 200)) * (0.9 + 0.2 * random()));
          const inputTokens = 500 + item * 20;
          const e2e = ttft + ((outputTokens - 1) / speed) * 1000 + 10;
          const difficulty = ((item * 7919 + model.ref.length * 131 + dataset.length * 17) % 1000) / 1000;
          const pass = (difficulty < model.passRate) !== (random() < FLIP_RATE);
          const usage = { inputTokens, outputTokens, reasoningTokens: null, cachedInputTokens: null, cacheWriteTokens: null };
          records.push(trialRecord({
            ...base,
            end_ms: base.send_ms + e2e,
            ttft_ms: ttft,
            ttft_answer_ms: ttft,
            ttlt_ms: e2e - 10,
            e2e_ms: e2e,
            output_tps: speed,
            usage,
            usage_source: "server",
            input_tokens: inputTokens,
            output_tokens: outputTokens,
            cost_usd: price ? costOf(usage, price) : null,
            grade: { pass, score: pass ? 1 : 0, reason: pass ? "matches" : "differs" },
          }));
        }
      }
    }
  }

  const runDir = `${parentDir}/${options.runId}`;
  await writeTrials(runDir, records);
  await Deno.writeTextFile(`${runDir}/run.json`, JSON.stringify(manifest(options, models.map((m) => m.ref), datasets, prices), null, 2));
  return runDir;
}

function manifest(
  options: SyntheticRunOptions,
  refs: string[],
  datasets: string[],
  prices: Awaited<ReturnType<typeof loadPriceTable>>,
): RunManifest {
  return {
    schema_version: 1,
    run_id: options.runId,
    spec_path: "specs/synthetic.json",
    spec: { name: "synthetic", models: refs, datasets, repetitions: REPETITIONS, concurrency: 8, ...options.spec },
    started_at: "2026-11-01T10:00:00.000Z",
    finished_at: "2026-11-01T10:05:00.000Z",
    status: "completed",
    stop_reason: null,
    deno_version: "2.9.6",
    sdk_versions: { openai: "7.60.0", "@anthropic-ai/sdk": "1.17.0", "@google/genai": "3.3.0" },
    endpoints: Object.fromEntries(refs.map((ref) => [ref, "emulated"])),
    endpoint_kind: "emulated",
    emulator: { url: "http://127.0.0.1:8787", seed: 1, profiles_file: "lib/emulator/profiles.json" },
    datasets: datasets.map((name) => ({ name, path: `datasets/${name}.jsonl`, items: ITEMS, sha256: options.datasetHash ?? "a".repeat(64) })),
    price_table: { path: "datasets/prices.csv", rows: refs.map((ref) => findPrice(prices, ref)).filter((row) => row !== null) },
    trials_planned: refs.length * datasets.length * ITEMS * REPETITIONS,
    peak_in_flight: 8,
  };
}
