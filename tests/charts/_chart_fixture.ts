/**
 * Test helpers for chart specs: sample data for every builder, a scenegraph mark counter
 * and a compile-warning collector.
 */
import * as vega from "vega";
import { compile } from "vega-lite";
import type { ChartSpec, GroupPoint, TrialPoint } from "../../lib/charts/chart_types.ts";

/** Make a trial point with neutral values; `extra` overrides fields. */
export function trial(model: string, ttft: number | null, extra: Partial<TrialPoint> = {}): TrialPoint {
  return { model, dataset: "d", ttft_ms: ttft, e2e_ms: 1000, output_tps: 50, input_tokens: 100, output_tokens: 200, ...extra };
}

/** Make a per-model (or model × dataset) summary point with neutral values. */
export function group(model: string, dataset: string | null, extra: Partial<GroupPoint> = {}): GroupPoint {
  return {
    model,
    dataset,
    e2e_p50_ms: 1000,
    e2e_p95_ms: 1500,
    pass_rate: 0.8,
    pass_ci_low: 0.6,
    pass_ci_high: 0.9,
    quality_n: 10,
    cost_per_1k_requests_usd: 1.5,
    ...extra,
  };
}

/** Count scenegraph items of a mark type after Vega has laid the chart out (all facets and layers). */
export async function countItems(spec: ChartSpec, marktype: string): Promise<number> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  await view.runAsync();
  let count = 0;
  // deno-lint-ignore no-explicit-any
  const walk = (node: any) => {
    if (!node) return;
    if (node.marktype === marktype && node.role === "mark") count += node.items.length;
    for (const item of node.items ?? []) for (const child of item.items ?? []) walk(child);
  };
  // deno-lint-ignore no-explicit-any
  walk((view.scenegraph() as any).root);
  view.finalize();
  return count;
}

/** Compile a spec and return every warning or error Vega-Lite logged. */
export function compileWarnings(spec: ChartSpec): string[] {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => (warnings.push(args.join(" ")), logger),
    warn: (...args: unknown[]) => (warnings.push(args.join(" ")), logger),
    info: () => logger,
    debug: () => logger,
  };
  // deno-lint-ignore no-explicit-any
  compile(spec, { logger: logger as any });
  return warnings;
}

/** List every mark of a spec, through layers, facets and concatenations. */
// deno-lint-ignore no-explicit-any
export function marksOf(spec: any): { type: string; invalid?: unknown }[] {
  if (spec.mark) return [typeof spec.mark === "string" ? { type: spec.mark } : spec.mark];
  const children = [...(spec.layer ?? []), ...(spec.hconcat ?? []), ...(spec.vconcat ?? []), ...(spec.spec ? [spec.spec] : [])];
  return children.flatMap(marksOf);
}
