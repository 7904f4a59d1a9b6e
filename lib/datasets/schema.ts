import { z } from "zod";
import { ERROR_CLASSES } from "../providers/types.ts";

/** Task kinds of the built-in suites. The emulator and the scorers branch on them. */
export const TASK_KINDS = [
  "json-extraction",
  "code",
  "code-fix",
  "sql",
  "summarization",
  "qa",
  "long-context",
  "image",
  "edge-case",
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Text that the `haystack` generator replaces with the generated filler and needles. */
export const HAYSTACK_PLACEHOLDER = "{{haystack}}";

const textPart = z.object({ type: z.literal("text"), text: z.string() });
const imagePart = z.object({
  type: z.literal("image"),
  media_type: z.enum(["image/png", "image/jpeg", "image/gif", "image/webp"]),
  data: z.string().min(1).describe("base64 image data without a data: prefix"),
});

export const messageSchema = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.union([z.string(), z.array(z.discriminatedUnion("type", [textPart, imagePart])).min(1)]),
});

/**
 * Scorer settings. Each scorer validates its own settings in `lib/scoring/`;
 * here only the scorer name is checked, so new scorers need no schema change.
 */
export const scorerSchema = z.looseObject({ name: z.string().min(1) });

/**
 * A compact recipe for a long prompt. The loaders (`loadDataset` and the emulator's index)
 * replace the one `{{haystack}}` in the item's messages with seeded filler text that contains
 * the needles, sized so the whole prompt has `tokens` o200k tokens. The same recipe always
 * gives the same text, so the file stays small and every reader sees the same prompt.
 */
export const haystackGeneratorSchema = z.strictObject({
  name: z.literal("haystack"),
  /** Seed of the filler text. */
  seed: z.int().min(0),
  /** Total o200k tokens of the expanded prompt, every message included. */
  tokens: z.int().positive().max(4_000_000),
  /** Sentences placed at a depth: 0 is the start of the filler, 100 its end. */
  needles: z.array(z.strictObject({
    depth: z.number().min(0).max(100),
    text: z.string().min(1).regex(/^[^\n]*[.!?]$/, "a needle must be one line that ends with . ! or ?"),
  })),
});
export type HaystackGenerator = z.infer<typeof haystackGeneratorSchema>;

const errorClass = z.enum(ERROR_CLASSES);

/** One line of a dataset JSONL file. */
export const datasetItemSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(TASK_KINDS),
  messages: z.array(messageSchema).min(1),
  /** A correct model output for this item. The emulator sends it for right answers. */
  reference: z.string(),
  /** A plausible wrong output. The emulator sends it (or a corruption of `reference`) for wrong answers. */
  distractor: z.string().optional(),
  scorer: scorerSchema,
  tags: z.array(z.string()).default([]),
  /** Recipe that expands `{{haystack}}` in `messages` when the item is loaded. */
  generator: haystackGeneratorSchema.optional(),
  /**
   * Classified provider errors that count as the correct outcome, e.g.
   * `context_length_exceeded` for a prompt over every model's window. `scoreError` grades them.
   */
  expect_error: z.union([errorClass, z.array(errorClass).min(1)]).optional(),
});
export type DatasetItem = z.infer<typeof datasetItemSchema>;

/** A loaded dataset: its name (the file name without `.jsonl`), its file path and items. */
export interface Dataset {
  name: string;
  path: string;
  items: DatasetItem[];
}
