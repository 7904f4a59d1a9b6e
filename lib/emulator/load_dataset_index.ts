import { join } from "node:path";
import { expandItem } from "../datasets/expand_item.ts";
import { type DatasetItem, datasetItemSchema } from "../datasets/schema.ts";
import { normalisePrompt } from "./normalise_prompt.ts";

/** A dataset file the emulator could not load. `line` is 1-based, or null for a file-level failure. */
export class DatasetFileError extends Error {
  constructor(message: string, readonly path: string, readonly line: number | null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatasetFileError";
  }
}

/** A dataset item the emulator recognises, with the dataset it came from. */
export interface IndexedItem {
  dataset: string;
  item: DatasetItem;
  /** Identity used for seeding draws: `<dataset>/<item id>`. */
  uid: string;
}

/** Dataset items keyed by the normalised-prompt key of their messages. */
export interface DatasetIndex {
  items: ReadonlyMap<string, IndexedItem>;
  files: string[];
  /** Items whose prompt repeats an earlier item's prompt. The earlier item answers for both. */
  shadowed: string[];
}

/**
 * Loads every `*.jsonl` file in a directory (one item per non-blank line, validated
 * against the dataset schema) and indexes the items by their prompt key. Items with a
 * `generator` are expanded first, as `loadDataset` expands them, so the key is that of
 * the prompt a client sends.
 */
export async function loadDatasetIndex(dir: string): Promise<DatasetIndex> {
  if (typeof dir !== "string" || dir.length === 0) {
    throw new TypeError(`datasets directory must be a non-empty string, got ${JSON.stringify(dir)}`);
  }
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(dir)) {
      if (entry.isFile && entry.name.endsWith(".jsonl")) names.push(entry.name);
    }
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DatasetFileError(
      `Cannot read datasets directory ${dir}: ${reason}. Fix: create it or pass datasetsDir.`,
      dir,
      null,
      { cause },
    );
  }
  names.sort();

  const items = new Map<string, IndexedItem>();
  const shadowed: string[] = [];
  const files: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    files.push(path);
    const dataset = name.slice(0, -".jsonl".length);
    for (const item of parseJsonl(path, await Deno.readTextFile(path))) {
      const uid = `${dataset}/${item.id}`;
      const key = normalisePrompt({ format: "dataset", messages: item.messages }).key;
      if (items.has(key)) shadowed.push(uid);
      else items.set(key, { dataset, item, uid });
    }
  }
  return { items, files, shadowed };
}

function parseJsonl(path: string, text: string): DatasetItem[] {
  const items: DatasetItem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const lineNumber = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new DatasetFileError(
        `Invalid JSON in ${path} line ${lineNumber}: ${reason}. Fix: write one JSON object per line.`,
        path,
        lineNumber,
        { cause },
      );
    }
    const result = datasetItemSchema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new DatasetFileError(
        `Invalid dataset item in ${path} line ${lineNumber}: field "${issue.path.join(".")}": ${issue.message}. ` +
          "Fix: correct the item to match lib/datasets/schema.ts.",
        path,
        lineNumber,
        { cause: result.error },
      );
    }
    try {
      items.push(expandItem(result.data));
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new DatasetFileError(
        `Cannot expand the generator of the item in ${path} line ${lineNumber}: ${reason}. ` +
          "Fix: correct the item's generator or its {{haystack}} placeholder.",
        path,
        lineNumber,
        { cause },
      );
    }
  });
  return items;
}
