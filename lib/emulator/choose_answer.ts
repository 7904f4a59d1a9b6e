import type { DatasetItem } from "../datasets/schema.ts";
import { corruptReference } from "./corrupt_reference.ts";
import type { ModelProfile } from "./model_profile.ts";
import type { SeededRandom } from "./seeded_random.ts";

/** The text a model sends for a known dataset item, and whether it is the reference. */
export interface ChosenAnswer {
  text: string;
  correct: boolean;
}

/**
 * Draws a right or wrong answer for a dataset item: the reference with probability
 * `accuracy[kind]` (else `accuracy.default`), otherwise the item's distractor or, when it
 * has none, a kind-specific corruption of the reference.
 */
export function chooseAnswer(item: DatasetItem, profile: ModelProfile, random: SeededRandom): ChosenAnswer {
  const accuracy = profile.accuracy[item.kind] ?? profile.accuracy.default;
  if (random.next() < accuracy) return { text: item.reference, correct: true };
  const text = item.distractor ?? corruptReference(item.kind, item.reference, random);
  return { text, correct: false };
}
