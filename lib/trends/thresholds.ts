import { z } from "zod";

const limits = {
  /** Maximum end-to-end p95 latency, ms. */
  max_p95_ms: z.number().positive().optional(),
  /** Maximum time-to-first-token p95, ms. */
  max_ttft_p95_ms: z.number().positive().optional(),
  /** Maximum error rate, 0–1. */
  max_error_rate: z.number().min(0).max(1).optional(),
  /** Minimum pass rate, 0–1. */
  min_pass_rate: z.number().min(0).max(1).optional(),
};

/** Limits of one model, or of every model. */
export const modelThresholdsSchema = z.strictObject(limits);

/**
 * A thresholds file: limits for every model, and optional per-model limits under `models`
 * (keyed by model, e.g. `openai:gpt-4o`) that replace the general ones field by field.
 */
export const thresholdsSchema = z.strictObject({
  ...limits,
  models: z.record(z.string(), modelThresholdsSchema).optional(),
});

export type ModelThresholds = z.infer<typeof modelThresholdsSchema>;
export type Thresholds = z.infer<typeof thresholdsSchema>;
