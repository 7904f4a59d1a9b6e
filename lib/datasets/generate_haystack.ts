import { countTokens } from "gpt-tokenizer";
import { type SeededRandom, seededRandom } from "../emulator/seeded_random.ts";
import { HAYSTACK_VOCABULARY as WORDS } from "./haystack_vocabulary.ts";

/** A needle sentence and where it goes: 0 is the start of the haystack, 100 its end. */
export interface Needle {
  depth: number;
  text: string;
}

/** Options of {@link generateHaystack}. */
export interface HaystackOptions {
  seed: number;
  /** Exact o200k token count of the returned text, needles included. */
  tokens: number;
  needles: readonly Needle[];
}

/** A generated haystack and the token offset at which each needle starts. */
export interface Haystack {
  text: string;
  tokens: number;
  /** Token offset of each needle in the order of `options.needles`. */
  needleOffsets: number[];
  /** First and last rendered sentence, for recounting where the text meets its neighbours. */
  edges: { first: string; last: string };
}

// Special-token strings count as text, as they do in the emulator.
const ENCODE_OPTIONS = { disallowedSpecial: new Set<string>() };
const COUNT_CACHE_LIMIT = 100_000;
const counts = new Map<string, number>();
// A filler sentence is at most about 40 tokens, so below this the end is padded word by word.
const PADDING_THRESHOLD = 48;

/**
 * Generate seeded filler text (operations notes in paragraphs) of exactly `tokens` o200k
 * tokens with the needles placed at their depths.
 *
 * Each sentence is counted as it is rendered, with its leading space or trailing blank
 * line. o200k's pre-tokenizer never joins a sentence's last "." with the next sentence's
 * leading space, or a blank line with the next paragraph's first letter, so the counts
 * add up to the count of the whole text. The last few tokens are padding words of one
 * token each, which makes the total exact. Throws a RangeError when the needles alone
 * exceed `tokens`.
 */
export function generateHaystack(options: HaystackOptions): Haystack {
  const { seed, tokens, needles } = options;
  if (!Number.isInteger(seed) || seed < 0) throw new RangeError(`seed must be an integer >= 0, got ${seed}`);
  if (!Number.isInteger(tokens) || tokens < 1) throw new RangeError(`tokens must be an integer >= 1, got ${tokens}`);
  for (const [index, needle] of needles.entries()) {
    if (!(needle.depth >= 0 && needle.depth <= 100)) {
      throw new RangeError(`needles[${index}].depth must be from 0 to 100, got ${needle.depth}`);
    }
  }

  const needleTokens = needles.map((needle) => count(` ${needle.text}`));
  const fillerTarget = tokens - needleTokens.reduce((sum, n) => sum + n, 0);
  if (fillerTarget < 1) {
    throw new RangeError(`the needles take ${tokens - fillerTarget} tokens, more than the ${tokens} requested`);
  }
  // Needles are placed by the share of filler tokens before them, in depth order.
  const order = needles.map((needle, index) => ({ ...needle, index })).sort((a, b) => a.depth - b.depth);
  const thresholds = order.map((needle) => Math.round((needle.depth / 100) * fillerTarget));

  const random = seededRandom("haystack", seed);
  const parts: string[] = [];
  const needleOffsets: number[] = new Array(needles.length).fill(0);
  let used = 0;
  let filler = 0;
  let nextNeedle = 0;
  let startsParagraph = true;
  let sentencesLeftInParagraph = random.integer(4, 8);

  const emit = (sentence: string, endParagraph: boolean): number => {
    const rendered = `${startsParagraph ? "" : " "}${sentence}${endParagraph ? "\n\n" : ""}`;
    const n = count(rendered);
    parts.push(rendered);
    used += n;
    startsParagraph = endParagraph;
    return n;
  };
  const remainingNeedleTokens = () => order.slice(nextNeedle).reduce((sum, needle) => sum + needleTokens[needle.index], 0);
  const placeDueNeedles = () => {
    while (nextNeedle < order.length && thresholds[nextNeedle] <= filler && thresholds[nextNeedle] < fillerTarget) {
      const needle = order[nextNeedle];
      needleOffsets[needle.index] = used;
      emit(needle.text, false);
      nextNeedle++;
    }
  };

  while (true) {
    placeDueNeedles();
    const room = tokens - used - remainingNeedleTokens();
    if (room < PADDING_THRESHOLD) break;
    sentencesLeftInParagraph--;
    const sentence = makeSentence(random, startsParagraph);
    // A paragraph never ends right before the padding, so the padding reads as one sentence.
    const endParagraph = sentencesLeftInParagraph <= 0 && room > 2 * PADDING_THRESHOLD;
    filler += emit(sentence, endParagraph);
    if (endParagraph) sentencesLeftInParagraph = random.integer(4, 8);
  }

  // Needles left here sit at the very end, so the padding goes before them.
  const room = tokens - used - remainingNeedleTokens();
  if (room > 0) {
    const words = Array.from({ length: room }, (_, index) => WORDS.padding[index % WORDS.padding.length]);
    const padding = `${startsParagraph ? "" : " "}${words.join(" ")}`;
    parts.push(padding);
    used += count(padding);
    startsParagraph = false;
  }
  while (nextNeedle < order.length) {
    const needle = order[nextNeedle];
    needleOffsets[needle.index] = used;
    emit(needle.text, false);
    nextNeedle++;
  }
  return { text: parts.join(""), tokens: used, needleOffsets, edges: { first: parts[0], last: parts.at(-1)! } };
}

function makeSentence(random: SeededRandom, startsParagraph: boolean): string {
  const core = `${random.pick(WORDS.subjects)} ${random.pick(WORDS.verbs)} ${random.pick(WORDS.objects)} ` +
    `${random.pick(WORDS.endings)}.`;
  if (startsParagraph || random.next() < 0.7) return core;
  return `${random.pick(WORDS.connectors)} ${core[0].toLowerCase()}${core.slice(1)}`;
}

function count(text: string): number {
  const cached = counts.get(text);
  if (cached !== undefined) return cached;
  const n = countTokens(text, ENCODE_OPTIONS);
  if (counts.size >= COUNT_CACHE_LIMIT) counts.clear();
  counts.set(text, n);
  return n;
}
