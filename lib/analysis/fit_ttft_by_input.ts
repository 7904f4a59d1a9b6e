import type { TtftInputFit } from "./summary_types.ts";

/** Minimum number of trials a TTFT-against-input line is fitted to. */
const MIN_POINTS = 3;

/**
 * Sums a least-squares line is computed from: the count, the range and means of the
 * inputs, and the centred sums of squares and products.
 */
export interface TtftInputMoments {
  n: number;
  min_input_tokens: number;
  max_input_tokens: number;
  mean_input_tokens: number;
  mean_ttft_ms: number;
  /** Σ (x − mean x)². */
  sxx: number;
  /** Σ (x − mean x)(y − mean y). */
  sxy: number;
}

/**
 * Fit TTFT against input tokens by least squares. Returns null with fewer than three
 * points or when every point has the same input size, since no slope can be measured.
 * Runs in loops, so it takes any number of points.
 */
export function fitTtftByInput(points: readonly { input_tokens: number; ttft_ms: number }[]): TtftInputFit | null {
  if (!Array.isArray(points)) {
    throw new TypeError("fitTtftByInput: points must be an array of { input_tokens, ttft_ms }");
  }
  const n = points.length;
  if (n < MIN_POINTS) return null;

  let sumX = 0;
  let sumY = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const p of points) {
    sumX += p.input_tokens;
    sumY += p.ttft_ms;
    if (p.input_tokens < min) min = p.input_tokens;
    if (p.input_tokens > max) max = p.input_tokens;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;

  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.input_tokens - meanX) ** 2;
    sxy += (p.input_tokens - meanX) * (p.ttft_ms - meanY);
  }

  return fitTtftFromMoments({
    n,
    min_input_tokens: min,
    max_input_tokens: max,
    mean_input_tokens: meanX,
    mean_ttft_ms: meanY,
    sxx,
    sxy,
  });
}

/**
 * Turn the sums of a least-squares fit (computed elsewhere, e.g. by polars per model)
 * into the fitted line, with the rules of {@link fitTtftByInput}.
 */
export function fitTtftFromMoments(moments: TtftInputMoments): TtftInputFit | null {
  const { n, min_input_tokens: min, max_input_tokens: max, sxx, sxy } = moments;
  if (!(n >= MIN_POINTS)) return null;
  // Equal inputs leave no spread to measure a slope on. Checking the range as well as sxx keeps
  // a rounding residue in sxx from producing a huge slope.
  if (min === max || !(sxx > 0)) return null;
  const slope = sxy / sxx;
  return {
    n,
    min_input_tokens: min,
    max_input_tokens: max,
    slope_ms_per_1k_tokens: slope * 1000,
    intercept_ms: moments.mean_ttft_ms - slope * moments.mean_input_tokens,
  };
}
