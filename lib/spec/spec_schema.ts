import { z } from "zod";

const modelRef = z.string().regex(
  /^(openai|anthropic|google|openai-compatible):[^\s:][^\s]*$/,
  'must be "provider:model" with provider one of openai, anthropic, google, openai-compatible',
);

const positiveInt = z.number().int().positive();

/** Largest number of requests in flight the runner accepts. */
export const MAX_CONCURRENCY = 4096;

/** Timeouts of one request, in milliseconds. */
export const timeoutsSchema = z.strictObject({
  first_token_ms: positiveInt.default(60_000),
  total_ms: positiveInt.default(300_000),
  /** Longest silence between stream events once output began; null turns the check off. */
  idle_ms: positiveInt.nullable().default(null),
}).refine((t) => t.first_token_ms <= t.total_ms, {
  message: "first_token_ms must not exceed total_ms",
  path: ["first_token_ms"],
}).refine((t) => t.idle_ms === null || t.idle_ms <= t.total_ms, {
  message: "idle_ms must not exceed total_ms",
  path: ["idle_ms"],
});

/** The runner's own retry policy. SDK-level retries are always off. */
export const retrySchema = z.strictObject({
  max_retries: z.number().int().min(0).max(10).default(2),
  base_delay_ms: positiveInt.default(500),
  max_delay_ms: positiveInt.default(20_000),
});

/** Latency targets a request must meet to count towards goodput; null leaves a target out. */
export const goodputTargetsSchema = z.strictObject({
  ttft_ms: z.number().positive().nullable().default(null),
  tpot_ms: z.number().positive().nullable().default(null),
  e2e_ms: z.number().positive().nullable().default(null),
});

const NO_TARGETS = { ttft_ms: null, tpot_ms: null, e2e_ms: null };

/**
 * How requests are issued. `closed`: `concurrency` requests in flight, a new one as soon as one
 * finishes. `open`: requests arrive at `rate_per_s` (constant gaps or seeded Poisson arrivals)
 * whether or not earlier ones finished, with `concurrency` as the cap on requests in flight.
 */
export const loadSchema = z.strictObject({
  mode: z.enum(["closed", "open"]).default("closed"),
  rate_per_s: z.number().positive().max(100_000).nullable().default(null),
  arrival: z.enum(["constant", "poisson"]).default("constant"),
  seed: z.number().int().default(1),
  warmup_s: z.number().min(0).default(0),
  cooldown_s: z.number().min(0).default(0),
  /** Concurrency levels: the run repeats every trial once per level, in this order. */
  sweep: z.array(positiveInt.max(MAX_CONCURRENCY)).min(1)
    .refine((levels) => new Set(levels).size === levels.length, "must not list a level twice")
    .nullable().default(null),
  goodput_targets: goodputTargetsSchema.default(NO_TARGETS),
}).refine((load) => load.mode === "closed" || load.rate_per_s !== null, {
  message: 'rate_per_s is required when mode is "open"',
  path: ["rate_per_s"],
}).refine((load) => load.mode === "open" || load.rate_per_s === null, {
  message: 'rate_per_s applies only when mode is "open"',
  path: ["rate_per_s"],
});

/** Default load settings: a closed loop at the spec's concurrency, no warm-up, no sweep. */
export const DEFAULT_LOAD = {
  mode: "closed" as const,
  rate_per_s: null,
  arrival: "constant" as const,
  seed: 1,
  warmup_s: 0,
  cooldown_s: 0,
  sweep: null,
  goodput_targets: NO_TARGETS,
};

/** Settings of the local emulator a run starts for models without an API key. */
export const emulatorSchema = z.strictObject({
  seed: z.number().int().default(1),
  /** Model profiles JSON file; null uses `lib/emulator/profiles.json`. */
  profiles: z.string().min(1).nullable().default(null),
  /** Run folder whose `streams.jsonl` the emulator replays with the recorded timing; null generates replies. */
  replay: z.string().min(1).nullable().default(null),
});

/** A benchmark spec file (JSON). Unknown fields are rejected so a misspelt field is not ignored. */
export const specSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, "may contain only letters, digits, '.', '_' and '-'"),
  description: z.string().optional(),
  models: z.array(modelRef).min(1).refine((m) => new Set(m).size === m.length, "must not list a model twice"),
  datasets: z.array(z.union([
    z.string().min(1),
    z.strictObject({ name: z.string().min(1), items: positiveInt.nullable().default(null) }),
  ])).min(1),
  items_per_dataset: positiveInt.nullable().default(null),
  repetitions: positiveInt.default(1),
  concurrency: positiveInt.max(MAX_CONCURRENCY).default(8),
  load: loadSchema.default(DEFAULT_LOAD),
  max_output_tokens: positiveInt.default(1024),
  temperature: z.number().min(0).max(2).default(0),
  timeouts: timeoutsSchema.default({ first_token_ms: 60_000, total_ms: 300_000, idle_ms: null }),
  retries: retrySchema.default({ max_retries: 2, base_delay_ms: 500, max_delay_ms: 20_000 }),
  budget_usd: z.number().positive().nullable().default(null),
  endpoint: z.enum(["auto", "emulator", "real"]).default("auto"),
  emulator: emulatorSchema.default({ seed: 1, profiles: null, replay: null }),
  /** Fill a missing output count with an o200k count of the joined output, flagged "estimated". */
  estimate_missing_usage: z.boolean().default(true),
  /** Keep every attempt's stream with its text and timings in `streams.jsonl`. */
  record_streams: z.boolean().default(false),
  /** Run folder whose successful responses are re-scored instead of requested again; null sends every request. */
  rescore_from: z.string().min(1).nullable().default(null),
});

/** One dataset entry of a spec: a name or path, optionally limited to its first `items` items. */
export type SpecDataset = string | { name: string; items: number | null };

/** A validated spec with every default filled in. */
export type Spec = z.infer<typeof specSchema>;

/** The validated load settings of a spec. */
export type LoadSpec = Spec["load"];
