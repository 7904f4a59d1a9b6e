import { z } from "zod";

/** Task kinds of the built-in suites. The emulator and the scorers branch on them. */
export const TASK_KINDS = [
  "json-extraction",
  "code",
  "sql",
  "summarization",
  "qa",
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

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
});
export type DatasetItem = z.infer<typeof datasetItemSchema>;

/** A loaded dataset: its name (the file name without `.jsonl`), its file path and items. */
export interface Dataset {
  name: string;
  path: string;
  items: DatasetItem[];
}
