import { generateHaystack } from "./generate_haystack.ts";
import { countTokens } from "./count_tokens.ts";
import { type DatasetItem, HAYSTACK_PLACEHOLDER, type HaystackGenerator } from "./schema.ts";

/** An item whose generator cannot be expanded. `field` is the item field at fault. */
export class ItemExpansionError extends Error {
  constructor(message: string, readonly field: string, readonly fix: string) {
    super(message);
    this.name = "ItemExpansionError";
  }
}

// Expansions are kept so that loading a dataset twice in one process generates it once.
// The cap bounds memory: a 1M-token prompt is about 5.6 million characters, and the
// built-in long-context and edge-case sets expand to about 45 million in all.
const CACHE_LIMIT_CHARS = 64_000_000;
const cache = new Map<string, DatasetItem["messages"]>();
let cachedChars = 0;
const MAX_SEAM_PASSES = 4;

/**
 * Return the item with its generator applied: the one `{{haystack}}` in its text is
 * replaced by seeded filler that contains the needles, sized so that the text of all
 * messages counts `generator.tokens` o200k tokens (each text segment counted on its own,
 * as the emulator counts a prompt). The returned item has no `generator`, so it can be
 * written out and loaded again as is. Items without a generator are returned unchanged.
 *
 * Throws {@link ItemExpansionError} when the placeholder is missing or repeated, or when
 * the messages and needles alone exceed `generator.tokens`.
 */
export function expandItem(item: DatasetItem): DatasetItem {
  if (item === null || typeof item !== "object") throw new TypeError("item must be a dataset item object");
  const generator = item.generator;
  if (generator === undefined) return item;

  const key = JSON.stringify([generator, item.messages]);
  const { generator: _recipe, ...plain } = item;
  const cached = cache.get(key);
  if (cached !== undefined) return { ...plain, messages: cached };

  const messages = expandMessages(item.messages, generator);
  const size = messages.reduce((sum, message) => sum + messageChars(message), 0);
  if (cachedChars + size > CACHE_LIMIT_CHARS) {
    cache.clear();
    cachedChars = 0;
  }
  cache.set(key, messages);
  cachedChars += size;
  return { ...plain, messages };
}

function expandMessages(messages: DatasetItem["messages"], generator: HaystackGenerator): DatasetItem["messages"] {
  const slots = findPlaceholders(messages);
  if (slots.length !== 1) {
    throw new ItemExpansionError(
      `the generator needs exactly one ${HAYSTACK_PLACEHOLDER} in the message text, found ${slots.length}`,
      "messages",
      `put ${HAYSTACK_PLACEHOLDER} once, on its own line, where the generated text belongs`,
    );
  }
  const slot = slots[0];
  const [before, after] = slot.text.split(HAYSTACK_PLACEHOLDER);
  const others = countTokens(replaceSlot(messages, slot, "")).tokens;
  const fixed = others + countTokens(before).tokens + countTokens(after).tokens;

  // The tokenizer may merge a haystack's first or last sentence with the text around it,
  // so the size is corrected until the seams add up.
  let target = generator.tokens - fixed;
  for (let pass = 0; pass < MAX_SEAM_PASSES; pass++) {
    if (target < 1) {
      throw new ItemExpansionError(
        `the messages take ${fixed} tokens, which leaves no room for a haystack of ${generator.tokens} tokens`,
        "generator.tokens",
        `raise generator.tokens above ${fixed + 50} or shorten the messages`,
      );
    }
    const haystack = haystackOrThrow(generator, target, fixed);
    const seams = seamDelta(before, haystack.edges.first) + seamDelta(haystack.edges.last, after);
    const total = fixed + haystack.tokens + seams;
    if (total === generator.tokens || pass === MAX_SEAM_PASSES - 1) {
      return replaceSlot(messages, slot, before + haystack.text + after);
    }
    target += generator.tokens - total;
  }
  throw new Error("unreachable: the last pass always returns");
}

function haystackOrThrow(generator: HaystackGenerator, target: number, fixed: number) {
  try {
    return generateHaystack({ seed: generator.seed, tokens: target, needles: generator.needles });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ItemExpansionError(
      `the messages take ${fixed} tokens and ${error.message}`,
      "generator.tokens",
      "raise generator.tokens or shorten the messages and needles",
    );
  }
}

interface Slot {
  message: number;
  part: number | null;
  text: string;
}

function findPlaceholders(messages: DatasetItem["messages"]): Slot[] {
  const slots: Slot[] = [];
  messages.forEach((message, index) => {
    if (typeof message.content === "string") {
      const found = message.content.split(HAYSTACK_PLACEHOLDER).length - 1;
      for (let n = 0; n < found; n++) slots.push({ message: index, part: null, text: message.content });
      return;
    }
    message.content.forEach((part, partIndex) => {
      if (part.type !== "text") return;
      const found = part.text.split(HAYSTACK_PLACEHOLDER).length - 1;
      for (let n = 0; n < found; n++) slots.push({ message: index, part: partIndex, text: part.text });
    });
  });
  return slots;
}

function replaceSlot(messages: DatasetItem["messages"], slot: Slot, text: string): DatasetItem["messages"] {
  return messages.map((message, index) => {
    if (index !== slot.message) return message;
    if (slot.part === null) return { ...message, content: text };
    const parts = (message.content as Exclude<typeof message.content, string>).map((part, partIndex) =>
      partIndex === slot.part ? { type: "text" as const, text } : part
    );
    return { ...message, content: parts };
  });
}

function seamDelta(left: string, right: string): number {
  if (left === "" || right === "") return 0;
  return countTokens(left + right).tokens - countTokens(left).tokens - countTokens(right).tokens;
}

function messageChars(message: DatasetItem["messages"][number]): number {
  if (typeof message.content === "string") return message.content.length;
  return message.content.reduce((sum, part) => sum + (part.type === "text" ? part.text.length : part.data.length), 0);
}
