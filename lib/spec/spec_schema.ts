import { z } from "zod";

const modelRef = z.string().regex(
  /^(openai|anthropic|google|openai-compatible):[^\s:][^\s]*$/,
  'must be "provider:model" with provider one of openai, anthropic, google, openai-compatible',
);

const positiveInt = z.number().int().positive();

/** Timeouts of one request, in milliseconds. */
export const timeoutsSchema = z.strictObject({
  first_token_ms: positiveInt.default(60_000),
  total_ms: positiveInt.default(300_000),
}).refine((t) => t.first_token_ms <= t.total_ms, {
  message: "first_token_ms must not exceed total_ms",
  path: ["first_token_ms"],
});

/** The runner's own retry policy. SDK-level retries are always off. */
export const retrySchema = z.strictObject({
  max_retries: z.number().int().min(0).max(10).default(2),
  base_delay_ms: positiveInt.default(500),
  max_delay_ms: positiveInt.default(20_000),
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
  concurrency: positiveInt.max(4096).default(8),
  max_output_tokens: positiveInt.default(1024),
  temperature: z.number().min(0).max(2).default(0),
  timeouts: timeoutsSchema.default({ first_token_ms: 60_000, total_ms: 300_000 }),
  retries: retrySchema.default({ max_retries: 2, base_delay_ms: 500, max_delay_ms: 20_000 }),
  budget_usd: z.number().positive().nullable().default(null),
  endpoint: z.enum(["auto", "emulator", "real"]).default("auto"),
  emulator: z.strictObject({ seed: z.number().int().default(1) }).default({ seed: 1 }),
});

/** One dataset entry of a spec: a name or path, optionally limited to its first `items` items. */
export type SpecDataset = string | { name: string; items: number | null };

/** A validated spec with every default filled in. */
export type Spec = z.infer<typeof specSchema>;
