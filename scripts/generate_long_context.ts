/**
 * Writes datasets/long-context.jsonl: needle-in-a-haystack items at six input sizes and five
 * depths, plus items with several needles. Each line contains a compact `generator` recipe that
 * the loaders expand (see lib/datasets/expand_item.ts), so the file stays small while the
 * prompts reach a million tokens. The output is the same on every run.
 *
 *   deno run -A scripts/generate_long_context.ts [--out datasets/long-context.jsonl]
 */
import { parseArgs } from "node:util";
import { formatItemLine } from "../lib/datasets/format_item_line.ts";
import { loadDataset } from "../lib/datasets/load_dataset.ts";
import type { DatasetItem } from "../lib/datasets/schema.ts";
import { seededRandom } from "../lib/emulator/seeded_random.ts";

/** Nominal context sizes in tokens; the `context:<tokens>` tag carries them. */
const SIZES = [1000, 8000, 32000, 128000, 200000, 1000000];
const DEPTHS = [0, 25, 50, 75, 100];
const MULTI_NEEDLE_SIZES = [8000, 32000, 128000];
/** Room left for the answer: 1,024 tokens, or an eighth of a small context. */
const ANSWER_RESERVE = (size: number) => Math.min(1024, Math.floor(size / 8));

const SUBJECTS = [
  "Kestrel archive", "Osprey cluster", "Heron mirror", "Falcon gateway", "Plover queue", "Merlin vault",
  "Curlew bucket", "Harrier ledger", "Avocet replica", "Dunlin backup", "Gannet shard", "Puffin index",
  "Lapwing cache", "Shrike router", "Tern snapshot", "Wigeon store", "Redshank proxy", "Bittern relay",
  "Goshawk console", "Nightjar tunnel", "Petrel journal", "Skua registry", "Egret bastion", "Whimbrel depot",
  "Sandpiper node", "Fulmar pool", "Kittiwake hub", "Smew spool", "Pipit beacon", "Godwit silo",
];
const SYSTEM = "You answer questions about the document in the user message, using only that document. Reply with the " +
  'requested value only, exactly as written in the document. If the document does not contain it, reply "not found".';

function code(random: ReturnType<typeof seededRandom>): string {
  const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  const digits = String(random.integer(1000, 9999));
  return `${digits}-${letters[random.integer(0, 23)]}${letters[random.integer(0, 23)]}`;
}

function nearMiss(value: string): string {
  // Swapping the middle digits is the typical misread of a code.
  return `${value[0]}${value[2]}${value[1]}${value.slice(3)}`;
}

function userPrompt(question: string): string {
  return `Read the operations log below and answer the question after it.\n\n<document>\n{{haystack}}\n</document>\n\n` +
    `Question: ${question}`;
}

function singleNeedleItems(): DatasetItem[] {
  const items: DatasetItem[] = [];
  let index = 0;
  for (const size of SIZES) {
    for (const depth of DEPTHS) {
      const random = seededRandom("long-context", size, depth);
      const subject = SUBJECTS[index % SUBJECTS.length];
      let value = code(random);
      while (nearMiss(value) === value) value = code(random);
      const label = size >= 1_000_000 ? `${size / 1_000_000}m` : `${size / 1000}k`;
      items.push({
        id: `needle-${label}-d${String(depth).padStart(3, "0")}`,
        kind: "long-context",
        messages: [
          { role: "system", content: SYSTEM },
          { role: "user", content: userPrompt(`What is the recovery code for the ${subject}?`) },
        ],
        reference: value,
        distractor: nearMiss(value),
        scorer: { name: "needle", values: [value] },
        tags: ["needle", `context:${size}`, `depth:${depth}`, "needles:1"],
        generator: {
          name: "haystack",
          seed: 1000 + index,
          tokens: size - ANSWER_RESERVE(size),
          needles: [{ depth, text: `The recovery code for the ${subject} is ${value}.` }],
        },
      });
      index++;
    }
  }
  return items;
}

function multiNeedleItems(): DatasetItem[] {
  return MULTI_NEEDLE_SIZES.map((size, index) => {
    const random = seededRandom("long-context-multi", size);
    const subject = SUBJECTS[(SUBJECTS.length - 1 - index) % SUBJECTS.length];
    const parts = [code(random), code(random), code(random)];
    const ordinals = ["first", "second", "third"];
    const depths = [10, 50, 90];
    return {
      id: `needle-multi-${size / 1000}k`,
      kind: "long-context",
      messages: [
        { role: "system", content: SYSTEM },
        {
          role: "user",
          content: userPrompt(
            `The signing key of the ${subject} is split into three parts spread through the log. ` +
              "List the three parts in order (first, second, third), separated by spaces.",
          ),
        },
      ],
      reference: parts.join(" "),
      // Losing the middle needle is the typical long-context failure.
      distractor: `${parts[0]} ${parts[2]}`,
      scorer: { name: "needle", values: parts },
      tags: ["needle", `context:${size}`, ...depths.map((depth) => `depth:${depth}`), "needles:3"],
      generator: {
        name: "haystack",
        seed: 2000 + index,
        tokens: size - ANSWER_RESERVE(size),
        needles: parts.map((part, n) => ({
          depth: depths[n],
          text: `The ${ordinals[n]} part of the signing key of the ${subject} is ${part}.`,
        })),
      },
    } satisfies DatasetItem;
  });
}

const { values } = parseArgs({ args: Deno.args, options: { out: { type: "string" } }, strict: true });
const out = values.out ?? new URL("../datasets/long-context.jsonl", import.meta.url).pathname;
const items = [...singleNeedleItems(), ...multiNeedleItems()];
await Deno.writeTextFile(out, items.map(formatItemLine).join("\n") + "\n");
const started = performance.now();
const dataset = await loadDataset(out);
console.error(
  `wrote ${dataset.items.length} items to ${out}; expanding them took ${Math.round(performance.now() - started)} ms`,
);
