import type { DatasetItem } from "../datasets/schema.ts";
import type { ModelProfile } from "./model_profile.ts";

const BASE_TOKENS = 1000;

/**
 * Returns the probability that a model answers an item correctly: `accuracy[kind]` (else
 * `accuracy.default`), and for `long-context` items with a `long_context` curve in the
 * profile, that accuracy lowered by prompt length and needle depth.
 *
 * Length and depths come from the item's `context:<tokens>` and `depth:<percent>` tags
 * (several depth tags mean several needles, each of which must be found), falling back to
 * the generator's token count.
 */
export function answerAccuracy(item: DatasetItem, profile: ModelProfile): number {
  const base = profile.accuracy[item.kind] ?? profile.accuracy.default;
  const curve = profile.long_context;
  if (item.kind !== "long-context" || curve === undefined) return base;

  const tokens = tagNumbers(item.tags, "context")[0] ?? item.generator?.tokens;
  if (tokens === undefined) return base;
  const depths = tagNumbers(item.tags, "depth");
  const share = lengthShare(tokens, profile.context_window);
  let accuracy = base * (1 - curve.length_decay * share);
  for (const depth of depths) {
    accuracy *= 1 - curve.middle_dip * share * Math.sin((Math.PI * Math.min(100, Math.max(0, depth))) / 100);
  }
  return Math.max(0, accuracy);
}

// 0 at 1,000 tokens or fewer, 1 at the full window, logarithmic in between.
function lengthShare(tokens: number, window: number): number {
  if (tokens <= BASE_TOKENS || window <= BASE_TOKENS) return 0;
  return Math.min(1, Math.log(tokens / BASE_TOKENS) / Math.log(window / BASE_TOKENS));
}

function tagNumbers(tags: readonly string[], name: string): number[] {
  return tags
    .filter((tag) => tag.startsWith(`${name}:`))
    .map((tag) => Number(tag.slice(name.length + 1)))
    .filter((value) => Number.isFinite(value));
}
