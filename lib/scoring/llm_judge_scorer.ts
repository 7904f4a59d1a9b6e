import { join } from "node:path";
import { z } from "zod";
import { DEFAULT_DATASETS_DIR } from "../datasets/default_datasets_dir.ts";
import type { DatasetItem } from "../datasets/schema.ts";
import { costOf } from "../pricing/cost_of.ts";
import { findPrice } from "../pricing/find_price.ts";
import { loadPriceTable } from "../pricing/load_price_table.ts";
import { createAdapter } from "../providers/create_adapter.ts";
import { parseModelRef } from "../providers/parse_model_ref.ts";
import { resolveEndpoint } from "../providers/resolve_endpoint.ts";
import type { ProviderErrorInfo, Usage } from "../providers/types.ts";
import type { PriceTableRow } from "../pricing/price_table_row.ts";
import type { Grade, JudgeRecord } from "../runner/record.ts";
import { buildJudgeMessages } from "./build_judge_messages.ts";
import { noResponseGrade } from "./no_response_grade.ts";
import { parseJudgeReply } from "./parse_judge_reply.ts";
import type { JudgeOptions, ScoreOptions, Scorer } from "./scorer.ts";

const settingsSchema = z.object({
  name: z.literal("llm-judge"),
  /** What a good answer does, in words the judge applies. */
  rubric: z.string().min(1),
  /** Judge model `provider:model`; default `options.judge.model`. */
  judge: z.string().regex(/^[a-z-]+:\S+$/, 'judge must be "provider:model", e.g. openai:gpt-4o-mini').optional(),
  /** Lowest rating (1–5) that passes. Default 4. */
  pass_rating: z.int().min(1).max(5).default(4),
  max_output_tokens: z.int().positive().max(8192).default(300),
});

/** A judge call that failed for a reason outside the graded output (no judge, provider error). */
export class JudgeError extends Error {
  constructor(message: string, readonly errorClass: ProviderErrorInfo["class"] | "configuration", options?: ErrorOptions) {
    super(message, options);
    this.name = "JudgeError";
  }
}

/**
 * Scorer that asks a judge model for a 1–5 rating against the item's rubric, through the
 * same SDK adapters as the benchmark (`createAdapter` + `resolveEndpoint`, so a judge
 * without an API key runs on the emulator at `options.judge.emulatorUrl`).
 *
 * Score is (rating − 1) / 4 and pass means rating >= `pass_rating`. The grade's `judge`
 * field records the judge model, its token usage and its cost. An unreadable judge reply
 * is a failed grade with `judge.rating` null. Throws {@link JudgeError} when no judge is
 * configured or the judge request fails, because neither is the graded model's fault.
 */
export const llmJudgeScorer: Scorer = {
  name: "llm-judge",
  settings: settingsSchema,
  async score(item: DatasetItem, output: string, options: ScoreOptions = {}): Promise<Grade> {
    const empty = noResponseGrade(output);
    if (empty) return empty;

    const settings = settingsSchema.parse(item.scorer);
    const judgeOptions: JudgeOptions = options.judge ?? {};
    const modelRef = settings.judge ?? judgeOptions.model;
    if (modelRef === undefined) {
      throw new JudgeError(
        `item ${item.id}: no judge model: set scorer.judge in the item or pass options.judge.model`,
        "configuration",
      );
    }
    const { provider, model } = parseModelRef(modelRef);
    const endpoint = resolveEndpoint(provider, judgeOptions.env ?? {}, judgeOptions.emulatorUrl ?? null, judgeOptions.mode ?? "auto");
    const adapter = createAdapter(provider, endpoint, { clock: judgeOptions.clock });

    let text = "";
    let usage: Usage | null = null;
    try {
      for await (const event of adapter.stream({
        model,
        messages: buildJudgeMessages(item, output, settings.rubric),
        maxOutputTokens: settings.max_output_tokens,
        temperature: 0,
        signal: options.signal,
      })) {
        if (event.type === "text-delta") text += event.text;
        else if (event.type === "usage") usage = event.usage;
        else if (event.type === "error") {
          throw new JudgeError(`judge ${modelRef} failed (${event.error.class}): ${event.error.message}`, event.error.class);
        }
      }
    } finally {
      adapter.close();
    }

    const priceRows = judgeOptions.priceRows ?? await defaultPriceRows();
    const price = findPrice(priceRows, modelRef);
    const reply = parseJudgeReply(text);
    const judge: JudgeRecord = {
      model: modelRef,
      endpoint_kind: endpoint.kind,
      rating: reply.ok ? reply.rating : null,
      input_tokens: usage?.inputTokens ?? null,
      output_tokens: usage?.outputTokens ?? null,
      cost_usd: usage !== null && price !== null ? costOf(usage, price) : null,
    };
    const spent = `judge used ${judge.input_tokens ?? "?"} input + ${judge.output_tokens ?? "?"} output tokens, ` +
      (judge.cost_usd === null ? "cost unknown" : `$${judge.cost_usd.toFixed(6)}`);
    if (!reply.ok) return { pass: false, score: 0, reason: `${reply.reason}; ${spent}`, judge };

    const pass = reply.rating >= settings.pass_rating;
    const verdict = `judge ${modelRef} rated ${reply.rating}/5 (pass >= ${settings.pass_rating})`;
    const reason = `${verdict}${reply.reason ? `: ${reply.reason}` : ""}; ${spent}`;
    return { pass, score: (reply.rating - 1) / 4, reason, judge };
  },
};

let defaultRows: Promise<PriceTableRow[]> | null = null;

function defaultPriceRows(): Promise<PriceTableRow[]> {
  defaultRows ??= loadPriceTable(join(DEFAULT_DATASETS_DIR, "prices.csv"));
  return defaultRows;
}
