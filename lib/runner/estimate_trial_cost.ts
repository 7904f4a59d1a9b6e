import { findPrice } from "../pricing/find_price.ts";
import type { TrialPlan } from "./expand_trials.ts";
import type { PriceRow } from "./manifest.ts";

/** Rough characters per token for English and code, used only for the pre-run cost estimate. */
const CHARS_PER_TOKEN = 4;

/**
 * Estimates the most a trial can cost: its prompt at about 4 characters per token plus the
 * full output allowance, at list prices. Returns null when the model has no price.
 * This is an estimate for budget checks; recorded costs come from server usage.
 */
export function estimateTrialCost(plan: TrialPlan, maxOutputTokens: number, priceRows: PriceRow[]): number | null {
  const price = findPrice(priceRows, plan.model);
  if (price === null) return null;
  let chars = 0;
  for (const message of plan.item.messages) {
    if (typeof message.content === "string") chars += message.content.length;
    else for (const part of message.content) chars += part.type === "text" ? part.text.length : 3000;
  }
  const inputTokens = Math.ceil(chars / CHARS_PER_TOKEN);
  return (inputTokens * price.input_per_mtok + maxOutputTokens * price.output_per_mtok) / 1e6;
}
