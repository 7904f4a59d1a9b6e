/**
 * Test fixture: writes a synthetic run folder (`run.json`, `trials.jsonl` and small dataset
 * files) shaped like the runner's output. Every number in it is generated from a seeded
 * pseudo-random stream; none was measured. Run it directly to write a folder for manual
 * inspection: `deno run -A tests/report/make_fake_run.ts /tmp/fake-runs`.
 */
import type { Usage } from "../../lib/providers/types.ts";
import type { RecordedEvent, TrialRecord } from "../../lib/runner/record.ts";
import type { PhaseInfo, RunManifest } from "../../lib/runner/manifest.ts";
import { loadPriceTable } from "../../lib/pricing/load_price_table.ts";
import { findPrice } from "../../lib/pricing/find_price.ts";
import { costOf } from "../../lib/pricing/cost_of.ts";

/** Options of {@link makeFakeRun}. */
export interface FakeRunOptions {
  runId?: string;
  seed?: number;
  repetitions?: number;
  /** Endpoint kind of every model; default "emulated". */
  endpointKind?: "real" | "emulated";
  /** Make every trial fail with an error. */
  allFailed?: boolean;
  /** Put this text in one failing trial's output and grade reason. */
  hostileOutput?: string;
  /** Give one json-extraction item an image part. */
  withImages?: boolean;
  /** Add a needle-in-a-haystack dataset whose items carry context:<tokens> and depth:<percent> tags. */
  withNeedles?: boolean;
  /** Concurrency levels of a sweep: the trials are split into one load phase per level, in time order. */
  sweep?: number[];
}

interface FakeModel {
  ref: string;
  version: string | null;
  ttftMs: number;
  msPerInputToken: number;
  tokensPerSecond: number;
  passRate: number;
  reasoning: boolean;
  usage: boolean;
}

const MODELS: FakeModel[] = [
  { ref: "openai:gpt-4o-mini", version: "gpt-4o-mini-2024-07-18", ttftMs: 420, msPerInputToken: 0.05, tokensPerSecond: 85, passRate: 0.8, reasoning: false, usage: true },
  { ref: "anthropic:claude-haiku-4-5", version: "claude-haiku-4-5-20251001", ttftMs: 650, msPerInputToken: 0.08, tokensPerSecond: 110, passRate: 0.9, reasoning: false, usage: true },
  { ref: "google:gemini-2.5-flash", version: "gemini-2.5-flash", ttftMs: 380, msPerInputToken: 0.03, tokensPerSecond: 210, passRate: 0.85, reasoning: true, usage: true },
  { ref: "openai-compatible:llama-3.1-8b-instruct", version: null, ttftMs: 150, msPerInputToken: 0.02, tokensPerSecond: 140, passRate: 0.55, reasoning: false, usage: false },
];

const DATASETS = [
  { name: "json-extraction", kind: "json-extraction", items: 4, inputTokens: [700, 1500], outputTokens: [60, 140] },
  { name: "code-typescript", kind: "code", items: 3, inputTokens: [400, 900], outputTokens: [150, 400] },
  { name: "sql-sqlite", kind: "sql", items: 3, inputTokens: [1200, 6000], outputTokens: [40, 120] },
];

/** Needle items: every context length × depth once. */
const NEEDLE_CONTEXTS = [8000, 32000, 128000];
const NEEDLE_DEPTHS = [10, 50, 90];
const NEEDLES = {
  name: "needle-haystack",
  kind: "qa",
  items: NEEDLE_CONTEXTS.length * NEEDLE_DEPTHS.length,
  inputTokens: [8000, 128000],
  outputTokens: [5, 20],
};

function needleOf(item: number): { context: number; depth: number } {
  return { context: NEEDLE_CONTEXTS[Math.floor(item / NEEDLE_DEPTHS.length)], depth: NEEDLE_DEPTHS[item % NEEDLE_DEPTHS.length] };
}

/** Build a complete trial record with neutral defaults, for tests that need a few hand-made rows. */
export function trialRecord(fields: Partial<TrialRecord> & Pick<TrialRecord, "model" | "dataset" | "item_id">): TrialRecord {
  const provider = fields.model.slice(0, fields.model.indexOf(":"));
  return {
    schema_version: 1,
    run_id: "test-run",
    trial_id: `${fields.model}/${fields.dataset}/${fields.item_id}/${fields.repetition ?? 0}/${fields.attempt ?? 1}`,
    provider,
    model_version: null,
    task_kind: "qa",
    repetition: 0,
    attempt: 1,
    endpoint_kind: "emulated",
    started_at: "2026-11-01T10:00:00.000Z",
    scheduled_ms: 0,
    send_ms: 0,
    headers_ms: null,
    end_ms: 0,
    ttft_ms: null,
    ttft_answer_ms: null,
    ttlt_ms: null,
    e2e_ms: 0,
    output_tps: null,
    usage: null,
    usage_source: "missing",
    input_tokens: null,
    output_tokens: null,
    reasoning_tokens: null,
    cached_input_tokens: null,
    cache_write_tokens: null,
    cost_usd: null,
    finish_reason: null,
    output_text: "",
    reasoning_chars: 0,
    events: [],
    status: "ok",
    error_class: null,
    error_http_status: null,
    error_provider_code: null,
    error_message: null,
    error_request_id: null,
    grade: null,
    ...fields,
  };
}

/** Write trial records as `trials.jsonl` (or `file`) into `runDir`, one JSON object per line. */
export async function writeTrials(runDir: string, records: readonly TrialRecord[], file = "trials.jsonl"): Promise<void> {
  await Deno.mkdir(runDir, { recursive: true });
  await Deno.writeTextFile(`${runDir}/${file}`, records.map((r) => JSON.stringify(r) + "\n").join(""));
}

/** Write a synthetic run folder under `parentDir` and return its path. */
export async function makeFakeRun(parentDir: string, options: FakeRunOptions = {}): Promise<string> {
  const runId = options.runId ?? "fake-run-0001";
  const seed = options.seed ?? 7;
  const repetitions = options.repetitions ?? 2;
  const endpointKind = options.endpointKind ?? "emulated";
  const runDir = `${parentDir}/${runId}`;
  await Deno.mkdir(`${runDir}/datasets`, { recursive: true });
  const random = mulberry32(seed);
  const prices = await loadPriceTable(new URL("../../datasets/prices.csv", import.meta.url).pathname);

  const datasets = options.withNeedles ? [...DATASETS, NEEDLES] : DATASETS;
  const datasetInfo = [];
  for (const dataset of datasets) {
    const lines = Array.from({ length: dataset.items }, (_, i) => JSON.stringify(datasetItem(dataset, i, options)));
    const path = `${runDir}/datasets/${dataset.name}.jsonl`;
    const text = lines.join("\n") + "\n";
    await Deno.writeTextFile(path, text);
    datasetInfo.push({ name: dataset.name, path, items: dataset.items, sha256: await sha256(text) });
  }

  const records: TrialRecord[] = [];
  const retriedAttempts: TrialRecord[] = [];
  let clock = 0;
  let hostilePlaced = false;
  for (const model of MODELS) {
    for (const dataset of datasets) {
      for (let item = 0; item < dataset.items; item++) {
        for (let repetition = 0; repetition < repetitions; repetition++) {
          const inputTokens = dataset === NEEDLES
            ? needleOf(item).context
            : Math.round(lerp(dataset.inputTokens, (item + 0.5) / dataset.items));
          const base = { model, dataset, item, repetition, inputTokens, runId, endpointKind, random };
          const outcome = options.allFailed ? "server" : pickOutcome(model, dataset.name, item, repetition);
          if (outcome === "rate_limited_then_ok") {
            retriedAttempts.push(failedTrial({ ...base, attempt: 1, clock, errorClass: "rate_limited" }));
            clock += 200;
            records.push(successTrial({ ...base, attempt: 2, clock, prices }));
          } else if (outcome === "ok") {
            records.push(successTrial({ ...base, attempt: 1, clock, prices }));
          } else {
            records.push(failedTrial({ ...base, attempt: 1, clock, errorClass: outcome }));
          }
          const last = records[records.length - 1];
          if (options.hostileOutput && !hostilePlaced && (last.grade?.pass === false || last.status === "error")) {
            last.output_text = options.hostileOutput;
            if (last.grade) last.grade.reason = `expected JSON, got ${options.hostileOutput}`;
            else last.error_message = `upstream said ${options.hostileOutput}`;
            hostilePlaced = true;
          }
          clock += 50 + Math.round(random() * 100);
        }
      }
    }
  }
  const phases = options.sweep ? splitIntoPhases(records, options.sweep) : undefined;
  await writeTrials(runDir, records);
  await Deno.writeTextFile(`${runDir}/attempts.jsonl`, retriedAttempts.map((r) => JSON.stringify(r) + "\n").join(""));

  const refs = MODELS.map((m) => m.ref);
  const manifest: RunManifest = {
    schema_version: 1,
    run_id: runId,
    spec_path: "specs/fake.json",
    spec: { models: refs, datasets: datasets.map((d) => d.name), repetitions, concurrency: 8, max_output_tokens: 512 },
    started_at: "2026-11-01T10:00:00.000Z",
    finished_at: "2026-11-01T10:04:12.000Z",
    status: "completed",
    stop_reason: null,
    deno_version: "2.9.6",
    sdk_versions: { openai: "7.60.0", "@anthropic-ai/sdk": "1.17.0", "@google/genai": "3.3.0" },
    endpoints: Object.fromEntries(refs.map((ref) => [ref, endpointKind])),
    endpoint_kind: endpointKind,
    emulator: endpointKind === "emulated"
      ? { url: "http://127.0.0.1:8787", seed, profiles_file: "lib/emulator/profiles.json" }
      : null,
    datasets: datasetInfo,
    price_table: {
      path: "datasets/prices.csv",
      rows: refs.map((ref) => findPrice(prices, ref)).filter((row) => row !== null),
    },
    peak_in_flight: 8,
    trials_planned: MODELS.length * datasets.reduce((s, d) => s + d.items, 0) * repetitions,
    ...(phases ? { phases } : {}),
  };
  await Deno.writeTextFile(`${runDir}/run.json`, JSON.stringify(manifest, null, 2) + "\n");
  return runDir;
}

// Splits the trials, in send order, into one closed-loop phase per level with its time window.
function splitIntoPhases(records: TrialRecord[], levels: number[]): PhaseInfo[] {
  const sorted = [...records].sort((a, b) => a.send_ms - b.send_ms);
  const size = Math.ceil(sorted.length / levels.length);
  return levels.map((concurrency, index) => {
    const part = sorted.slice(index * size, (index + 1) * size);
    for (const r of part) Object.assign(r, { phase: index, concurrency });
    return {
      index,
      mode: "closed" as const,
      concurrency,
      rate_per_s: null,
      arrival: null,
      trials_planned: part.length,
      trials_run: part.length,
      started_ms: part[0]?.send_ms ?? null,
      ended_ms: part.length > 0 ? Math.max(...part.map((r) => r.end_ms)) : null,
      peak_in_flight: Math.min(concurrency, part.length),
    };
  });
}

type Outcome = "ok" | "rate_limited_then_ok" | "server" | "timeout_total" | "empty_output";

// Fixed positions keep the error mix the same for every seed.
function pickOutcome(model: FakeModel, dataset: string, item: number, repetition: number): Outcome {
  if (model.ref.startsWith("openai:") && dataset === "json-extraction" && item === 1 && repetition === 0) {
    return "rate_limited_then_ok";
  }
  if (model.ref.startsWith("anthropic:") && dataset === "code-typescript" && item === 0 && repetition === 1) return "server";
  if (model.ref.startsWith("google:") && dataset === "sql-sqlite" && item === 2 && repetition === 0) return "timeout_total";
  if (model.ref.startsWith("openai-compatible:") && item === 0 && repetition === 0) return "empty_output";
  return "ok";
}

interface TrialInput {
  model: FakeModel;
  dataset: (typeof DATASETS)[number] | typeof NEEDLES;
  item: number;
  repetition: number;
  attempt: number;
  inputTokens: number;
  runId: string;
  endpointKind: "real" | "emulated";
  clock: number;
  random: () => number;
}

function successTrial(input: TrialInput & { prices: Awaited<ReturnType<typeof loadPriceTable>> }): TrialRecord {
  const { model, dataset, random } = input;
  const outputTokens = Math.round(lerp(dataset.outputTokens, random()));
  const reasoningTokens = model.reasoning ? Math.round(outputTokens * (0.5 + random())) : null;
  const totalOutput = outputTokens + (reasoningTokens ?? 0);
  const ttft = model.ttftMs * (0.8 + 0.4 * random()) + model.msPerInputToken * input.inputTokens;
  const ttftAnswer = model.reasoning ? ttft + ((reasoningTokens ?? 0) / model.tokensPerSecond) * 1000 : ttft;
  const speed = model.tokensPerSecond * (0.85 + 0.3 * random());
  const ttlt = ttft + ((totalOutput - 1) / speed) * 1000;
  const e2e = ttlt + 5 + random() * 10;

  // Anthropic-style prompt caching: the first repetition writes the cache, later ones read it.
  const anthropic = model.ref.startsWith("anthropic:");
  const cacheable = Math.round(input.inputTokens * 0.8);
  const cached = anthropic && input.repetition > 0 ? cacheable : 0;
  let cacheWrites: number | null = null;
  if (anthropic) cacheWrites = input.repetition === 0 ? cacheable : 0;
  const usage: Usage | null = model.usage
    ? {
      inputTokens: input.inputTokens,
      outputTokens: totalOutput,
      reasoningTokens,
      cachedInputTokens: cached,
      cacheWriteTokens: cacheWrites,
    }
    : null;


  const price = findPrice(input.prices, model.ref);
  // Needles far from the start of long contexts are found less often.
  const needlePenalty = dataset === NEEDLES ? (needleOf(input.item).context / 128000) * 0.5 : 0;
  const pass = random() < model.passRate - needlePenalty;
  const send = input.clock + 2;
  return trialRecord({
    ...common(input),
    scheduled_ms: input.clock,
    send_ms: send,
    headers_ms: round3(send + ttft * 0.6),
    end_ms: round3(send + e2e),
    ttft_ms: round3(ttft),
    ttft_answer_ms: round3(ttftAnswer),
    ttlt_ms: round3(ttlt),
    e2e_ms: round3(e2e),
    output_tps: model.usage ? round3(((totalOutput - 1) / (ttlt - ttft)) * 1000) : null,
    usage,
    usage_source: model.usage ? "server" : "missing",
    input_tokens: usage?.inputTokens ?? null,
    output_tokens: usage?.outputTokens ?? null,
    reasoning_tokens: usage?.reasoningTokens ?? null,
    cached_input_tokens: usage?.cachedInputTokens ?? null,
    cache_write_tokens: usage?.cacheWriteTokens ?? null,
    cost_usd: usage && price ? costOf(usage, price) : null,
    finish_reason: "stop",
    output_text: pass ? referenceOutput(dataset.kind, input.item) : "I cannot help with that.",
    reasoning_chars: model.reasoning ? (reasoningTokens ?? 0) * 4 : 0,
    events: streamEvents(send, ttft, ttlt, e2e, model.reasoning),
    status: "ok",
    grade: pass
      ? { pass: true, score: 1, reason: "output matches the reference" }
      : { pass: false, score: 0, reason: "output does not match the reference" },
  });
}

function failedTrial(input: TrialInput & { errorClass: Exclude<Outcome, "ok" | "rate_limited_then_ok"> | "rate_limited" }): TrialRecord {
  const send = input.clock + 2;
  const errors = {
    rate_limited: { status: 429, e2e: 35, message: "Rate limit reached for requests", code: "rate_limit_exceeded" },
    server: { status: 500, e2e: 40, message: "The server had an error while processing your request", code: "server_error" },
    timeout_total: { status: null, e2e: 30000, message: "No terminal event within 30000 ms", code: null },
    empty_output: { status: null, e2e: 310, message: "The stream ended without output text", code: null },
  } as const;
  const error = errors[input.errorClass];
  const ttft = input.errorClass === "timeout_total" ? 900 : null;
  return trialRecord({
    ...common(input),
    scheduled_ms: input.clock,
    send_ms: send,
    headers_ms: error.status === null ? send + 20 : send + error.e2e,
    end_ms: send + error.e2e,
    ttft_ms: ttft,
    ttft_answer_ms: ttft,
    ttlt_ms: ttft === null ? null : 29000,
    e2e_ms: error.e2e,
    events: [{ kind: "error", t_ms: send + error.e2e, chars: 0 }],
    status: "error",
    error_class: input.errorClass,
    error_http_status: error.status,
    error_provider_code: error.code,
    error_message: error.message,
    error_request_id: error.status === null ? null : `req_${input.clock}`,
  });
}

function common(input: TrialInput) {
  return {
    run_id: input.runId,
    trial_id: `${input.model.ref}/${input.dataset.name}/item-${input.item}/${input.repetition}/${input.attempt}`,
    model: input.model.ref,
    model_version: input.model.version,
    dataset: input.dataset.name,
    item_id: `${input.dataset.name}-${input.item}`,
    task_kind: input.dataset.kind,
    repetition: input.repetition,
    attempt: input.attempt,
    endpoint_kind: input.endpointKind,
    started_at: new Date(Date.parse("2026-11-01T10:00:00.000Z") + input.clock).toISOString(),
  };
}

function streamEvents(send: number, ttft: number, ttlt: number, e2e: number, reasoning: boolean): RecordedEvent[] {
  const events: RecordedEvent[] = [{ kind: "response-headers", t_ms: round3(send + ttft * 0.6), chars: 0 }];
  const chunks = 5;
  for (let i = 0; i < chunks; i++) {
    const kind = reasoning && i < 2 ? "reasoning-delta" : "text-delta";
    events.push({ kind, t_ms: round3(send + ttft + ((ttlt - ttft) * i) / (chunks - 1)), chars: 24 });
  }
  events.push({ kind: "usage", t_ms: round3(send + ttlt + 1), chars: 0 });
  events.push({ kind: "end", t_ms: round3(send + e2e), chars: 0 });
  return events;
}

const SCORER_BY_KIND: Record<string, string> = {
  code: "typescript-tests",
  sql: "sqlite-result",
  "json-extraction": "json-fields",
};

function datasetItem(dataset: (typeof DATASETS)[number], i: number, options: FakeRunOptions) {
  if (dataset === NEEDLES) {
    const { context, depth } = needleOf(i);
    return {
      id: `${dataset.name}-${i}`,
      kind: dataset.kind,
      messages: [{ role: "user", content: `Find the passphrase in ${context} tokens of filler` }],
      reference: `passphrase-${i}`,
      scorer: { name: "exact" },
      tags: [`context:${context}`, `depth:${depth}`],
    };
  }
  const text = { type: "text", text: `Task ${i} of ${dataset.name}` };
  const image = { type: "image", media_type: "image/png", data: "iVBORw0KGgo=" };
  const content = options.withImages && dataset.kind === "json-extraction" && i === 0 ? [text, image] : text.text;
  return {
    id: `${dataset.name}-${i}`,
    kind: dataset.kind,
    messages: [{ role: "user", content }],
    reference: referenceOutput(dataset.kind, i),
    scorer: { name: SCORER_BY_KIND[dataset.kind] },
    tags: [],
  };
}

function referenceOutput(kind: string, i: number): string {
  if (kind === "code") return `export function f${i}(x: number): number {\n  return x * ${i + 2};\n}`;
  if (kind === "sql") return `SELECT name FROM users WHERE id = ${i};`;
  return JSON.stringify({ name: `Item ${i}`, total: 10 * (i + 1) });
}

function lerp([low, high]: readonly number[], t: number): number {
  return low + (high - low) * t;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

if (import.meta.main) {
  const parent = Deno.args[0];
  if (!parent) {
    console.error("usage: deno run -A tests/report/make_fake_run.ts <parent-folder>");
    Deno.exit(2);
  }
  console.log(await makeFakeRun(parent, { withImages: Deno.args.includes("--images") }));
}
