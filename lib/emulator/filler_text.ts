import { countTextTokens } from "./count_tokens.ts";
import type { SeededRandom } from "./seeded_random.ts";
import { cutToTokenLimit } from "./split_into_chunks.ts";

const SUBJECTS = [
  "The deployment team",
  "Our latest benchmark",
  "A careful reviewer",
  "The caching layer",
  "Each regional cluster",
  "The new scheduler",
  "A small pilot project",
  "The quarterly report",
  "The production service",
  "The on-call engineer",
  "This migration plan",
  "The analytics pipeline",
];
const VERBS = [
  "reduces",
  "highlights",
  "depends on",
  "improves",
  "simplifies",
  "documents",
  "measures",
  "changes",
  "protects",
  "reveals",
];
const OBJECTS = [
  "the median response time",
  "the cost of each request",
  "several hidden assumptions",
  "the error budget for the month",
  "how traffic moves between regions",
  "the order of background jobs",
  "the size of the input batches",
  "a few recurring failure modes",
  "the tail latency under load",
  "the way results are stored",
];
const ENDINGS = [
  "during peak hours",
  "without extra hardware",
  "after the second rollout",
  "for most customers",
  "in a predictable way",
  "when the queue is long",
  "according to the latest logs",
  "with only minor changes",
];
const CONNECTORS = ["In practice,", "As a result,", "Meanwhile,", "For now,", "Over time,", "In short,"];

/** Generates plausible English sentences of exactly `tokens` tokens, drawn from the given random source. */
export function fillerText(random: SeededRandom, tokens: number): string {
  if (!Number.isInteger(tokens) || tokens < 0) {
    throw new RangeError(`filler length must be an integer >= 0 tokens, got ${tokens}`);
  }
  let text = "";
  let total = 0;
  // Sentences end in "." and the joining space belongs to the next word's token, so
  // counting " " + sentence adds up exactly to the count of the joined text.
  while (total < tokens) {
    const sentence = text === "" ? makeSentence(random, true) : ` ${makeSentence(random, false)}`;
    text += sentence;
    total += countTextTokens(sentence);
  }
  return cutToTokenLimit(text, tokens).text;
}

function makeSentence(random: SeededRandom, first: boolean): string {
  const subject = random.pick(SUBJECTS);
  const core = `${subject} ${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(ENDINGS)}.`;
  if (first || random.next() < 0.6) return core;
  return `${random.pick(CONNECTORS)} ${core[0].toLowerCase()}${core.slice(1)}`;
}
