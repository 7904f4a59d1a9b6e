import type { GroupSummary, ModelSummary, RunSummary } from "../analysis/summary_types.ts";
import { formatMetric as f } from "./format_metric.ts";
import { type Candidate, rankCandidates } from "./rank_candidates.ts";
import type { Recommendation } from "./report_model.ts";
import { SCENARIOS, type ScenarioDefinition } from "./scenarios.ts";

/** Input sizes must span this many tokens before TTFT growth per 1,000 tokens is reported. */
const MIN_INPUT_SPREAD_TOKENS = 1000;

/** Inputs of `recommend`: the run summary and the image-item facts. */
export interface RecommendInput {
  summary: RunSummary;
  /** Per-model metrics over items with image input; null when no such item ran. */
  imageGroups: GroupSummary[] | null;
  /** Models of the run whose price row lists image input. */
  imageCapableModels: string[];
}

/**
 * Pick the best model for each scenario, with the numbers that decide it. When the
 * leaders are within the scenario's noise rule the verdict is "no-clear-winner" and
 * every leader is named. A scenario without data states that instead of naming a model.
 */
export function recommend(input: RecommendInput, scenarios: readonly ScenarioDefinition[] = SCENARIOS): Recommendation[] {
  if (!input?.summary || !Array.isArray(input.summary.byModel)) {
    throw new TypeError("recommend: input.summary must be the object summariseRun returns");
  }
  return scenarios.map((scenario) => recommendOne(scenario, input));
}

function recommendOne(scenario: ScenarioDefinition, input: RecommendInput): Recommendation {
  const measured = candidatesFor(scenario, input);
  if (measured === null || measured.length === 0) {
    return { scenario, verdict: "not-measured", models: [], reason: notMeasuredReason(scenario, input), runnerUp: null };
  }
  const byModel = new Map(input.summary.byModel.map((m) => [m.model, m]));
  const floor = scenario.qualityFloor;
  const eligible = floor === null
    ? measured
    : measured.filter((c) => (byModel.get(c.model)?.pass_rate ?? -1) >= floor);

  if (eligible.length === 0) {
    const { leaders } = rankCandidates(measured, scenario.better, scenario.noise);
    const best = leaders[0];
    return {
      scenario,
      verdict: "no-eligible-model",
      models: [],
      reason: `No model reached pass rate ≥ ${f.pct(floor)}. Best without the floor: ${best.model}, ${best.detail}, ` +
        `pass rate ${f.pct(byModel.get(best.model)?.pass_rate)}.`,
      runnerUp: null,
    };
  }

  const { leaders, rest } = rankCandidates(eligible, scenario.better, scenario.noise);
  if (isPassRate(scenario) && leaders[0].value === 0) {
    return {
      scenario,
      verdict: "no-eligible-model",
      models: [],
      reason: `No model passed any item: ${leaders.map((c) => `${c.model} ${c.detail}`).join("; ")}.`,
      runnerUp: null,
    };
  }
  const runnerUp = rest[0] ?? null;
  const floorNote = floor === null ? "" : ` ${eligible.length} of ${measured.length} measured models reach pass rate ≥ ${f.pct(floor)}.`;
  const extra = scenario.metric === "context_window" ? leaders.map((c) => inputSizeNote(byModel.get(c.model))).join(" ") : "";

  if (leaders.length > 1) {
    const names = leaders.map((c) => c.model);
    return {
      scenario,
      verdict: "no-clear-winner",
      models: names,
      reason: `No clear winner between ${joinNames(names)} (${noiseWords(scenario)}): ` +
        leaders.map((c) => `${c.model} ${c.detail}`).join("; ") + "." + floorNote + (extra ? ` ${extra}` : ""),
      runnerUp: runnerUp?.model ?? null,
    };
  }
  const best = leaders[0];
  const next = runnerUp ? ` Next: ${runnerUp.model}, ${runnerUp.detail}.` : " No other model was measured.";
  return {
    scenario,
    verdict: "winner",
    models: [best.model],
    reason: `${capitalise(best.detail)}.${next}${floorNote}${extra ? ` ${extra}` : ""}`,
    runnerUp: runnerUp?.model ?? null,
  };
}

function candidatesFor(scenario: ScenarioDefinition, input: RecommendInput): Candidate[] | null {
  const models = input.summary.byModel;
  switch (scenario.metric) {
    case "ttft_p50_ms":
      return models.filter((m) => m.ttft_p50_ms !== null).map((m) => ({
        model: m.model,
        value: m.ttft_p50_ms!,
        detail: `TTFT p50 ${f.ms(m.ttft_p50_ms)} ms (p90 ${f.ms(m.ttft_p90_ms)} ms, n = ${m.ttft_n})`,
      }));
    case "context_window":
      return models.filter((m) => m.context_window !== null).map((m) => ({
        model: m.model,
        value: m.context_window!,
        detail: `context window ${f.count(m.context_window)} tokens (price table)`,
      }));
    case "kind_pass_rate":
      return passRateCandidates(
        input.summary.byModelKind.filter((g) => g.task_kind === scenario.taskKind),
        `on ${scenario.taskKind} items`,
      );
    case "cost_per_1k_requests_usd":
      return models.filter((m) => m.cost_per_1k_requests_usd !== null).map((m) => ({
        model: m.model,
        value: m.cost_per_1k_requests_usd!,
        detail: `$${f.usd(m.cost_per_1k_requests_usd)} per 1,000 requests (n = ${m.cost_n})`,
      }));
    case "throughput_per_usd":
      return models.filter((m) => m.output_tps_median !== null && (m.cost_per_1k_requests_usd ?? 0) > 0).map((m) => {
        const value = m.output_tps_median! / m.cost_per_1k_requests_usd!;
        return {
          model: m.model,
          value,
          detail: `${f.tps(m.output_tps_median)} tokens/s median at $${f.usd(m.cost_per_1k_requests_usd)} ` +
            `per 1,000 requests (${f.tps(value)} tokens/s per USD)`,
        };
      });
    case "image_pass_rate": {
      if (input.imageGroups === null) return null;
      const capable = new Set(input.imageCapableModels);
      return passRateCandidates(input.imageGroups.filter((g) => capable.has(g.model)), "on items with image input");
    }
  }
}

function isPassRate(scenario: ScenarioDefinition): boolean {
  return scenario.metric === "kind_pass_rate" || scenario.metric === "image_pass_rate";
}

function passRateCandidates(groups: readonly GroupSummary[], scope: string): Candidate[] {
  return groups.filter((g) => g.pass_rate !== null).map((g) => ({
    model: g.model,
    value: g.pass_rate!,
    ciLow: g.pass_ci_low,
    ciHigh: g.pass_ci_high,
    detail: `pass rate ${f.pct(g.pass_rate)} ${scope} (${g.passed}/${g.quality_n}, Wilson 95% ` +
      `${f.pct(g.pass_ci_low)}–${f.pct(g.pass_ci_high)})`,
  }));
}

function inputSizeNote(model: ModelSummary | undefined): string {
  if (!model) return "";
  const fit = model.ttft_by_input;
  if (model.max_input_tokens === null) {
    return `${model.model}: no successful trial reported its input size, so TTFT against input size was not measured.`;
  }
  const largest = `${model.model}: largest input measured ${f.count(model.max_input_tokens)} tokens`;
  if (fit === null) {
    return `${largest}; TTFT against input size not measured (needs 3 or more successful trials of different input sizes).`;
  }
  const range = `${f.count(fit.min_input_tokens)}–${f.count(fit.max_input_tokens)} tokens`;
  if (fit.max_input_tokens - fit.min_input_tokens < MIN_INPUT_SPREAD_TOKENS) {
    return `${largest}; inputs spanned only ${range}, too narrow to measure how TTFT grows with input size.`;
  }
  const direction = fit.slope_ms_per_1k_tokens >= 0 ? "rose" : "fell";
  return `${largest}; TTFT ${direction} ${f.ms(Math.abs(fit.slope_ms_per_1k_tokens))} ms per 1,000 input tokens ` +
    `(least squares over ${fit.n} trials, ${range}).`;
}

function notMeasuredReason(scenario: ScenarioDefinition, input: RecommendInput): string {
  switch (scenario.metric) {
    case "ttft_p50_ms":
      return "No successful trial produced a first token.";
    case "context_window":
      return "No model of this run has a context window in the price table.";
    case "kind_pass_rate":
      return `No ${scenario.taskKind} items ran.`;
    case "cost_per_1k_requests_usd":
      return "No successful trial has a known cost (no price row or no server usage).";
    case "throughput_per_usd":
      return "No model has both an output speed and a cost.";
    case "image_pass_rate": {
      const capable = input.imageCapableModels.length > 0
        ? `Models in this run whose price row lists image input: ${joinNames(input.imageCapableModels)}.`
        : "No model in this run has a price row that lists image input.";
      return input.imageGroups === null
        ? `No item with image input ran. ${capable}`
        : `No image-capable model produced a graded answer on image items. ${capable}`;
    }
  }
}

function noiseWords(scenario: ScenarioDefinition): string {
  return scenario.noise.kind === "wilson-overlap"
    ? "their Wilson 95% intervals overlap"
    : `values within ${Math.round(scenario.noise.within * 100)}% of each other`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
