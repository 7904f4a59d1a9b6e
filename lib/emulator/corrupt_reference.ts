import type { TaskKind } from "../datasets/schema.ts";
import type { SeededRandom } from "./seeded_random.ts";
import { corruptCode, corruptSql } from "./corrupt_code.ts";
import { garbleText } from "./garble_text.ts";

const REPLACEMENT_NAMES = ["Lisbon", "Marseille", "Helena Brandt", "Orion Labs", "Kyoto", "Tomas Varga", "Valencia"];
const REPLACEMENT_WORDS = ["pending", "archived", "secondary", "manual", "legacy", "external"];

/**
 * Makes a plausible wrong answer from a right one, in the way models of each task kind
 * typically fail: one changed JSON field, an off-by-one or flipped operator in code, a
 * changed SQL condition, a summary without its key facts, a different QA answer or chart
 * reading, "not found" for a needle, or garbled emoji.
 * The result always differs from `reference`.
 */
export function corruptReference(kind: TaskKind, reference: string, random: SeededRandom): string {
  const corrupted = corruptByKind(kind, reference, random);
  if (corrupted !== null && corrupted.trim() !== reference.trim()) return corrupted;
  return fallbackCorruption(reference);
}

function corruptByKind(kind: TaskKind, reference: string, random: SeededRandom): string | null {
  switch (kind) {
    case "json-extraction":
      return corruptJson(reference, random);
    case "code":
    case "code-fix":
      return corruptCode(reference, random);
    case "sql":
      return corruptSql(reference, random);
    case "summarization":
      return dropKeyFacts(reference);
    case "qa":
    case "image":
      return otherAnswer(reference, random);
    case "long-context":
      return "not found";
    case "edge-case":
      return garbleText(reference);
  }
}

function corruptJson(reference: string, random: SeededRandom): string | null {
  const start = reference.search(/[[{]/);
  const end = Math.max(reference.lastIndexOf("}"), reference.lastIndexOf("]"));
  if (start < 0 || end < start) return null;
  let value: unknown;
  try {
    value = JSON.parse(reference.slice(start, end + 1));
  } catch {
    return null;
  }

  const leaves: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  collectLeaves(value, leaves);
  if (leaves.length === 0) return null;
  const leaf = random.pick(leaves);
  const parent = leaf.parent as Record<string | number, unknown>;
  parent[leaf.key] = changeValue(parent[leaf.key], random);

  const indent = /\n\s+"/.test(reference.slice(start, end + 1)) ? 2 : undefined;
  return reference.slice(0, start) + JSON.stringify(value, null, indent) + reference.slice(end + 1);
}

function collectLeaves(
  value: unknown,
  leaves: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }>,
): void {
  if (Array.isArray(value)) {
    value.forEach((child, index) => {
      if (child !== null && typeof child === "object") collectLeaves(child, leaves);
      else leaves.push({ parent: value, key: index });
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (child !== null && typeof child === "object") collectLeaves(child, leaves);
      else leaves.push({ parent: value as Record<string, unknown>, key });
    }
  }
}

function changeValue(value: unknown, random: SeededRandom): unknown {
  if (typeof value === "number") {
    const step = random.integer(1, 9) * (random.next() < 0.5 ? -1 : 1);
    return Number.isInteger(value) ? value + step : Math.round((value + step / 10) * 100) / 100;
  }
  if (typeof value === "boolean") return !value;
  if (value === null) return "unknown";
  const text = String(value);
  if (/\d/.test(text)) return text.replace(/\d(?!.*\d)/, (digit) => String((Number(digit) + 1) % 10));
  const words = text.split(" ");
  if (words.length > 1) return [...words.slice(1), words[0]].join(" ");
  const pool = /^[A-Z]/.test(text) ? REPLACEMENT_NAMES : REPLACEMENT_WORDS;
  return random.pick(pool.filter((word) => word !== text));
}

function dropKeyFacts(reference: string): string {
  const sentences = reference.match(/[^.!?]+[.!?]*/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
  const hasFact = (sentence: string) => /\d/.test(sentence) || /\s[A-Z][a-z]+/.test(sentence);
  let kept = sentences.filter((sentence) => !hasFact(sentence));
  if (kept.length === 0 || kept.length === sentences.length) kept = sentences.slice(0, 1);
  const vague = kept.join(" ")
    .replace(/\d[\d,.%]*/g, "several")
    .replace(/(\s)[A-Z][a-z]+(\s[A-Z][a-z]+)*/g, "$1someone");
  return `${vague} Several other points were covered as well.`;
}

function otherAnswer(reference: string, random: SeededRandom): string {
  const trimmed = reference.trim();
  if (/^(yes|no|true|false)\b/i.test(trimmed)) {
    const flips: Record<string, string> = { yes: "No", no: "Yes", true: "False", false: "True" };
    return flips[trimmed.split(/\b/)[0].toLowerCase()];
  }
  const number = trimmed.match(/-?\d+(\.\d+)?/);
  if (number) {
    const original = Number(number[0]);
    const changed = number[1] ? (original * 1.1).toFixed(number[1].length - 1) : original + random.integer(1, 5);
    return trimmed.replace(number[0], String(changed));
  }
  const name = random.pick(REPLACEMENT_NAMES.filter((candidate) => !trimmed.includes(candidate)));
  // The last capitalised run is usually the answer itself ("The capital is Paris.").
  const capitalised = trimmed.match(/\b[A-Z][\w-]*(\s[A-Z][\w-]*)*/g);
  if (capitalised && trimmed.split(/\s+/).length <= 12) {
    const last = capitalised[capitalised.length - 1];
    const at = trimmed.lastIndexOf(last);
    return trimmed.slice(0, at) + name + trimmed.slice(at + last.length);
  }
  return `${name}.`;
}

function fallbackCorruption(reference: string): string {
  const words = reference.trim().split(/\s+/);
  if (words.length > 3) return words.slice(0, Math.ceil(words.length / 2)).join(" ");
  return "I am not sure.";
}
