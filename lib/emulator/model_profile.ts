import { z } from "zod";
import { TASK_KINDS } from "../datasets/schema.ts";
import { faultsSchema } from "./fault_kinds.ts";

/** Providers a profile can belong to. Requests for a profile arrive on that provider's API path. */
export const PROFILE_PROVIDERS = ["openai", "anthropic", "google", "openai-compatible"] as const;

const probability = z.number().min(0).max(1);

/** Probability of a right answer per dataset task kind. `default` covers kinds not listed. */
const accuracySchema = z.strictObject({
  default: probability,
  ...Object.fromEntries(TASK_KINDS.map((kind) => [kind, probability.optional()])),
}) as z.ZodType<{ default: number } & Partial<Record<(typeof TASK_KINDS)[number], number>>>;

/**
 * How a model's needle-finding accuracy falls on `long-context` items. Both are shares of
 * the accuracy lost when the prompt fills the whole context window. The loss grows with
 * the logarithm of the prompt length from 1,000 tokens. `middle_dip` peaks for needles at
 * 50% depth and is zero at the start and the end ("lost in the middle").
 */
const longContextSchema = z.strictObject({
  length_decay: probability,
  middle_dip: probability,
});

/**
 * One emulated model. Timing fields are medians, and `jitter` spreads them log-normally.
 *
 * `thinking` is the number of tokens the model spends thinking before its answer when
 * thinking is active: always for OpenAI reasoning models, by default for Gemini
 * (a request `thinkingBudget` of 0 turns it off), and for Claude only when the request
 * sets `thinking: {type: "enabled"}`. 0 means the model never thinks.
 */
export const modelProfileSchema = z.strictObject({
  provider: z.enum(PROFILE_PROVIDERS),
  /** Model name the server reports, or null to echo the requested name as OpenAI-compatible servers do. */
  model_version: z.string().min(1).nullable(),
  context_window: z.number().int().positive(),
  max_output_tokens: z.number().int().positive(),
  ttft_ms: z.number().min(0),
  ttft_ms_per_1k_input_tokens: z.number().min(0),
  output_tokens_per_s: z.number().positive(),
  jitter: z.number().min(0).max(1),
  thinking: z.number().int().min(0),
  accuracy: accuracySchema,
  supports_images: z.boolean(),
  /** Injected faults (see `fault_kinds.ts`); absent means the model never fails on purpose. */
  faults: faultsSchema.optional(),
  /** Accuracy curve of `long-context` items; without it their accuracy does not depend on length or depth. */
  long_context: longContextSchema.optional(),
  note: z.string().optional(),
});

export type ModelProfile = z.infer<typeof modelProfileSchema>;

/** Fix advice per profile field, shown when a profile fails validation. */
export const PROFILE_FIELD_FIXES: Record<string, string> = {
  provider: `set provider to one of ${PROFILE_PROVIDERS.join(", ")}`,
  model_version: "set model_version to the model name the server reports, or null to echo the requested name",
  context_window: "set context_window to the maximum number of input tokens, a positive integer",
  max_output_tokens: "set max_output_tokens to the largest output limit a request may ask for, a positive integer",
  ttft_ms: "set ttft_ms to the median time to first token in milliseconds, a number >= 0",
  ttft_ms_per_1k_input_tokens: "set ttft_ms_per_1k_input_tokens to the extra milliseconds per 1,000 input tokens, >= 0",
  output_tokens_per_s: "set output_tokens_per_s to the median output speed in tokens per second, > 0",
  jitter: "set jitter to the relative spread of timings, a number from 0 to 1 (0.15 = about 15%)",
  thinking: "set thinking to the number of tokens spent thinking, an integer >= 0 (0 = never thinks)",
  accuracy: `give accuracy a default and optionally ${TASK_KINDS.join(", ")}, each a probability from 0 to 1`,
  supports_images: "set supports_images to true or false",
  long_context: "give long_context a length_decay and a middle_dip, each a share of accuracy from 0 to 1, or remove it",
  faults: "give faults a rates object (fault name to probability, adding up to at most 1) and optionally retry_after_ms",
  note: "make note a string or remove it",
};
