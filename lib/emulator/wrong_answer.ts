import type { DatasetItem } from "../datasets/schema.ts";
import { corruptReference } from "./corrupt_reference.ts";
import { garbleText } from "./garble_text.ts";
import type { SeededRandom } from "./seeded_random.ts";

/** The reply of a model that does not find the needle. */
export const NOT_FOUND_REPLY = "not found";

/**
 * Draws a wrong answer for an item, in the way models of its task kind go wrong:
 *
 * - `code-fix`: the broken code from the prompt unchanged, or the distractor (another bug).
 * - `summarization`: the distractor, the reference without its key facts, or the
 *   reference plus a number that the source does not contain.
 * - `long-context`: the distractor (a misread value or a missed needle) or "not found".
 * - `image`: the distractor (a neighbouring bar or row) or a changed value or name.
 * - `edge-case`: the distractor (e.g. following an injected instruction) or, when the
 *   reference has emoji or other non-ASCII text, the reference with it garbled.
 * - other kinds: the distractor, else a corruption of the reference.
 */
export function wrongAnswer(item: DatasetItem, random: SeededRandom): string {
  const candidates = wrongCandidates(item, random).filter((text) => text.trim() !== item.reference.trim());
  if (candidates.length === 0) return corruptReference(item.kind, item.reference, random);
  return random.pick(candidates);
}

function wrongCandidates(item: DatasetItem, random: SeededRandom): string[] {
  const distractor = item.distractor === undefined ? [] : [item.distractor];
  switch (item.kind) {
    case "code-fix": {
      const broken = brokenCode(item);
      return broken === null ? distractor : [...distractor, broken];
    }
    case "summarization":
      return [...distractor, corruptReference("summarization", item.reference, random), withUnsupportedNumber(item, random)];
    case "long-context":
      return [...distractor, NOT_FOUND_REPLY];
    case "image":
      return [...distractor, corruptReference("image", item.reference, random)];
    case "edge-case": {
      const garbled = garbleText(item.reference);
      return garbled === item.reference ? distractor : [...distractor, garbled];
    }
    default:
      return item.distractor === undefined ? [corruptReference(item.kind, item.reference, random)] : distractor;
  }
}

// The code to fix is the last ```ts block of the prompt, after the failing tests.
function brokenCode(item: DatasetItem): string | null {
  const prompt = userText(item);
  const blocks = [...prompt.matchAll(/```(?:ts|typescript)\n([\s\S]*?)\n```/g)];
  const last = blocks.at(-1)?.[1];
  return last === undefined ? null : `\`\`\`ts\n${last}\n\`\`\``;
}

function withUnsupportedNumber(item: DatasetItem, random: SeededRandom): string {
  const source = userText(item);
  let number = random.integer(1200, 9800);
  while (source.includes(String(number)) || source.includes(number.toLocaleString("en-US"))) number += 37;
  return `${item.reference.trim()} The change affected ${number.toLocaleString("en-US")} customers.`;
}

function userText(item: DatasetItem): string {
  return item.messages
    .filter((message) => message.role === "user")
    .map((message) =>
      typeof message.content === "string"
        ? message.content
        : message.content.map((part) => (part.type === "text" ? part.text : "")).join("\n")
    )
    .join("\n");
}
