import type { RawTrial } from "./derive_raw_frames.ts";
import { deriveThroughput, type ThroughputOptions } from "./derive_throughput.ts";

/**
 * Describes each load phase of a run in one line for a terminal: load settings, window,
 * successful requests per second, output tokens per second with the peak second, goodput
 * when targets are set, and queue delay. Returns the lines; the caller prints them.
 */
export function deriveLoadLines(records: readonly RawTrial[], options: ThroughputOptions = {}): string[] {
  const hasTargets = Object.values(options.targets ?? {}).some((target) => target !== null && target !== undefined);
  return deriveThroughput(records, options).map((phase) => {
    const load = phase.load_mode === "open" ? "open loop" : "closed loop";
    const head = `phase ${phase.phase} (${load}, concurrency ${phase.concurrency ?? "?"})`;
    if (phase.window_start_ms === null) return `${head}: no measurement window left after warm-up and cool-down`;
    const fixed = (value: number | null, digits = 1) => (value === null ? "n/a" : value.toFixed(digits));
    const goodput = hasTargets
      ? `, goodput ${fixed(phase.goodput_per_s, 2)} req/s (${fixed((phase.goodput_ratio ?? 0) * 100, 0)}% met the targets)`
      : "";
    return `${head}: ${phase.ok}/${phase.completed} ok in a ${fixed(phase.window_s)} s window, ` +
      `${fixed(phase.requests_per_s, 2)} req/s, ${fixed(phase.output_tokens_per_s)} output tokens/s ` +
      `(peak second ${fixed(phase.peak_output_tokens_per_s, 0)})${goodput}, ` +
      `queue delay p50 ${fixed(phase.queue_delay_p50_ms)} ms, p99 ${fixed(phase.queue_delay_p99_ms)} ms`;
  });
}
