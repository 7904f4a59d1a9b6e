import type { TtftInputFit } from "./summary_types.ts";

/** Minimum number of trials a TTFT-against-input line is fitted to. */
const MIN_POINTS = 3;

/**
 * Fit TTFT against input tokens by least squares. Returns null with fewer than three
 * points or when every point has the same input size, since no slope can be measured.
 */
export function fitTtftByInput(points: readonly { input_tokens: number; ttft_ms: number }[]): TtftInputFit | null {
  if (!Array.isArray(points)) {
    throw new TypeError("fitTtftByInput: points must be an array of { input_tokens, ttft_ms }");
  }
  if (points.length < MIN_POINTS) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.input_tokens, 0) / n;
  const meanY = points.reduce((s, p) => s + p.ttft_ms, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.input_tokens - meanX) ** 2;
    sxy += (p.input_tokens - meanX) * (p.ttft_ms - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return {
    n,
    min_input_tokens: Math.min(...points.map((p) => p.input_tokens)),
    max_input_tokens: Math.max(...points.map((p) => p.input_tokens)),
    slope_ms_per_1k_tokens: slope * 1000,
    intercept_ms: meanY - slope * meanX,
  };
}
