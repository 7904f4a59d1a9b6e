import type { RunSummary } from "../analysis/summary_types.ts";
import type { CriterionLookup, CriterionValue } from "./criterion_values.ts";
import { formatMetric as f } from "./format_metric.ts";
import type { Evidence, Recommendation, ScoredModel } from "./report_model.ts";
import { CRITERION_METRICS, type CriterionMetric, criterionName, type ScenarioCriterion, type ScenarioDefinition } from "./scenarios.ts";

/** Chart (or table) anchor that shows each metric, for evidence links. */
export const METRIC_ANCHORS: Record<CriterionMetric, string> = {
  ttft_p50_ms: "chart-ttft-distribution",
  e2e_p50_ms: "chart-e2e-vs-output",
  output_tps_median: "chart-output-speed",
  cost_per_1k_requests_usd: "chart-cost-vs-quality",
  pass_rate: "chart-pass-rate-by-suite",
  error_rate: "chart-errors-by-class",
  context_window: "model-comparison",
};

/** Section that shows each metric, for evidence whose chart was not drawn. */
export const METRIC_SECTIONS: Record<CriterionMetric, string> = {
  ttft_p50_ms: "latency-section",
  e2e_p50_ms: "latency-section",
  output_tps_median: "throughput-section",
  cost_per_1k_requests_usd: "cost-section",
  pass_rate: "quality-section",
  error_rate: "errors-section",
  context_window: "model-comparison",
};

/** Inputs of `recommend`: the run summary, criterion values and capability facts. */
export interface RecommendInput {
  summary: RunSummary;
  values: CriterionLookup;
  /** Models of the run whose price row lists image input. */
  imageCapableModels: string[];
}

/**
 * Rank the models for each scenario by a weighted score of its criteria, after dropping
 * models that break a hard constraint or lack a criterion. Each criterion becomes a
 * utility relative to the best model (1 − rate for the error rate). The score's 95% band
 * comes from the criteria's own 95% intervals. When the leader's band overlaps another
 * model's, the verdict is "no-clear-winner" and every overlapping model is named.
 */
export function recommend(input: RecommendInput, scenarios: readonly ScenarioDefinition[]): Recommendation[] {
  if (!input?.summary || !Array.isArray(input.summary.byModel) || typeof input.values !== "function") {
    throw new TypeError("recommend: input needs summary (summariseRun) and values (criterionValues)");
  }
  if (!Array.isArray(scenarios)) throw new TypeError("recommend: scenarios must be an array such as SEED_SCENARIOS");
  return scenarios.map((scenario) => recommendOne(scenario, input));
}

function recommendOne(scenario: ScenarioDefinition, input: RecommendInput): Recommendation {
  const models = input.summary.byModel.map((m) => m.model);
  const excluded: string[] = [];
  const eligible = models.filter((model) => {
    const broken = brokenConstraint(scenario, model, input);
    if (broken) excluded.push(`${model}: ${broken}`);
    return broken === null;
  });
  const measured = eligible.filter((model) => {
    const missing = scenario.criteria.filter((c) => input.values(c.metric, c, model) === null).map(criterionName);
    if (missing.length > 0) excluded.push(`${model}: ${missing.join(", ")} not measured`);
    return missing.length === 0;
  });
  const base = { scenario, excluded, ranking: [] as ScoredModel[], evidence: [] as Evidence[] };
  if (measured.length === 0) {
    // Constraints only decide the verdict when some model had every criterion measured.
    const measurable = models.some((model) => scenario.criteria.every((c) => input.values(c.metric, c, model) !== null));
    const verdict = eligible.length > 0 || !measurable ? "not-measured" : "no-eligible-model";
    const details = excluded.length > 0 ? ` ${excluded.join("; ")}.` : " No model was measured.";
    const lead = verdict === "not-measured" ? "Not measured in this run:" : "No model meets the constraints:";
    return { ...base, verdict, models: [], runnerUp: null, reason: `${lead}${details}` };
  }

  const ranking = score(scenario.criteria, measured, input.values).sort((a, b) => b.score - a.score || a.model.localeCompare(b.model));
  const leader = ranking[0];
  const tied = ranking.filter((r) => r === leader || r.high >= leader.low);
  const rest = ranking.filter((r) => !tied.includes(r));
  const evidence = scenario.criteria.map((c) => ({
    text: tied.map((r) => `${r.model}: ${input.values(c.metric, c, r.model)!.text}`).join("; "),
    anchor: anchorOf(c),
    fallback: METRIC_SECTIONS[c.metric],
  }));
  const band = (r: ScoredModel) => `score ${r.score.toFixed(2)} (95% band ${r.low.toFixed(2)}–${r.high.toFixed(2)})`;
  const after = rest[0] ? ` Next: ${rest[0].model}, ${band(rest[0])}.` : "";
  const skipped = excluded.length > 0 ? ` Not ranked: ${excluded.join("; ")}.` : "";
  if (tied.length > 1) {
    return {
      ...base,
      ranking,
      evidence,
      verdict: "no-clear-winner",
      models: tied.map((r) => r.model),
      runnerUp: rest[0]?.model ?? null,
      reason: `No clear winner between ${joinNames(tied.map((r) => r.model))}: their score bands overlap (` +
        tied.map((r) => `${r.model} ${band(r)}`).join("; ") + `).${after}${skipped}`,
    };
  }
  return {
    ...base,
    ranking,
    evidence,
    verdict: "winner",
    models: [leader.model],
    runnerUp: rest[0]?.model ?? null,
    reason: `${leader.model} leads with ${band(leader)}.${after || " No other model was ranked."}${skipped}`,
  };
}

function brokenConstraint(scenario: ScenarioDefinition, model: string, input: RecommendInput): string | null {
  for (const c of scenario.constraints) {
    if ("capability" in c) {
      if (!input.imageCapableModels.includes(model)) return "no image input in the price table";
      continue;
    }
    const v = input.values(c.metric, c, model);
    const name = criterionName(c);
    if (v === null) return `${name} not measured (constraint)`;
    const show = (x: number) => (CRITERION_METRICS[c.metric].unit === "%" ? f.pct(x) : f.count(x));
    if (c.min !== undefined && v.value < c.min) return `${name} ${show(v.value)} < ${show(c.min)}`;
    if (c.max !== undefined && v.value > c.max) return `${name} ${show(v.value)} > ${show(c.max)}`;
  }
  return null;
}

function score(criteria: readonly ScenarioCriterion[], models: string[], values: CriterionLookup): ScoredModel[] {
  const total = criteria.reduce((s, c) => s + c.weight, 0);
  const parts = criteria.map((c) => {
    const all = models.map((m) => values(c.metric, c, m) as CriterionValue);
    const better = CRITERION_METRICS[c.metric].better;
    const best = better === "lower" ? Math.min(...all.map((v) => v.value)) : Math.max(...all.map((v) => v.value));
    return all.map((v) => utility(c.metric, better, best, v).map((u) => (u * c.weight) / total));
  });
  return models.map((model, i) => {
    const [s, low, high] = [0, 1, 2].map((k) => parts.reduce((sum, p) => sum + p[i][k], 0));
    return { model, score: s, low, high };
  });
}

// Returns [utility, pessimistic, optimistic] for one value against the best point value.
function utility(metric: CriterionMetric, better: "lower" | "higher", best: number, v: CriterionValue): number[] {
  if (metric === "error_rate") return [1 - v.value, 1 - v.high, 1 - v.low];
  if (better === "higher") return best <= 0 ? [1, 1, 1] : [v.value / best, v.low / best, v.high / best];
  // A free model (cost 0) is the best possible, so every other model scores 0 against it.
  if (best <= 0) return [v.value <= 0 ? 1 : 0, 0, 1];
  const ratio = (x: number) => (x <= 0 ? 1 : Math.min(best / x, 1.5));
  return [ratio(v.value), ratio(v.high), ratio(v.low)];
}

function anchorOf(c: ScenarioCriterion): string {
  if (c.metric === "pass_rate" && c.images_only) return "quality-section";
  return METRIC_ANCHORS[c.metric];
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
