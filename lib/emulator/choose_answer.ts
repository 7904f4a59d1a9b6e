import type { DatasetItem } from "../datasets/schema.ts";
import { answerAccuracy } from "./answer_accuracy.ts";
import type { ModelProfile } from "./model_profile.ts";
import type { SeededRandom } from "./seeded_random.ts";
import { wrongAnswer } from "./wrong_answer.ts";

/** The text a model sends for a known dataset item, and whether it is the reference. */
export interface ChosenAnswer {
  text: string;
  correct: boolean;
}

/**
 * Draws a right or wrong answer for a dataset item: the reference with the probability
 * `answerAccuracy` gives (`accuracy[kind]`, else `accuracy.default`, lowered by length and
 * depth for long-context items), otherwise a wrong answer of the kind's typical sort
 * (see `wrongAnswer`).
 */
export function chooseAnswer(item: DatasetItem, profile: ModelProfile, random: SeededRandom): ChosenAnswer {
  if (random.next() < answerAccuracy(item, profile)) return { text: item.reference, correct: true };
  return { text: wrongAnswer(item, random), correct: false };
}
